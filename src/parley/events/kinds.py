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
from parley.syntax import direct_object

# The kind of act an appeal, a demand, a rejection or an expressed intent is about. CAMEO gives these four
# verbal roots the same sub-codes by kind of act ("urged Israel to release prisoners" 0253, "demanded that
# Israel release" 1053, "rejected calls to release" 1243, "agreed to release" 0353), so the coder reads the act
# named in the complement and codes the verbal act by the act's kind. The key is the act's code prefix,
# longest first.
ACT_KINDS = {
    "06": "material", "061": "economic", "062": "military", "063": "judicial", "064": "intelligence",
    "05": "diplomatic", "050": "cooperate", "051": "diplomatic", "057": "settle",
    "07": "aid", "071": "economic-aid", "072": "military-aid", "073": "humanitarian-aid", "074": "peacekeeping",
    "083": "reform", "0831": "leadership", "0832": "policy", "0833": "rights", "0834": "regime",
    "08": "yield", "081": "administrative", "0811": "administrative", "0812": "administrative",
    "0813": "administrative", "0814": "administrative", "082": "dissent", "084": "release", "0841": "release",
    "0842": "release", "085": "economic-sanctions", "086": "involvement", "0861": "involvement",
    "0862": "involvement", "0863": "involvement", "087": "de-escalation", "0871": "de-escalation",
    "0872": "de-escalation", "0873": "de-escalation", "0874": "de-escalation",
    "04": "meet", "045": "mediate", "046": "meet",
}
#: the code of each verbal root for each kind of act
#: where each kind of act sits under an appeal (02x) and a demand (10x), which CAMEO numbers alike
_KIND_PLACES = {
    "cooperate": "1", "material": "1", "economic": "11", "military": "12", "judicial": "13", "intelligence": "14",
    "diplomatic": "2", "aid": "3", "economic-aid": "31", "military-aid": "32", "humanitarian-aid": "33",
    "peacekeeping": "34", "reform": "4", "leadership": "41", "policy": "42", "rights": "43", "regime": "44",
    "yield": "5", "administrative": "51", "dissent": "52", "release": "53", "economic-sanctions": "54",
    "involvement": "55", "de-escalation": "56", "meet": "6", "settle": "7", "mediate": "8",
}
#: the code of each verbal root for each kind of act; intents (03x) number alike but cooperation in general is
#: 030 and mediating 039 (038 is accepting mediation); rejections (12x) have no diplomatic or intelligence codes
#: and number the rest their own way
KIND_CODES: dict[str, dict[str, str]] = {
    "02": {kind: "02" + place for kind, place in _KIND_PLACES.items()},
    "10": {kind: "10" + place for kind, place in _KIND_PLACES.items()},
    "03": {**{kind: "03" + place for kind, place in _KIND_PLACES.items()}, "cooperate": "030", "mediate": "039"},
    "12": {"cooperate": "120", "material": "121", "economic": "1211", "military": "1212", "judicial": "1213",
           "aid": "122", "economic-aid": "1221", "military-aid": "1222", "humanitarian-aid": "1223",
           "peacekeeping": "1224", "reform": "123", "leadership": "1231", "policy": "1232", "rights": "1233",
           "regime": "1234", "diplomatic": "120", "yield": "124", "administrative": "1241", "dissent": "1242",
           "release": "1243", "economic-sanctions": "1244", "involvement": "1245", "de-escalation": "1246",
           "meet": "125", "mediate": "126", "settle": "127"},
}


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
