"""parley against bare spaCy in CPU seconds: the measure that survives a machine shared with other work.

    python benchmarks/cpu_ratio.py [--articles 150] [--rounds 4]

One process loads bare spaCy (the pinned model's full pipeline) and a parley coder (trained layer on), then
alternates them over the same real news articles of corpus/batches (train and dev), counting the CPU time of
this process for each run (``time.process_time``): other processes on the machine do not count, as they do in
wall time. Prints each round's ratio (spaCy's CPU seconds over parley's: above 1, parley is faster), the median
and the spread. One process only; ``parley bench`` times wall clock, and several processes.
"""

from __future__ import annotations

import argparse
import statistics
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--statistical-ner", action="store_true", help="parley with spaCy's NER instead of its own finders")
    args = ap.parse_args()

    import spacy

    from parley import bench
    from parley.model import Document
    from parley.nlp import MODEL_PACKAGE
    from parley.pipeline import Coder, Options
    from parley.when import parse_published

    arts = bench.news_articles(args.articles)
    docs = [Document(text=a["text"], id=str(i), published=parse_published(a["published"]) if a["published"] else None)
            for i, a in enumerate(arts)]
    texts = [a["text"] for a in arts]
    coder, bare = Coder(Options(statistical_ner=args.statistical_ner)), spacy.load(MODEL_PACKAGE)
    list(bare.pipe(texts[:5]))
    list(coder.pipe_items(docs[:5]))
    ratios = []
    for r in range(args.rounds):
        cpu: dict[str, float] = {}
        for kind in (("spacy", "parley") if r % 2 == 0 else ("parley", "spacy")):
            started = time.process_time()
            if kind == "spacy":
                for _doc in bare.pipe(texts, batch_size=32):
                    pass
            else:
                for _coded in coder.pipe_items(docs):
                    pass
            cpu[kind] = time.process_time() - started
        ratios.append(cpu["spacy"] / cpu["parley"])
        print(f"round {r + 1}: CPU seconds bare spaCy {cpu['spacy']:.2f}, parley {cpu['parley']:.2f}, "
              f"ratio {ratios[-1]:.2f}", flush=True)
    print(f"{len(docs)} articles: parley at {statistics.median(ratios):.2f}x bare spaCy (median of {len(ratios)} "
          f"rounds, spread {min(ratios):.2f}-{max(ratios):.2f})")


if __name__ == "__main__":
    main()
