"""The explorer's application object: ``create_app(target)`` opens the store read-only and returns a FastAPI app
serving the pages (:mod:`parley.web.pages`) and the JSON API (:mod:`parley.web.api`).

Article text is untrusted input. Every template escapes what it prints (Jinja2's autoescape, on for every
template), links are made only of http(s) addresses, and each response forbids scripts altogether through its
Content-Security-Policy: the pages use none, so even markup that slipped through could not run.
"""

from __future__ import annotations

import datetime as dt
import re
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException

from parley import __version__, errors
from parley.web.db import QueryTimeout, Readers

CSP = ("default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY"}


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address to link to, else None (``javascript:``, ``data:`` and relative
    addresses are shown as text, never as links)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*")


def url_part(value: Any) -> str:
    """``value`` as one piece of an address (a path segment, a query value): every character but letters,
    digits and ``-._~`` percent-encoded, ``/`` and ``&`` included. Codes and ids are mostly plain: kept as
    they are without encoding them (a page of events makes four such pieces a row)."""
    text = str(value)
    return text if _PLAIN.fullmatch(text) else quote(text, safe="")


def _templates() -> Jinja2Templates:
    folder = resources.files("parley.web") / "templates"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["part"] = url_part
    env.filters["num"] = lambda v: f"{v:,}" if isinstance(v, int) else v
    env.filters["date"] = lambda v: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else ("" if v is None else v)
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.query_params.get("format") in ("json", "csv")


def _error(request: Request, status: int, message: str, detail: Any = None) -> Response:
    if _is_api(request):
        body: dict[str, Any] = {"error": message, "status": status}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse(body, status_code=status, headers=HEADERS)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status, headers=HEADERS)


class SecurityHeaders:
    """ASGI middleware giving every response ``HEADERS`` (those it does not set itself). Plain ASGI: it only
    adds headers to the response's first message, where an ``@app.middleware("http")`` function would run
    each request as a task of its own and stream the response through it."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in HEADERS.items():
                    headers.setdefault(k, v)
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(target: str, *, timeout: float = 10.0, pool: int = 8) -> FastAPI:
    """The explorer over the store at ``target`` (a DuckDB file or a ``postgresql://`` URL), read-only.

    A store that does not exist is a :class:`~parley.errors.StoreError` here, before any request: nothing is
    created. ``timeout`` bounds each query, ``pool`` the connections read at once.
    """
    readers = Readers(target, timeout=timeout, size=pool)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        readers.close()

    # no /docs or /redoc: they load their scripts from a CDN; the schema is at /openapi.json
    app = FastAPI(title="parley explorer", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Read-only access to a parley store: events, documents, dyads, actors, quotes.")
    app.state.readers = readers
    app.state.templates = _templates()

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(errors.InputError)
    async def bad_input(request: Request, exc: errors.InputError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(x) for x in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors()]
        return _error(request, 400, "bad parameters: " + "; ".join(problems), problems)

    @app.exception_handler(QueryTimeout)
    async def too_slow(request: Request, exc: QueryTimeout) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(errors.StoreError)
    async def store_failed(request: Request, exc: errors.StoreError) -> Response:
        return _error(request, 500, f"the store could not answer: {exc}")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    from parley.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("parley.web") / "static")), name="static")
    return app


def from_environment() -> FastAPI:
    """The app of one of several server processes (``parley serve --workers N``): the store and the time
    limit come from ``PARLEY_SERVE_DB`` and ``PARLEY_SERVE_TIMEOUT``, set by the command."""
    import os

    return create_app(os.environ["PARLEY_SERVE_DB"], timeout=float(os.environ.get("PARLEY_SERVE_TIMEOUT", "10")))


__all__ = ["CSP", "create_app", "from_environment", "safe_url", "url_part"]
