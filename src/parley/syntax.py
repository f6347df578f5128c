"""Syntax helpers on the dependency parse, shared by the event coder, quotations and coreference.

Who does an act (``subject_head``: subject, passive agent, possessor of an event noun, or the subject a clause
inherits through coordination, control, participles and relative clauses), the object of a verb or preposition
(``direct_object``), passives and coordinated conjuncts, and climbing from a noun to the clause that holds it
(``clause_of_phrase``: "came to Cairo for talks") or to what a free relative names (``free_relative_noun``). The words these rules test for are word classes in
``data/lexicon``.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley import lexicon

#: dependency labels of a verb's object
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
#: dependency labels of a clause's subject, active or passive
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_CONTROL = lexicon.words("object-control")
NOUN_OWNING_VERBS = lexicon.words("noun-owning-verbs")
LEAVING_NOUNS = lexicon.words("leaving-nouns")
CONTAINER_NOUNS = lexicon.words("container-nouns")
RELATIVE_PRONOUNS = lexicon.words("relative-pronouns")
SPEECH_ACT_VERBS = lexicon.words("speech-act-verbs")
REPORTING_VERBS = lexicon.words("reporting-verbs")
GUILT_ADJECTIVES = lexicon.words("guilt-adjectives")
RESORT_VERBS = lexicon.words("resort-verbs")
PRESSING_NOUNS = lexicon.words("pressing-nouns")
FEELING_PARTICIPLES = lexicon.words("feeling-participles")
#: prepositions that set a meeting or visit in a clause: "for talks", "during a visit", "at a meeting", "in a call"
PHRASE_PREPOSITIONS = lexicon.words("phrase-prepositions")
#: nouns that frame an event in time: "the end of a visit", "on the sidelines of the summit"
FRAME_NOUNS = lexicon.words("frame-nouns")


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the words coordinated with it ("Russia, China and Iran")."""
    out = [token]
    for c in token.children:
        if c.dep_ == "conj" or _listed_as_apposition(token, c):
            out.extend(conjuncts(c))
    return out


def _listed_as_apposition(token: Token, c: Token) -> bool:
    """"Saudi Arabia, Egypt, Bahrain and the UAE": the parser may read the second name of a list as an
    apposition to the first, the rest coordinated with it; a name whose conjuncts close with "and" or "or"
    is the list's next member, not another name for the first."""
    return c.dep_ == "appos" and token.pos_ == "PROPN" and c.pos_ == "PROPN" and c.i > token.i \
        and any(g.dep_ == "conj" for g in c.children) \
        and any(t.dep_ == "cc" and t.lower_ in ("and", "or") for t in c.subtree)


def is_subject(token: Token, of: Token | None = None) -> bool:
    """Whether ``token`` is the subject of a clause (of the clause of the verb ``of``, when given)."""
    return token.dep_ in SUBJECT_DEPS and (of is None or token.head == of)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def reduced_passive(verb: Token) -> bool:
    """A past participle with a "by" agent and no auxiliary: "her predecessor detained by police", "the offensive
    carried out by the army" (the parser may give it the patient as subject: "saw the leader detained by ...")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def marked_infinitive(verb: Token) -> bool:
    """Whether ``verb`` carries its own infinitive marker ("to meet", "for both sides to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def direct_object(anchor: Token) -> Token | None:
    """The object of a verb (its passive subject in a passive clause), or of a preposition."""
    if anchor.dep_ in ("prep", "agent") or anchor.pos_ == "ADP":
        for c in anchor.children:
            if c.dep_ in ("pobj", "pcomp"):
                return c
        return None
    passive = is_passive(anchor)
    for c in anchor.children:
        if c.dep_ in OBJECT_DEPS or (passive and c.dep_ == "nsubjpass"):
            return c
    if anchor.pos_ in ("NOUN", "PROPN"):
        return None
    # "kidnapped up to 16 advisers": the parser makes "up" a particle and the counted object a "to" object
    prt = next((c for c in anchor.children if c.dep_ == "prt" and c.lower_ in ("up", "over")), None)
    if prt is not None:
        to = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "to" and c.i == prt.i + 1), None)
        counted = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
        if counted is not None and any(g.dep_ == "nummod" or g.like_num for g in counted.subtree):
            return counted
    # right node raising: "fund and arm Ukraine" gives "fund" the object of "arm"
    for c in anchor.children:
        if c.dep_ == "conj" and c.pos_ == "VERB":
            for cc in c.children:
                if cc.dep_ in OBJECT_DEPS:
                    return cc
    return None


def grammatical_subject(pred: Token, deps: tuple[str, ...] = SUBJECT_DEPS) -> Token | None:
    """The subject child of ``pred``. When the parser gives two ("EU High Representative ... Kaja Kallas
    accused"), the one nearest before the verb is the name the title belongs to."""
    subjects = [c for c in pred.children if c.dep_ in deps]
    if len(subjects) > 1:
        before = [c for c in subjects if c.i < pred.i]
        if before:
            return max(before, key=lambda c: c.i)
    return subjects[0] if subjects else None


def subject_head(pred: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The token heading the phrase that does the act of ``pred``, and how it was found: the possessor, "by"
    object or modifier of an event noun, the agent of a passive, the subject, or the subject the clause
    inherits through coordination, control, participles and relative clauses."""
    if depth > 6:
        return None, "none"
    if pred.pos_ in ("NOUN", "PROPN"):
        return _noun_doer(pred, depth)
    if is_passive(pred) or (depth == 0 and reduced_passive(pred)):  # not a controller: "efforts led by X to .."
        return _passive_doer(pred)
    c = grammatical_subject(pred, ("nsubj", "csubj", "expl"))
    if c is not None:
        if c.lower_ in RELATIVE_PRONOUNS and pred.dep_ == "relcl":
            return pred.head, "relative"
        return c, "subject"
    return _inherited_subject(pred, depth)


def _noun_doer(pred: Token, depth: int) -> tuple[Token | None, str]:
    """Who does the act an event noun names: "Russia's strikes", "sanctions by the EU", "EU sanctions"; or the
    subject of the clause that holds the noun ("Iran set conditions", "ready for talks")."""
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


def _passive_doer(pred: Token) -> tuple[Token | None, str]:
    """The "by" agent of a passive; the subject of a participle of feeling ("Japan was concerned about")."""
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


def _inherited_subject(pred: Token, depth: int) -> tuple[Token | None, str]:
    """A verb with no subject of its own takes one from the clause it hangs on: coordination, control
    ("agreed to meet", "urged Israel to halt"), participles, relative and reduced relative clauses."""
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
    ) and any(c.dep_ == "dobj" for v in conjuncts(pred) for c in v.children):
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


def clause_of_phrase(noun: Token) -> Token | None:
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


def free_relative_noun(pred: Token) -> Token | None:
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


__all__ = ["clause_of_phrase", "conjuncts", "direct_object", "free_relative_noun", "grammatical_subject",
           "is_passive", "marked_infinitive", "reduced_passive", "subject_head"]
