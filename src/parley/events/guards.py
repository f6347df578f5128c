"""Guards: the reasons a matched candidate is dropped, in the order they are tried.

Each guard is a name, a predicate on the candidate (with its sources and targets found) and the reason
``parley explain`` prints when it drops one. ``BEFORE_WARNING`` runs first; then ``warning`` decides whether a
warning is a threat after all (re-matching it) or a mere statement; then ``AFTER_WARNING``; ``ON_MODALITY`` runs
once the modality is known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from parley import lexicon
from parley.events.arguments import fill
from parley.events.candidate import Candidate
from parley.events.match import conditional_threat, is_reported_obligation, own_threat
from parley.events.mentions import MentionIndex
from parley.events.patterns import PatternSet
from parley.events.places import city_country
from parley.model import Mention
from parley.syntax import direct_object, marked_infinitive, subject_head

MEDIA_NOUNS = lexicon.words("media-nouns")
RECEPTION_NOUNS = lexicon.words("reception-nouns")
HOSTED_PRESENCES = lexicon.words("hosted-presences")
ARRIVING_THINGS = lexicon.words("arriving-things")

#: roles of armed actors whose clashes are battles
ARMED_ROLES = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "IMG", "PRM"})
POLYSEMOUS_VERBS = lexicon.words("polysemous-verbs")
CONCRETE_TARGETS = lexicon.words("concrete-targets")
PEOPLE_WORDS = lexicon.words("people-words")
DEMONSTRATIVES = lexicon.words("demonstratives")
#: "killed in an attack", "during an ambush"; "a wave of attacks"
REPORTING_PREPOSITIONS = frozenset({"in", "during"})
SERIES_NOUNS = lexicon.words("series-nouns")


@dataclass(frozen=True, slots=True)
class Guard:
    """A reason to drop a candidate: ``drops`` says whether it applies; ``reason`` is what explain prints
    (``{word}`` is the predicate's text)."""

    name: str
    drops: Callable[[Candidate, MentionIndex], bool]
    reason: str


def check(guards: tuple[Guard, ...], cand: Candidate, index: MentionIndex) -> str | None:
    """The reason of the first guard that drops the candidate, or None."""
    for guard in guards:
        if guard.drops(cand, index):
            return guard.reason.replace("{word}", cand.predicate.text)
    return None


def _pattern(cand: Candidate):  # type: ignore[no-untyped-def]
    assert cand.match is not None
    return cand.match.pattern


def _met_with_reception(cand: Candidate, index: MentionIndex) -> bool:
    token = cand.predicate
    return _pattern(cand).cameo[:2] == "04" and token.lemma_.lower() == "meet" and any(
        g.lemma_.lower() in RECEPTION_NOUNS for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
        for g in p.children if g.dep_ == "pobj")


def _hosts_a_presence(cand: Candidate, index: MentionIndex) -> bool:
    # "Qatar hosts 10,000 U.S. troops", "Jordan hosts Syrian refugees", "hosts the biggest French base", "is
    # hosting some 3.7 million Syrians": a presence on the country's soil, not a visit it receives
    token = cand.predicate
    if _pattern(cand).cameo != "043" or token.lemma_.lower() != "host":
        return False
    obj = direct_object(token)
    if obj is None:
        return False
    heads = [obj, *(g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj")]
    return any(t.lemma_.lower() in HOSTED_PRESENCES or t.lower_ in HOSTED_PRESENCES
               or any(c.dep_ == "nummod" or c.like_num for c in t.children) for t in heads)


def _no_visitor_arrives(cand: Candidate, index: MentionIndex) -> bool:
    # "the first group of German and Belgian troops arrived in Lithuania", "aid trucks arriving in Gaza", "eight
    # U.S. helicopters arrived in Islamabad": troops, vehicles or goods arriving are no visit (peacekeepers
    # arriving are a deployment, coded by linked.peacekeeping_arrivals)
    token = cand.predicate
    if _pattern(cand).cameo != "042" or token.lemma_.lower() not in ("arrive", "travel", "fly", "land"):
        return False
    head, _how = subject_head(token)
    if head is None or "peacekeep" in " ".join(t.lower_ for t in head.subtree):
        return False
    heads = [head, *(g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj")]
    return any(t.lemma_.lower() in HOSTED_PRESENCES | ARRIVING_THINGS or t.lower_ in HOSTED_PRESENCES
               for t in heads)


def _spoke_to_the_press(cand: Candidate, index: MentionIndex) -> bool:
    assert cand.match is not None
    token, told = cand.predicate, cand.match.target_head
    # "told reporters that ...", "told AFP": what one tells the press is sourcing, no appeal to it (02)
    root, lemma = _pattern(cand).cameo[:2], token.lemma_.lower()
    return (root == "04" and lemma in ("speak", "talk", "chat") or root == "02" and lemma == "tell") \
        and bool(cand.targets) and (all(m.actor.last_role == "MED" for m in cand.targets) or (
            told is not None and any(t.lemma_.lower() in MEDIA_NOUNS for t in told.subtree if t.i <= told.i)))


def _joint_drills(cand: Candidate, index: MentionIndex) -> bool:
    assert cand.match is not None
    drill = cand.match.object_token if cand.match.object_token is not None else cand.predicate
    return _pattern(cand).cameo[:2] == "15" and any(
        c.lower_ in ("joint", "combined", "bilateral", "trilateral", "multilateral") and c.dep_ in ("amod", "compound")
        for c in drill.children)


def _describing_participle(cand: Candidate, index: MentionIndex) -> bool:
    # "militias backed by Khartoum", "the suspects arrested by Saudi Arabia", "Backed by drones, the units
    # advanced": a past participle with no auxiliary and no subject of its own describes a noun or sets the scene
    # for the clause it hangs on; the act it names is background, not what the sentence reports
    # (one with a direct object is a main verb the parser took for a participle: "airstrikes on three houses
    # killed 25 people"; in a sentence whose root the parser made a noun, "Doctors from two groups donated ...",
    # the participle may be the main verb)
    token = cand.predicate
    return token.tag_ == "VBN" and token.dep_ in ("acl", "advcl") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark", "dobj") for c in token.children) \
        and token.sent.root.pos_ in ("VERB", "AUX")


def _statement_with_content(cand: Candidate, index: MentionIndex) -> bool:
    # "issued a statement saying the attack failed", "released a statement and urged Guinea to ...", "a statement
    # in which it accused Qatar": a plain statement whose content the sentence gives is sourcing; what is said
    # is coded on its own when it carries a code (ANNOTATION.md, statements and sourcing)
    assert cand.match is not None
    if _pattern(cand).cameo != "010":
        return False
    token, said = cand.predicate, cand.match.object_token
    around = [*token.children, *(said.children if said is not None else ())]
    return any(c.pos_ in ("VERB", "AUX") and c.dep_ in ("acl", "relcl", "advcl", "conj", "ccomp", "xcomp")
               for c in around)


def _helped_do(cand: Candidate, index: MentionIndex) -> bool:
    # "helped to broker the deal", "will help PNG address its security needs", "helped negotiate": a hand in
    # another act, which is coded on its own, not aid given
    token = cand.predicate
    return _pattern(cand).cameo[:2] == "07" and token.lemma_.lower() in ("help", "assist", "aid") and any(
        c.pos_ in ("VERB", "AUX") and c.dep_ in ("xcomp", "ccomp") for c in token.children)


def _left_no_organisation(cand: Candidate, index: MentionIndex) -> bool:
    return _pattern(cand).has("leaves-organisation") and (not cand.targets or not all(
        m.kind in ("igo",) or m.actor.country not in index.dictionary.country_codes for m in cand.targets))


def _unarmed_clash(cand: Candidate, index: MentionIndex) -> bool:
    return _pattern(cand).has("armed") and not all(m.actor.last_role in ARMED_ROLES for m in cand.sources)


def _background_noun(cand: Candidate, index: MentionIndex) -> bool:
    # "after the attack", "the attack was deliberate", "in that attack": a bare
    # event noun the sentence does not report as happening is background the annotators leave uncoded; it is
    # reported as a verb's object ("launched an attack"), where someone died or was hurt ("killed in an attack",
    # "during a major attack") and as a headline
    if not _pattern(cand).has("reported"):
        return False
    noun = cand.predicate
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if any(c.dep_ == "det" and (c.lower_ in DEMONSTRATIVES or c.lower_ == "that") for c in noun.children):
        return True  # "in that attack", "this latest attack": one already told
    if noun.dep_ in ("dobj", "ROOT", "nsubj", "nsubjpass"):
        return False  # a subject's doubt is read with its clause ("an attack by Turkey would be a disaster")
    if noun.dep_ == "pobj":
        prep = noun.head.lower_
        return not (prep in REPORTING_PREPOSITIONS or (prep == "of" and noun.head.head.lemma_.lower() in SERIES_NOUNS))
    return True


#: guards tried once sources and targets are found, before a warning is read
BEFORE_WARNING: tuple[Guard, ...] = (
    Guard("no source", lambda cand, index: not cand.sources and not cand.unknown_doer, "no source actor found"),
    Guard("obligation of no one", lambda cand, index: is_reported_obligation(_pattern(cand)) and not cand.targets,
          "a reported 'should'/'must' about no named actor"),
    Guard("reception", _met_with_reception,
          "'met with consequences', 'met with criticism': a reception, not a meeting"),
    Guard("hosted presence", _hosts_a_presence,
          "hosting troops, a base or refugees is a presence on one's soil, not a visit received"),
    Guard("no visitor", _no_visitor_arrives,
          "troops, vehicles or goods arriving somewhere are no visit"),
    Guard("press", _spoke_to_the_press,
          "'spoke to reporters', 'told AFP': talking to the press is a statement, not a meeting or an appeal"),
    Guard("joint drills", _joint_drills, "joint drills are military cooperation (062), coded from the noun"),
    Guard("describing participle", _describing_participle,
          "'{word}' is a participle describing a noun or setting the scene: background, not a reported act"),
    Guard("statement with content", _statement_with_content,
          "a statement whose content the sentence gives is sourcing: the content is coded, not the statement"),
    Guard("helped do", _helped_do, "helping to do something is a hand in that act, not aid given"),
    Guard("left a place", _left_no_organisation, "leaving a place is no break with an organisation"),
    Guard("background noun", _background_noun,
          "'{word}' is a bare event noun the sentence does not report as happening: background"),
    Guard("unarmed clash", _unarmed_clash,
          "a clash of others than armed forces (protesters and police) is no battle"),
)


def warning(cand: Candidate, index: MentionIndex, patterns: PatternSet) -> str | None:
    """A warning: the one warned is its target; one of a consequence on a condition, or of the warner's own
    coercive act, is a threat (the candidate is matched again); one of what someone else may do is a statement
    (the reason it is dropped)."""
    assert cand.match is not None
    token, pattern = cand.predicate, cand.match.pattern
    if pattern.has("warning") and not cand.targets:
        # "warned Moscow of severe consequences if ...": the one warned is the one threatened
        warned = direct_object(token)
        cand.targets = [m for m in index.actors(warned) if m not in cand.sources][:1] if warned is not None else []
    # a bare warning, or one whose content is a use of force: whose act it warns of decides
    warns_of = pattern.has("warns-of") and (
        any(c.dep_ in ("ccomp", "xcomp") for c in token.children)
        or (token.dep_ in ("advcl", "parataxis", "ccomp") and token.head.i < token.i))  # "..., X warned"
    threat = conditional_threat(token) if warns_of else None
    if threat is None and warns_of and not cand.targets and _threatens_own_action(token, cand.sources, index):
        threat = own_threat(token, patterns)  # "warned that Iran may expel the inspectors"
    if threat is not None:  # "warned that sanctions will follow if Russia ...": a threat after all
        cand.match = threat
        fill(cand, index)
    elif warns_of and not _threatens_own_action(token, cand.sources, index):
        return "a warning that someone else may act is a statement, not a threat"
    return None


def _convening_alone(cand: Candidate, index: MentionIndex) -> bool:
    return _pattern(cand).has("convening") and len({s.code for s in cand.sources}) < 2


def _defended_itself(cand: Candidate, index: MentionIndex) -> bool:
    # "defended itself", "defended its decision", "defending their rights": one's own cause or act, no other actor
    # backed; "moved in to defend the region", "the right to defend its territory": a purpose, not what was said
    token = cand.predicate
    return _pattern(cand).has("not-self") and (any(
        c.dep_ == "dobj" and (c.lower_ in ("itself", "themselves", "himself", "herself") or any(
            p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children))
        for c in token.children) or (token.dep_ in ("acl", "advcl", "xcomp", "relcl") and marked_infinitive(token)))


def _aimed_at_no_actor(cand: Candidate, index: MentionIndex) -> bool:
    assert cand.match is not None
    return (cand.match.pattern.cameo == "041" or _pattern(cand).has("aimed")) and cand.match.target_head is not None \
        and index.at(cand.match.target_head) is None


def _other_sense(cand: Candidate, index: MentionIndex) -> bool:
    # "eliminated tariffs on Mexican steel": an owner of a thing is no target of force
    token = cand.predicate
    return (not cand.targets or "object's owner" in (cand.how or "") or "place attacked" in (cand.how or "")) \
        and token.lemma_.lower() in POLYSEMOUS_VERBS \
        and len(_pattern(cand).elements) == 1 and not _concrete_object(token) and not _person_object(token)


def _released_no_actor(cand: Candidate, index: MentionIndex) -> bool:
    token = cand.predicate
    return _pattern(cand).has("actor-object") and not cand.targets and not _concrete_object(token) \
        and not _person_object(token)


def _third_party_threat(cand: Candidate, index: MentionIndex) -> bool:
    return _pattern(cand).has("conditional-threat") and _third_party_consequence(cand.predicate, cand, index)


def _aimed_at_no_one(cand: Candidate, index: MentionIndex) -> bool:
    # "warned that ...", "calling them unfounded": a bare threat or call needs someone it is aimed at
    pattern = _pattern(cand)
    return (pattern.cameo[:2] == "13" or pattern.cameo in ("041", "042") or pattern.has("aimed")) \
        and not pattern.has("conditional-threat") and not cand.targets \
        and all(e.kind in ("target", "not") for e in pattern.elements)


#: guards tried after the warning step, before the modality is read
AFTER_WARNING: tuple[Guard, ...] = (
    Guard("convened alone", _convening_alone,
          "convening a meeting of one's own is no consultation with another actor"),
    Guard("defended itself", _defended_itself, "defending oneself is no verbal support of another"),
    Guard("aimed at no actor", _aimed_at_no_actor,
          "a phone call is made to an actor, not to \"North Korea's tests\""),
    Guard("another sense", _other_sense,
          "'{word}' with no actor or place as its object is another sense of the verb ('hit a record', "
          "'executed the plan', 'eliminated tariffs')"),
    Guard("released no actor", _released_no_actor,
          "released something that is no actor (a statement, a report, a video)"),
    Guard("third party's act", _third_party_threat,
          "a warning of what a third party would do is a statement, not a threat"),
    Guard("aimed at no one", _aimed_at_no_one, "a bare threat, call or visit with no one it is aimed at"),
)

#: guards tried once the modality is known
ON_MODALITY: tuple[Guard, ...] = (
    Guard("refusal only", lambda cand, index: _pattern(cand).has("refusal-only") and cand.modality is not None
          and cand.modality.value != "negated",
          "'attended the session': with no counterpart named, attending is no consultation (refusing it is)"),
    Guard("unknown doer", lambda cand, index: cand.unknown_doer and cand.modality is not None
          and cand.modality.value != "asserted", "violence by no named doer is coded only when it happened"),
    Guard("response happened", lambda cand, index: _pattern(cand).has("intent-only") and cand.modality is not None
          and cand.modality.value == "asserted", "a response that happened is no threat; only a promised one is"),
)


def _threatens_own_action(predicate: Token, sources: list[Mention], index: MentionIndex) -> bool:
    """"warned that Israel would respond": the content is an act of the warner's own country."""
    own = {s.actor.country for s in sources}
    for c in predicate.children:
        if c.dep_ in ("ccomp", "xcomp"):
            subject = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                return c.dep_ == "xcomp"  # "warned to retaliate": the warner's own act
            if subject.lower_ in ("we", "it", "they") or any(m.actor.country in own for m in index.actors(subject)):
                return True
    return False


def _third_party_consequence(token: Token, cand: Candidate, index: MentionIndex) -> bool:
    """"Trump said Israel would lead a strike if ...": the consequence is brought by neither the speaker nor
    the one threatened, so the speaker threatens nothing."""
    own = {m.actor.country for m in (*cand.sources, *cand.targets)}
    for c in token.children:
        if c.dep_ != "ccomp":
            continue
        subject = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and any(m.actor.country not in own for m in index.actors(subject)):
            return True
    return False


def _acted_on(token: Token) -> Token | None:
    """What the verb acts on: its object, or the noun a participle describes ("a report released by ...")."""
    obj = direct_object(token)
    if obj is None and token.dep_ == "acl":
        obj = token.head
    return obj


def _person_object(token: Token) -> bool:
    """The object is a person or people: a name, a title ("Prime Minister Chaudhry"), "members of ..."."""
    obj = _acted_on(token)
    if obj is None:
        return False
    return obj.ent_type_ == "PERSON" or obj.lemma_.lower() in PEOPLE_WORDS or any(
        c.ent_type_ == "PERSON" for c in obj.subtree)


def _concrete_object(token: Token) -> bool:
    """The object is a concrete target of force: a place, a building, a vehicle, people under arms."""
    obj = _acted_on(token)
    if obj is None:
        return True  # "Russian forces struck overnight": no other sense to confuse
    if obj.lower_ in ("that", "which", "who") and token.dep_ == "relcl":
        obj = token.head  # "a helicopter that was captured"
    # "captured part of a guerrilla stronghold", "seized control of the port"
    heads = [obj, *(g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj")]
    return any(t.lemma_.lower() in CONCRETE_TARGETS or t.lower_ in CONCRETE_TARGETS
               or t.ent_type_ in ("GPE", "LOC", "FAC") or city_country(t) is not None for t in heads)


__all__ = ["AFTER_WARNING", "BEFORE_WARNING", "Guard", "ON_MODALITY", "check", "warning"]
