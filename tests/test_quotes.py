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
        'He said Abiy\'s remarks were meant to "distract the public" from economic problems.',
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


# -- the speaker is the mention the text names (issue 15) ---------------------------------------------------------
# (text, kind, words of the quote, speaker as written, speaker code or None); sentences of our own
SPEAKER_PATTERNS = [
    # the cue's subject, before the quote: the whole phrase, apposition included
    ('The union\'s spokeswoman, Ana Ruiz, said: "We will strike on Monday."',
     "direct", "We will strike on Monday.", "The union's spokeswoman, Ana Ruiz", None),
    # post-posed and inverted attribution ("dock workers" gives the role, labour)
    ('"We will strike on Monday," said Ana Ruiz, a spokeswoman for the dock workers.',
     "direct", "We will strike on Monday", "Ana Ruiz, a spokeswoman for the dock workers", "LAB"),
    # a role phrase nobody lists: its words, no code
    ('"The talks are over," a senior official said.', "direct", "The talks are over", "a senior official", None),
    # a full name with its title is one mention, resolved by the dictionary
    ('"The border will stay open," Chinese President Xi Jinping said.',
     "direct", "The border will stay open", "Chinese President Xi Jinping", "CHNGOV"),
    # "according to": the rest of the sentence is what the medium reports
    ("According to the Daily Courier, the mayor resigned on Friday.",
     "according-to", "the mayor resigned on Friday", "the Daily Courier", None),
    # reported speech from a speaker outside the dictionaries, before and after its clause
    ("The farmers' association said that grain prices had fallen by half.",
     "indirect", "grain prices had fallen by half", "The farmers' association", None),
    ("Grain prices had fallen by half, the farmers' association said.",
     "indirect", "Grain prices had fallen by half", "the farmers' association", None),
    # a medium reporting (the dictionary knows the role, not the country)
    ("Protesters blocked the main bridge for six hours, the state broadcaster reported.",
     "indirect", "Protesters blocked the main bridge for six hours", "the state broadcaster", "MED"),
    # "urged X to ...": the object and its infinitive
    ("The river council urged the two towns to share the water supply.",
     "indirect", "the two towns to share the water supply", "The river council", None),
    # nested attribution: the radio quotes the colonel, the colonel speaks
    ("A local radio station quoted Colonel Omar Diallo as saying that the road was closed.",
     "indirect", "the road was closed", "Colonel Omar Diallo", None),
    # a relative pronoun stands for the noun it hangs on
    ("The plan was drafted by the water board, which insists that the dam is safe.",
     "indirect", "the dam is safe", "the water board", None),
]


@pytest.mark.parametrize("text, kind, words, speaker, code", SPEAKER_PATTERNS)
def test_the_speaker_is_the_mention_the_text_names(code_text, text, kind, words, speaker, code):
    coded = code_text(text)
    [quote] = [q for q in coded.quotes if q.text == words]
    assert quote.kind == kind
    assert quote.speaker is not None and quote.speaker.text == speaker and quote.speaker.code == code
    assert text[quote.speaker.start : quote.speaker.end] == speaker
    assert text[quote.start : quote.end] == words


def test_a_pronoun_speaks_for_the_last_person_named_before_it(code_text):
    text = 'Tomas Brandt, a historian at the city university, spoke at the rally. "Nobody expected this," he said.'
    [quote] = [q for q in code_text(text).quotes if q.kind == "direct"]
    assert quote.speaker.text == "he" and quote.speaker.name == "Tomas Brandt" and quote.speaker.code is None


def test_a_pronoun_skips_a_person_of_the_other_gender(code_text):
    text = 'Mr Paulo Reyes met Ms Ines Varga on Tuesday. "We found no agreement," she said.'
    [quote] = [q for q in code_text(text).quotes if q.kind == "direct"]
    assert quote.speaker.text == "she" and quote.speaker.name == "Ines Varga"


def test_a_split_quote_is_one_quote_with_its_parts_joined(code_text):
    text = '"We are ready to talk," the harbour master said. "But we will not wait forever."'
    [quote] = [q for q in code_text(text).quotes if q.kind == "direct"]
    assert quote.text == "We are ready to talk But we will not wait forever."
    assert quote.speaker.text == "the harbour master"


def test_a_quote_that_continues_in_the_next_paragraph_keeps_its_speaker(code_text):
    text = '"We will rebuild the bridge," said Mayor Lena Koval.\n\n"It will take two years, perhaps three."'
    quotes = [q for q in code_text(text).quotes if q.kind == "direct"]
    assert [q.text for q in quotes] == ["We will rebuild the bridge", "It will take two years, perhaps three."]
    assert [q.speaker.text for q in quotes] == ["Mayor Lena Koval", "Mayor Lena Koval"]


def test_a_sentence_ending_in_a_colon_introduces_the_quote_after_it(code_text):
    text = 'The shipping company said in a statement:\n\n"Our ports will stay open through the winter."'
    [quote] = [q for q in code_text(text).quotes if q.kind == "direct"]
    assert quote.speaker.text == "The shipping company"


def test_an_unattributed_quote_gets_no_speaker_rather_than_a_nearby_actor(code_text):
    text = 'Crowds gathered outside the French embassy at noon.\n\n"This city belongs to all of its people."'
    [quote] = [q for q in code_text(text).quotes if q.kind == "direct"]
    assert quote.speaker is None


def test_a_quoted_fragment_inside_reported_speech_is_part_of_one_indirect_quote(code_text):
    coded = code_text('The judge said the new rent law was "plainly unfair" to tenants.')
    assert [(q.kind, q.text) for q in coded.quotes] == [("indirect", 'the new rent law was "plainly unfair" to tenants')]


def test_a_quoted_noun_phrase_object_is_not_a_quotation(code_text):
    coded = code_text('The coast guard called for "strong measures" against the smugglers.')
    assert coded.quotes == ()
    coded = code_text('The senator called the plan "the most reckless idea this chamber has seen in a decade".')
    assert coded.quotes == ()


def test_the_owner_of_a_statement_claiming_something_is_its_speaker(code_text):
    coded = code_text("Oslo's envoy praised Chile's latest statement claiming it \u201cwill do what it can\u201d to end "
                      "the strike.")
    assert [q.speaker.text.removesuffix("'s") for q in coded.quotes if q.speaker] == ["Chile"]


def test_a_clause_on_the_object_of_hinting_at_is_not_reported_speech(code_text):
    coded = code_text("The minister noted that the budget is becoming \u201ctighter,\u201d hinting at cuts in regional "
                      "programmes that Madrid believes could grow.")
    assert [(q.speaker.text, q.text) for q in coded.quotes] == [("The minister",
                                                                 "the budget is becoming \u201ctighter,\u201d")]


def test_a_dateline_stays_out_of_the_quote(code_text):
    text = "LAGOS (Reuters) - The dock workers' union said the strike would go ahead on Monday."
    [quote] = code_text(text).quotes
    assert quote.text == "the strike would go ahead on Monday" and quote.speaker.text == "The dock workers' union"


@pytest.mark.parametrize("sentence, evidence", [
    ("” Russian troops shelled the village on Monday. ", "Russian troops shelled the village on Monday."),
    ('" Russian troops shelled the village on Monday.', "Russian troops shelled the village on Monday."),
    ('He said "the village was shelled."', 'He said "the village was shelled."'),  # its own marks stay
])
def test_evidence_has_no_closing_mark_of_the_sentence_before(sentence, evidence):
    from parley.events.coder import evidence_text

    assert evidence_text(sentence) == evidence
