"""Command line interface: the only place that parses arguments and prints.

Each module below registers its commands on :data:`parley.cli.app.app`.
"""

from parley.cli import code as _code  # noqa: F401  (registers commands)
from parley.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
