"""Features the trained layer reads, on sentences parsed by the English model."""

from __future__ import annotations

from parley.learn.features import said_features, token_features
from parley.model import Document


def _word(doc, text: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == text)


def test_what_a_verb_of_saying_says_is_read_with_its_tone(coder):  # type: ignore[no-untyped-def]
    doc = coder.analyse(Document(text="Chile said the raid was a reckless and illegal provocation.")).doc
    said = said_features(_word(doc, "said"))
    assert {"said_w=provocation", "said_w=raid", "said_neg=2", "said_neg=2|l=say"} <= set(said)
    calm = coder.analyse(Document(text="Chile said the delegation arrived in Lima on Monday.")).doc
    assert "said_neg=0" in said_features(_word(calm, "said"))
    # a word with no clausal complement says nothing of its own; the detector reads the same features
    assert said_features(_word(doc, "raid")) == []
    said_word = _word(doc, "said")
    assert set(said) <= set(token_features(said_word, {}, (), None, said_word.sent))
