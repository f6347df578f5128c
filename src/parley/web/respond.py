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


def _plain(value: Any) -> Any:
    """What JSON holds of a value read from the store that it cannot hold as it is (dates as ISO text,
    decimals as floats): ``json.dumps``'s ``default``, called only for such values."""
    plain = to_jsonable(value)
    if plain is value:
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")
    return plain


def json_response(data: Any, filename: str | None = None) -> Response:
    """``data`` (rows and dicts read from the store) as JSON; a download named ``filename`` when given.
    Written with ``json.dumps`` straight away: the API's answers are not passed through FastAPI's encoder,
    which walks every value of every row (5 ms for a year of weekly dyad rows)."""
    headers = {"Content-Disposition": f'attachment; filename="{filename}.json"'} if filename else None
    return Response(json.dumps(data, ensure_ascii=False, default=_plain), media_type="application/json",
                    headers=headers)


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


__all__ = ["FORMATS", "csv_response", "json_response"]
