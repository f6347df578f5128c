"""Command line interface: the only place that parses arguments and prints.

Each module below registers its commands on :data:`parley.cli.app.app`.
"""

from parley.cli import code as _code  # noqa: F401  (registers commands)
from parley.cli import dictionary as _dictionary  # noqa: F401
from parley.cli import evaluate as _evaluate  # noqa: F401
from parley.cli import bench as _bench  # noqa: F401
from parley.cli import store as _store  # noqa: F401
from parley.cli import learn as _learn  # noqa: F401
from parley.cli import serve as _serve  # noqa: F401
from parley.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
