"""Who says a quotation: the mention the text names (:mod:`parley.quotes` finds the quotations).

The speaker of a verb of saying is its subject (a relative pronoun stands for the noun it hangs on), the agent
of a passive, the object of "quoted X as saying" / "citing X", the issuer of a statement "saying ...", the
subject inherited by "adding" or "as saying", or, when the parser hangs a post-posed speaker inside the
reported clause, the noun phrase between the comma and the verb. Its reference (:class:`Speakers`) is the
phrase as written, whole, its code only when a mention resolves it; a pronoun takes the code of its
coreferent, else the name of the last person named before it whose title fits (docs/quotes.md).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.model import ActorRef, Mention
from parley.nlp import propn_indices
from parley.syntax import grammatical_subject

_CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp"})
#: verbs by which one speaker passes on another's words: the object is the speaker ("quoted the fleet as saying")
QUOTING_VERBS = frozenset({"quote", "cite"})
STATEMENT_NOUNS = lexicon.words("statement-nouns")
PERSON_PRONOUNS = lexicon.words("person-pronouns")
RELATIVE_PRONOUNS = lexicon.words("relative-pronouns")
#: titles that show a person's gender, so "she" does not go to "Mr Ortiz"
FEMALE_TITLES = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "madam", "madame", "lady", "queen", "princess"})
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince"})
TITLES = FEMALE_TITLES | MALE_TITLES
_FEMALE = frozenset({"she", "her"})
#: how many verbs a cue without a subject climbs to find one ("... before later backing off and saying ...")
MAX_CLIMB = 5


class Mentions:
    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.by_token: dict[int, Mention] = {}
        for m in sorted(mentions, key=lambda m: (m.start, m.kind == "pronoun")):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.by_token.setdefault(t.i, m)

    def in_phrase(self, head: Token, lo: int, hi: int) -> Mention | None:
        """The actor of the phrase headed by ``head`` within tokens ``lo``..``hi``: the head's own mention, else
        one inside the phrase (a person first), ignoring clauses inside it."""
        if head.i in self.by_token:
            return self.by_token[head.i]
        found: list[Mention] = []
        stack = [c for c in head.children if c.dep_ not in _CLAUSES]
        while stack:
            t = stack.pop()
            if lo <= t.i <= hi and t.i in self.by_token:
                found.append(self.by_token[t.i])
            stack.extend(c for c in t.children if c.dep_ not in _CLAUSES)
        if not found:
            return None
        found.sort(key=lambda m: (m.kind != "person", m.start))
        return found[0]


def phrase(head: Token, without: Token | None = None) -> tuple[int, int]:
    """The noun phrase ``head`` heads, as (first, last) token: whole names and titles ("President Xi Jinping"),
    appositions and "of"/"for" phrases, without relative and other clauses, the cue ``without`` when it hangs
    on the phrase ("X, posted on Twitter"), or edge punctuation."""
    doc = head.doc
    drop: set[int] = set()
    for c in head.children:
        if c.dep_ in ("relcl", "advcl", "ccomp", "parataxis") or (without is not None and c.i == without.i):
            drop.update(t.i for t in c.subtree)
    for t in head.subtree:
        # "a reservist who drives a taxi", "the provincial authority ... Wednesday": no relative clause or time
        # inside a speaker phrase (a participle stays: "the force known as UNIFIL")
        if t.i not in drop and t.i != head.i and (t.dep_ == "relcl" or (
                t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME"))):
            drop.update(x.i for x in t.subtree)
    kept = {t.i for t in head.subtree} - drop
    lo = hi = head.i
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ == "cc"):
        hi -= 1
    return lo, hi


def speaker_token(cue: Token, depth: int = 0) -> Token | None:
    """Who says: the cue's subject (a relative pronoun stands for the noun it hangs on), the agent of a passive
    cue, else the subject of the verb an "adding" / "as saying" / coordinated cue depends on."""
    if cue.lemma_.lower() in QUOTING_VERBS:  # "the agency quoted X as saying", "citing X": X speaks
        quoted = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if quoted is not None:
            return quoted
    subject = grammatical_subject(cue)
    if subject is not None:
        if subject.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
            return cue.head
        if subject.lower_ == "it" and subject.dep_ == "nsubjpass":
            return None  # "it was reported that ...": nobody is named
        return subject
    for c in cue.children:
        if c.dep_ == "agent":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    if cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN"):
        return None
    if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN"):
        head = cue.head
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ in ("PROPN", "NOUN"):
            return owner  # "X's statement claiming ...": X claims, whoever the sentence's subject is
        # "the ministry issued a statement saying ...", "Doha rejected the claims saying ...", "gave no details
        # on casualties, saying ...": a participle on an object speaks for the subject of the object's verb
        verb = head
        while verb.dep_ in ("dobj", "pobj", "prep") and verb.head.i != verb.i:
            verb = verb.head
        if verb.i != head.i and verb.pos_ in ("VERB", "AUX") and depth < MAX_CLIMB:
            return speaker_token(verb, depth + 1)
        return head  # "..., Lithuania's foreign minister, Gabrielius Landsbergis, posted on Twitter"
    if cue.i > 0 and cue.doc[cue.i - 1].is_punct and cue.dep_ in ("ROOT", "parataxis", "ccomp"):
        # '"...," announced Modi': the parser takes an inverted subject for the object
        inverted = next((c for c in cue.children if c.dep_ in ("dobj", "attr", "npadvmod") and c.i > cue.i
                         and c.pos_ in ("PROPN", "NOUN")), None)
        if inverted is not None:
            return inverted
    if depth < MAX_CLIMB and cue.dep_ in ("conj", "advcl", "xcomp", "pcomp") and cue.head.i != cue.i:
        head = cue.head
        if head.pos_ == "ADP" and head.head.i != head.i:  # "quoted ... as saying"
            head = head.head
        if head.lemma_.lower() in QUOTING_VERBS:
            quoted = next((c for c in head.children if c.dep_ == "dobj"), None)
            if quoted is not None:
                return quoted
        return speaker_token(head, depth + 1)
    return None


class Speakers:
    """Speaker references for tokens: the phrase as written, its code when a mention resolves it."""

    def __init__(self, doc: Doc, index: Mentions) -> None:
        self.doc = doc
        self.index = index
        self.text = doc._.source_text
        # each person named in the text, by its last token: the name as written
        self.names: dict[int, tuple[int, int]] = {}
        for e in doc.ents:
            if e.label_ == "PERSON":
                self.names[e[-1].i] = (e.start_char, e.end_char)
        proper = propn_indices(doc)
        is_proper = set(proper)
        for i in proper:  # a name after a title ("Ms Ines Varga") that the recogniser missed
            if i not in self.names and i + 1 not in is_proper:
                t = doc[i]
                j = t.i
                while j > 0 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].lower_ not in TITLES:
                    j -= 1
                if j > 0 and doc[j - 1].lower_ in TITLES:
                    self.names[t.i] = (doc[j].idx, t.idx + len(t.text))
        for t, m in index.by_token.items():
            if m.kind == "person":
                self.names.setdefault(t, (m.start, m.end))
        self.persons = sorted(self.names)
        self.sent_starts = [s.start for s in doc.sents]

    def ref(self, head: Token, cue: Token | None = None) -> ActorRef:
        lo, hi = phrase(head, cue)
        doc = self.doc
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        written = self.text[start:end]
        mention = self.index.in_phrase(head, lo, hi)
        k = bisect.bisect_left(self.persons, lo)
        person = next((self.names[i] for i in self.persons[k:k + 4] if i <= hi and self.names[i][0] >= start), None)
        if mention is not None and mention.kind != "person" and person is not None:
            # "Turkey's defence minister, Yasar Guler": coded by the ministry, named by the person
            return ActorRef(mention.code, self.text[person[0]:person[1]], written, start, end)
        if mention is not None:
            # the phrase's own actor names it ("Kremlin spokesman Dmitry Peskov"); an actor inside the phrase
            # only codes it ("Lithuania's foreign minister"): the name stays the words of the text
            own = head.i in self.index.by_token or mention.kind == "person"
            return ActorRef(mention.code, (mention.name or mention.text) if own else written, written, start, end)
        if head.lower_ in PERSON_PRONOUNS and head.pos_ == "PRON":
            antecedent = self.person_before(head)
            if antecedent is not None:
                m = self.index.by_token.get(antecedent.i)
                if m is not None:
                    return ActorRef(m.code, m.name or m.text, written, start, end)
                a, b = self.names[antecedent.i]
                return ActorRef(None, self.text[a:b], written, start, end)
        return ActorRef(None, None if head.pos_ == "PRON" else written, written, start, end)

    def person_before(self, pronoun: Token) -> Token | None:
        """The last person named before ``pronoun`` in its sentence or the three before, whose title does not
        contradict the pronoun's gender."""
        n = bisect.bisect_right(self.sent_starts, pronoun.i) - 1
        floor = self.sent_starts[max(n - 3, 0)]
        female = pronoun.lower_ in _FEMALE
        i = bisect.bisect_left(self.persons, pronoun.i) - 1
        while i >= 0 and self.persons[i] >= floor:
            tok = self.doc[self.persons[i]]
            lo = tok.i
            while lo > 0 and (self.doc[lo - 1].pos_ == "PROPN" or self.doc[lo - 1].lower_ in TITLES):
                lo -= 1
            titles = {t.lower_ for t in self.doc[lo:tok.i + 1]}
            if not (titles & (MALE_TITLES if female else FEMALE_TITLES)):
                return tok
            i -= 1
        return None


def trailing_speaker(cue: Token, sent: Span) -> Token | None:
    """'<clause>, the committee of professional organisations said.': when the parser gives a post-posed
    cue no subject (it hangs the speaker inside the clause), the noun phrase between the comma and the cue."""
    doc = cue.doc
    j = cue.i - 1
    while j > sent.start and doc[j].text != "," and cue.i - j <= 14:
        j -= 1
    if j <= sent.start or doc[j].text != "," or j + 1 >= cue.i:
        return None
    segment = range(j + 1, cue.i)
    roots = [doc[i] for i in segment if doc[i].head.i not in segment or doc[i].head.i == doc[i].i]
    if len(roots) == 1 and roots[0].pos_ in ("NOUN", "PROPN"):
        return roots[0]
    return None


__all__ = ["Mentions", "Speakers", "phrase", "speaker_token", "trailing_speaker"]
