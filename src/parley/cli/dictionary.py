"""`parley dict check` and `parley dict stats`: validate and describe the knowledge files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from parley import errors
from parley.cli.app import app

dict_app = typer.Typer(help="Validate and describe the dictionaries (ontology, actors, event patterns, word "
                            "classes).", short_help="Validate, describe and import the dictionaries.")
app.add_typer(dict_app, name="dict")
console = Console(highlight=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)

ActorFiles = Annotated[list[Path] | None, typer.Option("--dict", help="Extra actor dictionary file to include.")]
PatternFiles = Annotated[list[Path] | None, typer.Option("--patterns", help="Extra event pattern file to include.")]


def _load(dictionaries: list[Path] | None, patterns: list[Path] | None):  # type: ignore[no-untyped-def]
    from parley.actors import load_dictionary
    from parley.events.patterns import load_patterns
    from parley.lexicon import check as check_lexicon
    from parley.ontology import ontology

    check_lexicon()
    onto = ontology()
    actors = load_dictionary(tuple(str(p) for p in dictionaries or ()))
    pattern_set = load_patterns([str(p) for p in patterns or ()])
    return onto, actors, pattern_set


@dict_app.command("check", short_help="Validate every dictionary; errors name the file and line.")
def check(dictionary: ActorFiles = None, patterns: PatternFiles = None) -> None:
    """Load and validate every dictionary; errors name the file and line. Exit 0 when all are valid."""
    try:
        onto, actors, pattern_set = _load(dictionary, patterns)
    except errors.ParleyError as exc:
        err.print(f"[red]invalid:[/] {exc}")
        raise typer.Exit(1) from None
    from parley.actors import check as check_actors
    from parley.lexicon import names as lexicon_names

    problems = check_actors(actors.entries)
    for p in problems:
        err.print(f"[red]inconsistent:[/] {p}")
    if problems:
        raise typer.Exit(1)
    console.print(
        f"ok: {len(onto.codes())} CAMEO codes, {len(pattern_set.patterns)} event patterns, "
        f"{len(lexicon_names())} word classes, "
        f"{len(actors)} actor entries in {', '.join(actors.files)}"
    )


@dict_app.command("stats", short_help="CAMEO codes reachable, patterns per root, actors per country.")
def stats(dictionary: ActorFiles = None, patterns: PatternFiles = None) -> None:
    """Coverage: CAMEO codes reachable by patterns, patterns per root, actor entries per country."""
    try:
        onto, actors, pattern_set = _load(dictionary, patterns)
    except errors.ParleyError as exc:
        err.print(f"[red]invalid:[/] {exc}")
        raise typer.Exit(1) from None
    from parley.events.coder import derived_codes

    reachable = pattern_set.codes() | derived_codes(pattern_set.codes())
    all_codes = {c.code for c in onto.codes() if len(c.code) > 2}
    per_root = Counter(p.cameo[:2] for p in pattern_set.patterns)
    codes_per_root = Counter(c[:2] for c in reachable)
    own = pattern_set.codes() & all_codes
    by_pattern = Counter(c[:2] for c in own)
    table = Table(title=f"event patterns: {len(pattern_set.patterns)}; CAMEO codes reachable: "
                        f"{len(reachable & all_codes)} of {len(all_codes)} ({len(own)} as a pattern's own code, "
                        "the rest derived by the coder: intents, threats, appeal/demand/rejection sub-codes)")
    for col in ("root", "name", "patterns", "codes reachable", "by a pattern's code", "codes in CAMEO"):
        table.add_column(col)
    for root in sorted({c.code for c in onto.codes() if len(c.code) == 2}):
        table.add_row(
            root,
            onto.get(root).name,
            str(per_root.get(root, 0)),
            str(codes_per_root.get(root, 0)),
            str(by_pattern.get(root, 0)),
            str(sum(1 for c in all_codes if c.startswith(root))),
        )
    console.print(table)
    by_country = actors.by_country()
    if by_country:
        top = Table(title=f"actor entries by country (top 30 of {len(by_country)})")
        top.add_column("country")
        top.add_column("entries")
        for country, n in by_country.most_common(30):
            top.add_row(country, str(n))
        console.print(top)


IMPORT_FORMATS = ("petrarch-actors", "petrarch-verbs")


@dict_app.command("import", short_help="Convert a PETRARCH/TABARI dictionary into parley's formats.")
def import_command(
    file: Annotated[Path, typer.Argument(help="The PETRARCH/TABARI dictionary file to convert.")],
    fmt: Annotated[str, typer.Option("--format", help="petrarch-actors (actors and agents) or petrarch-verbs.")],
    out: Annotated[Path, typer.Option("--out", help="Write the parley file here (.tsv for actors, .txt for patterns).")],
    kind: Annotated[
        str, typer.Option(help="Kind of actor entries: auto, person, institution, group, country, igo, region.")
    ] = "auto",
    agent_kind: Annotated[str, typer.Option(help="Kind of agent entries ([~GOV]): role, title or generic.")] = "role",
    acronym: Annotated[
        list[str] | None, typer.Option("--acronym", help="A word to keep in upper case in names (NATO); repeatable.")
    ] = None,
    id_prefix: Annotated[str, typer.Option(help="Prefix of the ids of imported patterns.")] = "petr",
) -> None:
    """Convert a PETRARCH/TABARI actor or verb dictionary into parley's formats (docs/actors.md).

    Prints the counts and every warning (file:line: message). Exit 0 when anything was converted,
    1 when nothing was (or the file could not be read), 2 on a bad option.
    """
    from parley.formats import petrarch as importer

    if fmt not in IMPORT_FORMATS:
        err.print(f"error: --format {fmt!r}: expected one of {', '.join(IMPORT_FORMATS)}", markup=False)
        raise typer.Exit(2)
    try:
        if fmt == "petrarch-actors":
            result = importer.import_actors(file, kind=kind, agent_kind=agent_kind, acronyms=acronym or ())
        else:
            result = importer.import_verbs(file, id_prefix=id_prefix)
    except errors.ConfigError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from None
    except errors.ParleyError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None
    for warning in result.warnings:
        err.print(f"warning: {warning}", markup=False)
    what = "actor/agent entries" if result.kind == "actors" else "verb codes and patterns"
    if result.lines:
        try:
            importer.write(result, out)
        except errors.ParleyError as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
        written = f"{len(result.lines)} line(s) written to {out}"
    else:
        written = f"nothing written to {out}"
    console.print(
        f"{result.converted} {what} converted, {result.skipped} skipped, {len(result.warnings)} warning(s); {written}",
        markup=False,
        soft_wrap=True,
    )
    raise typer.Exit(0 if result.converted else 1)
