"""Time and memory to load all of parley's knowledge (prints figures; nothing is asserted).

    python benchmarks/dict_load.py [--rounds 3]

Issue 3 asks that loading all dictionaries stay under 1 second and 300 MB. "All dictionaries" here is
everything parley reads besides the spaCy model: the CAMEO/PLOVER ontology tables, the event pattern
files, the actor dictionary (countries, institutions, people, roles), the actor phrase matchers built
from it, the place gazetteer and the tone lexicon. Each round runs in a fresh interpreter: the model is
loaded first (it is not a dictionary), then the clock and the memory count start. Memory is reported two
ways: the peak of Python allocations during loading (tracemalloc) and the growth of the process's
resident set (what the operating system sees).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORKER = r"""
import json, resource, sys, time, tracemalloc
sys.path.insert(0, sys.argv[1])

def rss_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

from parley.nlp import load
nlp = load()
vocab_doc = nlp.make_doc("")
rss0 = rss_mb()
trace = sys.argv[2] == "memory"  # tracemalloc slows allocation several-fold: time and memory are separate runs
if trace:
    tracemalloc.start()
t0 = time.perf_counter()
steps = {}
def step(name, fn):
    t = time.perf_counter()
    out = fn()
    steps[name] = round(time.perf_counter() - t, 3)
    return out
from parley.ontology import ontology
from parley.events.patterns import default_patterns
from parley.actors import load_dictionary, prepare
from parley.where import load_gazetteer
from parley.tone import lexicon
step("ontology", ontology)
patterns = step("patterns", default_patterns)
actors = step("actors", load_dictionary)
step("actor matchers", lambda: prepare(actors, vocab_doc))
step("gazetteer", load_gazetteer)
step("tone lexicon", lexicon)
seconds = time.perf_counter() - t0
peak = tracemalloc.get_traced_memory()[1] if trace else 0
print(json.dumps({"seconds": round(seconds, 3), "steps": steps, "python_peak_mb": round(peak / 2**20, 1),
                  "rss_growth_mb": round(rss_mb() - rss0, 1), "patterns": len(patterns.patterns),
                  "actor_entries": len(actors.entries)}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    def run(mode: str) -> dict:
        out = subprocess.run([sys.executable, "-c", WORKER, str(ROOT / "src"), mode], capture_output=True,
                             text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    results = [run("time") for _ in range(args.rounds)]
    best = min(results, key=lambda r: r["seconds"])
    memory = run("memory")
    best["python_peak_mb"] = memory["python_peak_mb"]
    print(f"loading all dictionaries (best of {args.rounds} fresh interpreters; the spaCy model not counted)")
    print(f"  time: {best['seconds']:.2f} s (target < 1 s); by step: "
          + ", ".join(f"{k} {v:.2f} s" for k, v in best["steps"].items()))
    print(f"  memory: Python peak {best['python_peak_mb']} MB, resident set growth {best['rss_growth_mb']} MB "
          "(target < 300 MB)")
    print(f"  contents: {best['patterns']} event patterns, {best['actor_entries']} actor entries")
    print(f"  all rounds (s): {[r['seconds'] for r in results]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
