"""Coding time against document length (issue 16 row 2): one document of N short sentences against ten
documents of N/10 sentences each, the same sentences in all.

    python benchmarks/long_document.py [-n 10000] [--parts 10] [--no-model]

The sentences are short news sentences with actors, places and a quotation, repeated in turn. Prints the seconds
for the one long document, for the ``parts`` shorter ones, and their ratio (linear coding: near 1). Nothing is
asserted: a timing belongs here, not in the unit tests.
"""

from __future__ import annotations

import argparse
import time

SENTENCES = (
    "Russian forces shelled villages near Kharkiv on Tuesday.",
    "The United States condemned the attack in Ukraine.",
    '"We will respond," the French foreign minister said in Paris.',
    "China urged both sides to hold talks.",
    "Israeli troops raided a hospital in Gaza.",
)


def text(n: int) -> str:
    return " ".join(SENTENCES[i % len(SENTENCES)] for i in range(n))


def seconds(coder: object, docs: list) -> float:
    t = time.perf_counter()
    for d in docs:
        coder.code(d)  # type: ignore[attr-defined]
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=10_000, help="sentences in the long document")
    ap.add_argument("--parts", type=int, default=10, help="documents the same sentences are split into")
    ap.add_argument("--no-model", action="store_true", help="the rules alone, without the trained layer")
    args = ap.parse_args()

    from parley.model import Document
    from parley.pipeline import Coder, Options

    coder = Coder(Options(use_model=not args.no_model))
    coder.code(Document(text=text(20)))  # warm up
    long_s = seconds(coder, [Document(text=text(args.n))])
    short_s = seconds(coder, [Document(text=text(args.n // args.parts)) for _ in range(args.parts)])
    print(f"one document of {args.n} sentences: {long_s:.1f} s")
    print(f"{args.parts} documents of {args.n // args.parts} sentences: {short_s:.1f} s")
    print(f"ratio: {long_s / short_s:.2f}")


if __name__ == "__main__":
    main()
