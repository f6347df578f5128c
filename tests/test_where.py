"""The place gazetteer and its cache."""

from __future__ import annotations

import pytest

from parley import where


@pytest.fixture
def fresh_gazetteer(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    where._gazetteer.cache_clear()
    yield tmp_path
    where._gazetteer.cache_clear()


def test_gazetteer_is_built_once_then_read_from_the_cache(fresh_gazetteer):
    built = where._gazetteer()
    cached = list((fresh_gazetteer / "parley").glob("gazetteer-*.pickle"))
    assert len(cached) == 1
    where._gazetteer.cache_clear()
    again = where._gazetteer()
    assert again == built
    place = where.lookup("Kharkiv")
    assert place is not None and place.country == "UKR" and place.lat is not None


def test_a_cache_folder_that_cannot_be_written_only_costs_time(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    where._gazetteer.cache_clear()
    try:
        assert where.lookup("Mombasa").country == "KEN"
    finally:
        where._gazetteer.cache_clear()


def test_a_corrupt_cache_is_rebuilt(fresh_gazetteer):
    where._gazetteer()
    cached = next((fresh_gazetteer / "parley").glob("gazetteer-*.pickle"))
    cached.write_bytes(b"not a pickle")
    where._gazetteer.cache_clear()
    assert where.lookup("Kharkiv").country == "UKR"


def test_entity_of_a_token_is_its_doc_ents_entity(nlp):
    from parley.where import entity_of

    doc = nlp("Troops from the United States and South Korea drilled near Busan on Monday, "
              "said the Pentagon in Washington, D.C. late on Tuesday.")
    assert doc.ents
    for token in doc:
        expected = next(((e.start, e.end, e.label_) for e in doc.ents if e.start <= token.i < e.end), None)
        found = entity_of(token)
        assert (None if found is None else (found.start, found.end, found.label_)) == expected, token
