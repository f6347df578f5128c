"""The quotation evaluator: alignment by shared words, the speaker rule, and a scored set of our own units."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from parley.evaluate.quotes import Predicted, align, same_speaker_text, score_quotes, speaker_right


@pytest.mark.parametrize("gold, predicted, same", [
    ("Kremlin spokesman Dmitry Peskov", "Peskov", True),  # one inside the other, whole words
    ("the ministry", "The Ministry", True),               # case and a leading article ignored
    ("he", "he", True),
    ("Peskov", "Peskova", False),                          # not a whole word
    ("Hans Blix, chairman of the commission", "Hans Blix", True),  # the head before an apposition
    ("the Foreign Ministry in Rome", "Foreign Ministry", True),      # ... or a post-modifier
    ("Ukraine's defence ministry", "Ukraine", False),                # a modifier is not the speaker
    ("the minister", "he", False),
    (None, "Peskov", False),
])
def test_speaker_text_rule(gold, predicted, same):
    assert same_speaker_text(gold, predicted) is same


def test_speaker_right_by_text_or_code():
    pred = Predicted("x", "direct", "the ministry", "UKRGOV")
    assert speaker_right({"speaker_text": "Ukraine's defence ministry", "speaker": "UKRMIL"}, pred) is True
    assert speaker_right({"speaker_text": "Kyiv's mayor", "speaker": "UKRMIL"}, pred) is False
    assert speaker_right({"speaker_text": "officials", "speaker": "UKRGOV"}, pred) is True
    assert speaker_right({"speaker_text": None, "speaker": None}, Predicted("x", "direct", None, None)) is True


def test_alignment_needs_half_of_each_side():
    gold = [{"text": "the port would close at noon"}, {"text": "We will not sign"}]
    pred = [Predicted("We will not sign this treaty today", "direct", None, None),
            Predicted("the port would close at noon on Friday", "indirect", None, None),
            Predicted("noon", "direct", None, None)]
    assert sorted(align(gold, pred)) == [(0, 1), (1, 0)]


UNITS = [
    {"id": "x1-01", "article": "x1", "unit": 1, "text": '"We will not sign this treaty," said Dmitry Peskov.',
     "quotes": [{"kind": "direct", "text": "We will not sign this treaty,", "speaker_text": "Dmitry Peskov",
                 "speaker": "RUSGOV"}]},
    {"id": "x1-02", "article": "x1", "unit": 2, "text": "A senior harbour official said the port would close at noon.",
     "quotes": [{"kind": "indirect", "text": "the port would close at noon", "speaker_text": "A senior harbour official",
                 "speaker": None}]},
    {"id": "x2-01", "article": "x2", "unit": 1, "text": "Crowds gathered in the square on Sunday.",
     "quotes": [{"kind": "indirect", "text": "the crowd was peaceful", "speaker_text": "police", "speaker": None}]},
]


def test_score_quotes_on_units_of_our_own(coder):
    report = score_quotes(UNITS, coder)
    ours = report["parley"]
    assert report["articles"] == 2 and report["units"] == 3
    assert ours["quotes"]["direct"]["tp"] == 1 and ours["quotes"]["indirect"]["tp"] == 1
    assert ours["quotes"]["indirect"]["fn"] == 1 and ours["misses"][0]["id"] == "x2-01"
    assert ours["speaker"]["all"] == {"matched": 2, "right": 2, "accuracy": 1.0}
    assert ours["speakers_out_of_reach"] == {"with_speaker": 2, "out_of_reach": 0}
    theirs = report["textacy"]
    assert theirs["quotes"]["direct"]["tp"] == 1 and "indirect" not in theirs["quotes"]


def test_eval_quotes_from_the_command_line(tmp_path):
    from parley.cli import app

    gold = tmp_path / "units.jsonl"
    gold.write_text("".join(json.dumps(u) + "\n" for u in UNITS), encoding="utf-8")
    out = tmp_path / "report.json"
    r = CliRunner().invoke(app, ["eval", str(gold), "--quotes", "--no-model", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "textacy" in r.output and "speaker neither in the quote's sentence" in r.output
    assert json.loads(out.read_text())["parley"]["quotes"]["all"]["tp"] == 2
