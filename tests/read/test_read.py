"""Readers: good inputs become Documents, every bad item a Failure with a clear message."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys

import pytest

from parley.model import Document, Failure
from parley.read import iter_documents

DAY = dt.date(2024, 7, 13)


def collect(tmp_path, name, content: bytes, **kw):
    path = tmp_path / name
    path.write_bytes(content)
    return list(iter_documents([str(path)], published=DAY, **kw))


def test_text_file_is_one_document(tmp_path):
    [doc] = collect(tmp_path, "a.txt", "Ukraine and Poland signed a deal.\n".encode())
    assert isinstance(doc, Document) and doc.published == DAY and doc.text.startswith("Ukraine")


def test_jsonl_lines_and_their_metadata(tmp_path):
    lines = [
        {"id": "x1", "text": "Chad expelled a French envoy.", "published": "2023-08-01", "url": "u", "source": "s"},
        {"text": "Mali arrested a journalist."},
    ]
    docs = collect(tmp_path, "d.jsonl", "\n".join(json.dumps(x) for x in lines).encode())
    assert [d.id for d in docs][0] == "x1"
    assert docs[0].published == dt.date(2023, 8, 1) and docs[1].published == DAY
    assert docs[0].url == "u" and docs[0].source == "s"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("bin.txt", b"\x00\x01\x02" * 50, "binary"),
        ("latin.txt", "Caf\xe9 talks".encode("latin-1"), "not valid UTF-8"),
        ("bad.jsonl", b'{"text": "ok"}\n{oops\n', "malformed JSON"),
        ("notext.jsonl", b'{"title": "no body"}\n', "no 'text'"),
        ("baddate.jsonl", b'{"text": "x", "published": "yesterday-ish"}\n', "unreadable 'published'"),
    ],
)
def test_bad_items_become_failures(tmp_path, name, content, message):
    items = collect(tmp_path, name, content)
    failures = [i for i in items if isinstance(i, Failure)]
    assert failures and message in failures[0].message, items
    assert failures[0].code == "E002" and name in failures[0].item


def test_malformed_line_keeps_the_rest(tmp_path):
    items = collect(tmp_path, "m.jsonl", b'{"text": "Iraq hosted Iran."}\n{bad\n{"text": "Oman mediated."}\n')
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    assert items[1].item.endswith("m.jsonl:2")


@pytest.mark.parametrize("bad_line", [
    "[" * 2000 + "]" * 2000,  # a bare array nested 2,000 deep
    '{"text": "Oman mediated.", "meta": ' + "[" * 2000 + "]" * 2000 + "}",  # nested inside a good record
    '{"a": ' * 2000 + "1" + "}" * 2000,
])
def test_deeply_nested_line_is_a_failure_and_the_good_lines_are_kept(tmp_path, bad_line):
    content = '{"text": "Iraq hosted Iran."}\n' + bad_line + '\n{"text": "Chad expelled an envoy."}\n'
    items = collect(tmp_path, "deep.jsonl", content.encode())
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    assert items[1].item.endswith("deep.jsonl:2") and "nested too deeply" in items[1].message


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    import parley.read

    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)

    def never(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(parley.read, "open", never, raising=False)  # the reader's own name for open()
    [failure] = list(iter_documents([str(path)]))
    assert isinstance(failure, Failure) and "52,428,800 bytes, larger than the limit" in failure.message


def test_size_limit_is_configurable(tmp_path):
    items = collect(tmp_path, "a.txt", b"x" * 200, max_bytes=100)
    assert isinstance(items[0], Failure)


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    with gzip.open(tmp_path / "3.txt.gz", "wb") as fh:
        fh.write(b"Third.")
    docs = list(iter_documents([str(tmp_path)]))
    assert [d.text for d in docs] == ["First.", "Third.", "Second."]


def test_missing_path(tmp_path):
    [failure] = list(iter_documents([str(tmp_path / "nope.txt")]))
    assert "no such file" in failure.message


def test_stdin_text_and_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Peru recalled its ambassador.")))
    [doc] = list(iter_documents(["-"]))
    assert doc.text == "Peru recalled its ambassador."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n')))
    assert [d.text for d in iter_documents(["-"])] == ["a", "b"]


def _jsonl(n: int, size: int = 200) -> bytes:
    """``n`` JSON lines of about ``size`` bytes each."""
    lines = [json.dumps({"id": f"d{i}", "text": f"Document {i}. " + "x" * (size - 40)}) for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.ndjson", "corpus.jsonl.gz"])
def test_the_size_limit_applies_to_each_json_line_not_the_file(tmp_path, name):
    data = _jsonl(30)  # 30 documents of 200 bytes: a 6,000-byte file under a 1,000-byte limit
    content = gzip.compress(data) if name.endswith(".gz") else data
    items = collect(tmp_path, name, content, max_bytes=1000)
    assert [i.id for i in items] == [f"d{i}" for i in range(30)] and len(data) > 1000


def test_a_json_line_over_the_limit_is_one_failure_and_the_rest_are_kept(tmp_path):
    long = json.dumps({"id": "long", "text": "y" * 5000}).encode()
    lines = _jsonl(2).splitlines()
    content = b"\r\n".join([lines[0], long, lines[1], long + b" "]) + b"\n"  # CRLF line ends too
    items = collect(tmp_path, "m.jsonl", content, max_bytes=1000)
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document", "Failure"]
    assert [i.item.rsplit(":", 1)[1] for i in items if isinstance(i, Failure)] == ["2", "4"]
    assert "line larger than the limit of 1,000 bytes" in items[1].message
    assert [i.id for i in items if isinstance(i, Document)] == ["d0", "d1"]


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\n \n", "empty"),
    (b"\x00\x01" * 300, "binary"),
])
def test_an_unreadable_json_lines_file_is_one_failure(tmp_path, content, message):
    [failure] = collect(tmp_path, "bad.jsonl", content, max_bytes=1000)
    assert isinstance(failure, Failure) and message in failure.message and failure.item.endswith("bad.jsonl")


def test_a_bad_byte_fails_its_line_only(tmp_path):
    content = b'{"text": "Caf\xe9 talks"}\n' + _jsonl(1)
    items = collect(tmp_path, "latin.jsonl", content)
    assert [type(i).__name__ for i in items] == ["Failure", "Document"]
    assert "not valid UTF-8" in items[0].message and items[0].item.endswith("latin.jsonl:1")


def test_stdin_json_lines_over_the_limit_are_read_document_by_document(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_jsonl(30))))
    items = list(iter_documents(["-"], max_bytes=1000))
    assert [i.id for i in items] == [f"d{i}" for i in range(30)]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"plain text " * 200)))
    [failure] = list(iter_documents(["-"], max_bytes=1000))  # text over the limit is still refused
    assert isinstance(failure, Failure) and "larger than the limit" in failure.message


@pytest.mark.parametrize("line, message", [
    ('{"text": "abc', "malformed JSON (Unterminated string starting at column 10)"),
    ('{"text" "abc"}', "malformed JSON (Expecting ':' delimiter at column 9)"),
])
def test_malformed_json_messages_read_well(tmp_path, line, message):
    [failure] = collect(tmp_path, "m.jsonl", line.encode())
    assert failure.message == message and "at at" not in failure.message


# -- found by the fuzz suite (test_read_fuzz.py) ---------------------------------------------------------------


@pytest.mark.parametrize("content", ["\ufeff".encode(), "\ufeff\u3000\u2003\n".encode()])
def test_a_file_of_a_byte_order_mark_or_unicode_spaces_is_empty(tmp_path, content):
    [failure] = collect(tmp_path, "bom.txt", content)
    assert isinstance(failure, Failure) and failure.message.endswith(": empty")


def test_an_unpaired_surrogate_escaped_in_json_becomes_a_replacement_character(tmp_path):
    line = '{"id": "s1", "text": "Peru \\ud800 recalled its envoy; a pair \\ud83d\\ude00 stays.", "title": "\\udfff"}'
    [doc] = collect(tmp_path, "s.jsonl", line.encode())
    assert doc.text == "Peru \ufffd recalled its envoy; a pair \U0001f600 stays." and doc.title == "\ufffd"
    doc.text.encode("utf-8")  # could not be written out before: 'surrogates not allowed'


@pytest.mark.parametrize("name", ["n.jsonl", "n.json"])
@pytest.mark.parametrize("brk", ["\u0085", "\u2028", "\u2029"])
def test_json_lines_are_split_at_line_feeds_only(tmp_path, name, brk):
    # json.dumps(ensure_ascii=False) leaves these characters unescaped inside strings; str.splitlines cut
    # the line there, so the document was lost (and a .json file was read as one text document)
    lines = [json.dumps({"id": "a", "text": f"Oman{brk} hosted the talks."}, ensure_ascii=False),
             json.dumps({"id": "b", "text": "Qatar sent a delegation."})]
    docs = collect(tmp_path, name, "\n".join(lines).encode())
    assert [(d.id, d.text) for d in docs] == [("a", f"Oman{brk} hosted the talks."), ("b", "Qatar sent a delegation.")]
