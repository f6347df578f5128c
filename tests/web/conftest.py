"""The explorer's fixtures: a small store coded from articles we wrote (one of them carrying markup and script
meant to run in a reader's browser), the app over it in-process, a real server on a free local port, and
Debian's Chromium driven by Playwright with a fresh profile. Screenshots go to test-artifacts/web/."""

from __future__ import annotations

import datetime as dt
import os
import random
import socket
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "web"
CHROMIUM = os.environ.get("PARLEY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

# (id, text, title, url, outlet, published): our own sentences
ARTICLES = [
    ("border", "Russia accused Ukraine of shelling the border town on Friday. Ukraine denied the claim. "
               "\"The shelling came from the other side,\" Ukrainian Foreign Minister Dmytro Kuleba said.",
     "Shelling claims at the border", "https://news.example/border", "wire-a", "2024-03-09"),
    ("strikes", "Ukraine condemned Russia over the strikes on Tuesday. Russian troops attacked Ukrainian soldiers "
                "near the border on Monday. Russia praised Ukraine for the prisoner exchange.",
     "Strikes and an exchange", "https://news.example/strikes", "wire-b", "2024-03-20"),
    ("talks", "Russia and Ukraine agreed to hold talks in Istanbul on Thursday. Turkey welcomed the talks.",
     "Talks in Istanbul", "https://news.example/talks", "wire-a", "2024-04-12"),
    ("aid", "Canada sent humanitarian supplies to Haiti on Tuesday. If talks fail, Israel would strike Iran.",
     "Aid and a warning", None, "wire-b", "2024-03-06"),
    # article text is untrusted: a script, an onerror attribute and a javascript: link inside it, and a
    # javascript: address as its url
    ("hostile", "Turkey condemned Sweden over the protest <script>window.pwned = 1</script> on Monday. "
                "Police said <img src=x onerror=\"window.pwned=2\"> was found. "
                "\"Visit <a href=\"javascript:window.pwned=3\">here</a>,\" Swedish Prime Minister Ulf Kristersson said.",
     "<b onmouseover=\"window.pwned=4\">Hostile</b> title", "javascript:window.pwned=5", "<i>wire-c</i>", "2024-03-06"),
]


def documents():
    from parley.model import Document

    return [Document(text=t, id=i, title=title, url=url, source=outlet, published=dt.date.fromisoformat(p))
            for i, t, title, url, outlet, p in ARTICLES]


def fill(target: str, coder) -> str:  # type: ignore[no-untyped-def]
    from parley.store import ingest, open_store

    with open_store(target) as store:
        ingest(store, documents(), coder)
    return target


@pytest.fixture(scope="session")
def fill_store(coder):
    """Store ARTICLES, coded, in the store at a target (a DuckDB path or a PostgreSQL URL)."""
    return lambda target: fill(target, coder)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, coder) -> str:
    """A DuckDB store holding ARTICLES, coded; shared by the session and only ever read."""
    return fill(str(tmp_path_factory.mktemp("web") / "explorer.duckdb"), coder)


CODES = ["RUS", "RUSGOV", "RUSMIL", "UKR", "UKRGOV", "USA", "USAGOV", "IGOUNO", "R", None]
# scores with one decimal, several events a day: means such as 1.125 round on a tie
SCORES = [-10.0, -7.0, -2.0, -0.5, 0.0, 1.0, 1.9, 3.4, 4.0, 7.4]
# evidence of our own, in mixed case, with wildcards and letters outside ASCII, for the text filter
SAYINGS = ["Somebody did something.", "The MINISTER visited the port.",
           "Talks on grain were held at 50% capacity.", "A_B was named in the note.",
           "Der Minister äußerte Kritik an der Grenze.", "Kyiv said ÉTÉ was calm.",
           "Troops withdrew; the minister said nothing.", "back\\slash and 100% sure"]


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> str:
    """A DuckDB store of 3,000 events drawn at random (seeded), written straight into its tables: code
    prefixes that overlap, codes missing, undated and hypothetical events, documents without an outlet."""
    path = str(tmp_path_factory.mktemp("made") / "made.duckdb")
    rng, words = random.Random(11), random.Random(12)
    docs, events = [], []
    for d in range(300):
        doc_id = f"d{d:04d}"
        outlet = None if d % 11 == 0 else f"outlet-{d % 7}"
        docs.append((doc_id, f"Report {d}", None, outlet, dt.date(2024, 1, 1), "v", dt.datetime(2025, 1, 1),
                     10, 0, "{}", 0.0))
        for i in range(10):
            cameo = rng.choice(["010", "036", "042", "111", "138", "173", "190"])
            modality = rng.choice(["asserted"] * 4 + ["hypothetical"])
            day = None if rng.random() < 0.05 else dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(120))
            events.append((f"{doc_id}-{i}", doc_id, i, rng.choice(CODES), None, None, rng.choice(CODES), None, None,
                           cameo, cameo, cameo[:2], {"0": 1, "1": 3}.get(cameo[0], 4) if cameo[:2] != "04" else 2,
                           rng.choice(SCORES), None, None, modality, modality == "asserted", day, None, None, None, None,
                           "did", 0, 3, words.choice(SAYINGS), 0.8, "made", None))
    from parley.store import open_store
    from parley.store.schema import DOC_COLUMNS, EVENT_COLUMNS

    with open_store(path) as store:
        store._begin()
        store._insert("documents", DOC_COLUMNS, docs)
        store._insert("events", EVENT_COLUMNS, events)
        store._commit()
    return path


@pytest.fixture(scope="session")
def app(web_db):
    from parley.web import create_app

    return create_app(web_db)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn serving an app on 127.0.0.1 in a thread of the test process, stopped at the end."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def server(app):
    with Server(app) as s:
        yield s


def _ensure_chromium() -> None:
    """CI installs Debian's chromium (.ci/run); a developer without it is told how, and the test fails."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (or set PARLEY_CHROMIUM)")


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """Headless Chromium with a fresh profile; no network but the local test server is used."""
    _ensure_chromium()
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser_context, request):
    """A new tab; every dialog (alert, confirm) it opens is recorded; its screenshot is saved on the way out."""
    page = browser_context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]

    def on_dialog(d):  # type: ignore[no-untyped-def]
        page.dialogs.append(d.message)  # type: ignore[attr-defined]
        d.dismiss()

    page.on("dialog", on_dialog)
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    page.close()
