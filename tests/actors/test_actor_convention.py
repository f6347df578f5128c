"""Coded documents leave the pipeline with ANNOTATION.md's actor codes; the coder keeps its own inside."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.model import Document


@pytest.mark.parametrize(("text", "inside", "outside"), [
    ("The United Nations condemned the attack on Monday.", "UNO", "IGOUNO"),
    ("NATO condemned Russia on Monday.", "NAT", "IGOWSTNAT"),
    ("The European Union condemned Russia on Monday.", "EUR", "IGOEUREEC"),
    ("The African Union condemned the coup on Monday.", "AFU", "IGOAFRAFU"),
    ("The International Criminal Court condemned the attack.", "ICC", "IGOJUDICC"),
    # UN bodies with an entry of their own are UN bodies to the convention, told apart by their code
    ("The World Food Programme condemned the attack on Monday.", "WFP", "IGOUNOWFP"),
    ("The IAEA condemned the attack on the plant on Monday.", "IAE", "IGOUNOIAE"),
])
def test_international_bodies_take_cameo_long_codes(coder, text, inside, outside):  # type: ignore[no-untyped-def]
    doc = Document(text=text, published=dt.date(2024, 5, 6))
    own = coder.analyse(doc).coded
    out = coder.code(doc)
    assert inside in {m.code for m in own.mentions}
    assert outside in {m.code for m in out.mentions} and inside not in {m.code for m in out.mentions}
    sources = [e.source.code for e in out.events if e.source is not None]
    assert sources and all(s == outside for s in sources if s.startswith(("IGO", inside)))
    # nothing else moves: the same events, words and places
    assert [(e.cameo, e.trigger) for e in own.events] == [(e.cameo, e.trigger) for e in out.events]


def test_europe_the_region_and_derived_actors_keep_their_codes(coder):  # type: ignore[no-untyped-def]
    out = coder.code(Document(text="Europe condemned the strikes. The Ugandan government declared a state of "
                                   "emergency in the north.", published=dt.date(2024, 5, 6)))
    codes = {m.text: m.code for m in out.mentions}
    assert codes["Europe"] == "EUR"
    # the emergency is imposed on the country's own people: a code the coder derived, not a mention's
    assert ("UGAGOV", "UGACVL") in {(e.source.code, e.target.code) for e in out.events if e.source and e.target}


def test_speakers_and_rights_groups_take_the_convention_too(coder):  # type: ignore[no-untyped-def]
    out = coder.code(Document(text='"The strikes must stop," the United Nations said. Rights groups condemned '
                                   "the Egyptian government.", published=dt.date(2024, 5, 6)))
    assert [q.speaker.code for q in out.quotes if q.speaker] == ["IGOUNO"]
    assert "NGOHRI" in {m.code for m in out.mentions}
    assert ("NGOHRI", "111", "EGYGOV") in {(e.source.code, e.cameo, e.target.code) for e in out.events
                                          if e.source and e.target}


@pytest.mark.parametrize(("code", "country"), [
    ("IGOUNO", "UNO"), ("IGOUNOWFP", "UNO"), ("IGOIAE", "UNO"), ("IAE", "UNO"), ("IGOIMF", "IMF"), ("USAGOV", "USA"),
])
def test_un_bodies_score_as_un_actors_in_any_form(code, country):  # type: ignore[no-untyped-def]
    from parley.evaluate import country_part

    assert country_part(code) == country
