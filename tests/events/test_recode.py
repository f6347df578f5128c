"""Codes beyond the pattern's (events/recode.py, linked.py, dedupe.py): force by states and by air, protests by
states, strikes, linked acts of the receiving side, both sides of a meeting, one act per pair."""

from __future__ import annotations

import pytest

from parley.events.coder import counts_as_occurred


def occurred(coded):
    """(source, code, target) of every event that counts as having happened."""
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in coded.events if counts_as_occurred(e)}


def test_peacekeepers_arriving_are_a_deployment_received_by_the_host(code_text):
    coded = code_text("The first Nepali peacekeepers arrived in Lebanon on Monday.")
    got = occurred(coded)
    assert ("NPLMIL", "074", "LBN") in got and ("LBN", "0861", "NPLMIL") in got
    assert not any(c == "042" for _s, c, _t in got)


def test_inspectors_sent_to_a_site_in_a_country_are_received_by_it(code_text):
    coded = code_text("The IAEA has dispatched inspectors to a uranium plant in northern Iran.")
    got = occurred(coded)
    assert ("IAE", "090", "IRN") in got and ("IRN", "0862", "IAE") in got


def test_urging_support_for_a_third_party_rallies_support_for_it(code_text):
    coded = code_text("Poland urged NATO allies to support Ukraine with more air defence.")
    got = occurred(coded)
    assert ("POL", "053", "UKR") in got and any(c.startswith("02") and t == "NAT" for _s, c, t in got)


def test_a_thwarted_assassination_attempt_happened_with_no_doer_named(code_text):
    coded = code_text("An attempt to assassinate the Somali interior minister was foiled in Mogadishu.")
    assert (None, "185", "SOMGOV") in occurred(coded)
    hypothetical = code_text("An attempt to kill the Iraqi prime minister would be catastrophic.")
    assert not occurred(hypothetical)


def test_forces_getting_ready_to_fight_show_force(code_text):
    coded = code_text("The Ethiopian army prepared to resume shelling Eritrean positions.")
    assert ("ETHMIL", "150", "ERI") in occurred(coded)


def test_workers_strike_they_do_not_attack(code_text):
    coded = code_text("Dockworkers in Rotterdam struck on Monday.")
    assert {c[:2] for _s, c, _t in occurred(coded)} == {"14"}
    assert not [e for e in code_text("The union said it would strike on Friday.").events if e.root in ("13", "19")]


def test_rocket_attacks_are_aerial_weapons_whoever_fires_them(code_text):
    coded = code_text("On Sunday, Hamas carried out a rocket attack on Ashkelon.")
    assert {c for _s, c, _t in occurred(coded)} == {"195"}


@pytest.mark.parametrize("sentence, expected", [
    ("Thai and Cambodian troops clashed along the disputed border on Thursday.",
     {("THAMIL", "190", "KHMMIL")}),
    ("Pakistan and India exchanged fire along the Line of Control.", {("PAK", "193", "IND"), ("IND", "193", "PAK")}),
    ("Russian forces shelled the city of Kherson overnight.", {("RUSMIL", "194", "UKR")}),
    # the specific act without a target and the general one with it are one act
    ("On Friday, India launched missile strikes targeting Pakistani airbases.", {("IND", "195", "PAK")}),
])
def test_fighting(code_text, sentence, expected):
    assert occurred(code_text(sentence)) == expected


def test_a_ground_raid_is_not_an_air_strike(code_text):
    assert ("ISRMIL", "190", None) in occurred(code_text("Israeli troops raided a refugee camp on Wednesday."))


@pytest.mark.parametrize("sentence, expected", [
    ("Beijing protested the visit on Monday.", ("CHNGOV", "114", None)),
    ("Japan protested the missile launch.", ("JPN", "114", None)),
    ("Ecuadorian police stormed the Mexican embassy in Quito.", ("ECUCOP", "170", "MEXGOV")),
    # a people demonstrating is a protest
    ("Hundreds of ethnic Albanians demonstrated in Pristina on Tuesday.", ("ALB", "141", None)),
])
def test_states_complain_and_coerce_they_do_not_demonstrate(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_a_specific_act_without_a_target_is_not_swallowed_by_another(code_text):
    coded = code_text("Ecuadorian police stormed the Mexican embassy and arrested a former vice president.")
    assert {c for _s, c, _t in occurred(coded)} == {"170", "173"}


def test_security_forces_do_not_rally(code_text):
    coded = code_text("Nepali police arrested 180 activists as they rallied in Kathmandu on Tuesday.")
    assert not any(s == "NPLCOP" and c.startswith("14") for s, c, _t in occurred(coded))


def test_weapons_in_a_war_report_and_their_launcher(code_text):
    coded = code_text("KYIV (Reuters) - Ukraine's air force said on Thursday that it shot down all 29 Russia-launched "
                      "drones over eight regions. Russia also launched three guided missiles during the attack.",
                      published="2024-09-12")
    got = occurred(coded)
    assert ("UKRMIL", "190", "RUSMIL") in got
    assert ("RUS", "195", None) in got  # missiles fired in an attack are no weapons test
    assert not any(m.code == "UKRMIL" and m.text == "drones" for m in coded.mentions)


def test_a_meeting_is_coded_from_the_one_named_first(code_text):
    # ANNOTATION.md leaves the reverse of a symmetric act optional: "A met B" is not also coded as B meeting A
    got = occurred(code_text("Kazakh President Tokayev met Uzbek President Mirziyoyev in Astana on Monday.",
                             published="2024-05-01"))
    assert {(s, t) for s, c, t in got if c.startswith("04")} == {("KAZGOV", "UZBGOV")}


@pytest.mark.parametrize("sentence, expected", [
    ('Ecuador\'s president declared an "internal armed conflict" on Tuesday.', ("ECUGOV", "1724", "ECUCVL")),
    ("The Thai junta imposed a curfew in Bangkok.", ("THAGOV", "1723", "THACVL")),
    ("Kazakhstan and Uzbekistan inked milestone documents on Monday.", ("KAZ", "057", "UZB")),
    ("A priest was arrested by the Bolivarian National Guard on Sunday.", ("VENMIL", "173", None)),
])
def test_emergency_rule_signing_and_venezuelan_forces(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_only_meetings_are_coded_both_ways(code_text):
    coded = code_text("Egypt and Qatar are exerting intensive efforts with Hamas and Israel to reach a ceasefire.")
    assert not any(s in ("ISR", "PSEREB") and c.startswith("04") for s, c, _t in occurred(coded))
