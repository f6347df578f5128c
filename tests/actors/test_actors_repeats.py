"""Names repeated in short (surnames, given names after a title, acronyms) and titled people of the text's country."""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


def _mentions(coder, text: str, on: dt.date) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    from parley.model import Document

    coded = coder.code(Document(text=text, published=on))
    return [(m.text, m.code) for m in coded.mentions if m.kind != "pronoun"]


@pytest.mark.parametrize(
    "text, on, short, code",
    [
        # a family name that comes first
        ("North Korean leader Kim Jong Un toured a factory on Monday. Later Kim praised the workers.",
         D(2019, 4, 25), "Kim", "PRKGOV"),
        ("UN Secretary-General Ban Ki-moon arrived in Seoul. Ban urged both Koreas to talk.",
         D(2012, 4, 25), "Ban", "UNO"),
        # a surname after a particle
        ("Sudan's President Omar al-Bashir flew to Cairo. Bashir thanked his hosts.", D(2018, 3, 1), "Bashir", "SDNGOV"),
        # a surname written without the full name's accent
        ("Spanish Prime Minister Pedro Sánchez called a snap vote. Sanchez spoke in Madrid.",
         D(2023, 5, 30), "Sanchez", "ESPGOV"),
        # a surname that is also a month, at the start of a sentence
        ("British Prime Minister Theresa May met her cabinet on Tuesday. May said the talks were useful.",
         D(2018, 6, 5), "May", "GBRGOV"),
        # the given name after a title, for a name with a patronymic
        ("The Emirati foreign minister, Sheikh Abdullah bin Zayed, flew to Rome. Sheikh Abdullah met his Italian "
         "counterpart.", D(2022, 9, 15), "Abdullah", "AREGOV"),
    ],
)
def test_a_repeated_short_name_is_the_person_named_before(coder, text, on, short, code):  # type: ignore[no-untyped-def]
    found = [c for t, c in _mentions(coder, text, on) if t == short]
    assert found and found[-1] is not None and found[-1].startswith(code)


def test_a_month_that_is_a_surname_stays_a_date(coder):  # type: ignore[no-untyped-def]
    text = "British Prime Minister Theresa May met her cabinet on Tuesday. The vote is due in May."
    assert ("May", "GBRGOV") not in _mentions(coder, text, D(2018, 6, 5))


def test_a_given_name_without_a_title_is_no_one(coder):  # type: ignore[no-untyped-def]
    text = "Sheikh Abdullah bin Zayed flew to Rome. Abdullah Khalil, a shopkeeper, watched the motorcade."
    assert not [c for t, c in _mentions(coder, text, D(2022, 9, 15)) if t.startswith("Abdullah K")]
    assert ("Abdullah", "AREGOV") not in _mentions(coder, text, D(2022, 9, 15))


def test_a_surname_is_the_nearest_person_before_it(coder):  # type: ignore[no-untyped-def]
    text = ("Kenyan Interior Minister John Kamau met traders. Ugandan opposition leader Peter Kamau (no relation) "
            "spoke in Kampala. Kamau said the border should stay open.")
    assert [c for t, c in _mentions(coder, text, D(2024, 1, 5)) if t == "Kamau"][-1] == "UGAOPP"


def test_a_surname_before_the_full_name_is_left_alone(coder):  # type: ignore[no-untyped-def]
    text = "Kamau arrived late. Kenyan Interior Minister John Kamau then opened the session."
    assert [c for t, c in _mentions(coder, text, D(2024, 1, 5)) if t == "Kamau"] == []


@pytest.mark.parametrize(
    "text, short, code",
    [
        # the initials of a group named before
        ("The Arakan Army captured an outpost in Rakhine State. The AA said junta troops had fled.", "AA", "MMRREB"),
        # the letters the text put in brackets
        ("The Revolutionary United Front (RUF) handed over weapons in Sierra Leone on Monday. The RUF said more would "
         "follow.", "RUF", "SLEREB"),
        # the letters in brackets inside the mention, and a body named by a nationality and its words
        ("Free Papua Movement (OPM) rebels attacked a post in Indonesia's Papua. The OPM said it would fight on.",
         "OPM", "IDNREB"),
        ("The American Civil Liberties Union sued the government. The ACLU said the law was unconstitutional.",
         "ACLU", "USA"),
    ],
)
def test_an_acronym_is_the_organisation_named_before(coder, text, short, code):  # type: ignore[no-untyped-def]
    found = [(t, c) for t, c in _mentions(coder, text, D(2024, 1, 16)) if t == short]
    assert len(found) == 1 and found[0][1] is not None and found[0][1].startswith(code)  # once: the letters in brackets are the full name's, not a mention of their own


@pytest.mark.parametrize(
    "text, on, person, code",
    [
        ("DAR ES SALAAM, March 3 - President Samia Hassan lifted a ban on opposition rallies in Tanzania.",
         D(2023, 3, 3), "President Samia Hassan", "TZAGOV"),
        ("ATHENS - Prosecutor Eleni Markou opened an inquiry into two Greek former ministers.",
         D(2018, 2, 6), "Prosecutor Eleni Markou", "GRCJUD"),
        ("NAIROBI - Acting Police Chief John Mwangi warned protesters in Kenya to stay away from parliament.",
         D(2024, 7, 10), "Acting Police Chief John Mwangi", "KENCOP"),
        ("TOKYO - Vice Foreign Minister Hiroshi Tanaka protested to Beijing over the incident, Japan's foreign "
         "ministry said. Japan wants an apology, Japanese officials said.",
         D(2023, 8, 28), "Vice Foreign Minister Hiroshi Tanaka", "JPNGOV"),
        ("BANGKOK - PM Anan Srisuk ordered troops to clear the airport, Thailand's government said.",
         D(2008, 11, 28), "PM Anan Srisuk", "THAGOV"),
    ],
)
def test_a_title_without_a_country_takes_the_texts_country(coder, text, on, person, code):  # type: ignore[no-untyped-def]
    assert (person, code) in _mentions(coder, text, on)


def test_a_title_in_a_text_of_several_countries_takes_none(coder):  # type: ignore[no-untyped-def]
    text = ("Russia and Ukraine traded blame on Monday. Ukraine said Russia shelled a port; Russia said Ukraine "
            "attacked a bridge. Foreign Minister Ivan Petrenko condemned the attack.")
    assert not [c for t, c in _mentions(coder, text, D(2023, 8, 28)) if "Petrenko" in t and c]


def test_a_known_person_named_by_title_and_surname(coder):  # type: ignore[no-untyped-def]
    text = "Manila signed a trade deal with Beijing during President Duterte's visit to the Philippines' neighbour."
    assert ("Duterte", "PHLGOV") in _mentions(coder, text, D(2016, 10, 21))
    # out of office on the date: an elite of the country
    text = "Former President Duterte flew home to the Philippines on Tuesday."
    assert ("Duterte", "PHLELI") in _mentions(coder, text, D(2025, 3, 11))


def test_a_title_and_a_surname_of_someone_abroad_is_not_guessed(coder):  # type: ignore[no-untyped-def]
    # the only dictionary person whose name ends in "Kim" heads a bank, which this text does not name
    text = "South Korea's Mr Kim declined to comment on the talks in Seoul."
    assert not [c for t, c in _mentions(coder, text, D(2016, 10, 21)) if t == "Kim" and c]


@pytest.mark.parametrize(
    "text, person, code",
    [
        ("NAIROBI - Kenya's opposition rejected the count. Mwenda Otieno, a spokesman for the Interior Ministry, "
         "called the claims false.", "Mwenda Otieno", "KENGOV"),
        ("NAIROBI - Kenya's opposition rejected the count. Peter Kamau, a former minister, backed it.",
         "Peter Kamau", "KENELI"),
    ],
)
def test_a_role_in_apposition_without_a_country_takes_the_texts(coder, text, person, code):  # type: ignore[no-untyped-def]
    assert (person, code) in _mentions(coder, text, D(2017, 8, 13))


def test_a_person_in_apposition_to_no_role_gets_no_code(coder):  # type: ignore[no-untyped-def]
    text = "NAIROBI - Kenya's opposition rejected the count. Jane Wairimu, a fashion stylist, joined the protests."
    assert not [c for t, c in _mentions(coder, text, D(2017, 8, 13)) if "Wairimu" in t and c]
