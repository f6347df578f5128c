"""The explorer's questions to the store (parley.store.browse), on DuckDB and PostgreSQL: every events filter,
paging, the dyad timeline in both directions with its say-do split, the events behind one point, an actor's
profile, quote search, and read-only opening."""

from __future__ import annotations

import datetime as dt

import pytest

from parley import errors
from parley.store import browse, open_store
from parley.store.browse import EventFilter


@pytest.fixture
def store(store_target, fill_store):
    fill_store(store_target)
    with open_store(store_target, read_only=True) as s:
        yield s


def _ids(store, f, **kw):
    return {r["id"] for r in browse.find_events(store, f, **kw)[1]}


def _all(store):
    return list(store.events())


@pytest.mark.parametrize("f, keep", [
    (EventFilter(actor="RUS"), lambda e: "RUS" in ((e["source_code"] or "")[:3], (e["target_code"] or "")[:3])),
    (EventFilter(source="UKR"), lambda e: (e["source_code"] or "").startswith("UKR")),
    (EventFilter(target="UKR"), lambda e: (e["target_code"] or "").startswith("UKR")),
    (EventFilter(dyad=("UKR", "RUS")), lambda e: {(e["source_code"] or "")[:3], (e["target_code"] or "")[:3]} == {"RUS", "UKR"}),
    (EventFilter(root="11"), lambda e: e["root"] == "11"),
    (EventFilter(code="19"), lambda e: e["cameo"].startswith("19")),
    (EventFilter(quad_class=4), lambda e: e["quad_class"] == 4),
    (EventFilter(modality="hypothetical"), lambda e: e["modality"] == "hypothetical"),
    (EventFilter(date_from=dt.date(2024, 3, 10), date_to=dt.date(2024, 3, 31)),
     lambda e: e["event_date"] and dt.date(2024, 3, 10) <= e["event_date"] <= dt.date(2024, 3, 31)),
    (EventFilter(outlet="wire-b"), lambda e: e["doc_source"] == "wire-b"),
    (EventFilter(q="BORDER"), lambda e: "border" in e["evidence"].lower()),
    (EventFilter(occurred=True), lambda e: e["occurred"]),
    (EventFilter(actor="RUS", quad_class=3), lambda e: "RUS" in (e["source_code"][:3], (e["target_code"] or "")[:3])
     and e["quad_class"] == 3),
], ids=["actor", "source", "target", "dyad", "root", "code", "quad", "modality", "dates", "outlet", "text",
        "occurred", "actor+quad"])
def test_each_filter_keeps_exactly_the_matching_events(store, f, keep):
    expected = {e["id"] for e in _all(store) if keep(e)}
    assert expected, "the fixture articles must hold events of this kind"
    total, rows = browse.find_events(store, f, limit=100)
    assert {r["id"] for r in rows} == expected and total == len(expected)


def test_pages_are_ordered_latest_first_and_cover_everything_once(store):
    total, first = browse.find_events(store, EventFilter(), limit=4)
    _, second = browse.find_events(store, EventFilter(), limit=4, offset=4)
    _, rest = browse.find_events(store, EventFilter(), limit=100, offset=8)
    ids = [r["id"] for r in first + second + rest]
    assert len(ids) == len(set(ids)) == total == len(_all(store))
    dates = [r["event_date"] for r in first + second + rest if r["event_date"]]
    assert dates == sorted(dates, reverse=True)
    assert first[0]["doc_title"] and first[0]["outlet"]  # each row comes with its document
    assert browse.find_events(store, EventFilter(), limit=10, offset=total) == (total, [])


def test_page_size_and_offset_are_bounded(store):
    with pytest.raises(errors.InputError, match="limit"):
        browse.find_events(store, EventFilter(), limit=browse.MAX_LIMIT + 1)
    with pytest.raises(errors.InputError, match="offset"):
        browse.find_events(store, EventFilter(), offset=-1)


def test_filters_refuse_what_cannot_match():
    with pytest.raises(errors.InputError, match="modality"):
        EventFilter(modality="probable")
    with pytest.raises(errors.InputError, match="quad class"):
        EventFilter(quad_class=5)
    with pytest.raises(errors.InputError, match="empty"):
        EventFilter(date_from=dt.date(2024, 5, 1), date_to=dt.date(2024, 4, 1))


def test_text_search_takes_wildcards_literally(store):
    assert _ids(store, EventFilter(q="%")) == set()
    assert _ids(store, EventFilter(q="_")) == set()
    assert _ids(store, EventFilter(q="<script>")) == {e["id"] for e in _all(store) if "<script>" in e["evidence"]}


def test_dyad_timeline_both_ways_with_the_say_do_split(store):
    rows = browse.dyad_timeline(store, "RUS", "UKR", by="week")
    got = {(r["period"], r["direction"]): (r["events"], r["verbal"], r["material"]) for r in rows}
    assert got == {
        (dt.date(2024, 3, 4), "ab"): (1, 1, 0),   # Russia accused Ukraine
        (dt.date(2024, 3, 18), "ab"): (2, 1, 1),  # praise (verbal), an attack by its troops (material)
        (dt.date(2024, 3, 18), "ba"): (1, 1, 0),  # Ukraine condemned Russia
        (dt.date(2024, 4, 8), "ab"): (1, 1, 0),   # the agreement to talk, from the first-named party
    }
    for r in rows:
        assert r["period_end"] == r["period"] + dt.timedelta(days=6)
    attack_week = [r for r in rows if r["period"] == dt.date(2024, 3, 18) and r["direction"] == "ab"][0]
    assert -10 <= attack_week["mean_goldstein"] < 0  # praise (+) and an attack (-10) average below zero
    swapped = browse.dyad_timeline(store, "UKR", "RUS", by="week")
    assert {(r["period"], r["direction"]) for r in swapped} == {
        (p, {"ab": "ba", "ba": "ab"}[d]) for p, d in got}
    months = browse.dyad_timeline(store, "RUS", "UKR", by="month")
    assert {r["period"] for r in months} == {dt.date(2024, 3, 1), dt.date(2024, 4, 1)}
    assert browse.dyad_timeline(store, "RUS", "UKR", by="week", date_from=dt.date(2024, 4, 1))[0]["period"] == dt.date(2024, 4, 8)


def test_the_events_behind_a_point(store):
    total, rows = browse.dyad_events(store, "RUS", "UKR", "ab", dt.date(2024, 3, 18), dt.date(2024, 3, 24))
    assert total == 2 and {r["cameo"][:2] for r in rows} == {"05", "19"}
    total, rows = browse.dyad_events(store, "RUS", "UKR", "ba", dt.date(2024, 3, 18), dt.date(2024, 3, 24))
    assert total == 1 and rows[0]["source_code"] == "UKR"
    assert browse.dyad_events(store, "RUS", "UKR", None, dt.date(2024, 3, 18), dt.date(2024, 3, 24))[0] == 3
    with pytest.raises(errors.InputError, match="direction"):
        browse.dyad_events(store, "RUS", "UKR", "up", dt.date(2024, 3, 18), dt.date(2024, 3, 24))


@pytest.mark.parametrize("day, by, start, end", [
    (dt.date(2024, 3, 20), "week", dt.date(2024, 3, 18), dt.date(2024, 3, 24)),
    (dt.date(2024, 2, 10), "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    (dt.date(2024, 2, 10), "day", dt.date(2024, 2, 10), dt.date(2024, 2, 10)),
])
def test_periods_as_the_database_truncates_them(day, by, start, end):
    assert browse.period_start(day, by) == start and browse.period_end(start, by) == end


def test_actor_profile(store):
    p = browse.actor_profile(store, "RUS")
    partners = {r["partner"]: r for r in p["partners"]}
    assert set(partners) == {"UKR", "UKRMIL"}
    assert partners["UKR"]["as_source"] == 3 and partners["UKR"]["as_target"] == 1  # 1123, 051, 036; 111
    mix = {r["root"]: (int(r["as_source"]), int(r["as_target"])) for r in p["mix"]}
    assert mix == {"11": (1, 1), "05": (1, 0), "19": (1, 0), "03": (1, 0)}
    assert p["names"][0] == "Russia" and p["events"] == 5 and p["quotes"] == 0
    assert browse.actor_profile(store, "UKR")["quotes"] == 1


def test_quote_search_by_speaker_code_name_and_text(store):
    assert browse.find_quotes(store, speaker="ukr")[0] == 1  # a code prefix, in any case
    assert browse.find_quotes(store, speaker="kuleba")[0] == 1  # words of the name
    total, rows = browse.find_quotes(store, q="OTHER SIDE")
    assert total == 1 and rows[0]["doc_title"] == "Shelling claims at the border"
    assert browse.find_quotes(store, q="%")[0] == 0
    assert browse.find_quotes(store, speaker_code="SWE")[0] >= 1
    assert browse.find_quotes(store, speaker="UKR", q="welcomed")[0] == 0


def test_a_read_only_store_refuses_writes(store_target, fill_store):
    fill_store(store_target)
    with open_store(store_target, read_only=True) as s:
        before = s.counts()
        with pytest.raises(errors.StoreError):
            s.query("DELETE FROM events")
        assert s.counts() == before


def test_a_missing_store_is_not_created(tmp_path):
    target = tmp_path / "missing.duckdb"
    with pytest.raises(errors.StoreError, match="no such store"):
        open_store(target, read_only=True)
    assert not target.exists()


def test_pages_count_up_to_a_cap_and_text_searches_not_at_all(store):
    n = len(_all(store))
    total, more, rows = browse.events_page(store, EventFilter(), limit=2, count_cap=3)
    assert total == 4 and more and len(rows) == 2  # "more than 3"
    total, more, rows = browse.events_page(store, EventFilter(), limit=2, offset=n - 1, count_cap=3)
    assert total == 4 and not more and len(rows) == 1  # past the cap, the last event is still there
    assert browse.events_page(store, EventFilter(root="19"), count_cap=3)[0] == 2  # under the cap: exact
    total, more, rows = browse.events_page(store, EventFilter(q="the"), limit=2)
    assert total is None and more and len(rows) == 2
    everything = {r["id"] for r in browse.find_events(store, EventFilter(q="the"), limit=100)[1]}
    paged = [r["id"] for o in range(0, n, 2) for r in browse.events_page(store, EventFilter(q="the"), 2, o)[2]]
    assert len(paged) == len(set(paged)) and set(paged) == everything
    assert browse.events_page(store, EventFilter(q="nowhere to be found"))[1:] == (False, [])
