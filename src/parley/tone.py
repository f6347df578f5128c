"""Document tone, computed as GDELT computes its tone: the percentage of words with a positive emotional
connotation minus the percentage with a negative one (-100..100; news usually falls between -10 and 10).

Which words are positive or negative comes from the VADER valence lexicon (the ``vaderSentiment`` package,
MIT, about 7,500 rated words), not from a list of our own. Words are spaCy's alphabetic tokens, lower-cased;
no negation or intensity rules apply, as in GDELT's word-count tone.
"""

from __future__ import annotations

import functools

from spacy.attrs import IS_ALPHA, LOWER
from spacy.tokens import Doc


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


#: the sign of each lower-case word's valence (1, -1 or 0), by its hash in spaCy's string store
_SIGNS: dict[int, int] = {}


def _sign(word: int, strings) -> int:  # type: ignore[no-untyped-def]
    valence = lexicon().get(strings[word], 0.0)
    found = _SIGNS[word] = (valence > 0) - (valence < 0)
    return found


def tone(doc: Doc) -> float | None:
    """Positive minus negative words as a percentage of all words; None for a text without words."""
    rows = doc.to_array([IS_ALPHA, LOWER]) if len(doc) else None
    words = rows[rows[:, 0] == 1, 1].tolist() if rows is not None else []  # alphabetic tokens, lower-cased
    if not words:
        return None
    strings, signs = doc.vocab.strings, _SIGNS
    found = [signs[w] if w in signs else _sign(w, strings) for w in words]
    positive, negative = found.count(1), found.count(-1)
    return round(100.0 * (positive - negative) / len(words), 3)
