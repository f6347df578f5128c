"""Features the trained layer reads, on sentences parsed by the English model."""

from __future__ import annotations

from parley.learn.features import said_around
from parley.model import Document


def test_what_is_said_around_an_act_is_found_once_for_all_its_mentions(coder):  # type: ignore[no-untyped-def]
    doc = coder.analyse(Document(text="Peru said Chile shelled Bolivia on Monday.")).doc
    peru, said, chile, shelled, bolivia = (doc[i] for i in range(5))
    # the speaker of a verb of saying above the act
    around = said_around(shelled)
    assert peru.i in around.speaker and chile.i not in around.speaker and around.inside is None
    # a verb of saying itself: what it says
    speech = said_around(said)
    assert {chile.i, shelled.i, bolivia.i} <= speech.inside and peru.i not in speech.inside


def test_what_a_verb_of_saying_says_is_read_with_its_tone(coder):  # type: ignore[no-untyped-def]
    from parley.learn.features import said_features, token_features

    doc = coder.analyse(Document(text="Chile said the raid was a reckless and illegal provocation.")).doc
    said_word = next(t for t in doc if t.text == "said")
    said = said_features(said_word)
    assert {"said_w=provocation", "said_w=raid", "said_neg=2", "said_neg=2|l=say"} <= set(said)
    calm = coder.analyse(Document(text="Chile said the delegation arrived in Lima on Monday.")).doc
    assert "said_neg=0" in said_features(next(t for t in calm if t.text == "said"))
    # a word with no clausal complement says nothing of its own; the detector reads the same features
    assert said_features(next(t for t in doc if t.text == "raid")) == []
    assert set(said) <= set(token_features(said_word, {}, (), None, said_word.sent))


def test_the_layer_s_shortcuts_read_the_same_as_the_word_by_word_functions(coder):  # type: ignore[no-untyped-def]
    """What the layer finds once per document or sentence equals what the per-word functions (which training
    calls) find: the candidate words, their vectors, the words between a mention and the act."""
    from parley.learn.features import (
        between_counts,
        candidates_in,
        is_candidate,
        mention_features,
        token_vector,
        token_vectors,
    )
    from parley.model import Mention

    doc = coder.analyse(Document(text=("Brazil's navy seized two fishing boats off Recife, officials said; Lima "
                                       "protested to Brasilia and recalled its envoy."))).doc
    assert candidates_in(doc).tolist() == [is_candidate(t) for t in doc]
    assert [t.text for t in doc if candidates_in(doc)[t.i]][:2] == ["navy", "seized"]
    words = [t.i for t in doc if is_candidate(t)]
    assert (token_vectors(doc, words) == [token_vector(doc[i]) for i in words]).all()
    sent = next(iter(doc.sents))
    seized = next(t for t in doc if t.text == "seized")
    for text in ("Brazil", "Recife", "officials"):
        start = doc.text.index(text)
        m = Mention(text=text, start=start, end=start + len(text), code="BRA", name="Brazil", kind="country")
        with_counts = mention_features(sent, m, "17", 0, seized, counts=between_counts(sent))
        assert with_counts == mention_features(sent, m, "17", 0, seized)
        assert any(f.startswith("verbs_between=") for f in with_counts)
