"""Property-based: whatever a client puts in the API's filters (quotes, SQL, LIKE wildcards, any Unicode), the
answer is a 200 whose events match the filters as Python reads them, or a 400 that says why; never a 500,
and the store is the same afterwards. Values reach the database as parameters, so text is only ever text."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SQLISH = ["'", "''", "\"", ";", "--", "%", "_", "\\", "' OR '1'='1", "RUS' OR 1=1 --", "'; DROP TABLE events; --",
          "UKR%", "R_S", "*/", "/*", "\x00", "NULL", "$1", "%s", "?", "RUS", "UKR", "TUR", "SWE", "border", "talks"]
text = st.one_of(st.sampled_from(SQLISH), st.text(max_size=30),
                 st.builds(lambda a, b: a + b, st.sampled_from(SQLISH), st.text(max_size=10)))
maybe_date = st.one_of(st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2025, 1, 1)).map(dt.date.isoformat),
                       text)
params = st.fixed_dictionaries({}, optional={
    "actor": text, "source": text, "target": text, "dyad": text, "root": st.one_of(st.sampled_from(["03", "11", "19"]), text),
    "code": st.one_of(st.sampled_from(["036", "1123", "19"]), text), "quad": st.one_of(st.sampled_from(["1", "3", "4"]), text),
    "modality": st.one_of(st.sampled_from(["asserted", "hypothetical", "intended"]), text), "from": maybe_date,
    "to": maybe_date, "outlet": text, "q": text, "occurred": st.sampled_from(["true", "false", "1", "yes", "x"]),
    "limit": st.one_of(st.integers(-5, 1200).map(str), text), "offset": st.one_of(st.integers(-5, 50).map(str), text),
})


def _keeps(e: dict, p: dict) -> bool:
    """Whether event ``e`` matches the filters ``p``, as Python reads them."""
    def code(v):
        return v.strip().upper()

    for side, names in (("actor", ("source_code", "target_code")), ("source", ("source_code",)),
                        ("target", ("target_code",))):
        if p.get(side, "").strip() and not any((e[n] or "").startswith(code(p[side])) for n in names):
            return False
    if p.get("dyad", "").strip():
        a, b = [code(x) for x in p["dyad"].replace(",", " ").split()]
        s, t = e["source_code"] or "", e["target_code"] or ""
        if not ((s.startswith(a) and t.startswith(b)) or (s.startswith(b) and t.startswith(a))):
            return False
    if p.get("root", "").strip() and e["root"] != p["root"].strip():
        return False
    if p.get("code", "").strip() and not e["cameo"].startswith(p["code"].strip()):
        return False
    if p.get("quad", "").strip() and e["quad_class"] != int(p["quad"]):
        return False
    if p.get("modality", "").strip() and e["modality"] != p["modality"].strip():
        return False
    if p.get("from", "").strip() and not (e["event_date"] and e["event_date"] >= p["from"].strip()):
        return False
    if p.get("to", "").strip() and not (e["event_date"] and e["event_date"] <= p["to"].strip()):
        return False
    if p.get("q", "").strip() and p["q"].strip().lower() not in e["evidence"].lower():
        return False
    if p.get("occurred") in ("true", "1", "yes") and not e["occurred"]:
        return False
    return True


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(p=params)
def test_api_filters_are_parameters_never_sql(client, p):
    everything = client.get("/api/events", params={"limit": 1000}).json()
    r = client.get("/api/events", params=p)
    assert r.status_code in (200, 400), (p, r.status_code, r.text[:300])
    if r.status_code == 400:
        assert r.json()["error"]
        return
    body = r.json()
    for e in body["events"]:
        assert _keeps(e, p), (p, e["id"])
    if not p.get("outlet", "").strip() and p.get("q", "").isascii():
        expected = [e for e in everything["events"] if _keeps(e, p)]
        assert body["total"] == len(expected), p
    after = client.get("/api/events", params={"limit": 1000}).json()
    assert after["total"] == everything["total"]  # nothing was changed or dropped


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speaker=st.one_of(st.none(), text), q=st.one_of(st.none(), text), a=text, b=text,
       by=st.sampled_from(["day", "week", "month", "year", "x'"]))
def test_quotes_dyad_and_actor_routes_take_any_text(client, speaker, q, a, b, by):
    quotes = client.get("/api/quotes", params={k: v for k, v in (("speaker", speaker), ("q", q)) if v is not None})
    assert quotes.status_code in (200, 400)
    if quotes.status_code == 200 and q and q.strip() and q.isascii():
        assert all(q.strip().lower() in x["text"].lower() for x in quotes.json()["quotes"])
    dyad = client.get("/api/dyad", params={"a": a, "b": b, "by": by})
    assert dyad.status_code in (200, 400), dyad.text[:300]
    if dyad.status_code == 200:
        assert by in ("day", "week", "month") and all(x["events"] > 0 for x in dyad.json()["periods"])
    actor = client.get("/api/actors/" + quote(a, safe=""))
    assert actor.status_code in (200, 400, 404), actor.text[:300]
