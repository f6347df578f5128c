"""Verbal acts and their modality: threats made on a condition, demands, announced refusals, intents, name-calling."""

from __future__ import annotations

import pytest

from parley.events.coder import counts_as_occurred


def occurred(coded):
    """(source, code, target) of every event that counts as having happened."""
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in coded.events if counts_as_occurred(e)}


def test_a_conditional_offer_is_an_expressed_intent(code_text):
    coded = code_text("The rebels said they would meet the Kenyan envoy if he guaranteed their safety.")
    assert any(c.startswith("03") and t == "KENGOV" for _s, c, t in occurred(coded)), occurred(coded)
    willing = code_text("Chile is willing to send firefighters to Bolivia if the fires spread.")
    assert any(s == "CHL" and c.startswith("03") for s, c, _t in occurred(willing)), occurred(willing)
    # a forecast about another is no offer
    forecast = code_text("Analysts said Iran would meet Saudi officials if the talks resumed.")
    assert not any(c.startswith("03") or c.startswith("04") for _s, c, _t in occurred(forecast))


def test_pressing_an_actor_to_act_is_a_demand(code_text):
    coded = code_text("Moscow pressured Minsk to accept the gas deal.")
    assert any(s == "RUSGOV" and c.startswith("10") and t == "BLRGOV" for s, c, t in occurred(coded))
    assert not any(c.startswith("17") for _s, c, _t in occurred(coded))


def test_a_statement_noun_with_a_must_clause_is_a_demand(code_text):
    coded = code_text("The French president issued a stern reminder to Mali that it must hold elections.")
    assert any(c.startswith("10") and t == "MLI" for _s, c, t in occurred(coded)), occurred(coded)


@pytest.mark.parametrize("sentence, expected", [
    # a response promised to another's act
    ("Iran warned on Monday that any US attack will be met with consequences.", ("IRN", "130", "USA")),
    # the one warned is threatened
    ("The EU warned Belarus of severe consequences if it attacks Lithuania.", ("EUR", "130", "BLR")),
    # the consequence in apposition to the object
    ('Washington warned that a Chinese blockade would trigger "crippling" U.S. sanctions.', ("USAGOV", "1312", "CHN")),
    # a threat's condition is its content, also fronted before the verb of saying
    ("If Ottawa goes ahead, Beijing has said it will respond with tariffs on Canadian goods.", ("CHNGOV", "1312", "CAN")),
    ("Hezbollah vowed revenge for the killing of its commander by Israel.", ("LBNREB", "130", "ISR")),
])
def test_threats(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_a_warning_noun_with_a_condition_is_a_threat_made(code_text):
    coded = code_text("ECOWAS gave Niger's junta a stern warning of military intervention if the president was not "
                      "restored within a week.")
    assert any(s == "ECOWAS" and c.startswith("13") for s, c, _t in occurred(coded)), occurred(coded)
    assert not occurred(code_text("If the talks fail, Russia would threaten Ukraine."))


@pytest.mark.parametrize("sentence, expected", [
    ("Serbia's president said that he won't be talking to Kurti in Brussels.", ("SRBGOV", "125", "XKXGOV")),
    ("Armenia has declared it will not engage in any new negotiations until the shelling stops.", ("ARM", "125", None)),
    ("Sudan will not take part in talks if the UAE is involved.", ("SDN", "125", None)),
    ("The Nepali Congress said it would not attend the fourth round of talks with the Maoists.",
     ("NPLPTY", "125", None)),
])
def test_announced_refusals_to_talk(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_naming_with_words_of_criticism(code_text):
    coded = code_text('NATO called the Georgian parliament\'s decision a "backward step".')
    assert ("NAT", "111", "GEOLEG") in occurred(coded)


def test_a_meeting_agreed_on_is_still_to_come(code_text):
    coded = code_text("Moscow and Washington had agreed on a meeting between the two leaders in the coming days.")
    got = occurred(coded)
    assert not any(c == "040" for _s, c, _t in got), got
    assert ("RUSGOV", "036", "USAGOV") in got
