"""The explorer in a real browser: Debian's Chromium, headless, driven by Playwright against the app served by
uvicorn on 127.0.0.1. A reader filters the events table, opens a document and sees its highlights, clicks a
point of a dyad's chart and gets its events; hostile article text runs nothing. Each test leaves a screenshot
in test-artifacts/web/."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow


def test_filter_the_events_table(page, server):
    page.goto(f"{server.url}/events")
    total = int(re.search(r"of (\d+)", page.locator("p.pager").first.inner_text()).group(1))
    assert page.locator("tr.event-row").count() == total > 5
    page.fill("input[name=actor]", "rus")
    page.select_option("select[name=quad]", "4")
    page.click("#apply")
    page.wait_for_url(re.compile(r".*quad=4.*"))
    rows = page.locator("tr.event-row")
    assert rows.count() == 1
    assert "Russian troops attacked Ukrainian soldiers" in rows.first.inner_text()
    assert page.input_value("input[name=actor]") == "rus"  # the form keeps what the reader typed
    # the text filter, case-insensitive, keeps the other filters' form in the address
    page.fill("input[name=actor]", "")
    page.select_option("select[name=quad]", "")
    page.fill("input[name=q]", "HUMANITARIAN")
    page.click("#apply")
    page.wait_for_url(re.compile(r".*q=HUMANITARIAN.*"))
    assert page.locator("tr.event-row").count() == 1
    assert "Canada sent humanitarian supplies" in page.locator("tr.event-row").inner_text()


def test_open_a_document_and_see_its_highlights(page, server):
    page.goto(f"{server.url}/events?source=RUS&code=1123")
    page.click("tr.event-row a.evidence-link")
    page.wait_for_url(re.compile(r".*/documents/border#ev-.*"))
    assert page.locator("h1").inner_text() == "Shelling claims at the border"
    trigger = page.locator("#text mark.trigger", has_text="accused")
    assert trigger.count() == 1 and trigger.is_visible()
    title = trigger.get_attribute("title")
    assert "1123" in title and "confidence" in title and "Russia (RUS)" in title
    # a highlight is drawn: the trigger has a background colour the plain text has not
    colour = trigger.evaluate("el => getComputedStyle(el).backgroundColor")
    plain = page.locator("#text").evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour != plain and colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#text mark.source", has_text="Russia").count() >= 1
    assert page.locator("#text mark.target", has_text="Ukraine").count() >= 1
    quote = page.locator("#text mark.quote")
    assert quote.count() == 1 and "Kuleba" in quote.get_attribute("title")
    assert "Dmytro Kuleba (UKRGOV)" in page.locator("#text .speaker-tag").inner_text()
    # the event the reader came from is the target of the address, and so is highlighted in the list
    target_id = page.evaluate("location.hash").lstrip("#")
    assert page.locator(f"li#{target_id}").is_visible()
    assert page.locator("a.original").get_attribute("href") == "https://news.example/border"


def test_click_a_dyad_point_and_get_its_events(page, server):
    page.goto(f"{server.url}/dyad")
    page.fill("input[name=a]", "RUS")
    page.fill("input[name=b]", "UKR")
    page.select_option("select[name=by]", "week")
    page.click("form.filters button")
    page.wait_for_selector("#dyad-chart")
    points = page.locator("#dyad-chart g.events circle.point")
    assert points.count() == 4  # three weeks; one of them with events both ways
    point = page.locator('#dyad-chart g.events circle.point[data-period="2024-03-18"][data-dir="ab"]')
    assert "2 events" in point.locator("title").text_content()
    point.click()
    page.wait_for_selector("#events tr.event-row")
    assert "2024-03-18 to 2024-03-24" in page.locator("#events h2").inner_text()
    rows = page.locator("#events tr.event-row")
    assert rows.count() == 2
    texts = rows.all_inner_texts()
    assert any("attacked" in t for t in texts) and any("praised" in t for t in texts)
    assert page.locator("#dyad-chart g.gap rect.gap-bar").count() == 3


def test_hostile_article_text_runs_nothing(page, server):
    for url in ("/documents/hostile", "/events?actor=SWE", "/quotes", "/actors/SWE", "/events?q=%3Cscript%3E"):
        page.goto(server.url + url)
        page.wait_for_load_state("load")
        for el in page.locator("mark, td, li, h1, p").all()[:60]:
            el.hover(timeout=2000, force=True)  # an onmouseover would fire here
        assert page.evaluate("window.pwned") is None, url
        assert page.evaluate("document.scripts.length") == 0, url
        assert page.locator("img").count() == 0, url  # the <img onerror> of the text is text, not an image
    assert page.dialogs == []
    page.goto(f"{server.url}/documents/hostile")
    body = page.locator("#text").inner_text()
    assert "<script>window.pwned = 1</script>" in body and "<img src=x onerror=" in body  # shown, as text
    assert page.locator("a[href^='javascript']").count() == 0
    assert "javascript:window.pwned=5" in page.locator("code.url").inner_text()
