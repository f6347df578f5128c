"""parley's own versions of two spaCy steps, with the same output at a fraction of the cost.

spaCy's ``attribute_ruler`` runs a Matcher of 179 rules over every token (13 % of parley's time on news), though
171 of the rules look at one token only (its tag, lower-case form, dependency label, whether it is a space). Those
rules are a function of that key, so :class:`AttributeTable` works each distinct key out once, with the ruler's own
rules, and then only looks it up; the 8 rules that span two tokens keep a Matcher of their own. The rules are read
from the loaded model's ruler, never copied: a model with other rules gets a table of those.

spaCy's rule ``lemmatizer`` recomputes the lemma of every base-form word for each token ("noun, singular":
its cache only keeps inflected forms). A lemma is a function of the word, its part of speech and its morphology,
so :class:`CachedLemmas` keeps every one it has worked out.

Both apply the rules in the ruler's own order, through spaCy's own ``set_token_attrs`` and ``lemmatize``, so the
annotations are the same token for token; ``tests/test_fastpipe.py`` checks it against the spaCy components.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: token attributes a one-token rule may test for the table to replace it
_KEYED = {"TAG", "LOWER", "DEP", "IS_SPACE"}

Key = tuple[str, str, str]  # (tag, lower-case form, dependency label)


def _test(attr: str, value: Any) -> Callable[[dict[str, Any]], bool]:
    """One attribute test of a Matcher pattern, as a function of the token's key values."""
    if isinstance(value, dict):
        (op, arg), = value.items()
        if op == "IN":
            allowed = set(arg)
            return lambda t: t[attr] in allowed
        if op == "NOT_IN":
            barred = set(arg)
            return lambda t: t[attr] not in barred
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda t: rx.search(t[attr]) is not None
        raise ValueError(f"attribute rule operator {op!r} is not supported by the table")
    return lambda t: t[attr] == value


def _one_token(alternatives: list[list[dict[str, Any]]]) -> bool:
    """Whether a rule tests one token, by the attributes the table keys on, with operators it knows."""
    for pattern in alternatives:
        if len(pattern) != 1 or not set(pattern[0]) <= _KEYED:
            return False
        for value in pattern[0].values():
            if isinstance(value, dict) and (len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX")):
                return False
    return True


class AttributeTable:
    """spaCy's AttributeRuler, its one-token rules answered from a table.

    A token's key is its tag, its dependency label and its lower-case form, the form reduced to a class when no
    rule names it ("any other word", "any other space"), so the table stays as small as the rules (a few hundred
    keys) however large the vocabulary grows. POS, MORPH and LEMMA, what nearly all rules set, are written for
    the whole document at once with ``Doc.from_array``; a token that a two-token rule or a TAG or DEP rule also
    touches gets every rule that fires on it again, one by one, in the ruler's order."""

    _OTHER, _SPACE = "\x00other", "\x00space"
    _COLUMNS = {POS: 0, MORPH: 1, LEMMA: 2}

    def __init__(self, ruler: AttributeRuler, vocab: Any) -> None:
        self.attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self.tests: list[tuple[int, list[list[Callable[[dict[str, Any]], bool]]]]] = []
        self.spanning = Matcher(vocab, validate=False)
        self.named: set[str] = set()  # lower-case forms some one-token rule names
        self.patterns: list[re.Pattern[str]] = []  # and the REGEX tests on them
        for rule_id, rule in enumerate(ruler.patterns):
            alternatives = rule["patterns"]
            if _one_token(alternatives) and rule["index"] in (0, -1):
                self.tests.append((rule_id, [[_test(a, v) for a, v in p[0].items()] for p in alternatives]))
                for p in alternatives:
                    lower = p[0].get("LOWER")
                    if isinstance(lower, str):
                        self.named.add(lower)
                    elif isinstance(lower, dict):
                        (op, arg), = lower.items()
                        if op == "REGEX":
                            self.patterns.append(re.compile(arg))
                        else:
                            self.named.update(arg)
            else:
                self.spanning.add(str(rule_id), alternatives)
        self._lower_class: dict[int, str] = {}
        self._rules: dict[tuple[int, int, str], tuple[tuple[int, ...], tuple[int, int, int], bool]] = {}

    def _class_of(self, lower: int, strings: Any) -> str:
        text = strings[lower] if lower else ""
        if text in self.named or any(p.search(text) for p in self.patterns):
            found = text
        else:
            found = self._SPACE if text.isspace() else self._OTHER
        self._lower_class[lower] = found
        return found

    def _rules_for(self, key: tuple[int, int, str], strings: Any) -> tuple[tuple[int, ...], tuple[int, int, int], bool]:
        """The one-token rules that fire for a key, in rule order; the POS, MORPH and LEMMA they leave (0: none
        set); whether any of them sets something else (TAG, DEP)."""
        tag, dep, lower = key
        values = {"TAG": strings[tag] if tag else "", "DEP": strings[dep] if dep else "",
                  "LOWER": "" if lower in (self._OTHER, self._SPACE) else lower,
                  "IS_SPACE": lower == self._SPACE or (lower.isspace() and bool(lower))}
        ids = tuple(rule_id for rule_id, alternatives in self.tests
                    if any(all(test(values) for test in tests) for tests in alternatives))
        merged = [0, 0, 0]
        other = False
        for rule_id in ids:
            for attr, value in self.attrs[rule_id].items():
                if attr in self._COLUMNS:
                    merged[self._COLUMNS[attr]] = value
                else:
                    other = True
        found = (ids, (merged[0], merged[1], merged[2]), other)
        self._rules[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        rows = doc.to_array([TAG, DEP, LOWER, POS, MORPH, LEMMA])
        one_by_one: dict[int, list[tuple[int, int]]] = {}  # token -> (rule, match start), in the ruler's order
        for match_id, start, end in self.spanning(doc, allow_missing=True):
            rule_id = int(strings[match_id])
            index = self.indices[rule_id]
            one_by_one.setdefault(start + index if index >= 0 else end + index, []).append((rule_id, start))
        classes, table = self._lower_class, self._rules
        out = rows[:, 3:6]
        for i, (tag, dep, lower) in enumerate(rows[:, :3].tolist()):
            cls = classes.get(lower)
            if cls is None:
                cls = self._class_of(lower, strings)
            key = (tag, dep, cls)
            found = table.get(key)
            if found is None:
                found = self._rules_for(key, strings)
            ids, (pos, morph, lemma), other = found
            if pos:
                out[i, 0] = pos
            if morph:
                out[i, 1] = morph
            if lemma:
                out[i, 2] = lemma
            if other or i in one_by_one:
                one_by_one.setdefault(i, [])
                one_by_one[i] = sorted([(r, -1) for r in ids] + one_by_one[i])
        doc.from_array([POS, MORPH, LEMMA], out)
        for i, ordered in one_by_one.items():
            token = doc[i]
            for rule_id, _start in ordered:
                set_token_attrs(token, self.attrs[rule_id])
        return doc


class CachedLemmas:
    """spaCy's rule Lemmatizer with every lemma kept: keyed, as spaCy's own cache, by (word, POS, morphology);
    the lemmas written for the whole document at once."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings = doc.vocab.strings
        cache = self.cache
        overwrite = self.lemmatizer.overwrite
        lemmas = rows[:, 3]
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                found = cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("parley_attributes")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """The table built from the pipeline's ``attribute_ruler`` (add it before removing the ruler)."""
    return AttributeTable(nlp.get_pipe("attribute_ruler"), nlp.vocab)


@Language.factory("parley_lemmas")
def make_cached_lemmas(nlp: Language, name: str) -> CachedLemmas:
    """The cached lemmatizer over the pipeline's ``lemmatizer`` (add it before removing the lemmatizer)."""
    return CachedLemmas(nlp.get_pipe("lemmatizer"))


def speed_up(nlp: Language) -> Language:
    """Replace ``attribute_ruler`` and ``lemmatizer`` in ``nlp`` by the table and the cached lemmatizer, in place."""
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("parley_attributes", before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        nlp.add_pipe("parley_lemmas", before="lemmatizer")
        nlp.remove_pipe("lemmatizer")
    return nlp


__all__ = ["AttributeTable", "CachedLemmas", "speed_up"]
