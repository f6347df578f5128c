"""Quotations and who said them.

Direct quotations in every common style (straight "..", curly “..”, single ‘..’, guillemets «..»), and
quotations that run over several paragraphs the news way (each paragraph opens the quote again without closing
the one before). A paragraph whose marks do not pair up is skipped with a W102 warning instead of guessing.
Quoted strings of three words or fewer with no speech verb nearby are scare quotes, and a short quoted noun
phrase that is only a word's object ("called for 'strong measures'") is not a quotation: both are ignored.

Reported speech (kind ``indirect``): the clause of a verb of saying ("X said (that) <clause>", "<clause>, X
said", "X urged Y to <act>", "X claimed to have <act>"); "According to X, <clause>" gives kind
``according-to``. A quoted fragment inside reported speech is part of that one indirect quote
(ANNOTATION.md § Quotations); reported speech that is all one quotation is the direct quote.

The speaker is **the mention the text names** (ActorRef: its text and offsets, a code only when the actor
dictionaries resolve it, else null; never a different, better-known actor): the subject of the verb of saying
("X said", "said X", a relative "which insists", one inherited by "adding", "X was quoted as saying"), the
agent of a passive, the object of "according to"; a pronoun keeps its own text and takes the name and code of
the person it refers to (coreference, else the last person named before it whose title does not contradict
the pronoun). A direct quote with no verb of saying of its own continues the quote before it (the next
paragraph of a long quotation, the second half of a split quote: ``"A," he said. "B."``), or is said by the
speaker of an introducing sentence (``X said:``); otherwise its speaker is left null.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parley import lexicon
from parley.errors import W_QUOTE_UNBALANCED
from parley.model import ActorRef, Mention, Quote, Warning_
from parley.nlp import DOC_ATTRIBUTES  # noqa: F401  (registers doc._.dateline, doc._.source_text)
from parley.speakers import Mentions, Speakers, phrase, speaker_token, trailing_speaker
from parley.syntax import grammatical_subject

PAIRS = {"“": "”", "«": "»", "„": "“", "‹": "›"}
MIN_WORDS_WITHOUT_CUE = 4


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
            # news mixes straight and curly marks (“...", "...”): either double mark closes a double quote
            if (ch == closer or (closer in '"”' and ch in '"”')) and not (
                    closer == "’" and i + 1 < b and text[i + 1].isalnum()):
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


QUOTE_CUES = lexicon.words("quote-cues")
INFINITIVE_CUES = lexicon.words("infinitive-cues")
OBJECT_CONTROL = lexicon.words("object-control")
#: subjects that name no speaker: "this would suggest that ...", "which shows that ..."
NOT_SPEAKERS = lexicon.words("relative-pronouns") | lexicon.words("demonstratives")
_NOUN_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET", "PRON"})
#: a quoted noun phrase of at most this many words that is only a word's object is not a quotation
MAX_PHRASE_WORDS = 6
#: a direct quote covering this share of a reported clause is that clause: the clause is the direct quote
CLAUSE_IS_QUOTE = 0.7


def _is_cue(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in QUOTE_CUES


def _according_to(sent: Span) -> Token | None:
    """The "according" of an "according to X" in ``sent``."""
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to":
            return t
    return None


def _according_agent(according: Token) -> Token | None:
    for c in according.doc[according.i + 1].children:
        if c.dep_ == "pobj":
            return c
    return None


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    kind: str
    cue: Token | None
    speaker: ActorRef | None = None
    text: str = ""


def find_quotes(doc: Doc, mentions: Sequence[Mention]) -> tuple[list[Quote], list[Warning_]]:
    text = doc._.source_text
    raws, warnings = find_raw_quotes(text)
    floor = doc._.dateline[0].end if doc._.dateline else 0
    index = Mentions(doc, mentions)
    speakers = Speakers(doc, index)
    sentences = list(doc.sents)
    starts = [s.start_char for s in sentences]
    direct: list[_Found] = []
    for raw in raws:
        body = text[raw.start : raw.end]
        stripped = body.strip().rstrip(",;")
        if not stripped or raw.start < floor:
            continue
        start = raw.start + (len(body) - len(body.lstrip()))
        direct.append(_Found(start, start + len(stripped), "direct", None, text=stripped))
    quoted = sorted((d.start, d.end) for d in direct)
    indirect = _reported(doc, sentences, quoted, speakers, floor)
    indirect.sort(key=lambda q: q.start)
    i_starts = [q.start for q in indirect]
    direct = [d for d in direct if not _absorbed(d, _near(indirect, i_starts, d))]
    d_starts = [d.start for d in direct]
    indirect = [q for q in indirect if not any(_covers(d, q) for d in _near(direct, d_starts, q))]
    kept: list[_Found] = []
    for d in direct:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        if text[max(0, d.start - 12) : d.start].rstrip(" \"“‘«").lower().endswith("so-called"):
            continue  # scare quotes: the so-called "peace plan"
        d.cue = _cue_for(span, quoted)
        if d.cue is None and len(d.text.split()) < MIN_WORDS_WITHOUT_CUE:
            continue  # scare quotes
        if _only_aphrase(span):
            continue  # called for "strong measures": a quoted object, not a quotation
        kept.append(d)
    _direct_speakers(doc, kept, indirect, sentences, starts, speakers)
    merged = _merge_split(text, kept)
    found = sorted([*merged, *indirect], key=lambda q: q.start)
    quotes = [Quote(f"q{i}", sentence_of(sentences, starts, q.start), q.speaker, q.text, q.start, q.end, q.kind,
                    q.cue.text if q.cue is not None else ("according to" if q.kind == "according-to" else None))
              for i, q in enumerate(found, 1)]
    return quotes, warnings


def sentence_of(sentences: Sequence, starts: Sequence[int], offset: int) -> int:
    """The number of the sentence holding character ``offset`` (0 if none does), by bisection over the sentences'
    ``starts``: not a scan of every sentence for each quote (quadratic over a long document)."""
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < sentences[i].end_char else 0


def _inside(t: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether ``t`` lies in one of the ``quoted`` spans (sorted by start, not overlapping): by bisection, not
    by reading every quote of the document for every word."""
    i = bisect.bisect_right(quoted, (t.idx, 1 << 62)) - 1
    return i >= 0 and quoted[i][0] <= t.idx < quoted[i][1]


def _cue_for(span: Span, quoted: Sequence[tuple[int, int]]) -> Token | None:
    """The verb of saying of a direct quote: the one that governs it ("told reporters that ... “...”"), else the
    nearest one in its sentence(s) outside every quote."""
    start, end = span.start_char, span.end_char
    for t in span[0].ancestors:
        if not (start <= t.idx < end) and _is_cue(t) and not _inside(t, quoted):
            return t
    best: Token | None = None
    for sent in {span[0].sent.start: span[0].sent, span[-1].sent.start: span[-1].sent}.values():
        for t in sent:
            if _is_cue(t) and not _inside(t, quoted) and not (start <= t.idx < end):
                if best is None or abs(t.idx - start) < abs(best.idx - start):
                    best = t
    return best


def _only_aphrase(span: Span) -> bool:
    """A quoted phrase that is only part of the narrator's sentence, not words someone is reported to say: a
    noun phrase that is a word's object or modifier ("called for “strong measures”", "“offensive” placards",
    "called the plans “one of the most significant developments in decades”"), or an infinitive that
    modifies a noun ("their decision to “exchange bullets for votes”")."""
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    if len(roots) != 1:
        return False
    root = roots[0]
    if root.pos_ in _NOUN_POS:
        return root.dep_ not in ("ROOT", "ccomp", "parataxis", "conj")
    return root.dep_ in ("acl", "relcl") and root.head.pos_ == "NOUN" and len(
        [t for t in span if not t.is_punct]) <= 2 * MAX_PHRASE_WORDS


def _direct_speakers(doc: Doc, quotes: list[_Found], reported: Sequence[_Found], sentences: list,
                     starts: list[int], speakers: Speakers) -> None:
    """Each direct quote's speaker: its cue's, an "according to" phrase's, else (no cue) the speaker of the
    quote just before it, direct or reported (in this sentence or the two before: a long or split quotation,
    a quote after "..., he said"), else of a sentence that introduces it ("X said:")."""
    ordered = sorted([*quotes, *reported], key=lambda q: q.start)
    previous: _Found | None = None
    for q in ordered:
        if q.kind != "direct":
            previous = q
            continue
        here = sentence_of(sentences, starts, q.start)
        if q.cue is not None:
            who = speaker_token(q.cue) or trailing_speaker(q.cue, q.cue.sent)
            q.speaker = speakers.ref(who, q.cue) if who is not None else None
        else:
            agent = None
            for n in sorted({here, sentence_of(sentences, starts, max(q.end - 1, q.start))}):
                according = _according_to(sentences[n])
                agent = agent or (_according_agent(according) if according is not None else None)
            if agent is not None:
                q.speaker = speakers.ref(agent)
            elif (previous is not None and previous.speaker is not None
                  and here - sentence_of(sentences, starts, max(previous.end - 1, previous.start)) <= 2):
                q.speaker = previous.speaker
            elif here > 0:
                q.speaker = _introduced_by(sentences[here - 1], speakers)
        previous = q


def _introduced_by(sent: Span, speakers: Speakers) -> ActorRef | None:
    """The speaker of a sentence that introduces the quotation after it: "The minister spoke out against the
    move:" (the subject of a sentence ending in a colon), "X told reporters on Monday." (a verb of saying
    whose content is not in its own sentence)."""
    text = sent.text.rstrip()
    if text.endswith(":"):
        who = grammatical_subject(sent.root)
        if who is not None:
            return speakers.ref(who, sent.root)
    for t in sent:
        if _is_cue(t) and not any(c.dep_ in ("ccomp", "xcomp") for c in t.children) and (
                t.lemma_.lower() in ("say", "tell", "add")):
            who = speaker_token(t)
            if who is not None:
                return speakers.ref(who, t)
    return None


def _merge_split(text: str, quotes: list[_Found]) -> list[_Found]:
    """``"A," he said. "B."``: a quote with no cue of its own right after the attribution of the one before
    (a few words, no other quote between) is the second half of that quotation: one quote, the parts joined
    (ANNOTATION notes § Quotes)."""
    out: list[_Found] = []
    for q in quotes:
        prev = out[-1] if out else None
        between = text[prev.end : q.start] if prev is not None else ""
        if (prev is not None and q.cue is None and prev.cue is not None and q.speaker == prev.speaker
                and "\n" not in between and len(between.split()) <= 10 and prev.cue.idx >= prev.end
                and prev.cue.idx < q.start):
            out[-1] = _Found(prev.start, q.end, "direct", prev.cue, prev.speaker, f"{prev.text} {q.text}")
            continue
        out.append(q)
    return out


def _near(found: Sequence[_Found], starts: Sequence[int], q: _Found) -> Sequence[_Found]:
    """Those of ``found`` (sorted by start, their ``starts``) that can overlap ``q``: starting before it ends
    and within a long sentence before it (bisection, so a long document is not read once per quote)."""
    lo = bisect.bisect_left(starts, q.start - 5_000)
    hi = bisect.bisect_right(starts, q.end)
    return found[lo:hi]


def _absorbed(d: _Found, indirect: Sequence[_Found]) -> bool:
    """A quoted fragment inside reported speech: part of that indirect quote, not a quote of its own."""
    return any(q.start <= d.start and d.end <= q.end + 1 and not _covers(d, q) for q in indirect)


def _covers(d: _Found, q: _Found) -> bool:
    """Whether direct quote ``d`` is (nearly) all of reported clause ``q``: then the clause is the quote."""
    overlap = min(d.end, q.end) - max(d.start, q.start)
    return overlap > 0 and overlap >= CLAUSE_IS_QUOTE * (q.end - q.start)


def _reported(doc: Doc, sentences: list, quoted: Sequence[tuple[int, int]], speakers: Speakers,
              floor: int) -> list[_Found]:
    """Reported speech: the clause (or infinitive) of each verb of saying whose speaker the text names, and
    "according to X" sentences."""
    out: list[_Found] = []
    text = doc._.source_text
    for sent in sentences:
        mine: list[_Found] = []
        for t in sent:
            if not _is_cue(t) or _inside(t, quoted):
                continue
            who = speaker_token(t)
            trailing = trailing_speaker(t, sent)
            misparsed = (who is not None and t.dep_ in ("ccomp", "parataxis", "advcl") and t.head.i < who.i < t.i
                         and t.head.pos_ in ("VERB", "AUX"))  # "<clause with an object>, X said": X's a subject
            if trailing is not None and (who is None or misparsed):
                who = trailing
            else:
                trailing = None
            content = _content(t, sent)
            if content is None and trailing is not None:
                content = (sent.start, phrase(trailing)[0] - 1)  # "<clause>, the committee said"
            if content is None or who is None:
                continue
            lo, hi = content
            if lo <= who.i <= hi:  # the parser hung the post-posed speaker inside the clause: the clause ends there
                first = phrase(who, t)[0]
                if first <= lo:
                    continue
                hi = first - 1
            while lo <= hi and (doc[lo].is_punct or doc[lo].is_space or (
                    doc[lo].dep_ == "mark" and doc[lo].lower_ == "that")):
                lo += 1
            while hi >= lo and doc[hi].is_punct and doc[hi].text not in "\"”’»":
                hi -= 1
            if hi - lo < 1 or who.lower_ in NOT_SPEAKERS:
                continue
            if t.lemma_.lower() == "ask" and doc[lo].lower_ in ("whether", "if") or doc[lo].tag_ in ("WDT", "WP", "WRB"):
                continue  # "asked whether ...": a question put to someone, not what the asker says
            newline = text.find("\n", doc[lo].idx, doc[hi].idx)
            if newline != -1:  # reported speech never runs over a paragraph (a unit)
                while hi > lo and doc[hi].idx > newline:
                    hi -= 1
                while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
                    hi -= 1
            start, end = max(doc[lo].idx, floor), _closed(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
            mine.append(_Found(start, end, "indirect", t, speakers.ref(who, t), text[start:end]))
        according = _according_to(sent)
        agent = _according_agent(according) if according is not None else None
        if agent is not None and not mine:
            in_according = {t.i for t in according.subtree}
            before = [t for t in sent if t.i < according.i and t.i not in in_according and not t.is_space]
            after = [t for t in sent if t.i > according.i and t.i not in in_according and not t.is_space]
            # the reported clause is on one side of the phrase: before it when there is one
            rest = before if len([t for t in before if not t.is_punct]) >= 3 else after
            while rest and rest[0].is_punct:
                rest.pop(0)
            while rest and rest[-1].is_punct:
                rest.pop()
            if len(rest) >= 2:
                start, end = max(rest[0].idx, floor), rest[-1].idx + len(rest[-1].text)
                mine.append(_Found(start, end, "according-to", None, speakers.ref(agent), text[start:end]))
        out.extend(mine)
    return out


def _closed(text: str, start: int, end: int) -> int:
    """The end of reported speech whose last quoted fragment closes just after it (the parser hangs the closing
    mark on the verb of saying): past that mark, so the quote's text pairs its marks."""
    i = end
    while i < len(text) and i - end < 3 and text[i] in ",.;":
        i += 1
    if i < len(text) and text[i] in '"”’»':
        part = text[start:end]
        opened = part.count("“") > part.count("”") or part.count('"') % 2 == 1 or part.count("‘") > part.count("’")
        if opened:
            return i + 1
    return end


def _bare_attribution(cue: Token) -> bool:
    """"the ministry said", "X told reporters on Monday", "the Times reported": a verb of saying with nothing
    of its own to report, so the clause before it is what it reports (not "insurgents continue to harass")."""
    for c in cue.children:
        if c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd", "advcl", "conj"):
            return False
        if c.dep_ == "dobj" and cue.lemma_.lower() not in ("tell", "inform", "quote", "cite"):
            return False
    return True


def _content(cue: Token, sent: Span) -> tuple[int, int] | None:
    """What a verb of saying reports, as (first, last) token: its clausal complement; the clause before a
    post-posed attribution ("<clause>, the ministry said"); the object and infinitive of "urged X to ...";
    the infinitive of "claimed to have ..."."""
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if clause is not None and any(c.dep_ == "prep" and c.lower_ in ("at", "of", "about") and cue.i < c.i < clause.i
                                  for c in cue.children):
        return None  # "hinted at debates that Moscow believes ...": a relative clause on the object, not speech
    if clause is not None:
        tokens = list(clause.subtree)
        lo, hi = tokens[0].i, tokens[-1].i
        subject = grammatical_subject(clause)
        doc = cue.doc
        for c in clause.children:
            # "said on Thursday it would ...": a time or place before the clause's subject is the saying's
            if c.dep_ in ("prep", "npadvmod") and subject is not None and c.i < subject.i and lo == min(
                    t.i for t in c.subtree) and lo == cue.i + 1:
                lo = max(t.i for t in c.subtree) + 1
            # "..., prompting Israel to recall its envoys": a participle after a comma is the narrator's
            first = min(t.i for t in c.subtree)
            comma = doc[first - 1].text == "," or (doc[first - 1].text in "”\"’" and doc[first - 2].text == ",")
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > clause.i and comma:
                hi = min(hi, first - 2)
        return lo, hi
    head = cue.head
    if cue.dep_ in ("parataxis", "advcl", "ccomp") and head.i != cue.i and head.i < cue.i and (
            head.dep_ == "ROOT" and not _is_cue(head)) and _bare_attribution(cue):
        first = min(t.i for t in cue.subtree)
        if first > sent.start and cue.doc[first - 1].is_punct:
            return sent.start, first - 1
    xcomp = next((c for c in cue.children if c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children)), None)
    if xcomp is not None:
        obj = next((c for c in cue.children if c.dep_ in ("dobj", "dative") and c.i < xcomp.i), None)
        last = max(t.i for t in xcomp.subtree)
        if obj is not None and cue.lemma_.lower() in OBJECT_CONTROL:  # "urged Kyiv to talk", "told them to go"
            return min(t.i for t in obj.subtree), last
        if cue.lemma_.lower() in INFINITIVE_CUES:
            return min(t.i for t in xcomp.subtree), last
    return None


FIRST_PERSON = lexicon.words("first-person")


def speaker_pronouns(doc: Doc, quotes: Sequence[Quote]) -> list[Mention]:
    """'I'/'we' inside a direct quotation stand for its speaker: "“We condemn the strike,” Egypt said"."""
    out: list[Mention] = []
    for q in quotes:
        if q.kind != "direct" or q.speaker is None or q.speaker.code is None:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            if t.lower_ in FIRST_PERSON and t.pos_ == "PRON":
                out.append(Mention(q.speaker.code, q.speaker.name, t.text, t.idx, t.idx + len(t.text), "pronoun"))
    return out
