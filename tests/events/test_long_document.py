"""Work per event that does not grow with the document (issue 16 row 2: coding time quadratic in its length).
The time itself is measured by ``benchmarks/long_document.py``; these tests pin the two causes found."""

from __future__ import annotations

import tracemalloc
from dataclasses import dataclass

import spacy
from spacy.tokens import Doc, Span

from parley.events.places import city_country
from parley.pipeline import _link_quotes


def _doc_with_entities(n: int) -> Doc:
    words, pos = [], []
    for _ in range(n):
        words += ["Kharkiv", "and"]
        pos += ["PROPN", "CCONJ"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    doc.ents = [Span(doc, 2 * i, 2 * i + 1, label="GPE") for i in range(n)]
    return doc


def test_a_city_is_found_from_its_own_entity_not_every_entity_of_the_document():
    doc = _doc_with_entities(5000)
    assert city_country(doc[0]) is not None  # the gazetteer loaded before measuring
    tracemalloc.start()
    found = city_country(doc[4000])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert found is not None and found.code == "UKR" and (found.start, found.end) == (doc[4000].idx, doc[4001].idx - 1)
    # doc.ents builds a span for each of the 5,000 entities (hundreds of kB); one entity needs a few
    assert peak < 100_000, peak


@dataclass(frozen=True)
class _Trigger:
    start: int


@dataclass(frozen=True)
class _Event:
    trigger: _Trigger
    quote: str | None = None


class _Quote:
    reads = 0

    def __init__(self, i: int, start: int, end: int) -> None:
        self.id, self._start, self.end = f"q{i}", start, end

    @property
    def start(self) -> int:
        _Quote.reads += 1
        return self._start


def test_events_find_their_quote_without_reading_every_quote():
    quotes = [_Quote(i, 100 * i, 100 * i + 50) for i in range(2000)]
    events = [_Event(_Trigger(100 * i + 10 + 50 * (i % 2))) for i in range(2000)]
    _Quote.reads = 0
    linked = _link_quotes(events, quotes)  # type: ignore[arg-type]
    assert [e.quote for e in linked] == [f"q{i}" if i % 2 == 0 else None for i in range(2000)]
    assert _Quote.reads < 10 * 2000, _Quote.reads  # not 2000 x 2000


class _Sentence:
    reads = 0

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    @property
    def start_char(self) -> int:
        _Sentence.reads += 1
        return self._start

    @property
    def end_char(self) -> int:
        _Sentence.reads += 1
        return self._end


def test_a_quote_finds_its_sentence_without_reading_every_sentence():
    from parley.quotes import sentence_of

    sentences = [_Sentence(10 * i, 10 * i + 9) for i in range(5000)]
    starts = [s.start_char for s in sentences]
    _Sentence.reads = 0
    assert [sentence_of(sentences, starts, o) for o in (0, 9, 45, 49999, 60000)] == [0, 0, 4, 0, 0]
    assert [sentence_of(sentences, starts, o) for o in (10, 12345, 49998)] == [1, 1234, 4999]
    assert _Sentence.reads < 100, _Sentence.reads
