"""Which of a person's dated rows a text means: the row in force on the publication date, or, for a text with no
date, the row whose office the text itself names.

A text without a publication date gives no day to look people up by, and today's office of someone named in an
old report is often not the one the report is about: "Jens Stoltenberg" in an undated report that names NATO is
NATO's Secretary General, not Norway's finance minister. So when a person has rows with different codes and the
text names the body or the country of exactly one of those codes (by another name than the person's), that row
is the one meant; otherwise today's holder, as before.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from parley.actors.dictionary import Entry


def pick(entries: list[Entry], on: date | None, named: Collection[str] = ()) -> tuple[Entry, bool]:
    """The entry true on ``on`` and whether it is in force (False: a person out of office). ``named``: the
    bodies and countries (country or IGO codes, as ``office``) the text names apart from people, for a text
    with no date."""
    if len(entries) == 1 and entries[0].start is None and entries[0].end is None:
        return entries[0], True
    if on is not None:
        valid = [e for e in entries if e.valid_on(on)]
        if valid:
            return max(valid, key=lambda e: e.start or date.min), True
        return min(entries, key=lambda e: _distance(e, on)), False
    if named and len({office(e.code) for e in entries}) > 1:
        # an undated text that names the office of one of the person's rows (and of no other): that row
        meant = {office(e.code) for e in entries} & set(named)
        if len(meant) == 1:
            code = next(iter(meant))
            return max((e for e in entries if office(e.code) == code), key=lambda e: e.start or date.min), True
    current = [e for e in entries if e.end is None]
    if current:
        return max(current, key=lambda e: e.start or date.min), True
    return max(entries, key=lambda e: e.end or date.max), False


def office(code: str) -> str:
    """The body or country an office code belongs to: NORGOV -> NOR, NAT -> NAT, EUR -> EUR, UNOHCR -> UNO."""
    return code[:3]


def _distance(e: Entry, on: date) -> int:
    if e.start and on < e.start:
        return (e.start - on).days
    if e.end and on > e.end:
        return (on - e.end).days
    return 0


__all__ = ["office", "pick"]
