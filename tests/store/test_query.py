"""The common questions without SQL (dyad, top actors, counts, say-do) and the event filters; every query
counts only events that occurred."""

from __future__ import annotations

import datetime as dt

import pytest

from parley import errors
from parley.store import Filters
from parley.store import query as q


def test_dyad_counts_both_reports_of_the_condemnation(filled_store):
    dyad = q.as_dicts(q.dyad(filled_store, "TUR", "SWE", by="week"))
    assert [(r["source"], r["target"], r["root"], r["events"]) for r in dyad] == [("TUR", "SWE", "11", 2)]
    assert q.as_dicts(q.dyad(filled_store, "SWE", "TUR", by="week", both_ways=False)) == []


def test_top_actors_are_ordered_by_events(filled_store):
    top = q.as_dicts(q.top_actors(filled_store, 3))
    assert len(top) == 3 and [r["events"] for r in top] == sorted((r["events"] for r in top), reverse=True)
    assert {"TUR", "SWE"} <= {r["actor"] for r in top}


def test_counts_leave_out_what_did_not_occur(filled_store):
    counts = q.as_dicts(q.counts(filled_store, by="week"))
    events = list(filled_store.events())
    assert sum(r["events"] for r in counts) == sum(1 for e in events if e["occurred"])
    strikes = [e for e in events if e["cameo"].startswith("19")]  # "If talks fail, Israel would strike Iran."
    assert strikes and not any(e["occurred"] for e in strikes)


def test_say_do_compares_words_and_force(filled_store, coder):
    from parley.model import Document
    from parley.store import ingest

    # only a condemnation (verbal conflict) so far: neither words of cooperation nor force, so no row, where
    # there was a row of zeros
    assert q.say_do(filled_store, "TUR", "SWE", by="month")[1] == []
    text = ("Turkey praised Sweden on Tuesday. Turkish troops attacked Swedish soldiers on Tuesday. "
            "Turkey praised Sweden.")
    undated = Document(text="Turkey praised Sweden.")
    ingest(filled_store, [Document(text=text, published=dt.date(2024, 3, 6)), undated], coder)
    gap = q.as_dicts(q.say_do(filled_store, "TUR", "SWE", by="month"))
    assert [(r["period"], r["verbal_cooperation"], r["material_conflict"], r["gap"]) for r in gap] == [
        (dt.date(2024, 3, 1), 2, 1, 1), (None, 1, 0, 1)]  # the undated praise has a row of its own


def test_an_unknown_period_is_an_input_error(filled_store):
    with pytest.raises(errors.InputError, match="unknown period 'fortnight'"):
        q.counts(filled_store, by="fortnight")


def test_filters_by_date_and_actor(filled_store):
    later = list(filled_store.events(Filters(date_from=dt.date(2024, 3, 5))))
    assert later and all(e["event_date"] >= dt.date(2024, 3, 5) for e in later)
    canada = list(filled_store.events(Filters(actors=("CAN",))))
    assert canada and all("CAN" in (e["source_code"] or "") + (e["target_code"] or "") for e in canada)
    assert list(filled_store.events(Filters(actors=("BRA",)))) == []


@pytest.mark.parametrize("prefix, expected", [
    ("TUR", {"TUR"}),
    ("%", set()),  # a wildcard is a character of the prefix, not "any code"
    ("_UR", set()),  # "_" is not "any one letter": it must not match TUR
    ("T_R", set()),
    ("TU%", set()),
    ("\\", set()),
])
def test_actor_prefixes_are_literal_not_like_patterns(filled_store, prefix, expected):
    events = list(filled_store.events(Filters(actors=(prefix,))))
    sides = [{e["source_code"] or "", e["target_code"] or ""} for e in events]
    assert {code[:3] for side in sides for code in side if code.startswith(prefix)} == expected
    assert all(any(code.startswith(prefix) for code in side) for side in sides)
    assert bool(list(filled_store.aggregates(Filters(actors=(prefix,))))) == bool(expected)


@pytest.mark.parametrize("a, b, events", [
    ("TUR", "SWE", 2), ("%", "%", 0), ("_UR", "_WE", 0), ("T%", "S%", 0),
])
def test_dyad_and_say_do_take_literal_prefixes(filled_store, a, b, events):
    dyad = q.as_dicts(q.dyad(filled_store, a, b, by="week"))
    assert sum(r["events"] for r in dyad) == events
    assert q.as_dicts(q.say_do(filled_store, a, b, by="month")) == []  # a condemnation: neither
