"""Date resolution against the publication date, never the day the program runs."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.when import event_date, parse_published, resolve

PUB = dt.date(2024, 7, 17)  # a Wednesday


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("Saturday", dt.date(2024, 7, 13)),
        ("on Monday", dt.date(2024, 7, 15)),
        ("Wednesday", dt.date(2024, 7, 17)),
        ("last Wednesday", dt.date(2024, 7, 10)),
        ("yesterday", dt.date(2024, 7, 16)),
        ("last week", dt.date(2024, 7, 10)),
        ("two days ago", dt.date(2024, 7, 15)),
        ("3 weeks ago", dt.date(2024, 6, 26)),
        ("earlier this month", PUB),
        ("July 4", dt.date(2024, 7, 4)),
        ("4 July 2023", dt.date(2023, 7, 4)),
        ("March 12, 2022", dt.date(2022, 3, 12)),
        ("December 30", dt.date(2023, 12, 30)),  # past event: last year's December
        ("last year", None),
        ("in March", None),
        ("2019", None),
    ],
)
def test_resolve(expression, expected):
    assert resolve(expression, PUB) == expected


def test_future_weekday_goes_forward():
    assert resolve("Friday", PUB, future=True) == dt.date(2024, 7, 19)


def test_without_publication_date_relative_expressions_are_unknown():
    assert resolve("Saturday", None) is None
    assert resolve("yesterday", None) is None
    assert resolve("4 July 2023", None) == dt.date(2023, 7, 4)


@pytest.mark.parametrize("value, expected", [("2024-07-13", dt.date(2024, 7, 13)), ("2024-07-13T10:00:00Z", dt.date(2024, 7, 13)),
                                             ("13 July 2024", dt.date(2024, 7, 13)), ("not a date", None), (None, None), ("", None)])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "sentence, word, expected",
    [
        ("Poland expelled two Belarusian diplomats on Saturday.", "expelled", dt.date(2024, 7, 13)),
        ("On Monday, Chile recalled its envoy.", "recalled", dt.date(2024, 7, 15)),
        ("Ghana said on Tuesday that Togo had closed the border.", "said", dt.date(2024, 7, 16)),
        ("Peru recalled its envoy.", "recalled", PUB),
    ],
)
def test_event_date_from_the_clause(nlp, sentence, word, expected):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    assert event_date(doc, token, PUB) == expected


def test_no_publication_date_and_no_date_gives_none(nlp):
    doc = nlp("Peru recalled its envoy.")
    assert event_date(doc, doc[1], None) is None


DATED = ("Russia condemned Ukraine on Monday. On 4 July 2023 France and Germany met in Paris for two days. "
         "Last week Japan pledged aid, and yesterday the Philippines thanked Tokyo. The talks ended. "
         "Egypt will host a summit next month.")


def test_sentence_entities_are_doc_ents_of_the_sentence(nlp):
    from parley.when import sentence_entities

    doc = nlp(DATED)
    for sent in doc.sents:
        for label in ("DATE", "GPE"):
            expected = [(e.start, e.end, e.label_) for e in doc.ents
                        if e.label_ == label and e.start >= sent.start and e.end <= sent.end]
            assert [(e.start, e.end, e.label_) for e in sentence_entities(sent, label)] == expected


class _NoEnts:
    """A Doc whose ``ents`` must not be read: building them all for each event made dating quadratic."""

    def __init__(self, doc):
        self._doc = doc

    def __getattr__(self, name):
        if name == "ents":
            raise AssertionError("doc.ents read for one event's date")
        return getattr(self._doc, name)


def test_dating_an_event_reads_only_its_sentence(nlp):
    from parley.when import clause_date_expression

    doc = nlp(DATED)
    [condemned] = [t for t in doc if t.lemma_ == "condemn"]
    assert clause_date_expression(_NoEnts(doc), condemned).text == "Monday"
    assert event_date(_NoEnts(doc), condemned, PUB) == dt.date(2024, 7, 15)
