"""What runs on a Dask worker: one coder per worker process, and the tasks that code a partition of documents
and return them, write them as Parquet, or store them in PostgreSQL.

A worker loads the spaCy model, the dictionaries and the trained layer once (:func:`coder_for`, warmed by
:class:`CoderPlugin` when the worker starts) and reuses them for every partition. Every task goes through the
same :class:`parley.pipeline.Coder` as ``parley code`` on one machine, so a cluster codes exactly what one
process codes. A document that makes the coder raise becomes a Failure (E900) and the rest of its partition
is still coded; a worker that dies is Dask's to handle (the scheduler runs its partitions again elsewhere),
and every task here can run twice without storing or writing anything twice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import os
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from distributed import WorkerPlugin

from parley import errors
from parley.model import CodedDocument, Document, Failure

if TYPE_CHECKING:
    import pyarrow as pa

    from parley.pipeline import Coder, Options

Item = Document | Failure

_lock = threading.Lock()
_coders: dict[Options, tuple[Coder, threading.Lock]] = {}


def coder_for(options: Options) -> tuple[Coder, threading.Lock]:
    """This process's coder for ``options``, loaded on first use, with the lock that serialises its use: a
    worker started with several threads shares one coder (coding holds the GIL anyway, so threads would not
    code faster; start workers with ``--nthreads 1``)."""
    with _lock:
        found = _coders.get(options)
        if found is None:
            from parley.pipeline import Coder

            found = _coders[options] = (Coder(options), threading.Lock())
        return found


class CoderPlugin(WorkerPlugin):
    """Loads the coder when a worker starts (or restarts after a crash), so the first partition does not pay
    for it, and so a dictionary that will not load is an error when the run starts, not in every task."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.name = f"parley-coder-{abs(hash(options)):x}"

    async def setup(self, worker: Any) -> None:
        # in a thread: loading takes seconds, and the worker's event loop must keep answering the scheduler
        await asyncio.to_thread(coder_for, self.options)


def code_items(items: Sequence[Item], options: Options) -> list[CodedDocument | Failure]:
    """Code a partition in input order; a Failure for each item that cannot be read or coded. An unexpected
    exception while coding the batch is traced to its document by coding the batch's documents one by one,
    so one bad document never costs the others."""
    coder, lock = coder_for(options)
    with lock:
        try:
            return list(coder.pipe_items(items))
        except Exception:  # noqa: BLE001 - isolated below, each document's error reported with it
            return [_code_one(coder, item) for item in items]


def _code_one(coder: Coder, item: Item) -> CodedDocument | Failure:
    if isinstance(item, Failure):
        return item
    try:
        return next(iter(coder.pipe_items([item])))
    except Exception as exc:  # noqa: BLE001 - reported as this document's failure, never swallowed
        return Failure(item.url or item.id, errors.InternalError.code, f"internal error while coding: {exc!r}")


def code_partition(items: Sequence[Item], options: Options, *, part: tuple[int, int] = (0, 0),
                   fresh: bool = False) -> list[CodedDocument | Failure]:
    """The task of ``parley code --cluster``: a partition coded, in order, back to the client."""
    return code_items(items, options)


# --- Parquet ----------------------------------------------------------------------------------------------

TABLES = ("documents", "events", "quotes")


@functools.cache
def arrow_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each store table, read from the store's own DDL (an in-memory DuckDB), so Parquet
    files and Dask DataFrames have exactly the store's columns and types."""
    import duckdb

    from parley.store.schema import SCHEMA

    con = duckdb.connect(":memory:")
    try:
        for stmt in SCHEMA:
            con.execute(stmt)
        return {t: con.sql(f"SELECT * FROM {t} LIMIT 0").to_arrow_table().schema for t in TABLES}
    finally:
        con.close()


def arrow_table(table: str, rows: Sequence[Sequence[Any]]) -> pa.Table:
    """Rows in the store's column order as an Arrow table of that store table's schema."""
    import pyarrow as pa

    schema = arrow_schemas()[table]
    return pa.Table.from_arrays([pa.array([r[i] for r in rows], type=f.type) for i, f in enumerate(schema)],
                                schema=schema)


def store_rows(coded: Sequence[CodedDocument], version: str) -> dict[str, list[tuple[Any, ...]]]:
    """The rows the store would write for ``coded``, per table."""
    from parley.store.schema import document_row, event_row, quote_row

    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    return {"documents": [document_row(c, version, now) for c in coded],
            "events": [event_row(c.document.id, e) for c in coded for e in c.events],
            "quotes": [quote_row(c.document.id, q) for c in coded for q in c.quotes]}


def part_name(index: int, sub: int) -> str:
    """Partition ``index`` of the input (``sub`` > 0 when it was split to find a document that kills
    workers); names sort in input order."""
    return f"part-{index:06d}-{sub:04d}.parquet"


@dataclass
class Summary:
    """What a writing task reports back: counts and the items that failed (the rows stay on the worker)."""

    coded: int = 0
    events: int = 0
    skipped: int = 0
    updated: int = 0
    failures: list[Failure] = field(default_factory=list)


def write_parquet(items: Sequence[Item], options: Options, out: str, version: str, *,
                  part: tuple[int, int] = (0, 0), fresh: bool = False) -> Summary:
    """Code a partition and write it as ``OUT/{documents,events,quotes}/part-….parquet``. Each file is
    written under a temporary name and renamed, so a retried partition replaces its files, never adds to
    them. ``fresh``: the partition was split, remove what its whole-partition run may have left."""
    import pyarrow.parquet as pq

    name = part_name(*part)
    if fresh:
        for table in TABLES:
            Path(out, table, part_name(part[0], 0)).unlink(missing_ok=True)
    results = code_items(items, options)
    coded = [r for r in results if isinstance(r, CodedDocument)]
    for table, rows in store_rows(coded, version).items():
        folder = Path(out, table)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{name}.{uuid.uuid4().hex}.tmp"
        pq.write_table(arrow_table(table, rows), tmp)
        os.replace(tmp, folder / name)
    return Summary(coded=len(coded), events=sum(len(c.events) for c in coded),
                   failures=[r for r in results if isinstance(r, Failure)])


# --- PostgreSQL -------------------------------------------------------------------------------------------

_stores: dict[str, Any] = {}


def ingest_postgres(items: Sequence[Item], options: Options, url: str, version: str, batch_size: int, *,
                    part: tuple[int, int] = (0, 0), fresh: bool = False) -> Summary:
    """Code a partition and store it in PostgreSQL through :func:`parley.store.ingest` (stored documents
    skipped, each batch one transaction, a document replaced by id, never added twice), so a partition run
    again after a worker died skips what was committed and stores the rest. One connection per worker
    process, reopened after a store error."""
    from parley.store import ingest, open_store

    store = _stores.get(url)
    if store is None:
        store = _stores[url] = open_store(url, create=False)
    failures: list[Failure] = []
    try:
        stats = ingest(store, items, _Partition(options), batch_size=batch_size, version=version,
                       on_failure=failures.append)
    except errors.StoreError:
        _stores.pop(url, None)
        store.close()
        raise
    return Summary(coded=stats.coded, events=stats.events, skipped=stats.skipped, updated=stats.updated,
                   failures=failures)


class _Partition:
    """The coder as :func:`parley.store.ingest` sees it, coding through :func:`code_items` (one bad document
    never costs its batch)."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def pipe_items(self, items: Sequence[Item]) -> list[CodedDocument | Failure]:
        return code_items(list(items), self.options)


def noop(items: Sequence[Item], *, part: tuple[int, int] = (0, 0), fresh: bool = False) -> int:
    """A task that does nothing with its partition: the benchmark times the scheduler's cost per partition."""
    return len(items)


__all__ = ["CoderPlugin", "Summary", "arrow_schemas", "arrow_table", "code_items", "code_partition", "coder_for", "ingest_postgres",
           "noop", "part_name", "store_rows", "write_parquet"]
