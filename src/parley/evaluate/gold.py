"""parley's own gold format (docs/gold-format.md) and how predictions are matched to it.

Reading and validating gold records, the actor-code forms scored as one (``IGOUNO`` = ``UNO``), matching
predicted (source, code, target) keys to gold events (alternative codes and targets, optional events),
coding the records of one article together (``code_records``) and the whole gold score (``score_gold``).
The other formats (codebook, PLOVER, actors) reuse the counting and actor helpers here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley import errors
from parley import lexicon
from parley.model import MODALITIES, CodedDocument, Document
from parley.ontology import reciprocal
from parley.read import parse_date

NON_ASSERTED = ("negated", "hypothetical", "intended", "demanded", "speculative", "reported-speculation")
GOLD_MODALITIES = (*MODALITIES, "optional", "speculative")
"""Gold modalities: parley's own, plus ANNOTATION.md's ``optional`` (defensible, neither required nor penalised)
and ``speculative`` (a hedged claim, a trap like ``reported-speculation``)."""
TRAPS = ("hypothetical", "negated", "speculative", "reported-speculation")

# ANNOTATION.md writes international bodies with CAMEO's long codes; parley's dictionaries use short ones.
# Both are scored as the same actor.
ACTOR_ALIASES = {
    "IGOUNO": "UNO", "IGOEUREEC": "EUR", "IGOEUR": "EUR", "IGOWSTNAT": "NAT", "IGOAFRAFU": "AFU",
    "IGOJUDICC": "ICC", "IGOARBARL": "ARL", "IGOWAFECW": "ECOWAS", "IGOWAFECO": "ECOWAS", "IGOWAFWAS": "ECOWAS",
    "NGOHRI": "HRI",
    # Kosovo has no ISO 3166 code: parley writes XKX (the code in common use), some annotators KOS
    "KOS": "XKX",
}
"""Other ``IGO`` + code forms (``IGOIMF``, ``IGOWTO``) are scored as the code after ``IGO``; a UN body with a code
of its own (``IAE``, ``IGOUNOIAE``) as ``UNO`` + that code."""
UN_BODIES = lexicon.codes("un-bodies")


# --------------------------------------------------------------------------------------------------
# counting helpers


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def canonical(code: str | None) -> str | None:
    """An actor code in the one form scoring compares: ANNOTATION.md's aliases read as parley writes them
    (``IGOWAFWAS`` as ECOWAS), ``IGO`` dropped before an organisation's own code, a UN body as ``UNO`` + its code.
    Scoring and the trained layer (``parley.learn``) share it."""
    if not code:
        return None
    for long, short in ACTOR_ALIASES.items():
        if code.startswith(long):
            code = short + code[len(long):]
            break
    else:
        if code.startswith("IGO") and len(code) >= 6:
            code = code[3:]
    # a UN body with a code of its own (older gold writes the IAEA "IAE") is a UN actor: UNO + its code
    return "UNO" + code if code.startswith(UN_BODIES) else code


def country_part(code: str | None) -> str | None:
    """What lenient scoring compares of an actor: the first three letters of its canonical code (its country,
    or the organisation's kind)."""
    code = canonical(code)
    return code[:3] if code else None


def _date(value: Any) -> dt.date | None:
    return parse_date(str(value)) if value else None


# --------------------------------------------------------------------------------------------------
# parley's own gold format


_STR = (str,)
_OPT_STR = (str, type(None))
_NUMBER = (int, float, type(None))
_LIST = (list, type(None))
GOLD_FIELDS = {"text": _STR, "published": _OPT_STR, "article": _OPT_STR, "source_url": _OPT_STR,
               "events": _LIST, "quotes": _LIST, "actors": _LIST}
EVENT_FIELDS = {"cameo": (str, int), "source": _OPT_STR, "target": _OPT_STR, "modality": _STR, "date": _OPT_STR,
                "alt_codes": _LIST, "target_alt": _LIST}
LIST_ITEMS = {"alt_codes": (str, int), "target_alt": _OPT_STR}
"""The lists of codes in a gold event, and what each item of them may be."""
QUOTE_FIELDS = {"text": _STR, "speaker": _OPT_STR}
ACTOR_FIELDS = {"text": _STR, "code": _STR}
PLOVER_FIELDS = {"text": _STR, "plover_event": _OPT_STR, "cameo_code": _OPT_STR, "cameo_match_ratio": _NUMBER,
                 "source": (str, dict, list, type(None)), "target": (str, dict, list, type(None))}
ACTOR_CASE_FIELDS = {"actor": _STR, "expected": (dict, type(None)), "query_date": _OPT_STR}


def check_shape(where: str, obj: Any, fields: dict[str, tuple[type, ...]], required: Iterable[str] = ()) -> None:
    """Raise InputError (naming ``where``, a file and line) unless ``obj`` is a JSON object with the
    ``required`` keys and each key of ``fields`` it has of one of the types given."""
    if not isinstance(obj, dict):
        raise errors.InputError(f"{where}: a record must be a JSON object, not {_json_type(obj)}")
    for key in required:
        if key not in obj:
            raise errors.InputError(f"{where}: '{key}' is missing")
    for key, types in fields.items():
        if key in obj and not isinstance(obj[key], types):
            allowed = " or ".join(dict.fromkeys(_json_type(t) for t in types))
            raise errors.InputError(f"{where}: '{key}' must be {allowed}, not {_json_type(obj[key])}")
        if key in LIST_ITEMS and isinstance(obj.get(key), list):
            for item in obj[key]:
                if not isinstance(item, LIST_ITEMS[key]):
                    allowed = " or ".join(dict.fromkeys(_json_type(t) for t in LIST_ITEMS[key]))
                    raise errors.InputError(f"{where}: each of '{key}' must be {allowed}, not {_json_type(item)}")


def _json_type(value: Any) -> str:
    kind = value if isinstance(value, type) else type(value)
    return {str: "a string", int: "a number", float: "a number", bool: "true or false", list: "a list",
            dict: "an object", type(None): "null"}.get(kind, kind.__name__)


def json_lines(path: Path) -> Iterator[tuple[int, Any, str | None]]:
    """(line number, value, None) for each non-blank line of a JSON Lines file that reads, (line number, None,
    what is wrong) for each that does not (invalid UTF-8, malformed JSON, JSON nested too deep to read): the
    caller decides whether a bad line stops the file or is recorded and skipped."""
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield n, None, (f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start} of the "
                                "line)")
                continue
            if not line.strip():
                continue
            try:
                yield n, json.loads(line), None
            except json.JSONDecodeError as exc:
                yield n, None, f"malformed JSON ({exc.msg})"
            except RecursionError:
                yield n, None, "malformed JSON (nested too deeply to read)"


def json_records(path: Path) -> Iterator[tuple[str, Any]]:
    """(``file:line``, value) for each non-blank line of a JSON Lines file; InputError (E002) naming the line
    for invalid UTF-8, malformed JSON or JSON nested too deep to read."""
    for n, value, problem in json_lines(path):
        if problem:
            raise errors.InputError(f"{path}:{n}: {problem}")
        yield f"{path}:{n}", value


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    for where, rec in json_records(path):
        check_shape(where, rec, GOLD_FIELDS, required=("text",))
        rec.setdefault("id", f"{path.name}:{where.rsplit(':', 1)[-1]}")
        for key, fields, need in (("events", EVENT_FIELDS, "cameo"), ("quotes", QUOTE_FIELDS, "text"),
                                  ("actors", ACTOR_FIELDS, "code")):
            for item in rec.get(key) or []:
                if not isinstance(item, dict) or need not in item:
                    raise errors.InputError(f"{where}: '{key}' must be a list of objects with '{need}'")
                check_shape(f"{where}: {key}", item, fields, required=("text",) if key == "actors" else ())
        for ev in rec.get("events") or []:
            if ev.get("modality", "asserted") not in GOLD_MODALITIES:
                raise errors.InputError(f"{where}: unknown modality {ev.get('modality')!r}; expected one of {', '.join(GOLD_MODALITIES)}")
        yield rec


def _article_key(rec: dict[str, Any]) -> str | None:
    return rec.get("article") or rec.get("source_url") or None


def code_records(records: Iterable[dict[str, Any]], code: Callable[[Document], CodedDocument],
                 in_context: bool = True) -> Iterator[tuple[dict[str, Any], CodedDocument]]:
    """Each gold record with what parley coded for it.

    In context (the default), consecutive records of one article (the same ``article``, else the same
    ``source_url``) are coded together as one document, one record a line, as a reader reads them: "he",
    "the protesters" and "the ministry" resolve from the sentences before (ANNOTATION.md § Units). Each record
    then gets the events whose trigger, the quotes and the mentions that lie in its own text. Without context,
    or for a record with no article, each record is coded alone."""
    group: list[dict[str, Any]] = []

    def flush() -> Iterator[tuple[dict[str, Any], CodedDocument]]:
        if not group:
            return
        if len(group) == 1 or not in_context:
            for rec in group:
                yield rec, code(Document(text=rec["text"], published=_date(rec.get("published")),
                                         id=str(rec.get("id"))))
            return
        starts, parts, at = [], [], 0
        for rec in group:
            starts.append(at)
            parts.append(rec["text"])
            at += len(rec["text"]) + 1
        whole = code(Document(text="\n".join(parts), published=_date(group[0].get("published")),
                              id=str(group[0].get("id"))))
        for rec, start in zip(group, starts):
            end = start + len(rec["text"])
            inside = lambda a: start <= a < end  # noqa: E731
            yield rec, dataclasses.replace(
                whole,
                document=Document(text=rec["text"], published=_date(rec.get("published")), id=str(rec.get("id"))),
                events=tuple(e for e in whole.events if inside(e.trigger.start)),
                quotes=tuple(q for q in whole.quotes if inside(q.start)),
                mentions=tuple(m for m in whole.mentions if inside(m.start)))

    key: str | None = None
    for rec in records:
        k = _article_key(rec)
        if k is None or k != key:
            yield from flush()
            group = []
        group.append(rec)
        key = k
    yield from flush()


def score_gold(records: Iterable[dict[str, Any]], code: Callable[[Document], CodedDocument],
               in_context: bool = True) -> dict[str, Any]:
    strict, lenient, any_modality = PRF(), PRF(), PRF()
    actors_strict, actors_lenient = PRF(), PRF()
    quote_spans = PRF()
    speakers = Counter()
    modality_confusion: Counter[tuple[str, str]] = Counter()
    root_confusion: Counter[tuple[str, str]] = Counter()
    date_right = date_total = 0
    trap_stats: Counter[str] = Counter()
    sentence_roots = PRF()
    non_asserted_sentences = non_asserted_clean = 0
    misses: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    n_records = 0
    for rec, coded in code_records(records, code, in_context):
        n_records += 1
        published = _date(rec.get("published"))
        gold_events = rec.get("events") or []
        pred_events = list(coded.events)

        def gkey(g: dict[str, Any], lenient_: bool) -> tuple:
            s, c, t = canonical(g.get("source")), str(g.get("cameo")), canonical(g.get("target"))
            return (country_part(s), c[:2], country_part(t)) if lenient_ else (s, c, t)

        def pkey(e, lenient_: bool) -> tuple:  # type: ignore[no-untyped-def]
            s = canonical(e.source.code) if e.source else None
            t = canonical(e.target.code) if e.target else None
            return (country_part(s), e.cameo[:2], country_part(t)) if lenient_ else (s, e.cameo, t)

        g_asserted = [g for g in gold_events if gold_occurred(g)]
        g_optional = [g for g in gold_events if g.get("modality") == "optional"]
        p_asserted = [e for e in pred_events if e.occurred]
        tp, _m, fp_s = match_events(g_asserted, g_optional, [pkey(e, False) for e in p_asserted], False)
        strict.add(tp, len(fp_s), len(g_asserted) - tp)
        tp, missed, wrong = match_events(g_asserted, g_optional, [pkey(e, True) for e in p_asserted], True)
        lenient.add(tp, len(wrong), len(missed))
        for g in missed:
            misses.append({"id": rec["id"], "text": rec["text"], "gold": _key_str(gkey(g, True))})
        for i in wrong:
            ev = p_asserted[i]
            false_positives.append({"id": rec["id"], "sentence": ev.evidence, "predicted": _key_str(pkey(ev, True)),
                                    "rule": ev.rule, "event": f"{ev.source.code if ev.source else '-'} {ev.cameo} {ev.target.code if ev.target else '-'}"})
        # roots per record, whatever the actors: which kinds of act the record asserts (optional ones excused)
        g_roots = {str(g.get("cameo"))[:2] for g in g_asserted}
        p_roots = {e.cameo[:2] for e in p_asserted}
        excused = {str(g.get("cameo"))[:2] for g in g_optional} | {
            str(a)[:2] for g in gold_events for a in g.get("alt_codes") or []}
        sentence_roots.add(len(g_roots & p_roots), len(p_roots - g_roots - excused), len(g_roots - p_roots))
        # traps (hypothetical, negated, speculative gold events) that parley counted as having happened
        n, real, resembled = traps_coded_as_real(gold_events, [pkey(e, True) for e in p_asserted])
        trap_stats["traps"] += n
        trap_stats["coded_as_real"] += real
        trap_stats["resembled"] += resembled
        # all modalities, lenient keys; modality confusion on the events matched this way
        tp, _m, _f = match_events(gold_events, [], [pkey(e, True) for e in pred_events], True)
        any_modality.add(tp, len(pred_events) - tp, len(gold_events) - tp)
        used: set[int] = set()
        for g in gold_events:
            for i, e in enumerate(pred_events):
                if i not in used and accepts(g, pkey(e, True), True):
                    used.add(i)
                    modality_confusion[(g.get("modality", "asserted"), e.modality)] += 1
                    if g.get("date") and published:
                        date_total += 1
                        date_right += str(e.date) == str(g["date"])
                    break
        # roots: pair gold and predicted events on the same (source country, target country)
        pred_by_dyad: dict[tuple, list[str]] = {}
        for e in p_asserted:
            pred_by_dyad.setdefault((pkey(e, True)[0], pkey(e, True)[2]), []).append(e.root)
        for g in g_asserted:
            k = gkey(g, True)
            roots = pred_by_dyad.get((k[0], k[2]))
            if roots:
                r = k[1] if k[1] in roots else roots[0]
                roots.remove(r)
                root_confusion[(k[1], r)] += 1
            else:
                root_confusion[(k[1], "none")] += 1
        for roots in pred_by_dyad.values():
            for r in roots:
                root_confusion[("none", r)] += 1
        # sentences whose only gold events are not asserted: nothing may be coded as having happened
        if gold_events and not g_asserted or rec.get("non_asserted"):
            non_asserted_sentences += 1
            non_asserted_clean += not p_asserted
        # actors
        gold_actors = rec.get("actors") or []
        if gold_actors:
            mentions = [m for m in coded.mentions if m.kind not in ("pronoun", "description")]
            ga = [(a["text"], a["code"]) for a in gold_actors]
            for lenient_, prf in ((False, actors_strict), (True, actors_lenient)):
                used_m: set[int] = set()
                tp = 0
                for text, code_ in ga:
                    for i, m in enumerate(mentions):
                        if i in used_m or not (text in m.text or m.text in text):
                            continue
                        ok = (country_part(m.code) == country_part(code_)) if lenient_ else (m.code == code_)
                        if ok:
                            used_m.add(i)
                            tp += 1
                            break
                prf.add(tp, len(mentions) - tp, len(ga) - tp)
        # quotes
        gold_quotes = rec.get("quotes") or []
        if gold_quotes or coded.quotes:
            used_q: set[int] = set()
            tp = 0
            for gq in gold_quotes:
                for i, q in enumerate(coded.quotes):
                    if i in used_q or not _same_quote(gq.get("text", ""), q.text):
                        continue
                    used_q.add(i)
                    tp += 1
                    speakers["matched"] += 1
                    pred_speaker = q.speaker.code if q.speaker else None
                    speakers["strict"] += pred_speaker == gq.get("speaker")
                    speakers["lenient"] += country_part(pred_speaker) == country_part(gq.get("speaker"))
                    break
            quote_spans.add(tp, len(coded.quotes) - tp, len(gold_quotes) - tp)
    n_sp = speakers["matched"]
    return {
        "format": "gold",
        "records": n_records,
        "events_asserted_strict": strict.as_dict(),
        "events_asserted_lenient": lenient.as_dict(),
        "events_any_modality_lenient": any_modality.as_dict(),
        "modality_confusion": {f"{g} -> {p}": n for (g, p), n in sorted(modality_confusion.items())},
        "root_confusion": {f"{g} -> {p}": n for (g, p), n in sorted(root_confusion.items())},
        "non_asserted_sentences": {"sentences": non_asserted_sentences, "without_asserted_event": non_asserted_clean},
        "dates": {"scored": date_total, "right": date_right},
        "roots_per_record": sentence_roots.as_dict(),
        "traps": {"gold_traps": trap_stats["traps"], "coded_as_real": trap_stats["coded_as_real"],
                  "resembled_by_any_event": trap_stats["resembled"],
                  "share": round(trap_stats["coded_as_real"] / trap_stats["traps"], 4) if trap_stats["traps"] else None},
        "actors_strict": actors_strict.as_dict(),
        "actors_lenient": actors_lenient.as_dict(),
        "quotes": quote_spans.as_dict(),
        "quote_speakers": {"matched": n_sp, "strict_accuracy": round(speakers["strict"] / n_sp, 4) if n_sp else None,
                           "lenient_accuracy": round(speakers["lenient"] / n_sp, 4) if n_sp else None},
        "misses": misses,
        "false_positives": false_positives,
    }


def accepts(g: dict[str, Any], key: tuple, lenient: bool) -> bool:
    """Does a predicted event key (source, code, target) agree with gold event ``g``?

    The gold code or any of its ``alt_codes`` (roots when lenient), the gold target or any of its
    ``target_alt``; a gold ``target`` of null accepts any target (ANNOTATION.md)."""
    if REVERSE in g and accepts(g[REVERSE], key, lenient):
        return True
    actor = country_part if lenient else canonical
    source, code, target = key
    if actor(g.get("source")) != source:
        return False
    codes = [str(g.get("cameo")), *map(str, g.get("alt_codes") or [])]
    if code not in ({c[:2] for c in codes} if lenient else set(codes)):
        return False
    if g.get("target") is None:
        return True
    return target in {actor(t) for t in [g.get("target"), *(g.get("target_alt") or [])]}


def match_events(required: list[dict[str, Any]], optional: list[dict[str, Any]], pred: list[tuple],
                 lenient: bool) -> tuple[int, list[dict[str, Any]], list[int]]:
    """Match predicted keys to gold events: (true positives, missed required gold events, indexes of the
    false predictions). A prediction that only an optional gold event accepts is neither right nor wrong.
    Exact agreement on the primary code is matched first, then alternatives."""
    matched, required, optional = _assign(required, optional, pred, lenient)
    wrong = [i for i in range(len(pred)) if i not in matched
             and not any(accepts(g, pred[i], lenient) for g in optional)]
    return len(matched), [_unfolded(g) for j, g in enumerate(required) if j not in matched.values()], wrong


def _assign(required: list[dict[str, Any]], optional: list[dict[str, Any]], pred: list[tuple], lenient: bool
            ) -> tuple[dict[int, int], list[dict[str, Any]], list[dict[str, Any]]]:
    """Which required gold event each matched prediction takes, of the required and optional events as
    ``fold_reverse`` folds them (returned too)."""
    actor = country_part if lenient else canonical
    required, optional = fold_reverse(required, optional)
    def primary(g: dict[str, Any]) -> tuple:
        c = str(g.get("cameo"))
        return (actor(g.get("source")), c[:2] if lenient else c, actor(g.get("target")))
    free = list(range(len(required)))
    matched: dict[int, int] = {}
    for exact in (True, False):
        for i, k in enumerate(pred):
            if i in matched:
                continue
            for j in free:
                g = required[j]
                if (primary(g) == k or REVERSE in g and primary(g[REVERSE]) == k) if exact else accepts(g, k, lenient):
                    matched[i] = j
                    free.remove(j)
                    break
    return matched, required, optional


def traps_coded_as_real(gold: list[dict[str, Any]], pred: list[tuple]) -> tuple[int, int, int]:
    """(traps, traps coded as real, traps any prediction resembles) of one unit, lenient keys of its asserted
    predictions. ANNOTATION.md scores a trap coded as real as a false positive, so a trap counts as coded as real
    when a prediction that no required gold event takes accepts it. A prediction matched to a required event is
    right, however many traps share its key ("X recalled its envoy to Y and said it would do the same to others":
    the recall is right and codes no trap). The third figure counts every prediction, matched or not: the count
    reported up to events-6, kept for comparison."""
    traps = [g for g in gold if g.get("modality") in TRAPS]
    if not traps:
        return 0, 0, 0
    required = [g for g in gold if gold_occurred(g)]
    optional = [g for g in gold if g.get("modality") == "optional"]
    matched, _r, _o = _assign(required, optional, pred, True)
    free = [k for i, k in enumerate(pred) if i not in matched]
    return (len(traps), sum(any(accepts(g, k, True) for k in free) for g in traps),
            sum(any(accepts(g, k, True) for k in pred) for g in traps))


REVERSE = "_reverse"  # a required symmetric gold event's reverse direction, listed as required too


def fold_reverse(required: list[dict[str, Any]], optional: list[dict[str, Any]]
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """ANNOTATION.md: of a symmetric act (meeting, talks, agreement, clash) the first-named direction is required
    and the reverse optional. A gold file that lists both directions as required (the development gold did)
    asks for one act: either direction then matches it, and the other is optional. Each pair becomes one
    required event carrying its reverse, and both join the optional ones."""
    out: list[dict[str, Any]] = []
    folded: list[dict[str, Any]] = []
    taken: set[int] = set()
    for i, g in enumerate(required):
        if i in taken:
            continue
        j = next((j for j in range(i + 1, len(required)) if j not in taken and reciprocal(str(g.get("cameo")))
                  and _is_reverse(g, required[j])), None)
        if j is None:
            out.append(g)
            continue
        taken.add(j)
        out.append({**g, REVERSE: required[j]})
        folded += [g, required[j]]
    return out, [*optional, *folded] if folded else optional


def _is_reverse(g: dict[str, Any], h: dict[str, Any]) -> bool:
    return (str(g.get("cameo"))[:2] == str(h.get("cameo"))[:2] and g.get("target") is not None
            and canonical(g.get("source")) == canonical(h.get("target"))
            and canonical(g.get("target")) == canonical(h.get("source")))


def _unfolded(g: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in g.items() if k != REVERSE}


def gold_occurred(g: dict[str, Any]) -> bool:
    """The rule of ``counts_as_occurred`` applied to a gold event: asserted, or an expressed intent or
    threat (03x, 13x, intended), or a demand (10x)."""
    modality = g.get("modality", "asserted")
    root = str(g.get("cameo", ""))[:2]
    return modality == "asserted" or (modality == "intended" and root in ("03", "13")) or (
        modality == "demanded" and root == "10")


def _key_str(k: tuple) -> str:
    return f"{k[0] or '-'} {k[1]} {k[2] or '-'}"


def _same_quote(a: str, b: str) -> bool:
    norm = lambda s: [w.strip(".,;:!?\"'“”‘’«»").lower() for w in s.split() if w.strip(".,;:!?\"'“”‘’«»")]  # noqa: E731
    wa, wb = norm(a), norm(b)
    if not wa or not wb:
        return False
    common = len(set(wa) & set(wb))
    return common / max(len(set(wa)), len(set(wb))) >= 0.6


# --------------------------------------------------------------------------------------------------
# the JSON Lines the other formats come in


def read_jsonl(path: Path, fields: dict[str, tuple[type, ...]] | None = None,
               required: Iterable[str] = ()) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file, each checked against ``fields`` and ``required`` (check_shape)."""
    for where, rec in json_records(path):
        check_shape(where, rec, fields or {}, required)
        yield rec
