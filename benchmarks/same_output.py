"""Check that a change of code leaves the output unchanged: the same events, quotes and mentions.

    python benchmarks/same_output.py --save /tmp/ref.jsonl      # before the change
    python benchmarks/same_output.py --compare /tmp/ref.jsonl   # after: exit 1 on any difference

Codes every record of ``benchmarks/gold/*.jsonl`` (its text and publication date) and the example article
(``../shared/examples/kremlin-summit-signal.txt`` when present, else ``examples/summit-signal.txt``) and writes
one canonical JSON line per record: the events, quotes and mentions as ``parley code`` writes them, plus the
coder's trace that ``parley explain`` prints (each candidate word, the pattern chosen, sources, targets, modality
and why it was dropped), with sorted keys. Run it with the checkout's own sources first on the path
(``PYTHONPATH=src``). The rules alone are coded (``Options(use_model=False)``): the trained layer changes
whenever it is retrained, and has its own tests and the accuracy gate. Meant for refactoring, where behaviour
must not change; the accuracy gate is the tool for changes that are meant to change output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = (ROOT.parent / "shared" / "examples" / "kremlin-summit-signal.txt", ROOT / "examples" / "summit-signal.txt")


def records() -> Iterator[tuple[str, str, dt.date | None]]:
    """(key, text, published) for every gold record, then the example article."""
    for path in sorted((ROOT / "benchmarks" / "gold").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            published = dt.date.fromisoformat(rec["published"]) if rec.get("published") else None
            yield f"{path.name}:{n}", rec["text"], published
    example = next((p for p in EXAMPLES if p.exists()), None)
    if example is not None:
        yield example.name, example.read_text(encoding="utf-8"), dt.date(2024, 7, 13)


def trace(candidates) -> list[dict]:  # type: ignore[no-untyped-def]
    """The coder's decisions per candidate word, as ``parley explain`` shows them."""
    out = []
    for c in candidates:
        out.append({
            "predicate": c.predicate.i,
            "pattern": c.match.pattern.id if c.match is not None else None,
            "sources": [[m.code, m.start, m.end] for m in c.sources],
            "targets": [[m.code, m.start, m.end] for m in c.targets],
            "modality": [c.modality.value, c.modality.cue] if c.modality is not None else None,
            "cameo": c.cameo,
            "dropped": c.dropped,
            "how": c.how,
            "joint": c.joint,
            "events": len(c.events),
        })
    return out


def canonical_lines() -> Iterator[str]:
    from parley.model import Document, to_dict
    from parley.pipeline import Coder, Options

    coder = Coder(Options(use_model=False))  # the rules alone: retraining the model is not a change of code
    for key, text, published in records():
        analysis = coder.analyse(Document(text=text, id=key, published=published))
        coded = to_dict(analysis.coded)
        row = {
            "record": key,
            "events": coded["events"],
            "quotes": coded["quotes"],
            "mentions": coded["mentions"],
            "explain": trace(analysis.candidates),
        }
        yield json.dumps(row, sort_keys=True, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", metavar="FILE", help="write the canonical output to FILE")
    mode.add_argument("--compare", metavar="FILE", help="compare the output with FILE; exit 1 on any difference")
    args = ap.parse_args(argv)
    lines = list(canonical_lines())
    if args.save:
        Path(args.save).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} records written to {args.save}")
        return 0
    saved = Path(args.compare).read_text(encoding="utf-8").splitlines()
    differences = 0
    for i in range(max(len(lines), len(saved))):
        new = lines[i] if i < len(lines) else None
        old = saved[i] if i < len(saved) else None
        if new == old:
            continue
        differences += 1
        key = json.loads(new or old or "{}").get("record", f"line {i + 1}")
        print(f"DIFFERENT {key}")
        print(f"  before: {old}")
        print(f"  after:  {new}")
    print(f"{len(lines)} records coded ({len(saved)} saved); {differences} different")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
