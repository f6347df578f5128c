"""Coding on several local processes: each worker loads its own model and dictionaries once and codes whole
batches (parse and coding), so the coder itself runs in parallel, not only spaCy's parser.

For corpora that outgrow one machine, see the distributed runner; this is the single-machine path used by
``parley code --processes N`` and ``parley bench``.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from parley.model import CodedDocument, Document, Failure
from parley.pipeline import Coder, Options

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


def pipe_items(items: Iterable[Document | Failure], processes: int, options: Options | None = None) -> Iterator[CodedDocument | Failure]:
    """Code items on ``processes`` workers, in input order; a bad item becomes a Failure as in one process."""
    options = options or Options()
    if processes <= 1:
        yield from Coder(options).pipe_items(items)
        return
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    with ctx.Pool(processes, initializer=_init, initargs=(options,)) as pool:
        for result in pool.imap(_code_batch, _batches(items, options.batch_size)):
            yield from result
