"""Actor dictionary files: one tab-separated format for countries, institutions, IGOs, groups, regions,
role nouns and people, validated line by line (errors name the file and the line).

Each non-comment line has six columns::

    code  kind  names  start  end  note

``names`` holds the surface forms separated by ``|``; ``start`` and ``end`` are ISO dates bounding when the
entry is true (a person's office, a group's status), either may be empty. See docs/actors.md.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from parley import errors, lexicon
from parley.model import ActorCode
from parley.ontology import ontology

#: kinds of entries matched as proper names (case-sensitive, exact tokens)
NAME_KINDS = ("country", "adjective", "capital", "institution", "igo", "group", "region", "person", "not-actor")
#: kinds of entries matched as role nouns (case-insensitive, plural forms added)
ROLE_KINDS = ("role", "title", "generic")
KINDS = NAME_KINDS + ROLE_KINDS
#: CAMEO codes for actors above or across countries: international militarised groups, Kurds, NGOs, MNCs
TRANSNATIONAL = frozenset({"IMG", "KUR", "NGO", "MNC"})
CODE_RE = re.compile(r"^[A-Z0-9]{3,9}$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a dictionary file."""

    code: str
    kind: str
    names: tuple[str, ...]
    start: date | None
    end: date | None
    note: str
    where: str  # "file:line", for messages

    @property
    def name(self) -> str:
        return self.names[0] if self.names else ""

    @property
    def actor(self) -> ActorCode:
        """The entry's code read by its parts (country, roles)."""
        return ActorCode(self.code)

    def valid_on(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


ACRONYM_WORDS = lexicon.words("acronym-words")


@dataclass
class ActorDictionary:
    """All actor entries, indexed by surface form."""

    entries: list[Entry] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_name: dict[str, list[Entry]] = defaultdict(list)
        self.roles: dict[str, Entry] = {}
        #: phrase matchers built for a vocabulary, kept with the dictionary they match (see actors._matchers)
        self.matchers: list[tuple[Any, Any]] = []
        #: codes of every country entry, historical states too, and the names the entries give ("India",
        #: "Philippines" without "the"), not adjectives: the event coder asks them whether an actor is a state
        self.country_codes: set[str] = set()
        self.country_names: set[str] = set()
        self._surnames: dict[str, list[Entry]] | None = None  # built on first use: see people_by_surname
        for e in self.entries:
            self._index(e)

    def _index(self, e: Entry) -> None:
        if e.kind == "country":
            self.country_codes.add(e.code)
            self.country_names.update(n.removeprefix("the ").removeprefix("The ") for n in e.names)
        if e.kind in ROLE_KINDS:
            for n in e.names:
                for form in _role_forms(n):
                    self.roles.setdefault(form, e)
        else:
            for n in e.names:
                self.by_name[n].append(e)
                if "'" in n and e not in self.by_name[n.replace("'", "\u2019")]:
                    # "Kurdistan Workers’ Party": most news sites print the typographic apostrophe
                    self.by_name[n.replace("'", "\u2019")].append(e)
            for n in e.names:
                # "Nato", "Ecowas", "Opec": the house style of many papers writes acronyms as words
                if len(n) >= 4 and n.isalpha() and n.isupper() and n.lower() not in ACRONYM_WORDS \
                        and n.capitalize() not in e.names and e not in self.by_name[n.capitalize()]:
                    self.by_name[n.capitalize()].append(e)

    def add(self, entries: Iterable[Entry]) -> None:
        for e in entries:
            self.entries.append(e)
            self._index(e)
        self._surnames = None

    def people_by_surname(self) -> dict[str, list[Entry]]:
        """Person entries by the last word of each of their names of two words or more ("Duterte": the rows
        of Rodrigo Duterte and of Sara Duterte)."""
        if self._surnames is None:
            index: dict[str, list[Entry]] = defaultdict(list)
            for e in self.entries:
                if e.kind == "person":
                    for word in {n.split()[-1] for n in e.names if " " in n}:
                        index[word].append(e)
            self._surnames = dict(index)
        return self._surnames

    def __len__(self) -> int:
        return len(self.entries)

    def countries(self) -> dict[str, Entry]:
        """Today's countries (historical states, which have an end date, are left out)."""
        return {e.code: e for e in self.entries if e.kind == "country" and e.end is None}

    def by_country(self) -> Counter[str]:
        """Number of entries (all kinds but roles) per country code."""
        counts: Counter[str] = Counter()
        for e in self.entries:
            if e.kind not in ROLE_KINDS and e.kind != "not-actor" and e.code:
                counts[e.actor.country] += 1
        return counts


def _role_forms(phrase: str) -> set[str]:
    """A role phrase in lower case and its plural (English regular forms, -man/-men)."""
    p = phrase.lower()
    forms = {p}
    if p.endswith("man"):
        forms.add(p[:-3] + "men")
    elif p.endswith("y") and len(p) > 2 and p[-2] not in "aeiou":
        forms.add(p[:-1] + "ies")
    elif p.endswith(("s", "x", "ch", "sh")):
        forms.add(p + "es")
    else:
        forms.add(p + "s")
    return forms


def _parse_date(text: str, where: str, column: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise errors.DictionaryError(f"{where}: {column} {text!r} is not a date (YYYY-MM-DD)") from None


def parse_lines(lines: Iterable[str], source: str, role_codes: frozenset[str] | None = None) -> list[Entry]:
    """Parse and validate dictionary lines; raise DictionaryError naming ``source`` and the line."""
    roles = role_codes if role_codes is not None else _role_codes()
    out: list[Entry] = []
    for n, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{source}:{n}"
        cols = line.split("\t")
        if len(cols) < 3 or len(cols) > 6:
            raise errors.DictionaryError(
                f"{where}: expected 3 to 6 tab-separated columns (code, kind, names, start, end, note), got {len(cols)}"
            )
        cols += [""] * (6 - len(cols))
        code, kind, names_text, start_text, end_text, note = (c.strip() for c in cols)
        if kind not in KINDS:
            raise errors.DictionaryError(f"{where}: unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        names = tuple(x.strip() for x in names_text.split("|") if x.strip())
        if not names:
            raise errors.DictionaryError(f"{where}: no names given")
        if kind == "not-actor":
            if code:
                raise errors.DictionaryError(f"{where}: a not-actor line has an empty code, got {code!r}")
        elif kind in ROLE_KINDS:
            if code not in roles:
                raise errors.DictionaryError(f"{where}: {code!r} is not a CAMEO actor role code")
        elif not CODE_RE.match(code):
            raise errors.DictionaryError(f"{where}: actor code {code!r} must be 3 to 9 capital letters or digits")
        elif kind in ("country", "adjective") and len(code) != 3:
            raise errors.DictionaryError(f"{where}: a {kind} line takes a three-letter country code, got {code!r}")
        start = _parse_date(start_text, where, "start")
        end = _parse_date(end_text, where, "end")
        if start and end and end < start:
            raise errors.DictionaryError(f"{where}: end {end} is before start {start}")
        out.append(Entry(code, kind, names, start, end, note, where))
    return out


def _role_codes() -> frozenset[str]:
    return frozenset(ontology().roles())


def read_file(path: str | Path) -> list[Entry]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise errors.DictionaryError(f"{p}: no such dictionary file") from None
    except UnicodeDecodeError as exc:
        raise errors.DictionaryError(f"{p}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse_lines(text.splitlines(), str(p))


BUILTIN_FILES = ("countries.tsv", "institutions.tsv", "roles.tsv", "people.tsv")


def builtin_entries() -> list[Entry]:
    base = resources.files("parley") / "data" / "actors"
    out: list[Entry] = []
    for name in BUILTIN_FILES:
        text = (base / name).read_text(encoding="utf-8")
        out.extend(parse_lines(text.splitlines(), f"parley/data/actors/{name}"))
    return out


def check(entries: Sequence[Entry]) -> list[str]:
    """Consistency problems across files (not syntax): returned as messages naming file and line."""
    problems: list[str] = []
    countries = {e.code for e in entries if e.kind == "country"}
    known_prefixes = countries | TRANSNATIONAL | {e.code for e in entries if e.kind in ("region", "igo")} | {
        e.actor.country for e in entries if e.kind in ("igo", "region")
    }
    seen: dict[tuple[str, str, date | None], Entry] = {}
    for e in entries:
        if e.kind in ("capital", "institution", "group", "person", "adjective") and e.actor.country not in known_prefixes:
            if len(e.code) >= 6 or e.kind == "adjective":
                problems.append(f"{e.where}: {e.code!r} does not start with a known country, region or IGO code")
        if e.kind in ("person", "group"):
            for n in e.names:
                key = (n, e.kind, e.start)
                if key in seen and seen[key].code != e.code:
                    problems.append(f"{e.where}: {n!r} from {e.start} already given as {seen[key].code} at {seen[key].where}")
                seen[key] = e
    # overlapping periods of one person with different codes make resolution ambiguous
    by_person: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        if e.kind == "person":
            by_person[e.name].append(e)
    for name, rows in by_person.items():
        rows = sorted(rows, key=lambda r: r.start or date.min)
        for a, b in zip(rows, rows[1:]):
            a_end = a.end or date.max
            if b.start is not None and b.start < a_end and a.code != b.code:
                problems.append(f"{b.where}: {name} holds {b.code} from {b.start} while {a.code} ({a.where}) runs to {a.end or 'open'}")
    return problems
