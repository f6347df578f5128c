"""Shared fixtures: the loaded model and coder (once per session), the shared eval folder, fresh stores."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    """The shared folder (example article, eval data): $PARLEY_SHARED when set, else ../shared next to the repo."""
    return Path(os.environ.get("PARLEY_SHARED") or REPO.parent / "shared")


SHARED = _shared()


@pytest.fixture(scope="session")
def nlp():
    from parley.nlp import load

    return load()


@pytest.fixture(scope="session")
def coder():
    """The rules alone: the tests of rules, quotes, actors and the store check what the rules do; the trained
    layer has its own tests (tests/learn) and is measured by the accuracy gate."""
    from parley.pipeline import Options, default_coder

    return default_coder(Options(use_model=False))


@pytest.fixture(scope="session")
def code_text(coder):
    """Code a text with a publication date; returns the CodedDocument."""
    from parley.model import Document

    def run(text: str, published: str | dt.date | None = "2024-07-13"):
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        return coder.analyse(Document(text=text, published=published)).coded  # the coder's own codes

    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """$PARLEY_SHARED or ../shared next to the checkout; tests that need it skip only when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"the shared folder {SHARED} is not present (set PARLEY_SHARED or put it at ../shared)")
    return SHARED


# --- stores ------------------------------------------------------------------------------------------------

PG_URL = os.environ.get("PARLEY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture
def pg_target():
    """A new schema in the PostgreSQL test database (CI starts the server), as a store URL; dropped afterwards."""
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_target(request, tmp_path):
    """A fresh, empty store: a DuckDB file, or a new schema in the PostgreSQL test database (CI starts it)."""
    if request.param == "duckdb":
        return str(tmp_path / "store.duckdb")
    return request.getfixturevalue("pg_target")


NEWS = [
    ("Turkey condemned Sweden over the protest on Monday. Egyptian police arrested the opposition leader.", "wire-a"),
    ("Turkey condemned Sweden over the protest on Monday, officials said.", "wire-b"),
    ("Canada sent humanitarian supplies to Haiti on Tuesday. If talks fail, Israel would strike Iran.", "wire-a"),
]


@pytest.fixture
def news():
    """Three short articles of our own published on Wednesday 6 March 2024; the first two report the same
    condemnation (two sources), the third an aid delivery and a hypothetical strike."""
    from parley.model import Document

    return [Document(text=t, source=s, url=f"https://news.example/{i}", published=dt.date(2024, 3, 6))
            for i, (t, s) in enumerate(NEWS)]


@pytest.fixture
def filled_store(store_target, coder, news):
    """A store holding the three ``news`` articles, coded."""
    from parley.store import ingest, open_store

    with open_store(store_target) as store:
        ingest(store, news, coder)
        yield store


# --- layering --------------------------------------------------------------------------------------------------


@pytest.fixture
def loaded_by():
    """``loaded_by(imports, unwanted)``: which of the ``unwanted`` modules (or their submodules) a fresh interpreter
    loads when it runs ``imports`` (fresh, so that other tests' imports do not hide a violation)."""
    def run(imports: str, unwanted: tuple[str, ...]) -> list[str]:
        script = (f"import sys\n{imports}\nunwanted = {unwanted!r}\n"
                  "print(','.join(sorted(m for m in sys.modules\n"
                  "                      if m in unwanted or m.startswith(tuple(u + '.' for u in unwanted)))))")
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return [m for m in done.stdout.strip().split(",") if m]
    return run
