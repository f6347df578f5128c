"""Matching: which word starts a candidate, and the pattern that matches the parse around it.

Patterns from the data files are matched by ``PatternSet.match``; beside them, built-in rules read what a line of
the pattern language cannot say: "X said that Y should/must ..." (an appeal or demand to Y), a warning whose
content names a consequence on a condition (a threat), naming something with words of criticism or praise.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley import lexicon
from parley.events.candidate import Candidate
from parley.events.mentions import ATTACK_SUBJECTS
from parley.events.patterns import Match, Pattern, PatternSet
from parley.events.recode import intent_code
from parley.syntax import REPORTING_VERBS, conjuncts, direct_object
from parley.tone import lexicon as tone_lexicon

STATEMENT_NOUNS = lexicon.words("statement-nouns")
_BUILT_IN = "built-in rule (events/match.py)"
_SAY_SHOULD = Pattern("02.say.should", "020", frozenset(REPORTING_VERBS | STATEMENT_NOUNS), False, (), _BUILT_IN)
_SAY_MUST = Pattern("10.say.must", "100", frozenset(REPORTING_VERBS | STATEMENT_NOUNS), False, (), _BUILT_IN)
CONSEQUENCE_NOUNS = lexicon.mapping("consequence-nouns")
SUFFER_VERBS = lexicon.words("suffer-verbs")
TRIGGER_VERBS = lexicon.words("trigger-verbs")
WARNING_VERBS = lexicon.words("warning-verbs")

_THREAT_PATTERNS = {code: Pattern(f"13.warn.if.{code}", code, frozenset(WARNING_VERBS), False, (),
                                  _BUILT_IN, frozenset({"warning", "conditional-threat"}))
                    for code in ("130", "1312", "138")}


NAMING_VERBS = lexicon.words("naming-verbs")
CRITICISM_WORDS = lexicon.words("criticism-words")
_NAME_CALLING = Pattern("11.call.names", "111", NAMING_VERBS, False, (), _BUILT_IN, frozenset({"aimed"}))
_NAME_PRAISING = Pattern("05.call.praise", "051", NAMING_VERBS, False, (), _BUILT_IN)
_NAME_HOPING = Pattern("01.call.optimistic", "013", NAMING_VERBS, False, (), _BUILT_IN)
#: verbs that put an act to another's charge: "alleged that police beat protesters"
ALLEGING_VERBS = lexicon.words("alleging-verbs")
_ALLEGATION = Pattern("11.allege.act", "112", ALLEGING_VERBS, False, (), _BUILT_IN, frozenset({"aimed"}))
#: verbs of a verdict said on something: "said the annexation was illegal", "the vote amounts to a farce"
VERDICT_VERBS = lexicon.words("verdict-verbs")
#: a court's ruling that an act was unlawful: "the Supreme Court ruled the arrest illegal" (116)
RULING_VERBS = lexicon.words("ruling-verbs")
UNLAWFUL_WORDS = lexicon.words("unlawful-words")
_COURT_VERDICT = Pattern("11.rule.unlawful", "116", RULING_VERBS, False, (), _BUILT_IN, frozenset({"aimed"}))
_REPORTED_VERDICT = Pattern("11.say.verdict", "111", frozenset(REPORTING_VERBS), False, (), _BUILT_IN,
                            frozenset({"aimed"}))


#: the parts of speech a candidate word may have
PREDICATE_POS = ("VERB", "AUX", "NOUN", "PROPN")


def find(token: Token, patterns: PatternSet) -> Candidate | None:
    """The candidate ``token`` starts, with the pattern that matches the parse around it (or None); None when
    no pattern and no built-in rule starts from the word."""
    if token.pos_ not in PREDICATE_POS:
        return None
    if not patterns.candidates(token):
        built_in = _reported_obligation(token) or conditional_threat(token) or _characterisation(token) \
            or _reported_verdict(token) or _allegation(token)
        return Candidate(predicate=token, match=built_in) if built_in is not None else None
    return Candidate(predicate=token, match=patterns.match(token) or _reported_obligation(token)
                     or conditional_threat(token) or _characterisation(token) or _reported_verdict(token)
                     or _allegation(token))


def is_reported_obligation(pattern: Pattern) -> bool:
    """The built-in rule of "X said that Y should/must ..." (020, 100)."""
    return pattern in (_SAY_SHOULD, _SAY_MUST)


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


def conditional_threat(token: Token) -> Match | None:
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
    if marks:
        return _threat_on_condition(marks[0].head, content)
    return _consequence_of_an_act(content) or _ultimatum(token, content)


def _threat_on_condition(condition: Token, content: list[Token]) -> Match | None:
    """"will pay a heavy price if it invades": the consequence named outside the condition, aimed at who pays
    it or at the subject of the condition."""
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


def _consequence_of_an_act(content: list[Token]) -> Match | None:
    """"a Russian invasion would trigger US sanctions", "any US attack will be met with consequences": the
    consequence of another's act, aimed at its doer."""
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
            for verb in conjuncts(c):
                consequence = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                                    for g in p.children if g.dep_ == "pobj"
                                    and g.lemma_.lower() in CONSEQUENCE_NOUNS), None)
                if consequence is not None:
                    return _threat(consequence, cause)
    return None


def _ultimatum(token: Token, content: list[Token]) -> Match | None:
    """An ultimatum: "told Russia to agree to a ceasefire or face new sanctions" threatens the one told."""
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


def own_threat(token: Token, patterns: PatternSet) -> Match | None:
    """"warned that Iran may expel the inspectors": a warning of one's own coercive act threatens it (the act's
    13x code, aimed at the act's target)."""
    for c in token.children:
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB":
            act = patterns.match(c)
            code = intent_code(act.pattern.cameo) if act is not None else None
            if act is not None and code is not None and code[:2] == "13" and act.target_head is not None:
                pattern = Pattern(f"13.warn.own.{code}", code, frozenset(WARNING_VERBS), False, (),
                                  _BUILT_IN, frozenset({"warning"}))
                return Match(pattern, act.target_head, act.object_token)
    return None


def _threat(consequence: Token, target: Token | None) -> Match:
    """The threat a consequence noun makes (130, 1312, 138), aimed at ``target``."""
    return Match(_THREAT_PATTERNS[CONSEQUENCE_NOUNS[consequence.lemma_.lower()]], target, consequence)


def _characterisation(token: Token) -> Match | None:
    """"called Trump an old man bereft of patience" (111), "described the deal as a historic success" (013):
    naming something with words of criticism or praise, by their valence; the thing named is the target."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in NAMING_VERBS:
        return None
    # "described the move as ...", "was described by Maduro as a coup": the thing named, object or passive subject
    named = next((c for c in token.children if c.dep_ == "dobj"), None) or next(
        (c for c in token.children if c.dep_ == "nsubjpass"), None)
    if named is None:
        return None
    complements = [c for c in token.children if c.dep_ in ("oprd", "xcomp", "acomp", "attr")
                   or (c.dep_ == "advcl" and c.pos_ in ("ADJ", "VERB"))]
    complements += [c for c in named.children if c.dep_ == "oprd"]
    for host in (token, named, *named.subtree):
        for prep in host.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":  # "as a sham", 'as "extremely deplorable"'
                complements.extend(g for g in prep.children if g.dep_ in ("pobj", "pcomp", "amod", "acomp"))
    if not complements:
        return None
    lex = tone_lexicon()
    words = [t.lower_ for c in complements for t in c.subtree]
    critical = sum(1 for w in words if w in CRITICISM_WORDS)
    valence = sum(lex.get(w, 0.0) for w in words if w not in CRITICISM_WORDS) - 2.0 * critical
    if valence <= -1.5:
        # the target: the actor named ("labelled Fano an extremist group") or the one its act belongs to
        # ("called Russia's move a provocation"); with none, nothing is coded
        return Match(_NAME_CALLING, named if named.pos_ in ("PROPN", "PRON") else None, named)
    if valence >= 1.5 and not critical:
        # "called Mandela a hero", "described the Ugandan plan as a success" praise an actor or its act (051);
        # "called the deal a historic step", "described the talks as constructive" is an optimistic comment on a
        # situation no actor is named in (013)
        owned = named.pos_ in ("PROPN", "PRON") or any(
            c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
            for c in named.children)
        return Match(_NAME_PRAISING if owned else _NAME_HOPING, named, named)
    return None


def _reported_verdict(token: Token) -> Match | None:
    """"Rouhani said Trump's repudiation of the deal was illegal", "said the vote was a sham": a verdict in words
    of criticism said on an actor or its act criticises the actor (111); the subject of the verdict is the
    target, and with no actor there the candidate is dropped (an "aimed" act)."""
    court = token.lemma_.lower() in RULING_VERBS  # "the court ruled the coup was illegal" (116)
    if token.pos_ != "VERB" or not (court or token.lemma_.lower() in REPORTING_VERBS):
        return None
    words, pattern = (UNLAWFUL_WORDS, _COURT_VERDICT) if court else (CRITICISM_WORDS, _REPORTED_VERDICT)
    for c in token.children:
        if c.dep_ != "ccomp" or any(g.dep_ == "neg" for g in c.children):
            continue
        subject = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if c.lemma_.lower() in VERDICT_VERBS:
            complements = [g for g in c.children if g.dep_ in ("acomp", "attr", "oprd", "dobj")]
            complements += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children
                            if g.dep_ == "pobj"]  # "amounts to a farce"
        elif court and c.pos_ == "ADJ":
            complements = [c]  # "ruled Khan's arrest illegal"
        else:
            continue
        if subject is not None and any(t.lower_ in words for g in complements for t in g.subtree
                                       if t.dep_ != "neg"):
            return Match(pattern, None, subject)  # the target: the actor the subject belongs to
    return None


def _allegation(token: Token) -> Match | None:
    """"The BNP alleged that police attacked its activists", "claimed he was beaten by police": putting an act
    to another actor's charge accuses that actor (112); the doer of the act (subject, or agent of a passive)
    is the target, and with no actor there, or only the speaker's own side, the candidate is dropped."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ALLEGING_VERBS:
        return None
    for c in token.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        doer = next((g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None) \
            or next((g for g in c.children if g.dep_ == "nsubj"), None)
        if doer is not None and doer.pos_ in ("NOUN", "PROPN"):
            return Match(_ALLEGATION, None, doer)  # the target: the actor the doer's phrase names
    return None


__all__ = ["WARNING_VERBS", "conditional_threat", "find", "is_reported_obligation", "own_threat"]
