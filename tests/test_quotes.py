"""Quotations: styles, speakers, multi-paragraph quotes, unbalanced marks, scare quotes."""

from __future__ import annotations

import pytest

from parley.quotes import find_raw_quotes


def quotes_of(code_text, text):
    return code_text(text).quotes


@pytest.mark.parametrize(
    "text, quoted",
    [
        ('Ghana\'s president said: "We will not accept these terms."', ["We will not accept these terms."]),
        ("The envoy said “talks must resume soon” before leaving.", ["talks must resume soon"]),
        ("«Nous restons prêts», the French minister told reporters.", ["Nous restons prêts"]),
        ("The general said ‘our forces are ready to respond at once’ on Friday.", ["our forces are ready to respond at once"]),
        ("It wasn't clear what the minister's aides meant.", []),
    ],
)
def test_quote_styles(text, quoted):
    raws, warnings = find_raw_quotes(text)
    assert [text[r.start : r.end] for r in raws] == quoted
    assert warnings == []


def test_quote_spanning_paragraphs_news_style():
    text = "“We will defend every village,” the mayor said. “We have no other choice.\n\n“Our people will stay.”"
    raws, warnings = find_raw_quotes(text)
    assert warnings == []
    assert [text[r.start : r.end] for r in raws][-2:] == ["We have no other choice.", "Our people will stay."]


def test_unbalanced_paragraph_is_skipped_with_a_warning():
    text = "The minister said “this will not stand.\n\nOfficials later declined to comment."
    raws, warnings = find_raw_quotes(text)
    assert raws == []
    assert warnings and warnings[0].code == "W102" and "paragraph 1" in warnings[0].message


@pytest.mark.parametrize(
    "text, speaker_code, speaker_name",
    [
        ('Kremlin spokesman Dmitry Peskov said: "Contacts continue at the expert level."', "RUSGOV", "Dmitry Peskov"),
        ('"Contacts continue at the expert level," Kremlin spokesman Dmitry Peskov said.', "RUSGOV", "Dmitry Peskov"),
        ('"Contacts continue at the expert level," said Kremlin spokesman Dmitry Peskov.', "RUSGOV", "Dmitry Peskov"),
    ],
)
def test_speaker_from_the_cue_verb(code_text, text, speaker_code, speaker_name):
    [quote] = [q for q in quotes_of(code_text, text) if q.kind == "direct"]
    assert quote.speaker.code == speaker_code and quote.speaker.name == speaker_name
    # the closing comma of a quote before its attribution is punctuation of the sentence, not of the quote
    assert quote.text.rstrip(".") == "Contacts continue at the expert level"


def test_pronoun_speaker_resolved_to_the_last_person(code_text):
    text = 'Dmitry Peskov met reporters on Monday. "Nothing has been decided yet," he said.'
    [quote] = [q for q in quotes_of(code_text, text) if q.kind == "direct"]
    assert quote.speaker.code == "RUSGOV" and quote.speaker.name == "Dmitry Peskov"


def test_indirect_quote_and_according_to(code_text):
    coded = code_text("Turkey said that Sweden had not met its commitments. According to Iran, the talks failed.")
    kinds = {(q.kind, q.speaker.code[:3] if q.speaker else None) for q in coded.quotes}
    assert ("indirect", "TUR") in kinds and ("according-to", "IRN") in kinds


def test_scare_quotes_are_ignored(code_text):
    coded = code_text('The so-called "peace plan" was published in full.')
    assert [q for q in coded.quotes if q.kind == "direct"] == []


def test_events_link_to_their_quote(code_text):
    coded = code_text('"We condemn Israel for this strike," Egypt\'s foreign minister said.')
    [quote] = [q for q in coded.quotes if q.kind == "direct"]
    linked = [e for e in coded.events if e.quote == quote.id]
    assert linked and linked[0].root == "11"


@pytest.mark.parametrize(
    "text",
    [
        # the cue's subject is a person the dictionary does not know: not the nearest actor (Niger)
        'Ms Okonkwo-Baptiste claimed that the bloc had no plan to invade Niger and would "restore order" there.',
        # an unresolved pronoun: not the Ethiopian leader the sentence names
        'He called Abiy\'s remarks an attempt to "distract the public" from economic problems.',
    ],
)
def test_a_named_speaker_we_cannot_resolve_is_not_replaced_by_a_nearby_actor(code_text, text):
    coded = code_text(text, published="2025-05-01")
    assert coded.quotes, coded
    # the speaker is the mention the text names, with no code: never Niger or Ethiopia
    assert all(q.speaker is not None and q.speaker.code is None for q in coded.quotes), coded.quotes
    assert {q.speaker.text for q in coded.quotes} <= {"Ms Okonkwo-Baptiste", "He"}


def test_described_speaker_still_falls_back_to_the_actor_named_before(code_text):
    coded = code_text('Kenya\'s foreign ministry issued a statement. "We will not accept this," it said.',
                      published="2025-05-01")
    assert [q.speaker.code[:3] for q in coded.quotes if q.speaker] == ["KEN"]
