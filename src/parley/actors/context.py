"""Which country the context gives an actor named by role alone ("police", "the army", "protesters"): the country
a text is about, or the one its sentence (or, for groups, the sentences before) names, or the text's leading
country so far. Facts of the text only; nothing is guessed where the text names several countries alike.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Token

from parley import lexicon
from parley.model import Mention
from parley.nlp import DOC_ATTRIBUTES  # noqa: F401  (registers doc._.dateline)

#: a text's main country so far is the one it has named as a party at least this many times as often as any other
DOMINANT = 2
#: state roles a text about one country means as its own ("police", "troops", "the court")
LOCAL_ROLES = frozenset({"COP", "MIL", "JUD", "GOV", "SPY", "LEG"})
#: news outlets and companies say who reports or trades, not where things happen: "told Reuters" or "Chevron said"
#: in a story about Nigeria does not make the text about Britain or the US (whose police, whose government)
NOT_PLACE_ROLES = frozenset({"MED", "BUS"})
#: a state's armed forces and police
ARMED_ROLES = frozenset({"MIL", "COP"})
#: "rebels in Yemen", "raids across Mali": the country a group operates in
INSIDE_PREPOSITIONS = lexicon.words("inside-prepositions")
#: how far up the parse a word's clause or place is looked for: news clauses are shallow, and a parse of a
#: run-on text thousands of words deep must not make each look a walk through the whole text
CLIMB = 8
#: peoples without a state of their own: "Kurdish rebels", "Arab militias" fight in a country (ANNOTATION.md §
#: Actors: country of operation + role), which the context gives
PEOPLES = frozenset({"KUR", "ARB"})
#: "the North" / "the South" of a text about Korea
HALVES = lexicon.mapping("country-halves")
#: "Congress": the US Congress only where the text names the US
SHARED_BODY_NAMES = lexicon.words("shared-body-names")


def sentence_countries(doc: Doc, mentions: list[Mention], country_codes: frozenset[str]
                        ) -> Callable[[int, bool], str | None]:
    """The country the context gives an actor named by role alone, at a character offset: the only country its
    sentence names; else, for groups (``near=False``), the only country the nearest of the two sentences before
    it names; else the text's main country so far (named as a party at least ``DOMINANT`` times as often as any
    other up to that sentence), as a reader takes "police" in the sixth sentence of a report about Kenya that
    mentioned Uganda once. None when the sentence names several countries, or no country leads: the role then
    keeps no country (ANNOTATION.md § Actors: nothing is guessed)."""
    starts = [s.start_char for s in doc.sents]
    named: list[Counter[str]] = [Counter() for _ in starts]
    # the countries a sentence names as the place things happen in, with the clause each sets the scene of
    inside: list[list[tuple[Token, str]]] = [[] for _ in starts]
    forces: list[Counter[str]] = [Counter() for _ in starts]
    for m in mentions:
        if m.kind == "country" and m.actor.country in country_codes and m.actor.role in ARMED_ROLES:
            # "Egyptian soldiers", "Iraqi police": a state's forces are a party of their sentence, whatever the
            # tagger makes of the adjective; they do not make the text about their country (foreign troops)
            forces[bisect.bisect_right(starts, m.start) - 1][m.actor.country] += 1
        if m.kind in ("country", "capital", "institution", "person", "region") and m.actor.country in country_codes \
                and m.actor.role not in NOT_PLACE_ROLES and names_a_party(doc, m):
            i = bisect.bisect_right(starts, m.start) - 1
            named[i][m.actor.country] += 1
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if m.kind == "country" and span is not None and _inside(span.root):
                inside[i].append((_clause(span.root), m.actor.country))
    for token, country, within in places(doc, mentions, country_codes):
        i = bisect.bisect_right(starts, token.idx) - 1
        named[i][country] += 1
        if within:
            inside[i].append((_clause(token), country))
    leading: list[str | None] = []
    #: the country named most so far, ahead of every other (groups only, see ``at``)
    ahead: list[str | None] = []
    running: Counter[str] = Counter()
    for counts in named:
        running.update(counts)
        top = running.most_common(2)
        leading.append(top[0][0] if top and (len(top) == 1 or top[0][1] >= DOMINANT * top[1][1]) else None)
        ahead.append(top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None)

    named = [n | f for n, f in zip(named, forces)]  # the forces count for their sentence, not for the lead

    def at(offset: int, near: bool = False) -> str | None:
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        if not named:
            return None
        if len(named[i]) > 1:
            # "an airstrike by the Saudi-led coalition battling rebels in Yemen": a group is of the one country
            # its sentence puts things in; a state body of several named alike is anyone's
            if near:
                return None
            # else the one of them the text had named most before it (the country of the conflict it reports)
            before = ahead[i - 1] if i else None
            return _placed(doc, offset, inside[i]) or (before if before in named[i] else None)
        if named[i]:
            return next(iter(named[i]))
        if not near:
            for j in range(i - 1, max(-1, i - 3), -1):
                if named[j]:
                    return next(iter(named[j])) if len(named[j]) == 1 else (ahead[i] if ahead[i] in named[j] else None)
            # "gunmen", "rebels" in a sentence that names no country: of the country the text has named most so
            # far (the conflict it reports); a group with no country never matches the annotation's
            # country + REB (ANNOTATION.md § Actors), where a state body of no named country is left uncoded
            return ahead[i]
        return leading[i]
    return at


def _placed(doc: Doc, offset: int, inside: list[tuple[Token, str]]) -> str | None:
    """The one country named as the place of the clause of the word at ``offset``, or of a clause around it:
    "across Yemen" sets the scene of "raids ... have been blamed for killing 11 civilians", but "talks in
    N'Djamena" says nothing of where the rebels of "rebels ambushed a convoy as ... held talks" were."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return None
    clause = _clause(span[0])
    around = {clause, *itertools.islice(clause.ancestors, CLIMB)}
    found = {country for verb, country in inside if verb in around}
    return next(iter(found)) if len(found) == 1 else None


def _clause(t: Token) -> Token:
    """The verb of the clause a word is in (the root when none)."""
    for _ in range(CLIMB):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            break
        t = t.head
    return t


def places(doc: Doc, mentions: list[Mention], country_codes: frozenset[str]) -> list[tuple[Token, str, bool]]:
    """Places the text names that no mention covers, as the gazetteer knows them: "police in Harare", "militants
    in Fallujah, west of Baghdad" (a capital named as a place is no actor, but says where the police are).
    Gives (the place's head word, country, whether the place is one things happen inside of). A place that says where
    someone is from ("a student from Lagos") is left out."""
    from parley.where import lookup

    covered: set[int] = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    out: list[tuple[Token, str, bool]] = []
    for ent in doc.ents:
        if ent.label_ != "GPE" or any(i in covered for i in range(ent.start, ent.end)):
            continue
        root = ent.root
        if root.dep_ == "pobj" and root.head.lower_ == "from":
            continue
        found = lookup(ent.text.removeprefix("the ").strip())
        if found is not None and found.country in country_codes:
            out.append((root, found.country, _inside(root)))
    return out


def _inside(t: Token) -> bool:
    """Is the token the object of "in", "across" ... ("in Yemen", "in northern Mali", "in Sinjar, Iraq")?"""
    for _ in range(CLIMB):
        if t.dep_ not in ("appos", "conj") or t.head is t:
            break
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in INSIDE_PREPOSITIONS


def names_a_party(doc: Doc, m: Mention) -> bool:
    """Does a mention name its country as a party or a place ("Kenya", "Kenya's police", "in Nairobi"), rather
    than as someone's origin ("Kenyan aid workers", "Russian missiles", "a student from Peru"), which says nothing
    of whose police or rebels the sentence speaks?"""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.pos_ == "PROPN" and not (t.dep_ == "pobj" and t.head.lower_ == "from") for t in span)


def document_country(doc: Doc, mentions: list[Mention], country_codes: frozenset[str]) -> str | None:
    """The country a text is about, when it says so plainly: its dateline's country ("KATHMANDU, March 8 -"),
    else the only country it names (people, bodies and places of one country and of no other)."""
    counts = Counter(m.actor.country for m in mentions if m.kind in ("country", "capital", "institution", "person", "region")
                     and m.actor.country in country_codes and m.actor.role not in NOT_PLACE_ROLES)
    named = counts + Counter(m.actor.country for m in mentions
                             if m.kind == "group" and m.actor.country in country_codes)
    dateline = doc._.dateline
    if dateline:
        from parley.where import lookup

        found = lookup(dateline[1].title())
        # "WASHINGTON - Seoul accused North Korea ...": a dateline abroad says where the reporter is, not whose
        # police or troops the text speaks of; it counts when its country is the one the text names most, its
        # named armed and political groups included ("NOORDWIJK, the Netherlands - ... the National Democratic
        # Front of the Philippines": talks abroad)
        if found is not None and found.country in country_codes and (
                not named or named.most_common(1)[0][0] == found.country):
            return found.country
    if len(counts) != 1 or set(named) != set(counts):
        return None  # several countries, or a group of another ("the National Democratic Front of the Philippines")
    only = next(iter(counts))
    # one mention of a bare country ("a student from Peru") says whose people, not where things happen
    political = any(m.actor.country == only and (m.actor.role in LOCAL_ROLES | {"OPP", "PTY", "REB", "ELI"}
                                            or m.kind in ("capital", "institution", "region")) for m in mentions)
    return only if counts[only] >= 2 or political else None


def shared_body(m: Mention) -> bool:
    """Is the mention a body named by a name other countries' bodies bear too ("Congress")?"""
    return m.kind == "institution" and m.text.lower() in SHARED_BODY_NAMES and len(m.code) == 6


def shared_bodies(mentions: list[Mention], country: str | None, placed: set[str]) -> list[Mention]:
    """A body the dictionary gives one country by a name other countries' bodies bear too ("Congress"), in a
    text about another ``country`` (its dateline's or the only one it names) that names the body's own nowhere
    else, not even as a place (``placed``: the countries of the places it names): that country's body ("Congress"
    in a text about Peru is Peru's)."""
    if country is None:
        return mentions
    out = []
    for m in mentions:
        if shared_body(m) and country != m.actor.country and m.actor.country not in placed and not any(
                o.actor.country == m.actor.country for o in mentions if not shared_body(o)):
            m = Mention(country + m.actor.role, None, m.text, m.start, m.end, "institution")
        out.append(m)
    return out


def halves(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """"The North", "the South" in a text that names North or South Korea: the country, as its readers take it."""
    if not any(m.actor.country.lower() in HALVES.values() and m.kind == "country" for m in mentions):
        return []
    out = []
    for t in doc:
        code = HALVES.get(t.lower_, "").upper()
        if not code or t.i in taken or not t.text[:1].isupper() or t.i == 0 or doc[t.i - 1].lower_ != "the":
            continue
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if after is not None and (after.text[:1].isupper() or after.text == "-"):
            continue  # "the North Atlantic", "the North-South talks"
        out.append(Mention(code, None, t.text, t.idx, t.idx + len(t.text), "country"))
    return out


__all__ = ["DOMINANT", "INSIDE_PREPOSITIONS", "LOCAL_ROLES", "NOT_PLACE_ROLES", "PEOPLES", "document_country", "halves",
           "names_a_party", "places", "sentence_countries", "shared_bodies", "shared_body"]
