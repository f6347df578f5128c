"""Exports from the store: the GDELT 2.0 event table (:mod:`~parley.export.gdelt`), JSON Lines, CSV and
Parquet (:mod:`~parley.export.tabular`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from parley import errors
from parley.export.gdelt import GDELT_COLUMNS, write_gdelt
from parley.export.tabular import write_csv, write_jsonl, write_parquet
from parley.store.base import Filters, Store

FORMATS = ("gdelt", "jsonl", "csv", "parquet")


def export(store: Store, fmt: str, out: Path | None, filters: Filters | None = None, aggregate: bool = False,
           stream: TextIO | None = None, quotes: bool = False, speaker: str | None = None) -> int:
    """Write events (or aggregated events) in ``fmt`` to ``out`` (or ``stream``); returns the number of rows
    written. GDELT rows are always aggregated. With ``quotes``, the stored quotes instead, one row each with
    the speaker's mention (text, offsets), name and code (:meth:`parley.store.Store.quotes`; ``speaker``
    selects one speaker), in JSON Lines, CSV or Parquet."""
    if fmt not in FORMATS:
        raise errors.InputError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if quotes and fmt == "gdelt":
        raise errors.InputError("GDELT's table has no quotations; export quotes as jsonl, csv or parquet")
    if quotes:
        rows: Iterable[dict[str, Any]] = store.quotes(speaker, filters)
    elif fmt == "gdelt":
        rows = store.aggregates(filters)
    else:
        rows = store.aggregates(filters) if aggregate else store.events(filters)
    if fmt == "parquet":
        if out is None:
            raise errors.InputError("parquet needs --out FILE")
        return write_parquet(rows, out)
    fh = stream if out is None else out.open("w", encoding="utf-8", newline="")
    try:
        if fmt == "gdelt":
            return write_gdelt(rows, fh)
        if fmt == "jsonl":
            return write_jsonl(rows, fh)
        return write_csv(rows, fh)
    finally:
        if out is not None:
            fh.close()


__all__ = ["FORMATS", "GDELT_COLUMNS", "export"]
