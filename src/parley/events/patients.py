"""Targets the parse leaves open: whom an act is done to when the pattern's slot holds no actor (a relative
pronoun, a passive with no subject of its own, a group of the source's own country as the object, the doer of a
thing praised or criticised, the phrase a coordinated verb shares). Rules of ``parley.events.arguments``."""

from __future__ import annotations

from spacy.tokens import Token

from parley.events.candidate import Candidate
from parley.events.mentions import MentionIndex
from parley.model import Mention
from parley.syntax import RELATIVE_PRONOUNS, grammatical_subject, reduced_passive


def own_people_as_object(m: Mention, obj: Token, index: MentionIndex, cand: Candidate) -> bool:
    """"police dispersed the protesters", "the court dissolved the opposition party": the object is itself a group
    of the source's own country (another role than the source's), which the act is done to; not an owner of it
    ("seized Russian weapons" by Russia). "The opposition demanded the president's resignation": a person or
    group of the source's own country owning the object of a demand, complaint, rejection or coercion."""
    assert cand.match is not None
    if len(m.code) <= 3 or any(s.code == m.code for s in cand.sources):
        return False
    if m == index.at(obj):
        return m.kind == "role"
    owner = next((index.at(c) for c in obj.children if c.dep_ == "poss"), None)
    return m == owner and m.kind in ("role", "person", "pronoun") \
        and cand.match.pattern.cameo[:2] in ("10", "11", "12", "17")


def antecedent_of_a_relative(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """"the rebels, whom Turkey blamed for the bombings": a relative pronoun as target stands for the noun its
    clause describes."""
    assert cand.match is not None
    target = cand.match.target_head
    if cand.targets or target is None or target.lower_ not in RELATIVE_PRONOUNS:
        return how
    clause = target.head
    for _ in range(3):  # "whom it refused to release": the relative clause may hold the predicate lower down
        if clause.dep_ == "relcl" or clause.head is clause:
            break
        clause = clause.head
    if clause.dep_ == "relcl":
        own = {s.code for s in cand.sources}
        cand.targets = [m for m in index.actors(clause.head) if m.code not in own]
        if cand.targets:
            how += "; target the noun the relative clause describes"
    return how


def patient_of_a_passive(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """The one a passive's agent acts on: its subject, the noun a participle describes ("her predecessor,
    detained by police"), or the subject of the clause it hangs on ("were hospitalised after being beaten by
    police")."""
    assert cand.match is not None
    pred = cand.predicate
    first = next((e for e in cand.match.pattern.elements if e.kind != "not"), None)
    if cand.targets or how != "agent" or pred.pos_ != "VERB" or first is None or first.kind != "target":
        return how
    patient = grammatical_subject(pred, ("nsubjpass",)) or (
        grammatical_subject(pred, ("nsubj",)) if reduced_passive(pred) else None)
    if patient is None and pred.dep_ == "conj" and pred.head.pos_ == "VERB":
        patient = grammatical_subject(pred.head, ("nsubjpass",))  # "was beaten and arrested by police"
    if patient is None and pred.dep_ == "acl":
        patient = pred.head
    elif patient is None and pred.dep_ in ("advcl", "pcomp"):
        holder = pred.head.head if pred.dep_ == "pcomp" else pred.head
        if holder.pos_ in ("VERB", "AUX"):
            patient = grammatical_subject(holder, ("nsubj", "nsubjpass"))
    if patient is not None and patient.lower_ in RELATIVE_PRONOUNS and patient.head.dep_ == "relcl":
        patient = patient.head.head  # "leaders, who were beaten by police"
    own = {s.code for s in cand.sources}
    cand.targets = [m for m in index.actors(patient) if m.code not in own]
    if cand.targets:
        how += "; target whom the passive's agent acts on"
    return how


def reduced_passive_needs_its_patient(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """"measures demanded by its creditors", "a panel funded by Bahrain": a bare participle's agent is the doer
    only of an act done to someone named; with no one, the participle describes a thing, not an event."""
    if cand.sources and not cand.targets and how.startswith("agent") and reduced_passive(cand.predicate):
        cand.sources = []
    return how


def doer_of_the_object(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """"condemned the offensive carried out by the army", "welcomed the steps taken by the government": praise,
    criticism or rejection of a thing done is aimed at its doer, the agent of the participle describing it."""
    assert cand.match is not None
    code = cand.match.pattern.cameo
    if cand.targets or not (code[:2] in ("11", "12") or code.startswith("051")):
        return how  # not "struck a deal brokered by the US": the broker is no party to the deal
    own = {s.code for s in cand.sources}
    for thing in dict.fromkeys(t for t in (cand.match.target_head, cand.match.object_token) if t is not None):
        if thing.pos_ not in ("NOUN", "PROPN"):
            continue
        agents = [g for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        cand.targets = [m for g in agents for m in index.actors(g) if m.code not in own][:1]
        if cand.targets:
            return how + "; target the doer of the object"
    return how


def receiver_of_a_cut(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """"began cutting off gas to Ukraine", "imposed restrictions on exports to South Korea", "is lifting its
    embargo on arms sales to Vietnam": a cut, or its lifting, reaches whom the "to", "on" or "against" phrase of
    the verb or of its object names."""
    assert cand.match is not None
    code = cand.match.pattern.cameo
    if cand.targets or not (code[:2] == "16" or code[:3] in ("081", "085")):
        return how
    own = {s.actor.country for s in cand.sources}
    found: list[Mention] = []
    layer = [cand.predicate]
    for _ in range(7):  # the verb, its object, the objects of their phrases: "restrictions on exports to Korea"
        below = [c for t in layer for c in t.children if c.dep_ in ("dobj", "prep", "dative", "pobj")
                 and not (c.dep_ in ("prep", "dative") and c.lower_ not in ("to", "on", "against", "of"))]
        found += [m for t in below if t.dep_ == "pobj" and t.head.lower_ != "of" for m in index.actors(t)
                  if m.actor.country not in own and m.kind in ("country", "capital", "institution", "igo")]
        layer = below
    cand.targets = sorted(found, key=lambda m: m.start)[:1]
    if cand.targets:
        how += "; target whom the cut reaches"
    return how


def shared_with_the_next_verb(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """"severed diplomatic relations and cut air links with Qatar": a cut of relations takes the "with", "to" or
    "from" phrase of the verb coordinated after it, which the two verbs share."""
    assert cand.match is not None
    pred = cand.predicate
    if cand.targets or cand.match.pattern.cameo[:2] != "16" or pred.pos_ != "VERB":
        return how
    own = {s.actor.country for s in cand.sources}
    for verb in (c for c in pred.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > pred.i
                 and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)):
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        aimed = [g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("with", "to", "from")
                 for g in p.children if g.dep_ == "pobj"]
        cand.targets = [m for g in aimed for m in index.actors(g) if m.actor.country not in own][:1]
        if cand.targets:
            return how + "; target shared with the verb coordinated after it"
    return how


__all__ = ["antecedent_of_a_relative", "doer_of_the_object", "own_people_as_object", "patient_of_a_passive",
           "receiver_of_a_cut", "reduced_passive_needs_its_patient", "shared_with_the_next_verb"]
