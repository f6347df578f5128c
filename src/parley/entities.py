"""Named entities from parley's own finders, in place of spaCy's statistical NER.

spaCy's NER costs more than its tagger, parser and shared tok2vec together (about 45 % of the small model's
time on news), while parley reads only a few of its labels: DATE (event dates, temporal prepositions), GPE, LOC
and FAC (event places, concrete targets), PERSON (people named with a title, people acted on) and, as "a
name", the other labels. This component writes ``doc.ents`` from cheaper, checkable sources:

* DATE and TIME: a Matcher over date expressions (weekdays, months with days and years, "yesterday",
  "last week", "two days ago", "the past month", years, ISO dates), words from ``data/lexicon``;
* GPE: proper-noun runs that the gazetteer knows as a country or city, or the actor dictionary as a country,
  capital or region;
* ORG: proper-noun runs the actor dictionary names as an institution, organisation or group, or that hold an
  organisation word ("Ministry", "Council");
* PERSON: the remaining runs of two to four capitalised proper nouns (titles such as "President" left out), or a
  single one right after a title ("Prime Minister Chaudhry").

The labels and spans follow spaCy's conventions (the span of a name without its title, "the" outside), so the
stages that read ``ent_type_`` and ``doc.ents`` work unchanged. ``benchmarks/same_output.py`` and the
evaluation show what changes against the statistical NER (docs/speed.md).
"""

from __future__ import annotations

import functools
import re

from spacy.attrs import ORTH, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from parley import lexicon

MONTHS = lexicon.words("month-names")
WEEKDAYS = lexicon.words("weekday-names")
UNITS = lexicon.words("date-units")
MODIFIERS = lexicon.words("date-modifiers")
DAY_WORDS = lexicon.words("day-words")
TIMES_OF_DAY = lexicon.words("time-of-day")
ORG_WORDS = lexicon.words("organisation-words")
PLACE_WORDS = lexicon.words("place-words")
TITLE_SURNAMES = lexicon.words("title-surnames")
COMPASS_WORDS = lexicon.words("compass-words")
TITLE_WORDS = lexicon.words("title-words")
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "a", "an", "several", "few", "many", "some", "fifteen", "twenty", "thirty", "forty", "fifty"]
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]+(?:[-'’][^\W\d_]+)*\.?$|^(?:al|bin|ibn|de|da|van|von|der|el|la|le|du)$")
_PLACE_KINDS = ("country", "capital", "region")
_LOWER_PARTICLES = lexicon.words("name-particles")
_ORG_KINDS = ("institution", "igo", "group")


def _date_patterns() -> list[tuple[str, list[list[dict]]]]:
    month = {"LOWER": {"IN": sorted(MONTHS)}, "TAG": {"IN": ["NNP", "NNPS", "NN"]}}
    day = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
    year = {"TEXT": {"REGEX": r"^(1[89]|20)\d\d$"}}
    comma = {"TEXT": ",", "OP": "?"}
    modifier = {"LOWER": {"IN": sorted(MODIFIERS)}, "OP": "?"}
    number = {"LIKE_NUM": True}
    unit = {"LOWER": {"IN": sorted(UNITS)}}
    weekday = {"LOWER": {"IN": sorted(WEEKDAYS)}}
    return [
        ("DATE", [
            [modifier, weekday],
            [weekday, comma, month, day, comma, year],
            [modifier, month, day, comma, year],
            [modifier, month, day],
            [day, {"LOWER": "of", "OP": "?"}, month, comma, year],
            [day, {"LOWER": "of", "OP": "?"}, month],
            [modifier, month, year],
            [modifier, month],
            [modifier, {"LOWER": {"IN": ["this", "last", "next", "the"]}}, unit],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["past", "last", "next", "coming", "previous"]}}, number, unit],
            [number, unit, {"LOWER": "ago"}],
            [{"LOWER": {"IN": NUMBER_WORDS}}, unit, {"LOWER": "ago"}],
            [number, unit],
            [{"LOWER": {"IN": NUMBER_WORDS}}, unit],
            [{"LOWER": {"IN": sorted(DAY_WORDS)}}],
            [{"LOWER": "the", "OP": "?"}, {"TEXT": {"REGEX": r"^(1[89]|20)\d0s$"}}],
            [{"TEXT": {"REGEX": r"^\d{4}-\d{2}-\d{2}$"}}],
        ]),
        ("TIME", [
            [{"LOWER": "this"}, {"LOWER": {"IN": sorted(TIMES_OF_DAY)}}],
            [{"LOWER": "tonight"}],
        ]),
    ]


#: words one of which every date pattern holds (besides a token with a digit): the matcher runs only around them
_DATE_ANCHORS = MONTHS | WEEKDAYS | UNITS | DAY_WORDS | TIMES_OF_DAY | {"tonight"}


class EntityFinder:
    """Writes ``doc.ents`` from the date matcher, the gazetteer and the actor dictionary."""

    def __init__(self, vocab) -> None:  # type: ignore[no-untyped-def]
        self.dates = Matcher(vocab, validate=True)
        self.reach = 0  # the longest date pattern, in tokens
        for label, patterns in _date_patterns():
            self.dates.add(label, patterns)
            self.reach = max(self.reach, *(len(p) for p in patterns))
        self.year_alone = Matcher(vocab)
        self.year_alone.add("DATE", [[{"TEXT": {"REGEX": r"^(1[89]|20)\d\d$"}, "TAG": "CD"}]])
        self._anchor: dict[int, bool] = {}  # word (orth id) -> whether a date may hold it

    def _is_anchor(self, orth: int, strings) -> bool:  # type: ignore[no-untyped-def]
        text = strings[orth]
        found = self._anchor[orth] = text.lower() in _DATE_ANCHORS or any(c.isdigit() for c in text)
        return found

    def date_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The date matcher's matches, as over the whole document, found in windows around the words a date
        must hold (a month, a weekday, a unit, "yesterday", a number...): most of a text holds none, and every
        match lies within ``reach`` tokens of such a word."""
        strings, anchor = doc.vocab.strings, self._anchor
        windows: list[list[int]] = []
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            found = anchor.get(orth)
            if found is None:
                found = self._is_anchor(orth, strings)
            if not found:
                continue
            start, end = max(0, i - self.reach + 1), min(len(doc), i + self.reach)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
        return [(match_id, a + s, a + e) for a, b in windows for match_id, s, e in self.dates(doc[a:b])]

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        spans = []
        for match_id, start, end in self.date_matches(doc):
            label = strings[match_id]
            spans.append(Span(doc, start, end, label=label))
        for _id, start, end in self.year_alone(doc):
            spans.append(Span(doc, start, end, label="DATE"))
        spans.extend(_names(doc))
        adjectives = _dictionary_names()[3]
        # nationality adjectives tagged as adjectives ("Palestinian riots"): NORP as spaCy's NER has them
        adjective_tag = strings["JJ"]
        spans.extend(Span(doc, i, i + 1, label="NORP") for i, tag in enumerate(doc.to_array(TAG).tolist())
                     if tag == adjective_tag and doc[i].text in adjectives)
        doc.set_ents(filter_spans(spans), default="outside")
        return doc


@functools.lru_cache(maxsize=1)
def _dictionary_names() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Of the built-in actor dictionary: place names, organisation names, person names, nationality adjectives,
    and the words of its titles and roles (with ``title-words``)."""
    from parley.actors import load_dictionary
    from parley.actors.dictionary import ROLE_KINDS

    d = load_dictionary()
    places: set[str] = set()
    orgs: set[str] = set()
    people: set[str] = set()
    adjectives: set[str] = set()
    titles: set[str] = set(TITLE_WORDS)
    for e in d.entries:
        names = {n.removeprefix("the ").removeprefix("The ") for n in e.names}
        if e.kind in _PLACE_KINDS:
            places |= names
        elif e.kind in _ORG_KINDS:
            orgs |= names
        elif e.kind == "person":
            people |= names
        elif e.kind == "adjective":
            adjectives |= names
        elif e.kind in ROLE_KINDS:
            titles |= {w for n in e.names for w in n.lower().split() if w not in STOP_WORDS}
    return frozenset(places), frozenset(orgs), frozenset(people), frozenset(adjectives), frozenset(titles)


#: a city the gazetteer knows is taken for a place on its own when it is this large, or after a place preposition
BIG_CITY = 50_000
_PLACE_PREPOSITIONS = lexicon.words("event-place-prepositions") | {"from", "to", "outside", "across"}


def _place(span: Span, whole_run: bool) -> bool:
    """A country (the gazetteer's or the dictionary's place names) anywhere in a run of names; a city only as
    the whole run ("Vladimir" is a city, but not in "Vladimir Putin"), by its own name (not an alternate name:
    "Khan" is one for Haan), large or after a place preposition ("Summit" is a town, "in Summit" one)."""
    from parley.where import _gazetteer, cities_named

    cities, _iso, countries = _gazetteer()
    text = span.text
    key = text.lower()
    if key in countries or text in _dictionary_countries():
        return True
    if whole_run and text in _dictionary_names()[0]:
        return True  # a capital or region of the dictionary ("Muscat", but not in "Joseph Muscat")
    opening = [t for t in span if t.lower_ in COMPASS_WORDS]
    if opening and span[: len(opening)].text == " ".join(t.text for t in opening) and len(opening) < len(span):
        rest = span[len(opening):].text
        if rest.lower() in countries or rest in _dictionary_names()[0]:
            return True  # "East Asia", "Northern Syria"
    if not whole_run or key not in cities:
        return False
    own = [c for c in cities_named(key) if c[0] == text]
    if not own:
        return False
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return max(c[4] for c in own) >= BIG_CITY or before in _PLACE_PREPOSITIONS


def _joins(doc: Doc, j: int) -> bool:
    """Whether token ``j`` continues a run of names that ends at ``j - 1``."""
    t = doc[j]
    if t.is_sent_start:
        return False
    if t.tag_ in _NAME_TAGS:
        return True
    # "Ministry of External Affairs": "of" inside an organisation's name
    if t.lower_ == "of" and doc[j - 1].lower_ in ORG_WORDS and j + 1 < len(doc) and doc[j + 1].tag_ in _NAME_TAGS:
        return True
    # a hyphen inside a name ("Abdel-Fattah el-Sissi", "Degni-Segui"), not between two names
    # ("Israeli-Hezbollah", "Iraq-Türkiye")
    if t.text == "-" and not t.whitespace_ and not doc[j - 1].whitespace_ and j + 1 < len(doc) \
            and doc[j + 1].tag_ in _NAME_TAGS:
        places, orgs, _people, adjectives, _titles = _dictionary_names()
        return not any(x in places or x in orgs or x in adjectives or _place_name(x)
                       for x in (doc[j - 1].text, doc[j + 1].text))
    return False


@functools.lru_cache(maxsize=1)
def _dictionary_countries() -> frozenset[str]:
    from parley.actors import load_dictionary

    return frozenset(load_dictionary().country_names)


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of proper nouns within a sentence, with a capitalised adjective that opens one ("New
    Caledonia", tagged JJ NNP)."""
    out = []
    i, n = 0, len(doc)
    strings = doc.vocab.strings
    tags = doc.to_array(TAG).tolist() if n else []
    may_open = {strings[tag] for tag in (*_NAME_TAGS, "JJ")}  # only these tags may open a run: no Token for the rest
    while i < n:
        if tags[i] not in may_open:
            i += 1
            continue
        t = doc[i]
        opens = t.tag_ == "JJ" and t.text.istitle() and i + 1 < n and doc[i + 1].tag_ in _NAME_TAGS \
            and not doc[i + 1].is_sent_start
        if t.tag_ not in _NAME_TAGS and not opens:
            i += 1
            continue
        j = i + 1
        while j < n and _joins(doc, j):
            j += 1
        out.append((i, j))
        i = j
    return out


def _place_name(text: str) -> bool:
    from parley.where import _gazetteer

    _cities, _iso, countries = _gazetteer()
    return text.lower() in countries


def _names(doc: Doc) -> list[Span]:
    places, orgs, people, adjectives, titles = _dictionary_names()
    out: list[Span] = []
    surnames: set[str] = set()  # last words of the people named so far: "Vucic" after "Aleksandar Vucic"
    for start, end in _runs(doc):
        k = start
        rest: list[int] = []  # tokens of the run that are neither a place nor a nationality, in order
        while k < end:
            if doc[k].text in adjectives:
                out.append(Span(doc, k, k + 1, label="NORP"))
                k += 1
                continue
            for m in range(min(end, k + 4), k, -1):
                if (m - k > 1 or doc[k].lower_ not in titles) and _place(doc[k:m], whole_run=(k == start and m == end)):
                    # "the West Bank", "the United States": the article in the name, as spaCy's NER has it
                    first = k - 1 if m - k > 1 and k == start and k > 0 and doc[k - 1].lower_ == "the" else k
                    out.append(Span(doc, first, m, label="GPE"))
                    k = m
                    break
            else:
                rest.append(k)
                k += 1
        for a, b in _segments(rest):
            found = _name_span(doc, a, b, orgs, people, titles)
            if not found and b - a == 1 and doc[a].text in surnames:
                found = [Span(doc, a, b, label="PERSON")]
            surnames.update(s[-1].text for s in found if s.label_ == "PERSON" and len(s) > 1)
            if not found and (a, b) == (start, end) and _after_place_preposition(doc, a):
                found = [_place_phrase(doc, a, b)]  # "in Kashmir": a place the gazetteer does not list
            out.extend(found)
    return out


def _place_phrase(doc: Doc, a: int, b: int) -> Span:
    """A LOC span for a name the gazetteer does not know, with its article and an "of" name after it ("the
    Strait of Hormuz"), as spaCy's NER writes it."""
    first = a - 1 if a > 0 and doc[a - 1].lower_ == "the" else a
    end = b
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].tag_ in _NAME_TAGS:
        end += 1
        while end < len(doc) and doc[end].tag_ in _NAME_TAGS and not doc[end].is_sent_start:
            end += 1
    return Span(doc, first, end, label="LOC")


#: what may stand between a place preposition and an unlisted place: "in disputed Kashmir", "in the northern
#: Tigray", "in Indian-administered Kashmir" (and nationality adjectives, tagged as names or adjectives)
_PLACE_MODIFIER_TAGS = frozenset({"JJ", "VBN", "HYPH", "DT"})


def _after_place_preposition(doc: Doc, i: int) -> bool:
    k = i - 1
    while k >= 0 and i - k <= 4 and not doc[k].is_sent_start and (
            doc[k].tag_ in _PLACE_MODIFIER_TAGS or doc[k].text == "-" or doc[k].text in _dictionary_names()[3]):
        k -= 1
    before = doc[k] if k >= 0 else None
    return before is not None and before.lower_ in _PLACE_PREPOSITIONS and before.tag_ == "IN"


def _name_words(span: Span) -> int:
    """How many words of a name are names, not particles or hyphens: 2 in "Benjamin Netanyahu", 1 in "al-Sharaa"."""
    return sum(1 for t in span if t.text != "-" and t.lower_ not in _LOWER_PARTICLES)


def _segments(indices: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in indices:
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def _name_span(doc: Doc, a: int, b: int, orgs: frozenset[str], people: frozenset[str],
               titles: frozenset[str]) -> list[Span]:
    """For tokens a..b of a run (no place or nationality in them): an organisation's name, or a person's (the
    name-like words at its end, after any title: "Natural Resources Minister Alparslan Bayraktar"), or nothing."""
    text = doc[a:b].text
    if text in people:
        return [Span(doc, a, b, label="PERSON")]
    for k in range(a, b):  # an organisation the dictionary names inside the run ("EU High Representative")
        for m in range(b, k, -1):
            if doc[k:m].text in orgs and (m - k > 1 or doc[k].text.isupper()):
                return [*_name_span(doc, a, k, orgs, people, titles), Span(doc, k, m, label="ORG"),
                        *_name_span(doc, m, b, orgs, people, titles)] if (k, m) != (a, b) else \
                    [Span(doc, a, b, label="ORG")]
    if b > a and doc[b - 1].lower_ in PLACE_WORDS and not any(t.lower_ in ORG_WORDS for t in doc[a:b - 1]):
        return [_place_phrase(doc, a, b)]  # "Palawan Island", "the Spratly Islands", "the Strait of Hormuz"
    if b - a == 1 and doc[a].is_sent_start and doc[a].lower_ in ORG_WORDS:
        return []  # "Police said ...": a common noun, capitalised because it opens the sentence
    titled = max((k for k in range(a, b) if doc[k].lower_ in titles), default=None)
    if titled is not None and titled + 1 < b and not any(t.lower_ in ORG_WORDS for t in doc[titled + 1:b]):
        pass  # "Defence Minister Peter Hultqvist": a title (after an organisation word) and the name it precedes
    elif any(t.lower_ in ORG_WORDS for t in doc[a:b]):
        return [Span(doc, a, b, label="ORG")] if b > a else []
    first = b
    if b - a >= 2 and doc[b - 1].lower_ in TITLE_SURNAMES and doc[b - 2].lower_ not in titles \
            and _NAME_WORD.match(doc[b - 2].text) and doc[b - 2].text[0].isupper():
        first = b - 1  # "Robert King": a surname that is also a title
    while first > a and doc[first - 1].lower_ not in titles and (
            doc[first - 1].text == "-" or (_NAME_WORD.match(doc[first - 1].text) is not None
                                           and not doc[first - 1].text.isupper()
                                           and (doc[first - 1].text[0].isupper()
                                                or doc[first - 1].lower_ in _LOWER_PARTICLES))):
        first -= 1
    while first < b and (doc[first].text == "-" or doc[first].lower_ in _LOWER_PARTICLES):
        first += 1
    for f in range(min(first, b), b):  # a person the dictionary names, as it names them: "Benjamin Netanyahu",
        if doc[f:b].text in people:    # not "Minster Benjamin Netanyahu" (a misspelt title before the name)
            if f == first or _name_words(doc[f:b]) >= 2:
                return [Span(doc, f, b, label="PERSON")]
            break  # a surname the dictionary lists alone ("al-Sharaa"): the given names before it stay
    words = [t for t in doc[first:b] if t.text != "-"]
    if not words or _name_words(doc[first:b]) > 5:  # particles do not count: "Maria Teresa Fernandez de la Vega"
        return []
    after_title = first > a and doc[first - 1].lower_ in titles or (first == a and a > 0 and doc[a - 1].lower_ in titles)
    if len(words) >= 2 or after_title:
        return [Span(doc, first, b, label="PERSON")]
    return []


@Language.factory("parley_entities")
def make_entity_finder(nlp: Language, name: str) -> EntityFinder:
    return EntityFinder(nlp.vocab)


__all__ = ["EntityFinder"]
