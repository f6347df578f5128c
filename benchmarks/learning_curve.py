"""Learning curve of the trained layer: lenient event F1 on the corpus's test split against training units.

    python benchmarks/learning_curve.py [--corpus corpus/batches] [--sizes 1000 2500 5000 0] [--split test]

Codes the train, dev and scored split once (rules alone), then for each size fits the layer on that many train
units (whole articles, seeded), sets its thresholds on dev, and scores rules alone and rules + layer on the
scored split (0 = all train units). Nothing is selected from the scored split's figures.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from parley.learn import corpus
from parley.learn.layer import Thresholds
from parley.learn.train import code_units, fit, score_layer, subset


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, nargs="+", default=[Path("corpus/batches")])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2500, 5000, 0])
    ap.add_argument("--split", default="test", choices=["dev", "test"])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    quiet = lambda _: None
    t0 = time.perf_counter()
    train_units = corpus.load(args.corpus, ("train",))
    dev = code_units(corpus.load(args.corpus, ("dev",)), quiet)
    scored = code_units(corpus.load(args.corpus, (args.split,)), quiet) if args.split != "dev" else dev
    coded = {c.unit.id: c for c in code_units(train_units, quiet)}
    print(f"coded {len(coded):,} train, {len(dev):,} dev, {len(scored):,} {args.split} units "
          f"in {time.perf_counter() - t0:.0f} s")
    print(f"{'train units':>12} {'rules P/R/F1':>22} {'rules+layer P/R/F1':>22} {'traps real':>11} {'fit s':>6}")
    for size in args.sizes:
        units = subset(train_units, size or None, args.seed)
        data = [coded[u.id] for u in units if u.id in coded]
        t = time.perf_counter()
        layer = fit(data, dev, seed=args.seed, log=quiet)
        secs = time.perf_counter() - t
        rules = score_layer(layer, scored, Thresholds())
        both = score_layer(layer, scored, layer.thresholds)
        fmt = lambda m: f"{m['precision']:.3f}/{m['recall']:.3f}/{m['f1']:.3f}"
        print(f"{len(data):>12,} {fmt(rules):>22} {fmt(both):>22} "
              f"{both['traps_coded_as_real']:>4}/{both['traps']:<6} {secs:>6.0f}")


if __name__ == "__main__":
    main()
