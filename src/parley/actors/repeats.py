"""Names a text repeats in short after naming an actor in full: a person's surname ("Ruto said" after "Kenyan
President William Ruto", "Kim" after "Kim Jong Un", "Bashir" after "Omar al-Bashir") and an organisation's
acronym ("the AA" after "the Arakan Army", "the RUF" after "the Revolutionary United Front (RUF)"). The short
form takes the code of the nearest full name before it; a short form with no full name before it is left alone.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from parley import lexicon
from parley.model import Mention

#: "Ban Ki-moon", "Moon Jae-in": a Korean given name, hyphenated, after the family name
_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
SURNAME_FIRST = frozenset(c.upper() for c in lexicon.words("surname-first-countries"))
NAME_PARTICLES = lexicon.words("name-particles")
NOT_NAME_WORDS = lexicon.words("not-name-words")
TITLE_WORDS = lexicon.words("title-words")
PATRONYMICS = lexicon.words("patronymics")
#: small words an acronym leaves out: "Communist Party of the Philippines" is the CPP
ACRONYM_SKIPS = lexicon.words("acronym-skips")
#: kinds of mentions a text names again by their initials
ACRONYM_KINDS = ("group", "institution", "igo")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
#: a word beside a surname that makes it part of another name, unless it is a title or a place ("Mr Kim")
_NAME_TAGS = ("NNP", "NNPS")
_NOT_NAME_ENTS = ("GPE", "NORP", "DATE")


def surnames(doc: Doc, people: list[Mention], taken: set[int]) -> list[Mention]:
    """A bare surname (a token outside ``taken``) that repeats a person named in full before it, as that person:
    the nearest one before it when two share the name."""
    named: dict[str, list[Mention]] = {}
    titled: dict[str, list[Mention]] = {}  # given names a title makes a name of: "Sheikh Abdullah"
    for m in sorted(people, key=lambda m: m.start):
        for key in _surname_keys(m):
            named.setdefault(key, []).append(m)
        for key in _given_name_keys(m):
            titled.setdefault(key, []).append(m)
    if not named and not titled:
        return []
    out: list[Mention] = []
    keys = {doc.vocab.strings[k] for k in (*named, *titled)}  # hashes: the shared store does not grow
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):  # no Token made for the other words
        if orth not in keys or i in taken or not _bare_name(doc[i]):
            continue
        t = doc[i]
        candidates = named.get(t.text, [])
        if not candidates and i > 0 and doc[i - 1].lower_ in TITLE_WORDS:
            candidates = titled.get(t.text, [])
        before = [m for m in candidates if m.end <= t.idx]
        if before:
            m = before[-1]
            out.append(Mention(m.code, m.name, t.text, t.idx, t.idx + len(t.text), "person"))
    return out


def _surname_keys(m: Mention) -> set[str]:
    """The words a text may later name a person by: the last word of the full name, without a particle
    ("Bashir" of "Omar al-Bashir") and without accents ("Sanchez" of "Pedro Sánchez"), and the first word where
    the family name comes first ("Kim" of "Kim Jong Un", "Ban" of "Ban Ki-moon")."""
    words = (m.name or "").split()
    written = m.text.split()  # as the text wrote it ("Bobi Wine", where the dictionary's name is another)
    keys = set()
    if len(words) >= 2:
        keys.add(words[-1])
        if m.actor.country in SURNAME_FIRST or (len(words) == 2 and _KOREAN_GIVEN.match(words[-1])):
            keys.add(words[0])
    if len(written) >= 2 and written[-1][:1].isupper():
        keys.add(written[-1])  # also "Croatian Interior Minister Bozinovic": a surname after a title
    for last in list(keys):
        prefix, _, rest = last.partition("-")
        if rest and prefix.lower() in NAME_PARTICLES and rest[:1].isupper():
            keys.add(rest)
    keys |= {_plain(k) for k in keys}
    return keys | {k.replace("'", "\u2019") for k in keys} | {k.replace("\u2019", "'") for k in keys}


def _given_name_keys(m: Mention) -> set[str]:
    """The given name of a name with a patronymic ("Abdullah" of "Abdullah bin Zayed"), which a text repeats
    after a title ("Sheikh Abdullah", "Prince Faisal")."""
    words = (m.name or "").split()
    if len(words) >= 3 and words[1].lower() in PATRONYMICS:
        return {words[0], _plain(words[0])}
    return set()


def _plain(word: str) -> str:
    """The word without its accents: "Sánchez" -> "Sanchez"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _bare_name(t: Token) -> bool:
    """Is this capitalised word a name on its own, not part of a longer name ("Kim" in "Kim Yo Jong") nor a date
    ("in May", "May 5")?"""
    if not t.text[:1].isupper():
        return False
    doc = t.doc
    for k in (t.i - 1, t.i + 1):
        if 0 <= k < len(doc) and doc[k].tag_ in _NAME_TAGS and doc[k].text[:1].isupper() \
                and doc[k].lower_.rstrip(".") not in NOT_NAME_WORDS and doc[k].ent_type_ not in _NOT_NAME_ENTS:
            return False  # "Kim Yo Jong" after "Kim Jong Un"; but "Mr Kim", "Pyongyang's Kim"
    if t.ent_type_ in ("DATE", "TIME"):
        prev = doc[t.i - 1] if t.i > 0 else None
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        return (prev is None or prev.pos_ not in ("ADP", "DET", "NUM")) and (nxt is None or not nxt.like_num)
    return True


def acronyms(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """An acronym (a token outside ``taken``) that a text uses for an organisation named in full before it:
    the initials of its name ("AA" for "Arakan Army"), or the letters it put in brackets after the name ("the
    National Democratic Front of the Philippines (NDF)"). Takes the nearest such organisation before it."""
    spelled: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if not m.code or m.kind not in ACRONYM_KINDS and not (m.kind == "country" and len(m.text.split()) >= 3):
            continue  # (a country's body named in words: "American Civil Liberties Union")
        for key in _acronym_keys(doc, m):
            spelled.setdefault(key, []).append(m)
    if not spelled:
        return []
    out: list[Mention] = []
    keys = {doc.vocab.strings[k] for k in spelled}
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):  # no Token made for the other words
        if orth not in keys or i in taken:
            continue
        t = doc[i]
        before = [m for m in spelled[t.text] if m.end <= t.idx]
        if before and not (i > 0 and doc[i - 1].text == "(" and t.idx - before[-1].end <= 3):  # "(RUF)" itself
            m = before[-1]
            out.append(Mention(m.code, m.name, t.text, t.idx, t.idx + len(t.text), m.kind))
    return out


def _acronym_keys(doc: Doc, m: Mention) -> set[str]:
    keys = set()
    words = [w for w in re.split(r"[\s-]+", m.text) if w and w.lower() not in ACRONYM_SKIPS]
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        initials = "".join(w[0] for w in words)
        if _ACRONYM.match(initials):
            keys.add(initials)
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is not None:  # "(OPM)" after the name or inside it ("Free Papua Movement (OPM) rebels")
        for i in range(span.start + 1, min(span.end + 1, len(doc) - 2)):
            if doc[i].text == "(" and doc[i + 2].text == ")" and _ACRONYM.match(doc[i + 1].text):
                keys.add(doc[i + 1].text)
    return keys


__all__ = ["acronyms", "surnames"]
