"""What the explorer keeps of a read-only DuckDB store (parley.store.summary) gives the answers the store's
tables give: the dyad summary's timelines equal those read from the events table (prefixes that overlap, codes
missing, undated and hypothetical events, dates, every period, Goldstein means that fall on a rounding tie), and
pages read with the answer cache equal pages read without it, the first time and the next."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from parley.store import browse, open_store
from parley.store.browse import EventFilter
from parley.store.schema import DOC_COLUMNS, EVENT_COLUMNS
from parley.store.summary import AnswerCache, DyadSummary

CODES = ["RUS", "RUSGOV", "RUSMIL", "UKR", "UKRGOV", "USA", "USAGOV", "IGOUNO", "R", None]
# scores with one decimal, several events a day: means such as 1.125 round on a tie
SCORES = [-10.0, -7.0, -2.0, -0.5, 0.0, 1.0, 1.9, 3.4, 4.0, 7.4]


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> str:
    """A DuckDB store of 3,000 events drawn at random (seeded), written straight into its tables."""
    path = str(tmp_path_factory.mktemp("summary") / "made.duckdb")
    rng = random.Random(11)
    docs, events = [], []
    for d in range(300):
        doc_id = f"d{d:04d}"
        docs.append((doc_id, f"Report {d}", None, f"outlet-{d % 7}", dt.date(2024, 1, 1), "v", dt.datetime(2025, 1, 1),
                     10, 0, "{}", 0.0))
        for i in range(10):
            cameo = rng.choice(["010", "036", "042", "111", "138", "173", "190"])
            modality = rng.choice(["asserted"] * 4 + ["hypothetical"])
            day = None if rng.random() < 0.05 else dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(120))
            events.append((f"{doc_id}-{i}", doc_id, i, rng.choice(CODES), None, None, rng.choice(CODES), None, None,
                           cameo, cameo, cameo[:2], {"0": 1, "1": 3}.get(cameo[0], 4) if cameo[:2] != "04" else 2,
                           rng.choice(SCORES), None, None, modality, modality == "asserted", day, None, None, None, None,
                           "did", 0, 3, "Somebody did something.", 0.8, "made", None))
    with open_store(path) as store:
        store._begin()
        store._insert("documents", DOC_COLUMNS, docs)
        store._insert("events", EVENT_COLUMNS, events)
        store._commit()
    return path


@pytest.fixture
def store(made):
    with open_store(made, read_only=True) as s:
        yield s


PAIRS = [("RUS", "UKR"), ("UKR", "RUS"), ("RUS", "RUSGOV"), ("RUSGOV", "RUS"), ("R", "U"), ("RUS", "RUS"), ("R", "R"),
         ("USAGOV", "IGO"), ("RUS", "XYZ"), ("Z", "RUS")]


@pytest.mark.parametrize("a, b", PAIRS)
@pytest.mark.parametrize("by", browse.BY)
def test_summary_timelines_equal_the_events_table(store, a, b, by):
    summary = DyadSummary(store)
    for first, last in [(None, None), (dt.date(2024, 2, 7), None), (None, dt.date(2024, 3, 3)),
                        (dt.date(2024, 1, 15), dt.date(2024, 1, 15))]:
        expected = browse.dyad_timeline(store, a, b, by, first, last)
        assert browse.dyad_timeline(store, a, b, by, first, last, summary) == expected
    if a != "RUS" or b != "XYZ":
        assert browse.dyad_timeline(store, a, b, by) or a == "Z", "the made store must hold events of most pairs"


def test_timeline_means_are_exact_and_counted_as_python_counts(store):
    """The events path against Python's own arithmetic: mean of the scores, rounded once."""
    rows = [e for e in store.events() if e["occurred"] and e["event_date"] and (e["source_code"] or "").startswith("RUS")
            and (e["target_code"] or "").startswith("UKR")]
    by_day: dict[dt.date, list[float]] = {}
    for e in rows:
        by_day.setdefault(e["event_date"], []).append(e["goldstein"])
    timeline = {r["period"]: r for r in browse.dyad_timeline(store, "RUS", "UKR", "day") if r["direction"] == "ab"}
    assert timeline.keys() == by_day.keys()
    for day, scores in by_day.items():
        assert timeline[day]["events"] == len(scores)
        exact = sum(round(s * 10) for s in scores) / 10 / len(scores)
        assert timeline[day]["mean_goldstein"] == round(exact, 2)


def test_summary_of_an_empty_store_answers_nothing(tmp_path):
    path = str(tmp_path / "empty.duckdb")
    open_store(path).close()
    with open_store(path, read_only=True) as s:
        summary = DyadSummary(s)
        assert summary.rows == 0 and browse.dyad_timeline(s, "RUS", "UKR", "week", summary=summary) == []


@pytest.mark.parametrize("f", [EventFilter(actor="RUS"), EventFilter(dyad=("RUS", "UKR"), occurred=True),
                               EventFilter(outlet="outlet-3"), EventFilter(q="something", source="USA"),
                               EventFilter(code="19", date_from=dt.date(2024, 2, 1))])
def test_pages_with_the_answer_cache_equal_pages_without(store, f):
    cache = AnswerCache(size=100)
    for _ in range(2):  # the second time from the cache
        for offset in (0, 50, 100):
            assert browse.events_page(store, f, 50, offset, cache=cache) == browse.events_page(store, f, 50, offset)
            assert browse.find_events(store, f, 50, offset, cache=cache) == browse.find_events(store, f, 50, offset)
    assert cache.hits > 0 and len(cache._items) <= 100
