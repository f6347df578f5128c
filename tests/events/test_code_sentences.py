"""Every CAMEO code that parley's patterns reach has a sentence of our own that yields it (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.events.coder import counts_as_occurred, derived_codes
from parley.events.patterns import default_patterns

DATA = Path(__file__).parents[1] / "data" / "code_sentences.tsv"


def rows() -> list[tuple[str, str]]:
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, sentence = line.split("\t")
            out.append((code, sentence))
    return out


def test_every_code_with_patterns_has_a_sentence():
    reached = {p.cameo for p in default_patterns().patterns}
    covered = {code for code, _ in rows()}
    assert not reached - covered, sorted(reached - covered)
    # no sentence for a code nothing can produce: a pattern's code, or one the coder derives from it
    assert not covered - reached - derived_codes(reached), sorted(covered - reached - derived_codes(reached))


@pytest.mark.parametrize("code, sentence", rows(), ids=[f"{c}" for c, _ in rows()])
def test_sentence_yields_its_code(code_text, code, sentence):
    coded = code_text(sentence, published="2025-06-01")
    got = [(e.cameo, e.modality, e.rule) for e in coded.events]
    assert any(e.cameo == code and counts_as_occurred(e) for e in coded.events), got
