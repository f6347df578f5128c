"""PLOVER gold standard records (JSON Lines with ``plover_event``, ``source``, ``target``,
``cameo_code``): event type, CAMEO code and actor country/sector accuracy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from parley.evaluate.gold import country_part
from parley.model import CodedDocument, Document


def score_plover(rows: Iterable[dict[str, Any]], code: Callable[[Document], CodedDocument]) -> dict[str, Any]:
    n = type_ok = 0
    cameo_n = cameo_root = cameo_exact = 0
    actor = Counter()
    misses: list[dict[str, Any]] = []
    for row in rows:
        n += 1
        coded = code(Document(text=row["text"], published=None))
        occurred = [e for e in coded.events if e.occurred]
        want = row.get("plover_event")
        types = {(e.plover.type if e.plover else None) for e in occurred}
        ok = want in types
        type_ok += ok
        if not ok:
            misses.append({"id": row.get("plover_id"), "sentence": row["text"], "want": want,
                           "predicted": sorted(f"{e.cameo}/{e.plover.type if e.plover else '-'}" for e in occurred)})
        cameo = row.get("cameo_code")
        if cameo and (row.get("cameo_match_ratio") or 0) >= 0.7:
            cameo_n += 1
            cameo_root += any(e.root == cameo[:2] for e in occurred)
            cameo_exact += any(e.cameo == cameo for e in occurred)
        # actors: the best event (right PLOVER type first) against the gold source and target
        best = next((e for e in occurred if e.plover and e.plover.type == want), occurred[0] if occurred else None)
        for role in ("source", "target"):
            golds = row.get(role) or []
            if isinstance(golds, (str, dict)):
                golds = [golds]
            golds = [g if isinstance(g, dict) else {"code": str(g)} for g in golds]
            if not golds:
                continue
            pred = getattr(best, role) if best else None
            pred_code = pred.code if pred else None
            actor[f"{role}_n"] += 1
            countries = {g.get("code") for g in golds}
            sectors = {(g.get("code"), g.get("sector")) for g in golds if g.get("sector")}
            actor[f"{role}country_part"] += country_part(pred_code) in countries
            if sectors:
                actor[f"{role}_sector_n"] += 1
                actor[f"{role}_sector"] += (country_part(pred_code), (pred_code or "")[3:6] or None) in sectors
    pct = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
    return {
        "format": "plover",
        "records": n,
        "plover_type_accuracy": pct(type_ok, n),
        "cameo_scored": cameo_n,
        "cameo_root_accuracy": pct(cameo_root, cameo_n),
        "cameo_exact_accuracy": pct(cameo_exact, cameo_n),
        "source_country_accuracy": pct(actor["source_country"], actor["source_n"]),
        "target_country_accuracy": pct(actor["target_country"], actor["target_n"]),
        "source_sector_accuracy": pct(actor["source_sector"], actor["source_sector_n"]),
        "target_sector_accuracy": pct(actor["target_sector"], actor["target_sector_n"]),
        "note": "gold actor codes use the CAMEO country codes of the records (some differ from ISO, e.g. JAP); "
                "an actor counts as right when the event parley picked has the gold country",
        "misses": misses,
    }
