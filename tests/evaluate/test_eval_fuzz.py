"""Fuzzing `parley eval`'s readers: a gold, PLOVER, actor-case or codebook file of any bytes, malformed or
deeply nested JSON, records of the wrong shape. Each is scored, or refused with a catalogued error (E002 naming
the file and line), never a traceback. Derandomized with a fixed budget; ``PARLEY_FUZZ_EXAMPLES`` raises it."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.errors import ParleyError
from parley.evaluate import FORMATS, detect_format, evaluate

EXAMPLES = int(os.environ.get("PARLEY_FUZZ_EXAMPLES", 0))
FUZZ = settings(max_examples=EXAMPLES or 100, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

scalar = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False), st.text(max_size=12),
                   st.sampled_from(["010", "0", "asserted", "RUS", "RUSGOV", "2024-07-13", "tomorrow", "ACCUSE",
                                    "Peru condemned Chile on Monday.", "\"We will talk,\" the Chilean minister said."]))
value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(st.text(max_size=6), inner, max_size=3)),
                     max_leaves=8)
KEYS = ("text", "id", "events", "quotes", "actors", "cameo", "modality", "source", "target", "article", "published",
        "plover_event", "plover_id", "cameo_code", "cameo_match_ratio", "actor", "expected", "query_date", "country",
        "cc", "code_1", "code_2", "code", "sector", "speaker", "kind", "source_url", "date", "unit", "optional")
record = st.recursive(
    st.fixed_dictionaries({}, optional={k: scalar for k in KEYS}),
    lambda inner: st.fixed_dictionaries({}, optional={k: st.one_of(scalar, inner, st.lists(inner, max_size=2))
                                                      for k in KEYS}),
    max_leaves=10)


@st.composite
def jsonl_file(draw) -> bytes:
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.integers(0, 4))
        if kind <= 1:
            line = json.dumps(draw(record))
        elif kind == 2:
            line = json.dumps(draw(value))
        elif kind == 3:
            line = "[" * draw(st.integers(1, 3000))
        else:
            line = json.dumps(draw(record))[:draw(st.integers(0, 40))]
        lines.append(line)
    data = "\n".join(lines).encode()
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return data


@st.composite
def csv_file(draw) -> bytes:
    cells = st.one_of(st.text(max_size=15), st.sampled_from(["010", "NA", "", "\"", "a,b", "\"x\"\"y", "\n"]))
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=4), max_size=4))
    header = draw(st.sampled_from(["code,example", "example,code", "code", "x,y", ""]))
    text = "\n".join([header, *(",".join(r) for r in rows)])
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data += draw(st.binary(max_size=6))
    return data


def run(name: str, data: bytes, fmt: str | None, code) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            kind = fmt or detect_format(path)
            report = evaluate(path, kind, code)
        except ParleyError as exc:
            assert exc.code == "E002" and exc.message, exc
            return
        assert report["format"] == kind


@FUZZ
@given(data=jsonl_file(), fmt=st.sampled_from([None, *(f for f in FORMATS if f != "codebook")]))
def test_json_lines_gold_files(coder, data, fmt):
    run("gold.jsonl", data, fmt, coder.code)


@FUZZ
@given(data=st.one_of(csv_file(), st.binary(max_size=200)))
def test_codebook_files(coder, data):
    run("codebook.csv", data, None, coder.code)


@pytest.mark.parametrize("fmt", [None, *FORMATS])
def test_an_empty_gold_file_is_refused_or_scores_nothing(coder, fmt):
    run("empty.jsonl" if fmt != "codebook" else "empty.csv", b"", fmt, coder.code)
