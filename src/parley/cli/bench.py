"""`parley bench`: throughput and memory against bare spaCy; `--make-corpus` writes a synthetic corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from parley import errors
from parley.cli.app import app
from parley.cli.code import EXIT_USAGE, err

console = Console(highlight=False, soft_wrap=True)


def results_table(results: list[dict], corpus: str | None) -> Table:
    """The figures of :func:`parley.bench.run` as a table that fits 80 columns (short headers that wrap
    between words, where 'processes' was cut to 'proces…')."""
    table = Table(title=f"parley bench: {results[0]['articles']} articles ({corpus or 'synthetic corpus'})")
    for col in ("run", "procs", "art/s", "sent/s", "peak MB main", "peak MB worker", "load s", "events"):
        table.add_column(col, justify="right")
    for r in results:
        table.add_row(r["kind"], str(r["processes"]), f"{r['articles'] / r['seconds']:.1f}",
                      f"{r['sentences'] / r['seconds']:.1f}", f"{r['peak_mb']:.0f}",
                      f"{r['worker_peak_mb']:.0f}", f"{r['load_seconds']:.2f}", str(r["events"]))
    return table


@app.command("bench", short_help="Time parley against bare spaCy: articles/s, sentences/s, peak memory.")
def bench_command(
    corpus: Annotated[str | None, typer.Argument(
        metavar="CORPUS", help="Articles to time (file, folder, .jsonl); default: a synthetic corpus.",
    )] = None,
    articles: Annotated[int, typer.Option(
        "--articles", "-n", min=1, metavar="N", help="How many articles to time.")] = 300,
    processes: Annotated[list[int] | None, typer.Option(
        "--processes", "-p", min=1, metavar="N",
        help="Process counts to time (repeat the option; default 1 and 2).")] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, metavar="N", help="Documents per spaCy batch.")] = 32,
    make_corpus: Annotated[Path | None, typer.Option(
        "--make-corpus", metavar="FILE",
        help="Only write a synthetic corpus of --articles articles to this JSONL file.")] = None,
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Seed of the synthetic corpus.")] = 7,
    out: Annotated[Path | None, typer.Option(
        "--out", metavar="FILE", help="Also write the figures as JSON.")] = None,
) -> None:
    """Articles/s, sentences/s and peak memory of parley and of bare spaCy nlp.pipe on the same articles."""
    from parley import bench

    if make_corpus is not None:
        n = bench.write_corpus(make_corpus, articles, seed)
        console.print(f"wrote {n} synthetic articles to {make_corpus}")
        return
    try:
        skipped = bench.check_corpus(corpus, articles)
        results = bench.run(corpus, articles, processes or [1, 2], batch_size)
    except errors.ParleyError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    for reason in skipped:
        err.print(f"[red]skipped[/] {reason}")
    console.print(results_table(results, corpus))
    for p in sorted({r["processes"] for r in results}):
        s = next(r for r in results if r["kind"] == "spacy" and r["processes"] == p)
        c = next(r for r in results if r["kind"] == "parley" and r["processes"] == p)
        console.print(f"{p} process(es): parley runs at {(c['articles'] / c['seconds']) / (s['articles'] / s['seconds']):.2f} x "
                      f"the speed of bare spaCy nlp.pipe")
    if out is not None:
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
