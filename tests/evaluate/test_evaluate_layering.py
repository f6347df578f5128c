"""Scoring reads records, not the parse: importing the evaluation loads neither spaCy nor the coder (a fresh
interpreter, so other tests' imports do not hide a violation); the trained layer's imports stay available."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import parley.evaluate
unwanted = ("spacy", "parley.events", "parley.pipeline", "parley.actors")
loaded = sorted(m for m in sys.modules if m in unwanted or m.startswith(tuple(u + "." for u in unwanted)))
print(",".join(loaded))
"""


def test_the_evaluation_loads_neither_spacy_nor_the_coder():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_one_module_per_format_behind_the_same_names():
    import parley.evaluate as evaluate
    from parley.evaluate import actors, codebook, gold, plover

    assert evaluate.FORMATS == ("gold", "codebook", "plover", "actors")
    assert evaluate.score_gold is gold.score_gold and evaluate.score_codebook is codebook.score_codebook
    assert evaluate.score_plover is plover.score_plover and evaluate.score_actors is actors.score_actors
    for name in ("_canon", "_country", "_gold_occurred", "PRF", "accepts", "match_events", "code_records"):
        assert getattr(evaluate, name) is getattr(gold, name), name
