"""Actor codes as ../shared/ANNOTATION.md writes them, at the edge of the pipeline.

parley's dictionaries name international bodies with short codes (``UNO``, ``NAT``, the EU as ``EUR``) and rights
groups by the role ``HRI``; the convention parley is judged by writes CAMEO's long forms: UN bodies ``IGOUNO``, the
EU ``IGOEUREEC``, the African Union ``IGOAFRAFU``, NATO ``IGOWSTNAT``, the ICC ``IGOJUDICC``, other bodies ``IGO`` +
their code, rights groups ``NGOHRI``. The coder and the trained layer keep working on the short codes (their rules
and features were written and learned on them); the coded document that leaves the pipeline carries the long
ones. "Europe" the region stays ``EUR``: only mentions of kind ``igo`` are rewritten. Bodies of the UN system
with an entry of their own (the IAEA, the WFP, the ICJ: lexicon ``un-bodies``) are UN bodies to the convention:
``IGOUNO`` followed by their code (``IGOUNOWFP``), so that they score as UN actors and stay told apart.
"""

from __future__ import annotations

import dataclasses

from parley import lexicon
from parley.model import ActorRef, CodedDocument, Mention

#: the short codes of parley's dictionaries whose CAMEO form is not simply "IGO" + the code
IGO_CODES = {"UNO": "IGOUNO", "NAT": "IGOWSTNAT", "EUR": "IGOEUREEC", "AFU": "IGOAFRAFU", "ICC": "IGOJUDICC"}
GROUP_CODES = {"HRI": "NGOHRI"}
#: the short codes of UN bodies with an entry of their own, longest first
UN_BODIES = lexicon.codes("un-bodies")


def _igo(code: str) -> str:
    if code.startswith("IGO"):
        return code
    if code.startswith(UN_BODIES):
        return "IGOUNO" + code
    for short, long in IGO_CODES.items():
        if code.startswith(short):
            return long + code[len(short):]
    return "IGO" + code


def _mention_code(m: Mention) -> str:
    if m.kind == "igo" and m.code:
        return _igo(m.code)
    return GROUP_CODES.get(m.code, m.code)


def annotation_codes(coded: CodedDocument) -> CodedDocument:
    """The same coded document with actor codes in ANNOTATION.md's forms (mentions, event actors, speakers)."""
    # an event's actor is rewritten as the mention it quotes (same place, same code); an actor the coder derived
    # from a mention ("the state's own people" from its government) keeps its code
    by_span = {(m.start, m.end, m.code): _mention_code(m) for m in coded.mentions}

    def ref(r: ActorRef | None) -> ActorRef | None:
        if r is None:
            return None
        code = by_span.get((r.start, r.end, r.code), GROUP_CODES.get(r.code, r.code))
        return r if code == r.code else dataclasses.replace(r, code=code)

    mentions = tuple(m if _mention_code(m) == m.code else dataclasses.replace(m, code=_mention_code(m))
                     for m in coded.mentions)
    events = tuple(dataclasses.replace(e, source=ref(e.source), target=ref(e.target)) for e in coded.events)
    # a speaker is the whole phrase that names it ("a spokesman for the UN mission"), not the mention inside it:
    # its code is rewritten as that mention's would be
    by_code = {m.code: _mention_code(m) for m in coded.mentions if m.kind == "igo"}

    def speaker(r: ActorRef | None) -> ActorRef | None:
        if r is None or r.code is None:
            return r
        code = by_span.get((r.start, r.end, r.code)) or by_code.get(r.code) or GROUP_CODES.get(r.code, r.code)
        return r if code == r.code else dataclasses.replace(r, code=code)

    quotes = tuple(dataclasses.replace(q, speaker=speaker(q.speaker)) for q in coded.quotes)
    return dataclasses.replace(coded, mentions=mentions, events=events, quotes=quotes)
