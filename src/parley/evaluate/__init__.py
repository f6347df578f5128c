"""Scoring parley against gold data: our own gold format and the formats of ../shared/eval-data.

Formats (``detect_format`` picks one from the file), one module each:

* ``gold`` (:mod:`parley.evaluate.gold`): parley's gold JSON Lines (docs/gold-format.md): one article or
  sentence per line with its gold events, quotes and actors; also the matching and counting the others reuse.
* ``codebook`` (:mod:`parley.evaluate.codebook`): the CAMEO codebook CSV (columns ``code`` and ``example``):
  each example sentence should yield an asserted event with the code's root (and ideally the exact code).
* ``plover`` (:mod:`parley.evaluate.plover`): PLOVER gold standard records JSON Lines (``plover_event``,
  ``source``, ``target``, ``cameo_code``): event type, CAMEO code and actor country/sector accuracy.
* ``actors`` (:mod:`parley.evaluate.actors`): actor-resolution cases JSON Lines (``actor``, ``expected``):
  country and sector accuracy.

Every scorer returns a plain dict (written as JSON by ``parley eval --out``) with the figures and the
lists of misses and false positives, each with its sentence. CI's accuracy gate is ``.ci/eval_gate.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from parley import errors
from parley.evaluate.actors import score_actors
from parley.evaluate.codebook import read_codebook, score_codebook
from parley.evaluate.gold import (
    ACTOR_ALIASES,
    ACTOR_CASE_FIELDS,
    GOLD_MODALITIES,
    NON_ASSERTED,
    PLOVER_FIELDS,
    PRF,
    TRAPS,
    accepts,
    canonical,
    code_records,
    country_part,
    gold_occurred,
    json_records,
    match_events,
    read_gold,
    read_jsonl,
    score_gold,
    traps_coded_as_real,
)
# the quote match a benchmark uses
from parley.evaluate.gold import _same_quote  # noqa: F401
from parley.evaluate.plover import score_plover
from parley.model import CodedDocument, Document
from parley.ontology import plover_for

FORMATS = ("gold", "codebook", "plover", "actors")


def detect_format(path: Path) -> str:
    if path.suffix.lower() == ".csv":
        return "codebook"
    try:
        for where, first in json_records(path):
            if not isinstance(first, dict):
                raise errors.InputError(f"{where}: a record must be a JSON object; give --format")
            if "plover_event" in first:
                return "plover"
            if "expected" in first and "actor" in first:
                return "actors"
            return "gold"
    except errors.InputError as exc:
        raise errors.InputError(f"{exc.message.removesuffix('; give --format')}; give --format") from None
    raise errors.InputError(f"{path}: empty file")


def evaluate(path: Path, fmt: str, code: Callable[[Document], CodedDocument], in_context: bool = True
             ) -> dict[str, Any]:
    if fmt == "gold":
        return score_gold(read_gold(path), code, in_context)
    if fmt == "codebook":
        return score_codebook(read_codebook(path), code)
    if fmt == "plover":
        return score_plover(read_jsonl(path, PLOVER_FIELDS, required=("text",)), code)
    if fmt == "actors":
        from parley.actors import resolve_text  # the actor dictionary loads spaCy: only for this format

        return score_actors(read_jsonl(path, ACTOR_CASE_FIELDS, required=("actor",)),
                            lambda text, on: resolve_text(text, on))
    raise errors.InputError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = [
    "ACTOR_ALIASES", "FORMATS", "GOLD_MODALITIES", "NON_ASSERTED", "PRF", "TRAPS", "accepts", "canonical",
    "code_records", "country_part", "detect_format", "evaluate", "gold_occurred", "match_events", "plover_for",
    "read_codebook", "read_gold", "read_jsonl", "score_actors", "score_codebook", "score_gold", "score_plover",
    "traps_coded_as_real",
]
