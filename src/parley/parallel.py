"""Coding on several local processes: workers are forked from a parent that has already loaded the model,
the dictionaries and the trained layer, so a worker starts at once and shares the parent's memory pages
until it writes to them; each codes whole batches (parse and coding), so the coder itself runs in parallel,
not only spaCy's parser.

Where ``fork`` is not available (Windows, macOS's default), workers are spawned and each builds its own coder.
For corpora that outgrow one machine, see the distributed runner; this is the single-machine path used by
``parley code --processes N`` and ``parley bench``.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from parley.model import CodedDocument, Document, Failure
from parley.pipeline import Coder, Options

#: the coder a worker uses: set in the parent before forking (inherited), or built by ``_init`` when spawned
_coder: Coder | None = None


def _init(options: Options) -> None:
    global _coder
    _coder = Coder(options)


def _code_batch(batch: list[Document | Failure]) -> list[CodedDocument | Failure]:
    assert _coder is not None
    return list(_coder.pipe_items(batch))


def _batches(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


#: the tail of a stream is cut into this many tasks per worker
TAIL_PIECES = 4


def _tasks(items: Iterable[Document | Failure], size: int, processes: int) -> Iterator[list[Document | Failure]]:
    """Batches of ``size`` items for the workers, the last ``processes`` of them cut into smaller pieces, so
    that the workers finish together: with whole batches, 5 batches on 2 workers leave one idle for the last
    (at most 5/3 = 1.67 times one process)."""
    held: deque[list[Document | Failure]] = deque()
    for batch in _batches(items, size):
        held.append(batch)
        if len(held) > processes:
            yield held.popleft()
    tail = [item for batch in held for item in batch]
    piece = max(1, -(-len(tail) // (processes * TAIL_PIECES)))
    for start in range(0, len(tail), piece):
        yield tail[start:start + piece]


def pipe_items(items: Iterable[Document | Failure], processes: int, options: Options | None = None,
               coder: Coder | None = None) -> Iterator[CodedDocument | Failure]:
    """Code items on ``processes`` workers, in input order; a bad item becomes a Failure as in one process.

    ``coder``: an already loaded coder to fork the workers from (built here from ``options`` when None)."""
    global _coder
    options = coder.options if coder is not None else (options or Options())
    if processes <= 1:
        yield from (coder or Coder(options)).pipe_items(items)
        return
    if "fork" in mp.get_all_start_methods():
        _coder = coder or Coder(options)  # loaded once, here; the forked workers inherit it
        # the loaded model, dictionaries and gazetteer out of the collector's reach: a collection in a worker
        # would otherwise write to every object's header and copy the parent's pages it shares
        gc.collect()
        gc.freeze()
        pool = mp.get_context("fork").Pool(processes)
    else:
        pool = mp.get_context("spawn").Pool(processes, initializer=_init, initargs=(options,))
    try:
        with pool:
            for result in pool.imap(_code_batch, _tasks(items, options.batch_size, processes)):
                yield from result
    finally:
        gc.unfreeze()  # the caller's objects are the collector's again once the workers are gone
