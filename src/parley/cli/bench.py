"""`parley bench`: throughput against bare spaCy in alternating rounds; `--make-corpus` writes a synthetic corpus."""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from parley import errors
from parley.cli.app import app
from parley.cli.code import EXIT_USAGE, err

console = Console(highlight=False, soft_wrap=True)


def results_table(result: dict) -> Table:
    """One row per round and process count: articles/s of bare spaCy and of parley, and their ratio (fits 80
    columns)."""
    table = Table(title=f"parley bench: {result['articles']} articles ({result['corpus']})")
    for col in ("round", "procs", "spaCy art/s", "parley art/s", "ratio", "sentences", "events", "worker MB"):
        table.add_column(col, justify="right")
    for r in result["rounds"]:
        table.add_row(str(r["round"]), str(r["processes"]), f"{r['articles'] / r['spacy_seconds']:.1f}",
                      f"{r['articles'] / r['parley_seconds']:.1f}", f"{r['ratio']:.2f}", str(r["sentences"]),
                      str(r["events"]), f"{r['worker_peak_mb']:.0f}" if r["worker_peak_mb"] else "-")
    return table


def summary_lines(result: dict) -> list[str]:
    """The medians and spreads in words, and start-up apart."""
    from parley.bench import summary

    lines = []
    for p, s in summary(result).items():
        line = (f"{p} process(es): parley at {s['ratio_median']:.2f}x bare spaCy's throughput (median of "
                f"{sum(1 for r in result['rounds'] if r['processes'] == p)} rounds, spread "
                f"{s['ratio_min']:.2f}-{s['ratio_max']:.2f}); {s['parley_art_s']:.1f} against {s['spacy_art_s']:.1f} "
                "articles/s")
        if "parley_scaling" in s:
            line += (f"; parley {s['parley_scaling']:.2f}x its one-process speed (spread {s['parley_scaling_min']:.2f}-"
                     f"{s['parley_scaling_max']:.2f}), spaCy {s['spacy_scaling']:.2f}x; peak memory of a worker "
                     f"{s['worker_peak_mb']:.0f} MB")
        lines.append(line)
    lines.append(f"peak memory of the timing process (bare spaCy and parley both loaded): {result['main_peak_mb']:.0f} MB")
    if "startup" in result:
        st = result["startup"]
        lines.append(f"start-up, fresh interpreter to one parsed/coded sentence (median of {len(st['spacy'])}): "
                     f"bare spaCy {statistics.median(st['spacy']):.2f} s, parley {statistics.median(st['parley']):.2f} s")
    return lines


@app.command("bench", short_help="Time parley against bare spaCy in alternating rounds: ratio, median, spread.")
def bench_command(
    corpus: Annotated[str | None, typer.Argument(
        metavar="CORPUS", help="Articles to time (file, folder, .jsonl); default: the real news of corpus/batches.",
    )] = None,
    articles: Annotated[int, typer.Option(
        "--articles", "-n", min=1, metavar="N", help="How many articles to time.")] = 300,
    processes: Annotated[list[int] | None, typer.Option(
        "--processes", "-p", min=1, metavar="N",
        help="Process counts to time (repeat the option; default 1 and 2).")] = None,
    rounds: Annotated[int, typer.Option(
        "--rounds", "-r", min=1, metavar="N", help="Rounds, alternating which of the two runs first.")] = 3,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, metavar="N", help="Documents per spaCy batch.")] = 32,
    statistical_ner: Annotated[bool, typer.Option(
        "--statistical-ner", help="Time parley with spaCy's statistical NER instead of its own entity finders "
        "(docs/speed.md).")] = False,
    no_startup: Annotated[bool, typer.Option(
        "--no-startup", help="Skip timing start-up in fresh interpreters.")] = False,
    make_corpus: Annotated[Path | None, typer.Option(
        "--make-corpus", metavar="FILE",
        help="Only write a synthetic corpus of --articles articles to this JSONL file.")] = None,
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Seed of the synthetic corpus.")] = 7,
    out: Annotated[Path | None, typer.Option(
        "--out", metavar="FILE", help="Also write the figures as JSON.")] = None,
) -> None:
    """Throughput of parley against bare spaCy nlp.pipe (the same model's full pipeline) on the same articles:
    rounds alternate the two in one process, each round gives a ratio, and the median and spread are reported;
    with N processes both fork their workers from the loaded parent. Start-up is timed apart."""
    from parley import bench

    if make_corpus is not None:
        n = bench.write_corpus(make_corpus, articles, seed)
        console.print(f"wrote {n} synthetic articles to {make_corpus}")
        return
    try:
        skipped = bench.check_corpus(corpus, articles)
        result = bench.run(corpus, articles, processes or [1, 2], batch_size, rounds, with_startup=not no_startup,
                           statistical_ner=statistical_ner)
    except errors.ParleyError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    for reason in skipped:
        err.print(f"[red]skipped[/] {reason}")
    console.print(results_table(result))
    for line in summary_lines(result):
        console.print(line)
    if out is not None:
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
