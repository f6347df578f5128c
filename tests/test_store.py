"""The store on both backends (DuckDB file, PostgreSQL server): idempotent, transactional, crash-safe
ingest; aggregation across articles; exports; queries. CI starts PostgreSQL (see .ci/run)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import signal
import subprocess
import sys
import uuid

import pytest

from parley.model import Document
from parley.store import Filters, coder_version, ingest, open_store
from parley.store import query as q
from parley.store.export import GDELT_COLUMNS, export

PG_URL = os.environ.get("PARLEY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request, tmp_path):
    """A fresh, empty store: a DuckDB file, or a new schema in the PostgreSQL test database."""
    if request.param == "duckdb":
        yield str(tmp_path / "store.duckdb")
        return
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


ARTICLES = [
    ("Turkey condemned Sweden over the protest on Monday. Egyptian police arrested the opposition leader.", "wire-a"),
    ("Turkey condemned Sweden over the protest on Monday, officials said.", "wire-b"),
    ("Canada sent humanitarian supplies to Haiti on Tuesday. If talks fail, Israel would strike Iran.", "wire-a"),
]


def docs():
    return [Document(text=t, source=s, url=f"https://news.example/{i}", published=dt.date(2024, 3, 6))
            for i, (t, s) in enumerate(ARTICLES)]


def test_ingest_is_idempotent_and_aggregates_across_articles(target, coder):
    with open_store(target) as store:
        first = ingest(store, docs(), coder, batch_size=2)
        assert first.coded == 3 and first.skipped == 0
        again = ingest(store, docs(), coder, batch_size=2)
        assert again.coded == 0 and again.skipped == 3
        counts = store.counts()
        assert counts["documents"] == 3
        agg = [r for r in store.aggregates() if r["cameo"].startswith("11") and r["source_code"] == "TUR"]
        assert len(agg) == 1, agg
        row = agg[0]
        assert (row["num_mentions"], row["num_articles"], row["num_sources"]) == (2, 2, 2)
        assert row["event_date"] == dt.date(2024, 3, 4)  # "on Monday" before Wednesday 6 March
        assert len(row["evidence_ids"].split(",")) == 2
        stored = store.document(docs()[0].id)
        assert stored is not None and stored.events


def test_recoding_with_another_coder_version_replaces_the_events(target, coder):
    with open_store(target) as store:
        ingest(store, docs()[:1], coder)
        n_events = store.counts()["events"]
        stats = ingest(store, docs()[:1], coder, version="another-dictionary")
        assert stats.coded == 1
        assert store.counts() == {"documents": 1, "events": n_events, "quotes": store.counts()["quotes"]}


def test_a_failed_batch_leaves_nothing_half_stored(target, coder):
    from parley import errors

    with open_store(target) as store:
        good = [coder.code(d) for d in docs()]
        store.write_batch(good[:1], "v1")
        broken = good[1:]
        # two documents with the same id in one batch break the primary key: the whole batch rolls back
        with pytest.raises(errors.StoreError):
            store.write_batch([*broken, broken[0]], "v1")
        assert store.counts()["documents"] == 1
        assert store.stored_ids([d.document.id for d in good], "v1") == {good[0].document.id}


def test_exports_and_queries(target, coder, tmp_path):
    with open_store(target) as store:
        ingest(store, docs(), coder)
        buf = io.StringIO()
        n = export(store, "gdelt", None, stream=buf)
        lines = buf.getvalue().splitlines()
        assert n == len(lines) > 0
        fields = [line.split("\t") for line in lines]
        assert all(len(f) == len(GDELT_COLUMNS) == 61 for f in fields)
        col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
        tur = next(f for f in fields if f[col["Actor1Code"]] == "TUR" and f[col["EventRootCode"]] == "11")
        assert tur[col["Day"]] == "20240304" and tur[col["NumArticles"]] == "2" and tur[col["Actor2CountryCode"]] == "SWE"
        assert tur[col["SOURCEURL"]].startswith("https://news.example/")
        # AvgTone: the mean tone of the two articles that report the condemnation
        tones = [coder.code(d).tone for d in docs()[:2]]
        assert float(tur[col["AvgTone"]]) == pytest.approx(sum(tones) / 2, abs=1e-3) and sum(tones) < 0
        buf = io.StringIO()
        export(store, "csv", None, Filters(actors=("CAN",)), stream=buf)
        rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
        assert rows and all("CAN" in (r["source_code"] + r["target_code"]) for r in rows)
        buf = io.StringIO()
        export(store, "jsonl", None, Filters(date_from=dt.date(2024, 3, 5)), stream=buf)
        assert all(json.loads(line)["event_date"] >= "2024-03-05" for line in buf.getvalue().splitlines())
        path = tmp_path / "events.parquet"
        assert export(store, "parquet", path) == store.counts()["events"]
        top = q.as_dicts(q.top_actors(store, 3))
        assert top[0]["events"] >= top[-1]["events"]
        dyad = q.as_dicts(q.dyad(store, "TUR", "SWE", by="week"))
        assert dyad and dyad[0]["events"] == 2 and dyad[0]["root"] == "11"
        gap = q.as_dicts(q.say_do(store, "TUR", "SWE", by="month"))
        assert gap[0]["material_conflict"] == 0
        counts = q.as_dicts(q.counts(store, by="week"))
        assert sum(r["events"] for r in counts) == sum(1 for e in store.events() if e["occurred"])
        assert not any(e["cameo"].startswith("19") and e["occurred"] for e in store.events())  # the hypothetical strike


def _ingest_cmd(target, corpus, batch):
    return [sys.executable, "-m", "parley", "ingest", str(corpus), "--db", target, "--batch-size", str(batch)]


@pytest.mark.slow
def test_sigkill_during_ingest_loses_nothing_committed_and_rerun_completes(target, tmp_path):
    from parley import bench

    corpus = tmp_path / "corpus.jsonl"
    bench.write_corpus(corpus, 240, seed=11)
    proc = subprocess.Popen(_ingest_cmd(target, corpus, 20), stderr=subprocess.PIPE, text=True)
    committed = 0
    for line in proc.stderr:
        if line.startswith("committed batch"):
            committed += 1
            if committed == 3:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with open_store(target) as store:
        n_docs = store.counts()["documents"]
        assert 60 <= n_docs < 240
        _cols, bad = store.query("SELECT d.id FROM documents d LEFT JOIN events e ON e.doc_id = d.id "
                                 "GROUP BY d.id, d.n_events HAVING COUNT(e.id) <> d.n_events")
        assert bad == []  # no half-stored document
    done = subprocess.run(_ingest_cmd(target, corpus, 20), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"{n_docs} already stored" in done.stderr.splitlines()[-1]
    with open_store(target) as store:
        assert store.counts()["documents"] == 240
        _cols, rows = store.query("SELECT SUM(n_events) FROM documents")
        assert rows[0][0] == store.counts()["events"]


def test_cli_ingest_export_query(tmp_path):
    from typer.testing import CliRunner

    from parley.cli import app

    src = tmp_path / "a.txt"
    src.write_text(ARTICLES[0][0], encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", str(src), "--db", db, "--published", "2024-03-06"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["export", "--format", "gdelt", "--db", db])
    assert r.exit_code == 0 and "TUR" in r.output
    r = runner.invoke(app, ["query", "dyad", "TUR", "SWE", "--db", db, "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output.splitlines()[0])["events"] == 1
    r = runner.invoke(app, ["query", "counts", "--db", db, "--by", "fortnight"])
    assert r.exit_code == 2


def test_unreachable_postgres_is_a_clear_error():
    from parley import errors

    with pytest.raises(errors.StoreError) as info:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(info.value) and "cannot connect" in str(info.value)


def test_coder_version_changes_with_user_dictionaries(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("LSOGOV\tperson\tMpho Letsie\t\t\t\n", encoding="utf-8")
    assert coder_version() != coder_version([str(extra)])


def test_a_store_made_before_tone_gains_the_column(tmp_path, coder):
    import duckdb

    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)  # the documents table as parley 0.1 made it
    con.execute("""CREATE TABLE documents (
        id TEXT PRIMARY KEY, title TEXT, url TEXT, source TEXT, published DATE,
        coder_version TEXT NOT NULL, stored_at TIMESTAMP NOT NULL, n_events INTEGER NOT NULL,
        n_quotes INTEGER NOT NULL, coded_json TEXT NOT NULL)""")
    con.close()
    with open_store(path) as store:
        ingest(store, docs()[:1], coder)
        assert [r["avg_tone"] for r in store.aggregates()][0] is not None
