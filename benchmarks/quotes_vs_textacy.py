"""Direct quotations: parley against textacy's ``direct_quotations``, side by side on the same gold records.

    python benchmarks/quotes_vs_textacy.py [benchmarks/gold/dev-*.jsonl ...]

On the annotated corpus (speaker text, indirect quotes, articles in context), ``parley eval FILE --quotes``
(parley.evaluate.quotes, docs/quotes.md) is the fuller comparison.

For every gold record with direct quotes: is each gold quote found (60 % of its distinct words agree), and is
its speaker right? textacy returns the speaker as tokens; to compare attribution and not actor dictionaries,
its speaker is resolved with parley's own actor mentions of the same parse (the mention overlapping the
speaker tokens; a pronoun takes parley's coreference). Prints a table and the records where the two differ. textacy raises an error on a text whose quotation marks
do not pair up; such a record counts as nothing found for textacy (parley skips only that paragraph, with a
warning).
"""

from __future__ import annotations

import glob
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(paths: list[str]) -> None:
    from textacy.extract.triples import direct_quotations

    from parley.evaluate import _same_quote, read_gold
    from parley.model import Document
    from parley.pipeline import default_coder
    from parley.when import parse_published

    coder = default_coder()
    files = paths or sorted(glob.glob(str(ROOT / "benchmarks" / "gold" / "dev-*.jsonl")))
    stats = {name: {"gold": 0, "found": 0, "speaker_right": 0, "predicted": 0} for name in ("parley", "textacy")}
    differences = []
    textacy_refused = 0
    for path in files:
        for rec in read_gold(Path(path)):
            gold = rec.get("quotes") or []
            if not gold:
                continue
            published = parse_published(rec["published"]) if rec.get("published") else None
            analysis = coder.analyse(Document(text=rec["text"], published=published))
            mentions = analysis.coded.mentions
            ours = [(q.text, q.speaker.code if q.speaker else None) for q in analysis.coded.quotes if q.kind == "direct"]
            theirs = []
            try:
                found = list(direct_quotations(analysis.doc))
            except ValueError:  # textacy refuses a text whose quotation marks do not pair up
                found = []
                textacy_refused += 1
            for dq in found:
                quote_text = " ".join(span.text for span in dq.content).strip("\"“”'‘’ ")
                code = None
                for tok in dq.speaker:
                    for m in mentions:
                        if m.start <= tok.idx < m.end:
                            code = m.code
                            break
                    if code:
                        break
                theirs.append((quote_text, code))
            for name, predicted in (("parley", ours), ("textacy", theirs)):
                s = stats[name]
                s["gold"] += len(gold)
                s["predicted"] += len(predicted)
                for g in gold:
                    hit = next((p for p in predicted if _same_quote(g["text"], p[0])), None)
                    if hit is not None:
                        s["found"] += 1
                        s["speaker_right"] += hit[1] == g.get("speaker")
            if [p[1] for p in ours] != [p[1] for p in theirs]:
                differences.append((rec["id"], ours, theirs))
    print(f"{'':8} {'gold':>5} {'predicted':>9} {'found':>6} {'recall':>7} {'precision':>9} {'speaker right':>14}")
    for name, s in stats.items():
        recall = s["found"] / s["gold"] if s["gold"] else 0
        precision = s["found"] / s["predicted"] if s["predicted"] else 0
        sp = s["speaker_right"] / s["found"] if s["found"] else 0
        print(f"{name:8} {s['gold']:5d} {s['predicted']:9d} {s['found']:6d} {recall:7.2f} {precision:9.2f} {sp:14.2f}")
    print(f"textacy refused {textacy_refused} record(s) with quotation marks that do not pair up (counted as not found)")
    print(f"\n{len(differences)} records where the speakers differ (first 10):")
    for rid, ours, theirs in differences[:10]:
        print(f"  {rid}\n    parley : {ours}\n    textacy: {theirs}")


if __name__ == "__main__":
    main(sys.argv[1:])
