"""Reading the explorer's query parameters: the same filters for the pages (where an empty form field means
"any") and the JSON API, each checked with a message that says what was wrong (a 400, never a traceback)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import Query

from parley import errors
from parley.model import MODALITIES
from parley.store.browse import BY, MAX_LIMIT, EventFilter

_ROOT = re.compile(r"^(0[1-9]|1[0-9]|20)$")
_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


def text(value: str | None) -> str | None:
    """A text parameter: surrounding spaces dropped, empty meaning not given."""
    value = (value or "").strip()
    return value or None


def actor_code(value: str | None, name: str = "actor") -> str | None:
    """An actor code prefix, in capitals as CAMEO writes codes; taken literally (``%`` is a character)."""
    value = text(value)
    if value is None:
        return None
    if any(ch.isspace() for ch in value):
        raise errors.InputError(f"{name}: an actor code has no spaces ({value!r})")
    return value.upper()


def date(value: str | None, name: str) -> dt.date | None:
    value = text(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise errors.InputError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def period(value: str | None) -> str:
    value = text(value) or "week"
    if value not in BY:
        raise errors.InputError(f"by: unknown period {value!r}; expected one of {', '.join(BY)}")
    return value


def dyad_pair(value: str | None) -> tuple[str, str] | None:
    value = text(value)
    if value is None:
        return None
    parts = [p for p in re.split(r"[,\s]+", value) if p]
    if len(parts) != 2:
        raise errors.InputError(f"dyad: expected two actor codes separated by a comma (RUS,UKR), got {value!r}")
    return (actor_code(parts[0], "dyad") or "", actor_code(parts[1], "dyad") or "")


def _choice(value: str | None, pattern: re.Pattern[str], name: str, what: str) -> str | None:
    value = text(value)
    if value is not None and not pattern.match(value):
        raise errors.InputError(f"{name}: {value!r} is not {what}")
    return value


Str = Annotated[str | None, Query(max_length=200)]
Actor = Annotated[str | None, Query(max_length=64, description="An actor code prefix, either side (RUS matches RUSGOV).")]
Source = Annotated[str | None, Query(max_length=64, description="Source actor code prefix.")]
Target = Annotated[str | None, Query(max_length=64, description="Target actor code prefix.")]
Dyad = Annotated[str | None, Query(max_length=130, description="Two actor code prefixes, A,B: events between them either way.")]
Root = Annotated[str | None, Query(max_length=2, description="CAMEO root, 01 to 20.")]
Code = Annotated[str | None, Query(max_length=4, description="CAMEO code or its prefix (14 is every protest, 141 demonstrations).")]
Quad = Annotated[str | None, Query(max_length=1, description="Quad class: 1 verbal cooperation, 2 material cooperation, "
                                                              "3 verbal conflict, 4 material conflict.")]
Modality = Annotated[str | None, Query(max_length=32, description=f"One of {', '.join(MODALITIES)}.")]
From = Annotated[str | None, Query(alias="from", max_length=10, description="First event date, YYYY-MM-DD.")]
To = Annotated[str | None, Query(alias="to", max_length=10, description="Last event date, YYYY-MM-DD.")]
Outlet = Annotated[str | None, Query(max_length=200, description="The document's source (outlet), exactly.")]
Q = Annotated[str | None, Query(max_length=200, description="Words in the evidence sentence, case-insensitive.")]
Occurred = Annotated[bool, Query(description="Only events that occurred (no hypothetical, negated, speculative).")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page, at most {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
By = Annotated[str | None, Query(max_length=8, description="day, week or month.")]


def event_filter(actor: Actor = None, source: Source = None, target: Target = None, dyad: Dyad = None,
                 root: Root = None, code: Code = None, quad: Quad = None, modality: Modality = None,
                 date_from: From = None, date_to: To = None, outlet: Outlet = None, q: Q = None,
                 occurred: Occurred = False) -> EventFilter:
    """The events filters of ``/events`` and ``/api/events`` (a FastAPI dependency)."""
    quad_class = _choice(quad, re.compile(r"^[1-4]$"), "quad", "a quad class (1 to 4)")
    mod = text(modality)
    if mod is not None and mod not in MODALITIES:
        raise errors.InputError(f"modality: {mod!r} is not one of {', '.join(MODALITIES)}")
    return EventFilter(
        actor=actor_code(actor), source=actor_code(source, "source"), target=actor_code(target, "target"),
        dyad=dyad_pair(dyad), root=_choice(root, _ROOT, "root", "a CAMEO root (01 to 20)"),
        code=_choice(code, _CODE, "code", "a CAMEO code or prefix (01 to 20, then up to two digits)"),
        quad_class=int(quad_class) if quad_class else None, modality=mod,
        date_from=date(date_from, "from"), date_to=date(date_to, "to"), outlet=text(outlet), q=text(q),
        occurred=occurred)


__all__ = ["actor_code", "date", "dyad_pair", "event_filter", "period", "text"]
