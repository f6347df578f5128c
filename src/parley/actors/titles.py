"""People named by a title: whose country a title that names none gives ("President Samia Hassan" in a text about
Tanzania), and which known person a title and a surname alone name ("President Duterte")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.actors.context import DOMINANT, NOT_PLACE_ROLES, document_country, names_a_party
from parley.actors.dictionary import ActorDictionary, Entry
from parley.model import Mention

TITLE_WORDS = lexicon.words("title-words")
#: offices a text about one country means as its own when named alone ("the prime minister said")
LEADING_TITLES = lexicon.words("leading-titles")
FORMER = lexicon.words("former")
_COUNTRY_KINDS = ("country", "capital", "institution", "person", "region")


def text_country(doc: Doc, named: list[Mention], codes: frozenset[str]) -> Callable[[int], str | None]:
    """The country of a titled person whose title names none: the country the text is about (its dateline's,
    or the only one it names), else the one it names as a party at least ``DOMINANT`` times as often as any
    other. Not the person's sentence alone: "Prime Minister X ordered the arrest after a US indictment" does
    not make X American."""
    country = document_country(doc, named, codes)
    if country is None:
        counts = Counter(m.actor.country for m in named if m.kind in _COUNTRY_KINDS and m.actor.country in codes
                         and m.actor.role not in NOT_PLACE_ROLES and names_a_party(doc, m))
        top = counts.most_common(2)
        if top and (len(top) == 1 or top[0][1] >= DOMINANT * top[1][1]):
            country = top[0][0]
    return lambda _at: country


def known_by_surname(dictionary: ActorDictionary, on: date | None, ent: Span, named: list[Mention],
                     titled: bool) -> list[Entry]:
    """The dictionary rows of the person a one-word name after a title names ("President Duterte"; ``titled``
    when the word before is an office, else an honorific as in "Mr Oli"): the one person of that surname in
    office on the date, or the only one there is, of a country the text names; none for a surname the text
    gave someone else before ("Foreign Minister Jane Smith ... Minister Smith")."""
    before = ent.doc[ent.start - 1]
    if not (titled or before.lower_.rstrip(".") in TITLE_WORDS):
        return []
    if any(m.kind == "person" and m.end <= ent.start_char and m.text.split()[-1] == ent.text for m in named):
        return []
    entries = dictionary.people_by_surname().get(ent.text, [])
    people = {e.name for e in entries}
    if on is not None and len(people) > 1:
        people = {e.name for e in entries if e.valid_on(on)}
    if len(people) != 1:
        return []
    person = next(iter(people))
    rows = [e for e in entries if e.name == person]
    if not titled and not any(e.valid_on(on) if on is not None else e.end is None for e in rows):
        return []  # "Mr. Ford" in 2018 is no former US president
    if not any(m.actor.country == rows[0].actor.country for m in named if m.kind != "person"):
        return []  # "Mr Kim" in a text about Korea is not the World Bank's Jim Yong Kim
    return rows


def bare_titles(doc: Doc, titles: list[tuple[int, int, str]], taken: set[int],
                country_at: Callable[[int], str | None]) -> list[Mention]:
    """Heads of state and government named by their office alone ("the prime minister said", "the King
    dissolved parliament"), ``titles`` giving each title phrase's (start, end, role code): the office of the
    country ``country_at`` gives (the text's, or the only one its sentence names). Not a title before a name
    ("President Ruto", which the people finder codes), of someone ("the president of the club", "his prime
    minister"), a former one, or one in apposition to a name."""
    out: list[Mention] = []
    for start, end, role in titles:
        span = doc[start:end]
        head = span[-1]
        if span.text.lower() not in LEADING_TITLES or any(i in taken for i in range(start, end)):
            continue
        if start == 0 or doc[start - 1].lower_ != "the" or head.pos_ not in ("NOUN", "PROPN"):
            continue
        if end < len(doc) and (doc[end].text[:1].isupper() or doc[end].ent_type_ == "PERSON"):
            continue  # "the President Joe Biden": a title before a name
        if not _alone(head, start):
            continue
        c = country_at(span.start_char)
        if c:
            out.append(Mention(c + role, None, span.text, span.start_char, span.end_char, "role"))
    return out


def _alone(head: Token, start: int) -> bool:
    """Is the title of no one but the text's country: no owner, "of" object or name beside it, not former?"""
    if head.dep_ in ("compound", "appos", "poss") or any(c.dep_ == "appos" for c in head.children):
        return False
    for c in head.children:
        if c.dep_ in ("poss", "prep") and (c.dep_ == "poss" or c.lower_ == "of"):
            return False
        if c.i < start and c.dep_ != "det" and (c.lower_ in FORMER or c.pos_ == "PROPN" or c.ent_type_):
            return False
    return True


__all__ = ["bare_titles", "known_by_surname", "text_country"]
