"""Whether a role noun that the parse attaches to another noun names an actor of its own or only modifies the noun
("police station", "militant attack": no actor)."""

from __future__ import annotations

from spacy.tokens import Token

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


__all__ = ["coordinated", "only_modifies"]
