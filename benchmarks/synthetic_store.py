"""A synthetic store of any size, for the explorer's load test (benchmarks/serve_load.py): documents of our own
made-up sentences ("Russian officials criticised Ukraine on 2021-03-04."), each with its coded JSON, events
with real offsets, and quotes, written straight into a DuckDB store in Arrow batches (coding a million
events would take hours; the explorer only reads).

    python benchmarks/synthetic_store.py --events 1000000 --out /tmp/parley-1m.duckdb

Ten events a document, one quote in three documents, 16 countries with GOV and MIL roles, 14 CAMEO codes
across the four quad classes, 40 outlets, six years of dates; seeded, so the same size gives the same store.
Documents are written in publication order, as an archive or a feed is ingested (events are dated up to two
days before their document): DuckDB's zone maps then let "latest first" skip most of the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from pathlib import Path

COUNTRIES = [("RUS", "Russia", "Russian"), ("UKR", "Ukraine", "Ukrainian"), ("USA", "the United States", "American"),
             ("CHN", "China", "Chinese"), ("DEU", "Germany", "German"), ("FRA", "France", "French"),
             ("IRN", "Iran", "Iranian"), ("ISR", "Israel", "Israeli"), ("TUR", "Turkey", "Turkish"),
             ("IND", "India", "Indian"), ("PAK", "Pakistan", "Pakistani"), ("BRA", "Brazil", "Brazilian"),
             ("JPN", "Japan", "Japanese"), ("KOR", "South Korea", "South Korean"), ("EGY", "Egypt", "Egyptian"),
             ("NGA", "Nigeria", "Nigerian")]
ROLES = [("", "{name}"), ("GOV", "{adj} officials"), ("MIL", "{adj} troops")]
# (CAMEO code, verb phrase, Goldstein): our own phrasing, spread over the four quad classes
ACTS = [("010", "commented on", 0.0), ("036", "offered talks to", 4.0), ("042", "visited", 1.9),
        ("051", "praised", 3.4), ("061", "agreed to cooperate with", 6.4), ("073", "sent aid to", 7.4),
        ("081", "eased restrictions on", 5.0), ("111", "criticised", -2.0), ("112", "accused", -2.0),
        ("130", "threatened", -4.4), ("138", "threatened force against", -7.0), ("163", "imposed an embargo on", -8.0),
        ("173", "arrested citizens of", -5.0), ("190", "attacked", -10.0)]
QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3, "11": 3, "12": 3,
        "13": 3, "14": 4, "15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4}
MODALITY = ["asserted"] * 17 + ["hypothetical", "negated", "reported-speculation"]
OUTLETS = [f"outlet-{i:02d}" for i in range(40)]
START = dt.date(2019, 1, 1)
DAYS = 6 * 365


def _actor(rng: random.Random) -> tuple[str, str, str]:
    code, name, adj = rng.choice(COUNTRIES)
    role, text = ROLES[rng.randrange(len(ROLES))]
    return code + role, name, text.format(name=name, adj=adj)


def make(path: str, n_events: int, per_doc: int = 10, seed: int = 7) -> dict[str, int]:
    """Write a store of ``n_events`` events at ``path`` (which must not exist); returns the row counts."""
    from parley.ontology import plover_for
    from parley.store import open_store
    from parley.store.schema import DOC_COLUMNS, EVENT_COLUMNS, QUOTE_COLUMNS

    if Path(path).exists():
        raise SystemExit(f"{path} exists; give a new path")
    rng = random.Random(seed)
    n_docs = -(-n_events // per_doc)
    stored_at = dt.datetime(2025, 1, 1)
    with open_store(path) as store:
        docs, events, quotes = [], [], []

        def flush() -> None:
            store._begin()
            store._insert("documents", DOC_COLUMNS, docs)
            if events:
                store._insert("events", EVENT_COLUMNS, events)
            if quotes:
                store._insert("quotes", QUOTE_COLUMNS, quotes)
            store._commit()
            docs.clear(), events.clear(), quotes.clear()

        made = 0
        for d in range(n_docs):
            doc_id = f"syn{d:08d}"
            # documents come in publication order, as a news archive or a feed is ingested
            published = START + dt.timedelta(days=d * DAYS // n_docs)
            outlet = OUTLETS[rng.randrange(len(OUTLETS))]
            parts: list[str] = []
            offset = 0
            ev_json = []
            for s in range(min(per_doc, n_events - made)):
                (scode, sname, stext), (tcode, tname, ttext) = _actor(rng), _actor(rng)
                cameo, verb, goldstein = ACTS[rng.randrange(len(ACTS))]
                root = cameo[:2]
                modality = MODALITY[rng.randrange(len(MODALITY))]
                day = published - dt.timedelta(days=rng.randrange(3))
                sentence = f"{stext[0].upper()}{stext[1:]} {verb} {ttext} on {day.isoformat()}."
                s0 = offset
                v0 = s0 + len(stext) + 1
                t0 = v0 + len(verb) + 1
                plover = plover_for(cameo)
                eid = f"{doc_id}-e{s}"
                occurred = modality == "asserted" or (modality == "intended" and root in ("03", "13"))
                events.append((eid, doc_id, s, scode, sname, stext, tcode, tname, ttext, cameo, cameo[:3], root,
                               QUAD[root], goldstein, plover.type if plover else None,
                               plover.mode if plover else None, modality, occurred, day, scode[:3], None, None, None,
                               verb.split()[0], v0, v0 + len(verb.split()[0]), sentence, 0.8, "synthetic", None))
                ev_json.append({
                    "id": eid, "sentence": s,
                    "source": {"code": scode, "name": sname, "text": stext, "start": s0, "end": s0 + len(stext)},
                    "target": {"code": tcode, "name": tname, "text": ttext, "start": t0, "end": t0 + len(ttext)},
                    "cameo": cameo, "root": root, "quad_class": QUAD[root], "goldstein": goldstein,
                    "plover": {"type": plover.type, "mode": plover.mode} if plover else None, "modality": modality,
                    "date": day.isoformat(), "location": {"country": scode[:3], "name": None, "lat": None, "lon": None},
                    "trigger": {"text": verb.split()[0], "start": v0, "end": v0 + len(verb.split()[0])},
                    "evidence": sentence, "confidence": 0.8, "rule": "synthetic", "quote": None})
                parts.append(sentence)
                offset += len(sentence) + 1
                made += 1
            q_json = []
            if d % 3 == 0:
                scode, sname, stext = _actor(rng)
                said = f"\"We will answer in time,\" {stext} said."
                q0 = offset + 1
                text_q = "We will answer in time"
                sp0 = q0 + len(text_q) + 3
                quotes.append((doc_id, "q1", len(parts), scode, sname, text_q, "direct", "said", q0, q0 + len(text_q),
                               stext, sp0, sp0 + len(stext)))
                q_json.append({"id": "q1", "sentence": len(parts),
                               "speaker": {"code": scode, "name": sname, "text": stext, "start": sp0,
                                           "end": sp0 + len(stext)},
                               "text": text_q, "start": q0, "end": q0 + len(text_q), "kind": "direct", "cue": "said"})
                parts.append(said)
            text = " ".join(parts)
            coded = {"document": {"text": text, "id": doc_id, "title": f"Synthetic report {d}", "url":
                                  f"https://synthetic.example/{doc_id}", "source": outlet, "published": published.isoformat()},
                     "events": ev_json, "quotes": q_json, "mentions": [], "warnings": [], "tone": 0.0}
            docs.append((doc_id, f"Synthetic report {d}", f"https://synthetic.example/{doc_id}", outlet, published,
                         "synthetic", stored_at, len(ev_json), len(q_json), json.dumps(coded), 0.0))
            if len(events) >= 100_000:
                flush()
        if docs:
            flush()
        store._execute("CHECKPOINT")
        return store.counts()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--out", required=True, help="the DuckDB file to write (must not exist)")
    args = parser.parse_args()
    t = time.perf_counter()
    counts = make(args.out, args.events)
    print(f"wrote {counts['events']:,} events, {counts['documents']:,} documents, {counts['quotes']:,} quotes "
          f"into {args.out} in {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
