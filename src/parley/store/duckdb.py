"""The default store: an embedded DuckDB file (``parley.duckdb`` unless told otherwise)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from parley import errors
from parley.store.base import Store


class DuckDBStore(Store):
    param = "?"
    row_order = "e.rowid"  # an integer: sorting a page of a million events by it costs a tenth of the id text

    def __init__(self, path: str | Path, *, create: bool = True, read_only: bool = False) -> None:
        """Open the DuckDB file ``path``; without ``create`` a missing file (or one without parley's tables)
        is a StoreError and nothing is created. ``read_only`` opens it in DuckDB's read-only mode (several
        readers may share the file; no statement can change it)."""
        super().__init__()
        import duckdb

        self.url = str(path)
        self._schemas: dict[str, Any] = {}
        p = Path(path)
        if not create and not p.is_file():
            raise errors.StoreError(f"{p}: no such store; `parley ingest --db {p}` creates one")
        if p.parent and not p.parent.exists():
            p.parent.mkdir(parents=True, exist_ok=True)
        self.read_only = read_only
        try:
            self.conn = duckdb.connect(str(p), read_only=read_only)
        except duckdb.Error as exc:
            raise errors.StoreError(f"{p}: cannot open the DuckDB store ({exc})") from None
        self._open(create)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, list(params))

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, [list(r) for r in rows])

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Row-by-row inserts are slow in DuckDB: hand it the batch as one Arrow table."""
        import pyarrow as pa

        schema = self._arrow_schema(table)
        data = pa.Table.from_arrays([pa.array([r[i] for r in rows], type=schema.field(c).type) for i, c in enumerate(columns)],
                                    schema=pa.schema([schema.field(c) for c in columns]))
        self.conn.register("parley_batch", data)
        try:
            self.conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM parley_batch")
        finally:
            self.conn.unregister("parley_batch")

    def _arrow_schema(self, table: str):  # type: ignore[no-untyped-def]
        cached = self._schemas.get(table)
        if cached is None:
            cached = self.conn.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            self._schemas[table] = cached
        return cached


__all__ = ["DuckDBStore"]
