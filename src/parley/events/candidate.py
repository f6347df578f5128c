"""A candidate: a word a pattern starts from, and every decision the coder takes about it (for ``explain``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from parley.events.modality import Modality
from parley.events.patterns import Match
from parley.model import Event, Mention


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
    unknown_doer: bool = False  # violence with a named victim and no named doer ("a journalist was killed")

    def confidence(self, has_target: bool) -> float:
        """How sure the coder is of an event from this candidate: how the source was found, a target, a
        specific pattern."""
        score = 0.55
        if self.how in ("subject", "agent", "possessor"):
            score += 0.15
        if has_target:
            score += 0.15
        if self.match is not None and self.match.pattern.specificity >= 3:
            score += 0.1
        return round(min(score, 0.95), 2)


__all__ = ["Candidate"]
