"""Attribution readings: the features of a sentence's mentions as the possible actors of the act one word expresses,
found once per word and shared by the layer's re-reads, target and source filling and candidate events."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Span, Token

from parley.events.mentions import MentionIndex
from parley.learn.features import (
    Counts,
    argument_tags,
    between_counts,
    head_of,
    mention_features,
    said_around,
    sentence_cues,
)
from parley.learn.linear import Linear
from parley.model import Mention


class Reading:
    """The attribution features of every mention of a sentence against one word (as the possible actors of the
    act of ``root`` it expresses), found once, and each model's scores of them, computed once when first asked."""

    def __init__(self, sent: Span, token: Token, root: str, mentions: Sequence[Mention], index: MentionIndex,
                 heads: Sequence[Token | None], counts: Counts) -> None:
        self.token, self.heads = token, heads
        args, said = argument_tags(token, index), said_around(token)
        self.feats = [mention_features(sent, m, root, i, token, args, said, head=heads[i], counts=counts)
                      for i, m in enumerate(mentions)]
        self._scores: dict[int, np.ndarray] = {}

    def scores(self, model: Linear) -> np.ndarray:
        """The first label's probability for each mention, in order."""
        if id(model) not in self._scores:
            self._scores[id(model)] = model.proba_many(self.feats)[:, 0]
        return self._scores[id(model)]


class Readings:
    """The :class:`Reading` of each word of one sentence, found once; and what they share, found once for the
    sentence: the mentions' heads and the running counts of what lies between two words."""

    def __init__(self, sent: Span, mentions: Sequence[Mention], index: MentionIndex) -> None:
        self.sent, self.mentions, self.index = sent, mentions, index
        self._shared: tuple[list[Token | None], Counts] | None = None
        self._by: dict[tuple[int, str], Reading] = {}
        self._cues: list[str] | None = None

    @property
    def cues(self) -> list[str]:
        """The sentence's :func:`sentence_cues`, found once."""
        if self._cues is None:
            self._cues = sentence_cues(self.sent)
        return self._cues

    def of(self, token: Token, root: str) -> Reading:
        if (token.i, root) not in self._by:
            if self._shared is None:
                self._shared = [head_of(self.sent, m) for m in self.mentions], between_counts(self.sent)
            self._by[token.i, root] = Reading(self.sent, token, root, self.mentions, self.index, *self._shared)
        return self._by[token.i, root]


def coordinated(sent: Span, mention: Mention | None, index: MentionIndex, head: Token | None = None
                 ) -> tuple[Mention, ...]:
    """The other actors coordinated with ``mention`` ("Russia" in "China and Russia"), of other codes. ``head``:
    its :func:`head_of`, when the caller has it."""
    if mention is None:
        return ()
    if head is None:
        head = head_of(sent, mention)
    if head is None:
        return ()
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    seen = {mention.code}
    out = []
    for m in index.actors(head):
        if m.code and m.code not in seen:
            seen.add(m.code)
            out.append(m)
    return tuple(out)
