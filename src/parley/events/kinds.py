"""Kinds of act, and the sub-codes CAMEO gives the verbal acts about them.

CAMEO codes an appeal (02), an expressed intent (03), a demand (10) and a rejection (12) by the kind of act they
are about: "urged Israel to release prisoners" 0253, "demanded that Israel release" 1053, "rejected calls to
release" 1243, "agreed to release" 0353. This module says what kind of act a word names -- by its own pattern's
code, its object ("end the curbs"), its verb ("resign"), or the act a request noun carries ("a proposal for a
ceasefire") -- and which code each verbal root gives each kind. The coder applies it (``recode.py``).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from parley import lexicon
from parley.events.patterns import PatternSet
from parley.ontology import ontology
from parley.syntax import direct_object

# The kind of act an appeal, a demand, a rejection or an expressed intent is about, by the act's code prefix
# (longest first), and the code each of these verbal roots gives each kind: CAMEO tables, in data/ontology
# (act_kinds.tsv, kind_codes.tsv).
ACT_KINDS = ontology().act_kinds()
KIND_CODES = ontology().kind_codes()


def act_kind(cameo: str) -> str | None:
    """The kind of act (``ACT_KINDS``) of a CAMEO code, by its longest listed prefix."""
    for n in (4, 3, 2):
        kind = ACT_KINDS.get(cameo[:n])
        if kind is not None:
            return kind
    return None


REQUEST_NOUNS = lexicon.words("request-nouns")
KIND_NOUNS = lexicon.mapping("act-nouns")


AID_MODIFIERS = lexicon.mapping("aid-modifiers")
LIGHT_VERBS = lexicon.words("light-verbs")
KIND_VERBS = lexicon.mapping("act-verbs")


REFORM_MODIFIERS = lexicon.mapping("reform-modifiers")


AGREEMENT_MODIFIERS = lexicon.mapping("agreement-modifiers")


def noun_kind(noun: Token) -> str | None:
    kind = KIND_NOUNS.get(noun.lemma_.lower()) or KIND_NOUNS.get(noun.lower_)
    modifiers = {"aid": AID_MODIFIERS, "reform": REFORM_MODIFIERS, "policy": REFORM_MODIFIERS,
                 "settle": AGREEMENT_MODIFIERS}.get(kind or "")
    if modifiers is not None:
        for c in noun.children:
            if c.dep_ in ("amod", "compound"):
                kind = modifiers.get(c.lemma_.lower(), modifiers.get(c.lower_, kind))
    return kind


def act_kind_of(token: Token, by_token: dict[int, Any], patterns: PatternSet, depth: int = 0) -> str | None:
    """The kind of act a word names: its object's kind ("end curbs", "provide information"), the code of its
    own pattern, its verb ("resign"), or the act carried by a request noun ("a proposal for a ceasefire")."""
    if depth > 3:
        return None
    cand = by_token.get(token.i)
    own = cand.match.pattern.cameo if cand is not None and cand.match is not None \
        and not (cand.dropped or "").startswith("'") else None
    if token.pos_ in ("VERB", "AUX"):
        if any(w.lower_.startswith("peacekeep") for w in token.subtree):
            return "peacekeeping"  # "to deploy peacekeeping forces", "for peacekeepers to be sent"
        if own is not None and act_kind(own) is not None and token.lemma_.lower() not in LIGHT_VERBS:
            return act_kind(own)  # "to broker an agreement": mediation, whatever is brokered
        obj = direct_object(token)
        objects = [c for c in token.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN")]
        for o in ([obj] if obj is not None and obj.pos_ in ("NOUN", "PROPN") else []) + objects:
            kind = noun_kind(o)  # "grant the Hutu majority more rights"
            if kind is not None:
                return kind
        if obj is None:  # "agree to constitutional changes", "settle on a ceasefire"
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon"):
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    kind = noun_kind(pobj) if pobj is not None else None
                    if kind is not None:
                        return kind
    if own is not None:
        kind = act_kind(own)
        if kind is not None:
            return kind
    if cand is None:
        match = patterns.match(token)
        if match is not None:
            kind = act_kind(match.pattern.cameo)
            if kind is not None:
                return kind
    if token.pos_ in ("NOUN", "PROPN"):
        lemma = token.lemma_.lower()
        if lemma in REQUEST_NOUNS:
            if any(w.lower_.startswith("peacekeep") for w in token.subtree):
                return "peacekeeping"  # "a call for its peacekeeping forces to be deployed"
            for c in token.children:
                # "a request to question detainees", "a proposal for a ceasefire", "calls for reform"
                if c.dep_ in ("acl", "relcl", "xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                    kind = act_kind_of(c, by_token, patterns, depth + 1)
                    if kind:
                        return kind
                if c.dep_ == "prep" and c.lower_ in ("for", "of", "on"):
                    for g in c.children:
                        if g.dep_ in ("pobj", "pcomp"):
                            kind = act_kind_of(g, by_token, patterns, depth + 1)
                            if kind:
                                return kind
            return None
        return noun_kind(token)
    if token.pos_ in ("VERB", "AUX"):
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        lemma = token.lemma_.lower()
        kind = KIND_VERBS.get(f"{lemma}_{particle}") if particle else None
        if kind is None:
            kind = KIND_VERBS.get(lemma)
        if kind is not None:
            return kind
        for c in token.children:  # "must be ready to mediate", "be willing to talk"
            if c.dep_ in ("xcomp", "acomp"):
                kind = act_kind_of(c, by_token, patterns, depth + 1)
                if kind is not None:
                    return kind
    if token.pos_ == "ADJ":
        for c in token.children:
            if c.dep_ == "xcomp":
                return act_kind_of(c, by_token, patterns, depth + 1)
    return None


def asked_act(predicate: Token, by_token: dict[int, Any], patterns: PatternSet,
               clauses_only: bool = False) -> str | None:
    """The kind of act an appeal, demand, rejection or intent names: its infinitive or clause
    ("urged Iran to release"), or its object or "for" noun ("demanded reforms", "called for talks")."""
    hosts = [predicate, *(c for c in predicate.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "to"))]
    for host in hosts:
        for c in host.children:
            # "urged Iran to release", "called for new polls to be held"
            if (c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(
                    g.dep_ == "mark" and g.lower_ == "for" for g in c.children))) and c.pos_ in ("VERB", "AUX"):
                kind = act_kind_of(c, by_token, patterns)
                if kind is not None:
                    return kind
    for c in predicate.children:
        if clauses_only and not (c.dep_ == "dobj" and c.lemma_.lower() in REQUEST_NOUNS):
            continue  # an intent's own object noun is the act its pattern coded; "reached a consensus to ..."
        if c.dep_ in ("dobj", "nsubjpass"):
            kind = act_kind_of(c, by_token, patterns)
            if kind is not None:
                return kind
        if c.dep_ == "prep" and c.lower_ in ("for", "on"):
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    kind = act_kind_of(g, by_token, patterns)
                    if kind is not None:
                        return kind
    return None


def asked_act_is_request(token: Token) -> bool:
    """"would not meet the kidnappers' demands": to meet a demand is to accede to it, not a meeting."""
    obj = direct_object(token)
    return obj is not None and obj.lemma_.lower() in REQUEST_NOUNS


def refused_kind(token: Token, cameo: str, patterns: PatternSet) -> str | None:
    """The kind of act refused: the act a demand asks for ("would not meet demands to release prisoners"),
    else the act's own kind."""
    obj = direct_object(token)
    if obj is not None and obj.lemma_.lower() in REQUEST_NOUNS:
        kind = act_kind_of(obj, {}, patterns)
        if kind is not None:
            return kind
    return act_kind(cameo)


__all__ = ["ACT_KINDS", "KIND_CODES", "KIND_NOUNS", "KIND_VERBS", "REQUEST_NOUNS", "act_kind", "act_kind_of", "asked_act",
           "asked_act_is_request", "noun_kind", "refused_kind"]
