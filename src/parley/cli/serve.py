"""`parley serve`: the web explorer of a store, read-only, on this machine by default."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from parley import errors
from parley.cli.app import app
from parley.cli.code import EXIT_USAGE

err = Console(stderr=True, highlight=False, soft_wrap=True)


@app.command("serve", short_help="Browse a store in a web browser: events, documents, dyads, actors, quotes.")
def serve_command(
    db: Annotated[str, typer.Option("--db", metavar="DB", help="DuckDB file, or a postgresql:// URL.")] = "parley.duckdb",
    host: Annotated[str, typer.Option(
        metavar="HOST", help="Address to listen on; 127.0.0.1 keeps it to this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, metavar="PORT", help="Port to listen on.")] = 8000,
    timeout: Annotated[float, typer.Option(
        min=0.1, metavar="SECONDS", help="Longest time one query may run before it is stopped.")] = 10.0,
    workers: Annotated[int, typer.Option(
        min=1, max=64, metavar="N", help="Server processes: one a core answers more readers at once.")] = 1,
) -> None:
    """Serve a web explorer of the store: a filterable events table, each document with its events, quotes
    and actors highlighted, dyad timelines, actor pages and quote search, each downloadable as CSV and JSON,
    and the same data as a JSON API (its schema at /openapi.json). The store is opened read-only and must
    exist: `parley ingest` makes one.

    Exit codes: 0 stopped by Ctrl-C; 2 usage or store error (a missing store, a port in use).
    """
    try:
        import uvicorn

        from parley.web import create_app
    except ImportError as exc:  # the web extra is optional
        err.print(f"[red]error:[/] the explorer needs parley's web dependencies ({exc.name} is missing): "
                  "pip install 'parley[serve]'")
        raise typer.Exit(EXIT_USAGE) from None
    try:
        if workers > 1:  # each worker opens the store itself: check it once here, before they start
            from parley.store import open_store

            open_store(db, create=False, read_only=True).close()
        else:
            web = create_app(db, timeout=timeout)
    except errors.ParleyError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    where = "PostgreSQL" if db.startswith("postgres") else db
    shown = f"[{host}]" if ":" in host else host
    many = f", {workers} processes" if workers > 1 else ""
    err.print(f"serving {where} read-only at http://{shown}:{port}/{many} (Ctrl-C stops)")
    if workers > 1:
        _serve_many(db, host, port, timeout, workers)
        return
    server = uvicorn.Server(uvicorn.Config(web, host=host, port=port, log_level="warning", access_log=False))
    try:
        server.run()
    except KeyboardInterrupt:  # uvicorn shuts down on Ctrl-C, then raises it again for its caller
        err.print("stopped")
        return
    except SystemExit:  # uvicorn exits when it cannot bind (a port in use) and has said why
        raise typer.Exit(EXIT_USAGE) from None
    if not server.started:
        raise typer.Exit(EXIT_USAGE)


def _serve_many(db: str, host: str, port: int, timeout: float, workers: int) -> None:
    """Run ``workers`` server processes (uvicorn's supervisor), each with the app of
    :func:`parley.web.app.from_environment`: Python answers one request at a time a process, so on a machine
    of several cores one process a core answers more readers at once. A DuckDB file opened read-only may be
    opened by several processes."""
    import os

    import uvicorn

    os.environ["PARLEY_SERVE_DB"] = db
    os.environ["PARLEY_SERVE_TIMEOUT"] = repr(timeout)
    try:
        uvicorn.run("parley.web.app:from_environment", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", access_log=False)
    except KeyboardInterrupt:
        err.print("stopped")
    except SystemExit as exc:  # uvicorn exits when it cannot bind (a port in use) and has said why
        if exc.code:
            raise typer.Exit(EXIT_USAGE) from None
