"""Recoding: the code an act gets beyond its pattern's.

Once the modality is known (``settle``): refusals, strikes by workers, announced boycotts, attempted attacks,
force being readied, intents (03x) and threats (13x). For each pair of actors (``pair_code``): acts of war by a
state's forces (19x), a state's protests (114), bombings, aid and protests by kind. Over the document
(``by_act_kind``): appeals, demands, rejections and intents coded by the kind of act they name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from parley import lexicon
from parley.actors import ActorDictionary
from parley.events.arguments import FORCE_ROOTS
from parley.events.kinds import (
    KIND_CODES, KIND_NOUNS, KIND_VERBS, act_kind, act_kind_of, asked_act, asked_act_is_request, noun_kind,
    refused_kind,
)
from parley.events.linked import with_code
from parley.events.modality import Modality
from parley.events.patterns import PatternSet
from parley.model import Event, Mention
from parley.ontology import ontology
from parley.syntax import direct_object, subject_head

if TYPE_CHECKING:
    from parley.events.candidate import Candidate

# Intent: a cooperative act expressed as intended ("ready to talk", "agreed to send aid") is coded with
# CAMEO's 03x "express intent" code for that kind of act; a promised or announced act of force or coercion
# is a threat (CAMEO 13): "vowed to eradicate Hamas", "will impose sanctions on Iran".
THREAT_CODES = ontology().threat_codes()  # data/ontology/threat_codes.tsv

#: cues of force being tried or readied (see settle)
ATTEMPT_CUES = lexicon.words("attempt-cues")
MUSTERING_CUES = lexicon.words("mustering-cues")
PREPARATION_CUES = lexicon.words("preparation-cues")

#: assaults (18x) that are acts of war when a state's forces commit them (CAMEO 19x)
STATE_ASSAULTS = frozenset({"180", "1823"})  # attacks and killings; beatings, torture, abuse stay assaults
#: the roles of armed forces and groups: force against them is fighting (19x) whoever uses it
ARMED_ROLES = frozenset({"MIL", "COP", "REB", "INS", "SEP", "UAF", "IMG", "PRM"})
#: weapons by kind, and aid by kind (cut: 162x, given: 07x)
AIR_WORDS = lexicon.words("air-words")
ROCKET_WORDS = lexicon.words("rocket-words")
ARTILLERY_WORDS = lexicon.words("artillery-words")
ENTERING_VERBS = lexicon.words("entering-verbs")
#: roles that enter by force to search and seize, not to fight; and those whose storming is a violent protest
SEIZING_ROLES = frozenset({"COP", "GOV", "JUD", "SPY"})
RIOTING_ROLES = frozenset({"CVL", "OPP", "PTY", "LAB", "EDU"})
CRITICISED_THINGS = lexicon.words("criticised-things")
BOMB_WORDS = lexicon.words("bomb-words")
PEOPLE_WORDS = lexicon.words("people-words")
SEIZED_PLACES = lexicon.words("seized-places")
#: a quantity or group standing for what it counts ("a group of workers", "hundreds of peacekeepers")
COUNTED_HEADS = lexicon.words("counted-heads")
AID_CUT_CODES = {"economic-aid": "1621", "military-aid": "1622", "humanitarian-aid": "1623"}
AID_GIVE_CODES = {"economic-aid": "071", "military-aid": "072", "humanitarian-aid": "073"}

#: protests by what they demand (CAMEO 14x1-14x4): leadership, policy, rights, institutions
PROTEST_CODES = frozenset({"141", "142", "143", "144", "145"})

PROTEST_AIMS = {"leadership": "1", "policy": "2", "reform": "2", "economic": "2", "rights": "3", "release": "3",
                "regime": "4"}
PURPOSE_VERBS = lexicon.words("purpose-verbs")


def intent_code(cameo: str) -> str | None:
    """The 03x code that expresses intent to do ``cameo`` (13x for force or coercion), if CAMEO has one."""
    kind = act_kind(cameo)
    if kind is not None:
        return KIND_CODES["03"].get(kind)
    for n in (4, 3, 2):
        if cameo[:n] in THREAT_CODES:
            return THREAT_CODES[cameo[:n]]
    return None


def derived_codes(pattern_codes: set[str]) -> set[str]:
    """Codes the coder reaches from the patterns' codes: the intent (03x) or threat (13x) of an intended act,
    the appeal, demand, rejection or intent sub-code of a verbal act by the kind of act it names, and the
    refusal (12x) of an announced refusal."""
    out = {c for c in (intent_code(code) for code in pattern_codes) if c is not None}
    kinds = {k for k in (act_kind(code) for code in pattern_codes) if k is not None} | set(KIND_NOUNS.values()) \
        | set(KIND_VERBS.values())
    for root, table in KIND_CODES.items():
        if any(code[:2] == root for code in pattern_codes) or root == "12":
            out |= {code for kind, code in table.items() if kind in kinds}
    return out - pattern_codes


def is_general(cameo: str) -> bool:
    """The unspecified code of a root (040, 190), or of a three-digit code (0870, 1240)."""
    return cameo.endswith("0")


def _announced(predicate: Token) -> bool:
    """A negated future: "will not negotiate", "won't attend", "would not meet"."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "'ll", "would", "shall") for c in predicate.children) \
        and any(c.dep_ == "neg" for c in predicate.children)


def _readying(token: Token, cue: str | None) -> bool:
    """Force being readied ("troops prepared to enter the city", "a planned offensive"), not a readiness
    declared ("the government is prepared to impose martial law", which threatens)."""
    word = (cue or "").lower()
    if word not in PREPARATION_CUES:
        return False
    if word == "prepared":
        said = next((a for a in token.ancestors if a.lower_ == "prepared"), None)
        return said is None or not (said.dep_ == "acomp" or said.pos_ == "ADJ")
    return True


def settle(cand: Candidate, patterns: PatternSet) -> str:
    """The code of an act once its modality is known: an announced refusal is a refusal (12x), workers'
    strikes are strikes, an announced boycott or an attempted attack happened, force readied stays intended or
    shows force (150), and an intended act is an intent (03x) or a threat (13x); ``cand.dropped`` is set when
    CAMEO has no intent code for the act."""
    assert cand.match is not None and cand.modality is not None
    token = cand.predicate
    cameo = cand.match.pattern.cameo
    # "refused to ..." has patterns of its own (12.refuse.*); this is the announced refusal
    refusal = cand.modality.value == "negated" and _announced(token)
    if refusal and cameo[:2] == "04" and not asked_act_is_request(token):
        # "will not negotiate with", "would not attend": an announced refusal to meet happened
        cameo = "125"
        cand.modality = Modality("asserted", f"refusal: {cand.modality.cue}")
    elif refusal:
        # "declined to resign", "will not end the strike", "refused to allow inspectors in": a refusal
        # to yield or to cooperate is itself an act (12x by the kind of act refused)
        kind = refused_kind(token, cameo, patterns)
        refused = KIND_CODES["12"].get(kind or "")
        if refused is not None:
            cameo = refused
            cand.modality = Modality("asserted", f"refusal: {cand.modality.cue}")
    if cameo[:2] in ("18", "19") and token.lemma_.lower() == "strike" and cand.sources \
            and all(s.code.endswith("LAB") for s in cand.sources) and direct_object(token) is None:
        cameo = "143"  # "the union said it would strike on Monday": workers strike, they do not attack
    if cand.modality.value == "intended" and token.lemma_.lower() == "boycott" and cameo[:2] == "14" \
            and (cand.modality.cue or "").split(" ")[0].lower() in ("will", "would", "'ll", "wo"):
        # "the party said it will boycott the election": announcing a boycott is boycotting, as an
        # announced refusal is a refusal
        cand.modality = Modality("asserted", f"announced: {cand.modality.cue}")
    if cand.modality.value == "intended" and cameo[:2] in ("18", "19", "20") \
            and (cand.modality.cue or "").lower() in ATTEMPT_CUES:
        # "an attempt by Kyiv to carry out an attack with 25 drones was stopped": force was used, and
        # stopped; an attempted attack is an attack, not an intent or a threat
        cand.modality = Modality("asserted", f"attempt: {cand.modality.cue}")
    if cand.modality.value == "intended" and cameo[:2] in FORCE_ROOTS \
            and _readying(token, cand.modality.cue):
        # "Iran is preparing to launch an attack", "the planned offensive": force being readied is
        # not a threat, which must be made to someone; it stays an intended (not occurred) act. But
        # forces seen getting ready to fight ("the army prepared to resume shelling") show their
        # force: CAMEO 150
        if cameo[:2] in ("18", "19", "20") and (cand.modality.cue or "").lower() in MUSTERING_CUES:
            cameo = "150"
            cand.modality = Modality("asserted", f"readying: {cand.modality.cue}")
    elif cand.modality.value == "intended":
        mapped = intent_code(cameo)
        # "pledged to provide economic aid": the act's object may say more than its pattern (0331)
        sharper = KIND_CODES["03"].get(act_kind_of(token, {}, patterns) or "") if mapped else None
        if sharper is not None and mapped is not None and sharper != mapped and sharper.startswith(mapped):
            mapped = sharper
        if mapped is None:
            cand.dropped = f"intended, and CAMEO has no intent code for {cameo}"
            cand.cameo = cameo
        else:
            cameo = mapped
    cand.cameo = cameo
    return cameo


def pair_code(cand: Candidate, source: Mention | None, target: Mention | None, joint: str | None,
              patterns: PatternSet, dictionary: ActorDictionary) -> str:
    """The code of the act between one pair of actors: the members' joint act (``joint``), violence and protest
    by the state (a state is a country of ``dictionary``, the one in use), the sharper code the clause's words
    give, a weapons test or an attack; "" when the pair does not do this act (the police do not rally)."""
    assert cand.match is not None and cand.cameo is not None
    token = cand.predicate
    if joint is not None:
        cameo = joint
    else:
        cameo = _entering(cand.cameo, source, token)
        cameo = _state_violence(cameo, source, target, token, dictionary.country_codes) if source else cameo
    cameo = _state_protest(cameo, source, token, dictionary) if source is not None else cameo
    if not cameo:
        return ""
    cameo = _sharpened(cameo, token, patterns)
    if cameo == "1711" and source is not None and source.actor.last_role in ("REB", "MIL"):
        cameo = _armed_seizure(token, source.actor.last_role) or cameo
    elif cameo == "1711" and source is not None and source.actor.role in ("", "GOV"):
        cameo = _state_seizure(token) or cameo
    if cameo[:2] == "19" and target is None and _weapons_test(token) and not _in_attack(token):
        cameo = "150"  # "fired a ballistic missile into the sea": a show of force, not a battle
    elif cameo == "150" and cand.match.pattern.has("weapons-test") \
            and token.lemma_.lower() in ("launch", "fire") and _in_attack(token):
        cameo = "195"  # "launched three missiles during the attack": part of an attack, not a test
    return cameo


def _entering(cameo: str, source: Mention | None, predicate: Token) -> str:
    """"Police raided the party's offices": a raid by the police or a government is a seizure (171); "protesters
    stormed parliament": civilians who storm a building protest violently (145). The corpus annotators code them
    so; by armed forces or groups a raid or a storming stays an attack. Protesters or activists who attack police
    or buildings protest violently too (145); one who attacks a policy or the media criticises it (111)."""
    if source is None or cameo[:2] != "18":
        return cameo
    role = source.actor.last_role
    if predicate.lemma_.lower() == "attack" and predicate.pos_ == "VERB":
        obj = direct_object(predicate)
        if obj is not None and obj.lemma_.lower() in CRITICISED_THINGS:
            return "111"  # "attacked the government's policy", "attack the media": criticism in words
        if role in RIOTING_ROLES:
            return "145"
    if predicate.lemma_.lower() not in ENTERING_VERBS:
        return cameo
    if predicate.lemma_.lower() == "raid" and role in SEIZING_ROLES:
        return "171"
    if predicate.lemma_.lower() == "storm" and role in RIOTING_ROLES:
        return "145"
    return cameo


def _state_violence(cameo: str, source: Mention, target: Mention | None, predicate: Token, countries: set[str]
                    ) -> str:
    """"Israeli airstrikes killed 25 people", "US forces attacked boats": violence by a state's armed forces
    (a country, its government or military) is fighting (19x), by air 195, by artillery 194; so is an attack on
    armed forces, whoever makes it ("rebels killed five soldiers": the corpus codes 19x for 330 of 350 acts of
    force against soldiers, police or armed groups); by others on others it stays an assault (18x)."""
    if cameo == "190":
        # "Ukrainian drones struck a refinery", "missiles hit the port": force by air, by whoever
        head, _how = subject_head(predicate)
        if head is not None and head.lemma_.lower() in ROCKET_WORDS | {"warplane", "jet", "aircraft", "helicopter"}:
            return "195"
        return cameo
    if cameo not in STATE_ASSAULTS:
        return cameo
    if cameo == "180" and predicate.pos_ in ("NOUN", "PROPN", "VERB") and {
            t.lemma_.lower() for t in (predicate, *predicate.children, *(g for c in predicate.children
                                                                          if c.dep_ == "dobj" for g in c.subtree))
    } & ROCKET_WORDS:
        return "195"  # "Hamas carried out a rocket attack", "militants fired rockets": aerial weapons, by anyone
    code, actor = source.code, source.actor
    if not (len(code) == 3 and code in countries) and not (len(code) == 6 and actor.role in ("GOV", "MIL")
                                                            and actor.country in countries) \
            and not (target is not None and target.actor.last_role in ARMED_ROLES):
        return cameo
    words = {predicate.lemma_.lower()}
    if predicate.pos_ in ("NOUN", "PROPN"):  # "a Russian missile and drone attack"
        words.update(c.lemma_.lower() for c in predicate.subtree if c.i < predicate.i)
    head, _how = subject_head(predicate)
    for tok in (head, direct_object(predicate)):
        if tok is not None:
            words.update(t.lemma_.lower() for t in tok.subtree)
    if words & AIR_WORDS:
        return "195"
    if words & ARTILLERY_WORDS:
        return "194"
    return "190"


def _state_protest(cameo: str, source: Mention, predicate: Token, dictionary: ActorDictionary) -> str:
    """Protest (14x) is what civilians do. A state that "protests" a decision complains officially (114); its
    police or army "storming" a building coerce (170) or attack (190), they do not riot."""
    if cameo[:2] != "14":
        return cameo
    code, actor = source.code, source.actor
    country = actor.country in dictionary.country_codes
    role = actor.role if len(code) == 6 else ("" if len(code) == 3 else None)
    if not country or role not in ("", "GOV", "MIL", "COP", "SPY"):
        return cameo
    # the state itself ("India", "Beijing", "the government"), not its people ("ethnic Albanians demonstrated")
    state = role == "GOV" or source.kind == "capital" or (
        role == "" and (source.text or "").removeprefix("the ").removeprefix("The ")
        in dictionary.country_names)
    if predicate.lemma_.lower() in ("protest", "demonstrate") and state:
        return "114"
    if cameo.startswith("145") and role in ("MIL", "COP", "SPY", "GOV"):
        return "190" if role == "MIL" else "170"
    if role in ("MIL", "COP", "SPY"):
        return ""  # "police arrested activists as they rallied": the police do not rally (a misread pronoun)
    return cameo


def _protest_aim(predicate: Token, patterns: PatternSet) -> str | None:
    """What a protest demands: its purpose clause ("to demand the president's resignation"), or what it is
    over or against ("over a new tax law"), on the protest verb or, for a protest noun, its light verb."""
    hosts = [predicate]
    if predicate.pos_ in ("NOUN", "PROPN") and predicate.dep_ in ("dobj", "pobj"):
        hosts.append(predicate.head if predicate.dep_ == "dobj" else predicate.head.head)
    for host in hosts:
        for c in host.children:
            if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in PURPOSE_VERBS:
                kind = asked_act(c, {}, patterns)
                if kind is not None:
                    return kind
            if c.dep_ == "prep" and c.lower_ in ("for", "over", "against"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                        kind = act_kind_of(g, {}, patterns)
                        if kind is not None:
                            return kind
    return None


def _sharpened(cameo: str, predicate: Token, patterns: PatternSet) -> str:
    """A general code made specific by the words of its clause: "killed in a car bomb explosion" 1832, "a
    roadside bomb" 1833, "a suicide bombing" 1831, "wounded in a bomb attack" 183; "halted economic aid" 1621."""
    if cameo in ("180", "183", "1823"):
        words = {t.lower_ for t in predicate.subtree}
        head, _how = subject_head(predicate)
        if head is not None:
            words |= {t.lower_ for t in head.subtree}
        lemmas = {w.rstrip("s") for w in words} | words
        if lemmas & BOMB_WORDS:
            if "suicide" in words:
                return "1831"
            if words & {"car", "vehicle", "truck", "lorry"}:
                return "1832"
            if words & {"roadside", "ied", "ieds", "landmine", "mine"}:
                return "1833"
            return "183" if cameo == "180" else cameo
        return cameo
    if cameo in PROTEST_CODES:
        kind = _protest_aim(predicate, patterns)
        digit = PROTEST_AIMS.get(kind or "")
        return cameo + digit if digit else cameo
    if cameo in ("162", "070"):
        obj = direct_object(predicate)
        kind = noun_kind(obj) if obj is not None and obj.pos_ in ("NOUN", "PROPN") else None
        table = AID_CUT_CODES if cameo == "162" else AID_GIVE_CODES
        return table.get(kind or "", cameo)
    return cameo


def _armed_seizure(predicate: Token, role: str) -> str | None:
    """What armed forces or groups seize: a town, a base or power is territory taken (192); people are
    abducted (181); other things stay confiscated (1711). On corpus train armed groups' "seized" coded 1711
    was 45 times false, 8 right."""
    obj = direct_object(predicate)
    if obj is None and predicate.dep_ in ("relcl", "acl"):
        obj = predicate.head  # "the peacekeepers they seized", "sailors seized by the military"
    if obj is None:
        obj = next((c for c in predicate.children if c.dep_ == "nsubjpass"), None)
    if obj is None:
        return None
    obj = _counted(obj)
    lemma = obj.lemma_.lower()
    if lemma in PEOPLE_WORDS or obj.ent_type_ in ("PERSON", "NORP") or obj.lower_ in ("them", "him", "her") \
            or obj.pos_ == "NUM":  # "seizing two in a raid"
        return "181"
    if role == "MIL" and lemma in ("power", "control"):
        return None  # "the military has seized power": a coup, which has no code of its own
    if lemma in SEIZED_PLACES or obj.ent_type_ in ("GPE", "LOC", "FAC"):
        return "192"
    return None


def _counted(obj: Token) -> Token:
    """What a quantity stands for: "a group of workers", "dozens of peacekeepers" -> the workers, peacekeepers."""
    if obj.lemma_.lower() in COUNTED_HEADS:
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return obj


def _state_seizure(predicate: Token) -> str | None:
    """A state seizing a named territory ("Russia seized Crimea") takes territory (192), as the annotators
    code it; what else a government seizes (ships, assets, drugs) stays confiscated (1711)."""
    obj = direct_object(predicate)
    if obj is not None and obj.ent_type_ in ("GPE", "LOC"):
        return "192"
    return None


def _in_attack(predicate: Token) -> bool:
    """The sentence calls what the weapons were fired in an attack (and not a test or an exercise)."""
    words = {t.lemma_.lower() for t in predicate.sent}
    return bool(words & {"attack", "strike", "barrage", "bombardment", "assault", "raid", "salvo", "onslaught"}) \
        and not words & {"test", "trial", "exercise", "drill", "launch-test", "test-fire"}


def _weapons_test(predicate: Token) -> bool:
    obj = direct_object(predicate)
    return predicate.lemma_.lower() in ("fire", "launch", "test") and obj is not None \
        and obj.lemma_.lower() in ("missile", "rocket", "projectile", "icbm")


def called_for(predicate: Token) -> bool:
    """"called for" (not "called on"): the corpus codes a call for a leader's departure as a demand (1041)."""
    return predicate.lemma_.lower() == "call" and not any(
        c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in predicate.children)


def by_act_kind(events: list[Event], candidates: list[Candidate], patterns: PatternSet) -> list[Event]:
    """Appeals, demands, rejections and intents coded by the kind of act they name (``KIND_CODES``)."""
    by_token = {c.predicate.i: c for c in candidates}
    recoded: dict[int, str] = {}  # id(event) -> code
    for cand in candidates:
        if not cand.events or cand.match is None:
            continue
        codes = {e.cameo for e in cand.events}
        root = next(iter(codes))[:2]
        if root not in KIND_CODES:
            continue
        # an intent's object noun is the act its own pattern coded ("pledged cooperation" is 030 as written)
        kind = asked_act(cand.predicate, by_token, patterns, clauses_only=root == "03")
        if root == "02" and kind == "leadership" and called_for(cand.predicate):
            root = "10"  # "called for his resignation", "calling for X to step down": a demand (1041), as annotated
        new = KIND_CODES[root].get(kind or "")
        if new is None:
            continue
        # a pattern that names only the verb of the act ("urge TGT to:[provide|send]") guesses its kind; one
        # that names the act's object too ("refuse to:[host] [troop]") has said what it is
        elements = cand.match.pattern.elements
        guess = cand.match.pattern.has("guessed-kind") or any(
            el.kind == "xcomp" and not any(later.kind == "object" for later in elements[i + 1:])
            for i, el in enumerate(elements))
        if not all(is_general(c) or guess or new.startswith(c) for c in codes):
            continue
        for e in cand.events:
            if e.root == root or (root == "10" and e.root == "02"):
                recoded[id(e)] = new
    if not recoded:
        return events
    out = []
    for e in events:
        new = recoded.get(id(e))
        if new is None or new == e.cameo:
            out.append(e)
            continue
        out.append(with_code(e, new, "+act-kind"))
    return out


__all__ = ["by_act_kind", "derived_codes", "intent_code", "is_general", "pair_code", "settle"]
