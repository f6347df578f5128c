"""Quotations scored against annotated units: are the quotes found, and is each said by the right speaker?

The units of an article (parley's corpus format, ``corpus/README.md``: one sentence a line with ``quotes[]``
of ``kind``, ``text``, ``speaker_text`` and ``speaker``) are coded together, one unit a line, as a reader
reads them, so "he said" and a quote that continues the previous speaker have their context. A predicted
quote belongs to the unit its first character lies in.

The rules, fixed here so that every figure means one thing:

* **alignment**: a predicted quote and a gold quote of the same unit match when the words they share (counted
  with repeats, lower case, punctuation ignored) make at least half of the gold quote's words *and* half of
  the predicted quote's words; pairs are taken best first (Dice coefficient), each quote at most once. The
  kind need not agree for a quote to count as found (a direct quote the annotator wrote as part of an
  indirect one); kind agreement is reported apart. ``according-to`` counts as ``indirect``, as
  ANNOTATION.md writes it.
* **speaker right**: the predicted speaker text and the gold ``speaker_text``, lower case, punctuation and a
  leading article ("the", "a", "an") dropped, are equal or the shorter is the head of the longer
  (:func:`same_speaker_text`: "Peskov" and "Kremlin spokesman Dmitry Peskov"; "he" and "he"; not "Ukraine"
  and "Ukraine's defence ministry"), or the gold speaker code is given and the predicted code is the same;
  no speaker on both sides is right too. ``speaker_code`` accuracy (the code alone, null equal
  to null) is reported beside it.
* **speaker out of reach**: a predicted quote whose speaker mention lies neither in the quote's own unit nor
  in the unit before: an actor the text does not name or refer to there (ISSUE 15's measure).

textacy's ``direct_quotations`` is run on the same parse, for direct quotes, and scored by the same rules
(it gives speaker tokens, no code: its speaker is right by text only).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from parley import lexicon
from parley.evaluate.gold import PRF, _article_key, _date
from parley.model import Document

_WORD = re.compile(r"\w+")
_ARTICLES = ("the", "a", "an")
KINDS = ("direct", "indirect")


@dataclass(frozen=True, slots=True)
class Predicted:
    """A quote as scored: its unit, text, kind, and speaker (text, code, offset into the article or None)."""

    text: str
    kind: str
    speaker_text: str | None
    speaker_code: str | None
    speaker_start: int | None = None


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


_PIECE = re.compile(r"\w+|[,(]")
#: words that start a noun phrase's post-modifier: what follows a head ("the Foreign Ministry in Rome")
_POST = lexicon.words("postmodifier-starts")


def _name(text: str | None) -> list[str]:
    w = _PIECE.findall((text or "").lower())
    while w and w[0] in _ARTICLES:
        w = w[1:]
    return w


def same_speaker_text(gold: str | None, predicted: str | None) -> bool:
    """The speaker-text rule above: the two are equal, or the shorter is the head of the longer: its words
    appear in the longer, whole, ending where the longer ends or before a comma, a bracket or a post-modifier
    ("Peskov" in "Kremlin spokesman Dmitry Peskov", "Hans Blix" in "Hans Blix, chairman of ..."; not "Ukraine"
    in "Ukraine's defence ministry")."""
    g, p = _name(gold), _name(predicted)
    g_words, p_words = [w for w in g if w.isalnum() or "_" in w], [w for w in p if w.isalnum() or "_" in w]
    if not g_words or not p_words:
        return False
    if g_words == p_words:
        return True
    short, long_ = (p_words, g) if len(p_words) < len(g_words) else (g_words, p)
    # the longer one's words, each with whether a comma or bracket follows it
    lw = [w for w in long_ if w not in (",", "(")]
    boundary, k = [False] * len(lw), -1
    for w in long_:
        if w in (",", "("):
            if k >= 0:
                boundary[k] = True
        else:
            k += 1
    n = len(short)
    for i in range(len(lw) - n + 1):
        if lw[i:i + n] == short:
            end = i + n - 1
            if end == len(lw) - 1 or boundary[end] or lw[end + 1] in _POST:
                return True
    return False


def speaker_right(gold: dict[str, Any], pred: Predicted) -> bool:
    g_text, g_code = gold.get("speaker_text"), gold.get("speaker")
    if not g_text and not g_code:
        return pred.speaker_text is None and pred.speaker_code is None
    return same_speaker_text(g_text, pred.speaker_text) or (g_code is not None and g_code == pred.speaker_code)


def align(gold: list[dict[str, Any]], pred: list[Predicted]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs by the alignment rule above."""
    pairs = []
    for i, g in enumerate(gold):
        gw = Counter(words(g.get("text") or ""))
        if not gw:
            continue
        for j, p in enumerate(pred):
            pw = Counter(words(p.text))
            if not pw:
                continue
            common = sum((gw & pw).values())
            ng, np_ = sum(gw.values()), sum(pw.values())
            if common * 2 >= ng and common * 2 >= np_:
                pairs.append((2 * common / (ng + np_), i, j))
    pairs.sort(key=lambda x: -x[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _score, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _kind(kind: str) -> str:
    return "direct" if kind == "direct" else "indirect"


class Tally:
    """Counts for one system: per gold kind, and over all."""

    def __init__(self, kinds: tuple[str, ...] = KINDS) -> None:
        self.kinds = kinds
        self.found = {k: PRF() for k in (*kinds, "all")}
        self.speaker = Counter()
        self.code = Counter()
        self.kind_agrees = 0
        self.out_of_reach = 0
        self.with_speaker = 0
        self.errors: list[dict[str, Any]] = []
        self.misses: list[dict[str, Any]] = []
        self.false_positives: list[dict[str, Any]] = []

    def add(self, unit: dict[str, Any], gold: list[dict[str, Any]], pred: list[Predicted], floor: int | None,
            keep: int) -> None:
        gold = [g for g in gold if _kind(g.get("kind", "")) in self.kinds]
        pred = [p for p in pred if _kind(p.kind) in self.kinds]
        pairs = align(gold, pred)
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for k in self.kinds:
            tp = sum(1 for i, j in pairs if _kind(gold[i].get("kind", "")) == k)
            fp = sum(1 for j, p in enumerate(pred) if j not in matched_p and _kind(p.kind) == k)
            fn = sum(1 for i, g in enumerate(gold) if i not in matched_g and _kind(g.get("kind", "")) == k)
            self.found[k].add(tp, fp, fn)
        self.found["all"].add(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
        for j, p in enumerate(pred):
            if j not in matched_p and len(self.false_positives) < keep:
                self.false_positives.append({"id": unit.get("id"), "kind": p.kind, "quote": p.text,
                                             "speaker": p.speaker_text, "sentence": unit.get("text"),
                                             "gold": [g.get("text") for g in gold]})
        for i, g in enumerate(gold):
            if i not in matched_g and len(self.misses) < keep:
                self.misses.append({"id": unit.get("id"), "kind": g.get("kind"), "quote": g.get("text"),
                                    "sentence": unit.get("text"), "predicted": [p.text for p in pred]})
        for i, j in pairs:
            g, p = gold[i], pred[j]
            k = _kind(g.get("kind", ""))
            right = speaker_right(g, p)
            for key in (k, "all"):
                self.speaker[key, "n"] += 1
                self.speaker[key, "right"] += right
                self.code[key, "n"] += 1
                self.code[key, "right"] += (g.get("speaker") == p.speaker_code)
            self.kind_agrees += _kind(p.kind) == k
            if not right and len(self.errors) < keep:
                self.errors.append({"id": unit.get("id"), "quote": g.get("text"), "gold": g.get("speaker_text"),
                                    "gold_code": g.get("speaker"), "predicted": p.speaker_text,
                                    "predicted_code": p.speaker_code})
        for p in pred:
            if p.speaker_start is not None:
                self.with_speaker += 1
                self.out_of_reach += floor is not None and p.speaker_start < floor

    def report(self) -> dict[str, Any]:
        def acc(counter: Counter, k: str) -> dict[str, Any]:
            n = counter[k, "n"]
            return {"matched": n, "right": counter[k, "right"], "accuracy": round(counter[k, "right"] / n, 4) if n else None}

        return {
            "quotes": {k: v.as_dict() for k, v in self.found.items()},
            "speaker": {k: acc(self.speaker, k) for k in (*self.kinds, "all")},
            "speaker_code": {k: acc(self.code, k) for k in (*self.kinds, "all")},
            "kind_agrees": self.kind_agrees,
            "speakers_out_of_reach": {"with_speaker": self.with_speaker, "out_of_reach": self.out_of_reach},
            "speaker_errors": self.errors,
            "misses": self.misses,
            "false_positives": self.false_positives,
        }


def articles(records: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Consecutive units of one article (the same ``article``, else ``source_url``), each article once."""
    group: list[dict[str, Any]] = []
    key: str | None = None
    for rec in records:
        k = _article_key(rec)
        if group and (k is None or k != key):
            yield group
            group = []
        group.append(rec)
        key = k
    if group:
        yield group


def score_quotes(records: Iterable[dict[str, Any]], coder: Any, *, textacy: bool = True, keep: int = 200
                 ) -> dict[str, Any]:
    """Code each article in context with ``coder`` (a :class:`parley.pipeline.Coder`) and score its quotes
    (and textacy's direct quotes on the same parse) by the rules of this module."""
    from parley.actors.convention import annotation_codes

    ours, theirs = Tally(), Tally(("direct",))
    refused = n_units = n_articles = 0
    for units in articles(records):
        n_articles += 1
        n_units += len(units)
        text = "\n".join(u["text"] for u in units)
        starts, at = [], 0
        for u in units:
            starts.append(at)
            at += len(u["text"]) + 1
        analysis = coder.analyse(Document(text=text, published=_date(units[0].get("published")),
                                          id=str(units[0].get("article") or units[0].get("id"))))
        coded = annotation_codes(analysis.coded)
        found_theirs: list[tuple[int, Predicted]] = []
        if textacy:
            try:
                found_theirs = _textacy(analysis.doc)
            except ValueError:  # textacy refuses a text whose quotation marks do not pair up
                refused += 1
        for n, (u, start) in enumerate(zip(units, starts)):
            end = start + len(u["text"])
            floor = starts[n - 1] if n else start
            pred = [Predicted(q.text, q.kind, q.speaker.text if q.speaker else None,
                              q.speaker.code if q.speaker else None, q.speaker.start if q.speaker else None)
                    for q in coded.quotes if start <= q.start < end]
            gold = u.get("quotes") or []
            ours.add(u, gold, pred, floor, keep)
            if textacy:
                theirs.add(u, gold, [p for at_, p in found_theirs if start <= at_ < end], None, 0)
    report: dict[str, Any] = {"format": "quotes", "articles": n_articles, "units": n_units, "parley": ours.report()}
    if textacy:
        report["textacy"] = {**theirs.report(), "refused_articles": refused}
        for key in ("speakers_out_of_reach", "speaker_errors", "misses", "false_positives"):
            del report["textacy"][key]
    return report


def _textacy(doc: Any) -> list[tuple[int, Predicted]]:
    from textacy.extract.triples import direct_quotations

    out = []
    for dq in direct_quotations(doc):
        if not len(dq.content):
            continue
        text = dq.content.text.strip("\"“”'‘’ ")
        speaker = " ".join(t.text for t in dq.speaker) or None
        out.append((dq.content.start_char, Predicted(text, "direct", speaker, None)))
    return out


__all__ = ["Predicted", "align", "articles", "same_speaker_text", "score_quotes", "speaker_right", "words"]
