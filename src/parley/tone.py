"""Document tone, computed as GDELT computes its tone: the percentage of words with a positive emotional
connotation minus the percentage with a negative one (-100..100; news usually falls between -10 and 10).

Which words are positive or negative comes from the VADER valence lexicon (the ``vaderSentiment`` package,
MIT, about 7,500 rated words), not from a list of our own. Words are spaCy's alphabetic tokens, lower-cased;
no negation or intensity rules apply, as in GDELT's word-count tone.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def tone(doc: Doc) -> float | None:
    """Positive minus negative words as a percentage of all words; None for a text without words."""
    words = [t.lower_ for t in doc if t.is_alpha]
    if not words:
        return None
    lex = lexicon()
    positive = sum(1 for w in words if lex.get(w, 0.0) > 0)
    negative = sum(1 for w in words if lex.get(w, 0.0) < 0)
    return round(100.0 * (positive - negative) / len(words), 3)
