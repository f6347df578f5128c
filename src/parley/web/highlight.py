"""A coded document's text cut into pieces for the document page: each piece says which events' triggers,
sources and targets and which quotes cover it, so the template can mark them and explain them on hover.

Only plain data comes out (text and labels); the template escapes every piece, so article text, which is
untrusted input, is never markup however it was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parley.model import CodedDocument
from parley.ontology import UnknownCode, ontology


@dataclass(frozen=True)
class Mark:
    """One annotation over a stretch of text: ``kind`` is trigger, source, target or quote."""

    kind: str
    start: int
    end: int
    ref: str  # the event or quote id, for the anchor the piece links to
    label: str  # what a hover shows


@dataclass
class Piece:
    text: str
    start: int
    marks: list[Mark] = field(default_factory=list)
    speaker_tag: str | None = None  # set on the first piece of a quote: who speaks it

    @property
    def kinds(self) -> list[str]:
        return sorted({m.kind for m in self.marks})

    @property
    def title(self) -> str:
        return "\n".join(m.label for m in self.marks)

    @property
    def anchor(self) -> str | None:
        """Where a click on the piece leads: the first event it belongs to, else its quote."""
        events = [m for m in self.marks if m.kind != "quote"]
        first = (events or self.marks or [None])[0]
        return None if first is None else ("ev-" if first.kind != "quote" else "q-") + first.ref


def cameo_name(code: str) -> str:
    try:
        return ontology().get(code).name
    except (UnknownCode, KeyError):
        return ""


def _actor(ref) -> str:  # type: ignore[no-untyped-def]
    if ref is None:
        return "?"
    return f"{ref.name} ({ref.code})" if ref.name else ref.code


def marks_of(coded: CodedDocument) -> list[Mark]:
    """Every trigger, source, target and quote of the document with the words a hover shows: the CAMEO code
    and name, the actors, the rule or model that coded it and its confidence."""
    marks: list[Mark] = []
    for e in coded.events:
        what = f"{e.cameo} {cameo_name(e.cameo)}".strip()
        about = (f"{_actor(e.source)} → {_actor(e.target)}: {what}; {e.modality}; "
                 f"{e.rule}, confidence {e.confidence:.2f}")
        marks.append(Mark("trigger", e.trigger.start, e.trigger.end, e.id, f"event {about}"))
        if e.source is not None:
            marks.append(Mark("source", e.source.start, e.source.end, e.id, f"source of {e.cameo}: {_actor(e.source)}"))
        if e.target is not None:
            marks.append(Mark("target", e.target.start, e.target.end, e.id, f"target of {e.cameo}: {_actor(e.target)}"))
    for q in coded.quotes:
        cue = f", cue “{q.cue}”" if q.cue else ""
        marks.append(Mark("quote", q.start, q.end, q.id, f"{q.kind} quote by {_actor(q.speaker)}{cue}"))
    return marks


def pieces(coded: CodedDocument) -> list[Piece]:
    """The text cut at every mark's start and end; marks that fall outside the text or are empty are
    dropped (an offset the coder could not place is no reason to fail the page)."""
    text = coded.document.text
    n = len(text)
    marks = [m for m in marks_of(coded) if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    speakers = {q.id: _actor(q.speaker) for q in coded.quotes}
    quote_starts = {m.start: m for m in marks if m.kind == "quote"}
    by_start = sorted(marks, key=lambda m: m.start)
    active: list[Mark] = []
    i = 0
    out = []
    for a, b in zip(cuts, cuts[1:]):  # a sweep: marks open at their start and close at their end
        while i < len(by_start) and by_start[i].start <= a:
            active.append(by_start[i])
            i += 1
        active = [m for m in active if m.end > a]
        piece = Piece(text[a:b], a, list(active))
        if a in quote_starts:
            piece.speaker_tag = speakers.get(quote_starts[a].ref)
        out.append(piece)
    return out


__all__ = ["Mark", "Piece", "cameo_name", "marks_of", "pieces"]
