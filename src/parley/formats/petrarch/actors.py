"""PETRARCH/TABARI actor and agent dictionaries to parley actor TSV (``code  kind  names  start  end  note``).

    BARACK_OBAMA_                 ->  USAELI  person  Barack Obama|President Obama          2009-01-19
    +PRESIDENT_OBAMA_                 USAGOV  person  Barack Obama|President Obama  2009-01-20  2017-01-20
        [USAELI]                      USAELI  person  Barack Obama|President Obama  2017-01-21
        [USAGOV 090120-170120]
    KREMLIN_  [RUSGOV]            ->  RUSGOV  institution  Kremlin
    FOREIGN_MINISTER [~GOV]       ->  GOV     role  foreign minister
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from parley import errors
from parley.formats.petrarch.common import (
    BRACE,
    BRACKET,
    ImportResult,
    brackets_ok,
    content_lines,
    read_text,
    sort_warnings,
)

#: ``--kind`` values for actor (name) entries; "auto" guesses per entry (see :func:`import_actors`)
ACTOR_KINDS = ("auto", "person", "institution", "group", "country", "igo", "region")
#: ``--agent-kind`` values for agent (role noun) entries
AGENT_KINDS = ("role", "title", "generic")

_ONE_DAY = timedelta(days=1)



# -- dates ---------------------------------------------------------------------------------------------


def parse_date(text: str) -> tuple[date, str | None]:
    """A PETRARCH date (``yymmdd`` or ``yyyymmdd``) as a date, and a note when a two-digit year reads as a
    future year. Two-digit years: 00-68 are 2000-2068, 69-99 are 1969-1999 (the POSIX ``%y`` rule).
    Raises ValueError with a message when the text is no date."""
    t = text.strip()
    if not t.isdigit() or len(t) not in (6, 8):
        raise ValueError(f"{t!r} is not a date (yymmdd or yyyymmdd)")
    note = None
    if len(t) == 6:
        yy = int(t[:2])
        year = 2000 + yy if yy <= 68 else 1900 + yy
        if year > date.today().year:
            note = f"two-digit year {t[:2]} in {t} read as {year} (00-68 -> 20xx); write 19{t} if {1900 + yy} was meant"
        month, day = int(t[2:4]), int(t[4:6])
    else:
        year, month, day = int(t[:4]), int(t[4:6]), int(t[6:8])
    try:
        return date(year, month, day), note
    except ValueError:
        raise ValueError(f"{t!r} is not a valid date (month {month:02d}, day {day:02d})") from None


def parse_restriction(text: str) -> tuple[date | None, date | None, list[str]]:
    """``<date`` (up to and including), ``>date`` (from and including) or ``date-date``: (start, end, notes).
    Raises ValueError with a message."""
    r = "".join(text.split())
    notes: list[str] = []

    def one(t: str) -> date:
        d, note = parse_date(t)
        if note:
            notes.append(note)
        return d

    if r.startswith("<"):
        return None, one(r[1:]), notes
    if r.startswith(">"):
        return one(r[1:]), None, notes
    if r.count("-") == 1:
        a, b = r.split("-")
        start, end = one(a), one(b)
        if end < start:
            raise ValueError(f"range {r}: end {end} is before start {start}")
        return start, end, notes
    raise ValueError(f"date restriction {text!r} is not <date, >date or date-date")


# -- names ---------------------------------------------------------------------------------------------

#: words written in lower case inside a name ("Ministry of Defence", "Bashar al-Assad")
_LOWER_WORDS = frozenset(
    {"of", "the", "and", "for", "on", "in", "to", "at", "de", "del", "della", "der", "den", "des", "du", "da",
     "di", "la", "le", "van", "von", "y", "al", "el", "bin", "ibn"}
)
_VOWELS = frozenset("aeiouy")


@functools.lru_cache(maxsize=1)
def _builtin_casing() -> dict[str, str]:
    """Lower-case word -> its usual spelling in parley's own dictionary ("nato" -> "NATO", "un" -> "UN")."""
    from parley.actors.dictionary import NAME_KINDS, builtin_entries

    forms: dict[str, Counter[str]] = {}
    for e in builtin_entries():
        if e.kind not in NAME_KINDS:
            continue
        for name in e.names:
            for word in name.split():
                forms.setdefault(word.lower(), Counter())[word] += 1
    return {low: c.most_common(1)[0][0] for low, c in forms.items()}


def _case_word(word: str, first: bool, acronyms: frozenset[str]) -> tuple[str, bool]:
    """(spelling, decided): ``decided`` is False when the word could be an acronym or a word."""
    low = word.lower()
    if word.upper() in acronyms:
        return word.upper(), True
    known = _builtin_casing().get(low)
    if known is not None and not (first and known.islower()):
        return known, True
    letters = [c for c in low if c.isalpha()]
    if any(c.isdigit() for c in low) or (len(letters) >= 2 and not _VOWELS.intersection(letters)):
        return word.upper(), True  # G20, CNN, PKK
    if not first and low in _LOWER_WORDS:
        return low, True
    parts = low.split("-")
    out = []
    for i, part in enumerate(parts):
        if i == 0 and len(parts) > 1 and part in ("al", "el") and not first:
            out.append(part)
        elif "'" in part and part.index("'") == 1:  # o'neill, d'estaing
            out.append(part[0].upper() + "'" + part[2:].capitalize())
        elif part.startswith("mc") and len(part) > 3:
            out.append("Mc" + part[2:].capitalize())
        else:
            out.append(part.capitalize())
    return "-".join(out), False


def proper_names(phrase: str, acronyms: Iterable[str] = ()) -> list[str]:
    """The surface forms for a PETRARCH phrase (``BARACK_OBAMA_`` -> ``["Barack Obama"]``).

    Words are proper-cased, except words parley's own dictionary spells otherwise (``NATO``, ``UN``,
    ``al-Qaeda``), words in ``acronyms``, words with a digit or without a vowel (``G20``, ``CNN``), which
    stay upper case, and connecting words inside a name (``of``, ``al``) in lower case. A one-word name of at
    most six letters that none of these rules decides is given both ways (``Hamas|HAMAS``), since an
    upper-case file cannot tell an acronym from a word.
    """
    acr = frozenset(a.upper() for a in acronyms)
    words = [w for w in re.split(r"[_\s]+", phrase.strip()) if w]
    if not words:
        return []
    cased = [_case_word(w, i == 0, acr) for i, w in enumerate(words)]
    name = " ".join(c for c, _ in cased)
    if len(words) == 1 and not cased[0][1] and words[0].isalpha() and 2 <= len(words[0]) <= 6:
        return [name, words[0].upper()]
    return [name]


# -- actor dictionaries --------------------------------------------------------------------------------


@dataclass
class _Code:
    code: str
    restriction: str  # "" for a default code
    where: str


@dataclass
class _Record:
    where: str
    line: int
    phrases: list[tuple[str, str]] = field(default_factory=list)  # (phrase, where)
    codes: list[_Code] = field(default_factory=list)
    broken: bool = False


_MARKER = re.compile(r"!([A-Za-z0-9_]+)!")
_AGENT_CODE = re.compile(r"^(~[A-Z0-9]+|[A-Z0-9]+~)$")


def import_actors(
    path: str | Path,
    *,
    kind: str = "auto",
    agent_kind: str = "role",
    acronyms: Iterable[str] = (),
) -> ImportResult:
    """Convert a PETRARCH/TABARI actor or agent dictionary into parley actor TSV lines.

    ``kind`` is the parley kind of name entries; ``auto`` makes an entry a ``person`` when it has dated codes
    or an elite (``ELI``) code, a ``country`` when its code is a known three-letter country code, and an
    ``institution`` otherwise. Agent entries (``[~GOV]``) become role nouns of ``agent_kind``.
    """
    if kind not in ACTOR_KINDS:
        raise errors.ConfigError(f"--kind {kind!r}: expected one of {', '.join(ACTOR_KINDS)}")
    if agent_kind not in AGENT_KINDS:
        raise errors.ConfigError(f"--agent-kind {agent_kind!r}: expected one of {', '.join(AGENT_KINDS)}")
    source = str(path)
    result = ImportResult("actors", source)
    text = read_text(path, result.warnings)
    conv = _ActorConverter(result, kind, agent_kind, frozenset(a.upper() for a in acronyms))
    conv.run(text)
    if not result.lines and not result.skipped:
        result.warnings.append(f"{source}:1: no actor or agent entries found")
    _check_actor_output(result)
    sort_warnings(result)
    return result


class _ActorConverter:
    def __init__(self, result: ImportResult, kind: str, agent_kind: str, acronyms: frozenset[str]) -> None:
        from parley.actors.dictionary import _role_codes

        self.r = result
        self.src = result.source
        self.kind = kind
        self.agent_kind = agent_kind
        self.acronyms = acronyms
        self.roles = _role_codes()
        self.substitutions: dict[str, list[str]] = {}
        self.record: _Record | None = None
        self.stems: list[str] = []  # where a phrase had no trailing "_"

    def warn(self, where: str, message: str) -> None:
        self.r.warnings.append(f"{where}: {message}")

    def run(self, text: str) -> None:
        for number, line, _blank in content_lines(text):
            if not line.strip():
                continue
            self.line(number, line)
        self.finish()
        if self.stems:
            self.warn(
                self.stems[0],
                f"{len(self.stems)} phrase(s) have no trailing '_' (a TABARI stem that also matches longer words); "
                "they were converted as whole words",
            )

    def line(self, number: int, line: str) -> None:
        where = f"{self.src}:{number}"
        s = line.strip()
        if s.startswith("!") and "=" in s and _MARKER.match(s):
            label, _, items = s.partition("=")
            name = label.strip().strip("!").upper()
            self.substitutions[name] = [x.strip() for x in items.split(",") if x.strip()]
            return
        if not brackets_ok(s):
            self.warn(where, f"unbalanced brackets in {s!r}; line skipped")
            if not s.startswith(("+", "[")):  # a broken entry line: skip the whole entry
                self.finish()
                self.record = _Record(where, number, broken=True)
                self.r.skipped += 1
            return
        if s.startswith(("---", "&", "- ")) or s == "-":
            self.warn(where, f"{s!r} looks like verb dictionary syntax; line skipped (is this a verbs file?)")
            return
        if s.startswith("["):
            if self.record is None:
                self.warn(where, f"code line {s!r} with no entry before it; line skipped")
                return
            self.add_codes(s, where, self.record)
            return
        if s.startswith("+"):
            if self.record is None:
                self.warn(where, f"synonym {s!r} with no entry before it; line skipped")
                return
            self.add_phrase(s[1:], where, self.record)
            return
        if not (s[0].isalnum() or s[0] in "!'\"(.-"):
            self.warn(where, f"cannot read {s!r}; line skipped")
            return
        self.finish()
        self.record = _Record(where, number)
        self.add_phrase(s, where, self.record)

    def add_phrase(self, text: str, where: str, record: _Record) -> None:
        codes = BRACKET.findall(text)
        phrase = BRACKET.sub(" ", text)
        braces = BRACE.findall(phrase)
        phrase = BRACE.sub(" ", phrase).strip()
        if phrase:
            record.phrases.append((phrase, where))
        elif not codes:
            self.warn(where, "empty phrase; line skipped")
        if braces:
            record.phrases.append(("{" + braces[0] + "}", where))  # plural forms, used by agent entries
        for c in codes:
            self.add_code(c, where, record)

    def add_codes(self, text: str, where: str, record: _Record) -> None:
        codes = BRACKET.findall(text)
        rest = BRACKET.sub("", text).strip()
        if rest:
            self.warn(where, f"text {rest!r} outside [...] on a code line ignored")
        for c in codes:
            self.add_code(c, where, record)

    def add_code(self, content: str, where: str, record: _Record) -> None:
        parts = content.split(None, 1)
        if not parts:
            self.warn(where, "empty code [] ignored")
            return
        code = parts[0].upper()
        record.codes.append(_Code(code, parts[1].strip() if len(parts) > 1 else "", where))

    # -- one record -------------------------------------------------------------------------------
    def finish(self) -> None:
        rec, self.record = self.record, None
        if rec is None or rec.broken:
            return
        if any(_AGENT_CODE.match(c.code) for c in rec.codes):
            self.agent(rec)
        else:
            self.actor(rec)

    def emit(self, row: list[str], where: str) -> bool:
        from parley.actors.dictionary import parse_lines

        line = "\t".join(row)
        try:
            parse_lines([line], "<row>", role_codes=self.roles)
        except errors.DictionaryError as exc:
            # the parser names line 1 of a one-line text; name the source line instead
            self.warn(where, f"not converted: {exc.message.removeprefix('<row>:1: ')}")
            return False
        self.r.lines.append(line)
        self.r.origins.append(where)
        return True

    def names_of(self, rec: _Record) -> list[str]:
        names: list[str] = []
        for phrase, where in rec.phrases:
            if phrase.startswith("{"):
                self.warn(where, f"{phrase} is only read in agent entries; ignored")
                continue
            if _MARKER.search(phrase):
                self.warn(where, f"substitution markers (!...!) are only read in agent entries; {phrase!r} skipped")
                continue
            if not phrase.endswith("_"):
                self.stems.append(where)
            for name in proper_names(phrase, self.acronyms):
                if "|" in name or "\t" in name:
                    self.warn(where, f"name {name!r} contains '|' or a tab; skipped")
                elif name not in names:
                    names.append(name)
        return names

    def actor(self, rec: _Record) -> None:
        names = self.names_of(rec)
        if not names:
            self.warn(rec.where, "entry with no usable name; skipped")
            self.r.skipped += 1
            return
        if not rec.codes:
            self.warn(rec.where, f"{names[0]!r} has no [code]; skipped")
            self.r.skipped += 1
            return
        default: str | None = None
        restricted: list[tuple[date | None, date | None, str, str]] = []
        for c in rec.codes:
            if c.code == "###":
                self.warn(c.where, "discard code [###] has no parley equivalent (use a not-actor line); ignored")
                continue
            if not c.restriction:
                if default is None:
                    default = c.code
                elif c.code != default:
                    self.warn(c.where, f"second default code [{c.code}] ignored; [{default}] applies")
                continue
            try:
                start, end, notes = parse_restriction(c.restriction)
            except ValueError as exc:
                self.warn(c.where, f"[{c.code} {c.restriction}]: {exc}; restriction skipped")
                continue
            for note in notes:
                self.warn(c.where, note)
            if c.code == "---":
                self.warn(c.where, f"null code [--- {c.restriction}] cannot be dated in parley; that period is left "
                                   "without a code")
                restricted.append((start, end, "", c.where))
                continue
            restricted.append((start, end, c.code, c.where))
        if default is None and not any(code for *_x, code, _w in restricted):
            self.warn(rec.where, f"{names[0]!r} has no usable code; skipped")
            self.r.skipped += 1
            return
        if default == "---" and not restricted:
            ok = self.emit(["", "not-actor", "|".join(names), "", "", f"imported from {self._short(rec.where)}"],
                           rec.where)
            self._count(ok)
            return
        if default == "---":
            self.warn(rec.where, "default null code [---]: outside its dated periods the entry has no code")
            default = None
        periods = self.periods(restricted, default, rec)
        codes = [c for _s, _e, c in periods]
        kind = self.kind_for(codes, bool(restricted))
        ok_any = False
        for start, end, code in periods:
            ok = self.emit(
                [code, kind, "|".join(names), start.isoformat() if start else "", end.isoformat() if end else "",
                 f"imported from {self._short(rec.where)}"],
                rec.where,
            )
            ok_any = ok_any or ok
        self._count(ok_any)

    def _count(self, ok: bool) -> None:
        if ok:
            self.r.converted += 1
        else:
            self.r.skipped += 1

    @staticmethod
    def _short(where: str) -> str:
        file, _, line = where.rpartition(":")
        return f"{Path(file).name}:{line}"

    def kind_for(self, codes: Sequence[str], dated: bool) -> str:
        if self.kind != "auto":
            return self.kind
        if dated or any(len(c) == 6 and c[3:] == "ELI" for c in codes):
            return "person"
        if codes and all(len(c) == 3 and c in _country_codes() for c in codes):
            return "country"
        return "institution"

    def periods(
        self, restricted: list[tuple[date | None, date | None, str, str]], default: str | None, rec: _Record
    ) -> list[tuple[date | None, date | None, str]]:
        """Disjoint dated periods: restrictions in file order (an earlier one wins an overlap, except a shared
        boundary day, which parley reads as a handover), the default code in every gap, touching periods with
        one code merged."""
        taken: list[tuple[date, date, str]] = []
        for start, end, code, where in restricted:
            pieces = [(start or date.min, end or date.max)]
            trimmed = False
            for ts, te, tcode in taken:
                new: list[tuple[date, date]] = []
                for ps, pe in pieces:
                    lo, hi = max(ps, ts), min(pe, te)
                    handover = lo == hi and ((lo == ps and lo == te) or (lo == pe and lo == ts))
                    if lo > hi or tcode == code or handover:
                        new.append((ps, pe))
                        continue
                    trimmed = True
                    if ps < lo:
                        new.append((ps, lo - _ONE_DAY))
                    if hi < pe:
                        new.append((hi + _ONE_DAY, pe))
                pieces = new
            if trimmed:
                self.warn(where, f"[{code or '---'}] overlaps an earlier restriction of this entry; the earlier one "
                                 "wins the overlap")
            taken.extend((ps, pe, code) for ps, pe in pieces)
        out = [(s, e, c) for s, e, c in taken if c]
        if default is not None:
            cursor: date | None = date.min  # the first day no restriction covers yet
            for s, e in sorted((s, e) for s, e, _c in taken):
                if cursor is not None and s > cursor:
                    out.append((cursor, s - _ONE_DAY, default))
                if e == date.max:
                    cursor = None
                    break
                if cursor is not None:
                    cursor = max(cursor, e + _ONE_DAY)
            if cursor is not None:
                out.append((cursor, date.max, default))
        out.sort(key=lambda p: p[0])
        merged: list[tuple[date, date, str]] = []
        for s, e, c in out:
            if merged and merged[-1][2] == c and (merged[-1][1] == date.max or s <= merged[-1][1] + _ONE_DAY):
                merged[-1] = (merged[-1][0], max(merged[-1][1], e), c)
            else:
                merged.append((s, e, c))
        return [(None if s == date.min else s, None if e == date.max else e, c) for s, e, c in merged]

    # -- agents ------------------------------------------------------------------------------------
    def agent(self, rec: _Record) -> None:
        code_entry = next(c for c in rec.codes if _AGENT_CODE.match(c.code))
        raw = code_entry.code
        for c in rec.codes:
            if c is not code_entry:
                self.warn(c.where, f"extra code [{c.code}{' ' + c.restriction if c.restriction else ''}] on an agent "
                                   "entry ignored")
        if code_entry.restriction:
            self.warn(code_entry.where, "agent codes cannot be dated; the date restriction is ignored")
        code = raw.strip("~")
        if raw.endswith("~"):
            self.warn(code_entry.where, f"[{raw}] puts the agent before the actor code; parley writes every role after "
                                        "the country code")
        if code not in self.roles:
            if len(code) > 3 and code[:3] in self.roles:
                self.warn(code_entry.where, f"agent code {raw} is not a parley role; converted as {code[:3]}")
                code = code[:3]
            else:
                self.warn(code_entry.where, f"agent code {raw} is not a CAMEO role parley knows "
                                            f"({', '.join(sorted(self.roles))}); entry skipped")
                self.r.skipped += 1
                return
        names: list[str] = []
        for phrase, where in rec.phrases:
            if phrase.startswith("{"):
                forms = [f for f in phrase[1:-1].split() if f]
                names.extend(self.agent_forms(f, where) for f in forms)
                continue
            if " " in phrase.strip().rstrip("_"):
                self.warn(where, f"{phrase.strip()!r}: words separated by blanks (any words may come between) are "
                                 "matched as a consecutive phrase")
            names.extend(self.expand(phrase, where))
        names = list(dict.fromkeys(n for n in names if n))
        if not names:
            self.warn(rec.where, "agent entry with no usable phrase; skipped")
            self.r.skipped += 1
            return
        ok = self.emit([code, self.agent_kind, "|".join(names), "", "", f"imported from {self._short(rec.where)}"],
                       rec.where)
        self._count(ok)

    @staticmethod
    def agent_forms(text: str, _where: str) -> str:
        return " ".join(w for w in re.split(r"[_\s]+", text.lower()) if w)

    def expand(self, phrase: str, where: str) -> list[str]:
        """An agent phrase in lower case with its !MARKER! substitutions expanded."""
        markers = _MARKER.findall(phrase)
        if not markers:
            return [self.agent_forms(phrase, where)]
        choices: list[list[str]] = []
        for m in markers:
            items = self.substitutions.get(m.upper())
            if items is None:
                self.warn(where, f"substitution !{m}! is not defined (!{m.upper()}! = a, b, ...); read as the word "
                                 f"{m.lower()!r}")
                items = [m]
            choices.append(items)
        out = []
        for combo in itertools.product(*choices):
            it = iter(combo)
            out.append(self.agent_forms(_MARKER.sub(lambda _m: next(it), phrase), where))
        return out


@functools.lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    from parley.actors.dictionary import builtin_entries

    return frozenset(e.code for e in builtin_entries() if e.kind == "country")


def _check_actor_output(result: ImportResult) -> None:
    """Run parley's cross-file checks (docs/actors.md, ``parley dict check``) on the output together with the
    built-in dictionary; each problem becomes a warning naming the source line."""
    if not result.lines:
        return
    from parley.actors.dictionary import builtin_entries, check, parse_lines

    tag = "<imported>"
    try:
        entries = parse_lines(result.lines, tag)
    except errors.DictionaryError as exc:  # each line was validated on its own; this is a bug if reached
        result.warnings.append(f"{result.source}:1: output failed validation: {exc.message}")
        return
    # parse_lines numbers the lines it is given: map "<imported>:N" back to the source line
    pattern = re.compile(re.escape(tag) + r":(\d+)")
    for problem in check([*builtin_entries(), *entries]):
        found = pattern.search(problem)
        if found is None:
            continue  # a problem of the built-in files alone
        origin = result.origins[int(found.group(1)) - 1]
        text = pattern.sub(lambda m: result.origins[int(m.group(1)) - 1], problem)
        if not problem.startswith(tag):
            text = f"{origin}: {text}"
        result.warnings.append(f"{text} (parley dict check will report this)")


__all__ = ["ACTOR_KINDS", "AGENT_KINDS", "import_actors", "parse_date", "parse_restriction", "proper_names"]
