"""Load test of the explorer (prints figures; nothing here is asserted in tests).

    python benchmarks/serve_load.py --db /tmp/parley-1m.duckdb            # a store made by synthetic_store.py
    python benchmarks/serve_load.py --make 1000000 --db /tmp/parley-1m.duckdb   # make it first when missing

Starts `parley serve` on 127.0.0.1 (a free port; this script sends traffic nowhere else), then runs
``--clients`` concurrent clients (default 20), each sending ``--requests`` requests (default 60) one after
another with no pause, alternating the filtered events page (HTML, a filter drawn from a mix of actor, dyad,
root, code, quad class, modality, dates, outlet and text) and the dyad API (a random pair, by week or month).
Bounded in count and in time (``--max-seconds``, default 300): it stops by itself and stops the server.

Prints p50, p95, p99 and max latency for each of the two kinds, and for each filter of the events page, the
throughput, and any error. The target of issue 18: p95 under 300 ms for both kinds with 20 clients on a
million events.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

REPO = Path(__file__).resolve().parents[1]
CODES = ["RUS", "UKR", "USA", "CHN", "DEU", "FRA", "IRN", "ISR", "TUR", "IND", "PAK", "BRA", "JPN", "KOR", "EGY", "NGA"]
ROOTS = ["01", "03", "04", "05", "06", "07", "08", "11", "13", "16", "17", "19"]
WORDS = ["troops attacked", "sent aid", "praised", "offered talks", "embargo", "officials accused"]


def _year(rng: random.Random) -> dict[str, str]:
    y = rng.randrange(2019, 2025)
    return {"from": f"{y}-01-01", "to": f"{y}-12-31"}


# the filters of the events page, with how often a reader uses them (weights add up to 100)
FILTERS = [
    ("actor", 20, lambda r: {"actor": r.choice(CODES)}),
    ("dyad", 15, lambda r: {"dyad": ",".join(r.sample(CODES, 2))}),
    ("actor+root", 15, lambda r: {"actor": r.choice(CODES), "root": r.choice(ROOTS)}),
    ("source+quad+year", 15, lambda r: {"source": r.choice(CODES) + r.choice(["", "GOV", "MIL"]),
                                       "quad": str(r.randrange(1, 5)), **_year(r)}),
    ("code", 10, lambda r: {"code": r.choice(["112", "190", "036", "05", "17"])}),
    ("modality+year", 10, lambda r: {"modality": r.choice(["hypothetical", "negated"]), **_year(r)}),
    ("outlet", 5, lambda r: {"outlet": f"outlet-{r.randrange(40):02d}"}),
    ("actor+text", 5, lambda r: {"actor": r.choice(CODES), "q": r.choice(WORDS)}),
    ("text", 5, lambda r: {"q": r.choice(WORDS)}),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, workers: int = 1) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    extra = ["--workers", str(workers)] if workers != 1 else []
    proc = subprocess.Popen([sys.executable, "-m", "parley", "serve", "--db", db, "--host", "127.0.0.1",
                             "--port", str(port), *extra], env=env, stderr=subprocess.PIPE, text=True)
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"parley serve stopped: {proc.stderr.read()}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=5)
            return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("parley serve did not answer within 60 s")


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) a process and its children (uvicorn's workers) have used so far, from /proc
    (Linux); None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    for child in _children(pid):
        total += cpu_seconds(child) or 0.0
    return total


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (Linux; 0 elsewhere)."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6 + sum(rss_mb(c) for c in _children(pid))


def settle(pid: int, timeout: float = 120.0) -> None:
    """Wait until the server is idle (its CPU time grows by under 50 ms in half a second): with several
    workers, the first answers while the others still build their snapshot and summary of the store."""
    deadline = time.monotonic() + timeout
    last = cpu_seconds(pid)
    while last is not None and time.monotonic() < deadline:
        time.sleep(0.5)
        now = cpu_seconds(pid)
        if now is None or now - last < 0.05:
            return
        last = now


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(c) for c in task.read_text().split()]
        except OSError:
            pass
    return found


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class Client:
    """One keep-alive connection to the server (the standard library's http.client: a request costs the
    client a tenth of the CPU httpx takes, and the clients share the machine's two cores with the server)."""

    def __init__(self, base: str) -> None:
        self.host, self.port = urlsplit(base).hostname, urlsplit(base).port
        self.conn: http.client.HTTPConnection | None = None

    def get(self, path: str, params: dict[str, str]) -> tuple[int, bytes]:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            self.conn.request("GET", f"{path}?{urlencode(params)}")
            response = self.conn.getresponse()
            return response.status, response.read()
        except (OSError, http.client.HTTPException):
            self.close()  # a new connection for the next request
            raise

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def run(base: str, clients: int, requests: int, max_seconds: float, seed: int,  # type: ignore[no-untyped-def]
        only: str | None = None):
    times: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + max_seconds
    names, weights = [f[0] for f in FILTERS], [f[1] for f in FILTERS]
    makers = {f[0]: f[2] for f in FILTERS}

    def client(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        web = Client(base)
        try:
            for n in range(requests):
                if time.monotonic() > stop_at:
                    return
                if only == "events" or (only is None and n % 2 == 0):
                    kind = rng.choices(names, weights)[0]
                    params = makers[kind](rng)
                    params["offset"] = str(rng.choice([0, 0, 0, 50, 100]))
                    url, label = "/events", f"events:{kind}"
                else:
                    a, b = rng.sample(CODES, 2)
                    params, url, label = {"a": a, "b": b, "by": rng.choice(["week", "month"])}, "/api/dyad", "dyad"
                t = time.perf_counter()
                try:
                    status, _body = web.get(url, params)
                    took, problem = time.perf_counter() - t, None if status == 200 else str(status)
                except (OSError, http.client.HTTPException) as exc:
                    took, problem = time.perf_counter() - t, repr(exc)
                with lock:
                    if problem is None:
                        times[label].append(took)
                    else:
                        errors.append(f"{label} {params}: {problem}")
        finally:
            web.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors, time.perf_counter() - t0


def report(times: dict[str, list[float]], errors: list[str], wall: float, clients: int) -> None:
    events = [v for k, vs in times.items() if k.startswith("events:") for v in vs]
    dyad = times.get("dyad", [])
    n = len(events) + len(dyad)
    print(f"{n} requests by {clients} concurrent clients in {wall:.1f} s ({n / wall:.1f} requests/s), "
          f"{len(errors)} errors")

    def line(label: str, vs: list[float]) -> None:
        if vs:
            print(f"  {label:28} n={len(vs):5d}  p50 {pct(vs, 50) * 1000:6.0f} ms  p95 {pct(vs, 95) * 1000:6.0f} ms  "
                  f"p99 {pct(vs, 99) * 1000:6.0f} ms  max {max(vs) * 1000:6.0f} ms  mean {statistics.mean(vs) * 1000:6.0f} ms")

    line("filtered events page (all)", events)
    line("dyad API", dyad)
    print("  by filter of the events page:")
    for name, _w, _m in FILTERS:
        line(f"  {name}", times.get(f"events:{name}", []))
    for e in errors[:10]:
        print("  error:", e)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="a DuckDB store (made by benchmarks/synthetic_store.py)")
    parser.add_argument("--make", type=int, metavar="EVENTS", help="make the synthetic store first if --db is missing")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=60, help="requests per client (half pages, half dyads)")
    parser.add_argument("--max-seconds", type=float, default=300.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["events", "dyad"], help="send only one kind of request (to measure its "
                        "server CPU a request alone)")
    parser.add_argument("--workers", type=int, default=1, help="parley serve --workers (processes)")
    args = parser.parse_args()
    if not Path(args.db).exists():
        if not args.make:
            raise SystemExit(f"{args.db} does not exist; make it with --make 1000000 or benchmarks/synthetic_store.py")
        sys.path.insert(0, str(REPO / "src"))
        sys.path.insert(0, str(REPO / "benchmarks"))
        from synthetic_store import make

        t = time.perf_counter()
        make(args.db, args.make)
        print(f"made {args.db} ({args.make:,} events) in {time.perf_counter() - t:.0f} s")
    load_before = os.getloadavg()[0]  # other work on the machine competes for its cores
    port = free_port()
    server = start_server(args.db, port, args.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        settle(server.pid)  # every worker has built what it keeps of the store before the clock starts
        run(base, 4, 4, 60, args.seed + 99)  # warm-up: connections
        cpu0, client0 = cpu_seconds(server.pid), time.process_time()
        times, errors, wall = run(base, args.clients, args.requests, args.max_seconds, args.seed, args.only)
        cpu1, client1 = cpu_seconds(server.pid), time.process_time()
        memory = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(30)
    print(f"store: {args.db}; server: {args.workers} worker(s); machine: {os.cpu_count()} cores, "
          f"load average {load_before:.1f} before the run, "
          f"{os.getloadavg()[0]:.1f} after")
    report(times, errors, wall, args.clients)
    n = sum(len(v) for v in times.values())
    if cpu0 is not None and cpu1 is not None and n:
        per = (cpu1 - cpu0) / n
        print(f"server CPU: {per * 1000:.1f} ms a request on average ({cpu1 - cpu0:.1f} s for {n} requests); "
              f"on {os.cpu_count()} cores of its own the server could answer about {os.cpu_count() / per:.0f} "
              "requests/s. The latencies above include the time spent waiting for a core: on a machine "
              "shared with other work (see the load average) they are longer than on one of its own.")
        print(f"clients' CPU (this process, sharing the cores): {(client1 - client0) / n * 1000:.1f} ms "
              f"a request; server memory (resident, every process): {memory:.0f} MB")


if __name__ == "__main__":
    main()
