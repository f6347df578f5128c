"""Throughput benchmark: parley against bare spaCy on the same real news, in one run, in alternating rounds.

``parley bench [CORPUS]`` loads bare spaCy (the pinned model's full pipeline, as ``spacy.load`` gives it) and a
parley coder in one process, then times rounds that alternate the two over the same articles (spaCy first in
odd rounds, parley first in even ones), so that a machine shared with other work slows both alike; each round
gives a ratio, and the summary is the median ratio and its spread. With N processes both fork their workers from
the loaded parent (spaCy's ``nlp.pipe(n_process=N)``, :mod:`parley.parallel`), so worker start-up is inside the
timing for both. Start-up is timed apart, in fresh interpreters: bare spaCy loading its model, and parley
coding one document from a cold start.

The default corpus is real news: the articles of parley's annotated corpus (``corpus/batches`` of a checkout;
each article's sentences, verbatim excerpts of public news pages, one per line), train and dev splits only.
Where it is absent (an installed package) the synthetic corpus below is used and the report says so.

The synthetic generator writes plausible wire-style articles from templates written for parley (no copied
text), deterministic for a seed; every sentence of it holds an event, so it overstates parley's share of the
work on real news, where many sentences hold none.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

COUNTRIES = [
    ("Russia", "Russian", "Moscow"), ("Ukraine", "Ukrainian", "Kyiv"), ("China", "Chinese", "Beijing"),
    ("the United States", "American", "Washington"), ("France", "French", "Paris"), ("Germany", "German", "Berlin"),
    ("Iran", "Iranian", "Tehran"), ("Israel", "Israeli", "Jerusalem"), ("Turkey", "Turkish", "Ankara"),
    ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"), ("Brazil", "Brazilian", "Brasilia"),
    ("Japan", "Japanese", "Tokyo"), ("South Korea", "South Korean", "Seoul"), ("Egypt", "Egyptian", "Cairo"),
    ("Nigeria", "Nigerian", "Abuja"), ("Kenya", "Kenyan", "Nairobi"), ("Poland", "Polish", "Warsaw"),
    ("Mexico", "Mexican", "Mexico City"), ("Indonesia", "Indonesian", "Jakarta"), ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Argentina", "Argentine", "Buenos Aires"), ("Vietnam", "Vietnamese", "Hanoi"), ("Sweden", "Swedish", "Stockholm"),
]
ROLES = ["officials", "the foreign ministry", "the defence ministry", "diplomats", "lawmakers", "the government"]
PLACES = ["Geneva", "Istanbul", "Doha", "Vienna", "Oslo", "Singapore", "Riyadh", "Helsinki"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["trade", "energy", "border security", "grain exports", "water rights", "fishing quotas", "migration"]

TEMPLATES = [
    "{A} condemned {B} on {day} over the {topic} dispute.",
    "{A} and {B} held talks in {place} on {topic}.",
    "The foreign minister of {A} accused {B} of breaking the {topic} agreement.",
    "{A} imposed new sanctions on {B} after the vote.",
    "If the talks collapse, {A} would impose tariffs on {B}.",
    "{A} did not rule out a meeting with {B} later this year.",
    "\u201cWe remain open to dialogue on {topic},\u201d a spokesperson for {A} told reporters.",
    "{adjA} forces shelled positions held by {adjB} troops near the frontier on {day}.",
    "{A} pledged humanitarian aid to {B} after the floods.",
    "Officials in {capA} said negotiations with {B} may resume next month.",
    "{A} rejected the proposal put forward by {B}.",
    "Protesters gathered outside the embassy of {B} in {capA} on {day}.",
    "{A} expelled two {adjB} diplomats, the ministry said.",
    "{adjA} police arrested several opposition activists on {day}.",
    "{A} signed a {topic} agreement with {B} in {place}.",
    "{A} is ready to host a summit with {B}, its president said.",
    "{A} urged {B} to release the detained journalists.",
    "{A} threatened to cut diplomatic ties with {B}.",
    "Analysts believe {A} may have supplied weapons to {B}.",
    "{A} praised {B} for its role in the {topic} negotiations.",
    "{capA} denied reports that it had mobilised reserve troops.",
    "{adjA} warplanes struck targets inside {B} overnight, according to local officials.",
    "The president of {A} visited {B} for two days of talks on {topic}.",
    "{A} called on the United Nations to investigate the attack.",
]


def articles(n: int, seed: int = 7) -> Iterator[dict]:
    """``n`` synthetic articles as JSON-ready dicts (id, title, published, text), deterministic for ``seed``."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    for i in range(n):
        k = rng.randint(8, 16)
        sents = []
        for t in rng.sample(TEMPLATES, k=k):
            (a, adj_a, cap_a), (b, adj_b, _cap_b) = rng.sample(COUNTRIES, 2)
            s = t.format(A=a, B=b, adjA=adj_a, adjB=adj_b, capA=cap_a, day=rng.choice(DAYS),
                         place=rng.choice(PLACES), topic=rng.choice(TOPICS))
            sents.append(s[0].upper() + s[1:])
        city = rng.choice(COUNTRIES)[2].upper()
        paragraphs = [" ".join(sents[j:j + 3]) for j in range(0, len(sents), 3)]
        paragraphs[0] = f"{city} \u2014 " + paragraphs[0]
        yield {"id": f"synthetic-{seed}-{i}", "title": f"Synthetic article {i}",
               "published": str(start + dt.timedelta(days=rng.randrange(700))), "text": "\n\n".join(paragraphs)}


def write_corpus(path: Path, n: int, seed: int = 7) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for a in articles(n, seed):
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    return n


#: the annotated corpus of a checkout: real news excerpts (corpus/README.md)
NEWS_CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "batches"


def news_articles(n: int, root: Path = NEWS_CORPUS) -> list[dict]:
    """Up to ``n`` real news articles from the annotated corpus: each article's units in order, one sentence
    a line, with its publication date; train and dev articles only (the test split is held out)."""
    from parley.learn import corpus

    out = []
    for units in corpus.by_article(corpus.load([root], ("train", "dev"))).values():
        out.append({"id": units[0].article, "published": units[0].record.get("published"),
                    "text": "\n".join(u.text for u in units)})
        if len(out) >= n:
            break
    return out


def _load_texts(corpus: str | None, n: int) -> tuple[list[tuple[str, str | None]], str]:
    """(text, published) pairs and the name of the corpus they come from."""
    if corpus is None:
        if NEWS_CORPUS.is_dir():
            return [(a["text"], a["published"]) for a in news_articles(n)], "real news: corpus/batches (train, dev)"
        return [(a["text"], a["published"]) for a in articles(n)], "synthetic corpus (corpus/batches not found)"
    from parley.model import Document
    from parley.read import iter_documents

    out = []
    for item in iter_documents([corpus]):
        if isinstance(item, Document):
            out.append((item.text, str(item.published) if item.published else None))
        if len(out) >= n:
            break
    return out, corpus


def check_corpus(corpus: str | None, n: int) -> list[str]:
    """Read ``corpus`` before timing it: the items it could not read (as "item: reason"), or an InputError
    when it holds no document at all (empty, over the size limit, no text...): there is nothing to time."""
    if corpus is None:
        return []
    from parley.errors import InputError
    from parley.model import Document
    from parley.read import iter_documents

    documents, failures = 0, []
    for item in iter_documents([corpus]):
        if isinstance(item, Document):
            documents += 1
            if documents >= n:
                break
        else:
            failures.append(f"{item.item}: {item.message}")
    if not documents:
        reasons = "; ".join(failures[:3]) + (f" (and {len(failures) - 3} more)" if len(failures) > 3 else "")
        raise InputError(f"{corpus}: no document to time" + (f": {reasons}" if reasons else ""))
    return failures


_SPACY_START = """
import time; t = time.perf_counter()
import spacy
from parley.nlp import MODEL_PACKAGE
nlp = spacy.load(MODEL_PACKAGE); nlp("Chile criticised Peru on Monday.")
print(time.perf_counter() - t)
"""
_PARLEY_START = """
import time; t = time.perf_counter()
import datetime as dt
from parley import code
code("Chile criticised Peru on Monday.", published=dt.date(2024, 1, 3))
print(time.perf_counter() - t)
"""


def startup(tries: int = 3) -> dict[str, list[float]]:
    """Seconds from a fresh interpreter to one coded sentence: bare spaCy (import, load, parse) and parley
    (import, load everything, code), alternating, ``tries`` times each."""
    out: dict[str, list[float]] = {"spacy": [], "parley": []}
    for _ in range(tries):
        for kind, script in (("spacy", _SPACY_START), ("parley", _PARLEY_START)):
            done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
            out[kind].append(float(done.stdout.strip().splitlines()[-1]))
    return out


def rss_mb(pid: int, field: str = "VmHWM") -> float:
    """A process's peak (VmHWM) or current (VmRSS) resident memory in MB, from /proc; 0 where there is none."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _time_spacy(nlp, texts: list[str], processes: int, batch_size: int) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    sentences = sum(1 for doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes) for _ in doc.sents)
    return time.perf_counter() - t, sentences


def _time_parley(coder, docs: list, processes: int) -> tuple[float, int, float]:  # type: ignore[no-untyped-def]
    """Seconds, events, and the largest peak memory of a worker (MB; 0 in one process)."""
    import multiprocessing as mp

    from parley import parallel
    from parley.model import CodedDocument

    t = time.perf_counter()
    events, worker_peak = 0, 0.0
    for i, coded in enumerate(parallel.pipe_items(docs, processes, coder=coder)):
        if isinstance(coded, CodedDocument):
            events += len(coded.events)
        if processes > 1 and i % 50 == 0:  # workers are alive while results come in
            worker_peak = max([worker_peak, *(rss_mb(p.pid) for p in mp.active_children() if p.pid)])
    return time.perf_counter() - t, events, worker_peak


def run(corpus: str | None, n: int, processes: list[int], batch_size: int = 32, rounds: int = 3,
        with_startup: bool = True, statistical_ner: bool = False) -> dict:
    """Time bare spaCy and parley on the same ``n`` articles in ``rounds`` alternating rounds for each process
    count (check the corpus with :func:`check_corpus` first). Returns the corpus, per-round figures and, when
    ``with_startup``, the start-up seconds of each."""
    import spacy

    from parley.model import Document
    from parley.nlp import MODEL_PACKAGE
    from parley.pipeline import Coder, Options
    from parley.when import parse_published

    pairs, name = _load_texts(corpus, n)
    coder = Coder(Options(batch_size=batch_size, statistical_ner=statistical_ner))
    bare = spacy.load(MODEL_PACKAGE)
    docs = [Document(text=t, published=parse_published(p) if p else None, id=f"bench-{i}")
            for i, (t, p) in enumerate(pairs)]
    texts = [t for t, _ in pairs]  # bare spaCy reads the text as given; parley masks the dateline first
    list(bare.pipe(texts[:5]))
    list(coder.pipe_items(docs[:5]))
    out: list[dict] = []
    for r in range(rounds):
        for p in processes:
            row: dict = {"round": r + 1, "processes": p, "articles": len(docs)}
            for kind in (("spacy", "parley") if r % 2 == 0 else ("parley", "spacy")):
                if kind == "spacy":
                    row["spacy_seconds"], row["sentences"] = _time_spacy(bare, texts, p, batch_size)
                else:
                    row["parley_seconds"], row["events"], row["worker_peak_mb"] = _time_parley(coder, docs, p)
            row["ratio"] = row["spacy_seconds"] / row["parley_seconds"]
            out.append(row)
    result = {"corpus": name + ("; parley with spaCy's statistical NER" if statistical_ner else ""), "articles": len(docs),
              "characters": sum(len(t) for t in texts),
              "rounds": out, "main_peak_mb": rss_mb(os.getpid())}
    if with_startup:
        result["startup"] = startup()
    return result


def summary(result: dict) -> dict[int, dict[str, float]]:
    """Per process count: the median ratio parley/spaCy (throughput) and its spread, the median throughputs,
    and the scaling of each against one process in the same round."""
    by_p: dict[int, dict[str, float]] = {}
    rows = result["rounds"]
    one = {r["round"]: r for r in rows if r["processes"] == 1}
    for p in sorted({r["processes"] for r in rows}):
        mine = [r for r in rows if r["processes"] == p]
        ratios = [r["ratio"] for r in mine]
        s: dict[str, float] = {
            "ratio_median": statistics.median(ratios), "ratio_min": min(ratios), "ratio_max": max(ratios),
            "spacy_art_s": statistics.median(r["articles"] / r["spacy_seconds"] for r in mine),
            "parley_art_s": statistics.median(r["articles"] / r["parley_seconds"] for r in mine),
            "worker_peak_mb": max(r["worker_peak_mb"] for r in mine),
        }
        if p != 1 and one:
            scale = [one[r["round"]]["parley_seconds"] / r["parley_seconds"] for r in mine if r["round"] in one]
            spacy_scale = [one[r["round"]]["spacy_seconds"] / r["spacy_seconds"] for r in mine if r["round"] in one]
            s.update(parley_scaling=statistics.median(scale), parley_scaling_min=min(scale),
                     parley_scaling_max=max(scale), spacy_scaling=statistics.median(spacy_scale))
        by_p[p] = s
    return by_p
