"""What the web explorer asks of the store (``parley serve``): events filtered every way a reader narrows them,
one page at a time; a dyad's timeline in both directions with its say-do gap; an actor's partners, event mix
and quotes; quotes by speaker and text. The SQL lives here, beside :mod:`parley.store.query`, so that the web
layer holds none; every value reaches the database as a parameter, never as SQL text.

Aggregates (the dyad timeline, an actor's partners and mix) count events that occurred, as every query of
:mod:`parley.store.query` does; the events table shows every coded event unless told ``occurred``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from parley import errors
from parley.model import MODALITIES
from parley.store.base import Store, has_prefix, prefix_pattern
from parley.store.query import _period
from parley.store.snapshot import EventSnapshot
from parley.store.summary import GOLDSTEIN_SUM, DyadSummary

BY = ("day", "week", "month")
MAX_LIMIT = 1000
"""The largest page any listing returns: a reader pages, nobody reads a million rows in a browser."""
COUNT_CAP = 10_000
"""Pages read with SQL count matches up to this many and then say "over 10,000": counting stops early, where
counting every match of a broad filter on a million events would read them all (a snapshot counts exactly)."""

# what a row of the events table shows: the event, and the document it comes from
EVENT_FIELDS = (
    "e.id", "e.doc_id", "e.sentence", "e.event_date", "e.source_code", "e.source_name", "e.target_code",
    "e.target_name", "e.cameo", "e.root", "e.quad_class", "e.goldstein", "e.modality", "e.occurred",
    "e.trigger_text", "e.evidence", "e.confidence", "e.rule", "e.quote_id", "e.place_country", "e.place_name",
)


def _like_anywhere(text: str) -> str:
    """A LIKE pattern for ``text`` anywhere, its wildcards taken literally."""
    return "%" + prefix_pattern(text)


@dataclass
class EventFilter:
    """Which events to list. Actor codes are prefixes (RUS matches RUSGOV); ``actor`` is either side,
    ``dyad`` two actors in either direction; ``code`` a CAMEO code prefix (14 is every protest), ``root`` a
    whole root; ``q`` words in the evidence, case-insensitive; ``outlet`` the document's source exactly."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    root: str | None = None
    code: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    outlet: str | None = None
    q: str | None = None
    doc_id: str | None = None
    occurred: bool = False

    def __post_init__(self) -> None:
        if self.modality is not None and self.modality not in MODALITIES:
            raise errors.InputError(f"unknown modality {self.modality!r}; expected one of {', '.join(MODALITIES)}")
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise errors.InputError(f"quad class {self.quad_class} out of range; expected 1, 2, 3 or 4")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise errors.InputError(f"the date range is empty: from {self.date_from} is after to {self.date_to}")

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, False, "") for f in fields(self))

    def where(self, p: str) -> tuple[str, list[Any]]:
        """A WHERE clause over ``events e`` (empty when nothing is filtered) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        src, tgt = has_prefix("e.source_code", p), has_prefix("e.target_code", p)
        if self.actor:
            clauses.append(f"({src} OR {tgt})")
            params += [self.actor] * 2
        if self.source:
            clauses.append(src)
            params.append(self.source)
        if self.target:
            clauses.append(tgt)
            params.append(self.target)
        if self.dyad:
            # the source test alone first: an AND narrows the rows before the OR of pairs is read (twice as
            # fast in DuckDB as the OR alone)
            a, b = self.dyad
            clauses.append(f"({src} OR {src}) AND (({src} AND {tgt}) OR ({src} AND {tgt}))")
            params += [a, b, a, b, b, a]
        # the filters of one value each, in this order: (value or None, clause)
        for value, clause in ((self.root, f"e.root = {p}"), (self.code, has_prefix("e.cameo", p)),
                              (self.quad_class, f"e.quad_class = {p}"), (self.modality, f"e.modality = {p}"),
                              (self.date_from, f"e.event_date >= {p}"), (self.date_to, f"e.event_date <= {p}"),
                              (self.outlet, f"e.doc_id IN (SELECT id FROM documents WHERE source = {p})"),
                              (_like_anywhere(self.q) if self.q else None, f"e.evidence ILIKE {p} ESCAPE '\\'"),
                              (self.doc_id, f"e.doc_id = {p}")):
            if value is not None and value != "":
                clauses.append(clause)
                params.append(value)
        if self.occurred:
            clauses.append("e.occurred")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _limit(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= limit <= MAX_LIMIT:
        raise errors.InputError(f"limit {limit} out of range; expected 1 to {MAX_LIMIT}")
    if offset < 0:
        raise errors.InputError(f"offset {offset} is negative")
    return int(limit), int(offset)


def _dicts(result: tuple[list[str], list[tuple]]) -> list[dict[str, Any]]:
    cols, rows = result
    return [dict(zip(cols, r)) for r in rows]


def find_events(store: Store | EventSnapshot, f: EventFilter, limit: int = 50,
                offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """How many events match, exactly, and one page of them: latest event date first (undated last), with the
    title, outlet, address and date of the document each comes from (the API's answer).

    From a store's :class:`~parley.store.snapshot.EventSnapshot` (a DuckDB store opened read-only), read
    from memory. From a store, two queries: the count, and the page (:func:`_page`: its rows
    found on the events table alone, then read with their documents). A text search counts in the same pass
    as it finds the page (a window count): it reads every evidence sentence, once."""
    limit, offset = _limit(limit, offset)
    if isinstance(store, EventSnapshot):
        total, _more, found = store.page(f, limit, offset, count=True)
        return int(total or 0), found
    where, params = f.where(store.param)
    if f.q:
        rows = _page(store, where, params, limit, offset, counted=True)
        if not rows:  # nothing matched, or the offset is past the end: count again to say how many matched
            total = int(store.query(f"SELECT COUNT(*) FROM events e{where}", params)[1][0][0]) if offset else 0
            return total, []
        total = int(rows[0]["page_total"])
        for r in rows:
            del r["page_total"]
        return total, rows
    total = int(store.query(f"SELECT COUNT(*) FROM events e{where}", params)[1][0][0])
    if total == 0 or offset >= total:
        return total, []
    return total, _page(store, where, params, limit, offset)


def events_page(store: Store | EventSnapshot, f: EventFilter, limit: int = 50, offset: int = 0,
                count_cap: int = COUNT_CAP) -> tuple[int | None, bool, list[dict[str, Any]]]:
    """One page for a reader: (how many match, counted up to ``count_cap``: ``count_cap + 1`` means more;
    None when not counted; whether more follow this page; the rows as :func:`find_events` gives them).

    A page needs to know whether there is a next one, not the exact total: counting stops past ``count_cap``,
    and a text search is not counted at all. Without a count, "latest first" can stop early: the top of the
    sort is found in the newest part of a store ingested in time order, where counting would read every
    evidence sentence. From a store's snapshot the count is exact (it costs nothing more) but for a
    text search, which reads evidence sentences in page order until the page is full."""
    limit, offset = _limit(limit, offset)
    if isinstance(store, EventSnapshot):
        return store.page(f, limit, offset, count=False)
    where, params = f.where(store.param)
    total = None
    if not f.q:
        counted = f"(SELECT 1 FROM events e{where} LIMIT {int(count_cap) + 1}) x"
        total = int(store.query(f"SELECT COUNT(*) FROM {counted}", params)[1][0][0])
        if total == 0:
            return 0, False, []
    rows = _page(store, where, params, limit + 1, offset)
    return total, len(rows) > limit, rows[:limit]


def _order(store: Store, limit: int, offset: int) -> str:
    return f"ORDER BY e.event_date DESC NULLS LAST, {store.row_order} LIMIT {int(limit)} OFFSET {int(offset)}"


def _page(store: Store, where: str, params: list[Any], limit: int, offset: int,
          counted: bool = False) -> list[dict[str, Any]]:
    """One page of events, each with its document's title, outlet, address and date.

    Late materialisation: the filter and the sort read only the columns they test and give the page's row
    keys (``Store.row_order``: DuckDB's row number, an integer), and only those rows are read in full, in
    the same query. Sorting every matching row with all its columns (evidence sentences included), or
    fetching the page by a list of id strings (a full scan in DuckDB, which uses no index for an IN list),
    costs several times more. The documents come in a second query, by id: joining them in the same query
    probes every document. ``counted`` adds ``page_total``, every match counted in the same pass (a window
    count over the filtered rows, before the limit)."""
    key = store.row_order
    total = ", COUNT(*) OVER () AS page_total" if counted else ""
    sql = (f"SELECT {', '.join(EVENT_FIELDS)}{', p.page_total' if counted else ''} "
           f"FROM (SELECT {key} AS page_key{total} FROM events e{where} {_order(store, limit, offset)}) p "
           f"JOIN events e ON {key} = p.page_key ORDER BY e.event_date DESC NULLS LAST, {key}")
    rows = _dicts(store.query(sql, params))
    docs: dict[str, tuple] = {}
    ids = sorted({r["doc_id"] for r in rows})
    if ids:
        found = store.query("SELECT id, title, source, url, published FROM documents "
                            f"WHERE id IN ({', '.join([store.param] * len(ids))})", ids)[1]
        docs = {d[0]: d[1:] for d in found}
    for r in rows:
        r["doc_title"], r["outlet"], r["doc_url"], r["doc_published"] = docs.get(r["doc_id"], (None,) * 4)
    return rows


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event, every column, with its document's title, outlet, address and date; None when unknown."""
    sql = ("SELECT e.*, d.title AS doc_title, d.source AS outlet, d.url AS doc_url, d.published AS doc_published "
           f"FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id = {store.param}")
    rows = _dicts(store.query(sql, [event_id]))
    return rows[0] if rows else None


def document_meta(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document's stored fields, without its coded JSON; None when unknown."""
    sql = ("SELECT id, title, url, source, published, stored_at, n_events, n_quotes, tone, coder_version "
           f"FROM documents WHERE id = {store.param}")
    rows = _dicts(store.query(sql, [doc_id]))
    return rows[0] if rows else None


def period_end(start: dt.date, by: str) -> dt.date:
    """The last day of the period (day, week from Monday, or month) that starts on ``start``."""
    if by == "day":
        return start
    if by == "week":
        return start + dt.timedelta(days=6)
    if by == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    raise errors.InputError(f"unknown period {by!r}; expected one of {', '.join(BY)}")


def period_start(day: dt.date, by: str) -> dt.date:
    """The first day of the period holding ``day``, as the database truncates dates."""
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "day":
        return day
    raise errors.InputError(f"unknown period {by!r}; expected one of {', '.join(BY)}")


def dyad_timeline(store: Store | DyadSummary, a: str, b: str, by: str = "week",
                  date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[dict[str, Any]]:
    """Per period and direction (``ab``: from ``a`` to ``b``, ``ba`` the other way), the events that occurred,
    their mean Goldstein score, and the say-do split: verbal acts (quad classes 1 and 3, what is said) against
    material acts (2 and 4, what is done). Periods without events have no row; undated events fall in none.

    A store's :class:`~parley.store.summary.DyadSummary`, given instead of the store, gives the same rows
    from a few thousand rows instead of the events table. Mean scores are exact sums (decimals) over
    counts on both paths, rounded to two decimals."""
    if by not in BY:
        raise errors.InputError(f"unknown period {by!r}; expected one of {', '.join(BY)}")
    if not a or not b:
        raise errors.InputError("a dyad needs two actor codes")
    if isinstance(store, DyadSummary):
        return store.timeline(a, b, by, date_from, date_to)
    p = store.param
    f = EventFilter(dyad=(a, b), date_from=date_from, date_to=date_to, occurred=True)
    where, params = f.where(p)
    direction = (f"CASE WHEN {has_prefix('e.source_code', p)} AND {has_prefix('e.target_code', p)} "
                 "THEN 'ab' ELSE 'ba' END")
    sql = (f"SELECT {_period(by)} AS period, {direction} AS direction, COUNT(*) AS events, "
           f"SUM({GOLDSTEIN_SUM}) AS goldstein_sum, "
           "SUM(CASE WHEN e.quad_class IN (1, 3) THEN 1 ELSE 0 END) AS verbal, "
           "SUM(CASE WHEN e.quad_class IN (2, 4) THEN 1 ELSE 0 END) AS material "
           f"FROM events e{where} AND e.event_date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2")
    rows = _dicts(store.query(sql, [a, b, *params]))
    out = []
    for r in rows:
        events = int(r["events"])
        out.append({"period": r["period"], "direction": r["direction"], "events": events,
                    "mean_goldstein": round(float(r["goldstein_sum"]) / events, 2), "verbal": int(r["verbal"]),
                    "material": int(r["material"]), "period_end": period_end(r["period"], by)})
    return out


def dyad_events(store: Store | EventSnapshot, a: str, b: str, direction: str | None, start: dt.date,
                end: dt.date, limit: int = 200, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """The events behind one point of :func:`dyad_timeline`: those that occurred between ``start`` and
    ``end`` from ``a`` to ``b`` (direction ``ab``), the other way (``ba``) or both (None)."""
    if direction == "ab":
        f = EventFilter(source=a, target=b, date_from=start, date_to=end, occurred=True)
    elif direction == "ba":
        f = EventFilter(source=b, target=a, date_from=start, date_to=end, occurred=True)
    elif direction is None:
        f = EventFilter(dyad=(a, b), date_from=start, date_to=end, occurred=True)
    else:
        raise errors.InputError(f"unknown direction {direction!r}; expected ab or ba")
    return find_events(store, f, limit, offset)


def actor_profile(store: Store, code: str, n: int = 15) -> dict[str, Any]:
    """An actor (a code prefix): how many events it took part in, its top partners (the other side's code,
    both directions), its event mix by CAMEO root as source and as target, and how many quotes it spoke."""
    if not code:
        raise errors.InputError("an actor code is needed")
    p = store.param
    pat = code
    src, tgt = has_prefix("e.source_code", p), has_prefix("e.target_code", p)
    partners = _dicts(store.query(
        "SELECT partner, COUNT(*) AS events, SUM(as_source) AS as_source, SUM(1 - as_source) AS as_target, "
        "AVG(goldstein) AS mean_goldstein FROM ("
        f"SELECT e.target_code AS partner, 1 AS as_source, e.goldstein FROM events e WHERE e.occurred AND {src} "
        f"UNION ALL SELECT e.source_code AS partner, 0 AS as_source, e.goldstein FROM events e "
        f"WHERE e.occurred AND {tgt}) x WHERE partner IS NOT NULL "
        f"GROUP BY partner ORDER BY events DESC, partner LIMIT {int(n)}", [pat, pat]))
    mix = _dicts(store.query(
        f"SELECT e.root, SUM(CASE WHEN {src} THEN 1 ELSE 0 END) AS as_source, "
        f"SUM(CASE WHEN {tgt} THEN 1 ELSE 0 END) AS as_target FROM events e "
        f"WHERE e.occurred AND ({src} OR {tgt}) GROUP BY e.root ORDER BY e.root", [pat, pat, pat, pat]))
    events = int(store.query(f"SELECT COUNT(*) FROM events e WHERE {src} OR {tgt}", [pat, pat])[1][0][0])
    quotes = int(store.query(f"SELECT COUNT(*) FROM quotes WHERE {has_prefix('speaker_code', p)}", [pat])[1][0][0])
    names = store.query(
        f"SELECT name FROM (SELECT e.source_name AS name FROM events e WHERE e.source_code = {p} "
        f"UNION ALL SELECT speaker_name AS name FROM quotes WHERE speaker_code = {p}) x "
        "WHERE name IS NOT NULL GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT 5", [code, code])[1]
    for r in partners:
        r["mean_goldstein"] = round(float(r["mean_goldstein"]), 2)
    return {"code": code, "names": [r[0] for r in names], "events": events, "quotes": quotes,
            "partners": partners, "mix": mix}


def find_quotes(store: Store, speaker: str | None = None, q: str | None = None, doc_id: str | None = None,
                limit: int = 50, offset: int = 0, speaker_code: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Quotations whose speaker code starts with ``speaker`` or whose speaker's name contains it (either,
    case-insensitive for names), whose speaker code starts with ``speaker_code`` (codes only), and whose text
    contains ``q``; latest document first."""
    limit, offset = _limit(limit, offset)
    p = store.param
    clauses, params = [], []
    if speaker_code:
        clauses.append(has_prefix("k.speaker_code", p))
        params.append(speaker_code)
    if speaker:
        clauses.append(f"({has_prefix('k.speaker_code', p)} OR k.speaker_name ILIKE {p} ESCAPE '\\')")
        params += [speaker.upper(), _like_anywhere(speaker)]
    if q:
        clauses.append(f"k.text ILIKE {p} ESCAPE '\\'")
        params.append(_like_anywhere(q))
    if doc_id:
        clauses.append(f"k.doc_id = {p}")
        params.append(doc_id)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = int(store.query(f"SELECT COUNT(*) FROM quotes k{where}", params)[1][0][0])
    if total == 0 or offset >= total:
        return total, []
    sql = ("SELECT k.doc_id, k.quote_id, k.sentence, k.speaker_code, k.speaker_name, k.text, k.kind, k.cue, "
           "k.start_char, k.end_char, d.title AS doc_title, d.source AS outlet, d.published AS doc_published "
           f"FROM quotes k JOIN documents d ON d.id = k.doc_id{where} "
           f"ORDER BY d.published DESC NULLS LAST, k.doc_id, k.start_char LIMIT {limit} OFFSET {offset}")
    return total, _dicts(store.query(sql, params))


def outlets(store: Store | EventSnapshot, n: int = 200) -> list[str]:
    """The outlets (documents' sources) in the store, most documents first: the choices of a filter."""
    if isinstance(store, EventSnapshot):
        return store.outlets[:n]
    rows = store.query("SELECT source FROM documents WHERE source IS NOT NULL GROUP BY source "
                       f"ORDER BY COUNT(*) DESC, source LIMIT {int(n)}")[1]
    return [r[0] for r in rows]


__all__ = ["BY", "COUNT_CAP", "MAX_LIMIT", "EventFilter", "actor_profile", "document_meta", "dyad_events",
           "dyad_timeline", "event", "events_page", "find_events", "find_quotes", "outlets", "period_end", "period_start"]
