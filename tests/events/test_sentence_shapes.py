"""Sentences of our own in the shapes of the development gold set (part 4): one row per shape."""

from __future__ import annotations

import pytest

from parley.events.coder import counts_as_occurred


def occurred(coded):
    """(source, code, target) of every event that counts as having happened."""
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in coded.events if counts_as_occurred(e)}


@pytest.mark.parametrize("sentence, expected", [
    ("Washington confirmed the imposition of tariffs on Brazil and India.", {("USAGOV", "163", "BRA"),
                                                                            ("USAGOV", "163", "IND")}),
    ("The EU on Tuesday agreed on new sanctions against Iran.", {("EUR", "163", "IRN")}),
    ("Mali, Niger and Chad declared their exit from the African Union.", {("MLI", "160", "AFU")}),
    ("The border incident led Hanoi to recall its ambassador to Cambodia.", {("VNMGOV", "161", "KHM")}),
])
def test_part4_shapes(code_text, sentence, expected):
    got = occurred(code_text(sentence))
    assert expected <= got, got


@pytest.mark.parametrize("sentence, expected", [
    ("Peruvian authorities attributed the bombing to the Shining Path.", ("PERGOV", "112", None)),
    ("Mexico has hinted at retaliatory measures against the United States.", ("MEX", "130", "USA")),
    # an attempted attack is an attack
    ("An attempt by the Kyiv regime to carry out an attack with drones on targets in the territory of the "
     "Russian Federation was stopped, the ministry said.", ("UKRGOV", "195", "RUS")),
    # a place owned by a country is in it; drones strike from the air
    ("Ukrainian drones struck an oil refinery in Russia's Volgograd region.", ("UKRMIL", "195", "RUS")),
    ("France sent 1,000 more police officers to New Caledonia.", ("FRA", "0", "NCL")),
])
def test_part4_shapes_more(code_text, sentence, expected):
    got = occurred(code_text(sentence))
    source, code, target = expected
    assert any(s == source and c.startswith(code if code != "0" else "") and (target is None or t == target)
               for s, c, t in got), got
