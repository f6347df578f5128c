"""Imports run one way: the store, the exports and the readers load neither spaCy nor the coder (a fresh
interpreter, so other tests' imports do not hide a violation)."""

from __future__ import annotations


def test_store_exports_and_readers_load_neither_spacy_nor_the_coder(loaded_by):
    imports = "import parley.store, parley.store.query, parley.export, parley.read"
    assert loaded_by(imports, ("spacy", "parley.events", "parley.pipeline")) == []
