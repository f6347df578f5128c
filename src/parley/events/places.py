"""Places in the coder's arguments: where force is used, the country of a city or capital (countries are those
of the actor dictionary in use, ``MentionIndex.dictionary``)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from parley import lexicon
from parley.events.candidate import Candidate
from parley.model import Mention
from parley.where import entity_of, lookup

if TYPE_CHECKING:
    from parley.events.mentions import MentionIndex

PLACE_PREPOSITIONS = lexicon.words("force-place-prepositions")
TERRITORY_NOUNS = lexicon.words("territory-nouns")
PLACE_NOUNS = lexicon.words("place-nouns")


def place_actors(cand: Candidate, index: MentionIndex) -> list[Mention]:
    """Countries (and capitals) named as where the predicate's force is used."""
    assert cand.match is not None
    countries = index.dictionary.country_codes
    heads = [cand.predicate, *(c for c in cand.predicate.children if c.dep_ in ("dobj", "nsubjpass"))]
    if cand.match.object_token is not None and cand.match.object_token not in heads:
        heads.append(cand.match.object_token)
    # "an attack on objects in the territory of Russia": what the force was aimed at, and where that is
    heads += [g for h in list(heads) for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at")
              for g in c.children if g.dep_ == "pobj"]
    found: list[Mention] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPOSITIONS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                # the place itself ("in Ukraine", "in eastern Ukraine"), not a country modifying a thing
                # ("tariffs on Mexican steel"); a place noun owned by a country is in it ("in Russia's Volgograd
                # region", "in the territory of the Russian Federation")
                actors = [m for m in index.actors(pobj) if m.start <= pobj.idx < m.end]
                if not actors and pobj.lemma_.lower() in PLACE_NOUNS | TERRITORY_NOUNS:
                    actors = [m for m in index.actors(pobj) if m.kind in ("country", "region")]
                for m in actors:
                    # countries, capitals, and territories coded as a country ("in Gaza", "in the West Bank")
                    if (m.kind in ("country", "capital") or (m.kind == "region" and m.code in countries)) \
                            and m not in found:
                        found.append(m)
                city = city_country(pobj) if not actors else None
                if city is not None:  # "hit a hospital in Kharkiv", "shelled villages near Belgorod"
                    found.append(city)
    return [country_of(m, index) for m in found]


def named_place(token: Token) -> Token:
    """"the city of Kherson" -> "Kherson"; any other token as it is."""
    if token.lemma_.lower() in PLACE_NOUNS:
        named = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        if named is not None:
            return named
    return token


def city_country(token: Token) -> Mention | None:
    """The country of a city named by a proper noun (the gazetteer's), as a mention of that country."""
    if token.pos_ != "PROPN":
        return None
    doc = token.doc
    span = entity_of(token)  # not doc.ents: every entity of the document, built for each place
    if span is None:  # no entity: the proper noun with its compounds ("Red Sea", not "Sea")
        first = min([token.i, *(c.i for c in token.children if c.dep_ == "compound" and c.i < token.i)])
        span = doc[first:token.i + 1]
    if span.root is not token:
        span = doc[token.i:token.i + 1]
    if span[0].lower_ == "the" and len(span) > 1:
        span = span[1:]
    where = lookup(span.text)
    if where is None or not where.country or where.lat is None:  # cities only: countries are actors already
        return None
    return Mention(where.country, None, span.text, span.start_char, span.end_char, "place")


def country_of(m: Mention, index: MentionIndex) -> Mention:
    """The country a country or capital mention names, without a role ("Kyiv" -> UKR)."""
    return replace(m, code=m.actor.country) if m.actor.country in index.dictionary.country_codes else m


__all__ = ["city_country", "country_of", "named_place", "place_actors"]
