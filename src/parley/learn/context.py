"""The context target: an act whose sentence names its source but no other actor takes its target from the
article's earlier sentences, as a reader does (ANNOTATION.md: "context from earlier sentences is used to code a
unit"). "Russia expelled two diplomats. Moscow said the move answered hostile acts": the move answers Britain,
named a sentence before; "Beijing warned that it is determined to safeguard its territory" warns the island the
article is about.

The candidates are the countries (the country part of actor codes, as lenient scoring compares them) named before
the sentence, each with its latest mention; a logistic ranker scores each from how recently and how often it was
named, whether the headline named it, its role, whether it was the source's partner in an earlier event of the
rules, the act's root and the words of the sentence that point back ("it", "the two"). The best-scoring
candidate is the event's target when its score reaches the ``context`` threshold set on dev.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span

from parley.evaluate import country_part
from parley.learn.features import words_of
from parley.learn.linear import Linear
from parley.model import Event, Mention


@dataclass(frozen=True)
class Prior:
    """A country named before the sentence: its latest mention and how the article named it so far."""

    country: str
    mention: Mention
    count: int
    back: int  # sentences between its latest mention and the act's
    first: bool  # named in the article's first sentence (its headline or lead)
    as_source: bool  # the source of an earlier rule event
    as_target: bool  # the target of one
    partner: bool  # the other actor of an earlier rule event of the act's source


class Article:
    """One article's coded actors by sentence, and its rule events: what the context target reads (indexed on
    first use: most documents have no event that asks)."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], events: Sequence[Event]) -> None:
        self.doc, self._mentions, self._events = doc, mentions, events

    @cached_property
    def starts(self) -> list[int]:
        return [s.start_char for s in self.doc.sents]

    @cached_property
    def mentions(self) -> list[Mention]:
        return sorted((m for m in self._mentions if m.code), key=lambda m: m.start)

    @cached_property
    def mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    @cached_property
    def events(self) -> list[Event]:
        return sorted((e for e in self._events if e.occurred), key=lambda e: e.trigger.start)

    @cached_property
    def event_starts(self) -> list[int]:
        return [e.trigger.start for e in self.events]

    def sentence_of(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def priors(self, before: int, source_code: str | None) -> list[Prior]:
        """The countries named before character ``before``, latest first, each with its latest mention of
        another code than the act's source (its own country may be the target: "the opposition")."""
        source = country_part(source_code)
        here = self.sentence_of(before)
        ms = self.mentions[: bisect_left(self.mention_starts, before)]
        count: Counter[str] = Counter()
        latest: dict[str, Mention] = {}
        first: set[str] = set()
        for m in ms:
            c = country_part(m.code)
            if not c:
                continue
            count[c] += 1
            if m.code != source_code:
                latest[c] = m
            if self.sentence_of(m.start) == 0:
                first.add(c)
        sources, targets, partners = set(), set(), set()
        for e in self.events[: bisect_left(self.event_starts, before)]:
            s = country_part(e.source.code) if e.source else None
            t = country_part(e.target.code) if e.target else None
            sources.add(s)
            targets.add(t)
            if source is not None and source in (s, t):
                partners.add(t if s == source else s)
        out = [Prior(c, m, count[c], here - self.sentence_of(m.start), c in first, c in sources, c in targets,
                     c in partners) for c, m in latest.items()]
        return sorted(out, key=lambda p: -p.mention.start)


def _bucket(n: int, edges: Sequence[int]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


def cues(sent: Span | Any) -> frozenset[str]:
    """The words of a sentence that point back at an actor named before it."""
    return frozenset(words_of(sent, "context-cues"))


def features(p: Prior, priors: Sequence[Prior], root: str, source: str | None, said: frozenset[str],
             others_here: bool) -> list[str]:
    """Features of candidate ``p`` among ``priors`` as the target of an act of root ``root`` by ``source``."""
    rank = priors.index(p)
    top = max(q.count for q in priors)
    role = p.mention.code[3:6] if len(p.mention.code) >= 6 else "CTRY"
    base = [f"back={_bucket(p.back, (0, 1, 2, 3, 5))}", f"count={_bucket(p.count, (1, 2, 4))}",
            f"recent={min(rank, 3)}", f"top={int(p.count == top)}", f"first={int(p.first)}", f"role={role}",
            f"kind={p.mention.kind}", f"same={int(p.country == source)}", f"was_source={int(p.as_source)}",
            f"was_target={int(p.as_target)}", f"partner={int(p.partner)}", f"n={_bucket(len(priors), (1, 2, 4))}",
            f"here={int(others_here)}"]
    out = ["bias", *base]
    out += [f"r{root}|{f}" for f in base]
    out += [f"cue={w}|recent={min(rank, 2)}" for w in sorted(said)]
    out += [f"cue={w}|same={int(p.country == source)}" for w in sorted(said)]
    out.append(f"partner={int(p.partner)}|recent={min(rank, 2)}")
    out.append(f"same={int(p.country == source)}|recent={min(rank, 2)}")
    return out


def choose(model: Linear, article: Article, sent: Span, root: str, source: str | None,
           mentions: Sequence[Mention] = (), said: frozenset[str] | None = None) -> tuple[Mention, float] | None:
    """The earlier actor the ranker scores highest as the target of the act of root ``root`` by ``source`` in
    ``sent`` (whose own coded actors are ``mentions``), with its score; None when nothing was named before.
    ``said``: the sentence's :func:`cues`, when the caller has them."""
    src = country_part(source)
    priors = article.priors(sent.start_char, source)
    if not priors:
        return None
    if said is None:
        said = cues(sent)
    here = any(country_part(m.code) != src for m in mentions if m.code)
    scores = model.proba_many([features(p, priors, root, src, said, here) for p in priors])[:, 0]
    best = int(scores.argmax())
    return priors[best].mention, float(scores[best])


def targets(model: Linear, article: Article, sent: Span, mentions: Sequence[Mention], events: Sequence[Event]
            ) -> dict[str, tuple[Mention, float]]:
    """:func:`choose` for each of ``events`` (of one sentence) that has a source: by event id."""
    out = {}
    said = None  # the sentence's cues, found once for all its events
    for e in events:
        if e.source is None:
            continue
        said = cues(sent) if said is None else said
        if found := choose(model, article, sent, e.root, e.source.code, mentions, said):
            out[e.id] = found
    return out


def examples(data: Sequence[Any], required: Any) -> tuple[list[list[str]], list[int]]:
    """(rows, labels) from coded units (``train.Coded``): for each gold event that happened, with a source and a
    target that none of the unit's mentions carries, every country named before the unit, labelled by whether it
    is the gold target's (or one of its ``target_alt``'s) country. ``required`` picks the gold events that
    happened."""
    by_doc: dict[int, list[Any]] = defaultdict(list)
    for c in data:
        by_doc[id(c.doc)].append(c)
    rows: list[list[str]] = []
    ys: list[int] = []
    for units in by_doc.values():
        events = units[0].article_events
        article = Article(units[0].doc, units[0].all_mentions,
                          [e for c in units for e in c.events] if events is None else events)
        for c in units:
            here = {country_part(m.code) for m in c.mentions if m.code}
            said = None
            for g in required(c.gold):
                target, source = country_part(g.get("target")), country_part(g.get("source"))
                if target is None or source is None or target in here:
                    continue
                priors = article.priors(c.span.start_char, g.get("source"))
                if not priors:
                    continue
                said = cues(c.span) if said is None else said
                gold = {target, *(country_part(t) for t in g.get("target_alt") or [])}
                root = str(g["cameo"])[:2]
                others = bool(here - {source})
                for p in priors:
                    rows.append(features(p, priors, root, source, said, others))
                    ys.append(int(p.country in gold))
    return rows, ys


__all__ = ["Article", "Prior", "choose", "cues", "examples", "features", "targets"]
