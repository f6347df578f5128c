"""Opening stores: a DuckDB file or a PostgreSQL URL; schema versions and columns added since parley 0.1;
errors that say which store and never show a password."""

from __future__ import annotations

import pytest

from parley import errors
from parley.store import DuckDBStore, PostgresStore, ingest, open_store
from parley.store.postgres import redact
from parley.store.schema import SCHEMA_VERSION


def test_a_path_opens_duckdb_and_a_url_postgres(store_target):
    with open_store(store_target) as store:
        expected = PostgresStore if store_target.startswith("postgresql://") else DuckDBStore
        assert type(store) is expected
        assert store.counts() == {"documents": 0, "events": 0, "quotes": 0}


def test_unreachable_postgres_is_a_clear_error():
    with pytest.raises(errors.StoreError) as info:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    message = str(info.value)
    assert message.startswith("E005: postgresql://nobody:***@127.0.0.1:1/none: cannot connect to PostgreSQL")
    assert "secret" not in message


@pytest.mark.parametrize("url, shown", [
    ("postgresql://me:pw@db.example/x", "postgresql://me:***@db.example/x"),
    ("postgresql://me@db.example/x", "postgresql://me@db.example/x"),
    ("postgres://db.example/x", "postgres://db.example/x"),
])
def test_urls_are_shown_without_their_password(url, shown):
    assert redact(url) == shown


def test_a_store_written_by_another_schema_version_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    with open_store(path) as store:
        store.query("UPDATE parley_meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    expected = f"schema version {SCHEMA_VERSION + 1}, this parley writes {SCHEMA_VERSION}"
    with pytest.raises(errors.StoreError, match=expected):
        open_store(path)


def test_a_bad_query_names_the_store(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        with pytest.raises(errors.StoreError, match="s.duckdb: query failed"):
            store.query("SELECT nothing FROM nowhere")


def test_a_store_made_before_tone_gains_the_column(tmp_path, coder, news):
    import duckdb

    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)  # the documents table as parley 0.1 made it
    con.execute("""CREATE TABLE documents (
        id TEXT PRIMARY KEY, title TEXT, url TEXT, source TEXT, published DATE,
        coder_version TEXT NOT NULL, stored_at TIMESTAMP NOT NULL, n_events INTEGER NOT NULL,
        n_quotes INTEGER NOT NULL, coded_json TEXT NOT NULL)""")
    con.close()
    with open_store(path) as store:
        ingest(store, news[:1], coder)
        assert [r["avg_tone"] for r in store.aggregates()][0] == pytest.approx(coder.code(news[0]).tone)
