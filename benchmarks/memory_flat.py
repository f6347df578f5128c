"""Memory over a long run: resident memory of the coder (and of each forked worker) every 1,000 documents.

    python benchmarks/memory_flat.py [--documents 10000] [--processes 2] [--no-model]

Codes ``--documents`` documents streamed from the real news of ``corpus/batches`` (train and dev articles,
repeated with fresh ids until the count is reached; nothing is held in a list) and prints, every 1,000
documents, the resident memory (VmRSS) of the parent and, with several processes, of each worker forked from it,
then the peak (VmHWM) of each and the growth between the first and the last sample. Memory is flat when the
growth is a small fraction of the first figure. Nothing is asserted. The articles repeat after some 1,300
documents, so spaCy's vocabulary stops growing after the first pass: new words in a real stream add a little
memory (spaCy's string store), which this run does not show.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import time
from collections.abc import Iterator

from parley.bench import rss_mb


def documents(n: int) -> Iterator:  # type: ignore[type-arg]
    from parley.bench import news_articles
    from parley.model import Document

    articles = news_articles(10**6)
    for i in range(n):
        a = articles[i % len(articles)]
        published = dt.date.fromisoformat(a["published"]) if a["published"] else None
        yield Document(text=a["text"], id=f"{a['id']}-{i}", published=published)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--no-model", action="store_true")
    args = ap.parse_args()

    from parley import parallel
    from parley.model import CodedDocument
    from parley.pipeline import Coder, Options

    coder = Coder(Options(use_model=not args.no_model))
    print(f"coder loaded: parent {rss_mb(os.getpid(), 'VmRSS'):.0f} MB resident; {args.documents:,} documents, "
          f"{args.processes} process(es), trained layer {'off' if args.no_model else 'on'}")
    samples: dict[int, list[float]] = {}
    peaks: dict[int, float] = {}
    t = time.perf_counter()
    events = 0
    for i, item in enumerate(parallel.pipe_items(documents(args.documents), args.processes, coder=coder), 1):
        if isinstance(item, CodedDocument):
            events += len(item.events)
        if i % 1000 == 0:
            pids = [os.getpid(), *(p.pid for p in mp.active_children() if p.pid)]
            row = []
            for pid in pids:
                rss = rss_mb(pid, "VmRSS")
                samples.setdefault(pid, []).append(rss)
                peaks[pid] = max(peaks.get(pid, 0.0), rss_mb(pid, "VmHWM"))
                row.append(f"{'parent' if pid == os.getpid() else f'worker {pid}'} {rss:.0f}")
            print(f"{i:>6,} documents, {time.perf_counter() - t:6.0f} s, {events:,} events: resident MB: "
                  + ", ".join(row), flush=True)
    for pid, values in samples.items():
        who = "parent" if pid == os.getpid() else f"worker {pid}"
        print(f"{who}: first sample {values[0]:.0f} MB, last {values[-1]:.0f} MB, growth {values[-1] - values[0]:+.0f} MB "
              f"({(values[-1] - values[0]) / values[0]:+.1%}); peak {peaks[pid]:.0f} MB")


if __name__ == "__main__":
    main()
