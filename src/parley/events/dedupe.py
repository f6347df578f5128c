"""Deduplication: one event per act in a sentence, however many patterns and pairs coded it."""

from __future__ import annotations

from spacy.tokens import Doc

from parley.events.linked import with_code
from parley.events.recode import is_general
from parley.model import Event


def dedupe(events: list[Event], doc: Doc | None = None) -> list[Event]:
    """One event per (sentence, source, code, target): "vowed to attack" is one threat, not two; and an
    event without a target gives way to the same act with one ("Israeli airstrikes on Rafah killed 25
    Palestinians": the airstrike and the killing are one attack on Palestinians)."""
    # "launched missile strikes targeting Pakistani airbases": the specific act with no target (195) and the
    # general one with a target (190) are one act: the targeted event takes the specific code
    specific_untargeted: dict[tuple, Event] = {}
    for e in events:
        if e.target is None and not is_general(e.cameo):
            specific_untargeted.setdefault((e.sentence, e.source.code if e.source else None, e.root), e)
    merged: list[Event] = []
    taken_over: set[tuple] = set()
    for e in events:
        key = (e.sentence, e.source.code if e.source else None, e.root)
        other = specific_untargeted.get(key)
        code = other.cameo if other is not None else None
        if e.target is not None and other is not None and e.cameo == e.root + "0" and e.modality == "asserted" \
                and _one_phrase(doc, e, other):
            e = with_code(e, code, "+specific")
            taken_over.add((*key, code))
        merged.append(e)
    events = [e for e in merged if not (e.target is None and (e.sentence, e.source.code if e.source else None,
                                                               e.root, e.cameo) in taken_over)]
    with_target = {(e.sentence, e.source.code if e.source else None, e.root) for e in events if e.target is not None}
    same_code = {(e.sentence, e.source.code if e.source else None, e.cameo) for e in events if e.target is not None}
    # ... but a specific act of its own stays ("stormed the embassy and arrested a former minister")
    events = [e for e in events
              if e.target is not None or (e.sentence, e.source.code if e.source else None, e.root) not in with_target
              or not (is_general(e.cameo) or (e.sentence, e.source.code if e.source else None, e.cameo) in same_code)]
    # "attempted to assassinate" is an attempt (185), not also a killing (186)
    attempts = {(e.sentence, e.source.code if e.source else None, e.target.code if e.target else None)
                for e in events if e.cameo == "185"}
    events = [e for e in events if not (e.cameo == "186" and any(
        (e.sentence, e.source.code if e.source else None) == a[:2] and (e.target is None or e.target.code == a[2])
        for a in attempts))]
    seen: dict[tuple, int] = {}
    out: list[Event] = []
    for e in events:
        key = (e.sentence, e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
        if key in seen:
            kept = out[seen[key]]
            if kept.modality != "asserted" and e.modality == "asserted":
                out[seen[key]] = e
            continue
        seen[key] = len(out)
        out.append(e)
    # one act per pair: "mediated negotiations between A and B" is an A-B negotiation (046), not also an
    # unspecified meeting (040); a root's general code gives way to a specific one for the same pair
    specific = {(e.sentence, e.source.code if e.source else None, e.root, e.target.code if e.target else None,
                 _counted_as(e)) for e in out if not is_general(e.cameo)}
    return [e for e in out if not (is_general(e.cameo) and (
        e.sentence, e.source.code if e.source else None, e.root, e.target.code if e.target else None, _counted_as(e))
        in specific)]


def _one_phrase(doc: Doc | None, a: Event, b: Event) -> bool:
    """Whether the triggers of two events stand in a direct dependency other than coordination ("strikes
    targeting airbases": yes; "stormed the embassy and arrested": no)."""
    if doc is None:
        return False
    ta = doc.char_span(a.trigger.start, a.trigger.end, alignment_mode="expand")
    tb = doc.char_span(b.trigger.start, b.trigger.end, alignment_mode="expand")
    if ta is None or tb is None:
        return False
    x, y = ta.root, tb.root
    return (x.head.i == y.i and x.dep_ != "conj") or (y.head.i == x.i and y.dep_ != "conj")


def _counted_as(e: Event) -> str:
    """Modality for deduplication: an asserted intent ("agreed to ...", 030) and the intended act it names
    (036, 0356...) are one expression of intent."""
    return "intent" if e.root == "03" and e.modality in ("asserted", "intended") else e.modality


__all__ = ["dedupe"]
