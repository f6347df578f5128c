"""Sources and targets (parley.syntax, events/arguments.py): who does an act and to whom, when the parse
leaves it to a rule."""

from __future__ import annotations

import pytest

from parley.events.coder import counts_as_occurred


def occurred(coded):
    """(source, code, target) of every event that counts as having happened."""
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in coded.events if counts_as_occurred(e)}


def test_the_subject_of_guilty_of_did_the_act(code_text):
    coded = code_text("Both Armenia and Azerbaijan are guilty of violating the truce, monitors said.")
    assert {("ARM", "196"), ("AZE", "196")} <= {(s, c) for s, c, _t in occurred(coded)}


def test_the_subject_of_resorted_to_did_the_act(code_text):
    coded = code_text("The Serbian youths resorted to throwing stones at the police.")
    assert any(s == "SRBCVL" and c.startswith("145") for s, c, _t in occurred(coded)), occurred(coded)


def test_a_verb_hung_under_its_subject_with_an_object_on_its_conjunct(code_text):
    coded = code_text("Volunteers from two Swedish charities donated and delivered $20,000 worth of medicine "
                      "to a hospital in Mosul.")
    assert any(c.startswith("07") for _s, c, _t in occurred(coded)), occurred(coded)


def test_a_verbless_sentence_takes_its_root_noun_as_subject(code_text):
    # the small model makes the subject the root when a day name follows the verb
    coded = code_text("An official Iranian newspaper called Tuesday on Muslims to unite against Israel.")
    assert ("IRNMED", "113", "ISR") in occurred(coded)


def test_an_organisation_named_inside_a_nested_modifier_is_the_source(code_text):
    coded = code_text("Kosovo Farmers Union (KFU) officials demanded support from the Kosovo Assembly.")
    assert any(s is not None and s.startswith("XKX") and c.startswith("10") for s, c, _t in occurred(coded))


def test_a_participle_after_an_infinitive_and_a_comma_shares_the_main_subject(code_text):
    coded = code_text("Ghana asked all Togolese traders to leave the market, while recalling its envoy from Lome.")
    assert ("GHA", "161", "TGOGOV") in occurred(coded)


def test_an_attack_noun_s_of_object_is_its_victim_not_its_doer(code_text):
    coded = code_text("A bombing of the Kenyan embassy killed three guards.")
    assert not any(s == "KENGOV" for s, _c, _t in occurred(coded))


def test_a_part_of_an_object_stands_for_it(code_text):
    coded = code_text("Canada suspended part of its military aid programme for Mali.")
    assert any(s == "CAN" and c.startswith("16") for s, c, _t in occurred(coded)), occurred(coded)


def test_a_marker_may_hang_on_an_event_noun_s_object(code_text):
    coded = code_text("Greece announced a suspension of air links with Libya on Friday.")
    assert ("GRC", "160", "LBY") in occurred(coded)


def test_a_crowd_protesting_in_a_country_is_its_civilians(code_text):
    coded = code_text("Tens of thousands of people marched in Tbilisi against the new media law.")
    assert any(s == "GEOCVL" and c.startswith("14") for s, c, _t in occurred(coded)), occurred(coded)
    # a crowd in no named place stays uncoded
    assert not occurred(code_text("Thousands of people marched against the new media law."))


def test_concern_read_as_a_passive_verb_aims_at_the_owner_of_the_act(code_text):
    coded = code_text('Vietnam\'s foreign ministry said it was "deeply concerned" over China\'s new drills near the islands.')
    assert any(s.startswith("VNM") and c == "111" and t == "CHN" for s, c, t in occurred(coded)), occurred(coded)
    # what troubles is no doer: the one troubled disapproves
    coded = code_text("Kenya was angered by Uganda's decision to close the border.")
    assert ("KEN", "111", "UGA") in occurred(coded)


@pytest.mark.parametrize("sentence, expected", [
    ('Pakistan\'s Foreign Ministry rejected what it called India\'s "new normal" of confrontation.', ("PAKGOV", "120", "IND")),
    ('China\'s state news agency condemned what it said was Japan\'s "meddling."', ("CHNMED", "111", "JPN")),
])
def test_the_owner_of_what_a_free_relative_names_is_the_target(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_up_to_a_number_is_the_object_not_a_particle(code_text):
    coded = code_text("Rebels kidnapped up to 16 Kenyan aid workers near the border.")
    assert ("REB", "181", "KENNGO") in occurred(coded), occurred(coded)


def test_a_crowd_protesting_with_no_one_named_protests_against_its_government(code_text):
    coded = code_text("Thousands of people set up street blockades in Serbia on Sunday.")
    assert ("SRBCVL", "144", "SRBGOV") in occurred(coded)


def test_a_court_convicting_an_activist_convicts_its_own_citizen(code_text):
    coded = code_text("A Russian court convicted an opposition activist of treason on Monday.")
    assert ("RUSJUD", "116", "RUSOPP") in occurred(coded)


def test_a_speech_act_hung_on_the_reported_clause_is_the_reporter_s(code_text):
    coded = code_text("China's coast guard said two Philippine ships entered the waters without permission and urged "
                      "the Philippines to stop infringing on its sovereignty.")
    assert ("CHNMIL", "020", "PHL") in occurred(coded) or any(
        s == "CHNMIL" and c.startswith("02") and t == "PHL" for s, c, t in occurred(coded)), occurred(coded)


@pytest.mark.parametrize("sentence, expected", [
    ("Georgian riot police dispersed the protesters outside parliament.", ("GEOCOP", "175", "GEOCVL")),
    ("Cambodia's Supreme Court dissolved the main opposition party on Monday.", ("KHMJUD", "1721", "KHMOPP")),
])
def test_a_group_of_the_source_s_own_country_as_object_is_the_target(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_a_relative_pronoun_as_target_stands_for_the_noun_its_clause_describes(code_text):
    coded = code_text("The Kurdish rebels, whom Turkey has blamed for the bombings, denied any role.")
    assert ("TUR", "112", "TURREB") in occurred(coded), occurred(coded)


@pytest.mark.parametrize("sentence, expected", [
    # a passive with no subject of its own: the subject of the clause it hangs on
    ("Kenyan opposition leaders were hospitalised after being assaulted by Kenyan police.",
     ("KENCOP", "180", "KENOPP")),
    # a participle with a "by" agent and no auxiliary: the agent does the act, to the noun it describes
    ("The Kenyan president saw her rival detained by Kenyan police.", ("KENCOP", "173", "KENGOV")),
])
def test_the_target_of_a_passive_is_whom_its_agent_acts_on(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


@pytest.mark.parametrize("sentence, expected", [
    ("Qatar condemned the offensive carried out by the Israeli army.", ("QAT", "111", "ISRMIL")),
    ("Egypt welcomed the steps taken by the Sudanese government.", ("EGY", "051", "SDNGOV")),
])
def test_praise_or_criticism_of_a_thing_done_is_aimed_at_its_doer(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_a_cut_of_relations_shares_the_target_of_the_verb_coordinated_after_it(code_text):
    coded = code_text("Saudi Arabia and Egypt severed diplomatic relations and cut land and air links to Qatar.")
    assert {("SAU", "161", "QAT"), ("EGY", "161", "QAT")} <= occurred(coded), occurred(coded)


def test_a_person_of_the_source_s_own_country_owning_a_demanded_act_is_the_target(code_text):
    coded = code_text("The Kenyan opposition demanded President William Ruto's resignation.")
    assert ("KENOPP", "1041", "KENGOV") in occurred(coded), occurred(coded)


@pytest.mark.parametrize("sentence, expected", [
    ("Japan is imposing further restrictions on exports to South Korea.", ("JPN", "163", "KOR")),
    ("The US is fully lifting its embargo on sales of lethal weapons to Vietnam.", ("USA", "085", "VNM")),
])
def test_a_cut_or_its_lifting_reaches_whom_its_to_phrase_names(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))
