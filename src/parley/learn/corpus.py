"""The annotated training corpus (corpus/README.md): reading, validating, splitting by article.

A corpus file is JSON Lines, one sentence unit per line, grouped by article. This module imports nothing
beyond the standard library, so ``corpus/check.py`` can validate a batch with a bare Python.

The split is made by article, from a hash of the article's address, so that it never changes when articles
are added: an article is in ``test`` for as long as it exists, and no training step, threshold or rule may
read the test units (:func:`load` refuses to return them unless asked by name).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parley.evaluate.gold import json_lines

EVENT_MODALITIES = ("asserted", "optional", "intended", "demanded", "hypothetical", "negated", "speculative")
TRAPS = ("hypothetical", "negated", "speculative")
QUOTE_KINDS = ("direct", "indirect")
SPLITS = ("train", "dev", "test")
TEST_SHARE, DEV_SHARE = 20, 10  # percent of articles
_CODE = re.compile(r"^\d{2,4}$")
_ACTOR = re.compile(r"^[A-Z][A-Z0-9]{2,11}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Unit:
    """One annotated sentence of an article."""

    record: dict[str, Any]
    path: str = ""
    line: int = 0

    @property
    def id(self) -> str:
        return str(self.record["id"])

    @property
    def article(self) -> str:
        return str(self.record["article"])

    @property
    def url(self) -> str:
        return str(self.record.get("source_url") or "")

    @property
    def text(self) -> str:
        return str(self.record["text"])

    @property
    def events(self) -> list[dict[str, Any]]:
        return list(self.record.get("events") or [])


@dataclass
class Report:
    units: int = 0
    articles: int = 0
    problems: list[Problem] = field(default_factory=list)
    roots: Counter[str] = field(default_factory=Counter)
    modalities: Counter[str] = field(default_factory=Counter)
    event_free: int = 0


def split_of(url: str) -> str:
    """``train``, ``dev`` or ``test`` for an article, fixed by a hash of its address."""
    bucket = int(hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < TEST_SHARE:
        return "test"
    if bucket < TEST_SHARE + DEV_SHARE:
        return "dev"
    return "train"


def _check_actor(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ACTOR.match(value):
        return f"{where}: actor code {value!r} is not CAMEO-shaped (3 to 12 upper-case letters or digits, a letter first)"
    return None


def check_record(rec: Any) -> list[str]:
    """The problems of one unit record, as messages (empty when it is valid)."""
    if not isinstance(rec, dict):
        return ["a unit must be a JSON object"]
    out: list[str] = []
    for key in ("id", "article", "text", "source_url"):
        if not isinstance(rec.get(key), str) or not rec.get(key):
            out.append(f"'{key}' must be a non-empty string")
    if out:
        return out
    if not isinstance(rec.get("unit"), int) or rec["unit"] < 1:
        out.append("'unit' must be a positive integer")
    if not rec["id"].startswith(rec["article"] + "-"):
        out.append(f"id {rec['id']!r} does not start with its article id {rec['article']!r}")
    pub = rec.get("published")
    if pub is not None and not (isinstance(pub, str) and _DATE.match(pub)):
        out.append(f"'published' must be YYYY-MM-DD or null, not {pub!r}")
    for i, ev in enumerate(rec.get("events") or []):
        where = f"events[{i}]"
        if not isinstance(ev, dict):
            out.append(f"{where} must be an object")
            continue
        code = str(ev.get("cameo", ""))
        if not _CODE.match(code):
            out.append(f"{where}: cameo {ev.get('cameo')!r} must be 2 to 4 digits as a string")
        if ev.get("modality", "asserted") not in EVENT_MODALITIES:
            out.append(f"{where}: modality {ev.get('modality')!r} is not one of {', '.join(EVENT_MODALITIES)}")
        for alt in ev.get("alt_codes") or []:
            if not _CODE.match(str(alt)):
                out.append(f"{where}: alt code {alt!r} must be 2 to 4 digits")
        for key in ("source", "target"):
            msg = _check_actor(ev.get(key), f"{where}.{key}")
            if msg:
                out.append(msg)
        for alt in ev.get("target_alt") or []:
            msg = _check_actor(alt, f"{where}.target_alt")
            if msg:
                out.append(msg)
        for key in ("source_text", "target_text", "trigger"):
            value = ev.get(key)
            if value is not None and not isinstance(value, str):
                out.append(f"{where}.{key} must be a string or null")
    for i, q in enumerate(rec.get("quotes") or []):
        if not isinstance(q, dict) or not isinstance(q.get("text"), str):
            out.append(f"quotes[{i}] must be an object with a 'text' string")
            continue
        if q.get("kind", "direct") not in QUOTE_KINDS:
            out.append(f"quotes[{i}].kind must be direct or indirect")
        msg = _check_actor(q.get("speaker"), f"quotes[{i}].speaker")
        if msg:
            out.append(msg)
    for i, a in enumerate(rec.get("actors") or []):
        if not isinstance(a, dict) or not isinstance(a.get("text"), str):
            out.append(f"actors[{i}] must be an object with a 'text' string")
            continue
        msg = _check_actor(a.get("code"), f"actors[{i}].code")
        if msg:
            out.append(msg)
    return out


def read(paths: Iterable[Path | str]) -> Iterator[Unit | Problem]:
    """Units of the given files or folders (``*.jsonl`` inside), and a Problem for every bad line."""
    for path in files(paths):
        for n, rec, problem in json_lines(Path(path)):
            msgs = [problem] if problem else check_record(rec)
            if msgs:
                yield from (Problem(str(path), n, m) for m in msgs)
                continue
            yield Unit(rec, str(path), n)


def files(paths: Iterable[Path | str]) -> list[Path]:
    """The corpus files named: each file itself, each folder's ``*.jsonl`` (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    return out


def check(paths: Iterable[Path | str]) -> Report:
    """Validate files: every line, ids unique, units of an article contiguous and numbered 1, 2, ...,
    one address per article and no address in two articles."""
    report = Report()
    seen_ids: set[str] = set()
    article_url: dict[str, str] = {}
    url_article: dict[str, str] = {}
    last_unit: dict[str, int] = {}
    for item in read(paths):
        if isinstance(item, Problem):
            report.problems.append(item)
            continue
        rec = item.record
        report.units += 1
        if item.id in seen_ids:
            report.problems.append(Problem(item.path, item.line, f"duplicate unit id {item.id!r}"))
        seen_ids.add(item.id)
        art = item.article
        if art not in article_url:
            article_url[art] = item.url
            report.articles += 1
            if item.url in url_article:
                report.problems.append(
                    Problem(item.path, item.line, f"address already used by article {url_article[item.url]!r}"))
            url_article.setdefault(item.url, art)
        elif article_url[art] != item.url:
            report.problems.append(Problem(item.path, item.line, f"article {art!r} has two addresses"))
        if rec["unit"] != last_unit.get(art, 0) + 1:
            report.problems.append(
                Problem(item.path, item.line, f"unit {rec['unit']} of {art!r} follows unit {last_unit.get(art, 0)}"))
        last_unit[art] = rec["unit"]
        if not item.events:
            report.event_free += 1
        for ev in item.events:
            report.roots[str(ev["cameo"])[:2]] += 1
            report.modalities[ev.get("modality", "asserted")] += 1
    return report


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def load(paths: Iterable[Path | str], splits: Iterable[str] = ("train",)) -> list[Unit]:
    """The valid units of the named splits; raises ValueError on any invalid line (train on clean data only).

    A train or dev unit whose sentence also stands in a test article (the same wire story on two sites) is
    left out, so that nothing of the test split is learned, even by way of a copy."""
    paths = list(paths)
    wanted = set(splits)
    if not wanted <= set(SPLITS):
        raise ValueError(f"unknown split in {sorted(wanted)}; expected {SPLITS}")
    out: list[Unit] = []
    test_texts: set[str] = set()
    for item in read(paths):
        if isinstance(item, Problem):
            raise ValueError(str(item))
        split = split_of(item.url)
        if split == "test":
            test_texts.add(_norm(item.text))
        if split in wanted:
            out.append(item)
    if "test" not in wanted:
        out = [u for u in out if _norm(u.text) not in test_texts]
    return out


def by_article(units: Iterable[Unit]) -> dict[str, list[Unit]]:
    out: dict[str, list[Unit]] = {}
    for u in units:
        out.setdefault(u.article, []).append(u)
    for us in out.values():
        us.sort(key=lambda u: u.record["unit"])
    return out


def main(argv: list[str] | None = None) -> int:
    """``python corpus/check.py FILE...``: validate batches with no dependency installed."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: check.py FILE_OR_FOLDER...")
        return 2
    report = check(args)
    for p in report.problems[:200]:
        print(p)
    print(f"{report.units} units, {report.articles} articles, {report.event_free} without events, "
          f"{sum(report.roots.values())} events; {len(report.problems)} problems")
    print("roots: " + " ".join(f"{r}:{n}" for r, n in sorted(report.roots.items())))
    print("modalities: " + " ".join(f"{m}:{n}" for m, n in report.modalities.most_common()))
    return 1 if report.problems else 0
