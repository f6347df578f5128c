"""The data model: plain frozen dataclasses with a JSON round-trip.

Every stage of the pipeline consumes and produces these records; nothing here
knows about spaCy or storage. ``to_dict`` / ``from_dict`` convert any record to
and from the JSON contract described in docs/output.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import types
import typing
from dataclasses import dataclass
from typing import Any, TypeVar

MODALITIES = ("asserted", "intended", "demanded", "hypothetical", "negated", "reported-speculation")
"""Allowed values of ``Event.modality``."""

QUOTE_KINDS = ("direct", "indirect", "according-to")


@dataclass(frozen=True, slots=True)
class Document:
    """One input article. Only ``text`` is required; ``id`` defaults to a content hash."""

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))


def content_id(text: str) -> str:
    """Stable document id: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the document text with character offsets (``end`` exclusive)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ActorCode:
    """A CAMEO actor code read by its parts: a three-letter prefix (an ISO 3166 country, or ``IGO``, a region)
    followed by three-letter roles ("RUSGOV", "USAMILREB"); a bare role ("GOV", "CVL") is one part.

    >>> ActorCode("RUSGOV").country, ActorCode("RUSGOV").role, ActorCode("USAMILREB").last_role
    ('RUS', 'GOV', 'REB')
    """

    code: str

    @property
    def country(self) -> str:
        """The first part: the country (or IGO or region prefix); a bare role is its own first part."""
        return self.code[:3]

    @property
    def role(self) -> str:
        """Everything after the first part ("" for a bare country)."""
        return self.code[3:]

    @property
    def last_role(self) -> str:
        """The last part ("REB" in "USAMILREB"; a bare role or country is its own last part)."""
        return self.code[-3:]

    def with_country(self, country: str) -> ActorCode:
        """A bare role in a country: ``ActorCode("CVL").with_country("UKR")`` is UKRCVL; a longer code already
        names its country (``NGAREB``) and keeps it. For role codes only: a bare country would be doubled."""
        return ActorCode(country + self.code) if len(self.code) == 3 else self


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as it takes part in an event or speaks a quote: the mention as written (``text``, ``start``,
    ``end``), its actor ``code`` and ``name``. An event's actors always have a code; a quote's speaker has one
    only when the actor dictionaries resolve the mention ("a senior official", a scholar nobody listed:
    ``code`` null, ``name`` the words of the text, or for a pronoun the person it refers to)."""

    code: str | None
    name: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention found in the text, resolved to a CAMEO actor code.

    ``kind`` says how it was recognised: country, capital, seat, organisation,
    igo, person, group, region, pronoun, description.
    ``entity`` groups mentions of the same actor within one document (coreference).
    """

    code: str
    name: str | None
    text: str
    start: int
    end: int
    kind: str
    entity: int | None = None

    @property
    def actor(self) -> ActorCode:
        """The mention's code read by its parts (country, roles)."""
        return ActorCode(self.code)


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    country: str | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    sentence: int
    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: Plover | None
    modality: str
    date: dt.date | None
    location: Location
    trigger: Span
    evidence: str
    confidence: float
    rule: str
    quote: str | None = None

    @property
    def occurred(self) -> bool:
        """Whether the event counts as having happened in aggregates: asserted, or an expressed intent (03x),
        demand (10x) or threat (13x, from a promised act of force or coercion): saying so is itself the act."""
        if self.modality == "asserted":
            return True
        return (self.modality == "intended" and self.root in ("03", "13")) or (
            self.modality == "demanded" and self.root == "10"
        )


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    sentence: int
    speaker: ActorRef | None
    text: str
    start: int
    end: int
    kind: str
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Warning_:
    """Something the pipeline noticed and did not fail on (bad date, skipped quote...)."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class CodedDocument:
    document: Document
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Mention, ...] = ()
    warnings: tuple[Warning_, ...] = ()
    tone: float | None = None  # positive minus negative words, % of all words (GDELT's tone; see parley.tone)

    def to_json(self) -> str:
        return json.dumps(to_dict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> CodedDocument:
        return from_dict(cls, json.loads(line))


@dataclass(frozen=True, slots=True)
class Failure:
    """An input item that could not be read or coded, reported instead of stopping the batch.

    ``item`` names the input (file path, ``stdin:LINE``, ``file.jsonl:LINE``); ``code`` is an
    error code from :mod:`parley.errors`.
    """

    item: str
    code: str
    message: str


# --- JSON round-trip -------------------------------------------------------------------------

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Convert a record (or a value inside one) to plain JSON-able Python."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def from_dict(cls: type[T], data: Any) -> T:
    """Build a record of type ``cls`` from the output of :func:`to_dict`."""
    return _convert(cls, data)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value)
    if origin is tuple:
        (item, _ellipsis) = typing.get_args(tp)
        return tuple(_convert(item, v) for v in value)
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _convert(hints[k], v) for k, v in value.items() if k in names})
    if tp is dt.date:
        return dt.date.fromisoformat(value)
    if tp is float and isinstance(value, int):
        return float(value)
    return value


__all__ = [
    "MODALITIES",
    "QUOTE_KINDS",
    "ActorCode",
    "ActorRef",
    "CodedDocument",
    "Document",
    "Event",
    "Failure",
    "Location",
    "Mention",
    "Plover",
    "Quote",
    "Span",
    "Warning_",
    "content_id",
    "from_dict",
    "to_dict",
]
