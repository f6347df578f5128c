"""Actors named by a body's or an office's common name alone, which the text's country makes someone's: "the
Supreme Court" written as a name, "the prime minister" of a text about one country, "police officials", a
"Congress" of a text about a country other than the US, and "the North" of a text about Korea."""

from __future__ import annotations

import datetime as dt

import pytest


def _codes(coded) -> dict[str, str]:
    return {m.text: m.code for m in coded.mentions}


@pytest.mark.parametrize("text, mention, code", [
    # a role of several words capitalised as a house style, after "the"
    ("Peru's president spoke in Lima on Monday. The Supreme Court ruled against the decree on Tuesday.",
     "Supreme Court", "PERJUD"),
    ("Kenya's opposition marched in Nairobi. Later the Interior Ministry banned the rallies.",
     "Interior Ministry", "KENGOV"),
    # a head of government named by the office alone in a text about one country
    ("Kenya's opposition held rallies in Nairobi on Monday. The prime minister said the rallies were illegal.",
     "prime minister", "KENGOV"),
    # a role noun before a generic head: the role's own people
    ("Zimbabwe's opposition leader was arrested in Harare on Monday. Police officials declined to comment.",
     "Police officials", "ZWECOP"),
    ("Zimbabwe's opposition leader was arrested in Harare on Monday. A police spokesman said he was held.",
     "police spokesman", "ZWECOP"),
    # "Congress" in a text about another country than the US
    ("Peru's president dissolved the cabinet in Lima. Congress voted to impeach him on Friday.", "Congress",
     "PERLEG"),
    # "the North" and "the South" of a text about Korea
    ("North Korea fired a missile on Monday. The South said the North had broken the truce.", "South", "KOR"),
    ("North Korea fired a missile on Monday. The South said the North had broken the truce.", "North", "PRK"),
])
def test_a_common_name_takes_the_country_of_its_text(code_text, text, mention, code):
    assert _codes(code_text(text, published="2024-03-01")).get(mention) == code


@pytest.mark.parametrize("text, mention", [
    # a capitalised body that begins a longer name is the name's
    ("The Indian government named an envoy. The Supreme Court of Canada dismissed the appeal.", "Supreme Court"),
    # a title before a name, someone's title, a former one
    ("Kenya's opposition marched in Nairobi. His prime minister resigned on Monday.", "prime minister"),
    # a title in a text naming two countries alike stays uncoded
    ("Chad and Sudan signed a deal in Paris. The president said it would hold.", "president"),
    # "the North" in a text not about Korea
    ("Italy's premier spoke in Rome. The North voted for the League.", "North"),
])
def test_a_common_name_keeps_no_country_when_none_is_settled(code_text, text, mention):
    code = _codes(code_text(text, published="2024-03-01")).get(mention)
    assert code is None or len(code) == 3 and code != "PRK", code


def test_congress_stays_american_where_the_text_names_the_us(code_text):
    coded = code_text("Peru's minister met US officials in Washington. Congress approved the aid deal.",
                      published="2024-03-01")
    assert _codes(coded).get("Congress") == "USALEG"


def test_the_taleban_is_the_taliban():
    from parley.actors import resolve_text

    assert resolve_text("the Taleban", on=dt.date(2010, 3, 1)).code == "AFGREB"
    assert resolve_text("the Taleban", on=dt.date(2023, 3, 1)).code == "AFGGOV"


@pytest.mark.parametrize("phrase, code", [("a Taliban commander", "AFGREB"), ("an al-Shabab commander", "SOMREB")])
def test_an_armed_group_commands_its_own(phrase, code):
    from parley.actors import resolve_text

    assert resolve_text(phrase, on=dt.date(2010, 3, 1)).code == code


def test_a_country_before_an_institution_name_inside_a_longer_mention():
    from parley.actors import resolve_text

    assert resolve_text("the head of Peru's Congress", on=dt.date(2020, 3, 1)).code == "PERLEG"
