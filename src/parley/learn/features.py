"""Features of the trained layer: plain strings read off spaCy's parse, parley's mentions and the rules' events.

Three kinds, one function each:

* :func:`sentence_features` — what a sentence is about (lemmas, pairs, verb-argument links, the rules'
  own proposals): the event detector and the rule verifier read them;
* :func:`mention_features` — where a mention stands towards the act (its dependency, governing word and
  preposition, place in the sentence, role), crossed with the CAMEO root in question: attribution reads them;
* :func:`event_features` — a rule event's pattern, code and actors, for the verifier.

Features are names, not numbers: a model stores the names it learned (its vocabulary) and ignores the rest,
so a feature added here later never breaks an older model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy import symbols
from spacy.attrs import IS_ALPHA, IS_STOP, LENGTH, POS
from spacy.tokens import Doc, Span, Token

from parley.events.mentions import MentionIndex
from parley.lexicon import words as word_class
from parley.model import Event, Mention
from parley.syntax import subject_head
from parley.tone import lexicon as tone_lexicon

_SKIP_POS = frozenset({"PUNCT", "SPACE", "DET", "NUM", "SYM", "X"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "pobj", "xcomp", "ccomp", "attr", "dative"})

def lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def sentence_features(sent: Span, rule_events: Sequence[Event] = (), mentions: Sequence[Mention] = ()) -> list[str]:
    feats: set[str] = {"bias"}
    words = [t for t in sent if t.pos_ not in _SKIP_POS and not t.is_space]
    prev = "<s>"
    for t in words:
        lem = lemma(t)
        feats.add(f"w={lem}")
        feats.add(f"b={prev}_{lem}")
        prev = lem
        if t.pos_ in ("VERB", "NOUN", "ADJ"):
            feats.add(f"{t.pos_[0]}={lem}")
        if lem in word_class("learning-cues"):
            feats.add(f"cue={lem}>{lemma(t.head)}")
        if t.dep_ in ARGUMENT_DEPS and t.head is not t:
            head = t.head
            if t.dep_ == "pobj" and head.dep_ == "prep":
                feats.add(f"p={lemma(head.head)}_{lemma(head)}_{lem}")
                feats.add(f"p={lemma(head.head)}_{lemma(head)}")
            else:
                feats.add(f"d={lemma(head)}>{t.dep_}>{lem}")
                feats.add(f"d={lemma(head)}>{t.dep_}")
        if t.dep_ == "ROOT":
            feats.add(f"root={lem}")
            feats.add(f"tense={t.tag_}")
    roles = sorted({m.code[3:6] or "CTRY" for m in mentions if len(m.code) >= 3})
    feats.update(f"role={r}" for r in roles)
    n = len({m.code for m in mentions})
    feats.add(f"actors={min(n, 3)}")
    for e in rule_events:
        feats.add(f"rule_root={e.root}")
        feats.add(f"rule_root={e.root}|{e.modality}")
        feats.add(f"rule={rule_family(e.rule)}")
    return sorted(feats)


DENSE_SCALE = 0.1  # keeps the dense part on the scale of a handful of binary features


def rule_family(rule: str) -> str:
    """A pattern id without its line-specific tail: ``19.v3.clash.0`` -> ``19.v3.clash``."""
    parts = rule.split("+")[0].split(".")
    return ".".join(p for p in parts if not p.isdigit())[:60]


def head_of(sent: Span, mention: Mention) -> Token | None:
    """The syntactic head of a mention's tokens inside ``sent``."""
    span = sent.doc.char_span(max(mention.start, sent.start_char), min(mention.end, sent.end_char),
                              alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


TRIGGER_POS = frozenset({"VERB", "NOUN", "ADJ"})
_TRIGGER_POS_IDS = [symbols.VERB, symbols.NOUN, symbols.ADJ]


def is_candidate(token: Token) -> bool:
    """A word that may express an act: a verb, a noun or an adjective, not a stop word or a name."""
    return token.pos_ in TRIGGER_POS and not token.is_stop and token.is_alpha and len(token) > 1


def candidates_in(doc: Doc) -> np.ndarray:
    """:func:`is_candidate` of every word of ``doc`` at once, read off spaCy's token array (no Token is made)."""
    a = doc.to_array([POS, IS_STOP, IS_ALPHA, LENGTH]).astype(np.int64)
    return np.isin(a[:, 0], _TRIGGER_POS_IDS) & (a[:, 1] == 0) & (a[:, 2] != 0) & (a[:, 3] > 1)


def _role(mention: Mention) -> str:
    if mention.kind == "igo":
        return "IGO"
    return mention.code[3:6] if len(mention.code) >= 6 else "CTRY"


def rule_words(candidates: Iterable[object]) -> dict[int, tuple[str | None, str]]:
    """What the rules made of each word they looked at: (the root of the pattern that matched it, or None; what
    became of it: kept, no pattern matched, no source found, or dropped by a guard)."""
    out: dict[int, tuple[str | None, str]] = {}
    for cand in candidates:
        match = getattr(cand, "match", None)
        root = match.pattern.cameo[:2] if match is not None else None
        dropped = getattr(cand, "dropped", None) or ""
        fate = ("kept" if not dropped else "nomatch" if dropped.startswith("no pattern matched")
                else "nosource" if dropped.startswith("no source") else "guard")
        out[cand.predicate.i] = (root, fate)  # type: ignore[attr-defined]
    return out


def token_features(token: Token, mentions_by_token: dict[int, Mention], rule_events: Sequence[Event] = (),
                   rules_saw: dict[int, tuple[str | None, str]] | None = None, sent: Span | None = None,
                   lem: str | None = None) -> list[str]:
    """What a word and its place in the parse say about the act it may express, and what the rules made of it.
    ``sent``: the word's sentence, and ``lem`` its :func:`lemma`, when the caller has them (found again if not)."""
    if lem is None:
        lem = lemma(token)
    head, dep, i = token.head, token.dep_, token.i
    head_lemma = lemma(head)
    feats = ["bias", f"l={lem}", f"lp={lem}_{token.pos_}", f"tag={token.tag_}", f"dep={dep}",
             f"l={lem}|dep={dep}", f"hl={head_lemma}", f"hd={head.dep_}", f"suf={lem[-3:]}",
             f"hl={head_lemma}|l={lem}"]
    if sent is None:
        sent = token.sent
    if i > sent.start:
        feats.append(f"prev={lemma(token.doc[i - 1])}")
    if i + 1 < sent.end:
        feats.append(f"next={lemma(token.doc[i + 1])}")
    clauses = []
    for c in token.children:
        cdep = c.dep_
        feats.append(f"c={cdep}")
        if cdep in ("ccomp", "xcomp"):
            clauses.append(c)
        if cdep == "prep":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            prep = lemma(c)
            feats.append(f"prep={prep}")
            feats.append(f"l={lem}|prep={prep}")
            if obj is not None:
                feats.append(f"prep={prep}_{lemma(obj)}")
                m = mentions_by_token.get(obj.i)
                if m is not None:
                    feats.append(f"prep={prep}:{_role(m)}")
        elif cdep in ("dobj", "nsubj", "nsubjpass", "attr", "xcomp", "ccomp", "neg", "aux", "amod", "compound"):
            feats.append(f"c={cdep}_{lemma(c)}")
            m = mentions_by_token.get(c.i)
            if m is not None:
                feats.append(f"cm={cdep}:{_role(m)}")
                feats.append(f"l={lem}|cm={cdep}")
    if clauses:
        feats.extend(said_features(token, clauses))
    for e in rule_events:
        if e.trigger.start == token.idx:
            feats.append(f"rule_root={e.root}")
            feats.append(f"rule={rule_family(e.rule)}")
    seen = (rules_saw or {}).get(token.i)
    if seen is not None:
        root, fate = seen
        feats.append(f"rules_saw={fate}")
        if root is not None:
            feats.append(f"rules_root={root}|{fate}")
    return feats


SAID_LIMIT = 40  # words of a clausal complement read at most


def said_features(token: Token, clauses: Sequence[Token] | None = None) -> list[str]:
    """What a word's clausal complement says ("said the strikes were a crime"): its content words, and whether
    any of them is a word of criticism or of negative or positive valence (VADER's lexicon, as document tone
    reads it). A verb of saying with evaluative content is how news reports most criticism and accusation.
    ``clauses``: the word's complement clauses, when the caller has found them."""
    if clauses is None:
        clauses = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")]
    if not clauses:
        return []
    valence = tone_lexicon()
    feats: set[str] = set()
    neg = pos = 0
    for clause in clauses:
        for i, t in enumerate(clause.subtree):
            if i >= SAID_LIMIT:
                break
            if t.pos_ not in TRIGGER_POS or t.is_stop:
                continue
            lem = lemma(t)
            feats.add(f"said_w={lem}")
            v = valence.get(t.lower_, 0.0)
            neg += v < 0 or lem in word_class("criticism-words")
            pos += v > 0
    feats.add(f"said_neg={min(neg, 2)}")
    feats.add(f"said_pos={min(pos, 2)}")
    feats.add(f"said_neg={min(neg, 2)}|l={lemma(token)}")
    return sorted(feats)


def token_vector(token: Token) -> np.ndarray:
    """spaCy's own vector of the word (``doc.tensor``, the parser's shared tok2vec), scaled."""
    return token_vectors(token.doc, [token.i])[0]


def token_vectors(doc: Doc, indices: Sequence[int]) -> np.ndarray:
    """:func:`token_vector` of the words of ``doc`` at ``indices``, one row each: the same figures, in one step."""
    tensor = doc.tensor
    if tensor is None or tensor.ndim != 2 or not tensor.shape[0]:
        return np.zeros((len(indices), 96), dtype=np.float32)
    return tensor[list(indices)].astype(np.float32) * DENSE_SCALE


def dep_path(a: Token, b: Token, limit: int = 4) -> str:
    """The dependency path from ``a`` up to the lowest common ancestor and down to ``b``: 'nsubj^' (a is b's
    subject), 'pobj^prep^' (a is the object of b's preposition), 'nsubj^>xcomp' (a is the subject of the verb
    b depends on)..."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            ups = [x.dep_ for x in up_a[:n]][:limit]
            downs = [x.dep_ for x in reversed(up_b[: ids_b[t.i]])][:limit]
            return "^".join(ups) + ("^" if ups else "") + ">".join([""] + downs if downs else [])
    return "none"


def argument_tags(trigger: Token, index: MentionIndex) -> dict[tuple[int, int], str]:
    """The actors the rules' own syntax finds around a word: its subject (as the coder finds it: through
    passives, control verbs, coordination...), objects, prepositional objects, agent and possessor."""
    tags: dict[tuple[int, int], str] = {}

    def tag(head: Token | None, name: str) -> None:
        for m in index.actors(head):
            tags.setdefault((m.start, m.end), name)

    head, how = subject_head(trigger)
    tag(head, f"subj:{how}")
    for c in trigger.children:
        if c.dep_ in ("dobj", "dative", "attr", "oprd", "nsubjpass", "poss", "compound", "amod"):
            tag(c, f"arg:{c.dep_}")
        elif c.dep_ in ("prep", "agent"):
            for p in c.children:
                if p.dep_ == "pobj":
                    tag(p, f"prep:{c.lower_}")
    return tags


@dataclass(frozen=True)
class Said:
    """What is said around an act's word, found once for all the mentions read against it: the tokens of the
    speaker of a verb of saying above it ("Peru said Chile shelled ..."), and when the word is itself a verb of
    saying, the tokens of what it says (None when it is not one)."""

    speaker: frozenset[int]
    inside: frozenset[int] | None


def said_around(trigger: Token) -> Said:
    speaker: frozenset[int] = frozenset()
    for a in list(trigger.ancestors)[:4]:
        if lemma(a) in word_class("saying-verbs"):
            subject = next((c for c in a.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                speaker = frozenset(t.i for t in subject.subtree)
            break
    inside = None
    if lemma(trigger) in word_class("saying-verbs"):
        inside = frozenset(t.i for c in trigger.children if c.dep_ in ("ccomp", "xcomp", "dobj") for t in c.subtree)
    return Said(speaker, inside)


_FIND: Any = object()  # mention_features' ``head`` when the caller has not found it


def mention_features(sent: Span, mention: Mention, root: str, order: int, trigger: Token | None = None,
                     args: dict[tuple[int, int], str] | None = None, said: Said | None = None, *,
                     head: Token | None = _FIND, counts: Counts | None = None) -> list[str]:
    """Features of one mention as the possible source or target of the act of root ``root`` whose word is
    ``trigger``; ``order`` is the mention's rank in the sentence; ``args`` the :func:`argument_tags` of the word,
    ``said`` its :func:`said_around` (both found once per word by callers that read many mentions); ``head`` its
    :func:`head_of` and ``counts`` the sentence's :func:`between_counts` (found once per sentence by such callers)."""
    if head is _FIND:
        head = head_of(sent, mention)
    arg = (args or {}).get((mention.start, mention.end), "none")
    base: list[str] = [f"kind={mention.kind}", f"order={min(order, 3)}", f"role={_role(mention)}", f"arg={arg}",
                       f"arg={arg.split(':')[0]}"]
    if head is not None:
        dep = head.dep_
        base.append(f"dep={dep}")
        gov = head.head
        if dep == "pobj" and gov.dep_ == "prep":
            base.append(f"prep={lemma(gov)}")
        elif dep == "poss":
            base.append(f"poss_of={gov.pos_}")
        if trigger is not None:
            path = dep_path(head, trigger)
            base.append(f"path={path}")
            base.append(f"side={'before' if head.i < trigger.i else 'after'}")
            dist = abs(head.i - trigger.i)
            base.append(f"dist={min(dist, 8) // 2}")
            base.append(f"path={path}|role={_role(mention)}")
            if dep == "pobj" and gov.dep_ == "prep":
                base.append(f"path={path}|prep={lemma(gov)}")
            base.append(f"trig={lemma(trigger)}|path={path}")
            base.extend(_stance(sent, head, trigger, said if said is not None else said_around(trigger), counts))
    out = list(base)
    out.extend(f"r{root}|{f}" for f in base if not f.startswith("trig="))
    return out


Counts = tuple[int, list[int], list[int]]  # a sentence's first token, running counts of verbs and of punctuation


def between_counts(sent: Span) -> Counts:
    """Running counts over ``sent`` of the verbs and of the punctuation marks :func:`_stance` counts between a
    mention and the act's word: the counts between any two words of the sentence in constant time."""
    verbs, marks = [0], [0]
    for t in sent:
        verbs.append(verbs[-1] + (t.pos_ == "VERB"))
        marks.append(marks[-1] + (t.text in ",;:—"))
    return sent.start, verbs, marks


def _stance(sent: Span, head: Token, trigger: Token, said: Said, counts: Counts | None = None) -> list[str]:
    """Where a mention stands towards what is said and between it and the act: its head word ("police",
    "government"), whether it is the speaker of a verb of saying above the act ("Peru said Chile shelled ..."),
    inside what a verb of saying says, coordinated, the act's possessor, and how much of the clause lies between."""
    feats = [f"hl={lemma(head)}"]
    if head.i in said.speaker:
        feats.append("speaker_above")
    if said.inside is not None:
        feats.append(f"in_said={head.i in said.inside}")
    feats.append(f"coord={head.dep_ == 'conj' or any(c.dep_ == 'conj' for c in head.children)}")
    feats.append(f"poss_trig={head.dep_ == 'poss' and head.head.i == trigger.i}")
    lo, hi = sorted((head.i, trigger.i))
    if counts is not None and counts[0] <= lo and hi - counts[0] < len(counts[1]):
        a, b = lo + 1 - counts[0], max(hi - counts[0], lo + 1 - counts[0])
        verbs, punct = counts[1][b] - counts[1][a], counts[2][b] > counts[2][a]
    else:
        between = sent.doc[lo + 1:hi]
        verbs, punct = sum(t.pos_ == "VERB" for t in between), any(t.text in ",;:—" for t in between)
    feats.append(f"verbs_between={min(verbs, 3)}")
    feats.append(f"punct_between={punct}")
    return feats


def words_of(sent: Span, name: str) -> list[str]:
    """The lemmas of ``sent`` that are in the word class ``name``, sorted, each once."""
    return sorted({lemma(t) for t in sent} & word_class(name))


def sentence_cues(sent: Span) -> list[str]:
    """The words of ``sent`` that are learning cues, as :func:`modality_features` reads them."""
    return [f"s={w}" for w in words_of(sent, "learning-cues")]


def modality_features(token: Token, rule_modality: str | None, rule_cue: str | None,
                      cues: list[str] | None = None) -> list[str]:
    """What says whether the act of ``token`` happened: parley's own reading, auxiliaries, negation, the words
    that govern it (threaten, demand, plan, deny, if...). ``cues``: the :func:`sentence_cues` of its sentence,
    when the caller has them."""
    feats = ["bias", f"cls={rule_modality}", f"cue={(rule_cue or '-').lower()}", f"tag={token.tag_}",
             f"dep={token.dep_}"]
    for c in token.children:
        if c.dep_ in ("aux", "auxpass", "neg", "mark", "advmod"):
            feats.append(f"c={c.dep_}_{lemma(c)}")
    for k, anc in enumerate(list(token.ancestors)[:3]):
        feats.append(f"anc{k}={lemma(anc)}")
        feats.append(f"anc={lemma(anc)}")
        feats.append(f"ancdep{k}={anc.dep_}")
        for c in anc.children:
            if c.dep_ in ("aux", "neg", "mark"):
                feats.append(f"ancc={c.dep_}_{lemma(c)}")
    feats.extend(sentence_cues(token.sent) if cues is None else cues)
    return feats


def event_features(event: Event) -> list[str]:
    src = event.source.code if event.source else ""
    tgt = event.target.code if event.target else ""
    fam = rule_family(event.rule)
    return [f"ev_rule={fam}", f"ev_code={event.cameo}", f"ev_root={event.root}",
            f"ev_src_role={src[3:6] or 'CTRY'}", f"ev_tgt_role={tgt[3:6] or ('CTRY' if tgt else 'NONE')}",
            f"ev_mod={event.modality}", f"ev_same_country={bool(src and tgt and src[:3] == tgt[:3])}",
            f"ev_root={event.root}|conf={event.confidence}", f"ev_rule={fam}|tgt={bool(tgt)}"]
