"""The event coder: one parsed document and its actor mentions in, events out.

For every token that a pattern can start from (a verb, or an event noun) the coder
finds the pattern that matches the parse, reads the source actor (subject, passive agent,
possessor of an event noun, or the subject the clause inherits through coordination,
control and participles), the target actor (the pattern's TGT slot), and the modality.
Coordinated actors give one event per pair. Every decision is kept as a
:class:`Candidate`, so ``parley explain`` can show why an event was or was not coded.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from parley import lexicon
from parley.events.modality import Modality, classify
from parley.events.ontology import ontology, plover_for
from parley.events.kinds import (
    KIND_CODES, KIND_NOUNS, KIND_VERBS, act_kind, act_kind_of, asked_act, asked_act_is_request, noun_kind,
    refused_kind,
)
from parley.events.linked import actor_ref, peacekeeping_arrivals, rallied_support, with_code
from parley.events.patterns import Match, Pattern, PatternSet, direct_object, is_passive
from parley.model import Event, Location, Mention, Span

# Intent: a cooperative act expressed as intended ("ready to talk", "agreed to send aid") is coded with
# CAMEO's 03x "express intent" code for that kind of act; a promised or announced act of force or coercion
# is a threat (CAMEO 13): "vowed to eradicate Hamas", "will impose sanctions on Iran".
THREAT_CODES = {
    "16": "131",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "137",
    "172": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "18": "138",
    "19": "138",
    "191": "1381",
    "192": "1382",
    "20": "138",
    "204": "1385",
}

OBJECT_CONTROL = lexicon.words("object-control")
NOUN_OWNING_VERBS = lexicon.words("noun-owning-verbs")
LEAVING_NOUNS = lexicon.words("leaving-nouns")
CONTAINER_NOUNS = lexicon.words("container-nouns")
RELATIVE_PRONOUNS = lexicon.words("relative-pronouns")
COUNTING_MODALITIES = frozenset({"asserted"})


@dataclass
class Candidate:
    """A predicate the coder looked at, and what became of it."""

    predicate: Token
    match: Match | None
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    modality: Modality | None = None
    cameo: str | None = None
    events: list[Event] = field(default_factory=list)
    dropped: str | None = None
    how: str = ""  # how the source was found: subject, agent, possessor, coordination, control...
    joint: str | None = None  # code of the members' act toward each other ("hosted talks between A and B")
    between_noun: Token | None = None  # the word "between A and B" attaches to


class MentionIndex:
    """Which actor mention covers which token of the document."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.by_token.setdefault(t.i, m)

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def actors(self, head: Token | None) -> list[Mention]:
        """Actors denoted by the phrase headed by ``head``, one per coordinated conjunct."""
        if head is None:
            return []
        found: list[Mention] = []
        for conjunct in _conjuncts(head):
            for m in self._phrase_actors(conjunct, depth=0):
                if m not in found:
                    found.append(m)
        return found

    def _phrase_actor(self, head: Token, depth: int) -> Mention | None:
        actors = self._phrase_actors(head, depth)
        return actors[0] if actors else None

    def _phrase_actors(self, head: Token, depth: int) -> list[Mention]:
        """The actor(s) a noun phrase denotes; coordinated modifiers or "of" objects give several
        ("Russian and Chinese officials", "the leaders of Poland, France and Germany")."""
        m = self.at(head)
        if m is not None:
            return [m]
        if depth > 2:
            return []
        # premodifiers first ("Russian officials", "Moscow's envoy"), then "of X" ("leaders of China")
        for c in head.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < head.i:
                m = self.at(c)
                if m is None and c.dep_ in ("compound", "nmod"):
                    # "the US drone strikes": the actor modifies the modifier
                    m = next((self.at(g) for g in c.children if g.dep_ in ("compound", "amod", "poss", "nmod")
                              and g.i < c.i and self.at(g) is not None), None)
                if m is not None:
                    return _unique([m, *(self.at(x) for x in _conjuncts(c)[1:])])
        # "Kenzo Oshima, the United Nations relief coordinator, demanded": an unknown name takes the actor of
        # the title in apposition; "its chairman, Moussa Faki Mahamat, condemned": a title the actor named
        for c in head.children:
            if c.dep_ == "appos" and (head.pos_ == "PROPN" or c.pos_ == "PROPN"):
                found = self._phrase_actors(c, depth + 1)
                if found:
                    return found
        for c in head.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in APPOINTING_VERBS:
                # "the prime minister appointed by Niger's military regime": the appointer's official
                agent = next((g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
                if agent is not None:
                    found = self._phrase_actors(agent, depth + 1)
                    if found:
                        return found
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of" and head.lemma_.lower() in ATTACK_SUBJECTS | PATIENT_NOUNS:
                # "a bombing of the embassy killed three guards", "decried the arrests of two activists": the
                # "of" object suffered the act; it neither did it nor is it whom a protest aims at
                continue
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):  # "leaders of", "mediators from Egypt", "action by the West"
                for pobj in c.children:
                    if pobj.dep_ == "pobj":
                        out: list[Mention] = []
                        for conj in _conjuncts(pobj):
                            out.extend(self._phrase_actors(conj, depth + 1))
                        if out:
                            return _unique(out)
        return []


def _unique(mentions) -> list[Mention]:  # type: ignore[no-untyped-def]
    out: list[Mention] = []
    for m in mentions:
        if m is not None and m not in out:
            out.append(m)
    return out


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for c in token.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def subject_head(pred: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The token heading the phrase that does the act of ``pred``, and how it was found."""
    if depth > 6:
        return None, "none"
    if pred.pos_ in ("NOUN", "PROPN"):
        for c in pred.children:
            if c.dep_ == "poss" and c.tag_ != "PRP$":  # "its sanctions": the clause's subject, below
                return c, "possessor"
        for c in pred.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from") and not (
                    c.lower_ == "from" and pred.lemma_.lower() in LEAVING_NOUNS):  # "their exit from ECOWAS"
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, "by"
        for c in pred.children:
            # "Russian strikes", "EU sanctions"; not "new sanctions", "18th package"
            if c.dep_ in ("compound", "amod", "nmod") and c.i < pred.i and (
                c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
                or (c.text[:1].isupper() and c.i != c.sent.start)
            ):
                return c, "modifier"
        # "a new package of sanctions": the container noun stands in the clause for the event noun
        if pred.dep_ == "pobj" and pred.head.lower_ == "of" and pred.head.head.lemma_.lower() in CONTAINER_NOUNS:
            return subject_head(pred.head.head, depth + 1)
        # "Ukraine is open to talks", "ready for negotiations": the subject of the adjective's copula
        if pred.dep_ == "pobj" and pred.head.head.pos_ == "ADJ" and pred.head.head.dep_ in ("acomp", "amod", "oprd"):
            adjective = pred.head.head
            head, _how = subject_head(adjective.head if adjective.dep_ == "acomp" else adjective, depth + 1)
            return head, "clause"
        # "came with conditions", "set out its demands": the clause's subject owns the noun
        governor = pred.head
        if pred.dep_ == "pobj" and governor.lower_ == "with":
            governor = governor.head
        elif pred.dep_ == "pobj" and governor.lower_ == "on" and governor.head.lemma_.lower() in ("agree", "decide",
                                                                                               "settle", "vote"):
            governor = governor.head  # "the EU agreed on new sanctions against Belarus"
        elif not (pred.dep_ == "dobj" and governor.lemma_.lower() in NOUN_OWNING_VERBS):
            return None, "none"
        while governor.dep_ in ("advcl", "xcomp", "acomp") and governor.head is not governor:
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in governor.children):
                break
            governor = governor.head
        if governor.pos_ in ("VERB", "AUX") and governor is not pred:
            head, _how = subject_head(governor, depth + 1)
            return head, "clause"
        return None, "none"
    if is_passive(pred):
        for c in pred.children:
            if c.dep_ == "agent" and pred.lemma_.lower() not in FEELING_PARTICIPLES:
                # "Russia is troubled by the arrest ...": what troubles is no doer; the one troubled feels
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                return pobj, "agent"
        if pred.lemma_.lower() in FEELING_PARTICIPLES:
            # "Japan was deeply concerned about", "Kenya is disappointed by": a feeling, said of its subject
            subject = grammatical_subject(pred, ("nsubjpass",))
            if subject is not None:
                return subject, "subject"
        return None, "none"
    c = grammatical_subject(pred, ("nsubj", "csubj", "expl"))
    if c is not None:
        if c.lower_ in RELATIVE_PRONOUNS and pred.dep_ == "relcl":
            return pred.head, "relative"
        return c, "subject"
    head = pred.head
    if head is pred:
        return None, "none"
    if pred.dep_ == "conj" and pred.lemma_.lower() in SPEECH_ACT_VERBS and head.dep_ == "ccomp" \
            and head.head.lemma_.lower() in REPORTING_VERBS and pred.i > head.i:
        # "the coast guard said two ships entered the waters and urged the Philippines to stop": an act of
        # speech the parser hung on the reported clause is the reporter's own
        return subject_head(head.head, depth + 1)[0], "coordination"
    if pred.dep_ == "conj":
        return subject_head(head, depth + 1)[0], "coordination"
    if pred.dep_ == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = direct_object(head)
            if obj is None:  # "called on Ethiopia to release", "appealed to Iran to stop"
                prep = next((c for c in head.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "to")),
                            None)
                obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
            if obj is not None:
                return obj, "object-control"
        return subject_head(head, depth + 1)[0], "control"
    if pred.dep_ in ("acomp", "oprd"):  # "Japan is ready to hold talks": the copula's subject
        return subject_head(head, depth + 1)[0], "control"
    if pred.dep_ == "pcomp" and head.lower_ == "to" and (head.head.lemma_.lower() in FEELING_PARTICIPLES
                                                          or head.head.dep_ == "acomp"):
        # "Vietnam is committed to opening up its economy", "ready to talks": the subject of the state
        return subject_head(head.head, depth + 1)[0], "control"
    if pred.dep_ == "pcomp" and head.lower_ in ("of", "for") and head.head.lemma_.lower() in GUILT_ADJECTIVES \
            and head.head.dep_ == "acomp":
        # "both armies are guilty of violating the truce": the subject of the copula did it
        return subject_head(head.head.head, depth + 1)[0], "control"
    if pred.dep_ == "pcomp" and head.lower_ == "to" and head.head.lemma_.lower() in RESORT_VERBS:
        # "the youths resorted to throwing stones", "turned to shelling the town"
        return subject_head(head.head, depth + 1)[0], "control"
    if pred.dep_ == "pcomp" and head.lower_ in ("by", "after", "before", "while", "in") and head.head.pos_ in ("VERB", "AUX"):
        # "Pakistan retaliated by expelling Indian diplomats"
        return subject_head(head.head, depth + 1)[0], "participle"
    if pred.dep_ == "advcl" and pred.tag_ in ("VBG", "VBN"):
        first = min(t.i for t in pred.subtree)
        if head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX") and first > 0 and pred.doc[first - 1].text == ",":
            # "India asked Pakistanis to leave, while recalling its diplomats": a participle set off by a comma
            # after an infinitive goes with the main clause, whose subject it shares
            return subject_head(head.head, depth + 1)[0], "participle"
        return subject_head(head, depth + 1)[0], "participle"
    if pred.dep_ == "acl" and pred.tag_ in ("VBD", "VBN") and head.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "agent", "auxpass") for c in pred.children
    ) and any(c.dep_ == "dobj" for v in _conjuncts(pred) for c in v.children):
        # "Israeli airstrikes on three houses killed 25 people, doctors said": a main verb the parser hung
        # under its subject (or under a noun of the subject's prepositional phrase) as a reduced relative
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head
        return head, "subject"
    if pred.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and pred.i > head.i \
            and pred.sent.text.rstrip().endswith(".") and next((c.i for c in head.children if c.dep_ == "acl"), None) == pred.i \
            and not any(c.dep_ in ("agent", "auxpass", "nsubj", "nsubjpass") for c in pred.children) \
            and any(c.dep_ == "det" for c in head.children):
        # "An official Syrian newspaper called Thursday on Arabs to unite": a sentence has a main verb; when the
        # parser makes its subject the root, the first verb hung under it is that verb
        return head, "subject"
    if pred.dep_ == "acl" and pred.lemma_.lower() in ("resort", "revert") and head.pos_ in ("NOUN", "PROPN"):
        # "Palestinian youths resorted to ...": a verb that has no passive is the main verb the parser hung
        # under its subject
        return head, "subject"
    if pred.dep_ == "acl" and pred.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in pred.children):
        # "drones launched by Russia", "students kidnapped from a university": a passive participle's doer
        # is only its "by" agent, never the subject of the clause its noun sits in
        for c in pred.children:
            if c.dep_ == "agent" and depth == 0:  # the participle's own act, not one it controls
                return next((g for g in c.children if g.dep_ == "pobj"), None), "agent"
        return None, "none"
    if pred.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        for c in head.children:
            if c.dep_ == "poss" and c.tag_ != "PRP$":
                return c, "possessor"
        for c in head.children:
            # "the decision by Iran to release the detainees"; "pressure on Israel to accept a deal", "calls
            # on Iran to stop": the one pressed does the act
            if c.dep_ == "prep" and (c.lower_ == "by" or (c.lower_ in ("on", "upon")
                                                          and head.lemma_.lower() in PRESSING_NOUNS)):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, "by"
        if head.dep_ in ("dobj", "attr", "pobj") and head.head.pos_ in ("VERB", "AUX"):
            return subject_head(head.head, depth + 1)[0], "clause"
    if pred.dep_ == "relcl":
        return head, "relative"
    return None, "none"


APPOINTING_VERBS = lexicon.words("appointing-verbs")
SPEECH_ACT_VERBS = lexicon.words("speech-act-verbs")
GUILT_ADJECTIVES = lexicon.words("guilt-adjectives")
RESORT_VERBS = lexicon.words("resort-verbs")
PRESSING_NOUNS = lexicon.words("pressing-nouns")
FEELING_PARTICIPLES = lexicon.words("feeling-participles")


def grammatical_subject(pred: Token, deps: tuple[str, ...] = ("nsubj", "nsubjpass")) -> Token | None:
    """The subject child of ``pred``. When the parser gives two ("EU High Representative ... Kaja Kallas
    accused"), the one nearest before the verb is the name the title belongs to."""
    subjects = [c for c in pred.children if c.dep_ in deps]
    if len(subjects) > 1:
        before = [c for c in subjects if c.i < pred.i]
        if before:
            return max(before, key=lambda c: c.i)
    return subjects[0] if subjects else None


MEDIA_NOUNS = lexicon.words("media-nouns")
ONE_SIDED_EFFORTS = lexicon.words("one-sided-efforts")
#: consultations that have two sides: "A met B" is also B meeting A
MUTUAL_CODES = frozenset({"040", "041", "044", "046"})
RECIPROCAL = ("030", "031", "032", "0356", "036", "039", "040", "041", "044", "045", "046", "050", "057", "06", "190")
NOT_RECIPROCAL = frozenset({"042", "043"})


def _threatens_own_action(predicate: Token, sources: list[Mention], index: MentionIndex) -> bool:
    """"warned that Israel would respond": the content is an act of the warner's own country."""
    own = {s.code[:3] for s in sources}
    for c in predicate.children:
        if c.dep_ in ("ccomp", "xcomp"):
            subject = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                return c.dep_ == "xcomp"  # "warned to retaliate": the warner's own act
            if subject.lower_ in ("we", "it", "they") or any(m.code[:3] in own for m in index.actors(subject)):
                return True
    return False


def _announced(predicate: Token) -> bool:
    """A negated future: "will not negotiate", "won't attend", "would not meet"."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "'ll", "would", "shall") for c in predicate.children) \
        and any(c.dep_ == "neg" for c in predicate.children)


def _each_other(predicate: Token) -> bool:
    """"accused each other", "blamed one another": coordinated sources act on each other; so do those who
    "exchanged fire" or "traded strikes"."""
    if predicate.lemma_.lower() in ("exchange", "trade", "swap") and predicate.pos_ == "VERB":
        return True
    for c in predicate.subtree:
        if c.lower_ == "other" and any(d.lower_ == "each" for d in c.children) or (
            c.lower_ == "another" and any(d.lower_ == "one" for d in c.children)
        ):
            return True
    return False


def _reciprocal(cameo: str) -> bool:
    return cameo not in NOT_RECIPROCAL and any(cameo.startswith(p) for p in RECIPROCAL)


def intent_code(cameo: str) -> str | None:
    """The 03x code that expresses intent to do ``cameo`` (13x for force or coercion), if CAMEO has one."""
    kind = act_kind(cameo)
    if kind is not None:
        return KIND_CODES["03"].get(kind)
    for n in (4, 3, 2):
        if cameo[:n] in THREAT_CODES:
            return THREAT_CODES[cameo[:n]]
    return None


def derived_codes(pattern_codes: set[str]) -> set[str]:
    """Codes the coder reaches from the patterns' codes: the intent (03x) or threat (13x) of an intended act,
    the appeal, demand, rejection or intent sub-code of a verbal act by the kind of act it names, and the
    refusal (12x) of an announced refusal."""
    out = {c for c in (intent_code(code) for code in pattern_codes) if c is not None}
    kinds = {k for k in (act_kind(code) for code in pattern_codes) if k is not None} | set(KIND_NOUNS.values()) \
        | set(KIND_VERBS.values())
    for root, table in KIND_CODES.items():
        if any(code[:2] == root for code in pattern_codes) or root == "12":
            out |= {code for kind, code in table.items() if kind in kinds}
    return out - pattern_codes


DateFn = Callable[[Token], "object"]
PlaceFn = Callable[[Token, str | None, str | None], Location]


def code_doc(
    doc: Doc,
    mentions: Sequence[Mention],
    patterns: PatternSet,
    *,
    doc_id: str,
    date_of: Callable[[Token], object] | None = None,
    place_of: PlaceFn | None = None,
) -> tuple[list[Event], list[Candidate]]:
    """Code every sentence of ``doc``; return the events and every candidate looked at."""
    index = MentionIndex(doc, mentions)
    onto = ontology()
    text = doc.user_data.get("text", doc.text)  # the original text, dateline included
    events: list[Event] = []
    candidates: list[Candidate] = []
    for sent_no, sent in enumerate(doc.sents):
        for token in sent:
            if token.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
                continue
            if not patterns.candidates(token):
                obligation = _reported_obligation(token) or _conditional_threat(token) or _characterisation(token)
                if obligation is None:
                    continue
                cand = Candidate(predicate=token, match=obligation)
            else:
                cand = Candidate(predicate=token, match=patterns.match(token) or _reported_obligation(token)
                                 or _conditional_threat(token) or _characterisation(token))
            candidates.append(cand)
            if cand.match is None:
                cand.dropped = "no pattern matched the parse around this word"
                continue
            _fill(cand, index)
            unknown_doer = not cand.sources and _unknown_doer(cand, token)
            if not cand.sources and not unknown_doer:
                cand.dropped = "no source actor found"
                continue
            if unknown_doer:
                cand.how = "no doer named: an agentless passive or an attack as subject"
            if cand.match.pattern in (_SAY_SHOULD, _SAY_MUST) and not cand.targets:
                cand.dropped = "a reported 'should'/'must' about no named actor"
                continue
            elements = cand.match.pattern.elements
            pattern = cand.match.pattern
            if cand.match.pattern.cameo[:2] == "04" and token.lemma_.lower() == "meet" and any(
                    g.lemma_.lower() in RECEPTION_NOUNS for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
                    for g in p.children if g.dep_ == "pobj"):
                cand.dropped = "'met with consequences', 'met with criticism': a reception, not a meeting"
                continue
            told = cand.match.target_head
            if cand.match.pattern.cameo[:2] == "04" and token.lemma_.lower() in ("speak", "talk", "chat") \
                    and cand.targets and (all(m.code[-3:] == "MED" for m in cand.targets) or (
                        told is not None and any(t.lemma_.lower() in MEDIA_NOUNS for t in told.subtree
                                                 if t.i <= told.i))):
                cand.dropped = "'spoke to reporters': talking to the press is a statement, not a meeting"
                continue
            drill = cand.match.object_token if cand.match.object_token is not None else token
            if cand.match.pattern.cameo[:2] == "15" and any(
                    c.lower_ in ("joint", "combined", "bilateral", "trilateral", "multilateral") and c.dep_ in ("amod", "compound")
                    for c in drill.children):
                cand.dropped = "joint drills are military cooperation (062), coded from the noun"
                continue
            if pattern.has("leaves-organisation") and (not cand.targets or not all(
                    m.kind in ("igo",) or m.code[:3] not in _country_codes() for m in cand.targets)):
                cand.dropped = "leaving a place is no break with an organisation"
                continue
            if pattern.has("armed") and not all(m.code[-3:] in ARMED_ROLES for m in cand.sources):
                cand.dropped = "a clash of others than armed forces (protesters and police) is no battle"
                continue
            if pattern.has("warning") and not cand.targets:
                # "warned Moscow of severe consequences if ...": the one warned is the one threatened
                warned = direct_object(token)
                cand.targets = [m for m in index.actors(warned) if m not in cand.sources][:1] if warned is not None else []
            # a bare warning, or one whose content is a use of force: whose act it warns of decides
            warns_of = pattern.has("warns-of") and (
                any(c.dep_ in ("ccomp", "xcomp") for c in token.children)
                or (token.dep_ in ("advcl", "parataxis", "ccomp") and token.head.i < token.i))  # "..., X warned"
            threat = _conditional_threat(token) if warns_of else None
            if threat is None and warns_of and not cand.targets and _threatens_own_action(token, cand.sources, index):
                threat = _own_threat(token, patterns)  # "warned that Iran may expel the inspectors"
            if threat is not None:  # "warned that sanctions will follow if Russia ...": a threat after all
                cand.match = threat
                _fill(cand, index)
                elements, pattern = threat.pattern.elements, threat.pattern
            elif warns_of and not _threatens_own_action(token, cand.sources, index):
                cand.dropped = "a warning that someone else may act is a statement, not a threat"
                continue
            if pattern.has("convening") and len({s.code for s in cand.sources}) < 2:
                cand.dropped = "convening a meeting of one's own is no consultation with another actor"
                continue
            if pattern.has("not-self") and any(c.dep_ == "dobj" and c.lower_ in ("itself", "themselves", "himself", "herself")
                                          for c in token.children):
                cand.dropped = "defending oneself is no verbal support of another"
                continue
            if (cand.match.pattern.cameo == "041" or pattern.has("aimed")) and cand.match.target_head is not None \
                    and index.at(cand.match.target_head) is None:
                cand.dropped = "a phone call is made to an actor, not to \"North Korea's tests\""
                continue
            if (not cand.targets or "object's owner" in (cand.how or "") or "place attacked" in (cand.how or "")) \
                    and token.lemma_.lower() in POLYSEMOUS_VERBS \
                    and len(elements) == 1 and not _concrete_object(token) and not _person_object(token):
                # "eliminated tariffs on Mexican steel": an owner of a thing is no target of force
                cand.dropped = (f"'{token.text}' with no actor or place as its object is another sense of the "
                                "verb ('hit a record', 'executed the plan', 'eliminated tariffs')")
                continue
            if pattern.has("actor-object") and not cand.targets and not _concrete_object(token) and not _person_object(token):
                cand.dropped = "released something that is no actor (a statement, a report, a video)"
                continue
            if pattern.has("conditional-threat") and _third_party_consequence(token, cand, index):
                cand.dropped = "a warning of what a third party would do is a statement, not a threat"
                continue
            if (cand.match.pattern.cameo[:2] == "13" or cand.match.pattern.cameo in ("041", "042")
                    or pattern.has("aimed")) and not pattern.has("conditional-threat") \
                    and not cand.targets and all(e.kind in ("target", "not") for e in elements):
                # "warned that ...", "calling them unfounded": a bare threat or call needs someone it is aimed at
                cand.dropped = "a bare threat, call or visit with no one it is aimed at"
                continue
            cand.modality = classify(token)
            if unknown_doer and cand.modality.value != "asserted":
                cand.dropped = "violence by no named doer is coded only when it happened"
                continue
            if pattern.has("intent-only") and cand.modality.value == "asserted":
                cand.dropped = "a response that happened is no threat; only a promised one is"
                continue
            if cand.match.pattern.cameo[:2] == "04" and token.pos_ == "NOUN" and cand.modality.value == "asserted" \
                    and token.dep_ == "pobj" and token.head.lower_ in ("on", "to") \
                    and token.head.head.lemma_.lower() in ("agree", "decide", "settle", "consent"):
                # "Moscow and Washington agreed on a meeting between the leaders": the meeting is to come
                cand.modality = Modality("intended", token.head.head.text)
            if cand.match.pattern.cameo[:2] == "13" and cand.modality.value == "hypothetical" \
                    and _threat_condition(token, cand.modality.cue):
                # "gave a stern warning of intervention if ...", "if Trump goes ahead, China said it will respond
                # with tariffs": a threat's condition is what it threatens, not a doubt on the threat
                cand.modality = Modality("asserted", f"condition of the threat: {cand.modality.cue}")
            cameo = cand.match.pattern.cameo
            # "refused to ..." has patterns of its own (12.refuse.*); this is the announced refusal
            refusal = cand.modality.value == "negated" and _announced(token)
            if refusal and cameo[:2] == "04" and not asked_act_is_request(token):
                # "will not negotiate with", "would not attend": an announced refusal to meet happened
                cameo = "125"
                cand.modality = Modality("asserted", f"refusal: {cand.modality.cue}")
            elif refusal:
                # "declined to resign", "will not end the strike", "refused to allow inspectors in": a refusal
                # to yield or to cooperate is itself an act (12x by the kind of act refused)
                kind = refused_kind(token, cameo, patterns)
                refused = KIND_CODES["12"].get(kind or "")
                if refused is not None:
                    cameo = refused
                    cand.modality = Modality("asserted", f"refusal: {cand.modality.cue}")
            if cameo[:2] in ("18", "19") and token.lemma_.lower() == "strike" and cand.sources \
                    and all(s.code.endswith("LAB") for s in cand.sources) and direct_object(token) is None:
                cameo = "143"  # "the union said it would strike on Monday": workers strike, they do not attack
            if cand.modality.value == "intended" and token.lemma_.lower() == "boycott" and cameo[:2] == "14" \
                    and (cand.modality.cue or "").split(" ")[0].lower() in ("will", "would", "'ll", "wo"):
                # "the party said it will boycott the election": announcing a boycott is boycotting, as an
                # announced refusal is a refusal
                cand.modality = Modality("asserted", f"announced: {cand.modality.cue}")
            if cand.modality.value == "intended" and cameo[:2] in ("18", "19", "20") \
                    and (cand.modality.cue or "").lower() in ATTEMPT_CUES:
                # "an attempt by Kyiv to carry out an attack with 25 drones was stopped": force was used, and
                # stopped; an attempted attack is an attack, not an intent or a threat
                cand.modality = Modality("asserted", f"attempt: {cand.modality.cue}")
            if cand.modality.value == "intended" and cameo[:2] in FORCE_ROOTS \
                    and _readying(token, cand.modality.cue):
                # "Iran is preparing to launch an attack", "the planned offensive": force being readied is
                # not a threat, which must be made to someone; it stays an intended (not occurred) act. But
                # forces seen getting ready to fight ("the army prepared to resume shelling") show their
                # force: CAMEO 150
                if cameo[:2] in ("18", "19", "20") and (cand.modality.cue or "").lower() in MUSTERING_CUES:
                    cameo = "150"
                    cand.modality = Modality("asserted", f"readying: {cand.modality.cue}")
            elif cand.modality.value == "intended":
                mapped = intent_code(cameo)
                # "pledged to provide economic aid": the act's object may say more than its pattern (0331)
                sharper = KIND_CODES["03"].get(act_kind_of(token, {}, patterns) or "") if mapped else None
                if sharper is not None and mapped is not None and sharper != mapped and sharper.startswith(mapped):
                    mapped = sharper
                if mapped is None:
                    cand.dropped = f"intended, and CAMEO has no intent code for {cameo}"
                    cand.cameo = cameo
                else:
                    cameo = mapped
            cand.cameo = cameo
            info = onto.get(cameo)
            when = date_of(token) if date_of is not None else None
            if not cand.targets and len({s.code for s in cand.sources}) > 1 and (
                    (_reciprocal(cameo) and not cand.match.pattern.has("shared")) or _each_other(token)):
                # "Peru and Chile signed an accord": each toward the other, as CAMEO codes joint acts
                pairs = [(s, t) for s in cand.sources for t in cand.sources if s.code != t.code]
            elif unknown_doer:
                pairs = [(None, t) for t in cand.targets]
            else:
                pairs = [(s, t) for s in cand.sources for t in (cand.targets or [None])]
                if cameo in MUTUAL_CODES and cand.modality.value == "asserted" \
                        and token.lemma_.lower() not in ONE_SIDED_EFFORTS:
                    # "Aliyev met Trump", "Xi spoke by phone with Putin": a meeting has two sides, each
                    # meeting the other (CAMEO's reciprocal coding of consultations)
                    pairs += [(t, s) for s, t in list(pairs) if t is not None and t.kind != "role"]
            joint = cand.joint if cand.modality.value == "asserted" else None
            if joint is not None:
                pairs += [(s, t) for s in cand.targets for t in cand.targets if s.code != t.code]
            for source, target in pairs:
                if target is not None and source is not None and target.code == source.code:
                    continue
                member_pair = joint is not None and source in cand.targets
                cameo = joint if member_pair else _state_violence(cand.cameo, source, token) if source else cand.cameo
                cameo = _state_protest(cameo, source, token) if source is not None else cameo
                if not cameo:
                    continue
                cameo = _sharpened(cameo, token, patterns)
                if cameo[:2] == "19" and target is None and _weapons_test(token) and not _in_attack(token):
                    cameo = "150"  # "fired a ballistic missile into the sea": a show of force, not a battle
                elif cameo == "150" and cand.match.pattern.has("weapons-test") \
                        and token.lemma_.lower() in ("launch", "fire") and _in_attack(token):
                    cameo = "195"  # "launched three missiles during the attack": part of an attack, not a test
                info = onto.get(cameo)
                location = place_of(token, source.code if source else None, target.code if target else None) \
                    if place_of else Location()
                event = Event(
                    id=f"{doc_id}-e{len(events) + 1}",
                    sentence=sent_no,
                    source=actor_ref(source) if source is not None else None,
                    target=actor_ref(target) if target is not None else None,
                    cameo=cameo,
                    root=cameo[:2],
                    quad_class=info.quad_class,
                    goldstein=info.goldstein,
                    plover=plover_for(cameo),
                    modality=cand.modality.value if cand.dropped is None else cand.modality.value,
                    date=when,  # type: ignore[arg-type]
                    location=location,
                    trigger=Span(token.text, token.idx, token.idx + len(token.text)),
                    evidence=text[sent.start_char : sent.end_char].strip(),
                    confidence=_confidence(cand, target is not None),
                    rule=cand.match.pattern.id + ("+between" if member_pair else ""),
                )
                events.append(event)
                cand.events.append(event)
            if not cand.events and cand.dropped is None:
                cand.dropped = "source and target are the same actor"
    events = peacekeeping_arrivals(_by_act_kind(events, candidates, patterns), patterns)
    return _dedupe(rallied_support(events, candidates, index.actors), doc), candidates




def _by_act_kind(events: list[Event], candidates: list[Candidate], patterns: PatternSet) -> list[Event]:
    """Appeals, demands, rejections and intents coded by the kind of act they name (``KIND_CODES``)."""
    by_token = {c.predicate.i: c for c in candidates}
    recoded: dict[int, str] = {}  # id(event) -> code
    for cand in candidates:
        if not cand.events or cand.match is None:
            continue
        codes = {e.cameo for e in cand.events}
        root = next(iter(codes))[:2]
        if root not in KIND_CODES:
            continue
        # an intent's object noun is the act its own pattern coded ("pledged cooperation" is 030 as written)
        kind = asked_act(cand.predicate, by_token, patterns, clauses_only=root == "03")
        new = KIND_CODES[root].get(kind or "")
        if new is None:
            continue
        # a pattern that names only the verb of the act ("urge TGT to:[provide|send]") guesses its kind; one
        # that names the act's object too ("refuse to:[host] [troop]") has said what it is
        elements = cand.match.pattern.elements
        guess = cand.match.pattern.has("guessed-kind") or any(
            el.kind == "xcomp" and not any(later.kind == "object" for later in elements[i + 1:])
            for i, el in enumerate(elements))
        if not all(_general(c) or guess or new.startswith(c) for c in codes):
            continue
        for e in cand.events:
            if e.root == root:
                recoded[id(e)] = new
    if not recoded:
        return events
    out = []
    for e in events:
        new = recoded.get(id(e))
        if new is None or new == e.cameo:
            out.append(e)
            continue
        out.append(with_code(e, new, "+act-kind"))
    return out


#: roots of material conflict, and cues that say force is being readied rather than threatened
FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})
ATTEMPT_CUES = lexicon.words("attempt-cues")
MUSTERING_CUES = lexicon.words("mustering-cues")
PREPARATION_CUES = lexicon.words("preparation-cues")


def _readying(token: Token, cue: str | None) -> bool:
    """Force being readied ("troops prepared to enter the city", "a planned offensive"), not a readiness
    declared ("the government is prepared to impose martial law", which threatens)."""
    word = (cue or "").lower()
    if word not in PREPARATION_CUES:
        return False
    if word == "prepared":
        said = next((a for a in token.ancestors if a.lower_ == "prepared"), None)
        return said is None or not (said.dep_ == "acomp" or said.pos_ == "ADJ")
    return True


#: assaults (18x) that are acts of war when a state's forces commit them (CAMEO 19x)
STATE_ASSAULTS = frozenset({"180", "1823"})  # attacks and killings; beatings, torture, abuse stay assaults
AIR_WORDS = lexicon.words("air-words")
ROCKET_WORDS = lexicon.words("rocket-words")
ARTILLERY_WORDS = lexicon.words("artillery-words")


def _state_violence(cameo: str, source: Mention, predicate: Token) -> str:
    """"Israeli airstrikes killed 25 people", "US forces attacked boats": violence by a state's armed forces
    (a country, its government or military) is fighting (19x), by air 195, by artillery 194; by others it stays
    an assault (18x)."""
    if cameo == "190":
        # "Ukrainian drones struck a refinery", "missiles hit the port": force by air, by whoever
        head, _how = subject_head(predicate)
        if head is not None and head.lemma_.lower() in ROCKET_WORDS | {"warplane", "jet", "aircraft", "helicopter"}:
            return "195"
        return cameo
    if cameo not in STATE_ASSAULTS:
        return cameo
    if cameo == "180" and predicate.pos_ in ("NOUN", "PROPN", "VERB") and {
            t.lemma_.lower() for t in (predicate, *predicate.children, *(g for c in predicate.children
                                                                          if c.dep_ == "dobj" for g in c.subtree))
    } & ROCKET_WORDS:
        return "195"  # "Hamas carried out a rocket attack", "militants fired rockets": aerial weapons, by anyone
    code = source.code
    if not (len(code) == 3 and code in _country_codes()) and not (len(code) == 6 and code[3:] in ("GOV", "MIL")
                                                                     and code[:3] in _country_codes()):
        return cameo
    words = {predicate.lemma_.lower()}
    if predicate.pos_ in ("NOUN", "PROPN"):  # "a Russian missile and drone attack"
        words.update(c.lemma_.lower() for c in predicate.subtree if c.i < predicate.i)
    head, _how = subject_head(predicate)
    for tok in (head, direct_object(predicate)):
        if tok is not None:
            words.update(t.lemma_.lower() for t in tok.subtree)
    if words & AIR_WORDS:
        return "195"
    if words & ARTILLERY_WORDS:
        return "194"
    return "190"


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Names of countries as the dictionary lists them ("India", "the Philippines"), not their adjectives."""
    from parley.actors import load_dictionary

    return frozenset(n.removeprefix("the ").removeprefix("The ") for e in load_dictionary().entries
                     if e.kind == "country" for n in e.names)


def _state_protest(cameo: str, source: Mention, predicate: Token) -> str:
    """Protest (14x) is what civilians do. A state that "protests" a decision complains officially (114); its
    police or army "storming" a building coerce (170) or attack (190), they do not riot."""
    if cameo[:2] != "14":
        return cameo
    code = source.code
    country = code[:3] in _country_codes()
    role = code[3:] if len(code) == 6 else ("" if len(code) == 3 else None)
    if not country or role not in ("", "GOV", "MIL", "COP", "SPY"):
        return cameo
    # the state itself ("India", "Beijing", "the government"), not its people ("ethnic Albanians demonstrated")
    state = role == "GOV" or source.kind == "capital" or (
        role == "" and (source.text or "").removeprefix("the ").removeprefix("The ") in _country_names())
    if predicate.lemma_.lower() in ("protest", "demonstrate") and state:
        return "114"
    if cameo.startswith("145") and role in ("MIL", "COP", "SPY", "GOV"):
        return "190" if role == "MIL" else "170"
    if role in ("MIL", "COP", "SPY"):
        return ""  # "police arrested activists as they rallied": the police do not rally (a misread pronoun)
    return cameo


BOMB_WORDS = lexicon.words("bomb-words")
AID_CUT_CODES = {"economic-aid": "1621", "military-aid": "1622", "humanitarian-aid": "1623"}
AID_GIVE_CODES = {"economic-aid": "071", "military-aid": "072", "humanitarian-aid": "073"}


#: protests by what they demand (CAMEO 14x1-14x4): leadership, policy, rights, institutions
PROTEST_CODES = frozenset({"141", "142", "143", "144", "145"})
PROTEST_AIMS = {"leadership": "1", "policy": "2", "reform": "2", "economic": "2", "rights": "3", "release": "3",
                "regime": "4"}
PURPOSE_VERBS = lexicon.words("purpose-verbs")


def _protest_aim(predicate: Token, patterns: PatternSet) -> str | None:
    """What a protest demands: its purpose clause ("to demand the president's resignation"), or what it is
    over or against ("over a new tax law"), on the protest verb or, for a protest noun, its light verb."""
    hosts = [predicate]
    if predicate.pos_ in ("NOUN", "PROPN") and predicate.dep_ in ("dobj", "pobj"):
        hosts.append(predicate.head if predicate.dep_ == "dobj" else predicate.head.head)
    for host in hosts:
        for c in host.children:
            if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in PURPOSE_VERBS:
                kind = asked_act(c, {}, patterns)
                if kind is not None:
                    return kind
            if c.dep_ == "prep" and c.lower_ in ("for", "over", "against"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                        kind = act_kind_of(g, {}, patterns)
                        if kind is not None:
                            return kind
    return None


def _sharpened(cameo: str, predicate: Token, patterns: PatternSet) -> str:
    """A general code made specific by the words of its clause: "killed in a car bomb explosion" 1832, "a
    roadside bomb" 1833, "a suicide bombing" 1831, "wounded in a bomb attack" 183; "halted economic aid" 1621."""
    if cameo in ("180", "183", "1823"):
        words = {t.lower_ for t in predicate.subtree}
        head, _how = subject_head(predicate)
        if head is not None:
            words |= {t.lower_ for t in head.subtree}
        lemmas = {w.rstrip("s") for w in words} | words
        if lemmas & BOMB_WORDS:
            if "suicide" in words:
                return "1831"
            if words & {"car", "vehicle", "truck", "lorry"}:
                return "1832"
            if words & {"roadside", "ied", "ieds", "landmine", "mine"}:
                return "1833"
            return "183" if cameo == "180" else cameo
        return cameo
    if cameo in PROTEST_CODES:
        kind = _protest_aim(predicate, patterns)
        digit = PROTEST_AIMS.get(kind or "")
        return cameo + digit if digit else cameo
    if cameo in ("162", "070"):
        obj = direct_object(predicate)
        kind = noun_kind(obj) if obj is not None and obj.pos_ in ("NOUN", "PROPN") else None
        table = AID_CUT_CODES if cameo == "162" else AID_GIVE_CODES
        return table.get(kind or "", cameo)
    return cameo


def _in_attack(predicate: Token) -> bool:
    """The sentence calls what the weapons were fired in an attack (and not a test or an exercise)."""
    words = {t.lemma_.lower() for t in predicate.sent}
    return bool(words & {"attack", "strike", "barrage", "bombardment", "assault", "raid", "salvo", "onslaught"}) \
        and not words & {"test", "trial", "exercise", "drill", "launch-test", "test-fire"}


def _weapons_test(predicate: Token) -> bool:
    obj = direct_object(predicate)
    return predicate.lemma_.lower() in ("fire", "launch", "test") and obj is not None \
        and obj.lemma_.lower() in ("missile", "rocket", "projectile", "icbm")


@functools.lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    from parley.actors import load_dictionary

    return frozenset(e.code for e in load_dictionary().entries if e.kind == "country")  # historical states too


def _one_phrase(doc: Doc | None, a: Event, b: Event) -> bool:
    """Whether the triggers of two events stand in a direct dependency other than coordination ("strikes
    targeting airbases": yes; "stormed the embassy and arrested": no)."""
    if doc is None:
        return False
    ta = doc.char_span(a.trigger.start, a.trigger.end, alignment_mode="expand")
    tb = doc.char_span(b.trigger.start, b.trigger.end, alignment_mode="expand")
    if ta is None or tb is None:
        return False
    x, y = ta.root, tb.root
    return (x.head.i == y.i and x.dep_ != "conj") or (y.head.i == x.i and y.dep_ != "conj")


def _dedupe(events: list[Event], doc: Doc | None = None) -> list[Event]:
    """One event per (sentence, source, code, target): "vowed to attack" is one threat, not two; and an
    event without a target gives way to the same act with one ("Israeli airstrikes on Rafah killed 25
    Palestinians": the airstrike and the killing are one attack on Palestinians)."""
    # "launched missile strikes targeting Pakistani airbases": the specific act with no target (195) and the
    # general one with a target (190) are one act: the targeted event takes the specific code
    specific_untargeted: dict[tuple, Event] = {}
    for e in events:
        if e.target is None and not _general(e.cameo):
            specific_untargeted.setdefault((e.sentence, e.source.code if e.source else None, e.root), e)
    merged: list[Event] = []
    taken_over: set[tuple] = set()
    for e in events:
        key = (e.sentence, e.source.code if e.source else None, e.root)
        other = specific_untargeted.get(key)
        code = other.cameo if other is not None else None
        if e.target is not None and other is not None and e.cameo == e.root + "0" and e.modality == "asserted" \
                and _one_phrase(doc, e, other):
            e = with_code(e, code, "+specific")
            taken_over.add((*key, code))
        merged.append(e)
    events = [e for e in merged if not (e.target is None and (e.sentence, e.source.code if e.source else None,
                                                               e.root, e.cameo) in taken_over)]
    with_target = {(e.sentence, e.source.code if e.source else None, e.root) for e in events if e.target is not None}
    same_code = {(e.sentence, e.source.code if e.source else None, e.cameo) for e in events if e.target is not None}
    # ... but a specific act of its own stays ("stormed the embassy and arrested a former minister")
    events = [e for e in events
              if e.target is not None or (e.sentence, e.source.code if e.source else None, e.root) not in with_target
              or not (_general(e.cameo) or (e.sentence, e.source.code if e.source else None, e.cameo) in same_code)]
    # "attempted to assassinate" is an attempt (185), not also a killing (186)
    attempts = {(e.sentence, e.source.code if e.source else None, e.target.code if e.target else None)
                for e in events if e.cameo == "185"}
    events = [e for e in events if not (e.cameo == "186" and (
        e.sentence, e.source.code if e.source else None, e.target.code if e.target else None) in attempts)]
    seen: dict[tuple, int] = {}
    out: list[Event] = []
    for e in events:
        key = (e.sentence, e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
        if key in seen:
            kept = out[seen[key]]
            if kept.modality != "asserted" and e.modality == "asserted":
                out[seen[key]] = e
            continue
        seen[key] = len(out)
        out.append(e)
    # one act per pair: "mediated negotiations between A and B" is an A-B negotiation (046), not also an
    # unspecified meeting (040); a root's general code gives way to a specific one for the same pair
    specific = {(e.sentence, e.source.code if e.source else None, e.root, e.target.code if e.target else None,
                 _counted_as(e)) for e in out if not _general(e.cameo)}
    return [e for e in out if not (_general(e.cameo) and (
        e.sentence, e.source.code if e.source else None, e.root, e.target.code if e.target else None, _counted_as(e))
        in specific)]


def _counted_as(e: Event) -> str:
    """Modality for deduplication: an asserted intent ("agreed to ...", 030) and the intended act it names
    (036, 0356...) are one expression of intent."""
    return "intent" if e.root == "03" and e.modality in ("asserted", "intended") else e.modality


def _general(cameo: str) -> bool:
    """The unspecified code of a root (040, 190), or of a three-digit code (0870, 1240)."""
    return cameo.endswith("0")


def _fill(cand: Candidate, index: MentionIndex) -> None:
    assert cand.match is not None
    head, how = subject_head(cand.predicate)
    cand.sources = index.actors(head)
    cand.targets = index.actors(cand.match.target_head)
    if how in ("modifier", "possessor") and cand.match.target_head is not None:
        cand.sources = [s for s in cand.sources if s not in cand.targets]
    if not cand.sources and cand.match.pattern.cameo[:2] == "04" and cand.predicate.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in cand.predicate.children):
        # "arrived in Damascus for a meeting with Assad", "in a phone call to Trump, Xi invited him", "at the
        # end of a visit to Cambodia": a meeting named in a phrase of the clause is the clause subject's own
        holder = _clause_of_phrase(cand.predicate)
        if holder is not None:
            cand.sources = [m for m in index.actors(subject_head(holder)[0]) if m not in cand.targets]
            how = "the clause's subject"
    if not cand.sources and cand.match.pattern.cameo[:2] == "14" and head is not None \
            and (head.lemma_.lower() in CROWD_WORDS or head.like_num):
        # "thousands of people blocked streets in Hong Kong": a crowd of no named group protesting in a country
        # is that country's civilians, as CAMEO codes protesters
        place = next(iter(_place_actors(cand, index)), None)
        if place is not None and len(place.code) == 3 and place.code in _country_codes():
            cand.sources = [replace(place, code=place.code + "CVL")]
            how = "a crowd, of the country where it protests"
    if cand.match.pattern.cameo == "044":
        # "met the Chinese premier in Brazil": in a meeting at a third location the actors who meet are source
        # and target and the place is ignored (CAMEO codebook, 044); with no one met, the meeting is between
        # the coordinated subjects, which the joint-act step pairs up
        met = [c for c in cand.predicate.children if c.dep_ in ("dobj", "npadvmod", "attr", "oprd")]
        met += [p for c in cand.predicate.children if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children if p.dep_ == "pobj"]
        found = [m for t in met for m in index.actors(t) if m not in cand.sources][:1]
        if found or len(cand.sources) > 1:
            cand.targets = found
        # else "X met in Washington": one actor meeting in a capital meets its government (kept as matched)
    if not cand.targets and cand.match.object_token is not None:
        # "expelled Pakistani diplomats", "shot down Russian missiles": the actor the object belongs to
        own = {s.code[:3] for s in cand.sources}
        cand.targets = [m for m in index.actors(cand.match.object_token) if m.code[:3] not in own][:1]
        if cand.targets:
            how += "; target from the object's owner"
    if not cand.targets and cand.match.object_token is not None and cand.match.pattern.cameo[:2] in ("13", "16", "11"):
        # "hinted at retaliatory measures against the United States": whom the object is aimed at
        own = {s.code[:3] for s in cand.sources}
        aimed = [g for c in cand.match.object_token.children if c.dep_ == "prep" and c.lower_ in ("against", "toward",
                                                                                                   "towards")
                 for g in c.children if g.dep_ == "pobj"]
        cand.targets = [m for g in aimed for m in index.actors(g) if m.code[:3] not in own][:1]
        if cand.targets:
            how += "; target from whom the object is aimed at"
    if not cand.targets and cand.match.pattern.cameo[:2] in VERBAL_ROOTS \
            and not cand.match.pattern.has("conditional-threat"):  # a conditional threat aims at the condition
        # "demanded that Russia agree to a ceasefire", "warned that if Iran ...": a verbal act is aimed
        # at the actor its content is about, the subject of the complement clause
        # another actor of the same country counts ("the opposition demanded that the president resign"),
        # not the source's own country or itself
        own = {s.code for s in cand.sources} | {s.code[:3] for s in cand.sources}
        cand.targets = [m for m in _content_subjects(cand.predicate, index)
                        if m.code not in own and not (len(m.code) == 3 and m.code in {s.code[:3] for s in cand.sources})
                        ][:1]
        if cand.targets:
            how += "; target from the complement's subject"
    if not cand.targets and cand.match.pattern.cameo[:2] in ("11", "12"):
        # "rejected what it called India's new normal", "condemned what it said was Japan's meddling": the
        # owner of what the free relative names
        own = {s.code[:3] for s in cand.sources}
        named = _free_relative_noun(cand.predicate)
        if named is not None:
            cand.targets = [m for m in index.actors(named) if m.code[:3] not in own][:1]
            if cand.targets:
                how += "; target from what the object is called"
    if (cand.match.pattern.cameo[:2] == "17" or cand.match.pattern.cameo in ("116", "1121", "115")) and cand.targets \
            and all(m.kind == "role" for m in cand.targets) \
            and len(cand.sources) == 1 and len(cand.sources[0].code) == 6 \
            and cand.sources[0].code[3:] in ("COP", "GOV", "JUD", "SPY") and cand.sources[0].code[:3] in _country_codes():
        # "Maldives police arrested three opposition leaders": a state's police or courts coerce its own people,
        # unless the place is another country's
        country = cand.sources[0].code[:3]
        places = {m.code[:3] for m in _place_actors(cand, index)}
        if not places - {country}:
            cand.targets = [replace(m, code=country + m.code) for m in cand.targets]
            how += "; target's country from the state that coerces"
    if cand.match.pattern.cameo in EMERGENCY_RULE_CODES and not cand.targets and len(cand.sources) == 1 \
            and len(cand.sources[0].code) == 6 and cand.sources[0].code[3:] in ("GOV", "MIL", "COP") \
            and cand.sources[0].code[:3] in _country_codes() \
            and all(m.code[:3] == cand.sources[0].code[:3] for m in _place_actors(cand, index)):
        # "Noboa declared an internal armed conflict", "the junta imposed a curfew": emergency rule at home is
        # imposed on the country's own people
        cand.targets = [replace(cand.sources[0], code=cand.sources[0].code[:3] + "CVL", kind="country")]
        how += "; target the state's own people"
    if cand.match.pattern.cameo[:2] == "14" and not cand.targets and cand.sources and all(
            len(m.code) == 6 and m.code[:3] in _country_codes() and m.code[3:] in DOMESTIC_PROTESTERS
            for m in cand.sources) and len({m.code[:3] for m in cand.sources}) == 1:
        # "thousands of Serbians set up street blockades": a country's people protesting with no one named
        # protest against their government
        cand.targets = [replace(cand.sources[0], code=cand.sources[0].code[:3] + "GOV", kind="country",
                                text=cand.sources[0].text)]
        how += "; target the protesters' own government"
    if (cand.match.pattern.cameo == "042" or cand.match.pattern.has("sending")) and not cand.targets \
            and cand.match.target_head is not None:
        # "arrived in St. Petersburg", "flew to Mombasa": a visit to a city is a visit to its country; so is
        # sending inspectors to a site "in central Iran"
        head = _named_place(cand.match.target_head)
        city = _city_country(head) or next(
            (_country_of(m) for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("in", "near")
             for pobj in prep.children if pobj.dep_ == "pobj" for m in index.actors(pobj)
             if m.kind in ("country", "capital")), None)
        if city is None and cand.match.pattern.has("sending"):
            city = next(iter(_place_actors(cand, index)), None)  # "dispatched inspectors to a plant in Iran"
        if city is not None and city.code[:3] not in {s.code[:3] for s in cand.sources}:
            cand.targets = [city]
            how += "; target the country of the place visited"
    if cand.match.pattern.cameo[:2] in FORCE_ROOTS:
        if cand.targets and all(m.kind == "role" for m in cand.targets):
            # "missiles hit a hospital in Kharkiv": a group or building of no named country, where force was used
            place = [m for m in _place_actors(cand, index) if m.code[:3] not in {s.code[:3] for s in cand.sources}]
            if place:
                cand.targets = [replace(m, code=place[0].code[:3] + m.code) for m in cand.targets]
                how += "; target's country from the place attacked"
        if not cand.targets and cand.match.target_head is not None:
            # "shelled Kharkiv overnight", "shelled the city of Kherson": force on a city is force on its country
            city = _city_country(_named_place(cand.match.target_head))
            if city is not None and city.code not in {s.code[:3] for s in cand.sources}:
                cand.targets = [city]
                how += "; target the country of the city attacked"
        if not cand.targets:
            # "shelled villages in eastern Ukraine", "occupies positions inside Lebanon": force used in a
            # country is used against it
            own = {s.code[:3] for s in cand.sources}
            cand.targets = [m for m in _place_actors(cand, index) if m.code[:3] not in own][:1]
            if cand.targets:
                how += "; target from the place attacked"
        # "missiles struck Kyiv": force against a capital city hits the country, not its government
        cand.targets = [_country_of(m) if m.kind == "capital" else m for m in cand.targets]
    members = _between(cand, index)
    if len({m.code for m in members}) > 1 and not (not cand.sources and cand.between_noun is not cand.predicate):
        member_countries = {m.code[:3] for m in members}
        if (not cand.sources and cand.between_noun is cand.predicate) or (
                cand.sources and all(s in members for s in cand.sources)):
            # "talks between Kyiv and Moscow resumed": the members act toward each other
            cand.sources, cand.targets = members, []
            how = "between"
        elif cand.sources and all(s.code[:3] in member_countries for s in cand.sources):
            # "Putin proposed talks between Russia and Ukraine": the source is one member acting toward the
            # others, not an outsider (nor Russia acting toward itself)
            own = {s.code[:3] for s in cand.sources}
            cand.targets = [m for m in members if m.code[:3] not in own]
            how += "; targets from 'between'"
        else:
            # "Qatar mediated talks between Rwanda and Congo": the outsider acts toward each member, and
            # the members, meeting, act toward each other
            cand.targets = [m for m in members if m not in cand.sources]
            cand.joint = _joint_code(cand)
            how += "; targets from 'between'"
    cand.how = how


PHRASE_PREPOSITIONS = lexicon.words("phrase-prepositions")
FRAME_NOUNS = lexicon.words("frame-nouns")


#: roots of violence that CAMEO codes with an unknown doer ("a journalist was killed in a car bomb")
UNKNOWN_DOER_ROOTS = frozenset({"18", "19", "20"})
#: subjects that are the weapon or the attack, not its doer: "a roadside bomb killed two soldiers"
#: emergency rule and curbs on freedoms (CAMEO 1721-1724), which a state imposes on its own people
EMERGENCY_RULE_CODES = frozenset({"1721", "1722", "1723", "1724"})
#: a country's people who protest against their own government when no one else is named
DOMESTIC_PROTESTERS = frozenset({"CVL", "OPP", "LAB", "EDU", "AGR", "HLH", "PTY", "REL", "MED", "BUS", "REF"})
#: roles of armed actors whose clashes are battles
ARMED_ROLES = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "IMG", "PRM"})
PATIENT_NOUNS = lexicon.words("patient-nouns")
CROWD_WORDS = lexicon.words("crowd-words")
ATTACK_SUBJECTS = lexicon.words("attack-subjects")


def _free_relative_noun(pred: Token) -> Token | None:
    """The noun a free-relative object is called or said to be: "rejected what it called India's 'new normal'"
    -> "normal"; "condemned what it said was Japan's meddling" -> "meddling"."""
    for clause in pred.children:
        if clause.dep_ != "ccomp" or not any(t.lower_ == "what" and t.dep_ in ("dobj", "nsubj", "nsubjpass")
                                             for t in clause.subtree):
            continue
        for verb in (clause, *(c for c in clause.children if c.dep_ == "ccomp")):
            noun = next((c for c in verb.children if c.dep_ in ("oprd", "attr") and c.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")), None)
            if noun is not None:
                return noun
    return None


def _unknown_doer(cand: Candidate, token: Token) -> bool:
    """Violence with a named victim and no named doer: "a journalist was killed in a car bomb" (an agentless
    passive), "a roadside bombing killed one US soldier" (the attack as subject). GDELT and CAMEO code
    these with an empty source; parley does the same, for asserted violence against a named actor only."""
    if cand.match is None or cand.match.pattern.cameo[:2] not in UNKNOWN_DOER_ROOTS or not cand.targets:
        return False
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB" \
            and not any(c.dep_ in ("poss", "compound", "amod") and c.pos_ in ("PROPN", "ADJ") and c.text[:1].isupper()
                        for c in token.children):
        # "an attempt to kill the deputy governor was foiled", "a car bomb killed two officers": the act as
        # subject, with no doer named
        return True
    if token.pos_ != "VERB":
        return False
    if is_passive(token):
        return not any(c.dep_ == "agent" for c in token.children)
    subject = grammatical_subject(token, ("nsubj",))
    return subject is not None and subject.lemma_.lower() in ATTACK_SUBJECTS


def _clause_of_phrase(noun: Token) -> Token | None:
    """The verb whose clause holds ``noun`` in a prepositional phrase ("came to Cairo for talks", "at the end
    of a visit"), if the noun has no owner of its own."""
    node = noun
    for _ in range(3):
        if node.dep_ != "pobj":
            return None
        prep = node.head
        if prep.lower_ == "of" and prep.head.lower_ in FRAME_NOUNS:
            node = prep.head  # "the end of a visit": climb to "end"
            continue
        if prep.lower_ not in PHRASE_PREPOSITIONS and not (prep.lower_ == "of" and prep.head.lower_ == "ahead"):
            return None
        governor = prep.head
        if governor.lower_ == "ahead" and governor.head is not governor:
            governor = governor.head
        return governor if governor.pos_ in ("VERB", "AUX") else None
    return None


PLACE_PREPOSITIONS = lexicon.words("force-place-prepositions")


def _place_actors(cand: Candidate, index: MentionIndex) -> list[Mention]:
    """Countries (and capitals) named as where the predicate's force is used."""
    assert cand.match is not None
    heads = [cand.predicate, *(c for c in cand.predicate.children if c.dep_ in ("dobj", "nsubjpass"))]
    if cand.match.object_token is not None and cand.match.object_token not in heads:
        heads.append(cand.match.object_token)
    # "an attack on objects in the territory of Russia": what the force was aimed at, and where that is
    heads += [g for h in list(heads) for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at")
              for g in c.children if g.dep_ == "pobj"]
    found: list[Mention] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPOSITIONS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                # the place itself ("in Ukraine", "in eastern Ukraine"), not a country modifying a thing
                # ("tariffs on Mexican steel"); a place noun owned by a country is in it ("in Russia's Volgograd
                # region", "in the territory of the Russian Federation")
                actors = [m for m in index.actors(pobj) if m.start <= pobj.idx < m.end]
                if not actors and pobj.lemma_.lower() in PLACE_NOUNS | TERRITORY_NOUNS:
                    actors = [m for m in index.actors(pobj) if m.kind in ("country", "region")]
                for m in actors:
                    # countries, capitals, and territories coded as a country ("in Gaza", "in the West Bank")
                    if (m.kind in ("country", "capital") or (m.kind == "region" and m.code in _country_codes())) \
                            and m not in found:
                        found.append(m)
                city = _city_country(pobj) if not actors else None
                if city is not None:  # "hit a hospital in Kharkiv", "shelled villages near Belgorod"
                    found.append(city)
    return [_country_of(m) for m in found]


TERRITORY_NOUNS = lexicon.words("territory-nouns")
PLACE_NOUNS = lexicon.words("place-nouns")


def _named_place(token: Token) -> Token:
    """"the city of Kherson" -> "Kherson"; any other token as it is."""
    if token.lemma_.lower() in PLACE_NOUNS:
        named = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        if named is not None:
            return named
    return token


def _city_country(token: Token) -> Mention | None:
    """The country of a city named by a proper noun (the gazetteer's), as a mention of that country."""
    if token.pos_ != "PROPN":
        return None
    from parley.where import lookup

    doc = token.doc
    span = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if span is None:  # no entity: the proper noun with its compounds ("Red Sea", not "Sea")
        first = min([token.i, *(c.i for c in token.children if c.dep_ == "compound" and c.i < token.i)])
        span = doc[first:token.i + 1]
    if span.root is not token:
        span = doc[token.i:token.i + 1]
    if span[0].lower_ == "the" and len(span) > 1:
        span = span[1:]
    where = lookup(span.text)
    if where is None or not where.country or where.lat is None:  # cities only: countries are actors already
        return None
    return Mention(where.country, None, span.text, span.start_char, span.end_char, "place")


def _country_of(m: Mention) -> Mention:
    """The country a country or capital mention names, without a role ("Kyiv" -> UKR)."""
    return replace(m, code=m.code[:3]) if m.code[:3] in _country_codes() else m


#: nouns of meetings whose "between A and B" is A and B meeting: the code of that meeting
JOINT_NOUNS = {"talk": "040", "meeting": "040", "discussion": "040", "consultation": "040", "summit": "040",
               "dialogue": "040", "negotiation": "046", "peace": "046", "deal": "057", "agreement": "057",
               "accord": "057", "truce": "057", "ceasefire": "057"}


def _between(cand: Candidate, index: MentionIndex) -> list[Mention]:
    """Actors in a "between A and B" phrase on the predicate or on its event noun."""
    assert cand.match is not None
    heads = [cand.predicate]
    for t in (cand.match.object_token, cand.match.target_head):
        if t is not None and t not in heads:
            heads.append(t)
    heads.extend(c for c in cand.predicate.children if c.dep_ == "dobj" and c not in heads)
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "between":
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                members = index.actors(pobj)
                if len(members) > 1:
                    cand.between_noun = head
                    return members
    return []


#: roots whose act makes the members' joint act happen: hosting or mediating talks between A and B, brokering a
#: deal between them; an appeal, demand or threat about "a ceasefire between A and B" makes nothing happen
JOINT_ROOTS = frozenset({"04", "05", "06", "08"})


def _joint_code(cand: Candidate) -> str | None:
    if cand.between_noun is None or cand.match is None or cand.match.pattern.cameo[:2] not in JOINT_ROOTS:
        return None
    return JOINT_NOUNS.get(cand.between_noun.lemma_.lower())


REPORTING_VERBS = lexicon.words("reporting-verbs")
STATEMENT_NOUNS = lexicon.words("statement-nouns")
_SAY_SHOULD = Pattern("02.say.should", "020", frozenset(REPORTING_VERBS | STATEMENT_NOUNS), False, (), "built-in rule (coder.py)")
_SAY_MUST = Pattern("10.say.must", "100", frozenset(REPORTING_VERBS | STATEMENT_NOUNS), False, (), "built-in rule (coder.py)")


def _reported_obligation(token: Token) -> Match | None:
    """"X said that Y should/must ...": X appeals to / demands of Y (020 / 100), when Y is named."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in STATEMENT_NOUNS:
        # "issued a reminder to Iraq that it must cooperate": the noun's that-clause says what is asked
        clauses = [c for c in token.children if c.dep_ in ("acl", "ccomp")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    elif token.pos_ == "VERB" and token.lemma_.lower() in REPORTING_VERBS:
        clauses = [c for c in token.children if c.dep_ == "ccomp"]
    else:
        return None
    # "reminded Iraq that it must", "a reminder to Iraq that it must": the one addressed is the one asked
    holder = token.head if token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubjpass") else token
    addressee = next((g for h in (token, holder) for c in h.children
                      if c.dep_ in ("dative", "prep") and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"),
                     None) or (direct_object(token) if token.lemma_.lower() == "remind" else None)
    for c in clauses:
        auxes = {a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")}
        subject = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ == "PRON" and addressee is not None \
                and subject.lower_ in ("it", "they", "he", "she"):
            subject = addressee
        if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
            continue
        if "should" in auxes:
            return Match(_SAY_SHOULD, subject, None)
        if "must" in auxes:
            return Match(_SAY_MUST, subject, None)
    return None


RECEPTION_NOUNS = lexicon.words("reception-nouns")
#: what a warning says will follow, and the threat it makes: "will pay a heavy price if", "would trigger
#: sanctions if", "a swift and severe response if"
CONSEQUENCE_NOUNS = {
    "consequence": "130", "price": "130", "cost": "130", "repercussion": "130", "response": "130",
    "punishment": "130", "measure": "130", "countermeasure": "130", "action": "130", "step": "130",
    "sanction": "1312", "penalty": "1312", "tariff": "1312", "embargo": "1312",
    "retaliation": "138", "reprisal": "138", "war": "138", "force": "138", "strike": "138", "attack": "138",
}
SUFFER_VERBS = lexicon.words("suffer-verbs")
TRIGGER_VERBS = lexicon.words("trigger-verbs")
WARNING_VERBS = lexicon.words("warning-verbs")
_THREAT_PATTERNS = {code: Pattern(f"13.warn.if.{code}", code, frozenset(WARNING_VERBS), False, (),
                                  "built-in rule (coder.py)", frozenset({"warning", "conditional-threat"}))
                    for code in ("130", "1312", "138")}


def _threat_condition(token: Token, cue: str | None) -> bool:
    """Whether the condition that made a threat look hypothetical hangs on the threat itself (or on the light
    verb that holds a warning noun), not on a clause above it ("said it would warn them if ...")."""
    if (cue or "").lower() not in ("if", "unless"):
        return False
    hosts = [token]
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj":
        hosts.append(token.head)  # "gave a warning of ... if"
    if token.dep_ == "ccomp" and token.head.lemma_.lower() in WARNING_VERBS:
        hosts.append(token.head)  # "if Trump goes ahead, China said it will respond"
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for h in hosts for c in h.children) and not any(
        a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in a.children)
        for a in token.ancestors if a.i not in {h.i for h in hosts})


def _conditional_threat(token: Token) -> Match | None:
    """"warned that Moscow will pay a heavy price if it invades", "said sanctions would follow if ...": a
    warning whose content names a consequence on a condition is a threat (130; 1312 with sanctions, 138 with
    force) toward the subject of the condition."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in WARNING_VERBS:
        return None
    content = [c for c in token.children if c.dep_ in ("ccomp", "advcl", "xcomp", "prep", "dobj")]
    if token.dep_ in ("advcl", "parataxis", "ccomp") and token.head.i < token.i:
        # "Putin will face consequences if Moscow invades, the White House warned": the parser may hang the
        # warning under what it says
        content.append(token.head)
    marks = [t for c in content for t in c.subtree
             if t.dep_ == "mark" and t.lower_ in ("if", "unless") and t.head.dep_ == "advcl"]
    if not marks:
        # "warned that a Russian invasion would trigger US sanctions": the consequence of another's act
        for c in content:
            if c.dep_ == "ccomp" and c.lemma_.lower() in TRIGGER_VERBS:
                # 'would trigger "high impact" U.S. sanctions': the consequence may be an apposition to the object
                objects = [g for g in c.children if g.dep_ == "dobj"]
                objects += [a for g in objects for a in g.children if a.dep_ == "appos"]
                consequence = next((g for g in objects if g.lemma_.lower() in CONSEQUENCE_NOUNS), None)
                cause = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if consequence is not None and cause is not None and cause.lemma_.lower() not in CONSEQUENCE_NOUNS:
                    return _threat(consequence, cause)
            if c.dep_ == "ccomp":
                # "warned that any US attack will be met with consequences": a response promised to another's act
                cause = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if cause is None or cause.lemma_.lower() not in ATTACK_SUBJECTS | {"invasion", "aggression", "escalation",
                                                                                  "incursion", "move", "step", "action"}:
                    continue
                for verb in _conjuncts(c):
                    consequence = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                                        for g in p.children if g.dep_ == "pobj"
                                        and g.lemma_.lower() in CONSEQUENCE_NOUNS), None)
                    if consequence is not None:
                        return _threat(consequence, cause)
        # "told Russia to agree to a ceasefire or face new sanctions": an ultimatum
        for c in content:
            for t in c.subtree:
                if t.dep_ == "conj" and t.lemma_.lower() in SUFFER_VERBS and any(
                        g.dep_ == "cc" and g.lower_ == "or" for g in (*t.head.children, *t.children)):
                    consequence = next((g for g in t.children if g.dep_ == "dobj"
                                        and g.lemma_.lower() in CONSEQUENCE_NOUNS), None)
                    if consequence is not None:
                        told = next((g for g in token.children if g.dep_ in ("dobj", "dative")), None)
                        return _threat(consequence, told)
        return None
    condition = marks[0].head
    inside = {t.i for t in condition.subtree}
    consequence = next((t for c in content for t in c.subtree if t.i not in inside and t.pos_ == "NOUN"
                        and t.lemma_.lower() in CONSEQUENCE_NOUNS), None)
    if consequence is None:
        return None
    subject = next((c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")), None) or next(
        (c for c in condition.children if c.dep_ == "poss" and c.i < condition.i), None)  # a misparsed subject
    owner = next((c for c in subject.children if c.dep_ == "poss"), None) if subject is not None else None
    verb = consequence.head
    if consequence.dep_ == "dobj" and verb.lemma_.lower() in SUFFER_VERBS:
        # "Moscow will pay a heavy price if ...", "Putin will face consequences": who pays is threatened
        sufferer = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if sufferer is not None:
            return _threat(consequence, sufferer)
    return _threat(consequence, owner or subject)


def _own_threat(token: Token, patterns: PatternSet) -> Match | None:
    """"warned that Iran may expel the inspectors": a warning of one's own coercive act threatens it (the act's
    13x code, aimed at the act's target)."""
    for c in token.children:
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB":
            act = patterns.match(c)
            code = intent_code(act.pattern.cameo) if act is not None else None
            if act is not None and code is not None and code[:2] == "13" and act.target_head is not None:
                pattern = Pattern(f"13.warn.own.{code}", code, frozenset(WARNING_VERBS), False, (),
                                  "built-in rule (coder.py)", frozenset({"warning"}))
                return Match(pattern, act.target_head, act.object_token)
    return None


def _threat(consequence: Token, target: Token | None) -> Match:
    """The threat a consequence noun makes (130, 1312, 138), aimed at ``target``."""
    return Match(_THREAT_PATTERNS[CONSEQUENCE_NOUNS[consequence.lemma_.lower()]], target, consequence)


POLYSEMOUS_VERBS = lexicon.words("polysemous-verbs")
CONCRETE_TARGETS = lexicon.words("concrete-targets")


def _acted_on(token: Token) -> Token | None:
    """What the verb acts on: its object, or the noun a participle describes ("a report released by ...")."""
    obj = direct_object(token)
    if obj is None and token.dep_ == "acl":
        obj = token.head
    return obj


def _person_object(token: Token) -> bool:
    """The object is a person or people: a name, a title ("Prime Minister Chaudhry"), "members of ..."."""
    obj = _acted_on(token)
    if obj is None:
        return False
    return obj.ent_type_ == "PERSON" or obj.lemma_.lower() in PEOPLE_WORDS or any(
        c.ent_type_ == "PERSON" for c in obj.subtree)


PEOPLE_WORDS = lexicon.words("people-words")


def _concrete_object(token: Token) -> bool:
    """The object is a concrete target of force: a place, a building, a vehicle, people under arms."""
    obj = _acted_on(token)
    if obj is None:
        return True  # "Russian forces struck overnight": no other sense to confuse
    if obj.lower_ in ("that", "which", "who") and token.dep_ == "relcl":
        obj = token.head  # "a helicopter that was captured"
    # "captured part of a guerrilla stronghold", "seized control of the port"
    heads = [obj, *(g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj")]
    return any(t.lemma_.lower() in CONCRETE_TARGETS or t.lower_ in CONCRETE_TARGETS
               or t.ent_type_ in ("GPE", "LOC", "FAC") or _city_country(t) is not None for t in heads)


NAMING_VERBS = lexicon.words("naming-verbs")
CRITICISM_WORDS = lexicon.words("criticism-words")
_NAME_CALLING = Pattern("11.call.names", "111", NAMING_VERBS, False, (), "built-in rule (coder.py)")
_NAME_PRAISING = Pattern("05.call.praise", "051", NAMING_VERBS, False, (), "built-in rule (coder.py)")


def _characterisation(token: Token) -> Match | None:
    """"called Trump an old man bereft of patience" (111), "described the deal as a historic success" (051):
    naming something with words of criticism or praise, by their valence; the thing named is the target."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in NAMING_VERBS:
        return None
    named = next((c for c in token.children if c.dep_ == "dobj"), None)
    if named is None:
        return None
    complements = [c for c in token.children if c.dep_ in ("oprd", "xcomp", "acomp", "attr")
                   or (c.dep_ == "advcl" and c.pos_ in ("ADJ", "VERB"))]
    complements += [c for c in named.children if c.dep_ == "oprd"]
    for host in (token, named, *named.subtree):
        for prep in host.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                complements.extend(g for g in prep.children if g.dep_ == "pobj")
    if not complements:
        return None
    from parley.tone import lexicon as tone_lexicon

    lex = tone_lexicon()
    words = [t.lower_ for c in complements for t in c.subtree]
    critical = sum(1 for w in words if w in CRITICISM_WORDS)
    valence = sum(lex.get(w, 0.0) for w in words if w not in CRITICISM_WORDS) - 2.0 * critical
    if valence <= -1.5:
        return Match(_NAME_CALLING, named, named)
    if valence >= 1.5 and not critical:
        return Match(_NAME_PRAISING, named, named)
    return None


def _third_party_consequence(token: Token, cand: Candidate, index: MentionIndex) -> bool:
    """"Trump said Israel would lead a strike if ...": the consequence is brought by neither the speaker nor
    the one threatened, so the speaker threatens nothing."""
    own = {m.code[:3] for m in (*cand.sources, *cand.targets)}
    for c in token.children:
        if c.dep_ != "ccomp":
            continue
        subject = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and any(m.code[:3] not in own for m in index.actors(subject)):
            return True
    return False


#: roots of verbal acts, whose target may be the subject of what is said
VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})


def _content_subjects(pred: Token, index: MentionIndex) -> list[Mention]:
    """Actors that are subjects inside the clausal complement of ``pred`` (nearest clause first)."""
    for c in pred.children:
        if c.dep_ not in ("ccomp", "xcomp"):
            continue
        if c.dep_ == "xcomp" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            continue  # "threatened to strike": the same subject, no content actor
        found: list[Mention] = []
        for t in sorted(c.subtree, key=lambda x: x.i):
            if t.dep_ in ("nsubj", "nsubjpass"):
                found.extend(m for m in index.actors(t) if m not in found)
        return found
    return []


def _confidence(cand: Candidate, has_target: bool) -> float:
    score = 0.55
    if cand.how in ("subject", "agent", "possessor"):
        score += 0.15
    if has_target:
        score += 0.15
    if cand.match is not None and cand.match.pattern.specificity >= 3:
        score += 0.1
    return round(min(score, 0.95), 2)


def counts_as_occurred(event: Event) -> bool:
    """Whether an event counts as having happened in aggregates: asserted, or an expressed intent (03x),
    demand (10x) or threat (13x, from a promised act of force or coercion)."""
    if event.modality == "asserted":
        return True
    # the expression of an intent or a threat is itself the act; a demand coded as 10x is the demand itself
    return (event.modality == "intended" and event.root in ("03", "13")) or (
        event.modality == "demanded" and event.root == "10"
    )


__all__ = ["Candidate", "MentionIndex", "code_doc", "counts_as_occurred", "derived_codes", "intent_code",
           "subject_head"]
