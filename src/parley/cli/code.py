"""`parley code` and `parley explain`."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.table import Table

from parley import errors
from parley.cli.app import app
from parley.cli.cluster import DEFAULT_PARTITION_SIZE, ClusterOption, PartitionOption
from parley.cli.progress import progress, showing
from parley.model import CodedDocument, Failure

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2

err = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"
    wide = "wide"
    parquet = "parquet"


def parse_date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        err.print(f"[red]error:[/] --published {value!r} is not a date in the form YYYY-MM-DD")
        raise typer.Exit(EXIT_USAGE) from None


def coder_options(max_chars: int | None, dictionaries: list[Path] | None, patterns: list[Path] | None,  # type: ignore[no-untyped-def]
                  no_model: bool = False):
    """The coder's Options from the command's options (without loading anything)."""
    from parley.pipeline import DEFAULT_MAX_CHARS, Options

    return Options(
        max_chars=max_chars or DEFAULT_MAX_CHARS,
        dictionaries=tuple(str(p) for p in dictionaries or ()),
        pattern_files=tuple(str(p) for p in patterns or ()),
        use_model=not no_model,
    )


def build_coder(max_chars: int | None, dictionaries: list[Path] | None, patterns: list[Path] | None,  # type: ignore[no-untyped-def]
                no_model: bool = False):
    from parley.pipeline import default_coder

    options = coder_options(max_chars, dictionaries, patterns, no_model)
    try:
        return default_coder(options)
    except errors.ParleyError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None


NoModelOption = Annotated[bool, typer.Option(
    "--no-model", help="Rules only: leave out the trained event layer (parley.learn).")]

#: options for reading web pages and feeds, shared by ``code`` and ``ingest``
TimeoutOption = Annotated[float, typer.Option(
    min=0.001, metavar="SECONDS", help="Seconds to wait for a URL to connect or send data.")]
RetriesOption = Annotated[int, typer.Option(
    min=0, metavar="N", help="Retries of a URL after connection errors, timeouts, 5xx, 429.")]
#: options shared by ``code`` and ``ingest``
PublishedOption = Annotated[str | None, typer.Option(
    metavar="YYYY-MM-DD", help="Publication date for inputs that carry none.")]
MaxBytesOption = Annotated[int | None, typer.Option(
    min=1, metavar="BYTES",
    help="Refuse input files larger than this many bytes (in JSON Lines: each line, one document).")]
MaxCharsOption = Annotated[int | None, typer.Option(
    min=1, metavar="CHARS", help="Refuse documents longer than this many characters.")]
DictOption = Annotated[list[Path] | None, typer.Option(
    "--dict", metavar="FILE", help="Extra actor dictionary file (repeatable).")]
PatternsOption = Annotated[list[Path] | None, typer.Option(
    "--patterns", metavar="FILE", help="Extra event pattern file (repeatable).")]
InputsArgument = Annotated[list[str], typer.Argument(
    metavar="INPUT",
    help="Text, HTML, RSS/Atom or JSON Lines files (also .gz), folders, http(s) URLs, or - for stdin.")]
FollowLinksOption = Annotated[
    bool, typer.Option("--follow-links", help="For feeds, fetch each entry's linked page for its full text.")
]


@app.command("code", short_help="Code news articles into events, quotations and actor mentions.")
def code_command(
    inputs: InputsArgument,
    published: PublishedOption = None,
    fmt: Annotated[Format, typer.Option("--format", help=(
        "jsonl (one coded document a line), table (compact, fits 80 columns), wide (every column) or parquet "
        "(--out DIR gets documents/, events/, quotes/ with the store's columns; on Dask)."))
    ] = Format.jsonl,
    out: Annotated[Path | None, typer.Option(
        metavar="FILE", help="Write JSON Lines here (default: stdout for jsonl); a folder for parquet.")] = None,
    max_bytes: MaxBytesOption = None,
    max_chars: MaxCharsOption = None,
    dictionary: DictOption = None,
    patterns: PatternsOption = None,
    processes: Annotated[int, typer.Option(
        "--processes", "-p", min=1, metavar="N", help="Worker processes (each loads the model).")] = 1,
    no_model: NoModelOption = False,
    timeout: TimeoutOption = 10.0,
    retries: RetriesOption = 2,
    follow_links: FollowLinksOption = False,
    cluster: ClusterOption = None,
    partition_size: PartitionOption = DEFAULT_PARTITION_SIZE,
) -> None:
    """Code news articles into events, quotations and actor mentions.

    With --cluster, on Dask: local:N worker processes, or the scheduler at tcp://HOST:PORT; output as without
    it, in input order. --format parquet codes on --cluster (default local:PROCESSES) and the workers write
    the Parquet partitions.

    Exit codes: 0 all items coded; 1 some items failed (each reported on stderr, the rest
    coded and written); 2 usage error (bad option, missing model).
    """
    from parley.read import DEFAULT_MAX_BYTES, iter_documents

    when = parse_date_option(published)
    options = coder_options(max_chars, dictionary, patterns, no_model)
    coder = None if cluster or fmt is Format.parquet else build_coder(max_chars, dictionary, patterns, no_model)
    items = iter_documents(inputs, published=when, max_bytes=max_bytes or DEFAULT_MAX_BYTES, timeout=timeout,
                           retries=retries, follow_links=follow_links)
    if fmt is Format.parquet:
        from parley.cli import cluster as on_cluster

        on_cluster.parquet(items, options, cluster or f"local:{processes}", out, partition_size)
    sink: TextIO | None = None
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        sink = out.open("w", encoding="utf-8")
    elif fmt is Format.jsonl:
        sink = sys.stdout
    coded = failed = 0
    console = Console(highlight=False)
    # progress on stderr when it is a terminal, unless the output is drawn on that terminal too
    show = showing(err) and (out is not None or not console.is_terminal)
    try:
        if cluster:
            from parley.cli import cluster as on_cluster

            stream = on_cluster.coded(items, options, cluster, partition_size)
        elif processes > 1:
            from parley import parallel

            stream = parallel.pipe_items(items, processes, coder=coder)
        else:
            assert coder is not None
            stream = coder.pipe_items(items)
        with progress(err, "coding", force=show) as tally:
            for item in stream:
                tally.advance(failed=isinstance(item, Failure))
                if isinstance(item, Failure):
                    failed += 1
                    err.print(f"[red]skipped[/] {item.item}: {item.code}: {item.message}")
                    continue
                coded += 1
                if sink is not None:
                    sink.write(item.to_json() + "\n")
                    sink.flush()
                if fmt is not Format.jsonl:
                    print_document(console, item, wide=fmt is Format.wide)
    finally:
        if sink is not None and sink is not sys.stdout:
            sink.close()
    where = f", written to {out}" if out is not None else ""
    err.print(f"{coded} document(s) coded, {failed} failed{where}")
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _actor(ref) -> str:  # type: ignore[no-untyped-def]
    if ref is None:
        return "-"
    if ref.code is None:  # a speaker the dictionaries do not know: the words of the text
        return ref.text
    return f"{ref.code} ({ref.name or ref.text})"


def print_document(console: Console, coded: CodedDocument, wide: bool = False) -> None:
    """A coded document as tables. Compact (the default) fits 80 columns: actor codes, the CAMEO code and name
    with the modality when it is not asserted, the date, cells wrapping between words; ``wide`` adds actor
    names, modality, trigger, rule and confidence, and the quotations' kind and cue."""
    from parley.ontology import ontology

    onto = ontology()
    doc = coded.document
    console.rule(f"{doc.title or doc.id}  published {doc.published or 'unknown'}")
    events = Table(title=f"{len(coded.events)} events", expand=True)
    if wide:
        columns = ("sent", "source", "CAMEO", "target", "modality", "date", "trigger", "rule", "conf")
    else:
        columns = ("sent", "source", "event", "target", "date")
    for col in columns:  # wide tables are for wide terminals: there a cell folds rather than hide its end
        events.add_column(col, no_wrap=col in ("sent", "date"), overflow="fold" if wide else "ellipsis")
    for e in coded.events:
        name = f"{e.cameo} {onto.get(e.cameo).name}"
        if wide:
            events.add_row(str(e.sentence), _actor(e.source), name, _actor(e.target), e.modality,
                           str(e.date or "-"), e.trigger.text, e.rule, f"{e.confidence:.2f}")
        else:
            modality = "" if e.modality == "asserted" else f" ({e.modality})"
            events.add_row(str(e.sentence), e.source.code if e.source else "-", name + modality,
                           e.target.code if e.target else "-", str(e.date or "-"))
    console.print(events)
    quotes = Table(title=f"{len(coded.quotes)} quotations", expand=True)
    for col in ("sent", "speaker", "kind", "cue", "text") if wide else ("sent", "speaker", "text"):
        quotes.add_column(col, no_wrap=col == "sent", ratio=3 if col == "text" else None,
                          overflow="fold" if wide else "ellipsis")
    for q in coded.quotes:
        if wide:
            quotes.add_row(str(q.sentence), _actor(q.speaker), q.kind, q.cue or "-", q.text)
        else:
            quotes.add_row(str(q.sentence), (q.speaker.code or q.speaker.text) if q.speaker else "-", q.text)
    console.print(quotes)
    for w in coded.warnings:
        console.print(f"[yellow]warning {w.code}[/]: {w.message}")


@app.command("explain", short_help="Show how one sentence is coded, step by step.")
def explain_command(
    sentence: Annotated[str, typer.Argument(help="One sentence (or a short text) to explain.")],
    published: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="Publication date.")] = None,
    no_model: NoModelOption = False,
) -> None:
    """Show the parse, the actor mentions, each pattern that fired, why candidates were dropped, and the trained
    layer's scores: which rule events it kept or dropped and which events it added."""
    from parley.explain import explain

    when = parse_date_option(published)
    coder = build_coder(None, None, None, no_model)
    try:
        explain(coder, sentence, when, Console(highlight=False))
    except errors.ParleyError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
