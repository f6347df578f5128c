"""Coding on forked workers gives what one process gives, in input order, failures included."""

from __future__ import annotations

import datetime as dt

from parley import parallel
from parley.model import CodedDocument, Document, Failure

TEXTS = [
    "Japan pledged aid to the Philippines on Monday.",
    "Turkey condemned Sweden over the vote.",
    "",  # no text: a failure, in its place
    "Brazil signed a trade deal with Argentina in Brasilia.",
    "Kenya expelled two Ugandan diplomats, the ministry said.",
    "Poland urged Belarus to release the detained journalists.",
    "Canada sent aid to Haiti after the storm.",
]


def _documents() -> list[Document | Failure]:
    items: list[Document | Failure] = [Document(text=t, id=f"d{i}", published=dt.date(2024, 3, 6))
                                       for i, t in enumerate(TEXTS)]
    items.insert(1, Failure("unreadable.html", "E001", "could not read"))
    return items


def test_two_forked_workers_code_as_one_process(coder):
    from dataclasses import replace

    small = replace(coder.options, batch_size=2)  # several batches, so both workers get work
    from parley.pipeline import Coder

    one_coder = Coder(small)
    one = list(one_coder.pipe_items(_documents()))
    two = list(parallel.pipe_items(_documents(), 2, coder=one_coder))
    assert [type(x) for x in two] == [type(x) for x in one]
    assert [x.to_json() if isinstance(x, CodedDocument) else x for x in two] == \
        [x.to_json() if isinstance(x, CodedDocument) else x for x in one]
    assert isinstance(two[1], Failure) and isinstance(two[3], Failure)  # the read failure and the empty text
    assert sum(len(x.events) for x in two if isinstance(x, CodedDocument)) >= 5


def test_the_tail_of_a_stream_is_cut_into_small_tasks_so_the_workers_finish_together():
    items = list(range(150))
    tasks = list(parallel._tasks(items, 32, 2))
    assert [x for task in tasks for x in task] == items  # every item once, in order
    assert [len(t) for t in tasks[:3]] == [32, 32, 32]  # whole batches while more follow
    assert max(len(t) for t in tasks[3:]) == 7  # the last two batches (54 items) in eight pieces
    assert list(parallel._tasks([], 32, 2)) == []
    assert list(parallel._tasks([1, 2], 32, 2)) == [[1], [2]]
