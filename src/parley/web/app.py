"""The explorer's application object: ``create_app(target)`` opens the store read-only and returns a FastAPI app
serving the pages (:mod:`parley.web.pages`) and the JSON API (:mod:`parley.web.api`).

Article text is untrusted input. Every template escapes what it prints (Jinja2's autoescape, on for every
template), links are made only of http(s) addresses, and each response forbids scripts altogether through its
Content-Security-Policy: the pages use none, so even markup that slipped through could not run.
"""

from __future__ import annotations

import datetime as dt
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
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


def _templates() -> Jinja2Templates:
    folder = resources.files("parley.web") / "templates"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
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

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response

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


__all__ = ["CSP", "create_app", "from_environment", "safe_url"]
