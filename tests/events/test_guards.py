"""Guards (events/guards.py): matched words that are no event, and the reason they are dropped."""

from __future__ import annotations

from parley.events.coder import counts_as_occurred


def occurred(coded):
    """(source, code, target) of every event that counts as having happened."""
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in coded.events if counts_as_occurred(e)}


def test_met_with_is_a_reception_not_a_meeting(code_text):
    coded = code_text("Japan said any Chinese incursion would be met with a firm response.")
    assert not any(c.startswith("04") for _s, c, _t in occurred(coded))


def test_talking_to_the_press_is_no_meeting(code_text):
    assert not any(c.startswith("04") for _s, c, _t in occurred(code_text("The Kenyan foreign minister spoke to "
                                                                          "reporters in Nairobi.")))
    assert ("FRAGOV", "040", "UKRGOV") in occurred(code_text("Macron spoke with Zelensky on Monday.",
                                                             published="2024-05-01"))


def test_joint_drills_are_military_cooperation_not_a_show_of_force(code_text):
    coded = code_text("The militaries of Japan and Australia carried out joint drills in the Coral Sea.")
    got = occurred(coded)
    assert ("JPNMIL", "062", "AUSMIL") in got and ("AUSMIL", "062", "JPNMIL") not in got  # the reverse is optional
    assert not any(c.startswith("15") for _s, c, _t in got)


def test_protesters_and_police_clashing_is_no_battle(code_text):
    assert not any(c.startswith("19") for _s, c, _t in occurred(code_text("Protesters and police clashed in Lima.")))


def test_leaving_a_place_is_no_break_with_an_organisation(code_text):
    assert not any(c == "160" for _s, c, _t in occurred(code_text("Russian troops completed their withdrawal "
                                                                  "from Kherson.")))


def test_speaking_to_a_news_agency_is_no_meeting(code_text):
    coded = code_text("Speaking to the Iranian state news agency IRNA, Araqchi condemned Israeli strikes.",
                      published="2025-06-01")
    assert not any(c.startswith("04") for _s, c, _t in occurred(coded))


def test_a_participle_describing_a_noun_or_setting_the_scene_is_background(code_text):
    for text in ("Kenyan troops, backed by Somali forces, are advancing on the town of Afmadow.",
                 "Backed by Somali forces, Kenyan troops advanced on the town of Afmadow."):
        assert not any(c.startswith("05") for _s, c, _t in occurred(code_text(text)))


def test_a_statement_whose_content_is_given_is_sourcing(code_text):
    coded = code_text("The Nigerian army issued a statement saying the attack had failed.")
    assert not any(c == "010" for _s, c, _t in occurred(coded))
    assert any(c == "010" for _s, c, _t in occurred(code_text("The Kenyan opposition issued a statement on Monday.")))


def test_helping_to_do_something_is_no_aid(code_text):
    coded = code_text("China helped to broker the deal between Iran and Saudi Arabia.")
    assert not any(c.startswith("07") for _s, c, _t in occurred(coded))
    assert any(c.startswith("07") for _s, c, _t in occurred(code_text("The United States helped Ukraine.")))
