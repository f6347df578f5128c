"""What the explorer keeps of a read-only DuckDB store for its timelines (parley.store.summary) gives the
answers the store's tables give: the dyad summary's timelines equal those read from the events table (prefixes
that overlap, codes missing, undated and hypothetical events, dates, every period, Goldstein means that fall on
a rounding tie). The store is the web conftest's ``made`` store."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.store import browse, open_store
from parley.store.summary import DyadSummary

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
        assert browse.dyad_timeline(summary, a, b, by, first, last) == expected
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
        assert summary.rows == 0 and browse.dyad_timeline(summary, "RUS", "UKR", "week") == []
