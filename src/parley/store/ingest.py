"""Code documents and store them, batch by batch: idempotent (a document stored by the same coder is
skipped), resumable (an interrupted ingest starts again where it stopped) and never half a document.

The coder comes in from the caller; this module imports neither spaCy nor the coder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from parley import __version__
from parley.model import Document, Failure
from parley.store.base import Store


def coder_version(dictionaries: Sequence[str] = (), pattern_files: Sequence[str] = ()) -> str:
    """A fingerprint of what codes documents: parley's version and every dictionary and pattern file."""
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


@dataclass
class IngestStats:
    read: int = 0
    coded: int = 0
    skipped: int = 0  # already stored with this coder version
    failed: int = 0
    events: int = 0
    batches: int = 0


def ingest(store: Store, items: Iterable[Document | Failure], coder: Any, *, batch_size: int = 64,
           version: str | None = None, on_failure: Callable[[Failure], None] | None = None,
           on_batch: Callable[[IngestStats], None] | None = None) -> IngestStats:
    """Code and store documents batch by batch; documents already stored by the same coder are skipped.

    ``coder`` is a :class:`parley.pipeline.Coder` (anything with ``options`` and ``pipe_items``).
    """
    version = version or coder_version(coder.options.dictionaries, coder.options.pattern_files)
    stats = IngestStats()
    pending: list[Document | Failure] = []

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


__all__ = ["IngestStats", "coder_version", "ingest"]
