"""The JSON API: the same data as the pages, for scripts. Its schema is at ``/openapi.json``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from parley.store import browse
from parley.store.browse import EventFilter
from parley.web import params
from parley.web.params import Actor, By, From, Limit, Offset, Q, To
from parley.web.respond import json_response

router = APIRouter(prefix="/api", tags=["api"])
JSON: dict[str, Any] = {"response_model": dict[str, Any]}
"""Each route answers a JSON object, written by ``json_response`` (the schema says so; FastAPI passes a
Response through as it is)."""
EventId = Annotated[str, Path(max_length=200, description="An event id.")]
DocId = Annotated[str, Path(max_length=200, description="A document id.")]
Code = Annotated[str, Path(max_length=64, description="An actor code or its prefix (RUS, RUSGOV).")]


def readers(request: Request):  # type: ignore[no-untyped-def]
    return request.app.state.readers


@router.get("/events", summary="Events, filtered and paged", **JSON)
def events(request: Request, f: Annotated[EventFilter, Depends(params.event_filter)], limit: Limit = 50,
           offset: Offset = 0) -> Response:
    """Events matching every filter given, latest event date first; ``total`` counts them all."""
    with readers(request).events() as source:
        total, rows = browse.find_events(source, f, limit, offset)
    return json_response({"total": total, "limit": limit, "offset": offset, "events": rows})


@router.get("/events/{event_id}", summary="One event", **JSON)
def one_event(request: Request, event_id: EventId) -> Response:
    with readers(request).reading() as store:
        row = browse.event(store, event_id)
    if row is None:
        raise HTTPException(404, f"no event {event_id!r} in this store")
    return json_response(row)


@router.get("/documents/{doc_id}", summary="One coded document: text, events, quotes, mentions", **JSON)
def document(request: Request, doc_id: DocId) -> Response:
    with readers(request).reading() as store:
        coded = store.document(doc_id)
    if coded is None:
        raise HTTPException(404, f"no document {doc_id!r} in this store")
    from parley.model import to_dict

    return json_response(to_dict(coded))


@router.get("/dyad", summary="A dyad over time, both directions, with the say-do gap", **JSON)
def dyad(request: Request, a: Actor, b: Actor, by: By = "week", date_from: From = None,
         date_to: To = None) -> Response:
    """Per period and direction (``ab`` from a to b, ``ba`` back): events that occurred, mean Goldstein,
    verbal and material acts. The events behind a point: ``/api/events?source=A&target=B&from=...&to=...&occurred=true``."""
    a_code, b_code = params.actor_code(a, "a"), params.actor_code(b, "b")
    if not a_code or not b_code:
        raise HTTPException(400, "a dyad needs two actors: ?a=RUS&b=UKR")
    period = params.period(by)
    with readers(request).timelines() as source:
        rows = browse.dyad_timeline(source, a_code, b_code, period, params.date(date_from, "from"),
                                    params.date(date_to, "to"))
    return json_response({"a": a_code, "b": b_code, "by": period, "periods": rows})


@router.get("/actors/{code}", summary="An actor: top partners, event mix by root, quotes", **JSON)
def actor(request: Request, code: Code, limit: Limit = 20) -> Response:
    c = params.actor_code(code, "code")
    if not c:
        raise HTTPException(400, "an actor code is needed")
    with readers(request).reading() as store:
        profile = browse.actor_profile(store, c)
        _n, quotes = browse.find_quotes(store, speaker_code=c, limit=limit)
    if not profile["events"] and not profile["quotes"]:
        raise HTTPException(404, f"no events or quotes of actor {c!r} in this store")
    return json_response({**profile, "quote_list": quotes})


@router.get("/quotes", summary="Quotations by speaker and text", **JSON)
def quotes(request: Request, speaker: Annotated[str | None, Query(
               max_length=100, description="A speaker code prefix, or words of the speaker's name.")] = None,
           q: Q = None, limit: Limit = 50, offset: Offset = 0) -> Response:
    with readers(request).reading() as store:
        total, rows = browse.find_quotes(store, params.text(speaker), params.text(q), limit=limit, offset=offset)
    return json_response({"total": total, "limit": limit, "offset": offset, "quotes": rows})


__all__ = ["router"]
