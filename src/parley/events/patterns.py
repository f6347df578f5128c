"""Event patterns: a small line language, its parser, and matching on a dependency parse.

A pattern file (``src/parley/data/patterns/*.txt``) has one pattern a line::

    # CAMEO  ID                 PATTERN
    042      visit              visit TGT
    036      meet.with          meet with TGT
    172      impose.sanctions   impose [sanction|embargo] on TGT
    111      say.undermine      say|argue|claim that:[undermine|destabilize] TGT
    138      threaten.attack    threaten to:[attack|strike|invade] TGT
    0234     n.aid.humanitarian n:aid|assistance [humanitarian] to TGT

The first element is the predicate: a verb lemma (alternatives joined by ``|``; a phrasal verb's
particle joined by ``_``: ``carry_out|launch``), or with ``n:`` an event noun. What follows is read left to right, each element attached to the *anchor*
(at first the predicate):

``word``            a child of the anchor that is a preposition, particle, agent or adverb with this
                    text (``with``, ``out``, ``on``); it becomes the anchor.
``[a|b]``           the anchor's object must have one of these lemmas: the direct object (the passive
                    subject in a passive clause), the adjective of a copula (``be [skeptical] about
                    TGT``), or the object of a preposition anchor; for a noun
                    predicate, a modifier (amod/compound) with one of these lemmas.  It becomes the anchor.
``to:[a|b]``        an open clausal complement (``agreed to meet``) with one of these lemmas.
``that:[a|b]``      a clausal complement (``said that ... undermines``) with one of these lemmas.
``TGT``             where the target actor is: the object of the preposition anchor, the object
                    of a verb anchor, the subject of a ``that:`` anchor.
``!word``           the predicate must NOT have this preposition or particle: ``seize !on TGT`` keeps
                    "seized on the contradiction" (exploited) apart from "seized the ship".
                    ``!obj``: the predicate must have no direct object ("demonstrated outside the embassy",
                    not "demonstrated its readiness"); ``!compl``: no second complement ("called Trump an
                    old man" names, it does not phone).

Matching is by lemma and lower-case text only; a pattern with more elements is more specific
and wins over a shorter one on the same predicate.

A line may end with **tags** (``@armed``, ``@receipt=0862``) that the coder's rules read: what a pattern is
(a warning, a weapons test, an act of sending) rather than its id, so renaming a line never turns a rule off.
The tags and what they do are listed in ``TAGS``; an unknown tag is an error.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from parley import lexicon
from parley.errors import DictionaryError
from parley.ontology import ontology
from parley.syntax import direct_object as _direct_object, marked_infinitive

_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_WORDS = re.compile(r"^[a-z][a-z'-]*(\|[a-z][a-z'-]*)*$")
_HEADS = re.compile(r"^[a-z][a-z'-]*(_[a-z]+)?(\|[a-z][a-z'-]*(_[a-z]+)?)*$")

ADVERBIAL_MARKS = lexicon.words("adverbial-marks")
#: roots where a "strike" is a stoppage of work; an air or drone strike is an attack
LABOUR_STRIKE_ROOTS = frozenset({"02", "03", "08", "10", "12", "14"})
ATTACK_MODIFIERS = lexicon.words("attack-modifiers")
CONTAINER_HEADS = lexicon.words("container-heads")
ROUND_HEADS = lexicon.words("round-heads")
PARTITIVE_HEADS = lexicon.words("partitive-heads")
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
MARKER_DEPS = frozenset({"prep", "prt", "agent", "advmod", "dative", "advcl", "npadvmod"})


#: the tags a pattern line may carry, and what the coder does with a pattern that has them
TAGS = {
    "intent-only": "a response promised is a threat; one that happened is dropped",
    "shared": "coordinated sources act together, not toward each other",
    "leaves-organisation": "leaving: coded only when what is left is an organisation",
    "armed": "coded only when every source is an armed force",
    "warning": "with no target, the one warned (the verb's object) is the target",
    "warns-of": "a bare warning, or one of force: a threat when it warns of the warner's own act, else dropped",
    "convening": "needs two or more sources: convening a meeting of one's own is no consultation",
    "not-self": "dropped when the object is one's own ('itself', 'its decision') or a purpose ('to defend')",
    "aimed": "made to an actor, like a phone call: dropped when what it is aimed at is no actor",
    "actor-object": "dropped with no target when the object is neither a person nor a concrete thing",
    "conditional-threat": "a threat on a condition: the target is whoever the condition is about",
    "weapons-test": "a weapons test: fired during an attack it is an aerial attack (195)",
    "guessed-kind": "the code guesses the kind of act named; reading the act may sharpen it",
    "sending": "sends people to a place: the target is the country of the place",
    "receipt": "=CODE: the receiving side's linked act, coded with the actors reversed",
    "refusal-only": "coded only as an announced refusal ('will not attend'); attending alone is no consultation",
    "reported": "a bare event noun: coded where the sentence reports the act (a verb's object, 'killed in an attack'), "
                "not as background ('after the attack', 'the attack was')",
    "clause": "that: takes a clause of its own ('agreed that they would'), not an infinitive ('agreed to open')",
}
_TAG = re.compile(r"^@([a-z][a-z-]*)(=[0-9]+)?$")


@dataclass(frozen=True, slots=True)
class Element:
    """One step of a pattern after its predicate."""

    kind: str  # "marker", "not", "object", "xcomp", "ccomp", "target"
    words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    cameo: str
    heads: frozenset[str]
    noun: bool
    elements: tuple[Element, ...]
    source: str  # "file:line", for error messages and explain
    tags: frozenset[str] = frozenset()  # "armed", "receipt=0862": see TAGS
    #: for each head word, the particles it needs ("" for none); and the words the markers name (computed)
    head_parts: tuple[dict[str, frozenset[str]], frozenset[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "head_parts", _head_table(self))

    def has(self, tag: str) -> bool:
        """Whether the pattern carries ``tag``."""
        return tag in self.tags

    def tag_value(self, tag: str) -> str | None:
        """The value of a valued tag (``receipt=0862`` -> ``"0862"``), or None."""
        prefix = tag + "="
        return next((t[len(prefix):] for t in self.tags if t.startswith(prefix)), None)

    @property
    def specificity(self) -> int:
        return sum(1 for e in self.elements if e.kind not in ("target", "not")) * 2 + (
            1 if any(e.kind == "target" for e in self.elements) else 0
        )

    @property
    def text(self) -> str:
        parts = [("n:" if self.noun else "") + "|".join(sorted(self.heads))]
        for e in self.elements:
            words = "|".join(sorted(e.words))
            parts.append(
                {
                    "marker": words,
                    "not": f"!{words}",
                    "object": f"[{words}]",
                    "xcomp": f"to:[{words}]",
                    "ccomp": f"that:[{words}]",
                    "target": "TGT",
                }[e.kind]
            )
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern that matched a predicate, with where the target should be read."""

    pattern: Pattern
    target_head: Token | None  # token whose actor is the target (None: no target slot filled)
    object_token: Token | None  # the light-verb object (``sanctions`` in ``impose sanctions``)


def _parse_element(raw: str, where: str) -> Element:
    if raw == "TGT":
        return Element("target")
    if raw.startswith("!"):
        if not _WORDS.match(raw[1:]):
            raise DictionaryError(f"{where}: '{raw}' must look like !word or !word|word")
        return Element("not", frozenset(raw[1:].split("|")))
    for prefix, kind in (("to:", "xcomp"), ("that:", "ccomp")):
        if raw.startswith(prefix):
            inner = raw[len(prefix) :]
            if not (inner.startswith("[") and inner.endswith("]")) or not _WORDS.match(inner[1:-1]):
                raise DictionaryError(f"{where}: '{raw}' must look like {prefix}[word|word]")
            return Element(kind, frozenset(inner[1:-1].split("|")))
    if raw.startswith("["):
        if not raw.endswith("]") or not _WORDS.match(raw[1:-1]):
            raise DictionaryError(f"{where}: '{raw}' must look like [word|word]")
        return Element("object", frozenset(raw[1:-1].split("|")))
    if not _WORDS.match(raw):
        raise DictionaryError(f"{where}: cannot read pattern element '{raw}'")
    return Element("marker", frozenset(raw.split("|")))


def parse_line(line: str, where: str) -> Pattern | None:
    """Parse one line of a pattern file; ``None`` for blank and comment lines."""
    body = line.split("#", 1)[0].strip()
    if not body:
        return None
    parts = body.split()
    if len(parts) < 3:
        raise DictionaryError(f"{where}: expected 'CAMEO ID PATTERN', got {body!r}")
    code, pid, head, *rest = parts
    first_tag = next((i for i, r in enumerate(rest) if r.startswith("@")), len(rest))
    if not all(r.startswith("@") for r in rest[first_tag:]):
        raise DictionaryError(f"{where}: tags (@name) come after the pattern's elements")
    rest, tags = rest[:first_tag], frozenset(_parse_tag(r, where) for r in rest[first_tag:])
    if not _CODE.match(code) or len(code) == 1:
        raise DictionaryError(f"{where}: '{code}' is not a CAMEO event code")
    if not _ID.match(pid):
        raise DictionaryError(f"{where}: '{pid}' is not a valid pattern id")
    noun = head.startswith("n:")
    if noun:
        head = head[2:]
    if not _HEADS.match(head):
        raise DictionaryError(
            f"{where}: '{head}' is not a lemma (lower case words joined by |, a particle joined by _: carry_out)"
        )
    elements = tuple(_parse_element(r, where) for r in rest)
    if sum(e.kind == "target" for e in elements) > 1:
        raise DictionaryError(f"{where}: a pattern has at most one TGT")
    if elements and elements[-1].kind == "marker" and elements[-1].words & {"with", "to", "on", "at", "against", "for"}:
        raise DictionaryError(f"{where}: a preposition at the end of a pattern needs TGT after it")
    return Pattern(pid, code, frozenset(head.split("|")), noun, elements, where, tags)


def _parse_tag(raw: str, where: str) -> str:
    found = _TAG.match(raw)
    if found is None or found.group(1) not in TAGS:
        raise DictionaryError(f"{where}: unknown tag '{raw}' (known: {', '.join('@' + t for t in sorted(TAGS))})")
    if (found.group(1) == "receipt") != (found.group(2) is not None):
        raise DictionaryError(f"{where}: '{raw}': only @receipt takes a value, and it needs one (@receipt=0862)")
    return raw[1:]


def parse_lines(lines: Iterable[str], name: str) -> list[Pattern]:
    patterns = []
    for number, line in enumerate(lines, 1):
        pattern = parse_line(line, f"{name}:{number}")
        if pattern is not None:
            patterns.append(pattern)
    return patterns


class PatternSet:
    """All patterns, indexed by predicate lemma, validated against the ontology."""

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        onto = ontology()
        seen: dict[str, Pattern] = {}
        for p in patterns:
            if p.id in seen:
                raise DictionaryError(f"{p.source}: pattern id '{p.id}' already used at {seen[p.id].source}")
            if not onto.is_code(p.cameo):
                raise DictionaryError(f"{p.source}: '{p.cameo}' is not in the CAMEO ontology")
            receipt = p.tag_value("receipt")
            if receipt is not None and not onto.is_code(receipt):
                raise DictionaryError(f"{p.source}: '@receipt={receipt}' is not a CAMEO code")
            seen[p.id] = p
        self.patterns = tuple(patterns)
        self.by_id = seen
        self._verbs: dict[str, list[Pattern]] = defaultdict(list)
        self._nouns: dict[str, list[Pattern]] = defaultdict(list)
        for p in patterns:
            index = self._nouns if p.noun else self._verbs
            for head in p.heads:
                index[head.split("_", 1)[0]].append(p)
        for index in (self._verbs, self._nouns):
            for lst in index.values():
                lst.sort(key=lambda p: -p.specificity)

    def candidates(self, token: Token) -> list[Pattern]:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX"):
            return self._verbs.get(lemma, [])
        if token.pos_ in ("NOUN", "PROPN"):
            return self._nouns.get(lemma, [])
        return []

    def match(self, predicate: Token) -> Match | None:
        """The most specific pattern that matches ``predicate``, or None."""
        objects: dict[int, Token | None] = {}  # direct objects, looked up once for all the candidate patterns
        lemma = predicate.lemma_.lower()
        particle = _particle(predicate)
        for pattern in self.candidates(predicate):
            if not _head_ok(pattern, predicate, lemma, particle):
                continue
            found = _match(pattern, predicate, objects, head_checked=True)
            if found is not None:
                return found
        return None

    def matches(self, predicate: Token) -> list[tuple[Pattern, Match | None]]:
        """Every candidate pattern with its match or None (for ``explain``)."""
        return [(p, _match(p, predicate)) for p in self.candidates(predicate)]

    def codes(self) -> set[str]:
        return {p.cameo for p in self.patterns}


def _first_object(predicate: Token) -> Token | None:
    return next((c for c in predicate.children if c.dep_ == "dobj"), None)


def _first_dobj(predicate: Token) -> int:
    obj = _first_object(predicate)
    return obj.i if obj is not None else -1


def _marker(hosts: Sequence[Token | None], words: frozenset[str]) -> Token | None:
    """The first child of the first host that is a preposition/particle with one of ``words``."""
    for host in hosts:
        if host is None:
            continue
        for c in host.children:
            if c.dep_ in MARKER_DEPS and c.lower_ in words and not _temporal(c):
                return c
    if "for" in words:
        # "called for Lebanese authorities to act": "for" marks a clause whose subject is the "for" object
        for host in hosts:
            for c in host.children if host is not None else ():
                if c.dep_ in ("advcl", "ccomp", "xcomp"):
                    mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == "for"), None)
                    if mark is not None:
                        return mark
    return None


_TIME_WORDS = lexicon.words("time-words")


def _temporal(prep: Token) -> bool:
    """"on Monday", "in March": a preposition whose object is a time is no marker of the act."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return pobj is not None and (pobj.ent_type_ in ("DATE", "TIME") or pobj.lower_ in _TIME_WORDS)


def _infinitive_clause(c: Token) -> bool:
    """"threatened on Monday to secede": an infinitive the parser hung as an adverbial clause, with no
    subject of its own and not one of purpose ("in order to")."""
    return c.dep_ == "advcl" and marked_infinitive(c) \
        and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children) \
        and not any(g.lower_ == "order" for g in c.lefts)


def _head_table(pattern: Pattern) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """For each head word of a pattern, the particles it needs ("" for none); and the words its markers name."""
    parts: dict[str, set[str]] = defaultdict(set)
    for head in pattern.heads:
        word, _, particle = head.partition("_")
        parts[word].add(particle)
    named = frozenset(w for e in pattern.elements if e.kind in ("marker", "not") for w in e.words)
    return {w: frozenset(p) for w, p in parts.items()}, named


def _particle(predicate: Token) -> Token | None:
    """The verb's particle; "up to" before a number ("kidnapped up to 16 advisers") is none."""
    prt = next((c for c in predicate.children if c.dep_ == "prt"), None)
    if prt is not None and prt.lower_ in ("up", "over") and prt.i + 1 < len(prt.doc) \
            and prt.doc[prt.i + 1].lower_ in ("to", "than"):
        return None
    return prt


def _head_ok(pattern: Pattern, predicate: Token, lemma: str | None = None, particle: Token | None | bool = False) -> bool:
    """The predicate is one of the pattern's heads, with its particle when the head names one."""
    parts, named = pattern.head_parts
    needed = parts.get(lemma if lemma is not None else predicate.lemma_.lower())
    if not needed:
        return False
    if particle is False:
        particle = _particle(predicate)
    # "backed down", "called off", "held up": a verb with a particle the pattern does not name is another
    # verb, unless a later element names the particle ("hand over [suspect]")
    if "" in needed and (particle is None or particle.lower_ in named):  # type: ignore[union-attr]
        return True
    # "take part in": a particle that is a noun, which the parser makes the object
    return any(p and (_marker((predicate,), frozenset({p})) is not None
                      or any(c.dep_ == "dobj" and c.lower_ == p for c in predicate.children)) for p in needed)


def _match(pattern: Pattern, predicate: Token, objects: dict[int, Token | None] | None = None,
           head_checked: bool = False) -> Match | None:
    if not head_checked and not _head_ok(pattern, predicate):
        return None
    if objects is None:
        objects = {}

    def direct_object(anchor: Token) -> Token | None:
        if anchor.i not in objects:
            objects[anchor.i] = _direct_object(anchor)
        return objects[anchor.i]

    anchor = predicate
    obj: Token | None = None
    target: Token | None = None
    recipient: Token | None = None
    noun_object: Token | None = None
    last_kind = "head"
    for element in pattern.elements:
        if element.kind == "not":
            if _marker((predicate,), element.words - {"obj", "compl"}) is not None:
                return None
            if "obj" in element.words and direct_object(predicate) is not None:
                return None  # "demonstrated readiness" is no street demonstration
            if "compl" in element.words and any(
                c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr") or (c.dep_ == "dobj" and c.i != _first_dobj(predicate))
                # "called North Korea's tests unforgivable": the complement may hang on the object
                or (c.dep_ == "dobj" and any(g.dep_ == "oprd" for g in c.children))
                for c in predicate.children
            ):
                return None  # "called Trump an old man", "called the claims baseless": naming, not phoning
            continue
        if element.kind == "marker":
            # "launched drones and missiles at Ukraine": the preposition may hang on the last conjunct
            conjuncts = tuple(c for host in (anchor, obj) if host is not None for c in host.children if c.dep_ == "conj")
            # "discussed new sanctions with Poland": the parser may hang the preposition on the object
            hung = _first_object(predicate) if anchor is predicate and not pattern.noun else None
            found = _marker((anchor, obj, predicate, target, *conjuncts, hung, noun_object), element.words)
            if found is None and "to" in element.words and not pattern.noun:
                # "gave Tanzania a grant": the double-object recipient is the "to" object
                found = next((c for c in predicate.children if c.dep_ == "dative" and c.pos_ in NOMINAL), None)
                if found is not None:
                    recipient = found
            if found is None:
                return None
            anchor = found
        elif element.kind == "object":
            if pattern.noun and anchor is predicate:
                found = next(
                    (c for c in anchor.children if c.dep_ in ("amod", "compound") and c.lemma_.lower() in element.words),
                    None,
                )
            else:
                # "handed over the suspect": a particle's object is the verb's
                found = direct_object(predicate if anchor.dep_ == "prt" else anchor)
                if found is not None and found.lemma_.lower() in PARTITIVE_HEADS and found.lemma_.lower() not in element.words:
                    # "suspended part of its aid programme", "lifted most of the sanctions": the whole named
                    found = next((g for c in found.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for g in c.children if g.dep_ == "pobj"), found)
                if found is not None and found.lemma_.lower() not in element.words and found.lower_ not in element.words:
                    # "halted mediation efforts", "suspended the aid programme", "violated the ceasefire
                    # agreement": a container noun stands for the act noun that modifies it
                    inner = next((c for c in found.children if c.dep_ == "compound"
                                  and c.lemma_.lower() in element.words), None) \
                        if found.lemma_.lower() in CONTAINER_HEADS else None
                    if inner is None and found.lemma_.lower() in ROUND_HEADS:
                        # "attend the fourth round of talks": the round's "of" object is the act
                        inner = next((g for c in found.children if c.dep_ == "prep" and c.lower_ == "of"
                                      for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in element.words), None)
                    found = inner
                if found is not None and found.lemma_.lower() == "strike" and pattern.cameo[:2] in LABOUR_STRIKE_ROOTS \
                        and any(c.lemma_.lower() in ATTACK_MODIFIERS or c.lower_ in ATTACK_MODIFIERS
                                for c in found.children if c.dep_ in ("compound", "amod", "poss")):
                    found = None  # "suspended drone strikes" is no strike called off
                if found is not None and found.lemma_.lower() == "strike" and pattern.cameo.startswith("143") \
                        and any(c.lower_ == "hunger" for c in found.children if c.dep_ in ("compound", "amod")):
                    found = None  # a hunger strike (142) is no strike of workers (143)
                if found is None and anchor is predicate and predicate.pos_ == "AUX":
                    # "was skeptical about", "is ready for": a copula's adjective complement
                    found = next((c for c in anchor.children if c.dep_ == "acomp"
                                  and (c.lemma_.lower() in element.words or c.lower_ in element.words)), None)
            if found is None:
                return None
            if not pattern.noun:
                obj = found
                anchor = found
            elif anchor is not predicate:
                noun_object = found  # "a suspension of air links with Italy": later markers may hang on it
        elif element.kind in ("xcomp", "ccomp"):
            deps = ("xcomp",) if element.kind == "xcomp" else ("ccomp", "advcl") if pattern.has("clause") \
                else ("ccomp", "xcomp", "advcl")
            if pattern.noun:
                deps += ("acl",)  # "an attempt to kill the governor": a noun's infinitive is its clause
            found = next(
                (
                    c
                    for host in (anchor, predicate)
                    for c in host.children
                    if (c.dep_ in deps or (element.kind == "xcomp" and _infinitive_clause(c)))
                    and c.lemma_.lower() in element.words
                    # "warned ... if Moscow invades": a condition or a time is not what is said
                    and not (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ADVERBIAL_MARKS
                                                       for m in c.children))
                    # "said France did not undermine ...": a negated complement is no grievance
                    and not (element.kind == "ccomp" and any(g.dep_ == "neg" for g in c.children))
                ),
                None,
            )
            if found is None:
                return None
            anchor = found
        else:  # target
            if recipient is not None and anchor is recipient:
                target = recipient
            elif last_kind == "ccomp":
                target = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            elif anchor.dep_ == "mark":
                target = next((c for c in anchor.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            elif anchor.dep_ == "prt":
                # "called on(prt) Russia(pobj)": the parser sometimes hangs the object on the particle
                target = next((g for g in anchor.children if g.dep_ == "pobj"), None) or direct_object(predicate)
            else:
                target = direct_object(anchor)
        last_kind = element.kind
    return Match(pattern, target, obj)


def _read(path: Path | resources.abc.Traversable, name: str) -> list[Pattern]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{name}: cannot read pattern file: {exc}") from exc
    return parse_lines(text.splitlines(), name)


def load_patterns(extra: Sequence[str | Path] = ()) -> PatternSet:
    """The shipped patterns plus any user pattern files given by path."""
    patterns: list[Pattern] = []
    folder = resources.files("parley") / "data" / "patterns"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            patterns.extend(_read(entry, f"patterns/{entry.name}"))
    for path in extra:
        p = Path(path)
        patterns.extend(_read(p, str(p)))
    return PatternSet(patterns)


@functools.lru_cache(maxsize=1)
def default_patterns() -> PatternSet:
    return load_patterns()
