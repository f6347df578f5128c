"""Agreement between two blind annotations of the same units, scored as ``parley eval`` scores parley.

The first annotation is the gold; the second takes parley's place: its events that count as having happened
(asserted; intended 03x/13x; demanded 10x) are the predictions, its optional events are not predictions.
Lenient compares actor countries and roots, strict full codes; alt codes, ``target_alt`` and a null target
are honoured on the gold side, exactly as for parley.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from parley.evaluate import PRF, canonical, country_part, gold_occurred, match_events
from parley.learn.corpus import Unit, read


def _units(path: Path) -> dict[str, Unit]:
    out: dict[str, Unit] = {}
    for item in read([path]):
        if not isinstance(item, Unit):
            raise ValueError(str(item))
        out[item.id] = item
    return out


def _keys(events: list[dict[str, Any]], lenient: bool) -> list[tuple]:
    actor = country_part if lenient else canonical
    return [(actor(e.get("source")), str(e["cameo"])[:2] if lenient else str(e["cameo"]), actor(e.get("target")))
            for e in events if gold_occurred(e)]


def agreement(first: Path, second: Path) -> dict[str, Any]:
    a, b = _units(first), _units(second)
    shared = sorted(set(a) & set(b))
    if not shared:
        raise ValueError(f"{first} and {second} share no unit id")
    differing = [u for u in shared if a[u].text != b[u].text]
    if differing:
        raise ValueError(f"unit {differing[0]!r} has different text in the two files")
    lenient, strict = PRF(), PRF()
    roots = PRF()
    for uid in shared:
        gold = a[uid].events
        req = [g for g in gold if gold_occurred(g)]
        opt = [g for g in gold if g.get("modality") == "optional"]
        for prf, len_ in ((lenient, True), (strict, False)):
            pred = _keys(b[uid].events, len_)
            tp, missed, wrong = match_events(req, opt, pred, len_)
            prf.add(tp, len(wrong), len(missed))
        gold_roots = {str(g["cameo"])[:2] for g in req}
        pred_roots = {k[1] for k in _keys(b[uid].events, True)}
        roots.add(len(gold_roots & pred_roots), len(pred_roots - gold_roots), len(gold_roots - pred_roots))
    return {"units": len(shared), "articles": len({a[u].article for u in shared}),
            "events_lenient": lenient.as_dict(), "events_strict": strict.as_dict(),
            "sentence_roots": roots.as_dict()}
