"""Whether a role noun that the parse attaches to another noun names an actor of its own or only modifies the noun
("police station", "militant attack": no actor)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from parley import lexicon

MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
ACTION_HEADS = lexicon.words("action-heads")


def only_modifies(head: Token, owner: bool = True) -> bool:
    """Is the role noun ``head`` a mere modifier of the noun it is attached to? Not when it owns that noun and
    ``owner`` says an owner counts ("the army's recapture", "the police's response": a state body that owns is
    someone; "the union's spokeswoman" speaks for no one the text names), nor when the noun is an act of it ("police
    raids", ACTION_HEADS), nor when it heads a coordination the parser hung on the last conjunct's noun
    ("clashes between police and opposition protesters": police and protesters, not police protesters)."""
    if head.dep_ not in MODIFIER_DEPS:
        return False
    if (owner and head.dep_ == "poss") or head.head.lemma_.lower() in ACTION_HEADS:
        return False
    return not coordinated(head)


def coordinated(t: Token) -> bool:
    """A noun the parser hung as a modifier on the noun of the last of a coordination ("police" in "between
    police and opposition protesters"): an actor beside that noun's, not a modifier of it."""
    return t.dep_ == "nmod" and any(c.dep_ == "cc" for c in t.children) and any(c.dep_ == "conj" for c in t.children)


def capitalised_body(span: Span) -> bool:
    """A role phrase of several words capitalised as a house style after "the" ("the Supreme Court ruled", "the
    Interior Ministry said"): the text's own body, not a word of a longer name ("the Supreme Court of Canada",
    "the High Court Bar Association", "the Nigerian Interior Ministry" are left to the names). No capitalised
    word stands beside it, and no entity runs past it."""
    doc = span.doc
    if len(span) < 2 or span.start == 0 or doc[span.start - 1].lower_ != "the":
        return False
    if not all(t.text[:1].isupper() and not t.text.isupper() for t in span if t.is_alpha):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.text[:1].isupper() or after.lower_ == "of"):
        return False
    return all(not t.ent_type_ or _entity_within(t, span.start - 1, span.end) for t in span)


def _entity_within(t: Token, start: int, end: int) -> bool:
    ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
    return ent is None or (ent.start >= start and ent.end <= end)


def capital_role(span: Span) -> bool:
    """A one-word role capitalised as a house style ("Parliament", "Cabinet", "Senate"), not a word of a longer
    name ("the Hostages and Missing Families Forum", "Parliament House"): the word is its own entity, if any,
    and no capitalised word stands beside it."""
    if len(span) != 1:
        return False
    t = span[0]
    if not t.text[:1].isupper() or t.text.isupper():
        return False
    if t.ent_type_ and (t.ent_iob_ != "B" or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].ent_iob_ == "I")):
        return False
    doc = t.doc
    return all(not (0 <= j < len(doc)) or not doc[j].text[:1].isupper() or starts_sentence(doc[j])
               for j in (t.i - 1, t.i + 1))


def acronym(t: Token) -> bool:
    """A role written in capitals ("MPs", "MEPs"), not a word of a name."""
    return len(t.text) >= 2 and t.text.removesuffix("s").isupper()


def starts_sentence(t: Token) -> bool:
    """The first word of its sentence, after any blanked-out dateline."""
    return t.i == t.sent.start or all(x.is_space for x in t.doc[t.sent.start:t.i])


__all__ = ["acronym", "capital_role", "capitalised_body", "coordinated", "only_modifies", "starts_sentence"]
