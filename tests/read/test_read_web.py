"""Readers for the web's formats: HTML pages, RSS/Atom feeds, and URLs served by a local HTTP server
(never the internet): pages, feeds, 404, a 500 that recovers, a timeout, a refused connection, a body over the
size limit. Every page and feed here is of our own writing."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest

from parley.model import Document, Failure
from parley.read import iter_documents
from parley.read.web import USER_AGENT, html_to_text

PAGE = """<!doctype html><html><head><title>Ministers meet in Oslo</title>
<meta property="og:site_name" content="Example Wire"><meta name="date" content="2025-03-04"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministers meet in Oslo</h1>
<p>The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fisheries and Antarctic
research.</p>
<p>Chile invited Norway to send scientists to its southern stations next year, officials said after the
meeting.</p>
<p>Both governments agreed to hold a second round of talks in Santiago before the end of the year.</p>
</article><footer>Copyright Example Wire</footer></body></html>"""

ENTRY_PAGE = """<html><head><title>Kenya sends aid</title></head><body><article>
<p>Kenya sent three planes of food aid to Somalia on Tuesday after floods cut the roads near the border.</p>
<p>The Somali government thanked Nairobi and asked other neighbours to help.</p></article></body></html>"""

EMPTY_PAGE = "<html><head><title>Menu</title></head><body><nav><a href='/a'>A</a></nav></body></html>"

MENU_PAGE = """<html><body><nav><ul><li><a href=/a>World news</a></li>
<li><a href=/b>Sport and culture today</a></li></ul></nav>
<form><input name=q><button>Search the site</button></form></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire World</title><link>http://example.invalid/</link>
<item><title>Peru recalls ambassador</title><link>{base}/peru</link>
<description>&lt;p&gt;Peru recalled its ambassador from Bolivia on Monday after a border dispute.&lt;/p&gt;
&lt;script&gt;track()&lt;/script&gt;</description>
<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>
<item><title>Kenya sends aid</title><link>{base}/kenya</link>
<description>Kenya sent food aid to Somalia after the floods.</description>
<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom Desk</title><id>urn:x</id>
<entry><title>Ghana hosts talks</title><link href="http://example.invalid/ghana"/><id>urn:x:1</id>
<updated>2025-02-11T09:00:00Z</updated>
<content type="html">&lt;p&gt;Ghana hosted talks between Togo and Benin on Tuesday.&lt;/p&gt;
&lt;p&gt;A second round is planned.&lt;/p&gt;</content>
</entry></feed>"""


def rss(base: str = "http://example.invalid") -> str:
    return RSS.replace("{base}", base)


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(gzip.compress(content) if name.endswith(".gz") else content)
    return str(path)


# --- HTML files ---------------------------------------------------------------------------------------------


def test_html_file_main_text_and_metadata(tmp_path):
    [doc] = list(iter_documents([write(tmp_path, "page.html", PAGE)]))
    assert isinstance(doc, Document), doc
    assert "Norway and Chile met in Oslo" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text and "<p>" not in doc.text
    assert doc.title == "Ministers meet in Oslo"
    assert doc.published == dt.date(2025, 3, 4)
    assert doc.source == "Example Wire"


def test_html_file_without_a_date_takes_the_default(tmp_path):
    page = PAGE.replace('<meta name="date" content="2025-03-04">', "")
    [doc] = list(iter_documents([write(tmp_path, "page.htm", page)], published=dt.date(2024, 1, 2)))
    assert doc.published == dt.date(2024, 1, 2)


def test_html_in_its_own_encoding_and_gzipped_in_a_folder(tmp_path):
    latin = ('<html><head><meta charset="iso-8859-1"><title>Bogot\xe1</title></head><body>'
             "<p>El presidente de Colombia viaj\xf3 a Bogot\xe1 para reunirse con ministros de Per\xfa.</p>"
             "</body></html>")
    (tmp_path / "sub").mkdir()
    write(tmp_path, "sub/latin.html", latin.encode("latin-1"))
    write(tmp_path, "sub/page.html.gz", PAGE)
    docs = list(iter_documents([str(tmp_path)]))
    assert all(isinstance(d, Document) for d in docs), docs
    assert {d.title for d in docs} == {"Bogot\xe1", "Ministers meet in Oslo"}
    assert any("Per\xfa" in d.text for d in docs)


@pytest.mark.parametrize("content", [EMPTY_PAGE, MENU_PAGE, "<html><body></body></html>"])
def test_html_without_main_text_is_a_failure(tmp_path, content):
    path = write(tmp_path, "menu.html", content)
    [item] = list(iter_documents([path]))
    assert isinstance(item, Failure), item
    assert item.item == path and "no main text" in item.message and "menu.html" in item.message


@pytest.mark.parametrize("content", [
    "<html><body><p>unclosed <div><<<>>>",
    "<<<<>>>>&&&&#99999999;</html></html><html>",
    "<p>" * 2000,
])
def test_malformed_html_without_text_is_a_failure_not_an_exception(tmp_path, content):
    [item] = list(iter_documents([write(tmp_path, "bad.html", content)]))
    assert isinstance(item, Failure) and "no main text" in item.message


def test_malformed_html_keeps_its_text(tmp_path):
    content = "<html><body><p>Chile and Peru signed a trade deal in Lima on Friday.</td></table></p></span><!-- <"
    [item] = list(iter_documents([write(tmp_path, "bad.html", content)]))
    assert isinstance(item, Document) and item.text == "Chile and Peru signed a trade deal in Lima on Friday."


@pytest.mark.parametrize("content", [b"", b"   \n", b"\x00\x01\x02binary"])
def test_empty_or_binary_html_file_is_a_failure(tmp_path, content):
    [item] = list(iter_documents([write(tmp_path, "x.html", content)]))
    assert isinstance(item, Failure) and "x.html" in item.message


def test_html_helper_drops_scripts_and_keeps_paragraphs():
    text = html_to_text("<p>One &amp; two.</p><script>var x = 1;</script><style>p{}</style><p>Three</p>")
    assert text == "One & two.\nThree"
    assert html_to_text("<b>unclosed <i>tags") == "unclosed tags"


# --- feed files ---------------------------------------------------------------------------------------------


def test_rss_and_atom_files_give_one_document_per_entry(tmp_path):
    write(tmp_path, "wire.rss", rss())
    write(tmp_path, "desk.atom", ATOM)
    docs = list(iter_documents([str(tmp_path)]))
    assert all(isinstance(d, Document) for d in docs) and len(docs) == 3, docs
    peru = next(d for d in docs if d.title == "Peru recalls ambassador")
    assert peru.text == ("Peru recalls ambassador\n\n"
                         "Peru recalled its ambassador from Bolivia on Monday after a border dispute.")
    assert peru.published == dt.date(2025, 3, 3) and peru.url == "http://example.invalid/peru"
    assert peru.source == "Example Wire World"
    ghana = next(d for d in docs if d.title == "Ghana hosts talks")
    assert ghana.published == dt.date(2025, 2, 11) and ghana.source == "Example Atom Desk"
    assert ghana.url == "http://example.invalid/ghana"
    assert "Togo and Benin" in ghana.text and "second round" in ghana.text and "&lt;" not in ghana.text


def test_feed_detected_by_content_and_gzipped(tmp_path):
    docs = list(iter_documents([write(tmp_path, "wire.xml.gz", rss()), write(tmp_path, "notes.txt", ATOM)]))
    assert [d.title for d in docs] == ["Peru recalls ambassador", "Kenya sends aid", "Ghana hosts talks"]


@pytest.mark.parametrize("content", [
    "<?xml version='1.0'?><rss><channel><title>x</title>",
    "<?xml version='1.0'?><rss version='2.0'><channel><title>No news</title></channel></rss>",
    "<?xml version='1.0'?><config><setting>1</setting></config>",
    "this is not xml at all",
])
def test_malformed_or_empty_feed_is_a_failure(tmp_path, content):
    path = write(tmp_path, "broken.xml", content)
    items = list(iter_documents([path]))
    assert len(items) == 1 and isinstance(items[0], Failure), items
    assert items[0].item == path and "not a readable RSS/Atom feed" in items[0].message


def test_feed_parser_never_opens_the_data_as_a_file_or_url(tmp_path):
    # a .txt file whose text is a path: read as text, and a "feed" whose bytes name a file is not opened
    target = write(tmp_path, "wire.rss", rss())
    [doc] = list(iter_documents([write(tmp_path, "path.txt", target)]))
    assert isinstance(doc, Document) and doc.text == target
    [item] = list(iter_documents([write(tmp_path, "path.xml", target)]))
    assert isinstance(item, Failure)


def test_stdin_html_and_feed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    [doc] = list(iter_documents(["-"]))
    assert doc.title == "Ministers meet in Oslo" and "<p>" not in doc.text
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ATOM.encode())))
    [doc] = list(iter_documents(["-"]))
    assert doc.title == "Ghana hosts talks"


# --- a local HTTP server ------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    """Canned responses; ``hits`` and ``agents`` belong to one server (one test), see the ``server`` fixture."""

    hits: dict[str, int]
    agents: list[str]
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep the test output quiet
        pass

    def do_GET(self):  # noqa: N802 - the stdlib's name
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        self.agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/page":
            self._send(200, "text/html; charset=utf-8", PAGE.encode())
        elif self.path == "/page-no-type":
            self._send(200, None, PAGE.encode())
        elif self.path == "/menu":
            self._send(200, "text/html", MENU_PAGE.encode())
        elif self.path == "/feed":
            self._send(200, "application/rss+xml", rss(base).encode())
        elif self.path == "/feed-as-xml":
            self._send(200, "text/xml", ATOM.encode())
        elif self.path == "/kenya":
            self._send(200, "text/html", ENTRY_PAGE.encode())
        elif self.path == "/flaky":
            if self.hits[self.path] == 1:
                self._send(500, "text/plain", b"try again")
            else:
                self._send(200, "text/html", PAGE.encode())
        elif self.path == "/busy":  # rate limited once, with the wait the server asks for
            if self.hits[self.path] == 1:
                self.send_response(429)
                self.send_header("Retry-After", "1")
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self._send(200, "text/html", PAGE.encode())
        elif self.path == "/down":
            self._send(503, "text/plain", b"down")
        elif self.path == "/slow":  # answers after the client's timeout
            self.server.release.wait(5)
            self._send(200, "text/html", PAGE.encode())
        elif self.path == "/huge":
            self._send(200, "text/plain", b"x" * 200_000)
        elif self.path == "/huge-chunked":  # no Content-Length: the limit must be enforced while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for _ in range(100):
                    chunk = b"y" * 4096
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
        elif self.path == "/image":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status, ctype, body):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # noqa: ANN001 - clients that give up mid-body are expected
        pass


class _Server(str):
    """The base URL of a local server started for one test, with what it has seen: requests per path and the
    User-Agent of each request. Each test gets its own, so no test depends on another's requests."""

    hits: dict[str, int]
    agents: list[str]


@pytest.fixture
def server():
    handler = type("Handler", (_Handler,), {"hits": {}, "agents": []})
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    httpd.release = threading.Event()  # lets a /slow response go when the test ends
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    url = _Server(f"http://127.0.0.1:{httpd.server_address[1]}")
    url.hits, url.agents = handler.hits, handler.agents
    yield url
    httpd.release.set()
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


FAST = {"backoff": 0.05, "timeout": 2}


def test_html_page_url(server):
    [doc] = list(iter_documents([f"{server}/page"], **FAST))
    assert isinstance(doc, Document), doc
    assert doc.url == f"{server}/page" and "Norway and Chile met in Oslo" in doc.text
    assert doc.title == "Ministers meet in Oslo" and doc.published == dt.date(2025, 3, 4)
    assert server.agents == [USER_AGENT] and "parley" in USER_AGENT


def test_content_is_sniffed_without_a_content_type(server):
    [doc] = list(iter_documents([f"{server}/page-no-type"], **FAST))
    assert isinstance(doc, Document) and doc.title == "Ministers meet in Oslo"
    [doc] = list(iter_documents([f"{server}/feed-as-xml"], **FAST))
    assert isinstance(doc, Document) and doc.title == "Ghana hosts talks"


def test_feed_url_gives_one_document_per_entry(server):
    docs = list(iter_documents([f"{server}/feed"], **FAST))
    assert [d.title for d in docs] == ["Peru recalls ambassador", "Kenya sends aid"]
    assert docs[1].url == f"{server}/kenya" and docs[1].text.endswith("after the floods.")
    assert all(d.source == "Example Wire World" for d in docs)


def test_follow_links_reads_each_entry_page(server):
    docs = list(iter_documents([f"{server}/feed"], follow_links=True, retries=0, **FAST))
    assert len(docs) == 2  # the Peru entry's page is missing (404), the Kenya one is there
    kenya = docs[1]
    assert isinstance(kenya, Document) and "three planes of food aid" in kenya.text
    assert kenya.published == dt.date(2025, 3, 4) and kenya.source == "Example Wire World"
    assert isinstance(docs[0], Failure) and docs[0].item == f"{server}/peru" and "HTTP 404" in docs[0].message


def test_404_is_a_failure_at_once(server):
    [item] = list(iter_documents([f"{server}/missing"], **FAST))
    assert isinstance(item, Failure) and item.item == f"{server}/missing"
    assert item.message.startswith(f"{server}/missing:") and "HTTP 404" in item.message
    assert server.hits == {"/missing": 1}  # client errors are not retried


def test_a_server_error_is_retried_and_recovers(server):
    [doc] = list(iter_documents([f"{server}/flaky"], retries=2, **FAST))
    assert isinstance(doc, Document) and server.hits == {"/flaky": 2}


def test_a_server_error_that_persists_is_a_failure_after_the_retries(server):
    [item] = list(iter_documents([f"{server}/down"], retries=2, **FAST))
    assert isinstance(item, Failure) and "HTTP 503" in item.message and "3 attempts" in item.message
    assert server.hits == {"/down": 3}


def test_a_slow_server_times_out(server):
    [item] = list(iter_documents([f"{server}/slow"], retries=0, timeout=0.5))
    assert isinstance(item, Failure) and "timed out after 0.5 s" in item.message
    assert f"{server}/slow" in item.message and "(1 attempt)" in item.message


def test_a_refused_connection_is_a_failure():
    url = f"http://127.0.0.1:{_closed_port()}/x"
    [item] = list(iter_documents([url], retries=1, **FAST))
    assert isinstance(item, Failure) and url in item.message and "cannot connect" in item.message
    assert "2 attempts" in item.message


@pytest.mark.parametrize("path", ["/huge", "/huge-chunked"])
def test_a_body_over_the_size_limit_is_refused(server, path):
    [item] = list(iter_documents([f"{server}{path}"], max_bytes=50_000, retries=0))
    assert isinstance(item, Failure) and "larger than the limit" in item.message and path in item.message


@pytest.mark.parametrize("path, words", [
    ("/image", "unsupported content type"), ("/loop", "TooManyRedirects"), ("/menu", "no main text"),
])
def test_other_url_problems_are_failures(server, path, words):
    [item] = list(iter_documents([f"{server}{path}"], retries=0, **FAST))
    assert isinstance(item, Failure) and words in item.message and f"{server}{path}" in item.message


def test_invalid_url_is_a_failure():
    [item] = list(iter_documents(["http://[::1"], retries=0))
    assert isinstance(item, Failure) and "not a valid URL" in item.message


def test_a_mixed_batch_gives_every_good_document_and_one_failure_per_bad_source(server, tmp_path):
    sources = [
        f"{server}/page",
        write(tmp_path, "a.html", PAGE),
        f"{server}/missing",
        write(tmp_path, "wire.rss", rss()),
        write(tmp_path, "menu.html", EMPTY_PAGE),
        f"http://127.0.0.1:{_closed_port()}/x",
        f"{server}/feed",
        write(tmp_path, "broken.atom", "<feed><entry>"),
        write(tmp_path, "note.txt", "Chile and Peru signed a trade deal."),
        str(tmp_path / "nope.html"),
    ]
    items = list(iter_documents(sources, retries=1, **FAST))
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(docs) == 1 + 1 + 2 + 2 + 1
    assert [f.item for f in failures] == [sources[2], sources[4], sources[5], sources[7], sources[9]]


def test_retry_after_is_honoured(server, monkeypatch):
    from parley.read import web

    waits: list[float] = []
    monkeypatch.setattr(web, "time", SimpleNamespace(sleep=waits.append, monotonic=time.monotonic))
    [doc] = list(iter_documents([f"{server}/busy"], retries=1, **FAST))
    assert isinstance(doc, Document) and server.hits == {"/busy": 2}
    assert waits == [1.0]  # the server's second, not the tiny test backoff


def test_backoff_doubles_between_attempts(server, monkeypatch):
    from parley.read import web

    waits: list[float] = []
    monkeypatch.setattr(web, "time", SimpleNamespace(sleep=waits.append, monotonic=time.monotonic))
    [item] = list(iter_documents([f"{server}/down"], retries=3, backoff=0.5, timeout=2))
    assert isinstance(item, Failure) and server.hits == {"/down": 4}
    assert waits == [0.5, 1.0, 2.0]


@pytest.mark.parametrize(
    "value, low, high",
    [("3", 3, 3), ("0", 0, 0), (None, None, None), ("soon", None, None),
     ("Wed, 21 Oct 2015 07:28:00 GMT", 0, 0)],  # a date in the past: no wait
)
def test_retry_after_values(value, low, high):
    from parley.read.web import retry_after

    got = retry_after(value)
    if low is None:
        assert got is None
    else:
        assert low <= got <= high


def test_cli_passes_fetch_options(server):
    from typer.testing import CliRunner

    from parley.cli import app

    result = CliRunner().invoke(app, ["code", f"{server}/down", f"{server}/page", "--retries", "0",
                                      "--timeout", "2", "--published", "2025-05-01"])
    assert result.exit_code == 1, result.output  # one item failed, the other was coded
    assert server.hits == {"/down": 1, "/page": 1}  # --retries 0: a single attempt
    assert "1 attempt" in result.output and '"text"' in result.output


@pytest.mark.parametrize("depth", [10, 300, 1000])
def test_main_text_nested_hundreds_of_elements_deep_is_found(tmp_path, depth):
    text = "Russia and China condemned the strikes on Syria on Saturday, officials in Moscow said."
    paragraph = f"<p>{text}</p>"
    body = "<div>" * depth + paragraph + "</div>" * depth  # libxml2 stops at 256 levels by default
    content = f"<html><head><title>Deep</title></head><body>{body}</body></html>"
    [item] = list(iter_documents([write(tmp_path, "deep.html", content)]))
    assert isinstance(item, Document), item
    assert item.text == text
