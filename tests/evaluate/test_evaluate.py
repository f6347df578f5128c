"""`parley eval` scoring, the synthetic corpus, and coding on two processes."""

from __future__ import annotations

import csv
import json
import re

import pytest

from typer.testing import CliRunner

from parley import errors
from parley.cli import app
from parley.evaluate import (
    PRF, accepts, detect_format, match_events, score_actors, score_codebook, score_gold, traps_coded_as_real,
)


def test_prf_and_multiset_matching():
    gold = [{"source": "RUS", "cameo": "111", "target": "USA"}, {"source": "RUS", "cameo": "112", "target": "USA"},
            {"source": "CHN", "cameo": "040", "target": "JPN"}]
    tp, misses, wrong = match_events(gold, [], [("RUS", "11", "USA"), ("IRN", "19", None)], lenient=True)
    assert tp == 1 and len(misses) == 2 and wrong == [1]
    prf = PRF()
    prf.add(3, 1, 2)
    assert prf.as_dict()["precision"] == 0.75 and prf.as_dict()["recall"] == 0.6


def test_matching_follows_the_annotation_conventions():
    # a null gold target accepts any target; alt codes and alternative targets are accepted too
    g = {"source": "TUR", "cameo": "111", "target": None, "alt_codes": ["112"], "target_alt": []}
    assert accepts(g, ("TUR", "11", "SWE"), True) and accepts(g, ("TUR", "112", None), False)
    assert not accepts(g, ("TUR", "12", None), True) and not accepts(g, ("GRC", "11", None), True)
    h = {"source": "ISR", "cameo": "190", "target": "LBN", "target_alt": ["LBNREB"]}
    assert accepts(h, ("ISR", "190", "LBNREB"), False) and not accepts(h, ("ISR", "190", "SYR"), False)
    # ANNOTATION.md's long IGO codes and parley's short ones are the same actor
    assert accepts({"source": "IGOUNO", "cameo": "111", "target": "RUS"}, ("UNO", "11", "RUS"), True)
    # an optional event is neither required nor penalised; a prediction nothing accepts is wrong
    optional = [{"source": "USA", "cameo": "040", "target": "CHN", "modality": "optional"}]
    tp, missed, wrong = match_events([], optional, [("USA", "04", "CHN"), ("USA", "19", "CHN")], True)
    assert (tp, missed, wrong) == (0, [], [1])


def test_both_directions_of_a_symmetric_act_listed_as_required_ask_for_one_act():
    # ANNOTATION.md: the reverse direction of a meeting, agreement or clash is optional
    both = [{"source": "PERGOV", "cameo": "040", "target": "CHLGOV"},
            {"source": "CHLGOV", "cameo": "040", "target": "PERGOV"}]
    for pred in ([("PER", "04", "CHL")], [("CHL", "04", "PER")]):
        assert match_events(both, [], pred, True) == (1, [], [])  # either direction is the act
    assert match_events(both, [], [("PER", "04", "CHL"), ("CHL", "04", "PER")], True) == (1, [], [])
    tp, missed, wrong = match_events(both, [], [("PER", "19", "CHL")], True)
    assert (tp, wrong) == (0, [0]) and missed == [both[0]]  # one act missed, reported as it was written
    # a one-way act (a visit, an accusation) listed both ways is two acts
    visits = [{"source": "PER", "cameo": "042", "target": "CHL"}, {"source": "CHL", "cameo": "042", "target": "PER"}]
    assert match_events(visits, [], [("PER", "04", "CHL")], True)[:2] == (1, [visits[1]])


def test_traps_coded_as_real_are_counted(coder):
    records = [{"id": "t", "text": "If talks fail, Israel would strike Iran.", "published": "2024-03-01",
                "events": [{"source": "ISR", "cameo": "190", "target": "IRN", "modality": "hypothetical"}]}]
    report = score_gold(records, coder.code)
    assert report["traps"]["gold_traps"] == 1
    assert report["traps"]["coded_as_real"] == 0


def test_a_trap_is_coded_as_real_only_by_a_prediction_no_required_event_takes():
    # a real recall and, in the same sentence, the same act promised to others: one right prediction codes no trap
    gold = [{"source": "SRBGOV", "cameo": "161", "target": "USA", "modality": "asserted"},
            {"source": "SRBGOV", "cameo": "161", "target": None, "modality": "hypothetical"}]
    assert traps_coded_as_real(gold, [("SRB", "16", "USA")]) == (1, 0, 1)
    # a second recall is not taken by the one real recall: it is the trap coded as real
    assert traps_coded_as_real(gold, [("SRB", "16", "USA"), ("SRB", "16", "USA")]) == (1, 1, 1)
    # a prediction only an optional event accepts is not taken by a required one either
    optional = [{"source": "FRA", "cameo": "040", "target": "DEU", "modality": "optional"},
                {"source": "FRA", "cameo": "042", "target": "DEU", "modality": "hypothetical"}]
    assert traps_coded_as_real(optional, [("FRA", "04", "DEU")]) == (1, 1, 1)
    assert traps_coded_as_real(gold[:1], [("SRB", "16", "USA")]) == (0, 0, 0)


def test_gold_scoring_counts_hits_misses_and_false_positives(coder):
    records = [
        {"id": "a", "text": "Turkey condemned Sweden over the protest.", "published": "2024-03-01",
         "events": [{"source": "TUR", "cameo": "111", "target": "SWE", "modality": "asserted"}]},
        {"id": "b", "text": "If talks fail, Israel would strike Iran.", "published": "2024-03-01",
         "events": [{"source": "ISR", "cameo": "190", "target": "IRN", "modality": "hypothetical"}]},
        {"id": "c", "text": "Norway hosted Colombian negotiators in Oslo.", "published": "2024-03-01",
         "events": [{"source": "NOR", "cameo": "043", "target": "COLGOV", "modality": "asserted"}]},
    ]
    report = score_gold(records, coder.code)
    lenient = report["events_asserted_lenient"]
    assert lenient["tp"] >= 1  # the condemnation
    assert report["non_asserted_sentences"] == {"sentences": 1, "without_asserted_event": 1}
    assert any(k.startswith("hypothetical -> hypothetical") for k in report["modality_confusion"])
    assert lenient["tp"] + lenient["fn"] == 2
    assert all("text" in m for m in report["misses"])


def test_codebook_format_is_read_and_scored(tmp_path, coder):
    path = tmp_path / "book.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["code", "name", "example"])
        w.writerow(["111", "Criticize or denounce", "Peru criticised Bolivia over the river dam."])
        w.writerow(["042", "Make a visit", "The Ghanaian president visited Togo on Monday."])
        w.writerow(["01", "Make public statement", "NA"])
    assert detect_format(path) == "codebook"
    from parley.evaluate import read_codebook

    report = score_codebook(read_codebook(path), coder.code)
    assert report["examples"] == 2 and report["root_accuracy"] == 1.0


def test_actor_cases_format():
    rows = [
        {"actor": "Kyiv police", "query_date": None, "expected": {"country": {"op": "==", "value": "UKR"}, "code_1": {"op": "==", "value": "COP"}}},
        {"actor": "the Taliban", "query_date": "2023-01-01", "expected": {"country": {"op": "==", "value": "AFG"}, "code_1": {"op": "==", "value": "GOV"}}},
    ]
    from parley.actors import resolve_text

    report = score_actors(rows, resolve_text)
    assert report["country_accuracy"] == 1.0 and report["sector_accuracy"] == 1.0


def test_eval_command_writes_a_report(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": "Canada sent humanitarian supplies to Haiti.", "published": "2024-02-02",
                                "events": [{"source": "CAN", "cameo": "070", "target": "HTI", "modality": "asserted"}]}) + "\n",
                    encoding="utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["eval", str(gold), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["events_asserted_lenient"]["tp"] == 1


def test_eval_command_rejects_a_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2


def test_synthetic_corpus_is_deterministic_and_varied(tmp_path):
    from parley import bench

    a = list(bench.articles(20, seed=3))
    assert a == list(bench.articles(20, seed=3)) and a != list(bench.articles(20, seed=4))
    assert len({x["text"] for x in a}) == 20
    n = bench.write_corpus(tmp_path / "c.jsonl", 5)
    lines = (tmp_path / "c.jsonl").read_text().splitlines()
    assert n == 5 and all(json.loads(line)["text"] for line in lines)


def test_two_processes_give_the_same_output_as_one(coder):
    from parley import bench, parallel
    from parley.model import Document
    from parley.pipeline import Options

    docs = [Document(text=a["text"], published=None) for a in bench.articles(6, seed=1)]
    one = list(parallel.pipe_items(docs, 1, Options(batch_size=2)))
    two = list(parallel.pipe_items(docs, 2, Options(batch_size=2)))
    assert [c.to_json() for c in one] == [c.to_json() for c in two]
    assert sum(len(c.events) for c in one) > 0


def test_malformed_gold_records_are_refused_with_file_and_line(tmp_path):
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"text": "Peru criticised Chile.", "events": [{"cameo": "111", "modality": "maybe"}]}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold)])
    assert result.exit_code == 2 and "bad.jsonl:1" in result.output and "modality" in result.output


# -- found by fuzzing (test_eval_fuzz.py): a malformed gold file is refused with E002 naming the line -----------


@pytest.mark.parametrize("fmt, content, message", [
    (None, b"5\n", "gold.jsonl:1: a record must be a JSON object; give --format"),
    (None, b"\x80\n", "gold.jsonl:1: not valid UTF-8 (byte 0x80"),
    (None, b"[" * 5000 + b"\n", "gold.jsonl:1: malformed JSON (nested too deeply to read)"),
    ("gold", b'{"text": "Peru condemned Chile."}\n{"text": 7}\n', "gold.jsonl:2: 'text' must be a string, not a number"),
    ("gold", b'{"text": "Peru condemned Chile.", "events": [{"cameo": "111", "target_alt": [5]}]}\n',
     "gold.jsonl:1: events: each of 'target_alt' must be a string or null, not a number"),
    ("gold", b'{"text": "Peru condemned Chile.", "published": 20240713}\n', "'published' must be a string or null"),
    ("plover", b'{"plover_event": "ACCUSE"}\n', "gold.jsonl:1: 'text' is missing"),
    ("plover", b'{"text": "Peru condemned Chile.", "cameo_code": "111", "cameo_match_ratio": "high"}\n',
     "'cameo_match_ratio' must be a number or null, not a string"),
    ("actors", b'{"expected": {}}\n', "gold.jsonl:1: 'actor' is missing"),
    ("actors", b'[1, 2]\n', "gold.jsonl:1: a record must be a JSON object, not a list"),
])
def test_a_malformed_gold_file_is_refused_naming_the_line(tmp_path, coder, fmt, content, message):
    from parley.evaluate import detect_format, evaluate

    path = tmp_path / "gold.jsonl"
    path.write_bytes(content)
    with pytest.raises(errors.InputError, match=re.escape(message)):
        evaluate(path, fmt or detect_format(path), coder.code)


def test_a_codebook_that_is_not_utf8_is_refused_and_short_rows_are_skipped(tmp_path, coder):
    from parley.evaluate import evaluate

    path = tmp_path / "codebook.csv"
    path.write_bytes(b"code,example\n111,Peru condemned Chile.\n112\n,,,\n" + "\u00e9".encode("latin-1") + b",x\n")
    with pytest.raises(errors.InputError, match="not valid UTF-8"):
        evaluate(path, "codebook", coder.code)
    path.write_bytes(b"code,example\n111,Peru condemned Chile.\n112\n113,Chile denounced Peru.,extra\n")
    assert evaluate(path, "codebook", coder.code)["examples"] == 2
