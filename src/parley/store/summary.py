"""What the explorer keeps of a DuckDB store opened read-only for its dyad timelines (:class:`DyadSummary`;
its pages of events come from :mod:`parley.store.snapshot`).

The dyad summary: per (source code, target code, day), the events that occurred, the sum of their Goldstein
scores and their verbal and material acts, held as numpy arrays sorted by dyad, with actor codes numbered in
sorted order. The explorer's dyad timeline reads it instead of the events table (``parley serve``).

Why: a timeline tests two code prefixes on every one of a million events (about 20 ms of a core, every
request). Numbered in sorted order, the codes that start with a prefix are one run of numbers, so a dyad's
rows are a few runs of the sorted arrays, found by binary search, and a day's events are one row: a timeline
reads a few thousand rows (1 to 3 ms by week or month). Same answer as the events table
(``tests/web/test_summary.py`` compares them): Goldstein scores are summed exactly on both paths (decimals
in SQL, integer thousandths here).

Why it cannot go stale: a DuckDB file opened read-only cannot be written by any process while it is open
(DuckDB locks the file), so what is computed when the store is opened stays true until it is closed.
PostgreSQL stores, which other sessions may write while the explorer reads them, get none: their
timelines read the events table.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any

from parley.store.base import Store

GOLDSTEIN_SUM = "CAST(e.goldstein AS DECIMAL(18, 3))"
"""Goldstein scores as exact decimals (the scale has one decimal): a sum of doubles depends on the order of
the additions, and a mean rounded to two decimals then differs between two ways of adding the same scores."""


class DyadSummary:
    """The summary of one read-only DuckDB store (see the module's docstring), held as numpy arrays."""

    def __init__(self, store: Store) -> None:
        import numpy as np
        import pyarrow as pa

        conn = store.conn.cursor()  # a connection of its own: the store's may hold a result not fully read
        conn.execute("SET enable_progress_bar = false")  # a server's log is no place for a progress bar
        codes = conn.execute("SELECT DISTINCT code FROM (SELECT source_code AS code FROM events UNION ALL "
                             "SELECT target_code FROM events) x WHERE code IS NOT NULL").fetchall()
        # Python's order is code point order: every code starting with a prefix is one run of this list
        self.codes = sorted(r[0] for r in codes)
        # the database numbers the codes (a table of code and number joined to the events): a summary row
        # comes back as integers, never as two strings of Python's
        conn.register("parley_codes", pa.table({"code": pa.array(self.codes, pa.string()),
                                                "n": pa.array(range(len(self.codes)), pa.int64())}))
        cols = conn.execute(
            "SELECT s.n AS source, t.n AS target, CAST(e.event_date - DATE '1970-01-01' AS INTEGER) AS day, "
            f"COUNT(*) AS events, CAST(SUM({GOLDSTEIN_SUM}) * 1000 AS BIGINT) AS goldstein_sum, "
            "SUM(CASE WHEN e.quad_class IN (1, 3) THEN 1 ELSE 0 END) AS verbal, "
            "SUM(CASE WHEN e.quad_class IN (2, 4) THEN 1 ELSE 0 END) AS material FROM events e "
            "JOIN parley_codes s ON s.code = e.source_code JOIN parley_codes t ON t.code = e.target_code "
            "WHERE e.occurred AND e.event_date IS NOT NULL GROUP BY 1, 2, 3").fetchnumpy()
        conn.close()
        source = np.asarray(cols["source"], dtype=np.int64)
        target = np.asarray(cols["target"], dtype=np.int64)
        n = max(len(self.codes), 1)
        key = source * n + target
        order = np.lexsort((np.asarray(cols["day"]), key))
        self._n = n
        self.key = key[order]
        """source number times the number of codes plus target number: a dyad's rows are one run of it"""
        self.day = np.asarray(cols["day"], dtype=np.int64)[order]
        self.events = np.asarray(cols["events"], dtype=np.int64)[order]
        self.goldstein = np.asarray(cols["goldstein_sum"], dtype=np.int64)[order]
        """the Goldstein scores' sum in thousandths: integers, added exactly"""
        self.verbal = np.asarray(cols["verbal"], dtype=np.int64)[order]
        self.material = np.asarray(cols["material"], dtype=np.int64)[order]
        self.rows = len(self.key)

    def span(self, prefix: str) -> tuple[int, int] | None:
        """The numbers of the codes that start with ``prefix`` (first, last), or None when none does."""
        lo = bisect.bisect_left(self.codes, prefix)
        hi = lo
        while hi < len(self.codes) and self.codes[hi].startswith(prefix):
            hi += 1  # a prefix spans a few codes; a store has a few thousand
        return (lo, hi - 1) if hi > lo else None

    def _rows_of(self, first: tuple[int, int], second: tuple[int, int]):  # type: ignore[no-untyped-def]
        """Indexes of the rows from a code of ``first`` to a code of ``second``: one run per pair of codes."""
        import numpy as np

        keys = np.array([s * self._n + t for s in range(first[0], first[1] + 1)
                         for t in range(second[0], second[1] + 1)], dtype=np.int64)
        starts = np.searchsorted(self.key, keys, side="left")
        ends = np.searchsorted(self.key, keys, side="right")
        runs = [np.arange(s, e) for s, e in zip(starts, ends) if e > s]
        return np.concatenate(runs) if runs else np.zeros(0, dtype=np.int64)

    def timeline(self, a: str, b: str, by: str, date_from: dt.date | None,
                 date_to: dt.date | None) -> list[dict[str, Any]]:
        """The rows of :func:`parley.store.browse.dyad_timeline` (period, direction, events, mean_goldstein,
        verbal, material, period_end), ordered by period then direction, as the events table gives them.

        Built a column at a time (a weekly timeline over six years has 400 rows): the means are the same
        floating-point numbers as SQL's exact decimal sum over the count gives (thousandths over 1000 is one
        correctly rounded division either way), rounded by Python's ``round`` as there."""
        import numpy as np

        sa, sb = self.span(a), self.span(b)
        if sa is None or sb is None:
            return []
        ab = self._rows_of(sa, sb)
        # a row both ways (a and b overlap: RUS and RUSGOV) is counted once, as ab, as the SQL's CASE does
        ba = np.setdiff1d(self._rows_of(sb, sa), ab, assume_unique=True)
        idx = np.concatenate([ab, ba])
        direction = np.concatenate([np.zeros(len(ab), dtype=np.int64), np.ones(len(ba), dtype=np.int64)])
        day = self.day[idx]
        keep = np.ones(len(idx), dtype=bool)
        if date_from:
            keep &= day >= (date_from - EPOCH).days
        if date_to:
            keep &= day <= (date_to - EPOCH).days
        idx, direction, day = idx[keep], direction[keep], day[keep]
        if not len(idx):
            return []
        if by == "week":  # 1970-01-01 was a Thursday: weeks start on Monday, as date_trunc('week') has them
            start = day - (day + 3) % 7
        elif by == "month":
            start = day.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
        else:
            start = day
        group = start * 2 + direction
        order = np.argsort(group, kind="stable")
        group = group[order]
        firsts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
        sums = {name: np.add.reduceat(getattr(self, name)[idx][order], firsts)
                for name in ("events", "goldstein", "verbal", "material")}
        first_day = group[firsts] // 2
        if by == "week":
            last_day = first_day + 6
        elif by == "month":
            months = first_day.astype("datetime64[D]").astype("datetime64[M]")
            last_day = (months + 1).astype("datetime64[D]").astype(np.int64) - 1
        else:
            last_day = first_day
        means = (sums["goldstein"] / 1000.0 / sums["events"]).tolist()
        return [{"period": period, "direction": "ba" if g % 2 else "ab", "events": events,
                 "mean_goldstein": round(mean, 2), "verbal": verbal, "material": material, "period_end": end}
                for period, g, events, mean, verbal, material, end in zip(
                    first_day.astype("datetime64[D]").tolist(), group[firsts].tolist(),
                    sums["events"].tolist(), means, sums["verbal"].tolist(), sums["material"].tolist(),
                    last_day.astype("datetime64[D]").tolist())]


EPOCH = dt.date(1970, 1, 1)


__all__ = ["GOLDSTEIN_SUM", "DyadSummary"]
