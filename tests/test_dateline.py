from __future__ import annotations

import pytest

from parley.dateline import find_dateline, masked


@pytest.mark.parametrize(
    "text, place, date",
    [
        ("KYIV, March 3 (Reuters) - Ukraine said on Monday ...", "KYIV", "March 3"),
        ("BERLIN — Germany and France signalled ...", "BERLIN", None),
        ("Moscow — Officials in the capital said ...", "Moscow", None),
        ("NEW DELHI, Jan. 5, 2025 (AP) -- India and ...", "NEW DELHI", "Jan. 5, 2025"),
        ("Russia — a country of eleven time zones — said ...", None, None),
        ("Russia and China condemned the strike.", None, None),
        ("", None, None),
    ],
)
def test_find_dateline(text, place, date):
    found = find_dateline(text)
    if place is None:
        assert found is None
        return
    assert found is not None
    span, got_place, got_date = found
    assert (got_place, got_date) == (place, date)
    assert text[span.start : span.end] == span.text


def test_masking_keeps_offsets():
    text = "BERLIN — Germany and France signalled their readiness."
    hidden = masked(text)
    assert len(hidden) == len(text)
    assert hidden.lstrip().startswith("Germany")
    assert hidden[text.index("France"):].startswith("France")


def test_agency_dateline_without_a_dash_is_hidden_from_the_parser():
    from parley.dateline import find_dateline

    found = find_dateline("Washington, Feb 24 (PTI) Russian officials said nothing.")
    assert found is not None and found[0].text == "Washington, Feb 24 (PTI) " and found[2] == "Feb 24"
    assert find_dateline("Russia (officially) said nothing.") is None
