"""Actors in running text: names across apostrophes and possessives, role nouns, titles and
appositions, a text about one country, pronouns that refer to a body or a group."""

from __future__ import annotations

import pytest

from parley.events.coder import counts_as_occurred


def occurred(coded):
    """(source, code, target) of every event that counts as having happened."""
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in coded.events if counts_as_occurred(e)}


def test_names_match_with_the_typographic_apostrophe(code_text):
    straight = code_text("The Kurdistan Workers' Party announced a ceasefire on Sunday.")
    curly = code_text("The Kurdistan Workers\u2019 Party announced a ceasefire on Sunday.")
    assert {m.code for m in straight.mentions} == {m.code for m in curly.mentions} == {"TURREB"}


def test_a_person_entity_run_across_a_possessive_is_two_names(code_text):
    coded = code_text("Osama bin Laden\u2019s al-Qaeda network threatened to attack Kenya.", published="2000-03-01")
    assert "IMGREB" in {m.code for m in coded.mentions if m.text == "al-Qaeda"}
    assert ("IMGREB", "138", "KEN") in occurred(coded)


@pytest.mark.parametrize("sentence, text, code", [
    ("Croatian extremists burned a church near Split.", "Croatian extremists", "HRVRAD"),
    ("Palestinian youths threw stones at a checkpoint.", "Palestinian youths", "PSECVL"),
    ("The Kosovo Assembly voted to dissolve itself.", "Kosovo Assembly", "XKXLEG"),
])
def test_new_role_nouns(code_text, sentence, text, code):
    assert (text, code) in {(m.text, m.code) for m in code_text(sentence).mentions}


def test_settlers_in_a_text_about_israel_and_the_palestinians_are_israeli(code_text):
    coded = code_text("Settlers torched dozens of Palestinian cars in the West Bank overnight.")
    assert "ISRSET" in {m.code for m in coded.mentions}
    assert "SET" in {m.code for m in code_text("Settlers moved into the valley last year.").mentions}


def test_look_alike_apostrophes_and_spaces_parse_like_the_real_ones(code_text):
    # some sites print an acute accent for the apostrophe and no-break spaces between words
    coded = code_text("MANILA: The Philippines condemned China\u00b4s Coast Guard on Sunday.")
    assert ("PHL", "111", "CHNMIL") in occurred(coded)
    # offsets and texts still point into the original
    m = next(m for m in coded.mentions if m.code == "CHNMIL")
    assert coded.document.text[m.start:m.end] == m.text == "China\u00b4s Coast Guard"
    coded = code_text("Japan\u00a0condemned\u00a0North Korea on Monday.")
    assert ("JPN", "111", "PRK") in occurred(coded)


def test_it_refers_to_a_body_named_by_its_role(code_text):
    coded = code_text("The main opposition party said on Monday that it would boycott the vote.")
    assert ("OPP", "143", None) in occurred(coded)
    # a boycott planned is not yet one
    assert not occurred(code_text("The opposition plans to boycott the election."))


def test_titles_the_model_takes_into_a_name_and_appositions_and_appointers(code_text):
    coded = code_text("Gen Tchiani criticized Ecowas for its sanctions.", published="2024-02-01")
    assert ("NERGOV", "111", "ECOWAS") in occurred(coded)
    coded = code_text('The Arab League said its secretary general, Ahmed Aboul Gheit, "strongly condemns" the raid.',
                      published="2023-05-01")
    assert any(s == "ARL" and c == "111" for s, c, _t in occurred(coded)), occurred(coded)
    coded = code_text("The prime minister appointed by Mali's junta criticised ECOWAS on Monday.")
    assert ("MLIGOV", "111", "ECOWAS") in occurred(coded)


def test_state_roles_in_a_text_about_one_country_are_that_country_s(code_text):
    coded = code_text("KATHMANDU, March 8 (Reuters) - Police arrested dozens of activists on Tuesday. "
                      "Troops were deployed across the capital.")
    assert ("NPLCOP", "173", "CVL") in occurred(coded) or any(
        s == "NPLCOP" and c == "173" for s, c, _t in occurred(coded)), occurred(coded)
    # no dateline: the only country the text names
    coded = code_text("The Maldivian opposition planned a rally in Male. Police arrested 141 protesters.")
    assert any(s == "MDVCOP" and c == "173" for s, c, _t in occurred(coded)), occurred(coded)


def test_a_dateline_abroad_does_not_make_others_police_its_own(code_text):
    coded = code_text("WASHINGTON - Seoul accused North Korea of sinking a warship. Police said 46 sailors died.")
    assert not any(m.code.startswith("USA") for m in coded.mentions)
    # two countries named and no dateline: nobody's police
    coded = code_text("Kenya and Uganda traded accusations. Police arrested ten traders at the border.")
    assert not any(m.code.endswith("COP") for m in coded.mentions)


def test_an_object_them_refers_to_the_group_acted_on(code_text):
    coded = code_text("Venezuelan police detained opposition activists and beat them.")
    them = next(m for m in coded.mentions if m.text == "them")
    assert them.code.endswith("OPP")


def test_it_after_an_unnamed_speaker_is_that_speaker(code_text):
    coded = code_text("The government, which has accused the opposition of plotting a coup, said on Tuesday it had "
                      "detained seven mercenaries.")
    assert not any(m.text == "it" for m in coded.mentions)


def _naive_without_overlaps(mentions):
    ordered = sorted(mentions, key=lambda m: (m.kind != "person", -(m.end - m.start), m.start))
    kept = []
    for m in ordered:
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    return kept


def _mentions(rng, n, width):
    from parley.model import Mention

    out = []
    for _ in range(n):
        start = rng.randrange(width)
        end = start + rng.randrange(0, 12)
        out.append(Mention(code="RUS", name=None, text="x", start=start, end=end,
                           kind=rng.choice(["person", "country", "institution"])))
    return out


def test_overlapping_mentions_are_dropped_as_before():
    import random

    from parley.actors.resolve import _without_overlaps

    rng = random.Random(16)
    for n in (0, 1, 2, 5, 30, 200):
        for _ in range(40):
            mentions = _mentions(rng, n, width=3 * n + 5)
            assert _without_overlaps(mentions) == _naive_without_overlaps(mentions)


def test_dropping_overlaps_on_a_long_documents_mentions_keeps_the_same_ones():
    # its time on a very long document is measured in benchmarks/long_document.py, not here: a timed unit test
    # fails on a busy machine and proves nothing on a fast one
    import random

    from parley.actors.resolve import _without_overlaps

    mentions = _mentions(random.Random(16), 3_000, width=3_000 * 20)
    kept = _without_overlaps(mentions)
    assert kept == _naive_without_overlaps(mentions)
    assert len(kept) > 2_000


def _codes(coded) -> dict[str, str]:
    return {m.text: m.code for m in coded.mentions}


@pytest.mark.parametrize("text, mention, code", [
    # the only country the sentence names, as a party: its police and its protesters
    ("Police fired tear gas at protesters outside Kenya's parliament, and Nairobi and Mombasa stayed tense.",
     "Police", "KENCOP"),
    ("Police fired tear gas at protesters outside Kenya's parliament, and Nairobi and Mombasa stayed tense.",
     "protesters", "KENCVL"),
    # a group takes the country of the sentence before when its own names none
    ("Fighting spread across northern Mali and Niger's border on Sunday. Later, in the desert town the army had "
     "left, Mali's mayor said militants attacked a market.", "militants", "MLIREB"),
    ("Bangladesh's opposition marched on Friday. Protesters said the march was peaceful. India's foreign ministry "
     "called for calm.", "Protesters", "BGDCVL"),
    # a sentence that names no country: the country the text has named most so far, when one clearly leads
    ("Bangladesh's opposition marched on Friday. Police said the march was peaceful. India's foreign ministry "
     "called for calm.", "Police", "BGDCOP"),
    ("Kenya's parliament met in Nairobi on Monday as Uganda watched. Kenya's president spoke first. Later, police "
     "detained 40 people outside.", "people", "KENCVL"),
])
def test_actors_named_by_role_take_the_country_their_context_names(code_text, text, mention, code):
    assert _codes(code_text(text, published="2024-03-01")).get(mention) == code


@pytest.mark.parametrize("text, mention", [
    # two countries in the sentence: which one's? nothing is guessed
    ("Rebels ambushed a convoy as France and Chad held talks in N'Djamena.", "Rebels"),
    # a country named as someone's origin says nothing of whose police these are
    ("Police questioned a tourist from Portugal about the theft.", "Police"),
    # no country leads the text so far: France and Chad named once each
    ("France and Chad held talks on Monday. Police said the talks were calm.", "Police"),
])
def test_actors_named_by_role_keep_no_country_when_the_context_does_not_settle_one(code_text, text, mention):
    code = _codes(code_text(text, published="2024-03-01")).get(mention)
    assert code is None or len(code) == 3 and not code.startswith(("FRA", "TCD", "PRT", "BGD")), code
