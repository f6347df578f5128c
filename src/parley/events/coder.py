"""The event coder: one parsed document and its actor mentions in, events out.

For every word a pattern can start from (a verb, or an event noun) the coder runs the same steps, each in a
module of its own:

1. ``match``: the pattern that matches the parse around the word (or a built-in rule);
2. ``arguments``: the source actor (subject, passive agent, possessor of an event noun, or the subject the
   clause inherits) and the target (the pattern's TGT slot), completed by named rules;
3. ``guards``: the reasons to drop the candidate, tried in order (a warning may turn into a threat here);
4. ``modality``: asserted, intended, demanded, hypothetical, negated or reported speculation;
5. ``recode``: the code the act gets once its modality and actors are known;
6. one event per pair of actors; then, over the document, acts coded by the kind of act they name
   (``recode.by_act_kind``), linked acts (``linked``) and duplicates removed (``dedupe``).

Every decision is kept on a :class:`Candidate`, so ``parley explain`` can show why an event was or was not coded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy import parts_of_speech
from spacy.attrs import POS
from spacy.tokens import Doc, Token

from parley.actors import ActorDictionary
from parley.events import guards, match, recode
from parley.events.arguments import fill, pairs, unknown_doer
from parley.events.candidate import Candidate
from parley.events.dedupe import dedupe
from parley.events.linked import actor_ref, peacekeeping_arrivals, rallied_support
from parley.events.mentions import MentionIndex
from parley.events.modality import adjust, classify
from parley.events.patterns import PatternSet
from parley.events.recode import derived_codes, intent_code
from parley.model import Event, Location, Mention, Span
from parley.nlp import DOC_ATTRIBUTES  # noqa: F401  (registers doc._.dateline, doc._.source_text)
from parley.ontology import ontology, plover_for
from parley.syntax import grammatical_subject, subject_head

_PREDICATE_POS = frozenset(parts_of_speech.IDS[p] for p in match.PREDICATE_POS)

PlaceFn = Callable[[Token, str | None, str | None], Location]
#: how the source is described when violence has a named victim and no named doer
UNKNOWN_DOER = "no doer named: an agentless passive or an attack as subject"


def code_doc(
    doc: Doc,
    mentions: Sequence[Mention],
    patterns: PatternSet,
    *,
    doc_id: str,
    date_of: Callable[[Token], object] | None = None,
    place_of: PlaceFn | None = None,
    dictionary: ActorDictionary | None = None,
) -> tuple[list[Event], list[Candidate]]:
    """Code every sentence of ``doc``; return the events and every candidate looked at. ``dictionary``: the
    actor dictionary the mentions were found with (its countries are the states); None: the built-in one."""
    index = MentionIndex(doc, mentions, dictionary)
    text = doc._.source_text  # the original text, dateline included
    events: list[Event] = []
    candidates: list[Candidate] = []
    pos = doc.to_array(POS).tolist() if len(doc) else []
    for sent_no, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            if pos[i] not in _PREDICATE_POS:
                continue  # no candidate (match.find): no Token made for it
            token = doc[i]
            cand = match.find(token, patterns)
            if cand is None:
                continue
            candidates.append(cand)
            if not _decide(cand, index, patterns):
                continue
            when = date_of(token) if date_of is not None else None
            found, joint = pairs(cand)
            for source, target in found:
                if target is not None and source is not None and target.code == source.code:
                    continue
                member_pair = joint is not None and source in cand.targets
                cameo = recode.pair_code(cand, source, target, joint if member_pair else None, patterns,
                                         index.dictionary)
                if not cameo:
                    continue
                location = place_of(token, source.code if source else None, target.code if target else None) \
                    if place_of else Location()
                event = _event(cand, cameo, source, target, f"{doc_id}-e{len(events) + 1}", sent_no,
                               evidence_text(text[sent.start_char : sent.end_char]), when, location, member_pair)
                events.append(event)
                cand.events.append(event)
            if not cand.events and cand.dropped is None:
                cand.dropped = "source and target are the same actor"
    events = peacekeeping_arrivals(recode.by_act_kind(events, candidates, patterns), patterns)
    return dedupe(rallied_support(events, candidates, index.actors), doc), candidates


def _decide(cand: Candidate, index: MentionIndex, patterns: PatternSet) -> bool:
    """Find the candidate's actors, try the guards, read its modality and settle its code; False when it is
    dropped (``cand.dropped`` says why). An intent CAMEO has no code for is marked dropped, yet still coded."""
    if cand.match is None:
        cand.dropped = "no pattern matched the parse around this word"
        return False
    fill(cand, index)
    cand.unknown_doer = not cand.sources and unknown_doer(cand, cand.predicate)
    if cand.unknown_doer:
        cand.how = UNKNOWN_DOER
    cand.dropped = guards.check(guards.BEFORE_WARNING, cand, index) or guards.warning(cand, index, patterns) \
        or guards.check(guards.AFTER_WARNING, cand, index)
    if cand.dropped is not None:
        return False
    cand.modality = classify(cand.predicate)
    cand.dropped = guards.check(guards.ON_MODALITY, cand, index)
    if cand.dropped is not None:
        return False
    assert cand.match is not None
    cand.modality = adjust(cand.modality, cand.predicate, cand.match.pattern.cameo)
    ontology().get(recode.settle(cand, patterns))  # a code outside CAMEO is a bug: fail here, not in the store
    return True


def evidence_text(sentence: str) -> str:
    """A sentence as evidence: trimmed, and without the closing quotation mark of the sentence before that the
    sentence splitter sometimes leaves at its start ('” Russia attacked ...')."""
    out = sentence.strip()
    if out[:1] in "”’»" or (out[:1] == '"' and out.count('"') % 2 == 1):
        out = out[1:].lstrip()
    return out


def _event(cand: Candidate, cameo: str, source: Mention | None, target: Mention | None, event_id: str,
           sent_no: int, evidence: str, when: object, location: Location, member_pair: bool) -> Event:
    assert cand.match is not None and cand.modality is not None
    token, info = cand.predicate, ontology().get(cameo)
    return Event(
        id=event_id,
        sentence=sent_no,
        source=actor_ref(source) if source is not None else None,
        target=actor_ref(target) if target is not None else None,
        cameo=cameo,
        root=cameo[:2],
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=plover_for(cameo),
        modality=cand.modality.value,
        date=when,  # type: ignore[arg-type]
        location=location,
        trigger=Span(token.text, token.idx, token.idx + len(token.text)),
        evidence=evidence,
        confidence=cand.confidence(target is not None),
        rule=cand.match.pattern.id + ("+between" if member_pair else ""),
    )


def counts_as_occurred(event: Event) -> bool:
    """Whether an event counts as having happened in aggregates (kept for callers; see ``Event.occurred``)."""
    return event.occurred


__all__ = ["Candidate", "MentionIndex", "code_doc", "counts_as_occurred", "derived_codes", "grammatical_subject",
           "intent_code", "subject_head"]
