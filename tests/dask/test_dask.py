"""The Dask runner on a real ``distributed.LocalCluster`` of two single-threaded worker processes (one per test
module: starting a worker loads spaCy): the same output as one process, in input order; a worker killed
while partitions are in flight costs nothing; failed documents are reported and the rest coded; Parquet,
DuckDB and PostgreSQL outputs; the Bag and DataFrame API."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal

import pytest
from typer.testing import CliRunner

from parley import bench
from parley.cli import app
from parley.model import CodedDocument, Document, Failure
from parley.pipeline import Options, default_coder

PG_URL = os.environ.get("PARLEY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
MAX_CHARS = 4000  # one coder per worker for the whole module; a longer document is refused on the worker
OPTIONS = Options(max_chars=MAX_CHARS)
LONG = "Chile criticised Peru over the border dispute on Monday. " * 80  # over MAX_CHARS

runner = CliRunner()


@pytest.fixture(scope="module")
def client():
    """Two worker processes; a partition is given up after its workers died twice (Dask's default is 3 times,
    the test of a document that kills its workers is quicker this way)."""
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    """Short synthetic articles of our own (parley.bench's templates)."""
    return list(bench.articles(14, seed=3))


@pytest.fixture(scope="module")
def reference():
    return default_coder(OPTIONS)


def _documents(articles: list[dict]) -> list[Document]:
    return [Document(text=a["text"], id=a["id"], title=a["title"], published=dt.date.fromisoformat(a["published"]))
            for a in articles]


def _write_input(path, articles: list[dict]) -> None:
    lines = [json.dumps(a) for a in articles[:5]]
    lines += ['{"id": "broken", "text": ', json.dumps({"id": "too-long", "text": LONG})]
    lines += [json.dumps(a) for a in articles[5:]]
    lines.append(json.dumps(articles[0]))  # the same article again
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cli(*args: str):
    return runner.invoke(app, [*args, "--max-chars", str(MAX_CHARS)])


def test_cluster_output_is_one_process_output_in_input_order(client, articles, tmp_path):
    src = tmp_path / "in.jsonl"
    _write_input(src, articles)
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    r1 = _cli("code", str(src), "--out", str(one))
    r2 = _cli("code", str(src), "--out", str(many), "--cluster", client.scheduler.address, "--partition-size", "3")
    assert r1.exit_code == r2.exit_code == 1, r2.output  # some items failed, the rest coded
    assert one.read_text(encoding="utf-8") == many.read_text(encoding="utf-8")
    ids = [json.loads(line)["document"]["id"] for line in many.read_text(encoding="utf-8").splitlines()]
    assert ids == [a["id"] for a in articles] + [articles[0]["id"]]
    for r in (r1, r2):  # both failures reported, the reader's and the worker's, and counted
        assert "in.jsonl:6: E002: malformed JSON" in r.output and "too-long" in r.output
        assert "over the limit of 4,000" in r.output and "15 document(s) coded, 2 failed" in r.output


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(client, articles, reference):
    from parley import dask

    docs = _documents(articles) * 2  # 28 documents in 14 partitions: plenty in flight when the worker dies
    pids = client.run(os.getpid)
    stream = dask.code(client, docs, OPTIONS, partition_size=2)
    out = [next(stream)]
    busy = [w for w, keys in client.processing().items() if keys]
    assert busy, "no partition in flight when the worker was to be killed"
    os.kill(pids[busy[0]], signal.SIGKILL)
    out.extend(stream)
    assert all(isinstance(c, CodedDocument) for c in out)
    assert [c.document.id for c in out] == [d.id for d in docs]
    assert [c.to_json() for c in out] == [c.to_json() for c in reference.pipe_items(docs)]
    assert pids[busy[0]] not in client.run(os.getpid).values()  # that process really died
    client.wait_for_workers(2, timeout=300)  # a restarted worker loads spaCy again: slow on a busy machine


def test_a_document_that_kills_its_workers_is_reported_and_the_rest_coded(client, articles, reference):
    from distributed import WorkerPlugin

    from parley import dask

    class Poison(WorkerPlugin):
        """A worker process that codes a text holding POISON dies on the spot, as after a crash in a compiled
        library or the kernel's out-of-memory killer; installed again in each restarted worker."""

        name = "parley-test-poison"

        def setup(self, worker):
            import parley.dask.worker as w

            original = getattr(w, "_unpoisoned", w.code_items)

            def code_items(items, options):
                if any("POISON" in getattr(i, "text", "") for i in items):
                    os._exit(1)
                return original(items, options)

            w._unpoisoned, w.code_items = original, code_items

        def teardown(self, worker):
            import parley.dask.worker as w

            w.code_items = w.__dict__.pop("_unpoisoned", w.code_items)

    docs = _documents(articles[:6])
    docs.insert(4, Document(text="POISON. Chile criticised Peru.", id="poison"))
    client.register_plugin(Poison())
    try:
        out = list(dask.code(client, docs, OPTIONS, partition_size=3))
    finally:
        client.unregister_worker_plugin("parley-test-poison")
        client.wait_for_workers(2, timeout=300)  # a restarted worker loads spaCy again: slow on a busy machine
    assert [o.item if isinstance(o, Failure) else o.document.id for o in out] == [d.id for d in docs]
    failure = out[4]
    assert isinstance(failure, Failure) and failure.code == "E900" and "died every time" in failure.message
    good = [d for d in docs if d.id != "poison"]
    for got, expected in zip([c for c in out if isinstance(c, CodedDocument)], reference.pipe(good), strict=True):
        assert json.loads(got.to_json()) == json.loads(expected.to_json())  # a diff by field when it fails


def test_parquet_partitions_hold_the_store_columns_in_input_order(client, articles, reference, tmp_path):
    import pyarrow.parquet as pq

    from parley.store.schema import DOC_COLUMNS, EVENT_COLUMNS, event_row

    src, out = tmp_path / "in.jsonl", tmp_path / "parquet"
    _write_input(src, articles)
    r = _cli("code", str(src), "--format", "parquet", "--out", str(out), "--cluster", client.scheduler.address,
             "--partition-size", "4")
    assert r.exit_code == 1 and "2 failed" in r.output, r.output
    events = pq.read_table(out / "events")
    docs = pq.read_table(out / "documents")
    assert tuple(events.column_names) == EVENT_COLUMNS and tuple(docs.column_names) == DOC_COLUMNS
    assert len(list((out / "events").glob("part-*.parquet"))) == 5  # 17 items, 4 a partition
    expected = [event_row(c.document.id, e) for c in reference.pipe(_documents(articles) + _documents(articles[:1]))
                for e in c.events]
    assert [tuple(row[c] for c in EVENT_COLUMNS) for row in events.to_pylist()] == expected
    assert docs.column("id").to_pylist() == [a["id"] for a in articles] + [articles[0]["id"]]
    again = _cli("code", str(src), "--format", "parquet", "--out", str(out), "--cluster", client.scheduler.address)
    assert again.exit_code == 2 and "already holds parley Parquet partitions" in again.output


def test_ingest_on_the_cluster_stores_what_one_process_stores(client, articles, store_target, tmp_path):
    from parley.store import open_store

    src = tmp_path / "in.jsonl"
    _write_input(src, articles)
    single = str(tmp_path / "single.duckdb")
    r1 = _cli("ingest", str(src), "--db", single)
    r2 = _cli("ingest", str(src), "--db", store_target, "--cluster", client.scheduler.address, "--partition-size", "3")
    assert r1.exit_code == r2.exit_code == 1, r2.output
    assert "17 read, 14 coded and stored" in r2.output and "1 already stored, 2 failed" in r2.output, r2.output
    with open_store(single) as a, open_store(store_target) as b:
        assert a.counts() == b.counts()
        cols = "id, doc_id, cameo, source_code, target_code, event_date, modality, confidence"
        assert a.query(f"SELECT {cols} FROM events ORDER BY id")[1] == b.query(f"SELECT {cols} FROM events ORDER BY id")[1]
    again = _cli("ingest", str(src), "--db", store_target, "--cluster", client.scheduler.address)
    assert again.exit_code == 1 and "0 coded and stored" in again.output and "15 already stored" in again.output


@pytest.mark.postgres
def test_postgres_ingest_survives_a_killed_worker(client, articles, tmp_path):
    import uuid

    import psycopg

    from parley import dask
    from parley.store import open_store
    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    try:
        docs = _documents(articles) * 2
        pids = client.run(os.getpid)
        killed = []

        def kill_once(stats) -> None:
            busy = [w for w, keys in client.processing().items() if keys]
            if not killed and busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(busy[0])

        stats = dask.ingest(client, docs, url, OPTIONS, batch_size=1, partition_size=2, on_batch=kill_once)
        assert killed
        assert stats.read == 28 and stats.failed == 0 and stats.coded + stats.skipped == 28
        single = tmp_path / "single.duckdb"
        with open_store(single) as s:
            from parley.store import ingest

            ingest(s, docs, default_coder(OPTIONS))
            expected = s.counts(), s.query("SELECT id, cameo FROM events ORDER BY id")[1]
        with open_store(url) as pg:
            assert (pg.counts(), pg.query("SELECT id, cameo FROM events ORDER BY id")[1]) == expected
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
        client.wait_for_workers(2, timeout=300)  # a restarted worker loads spaCy again: slow on a busy machine


def test_code_bag_and_code_dataframe_give_the_store_event_rows(client, articles, reference):
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from parley import dask
    from parley.store.schema import EVENT_COLUMNS, event_row

    records = [{k: a[k] for k in ("id", "text", "published")} for a in articles[:6]]
    expected = [event_row(c.document.id, e) for c in reference.pipe(_documents(articles[:6])) for e in c.events]
    bag = db.from_sequence(records + ["", 42], npartitions=3)
    frame = dd.from_pandas(pd.DataFrame(records), npartitions=2)
    for events in (dask.code_bag(bag, OPTIONS), dask.code_dataframe(frame, OPTIONS)):
        got = events.compute()
        assert tuple(got.columns) == EVENT_COLUMNS
        assert list(got["id"]) == [e[0] for e in expected]
        assert list(got["cameo"]) == [e[9] for e in expected]
        assert [None if pd.isna(v) else v for v in got["event_date"]] == [e[18] for e in expected]


def test_a_bad_cluster_address_is_a_usage_error(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Chile criticised Peru.", encoding="utf-8")
    r = runner.invoke(app, ["code", str(src), "--cluster", "somewhere"])
    assert r.exit_code == 2 and "local:N" in r.output and "tcp://HOST:PORT" in r.output
    r = runner.invoke(app, ["code", str(src), "--cluster", "local:0"])
    assert r.exit_code == 2 and "N >= 1" in r.output
