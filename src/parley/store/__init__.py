"""The store: coded documents, their events and quotes in DuckDB (an embedded file, the default) or
PostgreSQL (a shared server, chosen by a ``postgresql://`` URL). One small interface, the same SQL on both.

Guarantees:

* **idempotent**: a document is stored once under its id (a content hash unless the input gives one);
  storing it again replaces its rows, so recoding after a dictionary change replaces its events.
* **transactional**: each batch is one transaction. A crash loses at most the batch in flight and never
  leaves half a document; ``Store.stored_ids`` lets an interrupted ingest resume where it stopped.
"""

from __future__ import annotations

import abc
import datetime as dt
import decimal
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley import __version__, errors
from parley.events.coder import counts_as_occurred
from parley.model import CodedDocument

SCHEMA_VERSION = 1

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
        PRIMARY KEY (doc_id, quote_id))""",
]

EVENT_COLUMNS = (
    "id", "doc_id", "sentence", "source_code", "source_name", "source_text", "target_code", "target_name",
    "target_text", "cameo", "base_code", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "modality",
    "occurred", "event_date", "place_country", "place_name", "lat", "lon", "trigger_text", "trigger_start",
    "trigger_end", "evidence", "confidence", "rule", "quote_id",
)
QUOTE_COLUMNS = ("doc_id", "quote_id", "sentence", "speaker_code", "speaker_name", "text", "kind", "cue", "start_char", "end_char")
DOC_COLUMNS = ("id", "title", "url", "source", "published", "coder_version", "stored_at", "n_events", "n_quotes", "coded_json",
               "tone")


def coder_version(dictionaries: Sequence[str] = (), pattern_files: Sequence[str] = ()) -> str:
    """A fingerprint of what codes documents: parley's version and every dictionary and pattern file."""
    from importlib import resources

    h = hashlib.sha256(__version__.encode())
    data = resources.files("parley") / "data"
    for sub in ("actors", "patterns", "ontology"):
        for f in sorted((data / sub).iterdir(), key=lambda p: p.name):
            if f.name.endswith((".tsv", ".txt")):
                h.update(f.name.encode())
                h.update(f.read_bytes())
    for path in (*dictionaries, *pattern_files):
        h.update(Path(path).read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"


def _event_row(doc_id: str, e: Any) -> tuple:
    loc = e.location
    return (
        e.id, doc_id, e.sentence,
        e.source.code if e.source else None, e.source.name if e.source else None, e.source.text if e.source else None,
        e.target.code if e.target else None, e.target.name if e.target else None, e.target.text if e.target else None,
        e.cameo, e.cameo[:3], e.root, e.quad_class, e.goldstein,
        e.plover.type if e.plover else None, e.plover.mode if e.plover else None,
        e.modality, counts_as_occurred(e), e.date,
        loc.country if loc else None, loc.name if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        e.trigger.text, e.trigger.start, e.trigger.end, e.evidence, e.confidence, e.rule, e.quote,
    )


def _quote_row(doc_id: str, q: Any) -> tuple:
    return (doc_id, q.id, q.sentence, q.speaker.code if q.speaker else None, q.speaker.name if q.speaker else None,
            q.text, q.kind, q.cue, q.start, q.end)


@dataclass
class Filters:
    """Which events to read: date range (event date) and actors (a code prefix on either side)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actors: tuple[str, ...] = ()
    occurred_only: bool = False

    def where(self, p: str, alias: str = "e") -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.date_from:
            clauses.append(f"{alias}.event_date >= {p}")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{alias}.event_date <= {p}")
            params.append(self.date_to)
        if self.actors:
            ors = []
            for a in self.actors:
                ors.append(f"({alias}.source_code LIKE {p} OR {alias}.target_code LIKE {p})")
                params.extend([a + "%", a + "%"])
            clauses.append("(" + " OR ".join(ors) + ")")
        if self.occurred_only:
            clauses.append(f"{alias}.occurred")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class Store(abc.ABC):
    """Common behaviour; backends supply the connection and the parameter marker."""

    param = "?"
    url = ""

    def __init__(self) -> None:
        self.conn: Any = None

    # -- backend hooks --------------------------------------------------------------------------
    @abc.abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement and return a cursor."""

    @abc.abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for many parameter rows."""

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        marks = ", ".join([self.param] * len(columns))
        self._executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def _begin(self) -> None:
        self._execute("BEGIN TRANSACTION")

    def _commit(self) -> None:
        self._execute("COMMIT")

    def _rollback(self) -> None:
        self._execute("ROLLBACK")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------------
    def init(self) -> None:
        for stmt in SCHEMA:
            self._execute(stmt)
        p = self.param
        row = self._execute(f"SELECT value FROM parley_meta WHERE key = {p}", ["schema_version"]).fetchone()
        if row is None:
            self._execute(f"INSERT INTO parley_meta (key, value) VALUES ({p}, {p})", ["schema_version", str(SCHEMA_VERSION)])
        elif int(row[0]) != SCHEMA_VERSION:
            raise errors.StoreError(f"{self.url}: store schema version {row[0]}, this parley writes {SCHEMA_VERSION}")

    # -- writing --------------------------------------------------------------------------------
    def stored_ids(self, ids: Sequence[str], version: str) -> set[str]:
        """Which of ``ids`` are stored already, coded by the same coder version."""
        if not ids:
            return set()
        p = self.param
        marks = ", ".join([p] * len(ids))
        rows = self._execute(f"SELECT id FROM documents WHERE coder_version = {p} AND id IN ({marks})", [version, *ids]).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, coded: Sequence[CodedDocument], version: str) -> None:
        """Store a batch of coded documents in one transaction, replacing earlier versions of them."""
        if not coded:
            return
        p = self.param
        ids = [c.document.id for c in coded]
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        self._begin()
        try:
            marks = ", ".join([p] * len(ids))
            for table, key in (("events", "doc_id"), ("quotes", "doc_id"), ("documents", "id")):
                self._execute(f"DELETE FROM {table} WHERE {key} IN ({marks})", ids)
            docs = [(c.document.id, c.document.title, c.document.url, c.document.source, c.document.published, version,
                     now, len(c.events), len(c.quotes), c.to_json(), c.tone) for c in coded]
            self._insert("documents", DOC_COLUMNS, docs)
            events = [_event_row(c.document.id, e) for c in coded for e in c.events]
            if events:
                self._insert("events", EVENT_COLUMNS, events)
            quotes = [_quote_row(c.document.id, q) for c in coded for q in c.quotes]
            if quotes:
                self._insert("quotes", QUOTE_COLUMNS, quotes)
            self._commit()
        except Exception as exc:
            self._rollback()
            raise errors.StoreError(f"{self.url}: could not store a batch of {len(coded)} documents: {exc}") from exc

    # -- reading --------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "events", "quotes"):
            out[table] = int(self._execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        return out

    def document(self, doc_id: str) -> CodedDocument | None:
        row = self._execute(f"SELECT coded_json FROM documents WHERE id = {self.param}", [doc_id]).fetchone()
        return CodedDocument.from_json(row[0]) if row else None

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        try:
            cur = self._execute(sql, params)
        except errors.ParleyError:
            raise
        except Exception as exc:  # the driver's own error: say which store and what failed
            raise errors.StoreError(f"{self.url}: query failed ({exc})") from exc
        cols = [d[0] for d in cur.description]
        return cols, [tuple(r) for r in cur.fetchall()]

    def events(self, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
        f = filters or Filters()
        where, params = f.where(self.param)
        cols, rows = self.query(
            f"SELECT e.*, d.url AS doc_url, d.source AS doc_source, d.published AS doc_published, d.tone AS doc_tone "
            f"FROM events e JOIN documents d ON d.id = e.doc_id{where} ORDER BY e.event_date, e.id", params)
        for r in rows:
            yield dict(zip(cols, r))

    def aggregates(self, filters: Filters | None = None, by_place: bool = False) -> Iterator[dict[str, Any]]:
        """The same event reported by many articles as one row: (source, target, CAMEO code, date[, place])."""
        f = filters or Filters()
        where, params = f.where(self.param)
        place = ", e.place_country, e.place_name" if by_place else ""
        evidence = self._string_agg("e.id")
        sql = (
            "SELECT e.source_code, e.target_code, e.cameo, e.event_date" + place + ", "
            "MIN(e.base_code) AS base_code, MIN(e.root) AS root, MIN(e.quad_class) AS quad_class, "
            "MIN(e.goldstein) AS goldstein, MIN(e.source_name) AS source_name, MIN(e.target_name) AS target_name, "
            "MIN(e.place_country) AS action_country, MIN(e.place_name) AS action_place, AVG(e.lat) AS lat, AVG(e.lon) AS lon, "
            "COUNT(*) AS num_mentions, COUNT(DISTINCT d.source) AS num_sources, COUNT(DISTINCT e.doc_id) AS num_articles, "
            "AVG(e.confidence) AS avg_confidence, AVG(d.tone) AS avg_tone, MIN(d.published) AS first_seen, MAX(d.published) AS last_seen, "
            "MIN(d.url) AS source_url, MIN(d.stored_at) AS date_added, MIN(e.sentence) AS first_sentence, "
            f"{evidence} AS evidence_ids "
            f"FROM events e JOIN documents d ON d.id = e.doc_id{where} "
            "GROUP BY e.source_code, e.target_code, e.cameo, e.event_date" + place + " "
            "ORDER BY e.event_date, e.source_code, e.target_code, e.cameo"
        )
        cols, rows = self.query(sql, params)
        for r in rows:
            yield dict(zip(cols, r))

    def _string_agg(self, expr: str) -> str:
        return f"STRING_AGG({expr}, ',' ORDER BY {expr})"


class DuckDBStore(Store):
    param = "?"

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        import duckdb

        self.url = str(path)
        self._schemas: dict[str, Any] = {}
        p = Path(path)
        if p.parent and not p.parent.exists():
            p.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = duckdb.connect(str(p))
        except duckdb.Error as exc:
            raise errors.StoreError(f"{p}: cannot open the DuckDB store ({exc})") from None
        self.init()

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


class PostgresStore(Store):
    param = "%s"

    def __init__(self, url: str) -> None:
        super().__init__()
        import psycopg

        self.url = _redact(url)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise errors.StoreError(f"{self.url}: cannot connect to PostgreSQL ({exc})") from None
        self.init()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, list(params) if params else None)

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(sql, [list(r) for r in rows])

    def _begin(self) -> None:
        self._execute("BEGIN")


def _redact(url: str) -> str:
    if "@" in url and ":" in url.split("@")[0].split("//")[-1]:
        scheme, rest = url.split("//", 1)
        creds, host = rest.split("@", 1)
        return f"{scheme}//{creds.split(':')[0]}:***@{host}"
    return url


DEFAULT_DB = "parley.duckdb"


def open_store(target: str | Path | None = None) -> Store:
    """A DuckDB file (default ``parley.duckdb``) or a PostgreSQL server given by a ``postgresql://`` URL."""
    t = str(target or DEFAULT_DB)
    if t.startswith(("postgresql://", "postgres://")):
        return PostgresStore(t)
    return DuckDBStore(t)


@dataclass
class IngestStats:
    read: int = 0
    coded: int = 0
    skipped: int = 0  # already stored with this coder version
    failed: int = 0
    events: int = 0
    batches: int = 0


def ingest(store: Store, items: Iterable[Any], coder: Any, *, batch_size: int = 64, version: str | None = None,
           on_failure: Any = None, on_batch: Any = None) -> IngestStats:
    """Code and store documents batch by batch; documents already stored by the same coder are skipped."""
    from parley.model import Document, Failure

    version = version or coder_version(coder.options.dictionaries, coder.options.pattern_files)
    stats = IngestStats()
    pending: list[Any] = []

    def flush() -> None:
        docs = [x for x in pending if isinstance(x, Document)]
        for x in pending:
            if isinstance(x, Failure):
                stats.failed += 1
                if on_failure:
                    on_failure(x)
        done = store.stored_ids([d.id for d in docs], version)
        todo, seen = [], set()
        for d in docs:
            if d.id in done or d.id in seen:
                stats.skipped += 1
            else:
                seen.add(d.id)
                todo.append(d)
        coded = []
        for item in coder.pipe_items(todo):
            if isinstance(item, Failure):
                stats.failed += 1
                if on_failure:
                    on_failure(item)
            else:
                coded.append(item)
        store.write_batch(coded, version)
        stats.coded += len(coded)
        stats.events += sum(len(c.events) for c in coded)
        stats.batches += 1
        if on_batch:
            on_batch(stats)
        pending.clear()

    for item in items:
        stats.read += 1
        pending.append(item)
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    return stats


def to_jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


__all__ = ["DEFAULT_DB", "DuckDBStore", "Filters", "IngestStats", "PostgresStore", "Store", "coder_version", "ingest",
           "open_store", "to_jsonable"]


def dumps_row(row: dict[str, Any]) -> str:
    return json.dumps({k: to_jsonable(v) for k, v in row.items()}, ensure_ascii=False)
