"""`parley ingest`, `parley export` and `parley query` end to end, in-process."""

from __future__ import annotations

import json

import pytest

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
    for actor, rows in (("TUR", 1), ("%", 0), ("_UR", 0)):  # LIKE wildcards are literal characters
        r = runner.invoke(app, ["export", "--format", "csv", "--db", db, "--actor", actor])
        assert r.exit_code == 0 and f"{rows} row(s) exported" in r.output, (actor, r.output)
    r = runner.invoke(app, ["query", "dyad", "TUR", "SWE", "--db", db, "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output.splitlines()[0])["events"] == 1
    r = runner.invoke(app, ["query", "say-do", "TUR", "SWE", "--db", db])  # a condemnation: neither
    assert r.exit_code == 0 and "no events" in r.output and "0 " not in r.output, r.output
    r = runner.invoke(app, ["query", "counts", "--db", db, "--by", "fortnight"])
    assert r.exit_code == 2 and "unknown period" in r.output


@pytest.mark.parametrize("command", [
    ["query", "top-actors"],
    ["query", "counts"],
    ["query", "dyad", "RUS", "UKR"],
    ["query", "say-do", "RUS", "UKR"],
    ["query", "quotes"],
    ["export", "--format", "gdelt"],
    ["export", "--format", "csv"],
    ["export", "--format", "jsonl", "--quotes"],
])
def test_reading_a_store_that_does_not_exist_is_an_error_and_creates_nothing(tmp_path, command):
    db = tmp_path / "typo.duckdb"
    r = CliRunner().invoke(app, [*command, "--db", str(db)])
    assert r.exit_code == 2, r.output
    assert "no such store" in r.output and "parley ingest" in r.output
    assert not db.exists()


def test_ingest_says_when_it_creates_the_store(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "new.duckdb")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(src), "--db", db])
    assert first.exit_code == 0 and f"created a new store in {db}" in first.output
    again = runner.invoke(app, ["ingest", str(src), "--db", db])
    assert again.exit_code == 0 and "created a new store" not in again.output


def test_ingest_again_with_published_updates_the_dates(tmp_path):
    src = tmp_path / "news"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(src), "--db", db]).exit_code == 0
    r = runner.invoke(app, ["ingest", str(src), "--db", db, "--published", "2024-03-06"])
    assert r.exit_code == 0, r.output
    assert "1 stored document(s) recoded and replaced" in r.output and "0 already stored" in r.output
    monday = ["--from", "2024-03-04", "--to", "2024-03-04"]
    r = runner.invoke(app, ["export", "--format", "csv", "--db", db, *monday])
    assert r.exit_code == 0 and "TUR" in r.output  # "on Monday" is now dated


def test_cli_quotes_query_and_export(tmp_path):
    src = tmp_path / "q.txt"
    src.write_text('"The harbour stays closed," said Marta Lindqvist, the port director. '
                   "Dmitry Peskov said the talks had failed.", encoding="utf-8")
    db = str(tmp_path / "q.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(src), "--db", db, "--published", "2024-03-06"]).exit_code == 0
    r = runner.invoke(app, ["query", "quotes", "--speaker", "lindqvist", "--db", db, "--format", "json"])
    assert r.exit_code == 0, r.output
    [row] = [json.loads(line) for line in r.output.splitlines()]
    assert row["speaker_text"] == "Marta Lindqvist, the port director" and row["text"] == "The harbour stays closed"
    r = runner.invoke(app, ["query", "quotes", "--speaker", "RUSGOV", "--db", db, "--format", "json"])
    assert [json.loads(line)["text"] for line in r.output.splitlines()] == ["the talks had failed"]
    r = runner.invoke(app, ["query", "quotes", "--speaker", "nobody", "--db", db])
    assert r.exit_code == 0 and "no quotes" in r.output
    r = runner.invoke(app, ["export", "--quotes", "--format", "csv", "--db", db])
    assert r.exit_code == 0 and "speaker_text,speaker_name,speaker_code,speaker_start" in r.output
    assert "2 row(s) exported" in r.output
    r = runner.invoke(app, ["export", "--quotes", "--format", "gdelt", "--db", db])
    assert r.exit_code == 2 and "no quotations" in r.output


@pytest.mark.postgres
@pytest.mark.parametrize("command", [["query", "top-actors"], ["export", "--format", "gdelt"]])
def test_reading_a_postgresql_database_without_parley_s_tables_is_an_error_and_creates_none(pg_target, command):
    import psycopg

    r = CliRunner().invoke(app, [*command, "--db", pg_target])
    assert r.exit_code == 2 and "E005" in r.output, r.output
    schema = pg_target.rsplit("%3D", 1)[1]
    with psycopg.connect(pg_target.split("?")[0]) as conn:
        tables = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = %s",
                              [schema]).fetchone()[0]
    assert tables == 0


def test_ingest_again_says_why_documents_are_skipped_or_recoded(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    mine = tmp_path / "mine.tsv"
    mine.write_text("SWEGOV\tcapital\tStockholm\t\t\t\n", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(src), "--db", db]).exit_code == 0
    same = runner.invoke(app, ["ingest", str(src), "--db", db])
    assert same.exit_code == 0 and "1 document(s) skipped: stored before by this coder" in same.output, same.output
    # a new dictionary is a new coder: the stored document is recoded and the command says so and why
    new = runner.invoke(app, ["ingest", str(src), "--db", db, "--dict", str(mine)])
    assert new.exit_code == 0, new.output
    assert "1 stored document(s) recoded and replaced" in new.output and "the coder changed" in new.output
    assert "skipped" not in new.output
    again = runner.invoke(app, ["ingest", str(src), "--db", db, "--dict", str(mine)])
    assert "1 document(s) skipped" in again.output and "recoded" not in again.output
