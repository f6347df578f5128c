"""Dask Bags and DataFrames of documents in, a Dask DataFrame of events out, for notebooks:

    >>> import dask.bag as db, parley.dask
    >>> events = parley.dask.code_bag(db.read_text("news/*.jsonl").map(json.loads))  # doctest: +SKIP
    >>> events.groupby("root").size().compute()                                      # doctest: +SKIP

The events have the store's columns and types (``parley.store.schema.EVENT_COLUMNS``, pyarrow-backed), so
``events.to_parquet(...)`` and a later ``parley`` query read the same table. Each partition is coded by the
worker's one coder (:func:`parley.dask.worker.coder_for`), whichever scheduler runs the graph. A document
that cannot be read or coded is left out and logged as a warning on the ``parley.dask`` logger (on a cluster:
``client.get_worker_logs()``); the rest of its partition is coded.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
from collections.abc import Iterable
from typing import Any

from parley.dask.worker import arrow_table, code_items
from parley.model import CodedDocument, Document, Failure
from parley.pipeline import Options

log = logging.getLogger("parley.dask")

FIELDS = ("id", "text", "title", "url", "source", "published")


def as_item(value: Any, where: str) -> Document | Failure:
    """A Document from a Document, a text, or a record with the keys of a JSON Lines input (``text``
    required; ``id``, ``title``, ``url``, ``source``, ``published``), checked as the JSON Lines reader checks
    a line."""
    from parley.read import _document_from_line

    if isinstance(value, Document):
        return value
    if isinstance(value, str):
        return _document_from_line(json.dumps({"text": value}), where, None)
    if isinstance(value, dict):
        record = {k: _plain(value.get(k)) for k in FIELDS if k in value}
        return _document_from_line(json.dumps(record), where, None)
    return Failure(where, "E002", f"not a document: a {type(value).__name__} (give a text, a dict or a Document)")


def _plain(value: Any) -> Any:
    """A DataFrame cell as JSON: missing values (None, NaN, NaT, pandas NA) as null, dates as ISO text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (dt.date, dt.datetime)):  # pandas Timestamps are datetimes
        try:
            return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
        except ValueError:  # NaT
            return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    return value if isinstance(value, (str, int, float, bool)) else str(value)


def events_frame(values: Iterable[Any], options: Options, where: str = "partition") -> Any:
    """One partition of documents coded, as a pandas DataFrame of event rows (pyarrow dtypes)."""
    import pandas as pd

    from parley.store.schema import event_row

    items = [as_item(v, f"{where}:{i}") for i, v in enumerate(values)]
    rows = []
    for result in code_items(items, options):
        if isinstance(result, Failure):
            log.warning("parley: skipped %s: %s: %s", result.item, result.code, result.message)
        else:
            assert isinstance(result, CodedDocument)
            rows.extend(event_row(result.document.id, e) for e in result.events)
    return arrow_table("events", rows).to_pandas(types_mapper=pd.ArrowDtype)


def _frame_events(frame: Any, options: Options) -> Any:
    return events_frame(frame.to_dict("records"), options, "row")


def meta() -> Any:
    """The empty events frame: the columns and dtypes every partition has."""
    import pandas as pd

    return arrow_table("events", []).to_pandas(types_mapper=pd.ArrowDtype)


def code_bag(bag: Any, options: Options | None = None) -> Any:
    """A Dask Bag of documents (texts, JSON Lines records as dicts, or Documents) coded into a Dask DataFrame
    of events, one partition per partition of the bag, in the bag's order."""
    import dask
    import dask.dataframe as dd

    options = options or Options()
    parts = [dask.delayed(events_frame)(p, options, f"partition {i}") for i, p in enumerate(bag.to_delayed())]
    return dd.from_delayed(parts, meta=meta(), verify_meta=False)


def code_dataframe(df: Any, options: Options | None = None) -> Any:
    """A Dask DataFrame with a ``text`` column (and optionally ``id``, ``title``, ``url``, ``source``,
    ``published``) coded into a Dask DataFrame of events."""
    if "text" not in df.columns:
        from parley.errors import ConfigError

        raise ConfigError(f"code_dataframe needs a 'text' column; the frame has {list(df.columns)}")
    return df.map_partitions(_frame_events, options or Options(), meta=meta())


__all__ = ["as_item", "code_bag", "code_dataframe", "events_frame", "meta"]
