"""In-document coreference: pronouns and descriptions back to the last compatible actor."""

from __future__ import annotations

import pytest


def sources(coded):
    return {(e.source.code if e.source else None, e.root) for e in coded.events}


@pytest.mark.parametrize(
    "text, source, root",
    [
        ("The European Union said it imposed sanctions on Belarus.", "EUR", "16"),
        ("Hungary blocked the plan. It also criticised Ukraine.", "HUN", "11"),
    ],
)
def test_it_refers_to_the_last_country_or_organisation(code_text, text, source, root):
    assert (source, root) in sources(code_text(text))


def test_impersonal_it_is_no_actor(code_text):
    coded = code_text("Egypt hosted the talks. It is unclear whether Qatar will attend.")
    assert not any(m.text == "It" for m in coded.mentions)


def test_description_and_pronoun_refer_to_the_person(code_text):
    text = ("Kenyan President William Ruto arrived in Addis Ababa on Monday. "
            "The president praised Ethiopia for its mediation. He later met officials of the African Union.")
    coded = code_text(text)
    refs = [m for m in coded.mentions if m.text in ("president", "He")]
    assert refs and all(m.code == "KENGOV" and m.name == "William Ruto" for m in refs)
    assert len({m.entity for m in coded.mentions if m.name == "William Ruto"}) == 1
    assert ("KENGOV", "05") in sources(coded)


@pytest.mark.parametrize(
    "text, description, code",
    [
        ("The WHO warned of a cholera outbreak. Sudan criticised the agency for the delay.", "agency", "WHO"),
        ("NATO held drills near the border. Belarus condemned the alliance.", "alliance", "NAT"),
        ("Hezbollah fired drones at Israel. Israel struck the group in Lebanon.", "group", "LBNREB"),
    ],
)
def test_descriptions_of_organisations_and_groups(code_text, text, description, code):
    coded = code_text(text, published="2025-06-01")
    refs = [m for m in coded.mentions if m.text == description]
    assert refs and all(m.code == code for m in refs)
    assert any(e.target is not None and e.target.code == code and e.target.text == description for e in coded.events)


def test_organisation_description_needs_a_recent_organisation(code_text):
    # no organisation in this or the previous sentence: "the agency" stays unresolved
    coded = code_text("Ghana and Togo met on Monday. Officials said the agency had not been told.",
                      published="2025-06-01")
    assert not any(m.text == "agency" for m in coded.mentions)


@pytest.mark.parametrize(
    "text, code",
    [
        ("EU leaders said they would continue to help Kyiv.", "EURGOV"),
        ("Kenyan officials said they had arrested the suspects.", "KENGOV"),
    ],
)
def test_they_refers_to_the_last_actor_named_by_a_plural_noun(code_text, text, code):
    coded = code_text(text, published="2025-05-01")
    they = [m for m in coded.mentions if m.text == "they"]
    assert [m.code for m in they] == [code]


def test_they_without_a_plural_actor_is_no_actor(code_text):
    coded = code_text("Russia and China said they would veto the resolution.", published="2025-05-01")
    assert not [m for m in coded.mentions if m.text == "they"]
