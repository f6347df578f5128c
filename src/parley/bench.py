"""Throughput benchmark and a synthetic news corpus generator of our own.

``parley bench [CORPUS]`` measures articles/second, sentences/second and peak memory for parley and for bare
spaCy ``nlp.pipe`` over the same articles in the same run, with 1 and 2 processes. Each measurement runs in a
fresh child process so its peak memory is its own. Without CORPUS it generates a synthetic corpus.

The generator writes plausible wire-style articles from templates written for parley (no copied text):
datelines, statements with quotes, events of every CAMEO root, hypothetical, negated and speculative
sentences, in random order, deterministic for a seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import resource
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


def _load_texts(corpus: str | None, n: int) -> list[tuple[str, str | None]]:
    if corpus is None:
        return [(a["text"], a["published"]) for a in articles(n)]
    from parley.model import Document
    from parley.read import iter_documents

    out = []
    for item in iter_documents([corpus]):
        if isinstance(item, Document):
            out.append((item.text, str(item.published) if item.published else None))
        if len(out) >= n:
            break
    return out


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


def child(kind: str, corpus: str | None, n: int, processes: int, batch_size: int) -> dict:
    texts = _load_texts(corpus, n)
    t0 = time.perf_counter()
    if kind == "spacy":
        from parley.nlp import load

        nlp = load()
        nlp("warm-up")
        t1 = time.perf_counter()
        sentences = sum(len(list(doc.sents)) for doc in nlp.pipe((t for t, _ in texts), batch_size=batch_size, n_process=processes))
        events = 0
    else:
        from parley import parallel
        from parley.model import CodedDocument, Document
        from parley.pipeline import Options
        from parley.when import parse_published

        options = Options(batch_size=batch_size)
        docs = [Document(text=t, published=parse_published(p) if p else None) for t, p in texts]
        if processes <= 1:
            from parley.pipeline import default_coder

            default_coder(options).code(Document(text="Chile criticised Peru.", published=dt.date(2024, 1, 1)))
        t1 = time.perf_counter()
        events = sentences = 0
        for coded in parallel.pipe_items(docs, processes, options):
            if isinstance(coded, CodedDocument):
                events += len(coded.events)
    seconds = time.perf_counter() - t1
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"kind": kind, "processes": processes, "articles": len(texts), "sentences": sentences, "seconds": seconds,
            "load_seconds": t1 - t0, "peak_mb": own, "worker_peak_mb": workers, "events": events}


def run(corpus: str | None, n: int, processes: list[int], batch_size: int = 32) -> list[dict]:
    """Time parley and bare spaCy on ``n`` articles of ``corpus`` (default: synthetic) for each process count;
    check the corpus with :func:`check_corpus` first."""
    results = []
    for p in processes:
        for kind in ("spacy", "parley"):
            cmd = [sys.executable, "-m", "parley.bench", kind, str(n), str(p), str(batch_size)]
            if corpus:
                cmd.append(corpus)
            out = subprocess.run(cmd, check=True, capture_output=True, text=True)
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    # parley parses the same text with the same model: the sentence count of the spaCy run is the count
    by_p = {r["processes"]: r["sentences"] for r in results if r["kind"] == "spacy"}
    for r in results:
        if r["kind"] == "parley":
            r["sentences"] = by_p.get(r["processes"], 0)
    return results


if __name__ == "__main__":  # child process entry: kind n processes batch_size [corpus]
    kind, n, p, bs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    print(json.dumps(child(kind, sys.argv[5] if len(sys.argv) > 5 else None, n, p, bs)))
