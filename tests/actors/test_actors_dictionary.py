"""The built-in actor dictionary: role families (criminals, health workers, insurgents, police units, intelligence
titles, parties), political parties by country, named forces and agencies, breakaway regions, more office
holders; and the false matches those additions must not create."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.actors import check, load_dictionary, resolve_text

D = dt.date


def test_the_built_in_dictionary_is_consistent():
    assert check(load_dictionary().entries) == []


@pytest.mark.parametrize(
    "phrase, on, code",
    [
        # role families
        ("thieves", D(2024, 1, 5), "CRM"),
        ("vandals", D(2024, 1, 5), "CRM"),
        ("kidnappers", D(2024, 1, 5), "CRM"),
        ("Mexican drug cartel", D(2024, 1, 5), "MEXCRM"),
        ("paramedics", D(2024, 1, 5), "HLH"),  # health is HLH in this ontology; MED is media
        ("jihadis", D(2024, 1, 5), "REB"),
        ("mujahideen", D(2024, 1, 5), "REB"),
        ("mercenaries", D(2024, 1, 5), "UAF"),
        ("anti-riot police", D(2024, 1, 5), "COP"),
        ("Director of Central Intelligence", D(2000, 1, 5), "USASPY"),
        ("Muslim cleric", D(2024, 1, 5), "REL"),
        ("Rohingya refugees", D(2024, 1, 5), "MMRREF"),
        # national guards are military forces; Russia's Rosgvardia polices
        ("the Saudi National Guard", D(2024, 1, 5), "SAUMIL"),
        ("Rosgvardia", D(2024, 1, 5), "RUSCOP"),
        # named fleets
        ("the Northern Fleet", D(2024, 1, 5), "RUSMIL"),
        ("Russia's Baltic Fleet", D(2024, 1, 5), "RUSMIL"),
        # parties, with their acronyms in capitals
        ("the PRI", D(2020, 1, 5), "MEXPTY"),
        ("The PAN", D(2020, 1, 5), "MEXPTY"),
        ("Institutional Revolutionary Party", D(2020, 1, 5), "MEXPTY"),
        ("the ANC", D(2020, 1, 5), "ZAFPTY"),
        ("the Congress Party", D(2020, 1, 5), "INDPTY"),
        ("the AKP", D(2020, 1, 5), "TURPTY"),
        ("Labour Party", D(2020, 1, 5), "GBRPTY"),
        ("Likud", D(2020, 1, 5), "ISRPTY"),
        # a party name several countries use takes the country that modifies it
        ("Kenya's Liberal Democratic Party", D(2005, 1, 5), "KENPTY"),
        ("Japan's ruling Liberal Democratic Party", D(2020, 1, 5), "JPNPTY"),
        ("Egypt's ruling National Democratic Party", D(2010, 11, 29), "EGYPTY"),
        # agencies, legislatures and groups
        ("Islamic Consultative Assembly", D(2021, 1, 5), "IRNLEG"),
        ("Riigikogu", D(2021, 1, 5), "ESTLEG"),
        ("Iran's Supreme National Security Council", D(2023, 1, 5), "IRNGOV"),
        ("SONNA", D(2021, 1, 5), "SOMMED"),
        ("FDLR", D(2021, 1, 5), "RWAREB"),
        ("Los Zetas", D(2012, 1, 5), "MEXCRM"),
        ("Tokyo Metropolitan Police", D(2022, 1, 5), "JPNCOP"),
        # breakaway regions
        ("Abkhazia", D(2020, 1, 5), "GEOSEP"),
        ("Transnistria", D(2020, 1, 5), "MDASEP"),
        ("Nagorno-Karabakh", D(2020, 1, 5), "AZESEP"),
        ("Nagorno-Karabakh", D(2025, 1, 5), "AZE"),  # the breakaway republic dissolved on 2024-01-01
        # office holders, by date
        ("Diego Molano", D(2021, 6, 1), "COLGOV"),
        ("Boyko Borisov", D(2019, 6, 1), "BGRGOV"),
        ("Boyko Borisov", D(2024, 6, 1), "BGRELI"),
        ("Ibrahim Mohamed Solih", D(2020, 6, 1), "MDVGOV"),
        ("Jüri Ratas", D(2018, 6, 1), "ESTGOV"),
        ("Jüri Ratas", D(2022, 6, 1), "ESTLEG"),
        ("Hashim Thaci", D(2018, 6, 1), "XKXGOV"),
        ("Pope Francis", D(2020, 1, 5), "VATREL"),
    ],
)
def test_resolves_added_actors(phrase, on, code):
    m = resolve_text(phrase, on)
    assert m is not None, phrase
    assert m.code == code, (phrase, m.code)


@pytest.mark.parametrize(
    "phrase",
    [
        "a frying pan",  # party acronyms match only in capitals
        "the pan",
        "the Democratic Party",  # a name many countries' parties share: no country is guessed
        "Japan's National Security Council",  # not the US one
        "the Sea of Azov",  # not the Azov brigade
        "BNP Paribas",
    ],
)
def test_added_names_do_not_match_ordinary_text(phrase):
    m = resolve_text(phrase, D(2024, 1, 5))
    assert m is None or m.code[:3] not in ("MEX", "USA", "UKR", "BGD"), (phrase, m.code)


def test_a_simile_or_label_is_no_actor(code_text):
    coded = code_text("The ministry called the group a terrorist organisation and compared its leader to a thief.")
    assert not any(m.code in ("REB", "CRM") for m in coded.mentions), [(m.text, m.code) for m in coded.mentions]


def test_the_coder_takes_its_countries_from_the_dictionary_in_use(tmp_path):
    """A country added with --dict is a state to the event coder too (not only the built-in countries): a
    state that protests a decision complains officially (114); a people's protest would be 140."""
    from parley.model import Document
    from parley.pipeline import Coder, Options

    mine = tmp_path / "freedonia.tsv"
    mine.write_text("FRE\tcountry\tFreedonia|the Republic of Freedonia\t\t\tour own\n", encoding="utf-8")
    coder = Coder(Options(use_model=False, dictionaries=(str(mine),)))
    assert {"FRE"} <= coder.actors.country_codes and "Republic of Freedonia" in coder.actors.country_names
    coded = coder.code(Document(text="Freedonia protested the decision of Russia."))
    assert [(e.source.code, e.cameo, e.target.code) for e in coded.events] == [("FRE", "114", "RUS")]
    assert "FRE" not in load_dictionary().country_codes  # the built-in dictionary is left as it was
