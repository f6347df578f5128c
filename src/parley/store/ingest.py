"""Code documents and store them, batch by batch: idempotent (a document stored by the same coder is
skipped), resumable (an interrupted ingest starts again where it stopped) and never half a document.

The coder comes in from the caller; this module imports neither spaCy nor the coder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from parley import __version__, errors
from parley.lexicon import user_dirs
from parley.model import CodedDocument, Document, Failure
from parley.store.base import Store


DATA_FOLDERS = ("actors", "patterns", "ontology", "lexicon", "models")
"""The folders of parley/data whose files change what is coded: dictionaries, patterns, code tables, word
classes and the trained layer."""


def coder_version(dictionaries: Sequence[str] = (), pattern_files: Sequence[str] = (), *,
                  model_path: str | None = None, use_model: bool = True) -> str:
    """A fingerprint of what codes documents: parley's version, every file in the data folders (DATA_FOLDERS),
    the user's dictionary and pattern files and word lists (the folders of ``PARLEY_LEXICON``) and, when the
    trained layer is used, the packaged model or ``model_path``. Any change means stored documents are coded
    again by ``ingest``."""
    h = hashlib.sha256(__version__.encode())
    data = resources.files("parley") / "data"
    for sub in DATA_FOLDERS:
        if sub == "models" and not use_model:
            continue
        for name, content in _files(data / sub, sub):
            h.update(name.encode())
            h.update(content)
    for path in (*dictionaries, *pattern_files):
        h.update(Path(path).read_bytes())
    for folder in user_dirs():
        for name, content in _files(folder, "lexicon"):
            h.update(name.encode())
            h.update(content)
    if use_model and model_path:
        for name, content in _files(Path(model_path), "model"):
            h.update(name.encode())
            h.update(content)
    return f"{__version__}+{h.hexdigest()[:12]}"


def _files(folder: Traversable, prefix: str) -> Iterator[tuple[str, bytes]]:
    """Every file under ``folder`` (a file itself when it is one), by sorted relative name; caches and hidden
    files left out. A folder that does not exist has none."""
    if folder.is_file():
        yield prefix, folder.read_bytes()
        return
    if not folder.is_dir():
        return
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if f.name.startswith(".") or f.name == "__pycache__" or f.name.endswith(".pyc"):
            continue
        yield from _files(f, f"{prefix}/{f.name}")


@dataclass
class IngestStats:
    read: int = 0
    coded: int = 0  # coded and stored, ``updated`` included
    skipped: int = 0  # already stored with this coder version and the same metadata
    failed: int = 0
    events: int = 0
    batches: int = 0
    updated: int = 0  # stored before, recoded and replaced: new title, url, source or date, or a new coder


def metadata_changed(doc: Document, stored: tuple[Any, ...]) -> bool:
    """Whether ``doc`` brings a title, url, source or publication date other than the stored one. A field the
    document does not give (None) keeps the stored value: ingesting again without ``--published`` never
    removes a date stored before."""
    given = (doc.title, doc.url, doc.source, doc.published)
    return any(new is not None and new != old for new, old in zip(given, stored))


def plan(store: Store, docs: Sequence[Document], version: str,
         seen: set[str] | None = None) -> tuple[list[Document], set[str], int]:
    """Which of ``docs`` to code: (to code, the ids among them stored before and to be replaced, how many
    skipped). Skipped: stored by the same coder with the same metadata, or an id met before in this batch (or
    in ``seen``, ids the caller has in flight); ids to code are added to ``seen``. Replaced: stored before with
    other metadata, or by another coder version (a dictionary, pattern or model changed)."""
    stored = store.stored_metadata([d.id for d in docs], version)
    seen = set() if seen is None else seen
    todo, skipped = [], 0
    for d in docs:
        if d.id in seen or (d.id in stored and not metadata_changed(d, stored[d.id])):
            skipped += 1
        else:
            seen.add(d.id)
            todo.append(d)
    by_other_coder = store.stored_ids([d.id for d in todo if d.id not in stored], None)
    return todo, {d.id for d in todo if d.id in stored} | by_other_coder, skipped


def ingest(store: Store, items: Iterable[Document | Failure], coder: Any, *, batch_size: int = 64,
           version: str | None = None, on_failure: Callable[[Failure], None] | None = None,
           on_batch: Callable[[IngestStats], None] | None = None) -> IngestStats:
    """Code and store documents batch by batch; documents already stored by the same coder are skipped, unless
    they come with a new title, url, source or publication date (say ``--published`` on a second run): then
    they are recoded (relative dates depend on the publication date) and replaced, counted in ``updated``.

    ``coder`` is a :class:`parley.pipeline.Coder` (anything with ``options`` and ``pipe_items``).
    """
    options = coder.options
    version = version or coder_version(options.dictionaries, options.pattern_files,
                                       model_path=getattr(options, "model_path", None),
                                       use_model=getattr(options, "use_model", True))
    stats = IngestStats()
    pending: list[Document | Failure] = []

    def flush() -> None:
        docs = [x for x in pending if isinstance(x, Document)]
        for x in pending:
            if isinstance(x, Failure):
                stats.failed += 1
                if on_failure:
                    on_failure(x)
        todo, updated, skipped = plan(store, docs, version)
        stats.skipped += skipped
        coded = []
        for item in coder.pipe_items(todo):
            if isinstance(item, Failure):
                stats.failed += 1
                if on_failure:
                    on_failure(item)
            else:
                coded.append(item)
        coded = _write(store, coded, version, stats, on_failure)
        stats.coded += len(coded)
        stats.updated += sum(1 for c in coded if c.document.id in updated)
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


def _write(store: Store, coded: list[CodedDocument], version: str, stats: IngestStats,
           on_failure: Callable[[Failure], None] | None) -> list[CodedDocument]:
    """Store a batch in one transaction; if the store refuses it, each document in a transaction of its own, so
    that a document the store cannot hold is one Failure (E005) and the others are stored. When none of them
    can be stored (a batch of one included) the store itself may be at fault (gone, full): its error stops the
    ingest. Returns what was stored."""
    try:
        store.write_batch(coded, version)
        return coded
    except errors.StoreError as batch_error:
        if len(coded) < 2:
            raise
        kept, failed = [], []
        for c in coded:
            try:
                store.write_batch([c], version)
                kept.append(c)
            except errors.StoreError as exc:
                failed.append(Failure(c.document.url or c.document.id, exc.code, exc.message))
        if not kept:
            raise batch_error from None
    for failure in failed:
        stats.failed += 1
        if on_failure:
            on_failure(failure)
    return kept


__all__ = ["IngestStats", "coder_version", "ingest", "metadata_changed", "plan"]
