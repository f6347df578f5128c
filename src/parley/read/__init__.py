"""Readers: files, folders, stdin, JSON Lines, HTML pages, RSS/Atom feeds and http(s) URLs in, Documents (or
Failures) out.

Every input item is either a :class:`~parley.model.Document` or a :class:`~parley.model.Failure` that says
what was wrong with it (empty, binary, invalid UTF-8, over the size limit, malformed JSON line, missing
path, HTML page without main text, malformed feed, network error), so one bad item never stops a batch. Files
are checked against the size limit before they are read, downloads while they stream, JSON Lines line by line
(the limit is per document there, not per file). The web formats are
read by :mod:`parley.read.web`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from parley.errors import InputError
from parley.model import Document, Failure
from parley.read import web

DEFAULT_MAX_BYTES = 5_000_000
"""Input files (and stdin) larger than this are refused without being read; change with ``max_bytes``. In JSON
Lines (``.jsonl``, ``.ndjson``, and stdin) the limit applies to each line, one document, not to the file."""

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
WEB_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".rss", ".atom", ".xml"})
ALL_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | WEB_SUFFIXES | {".json", ".gz"}

_CODE = InputError.code
_SURROGATE = re.compile("[\ud800-\udfff]")
"""An unpaired UTF-16 surrogate: JSON may escape one (``"\\ud800"``), but it is no character and cannot be
written as UTF-8 (to stdout, a file or the store). A pair (``"\\ud83d\\ude00"``) is one character once read."""


def _fail(item: str, message: str) -> Failure:
    return Failure(item=item, code=_CODE, message=message)


def decode(data: bytes, item: str) -> str:
    """Bytes to text, refusing binary data and invalid UTF-8 with a message that says where."""
    if not data.strip():
        raise InputError(f"{item}: empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{item}: binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{item}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); convert it to UTF-8 first"
        ) from None
    if not text.strip():  # a byte order mark, or Unicode spaces, and nothing else
        raise InputError(f"{item}: empty")
    _check_controls(text[:8192], item)
    return text


def _check_controls(sample: str, item: str) -> None:
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * len(sample):
        raise InputError(f"{item}: looks binary ({controls} control characters), not text")


def _characters(document: Document) -> Document:
    """The document with every unpaired surrogate in its text and metadata replaced by U+FFFD, one code point
    for one, so offsets into the text stay right; the document itself when it has none (nearly always)."""
    fields = {name: _SURROGATE.sub("\ufffd", value) for name in ("text", "id", "title", "url", "source")
              if isinstance(value := getattr(document, name), str) and _SURROGATE.search(value)}
    return dataclasses.replace(document, **fields) if fields else document


def parse_date(value: object) -> dt.date | None:
    """A publication date from JSON: ISO date or date-time; None when missing or unreadable."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _read_limited(handle: BinaryIO, max_bytes: int, item: str) -> bytes:
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{item}: larger than the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def _json_lines(text: str) -> list[str]:
    """The lines of JSON Lines text: split at line feeds only, not at every line boundary ``str.splitlines``
    knows (U+0085, U+2028, form feed...), which JSON may hold unescaped inside a string."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _documents_from_jsonl(text: str, name: str, published: dt.date | None) -> Iterator[Document | Failure]:
    for number, line in enumerate(_json_lines(text), 1):
        if line.strip():
            yield _document_from_line(line, f"{name}:{number}", published)


def _document_from_line(line: str, item: str, published: dt.date | None) -> Document | Failure:
    """One JSON line: a Document, or a Failure saying what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # json's messages may end in "at" already ("Unterminated string starting at")
        where = "column" if exc.msg.endswith(" at") else "at column"
        return _fail(item, f"malformed JSON ({exc.msg} {where} {exc.colno})")
    except RecursionError:  # arrays or objects nested thousands deep exhaust the parser's stack
        return _fail(item, "malformed JSON (arrays or objects nested too deeply to read)")
    if not isinstance(record, dict):
        return _fail(item, "a JSON line must be an object with at least a 'text' key")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return _fail(item, "no 'text' (or it is empty)")
    date = parse_date(record.get("published"))
    if date is None and record.get("published") not in (None, ""):
        return _fail(item, f"unreadable 'published' date {record.get('published')!r}; use YYYY-MM-DD")
    return Document(
        text=body,
        id=str(record.get("id") or ""),
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        source=record.get("source") if isinstance(record.get("source"), str) else None,
        published=date or published,
    )


def _stream_jsonl(handle: BinaryIO, name: str, published: dt.date | None, max_bytes: int,
                  head: bytes = b"") -> Iterator[Document | Failure]:
    """JSON Lines read line by line, ``head`` (bytes already read) first: the size limit applies to each line
    (one document), not to the file, and a line over it is skipped without being held in memory. A file that
    looks binary, or has no line at all, is one Failure."""
    head += handle.read(max(0, 8192 - len(head)))
    if b"\x00" in head[:8192]:
        yield _fail(name, "binary data (NUL bytes), not text")
        return
    try:
        _check_controls(head[:8192].decode("utf-8", "replace"), name)
    except InputError as exc:
        yield _fail(name, exc.message)
        return
    seen = False
    for number, raw in enumerate(_capped_lines(handle, max_bytes, head), 1):
        item = f"{name}:{number}"
        if raw is None:
            seen = True
            yield _fail(item, f"line larger than the limit of {max_bytes:,} bytes (--max-bytes)")
            continue
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte order mark
        if not raw.strip():
            continue
        seen = True
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield _fail(item, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start} of the "
                              "line); convert it to UTF-8 first")
            continue
        yield _document_from_line(line, item, published)
    if not seen:
        yield _fail(name, "empty")


def _capped_lines(handle: BinaryIO, max_bytes: int, head: bytes = b"") -> Iterator[bytes | None]:
    """The lines of ``head`` followed by the rest of ``handle``, without their line ends; None for a line
    longer than ``max_bytes``, whose bytes are read past, never kept."""
    *complete, pending = head.split(b"\n")
    for line in complete:
        yield line.rstrip(b"\r") if len(line) <= max_bytes else None
    while True:
        if len(pending) > max_bytes:
            while pending and not pending.endswith(b"\n"):  # read past the rest of this line
                pending = handle.readline(1 << 16)
            pending = b""
            yield None
            continue
        more = handle.readline(max_bytes + 1 - len(pending))
        if not more:
            if pending:
                yield pending.rstrip(b"\r")
            return
        pending += more
        if pending.endswith(b"\n"):
            line, pending = pending[:-1].rstrip(b"\r"), b""
            yield line if len(line) <= max_bytes else None


def _looks_jsonl(text: str) -> bool:
    lines = [line for line in _json_lines(text) if line.strip()]
    return bool(lines) and all(line.lstrip().startswith("{") for line in lines)


def read_path(path: Path, *, published: dt.date | None, max_bytes: int) -> Iterator[Document | Failure]:
    """One file: plain text (one document), JSON Lines (one per line), an HTML page (its main text), an
    RSS/Atom feed (one per entry), or any of these gzip-compressed."""
    item = str(path)
    inner = path.with_suffix("") if path.suffix.lower() == ".gz" else path
    suffix = inner.suffix.lower()
    markup = suffix in web.HTML_SUFFIXES or suffix in web.FEED_SUFFIXES
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    if suffix in JSONL_SUFFIXES:  # one document a line: the limit applies to each line, not the file
        try:
            with opener(path, "rb") as handle:  # type: ignore[operator]
                yield from _stream_jsonl(handle, item, published, max_bytes)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield _fail(item, f"cannot read: {exc}")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes and path.suffix.lower() != ".gz":
            raise InputError(f"{item}: {size:,} bytes, larger than the limit of {max_bytes:,} (--max-bytes)")
        with opener(path, "rb") as handle:  # type: ignore[operator]
            data = _read_limited(handle, max_bytes, item)
        if markup:  # the HTML and feed parsers detect the encoding (meta charset, XML declaration) themselves
            web.check_markup(data, item)
            text = ""
        else:
            text = decode(data, item)
    except InputError as exc:
        yield _fail(item, exc.message)
        return
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield _fail(item, f"cannot read: {exc}")
        return
    if suffix in web.FEED_SUFFIXES or (markup and web.looks_like_feed(data)):
        yield from web.documents_from_feed(data, item, published)
    elif suffix in web.HTML_SUFFIXES:
        yield web.document_from_html(data, item, published=published)
    elif suffix == ".json" and _looks_jsonl(text):
        yield from _documents_from_jsonl(text, item, published)
    elif web.looks_like_feed(text):
        yield from web.documents_from_feed(text, item, published)
    else:
        yield Document(text=text, published=published, source=None)


def iter_documents(
    sources: Sequence[str], *, published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = web.DEFAULT_TIMEOUT, retries: int = web.DEFAULT_RETRIES,
    backoff: float = web.DEFAULT_BACKOFF, follow_links: bool = False,
) -> Iterator[Document | Failure]:
    """Documents from files, folders (recursively, sorted), ``-`` (stdin) and http(s) URLs, with a Failure per
    bad item.

    A URL is fetched with ``timeout`` seconds to connect and between reads (each attempt also stops after
    ``6 * timeout``), tried again ``retries`` times after connection errors, timeouts and HTTP 5xx, waiting
    ``backoff`` seconds doubled each time; its body is refused once it passes ``max_bytes``. An HTML page
    gives one document, a feed one per entry; with ``follow_links`` each entry's linked page is fetched for
    its text. An unpaired surrogate escaped in JSON (``\\ud800``), which is no character, becomes U+FFFD.
    """
    for item in _iter_items(sources, published=published, max_bytes=max_bytes, timeout=timeout,
                            retries=retries, backoff=backoff, follow_links=follow_links):
        yield _characters(item) if isinstance(item, Document) else item


def _iter_items(
    sources: Sequence[str], *, published: dt.date | None, max_bytes: int, timeout: float, retries: int,
    backoff: float, follow_links: bool,
) -> Iterator[Document | Failure]:
    for source in sources:
        if source.lower().startswith(("http://", "https://")):
            yield from web.documents_from_url(source, published=published, timeout=timeout, retries=retries,
                                              max_bytes=max_bytes, backoff=backoff, follow_links=follow_links)
            continue
        if source == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes and data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
                # JSON Lines longer than the limit: read on line by line, the limit applying to each document
                yield from _stream_jsonl(sys.stdin.buffer, "stdin", published, max_bytes, head=data)
                continue
            try:
                if len(data) > max_bytes:
                    raise InputError(f"stdin: larger than the limit of {max_bytes:,} bytes (--max-bytes)")
                text = decode(data, "stdin")
            except InputError as exc:
                yield _fail("stdin", exc.message)
                continue
            if _looks_jsonl(text):
                yield from _documents_from_jsonl(text, "stdin", published)
            elif web.looks_like_feed(text):
                yield from web.documents_from_feed(text, "stdin", published)
            elif web.looks_like_html(text):
                yield web.document_from_html(text, "stdin", published=published)
            else:
                yield Document(text=text, published=published)
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ALL_SUFFIXES)
            if not files:
                yield _fail(source,
                            "folder has no .txt, .md, .jsonl, .json, .html, .rss, .atom, .xml or .gz files")
            for file in files:
                yield from read_path(file, published=published, max_bytes=max_bytes)
        elif path.is_file():
            yield from read_path(path, published=published, max_bytes=max_bytes)
        else:
            yield _fail(source, "no such file or folder")


__all__ = ["DEFAULT_MAX_BYTES", "decode", "iter_documents", "parse_date", "read_path"]
