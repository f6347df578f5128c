"""Symmetric and multi-party events as the annotation convention codes them (ANNOTATION.md, "Symmetric events"):
the first-named party toward each of the others (the reverse direction optional), never every ordered pair of
the parties, and never co-subjects of a one-way act toward each other."""

from __future__ import annotations

import pytest

from parley.events.arguments import first_named_pairs, reciprocal
from parley.model import Mention


def roots(coded):
    return {(e.source.code[:3] if e.source else None, e.root, e.target.code[:3] if e.target else None)
            for e in coded.events if e.occurred}


@pytest.mark.parametrize(
    "sentence, root, first, others",
    [
        ("Peru, Chile and Bolivia signed a border agreement on Tuesday.", "05", "PER", ("CHL", "BOL")),
        ("Talks between Norway, Sweden and Finland resumed in Oslo on Monday.", "04", "NOR", ("SWE", "FIN")),
        ("Ghana, Togo and Benin held talks on the coastal patrols.", "04", "GHA", ("TGO", "BEN")),
    ],
)
def test_a_joint_act_of_several_parties_pairs_the_first_named_with_each_other(code_text, sentence, root, first,
                                                                              others):
    got = {k for k in roots(code_text(sentence)) if k[1] == root}
    assert {(first, root, o) for o in others} <= got, got
    # the others are not paired among themselves (n(n-1) events for n parties was the old way)
    assert (others[0], root, others[1]) not in got and (others[1], root, others[0]) not in got, got


def test_members_of_a_mediated_meeting_are_paired_from_the_first_named(code_text):
    got = roots(code_text("Qatar mediated talks between Rwanda, Uganda and Burundi last week."))
    assert {("QAT", "04", "RWA"), ("QAT", "04", "UGA"), ("QAT", "04", "BDI")} <= got, got
    assert {("RWA", "04", "UGA"), ("RWA", "04", "BDI")} <= got, got
    assert ("UGA", "04", "BDI") not in got and ("BDI", "04", "UGA") not in got, got


def test_one_party_consulting_several_is_its_act_toward_each(code_text):
    got = {k for k in roots(code_text("Portugal conferred with Ireland, Greece and Malta on Friday.")) if k[1] == "04"}
    assert {("PRT", "04", "IRL"), ("PRT", "04", "GRC"), ("PRT", "04", "MLT")} <= got, got
    # not each of them meeting Portugal: the annotators list that direction only now and then
    assert not {k for k in got if k[2] == "PRT"}, got


def test_a_two_party_meeting_keeps_the_first_named_as_source(code_text):
    got = roots(code_text("The foreign minister of Chile met his Argentine counterpart in Santiago on Monday."))
    assert ("CHL", "04", "ARG") in got, got


def test_co_subjects_of_a_visit_are_not_each_others_targets(code_text):
    got = roots(code_text("Dutch and Danish soldiers arrived in Estonia on Sunday."))
    assert not {k for k in got if {k[0], k[2]} == {"NLD", "DNK"}}, got


def _m(code: str, start: int) -> Mention:
    return Mention(code=code, name=None, text=code, start=start, end=start + 3, kind="country")


def test_first_named_pairs_order_by_position_and_skip_repeated_codes():
    bol, per, chl, per2 = _m("BOL", 20), _m("PER", 0), _m("CHL", 10), _m("PER", 30)
    got = {(a.code, b.code) for a, b in first_named_pairs([bol, per, chl, per2])}
    assert got == {("PER", "CHL"), ("PER", "BOL")}
    assert first_named_pairs([per, per2]) == []


@pytest.mark.parametrize("code, joint", [("040", True), ("057", True), ("062", True), ("042", False),
                                         ("043", False), ("111", False), ("020", False)])
def test_which_acts_of_coordinated_actors_are_joint(code, joint):
    assert reciprocal(code) is joint


@pytest.mark.parametrize(
    "sentence",
    [
        "Kuwait hosts 13,000 American troops at its desert camps.",
        "Lebanon, which hosts Syrian refugees, asked for more aid.",
        "Italy hosts the largest Spanish naval base in the region.",
        "Chad is hosting some 600,000 Sudanese.",
    ],
)
def test_hosting_troops_bases_or_refugees_is_no_visit_received(code_text, sentence):
    assert not {k for k in roots(code_text(sentence)) if k[1] == "04"}


def test_hosting_a_visitor_is_still_a_visit_received(code_text):
    assert ("OMN", "04", "IRN") in roots(code_text("Oman hosted the Iranian foreign minister in Muscat on Sunday."))


@pytest.mark.parametrize(
    "sentence",
    [
        "The first company of Dutch and Danish troops arrived in Estonia on Sunday.",
        "Six Turkish helicopters arrived in Tripoli with medical supplies.",
        "Aid trucks from Jordan arrived in Gaza on Monday.",
    ],
)
def test_troops_vehicles_or_goods_arriving_are_no_visit(code_text, sentence):
    assert not {k for k in roots(code_text(sentence)) if k[1] == "04"}


def test_a_leader_arriving_is_still_a_visit(code_text):
    assert ("IND", "04", "BGD") in roots(code_text("The Indian prime minister arrived in Dhaka on Friday."))
