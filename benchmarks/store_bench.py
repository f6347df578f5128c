"""Store benchmarks (prints figures; nothing here is asserted in tests).

    python benchmarks/store_bench.py [--articles 300] [--events 1000000] [--pg postgresql://...]

1. Ingest cost: the same synthetic articles coded to a JSON Lines file (`parley code`), and coded and stored
   in DuckDB and in PostgreSQL (`parley ingest`), with one loaded coder; prints seconds and the overhead of
   storing relative to coding to a file.
2. Query speed: one million synthetic events written straight into a DuckDB store with SQL, then the dyad
   timeline query (`parley query dyad`) timed cold and warm.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from pathlib import Path


def ingest_cost(n: int, pg_url: str | None) -> None:
    from parley import bench
    from parley.model import Document
    from parley.pipeline import default_coder
    from parley.store import ingest, open_store
    from parley.when import parse_published

    coder = default_coder()
    docs = [Document(text=a["text"], published=parse_published(a["published"])) for a in bench.articles(n, seed=5)]
    coder.code(docs[0])  # warm-up
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        with open(Path(tmp) / "out.jsonl", "w", encoding="utf-8") as fh:
            for c in coder.pipe(docs):
                fh.write(c.to_json() + "\n")
        base = time.perf_counter() - t
        print(f"code to a JSONL file : {base:7.2f} s  ({n / base:6.1f} articles/s)")
        targets = [("DuckDB", str(Path(tmp) / "s.duckdb"))]
        schema = None
        if pg_url:
            import psycopg

            schema = "bench_" + uuid.uuid4().hex[:8]
            with psycopg.connect(pg_url, autocommit=True) as conn:
                conn.execute(f"CREATE SCHEMA {schema}")
            sep = "&" if "?" in pg_url else "?"
            targets.append(("PostgreSQL", f"{pg_url}{sep}options=-csearch_path%3D{schema}"))
        try:
            for name, target in targets:
                with open_store(target) as store:
                    t = time.perf_counter()
                    stats = ingest(store, docs, coder, batch_size=64)
                    took = time.perf_counter() - t
                print(f"ingest into {name:10}: {took:7.2f} s  ({n / took:6.1f} articles/s, {stats.events} events); "
                      f"store overhead {100 * (took - base) / base:+.1f} %")
        finally:
            if schema:
                with psycopg.connect(pg_url, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA {schema} CASCADE")


def dyad_query(n_events: int) -> None:
    from parley.store import open_store
    from parley.store import query as q

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "big.duckdb")
        with open_store(path) as store:
            t = time.perf_counter()
            countries = "['RUS','UKR','USA','CHN','DEU','FRA','IRN','ISR','TUR','IND','PAK','BRA','JPN','KOR','EGY','NGA']"
            store.conn.execute(
                "INSERT INTO documents (id, title, url, source, published, coder_version, stored_at, n_events, n_quotes, "
                "coded_json, tone) SELECT 'd' || i, NULL, NULL, 'src' || (i % 50), "
                "DATE '2020-01-01' + CAST(i % 2000 AS INTEGER), 'bench', now(), 10, 0, '{}', (i % 21) - 10.0 "
                "FROM range(?) t(i)", [n_events // 10])
            store.conn.execute(
                f"INSERT INTO events (id, doc_id, sentence, source_code, target_code, cameo, base_code, root, quad_class, "
                f"goldstein, modality, occurred, event_date, evidence, confidence, rule) "
                f"SELECT 'e' || i, 'd' || (i // 10), i % 10, {countries}[1 + CAST(hash(i) % 16 AS INTEGER)] || 'GOV', "
                f"{countries}[1 + CAST(hash(i + 7) % 16 AS INTEGER)], "
                f"lpad(CAST(1 + i % 20 AS VARCHAR), 2, '0') || '0', lpad(CAST(1 + i % 20 AS VARCHAR), 2, '0') || '0', "
                f"lpad(CAST(1 + i % 20 AS VARCHAR), 2, '0'), 1 + i % 4, 0.0, 'asserted', true, "
                f"DATE '2020-01-01' + CAST((i // 10) % 2000 AS INTEGER), 'synthetic', 0.8, 'bench' FROM range(?) t(i)",
                [n_events])
            print(f"wrote {n_events:,} synthetic events into DuckDB in {time.perf_counter() - t:.1f} s")
            for label in ("cold", "warm"):
                t = time.perf_counter()
                cols, rows = q.dyad(store, "RUS", "UKR", by="week")
                took = time.perf_counter() - t
                print(f"dyad timeline RUS<->UKR over {n_events:,} events ({label}): {took * 1000:7.1f} ms, {len(rows)} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--pg", default=os.environ.get("PARLEY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test"),
                        help="PostgreSQL URL for the ingest comparison; empty to skip")
    args = parser.parse_args()
    ingest_cost(args.articles, args.pg or None)
    dyad_query(args.events)


if __name__ == "__main__":
    main()
