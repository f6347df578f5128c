"""`parley code` and `parley explain` end to end, in-process, on files we create."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from parley.cli import app

runner = CliRunner()

GOOD = "Russia and China condemned the United States on Saturday."
OTHER = "Japan pledged aid to the Philippines."


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_code_text_file_writes_jsonl(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("code", str(src), "--published", "2024-07-17", "--out", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert {e["source"]["code"][:3] for e in data["events"]} >= {"RUS", "CHN"}
    assert all(e["date"] == "2024-07-13" for e in data["events"])  # the Saturday before


def test_code_table_format_prints_events_and_quotes(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    result = run("code", str(src), "--published", "2024-07-17", "--format", "table")
    assert result.exit_code == 0
    assert "events" in result.output and "111" in result.output and "quotations" in result.output


def test_code_stdin_jsonl_lines():
    lines = "\n".join(json.dumps({"id": f"d{i}", "text": t, "published": "2024-07-17"}) for i, t in enumerate([GOOD, OTHER]))
    result = run("code", "-", input=lines + "\n")
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [d["document"]["id"] for d in docs] == ["d0", "d1"]


def test_bad_items_are_reported_and_the_rest_is_coded(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "1-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "2-empty.txt").write_text("", encoding="utf-8")
    (folder / "3-binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (folder / "4-latin1.txt").write_bytes("Caf\xe9 in Paris".encode("latin-1"))
    (folder / "5-docs.jsonl").write_text(json.dumps({"text": OTHER}) + "\n{not json\n", encoding="utf-8")
    big = folder / "6-huge.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # a 50 MB file: refused without being read
    out = tmp_path / "out.jsonl"
    result = run("code", str(folder), "--published", "2024-07-17", "--out", str(out))
    assert result.exit_code == 1
    coded = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(coded) == 2  # the good text file and the good JSON line
    err = result.stderr if hasattr(result, "stderr") else result.output
    for name in ("2-empty.txt", "3-binary.txt", "4-latin1.txt", "5-docs.jsonl:2", "6-huge.txt"):
        assert name in err, err


def test_bad_published_date_is_a_usage_error(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    result = run("code", str(src), "--published", "13/07/2024")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_missing_file_is_reported(tmp_path):
    result = run("code", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1


def test_explain_shows_parse_patterns_and_drops():
    result = run("explain", "If talks fail, Israel would strike Iran.", "--published", "2024-07-13")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "parse" in out and "actor mentions" in out
    assert "strike" in out and "hypothetical" in out
    assert "ISR" in out and "IRN" in out


def test_explain_prints_pattern_objects_literally():
    result = run("explain", "Japan gave the Philippines two million dollars of aid.", "--published", "2025-05-01")
    assert result.exit_code == 0, result.output
    # the object element of the pattern that fired is shown, not swallowed as console markup
    assert "[billion|" in result.output.replace("\n", "")
    assert "JPN 071 PHL" in result.output


def test_explain_says_why_nothing_was_coded():
    result = run("explain", "Somebody condemned the decision.")
    assert result.exit_code == 0
    assert "no source actor" in result.output


@pytest.mark.parametrize("command", ["code", "explain"])
def test_help_documents_commands(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage" in result.output


@pytest.mark.parametrize("name, content, reason", [
    ("empty.jsonl", b"", "empty"),
    ("blank.txt", b"\n\n", "empty"),
    ("huge.txt", None, "larger than the limit"),
    ("notext.jsonl", b'{"title": "no body"}\n', "no 'text'"),
])
def test_bench_on_a_corpus_without_documents_is_a_clear_error(tmp_path, monkeypatch, name, content, reason):
    import parley.bench

    def never(*args, **kwargs):
        raise AssertionError("timing started")

    monkeypatch.setattr(parley.bench, "run", never)  # refused before any child process is timed
    path = tmp_path / name
    if content is None:
        with path.open("wb") as fh:
            fh.truncate(6_000_000)
    else:
        path.write_bytes(content)
    result = run("bench", str(path), "-n", "5")
    assert result.exit_code == 2, result.output
    assert "no document to time" in result.output and reason in result.output
    assert "Traceback" not in result.output and "ZeroDivisionError" not in result.output


def test_a_synthetic_corpus_larger_than_the_byte_limit_is_coded(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    assert run("bench", "-n", "5", "--make-corpus", str(corpus)).exit_code == 0
    limit = str(max(len(line) for line in corpus.read_bytes().splitlines()) + 1)
    assert corpus.stat().st_size > int(limit)  # the file is over the limit, each document under it
    out = tmp_path / "out.jsonl"
    result = run("code", str(corpus), "--max-bytes", limit, "--no-model", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


TWELVE = " ".join([
    "Russia condemned Ukraine on Monday.", "Japan pledged aid to the Philippines.",
    "China criticised the United States.", "Turkey condemned Sweden.", "Egypt praised Israel.",
    "Iran accused Iraq of spying.", "France met Germany in Paris.",
    "India rejected the proposal by Pakistan.",
    "Brazil signed a deal with Argentina.", "Kenya expelled two Ugandan diplomats.",
    "Poland urged Belarus to release the journalists.", "Canada sent aid to Haiti.",
])


def test_table_fits_80_columns_without_breaking_words(code_text):
    import io

    from rich.console import Console

    from parley.cli.code import print_document
    from parley.ontology import ontology

    coded = code_text(TWELVE)
    assert len(coded.events) >= 10
    console = Console(width=80, file=io.StringIO(), record=True, highlight=False)
    print_document(console, coded)
    lines = console.export_text().splitlines()
    assert all(len(line) <= 80 for line in lines)
    words = {w for line in lines for w in line.replace("│", " ").split()}
    for e in coded.events:  # every code and every word of each event's name is printed whole
        assert {e.source.code, e.cameo, *ontology().get(e.cameo).name.split()} <= words, e
    assert len(lines) <= 2 * len(coded.events) + 12, "\n".join(lines)  # at most two lines an event
    assert "…" not in "\n".join(lines)


def test_wide_table_has_every_column(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    args = ["code", str(src), "--published", "2024-07-17", "--format", "wide", "--no-model"]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert all(col in result.output for col in ("modality", "trigger", "rule", "conf", "kind", "cue"))


def test_bench_table_fits_80_columns_and_summarises_rounds():
    import io

    from rich.console import Console

    from parley.cli.bench import results_table, summary_lines

    rows = [{"round": r, "processes": p, "articles": 300, "sentences": 4000, "events": 2345,
             "spacy_seconds": 10.0 / p, "parley_seconds": (8.0 + r) / p, "worker_peak_mb": 310.0 if p > 1 else 0.0,
             "ratio": 10.0 / (8.0 + r)} for r in (1, 2, 3) for p in (1, 2)]
    result = {"corpus": "real news: corpus/batches (train, dev)", "articles": 300, "rounds": rows,
              "main_peak_mb": 700.0, "startup": {"spacy": [1.1, 1.2, 1.3], "parley": [1.5, 1.6, 1.9]}}
    console = Console(width=80, file=io.StringIO(), record=True)
    console.print(results_table(result))
    text = console.export_text()
    assert "…" not in text and all(len(line) <= 80 for line in text.splitlines())
    assert "procs" in text and "ratio" in text and "1.11" in text  # round 1: 10 s against 9 s
    lines = summary_lines(result)
    assert lines[0].startswith("1 process(es): parley at 1.00x") and "spread 0.91-1.11" in lines[0]
    assert "parley 2.00x its one-process speed" in lines[1] and "310 MB" in lines[1]
    assert "bare spaCy 1.20 s, parley 1.60 s" in lines[-1]


@pytest.mark.parametrize("flags, statistical_ner", [([], False), (["--statistical-ner"], True)])
def test_eval_parses_with_the_finders_or_with_spacys_ner(tmp_path, monkeypatch, flags, statistical_ner):
    import parley.pipeline

    seen = []
    real = parley.pipeline.default_coder

    def recording(options=None):  # type: ignore[no-untyped-def]
        seen.append(options)
        return real(options)

    monkeypatch.setattr(parley.pipeline, "default_coder", recording)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": "Chile criticised Peru on Monday.", "published": "2024-03-06",
                                "events": [{"source": "CHL", "cameo": "111", "target": "PER"}]}) + "\n",
                    encoding="utf-8")
    result = run("eval", str(gold), "--no-model", *flags)
    assert result.exit_code == 0, result.output
    assert [o.statistical_ner for o in seen] == [statistical_ner]
    assert ("ner" in real(seen[0]).nlp.pipe_names) is statistical_ner
