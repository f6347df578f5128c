"""Which actor mention covers which token, and the actors a noun phrase denotes ("Russian and Chinese
officials", "the leaders of Poland and France", "the prime minister appointed by the junta")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from parley import lexicon
from parley.actors import ActorDictionary, load_dictionary
from parley.model import Mention
from parley.syntax import conjuncts

#: participles that tie an official to the body that named them: "the prime minister appointed by the junta"
APPOINTING_VERBS = lexicon.words("appointing-verbs")
#: acts done to their "of" object: "the arrest of", "the killing of", "the expulsion of"
PATIENT_NOUNS = lexicon.words("patient-nouns")
#: subjects that are the weapon or the attack, not its doer: "a roadside bomb killed two soldiers"
ATTACK_SUBJECTS = lexicon.words("attack-subjects")


class MentionIndex:
    """Which actor mention covers which token of the document, and the dictionary the mentions come from
    (the coder asks it which codes are countries: the Coder's own, with the user's --dict files; the built-in
    one when none is given)."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention],
                 dictionary: ActorDictionary | None = None) -> None:
        self.dictionary = dictionary if dictionary is not None else load_dictionary()
        self.by_token: dict[int, Mention] = {}
        #: the mentions that share one place, by its first mention: "both countries" stands for two
        self.same_place: dict[Mention, list[Mention]] = {}
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            first = self.by_token.get(span[0].i)
            if first is not None and (first.start, first.end) == (m.start, m.end) and first.code != m.code:
                self.same_place.setdefault(first, [first]).append(m)
            for t in span:
                self.by_token.setdefault(t.i, m)

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def actors(self, head: Token | None) -> list[Mention]:
        """Actors denoted by the phrase headed by ``head``, one per coordinated conjunct."""
        if head is None:
            return []
        found: list[Mention] = []
        for conjunct in conjuncts(head):
            for m in self._phrase_actors(conjunct, depth=0):
                if m not in found:
                    found.append(m)
        return found

    def _phrase_actor(self, head: Token, depth: int) -> Mention | None:
        actors = self._phrase_actors(head, depth)
        return actors[0] if actors else None

    def _phrase_actors(self, head: Token, depth: int) -> list[Mention]:
        """The actor(s) a noun phrase denotes; coordinated modifiers or "of" objects give several
        ("Russian and Chinese officials", "the leaders of Poland, France and Germany")."""
        m = self.at(head)
        if m is not None:
            return self.same_place.get(m, [m])
        if depth > 2:
            return []
        # premodifiers first ("Russian officials", "Moscow's envoy"), then "of X" ("leaders of China")
        for c in head.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < head.i:
                m = self.at(c)
                if m is None and c.dep_ in ("compound", "nmod"):
                    # "the US drone strikes": the actor modifies the modifier
                    m = next((self.at(g) for g in c.children if g.dep_ in ("compound", "amod", "poss", "nmod")
                              and g.i < c.i and self.at(g) is not None), None)
                if m is not None:
                    return _unique([m, *(self.at(x) for x in conjuncts(c)[1:])])
        # "Kenzo Oshima, the United Nations relief coordinator, demanded": an unknown name takes the actor of
        # the title in apposition; "its chairman, Moussa Faki Mahamat, condemned": a title the actor named
        for c in head.children:
            if c.dep_ == "appos" and (head.pos_ == "PROPN" or c.pos_ == "PROPN"):
                found = self._phrase_actors(c, depth + 1)
                if found:
                    return found
        for c in head.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in APPOINTING_VERBS:
                # "the prime minister appointed by Niger's military regime": the appointer's official
                agent = next((g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
                if agent is not None:
                    found = self._phrase_actors(agent, depth + 1)
                    if found:
                        return found
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of" and head.lemma_.lower() in ATTACK_SUBJECTS | PATIENT_NOUNS:
                # "a bombing of the embassy killed three guards", "decried the arrests of two activists": the
                # "of" object suffered the act; it neither did it nor is it whom a protest aims at
                continue
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):  # "leaders of", "mediators from Egypt", "action by the West"
                for pobj in c.children:
                    if pobj.dep_ == "pobj":
                        out: list[Mention] = []
                        for conj in conjuncts(pobj):
                            out.extend(self._phrase_actors(conj, depth + 1))
                        if out:
                            return _unique(out)
        return []


def _unique(mentions) -> list[Mention]:  # type: ignore[no-untyped-def]
    out: list[Mention] = []
    for m in mentions:
        if m is not None and m not in out:
            out.append(m)
    return out


__all__ = ["ATTACK_SUBJECTS", "MentionIndex"]
