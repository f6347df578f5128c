"""Coding time against document length (issue 16 row 2): one document of N short sentences against ten
documents of N/10 sentences each, the same sentences in all.

    python benchmarks/long_document.py [-n 10000] [--parts 10] [--no-model]
    python benchmarks/long_document.py --chars 1000000 [--part-chars 100000] [--no-model]

The sentences are short news sentences with actors, places and a quotation, repeated in turn. Prints the seconds
for the one long document, for the ``parts`` shorter ones, and their ratio (linear coding: near 1). With
``--chars N``: one document of N characters (the sentences in paragraphs of five) coded once, printing the wall
and CPU time (on a shared machine the CPU time says more), the process's peak resident memory before and after
(VmHWM, the model loaded), the events found and the warnings recorded (a document coded in parts says so).
Nothing is asserted: a timing belongs here, not in the unit tests.
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


def text_of_chars(chars: int) -> str:
    """Paragraphs of five sentences, cut at a sentence end so that the text has at most ``chars`` characters."""
    out: list[str] = []
    size = i = 0
    while True:
        sentence = SENTENCES[i % len(SENTENCES)]
        sep = "" if i == 0 else ("\n\n" if i % 5 == 0 else " ")
        if size + len(sep) + len(sentence) > chars:
            return "".join(out)
        out += [sep, sentence]
        size += len(sep) + len(sentence)
        i += 1


def one_document(chars: int, use_model: bool, part_chars: int | None) -> None:
    import os

    from parley.bench import rss_mb
    from parley.model import Document
    from parley.pipeline import Coder, Options

    options = Options(use_model=use_model)
    coder = Coder(Options(use_model=use_model, part_chars=part_chars) if part_chars else options)
    coder.code(Document(text=text(20)))  # warm up
    before = rss_mb(os.getpid())
    doc = Document(text=text_of_chars(chars))
    t, cpu = time.perf_counter(), time.process_time()
    coded = coder.code(doc)
    wall, cpu = time.perf_counter() - t, time.process_time() - cpu
    print(f"one document of {len(doc.text):,} characters: {wall:.1f} s wall, {cpu:.1f} s CPU")
    print(f"peak resident memory: {before:.0f} MB before, {rss_mb(os.getpid()):.0f} MB after")
    print(f"{len(coded.events):,} events, {len(coded.quotes):,} quotations")
    for w in coded.warnings:
        print(f"warning {w.code}: {w.message}")


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
    ap.add_argument("--chars", type=int, help="code one document of this many characters (time, peak memory)")
    ap.add_argument("--part-chars", type=int, help="with --chars: the coder's part_chars (default: its default)")
    args = ap.parse_args()
    if args.chars:
        one_document(args.chars, not args.no_model, args.part_chars)
        return

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
