"""Fuzzing the coder: random Unicode, control characters, stray quotation marks and punctuation between news
words, and a 10,000-word sentence. Whatever the text, a batch yields one item per document, a coded document or
a Failure with a catalogued code, never a traceback; the good documents around a bad one are coded and stored;
offsets point at the words they name; every coded document is written as UTF-8 JSON and read back.

A fixed budget, derandomized, so CI runs the same examples every time (``PARLEY_FUZZ_EXAMPLES`` raises it for a
longer hunt)."""

from __future__ import annotations

import os
import random
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.errors import WARNINGS, catalogue
from parley.model import CodedDocument, Document, Failure

EXAMPLES = int(os.environ.get("PARLEY_FUZZ_EXAMPLES", 0))
FUZZ = settings(max_examples=EXAMPLES or 40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])
CODES = set(catalogue())
BEFORE = Document(text="Chile and Peru signed a fishing accord in Lima on Monday.", id="fuzz-before")
AFTER = Document(text="The Kenyan cabinet condemned the Somali raid on Friday.", id="fuzz-after")

WORDS = ["Russia", "Ukraine", "French", "President", "Macron", "the", "minister", "said", "condemned", "attacked",
         "met", "with", "in", "Kyiv", "on", "Monday", "police", "arrested", "protesters", "talks", "would", "not",
         "he", "she", "they", "NATO", "U.S.", "Mr.", "according", "to", "officials", "urged", "Hamas", "Israel"]
PUNCT = [".", ",", ";", ":", "!", "?", "\"", "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "(",
         ")", "-", "\u2014", "...", "\n", "\n\n", "\t", "\r\n", "\u2028", "\u00a0", "\u200b", "\ufeff", "\x00", "\x1b", "\x7f"]
CONTROL = st.characters(codec=None, categories=["Cc", "Cf", "Zl", "Zp", "Co", "Mn"])
piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(PUNCT),
                  st.text(CONTROL, min_size=1, max_size=3), st.text(st.characters(), min_size=1, max_size=6))
news_like = st.lists(piece, min_size=1, max_size=60).map(" ".join)
any_text = st.one_of(news_like, st.text(st.characters(), min_size=1, max_size=200),
                     st.text(CONTROL, min_size=1, max_size=50))


def check_offsets(coded: CodedDocument) -> None:
    """Every span names the characters at its offsets."""
    text = coded.document.text
    for m in coded.mentions:
        assert 0 <= m.start <= m.end <= len(text) and text[m.start:m.end] == m.text, m
    for e in coded.events:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text, e
        for ref in (e.source, e.target):
            assert ref is None or text[ref.start:ref.end] == ref.text, ref
    for q in coded.quotes:
        assert 0 <= q.start <= q.end <= len(text), q
        assert q.speaker is None or text[q.speaker.start:q.speaker.end] == q.speaker.text, q


def check_batch(items: list, middle: Document) -> None:
    assert len(items) == 3, items
    assert isinstance(items[0], CodedDocument) and items[0].document.id == BEFORE.id
    assert isinstance(items[2], CodedDocument) and items[2].document.id == AFTER.id
    for item in items:
        if isinstance(item, Failure):
            assert item.code in CODES and item.message, item
            continue
        assert isinstance(item, CodedDocument)
        assert all(w.code in WARNINGS for w in item.warnings)
        check_offsets(item)
        line = item.to_json()
        line.encode("utf-8")  # stdout and --out are UTF-8
        assert CodedDocument.from_json(line) == item
    assert isinstance(items[1], Failure) or items[1].document.id == middle.id


@pytest.fixture(scope="module")
def model_coder():
    from parley.pipeline import Options, default_coder

    return default_coder(Options())


@FUZZ
@given(text=any_text)
def test_any_text_in_a_batch_rules_alone(coder, text):
    middle = Document(text=text, id="fuzz-middle")
    check_batch(list(coder.pipe_items([BEFORE, middle, AFTER])), middle)


@FUZZ
@given(text=news_like)
def test_any_text_in_a_batch_with_the_trained_layer(model_coder, text):
    middle = Document(text=text, id="fuzz-middle")
    check_batch(list(model_coder.pipe_items([BEFORE, middle, AFTER])), middle)


metadata = st.one_of(st.none(), st.text(st.characters(), max_size=20), st.sampled_from(PUNCT))


@FUZZ
@given(text=any_text, title=metadata, source=metadata, url=metadata)
def test_good_documents_around_a_bad_one_are_stored(coder, text, title, source, url, store_target):
    from parley.store import ingest, open_store

    # a fresh id each time: coded, not skipped as stored
    middle = Document(text=text, id=f"fuzz-{uuid.uuid4().hex}", title=title, source=source, url=url)
    failures: list[Failure] = []
    with open_store(store_target) as store:  # one store for all examples (DuckDB file, PostgreSQL schema)
        stats = ingest(store, [BEFORE, middle, AFTER], coder, on_failure=failures.append)
        assert stats.read == 3 and stats.failed == len(failures) <= 1
        assert all(f.code in CODES for f in failures)
        for doc in (BEFORE, AFTER, *([] if failures else [middle])):
            stored = store.document(doc.id)
            assert stored is not None and stored.document.text == doc.text


def test_a_ten_thousand_word_sentence(coder):
    rng = random.Random(16)
    words = " ".join(rng.choice(WORDS + [",", "and", "\u201c", "\u201d"]) for _ in range(10_000))
    middle = Document(text=words + ".", id="fuzz-long")
    items = list(coder.pipe_items([BEFORE, middle, AFTER]))
    check_batch(items, middle)
    assert isinstance(items[1], CodedDocument) and items[1].events and items[1].mentions
