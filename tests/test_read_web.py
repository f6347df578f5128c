"""Readers for the web's formats: HTML pages, RSS/Atom feeds, and URLs served by a local HTTP server
(never the internet): pages, feeds, 404, a 500 that recovers, a timeout, a refused connection, a body over the
size limit. Every page and feed here is of our own writing."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from parley.model import Document, Failure
from parley.read import iter_documents

PAGE = """<!doctype html><html><head><title>Ministers meet in Oslo</title>
<meta property="og:site_name" content="Example Wire"><meta name="date" content="2025-03-04"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministers meet in Oslo</h1>
<p>The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fisheries and Antarctic research.</p>
<p>Chile invited Norway to send scientists to its southern stations next year, officials said after the meeting.</p>
<p>Both governments agreed to hold a second round of talks in Santiago before the end of the year.</p>
</article><footer>Copyright Example Wire</footer></body></html>"""

EMPTY_PAGE = "<html><head><title>Menu</title></head><body><nav><a href='/a'>A</a></nav></body></html>"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire World</title><link>http://example.invalid/</link>
<item><title>Peru recalls ambassador</title><link>http://example.invalid/peru</link>
<description>&lt;p&gt;Peru recalled its ambassador from Bolivia on Monday after a border dispute.&lt;/p&gt;</description>
<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>
<item><title>Kenya sends aid</title><link>http://example.invalid/kenya</link>
<description>Kenya sent food aid to Somalia after the floods.</description>
<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom Desk</title>
<entry><title>Ghana hosts talks</title><link href="http://example.invalid/ghana"/>
<updated>2025-02-11T09:00:00Z</updated><summary>Ghana hosted talks between Togo and Benin on Tuesday.</summary></entry>
</feed>"""


def test_html_file_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, Document), doc
    assert "Norway and Chile met in Oslo" in doc.text and "Home" not in doc.text and "Copyright" not in doc.text
    assert doc.title == "Ministers meet in Oslo"


@pytest.mark.parametrize("content", [EMPTY_PAGE, "<html><body><p>unclosed <div><<<>>>"])
def test_html_without_main_text_or_malformed_is_a_failure_not_a_crash(tmp_path, content):
    path = tmp_path / "bad.html"
    path.write_text(content, encoding="utf-8")
    [item] = list(iter_documents([str(path)]))
    assert isinstance(item, (Failure, Document))
    if isinstance(item, Failure):
        assert "bad.html" in item.item and item.message


def test_rss_and_atom_files_give_one_document_per_entry(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "desk.atom").write_text(ATOM, encoding="utf-8")
    docs = list(iter_documents([str(tmp_path)]))
    assert all(isinstance(d, Document) for d in docs) and len(docs) == 3
    peru = next(d for d in docs if d.title == "Peru recalls ambassador")
    assert "recalled its ambassador from Bolivia" in peru.text and "<p>" not in peru.text
    assert str(peru.published) == "2025-03-03" and peru.url == "http://example.invalid/peru"
    assert peru.source == "Example Wire World"
    ghana = next(d for d in docs if d.title == "Ghana hosts talks")
    assert str(ghana.published) == "2025-02-11"


def test_malformed_feed_is_a_failure(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><title>x</title>", encoding="utf-8")
    items = list(iter_documents([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Failure) and "feed" in items[0].message


# --- a local HTTP server ----------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args):  # keep the test output quiet
        pass

    def do_GET(self):  # noqa: N802 - the stdlib's name
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/page":
            self._send(200, "text/html; charset=utf-8", PAGE.encode())
        elif self.path == "/feed":
            self._send(200, "application/rss+xml", RSS.encode())
        elif self.path == "/flaky":
            if self.hits[self.path] == 1:
                self._send(500, "text/plain", b"try again")
            else:
                self._send(200, "text/html", PAGE.encode())
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, "text/html", PAGE.encode())
        elif self.path == "/huge":
            self._send(200, "text/plain", b"x" * 200_000)
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status, ctype, body):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_urls_pages_feeds_and_errors_in_one_batch(server):
    sources = [f"{server}/page", f"{server}/feed", f"{server}/missing", f"http://127.0.0.1:{_closed_port()}/x"]
    items = list(iter_documents(sources, retries=1, timeout=2))
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(docs) == 3  # the page and the two feed entries
    assert docs[0].url == f"{server}/page" and "Oslo" in docs[0].text
    assert len(failures) == 2
    assert "HTTP 404" in failures[0].message and failures[0].item.endswith("/missing")
    assert "cannot connect" in failures[1].message


def test_a_server_error_is_retried(server):
    [doc] = list(iter_documents([f"{server}/flaky"], retries=2, timeout=2))
    assert isinstance(doc, Document) and _Handler.hits["/flaky"] == 2


def test_a_slow_server_times_out_quickly(server):
    start = time.monotonic()
    [item] = list(iter_documents([f"{server}/slow"], retries=0, timeout=0.5))
    assert isinstance(item, Failure) and "timed out" in item.message
    assert time.monotonic() - start < 2


def test_a_body_over_the_size_limit_is_refused(server):
    [item] = list(iter_documents([f"{server}/huge"], max_bytes=50_000, retries=0))
    assert isinstance(item, Failure) and "larger than the limit" in item.message
