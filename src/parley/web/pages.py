"""The explorer's pages, rendered on the server: events, a document with its evidence highlighted, a dyad's
timeline, an actor, quotes. Each page is also a download: ``?format=csv`` or ``?format=json`` gives its rows."""

from __future__ import annotations

import datetime as dt
import functools
import time
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from parley.model import MODALITIES, to_dict
from parley.ontology import ontology
from parley.store import browse
from parley.store.browse import EventFilter
from parley.web import chart, highlight, params
from parley.web.params import Actor, By, From, Limit, Offset, Q, To
from parley.web.respond import csv_response, json_response

router = APIRouter(include_in_schema=False)
Format = Annotated[str | None, Query(max_length=4, pattern="^(html|csv|json)?$", description="html, csv or json.")]
EVENT_COLUMNS = ("id", "doc_id", "event_date", "source_code", "source_name", "target_code", "target_name", "cameo",
                 "root", "quad_class", "goldstein", "modality", "occurred", "trigger_text", "evidence", "confidence",
                 "rule", "outlet", "doc_title", "doc_url")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@functools.cache
def _roots() -> list[tuple[str, str]]:
    """The CAMEO roots, (code, name): the choices of the filter form (the ontology is read once)."""
    return [(c.code, c.name) for c in ontology().codes() if len(c.code) == 2]


def _render(request: Request, template: str, **context: Any) -> Response:
    context.setdefault("roots", _roots())
    context["quad_names"] = QUAD_NAMES
    context["cameo_name"] = highlight.cameo_name
    return request.app.state.templates.TemplateResponse(request, template, context)


def _with(request: Request, **changes: Any) -> str:
    """This page's address (path and query, never the host a request claimed) with some parameters changed."""
    url = request.url.include_query_params(**changes)
    return f"{url.path}?{url.query}"


def _pages(request: Request, total: int | None, limit: int, offset: int, shown: int, more: bool,
           cap: int | None = None) -> dict[str, Any]:
    """Links to the previous and next pages, keeping every other parameter. ``total`` over ``cap`` is shown as
    "over cap" (see browse.COUNT_CAP), None as no total at all; ``more`` says a next page has rows."""
    prev = _with(request, offset=max(0, offset - limit)) if offset > 0 else None
    nxt = _with(request, offset=offset + limit) if more else None
    over = cap is not None and total is not None and total > cap
    return {"total": total, "over": over, "cap": cap, "first": offset + 1 if shown else 0, "last": offset + shown,
            "prev": prev, "next": nxt, "more": more}


_OUTLETS: dict[int, tuple[float, list[str]]] = {}


def _outlets(request: Request, store: Any) -> list[str]:
    """The outlets of the filter form, read again at most once a minute (a form's choices, not data)."""
    key = id(request.app)
    now = time.monotonic()
    cached = _OUTLETS.get(key)
    if cached is None or now - cached[0] > 60:
        cached = _OUTLETS[key] = (now, browse.outlets(store))
    return cached[1]


def _downloads(request: Request) -> dict[str, str]:
    return {f: _with(request, format=f) for f in ("csv", "json")}


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/events", status_code=303)


@router.get("/events")
def events_page(request: Request, f: Annotated[EventFilter, Depends(params.event_filter)], limit: Limit = 50,
                offset: Offset = 0, format: Format = None) -> Response:
    readers = request.app.state.readers
    with readers.events() as source:
        if format:  # a download counts exactly, as the API does
            total, rows = browse.find_events(source, f, limit, offset)
        else:
            counted, more, rows = browse.events_page(source, f, limit, offset, browse.COUNT_CAP)
            outlets = _outlets(request, source)
    if format == "csv":
        return csv_response(rows, "events", EVENT_COLUMNS)
    if format == "json":
        return json_response({"total": total, "limit": limit, "offset": offset, "events": rows}, "events")
    return _render(request, "events.html", rows=rows,
                   pages=_pages(request, counted, limit, offset, len(rows), more,
                                None if readers.snapshot is not None else browse.COUNT_CAP),
                   downloads=_downloads(request), form=request.query_params, outlets=outlets,
                   modalities=MODALITIES, filtered=not f.is_empty())


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: Annotated[str, Path(max_length=200)]) -> RedirectResponse:
    """An event is shown in its document, at its sentence."""
    with request.app.state.readers.reading() as store:
        row = browse.event(store, event_id)
    if row is None:
        raise HTTPException(404, f"no event {event_id!r} in this store")
    return RedirectResponse(f"/documents/{quote(row['doc_id'], safe='')}#ev-{quote(event_id, safe='')}",
                            status_code=303)


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: Annotated[str, Path(max_length=200)], format: Format = None) -> Response:
    with request.app.state.readers.reading() as store:
        coded = store.document(doc_id)
        meta = browse.document_meta(store, doc_id)
    if coded is None or meta is None:
        raise HTTPException(404, f"no document {doc_id!r} in this store")
    events = [to_dict(e) for e in coded.events]
    if format == "json":
        return json_response(to_dict(coded), f"document-{doc_id}")
    if format == "csv":
        flat = [{"id": e["id"], "sentence": e["sentence"], "date": e["date"],
                 "source_code": (e["source"] or {}).get("code"), "target_code": (e["target"] or {}).get("code"),
                 "cameo": e["cameo"], "modality": e["modality"], "trigger": e["trigger"]["text"],
                 "trigger_start": e["trigger"]["start"], "trigger_end": e["trigger"]["end"],
                 "evidence": e["evidence"], "rule": e["rule"], "confidence": e["confidence"]} for e in events]
        return csv_response(flat, f"document-{doc_id}-events")
    return _render(request, "document.html", doc=meta, coded=coded, pieces=highlight.pieces(coded),
                   downloads=_downloads(request))


def _dyad_href(a: str, b: str, by: str, extra: dict[str, str]):  # type: ignore[no-untyped-def]
    def href(period: dt.date, direction: str | None) -> str:
        q = {"a": a, "b": b, "by": by, **extra, "period": period.isoformat()}
        if direction:
            q["dir"] = direction
        return "/dyad?" + urlencode(q) + "#events"

    return href


@router.get("/dyad")
def dyad_page(request: Request, a: Actor = None, b: Actor = None, by: By = None, date_from: From = None,
              date_to: To = None,
              period: Annotated[str | None, Query(max_length=10, description="A period's first day: list its events.")] = None,
              dir: Annotated[str | None, Query(max_length=2, pattern="^(ab|ba)?$", description="ab or ba.")] = None,
              limit: Limit = 200, offset: Offset = 0, format: Format = None) -> Response:
    a_code, b_code = params.actor_code(a, "a"), params.actor_code(b, "b")
    by_ = params.period(by)
    context: dict[str, Any] = {"a": a_code or "", "b": b_code or "", "by": by_, "form": request.query_params,
                               "downloads": _downloads(request), "rows": [], "chart": None, "selected": None}
    if not (a_code and b_code):
        if format:
            raise HTTPException(400, "a dyad needs two actors: ?a=RUS&b=UKR")
        return _render(request, "dyad.html", **context)
    start = params.date(period, "period")
    first, last = params.date(date_from, "from"), params.date(date_to, "to")
    readers = request.app.state.readers
    with readers.timelines() as source:
        rows = browse.dyad_timeline(source, a_code, b_code, by_, first, last)
    selected = None
    if start is not None:
        start = browse.period_start(start, by_)
        end = browse.period_end(start, by_)
        with readers.events() as events:
            total, listed = browse.dyad_events(events, a_code, b_code, dir or None, start, end, limit, offset)
            selected = {"start": start, "end": end, "dir": dir or None, "events": listed,
                        "pages": _pages(request, total, limit, offset, len(listed), offset + len(listed) < total)}
    if format == "json":
        return json_response({"a": a_code, "b": b_code, "by": by_, "periods": rows,
                              "selected": selected and {k: v for k, v in selected.items() if k != "pages"}},
                             f"dyad-{a_code}-{b_code}")
    if format == "csv":
        if selected is not None:
            return csv_response(selected["events"], f"dyad-{a_code}-{b_code}-{start}", EVENT_COLUMNS)
        return csv_response(rows, f"dyad-{a_code}-{b_code}",
                            ["period", "period_end", "direction", "events", "mean_goldstein", "verbal", "material"])
    extra = {k: v for k, v in (("from", first and first.isoformat()), ("to", last and last.isoformat())) if v}
    context.update(rows=rows, selected=selected,
                   chart=chart.build(rows, a_code, b_code, _dyad_href(a_code, b_code, by_, extra)))
    return _render(request, "dyad.html", **context)


@router.get("/actors")
def actor_search(code: Actor = None) -> RedirectResponse:
    c = params.actor_code(code, "code")
    if not c:
        raise HTTPException(400, "an actor code is needed: /actors/RUS")
    return RedirectResponse(f"/actors/{quote(c, safe='')}", status_code=303)


@router.get("/actors/{code}")
def actor_page(request: Request, code: Annotated[str, Path(max_length=64)], format: Format = None) -> Response:
    c = params.actor_code(code, "code") or ""
    with request.app.state.readers.reading() as store:
        profile = browse.actor_profile(store, c)
        n_quotes, quotes = browse.find_quotes(store, speaker_code=c, limit=100)
    if not profile["events"] and not profile["quotes"]:
        raise HTTPException(404, f"no events or quotes of actor {c!r} in this store")
    if format == "json":
        return json_response({**profile, "quote_list": quotes}, f"actor-{c}")
    if format == "csv":
        rows = [{"kind": "partner", "code": r["partner"], "root": None, "events": r["events"],
                 "as_source": r["as_source"], "as_target": r["as_target"], "mean_goldstein": r["mean_goldstein"]}
                for r in profile["partners"]]
        rows += [{"kind": "root", "code": None, "root": r["root"], "events": int(r["as_source"]) + int(r["as_target"]),
                  "as_source": r["as_source"], "as_target": r["as_target"], "mean_goldstein": None}
                 for r in profile["mix"]]
        return csv_response(rows, f"actor-{c}")
    top = max([int(r["as_source"]) + int(r["as_target"]) for r in profile["mix"]] or [1])
    return _render(request, "actor.html", p=profile, quotes=quotes, n_quotes=n_quotes, mix_top=top,
                   downloads=_downloads(request))


@router.get("/quotes")
def quotes_page(request: Request,
                speaker: Annotated[str | None, Query(max_length=100, description="Speaker code prefix or name.")] = None,
                q: Q = None, limit: Limit = 50, offset: Offset = 0, format: Format = None) -> Response:
    with request.app.state.readers.reading() as store:
        total, rows = browse.find_quotes(store, params.text(speaker), params.text(q), limit=limit, offset=offset)
    if format == "json":
        return json_response({"total": total, "limit": limit, "offset": offset, "quotes": rows}, "quotes")
    if format == "csv":
        return csv_response(rows, "quotes")
    return _render(request, "quotes.html", rows=rows,
                   pages=_pages(request, total, limit, offset, len(rows), offset + len(rows) < total),
                   downloads=_downloads(request), form=request.query_params)


__all__ = ["router"]
