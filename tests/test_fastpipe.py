"""The attribute table and the cached lemmatizer annotate exactly as spaCy's attribute_ruler and lemmatizer."""

from __future__ import annotations

import pytest
import spacy

from parley.fastpipe import AttributeTable, CachedLemmas
from parley.nlp import MODEL_PACKAGE

SENTENCES = [
    "The minister said she would not attend, but her deputy did.",
    "We're gonna hold talks, and they ain't ready, the envoy told me.",
    "Let's see whether anything changes; nobody expected it to.",
    "He'd have gone if I'd asked him, the spokesman said of himself.",
    "Officials  had   met twice\n\nbefore the vote, which was delayed.",
    "Its troops gets there first and got paid; these were the orders.",
    "I can't and won't sign something I haven't read, she says.",
    "Doin' nothin' was never an option for 'em, the old man said.",
    "",
]


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def stock():
    return spacy.load(MODEL_PACKAGE, exclude=["ner"])


def test_table_and_cached_lemmas_match_spacy_token_for_token(stock):
    table = AttributeTable(stock.get_pipe("attribute_ruler"), stock.vocab)
    lemmas = CachedLemmas(stock.get_pipe("lemmatizer"))
    parse = [name for name in stock.pipe_names if name not in ("attribute_ruler", "lemmatizer")]
    assert table.spanning and len(table.tests) > 150  # the model's own rules, most answered from the table
    for text in SENTENCES * 2:  # twice: the second time from the caches
        expected = stock(text)
        doc = stock.make_doc(text)
        for name in parse:
            doc = stock.get_pipe(name)(doc)
        doc = lemmas(table(doc))
        assert _annotations(doc) == _annotations(expected), text


def test_multi_token_rules_still_apply(stock):
    table = AttributeTable(stock.get_pipe("attribute_ruler"), stock.vocab)
    doc = stock.make_doc("We are gonna win.")
    for name in ("tok2vec", "tagger", "parser"):
        doc = stock.get_pipe(name)(doc)
    table(doc)
    assert [t.lemma_ for t in doc][2:4] == ["go", "to"]  # "gon na": a rule over two tokens


def test_parley_pipeline_uses_them(nlp):
    assert "parley_attributes" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert "parley_lemmas" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert [t.lemma_ for t in nlp("Rebels staged attacks and waged war.")][:5] == ["rebel", "stage", "attack", "and", "wage"]
