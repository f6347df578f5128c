"""Which of a person's dated rows a text means (actors/periods.py), in particular a text with no date."""

from __future__ import annotations

from datetime import date

from parley.actors.dictionary import Entry
from parley.actors.periods import pick

ROWS = [Entry("NORGOV", "person", ("Kari Nordmann",), date(2005, 1, 1), date(2013, 1, 1), "", "t:1"),
        Entry("NAT", "person", ("Kari Nordmann",), date(2014, 1, 1), date(2024, 1, 1), "", "t:2"),
        Entry("NORGOV", "person", ("Kari Nordmann",), date(2025, 1, 1), None, "", "t:3")]


def test_a_dated_text_takes_the_row_in_force():
    assert pick(ROWS, date(2018, 5, 1)) == (ROWS[1], True)
    assert pick(ROWS, date(2013, 6, 1), {"NAT"}) == (ROWS[0], False)  # the nearest row; the text's names do not count


def test_an_undated_text_takes_the_row_whose_office_it_names():
    assert pick(ROWS, None, {"NAT", "LVA"}) == (ROWS[1], True)


def test_an_undated_text_naming_none_or_several_of_the_offices_takes_today_s():
    assert pick(ROWS, None, set()) == (ROWS[2], True)
    assert pick(ROWS, None, {"NAT", "NOR"}) == (ROWS[2], True)


def test_stoltenberg_in_an_undated_report_naming_nato(code_text):
    coded = code_text("NATO allies met in Brussels. Jens Stoltenberg said the alliance would send more troops. "
                      "Stoltenberg spoke after the talks.", published=None)
    assert {m.text: m.code for m in coded.mentions}.get("Jens Stoltenberg") == "NAT"
