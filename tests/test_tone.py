"""Document tone, GDELT's way: % positive words minus % negative words (VADER's lexicon rates them)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, sign",
    [
        ("Kenya and Uganda signed a friendship treaty and praised the peaceful, successful talks.", 1),
        ("Militants killed nine villagers; the government condemned the brutal massacre.", -1),
    ],
)
def test_tone_sign_follows_the_words(code_text, text, sign):
    tone = code_text(text, published="2025-05-01").tone
    assert tone is not None and tone * sign > 0


def test_tone_is_a_percentage_of_words(nlp):
    from parley.tone import tone

    # 10 words: "killed" and "destroyed" negative, "peace" positive -> (1 - 2) / 10 * 100
    doc = nlp("Soldiers killed two men and destroyed a peace monument today.")
    words = [t for t in doc if t.is_alpha]
    assert len(words) == 10
    assert tone(doc) == pytest.approx(-10.0)


def test_no_words_no_tone(nlp):
    from parley.tone import tone

    assert tone(nlp("1,234 -- 5.6 %")) is None


def test_tone_round_trips_through_json(code_text):
    from parley.model import CodedDocument

    coded = code_text("Chile welcomed the agreement.", published="2025-05-01")
    assert CodedDocument.from_json(coded.to_json()).tone == coded.tone
