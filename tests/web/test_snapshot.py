"""The events of a read-only DuckDB store held in memory (parley.store.snapshot) give the answers SQL gives
(parley.store.browse without a snapshot): every filter alone and with others, drawn at random from values the
store holds and values it does not, the same rows in the same order and the same totals, page after page; a
text search that stops at its page pages through the rows a counted search finds; an empty store answers
nothing. The store is the web conftest's ``made`` store (3,000 events drawn at random)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.store import browse, open_store, snapshot as snapshot_module
from parley.store.browse import EventFilter
from parley.store.snapshot import EventSnapshot

PREFIXES = ["R", "RUS", "RUSG", "RUSGOV", "RUSMIL", "UKR", "USA", "IGO", "IGOUNO", "X", "r", "%", "_"]
TEXTS = ["minister", "MINISTER", "the", "50%", "%", "_", "a_b", "\\", "äußer", "ÄUSSERTE", "été", "kyiv said",
         "; the", "nowhere at all"]
DAYS = st.dates(min_value=dt.date(2023, 12, 20), max_value=dt.date(2024, 5, 10))


CHOICES = {
    "actor": st.sampled_from(PREFIXES), "source": st.sampled_from(PREFIXES),
    "target": st.sampled_from(PREFIXES),
    "dyad": st.tuples(st.sampled_from(PREFIXES), st.sampled_from(PREFIXES)),
    "root": st.sampled_from(["01", "03", "04", "11", "13", "17", "19", "20"]),
    "code": st.sampled_from(["0", "01", "010", "03", "036", "1", "11", "111", "19", "190", "2"]),
    "quad_class": st.integers(1, 4), "modality": st.sampled_from(["asserted", "hypothetical", "negated"]),
    "date_from": DAYS, "date_to": DAYS,
    "outlet": st.sampled_from(["outlet-0", "outlet-3", "outlet-6", "outlet-9", "Outlet-3"]),
    "q": st.sampled_from(TEXTS), "doc_id": st.sampled_from(["d0007", "d0123", "d9999"]),
    "occurred": st.just(True),
}


@st.composite
def filters(draw) -> EventFilter:  # type: ignore[no-untyped-def]
    """One to four filters (more would match nothing in 3,000 events), each a value the store holds or not."""
    chosen = draw(st.lists(st.sampled_from(sorted(CHOICES)), min_size=1, max_size=4, unique=True))
    given_ = {name: draw(CHOICES[name]) for name in chosen}
    first, last = given_.get("date_from"), given_.get("date_to")
    if first and last and first > last:
        given_["date_from"], given_["date_to"] = last, first
    return EventFilter(**given_)


@pytest.fixture(scope="module")
def store(made):
    with open_store(made, read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def snap(store) -> EventSnapshot:
    return EventSnapshot(store)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(f=filters(), limit=st.sampled_from([1, 7, 50, 1000]), offset=st.sampled_from([0, 3, 40, 2990]))
def test_the_snapshot_answers_as_sql_does(store, snap, f, limit, offset):
    total, rows = browse.find_events(store, f, limit, offset)
    assert browse.find_events(snap, f, limit, offset) == (total, rows)
    counted, more, page = browse.events_page(snap, f, limit, offset)
    assert page == rows and more == (offset + limit < total)
    assert counted == (None if f.q else total)  # exact, but for a text search, which stops at its page


@pytest.mark.parametrize("f", [EventFilter(), EventFilter(actor="RUS"),
                               EventFilter(dyad=("RUS", "UKR"), occurred=True), EventFilter(q="minister"),
                               EventFilter(q="MINISTER", source="R", occurred=True), EventFilter(q="100%"),
                               EventFilter(q="nowhere at all")],
                         ids=["all", "actor", "dyad", "text", "text+source", "rare text", "no text"])
def test_pages_read_a_block_at_a_time_cover_every_match_once(store, snap, f, monkeypatch):
    """Small blocks, so that pages and text searches cross many blocks of the snapshot's arrays."""
    monkeypatch.setattr(snapshot_module, "_FIRST_BLOCK", 16)
    monkeypatch.setattr(snapshot_module, "_MASK_BLOCK", 32)
    total, everything = browse.find_events(store, f, limit=1000, offset=0)
    expected = [r["id"] for o in range(0, total, 1000) for r in browse.find_events(store, f, 1000, o)[1]]
    paged, offset, more = [], 0, True
    while more:
        _n, more, rows = browse.events_page(snap, f, 13, offset)
        paged += [r["id"] for r in rows]
        offset += 13
    assert paged == expected and len(expected) == total


def test_outlets_most_documents_first_as_sql_gives_them(store, snap):
    assert browse.outlets(snap) == browse.outlets(store) and len(browse.outlets(snap)) == 7
    assert browse.outlets(snap, 3) == browse.outlets(store, 3)


def test_an_empty_store_answers_nothing(tmp_path):
    path = str(tmp_path / "empty.duckdb")
    open_store(path).close()
    with open_store(path, read_only=True) as s:
        snap = EventSnapshot(s)
        assert snap.rows == 0
        assert browse.find_events(snap, EventFilter(actor="RUS")) == (0, [])
        assert browse.events_page(snap, EventFilter(q="x")) == (None, False, [])
        assert browse.events_page(snap, EventFilter()) == (0, False, [])
        assert browse.outlets(snap) == []
