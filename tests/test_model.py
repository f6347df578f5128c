"""The data model round-trips through JSON unchanged."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.model import (
    ActorRef,
    CodedDocument,
    Document,
    Event,
    Location,
    Mention,
    Plover,
    Quote,
    Span,
    Warning_,
    content_id,
    from_dict,
    to_dict,
)

texts = st.text(min_size=1, max_size=60)
codes = st.from_regex(r"[A-Z]{3}([A-Z]{3})?", fullmatch=True)
dates = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))
refs = st.builds(ActorRef, code=codes, name=st.none() | texts, text=texts, start=st.integers(0, 10**6), end=st.integers(0, 10**6))
events = st.builds(
    Event,
    id=texts,
    sentence=st.integers(0, 500),
    source=st.none() | refs,
    target=st.none() | refs,
    cameo=st.sampled_from(["010", "036", "0311", "112", "190", "2042"]),
    root=st.sampled_from(["01", "03", "11", "19"]),
    quad_class=st.integers(1, 4),
    goldstein=st.floats(-10, 10, allow_nan=False),
    plover=st.none() | st.builds(Plover, type=st.sampled_from(["AGREE", "ASSAULT"]), mode=st.none() | texts),
    modality=st.sampled_from(["asserted", "negated", "hypothetical"]),
    date=dates,
    location=st.builds(Location, country=st.none() | codes, name=st.none() | texts,
                       lat=st.none() | st.floats(-90, 90), lon=st.none() | st.floats(-180, 180)),
    trigger=st.builds(Span, text=texts, start=st.integers(0, 1000), end=st.integers(0, 1000)),
    evidence=texts,
    confidence=st.floats(0, 1),
    rule=texts,
    quote=st.none() | texts,
)
quotes = st.builds(Quote, id=texts, sentence=st.integers(0, 50), speaker=st.none() | refs, text=texts,
                   start=st.integers(0, 99), end=st.integers(0, 99), kind=st.sampled_from(["direct", "indirect"]),
                   cue=st.none() | texts)
mentions = st.builds(Mention, code=codes, name=st.none() | texts, text=texts, start=st.integers(0, 99),
                     end=st.integers(0, 99), kind=st.sampled_from(["country", "person"]), entity=st.none() | st.integers(0, 9))
documents = st.builds(Document, text=texts, id=st.just("") | texts, title=st.none() | texts,
                      url=st.none() | texts, source=st.none() | texts, published=dates)
coded_docs = st.builds(
    CodedDocument,
    document=documents,
    events=st.lists(events, max_size=3).map(tuple),
    quotes=st.lists(quotes, max_size=2).map(tuple),
    mentions=st.lists(mentions, max_size=3).map(tuple),
    warnings=st.lists(st.builds(Warning_, code=st.just("W101"), message=texts), max_size=2).map(tuple),
)


@given(coded_docs)
def test_coded_document_round_trips_through_json(coded: CodedDocument) -> None:
    line = coded.to_json()
    assert "\n" not in line
    assert CodedDocument.from_json(line) == coded


def test_json_has_the_contract_keys() -> None:
    doc = Document(text="x", published=dt.date(2024, 7, 13))
    data = json.loads(CodedDocument(document=doc).to_json())
    assert set(data) == {"document", "events", "quotes", "mentions", "warnings", "tone"}
    assert data["document"]["published"] == "2024-07-13"
    assert set(data["document"]) >= {"id", "title", "url", "source", "published"}


def test_document_id_defaults_to_content_hash() -> None:
    assert Document(text="same text").id == Document(text="same text").id == content_id("same text")
    assert Document(text="same text").id != Document(text="other text").id
    assert Document(text="x", id="given").id == "given"


def test_from_dict_ignores_unknown_keys_so_readers_of_old_files_survive_additions() -> None:
    data = to_dict(Location(country="RUS"))
    data["new_key"] = 1
    assert from_dict(Location, data) == Location(country="RUS")


@pytest.mark.parametrize("modality, root, occurred", [
    ("asserted", "19", True),
    ("intended", "03", True),  # expressing an intent is the act
    ("intended", "13", True),  # so is a threat
    ("intended", "19", False),  # an intended attack has not happened
    ("demanded", "10", True),
    ("demanded", "08", False),
    ("hypothetical", "19", False),
    ("negated", "03", False),
    ("reported-speculation", "10", False),
])
def test_which_events_count_as_having_occurred(modality, root, occurred) -> None:
    event = Event(id="e", sentence=0, source=None, target=None, cameo=root + "0", root=root, quad_class=1,
                  goldstein=0.0, plover=None, modality=modality, date=None, location=Location(),
                  trigger=Span("x", 0, 1), evidence="x", confidence=0.5, rule="r")
    assert event.occurred is occurred
    assert "occurred" not in to_dict(event)  # derived, not part of the JSON contract


def test_actor_code_parts() -> None:
    from parley.model import ActorCode, Mention

    assert (ActorCode("RUSGOV").country, ActorCode("RUSGOV").role, ActorCode("RUSGOV").last_role) == ("RUS", "GOV", "GOV")
    assert (ActorCode("USAMILREB").role, ActorCode("USAMILREB").last_role) == ("MILREB", "REB")
    assert (ActorCode("UKR").role, ActorCode("CVL").last_role) == ("", "CVL")
    assert ActorCode("CVL").with_country("UKR") == ActorCode("UKRCVL")
    m = Mention("RUSGOV", "Russia", "the Kremlin", 0, 11, "seat")
    assert m.actor.country == "RUS" and "actor" not in json.dumps(to_dict(m))  # a view, not a field
