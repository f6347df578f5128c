"""`parley ingest`, `parley export` and `parley query` end to end, in-process."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from parley.cli import app

ARTICLE = "Turkey condemned Sweden over the protest on Monday. Egyptian police arrested the opposition leader."


def test_cli_ingest_export_query(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", str(src), "--db", db, "--published", "2024-03-06"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["export", "--format", "gdelt", "--db", db])
    assert r.exit_code == 0 and "TUR" in r.output
    r = runner.invoke(app, ["query", "dyad", "TUR", "SWE", "--db", db, "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output.splitlines()[0])["events"] == 1
    r = runner.invoke(app, ["query", "counts", "--db", db, "--by", "fortnight"])
    assert r.exit_code == 2 and "unknown period" in r.output
