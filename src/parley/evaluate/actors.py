"""Actor-resolution cases (JSON Lines with ``actor`` and ``expected``): country and sector accuracy."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from parley.evaluate.gold import country_part, _date


def _expected(exp: dict[str, Any], key: str) -> list[str] | None:
    v = exp.get(key)
    if not isinstance(v, dict) or v.get("op") not in ("==", "in"):
        return None
    value = v.get("value")
    values = value if isinstance(value, list) else [value]
    return [str(x) for x in values if x is not None]


def score_actors(rows: Iterable[dict[str, Any]], resolve: Callable[[str, dt.date | None], Any]) -> dict[str, Any]:
    c = Counter()
    misses: list[dict[str, Any]] = []
    for row in rows:
        exp = row.get("expected") or {}
        countries = _expected(exp, "country") or _expected(exp, "cc")
        sectors = [s for k in ("code_1", "code_2") for s in (_expected(exp, k) or [])]
        if countries is None and not sectors:
            continue
        on = _date(row.get("query_date"))
        m = resolve(row["actor"], on)
        code = m.code if m is not None else None
        c["cases"] += 1
        if countries is not None:
            want = countries[0] if countries else ""
            c["country_n"] += 1
            got = country_part(code) or ""
            ok = got == want or (want == "" and (code is None or len(code) != 6))
            c["country_ok"] += ok
            if not ok:
                misses.append({"actor": row["actor"], "want_country": want, "got": code})
        if sectors:
            c["sector_n"] += 1
            got_sector = code[3:6] if code and len(code) >= 6 else (code if code and len(code) == 3 and code in sectors else None)
            ok = got_sector in sectors
            c["sector_ok"] += ok
            if not ok:
                misses.append({"actor": row["actor"], "want_sector": sectors, "got": code})
    pct = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
    return {
        "format": "actors",
        "cases": c["cases"],
        "country_accuracy": pct(c["country_ok"], c["country_n"]),
        "country_scored": c["country_n"],
        "sector_accuracy": pct(c["sector_ok"], c["sector_n"]),
        "sector_scored": c["sector_n"],
        "misses": misses,
    }
