"""Sub-national regions (provinces, states, oblasts) coded as their country, and territories with their own ISO
code; names that several countries share, or that are also cities, stay out. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.actors import check, load_dictionary, resolve_text
from parley.events.coder import counts_as_occurred

D = dt.date(2024, 7, 13)


def codes(coded):
    return {m.code for m in coded.mentions}


def triples(coded):
    return {(e.source.code if e.source else None, e.root, e.target.code if e.target else None)
            for e in coded.events if counts_as_occurred(e)}


def test_the_dictionary_with_regions_is_consistent():
    assert check(load_dictionary().entries) == []


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("Xinjiang authorities", "CHNGOV"),  # region + role noun before it
        ("officials in the Kursk region", "RUSGOV"),  # role noun + "in" + region
        ("the deputy governor of the Kharkiv region", "UKRGOV"),  # an oblast named after its city, as "X region"
        ("the Borno State government", "NGAGOV"),
        ("Kurdistan Region officials", "IRQGOV"),
        ("Tigray", "ETH"),  # the region alone is its country
        ("Quebec", "CAN"),
        ("Tigray forces", "ETHREB"),  # Tigray's own forces, not Ethiopia's army
        ("Papua New Guinea", "PNG"),  # the country, not Indonesia's Papua inside it
    ],
)
def test_regions_resolve_to_their_country(phrase, code):
    m = resolve_text(phrase, D)
    assert m is not None, phrase
    assert m.code == code, (phrase, m.code)


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("The Sindh government closed all schools in the province on Tuesday.", "PAKGOV"),
        ("Police in Assam detained dozens of protesters overnight.", "INDCOP"),
        ("Texas officials said the new border fence would be finished by spring.", "USAGOV"),
        ("The government of Catalonia called a snap regional election.", "ESPGOV"),
    ],
)
def test_region_with_a_role_noun_takes_the_role(code_text, sentence, code):
    coded = code_text(sentence)
    assert code in codes(coded), [(m.text, m.code) for m in coded.mentions]


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("Hong Kong police questioned two student leaders.", "HKGCOP"),
        ("The Hong Kong government postponed the vote.", "HKGGOV"),
        ("Macau authorities tightened casino rules.", "MACGOV"),
        ("Greenland's prime minister turned down the offer.", "GRLGOV"),
        ("Puerto Rico's governor asked for federal disaster aid.", "PRIGOV"),
    ],
)
def test_territories_with_their_own_iso_code_are_countries(code_text, sentence, code):
    coded = code_text(sentence)
    assert code in codes(coded), [(m.text, m.code) for m in coded.mentions]


def test_punjab_is_left_out_because_two_countries_have_one(code_text):
    coded = code_text("Punjab police arrested a man outside the stadium.")
    assert not any(m.code[:3] in ("PAK", "IND") for m in coded.mentions), [(m.text, m.code) for m in coded.mentions]


def test_georgia_is_still_the_country(code_text):
    coded = code_text("Georgia recalled its ambassador after the incident.")
    assert "GEO" in {m.code[:3] for m in coded.mentions}
    assert "USA" not in {m.code[:3] for m in coded.mentions}


@pytest.mark.parametrize("sentence", [
    "Kandahar officials reopened the market.",  # a major city, left out
    "Victoria announced new fishing limits.",  # a state, a lake and a person's name
    "Kurdistan officials rejected the plan.",  # Iraq's, Turkey's, Syria's or Iran's
])
def test_ambiguous_region_names_are_left_out(code_text, sentence):
    coded = code_text(sentence)
    assert not any(m.code[:3] in ("AFG", "AUS", "IRQ", "TUR", "SYR", "IRN") for m in coded.mentions), \
        [(m.text, m.code) for m in coded.mentions]


def test_event_with_a_regional_police_force_as_source(code_text):
    coded = code_text("Police in Xinjiang arrested three activists.")
    assert any(s == "CHNCOP" and r == "17" for s, r, _t in triples(coded)), coded.events


def test_event_aimed_at_a_region_is_aimed_at_its_country(code_text):
    coded = code_text("Ukrainian drones struck an oil depot in the Belgorod region.")
    assert any(s == "UKRMIL" and r == "19" and t == "RUS" for s, r, t in triples(coded)), coded.events


def test_region_governor_condemning_is_a_government_act(code_text):
    coded = code_text("The governor of Borno State condemned the raid on the village.")
    assert any(s == "NGAGOV" and r == "11" for s, r, _t in triples(coded)), coded.events


def test_plain_names_split_like_the_tokenizer():
    """The matchers build plain names' pattern docs from their words: that must be the tokenizer's split."""
    from parley.actors import load_dictionary
    from parley.actors.resolve import PLAIN_NAME
    from parley.nlp import load

    tokenizer = load().tokenizer
    d = load_dictionary()
    plain = [n for n in [*d.by_name, *d.roles] if PLAIN_NAME.match(n)]
    assert len(plain) > 5000
    for name, doc in zip(plain, tokenizer.pipe(plain)):
        assert [t.text for t in doc] == name.split(" "), name
