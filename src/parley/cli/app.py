"""The typer application object; command modules register themselves on it."""

import typer

app = typer.Typer(
    name="parley",
    help="Political news in, coded CAMEO/PLOVER events, quotations and actors out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
