"""Quotations and who said them.

Direct quotations in every common style (straight "..", curly “..”, single ‘..’, guillemets «..»),
partial quotes inside a sentence, and quotations that run over several paragraphs the news way (each paragraph
opens the quote again without closing the one before). A paragraph whose marks do not pair up is skipped
with a W102 warning instead of guessing. Quoted strings of three words or fewer with no speech verb nearby
are scare quotes and are ignored.

Indirect quotations: "X said (that) <clause>" with no quotation marks gives the clause, kind ``indirect``;
"According to X, <clause>" gives kind ``according-to``.

The speaker is the subject of the speech verb ("X said", "said X", "X told reporters"), else the agent of an
"according to", else the nearest actor mentioned before the quote in the same or the previous sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parley import lexicon
from parley.errors import W_QUOTE_UNBALANCED
from parley.model import ActorRef, Mention, Quote, Warning_
from parley.nlp import DOC_ATTRIBUTES  # noqa: F401  (registers doc._.dateline, doc._.source_text)
from parley.syntax import grammatical_subject

SPEECH_VERBS = lexicon.words("speech-verbs")
PAIRS = {"“": "”", "«": "»", "„": "“", "‹": "›"}
MIN_WORDS_WITHOUT_CUE = 4
_CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp"})


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int  # text offsets, marks excluded
    end: int


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n\s*\n|\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and (after.isalnum() or after in " .,;:!?")


def _scan(text: str, a: int, b: int) -> tuple[list[_Raw], bool, bool]:
    """Quotes in one paragraph; (quotes, left_open, unbalanced)."""
    quotes: list[_Raw] = []
    i = a
    open_at: int | None = None
    closer = ""
    while i < b:
        ch = text[i]
        if open_at is None:
            if ch in PAIRS:
                open_at, closer = i, PAIRS[ch]
            elif ch == '"':
                open_at, closer = i, '"'
            elif ch == "‘" and not _is_apostrophe(text, i):
                open_at, closer = i, "’"
            elif ch in "”»":
                return quotes, False, True
        else:
            # inside a single-quoted quote, ’ between letters is an apostrophe (don’t); before a space or
            # punctuation it closes the quote
            if ch == closer and not (closer == "’" and i + 1 < b and text[i + 1].isalnum()):
                quotes.append(_Raw(open_at + 1, i))
                open_at = None
            elif closer == "”" and ch == "“":
                pass  # a nested or re-opened curly quote inside: keep the outer one
        i += 1
    if open_at is not None:
        quotes.append(_Raw(open_at + 1, b))
        return quotes, True, False
    return quotes, False, False


def find_raw_quotes(text: str) -> tuple[list[_Raw], list[Warning_]]:
    raws: list[_Raw] = []
    warnings: list[Warning_] = []
    paragraphs = _paragraphs(text)
    for n, (a, b) in enumerate(paragraphs):
        quotes, left_open, unbalanced = _scan(text, a, b)
        if left_open:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            reopens = nxt is not None and text[nxt[0] : nxt[1]].lstrip()[:1] in ('"', "“", "«", "‘")
            if not reopens:
                unbalanced = True
        if unbalanced:
            snippet = text[a:b].strip()[:60]
            warnings.append(
                Warning_(W_QUOTE_UNBALANCED, f"quotation marks do not pair up in paragraph {n + 1} ({snippet!r}...); its quotes were skipped")
            )
            continue
        raws.extend(quotes)
    return raws, warnings


class _Mentions:
    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.by_token: dict[int, Mention] = {}
        self.ordered = sorted(mentions, key=lambda m: m.start)
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.by_token.setdefault(t.i, m)

    def in_phrase(self, head: Token) -> Mention | None:
        """The actor of the phrase headed by ``head`` (a person first), ignoring clauses inside it."""
        if head.i in self.by_token:
            return self.by_token[head.i]
        found: list[Mention] = []
        stack = [c for c in head.children if c.dep_ not in _CLAUSES]
        while stack:
            t = stack.pop()
            if t.i in self.by_token:
                found.append(self.by_token[t.i])
            stack.extend(c for c in t.children if c.dep_ not in _CLAUSES)
        if not found:
            return None
        found.sort(key=lambda m: (m.kind != "person", m.start))
        return found[0]

    def before(self, offset: int, floor: int) -> Mention | None:
        best = None
        for m in self.ordered:
            if floor <= m.start < offset:
                best = m
        return best


def _ref(m: Mention | None) -> ActorRef | None:
    return None if m is None else ActorRef(m.code, m.name, m.text, m.start, m.end)


def _cue_for(doc: Doc, start: int, end: int) -> Token | None:
    """The speech verb of a quote: the one that governs it ("told reporters that ... “...”"), else the
    nearest one in the sentence(s) around it, outside the quote itself."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for t in span[0].ancestors:
        if not (start <= t.idx < end) and t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS:
            return t
    sents = {span[0].sent.start: span[0].sent, span[-1].sent.start: span[-1].sent}
    best: Token | None = None
    for sent in sents.values():
        for t in sent:
            if start <= t.idx < end:
                continue
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS:
                if best is None or abs(t.idx - start) < abs(best.idx - start):
                    best = t
    return best


def _speaker_of(cue: Token) -> Token | None:
    subject = grammatical_subject(cue)
    if subject is not None:
        return subject
    if cue.dep_ in ("conj", "advcl", "xcomp") and cue.head is not cue:
        return _speaker_of(cue.head)
    return None


def _according_to(doc: Doc, sent_start: int, sent_end: int) -> Token | None:
    for t in doc[sent_start:sent_end]:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            for c in doc[t.i + 1].children:
                if c.dep_ == "pobj":
                    return c
    return None


def find_quotes(doc: Doc, mentions: Sequence[Mention]) -> tuple[list[Quote], list[Warning_]]:
    text = doc._.source_text
    raws, warnings = find_raw_quotes(text)
    index = _Mentions(doc, mentions)
    sentences = list(doc.sents)
    sentence_starts = [s.start_char for s in sentences]
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    for raw in raws:
        body = text[raw.start : raw.end]
        stripped = body.strip().rstrip(",;")
        if not stripped:
            continue
        start = raw.start + (len(body) - len(body.lstrip()))
        end = start + len(stripped)
        if text[max(0, raw.start - 12) : raw.start].rstrip(" \"“‘«").lower().endswith("so-called"):
            continue  # scare quotes: the so-called "peace plan"
        cue = _cue_for(doc, start, end)
        if cue is None and len(stripped.split()) < MIN_WORDS_WITHOUT_CUE:
            continue  # scare quotes
        span = doc.char_span(start, end, alignment_mode="expand")
        sent_no = sentence_of(sentences, sentence_starts, start)
        speaker: Mention | None = None
        named_unknown = False
        if cue is not None:
            subject = _speaker_of(cue)
            if subject is not None:
                speaker = index.in_phrase(subject)
                # "Touray claimed ...", "he said" with no antecedent: the speaker is named but not known;
                # the nearest actor is somebody else
                named_unknown = speaker is None and subject.pos_ in ("PROPN", "PRON")
        if speaker is None and span is not None:
            sent = span[0].sent
            agent = _according_to(doc, sent.start, sent.end)
            if agent is not None:
                speaker = index.in_phrase(agent)
        if speaker is None and not named_unknown:
            floor = sentences[max(sent_no - 1, 0)].start_char
            candidate = index.before(start, floor)
            speaker = candidate
        quotes.append(
            Quote(id="", sentence=sent_no, speaker=_ref(speaker), text=stripped, start=start, end=end,
                  kind="direct", cue=cue.text if cue is not None else None)
        )
        covered.append((start, end))
    quotes.extend(_indirect(doc, index, sentences, covered))
    quotes.sort(key=lambda q: q.start)
    return [Quote(f"q{i}", q.sentence, q.speaker, q.text, q.start, q.end, q.kind, q.cue) for i, q in enumerate(quotes, 1)], warnings


def sentence_of(sentences: Sequence, starts: Sequence[int], offset: int) -> int:
    """The number of the sentence holding character ``offset`` (0 if none does), by bisection over the sentences'
    ``starts``: not a scan of every sentence for each quote (quadratic over a long document)."""
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < sentences[i].end_char else 0


def _indirect(doc: Doc, index: _Mentions, sentences: list, covered: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    text = doc._.source_text
    for sent_no, sent in enumerate(sentences):
        for t in sent:
            if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in SPEECH_VERBS:
                continue
            clause = next((c for c in t.children if c.dep_ == "ccomp"), None)
            if clause is None:
                continue
            tokens = list(clause.subtree)
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if any(a < end and start < b for a, b in covered):
                continue
            if any(ch in text[start:end] for ch in '"“”«»'):
                continue
            subject = _speaker_of(t)
            speaker = index.in_phrase(subject) if subject is not None else None
            if subject is None or speaker is None:
                continue
            mark = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
            if mark and mark[0].i == tokens[0].i:
                start = tokens[1].idx
            out.append(Quote("", sent_no, _ref(speaker), text[start:end], start, end, "indirect", t.text))
        agent = _according_to(doc, sent.start, sent.end)
        if agent is not None:
            speaker = index.in_phrase(agent)
            if speaker is not None and not any(q.sentence == sent_no for q in out):
                start = sent.start_char
                end = sent.end_char
                if not any(a < end and start < b for a, b in covered):
                    out.append(Quote("", sent_no, _ref(speaker), text[start:end].strip(), start, start + len(text[start:end].strip()),
                                     "according-to", "according to"))
    return out


FIRST_PERSON = lexicon.words("first-person")


def speaker_pronouns(doc: Doc, quotes: Sequence[Quote]) -> list[Mention]:
    """'I'/'we' inside a direct quotation stand for its speaker: "“We condemn the strike,” Egypt said"."""
    out: list[Mention] = []
    for q in quotes:
        if q.kind != "direct" or q.speaker is None:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            if t.lower_ in FIRST_PERSON and t.pos_ == "PRON":
                out.append(Mention(q.speaker.code, q.speaker.name, t.text, t.idx, t.idx + len(t.text), "pronoun"))
    return out
