"""The events of a DuckDB store opened read-only, held in memory in the order the explorer lists them (latest
event date first), so that a page of filtered events is read from memory instead of the events table.

Why: a page of a million events filtered in SQL tests the filter on every event (two code prefixes on two
columns, a root, a date range: 10 to 25 ms of a core), sorts the matches, and then reads the page's rows,
which in DuckDB means decompressing a block of 2,048 rows per row read (2 ms a block; the 50 rows of a
narrow filter sit in 50 blocks). Here the filtered columns are small integer arrays (actor codes, CAMEO codes,
roots, modalities, outlets numbered in sorted order, so the codes that start with a prefix are one run of
numbers; dates as day numbers): a filter is a few numpy comparisons over the arrays (1 to 3 ms), its count
is exact and costs nothing more, and the page's rows are taken from Arrow columns by position.

Why it cannot go stale: as for :mod:`parley.store.summary`, a DuckDB file opened read-only cannot be written
by any process while it is open. PostgreSQL stores are read with SQL (:mod:`parley.store.browse`).

What it costs: the events' columns shown in a page, in memory, text with few distinct values (codes, names,
modalities, rules) held as small integers: about 145 MB for the synthetic store of a million events
(``benchmarks/synthetic_store.py``: evidence sentences 61 MB, ids 18 MB), more where evidence sentences
are longer; 5 to 8 s to build on this project's two-core machine.

Text search (``q``) is case-insensitive as SQL's ILIKE is: both sides lowered the way DuckDB lowers them
(utf8proc's per-character lowercase: Arrow's ``utf8_lower``), then a literal substring test.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING, Any

from parley.store.base import Store

if TYPE_CHECKING:  # browse imports this module
    from parley.store.browse import EventFilter

# the columns of a page's row, as browse.EVENT_FIELDS names them, then those of its document
ROW_FIELDS = (
    "id", "doc_id", "sentence", "event_date", "source_code", "source_name", "target_code", "target_name",
    "cameo", "root", "quad_class", "goldstein", "modality", "occurred", "trigger_text", "evidence",
    "confidence", "rule", "quote_id", "place_country", "place_name",
)
DOC_FIELDS = ("doc_title", "outlet", "doc_url", "doc_published")
FIELDS = ROW_FIELDS + DOC_FIELDS
EPOCH = dt.date(1970, 1, 1)
_NO_DAY = -(2 ** 31)
"""The day number of an undated event: before every date, and tested apart where a date must be there."""
_FIRST_BLOCK = 4096
"""Rows read for the first block of a text search that stops at its page (then 4 times more each block)."""
_MASK_BLOCK = 1 << 16
"""Rows of a filter's mask read for the first block when finding a page's positions (then twice more)."""


class Numbered:
    """One text column as numbers: its distinct values sorted (Python's order: code point order, in which
    the values that start with a prefix are one run), and each row's number in that list (-1: null)."""

    def __init__(self, column: Any) -> None:
        import numpy as np
        import pyarrow.compute as pc

        whole = column.combine_chunks() if hasattr(column, "combine_chunks") else column
        encoded = pc.dictionary_encode(whole)
        if hasattr(encoded, "combine_chunks"):
            encoded = encoded.combine_chunks()
        values = encoded.dictionary.to_pylist()
        order = sorted(range(len(values)), key=values.__getitem__)
        self.values: list[str] = [values[i] for i in order]
        self._shown = [*self.values, None]  # number -1 (null) is the last
        rank = np.empty(len(values) + 1, dtype=np.int32)
        rank[order] = np.arange(len(values), dtype=np.int32)
        rank[-1] = -1  # index -1 (a null) is the last slot
        indices = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False)
        narrow = np.int8 if len(values) < 2 ** 7 else np.int16 if len(values) < 2 ** 15 else np.int32
        self.numbers = rank[indices].astype(narrow)

    def take(self, positions: Any) -> list[str | None]:
        """The values at ``positions`` (None for a null)."""
        shown = self._shown
        return [shown[i] for i in self.numbers[positions].tolist()]

    @property
    def nbytes(self) -> int:
        return int(self.numbers.nbytes) + sum(len(v) + 49 for v in self.values)

    def prefix(self, prefix: str) -> Any:
        """Whether each row's value starts with ``prefix`` (SQL's ``starts_with``; a null never does)."""
        lo = bisect.bisect_left(self.values, prefix)
        hi = lo
        while hi < len(self.values) and self.values[hi].startswith(prefix):
            hi += 1
        if hi == lo:
            return self._none()
        if hi - lo == 1:
            return self.numbers == lo
        return (self.numbers >= lo) & (self.numbers <= hi - 1)

    def equal(self, value: str) -> Any:
        """Whether each row's value is ``value`` (a null never is)."""
        i = bisect.bisect_left(self.values, value)
        if i == len(self.values) or self.values[i] != value:
            return self._none()
        return self.numbers == i

    def _none(self) -> Any:
        import numpy as np

        return np.zeros(len(self.numbers), dtype=bool)


class Plain:
    """A column kept as Arrow holds it (text of many distinct values, numbers, booleans)."""

    def __init__(self, column: Any) -> None:
        self.array = column.combine_chunks() if hasattr(column, "combine_chunks") else column

    def take(self, positions: Any) -> list[Any]:
        import pyarrow as pa

        return self.array.take(pa.array(positions)).to_pylist()

    @property
    def nbytes(self) -> int:
        return int(self.array.nbytes)


class Days:
    """A date column as day numbers (``_NO_DAY`` for a null): compared as integers, shown as dates."""

    def __init__(self, column: Any) -> None:
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        days = pc.fill_null(pc.cast(column, pa.int32()), _NO_DAY)
        self.days = (days.combine_chunks() if hasattr(days, "combine_chunks") else days).to_numpy(
            zero_copy_only=False).astype(np.int32)

    def take(self, positions: Any) -> list[dt.date | None]:
        ordinal = EPOCH.toordinal()
        return [None if d == _NO_DAY else dt.date.fromordinal(ordinal + d)
                for d in self.days[positions].tolist()]

    @property
    def nbytes(self) -> int:
        return int(self.days.nbytes)


def _shown(column: Any, numbered: bool = False) -> Numbered | Plain | Days:
    """How a column is best held to be shown: text repeating values as numbers (always when ``numbered``,
    the columns filtered by), dates as day numbers, the rest as Arrow holds it."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_date32(column.type):
        return Days(column)
    if pa.types.is_string(column.type) and (numbered or pc.count_distinct(column).as_py() * 2 < len(column)):
        return Numbered(column)
    return Plain(column)


NUMBERED = ("source_code", "target_code", "cameo", "root", "modality")
"""The text columns filtered by prefix or value: held as numbers in sorted order whatever their values."""


class EventSnapshot:
    """The events of one read-only DuckDB store in page order (see the module's docstring)."""

    def __init__(self, store: Store) -> None:
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        conn = store.conn.cursor()  # a connection of its own: the store's may hold a result not fully read
        conn.execute("SET enable_progress_bar = false")  # a server's log is no place for a progress bar
        # the order of browse's pages: latest event first, undated last, then DuckDB's row number
        order = conn.sql("SELECT e.rowid AS r FROM events e "
                         "ORDER BY e.event_date DESC NULLS LAST, e.rowid").fetchnumpy()["r"]
        self.rows = len(order)

        def column(sql: str) -> Any:
            """The column of ``sql`` (``SELECT e.rowid AS r, <column> FROM events e ...``) in page order.
            One column at a time, each read in the table's order and put in page order here: sorting all
            the columns together in DuckDB needs twice the memory, which its allocator then keeps."""
            result = conn.sql(sql).to_arrow_table()
            rowids = result["r"].to_numpy()
            if len(rowids) > 1 and not bool(np.all(rowids[1:] > rowids[:-1])):
                by_rowid = np.argsort(rowids)
                at = by_rowid[np.searchsorted(rowids[by_rowid], order)]
            else:
                at = np.searchsorted(rowids, order)
            return result.column(1).combine_chunks().take(pa.array(at))

        self.shown = {name: _shown(column(f"SELECT e.rowid AS r, e.{name} FROM events e"), name in NUMBERED)
                      for name in ROW_FIELDS if name != "evidence"}
        self.evidence = Plain(column("SELECT e.rowid AS r, e.evidence FROM events e"))  # searched as text
        self.shown["evidence"] = self.evidence
        # an event's document: its number in the documents sorted by id (-1, the last row: none)
        doc_n = column("SELECT e.rowid AS r, COALESCE(d.n, -1) AS doc_n FROM events e LEFT JOIN "
                       "(SELECT id, CAST(row_number() OVER (ORDER BY id) - 1 AS INTEGER) AS n "
                       "FROM documents) d "
                       "ON d.id = e.doc_id")
        self.doc_n = doc_n.to_numpy(zero_copy_only=False).astype(np.int32)
        docs = conn.sql("SELECT * FROM (SELECT id, title AS doc_title, source AS outlet, url AS doc_url, "
                        "published AS doc_published FROM documents ORDER BY id) x "
                        "UNION ALL SELECT NULL, NULL, NULL, NULL, NULL").to_arrow_table()
        conn.close()
        self.doc_ids = docs["id"].combine_chunks()
        self.docs = {name: _shown(docs[name].combine_chunks(), name == "outlet") for name in DOC_FIELDS}
        self.source, self.target = self._numbered("source_code"), self._numbered("target_code")
        self.cameo, self.root = self._numbered("cameo"), self._numbered("root")
        self.modality = self._numbered("modality")
        outlets = self.docs["outlet"]
        assert isinstance(outlets, Numbered)
        self.outlet_names = outlets.values
        documents = np.bincount(outlets.numbers[outlets.numbers >= 0], minlength=len(outlets.values))
        self.outlets = [outlets.values[i] for i in sorted(range(len(outlets.values)),
                                                         key=lambda i: (-documents[i], outlets.values[i]))]
        """The outlets, most documents first (then by name): browse.outlets's order"""
        self.outlet = outlets.numbers[self.doc_n]  # the document's outlet; -1: none, or no document
        quad, occurred = self.shown["quad_class"], self.shown["occurred"]
        assert isinstance(quad, Plain) and isinstance(occurred, Plain)
        self.quad = pc.fill_null(quad.array, 0).to_numpy(zero_copy_only=False).astype(np.int8)
        self.occurred = pc.fill_null(occurred.array, False).to_numpy(zero_copy_only=False)
        day = self.shown["event_date"]
        assert isinstance(day, Days)
        self.day = day.days

    def _numbered(self, name: str) -> Numbered:
        column = self.shown[name]
        assert isinstance(column, Numbered)
        return column

    @property
    def nbytes(self) -> int:
        """Bytes held, about: the page's columns, the documents' and the filters' arrays."""
        arrays = (self.outlet, self.quad, self.occurred, self.doc_n)
        return (sum(c.nbytes for c in self.shown.values()) + sum(c.nbytes for c in self.docs.values())
                + int(self.doc_ids.nbytes) + sum(int(a.nbytes) for a in arrays))

    # -- filtering --------------------------------------------------------------------------------
    def mask(self, f: EventFilter) -> Any:
        """Which events match every filter of the :class:`~parley.store.browse.EventFilter` ``f`` but its
        text (``q``), as SQL's ``EventFilter.where`` reads them; None when nothing is filtered (every
        event)."""
        import numpy as np

        tests = []
        if f.actor:
            tests.append(self.source.prefix(f.actor) | self.target.prefix(f.actor))
        if f.source:
            tests.append(self.source.prefix(f.source))
        if f.target:
            tests.append(self.target.prefix(f.target))
        if f.dyad:
            a, b = f.dyad
            sa, sb = self.source.prefix(a), self.source.prefix(b)
            ta, tb = self.target.prefix(a), self.target.prefix(b)
            tests.append((sa & tb) | (sb & ta))
        if f.root:
            tests.append(self.root.equal(f.root))
        if f.code:
            tests.append(self.cameo.prefix(f.code))
        if f.quad_class is not None:
            tests.append(self.quad == int(f.quad_class))
        if f.modality:
            tests.append(self.modality.equal(f.modality))
        if f.date_from:
            tests.append(self.day >= (f.date_from - EPOCH).days)
        if f.date_to:
            tests.append((self.day <= (f.date_to - EPOCH).days) & (self.day != _NO_DAY))
        if f.outlet:
            i = bisect.bisect_left(self.outlet_names, f.outlet)
            found = i < len(self.outlet_names) and self.outlet_names[i] == f.outlet
            tests.append(self.outlet == i if found else np.zeros(self.rows, dtype=bool))
        if f.doc_id:
            import pyarrow.compute as pc

            n = pc.index(self.doc_ids, f.doc_id).as_py()
            tests.append(self.doc_n == n if n >= 0 else np.zeros(self.rows, dtype=bool))
        if f.occurred:
            tests.append(self.occurred)
        if not tests:
            return None
        out = tests[0].copy() if len(tests) > 1 else tests[0]
        for t in tests[1:]:
            out &= t
        return out

    def _says(self, positions: Any, needle: str) -> Any:
        """Of the events at ``positions`` (None: all), which hold ``needle`` (already lowered) in their
        evidence."""
        import pyarrow as pa
        import pyarrow.compute as pc

        evidence = self.evidence.array
        texts = evidence if positions is None else evidence.take(pa.array(positions))
        return pc.match_substring(pc.utf8_lower(texts), needle).to_numpy(zero_copy_only=False)

    def page(self, f: EventFilter, limit: int, offset: int,
             count: bool = True) -> tuple[int | None, bool, list[dict[str, Any]]]:
        """(how many events match ``f``, exactly; whether more follow the page; the page's rows as
        :func:`parley.store.browse.find_events` gives them). A text search without ``count`` stops at the
        page, its total None: it reads the evidence of as many events as it takes to fill the page."""
        import numpy as np

        mask = self.mask(f)
        end = offset + limit
        if f.q:
            import pyarrow as pa
            import pyarrow.compute as pc

            needle = pc.utf8_lower(pa.scalar(f.q)).as_py()
            if count:
                candidates = None if mask is None else np.flatnonzero(mask)
                said = self._says(candidates, needle)
                hits = np.flatnonzero(said) if candidates is None else candidates[said]
                return len(hits), end < len(hits), self.rows_at(hits[offset:end])
            hits = self._first(mask, needle, end + 1)
            return None, len(hits) > end, self.rows_at(hits[offset:end])
        if mask is None:
            return self.rows, end < self.rows, self.rows_at(np.arange(offset, min(end, self.rows)))
        total = int(np.count_nonzero(mask))
        if offset >= total:
            return total, False, []
        return total, end < total, self.rows_at(_nth_true(mask, offset, end))

    def _first(self, mask: Any, needle: str, want: int) -> Any:
        """The first ``want`` positions (fewer at the end) matching ``mask`` whose evidence holds ``needle``,
        reading the events in page order a block at a time, each block four times the last."""
        import numpy as np

        found, n, start, block = [], 0, 0, _FIRST_BLOCK
        while start < self.rows and n < want:
            stop = min(self.rows, start + block)
            candidates = np.arange(start, stop) if mask is None else start + np.flatnonzero(mask[start:stop])
            if len(candidates):
                hits = candidates[self._says(candidates, needle)]
                found.append(hits)
                n += len(hits)
            start, block = stop, block * 4
        return np.concatenate(found)[:want] if found else np.zeros(0, dtype=np.int64)

    def rows_at(self, positions: Any) -> list[dict[str, Any]]:
        """The events at ``positions``, each a dict of ``ROW_FIELDS`` then its document's ``DOC_FIELDS``."""
        if not len(positions):
            return []
        columns = [self.shown[name].take(positions) for name in ROW_FIELDS]
        docs = self.doc_n[positions]
        columns += [self.docs[name].take(docs) for name in DOC_FIELDS]
        return [dict(zip(FIELDS, values)) for values in zip(*columns)]


def _nth_true(mask: Any, first: int, end: int) -> Any:
    """The positions of the ``first``-th to the ``end``-th true values of ``mask`` (0-based, end excluded),
    found a block at a time: a page near the start reads only the start of the mask."""
    import numpy as np

    out, seen, start, block = [], 0, 0, _MASK_BLOCK
    while start < len(mask) and seen < end:
        stop = min(len(mask), start + block)
        hits = np.flatnonzero(mask[start:stop])
        if seen + len(hits) > first:
            out.append(start + hits[max(0, first - seen):end - seen])
        seen += len(hits)
        start, block = stop, block * 2
    return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)


__all__ = ["DOC_FIELDS", "FIELDS", "ROW_FIELDS", "Days", "EventSnapshot", "Numbered", "Plain"]
