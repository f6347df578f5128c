"""Work per event that does not grow with the document (issue 16 row 2: coding time quadratic in its length).
The time itself is measured by ``benchmarks/long_document.py``; these tests pin the two causes found."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tracemalloc
from dataclasses import dataclass

import pytest
import spacy
from spacy.tokens import Doc, Span

from parley.errors import W_SPLIT
from parley.events.places import city_country
from parley.model import Document
from parley.pipeline import Coder, _link_quotes, split_parts


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


# -- a document longer than Options.part_chars is coded in parts (issue 16: the 1,000,000-character document) --

PARAGRAPHS = ("Chilean police arrested two Bolivian smugglers in Arica on Tuesday. Peru condemned the raid.",
              '"We will not accept this," the Bolivian foreign minister said in La Paz. Argentina urged talks.',
              "Brazilian troops patrolled the border near Corumba. Paraguay sent aid to the flooded towns.")


@pytest.mark.parametrize("text, limit, expected", [
    ("one. two. three.", 100, [(0, 16)]),
    ("aaaa bbbb.\n\ncccc dddd.\n\neeee", 16, [(0, 12), (12, 28)]),  # after the paragraph break
    ("aaaa bbbb.\ncccc dddd.\n\neeee ffff", 14, [(0, 11), (11, 23), (23, 32)]),  # else after a line break
    ("aaaa. bbbb cccc. dddd eeee", 17, [(0, 17), (17, 26)]),  # no line break: the sentence end and its space
    ("aaaa bbbb cccc dddd eeee", 12, [(0, 10), (10, 20), (20, 24)]),  # no sentence end: a space
    ("x" * 25, 10, [(0, 10), (10, 20), (20, 25)]),  # nothing to split at: the limit
])
def test_long_texts_are_split_at_paragraph_then_sentence_ends(text, limit, expected):
    bounds = split_parts(text, limit)
    assert bounds == expected and all(e - s <= limit for s, e in bounds)
    assert "".join(text[s:e] for s, e in bounds) == text


def test_a_document_coded_in_parts_has_the_events_of_the_whole_with_offsets_into_the_whole(coder):
    document = Document(text="\n\n".join(PARAGRAPHS * 3), published=dt.date(2024, 3, 6))
    parts = Coder(dataclasses.replace(coder.options, part_chars=300))
    whole, split = coder.code(document), parts.code(document)

    def key(e):
        return (e.sentence, e.source.code if e.source else None, e.cameo, e.target.code if e.target else None,
                e.trigger.start, e.trigger.end, e.quote, e.evidence)

    assert split.document == document and len(split_parts(document.text, 300)) == 3
    assert sorted(map(key, split.events)) == sorted(map(key, whole.events)) and len(whole.events) >= 9
    assert all(document.text[e.trigger.start:e.trigger.end] == e.trigger.text for e in split.events)
    assert all(document.text[m.start:m.end] == m.text for m in split.mentions)
    assert [(q.id, q.sentence, q.start, q.end, q.speaker.start) for q in split.quotes] == \
        [(q.id, q.sentence, q.start, q.end, q.speaker.start) for q in whole.quotes] and len(whole.quotes) == 3
    assert len({e.id for e in split.events}) == len(split.events)  # ids unique across the parts
    assert split.tone == pytest.approx(whole.tone, abs=0.01)
    assert [w.code for w in whole.warnings] == [] and [w.code for w in split.warnings] == [W_SPLIT]
    assert "coded in 3 parts" in split.warnings[-1].message


def test_a_long_document_in_a_batch_is_coded_in_parts_between_short_ones(coder):
    parts = Coder(dataclasses.replace(coder.options, part_chars=300))
    long = Document(text="\n\n".join(PARAGRAPHS * 3), id="long")
    items = list(parts.pipe_items([Document(text=PARAGRAPHS[0], id="a"), long, Document(text=PARAGRAPHS[2], id="b")]))
    assert [i.document.id for i in items] == ["a", "long", "b"]
    assert [w.code for w in items[1].warnings][-1] == W_SPLIT and items[1].events
