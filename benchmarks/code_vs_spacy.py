"""Throughput and peak memory of `parley` against bare spaCy `nlp.pipe` on the same articles, in one run.

    python benchmarks/code_vs_spacy.py [--articles 300] [--batch-size 32]

Each measurement runs in its own child process so peak memory (max RSS) is its own. The articles are
generated from templates of our own (deterministic), about 12 sentences each. Prints a table and the ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

COUNTRIES = ["Russia", "Ukraine", "China", "the United States", "France", "Germany", "Iran", "Israel", "Turkey",
             "India", "Pakistan", "Brazil", "Japan", "South Korea", "Egypt", "Nigeria", "Kenya", "Poland"]
TEMPLATES = [
    "{a} condemned {b} on {day} over the border incident.",
    "{a} and {b} held talks in {city} about trade and energy.",
    "The foreign minister of {a} said that {b} had violated the agreement.",
    "{a} imposed new sanctions on {b} after the vote.",
    "If the talks fail, {a} would consider sanctions against {b}.",
    "{a} did not rule out a meeting with {b} later this year.",
    "\u201cWe are ready for dialogue,\u201d a spokesman for {a} told reporters.",
    "Troops from {a} shelled positions held by {b} near the frontier.",
    "{a} pledged humanitarian aid to {b} following the floods.",
    "Officials in {city} said the negotiations may resume next month.",
    "{a} accused {b} of spreading false claims about the strike.",
    "Protesters rallied outside the embassy of {b} in {city}.",
]
CITIES = ["Geneva", "Istanbul", "Doha", "Vienna", "Cairo", "Nairobi", "Warsaw", "Delhi"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def articles(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        sents = []
        for t in rng.sample(TEMPLATES, k=len(TEMPLATES)):
            a, b = rng.sample(COUNTRIES, 2)
            s = t.format(a=a, b=b, city=rng.choice(CITIES), day=rng.choice(DAYS))
            sents.append(s[0].upper() + s[1:])
        out.append(" ".join(sents))
    return out


def child(kind: str, n: int, batch_size: int) -> None:
    texts = articles(n)
    start = time.perf_counter()
    if kind == "spacy":
        from parley.nlp import load

        nlp = load()
        loaded = time.perf_counter()
        sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=batch_size))
        events = 0
    else:
        import datetime as dt

        from parley.model import Document
        from parley.pipeline import Options, default_coder

        coder = default_coder(Options(batch_size=batch_size))
        coder.code(Document(text="Warm-up: Chile criticised Peru.", published=dt.date(2024, 1, 1)))
        loaded = time.perf_counter()
        docs = [Document(text=t, published=dt.date(2024, 7, 17)) for t in texts]
        events = sentences = 0
        for coded in coder.pipe(docs):
            events += len(coded.events)
            sentences += 1 + max((e.sentence for e in coded.events), default=0)
    elapsed = time.perf_counter() - loaded
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"kind": kind, "articles": n, "seconds": elapsed, "load_seconds": loaded - start,
                      "peak_mb": peak_mb, "events": events}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--child", choices=["spacy", "parley"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.articles, args.batch_size)
        return
    results = {}
    for kind in ("spacy", "parley"):
        out = subprocess.run(
            [sys.executable, __file__, "--child", kind, "--articles", str(args.articles), "--batch-size", str(args.batch_size)],
            check=True, capture_output=True, text=True,
        )
        results[kind] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{'':8} {'articles/s':>11} {'peak MB':>9} {'load s':>7} {'events':>7}")
    for kind, r in results.items():
        print(f"{kind:8} {r['articles'] / r['seconds']:11.1f} {r['peak_mb']:9.0f} {r['load_seconds']:7.2f} {r['events']:7d}")
    ratio = (results["parley"]["articles"] / results["parley"]["seconds"]) / (
        results["spacy"]["articles"] / results["spacy"]["seconds"]
    )
    print(f"parley runs at {ratio:.2f} x the speed of bare spaCy nlp.pipe on the same {args.articles} articles "
          f"(~{len(TEMPLATES)} sentences each); peak memory {results['parley']['peak_mb'] / results['spacy']['peak_mb']:.2f} x")


if __name__ == "__main__":
    main()
