"""`parley eval`: score parley against a gold file and print what to fix next."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from parley import errors
from parley.cli.app import app

console = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


@app.command("eval", short_help="Score parley against a gold file: precision, recall, F1 and what it missed.")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold file: parley gold JSONL, CAMEO codebook CSV, PLOVER GSR JSONL or actor cases JSONL.")],
    fmt: Annotated[str, typer.Option("--format", help="gold, codebook, plover, actors; default: detected from the file")] = "auto",
    out: Annotated[Path | None, typer.Option("--out", help="Write the full report (figures, misses, false positives) as JSON.")] = None,
    show: Annotated[int, typer.Option("--show", help="How many misses and false positives to print.")] = 15,
    no_model: Annotated[bool, typer.Option("--no-model", help="Score the rules alone, without the trained layer.")] = False,
    model: Annotated[Path | None, typer.Option("--model", help="A trained layer folder other than the packaged one "
                                               "(as written by `parley train --out`).")] = None,
    per_record: Annotated[bool, typer.Option("--per-record", help="Code each gold record alone, not with the records "
                                             "of its article before it.")] = False,
    quotes: Annotated[bool, typer.Option("--quotes", help="Score quotations and their speakers (units with quotes[], "
                                         "corpus format), beside textacy's direct quotations.")] = False,
    statistical_ner: Annotated[bool, typer.Option("--statistical-ner", help="Parse with spaCy's statistical NER "
                                                  "instead of parley's own entity finders (docs/speed.md).")] = False,
) -> None:
    """Code the gold texts and print precision, recall and F1, confusion tables, misses and false positives."""
    from parley.evaluate import FORMATS, detect_format, evaluate
    from parley.pipeline import Options, default_coder

    try:
        if not gold.is_file():
            raise errors.InputError(f"{gold}: no such file")
        kind = detect_format(gold) if fmt == "auto" else fmt
        if kind not in FORMATS:
            raise errors.InputError(f"unknown format {kind!r}; expected one of {', '.join(FORMATS)}")
        coder = default_coder(Options(use_model=not no_model, model_path=str(model) if model else None,
                                      statistical_ner=statistical_ner))
        if quotes:
            from parley.evaluate.gold import read_gold
            from parley.evaluate.quotes import score_quotes

            report = score_quotes(read_gold(gold), coder)
        else:
            report = evaluate(gold, kind, coder.code, in_context=not per_record)
    except errors.ParleyError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from None
    if quotes:
        print_quotes_report(report, show)
    else:
        print_report(report, show)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        err.print(f"report written to {out}")


def print_report(report: dict[str, Any], show: int) -> None:
    table = Table(title=f"parley eval ({report['format']})")
    table.add_column("measure")
    table.add_column("value")
    for key, value in report.items():
        if key in ("misses", "false_positives", "format", "per_root") or isinstance(value, dict) and (
            key.endswith("confusion")
        ):
            continue
        if isinstance(value, dict) and "f1" in value:
            value = f"P {value['precision']:.3f}  R {value['recall']:.3f}  F1 {value['f1']:.3f}  (tp {value['tp']}, fp {value['fp']}, fn {value['fn']})"
        table.add_row(key, str(value))
    console.print(table)
    for key in ("root_confusion", "modality_confusion"):
        if report.get(key):
            console.print(f"[bold]{key}[/] (gold -> predicted): " + ", ".join(f"{k}: {v}" for k, v in report[key].items()))
    if report.get("per_root"):
        console.print("[bold]per root[/] (examples / right root / exact code): " + ", ".join(
            f"{r} {v['n']}/{v['root']}/{v['exact']}" for r, v in report["per_root"].items()))
    for key in ("misses", "false_positives"):
        items = report.get(key) or []
        if items:
            console.print(f"[bold]{key}[/] ({len(items)}; first {min(show, len(items))}):")
            for item in items[:show]:
                console.print("  " + json.dumps(item, ensure_ascii=False))


def print_quotes_report(report: dict[str, Any], show: int) -> None:
    """parley's and textacy's quote figures side by side, then parley's first speaker errors."""
    table = Table(title=f"quotations: {report['articles']} articles, {report['units']} units")
    for col in ("system", "kind", "gold", "found", "recall", "precision", "speaker right", "speaker code right"):
        table.add_column(col)
    for system in ("parley", "textacy"):
        r = report.get(system)
        if r is None:
            continue
        for kind, q in r["quotes"].items():
            sp, code = r["speaker"][kind], r["speaker_code"][kind]
            table.add_row(system, kind, str(q["tp"] + q["fn"]), str(q["tp"]), f"{q['recall']:.3f}",
                          f"{q['precision']:.3f}", f"{sp['accuracy'] or 0:.3f} ({sp['right']}/{sp['matched']})",
                          f"{code['accuracy'] or 0:.3f}")
    console.print(table)
    reach = report["parley"]["speakers_out_of_reach"]
    console.print(f"parley quotes with a speaker: {reach['with_speaker']}; speaker neither in the quote's sentence "
                  f"nor the one before: {reach['out_of_reach']}")
    if "textacy" in report:
        console.print(f"textacy refused {report['textacy']['refused_articles']} article(s) whose quotation marks "
                      "do not pair up (counted as nothing found)")
    errors_ = report["parley"]["speaker_errors"]
    if errors_ and show:
        console.print(f"[bold]speaker errors[/] (first {min(show, len(errors_))}):")
        for item in errors_[:show]:
            console.print("  " + json.dumps(item, ensure_ascii=False))
