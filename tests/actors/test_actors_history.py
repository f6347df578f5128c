"""Historical office holders in people.tsv: a person resolves by the article's date (in office: the office's
code; before or after: an elite of the country), and undated text treats a past holder as an elite."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.actors import check, load_dictionary, resolve_text
from parley.actors.dictionary import builtin_entries

D = dt.date


@pytest.mark.parametrize(
    "phrase, on, code",
    [
        # in term
        ("President Abdelaziz Bouteflika", D(2005, 6, 1), "DZAGOV"),
        ("Bouteflika", D(1975, 3, 1), "DZAGOV"),  # Foreign Minister 1963-1979
        ("Hosni Mubarak", D(1978, 1, 1), "EGYGOV"),  # Vice President from 1975
        ("Laurent Gbagbo", D(2005, 1, 1), "CIVGOV"),
        ("Ahmed Ben Bella", D(1964, 5, 1), "DZAGOV"),
        ("Jose Eduardo dos Santos", D(1995, 1, 1), "AGOGOV"),
        ("Helmut Schmidt", D(1980, 1, 1), "DEUGOV"),
        ("Erich Honecker", D(1985, 1, 1), "DDRGOV"),
        ("Andrei Gromyko", D(1980, 1, 1), "USRGOV"),
        ("Eduard Shevardnadze", D(1987, 1, 1), "USRGOV"),
        ("Eduard Shevardnadze", D(2000, 1, 1), "GEOGOV"),
        ("Javier Solana", D(1997, 1, 1), "NAT"),
        ("Javier Solana", D(2005, 1, 1), "EUR"),
        ("Daniel arap Moi", D(1990, 1, 1), "KENGOV"),
        ("Yasser Arafat", D(1985, 1, 1), "PSEGOV"),  # PLO chairman, before the Palestinian Authority
        ("Chedli Klibi", D(1985, 1, 1), "ARL"),
        ("Abdullah Ocalan", D(1995, 1, 1), "TURREB"),
        # after term
        ("Bouteflika", D(2020, 1, 1), "DZAELI"),
        ("Helmut Schmidt", D(1990, 1, 1), "DEUELI"),
        ("Mikheil Saakashvili", D(2014, 1, 1), "GEOELI"),
        # before term
        ("Bouteflika", D(1990, 1, 1), "DZAELI"),
        ("Jacques Chirac", D(1980, 1, 1), "FRAELI"),  # between his premierships and presidency
        ("Nicolas Sarkozy", D(1990, 1, 1), "FRAELI"),  # mayor of Neuilly, not yet a minister
    ],
)
def test_historical_holder_by_date(phrase, on, code):
    m = resolve_text(phrase, on)
    assert m is not None and m.code == code


@pytest.mark.parametrize(
    "phrase, code",
    [
        # undated: past holders are elites of the right country
        ("President Abdelaziz Bouteflika", "DZAELI"),
        ("Egyptian President Hosni Mubarak", "EGYELI"),
        ("Chancellor Helmut Kohl", "DEUELI"),
        ("Kenyan President Daniel arap Moi", "KENELI"),
    ],
)
def test_past_holder_undated_is_elite(phrase, code):
    m = resolve_text(phrase)
    assert m is not None and m.code == code


@pytest.mark.parametrize(
    "surname, on, code",
    [
        # one surname, two office holders of the same country: the date picks the right one
        ("Papandreou", D(1985, 1, 1), "GRCGOV"),
        ("Hariri", D(1995, 1, 1), "LBNGOV"),
        ("Hariri", D(2010, 1, 1), "LBNGOV"),
        ("Kabila", D(2010, 1, 1), "CODGOV"),
    ],
)
def test_shared_surname_resolves_by_date(surname, on, code):
    m = resolve_text(surname, on)
    assert m is not None and m.code == code


def test_shared_surname_picks_the_holder_in_office():
    m = resolve_text("Hariri", D(1995, 1, 1))
    assert m is not None and m.name == "Rafik Hariri"
    m = resolve_text("Hariri", D(2010, 1, 1))
    assert m is not None and m.name == "Saad Hariri"


def test_people_dictionary_is_consistent():
    assert check(builtin_entries()) == []
    assert load_dictionary().entries == builtin_entries()  # the loaded dictionary is the checked one, nothing dropped


def test_bush_resolves_by_date():
    m = resolve_text("Bush", D(1990, 6, 1))
    assert m is not None and m.code == "USAGOV" and m.name == "George H. W. Bush"
    m = resolve_text("Bush", D(2005, 6, 1))
    assert m is not None and m.code == "USAGOV" and m.name == "George W. Bush"
    m = resolve_text("Bush", D(2015, 6, 1))
    assert m is not None and m.code == "USAELI"


def test_out_of_office_uses_the_right_country_for_people_who_changed_countries():
    # Shevardnadze: Soviet Foreign Minister, then Georgian leader
    m = resolve_text("Eduard Shevardnadze", D(1991, 6, 1))  # between his two Soviet terms
    assert m is not None and m.code[:3] == "USR"
    m = resolve_text("Eduard Shevardnadze", D(2010, 1, 1))
    assert m is not None and m.code == "GEOELI"


def test_historical_state_person_out_of_office_is_elite():
    m = resolve_text("Andrei Gromyko", D(1995, 1, 1))
    assert m is not None and m.code == "USRELI"
