"""News datelines ("MOSCOW, July 13 (Reuters) - ", "BERLIN — "): found, and hidden from the parser.

A dateline parsed as part of the first sentence becomes its subject ("BERLIN — Germany and France
signalled ..." would make Berlin the actor). The pipeline parses the text with the dateline replaced by
spaces of the same length, so every character offset stays valid, and keeps the dateline itself for
dates and places.
"""

from __future__ import annotations

import re

from parley.model import Span

_DATELINE = re.compile(
    r"""^(?P<lead>\s*)
    (?P<dateline>
      (?P<place>[A-Z][A-Za-z.'’-]+(?:[ -][A-Z][A-Za-z.'’-]+){0,3})      # one to four capitalised words
      (?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?))?      # optional region/country
      (?:,\s*(?P<date>[A-Z][a-z]{2,9}\.?\s\d{1,2}(?:,\s*\d{4})?))?     # optional "July 13"
      \s*(?:
          \((?P<agency>[A-Za-z .&-]{2,30})\)\s*(?:(?:—|–|--|-|:)\s*)?   # "(Reuters) -" or "(PTI)" alone
        | (?:—|–|--|\s-)\s*                                            # or the dash that ends it
      )
    )""",
    re.VERBOSE,
)


def find_dateline(text: str) -> tuple[Span, str, str | None] | None:
    """The dateline at the start of ``text``: its span, the place, and the date text if any."""
    m = _DATELINE.match(text[:200])
    if m is None:
        return None
    place = m.group("place")
    agency = m.group("agency")
    if agency is not None and not agency[:1].isupper():
        return None  # "Russia (officially) said" is no dateline
    ends_with_dash = bool(re.search(r"(—|–|--|-|:)\s*$", m.group("dateline")))
    if not ends_with_dash and not m.group("date"):
        return None  # without the dash, only "City, Month Day (Agency)" is a dateline
    if not (place.isupper() or m.group("date") or agency):
        # "Moscow — ..." is a dateline; "Russia — a vast country — said ..." is an aside
        rest = text[m.end() :].split("\n", 1)[0]
        first_sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
        if re.search(r"—|–|--|\s-\s", first_sentence):
            return None
    start, end = m.start("dateline"), m.end("dateline")
    return Span(text[start:end], start, end), m.group("place"), m.group("date")


def masked(text: str) -> str:
    """``text`` with its dateline (if any) replaced by spaces of the same length."""
    found = find_dateline(text)
    if found is None:
        return text
    span = found[0]
    return text[: span.start] + " " * (span.end - span.start) + text[span.end :]
