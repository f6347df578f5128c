"""Whether the coder can read a text at all (issue 16 rows 12 and 13): the English model codes nothing in French,
Russian or Arabic, and little in text written all in capitals or without punctuation. Such a document is still
coded, with a recorded warning saying why its events are few or none.

English is recognised cheaply (common English words, Latin letters); only other text is given to ``langid``
(a pinned dependency whose model ships inside the package: nothing is downloaded), loaded on first need."""

from __future__ import annotations

import functools
import re

from parley import errors
from parley.model import Warning_

MIN_LETTERS = 40  # shorter texts (a headline, a caption) are not judged
SAMPLE = 5000  # characters read: enough to tell a language, the same cost for any document length
ENGLISH_WORDS = frozenset("the of and to in a is was for on that said with by as at from".split())
MIN_ENGLISH_SHARE = 0.12  # of the words: English news is ~25 % these words; French or Spanish ~2 %
MAX_CAPITALS = 0.8  # of the cased letters: ordinary news ~4 %, headlines in title case ~30 %
MIN_WORDS_WITHOUT_STOP = 30  # this many words with no . ! ? ; : is not punctuated prose

_WORD = re.compile(r"[^\W\d_]+")
_STOP = re.compile(r"[.!?;:。؟]")


@functools.cache
def _identifier():  # type: ignore[no-untyped-def]
    from langid.langid import LanguageIdentifier, model

    return LanguageIdentifier.from_modelstring(model, norm_probs=True)


def language(text: str) -> str:
    """The ISO 639-1 code of the text's language ("en", "fr", "ru", "ar"...), read from its first characters."""
    sample = text[:SAMPLE]
    words = [w.lower() for w in _WORD.findall(sample)]
    if words and sum(w in ENGLISH_WORDS for w in words) / len(words) >= MIN_ENGLISH_SHARE:
        return "en"
    lang, _probability = _identifier().classify(sample.lower())
    return str(lang)


def legibility_warnings(text: str) -> list[Warning_]:
    """The warnings for a text the English model cannot read: another language, all capitals, no punctuation."""
    sample = text[:SAMPLE]
    letters = list(filter(str.isalpha, sample))
    if len(letters) < MIN_LETTERS:
        return []
    lang = language(sample)
    if lang != "en":
        return [Warning_(errors.W_NOT_ENGLISH, f"the text reads as language {lang!r}, not English: "
                                               "the English model finds few or no events in it")]
    found = []
    upper, lower = sum(map(str.isupper, letters)), sum(map(str.islower, letters))  # no letter is both
    if upper + lower and upper / (upper + lower) > MAX_CAPITALS:
        found.append(Warning_(errors.W_ALL_CAPITALS, "the text is written in capitals: the model reads names and "
                                                     "verbs poorly in it, so events may be missed"))
    if len(_WORD.findall(sample)) >= MIN_WORDS_WITHOUT_STOP and not _STOP.search(sample):
        found.append(Warning_(errors.W_NO_PUNCTUATION, "the text has no sentence punctuation: the model cannot "
                                                       "tell its sentences apart, so events may be missed"))
    return found


__all__ = ["language", "legibility_warnings"]
