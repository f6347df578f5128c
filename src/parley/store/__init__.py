"""The store: coded documents, their events and quotes in DuckDB (an embedded file, the default) or
PostgreSQL (a shared server, chosen by a ``postgresql://`` URL). One small interface, the same SQL on both.

Guarantees:

* **idempotent**: a document is stored once under its id (a content hash unless the input gives one);
  storing it again replaces its rows, so recoding after a dictionary change replaces its events.
* **transactional**: each batch is one transaction. A crash loses at most the batch in flight and never
  leaves half a document; ``Store.stored_ids`` lets an interrupted ingest resume where it stopped.

Modules: :mod:`~parley.store.schema` (tables, rows), :mod:`~parley.store.base` (what every store does),
:mod:`~parley.store.duckdb` and :mod:`~parley.store.postgres` (the backends), :mod:`~parley.store.ingest`
(code and store), :mod:`~parley.store.query` (common questions). Exports are in :mod:`parley.export`.
Nothing here imports spaCy or the coder.
"""

from __future__ import annotations

from pathlib import Path

from parley.store.base import Filters, Store, to_jsonable
from parley.store.duckdb import DuckDBStore
from parley.store.ingest import IngestStats, coder_version, ingest
from parley.store.postgres import PostgresStore

DEFAULT_DB = "parley.duckdb"


def open_store(target: str | Path | None = None, *, create: bool = True, read_only: bool = False) -> Store:
    """A DuckDB file (default ``parley.duckdb``) or a PostgreSQL server given by a ``postgresql://`` URL.

    With ``create`` (the default) a store that does not exist yet is created (``Store.created`` says so);
    without it, as for reading, a missing store is a :class:`~parley.errors.StoreError` and nothing is
    created. ``read_only`` (which implies not creating) opens the store so that no statement can change it:
    DuckDB's read-only mode, PostgreSQL's read-only transactions; the web explorer reads this way.
    """
    t = str(target or DEFAULT_DB)
    create = create and not read_only
    if t.startswith(("postgresql://", "postgres://")):
        return PostgresStore(t, create=create, read_only=read_only)
    return DuckDBStore(t, create=create, read_only=read_only)


__all__ = ["DEFAULT_DB", "DuckDBStore", "Filters", "IngestStats", "PostgresStore", "Store", "coder_version", "ingest",
           "open_store", "to_jsonable"]
