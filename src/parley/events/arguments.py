"""Arguments: who does an act (source) and to whom (target).

The source is the subject of the predicate (``parley.syntax.subject_head``), the target the pattern's TGT slot;
then named rules, in order, fill what the parse leaves open: whom a warning is about, the country of a city
attacked, the members of "talks between A and B"... (``ARGUMENT_RULES``). Coordinated actors give one event per
pair (``pairs``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from spacy.tokens import Token

from parley import lexicon
from parley.events.candidate import Candidate
from parley.events.mentions import ATTACK_SUBJECTS, MentionIndex
from parley.events.patients import (
    antecedent_of_a_relative,
    doer_of_the_object,
    own_people_as_object,
    patient_of_a_passive,
    receiver_of_a_cut,
    reduced_passive_needs_its_patient,
    shared_with_the_next_verb,
)
from parley.events.places import city_country, country_of, named_place, place_actors
from parley.model import Mention
from parley.ontology import reciprocal
from parley.syntax import clause_of_phrase, free_relative_noun, grammatical_subject, is_passive, subject_head

CROWD_WORDS = lexicon.words("crowd-words")
#: pronouns and descriptions ("it", "the country") an accusing participle uses for the main clause's target
STANDING_FOR_A_STATE = lexicon.words("standing-for-a-state")
#: "the move drew condemnation from Japan": the subject of these verbs is whom the criticism they take aims at
DRAWING_VERBS = lexicon.words("drawing-verbs")
CIVILIAN_TARGETS = lexicon.words("civilian-targets")
#: roots of violence that CAMEO codes with an unknown doer ("a journalist was killed in a car bomb")
UNKNOWN_DOER_ROOTS = frozenset({"18", "19", "20"})
#: the attacks named by their kind that are coded with no doer named: bombings and assassinations
NAMED_ATTACK_CODES = ("183", "185", "186")
BOMB_WORDS = lexicon.words("bomb-words")

#: emergency rule and curbs on freedoms (CAMEO 1721-1724), which a state imposes on its own people
EMERGENCY_RULE_CODES = frozenset({"1721", "1722", "1723", "1724"})

#: a country's people who protest against their own government when no one else is named
DOMESTIC_PROTESTERS = frozenset({"CVL", "OPP", "LAB", "EDU", "AGR", "HLH", "PTY", "REL", "MED", "BUS", "REF"})

#: roots of verbal acts, whose target may be the subject of what is said
VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})

#: roots of material conflict
FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})

#: nouns of meetings whose "between A and B" is A and B meeting, by the code of that meeting
JOINT_NOUNS = lexicon.mapping("joint-nouns")

#: roots whose act makes the members' joint act happen: hosting or mediating talks between A and B, brokering a
#: deal between them; an appeal, demand or threat about "a ceasefire between A and B" makes nothing happen
JOINT_ROOTS = frozenset({"04", "05", "06", "08"})


def _meeting_in_a_phrase(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """A meeting named in a phrase of the clause is the clause subject's own."""
    assert cand.match is not None
    if not cand.sources and cand.match.pattern.cameo[:2] == "04" and cand.predicate.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in cand.predicate.children):
        # "arrived in Damascus for a meeting with Assad", "in a phone call to Trump, Xi invited him", "at the
        # end of a visit to Cambodia": a meeting named in a phrase of the clause is the clause subject's own
        holder = clause_of_phrase(cand.predicate)
        if holder is not None:
            cand.sources = [m for m in index.actors(subject_head(holder)[0]) if m not in cand.targets]
            how = "the clause's subject"
    return how


def _crowd_of_the_country(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """A crowd of no named group protesting in a country is that country's civilians."""
    assert cand.match is not None
    if not cand.sources and cand.match.pattern.cameo[:2] == "14" and head is not None \
            and (head.lemma_.lower() in CROWD_WORDS or head.like_num):
        # "thousands of people blocked streets in Hong Kong": a crowd of no named group protesting in a country
        # is that country's civilians, as CAMEO codes protesters
        place = next(iter(place_actors(cand, index)), None)
        if place is not None and len(place.code) == 3 and place.code in index.dictionary.country_codes:
            cand.sources = [replace(place, code=place.code + "CVL")]
            how = "a crowd, of the country where it protests"
    return how


def _who_meets_whom(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """In a meeting the actors who meet are source and target, wherever they meet."""
    assert cand.match is not None
    if cand.match.pattern.cameo == "044":
        # "met the Chinese premier in Brazil": in a meeting at a third location the actors who meet are source
        # and target and the place is ignored (CAMEO codebook, 044); with no one met, the meeting is between
        # the coordinated subjects, which the joint-act step pairs up
        met = [c for c in cand.predicate.children if c.dep_ in ("dobj", "npadvmod", "attr", "oprd")]
        met += [p for c in cand.predicate.children if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children if p.dep_ == "pobj"]
        found = [m for t in met for m in index.actors(t) if m not in cand.sources][:1]
        if found or len(cand.sources) > 1:
            cand.targets = found
        # else "X met in Washington": one actor meeting in a capital meets its government (kept as matched)
    return how






def _owner_of_the_object(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """The target is the actor the object belongs to."""
    assert cand.match is not None
    if not cand.targets and cand.match.object_token is not None:
        # "expelled Pakistani diplomats", "shot down Russian missiles": the actor the object belongs to
        own = {s.actor.country for s in cand.sources}
        obj = cand.match.object_token
        cand.targets = [m for m in index.actors(obj) if m.actor.country not in own
                        or own_people_as_object(m, obj, index, cand)][:1]
        if cand.targets:
            how += "; target from the object's owner"
    return how








def _whom_the_object_aims_at(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """The target of a threat, cut or complaint is whom its object is aimed at."""
    assert cand.match is not None
    if not cand.targets and cand.match.object_token is not None and cand.match.pattern.cameo[:2] in ("13", "16", "11"):
        # "hinted at retaliatory measures against the United States": whom the object is aimed at
        own = {s.actor.country for s in cand.sources}
        aimed = [g for c in cand.match.object_token.children if c.dep_ == "prep" and c.lower_ in ("against", "toward",
                                                                                                   "towards")
                 for g in c.children if g.dep_ == "pobj"]
        cand.targets = [m for g in aimed for m in index.actors(g) if m.actor.country not in own][:1]
        if cand.targets:
            how += "; target from whom the object is aimed at"
    return how


def _subject_of_the_content(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """A verbal act is aimed at the subject of what it says."""
    assert cand.match is not None
    if not cand.targets and cand.match.pattern.cameo[:2] in VERBAL_ROOTS \
            and not cand.match.pattern.has("conditional-threat"):  # a conditional threat aims at the condition
        # "demanded that Russia agree to a ceasefire", "warned that if Iran ...": a verbal act is aimed
        # at the actor its content is about, the subject of the complement clause
        # another actor of the same country counts ("the opposition demanded that the president resign"),
        # not the source's own country or itself
        own = {s.code for s in cand.sources} | {s.actor.country for s in cand.sources}
        cand.targets = [m for m in _content_subjects(cand.predicate, index)
                        if m.code not in own
                        and not (len(m.code) == 3 and m.code in {s.actor.country for s in cand.sources})
                        ][:1]
        if cand.targets:
            how += "; target from the complement's subject"
    return how


def _named_in_the_main_clause(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """"cut ties with Qatar, accusing it of ...": a pronoun or description object of a criticising participle
    is the one the main clause acted on."""
    assert cand.match is not None
    pred, obj = cand.predicate, cand.match.target_head
    if cand.targets or cand.match.pattern.cameo[:2] != "11" or obj is None or pred.dep_ != "advcl" \
            or pred.tag_ != "VBG" or pred.head.pos_ not in ("VERB", "AUX") or obj.lower_ not in STANDING_FOR_A_STATE \
            or any(c.dep_ in ("poss", "compound", "amod") and index.at(c) is not None for c in obj.children):
        return how
    verbs = [pred.head, *(c for c in pred.head.children if c.dep_ == "xcomp")]  # "is preparing to expel X"
    phrases = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "dative")]
    phrases += [g for h in (*verbs, *phrases) for p in h.children if p.dep_ == "prep"
                and p.lower_ in ("with", "from", "to", "against", "on", "of") for g in p.children if g.dep_ == "pobj"]
    own = {s.actor.country for s in cand.sources}
    for phrase in sorted(phrases, key=lambda t: t.i):
        found = [m for m in index.actors(phrase) if m.actor.country not in own]
        if found:
            cand.targets = found if obj.lower_ in ("they", "them") else found[:1]
            return how + "; target named in the main clause"
    return how


def _who_drew_the_criticism(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """"Russia's move drew condemnation from Japan", "the ban, which sparked criticism from the EU": the
    criticism is aimed at the one who drew it, or at the doer of the act that drew it."""
    assert cand.match is not None
    pred = cand.predicate
    if cand.targets or not cand.sources or cand.match.pattern.cameo[:2] != "11" or pred.pos_ != "NOUN":
        return how
    verb = pred.head.head if pred.dep_ == "pobj" and pred.head.lower_ == "with" else pred.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in DRAWING_VERBS or not (
            pred.dep_ == "dobj" or (verb.lemma_.lower() == "meet" and pred.head.dep_ == "prep")):
        return how
    drawer, how_drawn = subject_head(verb)
    if how_drawn == "relative" and drawer is not None and drawer.dep_ == "dobj" and drawer.head.pos_ == "VERB":
        drawer = subject_head(drawer.head)[0]  # "X banned the paper, which drew ...": X's act drew it
    own = {s.actor.country for s in cand.sources}
    for _ in range(3):  # the act's doer: "the decision by Iran", "the ministry suspended access, which drew ..."
        if drawer is None:
            break
        found = [m for m in index.actors(drawer) if m.actor.country not in own]
        if found:
            cand.targets = found
            return how + "; target who drew the criticism"
        if drawer.pos_ in ("NOUN", "PROPN") and drawer.dep_ in ("dobj", "nsubj", "nsubjpass") \
                and drawer.head.pos_ in ("VERB", "AUX") and drawer.head is not verb:
            drawer = subject_head(drawer.head)[0] if drawer.dep_ == "dobj" else None
        elif drawer.pos_ in ("VERB", "AUX"):
            drawer = subject_head(drawer)[0]
        elif drawer.pos_ in ("NOUN", "PROPN"):
            drawer = subject_head(drawer)[0]
        else:
            break
    return how


def _what_the_object_is_called(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """A complaint's target is the owner of what a free relative names."""
    assert cand.match is not None
    if not cand.targets and cand.match.pattern.cameo[:2] in ("11", "12"):
        # "rejected what it called India's new normal", "condemned what it said was Japan's meddling": the
        # owner of what the free relative names
        own = {s.actor.country for s in cand.sources}
        named = free_relative_noun(cand.predicate)
        if named is not None:
            cand.targets = [m for m in index.actors(named) if m.actor.country not in own][:1]
            if cand.targets:
                how += "; target from what the object is called"
    return how


def _own_people_coerced(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """A state's police or courts coerce its own people."""
    assert cand.match is not None
    if (cand.match.pattern.cameo[:2] == "17" or cand.match.pattern.cameo in ("116", "1121", "115")) and cand.targets \
            and all(m.kind == "role" for m in cand.targets) \
            and len(cand.sources) == 1 and len(cand.sources[0].code) == 6 \
            and cand.sources[0].actor.role in ("COP", "GOV", "JUD", "SPY") \
            and cand.sources[0].actor.country in index.dictionary.country_codes:
        # "Maldives police arrested three opposition leaders": a state's police or courts coerce its own people,
        # unless the place is another country's
        country = cand.sources[0].actor.country
        places = {m.actor.country for m in place_actors(cand, index)}
        if not places - {country}:
            cand.targets = [replace(m, code=m.actor.with_country(country).code) for m in cand.targets]
            how += "; target's country from the state that coerces"
    return how


def _own_people_under_emergency_rule(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """Emergency rule at home is imposed on the country's own people."""
    assert cand.match is not None
    if cand.match.pattern.cameo in EMERGENCY_RULE_CODES and not cand.targets and len(cand.sources) == 1 \
            and len(cand.sources[0].code) == 6 and cand.sources[0].actor.role in ("GOV", "MIL", "COP") \
            and cand.sources[0].actor.country in index.dictionary.country_codes \
            and all(m.actor.country == cand.sources[0].actor.country for m in place_actors(cand, index)):
        # "Noboa declared an internal armed conflict", "the junta imposed a curfew": emergency rule at home is
        # imposed on the country's own people
        cand.targets = [replace(cand.sources[0], code=cand.sources[0].actor.country + "CVL", kind="country")]
        how += "; target the state's own people"
    return how


def _protesters_own_government(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """A country's people protesting with no one named protest against their government."""
    assert cand.match is not None
    countries = index.dictionary.country_codes
    if cand.match.pattern.cameo[:2] == "14" and not cand.targets and cand.sources and all(
            len(m.code) == 6 and m.actor.country in countries and m.actor.role in DOMESTIC_PROTESTERS
            for m in cand.sources) and len({m.actor.country for m in cand.sources}) == 1:
        # "thousands of Serbians set up street blockades": a country's people protesting with no one named
        # protest against their government
        cand.targets = [replace(cand.sources[0], code=cand.sources[0].actor.country + "GOV", kind="country",
                                text=cand.sources[0].text)]
        how += "; target the protesters' own government"
    return how


def _country_of_the_place_visited(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """A visit to a city, or people sent to a site, go to its country."""
    assert cand.match is not None
    if (cand.match.pattern.cameo == "042" or cand.match.pattern.has("sending")) and not cand.targets \
            and cand.match.target_head is not None:
        # "arrived in St. Petersburg", "flew to Mombasa": a visit to a city is a visit to its country; so is
        # sending inspectors to a site "in central Iran"
        head = named_place(cand.match.target_head)
        city = city_country(head) or next(
            (country_of(m, index) for prep in head.children
             if prep.dep_ == "prep" and prep.lower_ in ("in", "near")
             for pobj in prep.children if pobj.dep_ == "pobj" for m in index.actors(pobj)
             if m.kind in ("country", "capital")), None)
        if city is None and cand.match.pattern.has("sending"):
            city = next(iter(place_actors(cand, index)), None)  # "dispatched inspectors to a plant in Iran"
        if city is not None and city.actor.country not in {s.actor.country for s in cand.sources}:
            cand.targets = [city]
            how += "; target the country of the place visited"
    return how


def _country_where_force_is_used(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """Force on a city or in a country is force against that country."""
    assert cand.match is not None
    if cand.match.pattern.cameo[:2] in FORCE_ROOTS:
        if cand.targets and all(m.kind == "role" for m in cand.targets):
            # "missiles hit a hospital in Kharkiv": a group or building of no named country, where force was used
            own = {s.actor.country for s in cand.sources}
            place = [m for m in place_actors(cand, index) if m.actor.country not in own]
            if place:
                country = place[0].actor.country
                cand.targets = [replace(m, code=m.actor.with_country(country).code) for m in cand.targets]
                how += "; target's country from the place attacked"
        if not cand.targets and cand.match.target_head is not None:
            # "shelled Kharkiv overnight", "shelled the city of Kherson": force on a city is force on its country
            city = city_country(named_place(cand.match.target_head))
            if city is not None and city.code not in {s.actor.country for s in cand.sources}:
                cand.targets = [city]
                how += "; target the country of the city attacked"
        if not cand.targets:
            # "shelled villages in eastern Ukraine", "occupies positions inside Lebanon": force used in a
            # country is used against it
            own = {s.actor.country for s in cand.sources}
            cand.targets = [m for m in place_actors(cand, index) if m.actor.country not in own][:1]
            if cand.targets:
                how += "; target from the place attacked"
        # "missiles struck Kyiv": force against a capital city hits the country, not its government
        cand.targets = [country_of(m, index) if m.kind == "capital" else m for m in cand.targets]
    return how


def _armed_group_fights_the_state(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """An armed group using force with no one named fights its country's forces."""
    assert cand.match is not None
    cameo = cand.match.pattern.cameo
    aimed = cand.match.target_head if cand.match.target_head is not None else cand.match.object_token
    if (cameo[:2] == "19" or cameo in ("180", "1823")) and not cand.targets and cand.sources and (
            aimed is None or not {t.lemma_.lower() for t in aimed.subtree} & CIVILIAN_TARGETS) and all(
            len(m.code) == 6 and m.actor.country in index.dictionary.country_codes and m.actor.last_role == "REB"
            for m in cand.sources) and len({m.actor.country for m in cand.sources}) == 1:
        # "GAM rebels have been fighting for independence", "Taliban insurgents attacked checkpoints in
        # Afghanistan": the corpus codes such acts against the state; not an attack on a refugee camp
        cand.targets = [replace(cand.sources[0], code=cand.sources[0].actor.country + "MIL", kind="country",
                                text=cand.sources[0].text)]
        how += "; target the armed group's own state"
    return how


def _members_of_between(cand: Candidate, index: MentionIndex, head: Token | None, how: str) -> str:
    """'talks between A and B': the members act toward each other, or are the targets."""
    assert cand.match is not None
    members = between(cand, index)
    if len({m.code for m in members}) > 1 and not (not cand.sources and cand.between_noun is not cand.predicate):
        member_countries = {m.actor.country for m in members}
        if (not cand.sources and cand.between_noun is cand.predicate) or (
                cand.sources and all(s in members for s in cand.sources)):
            # "talks between Kyiv and Moscow resumed": the members act toward each other
            cand.sources, cand.targets = members, []
            how = "between"
        elif cand.sources and all(s.actor.country in member_countries for s in cand.sources):
            # "Putin proposed talks between Russia and Ukraine": the source is one member acting toward the
            # others, not an outsider (nor Russia acting toward itself)
            own = {s.actor.country for s in cand.sources}
            cand.targets = [m for m in members if m.actor.country not in own]
            how += "; targets from 'between'"
        else:
            # "Qatar mediated talks between Rwanda and Congo": the outsider acts toward each member, and
            # the members, meeting, act toward each other
            cand.targets = [m for m in members if m not in cand.sources]
            cand.joint = _joint_code(cand)
            how += "; targets from 'between'"
    return how


ArgumentRule = Callable[[Candidate, "MentionIndex", Token | None, str], str]

#: the rules that complete sources and targets after the subject and the pattern's slot, in the order they run
ARGUMENT_RULES: tuple[tuple[str, ArgumentRule], ...] = (
    ("a meeting named in a phrase of the clause is the clause subject's own", _meeting_in_a_phrase),
    ("a crowd of no named group protesting in a country is that country's civilians", _crowd_of_the_country),
    ("in a meeting the actors who meet are source and target, wherever they meet", _who_meets_whom),
    ("a relative pronoun as target stands for the noun its clause describes", antecedent_of_a_relative),
    ("the target of a passive is whom its agent acts on", patient_of_a_passive),
    ("the target is the actor the object belongs to", _owner_of_the_object),
    ("praise or criticism of a thing done is aimed at its doer", doer_of_the_object),
    ("the target of a threat, cut or complaint is whom its object is aimed at", _whom_the_object_aims_at),
    ("a cut of relations shares the target of the verb coordinated after it", shared_with_the_next_verb),
    ("a cut, or its lifting, reaches whom its 'to', 'on' or 'against' phrase names", receiver_of_a_cut),
    ("a verbal act is aimed at the subject of what it says", _subject_of_the_content),
    ("a complaint's target is the owner of what a free relative names", _what_the_object_is_called),
    ("a criticising participle's 'it' is the one the main clause acted on", _named_in_the_main_clause),
    ("a criticism someone drew is aimed at them", _who_drew_the_criticism),
    ("a state's police or courts coerce its own people", _own_people_coerced),
    ("emergency rule at home is imposed on the country's own people", _own_people_under_emergency_rule),
    ("a country's people protesting with no one named protest against their government", _protesters_own_government),
    ("a visit to a city, or people sent to a site, go to its country", _country_of_the_place_visited),
    ("force on a city or in a country is force against that country", _country_where_force_is_used),
    ("an armed group using force with no one named fights its country's forces", _armed_group_fights_the_state),
    ("'talks between A and B': the members act toward each other, or are the targets", _members_of_between),
    ("a bare participle's agent does an act only to someone named", reduced_passive_needs_its_patient),
)


def fill(cand: Candidate, index: MentionIndex) -> None:
    """Find the candidate's sources and targets: the subject and the pattern's target slot, then each rule of
    ``ARGUMENT_RULES`` in order; ``cand.how`` says how they were found."""
    assert cand.match is not None
    head, how = subject_head(cand.predicate)
    cand.sources = index.actors(head)
    cand.targets = index.actors(cand.match.target_head)
    if how in ("modifier", "possessor") and cand.match.target_head is not None:
        cand.sources = [s for s in cand.sources if s not in cand.targets]
    for _name, rule in ARGUMENT_RULES:
        how = rule(cand, index, head, how)
    cand.how = how


def _content_subjects(pred: Token, index: MentionIndex) -> list[Mention]:
    """Actors that are subjects inside the clausal complement of ``pred`` (nearest clause first)."""
    for c in pred.children:
        if c.dep_ not in ("ccomp", "xcomp"):
            continue
        if c.dep_ == "xcomp" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            continue  # "threatened to strike": the same subject, no content actor
        found: list[Mention] = []
        for t in sorted(c.subtree, key=lambda x: x.i):
            if t.dep_ in ("nsubj", "nsubjpass"):
                found.extend(m for m in index.actors(t) if m not in found)
        return found
    return []


def between(cand: Candidate, index: MentionIndex) -> list[Mention]:
    """Actors in a "between A and B" phrase on the predicate or on its event noun."""
    assert cand.match is not None
    heads = [cand.predicate]
    for t in (cand.match.object_token, cand.match.target_head):
        if t is not None and t not in heads:
            heads.append(t)
    heads.extend(c for c in cand.predicate.children if c.dep_ == "dobj" and c not in heads)
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "between":
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                members = index.actors(pobj)
                if len(members) > 1:
                    cand.between_noun = head
                    return members
    return []


def _joint_code(cand: Candidate) -> str | None:
    if cand.between_noun is None or cand.match is None or cand.match.pattern.cameo[:2] not in JOINT_ROOTS:
        return None
    return JOINT_NOUNS.get(cand.between_noun.lemma_.lower())


def unknown_doer(cand: Candidate, token: Token) -> bool:
    """Violence with a named victim and no named doer: "a journalist was killed in a car bomb" (an agentless
    passive), "a roadside bombing killed one US soldier" (the attack as subject). GDELT and CAMEO code
    these with an empty source; parley does the same, for asserted violence against a named actor only."""
    if cand.match is None or cand.match.pattern.cameo[:2] not in UNKNOWN_DOER_ROOTS or not cand.targets:
        return False
    if not _names_the_attack(cand, token):
        return False
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB" \
            and not any(c.dep_ in ("poss", "compound", "amod") and c.pos_ in ("PROPN", "ADJ") and c.text[:1].isupper()
                        for c in token.children):
        # "an attempt to kill the deputy governor was foiled", "a car bomb killed two officers": the act as
        # subject, with no doer named
        return True
    if token.pos_ != "VERB":
        return False
    if is_passive(token):
        return not any(c.dep_ == "agent" for c in token.children)
    subject = grammatical_subject(token, ("nsubj",))
    return subject is not None and subject.lemma_.lower() in ATTACK_SUBJECTS


def _names_the_attack(cand: Candidate, token: Token) -> bool:
    """The text names the kind of attack, a bombing or an assassination: "killed in a car bomb explosion", "a
    roadside bombing killed", "an attempt to assassinate the minister was foiled". A toll alone ("twelve people
    were killed", "were wounded in the fighting", "were kidnapped") names no act that ANNOTATION.md counts, and
    its doer is not the coder's to guess: on the corpus every such event was false (303 on train, none right)."""
    assert cand.match is not None
    if cand.match.pattern.cameo.startswith(NAMED_ATTACK_CODES):
        return True
    words = {t.lemma_.lower() for t in token.subtree}
    head, _how = subject_head(token)
    if head is not None:
        words |= {t.lemma_.lower() for t in head.subtree}
    return bool(words & BOMB_WORDS)


def _each_other(predicate: Token) -> bool:
    """"accused each other", "blamed one another": coordinated sources act on each other; so do those who
    "exchanged fire" or "traded strikes"."""
    if predicate.lemma_.lower() in ("exchange", "trade", "swap") and predicate.pos_ == "VERB":
        return True
    for c in predicate.subtree:
        if c.lower_ == "other" and any(d.lower_ == "each" for d in c.children) or (
            c.lower_ == "another" and any(d.lower_ == "one" for d in c.children)
        ):
            return True
    return False


Pair = tuple[Mention | None, Mention | None]


def pairs(cand: Candidate) -> tuple[list[Pair], str | None]:
    """The (source, target) pairs the candidate's act gives, and the code of the members' act toward each other
    when the act brings members together ("hosted talks between A and B")."""
    assert cand.match is not None and cand.modality is not None and cand.cameo is not None
    token, cameo = cand.predicate, cand.cameo
    if not cand.targets and len({s.code for s in cand.sources}) > 1 and _each_other(token):
        # "accused each other", "exchanged fire": each acts on the other
        found: list[Pair] = [(s, t) for s in cand.sources for t in cand.sources if s.code != t.code]
    elif not cand.targets and len({s.code for s in cand.sources}) > 1 and reciprocal(cameo) \
            and not cand.match.pattern.has("shared"):
        # "Peru and Chile signed an accord", "France, Germany and Spain reached agreement": a joint act, the
        # first-named party toward each of the others (ANNOTATION.md, symmetric events)
        found = first_named_pairs(cand.sources)
    elif cand.unknown_doer:
        found = [(None, t) for t in cand.targets]
    else:
        found = [(s, t) for s in cand.sources for t in (cand.targets or [None])]

    joint = cand.joint if cand.modality.value == "asserted" else None
    if joint is not None:
        # "Qatar mediated talks between Rwanda and Congo": the members meet, the first-named toward the others
        found += first_named_pairs(cand.targets)
    return found, joint


class _Named(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def code(self) -> str | None: ...


N = TypeVar("N", bound=_Named)


def first_named_pairs(members: Sequence[N]) -> list[tuple[N, N]]:
    """The pairs of a joint act of ``members``: the first named toward each of the others (one per code). Not the
    others toward it, nor among themselves: "France, Germany and Spain reached agreement" is France's agreement
    with Germany and with Spain. ANNOTATION.md leaves the reverse direction of a symmetric act optional, and the
    corpus's annotators list it as required for 53 of 1,445 such acts on the train split (482 optional, 910 not
    at all): coding it was a false event more often than not. Mentions, or the actors of an event (the layer's
    joint acts of co-subjects)."""
    first_of: dict[str | None, N] = {}
    for m in sorted(members, key=lambda m: m.start):
        first_of.setdefault(m.code, m)
    ordered = list(first_of.values())
    if len(ordered) < 2:
        return []
    head, rest = ordered[0], ordered[1:]
    return [(head, m) for m in rest]


__all__ = ["ARGUMENT_RULES", "MentionIndex", "fill", "first_named_pairs", "pairs", "reciprocal", "unknown_doer"]
