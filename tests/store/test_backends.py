"""Opening stores: a DuckDB file or a PostgreSQL URL; schema versions and columns added since parley 0.1;
errors that say which store and never show a password."""

from __future__ import annotations

from pathlib import Path

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


def _tables(target: str) -> list[str]:
    """The tables in the store's database (its schema, for PostgreSQL), without opening it as a store."""
    if not target.startswith("postgresql://"):
        import duckdb

        with duckdb.connect(target, read_only=True) as con:
            return [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    import psycopg

    with psycopg.connect(target) as con:
        return [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                          "WHERE table_schema = current_schema()").fetchall()]


def test_reading_a_store_that_does_not_exist_is_refused_and_creates_nothing(store_target):
    with pytest.raises(errors.StoreError, match="ingest --db"):
        open_store(store_target, create=False)
    if store_target.startswith("postgresql://"):
        assert _tables(store_target) == []
    else:
        assert not Path(store_target).exists()


def test_only_the_first_open_creates_the_store(store_target):
    with open_store(store_target) as store:
        assert store.created
    with open_store(store_target, create=False) as store:
        assert not store.created and store.counts()["documents"] == 0
    assert "documents" in _tables(store_target)


def test_a_database_without_parley_s_tables_is_not_a_store(tmp_path):
    import duckdb

    path = str(tmp_path / "other.duckdb")
    with duckdb.connect(path) as con:
        con.execute("CREATE TABLE something (x INTEGER)")
    with pytest.raises(errors.StoreError, match="no parley store here"):
        open_store(path, create=False)
    assert _tables(path) == ["something"]


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
