"""The tables of the store and how a coded document becomes rows of them. The same SQL runs on DuckDB and
PostgreSQL; ``SCHEMA_VERSION`` changes when a table changes in a way an older parley cannot read, and
``MIGRATIONS`` brings a store of each older version up to it when it is opened (``Store.init``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from parley.model import CodedDocument, Event, Quote

SCHEMA_VERSION = 2
"""1: parley 0.1 to 0.x; 2: quotes gain the speaker's text and offsets (speaker_text, speaker_start, speaker_end)."""

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS parley_meta (key TEXT PRIMARY KEY, value TEXT)""",
    """CREATE TABLE IF NOT EXISTS documents (
        id TEXT PRIMARY KEY, title TEXT, url TEXT, source TEXT, published DATE,
        coder_version TEXT NOT NULL, stored_at TIMESTAMP NOT NULL, n_events INTEGER NOT NULL,
        n_quotes INTEGER NOT NULL, coded_json TEXT NOT NULL, tone DOUBLE PRECISION)""",
    # stores made before tone was computed gain the column (empty until their documents are recoded)
    """ALTER TABLE documents ADD COLUMN IF NOT EXISTS tone DOUBLE PRECISION""",
    """CREATE TABLE IF NOT EXISTS events (
        id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, sentence INTEGER, source_code TEXT, source_name TEXT,
        source_text TEXT, target_code TEXT, target_name TEXT, target_text TEXT, cameo TEXT NOT NULL,
        base_code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL,
        plover_type TEXT, plover_mode TEXT, modality TEXT NOT NULL, occurred BOOLEAN NOT NULL, event_date DATE,
        place_country TEXT, place_name TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, trigger_text TEXT,
        trigger_start INTEGER, trigger_end INTEGER, evidence TEXT NOT NULL, confidence DOUBLE PRECISION NOT NULL,
        rule TEXT NOT NULL, quote_id TEXT)""",
    """CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)""",
    """CREATE INDEX IF NOT EXISTS events_dyad ON events (source_code, target_code, event_date)""",
    """CREATE TABLE IF NOT EXISTS quotes (
        doc_id TEXT NOT NULL, quote_id TEXT NOT NULL, sentence INTEGER, speaker_code TEXT, speaker_name TEXT,
        text TEXT NOT NULL, kind TEXT NOT NULL, cue TEXT, start_char INTEGER, end_char INTEGER,
        speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER,
        PRIMARY KEY (doc_id, quote_id))""",
    """CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_code)""",
]

MIGRATIONS: dict[int, list[str]] = {
    # version 1 -> 2: the speaker's mention as written; the rows are then filled from each document's coded
    # JSON, which has carried the speaker's text and offsets since 0.1 (Store._backfill_speakers)
    1: [
        """ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_text TEXT""",
        """ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_start INTEGER""",
        """ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_end INTEGER""",
    ],
}

EVENT_COLUMNS = (
    "id", "doc_id", "sentence", "source_code", "source_name", "source_text", "target_code", "target_name",
    "target_text", "cameo", "base_code", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "modality",
    "occurred", "event_date", "place_country", "place_name", "lat", "lon", "trigger_text", "trigger_start",
    "trigger_end", "evidence", "confidence", "rule", "quote_id",
)
QUOTE_COLUMNS = ("doc_id", "quote_id", "sentence", "speaker_code", "speaker_name", "text", "kind", "cue", "start_char",
                 "end_char", "speaker_text", "speaker_start", "speaker_end")
DOC_COLUMNS = ("id", "title", "url", "source", "published", "coder_version", "stored_at", "n_events", "n_quotes",
               "coded_json", "tone")


def document_row(c: CodedDocument, version: str, stored_at: dt.datetime) -> tuple[Any, ...]:
    """One row of ``documents``, in the order of ``DOC_COLUMNS``: the whole coded document as JSON too."""
    d = c.document
    return (d.id, d.title, d.url, d.source, d.published, version, stored_at, len(c.events), len(c.quotes),
            c.to_json(), c.tone)


def event_row(doc_id: str, e: Event) -> tuple[Any, ...]:
    """One row of ``events``, in the order of ``EVENT_COLUMNS``."""
    loc = e.location
    return (
        e.id, doc_id, e.sentence,
        e.source.code if e.source else None, e.source.name if e.source else None, e.source.text if e.source else None,
        e.target.code if e.target else None, e.target.name if e.target else None, e.target.text if e.target else None,
        e.cameo, e.cameo[:3], e.root, e.quad_class, e.goldstein,
        e.plover.type if e.plover else None, e.plover.mode if e.plover else None,
        e.modality, e.occurred, e.date,
        loc.country if loc else None, loc.name if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        e.trigger.text, e.trigger.start, e.trigger.end, e.evidence, e.confidence, e.rule, e.quote,
    )


def quote_row(doc_id: str, q: Quote) -> tuple[Any, ...]:
    """One row of ``quotes``, in the order of ``QUOTE_COLUMNS``."""
    sp = q.speaker
    return (doc_id, q.id, q.sentence, sp.code if sp else None, sp.name if sp else None, q.text, q.kind, q.cue, q.start,
            q.end, sp.text if sp else None, sp.start if sp else None, sp.end if sp else None)


__all__ = ["DOC_COLUMNS", "EVENT_COLUMNS", "MIGRATIONS", "QUOTE_COLUMNS", "SCHEMA", "SCHEMA_VERSION", "document_row",
           "event_row", "quote_row"]
