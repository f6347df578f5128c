"""Events a naive coder finds that ANNOTATION.md does not count: tolls with no act named, background and
repeated mentions, wrong readings of violence. Sentences of our own; each row failed before its fix."""

from __future__ import annotations

import pytest

from parley.events.coder import counts_as_occurred


def occurred(coded):
    """(source, code, target) of every event that counts as having happened."""
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in coded.events if counts_as_occurred(e)}


@pytest.mark.parametrize("sentence", [
    "At least twelve people were killed in the northern Malian town on Sunday.",
    "Four Kenyan soldiers were wounded during the fighting near the border.",
    "Thousands of Sudanese civilians have been killed since the war began.",
    "Nine Nigerian students were kidnapped from their school last week.",
])
def test_a_toll_with_no_act_named_is_no_event(code_text, sentence):
    # an agentless toll names neither the doer nor the kind of attack: no event with an empty source
    assert not any(s is None for s, _c, _t in occurred(code_text(sentence))), occurred(code_text(sentence))


@pytest.mark.parametrize("sentence, code", [
    ("Two Kenyan soldiers were killed in a roadside bomb blast near the border.", "1833"),
    ("A car bomb killed three Iraqi policemen in Baghdad.", "1832"),
    ("An attempt to assassinate the Somali interior minister was foiled in Mogadishu.", "185"),
])
def test_a_bombing_or_an_assassination_with_no_doer_named_keeps_an_empty_source(code_text, sentence, code):
    assert any(s is None and c == code for s, c, _t in occurred(code_text(sentence))), occurred(code_text(sentence))


@pytest.mark.parametrize("sentence, code", [
    ("Separatist fighters killed four Cameroonian soldiers near Bamenda.", "190"),
    ("Militants attacked Somali police officers in Mogadishu on Sunday.", "190"),
    ("Rebels ambushed Congolese troops near Goma.", "190"),
])
def test_force_against_armed_forces_is_fighting_whoever_uses_it(code_text, sentence, code):
    # ANNOTATION.md's root 19: force against soldiers, police or armed groups is conventional fighting
    got = occurred(code_text(sentence))
    assert any(c == code for _s, c, _t in got) and not any(c.startswith("18") for _s, c, _t in got), got


def test_force_against_civilians_by_armed_groups_stays_an_assault(code_text):
    got = occurred(code_text("Separatist fighters killed four Cameroonian villagers near Bamenda."))
    assert any(c == "1823" for _s, c, _t in got), got


@pytest.mark.parametrize("sentence", [
    "Separatist rebels have been fighting for independence in Aceh since 1976.",
    "Taliban insurgents attacked checkpoints in Afghanistan on Tuesday.",
])
def test_an_armed_group_using_force_with_no_one_named_fights_its_state(code_text, sentence):
    got = occurred(code_text(sentence))
    assert any(s.endswith("REB") and c.startswith("19") and t and t[:3] == s[:3] for s, c, t in got if s), got


def test_an_armed_group_attacking_civilians_is_not_said_to_fight_its_state(code_text):
    got = occurred(code_text("Burundian militiamen attacked a camp for Congolese refugees."))
    assert not any(t and t.endswith("MIL") for _s, _c, t in got), got


@pytest.mark.parametrize("sentence", [
    "Delegations from Peru and Chile will meet in Lima next week.",
    "A Swedish delegation is due to visit Ankara on Monday.",
])
def test_a_planned_meeting_no_one_announces_is_no_expressed_intent(code_text, sentence):
    # ANNOTATION.md: planned visits are traps; only a stated intent is an expressed intent (03x)
    got = occurred(code_text(sentence))
    assert not any(c.startswith(("03", "04")) for _s, c, _t in got), got


def test_an_announced_plan_is_an_expressed_intent(code_text):
    got = occurred(code_text("The Chilean government said it will send aid to Peru."))
    assert ("CHLGOV", "033", "PER") in got, got


@pytest.mark.parametrize("sentence, code", [
    ("M23 rebels seized Goma in January.", "192"),
    ("Gunmen seized two Filipino workers near Jolo.", "181"),
])
def test_what_an_armed_group_seizes_decides_the_act(code_text, sentence, code):
    got = occurred(code_text(sentence))
    assert any(c == code for _s, c, _t in got) and not any(c == "1711" for _s, c, _t in got), got
