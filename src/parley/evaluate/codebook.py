"""The CAMEO codebook's example sentences (a CSV with columns ``code`` and ``example``): each example should
yield an event that counts as having happened with the code's root (and ideally the exact code)."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from parley import errors
from parley.model import CodedDocument, Document


def read_codebook(path: Path) -> Iterator[dict[str, str]]:
    """The rows with an example; InputError (E002) naming the line for invalid UTF-8 or a malformed CSV."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                example, code = row.get("example"), row.get("code")
                if not isinstance(example, str) or not isinstance(code, str):
                    continue  # a short row (a missing cell is None) or cells beyond the header (a list)
                example = example.strip()
                if example and example != "NA" and code.strip():
                    yield {"code": code.strip(), "example": example}
    except UnicodeDecodeError as exc:
        raise errors.InputError(f"{path}: not valid UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset "
                                f"{exc.start} of a block); convert it to UTF-8 first") from None
    except csv.Error as exc:
        raise errors.InputError(f"{path}:{reader.line_num}: malformed CSV ({exc})") from None


def score_codebook(rows: Iterable[dict[str, str]], code: Callable[[Document], CodedDocument]) -> dict[str, Any]:
    n = root_ok = exact_ok = any_root = 0
    per_root: dict[str, Counter[str]] = {}
    misses: list[dict[str, Any]] = []
    for row in rows:
        n += 1
        want = row["code"]
        coded = code(Document(text=row["example"], published=None))
        occurred = [e for e in coded.events if e.occurred]
        got_root = any(e.root == want[:2] for e in occurred)
        got_exact = any(e.cameo == want for e in occurred)
        root_ok += got_root
        exact_ok += got_exact
        any_root += any(e.root == want[:2] for e in coded.events)
        c = per_root.setdefault(want[:2], Counter())
        c["n"] += 1
        c["root"] += got_root
        c["exact"] += got_exact
        if not got_root:
            misses.append({"code": want, "sentence": row["example"],
                           "predicted": [f"{e.cameo} {e.modality}" for e in coded.events]})
    return {
        "format": "codebook",
        "examples": n,
        "root_accuracy": round(root_ok / n, 4) if n else None,
        "exact_accuracy": round(exact_ok / n, 4) if n else None,
        "root_any_modality": round(any_root / n, 4) if n else None,
        "root_right": root_ok,
        "exact_right": exact_ok,
        "per_root": {r: {"n": c["n"], "root": c["root"], "exact": c["exact"]} for r, c in sorted(per_root.items())},
        "misses": misses,
    }
