"""parley's GDELT export read column by column as a GDELT 2.0 event line: the codebook's 61 columns, their
types, which may be empty and which hold 0 instead, and the values derived from one another (dates, codes,
actor parts, geography). The layout is first checked on a line of our own written as GDELT writes its rows
(not a copy of one), so the reader below is known to accept GDELT's own files."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from parley.export import GDELT_COLUMNS, export
from parley.export.gdelt import fraction_date, gdelt_row

# GDELT 2.0 event codebook: each column's type; "?" after a type: the column may be empty
INT, FLOAT, TEXT = r"-?\d+", r"-?\d+(\.\d+)?", r".*"
CODEBOOK = {
    "GlobalEventID": INT, "Day": r"\d{8}", "MonthYear": r"\d{6}", "Year": r"\d{4}", "FractionDate": r"\d{4}\.\d{4}",
    **{f"Actor{n}{c}": TEXT for n in (1, 2) for c in ("Code", "Name")},
    **{f"Actor{n}{c}": r"([A-Z]{3})?" for n in (1, 2) for c in (
        "CountryCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")},
    **{f"Actor{n}KnownGroupCode": r"([A-Z]{3,})?" for n in (1, 2)},
    **{f"Actor{n}EthnicCode": r"([a-z]{3})?" for n in (1, 2)},
    "IsRootEvent": r"[01]", "EventCode": r"\d{3,4}", "EventBaseCode": r"\d{3}", "EventRootCode": r"\d{2}",
    "QuadClass": r"[1-4]", "GoldsteinScale": FLOAT, "NumMentions": INT, "NumSources": INT, "NumArticles": INT,
    "AvgTone": FLOAT,
    **{f"{g}Geo_{c}": rx for g in ("Actor1", "Actor2", "Action") for c, rx in (
        ("Type", r"[0-5]"), ("FullName", TEXT), ("CountryCode", r"([A-Z]{2})?"), ("ADM1Code", r"([A-Z]{2}\w*)?"),
        ("ADM2Code", r"\w*"), ("Lat", rf"({FLOAT})?"), ("Long", rf"({FLOAT})?"), ("FeatureID", r"(-?\w+)?"))},
    "DATEADDED": r"\d{14}", "SOURCEURL": r"(https?://\S+)?",
}

# A GDELT 2.0 event line of our own, in GDELT's layout: Turkey's government criticises Iraqi Shia (religion
# columns), the action placed at country level in Sweden, neither actor geocoded (type 0, the rest empty)
OWN_LINE = "\t".join([
    "1187654321", "20240306", "202403", "2024", "2024.1808",
    "TURGOV", "TURKEY", "TUR", "", "", "", "", "GOV", "", "",
    "IRQMOSSHI", "IRAQ", "IRQ", "", "", "MOS", "SHI", "", "", "",
    "1", "111", "111", "11", "3", "-2.0", "4", "2", "2", "-3.4102",
    "0", "", "", "", "", "", "", "",
    "0", "", "", "", "", "", "", "",
    "1", "Sweden", "SW", "SW", "", "62", "15", "SW",
    "20240306101500", "https://news.example/turkey-iraq",
])


def parse(line: str) -> dict[str, str]:
    """A GDELT 2.0 event line as {column: value}, checking the column count and each column's type."""
    fields = line.rstrip("\n").split("\t")
    assert len(fields) == len(GDELT_COLUMNS) == len(CODEBOOK) == 61, len(fields)
    row = dict(zip(GDELT_COLUMNS, fields))
    for column, pattern in CODEBOOK.items():
        assert re.fullmatch(pattern, row[column]), (column, row[column])
    day = dt.datetime.strptime(row["Day"], "%Y%m%d").date()
    assert (row["MonthYear"], row["Year"], row["FractionDate"]) == (row["Day"][:6], row["Day"][:4], fraction_date(day))
    dt.datetime.strptime(row["DATEADDED"], "%Y%m%d%H%M%S")
    assert row["EventBaseCode"] == row["EventCode"][:3] and row["EventRootCode"] == row["EventCode"][:2]
    for n in (1, 2):
        code = row[f"Actor{n}Code"]
        parts = [row[f"Actor{n}{c}"] for c in ("CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                                                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")]
        if not code:
            assert not any(parts) and not row[f"Actor{n}Name"]
        else:  # every part of the code is in one of the columns, and nothing else is
            assert sorted(re.findall(".{3}", "".join(parts))) == sorted(re.findall(".{3}", code)), (code, parts)
            assert row[f"Actor{n}Name"] and row[f"Actor{n}Name"] == row[f"Actor{n}Name"].upper()
    for geo in ("Actor1", "Actor2", "Action"):
        values = [row[f"{geo}Geo_{c}"] for c in ("FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                                                 "FeatureID")]
        kind = row[f"{geo}Geo_Type"]
        if kind == "0":  # no place: 0, never empty, and nothing else
            assert not any(values), (geo, values)
        else:  # a name and a country; an ADM1 code starts with the country's (parley leaves a city's empty)
            assert values[0] and values[1] and values[2][:2] in ("", values[1]), (geo, values)
        if kind == "1":  # a country: its code is also the ADM1 code and the feature id
            assert values[1] == values[2] == values[6], (geo, values)
    assert int(row["NumArticles"]) >= 1 and int(row["NumSources"]) >= 1 and int(row["NumMentions"]) >= 1
    return row


def test_the_layout_reads_a_gdelt_2_line():
    row = parse(OWN_LINE)
    assert (row["Actor2Religion1Code"], row["Actor2Religion2Code"], row["ActionGeo_FeatureID"]) == ("MOS", "SHI", "SW")


def _aggregate(**values):
    row = {"source_code": "TURGOV", "source_name": "Turkey", "target_code": "IRQMOSSHI", "target_name": "Iraq",
           "cameo": "111", "base_code": "111", "root": "11", "quad_class": 3, "goldstein": -2.0,
           "num_mentions": 4, "num_sources": 2, "num_articles": 2, "avg_tone": -3.41023, "first_sentence": 0,
           "event_date": dt.date(2024, 3, 6), "first_seen": dt.date(2024, 3, 6),
           "date_added": dt.datetime(2024, 3, 6, 10, 15), "action_country": "SWE", "action_place": None,
           "lat": None, "lon": None, "source_url": "https://news.example/turkey-iraq"}
    row.update(values)
    return parse("\t".join(gdelt_row(row)))


def test_parley_writes_the_line_column_by_column_as_gdelt_does():
    ours, gdelt = _aggregate(), parse(OWN_LINE)
    # GlobalEventID is parley's own number; the country centroid (Lat, Long) is not in parley's gazetteer
    differ = {"GlobalEventID", "ActionGeo_Lat", "ActionGeo_Long"}
    assert {c: ours[c] for c in GDELT_COLUMNS if c not in differ} == {c: gdelt[c] for c in GDELT_COLUMNS
                                                                      if c not in differ}


@pytest.mark.parametrize("values, expected", [
    ({"action_country": None}, {"ActionGeo_Type": "0", "ActionGeo_CountryCode": "", "ActionGeo_FeatureID": ""}),
    ({"action_place": "Malmo", "lat": 55.605, "lon": 13.0038},
     {"ActionGeo_Type": "4", "ActionGeo_FullName": "Malmo, Sweden", "ActionGeo_CountryCode": "SW",
      "ActionGeo_Lat": "55.6050", "ActionGeo_Long": "13.0038", "ActionGeo_ADM1Code": "", "ActionGeo_FeatureID": ""}),
    ({"target_code": None, "target_name": None}, {"Actor2Code": "", "Actor2Geo_Type": "0", "Actor2Type1Code": ""}),
    ({"source_code": "CHRCTH", "source_name": None},
     {"Actor1CountryCode": "", "Actor1Religion1Code": "CHR", "Actor1Religion2Code": "CTH",
      "Actor1KnownGroupCode": "", "Actor1Name": "CHRISTIAN CATHOLIC"}),
    ({"source_code": "NGAMILREB", "source_name": None},
     {"Actor1CountryCode": "NGA", "Actor1Type1Code": "MIL", "Actor1Type2Code": "REB", "Actor1Religion1Code": ""}),
    ({"event_date": None, "first_seen": None, "date_added": dt.datetime(2024, 12, 31, 23, 59, 1)},
     {"Day": "20241231", "FractionDate": "2025.0027", "DATEADDED": "20241231235901"}),
    ({"first_sentence": 3, "source_url": None}, {"IsRootEvent": "0", "SOURCEURL": ""}),
    ({"cameo": "0231", "base_code": "023", "root": "02", "quad_class": 1, "goldstein": 3.4},
     {"EventCode": "0231", "EventBaseCode": "023", "EventRootCode": "02", "GoldsteinScale": "3.4"}),
])
def test_each_column_as_the_codebook_has_it(values, expected):
    row = _aggregate(**values)
    assert {c: row[c] for c in expected} == expected


def test_every_exported_line_reads_as_gdelt_2(filled_store):
    buf = io.StringIO()
    assert export(filled_store, "gdelt", None, stream=buf) > 0
    rows = [parse(line) for line in buf.getvalue().splitlines()]
    assert all(r["Actor1Geo_Type"] == r["Actor2Geo_Type"] == "0" for r in rows)
    assert {r["ActionGeo_Type"] for r in rows} <= {"0", "1", "4"}
