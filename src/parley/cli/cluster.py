"""``--cluster`` for ``parley code`` and ``parley ingest``: the same commands on a Dask cluster (parley.dask).

The command modules keep their own loops; this module only opens the cluster, runs the distributed form of
the work and turns its errors into messages and exit codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from parley import errors
from parley.model import CodedDocument, Document, Failure

if TYPE_CHECKING:
    from parley.pipeline import Options
    from parley.store import IngestStats

err = Console(stderr=True, highlight=False, soft_wrap=True)

ClusterOption = Annotated[str | None, typer.Option(
    "--cluster", metavar="local:N|tcp://HOST:PORT",
    help="Code on Dask: N worker processes here (local:N), or the scheduler at tcp://HOST:PORT (docs/dask.md).")]
PartitionOption = Annotated[int, typer.Option(
    "--partition-size", min=1, metavar="N", help="With --cluster: documents per Dask task.")]
DEFAULT_PARTITION_SIZE = 32  # parley.dask.runner.DEFAULT_PARTITION_SIZE, without importing Dask for --help

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _usage(exc: errors.ParleyError) -> typer.Exit:
    err.print(f"[red]error:[/] {exc}")
    return typer.Exit(EXIT_USAGE)


def coded(items: Iterable[Document | Failure], options: Options, cluster: str,
          partition_size: int) -> Iterator[CodedDocument | Failure]:
    """``parley code --cluster``: the coded documents and failures in input order, as one process gives them."""
    from parley import dask

    try:
        with dask.connect(cluster) as client:
            yield from dask.code(client, items, options, partition_size=partition_size)
    except errors.ParleyError as exc:
        raise _usage(exc) from None


def parquet(items: Iterable[Document | Failure], options: Options, cluster: str, out: Path | None,
            partition_size: int) -> None:
    """``parley code --format parquet --out DIR``: the workers write DIR/{documents,events,quotes}/."""
    from parley import dask

    if out is None:
        raise _usage(errors.ConfigError("--format parquet needs --out DIR, a folder every worker can write"))
    documents = events = failed = 0
    try:
        with dask.connect(cluster) as client:
            for result in dask.to_parquet(client, items, out, options, partition_size=partition_size):
                for f in [result] if isinstance(result, Failure) else result.failures:
                    failed += 1
                    err.print(f"[red]skipped[/] {f.item}: {f.code}: {f.message}")
                if not isinstance(result, Failure):
                    documents += result.coded
                    events += result.events
    except errors.ParleyError as exc:
        raise _usage(exc) from None
    err.print(f"{documents} document(s) coded ({events} events), {failed} failed, written to {out}/documents, "
              f"{out}/events and {out}/quotes")
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def ingest(items: Iterable[Document | Failure], options: Options, cluster: str, db: str, batch_size: int,
           partition_size: int, on_failure: Callable[[Failure], None],
           on_batch: Callable[[IngestStats], None]) -> IngestStats:
    """``parley ingest --cluster``: PostgreSQL written by the workers, DuckDB by this process."""
    from parley import dask

    try:
        with dask.connect(cluster) as client:
            return dask.ingest(client, items, db, options, batch_size=batch_size, partition_size=partition_size,
                               on_failure=on_failure, on_batch=on_batch)
    except errors.ParleyError as exc:
        raise _usage(exc) from None


__all__ = ["ClusterOption", "DEFAULT_PARTITION_SIZE", "PartitionOption", "coded", "ingest", "parquet"]
