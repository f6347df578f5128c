"""Shared fixtures: the loaded model and coder (once per session), the shared eval folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent



def _shared() -> Path:
    """The shared folder (example article, eval data): $PARLEY_SHARED, ../shared, or /work/shared."""
    import os

    for candidate in (os.environ.get("PARLEY_SHARED"), REPO.parent / "shared", "/work/shared"):
        if candidate and (Path(candidate) / "examples").is_dir():
            return Path(candidate)
    return REPO.parent / "shared"


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
        return coder.code(Document(text=text, published=published))

    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared next to the checkout; tests that need it skip only when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present next to this checkout")
    return SHARED
