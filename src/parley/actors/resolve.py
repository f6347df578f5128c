"""Find actor mentions in a parsed document and resolve them to CAMEO actor codes.

How a mention is built, in order:

1. Proper names from the dictionary (countries, adjectives, capitals, institutions, IGOs, groups, regions,
   people) are matched as exact token sequences, longest first. Names listed as ``not-actor`` ("Washington
   Post") block the shorter names inside them; a name inside a longer PERSON entity ("George Washington") is
   not an actor.
2. A name that modifies a role noun takes the noun's role: "Russian officials" -> RUSGOV, "Ukrainian forces"
   -> UKRMIL, "Kyiv police" -> UKRCOP; so does a name governed by "of"/"in" after the noun ("the government
   of Iran", "officials in Moscow"). Generic nouns ("spokesman", "chief", "leader") keep the role the name
   already has ("Kremlin spokesman" -> RUSGOV, "Pentagon chief" -> USAMIL) or take a modifier's ("opposition
   leader").
3. A capital or an institution that only says where something happened ("talks in Moscow", "at the White
   House") is a place, not an actor.
4. People: dictionary people resolve by the date (publication date): in office -> their office's code, out of
   office -> their country's elite code (e.g. USAELI). A person the dictionary does not know gets a code from the
   title and country around the name ("Kenyan President William Ruto", "Sergei Lavrov, Russia's foreign
   minister"); "former" gives ELI; a title that names no country ("President Samia Hassan") takes the text's.
   Later bare surnames ("Ruto said") and acronyms ("the AA") refer back to the full name (actors/repeats.py).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from parley import lexicon
from parley.actors.context import (LOCAL_ROLES, PEOPLES, document_country, halves, places, sentence_countries,
                                   shared_bodies, shared_body)
from parley.actors.dictionary import ActorDictionary, Entry
from parley.actors.periods import office, pick
from parley.actors.phrases import acronym, capital_role, capitalised_body, coordinated, only_modifies, starts_sentence
from parley.actors.repeats import acronyms, surnames
from parley.actors.titles import bare_titles, known_by_surname, text_country
from parley.model import ActorCode, Mention
from parley.nlp import DOC_ATTRIBUTES  # noqa: F401  (registers doc._.dateline, doc._.source_text)

LOCATIVE_PREPS = lexicon.words("actor-place-prepositions")
COMPOSING_PREPS = lexicon.words("composing-preps")
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
BACKING_PARTICIPLES = lexicon.words("backing-participles")
LED_BODIES = lexicon.words("led-bodies")
FORMER = lexicon.words("former")
#: roles a modifier gives to a generic head noun ("opposition leader", "police chief", "army spokesman")
#: roles coded without a country when none is named ("militants attacked a police post" -> REB)
COUNTRYLESS_ROLES = frozenset({"REB", "OPP", "CVL", "CRM", "NGO", "HRI", "LAB", "REF", "EDU", "HLH", "MED", "SET", "RAD",
                               "AGR", "ENV"})
ROLE_ONLY_ACTORS = True
#: groups named by role alone that a text about one country means as that country's; rights groups and other
#: NGOs are as often international and keep their role alone
LOCAL_GROUPS = COUNTRYLESS_ROLES - {"NGO", "HRI"}
NAMED_THINGS = frozenset({"ORG", "FAC", "GPE", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "PERSON", "NORP"})
NOT_NAME_WORDS = lexicon.words("not-name-words")
WEAPON_NOUNS = lexicon.words("weapon-nouns")
OPERATING_PARTICIPLES = lexicon.words("operating-participles")
ACTION_HEADS = lexicon.words("action-heads")
#: words for people in general: civilians when their context names a country, otherwise no actor at all
ANYONE = lexicon.words("generic-people")
STRONG_ROLES = frozenset({"OPP", "REB", "COP", "MIL", "JUD", "LEG", "SPY", "MED", "BUS", "LAB", "CRM", "HRI", "NGO"})
KIND_OF = {"adjective": "country", "country": "country"}


@dataclass(frozen=True)
class _Role:
    code: str
    kind: str  # role, title, generic
    start: int  # token index of the role phrase's first token
    end: int  # one past its last token


class Matchers:
    """The dictionary compiled into spaCy phrase matchers for one vocabulary."""

    def __init__(self, dictionary: ActorDictionary, vocab, tokenizer) -> None:  # type: ignore[no-untyped-def]
        self.country_codes = frozenset(dictionary.countries())
        self.names = PhraseMatcher(vocab, attr="ORTH")
        self.roles = PhraseMatcher(vocab, attr="LOWER")
        # one key for all: a match is looked up by its text, and one add() of all phrases is several times
        # faster than one add() per phrase
        self.names.add("NAME", _pattern_docs(list(dictionary.by_name), tokenizer))
        # roles match on LOWER, which only the model's vocabulary computes: tokenized with it
        self.roles.add("ROLE", list(tokenizer.pipe(list(dictionary.roles))))


#: names of plain words: the tokenizer splits them at their spaces and nowhere else (checked by a test on
#: every built-in name), so their pattern docs are built from the words directly
PLAIN_NAME = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)*$")


def _pattern_docs(phrases: list[str], tokenizer) -> list[Doc]:  # type: ignore[no-untyped-def]
    """Docs of the phrases as the tokenizer would split them, for a matcher on ORTH. Plain names are built in
    a bare vocabulary: a token's ORTH is the hash of its text in any vocabulary, and adding some 7,000 words
    to the model's vocabulary (which computes each word's lexical attributes) took half the loading time."""
    bare = Vocab()
    plain = {p: Doc(bare, words=p.split(" ")) for p in phrases if PLAIN_NAME.match(p)}
    others = [p for p in phrases if p not in plain]
    tokenized = dict(zip(others, tokenizer.pipe(others)))
    return [plain.get(p) or tokenized[p] for p in phrases]


def _with_role(base: str, role: str) -> str:
    """Country/IGO code plus a role: RUS + GOV -> RUSGOV, RUSMIL + GOV -> RUSGOV; other codes (ECOWAS,
    UNHCR) stay as they are."""
    code = ActorCode(base)
    if len(base) == 3 or (len(base) == 6 and code.role in _role_codes()):
        return code.country + role
    return base


@functools.lru_cache(maxsize=1)
def _role_codes() -> frozenset[str]:
    from parley.ontology import ontology

    return frozenset(ontology().roles())


class _Finder:
    def __init__(self, doc: Doc, on: date | None, dictionary: ActorDictionary, matchers: Matchers) -> None:
        self.doc = doc
        self.on = on
        self.dictionary = dictionary
        self.matchers = matchers
        self.role_at: dict[int, _Role] = {}  # head token of a role phrase -> role
        self.in_role: dict[int, _Role] = {}  # every token of a role phrase -> role
        spans = [doc[s:e] for _id, s, e in matchers.roles(doc)]
        for span in filter_spans(spans):
            entry = dictionary.roles[span.text.lower()] if span.text.lower() in dictionary.roles else None
            if entry is None:
                entry = dictionary.roles.get(" ".join(t.lower_ for t in span))
            if entry is None:
                continue
            r = _Role(entry.code, entry.kind, span.start, span.end)
            self.role_at[span.end - 1] = r
            for i in range(span.start, span.end):
                self.in_role[i] = r
        self.context_coded: set[str] = set()  # names of people whose country only the context gave
        self.named_offices: set[str] = set()
        self.person_ents = [piece for e in doc.ents if e.label_ == "PERSON" for piece in _possessive_pieces(e)]

    # -- roles ---------------------------------------------------------------------------------
    def role_of(self, noun: Token, base: str | None) -> str | None:
        """The role code a noun gives to the actor that modifies it, or None if it is no role noun."""
        r = self.role_at.get(noun.i)
        if r is None:
            return None
        if _is_former(noun):
            return "ELI"
        if r.kind == "title" and r.code == "MIL" and base is not None and ActorCode(base).role == "REB":
            return "REB"  # "a Taliban commander", "a Hamas general": the armed group's own
        if r.kind == "generic":
            for c in noun.children:
                if c.dep_ in MODIFIER_DEPS and c.i < r.start:
                    m = self.role_at.get(c.i)
                    if m is not None and m.code in STRONG_ROLES:
                        return m.code
            if base is not None and len(base) == 6:
                return base[3:]
            return r.code
        return r.code

    def _bare_roles(self, taken: set[int], codes: frozenset[str], pos: tuple[str, ...]):  # type: ignore[no-untyped-def]
        """The role phrases with one of ``codes`` that name an actor by their role alone: not taken by a name,
        not a modifier ("militant attack", "police station"; but "the police actions" are the police's), and
        no word of a name ("the Hostages and Missing Families Forum"). Yields (head token, role, span)."""
        for head_i, r in self.role_at.items():
            if r.kind != "role" or r.code not in codes:
                continue
            if any(i in taken for i in range(r.start, r.end)):
                continue
            head, end = self.doc[head_i], r.end
            boss = self.role_at.get(head.head.i) if head.dep_ == "compound" else None
            if boss is not None and boss.kind == "generic" and boss.start == r.end and head.head.i not in taken:
                head, end = head.head, boss.end  # "police officials", "a rebel spokesman": the role's own people
            elif only_modifies(head, r.code in LOCAL_ROLES):
                continue
            if head.pos_ not in pos:
                continue
            if capital_role(self.doc[r.start:r.end]) or capitalised_body(self.doc[r.start:r.end]):
                pass  # "Protesters broke into Parliament": a one-word role in the house style of capitals
            elif any(t.ent_type_ in NAMED_THINGS or (t.text[:1].isupper() and not starts_sentence(t) and not acronym(t))
                     for t in self.doc[r.start:end]):
                continue
            yield head, r, self.doc[r.start:end]

    def role_only(self, taken: set[int]) -> list[Mention]:
        """Groups named by their role alone ("militants", "protesters", "rights groups"): the role code
        without a country, as CAMEO codes actors of unknown country. Not for governments, armies or
        officials, which an article's context usually ties to a country (coreference handles those)."""
        out: list[Mention] = []
        for head, r, span in self._bare_roles(taken, COUNTRYLESS_ROLES, ("NOUN",)):
            if any(c.dep_ in MODIFIER_DEPS and c.i in taken and not coordinated(c) for c in head.children):
                continue
            out.append(Mention(r.code, None, span.text, span.start_char, span.end_char, "role"))
        return out

    def local_roles(self, taken: set[int], country_at: Callable[[int], str | None]) -> list[Mention]:
        """State bodies named by their role alone ("police arrested 20 protesters", "troops fired on the
        crowd") whose country ``country_at`` (of the mention's offset) gives: the country the text is about (its
        dateline, or the only country it names) or the one country their sentence names; that country's police,
        army, courts or government, as a local reader takes them."""
        out: list[Mention] = []
        for head, r, span in self._bare_roles(taken, LOCAL_ROLES, ("NOUN", "PROPN")):
            if head.lemma_.lower() in WEAPON_NOUNS or head.lower_ in WEAPON_NOUNS:
                continue  # "shot down 29 drones": weapons in a war report are as likely the enemy's
            if any(c.dep_ in MODIFIER_DEPS and not r.start <= c.i < r.end and (
                    c.i in taken or c.tag_ == "PRP$" or c.pos_ == "PROPN") for c in head.children):
                continue  # "its army", "Hamas police": someone else's (but "Riot police" is a role of its own)
            preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from")]
            if preps:
                # "police in Gaza", "the army of ...": the phrase names its own place or owner; a place no
                # name took ("police in Phnom Penh") is a city the gazetteer knows
                c = _place_country(preps[0], taken, self.matchers.country_codes) if preps[0].lower_ == "in" else None
                if c:
                    out.append(Mention(c + r.code, None, span.text, span.start_char, span.end_char, "role"))
                continue
            c = country_at(span.start_char)
            if c:
                out.append(Mention(c + r.code, None, span.text, span.start_char, span.end_char, "role"))
        return out

    # -- names ---------------------------------------------------------------------------------
    def name_mentions(self) -> list[Mention]:
        doc = self.doc
        found = [doc[s:e] for _id, s, e in self.matchers.names(doc)]
        # the bodies and countries an undated text names, for whose office its people hold (actors/periods.py)
        self.named_offices = {office(e.code) for s in found for e in self.dictionary.by_name.get(s.text, ())
                              if e.kind not in ("person", "not-actor")} if self.on is None else set()
        out: list[Mention] = []
        for span in filter_spans(found):
            entries = self.dictionary.by_name.get(span.text)
            if not entries:
                continue
            if any(e.kind == "not-actor" for e in entries):
                continue
            if self._inside_longer_person(span):
                continue
            m = self._resolve_name(span, entries)
            if m is not None:
                out.append(m)
        return self._foreign_institutions(out)

    def _foreign_institutions(self, mentions: list[Mention]) -> list[Mention]:
        """"Chile's Defense Ministry", "the Kenyan State Department": an institution name that news mostly
        uses for one country takes the country that modifies it."""
        doc = self.doc
        country_at: dict[int, Mention] = {}
        for m in mentions:
            if m.kind == "country" and len(m.code) == 3:
                for i in _token_range(doc, m):
                    country_at[i] = m
        out = list(mentions)
        for m in mentions:
            if m.kind != "institution" or len(m.code) != 6:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            # "Chile's Defense Ministry", "the head of Peru's Congress" (the name's own modifiers)
            name = span[-1] if span[-1] is not span.root else None
            for c in [*span.root.children, *(name.children if name is not None else ())]:
                other = country_at.get(c.i)
                if c.dep_ in MODIFIER_DEPS and (c.i < span.start or name is not None and span.start <= c.i < name.i) \
                        and other is not None and other.code != m.actor.country:
                    out.remove(m)
                    if other in out:
                        out.remove(other)
                    first = min(_token_range(doc, other).start, span.start)
                    out.append(Mention(other.code + m.actor.role, other.name, doc[first:span.end].text,
                                       doc[first].idx, m.end, "country"))
                    break
        return out

    def _inside_longer_person(self, span: Span) -> bool:
        for ent in self.person_ents:
            if ent.start <= span.start and span.end <= ent.end and (ent.end - ent.start) > (span.end - span.start):
                extra = [t for t in ent if not span.start <= t.i < span.end]
                if all(t.lower_ in NOT_NAME_WORDS for t in extra):
                    continue  # "Top White House (officials)": the model took an adjective for a first name
                # "George Washington" is a person; "Vladimir Putin" (the entry) is handled by the caller
                return not self.dictionary.by_name.get(ent.text)
        return False

    def _resolve_name(self, span: Span, entries: list[Entry]) -> Mention | None:
        doc = self.doc
        if span.start >= 1 and (doc[span.start - 1].lower_ in ("anti-", "pro-") or (
                span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in ("anti", "pro"))):
            return None  # "an anti-Syria journalist", "pro-Russian separatists": a stance, not a nationality
        entry, in_force = pick(entries, self.on, self.named_offices)
        code = entry.code
        if entry.kind == "person":
            country = ActorCode(code).country
            if not in_force and len(code) >= 3 and (country in self.matchers.country_codes
                                                    or country in _historical_states(self.dictionary)):
                code = country + "ELI"  # out of office: an elite of the country
            if _is_former(span.root) or any(_is_former(t) for t in span.root.children):
                code = _with_role(code, "ELI")
            return Mention(code, entry.name, span.text, span.start_char, span.end_char, "person")
        if not in_force and entry.kind in ("capital", "institution"):
            return None  # Bonn today is a city, not a seat of government
        kind = KIND_OF.get(entry.kind, entry.kind)
        # a row of institutions lists several bodies of one country: name the one in the text
        name = span.text if entry.kind == "institution" else entry.name
        root = span.root
        led = root.head if root.dep_ == "npadvmod" and root.head.dep_ == "amod" else None
        if led is not None and led.lower_ in BACKING_PARTICIPLES:
            return None  # "Iran-backed rebels", "Russian-trained militias": the backer is not the actor
        if led is not None and led.lower_ in OPERATING_PARTICIPLES and led.head.pos_ in ("NOUN", "PROPN"):
            # "Russia-launched drones", "Houthi-fired missiles": the one who launched them
            noun = led.head
            role = self.role_of(noun, code) or "MIL"
            return Mention(_with_role(code, role), name, doc[span.start:noun.i + 1].text, span.start_char,
                           noun.idx + len(noun.text), kind)
        if led is not None and led.lower_ == "led" and led.head.pos_ in ("NOUN", "PROPN"):
            # "the Saudi-led coalition", "Vietnamese-led forces": the leader's forces
            noun = led.head
            role = self.role_of(noun, code) or ("MIL" if noun.lower_ in LED_BODIES else None)
            if role is not None:
                return Mention(_with_role(code, role), name, doc[span.start:noun.i + 1].text, span.start_char,
                               noun.idx + len(noun.text), kind)
        # coordinated names share the role noun: "Russian and Chinese officials", "leaders of Poland and
        # France"; each keeps its own span so that each is an actor of its own
        anchor = root
        while anchor.dep_ == "conj" and anchor.head is not anchor:
            anchor = anchor.head
        coordinated = anchor is not root or any(c.dep_ == "conj" for c in root.children)
        # "Russian officials", "Kremlin spokesman", "Kyiv police"
        if anchor.dep_ in MODIFIER_DEPS and anchor.head.i >= span.end and anchor.head.pos_ in ("NOUN", "PROPN"):
            noun = anchor.head
            role = self.role_of(noun, code)
            if role is not None:
                if coordinated:
                    return Mention(_with_role(code, role), name, span.text, span.start_char, span.end_char, kind)
                first = min(span.start, self.in_role[noun.i].start)
                return Mention(_with_role(code, role), name, self.doc[first:noun.i + 1].text,
                               self.doc[first].idx, noun.idx + len(noun.text), kind)
        last = span[-1]
        if last is not root and last.dep_ == "poss" and last.head.i >= span.end and last.head.pos_ in ("NOUN", "PROPN") \
                and not coordinated and all(t.dep_ in ("case", "amod", "compound") and t.pos_ != "PROPN"
                                            for t in self.doc[span.end:last.head.i]):
            # "the Democratic Republic of the Congo's military": the parser hangs the possessive on the last word
            role = self.role_of(last.head, code)
            if role is not None:
                noun = last.head
                return Mention(_with_role(code, role), name, self.doc[span.start:noun.i + 1].text, span.start_char,
                               noun.idx + len(noun.text), kind)
        # "the government of Iran", "officials in Moscow"
        if anchor.dep_ == "pobj" and anchor.head.lower_ in COMPOSING_PREPS and anchor.head.head.i < span.start:
            noun = anchor.head.head
            named_before = any(c.dep_ in MODIFIER_DEPS and c.i < noun.i and self.dictionary.by_name.get(c.text)
                               for c in noun.children)  # "his Philippine counterpart in the White House"
            if noun.pos_ in ("NOUN", "PROPN") and not named_before:
                role = self.role_of(noun, code)
                if role is not None and (noun.i in self.role_at):
                    if coordinated:
                        return Mention(_with_role(code, role), name, span.text, span.start_char, span.end_char, kind)
                    first = self.in_role[noun.i].start
                    return Mention(_with_role(code, role), name, self.doc[first:span.end].text,
                                   self.doc[first].idx, span.end_char, kind)
        if entry.kind in ("capital", "institution") and root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
            return None
        return Mention(code, name, span.text, span.start_char, span.end_char, kind)

    # -- people the dictionary does not know ---------------------------------------------------
    def person_mentions(self, named: list[Mention],
                        country_at: Callable[[int], str | None] = lambda _at: None) -> list[Mention]:
        """People the dictionary does not know, by the title before their name or the role in apposition; a
        title that names no country ("President Samia Hassan", "Prosecutor Popi Papandreou") takes the one
        ``country_at`` gives (the text's)."""
        doc = self.doc
        taken = {i for m in named if m.kind == "person" for i in _token_range(doc, m)}
        by_token: dict[int, Mention] = {}
        for m in named:
            for i in _token_range(doc, m):
                by_token[i] = m
        out: list[Mention] = []
        for ent in self.person_ents:
            if any(t.i in taken for t in ent):
                continue
            known = self._titled_surname(ent, named)
            if known is not None:
                out.append(known)
                continue
            code, first, from_context = self._title_code(ent, by_token, country_at)
            if code is None:
                continue
            if from_context:
                self.context_coded.add(ent.text)
            out.append(Mention(code, ent.text, doc[first:ent.end].text, doc[first].idx, ent.end_char, "person"))
        return out

    def _titled_surname(self, ent: Span, named: list[Mention]) -> Mention | None:
        """A person the dictionary knows, named by a title and the surname ("President Duterte")."""
        if len(ent) != 1 or ent.start == 0:
            return None
        role = self.role_at.get(ent.start - 1)
        rows = known_by_surname(self.dictionary, self.on, ent, named, role is not None and role.kind == "title")
        return self._resolve_name(ent, rows) if rows else None

    def _title_code(self, ent: Span, by_token: dict[int, Mention],
                    country_at: Callable[[int], str | None]) -> tuple[str | None, int, bool]:
        """The code of a person by their title, the first token of the title, and whether only the context gave
        the country."""
        doc = self.doc
        root = ent.root
        # the title phrase right before the name: "Kenyan President", "Russia's foreign minister"
        first = ent.start
        subtree = {t.i for t in root.subtree}
        while first - 1 >= 0 and not doc[first - 1].is_space and (
                (first - 1) in subtree and doc[first - 1].dep_ not in ("appos", "punct", "relcl", "acl", "prep", "det")
                or _capitalised_title(doc[first - 1], self.in_role)):
            first -= 1  # a title the parser hung elsewhere counts when written as a name's prefix ("Police Chief")
        title = doc[first:ent.start]
        country = None
        for t in title:
            m = by_token.get(t.i)
            if m is not None and m.kind != "person":
                country = m.code
                break
        role_tokens = [t for t in title if t.i in self.role_at]
        if role_tokens and country is not None:
            head = role_tokens[-1]
            if any(x.lower_ in FORMER for x in title):
                return _with_role(country, "ELI"), first, False
            return _with_role(country, self.role_of(head, country) or "GOV"), first, False
        # apposition: "Sergei Lavrov, Russia's foreign minister," / "Russia's foreign minister, Sergei Lavrov,"
        partners = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            partners.append(root.head)
        for p in partners:
            m = by_token.get(p.i)
            if m is not None and m.kind != "person" and p.i in self.role_at:
                return m.code, ent.start, False
        for p in partners:  # "Mwenda Njeka, a spokesman for the Interior Ministry", "X, a deputy foreign minister"
            if p.i not in self.role_at or p.i in by_token:
                continue
            inner = next((by_token[t.i] for t in p.subtree if t.i in by_token and by_token[t.i].kind != "person"), None)
            role = "ELI" if _is_former(p) else None
            if inner is not None:
                return _with_role(inner.code, role or self.role_of(p, inner.code) or "GOV"), ent.start, False
            if len(ent) > 1 and (c := country_at(ent.start_char)):
                return c + (role or self.role_of(p, None) or "GOV"), ent.start, True
        if role_tokens and country is None and len(ent) > 1 and (c := country_at(ent.start_char)):
            # (a title and one word, "Minister Yun", is left to the surnames)
            if any(x.lower_ in FORMER for x in title):
                return c + "ELI", first, True
            return c + (self.role_of(role_tokens[-1], None) or "GOV"), first, True
        return None, first, False

_HISTORICAL: dict[int, frozenset[str]] = {}


def _historical_states(dictionary: ActorDictionary) -> frozenset[str]:
    """Codes of states that no longer exist (USR, DDR, YUG...): a person out of office there is an elite too."""
    codes = _HISTORICAL.get(id(dictionary))
    if codes is None:
        codes = frozenset(e.code for e in dictionary.entries if e.kind == "country" and e.end is not None)
        _HISTORICAL[id(dictionary)] = codes
    return codes


def _possessive_pieces(ent: Span) -> list[Span]:
    """A PERSON entity the model ran across a possessive ("Osama bin Laden's al-Qaeda") is two names: the
    owner's name and what follows the possessive."""
    cuts = [t.i for t in ent if t.tag_ == "POS"]
    if not cuts:
        return [ent]
    doc = ent.doc
    out: list[Span] = []
    start = ent.start
    for cut in [*cuts, ent.end]:
        if cut > start:
            out.append(doc[start:cut])
        start = cut + 1
    return out


def _capitalised_title(t: Token, in_role: dict[int, _Role]) -> bool:
    """A capitalised word of a title ("Acting Police Chief"), whatever the parser made of it."""
    return t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper() and (t.i in in_role or t.lower_ in NOT_NAME_WORDS)


def _is_former(t: Token) -> bool:
    return any(c.lower_ in FORMER and c.dep_ in ("amod", "advmod", "compound") for c in t.children) or t.lower_ in FORMER


def _token_range(doc: Doc, m: Mention) -> range:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def find(doc: Doc, on: date | None, dictionary: ActorDictionary, matchers: Matchers) -> list[Mention]:
    f = _Finder(doc, on, dictionary, matchers)
    named = f.name_mentions()
    people = f.person_mentions(named, text_country(doc, named, matchers.country_codes))
    # a person mention absorbs the names inside its title ("Kenyan President William Ruto")
    mentions = _without_overlaps([*people, *named])
    taken = {i for m in mentions for i in _token_range(doc, m)}
    mentions.extend(surnames(doc, [m for m in mentions if m.kind == "person"], taken))
    taken = {i for m in mentions for i in _token_range(doc, m)}
    mentions.extend(acronyms(doc, mentions, taken))
    # whose police, troops or protesters: the country the text is about, else the one the mention's context names
    # (not from people whose country the context gave: that would count the context twice)
    evidence = [m for m in mentions if (m.kind != "person" or m.name not in f.context_coded) and not shared_body(m)]
    country = document_country(doc, evidence, matchers.country_codes)
    if country is not None and any(shared_body(m) for m in mentions):
        placed = {c for _t, c, _in in places(doc, mentions, matchers.country_codes)}
        mentions = shared_bodies(mentions, country, placed)
    country_at = sentence_countries(doc, evidence, matchers.country_codes) if country is None else (
        lambda _at, _near=False: country)
    # "Kurdish rebels", "Arab militias": a people's fighters are of the country they fight in, when the text says
    mentions = [replace(m, code=c + m.actor.role) if m.actor.country in PEOPLES and m.actor.role and (
        c := country_at(m.start, m.actor.role in LOCAL_ROLES)) else m for m in mentions]
    taken = {i for m in mentions for i in _token_range(doc, m)}
    mentions.extend(halves(doc, mentions, taken))
    taken = {i for m in mentions for i in _token_range(doc, m)}
    # state bodies look at their own sentence only, groups at the sentences before too
    mentions.extend(f.local_roles(taken, lambda at: country_at(at, True)))
    taken = {i for m in mentions for i in _token_range(doc, m)}
    titles = [(r.start, r.end, r.code) for r in f.role_at.values() if r.kind == "title"]
    mentions.extend(bare_titles(doc, titles, taken, lambda _at: country))
    if ROLE_ONLY_ACTORS:
        taken = {i for m in mentions for i in _token_range(doc, m)}
        roles = f.role_only(taken)
        if any(m.actor.country in ("ISR", "PSE") for m in mentions):
            # "settlers torched Palestinian homes": in a text about Israel and the Palestinians, settlers are
            # Israeli settlers
            roles = [replace(m, code="ISRSET") if m.code == "SET" else m for m in roles]
        # "protesters stormed the parliament", "gunmen attacked a school" in a text about one country: that
        # country's protesters and gunmen (ANNOTATION.md § Actors), not actors of unknown country
        roles = [replace(m, code=c + m.code) if m.code in LOCAL_GROUPS and (c := country_at(m.start, False)) else m
                 for m in roles]
        # "people", "women", "children" are civilians of the country their context names, and no actor where it
        # names none ("thousands of people marched": whose? the place of the march may still tell, see events)
        roles = [m for m in roles if m.code != "CVL" or m.text.lower().split()[-1] not in ANYONE]
        mentions.extend(roles)
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _place_country(prep: Token, taken: set[int], country_codes: frozenset[str]) -> str | None:
    """The country of the place a preposition governs ("in Phnom Penh"), when the gazetteer knows it and no name
    took it ("the regimes in Burkina Faso, Mali and Niger" are the countries' own actors already)."""
    from parley.where import entity_of, lookup

    for pobj in prep.children:
        if pobj.dep_ == "pobj" and pobj.ent_type_ == "GPE" and pobj.i not in taken:
            ent = entity_of(pobj)
            found = lookup((ent.text if ent is not None else pobj.text).removeprefix("the ").strip())
            return found.country if found is not None and found.country in country_codes else None
    return None


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep people first, then longer mentions; drop any mention overlapping one already kept.

    The kept spans never overlap, so sorted by (start, end) their ends rise too: a new span overlaps one of
    them exactly when it overlaps the last that starts before it ends, found by bisection. (Checking every
    kept span made this quadratic in the number of mentions, that is in the length of the document.)"""
    ordered = sorted(mentions, key=lambda m: (m.kind != "person", -(m.end - m.start), m.start))
    kept: list[Mention] = []
    spans: list[tuple[int, int]] = []  # the kept (start, end), sorted
    for m in ordered:
        before = bisect.bisect_left(spans, (m.end, -1)) - 1  # the last kept span starting before m ends
        if before >= 0 and m.start < spans[before][1]:
            continue
        kept.append(m)
        bisect.insort(spans, (m.start, m.end))
    return kept
