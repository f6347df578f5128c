"""Fuzzing the readers: whatever bytes, Unicode, malformed JSON, deep nesting or broken markup come in, every
item is a Document or a Failure with a catalogued code, never a traceback, and good JSON lines around a bad
one are still read. A fixed budget (settings below), derandomized so CI runs the same examples every time
(``PARLEY_FUZZ_EXAMPLES`` raises it for a longer hunt)."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import sys
import tempfile
from pathlib import Path

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.errors import catalogue
from parley.model import Document, Failure
from parley.read import iter_documents, web

EXAMPLES = int(os.environ.get("PARLEY_FUZZ_EXAMPLES", 0))
FUZZ = settings(max_examples=EXAMPLES or 150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CODES = set(catalogue())
GOOD = ('{"id": "good-1", "text": "Chile and Peru signed a fishing accord in Lima."}',
        '{"id": "good-2", "text": "The Kenyan cabinet met the Somali envoy on Friday."}')

# -- strategies ------------------------------------------------------------------------------------------------

json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
json_value = st.recursive(json_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)
#: records with the keys parley reads, holding values of any JSON type
record = st.fixed_dictionaries({}, optional={k: json_value for k in ("id", "text", "title", "url", "source",
                                                                       "published")})
#: JSON text that is not what a reader expects: truncated, with stray bytes, nested deep, escapes of
#: unpaired surrogates and control characters
nasty_escape = st.sampled_from(['\\ud800', '\\udfff', '\\u0000', '\\u001b', '\\ufeff', '\\u2028', '\\uffff',
                                '\\ud83d\\ude00', '\\x41', '\\', '\\u12'])
deep = st.builds(lambda n, o, c: o * n + c * (n if o != "[" else n // 2),
                 st.integers(1, 5000), st.sampled_from(["[", '{"a":', '{"text":[']), st.sampled_from(["]", "}"]))


@st.composite
def json_line(draw) -> str:
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return json.dumps(draw(record), ensure_ascii=draw(st.booleans()))
    if kind == 1:
        return json.dumps(draw(json_value))
    if kind == 2:  # a good record cut short
        line = json.dumps(draw(record))
        return line[:draw(st.integers(0, len(line)))]
    if kind == 3:
        return draw(deep)
    if kind == 4:  # escapes spliced into a text value
        escapes = "".join(draw(st.lists(nasty_escape, min_size=1, max_size=4)))
        return '{"text": "Peru ' + escapes + ' recalled its ambassador.", "title": "' + escapes + '"}'
    return draw(st.text(max_size=60))


@st.composite
def raw_bytes(draw) -> bytes:
    """Bytes a file might hold: random, random text in UTF-8, or text with bad bytes spliced in."""
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return draw(st.binary(max_size=300))
    text = draw(st.text(max_size=200))
    data = text.encode("utf-8", "surrogatepass")  # lone surrogates encoded as bytes no decoder accepts
    if kind == 2:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    return data


markup_piece = st.sampled_from(["<html>", "<head>", "<title>", "</title>", "<body>", "<p>", "</p>", "<div>",
                                "</div>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;",
                                "&#xD800;", "&#0;", "&bogus;", "<?xml version='1.0'?>", "<rss>", "<channel>",
                                "<item>", "</item>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>",
                                "<description>", "<pubDate>", "Mon, 99 Foo 2024", "<meta charset='x-nope'>",
                                "<meta charset='utf-16'>", "<link>", "Ghana and Togo agreed to reopen the border "])
markup = st.lists(st.one_of(markup_piece, st.text(max_size=12)), max_size=40).map("".join)


def check_items(items: list) -> None:
    for item in items:
        assert isinstance(item, Document | Failure), item
        if isinstance(item, Failure):
            assert item.code in CODES and item.message, item
        else:
            assert isinstance(item.text, str) and item.text.strip(), item
            # every string a document carries can be written out as UTF-8 (to stdout, a file, the store)
            for value in (item.text, item.id, item.title, item.url, item.source):
                if value is not None:
                    value.encode("utf-8")


def read_file(name: str, data: bytes) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(iter_documents([str(path)], max_bytes=100_000))


@contextlib.contextmanager
def stdin_bytes(data: bytes):
    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        yield
    finally:
        sys.stdin = old


# -- the properties ----------------------------------------------------------------------------------------------


@FUZZ
@given(data=raw_bytes(), name=st.sampled_from(["a.txt", "a.md", "a.jsonl", "a.ndjson", "a.json", "a.html",
                                               "a.rss", "a.xml", "a.atom", "a.txt.gz", "a.jsonl.gz"]))
def test_any_bytes_in_any_kind_of_file(data, name):
    if name.endswith(".gz") and data[:1] != b"\x1f":
        data = gzip.compress(data)
    check_items(read_file(name, data))


@FUZZ
@given(bad=st.lists(json_line(), min_size=1, max_size=3), suffix=st.sampled_from([".jsonl", ".json", ".jsonl.gz"]))
def test_bad_json_lines_never_stop_the_good_ones(bad, suffix):
    text = "\n".join([GOOD[0], *bad, GOOD[1]]) + "\n"
    data = text.encode("utf-8", "surrogatepass")
    items = read_file("corpus" + suffix, gzip.compress(data) if suffix.endswith(".gz") else data)
    check_items(items)
    ids = [i.id for i in items if isinstance(i, Document)]
    if suffix == ".json" and not all(line.lstrip().startswith("{") for line in bad if line.strip()):
        return  # a .json file is JSON Lines only when every line is an object: else it is one text document
    assert ids[0] == "good-1" and ids[-1] == "good-2", items


@FUZZ
@given(bad=st.lists(json_line(), min_size=1, max_size=3), big=st.booleans())
def test_json_lines_on_stdin(bad, big):
    text = "\n".join([GOOD[0], *bad, GOOD[1]]) + "\n"
    data = text.encode("utf-8", "surrogatepass")
    with stdin_bytes(data):
        items = list(iter_documents(["-"], max_bytes=len(data) - 1 if big else 100_000))
    check_items(items)


@FUZZ
@given(data=st.one_of(raw_bytes(), markup.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_any_bytes_on_stdin(data):
    with stdin_bytes(data):
        check_items(list(iter_documents(["-"], max_bytes=100_000)))


@FUZZ
@given(page=markup, as_bytes=st.booleans())
def test_html_pages(page, as_bytes):
    data = page.encode("utf-8", "surrogatepass") if as_bytes else page
    check_items([web.document_from_html(data, "page.html")])
    if as_bytes:
        check_items(read_file("page.html", data))


@FUZZ
@given(feed=markup, as_bytes=st.booleans())
def test_feeds(feed, as_bytes):
    data = feed.encode("utf-8", "surrogatepass") if as_bytes else feed
    check_items(list(web.documents_from_feed(data, "feed.rss")))
    if as_bytes:
        check_items(read_file("feed.rss", data))


@FUZZ
@given(body=st.one_of(raw_bytes(), markup.map(lambda s: s.encode("utf-8", "surrogatepass"))),
       content_type=st.one_of(st.sampled_from(["text/html", "text/html; charset=latin-1", "text/plain",
                                               "text/plain; charset=nope", "application/rss+xml",
                                               "application/json", "image/png", "", "text/xml; charset=utf-16"]),
                              st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30)),
       status=st.sampled_from([200, 200, 200, 404, 500]), follow=st.booleans())
def test_urls_whatever_the_server_sends(body, content_type, status, follow):
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": content_type} if content_type else {}
        return httpx.Response(status, headers=headers, content=body)

    def client(timeout: float = 1.0) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)

    old = web.make_client
    web.make_client = client  # documents_from_url opens its client through this function
    try:
        items = list(web.documents_from_url("https://news.example/x", retries=0, backoff=0, max_bytes=100_000,
                                            follow_links=follow))
    finally:
        web.make_client = old
    check_items(items)
