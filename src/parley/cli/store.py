"""`parley ingest`, `parley export` and `parley query`: the store from the command line."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from parley import errors
from parley.cli.app import app
from parley.cli.cluster import DEFAULT_PARTITION_SIZE, ClusterOption, PartitionOption
from parley.cli.code import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    DictOption,
    FollowLinksOption,
    InputsArgument,
    MaxBytesOption,
    MaxCharsOption,
    PatternsOption,
    PublishedOption,
    RetriesOption,
    TimeoutOption,
    build_coder,
    coder_options,
    parse_date_option,
)
from parley.cli.progress import progress

err = Console(stderr=True, highlight=False, soft_wrap=True)
DbOption = Annotated[str, typer.Option("--db", metavar="DB", help="DuckDB file, or a postgresql:// URL.")]
FromOption = Annotated[str | None, typer.Option("--from", metavar="YYYY-MM-DD", help="First event date.")]
ToOption = Annotated[str | None, typer.Option("--to", metavar="YYYY-MM-DD", help="Last event date.")]
ActorA = Annotated[str, typer.Argument(metavar="A", help="First actor: a CAMEO code prefix (RUS, RUSGOV).")]
ActorB = Annotated[str, typer.Argument(metavar="B", help="Second actor: a CAMEO code prefix (UKR, UKRMIL).")]
query_app = typer.Typer(help="Common questions without SQL: dyad timelines, top actors, counts, the say-do "
                             "gap, what someone said.",
                        short_help="Dyad timelines, top actors, counts, the say-do gap, quotes, without SQL.")
app.add_typer(query_app, name="query")


def _open(db: str, create: bool = False):  # type: ignore[no-untyped-def]
    """The store at ``db``; only ``ingest`` creates one, reading a store that does not exist is an error."""
    from parley.store import open_store

    try:
        return open_store(db, create=create)
    except errors.ParleyError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None


@app.command("ingest", short_help="Code documents and store them (DuckDB or PostgreSQL); safe to run again.")
def ingest_command(
    inputs: InputsArgument,
    db: DbOption = "parley.duckdb",
    published: PublishedOption = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, metavar="N", help="Documents per transaction.")] = 64,
    max_bytes: MaxBytesOption = None,
    max_chars: MaxCharsOption = None,
    dictionary: DictOption = None,
    patterns: PatternsOption = None,
    timeout: TimeoutOption = 10.0,
    retries: RetriesOption = 2,
    follow_links: FollowLinksOption = False,
    cluster: ClusterOption = None,
    partition_size: PartitionOption = DEFAULT_PARTITION_SIZE,
) -> None:
    """Code documents and store them. Safe to run again: stored documents are skipped, or recoded and
    replaced when the dictionaries changed or they come with a new title, url, source or publication date
    (--published); each batch is one transaction.

    With --cluster, coded on Dask: PostgreSQL is written by the workers (batch by batch), DuckDB by this
    process from the workers' results (a partition a transaction).

    Exit codes: 0 all coded and stored; 1 some items failed (reported on stderr); 2 usage or store error.
    """
    from parley.read import DEFAULT_MAX_BYTES, iter_documents
    from parley.store import ingest

    when = parse_date_option(published)
    coder = None if cluster else build_coder(max_chars, dictionary, patterns)
    store = _open(db, create=True)
    if store.created:
        err.print(f"created a new store in {_where(db)}")
    if cluster:
        store.close()  # parley.dask opens it again: the workers write PostgreSQL, this process DuckDB
    items = iter_documents(inputs, published=when, max_bytes=max_bytes or DEFAULT_MAX_BYTES, timeout=timeout,
                           retries=retries, follow_links=follow_links)

    def on_failure(item) -> None:  # type: ignore[no-untyped-def]
        err.print(f"[red]skipped[/] {item.item}: {item.code}: {item.message}")

    def on_batch(stats) -> None:  # type: ignore[no-untyped-def]
        tally.update(stats.coded + stats.skipped + stats.failed, stats.failed)
        err.print(f"committed batch {stats.batches}: {stats.coded} stored ({stats.updated} updated), "
                  f"{stats.skipped} already stored, {stats.failed} failed")

    try:
        with progress(err, "ingesting") as tally:  # on stderr while it is a terminal, a batch at a time
            if cluster:
                from parley.cli import cluster as on_cluster

                stats = on_cluster.ingest(items, coder_options(max_chars, dictionary, patterns), cluster, db,
                                          batch_size, partition_size, on_failure, on_batch)
            else:
                stats = ingest(store, items, coder, batch_size=batch_size, on_failure=on_failure,
                               on_batch=on_batch)
    except errors.ParleyError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        store.close()
    if stats.updated:
        err.print(f"{stats.updated} stored document(s) recoded and replaced: they came with a new title, "
                  "url, source or publication date, or the coder changed since they were stored (parley, its "
                  "dictionaries, patterns or model, --dict or --patterns files)")
    if stats.skipped:
        err.print(f"{stats.skipped} document(s) skipped: stored before by this coder with the same title, url, "
                  "source and publication date (--published only dates documents that carry no date)")
    err.print(f"{stats.read} read, {stats.coded} coded and stored ({stats.events} events), "
              f"{stats.skipped} already stored, {stats.failed} failed, in {_where(db)}")
    raise typer.Exit(EXIT_SOME_FAILED if stats.failed else EXIT_OK)


def _where(db: str) -> str:
    """The store as a message names it: the DuckDB file, or just PostgreSQL (a URL may hold a password)."""
    return "PostgreSQL" if db.startswith("postgres") else db


def _filters(date_from: str | None, date_to: str | None, actors: list[str] | None, occurred: bool = False):  # type: ignore[no-untyped-def]
    from parley.store import Filters

    return Filters(parse_date_option(date_from), parse_date_option(date_to), tuple(actors or ()), occurred)


class ExportFormat(str, Enum):
    gdelt = "gdelt"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command("export", short_help="Export stored events as GDELT 2.0 rows, JSON Lines, CSV or Parquet.")
def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="gdelt (GDELT 2.0 event table), jsonl, csv, parquet.")],
    db: DbOption = "parley.duckdb",
    out: Annotated[Path | None, typer.Option(
        metavar="FILE", help="Output file (default: stdout; parquet needs a file).")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    actor: Annotated[list[str] | None, typer.Option(
        "--actor", metavar="CODE", help="Actor code prefix on either side (repeatable).")] = None,
    aggregate: Annotated[bool, typer.Option("--aggregate", help="One row per event across articles (gdelt always).")] = False,
    occurred: Annotated[bool, typer.Option("--occurred", help="Only events that occurred (no hypothetical, negated...).")] = False,
    quotes: Annotated[bool, typer.Option("--quotes", help="Export the stored quotations (speaker mention, name, code, "
                                         "text) instead of events; --actor selects speaker codes.")] = False,
) -> None:
    """Export stored events, or with --quotes the stored quotations. The gdelt format has GDELT 2.0's 61 columns
    in GDELT's order (docs/store.md)."""
    from parley.export import export

    store = _open(db)
    try:
        n = export(store, fmt.value, out, _filters(date_from, date_to, actor, occurred), aggregate, stream=sys.stdout,
                   quotes=quotes)
    except errors.ParleyError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        store.close()
    err.print(f"{n} row(s) exported" + (f" to {out}" if out else ""))


class Output(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _print(result, output: Output, title: str) -> None:  # type: ignore[no-untyped-def]
    from parley.store import to_jsonable

    cols, rows = result
    if output is Output.json:
        for r in rows:
            print(json.dumps({c: to_jsonable(v) for c, v in zip(cols, r)}, ensure_ascii=False))
        return
    if output is Output.csv:
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(cols)
        for r in rows:
            w.writerow([to_jsonable(v) for v in r])
        return
    if not rows:
        err.print(f"{title}: no {'quotes' if title.startswith('quotes') else 'events'}")
        return
    table = Table(title=title)
    for c in cols:
        table.add_column(c)
    for r in rows:  # events whose date is unknown fall in no period: say so rather than leave it blank
        table.add_row(*(("undated" if c == "period" else "") if v is None else str(to_jsonable(v))
                        for c, v in zip(cols, r)))
    Console(highlight=False).print(table)


OutputOption = Annotated[Output, typer.Option("--format", help="table, csv or json (one object a line).")]
ByOption = Annotated[str, typer.Option("--by", metavar="PERIOD", help="day, week, month or year.")]


def _run(fn, output: Output, title: str, db: str, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    store = _open(db)
    try:
        _print(fn(store, *args, **kwargs), output, title)
    except errors.ParleyError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        store.close()


@query_app.command("dyad", short_help="Events between two actors per period and CAMEO root.")
def dyad_command(a: ActorA, b: ActorB, db: DbOption = "parley.duckdb", by: ByOption = "week",
                 one_way: Annotated[bool, typer.Option("--one-way", help="Only events from A to B.")] = False,
                 date_from: FromOption = None,
                 date_to: ToOption = None,
                 output: OutputOption = Output.table) -> None:
    """Events between two actors (code prefixes) per period and CAMEO root."""
    from parley.store import query

    _run(query.dyad, output, f"{a} <-> {b}", db, a, b, by, not one_way, _filters(date_from, date_to, None))


@query_app.command("top-actors", short_help="The actors in the most events.")
def top_actors_command(db: DbOption = "parley.duckdb",
                       n: Annotated[int, typer.Option(
                           "-n", min=1, metavar="N", help="How many actors to list.")] = 20,
                       date_from: FromOption = None,
                       date_to: ToOption = None,
                       output: OutputOption = Output.table) -> None:
    """The actors in the most events (as source or target)."""
    from parley.store import query

    _run(query.top_actors, output, "top actors", db, n, _filters(date_from, date_to, None))


@query_app.command("counts", short_help="Events per period by quad class and CAMEO root.")
def counts_command(db: DbOption = "parley.duckdb", by: ByOption = "week",
                   actor: Annotated[list[str] | None, typer.Option(
                       "--actor", metavar="CODE",
                       help="Only events with this actor code prefix (repeatable).")] = None,
                   date_from: FromOption = None,
                   date_to: ToOption = None,
                   output: OutputOption = Output.table) -> None:
    """Events per period by quad class and CAMEO root."""
    from parley.store import query

    _run(query.counts, output, f"events per {by}", db, by, _filters(date_from, date_to, actor))


@query_app.command("say-do", short_help="What A says to B against what it does, per period.")
def say_do_command(a: ActorA, b: ActorB, db: DbOption = "parley.duckdb", by: ByOption = "month",
                   date_from: FromOption = None,
                   date_to: ToOption = None,
                   output: OutputOption = Output.table) -> None:
    """Verbal cooperation against material conflict by A toward B, per period."""
    from parley.store import query

    _run(query.say_do, output, f"say-do gap {a} -> {b}", db, a, b, by, _filters(date_from, date_to, None))


@query_app.command("quotes", short_help="What someone said: stored quotes by speaker name or code.")
def quotes_command(db: DbOption = "parley.duckdb",
                   speaker: Annotated[str | None, typer.Option(
                       "--speaker", metavar="NAME|CODE",
                       help="An actor code prefix (RUSGOV) or words of the speaker's name or mention "
                            "(Peskov, \"senior official\").")] = None,
                   date_from: Annotated[str | None, typer.Option(
                       "--from", metavar="YYYY-MM-DD", help="First publication date.")] = None,
                   date_to: Annotated[str | None, typer.Option(
                       "--to", metavar="YYYY-MM-DD", help="Last publication date.")] = None,
                   output: OutputOption = Output.table) -> None:
    """Stored quotations, each with its speaker as the text names it, the speaker's name and code (when the
    actor dictionaries resolve it), the kind (direct, indirect, according-to) and the words."""
    from parley.store import query

    _run(query.quotes, output, f"quotes by {speaker}" if speaker else "quotes", db, speaker,
         _filters(date_from, date_to, None))
