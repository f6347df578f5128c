"""Kinds of names added from the annotated corpus (issue 13): news outlets, armed and separatist groups, rights
groups and the Red Cross, companies, international bodies and people with dated offices. Sentences written for
these tests."""

from __future__ import annotations

from datetime import date as D

import pytest

from parley.actors import resolve_text


@pytest.mark.parametrize(
    "phrase, on, code",
    [
        # news outlets are actors of the country they are based in
        ("Reuters", D(2019, 3, 4), "GBRMED"),
        ("the Associated Press", D(2019, 3, 4), "USAMED"),
        ("The Washington Post", D(2019, 3, 4), "USAMED"),
        ("the Irrawaddy", D(2022, 3, 4), "MMRMED"),
        ("Yonhap", D(2022, 3, 4), "KORMED"),
        # armed and separatist groups: the country where they operate
        ("the Polisario Front", D(2021, 1, 10), "ESHREB"),
        ("the MILF", D(2008, 8, 1), "PHLREB"),
        ("the Free Aceh Movement", D(2003, 5, 19), "IDNREB"),
        ("the MFDC", D(2012, 2, 1), "SENREB"),
        ("Hurriyat Conference", D(2016, 7, 9), "INDOPP"),
        # a movement whose status changed: the row true on the date
        ("the Muslim Brotherhood", D(2010, 11, 28), "EGYOPP"),
        ("the Muslim Brotherhood", D(2012, 11, 22), "EGYGOV"),
        ("the Muslim Brotherhood", D(2015, 6, 1), "EGYOPP"),
        # companies: their home country
        ("Chevron", D(2015, 2, 2), "USABUS"),
        ("Huawei", D(2019, 5, 16), "CHNBUS"),
        ("Ryanair", D(2021, 5, 24), "IRLBUS"),
        # international bodies the convention writes with their parent's code
        ("MONUSCO", D(2023, 9, 1), "UNO"),
        ("KFOR", D(2023, 9, 1), "NAT"),
        ("Frontex", D(2023, 9, 1), "EUR"),
        # people by the office held on the date, an elite outside it
        ("Steven Mnuchin", D(2018, 3, 1), "USAGOV"),
        ("Steven Mnuchin", D(2023, 3, 1), "USAELI"),
        ("Sooronbay Jeenbekov", D(2019, 6, 1), "KGZGOV"),
        ("Kem Sokha", D(2017, 9, 3), "KHMOPP"),
        ("Michel Barnier", D(2018, 11, 25), "EUR"),
        ("Manuel Merino", D(2020, 11, 12), "PERGOV"),
    ],
)
def test_added_names_resolve(phrase, on, code):
    m = resolve_text(phrase, on)
    assert m is not None and m.code == code


def test_rights_groups_and_the_red_cross_take_the_conventions_codes(code_text):
    coded = code_text("Human Rights Watch and the Red Cross visited the detention camp on Friday.")
    codes = {m.text: m.code for m in coded.mentions}
    assert codes["Human Rights Watch"] == "HRI"  # written NGOHRI in the annotation codes
    assert codes["Red Cross"] == "NGOHLH"


def test_a_foreign_news_agency_does_not_change_whose_police_a_text_speaks_of(code_text):
    text = ("Kenyan police fired tear gas at students in the capital on Tuesday. "
            "Police said six students were detained, the Associated Press reported.")
    coded = code_text(text, published="2023-07-11")
    police = [m for m in coded.mentions if m.text == "Police"]
    assert police and police[0].code == "KENCOP"
    assert "USAMED" in {m.code for m in coded.mentions}


@pytest.mark.parametrize("sentence, name", [
    ("The Commonwealth Games opened in a new stadium on Thursday.", "Commonwealth"),
    ("Shares fell as the Nikkei lost two percent on Monday.", "Nikkei"),
])
def test_names_that_stay_no_actor(code_text, sentence, name):
    assert not [m for m in code_text(sentence).mentions if name in m.text]
