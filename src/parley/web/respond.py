"""Every view as CSV or JSON: the rows a page shows, as a download (``?format=csv`` or ``?format=json``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from fastapi.responses import Response

from parley.store import to_jsonable

FORMATS = ("html", "csv", "json")


def jsonable(value: Any) -> Any:
    """Rows and dicts read from the store as JSON can hold them (dates as ISO text, decimals as floats)."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return to_jsonable(value)


def json_response(data: Any, filename: str | None = None) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{filename}.json"'} if filename else None
    return Response(json.dumps(jsonable(data), ensure_ascii=False), media_type="application/json", headers=headers)


def csv_response(rows: Sequence[dict[str, Any]], filename: str, columns: Sequence[str] | None = None) -> Response:
    """Rows as CSV with a header line; the columns are those of the first row unless given."""
    out = io.StringIO()
    cols = list(columns or (rows[0].keys() if rows else []))
    w = csv.writer(out)
    w.writerow(cols)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'})


def _cell(value: Any) -> Any:
    """A CSV cell; text that a spreadsheet would run as a formula (=, +, -, @ first) is quoted with a leading
    apostrophe, since article text is untrusted and CSV files get opened in spreadsheets."""
    if value is None:
        return ""
    value = to_jsonable(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


__all__ = ["FORMATS", "csv_response", "json_response", "jsonable"]
