"""The explorer's connections to the store: read-only, a bounded pool of them, each query cut off after a time
limit.

Requests are served on worker threads; a DuckDB or psycopg connection must not be used by two threads at
once, so each request borrows a connection of its own from the pool and gives it back. The pool is bounded:
on a small machine twenty clients queueing for eight connections answer sooner than twenty queries fighting
over two cores. A query that runs past ``timeout`` seconds is interrupted (DuckDB's ``interrupt``,
PostgreSQL's ``statement_timeout``) and the reader is told to narrow the filters.
"""

from __future__ import annotations

import copy
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from parley import errors
from parley.store import DuckDBStore, Store, open_store
from parley.store.snapshot import EventSnapshot
from parley.store.summary import DyadSummary


class QueryTimeout(errors.StoreError):
    """A query of the explorer ran past its time limit and was stopped."""


class Readers:
    """A pool of read-only connections to one store (a DuckDB file or a PostgreSQL URL).

    Opening checks the store exists (a missing DuckDB file is refused, never created) and can be read.
    """

    def __init__(self, target: str, *, timeout: float = 10.0, size: int = 8) -> None:
        self.target = target
        self.timeout = timeout
        self.size = size
        self.first = open_store(target, read_only=True)
        self.duckdb = isinstance(self.first, DuckDBStore)
        self.url = self.first.url
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._made = [self.first]
        self._lock = threading.Lock()
        self._prepare(self.first)
        self.summary = DyadSummary(self.first) if self.duckdb else None
        """The dyad summary of a DuckDB store (which nobody can write while it is open read-only); None on
        PostgreSQL, whose timelines read the events table."""
        self.snapshot = EventSnapshot(self.first) if self.duckdb else None
        """The events of a DuckDB store in memory, in page order, for its pages of events (nobody can write
        the store while it is open read-only); None on PostgreSQL, whose pages are read with SQL."""
        self._idle.put(self.first)

    def _prepare(self, store: Store) -> None:
        if not self.duckdb:
            store._execute(f"SET statement_timeout = {int(self.timeout * 1000)}")

    def _new(self) -> Store:
        if self.duckdb:  # another connection to the same database: DuckDB's way to read from several threads
            store = copy.copy(self.first)
            store.conn = self.first.conn.cursor()
        else:
            store = open_store(self.target, read_only=True)
            self._prepare(store)
        return store

    def _borrow(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if len(self._made) < self.size:
                store = self._new()
                self._made.append(store)
                return store
        try:
            return self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(f"{self.url}: the store is busy; no connection was free within {self.timeout:g} s") from None

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A connection for the length of one request; its queries are stopped after ``timeout`` seconds."""
        store = self._borrow()
        fired = threading.Event()
        timer = None
        if self.duckdb:
            conn = store.conn

            def stop() -> None:
                fired.set()
                conn.interrupt()

            timer = threading.Timer(self.timeout, stop)
            timer.daemon = True
            timer.start()
        try:
            yield store
        except errors.StoreError as exc:
            if fired.is_set() or _cancelled(exc):
                raise QueryTimeout(f"the query took longer than {self.timeout:g} s and was stopped; "
                                   "narrow the filters (actor, dates, code)") from exc
            raise
        finally:
            if timer is not None:
                timer.cancel()
            self._idle.put(store)

    @contextmanager
    def events(self) -> Iterator[Store | EventSnapshot]:
        """What pages of events are read from (:mod:`parley.store.browse` takes either): the snapshot when
        the store has one, without taking a connection; else a connection, as :meth:`reading` lends it."""
        if self.snapshot is not None:
            yield self.snapshot
            return
        with self.reading() as store:
            yield store

    @contextmanager
    def timelines(self) -> Iterator[Store | DyadSummary]:
        """What dyad timelines are read from: the summary when the store has one, else a connection."""
        if self.summary is not None:
            yield self.summary
            return
        with self.reading() as store:
            yield store

    def close(self) -> None:
        with self._lock:
            for store in self._made:
                store.close()
            self._made.clear()


def _cancelled(exc: BaseException) -> bool:
    """Whether PostgreSQL cancelled the statement for running past ``statement_timeout``."""
    cause = exc.__cause__
    return type(cause).__name__ == "QueryCanceled"


__all__ = ["QueryTimeout", "Readers"]
