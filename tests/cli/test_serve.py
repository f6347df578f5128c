"""`parley serve` from the command line: it serves a store read-only until Ctrl-C, refuses a store that does not
exist without creating it, and says so when its port is taken."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from parley.cli import app

runner = CliRunner()
SRC = Path(__file__).resolve().parents[2] / "src"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: str, port: int, workers: int = 1) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, "-m", "parley", "serve", "--db", db, "--port", str(port),
                             "--workers", str(workers)], env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def test_a_missing_store_is_refused_not_created(tmp_path):
    db = tmp_path / "typo.duckdb"
    result = runner.invoke(app, ["serve", "--db", str(db), "--port", "8"])
    assert result.exit_code == 2 and "no such store" in result.output
    assert not db.exists()


@pytest.mark.parametrize("workers", [1, 2])
def test_serves_the_store_until_interrupted(tmp_path, coder, news, workers):
    """One server process, or several (``--workers``: each opens the store read-only)."""
    from parley.store import ingest, open_store

    db = str(tmp_path / "s.duckdb")
    with open_store(db) as store:  # closed before serving: DuckDB lets one process write, or many read
        ingest(store, news, coder)
    port = _free_port()
    proc = _serve(db, port, workers)
    try:
        body = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/events", params={"actor": "TUR"}, timeout=2).json()
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert body is not None, proc.stderr.read() if proc.poll() is not None else "no answer"
        assert body["total"] >= 2 and all("TUR" in (e["source_code"] + (e["target_code"] or ""))
                                          for e in body["events"])
        # a second server on the same port is a usage error, said plainly
        second = _serve(db, port, workers)
        assert second.wait(60) == 2
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(30)
    assert code == 0
    assert f"http://127.0.0.1:{port}/" in proc.stderr.read()
