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

from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Span, Token

from parley.model import Event, Mention

_SKIP_POS = frozenset({"PUNCT", "SPACE", "DET", "NUM", "SYM", "X"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "pobj", "xcomp", "ccomp", "attr", "dative"})
_CUES = frozenset({"will", "would", "could", "may", "might", "should", "can", "must", "if", "unless", "not",
                   "n't", "never", "no", "threaten", "warn", "demand", "urge", "call", "plan", "want", "deny",
                   "reportedly", "allegedly", "apparent", "possible", "likely", "whether", "?", "ready", "seek",
                   "expect", "propose", "vow", "pledge", "promise", "refuse", "reject", "intend"})


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
        if lem in _CUES:
            feats.add(f"cue={lem}>{lemma(t.head)}")
        if t.dep_ in _ARG_DEPS and t.head is not t:
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
        feats.add(f"rule={_rule_family(e.rule)}")
    return sorted(feats)


def _rule_family(rule: str) -> str:
    """A pattern id without its line-specific tail: ``19.v3.clash.0`` -> ``19.v3.clash``."""
    parts = rule.split("+")[0].split(".")
    return ".".join(p for p in parts if not p.isdigit())[:60]


def head_of(sent: Span, mention: Mention) -> Token | None:
    """The syntactic head of a mention's tokens inside ``sent``."""
    tokens = [t for t in sent if t.idx < mention.end and t.idx + len(t.text) > mention.start]
    if not tokens:
        return None
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head is t:
            return t
    return tokens[0]


def mention_features(sent: Span, mention: Mention, root: str, order: int) -> list[str]:
    """Features of one mention for the act of CAMEO root ``root``; ``order`` is the mention's rank in the sentence."""
    head = head_of(sent, mention)
    base: list[str] = [f"kind={mention.kind}", f"order={min(order, 3)}"]
    role = mention.code[3:6] if len(mention.code) >= 6 else ("IGO" if mention.kind == "igo" else "CTRY")
    base.append(f"role={role}")
    if head is not None:
        dep = head.dep_
        base.append(f"dep={dep}")
        gov = head.head
        if dep == "pobj" and gov.dep_ == "prep":
            base.append(f"prep={lemma(gov)}")
            base.append(f"prep={lemma(gov)}>{gov.head.dep_}")
            gov = gov.head
        elif dep == "poss":
            base.append(f"poss_of={lemma(gov)}")
        elif dep in ("compound", "amod"):
            base.append(f"mod_of={gov.dep_}")
        base.append(f"gov={lemma(gov)}")
        base.append(f"govdep={gov.dep_}")
        base.append(f"gov_is_root={gov.dep_ == 'ROOT'}")
        root_tok = sent.root
        base.append(f"side={'before' if head.i < root_tok.i else 'after'}")
        if head.head is root_tok and dep in ("nsubj", "nsubjpass"):
            base.append("main_subject")
        if any(c.dep_ == "agent" for c in head.ancestors) or (head.head.dep_ == "agent"):
            base.append("in_agent")
        if lemma(root_tok) in ("say", "tell", "add", "state", "announce", "claim"):
            base.append(f"speech_root|dep={dep}")
    out = list(base)
    out.extend(f"r{root}|{f}" for f in base)
    return out


def event_features(event: Event) -> list[str]:
    src = event.source.code if event.source else ""
    tgt = event.target.code if event.target else ""
    fam = _rule_family(event.rule)
    return [f"ev_rule={fam}", f"ev_code={event.cameo}", f"ev_root={event.root}",
            f"ev_src_role={src[3:6] or 'CTRY'}", f"ev_tgt_role={tgt[3:6] or ('CTRY' if tgt else 'NONE')}",
            f"ev_mod={event.modality}", f"ev_same_country={bool(src and tgt and src[:3] == tgt[:3])}",
            f"ev_root={event.root}|conf={event.confidence}", f"ev_rule={fam}|tgt={bool(tgt)}"]


def in_sentence(sent: Span, items: Iterable[Mention | Event]) -> Iterator:
    """The mentions (by offsets) or events (by trigger) that lie in ``sent``."""
    for x in items:
        start = x.trigger.start if isinstance(x, Event) else x.start
        if sent.start_char <= start < sent.end_char:
            yield x
