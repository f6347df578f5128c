"""Coding past one machine, on a Dask cluster (``parley code|ingest --cluster local:N | tcp://HOST:PORT``).

The client reads the input and cuts it into partitions; each worker loads the coder once and codes the
partitions it is given with the same :class:`parley.pipeline.Coder` as one process would. Results come back
in input order (:func:`code`), are written as Parquet partitions by the workers (:func:`to_parquet`), or are
stored (:func:`ingest`): in PostgreSQL by the workers, in batches, through the store's idempotent ingest; in
DuckDB by the client, its one writer, from the workers' results.

For notebooks, :func:`code_bag` and :func:`code_dataframe` turn a Dask Bag or DataFrame of documents into a
Dask DataFrame of events with the store's columns.

Modules: :mod:`~parley.dask.runner` (the client: partitions, order, faults), :mod:`~parley.dask.worker`
(what runs on a worker), :mod:`~parley.dask.frame` (Bags and DataFrames).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from parley import errors
from parley.dask.frame import code_bag, code_dataframe
from parley.dask.runner import DEFAULT_PARTITION_SIZE, connect, load_coders, partitions, stream
from parley.dask.worker import Summary, TABLES, code_partition, ingest_postgres, write_parquet
from parley.model import CodedDocument, Document, Failure
from parley.pipeline import Options
from parley.store.ingest import IngestStats, coder_version, plan

Item = Document | Failure


def _version(options: Options) -> str:
    return coder_version(options.dictionaries, options.pattern_files, model_path=options.model_path,
                         use_model=options.use_model)


def code(client: Any, items: Iterable[Item], options: Options | None = None, *,
         partition_size: int = DEFAULT_PARTITION_SIZE) -> Iterator[CodedDocument | Failure]:
    """Code ``items`` on the cluster; coded documents and failures come back in input order."""
    options = options or Options()
    load_coders(client, options)
    for _, result in stream(client, partitions(items, partition_size), code_partition, options):
        if isinstance(result, Failure):
            yield result
        else:
            yield from result


def to_parquet(client: Any, items: Iterable[Item], out: str | Path, options: Options | None = None, *,
               partition_size: int = DEFAULT_PARTITION_SIZE) -> Iterator[Summary | Failure]:
    """Code ``items`` on the cluster; each worker writes its partitions as ``OUT/documents/``, ``OUT/events/``
    and ``OUT/quotes/`` Parquet files with the store's columns, named in input order. OUT must be a folder
    every worker sees at the same path (a shared file system); it must hold no earlier run's partitions.
    Yields each partition's summary (or a document that kept killing workers) in input order."""
    options = options or Options()
    out = Path(out)
    earlier = [p for t in TABLES for p in (out / t).glob("part-*.parquet")]
    if earlier:
        raise errors.ConfigError(f"{out} already holds parley Parquet partitions ({earlier[0].name}...); "
                                 "write to an empty folder, or remove them first")
    out.mkdir(parents=True, exist_ok=True)
    marker = out / ".parley-visible"
    marker.write_text("parley: a worker that sees this file can write here\n", encoding="utf-8")
    try:
        seen = client.run(os.path.exists, str(marker.resolve()))
    finally:
        marker.unlink(missing_ok=True)
    blind = sorted(w for w, ok in seen.items() if not ok)
    if blind:
        raise errors.ConfigError(f"{out} is not visible from the worker(s) {', '.join(blind)}: Parquet output "
                                 "needs a folder shared by every worker (same path), such as a network file system")
    load_coders(client, options)
    for _, result in stream(client, partitions(items, partition_size), write_parquet, options,
                            str(out.resolve()), _version(options)):
        yield result


def ingest(client: Any, items: Iterable[Item], db: str, options: Options | None = None, *,
           batch_size: int = 64, partition_size: int = DEFAULT_PARTITION_SIZE,
           on_failure: Callable[[Failure], None] | None = None,
           on_batch: Callable[[IngestStats], None] | None = None) -> IngestStats:
    """Code ``items`` on the cluster and store them, rerun-safe like :func:`parley.store.ingest`.

    PostgreSQL (``db`` a ``postgresql://`` URL, reachable from every worker): each worker stores its own
    partitions through the store's ingest (``batch_size`` documents a transaction). DuckDB (a file): the
    client is the one writer; it skips what is stored already before submitting, and stores each partition
    it gets back in one transaction. The store is created here first when it does not exist."""
    from parley.store import open_store

    options = options or Options()
    version = _version(options)
    stats = IngestStats()

    def failed(f: Failure) -> None:
        stats.failed += 1
        if on_failure:
            on_failure(f)

    def counted(source: Iterable[Item]) -> Iterator[Item]:
        for item in source:
            stats.read += 1
            yield item

    store = open_store(db, create=True)
    postgres = db.startswith(("postgresql://", "postgres://"))
    in_flight: set[str] = set()  # ids submitted and not yet stored: a repeat of one is skipped
    updates: set[str] = set()  # of those, the ones stored before that are recoded (metadata changed)

    def planned() -> Iterator[list[Item]]:
        """Partitions to code. Two partitions in flight never hold the same id (two writers of one
        document would collide); for DuckDB, what is stored already is skipped here, before coding; for
        PostgreSQL the workers skip it themselves."""
        for chunk in partitions(counted(items), partition_size):
            docs = []
            for item in chunk:
                if isinstance(item, Failure):
                    failed(item)
                elif item.id in in_flight:
                    stats.skipped += 1
                else:
                    docs.append(item)
            if postgres:
                todo = list({d.id: d for d in docs}.values())
                stats.skipped += len(docs) - len(todo)
                in_flight.update(d.id for d in todo)
            else:
                todo, updated, skipped = plan(store, docs, version, in_flight)
                stats.skipped += skipped
                updates.update(updated)
            if todo:
                yield todo

    def done(chunk: list[Item]) -> None:
        for d in chunk:
            if isinstance(d, Document):
                in_flight.discard(d.id)
                updates.discard(d.id)
        stats.batches += 1
        if on_batch:
            on_batch(stats)

    try:
        load_coders(client, options)
        if postgres:
            store.close()
            for chunk, result in stream(client, planned(), ingest_postgres, options, db, version, batch_size):
                for f in [result] if isinstance(result, Failure) else result.failures:
                    failed(f)
                if not isinstance(result, Failure):
                    stats.coded += result.coded
                    stats.skipped += result.skipped
                    stats.updated += result.updated
                    stats.events += result.events
                done(chunk)
            return stats
        for chunk, result in stream(client, planned(), code_partition, options):
            results = [result] if isinstance(result, Failure) else result
            coded = [r for r in results if isinstance(r, CodedDocument)]
            for f in results:
                if isinstance(f, Failure):
                    failed(f)
            store.write_batch(coded, version)
            stats.updated += sum(1 for c in coded if c.document.id in updates)
            stats.coded += len(coded)
            stats.events += sum(len(c.events) for c in coded)
            done(chunk)
        return stats
    finally:
        store.close()


__all__ = ["DEFAULT_PARTITION_SIZE", "Summary", "code", "code_bag", "code_dataframe", "connect", "ingest",
           "to_parquet"]
