"""Quotes in the store: the speaker's mention (text, offsets), name and code stored and read back by speaker;
a store of schema version 1 (quotes without the speaker's text) migrated when it is opened."""

from __future__ import annotations

import datetime as dt

import pytest

from parley import errors
from parley.model import Document
from parley.store import ingest, open_store
from parley.store import query as q
from parley.store.schema import SCHEMA, SCHEMA_VERSION

SAID = ('"We will not sign this treaty," said Dmitry Peskov. A senior harbour official said the port would close '
        'at noon.')
REPORTED = "The dock workers' union said on Friday that the strike would go ahead."


@pytest.fixture
def quote_store(store_target, coder):
    with open_store(store_target) as store:
        docs = [Document(text=SAID, url="https://news.example/said", published=dt.date(2024, 3, 6)),
                Document(text=REPORTED, url="https://news.example/union", published=dt.date(2024, 3, 8))]
        ingest(store, docs, coder)
        yield store


def test_quotes_carry_the_speaker_mention_and_code(quote_store):
    rows = list(quote_store.quotes())
    by_text = {r["speaker_text"]: r for r in rows}
    assert set(by_text) == {"Dmitry Peskov", "A senior harbour official", "The dock workers' union"}
    peskov = by_text["Dmitry Peskov"]
    assert peskov["speaker_code"] == "RUSGOV" and peskov["kind"] == "direct"
    assert SAID[peskov["speaker_start"]:peskov["speaker_end"]] == "Dmitry Peskov"
    official = by_text["A senior harbour official"]
    assert official["speaker_code"] is None and official["text"] == "the port would close at noon"


@pytest.mark.parametrize("speaker, expected", [
    ("RUS", ["Dmitry Peskov"]),                          # a code prefix
    ("peskov", ["Dmitry Peskov"]),                       # words of the name, any case
    ("harbour official", ["A senior harbour official"]),  # words of a mention nobody lists
    ("union", ["The dock workers' union"]),
    ("%", []),                                           # LIKE wildcards are literal characters
])
def test_quotes_by_speaker(quote_store, speaker, expected):
    cols, rows = q.quotes(quote_store, speaker)
    assert [dict(zip(cols, r))["speaker_text"] for r in rows] == expected


def _run(target: str, statements: list[str]) -> None:
    """Statements run on the store's database directly, as an older parley would have."""
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as con:
            for s in statements:
                con.execute(s)
        return
    import duckdb

    with duckdb.connect(target) as con:
        for s in statements:
            con.execute(s)


V1_QUOTES = """CREATE TABLE quotes (
    doc_id TEXT NOT NULL, quote_id TEXT NOT NULL, sentence INTEGER, speaker_code TEXT, speaker_name TEXT,
    text TEXT NOT NULL, kind TEXT NOT NULL, cue TEXT, start_char INTEGER, end_char INTEGER,
    PRIMARY KEY (doc_id, quote_id))"""


def test_a_version_1_store_is_migrated_and_its_speakers_filled(store_target, coder):
    coded = coder.code(Document(text=SAID, published=dt.date(2024, 3, 6)))
    quote = next(x for x in coded.quotes if x.speaker and x.speaker.text == "Dmitry Peskov")
    # the tables as schema version 1 made them
    v1 = [s for s in SCHEMA if " quotes " not in s and not s.endswith("quotes (speaker_code)")] + [V1_QUOTES]
    json_text = coded.to_json().replace("'", "''")
    _run(store_target, [*v1, "INSERT INTO parley_meta VALUES ('schema_version', '1')",
                        "INSERT INTO documents (id, coder_version, stored_at, n_events, n_quotes, coded_json) VALUES "
                        f"('d1', 'old', TIMESTAMP '2024-03-06 10:00:00', 0, 1, '{json_text}')",
                        "INSERT INTO quotes VALUES ('d1', '" + quote.id + "', 0, 'RUSGOV', 'Dmitry Peskov', "
                        "'We will not sign this treaty', 'direct', 'said', 1, 28)"])
    with open_store(store_target) as store:
        [row] = list(store.quotes("peskov"))
        assert (row["speaker_text"], row["speaker_start"], row["speaker_end"]) == (
            "Dmitry Peskov", quote.speaker.start, quote.speaker.end)
        cols, rows = store.query("SELECT value FROM parley_meta WHERE key = 'schema_version'")
        assert rows == [(str(SCHEMA_VERSION),)]
    with open_store(store_target) as store:  # opening again changes nothing
        assert [r["speaker_text"] for r in store.quotes()] == ["Dmitry Peskov"]


def test_a_store_from_a_newer_parley_is_refused_unchanged(tmp_path):
    path = tmp_path / "future.duckdb"
    with open_store(path) as store:
        store.query("UPDATE parley_meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    with pytest.raises(errors.StoreError, match=f"schema version {SCHEMA_VERSION + 1}"):
        open_store(path)
