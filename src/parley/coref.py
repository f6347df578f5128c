"""In-document coreference for actors, kept conservative.

Mentions of the same actor code get one ``entity`` number per document ("Russia ... Russia's"; "Dmitry
Peskov ... Peskov"). Personal pronouns (he, she, him, her, his) and definite descriptions of a role ("the
spokesman", "the minister") become mentions of the last person mentioned in the same or the two previous
sentences; "the ministry" / "the government" of the last government actor; "the agency", "the alliance" of
the last organisation, "the group", "the militia" of the last armed or political group, "the kingdom" of the
last country, in the same or the previous sentence; a subject "they" of the last actor named by a plural noun
("EU leaders ... they", "Russian officials ... they") in the same or the previous sentence. "The government"
with no government named nearby is that of the one country named. An object ("him", "the president") is
never the subject of its own clause, nor whom that subject stands for. Plural anaphors ("both sides", "the two
countries", "the two leaders") stand for a pair: two mentions at the same place, one per member, which the
coder reads as it reads "Kenya and Uganda" (see ``_pair``); so does a subject "they" with no plural noun
before it, for the pair named last as a subject ("Ghana and Togo signed ... They also pledged"). The speaker
pronoun after a quotation of several sentences looks back from the quotation's start ("'... . ...,' he
said"). "The prime minister", "the king": the last actor named earlier with that office in its mention.
"The country", "the nation": the one country named by name in this or the previous sentence (as an object,
else the government of the one country of an official named). When nothing fits, nothing is added.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from parley import lexicon
from parley.model import Mention
from parley.syntax import conjuncts, grammatical_subject, is_subject

#: "both sides", "the two countries", "the two leaders": the plural nouns that stand for a pair of actors,
#: with the kind of actor each can stand for (country, person, any)
PAIR_NOUNS = lexicon.mapping("pair-nouns")
#: "both sides of the border", "the two sides of the river": the sides of a place
BORDER_WORDS = lexicon.words("border-words")

PERSON_PRONOUNS = lexicon.words("person-pronouns")
PERSON_DESCRIPTIONS = lexicon.words("person-descriptions")
IMPERSONAL_HEADS = lexicon.words("impersonal-heads")
WILLING_ADJECTIVES = lexicon.words("willing-adjectives")
STANCE_ADJECTIVES = lexicon.words("stance-adjectives")
OPENING_QUOTES = frozenset("\u201c\u00ab")
CLOSING_QUOTES = frozenset("\u201d\u00bb")
THING_KINDS = frozenset({"country", "capital", "institution", "igo", "group", "region"})
GOVERNMENT_DESCRIPTIONS = lexicon.words("government-descriptions")
#: "the government", "the cabinet": the government of the one country named nearby when no government is
STATE_BODIES = lexicon.words("state-bodies")
#: "the agency", "the alliance", "the group", "the kingdom": a description of the last organisation, armed
#: group or country named in this or the previous sentence, by the kinds of mention it can stand for
BODY_DESCRIPTIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("agency", "watchdog", "organisation", "organization", "alliance", "bloc", "body", "union",
                     "fund", "tribunal", "court", "council", "commission", "mission"), frozenset({"igo", "institution"})),
    **dict.fromkeys(("group", "militia", "movement", "faction", "insurgents", "militants", "rebels"),
                    frozenset({"group"})),
    **dict.fromkeys(("kingdom", "emirate", "republic", "country", "nation"), frozenset({"country"})),
    # "the party": the last party named (a group or an institution with a party role, see _antecedent)
    "party": frozenset({"group", "institution"}),
}
#: "the world body", "the 27-nation bloc": words that describe a body without naming another actor
BODY_EPITHETS = lexicon.words("body-epithets")
#: "the 27-nation bloc", "the 15-member council": a count of members
MEMBER_WORDS = lexicon.words("member-words")
PARTY_ROLES = frozenset({"PTY", "OPP"})
#: "the country", "the nation" as a place ("unrest across the country", "fled the country") is no actor
PLACE_PREPOSITIONS = lexicon.words("inside-prepositions") | {"from", "around"}
LEAVING_VERBS = lexicon.words("leaving-verbs")
#: "the prime minister", "the king": an office named without its holder, whom an earlier mention names
TITLE_DESCRIPTIONS = lexicon.words("title-descriptions")


def corefer(doc: Doc, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions with entity numbers, plus pronoun and description mentions resolved to an antecedent."""
    ordered = sorted(mentions, key=lambda m: m.start)
    taken = set()
    for m in ordered:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            taken.update(t.i for t in span)
    sent_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
    quoted_sent_of = _sentence_numbers(doc)
    added: list[Mention] = []
    #: the sentence and place of the last pair noun resolved, and its members
    last_pair: tuple[int, int, list[Mention]] | None = None
    for t in doc:
        if t.i in taken:
            continue
        lower = t.lower_
        pair = _pair_kind(t, taken)
        if pair is not None:
            # one mention per member of the pair, at the same place: the coder reads both as the phrase's
            # actors, as it reads "Russia and Turkey"
            members = _pair(doc, ordered, sent_of, t, pair, last_pair)
            if members:
                last_pair = (sent_of.get(t.i, 0), t.idx, members)
            added.extend(Mention(m.code, m.name, t.text, t.idx, t.idx + len(t.text), "description")
                         for m in members)
            continue
        is_pronoun = lower in PERSON_PRONOUNS and t.pos_ == "PRON"
        is_description = (
            t.pos_ in ("NOUN", "PROPN") and (lower in PERSON_DESCRIPTIONS or lower in GOVERNMENT_DESCRIPTIONS)
            and (
                # "the spokesman", "the ministry"
                (any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                 and not any(c.dep_ in ("amod", "compound", "poss") for c in t.children))
                # "its foreign ministry", "their government": the country or body named before
                or (lower in GOVERNMENT_DESCRIPTIONS
                    and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children))
            )
        )
        is_it = (
            lower == "it" and t.pos_ == "PRON" and is_subject(t)
            and ((t.head.lemma_.lower() not in IMPERSONAL_HEADS
                  and not any(c.dep_ in ("acomp", "attr") for c in t.head.children))
                 # "said it was ready to talk", "it is prepared to": readiness is said of an actor
                 or any(c.dep_ == "acomp" and (
                     (c.lemma_.lower() in WILLING_ADJECTIVES and any(g.dep_ == "xcomp" for g in c.children))
                     # "said it was deeply concerned over", "it is opposed to": a stance is an actor's
                     or (c.lower_ in STANCE_ADJECTIVES and any(g.dep_ == "prep" for g in c.children)))
                        for c in t.head.children))
        )
        is_body = (
            t.pos_ in ("NOUN", "PROPN") and lower in BODY_DESCRIPTIONS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
            and not any(c.dep_ in ("amod", "compound", "poss", "nmod") and not _epithet(c) for c in t.children)
            and not (lower in ("country", "nation") and _a_place(t))
        )
        # "EU leaders said they would ...": subject "they" refers to the last actor named by a plural noun
        is_they = (lower == "they" and t.pos_ == "PRON" and is_subject(t)) or (
            # "accused them of inciting violence", "arrested them": the last group named before, not the subject
            lower == "them" and t.pos_ == "PRON" and t.dep_ in ("dobj", "pobj", "dative"))
        if not (is_pronoun or is_description or is_it or is_body or is_they):
            titled = _titled(doc, ordered, t)
            if titled is not None:
                added.append(titled)
            continue
        owned = is_description and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children)
        if is_body:
            want = lower
        elif is_they:
            want = "plural"
        else:
            want = "thing" if (is_it or owned) else "person" if (is_pronoun or lower in PERSON_DESCRIPTIONS) else "government"
        if is_it and t.dep_ == "nsubj" and t.head.dep_ == "ccomp" and _unnamed_speaker(t, taken):
            continue  # "the government said it had detained ...": "it" is the speaker, whom no mention names
        # "'...,' he said": the speaker of a quotation of several sentences is as near to its antecedent as
        # the speaker of a one-sentence one
        numbers = quoted_sent_of if is_pronoun and _speaker_after_quote(t) else sent_of
        if is_body and lower in ("country", "nation"):
            antecedent = _the_country(doc, sorted([*ordered, *added], key=lambda m: m.start), sent_of, t)
        else:
            antecedent = _antecedent(doc, ordered, numbers, t, want, added)
        if antecedent is not None and is_pronoun and t.dep_ == "poss" and _owner_is_subject(doc, antecedent, t):
            continue  # "Ruto reneged on his promise": his own, which makes no second actor of the clause
        if antecedent is None and is_they and lower == "they":
            # "Trump and Kim met in Singapore. They issued a joint statement": the pair named last
            added.extend(Mention(m.code, m.name, t.text, t.idx, t.idx + len(t.text), "pronoun")
                         for m in _coordinated(doc, ordered, sent_of, t))
            continue
        if antecedent is None:
            titled = _titled(doc, ordered, t) if is_description else None
            if titled is not None:
                added.append(titled)
            continue
        if is_body and lower in ("country", "nation"):
            if antecedent.kind != "description":  # "the country": the country itself (else its government)
                antecedent = replace(antecedent, code=antecedent.actor.country)
        code = antecedent.code + "GOV" if owned and len(antecedent.code) == 3 and antecedent.kind == "country" else antecedent.code
        added.append(
            Mention(code, antecedent.name, t.text, t.idx, t.idx + len(t.text),
                    "pronoun" if (is_pronoun or is_it or is_they) else "description")
        )
    everything = sorted([*ordered, *added], key=lambda m: m.start)
    entities: dict[tuple[str, str | None], int] = {}
    out = []
    for m in everything:
        key = (m.code, m.name if m.kind == "person" or m.kind in ("pronoun", "description") else None)
        entity = entities.setdefault(key, len(entities) + 1)
        out.append(replace(m, entity=entity))
    return out


def _epithet(t) -> bool:  # type: ignore[no-untyped-def]
    """A modifier that describes a body without naming another actor: "world", "regional", "27-nation"."""
    return t.lower_ in BODY_EPITHETS or (t.lower_ in MEMBER_WORDS and any(c.dep_ == "nummod" for c in t.children))


def _sentence_numbers(doc: Doc) -> dict[int, int]:
    """Each token's sentence number, a quotation over several sentences counting as one: in "'We will not
    yield. We have the support of our allies,' he said." the speaker's antecedent is as near as before a
    one-sentence quotation. A quotation is open from its opening mark to its closing one, and ends with its
    paragraph (news opens a quotation again on every paragraph of a long one)."""
    out: dict[int, int] = {}
    n, open_quote = -1, False
    for sent in doc.sents:
        new_paragraph = _new_paragraph(sent)
        if not open_quote or new_paragraph:
            n += 1
        open_quote = _quote_open_after(sent, open_quote and not new_paragraph)
        for t in sent:
            out[t.i] = n
    return out


def _owner_is_subject(doc: Doc, antecedent: Mention, token) -> bool:  # type: ignore[no-untyped-def]
    """Is the antecedent of a possessive pronoun the subject of the verb whose object the pronoun's noun is
    ("Ruto reneged on his promise", "Ruto broke his word")? Not when that noun names an actor ("called on his
    supporters", "his forces"), nor further away ("fighting between rebels and his forces")."""
    span = doc.char_span(antecedent.start, antecedent.end, alignment_mode="expand")
    if span is None or not is_subject(span.root):
        return False
    noun = token.head
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    roles = _role_nouns()
    return verb is not None and verb.i == span.root.head.i and noun.lower_ not in roles \
        and noun.lemma_.lower() not in roles


def _speaker_after_quote(token) -> bool:  # type: ignore[no-untyped-def]
    """Is the pronoun the subject of a verb after a closing quotation mark in its sentence ("...,” he said")?"""
    if not is_subject(token):
        return False
    before = token.doc[token.sent.start:token.i]
    return any(t.text in ("''", '"') or any(ch in CLOSING_QUOTES for ch in t.text) for t in before[-3:])


def _new_paragraph(sent: Span) -> bool:
    before = sent.doc[sent.start - 1] if sent.start > 0 else None
    return "\n" in sent[0].text or (before is not None and "\n" in before.text_with_ws)


def _quote_open_after(sent: Span, open_quote: bool) -> bool:
    """Whether a quotation is still open at the end of a sentence."""
    for t in sent:
        if "\n" in t.text:
            open_quote = False
        elif t.text in ("``", "''"):
            open_quote = t.text == "``"
        else:
            for ch in t.text:
                if ch in OPENING_QUOTES or ch in CLOSING_QUOTES:
                    open_quote = ch in OPENING_QUOTES
                elif ch == '"':
                    open_quote = not open_quote
        if "\n" in t.whitespace_:
            open_quote = False
    return open_quote


def _titled(doc: Doc, ordered: Sequence[Mention], token) -> Mention | None:  # type: ignore[no-untyped-def]
    """"The prime minister", "the king", "the foreign minister" with no name: the last actor named before with
    that office in its mention ("Prime Minister Anna Berg", "King Harald"), anywhere earlier in the text. The
    words before the office must be the office's own ("prime", "foreign"), not a name or an owner ("its
    foreign minister", "the Kenyan president" are the resolver's)."""
    if token.lower_ not in TITLE_DESCRIPTIONS or token.pos_ not in ("NOUN", "PROPN"):
        return None
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children) or any(
            c.dep_ in ("poss", "appos", "nmod") or (c.dep_ == "prep" and c.lower_ == "of") for c in children):
        return None
    words = [c for c in children if c.dep_ in ("amod", "compound") and c.i < token.i]
    if any(not c.is_alpha or c.ent_type_ in ("NORP", "GPE", "PERSON", "ORG") or c.i != token.i - len(words) + k
           for k, c in enumerate(words)):
        return None  # "the Kenyan president", "the foreign affairs minister" (not contiguous)
    office = " ".join([*(c.lower_ for c in words), token.lower_])
    pattern = re.compile(r"(?<![\w-])(?<!vice )(?<!deputy )(?<!former )" + re.escape(office) + r"(?!\w)", re.I)
    first = words[0] if words else token
    for m in reversed(ordered):
        if m.start >= first.idx:
            continue
        if m.kind in ("person", "country") and m.actor.role == "GOV" and pattern.search(m.text):
            return Mention(m.code, m.name, doc.text[first.idx:token.idx + len(token.text)], first.idx,
                           token.idx + len(token.text), "description")
    return None


def _a_place(token) -> bool:  # type: ignore[no-untyped-def]
    """"across the country", "fled the country": the country as a place, not as an actor."""
    if token.dep_ == "pobj":
        return token.head.lower_ in PLACE_PREPOSITIONS
    return token.dep_ == "dobj" and token.head.lemma_.lower() in LEAVING_VERBS


def _pair_kind(token, taken: set[int]) -> str | None:  # type: ignore[no-untyped-def]
    """The kind of actor a pair noun stands for ("both sides", "the two countries", "both foreign ministers"),
    or None when ``token`` is no such phrase ("both countries' economies" is one; "both sides of the border",
    "the two main parties", "two countries" are not)."""
    kind = PAIR_NOUNS.get(token.lower_)
    if kind is None or token.tag_ != "NNS" or token.pos_ != "NOUN":
        return None
    children = list(token.children)
    both = any(c.lower_ == "both" and c.i < token.i for c in children)
    two = any(c.lower_ == "two" and c.dep_ == "nummod" for c in children) and any(
        c.lower_ == "the" and c.dep_ == "det" for c in children)
    if not (both or two):
        return None
    if any(c.dep_ in ("compound", "poss", "nmod") or c.i in taken for c in children if c.i < token.i):
        return None  # "the two opposition parties", "both Ukrainian ministers"
    if any(c.dep_ == "amod" for c in children) and kind != "person":
        return None  # "the two main parties"; "both foreign ministers" is a pair of officials
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in BORDER_WORDS for g in c.children)
           for c in children):
        return None  # "both sides of the border": places, not actors
    return kind


def _pair(doc: Doc, ordered: Sequence[Mention], sent_of: dict[int, int], token, kind: str,  # type: ignore[no-untyped-def]
          last: tuple[int, int, list[Mention]] | None) -> list[Mention]:
    """The two actors of different countries the pair noun stands for: countries (or their governments) for
    "the two countries", people or governments for "the two leaders" (a country named stands for its
    government: "Turkey and Russia ... the two leaders"), any actor for "both sides". They are the pair the
    last pair noun stood for when no actor of another side is named since ("Both sides discussed ... both countries
    announced"); else those named in this or the previous sentence (the one before it when fewer than two
    are): two named, those two when one of them takes part in a clause (subject, object, or their owner);
    more, the last two coordinated ("Kenya and Uganda"); else nothing ("Trump said Israel would strike Iran
    if the two sides fail to agree": which two?). The subject of the pair noun's own clause is not one
    ("the embassy urged both sides to show restraint", "the US and Saudi governments, which brought the two
    sides together")."""
    here = sent_of.get(token.i, 0)
    own = _clause_subject_tokens(token)
    found: dict[str, tuple[Mention, Span]] = {}
    for m, span in _before(doc, ordered, sent_of, token, 2):
        if m.kind == "role" and len(m.code) == 3:
            continue  # a bare role ("CVL") names no side
        key = _side(m)
        if key in found or span.root.i in own:
            continue
        if kind == "country" and not (m.kind in ("country", "capital") or m.code[3:] == "GOV"):
            continue
        if kind == "person":
            if m.kind in ("country", "capital") and len(m.code) == 3:
                m = replace(m, code=m.code + "GOV")
            elif not (m.kind == "person" or m.code[3:] == "GOV"):
                continue
        found[key] = (m, span)
    if last is not None and here - last[0] <= 1 and all(
            key in {_side(p) for p in last[2]} for key, (m, _) in found.items() if m.start > last[1]):
        return [_fitting(m, kind) for m in last[2]]
    for reach in (1, 2):
        named = [(m, span) for m, span in found.values() if here - sent_of.get(span[0].i, 0) <= reach]
        if kind == "person" and sum(1 for m, _ in named if m.kind == "person") >= 2:
            named = [(m, span) for m, span in named if m.kind == "person"]
        if len(named) < 2:
            continue
        if len(named) == 2:
            # "Kenya and Uganda met", not "Turkey backed the Palestinian cause" (an actor only as modifier)
            return [m for m, _ in reversed(named)] if any(_takes_part(span.root) for _, span in named) else []
        roots = {span.root.i: m for m, span in named}
        for m, span in named:
            if span.root.dep_ == "conj" and span.root.head.i in roots:
                return [roots[span.root.head.i], m]
        return []
    return []


def _the_country(doc: Doc, ordered: Sequence[Mention], sent_of: dict[int, int],
                 token) -> Mention | None:  # type: ignore[no-untyped-def]
    """"The country", "the nation": the speaker's country in "Latvia's minister said the country will ..."; else
    the one country named by name in this or the previous sentence, other than the country of the subject of
    its own clause ("Gulf states cut ties with Qatar, accusing the country of ..."); nothing when several are
    ("Turkey blocked Sweden's bid, accusing Finland and the country ...": which?) or none is (the country a
    text is about is not always the one it names last). An object with no country named by name is the one
    country of an official or person named, as its government ("expelling Iran's ambassador, accusing the country")."""
    # the subject of its clause and the subject's country: "the Kremlin accused the country", "the
    # administration will cut aid to the country" speak of another country than the subject's; "froze assets
    # of the country's president": the owner's clause, as the object's
    above = _clause_subject_tokens(token.head if token.dep_ == "poss" else token)
    if is_subject(token) and token.head.dep_ == "ccomp":
        # "Latvia's foreign minister said the country will ...": the speaker's country
        speaker = grammatical_subject(token.head.head)
        words = {t.i for t in speaker.subtree if t.i <= speaker.i} if speaker is not None else set()
        for m, span in _before(doc, ordered, sent_of, token, 0):
            if span.root.i in words and m.actor.country in _country_codes():  # not "UN chief X said ..." 
                return m
    found, loose, theirs = {}, {}, set()
    for m, span in _before(doc, ordered, sent_of, token, 1):
        if span.root.i in above:
            theirs.add(m.actor.country)
        # a country by its name ("Qatar", not "Americans", "Japanese Prime Minister X") or its capital
        elif m.kind == "capital" or (m.kind == "country" and m.code == m.actor.country and span.root.tag_ == "NNP"):
            found.setdefault(m.actor.country, m)
        elif m.kind in ("country", "person") and m.actor.country in _country_codes():
            # "expelling Iran's ambassador, accusing the country of": a country named as an official's
            # (the state the official stands for: its government, "Togo's ambassador ... the country" TGOGOV)
            loose.setdefault(m.actor.country, replace(m, code=m.actor.country + "GOV", kind="description"))
    found = {c: m for c, m in found.items() if c not in theirs}
    if not found and token.dep_ in ("dobj", "pobj"):
        found = {c: m for c, m in loose.items() if c not in theirs}
    return next(iter(found.values())) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    """The built-in dictionary's role nouns ("supporters", "forces", "troops"): nouns that name actors."""
    from parley.actors import load_dictionary

    return frozenset(load_dictionary().roles)


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    """The built-in dictionary's countries: a speaker's country is one of them, not the UN's "UNO"."""
    from parley.actors import load_dictionary

    return frozenset(load_dictionary().countries())


def _coordinated(doc: Doc, ordered: Sequence[Mention], sent_of: dict[int, int],
                 token) -> list[Mention]:  # type: ignore[no-untyped-def]
    """The last two actors of different sides named as the subject of a clause ("Ghana and Togo signed ...",
    "Donald Trump and Kim Jong Un met ...") in this or the previous sentence, other than the one whose clause
    holds the pronoun ("Kenya and Uganda said they would ..." is left to the coder, which reads the pair as its
    verb's); none when the last coordination is no subject ("talks between the EU and Iran ... They asked")."""
    own = _clause_subject_tokens(token)
    near = [(m, span) for m, span in _before(doc, ordered, sent_of, token, 1)
            if not (m.kind == "role" and len(m.code) == 3) and m.kind not in ("pronoun", "description")]
    roots = {span.root.i: m for m, span in near}
    for m, span in near:
        root = span.root
        if root.dep_ == "conj" and root.head.i in roots and root.i not in own and root.head.i not in own:
            first = roots[root.head.i]
            if not is_subject(root.head) or root.head.head in token.ancestors:
                # "Russia and China said they would veto it": the coder reads the pair as it is; "talks between
                # the EU and Iran ... They asked": the pair took no part
                return []
            if _side(first) != _side(m):
                return [first, m]
    return []


def _before(doc: Doc, ordered: Sequence[Mention], sent_of: dict[int, int], token,  # type: ignore[no-untyped-def]
            reach: int) -> Iterator[tuple[Mention, Span]]:
    """The mentions before ``token``, nearest first, with their spans, in its sentence or the ``reach`` before."""
    here = sent_of.get(token.i, 0)
    for m in reversed(ordered):
        if m.start >= token.idx:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if here - sent_of.get(span[0].i, 0) > reach:
            break
        yield m, span


def _side(m: Mention) -> str:
    """Which side an actor is on, for telling the two of a pair apart: its country, or its organisation."""
    return m.code[:6] if m.code.startswith("IGO") else m.actor.country


def _fitting(m: Mention, kind: str) -> Mention:
    """A member of the last pair as the pair noun's kind reads it: "the two leaders" of Kenya, KENGOV."""
    return replace(m, code=m.code + "GOV") if kind == "person" and len(m.code) == 3 else m


def _clause_subject_tokens(token) -> set[int]:  # type: ignore[no-untyped-def]
    """The tokens of the subject of the clause an object is in ("the embassy urged both sides to ..."), of
    the nearest clause above that has one; nothing for a subject."""
    if token.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = token.head
    while True:
        subjects = [c for c in verb.children if is_subject(c)]
        if subjects:
            # the subject's head and its words before it ("Kenyan President William Ruto"), not a clause
            # after it ("Ruto, who met Mahama, invited him")
            if verb.dep_ == "relcl" and any(s.tag_ in ("WDT", "WP") for s in subjects):
                subjects.append(verb.head)  # "the governments, which brought the two sides together"
            return {t.i for s in subjects for c in conjuncts(s) for t in c.subtree
                    if t.i <= c.i or t.head.i == c.i and t.dep_ == "appos"}
        if verb.head.i == verb.i:
            return set()
        verb = verb.head


def _takes_part(root) -> bool:  # type: ignore[no-untyped-def]
    """Whether a mention's head is a clause's subject or object, or the owner of one ("Russia's invasion")."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "poss":
        root = root.head
    if root.dep_ == "pobj":
        return root.head.head.pos_ in ("VERB", "AUX")
    return is_subject(root) or root.dep_ in ("dobj", "dative", "agent", "attr")


def _unnamed_speaker(token, taken: set[int]) -> bool:  # type: ignore[no-untyped-def]
    """'The government ... said it had ...': the subject of the verb of saying is a noun phrase that names no
    actor, so "it" is that unnamed speaker, not an earlier actor."""
    subject = grammatical_subject(token.head.head)
    return subject is not None and subject.pos_ in ("NOUN", "PROPN") and not any(
        t.i in taken for t in subject.subtree if t.i <= subject.i)


def _antecedent(doc: Doc, ordered: Sequence[Mention], sent_of: dict[int, int], token, want: str,  # type: ignore[no-untyped-def]
                resolved: Sequence[Mention] = ()) -> Mention | None:
    """The last compatible mention in this or the two previous sentences (the previous one for "it");
    subjects first. An object is not the subject of its clause, nor whom that subject stands for ("Xi
    invited him", "Michel said he looked forward to working with him", "Aliyev called Erdogan and invited
    him"); ``resolved``: the pronouns and descriptions resolved before ``token``."""
    own = _clause_subject_tokens(token)
    own_places = {doc[i].idx for i in own}
    own_actors = {(m.code, m.name) for m in resolved if m.start in own_places}
    countries: list[Mention] = []  # for "the government" when no government is named: the countries named
    reach = 1 if (want in ("thing", "plural") or want in BODY_DESCRIPTIONS) else 2
    candidates = []
    for m, span in _before(doc, ordered, sent_of, token, reach):
        if span.root.i in own:
            own_actors.add((m.code, m.name))
            continue
        if (m.code, m.name) in own_actors:
            continue
        if want in BODY_DESCRIPTIONS:
            fits = m.kind in BODY_DESCRIPTIONS[want] and (want != "party" or m.actor.role in PARTY_ROLES)
        elif want == "plural":
            fits = span.root.tag_ in ("NNS", "NNPS") and m.kind != "person"
        elif want == "thing":
            # a body named by its role in the singular is a thing too: "the opposition party said it would"
            fits = m.kind in THING_KINDS or (m.kind == "role" and span.root.tag_ == "NN")
        else:
            # a person: a named one, or one named by office ("the German chancellor ... he")
            fits = (m.kind == "person" or (span.root.lower_ in PERSON_DESCRIPTIONS and span.root.tag_ == "NN")) \
                if want == "person" else m.code.endswith("GOV")
        if fits:
            subject = any(is_subject(t) for t in span)
            candidates.append((not subject, len(candidates), m))
        elif want == "government" and m.kind in ("country", "capital") and m.actor.country == m.code[:3] \
                and m.actor.role not in ("GOV", "MED", "BUS"):
            # "Zimbabwe's doctors went on strike after the government ...": a country's people name it too
            countries.append(replace(m, code=m.actor.country))
    if not candidates:
        if countries and len({m.code for m in countries}) == 1 and token.lower_ in STATE_BODIES:
            # "Zimbabwe's doctors went on strike after the government failed to ...": the one country named
            return replace(countries[0], code=countries[0].code + "GOV")
        return None
    if token.lower_ == "them":
        # an object pronoun refers to a group acted on before ("detained activists and beat them"), not to
        # the subject of its own clause or of the clause it is coordinated with
        verb = token.head if token.dep_ != "pobj" else token.head.head
        heads = {verb.i, verb.head.i} if verb.dep_ == "conj" else {verb.i}
        others = [c for c in candidates if not any(
            is_subject(t) and t.head.i in heads
            for t in doc.char_span(c[2].start, c[2].end, alignment_mode="expand"))]
        if not others:
            return None
        return min(others, key=lambda c: c[1])[2]
    return min(candidates)[2]
