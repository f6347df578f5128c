"""Ingest on both backends: idempotent (a stored document is skipped), recoding replaces, a batch is one
transaction, and a crash mid-ingest loses nothing committed and resumes where it stopped."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys

import pytest

from parley import errors
from parley.model import Document
from parley.store import coder_version, ingest, open_store


def test_ingest_is_idempotent_and_aggregates_across_articles(store_target, coder, news):
    with open_store(store_target) as store:
        first = ingest(store, news, coder, batch_size=2)
        assert (first.read, first.coded, first.skipped, first.failed, first.batches) == (3, 3, 0, 0, 2)
        again = ingest(store, news, coder, batch_size=2)
        assert again.coded == 0 and again.skipped == 3
        assert store.counts()["documents"] == 3
        agg = [r for r in store.aggregates() if r["cameo"].startswith("11") and r["source_code"] == "TUR"]
        assert len(agg) == 1, agg
        row = agg[0]
        assert (row["num_mentions"], row["num_articles"], row["num_sources"]) == (2, 2, 2)
        assert row["event_date"] == dt.date(2024, 3, 4)  # "on Monday" before Wednesday 6 March
        assert len(row["evidence_ids"].split(",")) == 2
        stored = store.document(news[0].id)
        assert stored == coder.code(news[0])  # the stored JSON reads back as the same record


def test_recoding_with_another_coder_version_replaces_the_events(store_target, coder, news):
    with open_store(store_target) as store:
        ingest(store, news[:1], coder)
        before = store.counts()
        stats = ingest(store, news[:1], coder, version="another-dictionary")
        assert stats.coded == 1 and stats.skipped == 0
        assert store.counts() == before


def test_a_failed_batch_leaves_nothing_half_stored(store_target, coder, news):
    with open_store(store_target) as store:
        good = [coder.code(d) for d in news]
        store.write_batch(good[:1], "v1")
        broken = good[1:]
        # two documents with the same id in one batch break the primary key: the whole batch rolls back
        with pytest.raises(errors.StoreError, match="could not store a batch of 3 documents"):
            store.write_batch([*broken, broken[0]], "v1")
        assert store.counts()["documents"] == 1
        assert store.stored_ids([d.document.id for d in good], "v1") == {good[0].document.id}


def test_read_failures_are_counted_and_reported(tmp_path, coder, news):
    from parley.model import Failure

    bad = Failure("broken.jsonl:2", "E002", "malformed JSON")
    seen = []
    with open_store(tmp_path / "s.duckdb") as store:
        stats = ingest(store, [news[0], bad], coder, on_failure=seen.append)
    assert (stats.read, stats.coded, stats.failed) == (2, 1, 1) and seen == [bad]


def test_coder_version_changes_with_user_dictionaries(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("LSOGOV\tperson\tMpho Letsie\t\t\t\n", encoding="utf-8")
    assert coder_version() == coder_version()
    assert coder_version() != coder_version([str(extra)])


def test_coder_version_covers_every_data_folder():
    """Word lists (data/lexicon) and the trained layer (data/models) change what is coded, as dictionaries do:
    every folder of parley/data is in the fingerprint, so a new one cannot be forgotten."""
    from importlib import resources

    from parley.store.ingest import DATA_FOLDERS

    data = resources.files("parley") / "data"
    shipped = {f.name for f in data.iterdir() if f.is_dir() and f.name[0] not in "._"}
    assert {"lexicon", "models"} <= set(DATA_FOLDERS)
    assert shipped <= set(DATA_FOLDERS), shipped - set(DATA_FOLDERS)


def test_coder_version_changes_with_user_word_lists_and_models(tmp_path, monkeypatch):
    words, model = tmp_path / "words", tmp_path / "model"
    words.mkdir()
    model.mkdir()
    (model / "meta.json").write_text("{}", encoding="utf-8")
    monkeypatch.delenv("PARLEY_LEXICON", raising=False)
    before = coder_version()
    monkeypatch.setenv("PARLEY_LEXICON", str(words))
    assert coder_version() == before  # an empty folder adds no word
    (words / "speech-verbs.txt").write_text("opine\n", encoding="utf-8")
    with_words = coder_version()
    assert with_words != before
    (words / "speech-verbs.txt").write_text("opine\nmuse\n", encoding="utf-8")
    assert coder_version() not in (before, with_words)
    monkeypatch.delenv("PARLEY_LEXICON")
    with_model = coder_version(model_path=str(model))
    assert with_model != before and coder_version(model_path=str(model), use_model=False) == coder_version(
        use_model=False)
    (model / "meta.json").write_text('{"retrained": true}', encoding="utf-8")
    assert coder_version(model_path=str(model)) != with_model


def _ingest_cmd(target, corpus, batch):
    return [sys.executable, "-m", "parley", "ingest", str(corpus), "--db", target, "--batch-size", str(batch)]


@pytest.mark.slow
def test_sigkill_during_ingest_loses_nothing_committed_and_rerun_completes(store_target, tmp_path):
    from parley import bench

    corpus = tmp_path / "corpus.jsonl"
    bench.write_corpus(corpus, 240, seed=11)
    proc = subprocess.Popen(_ingest_cmd(store_target, corpus, 20), stderr=subprocess.PIPE, text=True)
    committed = 0
    for line in proc.stderr:
        if line.startswith("committed batch"):
            committed += 1
            if committed == 3:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with open_store(store_target) as store:
        n_docs = store.counts()["documents"]
        assert 60 <= n_docs < 240
        _cols, bad = store.query("SELECT d.id FROM documents d LEFT JOIN events e ON e.doc_id = d.id "
                                 "GROUP BY d.id, d.n_events HAVING COUNT(e.id) <> d.n_events")
        assert bad == []  # no half-stored document
    done = subprocess.run(_ingest_cmd(store_target, corpus, 20), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"{n_docs} already stored" in done.stderr.splitlines()[-1]
    with open_store(store_target) as store:
        assert store.counts()["documents"] == 240
        _cols, rows = store.query("SELECT SUM(n_events) FROM documents")
        assert rows[0][0] == store.counts()["events"]


def _undated(news):
    from parley.model import Document

    return [Document(text=d.text, source=d.source) for d in news]


@pytest.mark.parametrize("change, updated", [
    ({"published": dt.date(2024, 3, 6)}, 3),  # --published on a second run: dates filled in
    ({}, 0),  # the same documents again: skipped
    ({"source": "wire-c"}, 3),
    ({"title": "A new title"}, 3),
    ({"url": "https://news.example/moved"}, 3),
])
def test_documents_ingested_again_with_new_metadata_are_recoded(store_target, coder, news, change, updated):
    import dataclasses

    with open_store(store_target) as store:
        ingest(store, _undated(news), coder)
        assert all(e["event_date"] is None for e in store.events())
        again = [dataclasses.replace(d, **change) for d in _undated(news)]
        stats = ingest(store, again, coder)
        assert (stats.updated, stats.coded, stats.skipped) == (updated, updated, 3 - updated)
        assert store.counts()["documents"] == 3
        for d in again:
            stored = store.document(d.id).document
            fields = ("title", "url", "source", "published")
            assert [getattr(stored, f) for f in fields] == [getattr(d, f) for f in fields]
        if "published" in change:
            condemned = [e for e in store.events() if e["cameo"].startswith("11")]
            assert condemned and all(e["event_date"] == dt.date(2024, 3, 4) for e in condemned)  # "on Monday"


def test_a_field_not_given_again_keeps_the_stored_value(store_target, coder, news):
    with open_store(store_target) as store:
        ingest(store, news, coder)  # published 6 March 2024, with sources and urls
        stats = ingest(store, _undated(news), coder)  # the same texts without date or url
        assert (stats.updated, stats.skipped) == (0, 3)
        assert store.document(news[0].id).document.published == dt.date(2024, 3, 6)


# -- found by fuzzing (tests/test_pipeline_fuzz.py) ------------------------------------------------------------


def test_nul_characters_in_a_document_are_stored(store_target, coder):
    # PostgreSQL's text cannot hold NUL: a url read from a JSON "\u0000" failed the whole batch and the ingest
    doc = Document(text="Peru recalled\x00 its envoy from Chile.", id="nul\x00", title="a\x00b", url="\x00",
                   source="wire\x00")
    with open_store(store_target) as store:
        stats = ingest(store, [doc, Document(text="Chile recalled its envoy.", id="plain")], coder)
        assert (stats.coded, stats.failed) == (2, 0)
        rows = store.query("SELECT id, title, url, source FROM documents ORDER BY id")[1]
        stored = "\x00" if store_target.endswith(".duckdb") else "\ufffd"  # DuckDB keeps NUL as it is
        assert rows[0] == (f"nul{stored}", f"a{stored}b", stored, f"wire{stored}") and rows[1][0] == "plain"
        assert store.document(doc.id) is not None  # looked up by the id given, NUL and all


def test_a_document_the_store_refuses_is_one_failure_and_the_batch_is_stored(tmp_path, coder, news, monkeypatch):
    from parley.errors import StoreError

    with open_store(tmp_path / "s.duckdb") as store:
        real = store.write_batch

        def write_batch(coded, version):
            if any(c.document.id == news[1].id for c in coded):
                raise StoreError("the store cannot hold this document")
            real(coded, version)

        monkeypatch.setattr(store, "write_batch", write_batch)
        failures = []
        stats = ingest(store, news, coder, on_failure=failures.append)
        assert (stats.coded, stats.failed) == (2, 1) and stats.events == sum(len(coder.code(d).events)
                                                                             for d in (news[0], news[2]))
        assert [f.item for f in failures] == [news[1].url] and failures[0].code == "E005"
        assert {r[0] for r in store.query("SELECT id FROM documents")[1]} == {news[0].id, news[2].id}


def test_a_store_that_refuses_every_document_stops_the_ingest(tmp_path, coder, news, monkeypatch):
    from parley.errors import StoreError

    with open_store(tmp_path / "s.duckdb") as store:

        def write_batch(coded, version):
            raise StoreError("disk full")

        monkeypatch.setattr(store, "write_batch", write_batch)
        with pytest.raises(StoreError, match="disk full"):
            ingest(store, news, coder)
