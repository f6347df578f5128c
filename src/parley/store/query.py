"""The common questions, without SQL: dyad timelines, top actors, counts by root and quad class per period,
the say-do gap, and what someone said (``quotes``). Every query counts events that occurred (asserted or intent acts), not hypothetical,
negated or speculative ones."""

from __future__ import annotations

from typing import Any

from parley import errors
from parley.store.base import Filters, Store, has_prefix

PERIODS = ("day", "week", "month", "year")


def _period(by: str) -> str:
    if by not in PERIODS:
        raise errors.InputError(f"unknown period {by!r}; expected one of {', '.join(PERIODS)}")
    return f"CAST(date_trunc('{by}', e.event_date) AS DATE)"


def dyad(store: Store, a: str, b: str, by: str = "week", both_ways: bool = True,
         filters: Filters | None = None) -> tuple[list[str], list[tuple]]:
    """Events between actors ``a`` and ``b`` (code prefixes: RUS, RUSGOV) per period and root."""
    p = store.param
    f = filters or Filters()
    f.occurred_only = True
    where, params = f.where(p)
    source, target = has_prefix("e.source_code", p), has_prefix("e.target_code", p)
    pair = f"({source} AND {target})"
    pairs = [a, b]
    if both_ways:
        pair = f"({pair} OR ({source} AND {target}))"
        pairs += [b, a]
    where = (where + " AND " if where else " WHERE ") + pair
    sql = (f"SELECT {_period(by)} AS period, SUBSTR(e.source_code, 1, 3) AS source, SUBSTR(e.target_code, 1, 3) AS target, "
           f"e.root, COUNT(*) AS events, ROUND(CAST(AVG(e.goldstein) AS NUMERIC), 2) AS avg_goldstein "
           f"FROM events e{where} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
    return store.query(sql, [*params, *pairs])


def top_actors(store: Store, n: int = 20, filters: Filters | None = None) -> tuple[list[str], list[tuple]]:
    p = store.param
    f = filters or Filters()
    f.occurred_only = True
    where, params = f.where(p)
    sql = (f"SELECT actor, COUNT(*) AS events, SUM(as_source) AS as_source, SUM(1 - as_source) AS as_target FROM ("
           f"SELECT e.source_code AS actor, 1 AS as_source FROM events e{where} "
           f"UNION ALL SELECT e.target_code AS actor, 0 AS as_source FROM events e{where}) x "
           f"WHERE actor IS NOT NULL GROUP BY actor ORDER BY events DESC, actor LIMIT {int(n)}")
    return store.query(sql, [*params, *params])


def counts(store: Store, by: str = "week", filters: Filters | None = None) -> tuple[list[str], list[tuple]]:
    p = store.param
    f = filters or Filters()
    f.occurred_only = True
    where, params = f.where(p)
    sql = (f"SELECT {_period(by)} AS period, e.quad_class, e.root, COUNT(*) AS events FROM events e{where} "
           f"GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
    return store.query(sql, params)


def say_do(store: Store, a: str, b: str, by: str = "month", filters: Filters | None = None) -> tuple[list[str], list[tuple]]:
    """What ``a`` says toward ``b`` (verbal cooperation, quad class 1) against what it does (material
    conflict, quad class 4), per period; periods with neither have no row (not a row of zeros)."""
    p = store.param
    f = filters or Filters()
    f.occurred_only = True
    where, params = f.where(p)
    pair = f"{has_prefix('e.source_code', p)} AND {has_prefix('e.target_code', p)}"
    pair += " AND e.quad_class IN (1, 4)"
    where = (where + " AND " if where else " WHERE ") + pair
    sql = (f"SELECT {_period(by)} AS period, "
           f"SUM(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END) AS verbal_cooperation, "
           f"SUM(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END) AS material_conflict, "
           f"SUM(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END) - SUM(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END) AS gap "
           f"FROM events e{where} GROUP BY 1 ORDER BY 1")
    return store.query(sql, [*params, a, b])


QUOTE_COLUMNS = ("published", "speaker_text", "speaker_name", "speaker_code", "kind", "text", "doc_id", "sentence")


def quotes(store: Store, speaker: str | None = None, filters: Filters | None = None) -> tuple[list[str], list[tuple]]:
    """What ``speaker`` (a code prefix, or words of the name or mention as written) said, in order of
    publication: one row per quote (:meth:`parley.store.Store.quotes` has every column)."""
    rows = [tuple(r[c] for c in QUOTE_COLUMNS) for r in store.quotes(speaker, filters)]
    return list(QUOTE_COLUMNS), rows


def as_dicts(result: tuple[list[str], list[tuple]]) -> list[dict[str, Any]]:
    cols, rows = result
    return [dict(zip(cols, r)) for r in rows]
