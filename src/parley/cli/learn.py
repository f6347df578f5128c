"""`parley train` and `parley corpus`: the annotated corpus and the trained layer learned from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from parley import errors
from parley.cli.app import app

console = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
corpus_app = typer.Typer(help="Check, split and measure the annotated corpus (corpus/README.md).",
                         no_args_is_help=True, short_help="Check, split and measure the annotated corpus.")
app.add_typer(corpus_app, name="corpus")

CorpusArg = Annotated[list[Path] | None, typer.Argument(
    metavar="CORPUS", help="Corpus files or folders (default: corpus/batches).")]


def _paths(paths: list[Path] | None) -> list[Path]:
    chosen = paths or [Path("corpus/batches")]
    missing = [p for p in chosen if not p.exists()]
    if missing:
        err.print(f"[red]error:[/] no such file or folder: {', '.join(map(str, missing))}")
        raise typer.Exit(2)
    return chosen


@app.command("train", short_help="Train the event layer on the corpus's train split (about 4 minutes).")
def train_command(
    corpus: CorpusArg = None,
    out: Annotated[Path | None, typer.Option(
        metavar="FOLDER", help="Where to write the models (default: the packaged model folder).")] = None,
    seed: Annotated[int, typer.Option(help="Random seed (training is deterministic for a seed).")] = 0,
    max_units: Annotated[int | None, typer.Option(min=1, help="Train on about this many units (whole articles, seeded).")] = None,
    floor: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="Precision the thresholds must reach on dev "
                                                "(default: the rules' own precision there).")] = None,
) -> None:
    """Train the event layer (detector, attribution, verifier) on the corpus's train split; set thresholds on dev.

    The test split is never read. The result is written with meta.json (corpus hash, counts, thresholds, dev
    figures for rules alone and combined)."""
    try:
        from parley.learn.layer import MODEL_DIR
        from parley.learn.train import report, train
    except ImportError as exc:  # scikit-learn is a training extra
        err.print(f"[red]error:[/] training needs scikit-learn: pip install 'parley[train]' ({exc})")
        raise typer.Exit(2) from None
    try:
        _layer, meta = train(_paths(corpus), out or MODEL_DIR, seed=seed, max_units=max_units, floor=floor,
                             log=err.print)
    except (errors.ParleyError, ValueError) as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from None
    console.print(report(meta))


@corpus_app.command("check", short_help="Validate every unit of the corpus; exit 1 on any problem.")
def check_command(corpus: CorpusArg = None) -> None:
    """Validate every unit (fields, codes, modalities, ids, one address per article); exit 1 on any problem."""
    from parley.learn.corpus import main

    raise typer.Exit(main([str(p) for p in _paths(corpus)]))


@corpus_app.command("stats", short_help="Units, articles and events per batch file and per split.")
def stats_command(corpus: CorpusArg = None) -> None:
    """Units, articles, events and event-free units per batch file and per split."""
    from collections import Counter

    from parley.learn.corpus import Unit, read, split_of

    per: dict[str, Counter[str]] = {}
    articles: dict[str, set[str]] = {}
    for item in read(_paths(corpus)):
        if not isinstance(item, Unit):
            continue
        for key in (Path(item.path).name, f"split {split_of(item.url)}", "all"):
            c = per.setdefault(key, Counter())
            c["units"] += 1
            c["events"] += len(item.events)
            c["event-free"] += not item.events
            articles.setdefault(key, set()).add(item.article)
    console.print(f"{'':>14} {'articles':>9} {'units':>7} {'events':>7} {'event-free':>11}")
    for key in sorted(per, key=lambda k: (k.startswith("split") + 2 * (k == "all"), k)):
        c = per[key]
        console.print(f"{key:>14} {len(articles[key]):>9,} {c['units']:>7,} {c['events']:>7,} {c['event-free']:>11,}")


@corpus_app.command("split", short_help="Write one split (train, dev or test) as a gold file.")
def split_command(
    name: Annotated[str, typer.Argument(help="train, dev or test")],
    corpus: CorpusArg = None,
    out: Annotated[Path, typer.Option(help="Write the split's units here (a gold file for `parley eval`).")] = Path("-"),
) -> None:
    """Write the units of one split as a gold file, for `parley eval` (the split is fixed by article address)."""
    from parley.learn.corpus import load

    try:
        units = load(_paths(corpus), (name,))
    except ValueError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from None
    lines = "".join(json.dumps(u.record, ensure_ascii=False) + "\n" for u in units)
    if str(out) == "-":
        typer.echo(lines, nl=False)
    else:
        out.write_text(lines, encoding="utf-8")
        err.print(f"{len(units):,} units written to {out}")


@corpus_app.command("agreement", short_help="Inter-annotator agreement between two annotations.")
def agreement_command(
    first: Annotated[Path, typer.Argument(help="One annotation (scored as gold).")],
    second: Annotated[Path, typer.Argument(help="The other, blind annotation of the same units.")],
) -> None:
    """Inter-annotator agreement on the units both files annotate: lenient and strict event F1, as `parley eval`
    scores parley against gold, with the second annotation in parley's place."""
    from parley.learn.agreement import agreement

    try:
        result = agreement(first, second)
    except ValueError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from None
    console.print(json.dumps(result, indent=2))
