"""TABARI ``.verbs`` and PETRARCH ``--- NAME [CODE] ---`` verb dictionaries to parley pattern lines.

Where a TABARI pattern has a parley equivalent (the verb alone with its object as target, verb +
preposition/particle + target, verb + object noun or synonym set with an optional preposition and target) it
becomes a line ``CAMEO  ID  PATTERN`` (docs/patterns.md); everything else is counted and reported with
``file:line``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
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

# -- verb dictionaries ---------------------------------------------------------------------------------

#: prepositions and particles a pattern can name (parley ``word`` elements)
PREPOSITIONS = frozenset(
    """about above across after against along alongside amid among amongst around as at away back before behind
    below beneath beside besides between beyond by down during for from in inside into near of off on onto out
    outside over past since through throughout to toward towards under until up upon via with within without
    aside apart forward together""".split()
)
#: dropped from patterns: parley matches dependents, not word sequences
ARTICLES = frozenset({"a", "an", "the"})
#: function words with no parley pattern element: a pattern that needs one is not converted
FUNCTION_WORDS = frozenset(
    """that will would shall should can could may might must not no be is are was were been being has have had
    do does did and or but if who whom which what it its he his she her they their them this these those there
    than so very also own""".split()
)
#: shapes (T target, M preposition/particle, O object noun) with a parley equivalent
_SHAPES = frozenset({"", "T", "MT", "O", "OMT", "OMO", "MO", "MOMT", "TM", "TMO"})

_HEADER = re.compile(r"^-{3,}\s*(.*?)\s*(?:\[([^\[\]]*)\])?\s*-{3,}\s*$")
_LEMMA = re.compile(r"^[a-z][a-z'-]*$")
_ID_PREFIX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@dataclass
class _Verb:
    head: str | None  # parley head (lemma, or lemma_particle), None when not convertible
    code: str  # its own code, "" for the block's
    where: str


@dataclass
class _Block:
    name: str
    code: str
    where: str
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[tuple[str, str]] = field(default_factory=list)  # (pattern text, where)
    header: bool = False  # opened by "--- NAME [CODE] ---" (else by its first verb, TABARI style)
    closed: bool = False  # a blank line ended a TABARI-style block


def import_verbs(path: str | Path, *, id_prefix: str = "petr") -> ImportResult:
    """Convert a TABARI/PETRARCH verb dictionary into parley event pattern lines.

    Converted: a block's (or a verb's own) CAMEO code for the verb alone, as ``verbs TGT`` (the object, if
    any, is the target); patterns ``- * + [C]``, ``- * PREP + [C]``, ``- * NOUN [C]``, ``- * NOUN PREP + [C]``,
    ``- * PREP NOUN [C]``, ``- * + PREP NOUN [C]`` and similar, with ``&SYNSET`` as an object list and ``$``
    before the verb (the source, parley's subject). Reported and not converted: words before the verb,
    ``$`` after it, ``%``, ``^``, ``_``-joined phrases, function words, two-event or null codes, codes not in
    the CAMEO ontology, undefined synsets, verbs parley cannot name (``RE_+ARREST``).
    """
    if not _ID_PREFIX.match(id_prefix):
        raise errors.ConfigError(f"--id-prefix {id_prefix!r}: letters, digits, '_' and '-' only")
    source = str(path)
    result = ImportResult("verbs", source)
    text = read_text(path, result.warnings)
    _VerbConverter(result, id_prefix).run(text)
    if not result.lines and not result.skipped:
        result.warnings.append(f"{source}:1: no verb blocks or patterns found")
    sort_warnings(result)
    return result


class _VerbConverter:
    def __init__(self, result: ImportResult, prefix: str) -> None:
        self.r = result
        self.src = result.source
        self.prefix = prefix
        self.blocks: list[_Block] = []
        self.synsets: dict[str, list[str]] = {}
        self.synset_where: dict[str, str] = {}
        self.current_synset: str | None = None
        self.ids: set[str] = set()

    def warn(self, where: str, message: str) -> None:
        self.r.warnings.append(f"{where}: {message}")

    def skip(self, where: str, message: str) -> None:
        self.warn(where, f"not converted: {message}")
        self.r.skipped += 1

    # -- reading ----------------------------------------------------------------------------------
    def run(self, text: str) -> None:
        for number, line, blank in content_lines(text):
            where = f"{self.src}:{number}"
            if not line.strip():
                if blank and self.blocks and self.blocks[-1].verbs and not self.blocks[-1].header:
                    self.blocks[-1].closed = True
                continue
            self.line(line.strip(), where)
        self.convert()

    def line(self, s: str, where: str) -> None:
        if s.startswith("&"):
            label = s.split()[0][1:].rstrip("_").upper()
            if not re.match(r"^[A-Z0-9_]+$", label or "-"):
                self.warn(where, f"cannot read synset label {s!r}; line skipped")
                self.current_synset = None
                return
            if len(s.split()) > 1:
                self.warn(where, f"text after the synset label {s.split()[0]!r} ignored")
            self.current_synset = label
            self.synsets.setdefault(label, [])
            self.synset_where[label] = where
            return
        if s.startswith("+") and self.current_synset is not None:
            self.synsets[self.current_synset].append(s[1:].strip())
            return
        self.current_synset = None
        if s.startswith("---"):
            m = _HEADER.match(s) if brackets_ok(s) else None
            if m is None:
                self.warn(where, f"cannot read block header {s!r} (expected --- NAME [CODE] ---); block code taken as ---")
                name, code = s.strip("-").strip(), "---"
            else:
                name, code = m.group(1), (m.group(2) or "---").strip() or "---"
            self.blocks.append(_Block(name, code.upper(), where, header=True))
            return
        if s.startswith("-"):
            if not self.blocks:
                self.skip(where, f"pattern {s!r} before any verb")
                return
            self.blocks[-1].patterns.append((s[1:].strip(), where))
            return
        if s[0].isalpha() or s[0] == "+":
            self.verb_line(s, where)
            return
        self.warn(where, f"cannot read {s!r}; line skipped")

    def verb_line(self, s: str, where: str) -> None:
        if not brackets_ok(s):
            self.warn(where, f"unbalanced brackets in {s!r}; line skipped")
            self.r.skipped += 1
            return
        codes = BRACKET.findall(s)
        body = BRACE.sub(" ", BRACKET.sub(" ", s)).strip()  # irregular forms {...}: parley matches lemmas
        code = codes[0].strip().upper() if codes else ""
        if len(codes) > 1:
            self.warn(where, f"more than one [code] on a verb line; [{code}] used")
        block = self.blocks[-1] if self.blocks else None
        if block is None or block.closed or block.patterns:
            block = _Block(body, code or "---", where)
            self.blocks.append(block)
            code = ""  # the first verb of a block without a header carries the block code
        head, problem = _verb_head(body)
        if problem:
            hint = " (is this an actors file?)" if body.endswith("_") and "_" in body.rstrip("_") else ""
            self.warn(where, f"verb {body!r}: {problem}; not used as a predicate{hint}")
            self.r.skipped += 1
        block.verbs.append(_Verb(head, code, where))

    # -- converting --------------------------------------------------------------------------------
    def new_id(self, block: _Block, tail: str) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", block.name.lower()).strip("-") or "verb"
        base = f"{self.prefix}.{slug}.{tail}"
        pid, n = base, 1
        while pid in self.ids or pid in _builtin_pattern_ids():
            n += 1
            pid = f"{base}-{n}"
        self.ids.add(pid)
        return pid

    def emit(self, code: str, block: _Block, tail: str, body: str, where: str) -> bool:
        from parley.events.patterns import parse_line
        from parley.ontology import ontology

        if not ontology().is_code(code):
            self.skip(where, f"[{code}] is not a CAMEO event code in parley's ontology")
            return False
        pid = self.new_id(block, tail)
        line = f"{code:<8} {pid:<32} {body}"
        try:
            parse_line(line, "<pattern>")
        except errors.DictionaryError as exc:
            self.ids.discard(pid)
            self.skip(where, f"{body!r}: {exc.message.removeprefix('<pattern>: ')}")
            return False
        short = f"{Path(where.rpartition(':')[0]).name}:{where.rpartition(':')[2]}"
        self.r.lines.append(f"{line}  # {short}")
        self.r.origins.append(where)
        self.r.converted += 1
        return True

    def convert(self) -> None:
        for block in self.blocks:
            heads = list(dict.fromkeys(v.head for v in block.verbs if v.head))
            if not block.verbs:
                if block.patterns:
                    for _p, where in block.patterns:
                        self.skip(where, f"block {block.name!r} ({block.where}) lists no verb")
                else:
                    self.warn(block.where, f"block {block.name!r} has no verbs and no patterns")
                continue
            # patterns first: parley tries patterns of equal specificity in file order, and a matching pattern
            # takes precedence over the verb's own code, as in PETRARCH
            for n, (pattern, where) in enumerate(block.patterns, start=1):
                if not heads:
                    self.skip(where, f"block {block.name!r} ({block.where}) has no verb parley can use")
                    continue
                self.pattern(block, heads, pattern, where, n)
            # the verb alone: the block code for verbs without their own, each own code for the others
            by_code: dict[str, list[str]] = {}
            where_of: dict[str, str] = {}
            for v in block.verbs:
                if v.head is None:
                    continue
                code = v.code or block.code
                by_code.setdefault(code, [])
                if v.head not in by_code[code]:
                    by_code[code].append(v.head)
                where_of.setdefault(code, v.where if v.code else block.where)
            for n, (code, hs) in enumerate(by_code.items()):
                if code == "---":
                    continue  # a null-coded verb codes nothing on its own, in PETRARCH as in parley
                if ":" in code:
                    self.skip(where_of[code], f"[{code}]: a two-event code has no parley equivalent")
                    continue
                self.emit(code, block, f"v{n}", "|".join(hs) + " TGT", where_of[code])

    def pattern(self, block: _Block, heads: list[str], text: str, where: str, n: int) -> None:
        if not brackets_ok(text):
            self.skip(where, f"unbalanced brackets in {text!r}")
            return
        m = re.search(r"\[([^\[\]]*)\]\s*$", text)
        if m is None:
            self.skip(where, f"pattern {text!r} has no [CODE] at its end")
            return
        code = m.group(1).strip().upper()
        tokens = text[: m.start()].split()
        if "[" in text[: m.start()] or "{" in text or "(" in text or "|" in text:
            self.skip(where, f"{text!r}: bracketed or disjunctive sets inside a pattern are not supported")
            return
        if code == "---":
            self.skip(where, f"{text!r}: null code [---]; parley has no pattern that blocks an event")
            return
        if ":" in code:
            self.skip(where, f"{text!r}: [{code}] is a two-event code; parley codes one event per pattern")
            return
        stars = [i for i, t in enumerate(tokens) if t in ("*", "**")]
        if len(stars) > 1:
            self.skip(where, f"{text!r}: more than one verb marker *")
            return
        upper, lower = (tokens[: stars[0]], tokens[stars[0] + 1 :]) if stars else ([], tokens)
        if [t for t in upper if t != "$"]:
            self.skip(where, f"{text!r}: words before the verb ({' '.join(upper)}) have no parley equivalent")
            return
        elements: list[str] = []
        shape = ""
        dropped: list[str] = []
        for i, tok in enumerate(lower):
            low = tok.lower()
            if tok == "+":
                if "T" in shape:
                    self.skip(where, f"{text!r}: two targets")
                    return
                elements.append("TGT")
                shape += "T"
            elif tok in ("$", "%", "^"):
                what = {"$": "the source after the verb", "%": "a compound actor (%)", "^": "a skipped word (^)"}[tok]
                self.skip(where, f"{text!r}: {what} has no parley equivalent")
                return
            elif tok.startswith("&"):
                label = tok[1:].rstrip("_").upper()
                if label not in self.synsets:
                    self.skip(where, f"{text!r}: synset &{label} is not defined")
                    return
                words, multi, bad = _synset_words(self.synsets[label])
                if multi or bad:
                    dropped.append(f"&{label}: {', '.join(multi + bad)}")
                if not words:
                    self.skip(where, f"{text!r}: synset &{label} has no one-word member parley can match as an object")
                    return
                elements.append("[" + "|".join(words) + "]")
                shape += "O"
            elif "_" in tok.strip("_"):
                self.skip(where, f"{text!r}: the phrase {tok} (consecutive words) has no parley equivalent")
                return
            elif low.strip("_") in ARTICLES:
                continue
            elif low.strip("_") in PREPOSITIONS:
                nxt = next((t for t in lower[i + 1 :] if t.lower().strip("_") not in ARTICLES), None)
                if low.strip("_") == "to" and nxt not in (None, "+"):
                    self.skip(where, f"{text!r}: TO followed by a word may be an infinitive or a noun; converted only "
                                     "as TO +")
                    return
                elements.append(low.strip("_"))
                shape += "M"
            elif low.strip("_") in FUNCTION_WORDS:
                self.skip(where, f"{text!r}: the word {tok} has no parley pattern element")
                return
            elif _LEMMA.match(low.strip("_")):
                elements.append(f"[{low.strip('_')}]")
                shape += "O"
            else:
                self.skip(where, f"{text!r}: cannot read {tok!r}")
                return
        if shape not in _SHAPES:
            readable = shape.replace("T", "+ ").replace("M", "PREP ").replace("O", "NOUN ").strip()
            self.skip(where, f"{text!r}: the shape * {readable} has no parley equivalent")
            return
        if shape == "":
            elements = ["TGT"]
        if self.emit(code, block, str(n), " ".join(["|".join(heads), *elements]), where) and dropped:
            self.warn(where, f"synset members parley cannot match as one object word left out: {'; '.join(dropped)}")


def _synset_words(members: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """One-word members (lower case), multi-word ones, unreadable ones."""
    words: list[str] = []
    multi: list[str] = []
    bad: list[str] = []
    for m in members:
        parts = [p for p in re.split(r"[_\s]+", m.strip()) if p]
        if len(parts) != 1:
            multi.append(m)
        elif _LEMMA.match(parts[0].lower()):
            if parts[0].lower() not in words:
                words.append(parts[0].lower())
        else:
            bad.append(m)
    return words, multi, bad


def _verb_head(text: str) -> tuple[str | None, str | None]:
    """A verb line's parley head (``GIVE`` -> ``give``, ``CLEAR_UP``/``+BEEF_UP`` -> ``clear_up``), or why none."""
    words = [w for w in re.split(r"[_\s]+", text.strip()) if w]
    if not words:
        return None, "no verb"
    plus = [i for i, w in enumerate(words) if w.startswith("+")]
    words = [w.lstrip("+").lower() for w in words]
    if plus and plus != [0]:
        return None, "the verb is not the first word of the phrase; parley heads are a verb and a particle after it"
    if len(words) == 1:
        head = words[0]
    elif len(words) == 2 and words[1] in PREPOSITIONS:
        head = f"{words[0]}_{words[1]}"
    else:
        return None, "a multi-word verb other than verb + particle"
    if not re.match(r"^[a-z][a-z'-]*(_[a-z]+)?$", head):
        return None, "not a word parley can match as a lemma"
    return head, None


@functools.lru_cache(maxsize=1)
def _builtin_pattern_ids() -> frozenset[str]:
    from parley.events.patterns import default_patterns

    return frozenset(default_patterns().by_id)


__all__ = ["import_verbs"]
