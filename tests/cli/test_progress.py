"""The progress line of `parley code` and `parley ingest`: drawn on stderr when stderr is a terminal (a real
pseudo-terminal here), absent from pipes and files."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from parley.cli.progress import progress

REPO = Path(__file__).resolve().parents[2]
BAR = re.compile(r"\d+ documents\s+\d+ failed")  # the summary line says "3 document(s) coded, 0 failed"
ENV = {**os.environ, "PYTHONPATH": str(REPO / "src"), "TERM": "xterm", "COLUMNS": "100"}
for _name in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
    ENV.pop(_name, None)


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    texts = ["Chile recalled its ambassador from Peru.", "Bolivia condemned the raid.", "", "Peru sent aid to Chile."]
    path.write_text("\n".join(json.dumps({"id": f"d{i}", "text": t}) for i, t in enumerate(texts)) + "\n")
    return path


def _run(args: list[str], stderr_tty: bool) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal (or a pipe); (exit code, stdout, stderr)."""
    command = [sys.executable, "-m", "parley", *args]
    if not stderr_tty:
        done = subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=300)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(command, env=ENV, stdout=subprocess.PIPE, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process has ended
            break
        if not data:
            break
        chunks.append(data)
    out = proc.stdout.read().decode()  # type: ignore[union-attr]
    proc.wait(timeout=300)
    os.close(leader)
    return proc.returncode, out, b"".join(chunks).decode(errors="replace")


def test_code_draws_progress_on_a_terminal_and_not_in_a_pipe(tmp_path):
    corpus, out = _corpus(tmp_path), tmp_path / "out.jsonl"
    code, _stdout, terminal = _run(["code", str(corpus), "--no-model", "--out", str(out)], stderr_tty=True)
    assert code == 1 and BAR.search(terminal), terminal  # 1: the empty line failed
    assert "3 document(s) coded, 1 failed" in terminal and len(out.read_text().splitlines()) == 3
    code, _stdout, piped = _run(["code", str(corpus), "--no-model", "--out", str(out)], stderr_tty=False)
    assert code == 1 and not BAR.search(piped) and "\x1b" not in piped, piped
    assert "3 document(s) coded, 1 failed" in piped


def test_ingest_draws_progress_on_a_terminal(tmp_path):
    code, _stdout, terminal = _run(["ingest", str(_corpus(tmp_path)), "--db", str(tmp_path / "s.duckdb"),
                                    "--batch-size", "2"], stderr_tty=True)
    assert code == 1 and BAR.search(terminal), terminal
    assert "3 coded and stored" in terminal


def test_the_progress_line_is_drawn_only_when_asked():
    shown, hidden = io.StringIO(), io.StringIO()
    for buffer, force in ((shown, True), (hidden, False)):
        console = Console(file=buffer, force_terminal=force, width=100)
        with progress(console, "coding") as tally:
            for failed in (False, True, False):
                tally.advance(failed=failed)
            assert (tally.done, tally.failed, tally.shown) == (3, 1, force)
    assert BAR.search(shown.getvalue()) and hidden.getvalue() == ""
