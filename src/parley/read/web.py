"""The web's formats: HTML pages (main text and metadata by trafilatura), RSS/Atom feeds (feedparser), and
URLs fetched with httpx (timeouts, retries with backoff on connection errors and 5xx, a size limit enforced
while streaming). Every problem becomes a Failure naming the page, feed or URL and the reason.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections.abc import Iterator

from parley import __version__
from parley.errors import InputError
from parley.model import Document, Failure

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
USER_AGENT = f"parley/{__version__} (+https://github.com/parley-events/parley; news event coding)"

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")


def _fail(item: str, message: str) -> Failure:
    return Failure(item=item, code=InputError.code, message=message)


def _date(value: object) -> dt.date | None:
    from parley.read import parse_date

    return parse_date(str(value)) if value else None


def looks_like_feed(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head) or head.startswith(("<rss", "<feed"))


def document_from_html(text: str, item: str, url: str | None = None, published: dt.date | None = None) -> Document | Failure:
    """The main text of an HTML page with its title, date, site and URL."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(text, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False)
        extracted = result.as_dict() if result is not None and hasattr(result, "as_dict") else (result or {})
    except Exception as exc:  # malformed markup must never stop a batch
        return _fail(item, f"cannot read the HTML page: {exc}")
    body = (extracted or {}).get("text") or ""
    if not body.strip():
        return _fail(item, "no main text found in the HTML page (navigation, forms or an empty page)")
    return Document(
        text=body.strip(),
        title=extracted.get("title") or None,
        url=url or extracted.get("url") or None,
        source=extracted.get("sitename") or extracted.get("hostname") or None,
        published=_date(extracted.get("date")) or published,
    )


def _strip_html(fragment: str) -> str:
    text = html.unescape(_TAG.sub(" ", fragment or ""))
    return "\n".join(_SPACE.sub(" ", line).strip() for line in text.splitlines() if line.strip())


def documents_from_feed(data: bytes | str, item: str, published: dt.date | None = None) -> Iterator[Document | Failure]:
    """One document per RSS/Atom entry: title and summary or content, link, date, the feed's title as source."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield _fail(item, f"not a readable RSS/Atom feed: {reason}")
        return
    source = (parsed.get("feed") or {}).get("title") or None
    for n, entry in enumerate(entries, 1):
        content = ""
        if entry.get("content"):
            content = " ".join(c.get("value", "") for c in entry["content"])
        content = content or entry.get("summary") or entry.get("description") or ""
        title = _strip_html(entry.get("title") or "")
        body = _strip_html(content)
        text = "\n\n".join(x for x in (title, body) if x)
        if not text.strip():
            yield _fail(f"{item}#{n}", "feed entry without title or text")
            continue
        when = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                when = dt.date(*entry[key][:3])
                break
        yield Document(text=text, title=title or None, url=entry.get("link") or None, source=source,
                       published=when or published)


def fetch(url: str, *, timeout: float = 10.0, retries: int = 2, max_bytes: int = 5_000_000,
          backoff: float = 0.5) -> tuple[str, bytes]:
    """GET ``url``: (content type, body). Raises InputError naming the URL and the reason."""
    import httpx

    last = "no attempt"
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        try:
            with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True,
                              headers={"User-Agent": USER_AGENT}) as client:
                with client.stream("GET", url) as response:
                    if response.status_code >= 500:
                        last = f"HTTP {response.status_code}"
                        continue
                    if response.status_code >= 400:
                        raise InputError(f"{url}: HTTP {response.status_code}")
                    declared = int(response.headers.get("content-length") or 0)
                    if declared > max_bytes:
                        raise InputError(f"{url}: {declared:,} bytes, larger than the limit of {max_bytes:,} (--max-bytes)")
                    chunks, size = [], 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise InputError(f"{url}: more than {max_bytes:,} bytes, the limit (--max-bytes)")
                        chunks.append(chunk)
                    return response.headers.get("content-type", ""), b"".join(chunks)
        except httpx.TimeoutException:
            last = f"timed out after {timeout:g} s"
        except httpx.TransportError as exc:
            last = f"cannot connect ({exc.__class__.__name__}: {exc})"
    raise InputError(f"{url}: {last} ({retries + 1} attempts)")


def documents_from_url(url: str, *, published: dt.date | None = None, timeout: float = 10.0, retries: int = 2,
                       max_bytes: int = 5_000_000) -> Iterator[Document | Failure]:
    try:
        content_type, data = fetch(url, timeout=timeout, retries=retries, max_bytes=max_bytes)
    except InputError as exc:
        yield _fail(url, exc.message)
        return
    text = data.decode("utf-8", errors="replace")
    if "xml" in content_type or "rss" in content_type or "atom" in content_type or looks_like_feed(text):
        yield from documents_from_feed(data, url, published)
    elif "html" in content_type or text.lstrip()[:100].lower().startswith(("<!doctype html", "<html")):
        yield document_from_html(text, url, url=url, published=published)
    elif content_type.startswith("text/"):
        yield Document(text=text, url=url, published=published) if text.strip() else _fail(url, "empty")
    else:
        yield _fail(url, f"unsupported content type {content_type or 'unknown'!r}")
