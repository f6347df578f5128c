"""What the trained layer costs: bare spaCy, parley without and with the layer, on the same real news, one run.

    python benchmarks/layer_speed.py [--corpus corpus/batches] [--articles 300] [--rounds 3]

The articles are the corpus's own (each article's units joined, one per line: real news text). One process
loads spaCy and both coders first (start-up is timed apart: the layer's load alone, and a fresh interpreter
that imports parley and builds a Coder); then rounds alternate bare ``nlp.pipe``, ``Coder(use_model=False)``
and ``Coder()`` over the same documents, so a busy machine slows all three alike. Prints articles/s per
round, the median, and the layer's cost against parley without it; and the layer's own time (``Layer.apply``,
timed inside the coder's calls) as a share of the coder's time, the same cost without the drift between rounds.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, nargs="+", default=[Path("corpus/batches")])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from parley.learn import corpus
    from parley.learn.layer import MODEL_DIR, Layer
    from parley.model import Document
    from parley.pipeline import Coder, Options

    arts = list(corpus.by_article(corpus.load(args.corpus, ("train", "dev", "test"))).values())[: args.articles]
    docs = [Document(text="\n".join(u.text for u in us), id=us[0].article) for us in arts]
    chars = sum(len(d.text) for d in docs)
    t = time.perf_counter()
    Layer.load(MODEL_DIR)
    load_s = time.perf_counter() - t
    fresh = subprocess.run([sys.executable, "-c", ("import time; t=time.perf_counter(); from parley.pipeline import "
                            "Coder; Coder(); print(time.perf_counter()-t)")], capture_output=True, text=True, check=False)
    import spacy

    from parley.nlp import MODEL_PACKAGE

    rules, full = Coder(Options(use_model=False)), Coder()
    nlp = spacy.load(MODEL_PACKAGE)  # bare spaCy: the pinned model's full pipeline, its NER included
    texts = [rules.prepare_text(d) for d in docs]
    list(nlp.pipe(texts[:5]))
    list(rules.pipe(docs[:5]))
    list(full.pipe(docs[:5]))
    rates: dict[str, list[float]] = {"spacy": [], "parley --no-model": [], "parley": []}
    events = {}
    # the layer's own time inside the coder with it, timed in the same calls: its share of that coder's time is
    # the throughput it costs, measured without the drift between rounds that the two coders' rates carry
    inside = [0.0]
    apply = full.layer.apply  # type: ignore[union-attr]

    def timed(*a, **k):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return apply(*a, **k)
        finally:
            inside[0] += time.perf_counter() - t0

    full.layer.apply = timed  # type: ignore[union-attr, method-assign]
    shares: list[float] = []
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        rates["spacy"].append(len(docs) / (time.perf_counter() - t))
        for name, coder in (("parley --no-model", rules), ("parley", full)):
            inside[0] = 0.0
            t = time.perf_counter()
            events[name] = sum(len(c.events) for c in coder.pipe(docs))
            took = time.perf_counter() - t
            rates[name].append(len(docs) / took)
            if coder is full:
                shares.append(inside[0] / took)
    print(f"{len(docs)} real news articles, {chars:,} characters; model load {load_s:.2f} s; "
          f"fresh interpreter to a ready Coder (model included) {fresh.stdout.strip() or fresh.stderr[-200:]} s")
    for name, r in rates.items():
        print(f"{name:>18}: " + "  ".join(f"{x:6.1f}" for x in r) + f"   median {statistics.median(r):6.1f} articles/s"
              + (f", {events[name]:,} events" if name in events else ""))
    cost = 1 - statistics.median(rates["parley"]) / statistics.median(rates["parley --no-model"])
    print(f"the layer costs {cost:.1%} of parley's throughput; parley with it runs at "
          f"{statistics.median(rates['parley']) / statistics.median(rates['spacy']):.2f}x bare spaCy")
    print("the layer's own time, timed inside parley's calls: " + "  ".join(f"{x:.1%}" for x in shares)
          + f"   median {statistics.median(shares):.1%} of parley's time")


if __name__ == "__main__":
    main()
