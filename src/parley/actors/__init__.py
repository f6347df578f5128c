"""Actors: the dictionary of who is who, and finding and resolving actor mentions in text.

``load_dictionary()`` reads the built-in dictionary files and any user files; ``find_mentions()`` returns
the actor mentions of a parsed document; ``resolve_text()`` resolves one short actor phrase.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc

from parley.actors.dictionary import ActorDictionary, Entry, builtin_entries, check, read_file
from parley.actors.resolve import Matchers, find
from parley.model import Mention


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> ActorDictionary:
    entries = builtin_entries()
    files = ["(built-in)"]
    for path in extra:
        entries.extend(read_file(path))
        files.append(path)
    return ActorDictionary(entries, files)


def load_dictionary(extra_paths: Sequence[str] = ()) -> ActorDictionary:
    """The built-in actor dictionary plus user files (same format; later files add to earlier ones)."""
    return _load(tuple(str(p) for p in extra_paths))


def _matchers(dictionary: ActorDictionary, doc: Doc) -> Matchers:
    """The dictionary's phrase matchers for the doc's vocabulary: built once, and kept on the dictionary (not in
    a module cache keyed on ids, which a new dictionary could inherit from a collected one)."""
    for vocab, built in dictionary.matchers:
        if vocab is doc.vocab:
            return built
    from parley.nlp import load

    m = Matchers(dictionary, doc.vocab, load().tokenizer)
    dictionary.matchers.append((doc.vocab, m))
    return m


def prepare(dictionary: ActorDictionary, vocab_doc: Doc) -> None:
    """Build the dictionary's phrase matchers for this model's vocabulary now (about 1 s) rather than on
    the first document."""
    _matchers(dictionary, vocab_doc)


def find_mentions(doc: Doc, on: date | None, dictionary: ActorDictionary | None = None) -> list[Mention]:
    """Actor mentions of ``doc`` resolved as of the date ``on`` (the publication date; None: today's holders)."""
    d = dictionary if dictionary is not None else load_dictionary()
    return find(doc, on, d, _matchers(d, doc))


def resolve_text(text: str, on: date | None = None, dictionary: ActorDictionary | None = None) -> Mention | None:
    """Resolve one actor phrase ("Kremlin spokesperson Dmitry Peskov", "Kyiv police") to its mention."""
    from parley.nlp import load

    doc = load()(text)
    d = dictionary if dictionary is not None else load_dictionary()
    mentions = find_mentions(doc, on, d)
    if not mentions:
        return _role_only(doc, d)
    root = next((s.root for s in doc.sents), None)
    if root is not None:
        for m in mentions:
            if m.start <= root.idx < m.end:
                return m
    return max(mentions, key=lambda m: (m.end - m.start, -m.start))


def _role_only(doc: Doc, d: ActorDictionary) -> Mention | None:
    """A phrase with a role noun and no country ("riot police", "former minister"): the role code alone,
    as CAMEO codes actors of unknown country. Only for resolving a phrase on its own, never inside articles,
    where an actor of unknown country is left out."""
    from parley.actors.resolve import FORMER

    root = next((s.root for s in doc.sents), None)
    if root is None:
        return None
    words = [t.lower_ for t in root.subtree]
    if any(w in FORMER or w == "retired" for w in words) and any(t.lower_ in d.roles for t in root.subtree):
        return Mention("ELI", None, doc.text, 0, len(doc.text), "role")
    for n in (3, 2, 1):  # the longest role phrase ending at the head noun
        phrase = " ".join(t.lower_ for t in doc[max(root.i - n + 1, 0):root.i + 1])
        entry = d.roles.get(phrase)
        if entry is not None:
            return Mention(entry.code, None, doc.text, 0, len(doc.text), "role")
    return None


__all__ = ["ActorDictionary", "Entry", "check", "find_mentions", "load_dictionary", "prepare", "resolve_text"]
