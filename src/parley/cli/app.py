"""The typer application object; command modules register themselves on it.

Help is click's plain layout (``rich_markup_mode=None``): flags without a ``<bool>`` type, docstrings as
wrapped paragraphs. Each command gives a ``short_help`` of one whole sentence for the command lists, which
would otherwise cut its docstring mid-sentence.
"""

from typing import Annotated

import typer

from parley import __version__

app = typer.Typer(
    name="parley",
    help="Political news in, coded CAMEO/PLOVER events, quotations and actors out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"parley {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool | None, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print parley's version and exit.")] = None,
) -> None:
    """Political news in, coded CAMEO/PLOVER events, quotations and actors out."""
