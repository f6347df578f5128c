"""Coding speed of this checkout against an earlier parley (prints figures; nothing is asserted).

    python benchmarks/speed_vs_release.py [--ref 38fb02f] [--articles 300] [--rounds 3]

Issue 3 asks that coding speed not drop by more than 10 % against parley 0.1. ``--ref`` (default: the
commit that completed parley 0.1) is checked out into a temporary git worktree; both versions then code the
same synthetic articles with the same installed dependencies, each in its own fresh interpreter, one
document after another through ``Coder.pipe``. One-time indexes (actor matchers, gazetteer) are built
before the clock starts in both, so the figures are per-article work. The rounds alternate between the two
versions so that a busy machine slows both alike; the best round of each is reported.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARLEY_0_1 = "38fb02f"  # "parley code --processes; README lists eval, bench and dict commands"

WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
import datetime as dt
from parley.model import Document
from parley.pipeline import Coder
docs = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
docs = [Document(text=d["text"], published=dt.date.fromisoformat(d["published"]) if d.get("published") else None)
        for d in docs]
coder = Coder()
try:  # warm the one-time indexes where this version has them
    from parley.actors import _matchers
    _matchers(coder.actors, coder.nlp.make_doc(""))
except ImportError:
    pass
try:
    from parley.where import _gazetteer
    _gazetteer()
except ImportError:
    pass
list(coder.pipe(docs[:5]))
t = time.perf_counter()
events = sum(len(c.events) for c in coder.pipe(docs))
print(json.dumps({"seconds": time.perf_counter() - t, "articles": len(docs), "events": events}))
"""


def run(src: Path, corpus: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", WORKER, str(src), str(corpus)], capture_output=True, text=True,
                         cwd=tempfile.gettempdir(), check=False)
    if out.returncode != 0:
        raise SystemExit(f"worker failed for {src}:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default=PARLEY_0_1, help="git ref of the earlier version (default: parley 0.1)")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from parley import bench

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for a in bench.articles(args.articles, seed=7):
                f.write(json.dumps({"text": a["text"], "published": a.get("published")}) + "\n")
        old = Path(tmp) / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(old), args.ref],
                       check=True, capture_output=True)
        try:
            best: dict[str, dict] = {}
            for r in range(args.rounds):
                for label, src in (("earlier " + args.ref, old / "src"), ("this checkout", ROOT / "src")):
                    res = run(src, corpus)
                    rate = res["articles"] / res["seconds"]
                    print(f"round {r + 1}: {label:<22} {rate:6.1f} articles/s  ({res['events']} events)")
                    if label not in best or rate > best[label]["rate"]:
                        best[label] = {**res, "rate": rate}
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], check=False,
                           capture_output=True)
    (a_label, a), (b_label, b) = best.items()
    print(f"\nbest of {args.rounds}: {a_label} {a['rate']:.1f} articles/s; {b_label} {b['rate']:.1f} articles/s")
    print(f"this checkout runs at {b['rate'] / a['rate']:.2f} x the speed of {args.ref} "
          f"({(b['rate'] / a['rate'] - 1) * 100:+.1f} %)")


if __name__ == "__main__":
    main()
