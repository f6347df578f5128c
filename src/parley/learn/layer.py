"""The trained event layer: rules and learned models combined, precision first.

For each sentence, after the rules have coded it:

1. the **verifier** scores every rule event that counts as having happened (of a pattern family the corpus has
   shown often enough); for one below its threshold, the attribution models read the same act's source and
   target again, and their reading replaces the rule's when it differs (the act stays: nothing is dropped);
2. the **detector** reads every verb, noun and adjective of the sentence and scores which CAMEO root, if any, the
   word expresses (softmax over "none" and the 20 roots); a root above its threshold that no kept rule event of
   the sentence has becomes a model event, if
3. the **modality** model says the act happened (parley's own modality reading is one of its features),
4. **attribution** finds its source among the sentence's actor mentions (and its target, when one scores high
   enough) from their dependency paths to the word; its code is the one that word had most often in the corpus.

Every model event says ``rule = "model:<name>"`` and carries its detector score as ``confidence``; every decision
(kept, dropped, added, not added and why) is kept as a :class:`Decision` for ``parley explain``.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from parley import errors
from parley.events.arguments import first_named_pairs
from parley.events.coder import evidence_text
from parley.events.mentions import MentionIndex
from parley.events.modality import PLANNING_VERBS, classify
from parley.learn import context as context_mod
from parley.learn.features import (
    event_features,
    candidates_in,
    lemma,
    modality_features,
    rule_family,
    rule_words,
    sentence_features,
    token_features,
    token_vectors,
)
from parley.learn.linear import Linear
from parley.learn.reading import Reading, Readings, coordinated
from parley.model import ActorRef, Event, Location, Mention
from parley.model import Span as TextSpan
from parley.ontology import ontology, plover_for, reciprocal

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "events"
ROOTS = tuple(f"{i:02d}" for i in range(1, 21))
CANDIDATE_FLOOR = 0.25  # detector scores below the lowest threshold tuning tries are not candidates at all
MIN_VERIFIED = 20  # events of a pattern family the verifier must have learned from before it may drop one


@dataclass(frozen=True)
class Thresholds:
    verify: float = 0.0  # rule events scoring below have their actors re-read (0: none)
    detect: float = 1.01  # roots scoring at or above become model events (>1: none)
    happened: float = 0.5  # the modality model's score an added event needs
    source: float = 0.5
    target: float = 0.5
    drop: float = 0.0  # rule events the verifier scores below this are dropped (0: none; tuning decides)
    fill: float = 1.01  # a rule event with no target takes the target attribution scores at or above this (>1: none)
    fill_source: float = 1.01  # and one with no source, the source attribution scores at or above this (>1: none)
    context: float = 1.01  # an event still with no target takes the earlier actor the context ranker scores at or
    # above this (>1: none; learn/context.py)


@dataclass(frozen=True)
class Decision:
    """What the layer did with one rule event or one candidate root, and the scores that decided."""

    sentence: int
    kind: str  # "rule" or "model"
    root: str
    score: float
    outcome: str  # kept, dropped, added, not added: <reason>
    event: Event | None = None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Candidate:
    sentence: int
    root: str
    score: float
    event: Event | None  # None when no source was found
    source_score: float
    target_score: float
    happened: float = 1.0
    #: the mentions coordinated with the chosen source and target ("the United States, Egypt and Qatar urged
    #: Israel and Hamas ..."): each takes part in the act, one event each (ANNOTATION.md)
    also_sources: tuple[Mention, ...] = ()
    also_targets: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class SentenceScores:
    """Everything the layer computed on one sentence; :meth:`Layer.select` turns it into events."""

    sentence: int
    rule_events: tuple[tuple[Event, float, Candidate | None], ...]  # (event, verifier score (1.0: not scored),
    # the same act with its actors as the attribution models read them, for an event the verifier doubts)
    candidates: tuple[Candidate, ...]
    #: for a rule event (by id) that found no target: the mention attribution reads as its target, and its score
    targets: dict[str, tuple[Mention, float]] = field(default_factory=dict)
    #: likewise, for a rule event that found no source ("twelve people were killed in Peru air strikes")
    sources: dict[str, tuple[Mention, float]] = field(default_factory=dict)
    #: for an event (rule or model, by id) with a source: the actor of earlier sentences the context ranker
    #: scores highest as its target, and its score ("Beijing warned that it is determined to ...")
    context: dict[str, tuple[Mention, float]] = field(default_factory=dict)


class Layer:
    """The trained models of one version, loaded once; stateless per document."""

    def __init__(self, detector: Linear, source: Linear, target: Linear, verifier: Linear | None,
                 lexicon: dict[str, Any], meta: dict[str, Any], modality: Linear | None = None,
                 context: Linear | None = None) -> None:
        self.meta = meta
        self.name = f"{meta.get('name', 'events')}-{meta.get('version', '0')}"
        self.detector, self.source, self.target, self.verifier = detector, source, target, verifier
        self.modality, self.context = modality, context
        self.triggers: dict[str, dict[str, dict[str, int]]] = lexicon["triggers"]  # root -> lemma -> code -> n
        self.root_codes: dict[str, str] = lexicon["root_codes"]  # root -> its most frequent code
        #: the words that triggered an annotated event in the training corpus: the detector reads only these (on
        #: the corpus dev split no model event came from another word, and they are 40 % of the words it read)
        self.trigger_words: frozenset[str] = frozenset(w for ws in self.triggers.values() for w in ws)
        #: how many events of each pattern family the verifier learned from; it judges only families it has seen
        #: often enough, and keeps the others (the rules' rarer patterns, which the corpus cannot vouch for)
        self.verified_rules: dict[str, int] = lexicon.get("verified_rules", {})
        t = meta.get("thresholds") or {}
        self.thresholds = Thresholds(**t)

    @classmethod
    def load(cls, path: Path = MODEL_DIR) -> Layer:
        meta_path = path / "meta.json"
        if not meta_path.exists():
            raise errors.ConfigError(f"no trained model at {path} (train one with `parley train`)")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            lexicon = json.loads((path / "triggers.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise errors.ConfigError(f"cannot read the trained model at {path}: {exc}") from None
        verify, modality, context = path / "verify.npz", path / "modality.npz", path / "context.npz"
        return cls(Linear.load(path / "detect.npz"), Linear.load(path / "source.npz"),
                   Linear.load(path / "target.npz"), Linear.load(verify) if verify.exists() else None,
                   lexicon, meta, Linear.load(modality) if modality.exists() else None,
                   Linear.load(context) if context.exists() else None)

    def save(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        self.detector.save(path / "detect.npz")
        self.source.save(path / "source.npz")
        self.target.save(path / "target.npz")
        if self.verifier is not None:
            self.verifier.save(path / "verify.npz")
        if self.modality is not None:
            self.modality.save(path / "modality.npz")
        if self.context is not None:
            self.context.save(path / "context.npz")
        lexicon = {"triggers": self.triggers, "root_codes": self.root_codes, "verified_rules": self.verified_rules}
        (path / "triggers.json").write_text(json.dumps(lexicon, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                                            encoding="utf-8")
        (path / "meta.json").write_text(json.dumps(self.meta, ensure_ascii=False, sort_keys=True, indent=2) + "\n",
                                        encoding="utf-8")

    # -- scoring ----------------------------------------------------------------------------------
    def score(self, doc: Doc, mentions: Sequence[Mention], events: Sequence[Event], *, doc_id: str,
              within: tuple[int, int] | None = None, reread_below: float | None = None,
              rules_saw: dict[int, tuple[str | None, str]] | None = None,
              candidate_floor: float | None = None, article_events: Sequence[Event] | None = None
              ) -> list[SentenceScores]:
        """Score every sentence of ``doc`` (or those overlapping the character range ``within``, reading words
        only inside it: spaCy may join a unit's first sentence to the one before).

        Only what a choice can use is computed: the detector reads sentences that name an actor, the verifier
        scores rule events of families it knows, and actors are re-read only for events scoring below
        ``reread_below`` (default: this model's own verify threshold; tuning asks for more). ``article_events``:
        the rule events of the whole article, when ``events`` are those of one part (the context ranker reads
        which actors acted before)."""
        below = self.thresholds.verify if reread_below is None else reread_below
        # coding (not tuning, which scores everything once for every setting): what the thresholds rule out is
        # not computed: no targets read when filling is off, no actors read for a candidate that cannot be added
        runtime = candidate_floor is None
        fill = not runtime or self.thresholds.fill <= 1.0
        fill_source = not runtime or self.thresholds.fill_source <= 1.0
        # words scoring under the detector's threshold can become nothing: no need to read their actors
        floor = max(CANDIDATE_FLOOR, self.thresholds.detect) if candidate_floor is None else candidate_floor
        out = []
        actors = [m for m in mentions if m.kind not in ("pronoun",) or m.code]
        index = MentionIndex(doc, [m for m in actors if m.code])
        # each sentence's events and mentions by bisection over sorted offsets: linear in the document's length
        by_trigger = sorted(events, key=lambda e: e.trigger.start)
        trigger_starts = [e.trigger.start for e in by_trigger]
        coded = sorted((m for m in actors if m.code), key=lambda m: m.start)
        mention_starts = [m.start for m in coded]
        article = context_mod.Article(doc, coded, events if article_events is None else article_events) \
            if self.context is not None and (not runtime or self.thresholds.context <= 1.0) else None
        # first the sentences' verifier and detector rows, scored in one call each for the whole document (a
        # row's scores depend only on its own features: the same figures as one call per sentence)
        plans = []
        judged_rows: list[list[str]] = []
        word_rows: list[list[str]] = []
        candidate = None  # is_candidate of each word of the document, found when a sentence first needs it
        for n, sent in enumerate(doc.sents):
            if within is not None and not (sent.start_char < within[1] and sent.end_char > within[0]):
                continue
            lo, hi = bisect_left(trigger_starts, sent.start_char), bisect_left(trigger_starts, sent.end_char)
            in_sent_events = by_trigger[lo:hi]
            lo, hi = bisect_left(mention_starts, sent.start_char), bisect_left(mention_starts, sent.end_char)
            in_sent_mentions = coded[lo:hi]
            if not in_sent_mentions:  # no actor named here: nothing to attribute, nothing to re-read
                plans.append((n, sent, in_sent_events, in_sent_mentions, [], 0, []))
                continue
            judged = [e for e in in_sent_events if self.verifier is not None and e.occurred
                      and self.verified_rules.get(rule_family(e.rule), 0) >= MIN_VERIFIED]
            if judged:
                feats = sentence_features(sent, in_sent_events, in_sent_mentions)
                judged_rows += [[*feats, *event_features(e)] for e in judged]
            by_token = mentions_by_token(sent, in_sent_mentions)
            words = []
            if candidate is None:
                candidate = candidates_in(doc)
            for i in (np.flatnonzero(candidate[sent.start:sent.end]) + sent.start).tolist():
                tok = doc[i]
                if i in by_token or (within is not None and not within[0] <= tok.idx < within[1]):
                    continue
                lem = lemma(tok)
                if lem in self.trigger_words:
                    words.append(tok)
                    word_rows.append(token_features(tok, by_token, in_sent_events, rules_saw, sent, lem))
            plans.append((n, sent, in_sent_events, in_sent_mentions, judged, len(judged_rows), words))
        judged_probs = self.verifier.proba_many(judged_rows) if judged_rows else None  # type: ignore[union-attr]
        word_probs = self.detector.proba_many(word_rows, token_vectors(doc, [t.i for p in plans for t in p[6]])
                                              ) if word_rows else None
        w = 0
        for n, sent, in_sent_events, in_sent_mentions, judged, upto, words in plans:
            if not in_sent_mentions:
                out.append(SentenceScores(n, tuple((e, 1.0, None) for e in in_sent_events), ()))
                continue
            verdict = {e.id: float(p[0]) for e, p in zip(judged, judged_probs[upto - len(judged):upto])
                       } if judged else {}  # type: ignore[index]
            # the attribution features of a rule event's word, read once for its re-read and its missing side
            sentence = Readings(sent, in_sent_mentions, index)
            readings: dict[str, Reading | None] = {}

            def reading(e: Event) -> Reading | None:
                if e.id not in readings:
                    span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
                    readings[e.id] = None if span is None else sentence.of(span.root, e.root)  # noqa: B023
                return readings[e.id]

            rule_scored = []
            for e in in_sent_events:
                s, other = verdict.get(e.id, 1.0), None
                if e.id in verdict and s < below:
                    other = self._reread(sent, n, e, in_sent_mentions, index, reading(e))
                rule_scored.append((e, s, other))
            targets = {e.id: t for e in in_sent_events if fill and e.occurred and e.target is None and e.source
                       and (t := self._actor_of(e, in_sent_mentions, reading, "target")) is not None}
            sources = {e.id: t for e in in_sent_events if fill_source and e.occurred and e.source is None
                       and (t := self._actor_of(e, in_sent_mentions, reading, "source")) is not None}
            cands = []
            if not words:
                out.append(SentenceScores(n, tuple(rule_scored), (), targets, sources,
                                          self._context(article, sent, in_sent_mentions, in_sent_events, (), runtime)))
                continue
            # a root the rules coded in this sentence is never added again (unless tuning may drop rule events)
            coded_roots = {e.root for e in in_sent_events} if runtime and self.thresholds.drop <= 0 else set()
            for tok in words:
                probs = word_probs[w]  # type: ignore[index]
                w += 1
                j = int(np.argmax(probs[1:])) + 1  # the likeliest root ("none" is label 0)
                if probs[j] < floor:
                    continue
                root = self.detector.labels[j]
                if root in coded_roots:
                    cands.append(Candidate(n, root, float(probs[j]), None, 0.0, 0.0))
                else:
                    cands.append(self._candidate(sent, n, tok, root, float(probs[j]), in_sent_mentions, index,
                                                 doc_id, lazy=runtime, readings=sentence))
            out.append(SentenceScores(n, tuple(rule_scored), tuple(cands), targets, sources,
                                      self._context(article, sent, in_sent_mentions, in_sent_events, cands, runtime)))
        return out

    def _context(self, article: context_mod.Article | None, sent: Span, mentions: list[Mention],
                 events: Sequence[Event], cands: Sequence[Candidate], runtime: bool
                 ) -> dict[str, tuple[Mention, float]]:
        """The context ranker's target for each rule event that happened with a source and no target, and each
        model event with no target (when tuning: each, as a target threshold may drop its target)."""
        if article is None or self.context is None:
            return {}
        asked = [e for e in events if e.occurred and e.source is not None and e.target is None]
        asked += [c.event for c in cands if c.event is not None and (
            not runtime or c.event.target is None or c.target_score < self.thresholds.target)]
        return context_mod.targets(self.context, article, sent, mentions, asked)

    def _actor_of(self, event: Event, mentions: list[Mention], reading: Callable[[Event], Reading | None],
                  which: str) -> tuple[Mention, float] | None:
        """The mention the ``which`` ("target" or "source") model scores highest for a rule event that found none
        (of another code than its other actor), with that score: "police detained 35 people", where the rules'
        patterns read no actor in "35 people"; "twelve people were killed in Peru air strikes", where no pattern
        read who struck."""
        other_side = event.source if which == "target" else event.target
        taken = other_side.code if other_side else None
        others = [i for i, m in enumerate(mentions) if m.code and m.code != taken]
        if not others:
            return None
        r = reading(event)
        if r is None:
            return None
        scores = r.scores(self.target if which == "target" else self.source)[others]
        best = int(np.argmax(scores))
        return mentions[others[best]], float(scores[best])

    def _reread(self, sent: Span, n: int, event: Event, mentions: list[Mention], index: MentionIndex,
                read: Reading | None) -> Candidate | None:
        """The rule's act (its word, code, modality, date, place) with source and target as attribution reads
        them: what replaces a rule event the verifier doubts, so that the act stays and its actors change."""
        if read is None:
            return None
        c = self._candidate(sent, n, read.token, event.root, event.confidence, mentions, index, event.id,
                            read_modality=False, read=read)
        if c.event is None:
            return None
        reread = replace(c.event, id=event.id + "r", cameo=event.cameo, root=event.root, quad_class=event.quad_class,
                         goldstein=event.goldstein, plover=event.plover, modality=event.modality, date=event.date,
                         location=event.location, trigger=event.trigger, evidence=event.evidence,
                         rule=f"{event.rule}+{self.name}")
        return replace(c, event=reread)

    def _code(self, token: Token, root: str) -> str:
        codes = self.triggers.get(root, {}).get(lemma(token))
        cameo = max(codes, key=codes.__getitem__) if codes else self.root_codes.get(root, root + "0")
        return cameo if ontology().is_code(cameo) else root + "0"

    def _candidate(self, sent: Span, n: int, token: Token, root: str, p: float, mentions: list[Mention],
                   index: MentionIndex, doc_id: str, lazy: bool = False, read_modality: bool = True,
                   read: Reading | None = None, readings: Readings | None = None) -> Candidate:
        """The act of root ``root`` that ``token`` may express, its actors as attribution reads them, and its
        modality. ``lazy``: an act the modality model says did not happen gets no actors (it cannot be added).
        ``read_modality=False``: only the actors are wanted (a re-read keeps the rule's modality). ``read``: the
        word's :class:`Reading`, or its sentence's :class:`Readings`, when the caller has them."""
        happened, modality = 1.0, "asserted"
        if read_modality:
            reading = classify(token)
            # "Chile is scheduled to meet Peru": a verb of planning is read with the infinitive it governs (the act
            # is the meeting, still to come, not the scheduling)
            infinitive = next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
            # "failed to agree": a cooperative act failed is not done (failing to comply is itself a conflict act)
            failed = lemma(token) == "fail" and root < "10"
            if reading.value == "asserted" and infinitive is not None and (lemma(token) in PLANNING_VERBS or failed):
                reading = classify(infinitive)
            modality = reading.value
            if self.modality is not None:
                cues = readings.cues if readings is not None else None
                happened = float(self.modality.proba(modality_features(token, reading.value, reading.cue, cues))[0])
        if lazy and happened < self.thresholds.happened:
            return Candidate(n, root, p, None, 0.0, 0.0, happened)
        if read is None:
            read = (readings or Readings(sent, mentions, index)).of(token, root)
        s_score, si = max(((s, i) for i, s in enumerate(read.scores(self.source).tolist())), key=lambda x: x[0])
        source = mentions[si]
        cameo = self._code(token, root)
        also_sources = coordinated(sent, source, index, read.heads[si])
        # "Belgian and German soldiers arrived": co-subjects of a one-way act are not each other's targets
        own = {source.code} | (set() if reciprocal(cameo) else {m.code for m in also_sources})
        others = [i for i, m in enumerate(mentions) if m.code not in own]
        t_score, ti = max(((s, i) for s, i in zip(read.scores(self.target)[others].tolist(), others)),
                          key=lambda x: x[0], default=(0.0, -1))
        target = mentions[ti] if ti >= 0 else None
        info = ontology().get(cameo)
        # the modality model may only doubt what parley's own reading asserts, never assert what it reads as
        # hypothetical, negated, intended or demanded (precision first: traps must stay traps)
        if happened < self.thresholds.happened and modality == "asserted":
            modality = "reported-speculation"
        event = Event(
            id=f"{doc_id}-m{n}-{token.i}", sentence=n, source=_ref(source), target=_ref(target) if target else None,
            cameo=cameo, root=cameo[:2], quad_class=info.quad_class, goldstein=info.goldstein,
            plover=plover_for(cameo), modality=modality, date=None,
            location=Location(), trigger=TextSpan(token.text, token.idx, token.idx + len(token.text)),
            evidence=evidence_text(sent.text), confidence=round(p, 3), rule=f"model:{self.name}")
        return Candidate(n, root, p, event, s_score, t_score, happened, also_sources,
                         coordinated(sent, target, index, read.heads[ti]) if target is not None else ())

    # -- choosing ---------------------------------------------------------------------------------
    def select(self, scored: Sequence[SentenceScores], thresholds: Thresholds | None = None
               ) -> tuple[list[Event], list[Decision]]:
        th = thresholds or self.thresholds
        events: list[Event] = []
        decisions: list[Decision] = []
        for s in scored:
            kept_roots = set()
            for e, v, other in s.rule_events:
                outcome, asked = "kept", e.id
                if e.occurred and v < th.drop:
                    decisions.append(Decision(s.sentence, "rule", e.root, v, "dropped: the verifier doubts it", e))
                    continue
                if e.occurred and v < th.verify:
                    if other is not None and other.event is not None and other.source_score >= th.source:
                        new = other.event
                        if new.target is not None and other.target_score < th.target:
                            new = replace(new, target=None)
                        new = _same_place(new, e)
                        if _actors(new) != _actors(e):
                            decisions.append(Decision(s.sentence, "rule", e.root, v, "actors re-read", e,
                                                      {"source": round(other.source_score, 3),
                                                       "target": round(other.target_score, 3)}))
                            e, outcome = new, "re-read: " + " ".join(map(str, _actors(new)))
                        else:
                            outcome = "kept: the models read the same actors"
                    else:
                        outcome = "kept: no better reading of its actors"
                # a side the rules did not read, as attribution reads it ("police detained 35 people")
                read = []
                for side, found, need in (("source", s.sources.get(e.id), th.fill_source),
                                          ("target", s.targets.get(e.id), th.fill)):
                    other = e.target if side == "source" else e.source
                    if getattr(e, side) is None and found is not None and found[1] >= need and e.occurred \
                            and (other is None or other.code != found[0].code):
                        decisions.append(Decision(s.sentence, "rule", e.root, v, f"{side} read", e,
                                                  {side: round(found[1], 3)}))
                        e = replace(e, **{side: _ref(found[0])})
                        read.append(f"its {side} read: {found[0].code}")
                found = s.context.get(asked)
                if e.target is None and e.occurred and e.source is not None and found is not None \
                        and found[1] >= th.context and found[0].code != e.source.code:
                    decisions.append(Decision(s.sentence, "rule", e.root, v, "target from context", e,
                                              {"target": round(found[1], 3)}))
                    e = replace(e, target=_ref(found[0]))
                    read.append(f"its target from context: {found[0].code}")
                if read:
                    e = replace(e, rule=f"{e.rule}+{self.name}")
                    outcome = "kept, " + ", ".join(read)
                events.append(e)
                kept_roots.add(e.root)
                decisions.append(Decision(s.sentence, "rule", e.root, v, outcome, e))
            for c in sorted(s.candidates, key=lambda c: -c.score):
                need = th.detect
                if c.score < need:
                    outcome = "not added: below threshold"
                elif c.root in kept_roots:
                    outcome = "not added: this root is coded here already"
                elif c.happened < th.happened:
                    outcome = "not added: did not happen (modality)"
                elif c.event is None or c.source_score < th.source:
                    outcome = "not added: no source actor"
                else:
                    outcome = "added"
                    event = c.event
                    if event.target is not None and c.target_score < th.target:
                        event = replace(event, target=None)
                    found = s.context.get(event.id)
                    if event.target is None and found is not None and found[1] >= th.context \
                            and event.source is not None and found[0].code != event.source.code:
                        event, c = replace(event, target=_ref(found[0])), replace(c, also_targets=())
                        decisions.append(Decision(s.sentence, "model", c.root, c.score, "target from context",
                                                  event, {"target": round(found[1], 3)}))
                    events.extend(_each_coordinated(event, c))
                    kept_roots.add(c.root)
                decisions.append(Decision(s.sentence, "model", c.root, c.score, outcome, c.event,
                                          {"threshold": need, "happened": round(c.happened, 3),
                                           "source": round(c.source_score, 3), "target": round(c.target_score, 3)}))
        return events, decisions

    def apply(self, doc: Doc, mentions: Sequence[Mention], events: Sequence[Event], *, doc_id: str,
              date_of: Callable[[Token], Any] | None = None,
              place_of: Callable[[Token, str | None, str | None], Location] | None = None,
              candidates: Sequence[object] = ()) -> tuple[list[Event], list[Decision]]:
        """The document's events after the layer, and its decisions. Dates and places are resolved only for the
        events the layer added (the rules' events have theirs; a re-read event keeps the rule's)."""
        chosen, decisions = self.select(self.score(doc, mentions, events, doc_id=doc_id,
                                                   rules_saw=rule_words(candidates)))
        for i, e in enumerate(chosen):
            if not e.rule.startswith("model:"):
                continue
            token = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
            if token is None:
                continue
            root = token.root
            chosen[i] = replace(e, date=date_of(root) if date_of else None,
                                location=place_of(root, e.source.code if e.source else None,
                                                  e.target.code if e.target else None) if place_of else Location())
        order = {id(e): i for i, e in enumerate(events)}
        chosen.sort(key=lambda e: (e.sentence, e.trigger.start, order.get(id(e), len(order))))
        return chosen, decisions


def _each_coordinated(event: Event, c: Candidate) -> list[Event]:
    """The act, and the same act for each actor coordinated with its source, and (when it has a target) with its
    target. A joint act of co-subjects ("China and Russia held drills": the target is coordinated with the
    source) is coded as the rules code it: the first-named toward each of the others, never the others
    among themselves (``parley.events.arguments.first_named_pairs``)."""
    if event.target is not None and event.target.code in {m.code for m in c.also_sources}:
        members = [*(_ref(m) for m in c.also_sources), *([event.source] if event.source else [])]
        return [replace(event, id=event.id if k == 0 else f"{event.id}s{k}", source=a, target=b)
                for k, (a, b) in enumerate(first_named_pairs(members))]
    taken = {event.source.code if event.source else None, event.target.code if event.target else None}
    out = [event]
    out += [replace(event, id=f"{event.id}s{k}", source=_ref(m))
            for k, m in enumerate(c.also_sources) if m.code not in taken]
    if event.target is not None:
        out += [replace(event, id=f"{event.id}t{k}", target=_ref(m))
                for k, m in enumerate(c.also_targets) if m.code not in taken]
    return out


def _same_place(new: Event, old: Event) -> Event:
    """``new`` with ``old``'s source and target where it reads an actor at the same place: the models see one
    actor per place, so they cannot tell apart the members "both sides" stands for (coref.py)."""
    for role in ("source", "target"):
        a, b = getattr(new, role), getattr(old, role)
        if a is not None and b is not None and (a.start, a.end) == (b.start, b.end) and a.code != b.code:
            new = replace(new, **{role: b})
    return new


def _actors(e: Event) -> tuple[str | None, str | None]:
    return (e.source.code if e.source else None, e.target.code if e.target else None)


def mentions_by_token(sent: Span, mentions: Sequence[Mention]) -> dict[int, Mention]:
    """Which actor mention covers each token (by index in the document) of ``sent``."""
    out: dict[int, Mention] = {}
    for m in mentions:
        span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
        for t in span if span is not None else ():
            out.setdefault(t.i, m)
    return out


def _ref(m: Mention) -> ActorRef:
    return ActorRef(m.code, m.name, m.text, m.start, m.end)


@lru_cache(maxsize=2)
def load_layer(path: str | None = None) -> Layer:
    return Layer.load(Path(path) if path else MODEL_DIR)


def available(path: Path = MODEL_DIR) -> bool:
    return (path / "meta.json").exists()


__all__ = ["MODEL_DIR", "Decision", "Layer", "Thresholds", "available", "load_layer"]
