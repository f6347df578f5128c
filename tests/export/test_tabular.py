"""Exports as CSV, JSON Lines and Parquet, with the store's filters; unknown formats are refused."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from parley import errors
from parley.export import export
from parley.store import Filters


def test_csv_with_an_actor_filter(filled_store):
    buf = io.StringIO()
    n = export(filled_store, "csv", None, Filters(actors=("CAN",)), stream=buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert n == len(rows) > 0 and all("CAN" in (r["source_code"] + r["target_code"]) for r in rows)


def test_jsonl_with_a_date_filter(filled_store):
    buf = io.StringIO()
    n = export(filled_store, "jsonl", None, Filters(date_from=dt.date(2024, 3, 5)), stream=buf)
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert n == len(rows) > 0 and all(r["event_date"] >= "2024-03-05" for r in rows)


def test_aggregated_jsonl_has_one_row_per_event_across_articles(filled_store):
    buf = io.StringIO()
    export(filled_store, "jsonl", None, aggregate=True, stream=buf)
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    tur = [r for r in rows if r["source_code"] == "TUR" and r["root"] == "11"]
    assert len(tur) == 1 and tur[0]["num_articles"] == 2


def test_parquet_holds_every_event(filled_store, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "out" / "events.parquet"
    n = export(filled_store, "parquet", path)
    assert n == filled_store.counts()["events"] == pq.read_table(path).num_rows


def test_parquet_needs_a_file_and_unknown_formats_are_refused(filled_store):
    with pytest.raises(errors.InputError, match="parquet needs --out"):
        export(filled_store, "parquet", None)
    with pytest.raises(errors.InputError, match="unknown export format 'xlsx'"):
        export(filled_store, "xlsx", None)
