"""The client side of a cluster run: connect, cut the input into partitions, keep a bounded number of them in
flight, and take the results back in input order.

The client reads the input (any reader parley has: files, folders, JSON Lines, feeds, stdin, URLs) as a
stream and submits partitions as it goes, never more than ``window`` at a time, so its memory stays flat
however long the input. Results are taken in submission order, which is input order.

Faults: when a worker dies, Dask's scheduler runs its partitions again on another worker (up to
``distributed.scheduler.allowed-failures`` times). A partition that still kills its workers holds a document
that kills them: it is run again one document a time, so that document is reported (E900) and the others are
coded. Each task can run twice without harm (see :mod:`parley.dask.worker`), so nothing is lost or doubled.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from parley import errors
from parley.model import Document, Failure

Item = Document | Failure

DEFAULT_PARTITION_SIZE = 32
"""Documents per partition: a few seconds of coding, against a few milliseconds of scheduling."""


def parse_address(address: str) -> int | str:
    """``local:N`` (N worker processes on this machine) as N; ``tcp://HOST:PORT`` (or another scheme Dask
    speaks, ``tls://``, ``ucx://``) as itself; anything else is a ConfigError."""
    if address.startswith("local:"):
        n = address.removeprefix("local:")
        if not n.isdigit() or int(n) < 1:
            raise errors.ConfigError(f"--cluster {address!r}: local:N needs a number of workers N >= 1")
        return int(n)
    if "://" in address and address.split("://", 1)[1]:
        return address
    raise errors.ConfigError(f"--cluster {address!r}: give local:N (N worker processes here) or the "
                             "scheduler's address, tcp://HOST:PORT")


@contextlib.contextmanager
def connect(address: str, *, memory_limit: str = "auto") -> Iterator[Any]:
    """A ``distributed.Client``: on a LocalCluster of N single-threaded worker processes started here for
    ``local:N`` (closed afterwards), or on the running scheduler at ``tcp://HOST:PORT``."""
    from distributed import Client, LocalCluster

    where = parse_address(address)
    if isinstance(where, int):
        with LocalCluster(n_workers=where, threads_per_worker=1, processes=True, dashboard_address=":0",
                          silence_logs=logging.ERROR, memory_limit=memory_limit) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(where, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise errors.ConfigError(f"cannot reach the Dask scheduler at {where} ({exc})") from None
    with client:
        yield client


def load_coders(client: Any, options: Any) -> None:
    """Every worker (and every worker that joins or restarts later) loads the coder for ``options`` once."""
    from parley.dask.worker import CoderPlugin

    try:
        client.register_plugin(CoderPlugin(options))
    except errors.ParleyError:
        raise
    except Exception as exc:  # what a worker raised while loading, sent back by Dask
        raise errors.ConfigError(f"the workers could not load the coder: {exc}") from exc
    if not client.scheduler_info().get("workers"):
        raise errors.ConfigError("the Dask cluster has no workers yet; start some with `dask worker ADDRESS`")


def partitions(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def name_of(item: Item) -> str:
    return item.item if isinstance(item, Failure) else item.url or item.id


def stream(client: Any, chunks: Iterable[list[Item]], task: Callable[..., Any], *args: Any,
           window: int | None = None) -> Iterator[tuple[list[Item], Any]]:
    """Run ``task(chunk, *args, part=(index, sub))`` on the cluster for each chunk and yield ``(chunk,
    result)`` in input order, with at most ``window`` partitions in flight (default: four per worker thread).

    A partition whose workers kept dying is split: each document runs alone (``sub`` 1, 2...; the first
    with ``fresh=True``); one whose worker died again runs once more with nothing beside it, and a document
    that still kills its worker is yielded as ``([item], Failure)``.
    Any other exception a task raises stops the run (a store that cannot be written, a full disk)."""
    if window is None:
        window = max(4, 4 * sum(client.nthreads().values()))
    pending: deque[tuple[int, list[Item], Any]] = deque()
    try:
        for index, chunk in enumerate(chunks):
            pending.append((index, chunk, client.submit(task, chunk, *args, part=(index, 0), pure=False)))
            while len(pending) >= window:
                yield from _collect(client, task, args, *pending.popleft())
        while pending:
            yield from _collect(client, task, args, *pending.popleft())
    finally:
        for _, _, future in pending:
            future.cancel()


def _collect(client: Any, task: Callable[..., Any], args: tuple[Any, ...], index: int, chunk: list[Item],
             future: Any) -> Iterator[tuple[list[Item], Any]]:
    from distributed import KilledWorker

    try:
        result = future.result()
    except KilledWorker:
        pass
    else:
        yield chunk, result
        return
    finally:
        future.release()
    if len(chunk) == 1:
        # a one-document partition charged with a death while it ran beside others: alone before called guilty
        item = chunk[0]
        yield chunk, item if isinstance(item, Failure) else _alone(client, task, args, index, 1, item)
        return
    subs = []
    for sub, item in enumerate(chunk, 1):
        if isinstance(item, Failure):
            subs.append((item, None))
        else:
            subs.append((item, client.submit(task, [item], *args, part=(index, sub), fresh=not any(f for _, f in subs),
                                             pure=False)))
    results: list[Any] = []
    for sub, (item, f) in enumerate(subs, 1):
        if f is None:
            results.append(item)
            continue
        try:
            results.append(f.result())
        except KilledWorker:
            # run side by side, a document can be charged with the death of a worker another one killed (the
            # scheduler counts every task a dying worker held): run it again alone before calling it guilty
            results.append(_alone(client, task, args, index, sub, item))
        finally:
            f.release()
    for (item, _), result in zip(subs, results):
        yield [item], result


def _alone(client: Any, task: Callable[..., Any], args: tuple[Any, ...], index: int, sub: int, item: Item) -> Any:
    """The result of coding ``item`` in a task of its own, or its failure when that too kills its worker."""
    from distributed import KilledWorker

    alone = client.submit(task, [item], *args, part=(index, sub), fresh=True, pure=False)
    try:
        return alone.result()
    except KilledWorker:
        return _killed(item)
    finally:
        alone.release()


def _killed(item: Item) -> Failure:
    if isinstance(item, Failure):
        return item
    return Failure(name_of(item), errors.InternalError.code,
                   "the Dask workers coding this document died every time it was tried (out of memory, or a "
                   "crash in a compiled library); the rest of its partition was coded")


__all__ = ["DEFAULT_PARTITION_SIZE", "connect", "load_coders", "name_of", "parse_address", "partitions", "stream"]
