"""Event dates: an explicit date in the event's clause, a weekday or relative expression resolved against the
publication date, the dateline's date, else the publication date; None when nothing is known.

Never the date the program runs: everything is relative to ``published``.
Vague expressions coarser than a day ("last year", "in March") are not turned into a made-up day: the
event then takes no date from them, and falls back as if none were given.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.nlp import DOC_ATTRIBUTES  # noqa: F401  (registers doc._.dateline, doc._.source_text)

WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
FUTURE_AUX = lexicon.words("future-aux")
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "a": 1, "an": 1, "several": None, "few": None}
_AGO = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+(day|week)s?\s+ago\b")
_DAY_IN_TEXT = re.compile(r"\b\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def parse_published(value: str | None) -> dt.date | None:
    """A publication date from metadata: ISO or a common written form; None for anything unreadable."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    parsed = _dateparser(text, None)
    return parsed


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, base: dt.date | None) -> dt.date | None:
    import dateparser  # slow to import: only when a written date must be read

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12)
    try:
        result = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return result.date() if result is not None else None


def resolve(expression: str, published: dt.date | None, future: bool = False) -> dt.date | None:
    """The day an expression refers to, relative to ``published``; None if it names no single day."""
    text = expression.lower().strip()
    text = re.sub(r"^(on|by|from|since|until|as of)\s+", "", text)
    if published is not None:
        for name, index in WEEKDAYS.items():
            if re.search(rf"\b{name}\b", text):
                delta = (published.weekday() - index) % 7
                if text.startswith("next") or (future and delta != 0):
                    return published + dt.timedelta(days=(index - published.weekday()) % 7 or 7)
                if text.startswith("last") and delta == 0:
                    delta = 7
                return published - dt.timedelta(days=delta)
        if "yesterday" in text:
            return published - dt.timedelta(days=1)
        if "tomorrow" in text:
            return published + dt.timedelta(days=1)
        if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", text):
            return published
        if re.search(r"\blast week\b", text):
            return published - dt.timedelta(days=7)
        if re.search(r"\b(earlier|later) (this|in the) (week|month)\b|\bthis week\b", text):
            return published
        m = _AGO.search(text)
        if m:
            n = _NUMBERS.get(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
            if n:
                return published - dt.timedelta(days=n * (7 if m.group(2) == "week" else 1))
    # an explicit calendar date: it must name a day, not just a month or a year
    if not _DAY_IN_TEXT.search(text) or not (any(mo in text for mo in _MONTHS) or re.search(r"\d{4}-\d{2}-\d{2}", text)):
        return None
    parsed = _dateparser(expression, published)
    if parsed is None:
        return None
    if published is not None and not re.search(r"\b\d{4}\b", text) and parsed > published + dt.timedelta(days=2):
        if not future:  # "on March 30" in an article of March 2: last year's, for a past event
            try:
                parsed = parsed.replace(year=parsed.year - 1)
            except ValueError:
                return None
    if published is None and not re.search(r"\b\d{4}\b", text):
        return None  # a day without a year and nothing to take the year from
    return parsed


def _is_future(token: Token) -> bool:
    for t in (token, *token.ancestors):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in t.children):
            return True
        if t.dep_ in ("ROOT", "ccomp"):
            break
    return False


def _governing_verb(ent: Span) -> Token | None:
    t = ent.root
    for _ in range(4):
        head = t.head
        if head is t:
            return t if t.pos_ in ("VERB", "AUX") else None
        if head.pos_ in ("VERB", "AUX") or (head.pos_ == "NOUN" and t.dep_ in ("npadvmod", "prep", "pobj")):
            if head.pos_ in ("VERB", "AUX"):
                return head
        t = head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def sentence_entities(sent: Span, label: str) -> list[Span]:
    """The entities labelled ``label`` that lie wholly inside ``sent``, as ``doc.ents`` filtered to the
    sentence, but read from the sentence's own tokens: ``doc.ents`` builds every entity of the document on
    each call, which made dating every event of a long document quadratic in its length."""
    doc = sent.doc
    out = []
    i = sent.start
    while i < sent.end:
        token = doc[i]
        if token.ent_iob_ != "B" or not token.ent_type_:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end <= sent.end and token.ent_type_ == label:
            out.append(Span(doc, i, end, label=token.ent_type))
        i = end
    return out


def clause_date_expression(doc: Doc, predicate: Token) -> Span | None:
    """The DATE expression attached to the predicate or to the nearest clause governing it."""
    dates = sentence_entities(predicate.sent, "DATE")
    if not dates:
        return None
    by_verb = {}
    for ent in dates:
        verb = _governing_verb(ent)
        if verb is not None:
            by_verb.setdefault(verb.i, ent)
    node = predicate
    for _ in range(6):
        if node.i in by_verb:
            return by_verb[node.i]
        for c in node.children:  # a date on an event noun: "the strike on Monday"
            if c.dep_ == "prep" and c.i in by_verb:
                return by_verb[c.i]
        if node.head is node:
            break
        node = node.head
    return None


def event_date(doc: Doc, predicate: Token, published: dt.date | None) -> dt.date | None:
    """The date of the event whose predicate is ``predicate``."""
    ent = clause_date_expression(doc, predicate)
    if ent is not None:
        resolved = resolve(ent.text, published, future=_is_future(predicate))
        if resolved is not None:
            return resolved
    dateline = doc._.dateline
    if dateline and dateline[2]:
        resolved = resolve(dateline[2], published)
        if resolved is not None:
            return resolved
    return published
