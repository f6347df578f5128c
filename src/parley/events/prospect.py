"""Acts still to come, read from time (and the threat an "of" phrase belongs to): a present-tense clause of
time ("before troops withdraw", "once he steps down"), an event noun after "ahead of", "before", "on the eve of"
("ahead of talks"), a present-tense act dated ahead ("arrives in Lima Monday", "meets Peru's president
tomorrow"). Each returns its cue, or None; the modality reader (:mod:`parley.events.modality`) decides what
the cue makes of the act."""

from __future__ import annotations

from spacy.tokens import Token

from parley import lexicon

PENDING_MARKS = lexicon.words("pending-marks")
PENDING_PREPOSITIONS = lexicon.words("pending-prepositions")
WEEKDAYS = lexicon.words("weekday-names")
MODAL_FUTURE = lexicon.words("modal-future")
PRESENT_AUXES = lexicon.words("present-auxiliaries")
LATER_PARTS = lexicon.words("later-parts")
TIME_OPENERS = lexicon.words("time-openers")


def _present(clause: Token) -> bool:
    """A finite present-tense clause: "withdraw", "steps down", "are held", "have withdrawn"."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if auxes:
        return auxes[0].lower_ in PRESENT_AUXES
    if clause.tag_ in ("VBZ", "VBP"):
        return True
    # "before the remaining troops withdraw": the parser may tag the plural present as a base form
    return clause.tag_ == "VB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def pending_clause(clause: Token) -> str | None:
    """'before the country imposes tariffs', 'once Mr Taylor steps down': a clause of time in the present tense
    is an act still to come (English puts the future of such clauses in the present). The cue, or None."""
    if clause.dep_ != "advcl" or clause.pos_ not in ("VERB", "AUX"):
        return None
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in PENDING_MARKS), None)
    only_after = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "after"), None)
    if only_after is not None and any(c.dep_ == "advmod" and c.lower_ == "only" for c in clause.children):
        mark = only_after  # "can leave only after the authorities reopen the border": a condition
    if mark is None or not _present(clause):
        return None
    return ("only " if mark is only_after else "") + mark.text


def pending_noun(noun: Token) -> str | None:
    """'ahead of talks', 'in advance of talks between ...', 'on the eve of a protest rally', 'before the start of
    the fourth round of negotiations': an event noun set after a preposition of what is to come. The cue, or
    None. "after the talks" says nothing of the kind."""
    t = noun
    for _ in range(4):  # "the start of the fourth round of negotiations": up the "of" chain to its head noun
        head = t.head
        if t.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
                and head.head.lower_ not in PENDING_PREPOSITIONS:
            t = head.head
            continue
        break
    if t.dep_ != "pobj":
        return None
    prep = t.head
    if prep.lower_ in ("before", "pending", "awaiting"):
        return prep.text
    if prep.lower_ in ("of", "to") and prep.head.lower_ in ("ahead", "prior"):
        return f"{prep.head.text} {prep.text}"  # "ahead of", "prior to"
    if prep.lower_ == "of" and prep.head.lower_ in ("advance", "eve") and prep.head.dep_ == "pobj" \
            and prep.head.head.lower_ in ("in", "on"):
        return f"{prep.head.head.text} ... {prep.head.text} of"  # "in advance of", "on the eve of"
    return None


def future_time(clause: Token) -> str | None:
    """A present-tense act dated ahead ("arrives in Lima later today", "meets Peru's president tomorrow", "is
    flying to Lima next week", "travels to Washington Thursday", "I'm meeting him this afternoon"): scheduled,
    not yet done. The cue, or None."""
    present = clause.tag_ in ("VBZ", "VBP") or (clause.tag_ == "VBG" and any(
        a.dep_ == "aux" and a.lower_ in ("is", "are", "am", "'s", "'re", "’s", "’re", "’m", "'m")
        for a in clause.children))
    if not present or any(a.dep_ in ("aux", "auxpass") and a.lower_ in ("has", "have") for a in clause.children):
        return None
    # a weekday dates only a main act ahead: "as officials meet in Alaska Friday" is the report's own day
    # (nor when the parser missed the "as" or "while" that opens the clause)
    opener = clause.doc[clause.left_edge.i - 1].lower_ if clause.left_edge.i > 0 else ""
    weekday = clause.pos_ == "VERB" and clause.dep_ in ("ROOT", "ccomp", "conj") and opener not in TIME_OPENERS
    for c in clause.children:
        if c.dep_ not in ("npadvmod", "advmod", "prep"):
            continue
        if c.dep_ == "prep":  # "arrives on Monday", "arrives in Lima Monday" (parsed as "in [Lima Monday]")
            day = next((o for o in c.children if o.dep_ == "pobj" and o.lower_ in WEEKDAYS), None)
            if weekday and day is not None and c.lower_ != "since":
                return f"{c.text} {day.text}" if c.lower_ == "on" else day.text
            continue
        if c.lower_ in ("tomorrow", "tonight") or (weekday and c.lower_ in WEEKDAYS):
            return c.text
        if any(d.lower_ == "later" and d.dep_ == "advmod" for d in c.children):
            return "later " + c.text  # "later today", "later this week"
        if any(d.lower_ == "next" and d.dep_ in ("amod", "det") for d in c.children):
            return "next " + c.text  # "next week"
        if weekday and c.lower_ in LATER_PARTS and any(d.lower_ == "this" and d.dep_ == "det" for d in c.children):
            return "this " + c.text  # "this afternoon"
    return None


def headline_future(clause: Token) -> str | None:
    """'United Nations Security Council to meet on Wednesday': a main clause in the infinitive, the headline
    form of an act to come. The cue ("to"), or None."""
    if clause.dep_ != "ROOT" or clause.tag_ != "VB":
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    return next((c.text for c in clause.children if c.dep_ == "aux" and c.lower_ == "to"), None)


def dated(cue: str | None) -> bool:
    """Whether a cue of :func:`future_time` dates the act ahead ("Thursday", "next week", "this afternoon")."""
    words = (cue or "").lower().split()
    return bool(words) and (words[-1] in WEEKDAYS | LATER_PARTS | {"tomorrow", "tonight"}
                            or words[0] in ("later", "next"))


def setting_off(verb: Token) -> bool:
    """A trip under way or to come: "is leaving", "will travel", not "left" or "was travelling"."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if any(a.lower_ in MODAL_FUTURE for a in auxes):
        return True
    return verb.tag_ == "VBG" and any(a.lower_ in ("is", "are", "am", "'s", "'re") for a in auxes)


def threat_of(of: Token) -> str | None:
    """The threat an "of" phrase belongs to, across the nouns the parser may hang it on: "threats of sanctions",
    "threats from the parliament and the UK of sanctions". Its word, or None."""
    t = of.head
    for _ in range(4):
        if t.pos_ == "NOUN" and t.lemma_.lower() == "threat":
            return t.text
        if t.dep_ not in ("pobj", "prep", "conj"):
            return None
        t = t.head
    return None
