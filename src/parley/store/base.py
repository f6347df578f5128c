"""What every store does, whatever the database: create the tables, write a batch of coded documents in one
transaction, and read events back (one row per report, or aggregated across articles). A backend supplies
only the connection, the parameter marker and how to run a statement."""

from __future__ import annotations

import abc
import datetime as dt
import decimal
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from parley import errors
from parley.model import CodedDocument
from parley.store.schema import (
    DOC_COLUMNS,
    EVENT_COLUMNS,
    MIGRATIONS,
    QUOTE_COLUMNS,
    SCHEMA,
    SCHEMA_VERSION,
    document_row,
    event_row,
    quote_row,
)


def starts_with(column: str, p: str) -> str:
    """SQL true when ``column`` starts with the parameter given by :func:`prefix_pattern` (same on both
    backends: LIKE with ``\\`` as escape character)."""
    return f"{column} LIKE {p} ESCAPE '\\'"


def has_prefix(column: str, p: str) -> str:
    """SQL true when ``column`` starts with the parameter ``p``, the prefix itself (no pattern: ``%`` and ``_``
    are characters). ``starts_with`` exists on both backends (PostgreSQL 11+) and, in DuckDB, runs four
    times faster than LIKE with an ESCAPE clause, which DuckDB does not turn into a prefix test (one million
    events: 6 ms against 28 ms)."""
    return f"starts_with({column}, {p})"


def prefix_pattern(prefix: str) -> str:
    """A LIKE pattern matching text that starts with ``prefix`` itself: its ``%``, ``_`` and ``\\`` are
    escaped, so an actor code prefix such as ``_US`` or ``%`` matches only codes that begin with it."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


@dataclass
class Filters:
    """Which events to read: date range (event date) and actors (a code prefix on either side)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actors: tuple[str, ...] = ()
    occurred_only: bool = False

    def date_clauses(self, column: str, p: str) -> tuple[list[str], list[Any]]:
        """The date range as clauses on ``column`` with ``p`` as parameter marker, and their parameters."""
        bounds = [(self.date_from, ">="), (self.date_to, "<=")]
        return ([f"{column} {op} {p}" for day, op in bounds if day],
                [day for day, _op in bounds if day])

    def where(self, p: str, alias: str = "e") -> tuple[str, list[Any]]:
        """A WHERE clause (empty when nothing is filtered) with ``p`` as parameter marker, and its parameters."""
        clauses, params = self.date_clauses(f"{alias}.event_date", p)
        if self.actors:
            ors = []
            for a in self.actors:
                source = has_prefix(f"{alias}.source_code", p)
                target = has_prefix(f"{alias}.target_code", p)
                ors.append(f"({source} OR {target})")
                params.extend([a, a])
            clauses.append("(" + " OR ".join(ors) + ")")
        if self.occurred_only:
            clauses.append(f"{alias}.occurred")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class Store(abc.ABC):
    """Common behaviour; backends supply the connection and the parameter marker."""

    param = "?"
    url = ""
    row_order = "e.id"
    """How rows of ``events e`` with the same sort key are ordered, so that pages never overlap: the cheapest
    stable order the backend has (DuckDB: its row number)."""

    def __init__(self) -> None:
        self.conn: Any = None
        self.created = False
        """True when opening the store created its tables (a new store)."""
        self.read_only = False
        """True when opened so that nothing can be written (``open_store(..., read_only=True)``)."""

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
    def _open(self, create: bool) -> None:
        """Check the tables are there, or create them; without ``create`` a database with no parley tables
        is refused and left as it was."""
        existed = self._has_tables()
        if not existed and not create:
            self.close()
            raise errors.StoreError(f"{self.url}: no parley store here (no documents table); "
                                    "`parley ingest --db ...` creates one")
        if self.read_only:
            self.check_version()
            return
        self.init()
        self.created = not existed

    def _has_tables(self) -> bool:
        row = self._execute("SELECT COUNT(*) FROM information_schema.tables "
                            "WHERE table_schema = current_schema() AND table_name = 'documents'").fetchone()
        return bool(row[0])

    def init(self) -> None:
        """Create what is missing; a store of an older schema version is migrated (one transaction), a newer
        one refused before anything is changed."""
        p = self.param
        self._execute("CREATE TABLE IF NOT EXISTS parley_meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self._execute(f"SELECT value FROM parley_meta WHERE key = {p}", ["schema_version"]).fetchone()
        version = int(row[0]) if row is not None else None
        if version is not None and version > SCHEMA_VERSION:
            raise errors.StoreError(f"{self.url}: store schema version {version}, this parley writes {SCHEMA_VERSION}")
        if version is not None and version < SCHEMA_VERSION:
            self._migrate(version)
        for stmt in SCHEMA:
            self._execute(stmt)
        if row is None:
            self._execute(f"INSERT INTO parley_meta (key, value) VALUES ({p}, {p})", ["schema_version", str(SCHEMA_VERSION)])

    def _migrate(self, version: int) -> None:
        """Bring a store of schema ``version`` up to ``SCHEMA_VERSION``: each step's statements, the speaker
        columns filled from the stored JSON, the new version recorded, all in one transaction."""
        self._begin()
        try:
            for v in range(version, SCHEMA_VERSION):
                for stmt in MIGRATIONS[v]:
                    self._execute(stmt)
                if v == 1:
                    self._backfill_speakers()
            self._execute(f"UPDATE parley_meta SET value = {self.param} WHERE key = {self.param}",
                          [str(SCHEMA_VERSION), "schema_version"])
            self._commit()
        except Exception as exc:
            self._rollback()
            raise errors.StoreError(f"{self.url}: could not migrate the store from schema version {version} to "
                                    f"{SCHEMA_VERSION}: {exc}") from exc

    def _backfill_speakers(self) -> None:
        p = self.param
        rows = []
        for doc_id, coded_json in self._execute("SELECT id, coded_json FROM documents WHERE n_quotes > 0").fetchall():
            for q in json.loads(coded_json).get("quotes") or []:
                sp = q.get("speaker")
                if sp:
                    rows.append((sp.get("text"), sp.get("start"), sp.get("end"), doc_id, q.get("id")))
        if rows:
            self._executemany(f"UPDATE quotes SET speaker_text = {p}, speaker_start = {p}, speaker_end = {p} "
                              f"WHERE doc_id = {p} AND quote_id = {p}", rows)

    def check_version(self) -> bool:
        """Whether the store records its schema version; a version other than this parley's is an error (a store
        opened read-only cannot be migrated: opening it once for writing, e.g. with `parley ingest`, does it)."""
        row = self._execute(f"SELECT value FROM parley_meta WHERE key = {self.param}", ["schema_version"]).fetchone()
        if row is not None and int(row[0]) != SCHEMA_VERSION:
            hint = " (open it once for writing, e.g. `parley ingest`, to migrate it)" if int(row[0]) < SCHEMA_VERSION else ""
            raise errors.StoreError(f"{self.url}: store schema version {row[0]}, this parley reads {SCHEMA_VERSION}"
                                    + hint)
        return row is not None

    # -- writing --------------------------------------------------------------------------------
    def stored_ids(self, ids: Sequence[str], version: str | None) -> set[str]:
        """Which of ``ids`` are stored already, coded by the same coder version (by any when ``version`` is
        None)."""
        if not ids:
            return set()
        p = self.param
        marks = ", ".join([p] * len(ids))
        if version is None:
            rows = self._execute(f"SELECT id FROM documents WHERE id IN ({marks})", list(ids)).fetchall()
        else:
            rows = self._execute(f"SELECT id FROM documents WHERE coder_version = {p} AND id IN ({marks})",
                                 [version, *ids]).fetchall()
        return {r[0] for r in rows}

    def stored_metadata(self, ids: Sequence[str], version: str) -> dict[str, tuple[Any, ...]]:
        """Of ``ids``, those stored by the same coder version, with what they were stored with: (title, url,
        source, published)."""
        if not ids:
            return {}
        p = self.param
        marks = ", ".join([p] * len(ids))
        rows = self._execute(f"SELECT id, title, url, source, published FROM documents "
                             f"WHERE coder_version = {p} AND id IN ({marks})", [version, *ids]).fetchall()
        return {r[0]: (r[1], r[2], r[3], _as_date(r[4])) for r in rows}

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
            docs = [document_row(c, version, now) for c in coded]
            self._insert("documents", DOC_COLUMNS, docs)
            events = [event_row(c.document.id, e) for c in coded for e in c.events]
            if events:
                self._insert("events", EVENT_COLUMNS, events)
            quotes = [quote_row(c.document.id, q) for c in coded for q in c.quotes]
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

    def quotes(self, speaker: str | None = None, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
        """Stored quotes with their document's address and date, in order of publication and place.

        ``speaker`` is an actor code prefix (``RUSGOV``, ``RUS``) or words of the speaker's name or mention as
        written ("Peskov", "a senior official"), case ignored for words; ``filters`` restricts the publication
        dates and, by ``actors``, the speaker's code prefixes."""
        p = self.param
        f = filters or Filters()
        clauses, params = [], []
        if speaker:
            clauses.append(f"({starts_with('q.speaker_code', p)} OR LOWER(q.speaker_name) LIKE {p} ESCAPE '\\' "
                           f"OR LOWER(q.speaker_text) LIKE {p} ESCAPE '\\')")
            words = "%" + prefix_pattern(speaker.lower())
            params += [prefix_pattern(speaker), words, words]
        if f.actors:
            clauses.append("(" + " OR ".join(starts_with("q.speaker_code", p) for _ in f.actors) + ")")
            params += [prefix_pattern(a) for a in f.actors]
        dates, days = f.date_clauses("d.published", p)
        clauses += dates
        params += days
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        cols, rows = self.query(
            "SELECT d.published, q.doc_id, q.quote_id, q.sentence, q.speaker_text, q.speaker_name, q.speaker_code, "
            "q.speaker_start, q.speaker_end, q.kind, q.cue, q.text, q.start_char, q.end_char, d.url AS doc_url "
            f"FROM quotes q JOIN documents d ON d.id = q.doc_id{where} "
            "ORDER BY d.published, q.doc_id, q.start_char", params)
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
            "COUNT(*) AS num_mentions, COUNT(DISTINCT COALESCE(d.source, '')) AS num_sources, "
            "COUNT(DISTINCT e.doc_id) AS num_articles, "
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


def _as_date(value: Any) -> Any:
    return value.date() if isinstance(value, dt.datetime) else value


def to_jsonable(value: Any) -> Any:
    """A value read from the store as JSON can hold it: dates as ISO text, decimals as floats."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


__all__ = ["Filters", "Store", "has_prefix", "prefix_pattern", "starts_with", "to_jsonable"]
