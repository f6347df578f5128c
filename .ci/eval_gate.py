"""Accuracy regression guard: score the development gold set and fail when lenient event F1 falls more than
two points below the figure recorded in eval/baseline.json.

    python .ci/eval_gate.py            # check (CI)
    python .ci/eval_gate.py --update   # record the current figures as the new baseline (a deliberate commit)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "benchmarks" / "gold").glob("dev-*.jsonl"))
BASELINE = ROOT / "eval" / "baseline.json"
TOLERANCE = 0.02


def main() -> int:
    from parley.evaluate import read_gold, score_gold
    from parley.pipeline import default_coder

    if not GOLD:
        print("eval gate: no development gold files under benchmarks/gold/", file=sys.stderr)
        return 1
    records = [r for path in GOLD for r in read_gold(path)]
    report = score_gold(records, default_coder().code)
    figures = {
        "records": report["records"],
        "events_asserted_lenient_f1": report["events_asserted_lenient"]["f1"],
        "events_asserted_strict_f1": report["events_asserted_strict"]["f1"],
        "non_asserted_clean": report["non_asserted_sentences"],
    }
    print("eval gate:", json.dumps(figures))
    if "--update" in sys.argv:
        BASELINE.parent.mkdir(exist_ok=True)
        BASELINE.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"baseline written to {BASELINE.relative_to(ROOT)}")
        return 0
    if not BASELINE.exists():
        print("eval gate: eval/baseline.json is missing; run python .ci/eval_gate.py --update", file=sys.stderr)
        return 1
    base = json.loads(BASELINE.read_text(encoding="utf-8"))
    floor = base["events_asserted_lenient_f1"] - TOLERANCE
    if figures["events_asserted_lenient_f1"] < floor:
        print(f"eval gate FAILED: lenient event F1 {figures['events_asserted_lenient_f1']:.4f} is below "
              f"{floor:.4f} (baseline {base['events_asserted_lenient_f1']:.4f} minus {TOLERANCE})", file=sys.stderr)
        return 1
    print(f"eval gate passed: lenient event F1 {figures['events_asserted_lenient_f1']:.4f} >= {floor:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
