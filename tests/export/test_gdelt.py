"""The GDELT 2.0 export: 61 columns in GDELT's order, one row per event across articles."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from parley.export import GDELT_COLUMNS, export
from parley.export.gdelt import gdelt_row

COL = {name: i for i, name in enumerate(GDELT_COLUMNS)}


def test_gdelt_rows_have_gdelt_s_columns_and_aggregate_articles(filled_store, coder, news):
    buf = io.StringIO()
    n = export(filled_store, "gdelt", None, stream=buf)
    fields = [line.split("\t") for line in buf.getvalue().splitlines()]
    assert n == len(fields) > 0
    assert all(len(f) == len(GDELT_COLUMNS) == 61 for f in fields)
    tur = next(f for f in fields if f[COL["Actor1Code"]] == "TUR" and f[COL["EventRootCode"]] == "11")
    assert (tur[COL["Day"]], tur[COL["NumArticles"]], tur[COL["Actor2CountryCode"]]) == ("20240304", "2", "SWE")
    assert tur[COL["SOURCEURL"]].startswith("https://news.example/")
    # AvgTone: the mean tone of the two articles that report the condemnation
    tones = [coder.code(d).tone for d in news[:2]]
    assert float(tur[COL["AvgTone"]]) == pytest.approx(sum(tones) / 2, abs=1e-3) and sum(tones) < 0


def _lines(buf: io.StringIO) -> list[list[str]]:
    return [line.split("\t") for line in buf.getvalue().splitlines()]


def _row(**values):
    row = {"source_code": None, "target_code": None, "cameo": "010", "base_code": "010", "root": "01",
           "quad_class": 1, "goldstein": 0.0, "num_mentions": 1, "num_sources": 1, "num_articles": 1}
    row.update(values)
    return gdelt_row(row)


ACTOR = ("Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
         "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code")


@pytest.mark.parametrize("code, name, expected_name, country, group, types", [
    ("RUSGOV", "Kremlin", "KREMLIN", "RUS", "", ["GOV", "", ""]),
    ("USA", "United States", "UNITED STATES", "USA", "", ["", "", ""]),
    ("USAMILREB", None, "UNITED STATES MILITARY REBELS", "USA", "", ["MIL", "REB", ""]),
    # a bare role is a type (GDELT's own rows: AGR, FARMER, Type1Code AGR), not a known group
    ("AGR", "farmer", "FARMER", "", "", ["AGR", "", ""]),
    ("CVL", None, "CIVILIANS", "", "", ["CVL", "", ""]),
    ("MED", None, "MEDIA", "", "", ["MED", "", ""]),
    ("BRAOPP", None, "BRAZIL POLITICAL OPPOSITION", "BRA", "", ["OPP", "", ""]),
    # a CAMEO region is the country column (GDELT's own rows: AFR, AFRICA, Actor1CountryCode AFR)
    ("AFR", None, "AFRICA", "AFR", "", ["", "", ""]),
    ("EURJUD", None, "EUROPE JUDICIARY", "EUR", "", ["JUD", "", ""]),
    # known groups: IGOs and groups without a country; IGO itself is a type
    ("UNO", "United Nations", "UNITED NATIONS", "", "UNO", ["", "", ""]),
    ("NAT", "NATO", "NATO", "", "NAT", ["", "", ""]),
    ("IGOUNO", None, "INTER-GOVERNMENTAL ORGANISATION UNO", "", "UNO", ["IGO", "", ""]),
    ("ECOWAS", None, "ECOWAS", "", "ECOWAS", ["", "", ""]),
    ("INTERPOL", "Interpol", "INTERPOL", "", "INTERPOL", ["", "", ""]),
])
def test_actor_codes_split_into_gdelt_s_fields(code, name, expected_name, country, group, types):
    fields = _row(source_code=code, source_name=name)
    assert (fields[COL["Actor1Code"]], fields[COL["Actor1Name"]]) == (code, expected_name)
    assert [fields[COL[c]] for c in ACTOR] == [country, group, "", "", "", *types]
    target = _row(target_code=code, target_name=name)  # the target's columns are split the same way
    assert [target[COL[c.replace("Actor1", "Actor2")]] for c in ACTOR] == [country, group, "", "", "", *types]
    assert fields[COL["Actor2Code"]] == "" and fields[COL["Actor2Name"]] == ""


@pytest.mark.parametrize("day, sqldate, month_year, fraction", [
    (dt.date(1979, 1, 1), "19790101", "197901", "1979.0027"),  # as in GDELT's own files
    (dt.date(2024, 1, 1), "20240101", "202401", "2024.0027"),
    (dt.date(2004, 2, 20), "20040220", "200402", "2004.1397"),
    (dt.date(2013, 4, 1), "20130401", "201304", "2013.2493"),
    (dt.date(2023, 7, 2), "20230702", "202307", "2023.5014"),
])
def test_date_columns_and_fraction_date_as_gdelt_computes_it(day, sqldate, month_year, fraction):
    fields = _row(source_code="USA", event_date=day)
    assert [fields[COL[c]] for c in ("Day", "MonthYear", "Year", "FractionDate")] == [
        sqldate, month_year, str(day.year), fraction]


def test_num_sources_counts_named_sources_and_the_unnamed_as_one(filled_store, coder, news):
    from parley.model import Document
    from parley.store import ingest

    # a third report of the condemnation, without a source: wire-a, wire-b and one unnamed source
    third = "Turkey condemned Sweden over the protest on Monday, a minister said."
    ingest(filled_store, [Document(text=third, published=news[0].published)], coder)
    tur = next(r for r in filled_store.aggregates() if r["source_code"] == "TUR" and r["root"] == "11")
    assert (tur["num_articles"], tur["num_sources"]) == (3, 3)


def test_documents_without_a_source_are_one_source_not_none(store_target, coder):
    from parley.model import Document
    from parley.store import ingest, open_store

    texts = ["Turkey condemned Sweden over the protest.",
             "Turkey condemned Sweden over the protest, officials said."]
    with open_store(store_target) as store:
        ingest(store, [Document(text=t, published=dt.date(2024, 3, 6)) for t in texts], coder)  # no source
        buf = io.StringIO()
        export(store, "gdelt", None, stream=buf)
    [tur] = [f for f in _lines(buf) if f[COL["Actor1Code"]] == "TUR"]
    assert tur[COL["NumArticles"]] == "2" and tur[COL["NumSources"]] == "1"


def test_event_date_then_publication_then_the_day_stored():
    added = dt.datetime(2025, 2, 3, 10, 30)
    dated = _row(event_date=dt.date(2024, 3, 4), first_seen=dt.date(2024, 3, 6), date_added=added)
    published = _row(first_seen=dt.date(2024, 3, 6), date_added=added)
    undated = _row(date_added=added)
    assert [f[COL["Day"]] for f in (dated, published, undated)] == ["20240304", "20240306", "20250203"]
    assert undated[COL["FractionDate"]] == "2025.0932" and undated[COL["DATEADDED"]] == "20250203103000"


def test_undated_documents_are_dated_by_the_day_they_were_stored(store_target, coder):
    from parley.model import Document
    from parley.store import ingest, open_store

    with open_store(store_target) as store:
        ingest(store, [Document(text="Turkey condemned Sweden over the protest.")], coder)  # no date anywhere
        buf = io.StringIO()
        export(store, "gdelt", None, stream=buf)
    [tur] = [f for f in _lines(buf) if f[COL["Actor1Code"]] == "TUR"]
    assert tur[COL["Day"]] == tur[COL["DATEADDED"]][:8] and len(tur[COL["Day"]]) == 8
    assert tur[COL["MonthYear"]] == tur[COL["Day"]][:6] and tur[COL["Year"]] == tur[COL["Day"]][:4]
    assert tur[COL["FractionDate"]].startswith(tur[COL["Year"]] + ".")
