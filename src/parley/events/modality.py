"""Modality: did the act happen, or is it intended, demanded, hypothetical, negated or speculated?

Read from the dependency parse. Starting at the predicate, each clause on the way up to the root of the
sentence is checked for what changes the meaning of the clauses below it:

* negation: ``not``/``never`` on the clause, or a negating governor (refused to, denied that, failed to);
* modal auxiliaries: would/could/should/can -> hypothetical; may/might, and any modal + ``have`` -> speculation;
  will/shall/going to -> intended;
* conditions: a clause introduced by if/unless/whether, or a clause that has such a condition
  ("If talks fail, Israel would strike") -> hypothetical; a question -> hypothetical;
* speculation: reportedly, allegedly, "speculation that", "it is unclear whether", believe/suspect that;
* intent: planned/agreed/offered/vowed to, ready/willing to, "its readiness to" -> intended;
* demand: urged/called on/demanded ... to -> demanded; threatened to -> hypothetical;
* time (:mod:`parley.events.prospect`): a present-tense clause of time ("before troops withdraw"), an event noun
  "ahead of" or "on the eve of" -> hypothetical; a present act dated ahead ("arrives Monday") -> intended.

Reporting verbs (said, told, announced), aspect (continued to, began to) and concessive or temporal
clauses (while, although, after) are transparent: "X said Y attacked Z" keeps the attack asserted.
The first cue found on the way up decides; its word is returned as ``cue`` for ``explain``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from parley import lexicon
from parley.events.prospect import (dated, future_time, headline_future, pending_clause, pending_noun,
                                    setting_off, threat_of)
from parley.syntax import marked_infinitive

HYPOTHETICAL_MODALS = lexicon.words("hypothetical-modals")
SPECULATIVE_MODALS = lexicon.words("speculative-modals")
FUTURE_MODALS = lexicon.words("future-modals")
OBLIGATION_MODALS = lexicon.words("obligation-modals")
CONDITION_MARKERS = lexicon.words("condition-markers")
CONDITIONAL_ACTS = lexicon.words("conditional-acts")
SPECULATION_ADVERBS = lexicon.words("speculation-adverbs")
SPECULATION_NOUNS = lexicon.words("speculation-nouns")
SPECULATION_VERBS = lexicon.words("speculation-verbs")
SPECULATION_ADJECTIVES = lexicon.words("speculation-adjectives")
UNREALISED_ADJECTIVES = lexicon.words("unrealised-adjectives")
PLANNED_ADJECTIVES = lexicon.words("planned-adjectives")
ANTICIPATING_VERBS = lexicon.words("anticipating-verbs")
PLANNING_VERBS = lexicon.words("planning-verbs")
MODAL_FUTURE = lexicon.words("modal-future")
NEGATING_GOVERNORS = lexicon.words("negating-governors")
INTENT_GOVERNORS = lexicon.words("intent-governors")
INTENT_ADJECTIVES = lexicon.words("intent-adjectives")
INTENT_NOUNS = lexicon.words("intent-nouns")
NEGATING_NOUNS = lexicon.words("negating-nouns")
DEMAND_GOVERNORS = lexicon.words("demand-governors")
DEMAND_NOUNS = lexicon.words("demand-nouns")
CONDITION_SETTERS = lexicon.words("condition-setters")
THREAT_GOVERNORS = lexicon.words("threat-governors")
WISH_VERBS = lexicon.words("wish-verbs")
CONSIDERING_VERBS = lexicon.words("considering-verbs")
ANTICIPATING_ADJECTIVES = lexicon.words("anticipating-adjectives")
SCHEDULED_ADJECTIVES = lexicon.words("scheduled-adjectives")
PROVISION_VERBS = lexicon.words("provision-verbs")
TRAVEL_VERBS = lexicon.words("travel-verbs")
#: verbs of warning, whose "if" clause may be the condition of the threat itself
WARNING_VERBS = lexicon.words("warning-verbs")
COPULAS = lexicon.words("copulas")
LEMMA_FIXES = {("hop", "hope"): "hope", ("hop", "hopi"): "hope"}  # "hopes", "hoping"
NEGATIVE_DETERMINERS = lexicon.words("negative-determiners")
NEGATIVE_ADVERBS = lexicon.words("negative-adverbs")
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "conj", "acl", "pcomp", "pobj", "dobj", "advcl", "relcl", "attr", "nsubj",
                        "nsubjpass", "appos", "prep", "acomp", "oprd", "csubj", "compound", "amod"})


@dataclass(frozen=True, slots=True)
class Modality:
    value: str
    cue: str | None = None


ASSERTED = Modality("asserted")


def _aux_modality(clause: Token) -> Modality | None:
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    lowers = [a.lower_ for a in auxes]
    for a in auxes:
        word = a.lower_
        if word in SPECULATIVE_MODALS or (word in HYPOTHETICAL_MODALS and "have" in lowers):
            return Modality("reported-speculation", a.text)
        if word in HYPOTHETICAL_MODALS:
            return Modality("hypothetical", a.text)
        if word in FUTURE_MODALS:
            return Modality("intended", a.text)
        if word in OBLIGATION_MODALS:
            return Modality("demanded", a.text)
        if word == "going" or (word == "be" and a.head.lower_ == "going"):
            return Modality("intended", a.text)
    return None


def _own_cues(clause: Token) -> Modality | None:
    """What the clause itself says about its own modality."""
    for c in clause.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never",)):
            return Modality("negated", c.text)
        if c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS and clause.pos_ in ("NOUN", "PROPN"):
            return Modality("negated", c.text)
        if c.dep_ == "advmod" and c.lower_ in ("longer", "more") and any(g.lower_ == "no" for g in c.children):
            return Modality("negated", "no " + c.lower_)
        if c.dep_ in ("preconj", "nsubj", "advmod", "cc") and c.lower_ == "neither":
            return Modality("negated", c.text)
        if c.dep_ == "aux" and any(g.lower_ == "neither" for g in c.children):
            return Modality("negated", "neither")  # "Neither has the army pulled back troops nor ..."
        if c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return Modality("negated", "no")  # "No talks were held"
        if c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ in ("preconj", "det") and d.lower_ == "neither" for d in c.children):
            return Modality("negated", "neither")  # "Neither Greece nor Turkey sent ships"
    for c in clause.children:  # "whether Riyadh will normalise ties": the condition, not the future, decides
        if c.dep_ == "mark" and c.lower_ in CONDITION_MARKERS:
            return Modality("hypothetical", c.text)
    found = _aux_modality(clause)
    if found is not None and found.cue and found.cue.lower() in ("would", "'d") and _reported_future(clause):
        # "Russia said it would expel diplomats": the reported form of "will", an announced intent
        return Modality("intended", found.cue)
    if found is not None:
        return found
    when = future_time(clause) or headline_future(clause)
    if when is not None:
        return Modality("intended", when)
    pending = pending_clause(clause)
    if pending is not None:
        return Modality("hypothetical", pending)  # "before the troops withdraw": still to come
    for c in clause.children:
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ in SPECULATION_ADVERBS:
            return Modality("reported-speculation", c.text)
    for c in clause.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKERS for m in c.children):
            if clause.lemma_.lower() in CONDITIONAL_ACTS and (c.i > clause.i or (
                    clause.dep_ in ("advcl", "parataxis", "ccomp") and clause.head.i < clause.i)):
                # "warned of penalties if the deal is broken", "X will pay if it invades, Y warned": the
                # condition is what the threat says
                continue
            return Modality("hypothetical", next(m.text for m in c.children if m.dep_ == "mark"))
        if c.dep_ == "advcl" and _inverted_condition(c):
            return Modality("hypothetical", next((a.text for a in c.children if a.dep_ == "aux"), c.text))
    if _inverted_condition(clause):
        aux = next((a.text for a in clause.children if a.dep_ == "aux"), clause.text)
        return Modality("hypothetical", aux)
    return _hedged_subject(clause)


def _hedged_subject(clause: Token) -> Modality | None:
    """"a suspected Israeli strike hit a convoy", "alleged militants attacked a post", "an e-mail purportedly
    from the group claimed ...", "unverified footage showed police beating ...": who acted, or what tells of
    the act, is a suspicion."""
    if clause.pos_ not in ("VERB", "AUX"):
        return None
    for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
        near = [*subj.children, *(g for c in subj.children if c.dep_ == "prep" for g in c.children)]
        cue = next((c for c in near if (c.dep_ == "amod" and c.lower_ in SPECULATION_ADJECTIVES
                                         and c.lower_ not in ("likely", "expected"))
                    or (c.dep_ == "advmod" and c.lower_ in SPECULATION_ADVERBS)), None)
        if cue is not None:
            return Modality("reported-speculation", cue.text)
    return None


ANNOUNCING_VERBS = lexicon.words("announcing-verbs")


def _reported_future(clause: Token) -> bool:
    """'would' in the that-clause of a past announcement by the clause's own subject ("Russia said it
    would ..."), with no condition of its own: a reported 'will'."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in ANNOUNCING_VERBS or clause.head.tag_ != "VBD":
        return False
    if any(a.lower_ == "have" for a in clause.children if a.dep_ == "aux"):
        return False  # "would have ...": a counterfactual
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in ("it", "they", "he", "she", "we", "i"):
        return False  # "the minister said Italy would send aid": a forecast about another, not an announcement
    return not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKERS for m in c.children)
                   for c in clause.children)


def _condition(clause: Token) -> Token | None:
    """The condition clause ("if ...", "unless ...") attached to ``clause``, if any."""
    for c in clause.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKERS - {"whether"}
                                     for m in c.children):
            return c
    return None


def _conditional_offer(clause: Token) -> Modality | None:
    """An act offered on a condition by the one who would do it: "the rebels said they would meet the
    mediator if he gave them a veto", "Norway is willing to send equipment if Saudi Arabia is attacked". The
    act has not happened, but the offer has: CAMEO codes it as an expressed intent (03x), as it codes a
    conditional warning as a threat. A forecast about others ("analysts said Iran would strike if ...") or a
    condition on the whole statement ("if asked, they said they would ...") is no offer."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKERS for c in clause.children):
        return None  # the clause is itself the condition
    condition = _condition(clause)
    if condition is None or condition.i < clause.i:
        return None  # "if talks fail, Israel would strike": a scenario set up first
    auxes = [a.lower_ for a in clause.children if a.dep_ == "aux" and a.lower_ != "to"]
    if "have" in auxes or any(a in SPECULATIVE_MODALS for a in auxes):
        return None  # "would have met", "might meet": counterfactual or speculation
    modal = next((a for a in auxes if a in ("would", "'d", "will", "'ll")), None)
    if modal is not None:
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in ANNOUNCING_VERBS:
            return None
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ not in ("it", "they", "he", "she", "we", "i"):
            return None
        if _condition(clause.head) is not None or _negation(clause.head) is not None:
            return None
        return Modality("intended", f"{modal} ... if")
    if auxes or clause.dep_ != "xcomp":
        return None
    governor = clause.head
    if governor.pos_ == "ADJ" and governor.lemma_.lower() in INTENT_ADJECTIVES and governor.dep_ == "acomp" \
            and _negation(governor.head) is None and _condition(governor.head) is None:
        return Modality("intended", f"{governor.text} ... if")  # "is willing to send ... if"
    if governor.pos_ == "VERB" and lemma_of(governor) in {"offer", "agree", "promise", "pledge", "propose"} \
            and _negation(governor) is None and _condition(governor) is None:
        return Modality("intended", f"{governor.text} ... if")  # "offered to mediate if both sides asked"
    return None


def _inverted_condition(clause: Token) -> bool:
    """'Should both leaders agree, ...', 'Were Iran to attack, ...': the auxiliary comes before the subject."""
    if clause.dep_ != "advcl":
        return False
    if clause.lower_ in ("were", "had", "should") and clause.i == clause.sent.start:
        # the parser may make the fronted auxiliary itself the head: "Were(advcl) Iran(nsubj) to attack(xcomp)"
        return any(s.dep_ in ("nsubj", "nsubjpass") and s.i > clause.i for s in clause.children)
    aux = [a for a in clause.children if a.dep_ == "aux" and a.lower_ in ("should", "were", "had")]
    subj = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
    return bool(aux and subj and aux[0].i < subj[0].i)


def _negating_governor(governor: Token) -> Modality | None:
    """refused/denied/failed to ...; a negated negator is read conservatively ("did not rule out" -> hypothetical)."""
    lemma = governor.lemma_.lower()
    if lemma == "rule" and not any(c.lower_ == "out" for c in governor.children):
        return None
    negated = _negation(governor)
    if negated is None:
        return Modality("negated", "ruled out" if lemma == "rule" else governor.text)
    if lemma == "fail":  # "did not fail to pay": it was paid
        return ASSERTED
    if lemma == "deny":  # "did not deny that ...": neither affirmed nor denied
        return Modality("reported-speculation", f"{negated} {governor.text}")
    return Modality("hypothetical", f"{negated} {governor.text}")


def lemma_of(token: Token) -> str:
    """The lemma, with the small English model's known slips mended ("hopes" -> "hop")."""
    lemma = token.lemma_.lower()
    return LEMMA_FIXES.get((lemma, token.lower_[:4]), lemma)


def _governor_cue(governor: Token, child: Token) -> Modality | None:
    """What a governing word says about the clause or phrase ``child`` below it."""
    lemma = lemma_of(governor)
    rel = child.dep_
    is_verb = governor.pos_ in ("VERB", "AUX")
    if rel in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "dobj", "conj", "acl", "oprd", "relcl"):
        # "Kinshasa accused Rwanda of backing M23 - allegations Kigali denies": a denial after the clause it
        # answers disputes a claim; it does not say the clause's own act (the accusation) did not happen
        disputes = rel == "ccomp" and child.i < governor.i
        # "while they were open to talks, they rejected the clause": an adverbial clause is not what is refused
        if rel not in ("conj", "relcl", "advcl") and lemma in NEGATING_GOVERNORS and is_verb and not disputes:
            found = _negating_governor(governor)
            if found is not None:
                return found
        if rel in ("xcomp", "ccomp") and is_verb:
            if lemma == "expect" and any(c.dep_ == "auxpass" for c in governor.children):
                return Modality("reported-speculation", governor.text)  # "is expected to take place"
            if lemma == "suppose" and rel == "xcomp" and any(c.dep_ == "auxpass" for c in governor.children):
                return Modality("hypothetical", governor.text)  # "was supposed to see Iran scale back"
            if lemma in THREAT_GOVERNORS and rel == "xcomp":
                return Modality("hypothetical", governor.text)
            if lemma in DEMAND_GOVERNORS and (rel == "xcomp" or _mandative(child)):
                return Modality("demanded", governor.text)
            if lemma in INTENT_GOVERNORS and rel == "xcomp":
                return Modality("intended", governor.text)
            if rel == "xcomp" and lemma in PLANNING_VERBS and any(c.dep_ == "auxpass" for c in governor.children):
                return Modality("intended", governor.text)  # "is set to visit", "is scheduled to meet"
            if rel == "xcomp" and governor.lower_ == "going" and any(c.dep_ == "aux" for c in governor.children):
                return Modality("intended", governor.text)  # "is going to recognise"
            if lemma in SPECULATION_VERBS or (rel == "ccomp" and lemma in WISH_VERBS):
                return Modality("reported-speculation", governor.text)  # "hopes that Washington will lift"
            if lemma in ("have", "be") and rel == "xcomp" and any(
                    c.dep_ == "advmod" and c.lower_ == "yet" for c in governor.children):
                return Modality("negated", "yet")  # "have yet to begin talks", "is yet to respond"
            if governor.lower_ in ("was", "were") and rel == "xcomp" and marked_infinitive(child):
                return Modality("hypothetical", governor.text)  # "the two sides were to hold talks on Monday"
            if lemma == "be" and rel == "xcomp" and governor.lower_ != "were" and marked_infinitive(child):
                return Modality("intended", governor.text)  # "the party is to boycott the vote"
            if lemma in COPULAS:  # "it is unclear whether ...", "it remains unclear whether ..."
                for c in governor.children:
                    if c.dep_ == "acomp" and c.lemma_.lower() in SPECULATION_ADJECTIVES:
                        return Modality("reported-speculation", c.text)
        if rel == "advcl" and lemma in ("gear", "prepare") and not any(c.dep_ == "mark" for c in child.children) \
                and marked_infinitive(child):
            return Modality("intended", governor.text)  # "were gearing up to sign", parsed as a purpose
        if rel in ("xcomp", "ccomp") and governor.pos_ == "ADJ":
            if lemma in INTENT_ADJECTIVES or (rel == "xcomp" and lemma in SCHEDULED_ADJECTIVES):
                return Modality("intended", governor.text)  # "are ready to talk", "are due to take part"
            if lemma in SPECULATION_ADJECTIVES:
                return Modality("reported-speculation", governor.text)
        # "the need for Israel to allow aid": a "for ... to" clause the parser hangs as adverbial
        # (or as a relative clause of a noun: "paves the way for both sides to reopen their embassies")
        for_to = rel in ("advcl", "relcl") and any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children)
        if for_to and is_verb and lemma in PROVISION_VERBS:
            return Modality("hypothetical", governor.text)  # "the accord provides for the rebels to disarm"
        if for_to and is_verb and lemma in DEMAND_GOVERNORS:
            return Modality("demanded", governor.text)  # "called for both sides to withdraw their forces"
        if for_to and marked_infinitive(child):
            # "it was important for the negotiators to agree", "an opportunity for both sides to meet": what
            # a "for ... to" clause names is wished, judged or made possible, not reported as done
            return Modality("hypothetical", governor.text)
        if (rel in ("acl", "ccomp", "xcomp", "relcl") or for_to) and governor.pos_ in ("NOUN", "PROPN"):
            if rel == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                rel = "acl"  # "the allegation that forces fought": a content clause the parser took as relative
            infinitive = rel != "relcl" or marked_infinitive(child)
            if infinitive and lemma in NEGATING_NOUNS:
                return Modality("negated", governor.text)
            if infinitive and lemma in INTENT_NOUNS:
                return Modality("intended", governor.text)
            if rel != "relcl" and lemma in SPECULATION_NOUNS:
                return Modality("reported-speculation", governor.text)
            if infinitive and lemma in DEMAND_NOUNS:
                return Modality("demanded", governor.text)
            if rel == "acl" and marked_infinitive(child) \
                    and governor.dep_ == "dobj" and lemma_of(governor.head) in ANTICIPATING_VERBS:
                return Modality("hypothetical", governor.head.text)  # "are awaiting the order to attack"
    # "threatened sanctions", "threats of sanctions": the threat is the act; what it threatens has not happened
    if (rel == "dobj" and is_verb and lemma == "threaten") or (
            rel == "pobj" and governor.lower_ == "of" and threat_of(governor) is not None):
        return Modality("hypothetical", governor.text if rel == "dobj" else threat_of(governor))
    if rel == "ccomp" and is_verb and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children) and any(
            o.dep_ == "dobj" and o.lemma_.lower() in SPECULATION_NOUNS - {"hope"} for o in governor.children):
        return Modality("reported-speculation", governor.text)  # "had received reports that militiamen had ..."
    if rel == "nsubjpass" and lemma in PLANNING_VERBS and any(c.dep_ == "xcomp" for c in governor.children):
        return Modality("intended", governor.text)  # "the next round of talks is scheduled to begin"
    if rel == "pcomp" and governor.lower_ in ("before", "until") and governor.head.pos_ in ("VERB", "AUX") \
            and lemma_of(governor.head) in DEMAND_GOVERNORS | CONDITION_SETTERS:
        # "demanded guarantees before resuming talks": the talks wait on the demand
        return Modality("hypothetical", governor.text)
    if rel == "pcomp" and governor.lower_ in ("about", "over") and lemma_of(governor.head) in CONSIDERING_VERBS:
        return Modality("hypothetical", governor.head.text)  # "mused publicly about withdrawing"
    if governor.pos_ == "ADJ" and lemma in INTENT_ADJECTIVES and rel == "prep":
        return Modality("intended", governor.text)  # "open to talks", "ready for negotiations"
    if rel == "pcomp" and governor.lower_ == "to" and (
            lemma_of(governor.head) in INTENT_ADJECTIVES | {"commit", "committed", "dedicate", "dedicated"}):
        return Modality("intended", governor.head.text)  # "is committed to opening up the economy"
    if governor.pos_ == "ADJ" and lemma in SPECULATION_ADJECTIVES and rel in ("ccomp", "csubj", "advcl", "xcomp"):
        return Modality("reported-speculation", governor.text)
    return None


def _mandative(clause: Token) -> bool:
    """'demanded that the government resign': a that-clause in the base form (or with should) is a demand;
    'told reporters that police had detained ...' is a report."""
    if not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
        return False
    auxes = [a.lower_ for a in clause.children if a.dep_ in ("aux", "auxpass")]
    if "should" in auxes:
        return True
    return clause.tag_ in ("VB", "VBP") and not auxes


def _climb(predicate: Token) -> Modality | None:
    """The first cue found on the governing clauses above ``predicate``."""
    child = predicate
    for _ in range(8):
        governor = child.head
        if governor is child or child.dep_ not in CLIMB_DEPS:
            break
        # "agreed to drop the demand and to disarm": an infinitive's "to" is no auxiliary of its own
        own = child.dep_ == "conj" and any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "neg") and c.lower_ != "to" for c in child.children)
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and (
                own or any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in governor.children)
                or any(c.dep_ == "advmod" and c.lower_ in ("instead", "rather") for c in child.children)):
            # "has not commented, but has repeatedly denied ...": a conjoined clause with its own auxiliary,
            # subject or a contrasting "but" does not share the first clause's negation; without an auxiliary
            # of its own it shares the modal ("may not meet but instead engage in talks")
            shared = None if own else _aux_modality(governor)
            if shared is not None:
                return shared
            break
        cue = _governor_cue(governor, child)
        if cue is not None:
            if cue.value in ("intended", "demanded"):
                # "did not signal readiness to talk", "rejected calls to open" are negated; a condition on the
                # expression ("signalled readiness to talk if ...") leaves the intent expressed
                neg = _negation(governor) or (_negation(governor.head) if governor.dep_ != "conj" else None) or next(
                    (c.text for c in governor.children if c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS), None
                )  # "has no plans to expel"
                if neg is None and governor.dep_ in ("dobj", "xcomp", "ccomp") and governor.head.pos_ == "VERB" \
                        and governor.head.lemma_.lower() in NEGATING_GOVERNORS - {"rule"}:
                    neg = governor.head.text
                return Modality("negated", neg) if neg else cue
            return cue
        purpose = predicate.pos_ in ("VERB", "AUX") and child.dep_ == "advcl" and child.tag_ == "VB" \
            and marked_infinitive(child)
        awaited = _own_cues(governor) if purpose else None
        if awaited is not None:
            return awaited  # "will visit Istanbul to speak with ...": the purpose waits on the visit
        if child.dep_ == "advcl" and (any(m.dep_ == "mark" for m in child.children) or child.tag_ != "VBG"):
            # a temporal or concessive clause does not take the modality of its main clause; a participle
            # continuing it does ("could involve raising tariffs, adding firms to a list")
            break
        found = _own_cues(governor)
        if found is not None:
            return found
        if child.dep_ in ("relcl",):
            break
        child = governor
    return None


LISTING_NOUNS = lexicon.words("listing-nouns")


def _listed_demand(predicate: Token) -> Modality | None:
    """An act listed after "namely", "including" or "such as" under a noun of demand is what is demanded,
    however the parser attaches it ("its conditions, namely, Seoul's withdrawal of the complaint")."""
    if not any(c.dep_ in ("advmod", "prep", "cc") and c.lower_ in ("namely", "including", "notably")
               for c in predicate.children) and not (predicate.i >= 2 and predicate.doc[predicate.i - 2].lower_ == "such"
                                                      and predicate.doc[predicate.i - 1].lower_ == "as"):
        return None
    sent = predicate.sent
    for t in reversed(sent[: predicate.i - sent.start]):
        if predicate.i - t.i > 10:
            break
        if t.pos_ == "NOUN" and t.lemma_.lower() in LISTING_NOUNS:
            return Modality("demanded", t.text)
    return None


def classify(predicate: Token) -> Modality:
    """The modality of the event whose predicate is ``predicate`` (a verb or an event noun).

    The clause's own cue decides, except a plain future ("will") or "whether", which a governing clause
    overrides ("officials fear that Moscow will invade" is speculation, not intent).
    """
    own = _own_cues(predicate)
    if own is not None and own.value == "hypothetical":
        offer = _conditional_offer(predicate)
        if offer is not None:
            return offer
    if own is not None and own.value != "intended" and (own.cue or "").lower() != "whether":
        return own
    listed = _listed_demand(predicate)
    if listed is not None:
        return listed
    if own is None and predicate.pos_ in ("NOUN", "PROPN"):
        for c in predicate.children:
            if c.dep_ == "amod" and c.lower_ in SPECULATION_ADJECTIVES:
                return Modality("reported-speculation", c.text)  # "a suspected Israeli strike"
            if c.dep_ in ("amod", "compound") and c.lower_ in UNREALISED_ADJECTIVES:
                return Modality("hypothetical", c.text)  # "an imminent attack"
            if c.dep_ in ("amod", "compound") and c.lower_ in PLANNED_ADJECTIVES:
                return Modality("intended", c.text)  # "the planned summit"
            if c.dep_ == "det" and c.lower_ in ("any", "every"):
                return Modality("hypothetical", c.text)  # "any Western strike would ...", "any attack on Syria"
        anticipated = _anticipated(predicate)
        if anticipated is not None:
            return anticipated
    above = _climb(predicate)
    if above is not None and above.value == "intended" and predicate.pos_ in ("NOUN", "PROPN"):
        # "it is expected that officials will hold meetings": the verb the noun hangs on decides, with
        # whatever governs that verb
        verb = next((a for a in predicate.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            governing = classify(verb)
            if governing.value in ("reported-speculation", "hypothetical", "negated"):
                return governing
    if above is not None and above.value != "asserted":
        return above
    if own is None and above is None and predicate.sent.text.rstrip().endswith("?"):
        return Modality("hypothetical", "?")
    if own is not None and own.value == "intended" and predicate.sent.text.rstrip().endswith("?"):
        return Modality("hypothetical", "?")
    return own or ASSERTED


#: roots of cooperation, whose intended acts are expressed intents (03x); cues of an act to come that state
#: no intent by themselves: the plain future, a schedule
COOPERATIVE_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08", "09"})
PLAIN_FUTURES = lexicon.words("plain-futures")
SPEECH_VERBS = lexicon.words("speech-verbs") | lexicon.words("announcing-verbs")


def _said_by_someone(predicate: Token) -> bool:
    """Whether someone is said to state the plan: the sentence has a verb of saying ("Rwanda said it will send
    troops", "Xi will visit Seoul, the two countries announced") or a quotation."""
    return any((t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")) or t.text in ('"', "“", "”")
               for t in predicate.sent)


def _anticipated(noun: Token) -> Modality | None:
    """An event noun that is still to come: the subject of a future or modal verb ("an attack would carry
    severe consequences") or what a verb anticipates ("prepared for an attack", "warned of strikes")."""
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        aux = next((c for c in head.children if c.dep_ == "aux" and c.lower_ in MODAL_FUTURE), None)
        if aux is not None:
            return Modality("hypothetical", aux.text)
        if noun.dep_ == "nsubjpass" and head.lemma_.lower() in PLANNING_VERBS:
            return Modality("intended", head.text)  # "a visit ... has been planned for next week"
        if noun.dep_ == "nsubjpass" and head.lemma_.lower() in ("expect", "anticipate", "rumour", "rumor"):
            return Modality("reported-speculation", head.text)  # "a deal is expected"
    if noun.dep_ == "nsubj" and head.lemma_.lower() in COPULAS and any(
            c.dep_ == "acomp" and c.lower_ in SPECULATION_ADJECTIVES for c in head.children):
        return Modality("reported-speculation", head.text)  # "a meeting between the leaders is possible"
    pending = pending_noun(noun)
    if pending is not None:
        return Modality("hypothetical", pending)  # "ahead of talks", "on the eve of a rally"
    if noun.dep_ == "pobj" and head.lower_ in ("of", "about") and head.head.lower_ in ANTICIPATING_ADJECTIVES:
        return Modality("hypothetical", head.head.text)  # "fearful of attacks by the opposition"
    verb = head.head if noun.dep_ == "pobj" and head.lower_ in ("for", "against", "of", "about") else \
        head if noun.dep_ == "dobj" else None
    if verb is not None and verb.lemma_.lower() in ANTICIPATING_VERBS:
        return Modality("hypothetical", verb.text)
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in TRAVEL_VERBS \
            and setting_off(head.head):
        return Modality("intended", head.head.text)  # "is leaving for Washington for talks with ..."
    return None


def _negation(token: Token) -> str | None:
    for c in token.children:
        if c.dep_ == "neg":
            return c.text
    return None



def adjust(modality: Modality, predicate: Token, cameo: str) -> Modality:
    """The modality of an act coded ``cameo`` by its pattern, where the code changes what the cues mean: a
    meeting agreed on is still to come; a threat's condition is what it threatens, not a doubt on the threat."""
    if cameo[:2] == "04" and predicate.pos_ == "NOUN" and modality.value == "asserted" \
            and predicate.dep_ == "pobj" and predicate.head.lower_ in ("on", "to") \
            and predicate.head.head.lemma_.lower() in ("agree", "decide", "settle", "consent"):
        # "Moscow and Washington agreed on a meeting between the leaders": the meeting is to come
        modality = Modality("intended", predicate.head.head.text)
    if cameo[:2] in COOPERATIVE_ROOTS and modality.value == "intended" \
            and ((modality.cue or "").lower() in PLAIN_FUTURES or dated(modality.cue)) \
            and not _said_by_someone(predicate):
        # "the two delegations will meet this week", "a delegation was due to travel": a cooperative act the
        # article reports as planned, which no one states as an intent, is a trap (ANNOTATION.md: planned
        # visits), not an expressed intent (03x). A promised act of force stays a threat (13x)
        modality = Modality("hypothetical", f"{modality.cue} (no one says so)")
    if cameo[:2] == "13" and modality.value == "hypothetical" and _threat_condition(predicate, modality.cue):
        # "gave a stern warning of intervention if ...", "if Trump goes ahead, China said it will respond
        # with tariffs": a threat's condition is what it threatens, not a doubt on the threat
        modality = Modality("asserted", f"condition of the threat: {modality.cue}")
    if cameo[:2] == "11" and _criticism_made(modality, predicate):
        modality = Modality("asserted", f"criticism made: {modality.cue}")
    return modality


def _criticism_made(modality: Modality, predicate: Token) -> bool:
    """"a report accusing Ethiopia of ...", "a statement condemning the raid": the accusation is what the report
    says, not a report of one; "sought to blame Somalia", "tried to discredit": the blaming was done."""
    head = predicate.head
    if modality.value == "reported-speculation" and predicate.dep_ == "acl" and predicate.tag_ == "VBG":
        return head.pos_ == "NOUN" and head.lower_ == (modality.cue or "").lower()
    return modality.value == "intended" and predicate.dep_ == "xcomp" and head.lemma_.lower() in ("seek", "try") \
        and (modality.cue or "").lower() == head.lower_


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
