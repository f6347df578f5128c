"""The accuracy gate (.ci/eval_gate.py): it refuses figures measured on other gold, fails on a drop beyond its
tolerance, and --update never lowers the baseline by accident. The scoring itself runs in CI, not here."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_gate():
    spec = importlib.util.spec_from_file_location("eval_gate", ROOT / ".ci" / "eval_gate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gate = _load_gate()
HASHES = {"benchmarks/gold/dev-part0.jsonl": "a" * 64, "benchmarks/gold/dev-part2.jsonl": "b" * 64}
BASE = {"events_asserted_lenient_f1": 0.5, "gold_sha256": HASHES}


def figures(f1):
    return {"events_asserted_lenient_f1": f1}


def test_the_committed_baseline_pins_the_gold_files_present():
    base = json.loads(gate.BASELINE.read_text(encoding="utf-8"))
    assert gate.gold_changes(base.get("gold_sha256"), gate.gold_hashes(gate.gold_files())) == [], (
        "the development gold changed: run python .ci/eval_gate.py --update and commit the baseline with it")


@pytest.mark.parametrize("f1, passes", [(0.5, True), (0.51, True), (0.5 - gate.TOLERANCE, True), (0.4985, False)])
def test_a_drop_beyond_the_tolerance_fails(f1, passes):
    assert (gate.check(figures(f1), BASE, HASHES) == []) is passes


def test_a_tolerance_below_one_lost_event():
    assert 0 < gate.TOLERANCE < 0.002  # one lost true positive on the development set costs about 0.0012


@pytest.mark.parametrize("current, change", [
    ({**HASHES, "benchmarks/gold/dev-part0.jsonl": "c" * 64}, "dev-part0.jsonl changed"),
    ({**HASHES, "benchmarks/gold/dev-part5.jsonl": "d" * 64}, "dev-part5.jsonl added"),
    ({"benchmarks/gold/dev-part0.jsonl": "a" * 64}, "dev-part2.jsonl removed"),
])
def test_other_gold_fails_whatever_the_figure(current, change):
    [problem] = gate.check(figures(0.9), BASE, current)
    assert change in problem and "--update" in problem


def test_a_baseline_without_gold_hashes_fails():
    [problem] = gate.check(figures(0.9), {"events_asserted_lenient_f1": 0.5}, HASHES)
    assert "records no gold hashes" in problem


def test_update_refuses_to_lower_the_baseline_without_allow_lower():
    assert "--allow-lower" in gate.refuse_update(figures(0.49), BASE, allow_lower=False)
    assert gate.refuse_update(figures(0.49), BASE, allow_lower=True) is None
    assert gate.refuse_update(figures(0.5), BASE, allow_lower=False) is None
    assert gate.refuse_update(figures(0.6), BASE, allow_lower=False) is None
    assert gate.refuse_update(figures(0.1), None, allow_lower=False) is None  # no baseline yet
