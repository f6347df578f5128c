"""The web's formats: HTML pages (main text and metadata by trafilatura), RSS/Atom feeds (feedparser), and
URLs fetched with httpx (timeouts, retries with backoff on connection errors, timeouts and 5xx, a size limit
enforced while streaming). Every problem becomes a Failure naming the page, feed or URL and the reason:
nothing here raises on bad input, and no request can run longer than its time limit.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from parley import __version__
from parley.errors import InputError
from parley.model import Document, Failure

if TYPE_CHECKING:  # pragma: no cover
    import httpx

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
USER_AGENT = f"parley/{__version__} (political news event coder)"

DEFAULT_TIMEOUT = 10.0
"""Seconds allowed to connect, and between two reads of the response; see ``fetch`` for the overall limit."""
DEFAULT_RETRIES = 2
"""Extra attempts after a connection error, a timeout, HTTP 5xx, 408 or 429."""
DEFAULT_BACKOFF = 0.5
"""Seconds before the first retry; doubled before each further one (capped at 10 s)."""
MIN_WORDS = 5
"""A page counts as having main text only if some line of the extracted text has at least this many words
(menus, link lists and buttons are short lines)."""

_RETRY_STATUS = frozenset({408, 429})
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_PROLOG = rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<\?[^>]*>\s*)*"
_FEED_HEAD = re.compile(_PROLOG + rb"<(rss|feed|rdf:RDF)[\s>]", re.S | re.I)
_HTML_HEAD = re.compile(_PROLOG + rb"<(!doctype\s+html|html|head|body)[\s>]", re.S | re.I)


def _fail(item: str, message: str) -> Failure:
    return Failure(item=item, code=InputError.code, message=message)


def _date(value: object) -> dt.date | None:
    from parley.read import parse_date

    return parse_date(str(value)) if value else None


def _head(data: bytes | str) -> bytes:
    head = data[:2048]
    return head.encode("utf-8", "replace") if isinstance(head, str) else head.lstrip(b"\xef\xbb\xbf")


def looks_like_feed(data: bytes | str) -> bool:
    """True when the data starts like an RSS, Atom or RDF feed."""
    return bool(_FEED_HEAD.match(_head(data)))


def looks_like_html(data: bytes | str) -> bool:
    """True when the data starts like an HTML page (doctype, ``<html>``, ``<head>`` or ``<body>``)."""
    return bool(_HTML_HEAD.match(_head(data)))


def check_markup(data: bytes, item: str) -> None:
    """Refuse empty and binary data before handing it to a parser (which detects the encoding itself)."""
    if not data.strip():
        raise InputError(f"{item}: empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{item}: binary data (NUL bytes), not a web page, feed or text")


# --- HTML pages ---------------------------------------------------------------------------------------------


def document_from_html(data: bytes | str, item: str, url: str | None = None,
                       published: dt.date | None = None) -> Document | Failure:
    """The main text of an HTML page with its title, date, site name and URL, or a Failure saying why not.

    ``data`` may be bytes (the encoding is then detected from the page) or text.
    """
    try:
        extracted = _extract(data, url)
    except Exception as exc:  # noqa: BLE001 - malformed markup must never stop a batch
        return _fail(item, f"{item}: cannot read the HTML page ({exc.__class__.__name__}: {exc})")
    body = (extracted.get("text") or "").strip()
    if not _has_main_text(body):
        # libxml2 drops what is nested over 256 elements deep (an article inside hundreds of <div>s): parse
        # again without that limit before concluding that the page has no text
        try:
            deeper = _extract(_deep_tree(data), url)
        except Exception:  # noqa: BLE001 - only a second try: the first reading's verdict stands
            deeper = {}
        if _has_main_text((deeper.get("text") or "").strip()):
            extracted, body = deeper, (deeper.get("text") or "").strip()
    if not _has_main_text(body):
        return _fail(item, f"{item}: no main text found in the HTML page (only menus, links or nothing)")
    return Document(
        text=body,
        title=extracted.get("title") or None,
        url=url or extracted.get("url") or None,
        source=extracted.get("sitename") or extracted.get("hostname") or None,
        published=_date(extracted.get("date")) or published,
    )


def _extract(data: Any, url: str | None) -> dict[str, Any]:
    """trafilatura's main text and metadata of a page (bytes, text or a parsed tree); {} if it finds none."""
    import trafilatura

    result = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                         include_tables=False)
    if result is None:
        return {}
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


def _deep_tree(data: bytes | str) -> Any:
    """The page parsed by lxml with libxml2's depth limit lifted (``huge_tree``)."""
    import lxml.html

    return lxml.html.fromstring(data, parser=lxml.html.HTMLParser(huge_tree=True))


def _has_main_text(body: str) -> bool:
    return any(len(line.split()) >= MIN_WORDS for line in body.splitlines())


class _TextParser(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "template", "iframe", "object"})
    _BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "tr", "table", "blockquote", "section", "article",
                        "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "dd", "dt", "figcaption"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary or content): tags, scripts and styles removed,
    entities decoded, one line per paragraph. Never raises."""
    if not fragment:
        return ""
    parser = _TextParser()
    try:
        parser.feed(fragment)
        parser.close()
    except Exception:  # noqa: BLE001 - fall back to a crude tag strip
        return _SPACE.sub(" ", re.sub(r"<[^>]*>", " ", fragment)).strip()
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


# --- feeds --------------------------------------------------------------------------------------------------


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(*value[:3])
            except (TypeError, ValueError):
                continue
    return None


def documents_from_feed(data: bytes | str, item: str, published: dt.date | None = None, *,
                        content_type: str | None = None,
                        url: str | None = None) -> Iterator[Document | Failure]:
    """One document per RSS/Atom entry: title and content (or summary) as plain text, link, date (published,
    else updated), the feed's title as source. A feed with no entries, or a malformed one with no usable
    entry, is one Failure with the parser's reason."""
    import feedparser

    raw = data.encode("utf-8") if isinstance(data, str) else data
    headers = {"content-location": url} if url else {}
    if content_type:
        headers["content-type"] = content_type
    try:
        # BytesIO, never the bare data: feedparser would treat a str or bytes as a URL or file name to open.
        parsed = feedparser.parse(io.BytesIO(raw), response_headers=headers or None)
    except Exception as exc:  # noqa: BLE001
        yield _fail(item, f"{item}: not a readable RSS/Atom feed ({exc.__class__.__name__}: {exc})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f"malformed ({problem})" if problem else "no entries"
        yield _fail(item, f"{item}: not a readable RSS/Atom feed: {reason}")
        return
    source = html_to_text((parsed.get("feed") or {}).get("title") or "") or None
    items: list[Document | Failure] = []
    for n, entry in enumerate(entries, 1):
        content = " ".join(c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict))
        content = content or entry.get("summary") or entry.get("description") or ""
        title = html_to_text(entry.get("title") or "")
        body = html_to_text(content)
        if title and body.startswith(title):
            body = body[len(title):].strip()
        text = "\n\n".join(x for x in (title, body) if x)
        if not text:
            items.append(_fail(f"{item}#{n}", f"{item}: entry {n} has neither title nor text"))
            continue
        link = entry.get("link")
        items.append(Document(text=text, title=title or None,
                              url=link if isinstance(link, str) and link else None,
                              source=source, published=_entry_date(entry) or published))
    if parsed.get("bozo") and not any(isinstance(x, Document) for x in items):
        yield _fail(item, f"{item}: not a readable RSS/Atom feed: malformed ({parsed.get('bozo_exception')})")
        return
    yield from items


# --- URLs ---------------------------------------------------------------------------------------------------


def make_client(timeout: float = DEFAULT_TIMEOUT) -> httpx.Client:
    import httpx

    return httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True, max_redirects=10,
                        headers={"User-Agent": USER_AGENT})


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, retries: int = DEFAULT_RETRIES,
          max_bytes: int = 5_000_000, backoff: float = DEFAULT_BACKOFF,
          client: httpx.Client | None = None) -> tuple[str, bytes]:
    """GET ``url`` and return (content type, body); raise InputError naming the URL and the reason.

    ``timeout`` bounds connecting and each read; a whole attempt is also stopped after ``6 * timeout`` seconds
    (a server trickling bytes cannot hold it). Connection errors, timeouts, HTTP 5xx, 408 and 429 are tried
    again ``retries`` times, waiting ``backoff`` seconds, doubled each time, or longer when the server's
    Retry-After asks (never more than ``MAX_WAIT`` seconds between attempts). The body is refused as soon as it
    passes ``max_bytes`` (after decompression).
    """
    import httpx

    own = client is None
    client = client or make_client(timeout)
    last = "no attempt"
    attempts = max(0, retries) + 1
    try:
        wait_hint: float | None = None
        for attempt in range(attempts):
            if attempt:
                pause = backoff * 2 ** (attempt - 1)
                if wait_hint is not None:  # the server's Retry-After, within the same cap
                    pause = max(pause, wait_hint)
                time.sleep(min(pause, MAX_WAIT))
            wait_hint = None
            deadline = time.monotonic() + 6 * timeout
            try:
                with client.stream("GET", url) as response:
                    status = response.status_code
                    if status >= 500 or status in _RETRY_STATUS:
                        last = f"HTTP {status} {response.reason_phrase}".rstrip()
                        wait_hint = retry_after(response.headers.get("retry-after"))
                        continue
                    if not 200 <= status < 300:
                        raise InputError(f"{url}: HTTP {status} {response.reason_phrase}".rstrip())
                    try:
                        declared = int(response.headers.get("content-length") or 0)
                    except ValueError:
                        declared = 0
                    if declared > max_bytes:
                        raise InputError(
                            f"{url}: {declared:,} bytes, larger than the limit of {max_bytes:,} (--max-bytes)"
                        )
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise InputError(
                                f"{url}: larger than the limit of {max_bytes:,} bytes (--max-bytes)")
                        if time.monotonic() > deadline:
                            raise httpx.ReadTimeout("download too slow")
                        chunks.append(chunk)
                    return response.headers.get("content-type", ""), b"".join(chunks)
            except httpx.TimeoutException:
                last = f"timed out after {timeout:g} s"
            except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
                raise InputError(f"{url}: not a valid URL ({exc})") from None
            except httpx.TransportError as exc:
                last = f"cannot connect ({exc.__class__.__name__}: {exc or 'connection failed'})"
            except httpx.HTTPError as exc:  # too many redirects, undecodable compressed body...
                raise InputError(f"{url}: {exc.__class__.__name__}: {exc}") from None
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever happens, a Failure and never a traceback
        raise InputError(f"{url}: cannot fetch ({exc.__class__.__name__}: {exc})") from None
    finally:
        if own:
            client.close()
    tries = f"{attempts} attempts" if attempts > 1 else "1 attempt"
    raise InputError(f"{url}: {last} ({tries})")


#: the longest pause between two attempts, whatever the backoff or the server's Retry-After asks
MAX_WAIT = 10.0


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks to wait: a number of seconds or an HTTP date; None if absent or
    unreadable (the caller then uses its own backoff)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.I)
    if not match:
        return None
    import codecs

    try:
        return codecs.lookup(match.group(1)).name
    except LookupError:
        return None


def _kind(content_type: str, data: bytes) -> str:
    """'html', 'feed', 'text' or 'other', from the content type, else by sniffing the body."""
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "feed" if looks_like_feed(data) else "html"
    if "rss" in ctype or "atom" in ctype or "rdf" in ctype:
        return "feed"
    if looks_like_feed(data):
        return "feed"
    if looks_like_html(data):
        return "html"
    if ctype.endswith("xml"):
        return "feed"  # an XML document that is neither: the feed reader says why it is not a feed
    if ctype.startswith("text/") or not ctype:
        return "text"
    return "other"


def _documents_from_body(url: str, content_type: str, data: bytes,
                         published: dt.date | None) -> Iterator[Document | Failure]:
    kind = _kind(content_type, data)
    if kind == "other":
        yield _fail(url, f"{url}: unsupported content type {content_type!r} (not an HTML page, feed or text)")
        return
    try:
        check_markup(data, url)
    except InputError as exc:
        yield _fail(url, exc.message)
        return
    charset = _charset(content_type)
    if kind == "feed":
        yield from documents_from_feed(data, url, published, content_type=content_type or None, url=url)
    elif kind == "html":
        page: bytes | str = data.decode(charset, "replace") if charset else data
        yield document_from_html(page, url, url=url, published=published)
    elif kind == "text":
        from parley.read import decode

        try:
            text = data.decode(charset, "replace") if charset else decode(data, url)
        except InputError as exc:
            yield _fail(url, exc.message)
            return
        yield Document(text=text, url=url, published=published)


def documents_from_url(url: str, *, published: dt.date | None = None, timeout: float = DEFAULT_TIMEOUT,
                       retries: int = DEFAULT_RETRIES, max_bytes: int = 5_000_000,
                       backoff: float = DEFAULT_BACKOFF,
                       follow_links: bool = False) -> Iterator[Document | Failure]:
    """An HTML page gives one Document, a feed one per entry, plain text one; any failure one Failure.

    With ``follow_links``, each feed entry's link is fetched too and its page's main text replaces the entry's
    summary (title and date from the feed when the page has none); an entry whose page cannot be fetched or
    has no main text is a Failure naming that link.
    """
    try:
        client = make_client(timeout)
    except Exception as exc:  # noqa: BLE001
        yield _fail(url, f"{url}: cannot start an HTTP client ({exc})")
        return
    with client:
        options = {"timeout": timeout, "retries": retries, "max_bytes": max_bytes, "backoff": backoff,
                   "client": client}
        try:
            content_type, data = fetch(url, **options)
        except InputError as exc:
            yield _fail(url, exc.message)
            return
        is_feed = _kind(content_type, data) == "feed"
        for item in _documents_from_body(url, content_type, data, published):
            if not (follow_links and is_feed and isinstance(item, Document) and item.url
                    and item.url.startswith(("http://", "https://"))):
                yield item
                continue
            yield _follow(item, options)


def _follow(entry: Document, options: dict[str, Any]) -> Document | Failure:
    link = str(entry.url)
    try:
        content_type, data = fetch(link, **options)
        check_markup(data, link)
    except InputError as exc:
        return _fail(link, exc.message)
    if _kind(content_type, data) != "html":
        kind = content_type or "unknown type"
        return _fail(link, f"{link}: the feed entry's link is not an HTML page ({kind})")
    charset = _charset(content_type)
    page = document_from_html(data.decode(charset, "replace") if charset else data, link, url=link)
    if isinstance(page, Failure):
        return page
    return Document(text=page.text, title=entry.title or page.title, url=link,
                    source=entry.source or page.source, published=entry.published or page.published)


__all__ = [
    "DEFAULT_BACKOFF", "DEFAULT_RETRIES", "DEFAULT_TIMEOUT", "FEED_SUFFIXES", "HTML_SUFFIXES", "USER_AGENT",
    "check_markup", "document_from_html", "documents_from_feed", "documents_from_url", "fetch",
    "html_to_text", "looks_like_feed", "looks_like_html",
]
