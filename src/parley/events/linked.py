"""Events coded beside or instead of an event already found: CAMEO's linked acts, and the one helper that
gives an event another code (with that code's root, quad class, Goldstein score and PLOVER mapping).

- Peacekeepers arriving in a country are no visit: the sending side's peacekeeping (074) and, linked, the
  host receiving them (0861). Peacekeepers or inspectors sent to a country are received by it (0861, 0862).
- Urging a second party to support a third rallies support on behalf of the third (053).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from parley import lexicon
from parley.events.patterns import PatternSet
from parley.model import ActorRef, Event, Mention
from parley.ontology import ontology, plover_for
from parley.syntax import direct_object


def actor_ref(m: Mention) -> ActorRef:
    """The actor of a mention, as an event names it."""
    return ActorRef(code=m.code, name=m.name, text=m.text, start=m.start, end=m.end)


def with_code(event: Event, code: str, rule_suffix: str, **changes: Any) -> Event:
    """``event`` with another CAMEO code, everything the code decides recomputed, and its rule marked."""
    info = ontology().get(code)
    return replace(event, cameo=code, root=code[:2], quad_class=info.quad_class, goldstein=info.goldstein,
                   plover=plover_for(code), rule=event.rule + rule_suffix, **changes)


#: travel codes that, done by peacekeepers, are a deployment
TRAVEL_CODES = frozenset({"042", "043"})


def peacekeeping_arrivals(events: list[Event], patterns: PatternSet) -> list[Event]:
    """Peacekeepers arriving (074 and 0861) and peacekeepers or inspectors sent and received (0861, 0862): an
    event coded by a pattern tagged ``@receipt=CODE`` also gives the receiving side's act."""
    out: list[Event] = []
    for e in events:
        if e.modality != "asserted" or e.source is None or e.target is None:
            out.append(e)
            continue
        pattern = patterns.by_id.get(e.rule)  # the rule as the pattern named it, no step added
        receipt = pattern.tag_value("receipt") if pattern is not None else None
        if receipt is not None:
            # "the IAEA sent inspectors to Iran": Iran received them (0862)
            out += [e, with_code(e, receipt, "+received", id=f"{e.id}r", source=e.target, target=e.source)]
        elif e.cameo in TRAVEL_CODES and "peacekeep" in e.source.text.lower():
            out += [with_code(e, "074", "+peacekeepers"),
                    with_code(e, "0861", "+peacekeepers", id=f"{e.id}r", source=e.target, target=e.source)]
        else:
            out.append(e)
    return out


SUPPORT_VERBS = lexicon.words("support-verbs")


def rallied_support(events: list[Event], candidates: Sequence[Any],
                    actors: Callable[[Token | None], list[Mention]]) -> list[Event]:
    """"The League urged the EU to support the PLO": besides the appeal to the EU (022), the League rallies
    support on behalf of a third party, the PLO (053), coded as a linked event. ``candidates`` are the
    coder's candidates (predicate, match, events); ``actors`` gives the actors a phrase denotes."""
    out = list(events)
    for cand in candidates:
        if cand.match is None or not cand.events or cand.match.pattern.cameo[:2] != "02":
            continue
        first = cand.events[0]
        if first.modality != "asserted" or first.source is None:
            continue
        asked = next((c for c in cand.predicate.children if c.dep_ in ("xcomp", "ccomp", "advcl")
                      and c.lemma_.lower() in SUPPORT_VERBS), None)
        if asked is None:
            continue
        obj = direct_object(asked)
        taken = {e.source.code for e in cand.events if e.source} | {e.target.code for e in cand.events if e.target}
        third = next((m for m in actors(obj) if m.code not in taken and m.kind != "role"), None) \
            if obj is not None else None
        if third is not None:
            out.append(with_code(first, "053", "+rally", id=f"{first.id}s", target=actor_ref(third)))
    return out
