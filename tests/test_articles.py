"""Whole articles, read as a careful analyst would: the spine's acceptance tests.

The example article in ../shared is read at test time (never copied); the same behaviours are asserted on
articles of our own that always ship with the repository.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.events.coder import counts_as_occurred

REPO = Path(__file__).resolve().parent.parent


def asserted(coded, root=None, source=None, target=None):
    """Events that count as having happened, filtered by root and actor country prefixes."""
    out = []
    for e in coded.events:
        if not counts_as_occurred(e):
            continue
        if root and e.root != root:
            continue
        if source and not (e.source and e.source.code.startswith(source)):
            continue
        if target and not (e.target and e.target.code.startswith(target)):
            continue
        out.append(e)
    return out


def sentence_events(coded, fragment):
    """Events coded from the sentence containing ``fragment``."""
    return [e for e in coded.events if fragment in e.evidence]


# --- the example article of ../shared ---------------------------------------------------------------


@pytest.fixture(scope="module")
def example(shared_dir, code_text):
    text = (shared_dir / "examples" / "kremlin-summit-signal.txt").read_text(encoding="utf-8")
    return code_text(text, published=dt.date(2024, 7, 13))


def test_example_kremlin_ready_for_dialogue_with_washington(example):
    events = asserted(example, root="03", source="RUS", target="USA")
    assert events, [(e.source, e.cameo, e.target, e.modality) for e in example.events]


def test_example_moscow_criticises_us_weapons(example):
    assert asserted(example, root="11", source="RUS", target="USA")


def test_example_us_arms_ukraine(example):
    assert asserted(example, root="07", source="USA", target="UKR")


def test_example_russia_sets_conditions(example):
    assert asserted(example, root="10", source="RUS")


@pytest.mark.parametrize("fragment", ["speculation", "Should both leaders"])
def test_example_speculation_and_hypothetical_yield_no_asserted_event(example, fragment):
    events = [e for e in sentence_events(example, fragment) if counts_as_occurred(e)]
    assert events == []


def test_example_peskov_quote_attributed(example):
    quotes = [q for q in example.quotes if "surely" in q.text]
    assert len(quotes) == 1
    speaker = quotes[0].speaker
    assert speaker is not None and speaker.code == "RUSGOV" and speaker.name == "Dmitry Peskov"


def test_example_no_event_is_dated_today(example):
    assert all(e.date is None or e.date <= dt.date(2024, 7, 13) for e in example.events)


# --- our own article, always present ------------------------------------------------------------------


@pytest.fixture(scope="module")
def own(code_text):
    text = (REPO / "examples" / "summit-signal.txt").read_text(encoding="utf-8")
    return code_text(text, published=dt.date(2025, 9, 10))  # a Wednesday, Merz in office as chancellor


def test_own_readiness_for_talks_is_intent_to_negotiate_for_both_countries(own):
    events = asserted(own, root="03", target="CHN")
    assert {e.source.code[:3] for e in events} == {"DEU", "FRA"}
    assert all(e.cameo == "036" for e in events)
    assert all(e.date == dt.date(2025, 9, 9) for e in events)  # "on Tuesday"


def test_own_criticism_and_sanctions(own):
    assert {e.source.code[:3] for e in asserted(own, root="11", target="CHN")} >= {"DEU", "FRA"}
    assert asserted(own, root="16", source="EUR", target="CHN")


def test_own_accusation_and_shelling(own):
    assert asserted(own, root="11", source="CHN")
    shelling = asserted(own, root="19", source="UKR", target="RUS")
    assert shelling and shelling[0].date == dt.date(2025, 9, 8)  # "on Monday"
    assert asserted(own, root="11", source="RUS", target="UKR")


@pytest.mark.parametrize("fragment", ["may already have begun", "If the dispute", "did not threaten"])
def test_own_speculation_hypothetical_negation_not_asserted(own, fragment):
    assert [e for e in sentence_events(own, fragment) if counts_as_occurred(e)] == []


def test_own_hypothetical_and_negated_events_are_kept_with_their_modality(own):
    modalities = {e.modality for e in sentence_events(own, "If the dispute")}
    assert modalities == {"hypothetical"}
    assert {e.modality for e in sentence_events(own, "did not threaten")} == {"negated"}


def test_own_quote_attributed_to_merz(own):
    # reported speech holding a quoted fragment is one indirect quote (ANNOTATION.md § Quotations), its marks paired
    [quote] = [q for q in own.quotes if "could come before the summer" in q.text]
    assert quote.kind == "indirect" and quote.text.startswith("a meeting with Chinese President Xi Jinping")
    assert quote.text.endswith('summer,"')
    assert not [q for q in own.quotes if q.kind == "direct"]
    assert quote.speaker.code == "DEUGOV" and quote.speaker.name == "Friedrich Merz"
    assert quote.speaker.text == "German Chancellor Friedrich Merz"  # the whole name with its title, one mention


def test_every_event_points_at_its_evidence(own):
    text = own.document.text
    for e in own.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.trigger.text in e.evidence and e.evidence in text
        assert e.source is None or text[e.source.start : e.source.end] == e.source.text
        assert e.rule and 0 < e.confidence <= 1
