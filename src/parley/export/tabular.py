"""Events (or aggregated events) read from the store as JSON Lines, CSV with a header, or Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from parley.store.base import to_jsonable


def write_jsonl(rows: Iterable[dict[str, Any]], fh: TextIO) -> int:
    n = 0
    for row in rows:
        fh.write(json.dumps({k: to_jsonable(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], fh: TextIO) -> int:
    writer = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(fh, fieldnames=list(row))
            writer.writeheader()
        writer.writerow({k: to_jsonable(v) for k, v in row.items()})
        n += 1
    return n


def write_parquet(rows: Iterable[dict[str, Any]], out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = list(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not data:
        pq.write_table(pa.table({}), out)
        return 0
    table = pa.Table.from_pylist([{k: to_jsonable(v) if isinstance(v, dt.datetime) else v for k, v in r.items()} for r in data])
    pq.write_table(table, out)
    return len(data)


__all__ = ["write_csv", "write_jsonl", "write_parquet"]
