"""The explorer in-process: every page and API route answers, bad parameters are 400s with a message, unknown
ids 404s, every view downloads as CSV and JSON, article text renders inert, queries are cut off after their
time limit, and a store that does not exist is refused, not created."""

from __future__ import annotations

import csv
import io
import json
import re
import time

import pytest

from parley import errors


def test_pages_answer(client):
    for url in ["/events", "/events?actor=RUS&quad=3", "/documents/border", "/dyad", "/dyad?a=RUS&b=UKR&by=month",
                "/actors/RUS", "/quotes", "/quotes?speaker=UKR&q=shelling"]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        assert r.headers["content-type"].startswith("text/html")
    assert client.get("/", follow_redirects=False).headers["location"] == "/events"


def test_events_page_lists_filtered_rows_linking_to_their_evidence(client):
    html = client.get("/events?dyad=RUS,UKR&root=19").text
    rows = re.findall(r'<tr class="event-row" data-id="([^"]+)"', html)
    assert len(rows) == 1
    assert f'href="/documents/strikes#ev-{rows[0]}"' in html
    assert "1–1 of 1" in html


def test_event_ids_lead_to_their_document(client):
    event = client.get("/api/events?root=19&occurred=true").json()["events"][0]
    r = client.get(f"/events/{event['id']}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/documents/{event['doc_id']}#ev-{event['id']}"
    assert client.get(f"/api/events/{event['id']}").json()["evidence"] == event["evidence"]


def test_api_events_filters_and_pages(client):
    body = client.get("/api/events", params={"actor": "rus", "limit": 2}).json()
    assert body["total"] == 5 and len(body["events"]) == 2 and body["limit"] == 2
    nxt = client.get("/api/events", params={"actor": "RUS", "limit": 2, "offset": 2}).json()["events"]
    assert not {e["id"] for e in body["events"]} & {e["id"] for e in nxt}
    dated = client.get("/api/events", params={"from": "2024-04-01", "to": "2024-04-30"}).json()["events"]
    assert dated and all(e["event_date"].startswith("2024-04") for e in dated)
    assert client.get("/api/events", params={"modality": "hypothetical"}).json()["events"][0]["cameo"] == "190"
    assert client.get("/api/events", params={"q": "humanitarian", "outlet": "wire-b"}).json()["total"] == 1


@pytest.mark.parametrize("url, words", [
    ("/api/events?from=2024-13-01", "from: '2024-13-01' is not a date"),
    ("/api/events?root=21", "root"),
    ("/api/events?code=9", "code"),
    ("/api/events?quad=5", "quad"),
    ("/api/events?modality=maybe", "modality"),
    ("/api/events?limit=0", "limit"),
    ("/api/events?limit=100000", "limit"),
    ("/api/events?offset=-3", "offset"),
    ("/api/events?dyad=RUS", "dyad"),
    ("/api/events?from=2024-05-01&to=2024-04-01", "empty"),
    ("/api/events?actor=RUS%20GOV", "spaces"),
    ("/api/events?q=" + "x" * 300, "q"),
    ("/api/dyad?a=RUS", "b"),
    ("/api/dyad?a=RUS&b=UKR&by=year", "unknown period 'year'"),
    ("/dyad?a=RUS&b=UKR&period=soon", "period"),
    ("/events?format=xml", "format"),
])
def test_bad_parameters_are_400s_that_say_why(client, url, words):
    r = client.get(url)
    assert r.status_code == 400, r.text[:300]
    message = r.json()["error"] if url.startswith("/api/") else r.text
    assert words in message and "Traceback" not in message


@pytest.mark.parametrize("url", ["/api/events/none-such", "/api/documents/none-such", "/api/actors/ZZZ",
                                 "/documents/none-such", "/events/none-such", "/actors/ZZZ", "/no/such/page"])
def test_unknown_things_are_404s(client, url):
    r = client.get(url, follow_redirects=False)
    assert r.status_code == 404
    if url.startswith("/api/"):
        assert "error" in r.json()
    else:
        assert "not found" in r.text.lower()


def test_dyad_api_and_actor_api(client):
    body = client.get("/api/dyad", params={"a": "RUS", "b": "UKR", "by": "week"}).json()
    assert [(p["period"], p["direction"], p["events"]) for p in body["periods"]] == [
        ("2024-03-04", "ab", 1), ("2024-03-18", "ab", 2), ("2024-03-18", "ba", 1), ("2024-04-08", "ab", 1)]
    actor = client.get("/api/actors/UKR").json()
    assert actor["quotes"] == 1 and actor["quote_list"][0]["speaker_code"].startswith("UKR")
    assert {p["partner"] for p in actor["partners"]} >= {"RUS"}
    quotes = client.get("/api/quotes", params={"speaker": "Kuleba"}).json()
    assert quotes["total"] == 1 and "other side" in quotes["quotes"][0]["text"]


@pytest.mark.parametrize("url, first_column", [
    ("/events?actor=RUS", "id"), ("/documents/strikes", "id"), ("/dyad?a=RUS&b=UKR", "period"),
    ("/dyad?a=RUS&b=UKR&period=2024-03-18&dir=ab", "id"), ("/actors/RUS", "kind"), ("/quotes", "doc_id"),
])
def test_every_view_downloads_as_csv_and_json(client, url, first_column):
    sep = "&" if "?" in url else "?"
    r = client.get(f"{url}{sep}format=csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0][0] == first_column and len(rows) > 1
    j = client.get(f"{url}{sep}format=json")
    assert j.status_code == 200 and j.headers["content-type"] == "application/json"
    assert json.loads(j.text)


def test_csv_cells_do_not_start_formulas(client):
    text = client.get("/events?format=csv").text
    assert "\n=" not in text and ",=" not in text
    # the hostile article's quote "Visit <a ..." is text; a cell that would start with = or @ is quoted
    from parley.web.respond import _cell

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell(-2.5) == -2.5


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/dyad", "/api/actors/{code}", "/api/quotes",
            "/api/documents/{doc_id}"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "source", "target", "root", "code", "modality", "from", "to", "q", "limit", "offset"} <= names
    assert client.get("/docs").status_code == 404  # the interactive docs load scripts from a CDN: not served


HOSTILE = ["<script>window.pwned", "<img src=x onerror", "<a href=\"javascript:", "<b onmouseover", "<i>wire-c</i>"]


@pytest.mark.parametrize("url", ["/documents/hostile", "/events", "/events?actor=SWE", "/quotes", "/actors/SWE",
                                 "/events?q=%3Cscript%3E", "/dyad?a=TUR&b=SWE&period=2024-03-04"])
def test_article_markup_is_escaped_in_every_page(client, url):
    html = client.get(url).text
    for raw in HOSTILE:
        assert raw not in html, (url, raw)
    tags = re.findall(r"<[a-zA-Z][^>]*>", html)
    assert not [t for t in tags if t.lower().startswith("<script")]
    assert not [t for t in tags if re.search(r"\son[a-z]+\s*=", t)], url  # no event handler attribute at all
    assert not [t for t in tags if re.search(r"href\s*=\s*[\"']?\s*javascript:", t, re.I)], url


def test_the_hostile_document_shows_its_text_and_no_link_of_its_javascript_address(client):
    html = client.get("/documents/hostile").text
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html  # shown as text, where a reader sees it
    assert 'href="javascript:' not in html.lower()
    assert "javascript:window.pwned=5" in html and "not a web link" in html
    assert '<a class="original"' not in html
    border = client.get("/documents/border").text
    assert '<a class="original" href="https://news.example/border"' in border


def test_every_response_forbids_scripts(client):
    for url in ["/events", "/documents/hostile", "/api/events", "/nothing"]:
        headers = client.get(url).headers
        assert "script-src 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_document_highlights_triggers_actors_and_quotes(client):
    html = client.get("/documents/border").text
    marks = re.findall(r'<mark class="hl ([^"]+)" title="([^"]*)"[^>]*>([^<]*)</mark>', html)
    kinds: dict[str, set[str]] = {}
    for k, _title, text in marks:
        kinds.setdefault(text, set()).update(k.split())
    titles = {text: title for _k, title, text in marks}
    assert kinds["accused"] == {"trigger"}
    assert "1123" in titles["accused"] and "confidence 0." in titles["accused"] and "Russia (RUS)" in titles["accused"]
    assert "source" in kinds["Russia"] and {"source", "target"} <= kinds["Ukraine"]  # target of 1123, source of 016
    assert kinds["The shelling came from the other side"] == {"quote"}
    assert "Dmytro Kuleba (UKRGOV):" in html  # the quote is marked with its speaker


def test_query_time_is_limited(web_db):
    from parley.web.db import QueryTimeout, Readers

    readers = Readers(web_db, timeout=0.3, size=2)
    try:
        t = time.monotonic()
        with pytest.raises(QueryTimeout, match="longer than 0.3 s"):
            with readers.reading() as store:
                store.query("SELECT COUNT(*) FROM range(100000000000) a")
        assert time.monotonic() - t < 10
        with readers.reading() as store:  # the connection is usable again
            assert store.query("SELECT COUNT(*) FROM events")[1][0][0] > 0
    finally:
        readers.close()


def test_a_missing_store_is_refused_and_not_created(tmp_path):
    from parley.web import create_app

    with pytest.raises(errors.StoreError, match="no such store"):
        create_app(str(tmp_path / "typo.duckdb"))
    assert not (tmp_path / "typo.duckdb").exists()


@pytest.mark.postgres
def test_the_explorer_over_postgresql(pg_target, fill_store):
    from fastapi.testclient import TestClient

    from parley.web import create_app

    fill_store(pg_target)
    with TestClient(create_app(pg_target, timeout=5)) as c:
        assert c.get("/api/events", params={"actor": "RUS"}).json()["total"] == 5
        assert c.get("/api/dyad", params={"a": "RUS", "b": "UKR", "by": "month"}).json()["periods"]
        assert "accused" in c.get("/documents/border").text
        assert c.get("/api/events", params={"q": "'; DROP TABLE events; --"}).json()["total"] == 0
        assert c.get("/api/events").json()["total"] > 0


def test_the_events_page_counts_exactly_over_a_duckdb_store(client):
    exact = client.get("/api/events?limit=2").json()["total"]
    assert exact > 3
    assert f"1–2 of {exact}" in client.get("/events?limit=2").text  # a snapshot counts every match
    text = client.get("/events?limit=2&q=the").text  # a text search is not counted; its pages go on
    assert "1–2, more on the next pages" in text and 'rel="next"' in text


@pytest.mark.postgres
def test_the_events_page_says_over_when_counting_stopped(pg_target, fill_store, monkeypatch):
    from fastapi.testclient import TestClient

    from parley.store import browse
    from parley.web import create_app

    fill_store(pg_target)
    monkeypatch.setattr(browse, "COUNT_CAP", 3)
    with TestClient(create_app(pg_target, timeout=5)) as c:
        html = c.get("/events?limit=2").text
        assert "1–2 of over 3" in html and 'rel="next"' in html
        assert c.get("/api/events?limit=2").json()["total"] > 3  # the API counts exactly
        text = c.get("/events?limit=2&q=the").text
        assert "1–2, more on the next pages" in text and 'rel="next"' in text
