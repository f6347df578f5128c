"""parley's own entity finders: dates, places, nationalities, organisations and people, as the stages read them."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    from parley.nlp import load

    return load(statistical_ner=False)


def _ents(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, expected", [
    ("Officials met last Thursday to discuss the truce.", {("last Thursday", "DATE")}),
    ("On 10 May, the ministers signed the accord.", {("10 May", "DATE")}),
    ("The strike came on September 15, 2025, the army said.", {("September 15, 2025", "DATE")}),
    ("The envoy left two days ago after the talks.", {("two days ago", "DATE")}),
    ("The ministers met earlier this week.", {("earlier this week", "DATE")}),
    ("Talks resumed yesterday.", {("yesterday", "DATE")}),
    ("The vote was held in 2019.", {("2019", "DATE")}),
    ("The ceasefire lasted for 30 days.", {("30 days", "DATE")}),
    ("The council met this morning.", {("this morning", "TIME")}),
    ("Delegates may attend the summit.", set()),  # "may" the verb is no month
])
def test_dates(nlp, text, expected):
    assert {e for e in _ents(nlp, text) if e[1] in ("DATE", "TIME")} == expected


def test_places_people_and_organisations(nlp):
    found = _ents(nlp, "Syrian President Bashar al-Assad met Prime Minister Chaudhry in Tokyo, "
                       "the Foreign Ministry said.")
    assert {("Syrian", "NORP"), ("Bashar al-Assad", "PERSON"), ("Chaudhry", "PERSON"), ("Tokyo", "GPE"),
            ("Foreign Ministry", "ORG")} <= found


def test_a_city_inside_a_name_is_no_place(nlp):
    # Vladimir is a Russian city, Lula a name that the gazetteer also lists
    assert ("Vladimir Putin", "PERSON") in _ents(nlp, "Vladimir Putin spoke to reporters.")
    assert not any(label == "GPE" for _text, label in _ents(nlp, "Luiz Inácio Lula da Silva spoke to reporters."))


def test_countries_with_their_article_and_unlisted_places(nlp):
    found = _ents(nlp, "French police arrived in New Caledonia, then in the West Bank and in the Strait of Hormuz.")
    assert ("New Caledonia", "GPE") in found and ("the West Bank", "GPE") in found
    assert ("the Strait of Hormuz", "LOC") in found


def test_hyphenated_names_are_split_between_two_names(nlp):
    found = _ents(nlp, "The Israeli-Hezbollah truce held, envoy Rene Degni-Segui said.")
    assert ("Rene Degni-Segui", "PERSON") in found
    assert not any("Israeli-Hezbollah" in text for text, _label in found)


@pytest.mark.parametrize("text, person", [
    # a surname the dictionary lists alone keeps the given names before it
    ("Interim leader Ahmad al-Sharaa met the envoys in the capital.", "Ahmad al-Sharaa"),
    # an organisation word before a title is no organisation: the name after the title is a person
    ("Norwegian Defence Minister Ola Brekke visited the base.", "Ola Brekke"),
    # particles do not count towards the length of a name
    ("Deputy Premier Ana Lucia de la Fuente Ortega opened the session.", "Ana Lucia de la Fuente Ortega"),
])
def test_people_named_after_titles(nlp, text, person):
    assert (person, "PERSON") in _ents(nlp, text)


def test_a_lone_organisation_word_opening_a_sentence_is_no_name(nlp):
    assert not any(label == "ORG" for _text, label in _ents(nlp, "Police said the road would reopen soon."))
    assert ("Interior Ministry", "ORG") in _ents(nlp, "The Interior Ministry said the road would reopen soon.")


@pytest.mark.parametrize("text", [
    "Soldiers patrolled the villages in disputed Kashmir on Sunday.",
    "Two schools closed in Indian-administered Kashmir after the storm.",
])
def test_an_unlisted_place_after_a_preposition_and_its_modifiers(nlp, text):
    assert ("Kashmir", "LOC") in _ents(nlp, text)


def test_the_event_takes_its_date_and_place_from_them():
    import datetime as dt

    from parley.model import Document
    from parley.pipeline import Coder, Options

    coder = Coder(Options(use_model=False, statistical_ner=False))
    coded = coder.analyse(Document(text="Japan signed a trade agreement with Vietnam in Hanoi last Thursday.",
                                   published=dt.date(2024, 7, 13))).coded
    event = next(e for e in coded.events if e.source.code.startswith("JPN"))
    assert str(event.date) == "2024-07-11" and event.location.name == "Hanoi" and event.location.country == "VNM"


def test_the_finders_are_the_default_and_the_statistical_ner_an_option():
    from parley.nlp import load
    from parley.pipeline import Options

    assert "parley_entities" in load().pipe_names and "ner" not in load().pipe_names
    assert "ner" in load(statistical_ner=True).pipe_names
    assert "parley_entities" not in load(statistical_ner=True).pipe_names
    assert Options().statistical_ner is False


def test_the_date_matcher_runs_around_date_words_with_the_same_matches(nlp):
    finder = nlp.get_pipe("parley_entities")
    doc = nlp("The envoys arrived on Tuesday, March 4, 2025 and left. Nothing was agreed there at all, and the "
              "delegates went home. A week later, on 12 March, they met again; two days ago the talks resumed.")
    assert finder.date_matches(doc) == finder.dates(doc)
    assert len(finder.date_matches(doc)) > 5


def test_verb_lemma_fixes_and_proper_noun_indices_read_from_the_arrays(nlp):
    from parley.nlp import propn_indices

    doc = nlp("Rebels staged an ambush near Kismayo while Amina Yusuf watched.")
    assert next(t for t in doc if t.text == "staged").lemma_ == "stage"
    assert propn_indices(doc) == [t.i for t in doc if t.pos_ == "PROPN"]
    assert propn_indices(nlp("")) == []
