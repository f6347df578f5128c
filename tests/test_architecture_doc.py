"""docs/architecture.md is checked against the code: every module or package it names exists, and every
package and top-level module of src/parley is named in it (a new one cannot be left off the map)."""

from __future__ import annotations

import re
from pathlib import Path

import parley

SRC = Path(parley.__file__).parent
DOC = SRC.parents[1] / "docs" / "architecture.md"


def _named() -> set[str]:
    """Paths relative to src/parley written in backquotes: `quotes.py`, `actors/`, `evaluate/gold.py` (the
    tests' own paths left out)."""
    found = re.findall(r"`([a-z_]+(?:/[a-z_]+)*(?:\.py|/))`", DOC.read_text(encoding="utf-8"))
    return {name for name in found if not name.startswith("tests/")}


def test_every_module_named_exists() -> None:
    missing = [name for name in _named()
               if not ((SRC / name).is_file() if name.endswith(".py") else (SRC / name).is_dir())]
    assert not missing, missing


def test_every_package_and_top_level_module_is_named() -> None:
    named = _named()
    packages = {p.parent.relative_to(SRC).as_posix() + "/" for p in SRC.rglob("*.py")
                if p.parent != SRC and "__pycache__" not in p.parts}
    modules = {p.name for p in SRC.glob("*.py") if not p.name.startswith("__")}
    assert packages - named == set() and modules - named == set(), (packages - named, modules - named)


def test_the_stages_are_drawn_in_order() -> None:
    text = DOC.read_text(encoding="utf-8")
    stages = ["read/", "normalise", "parse", "actors", "events: rules", "events: trained layer", "quotes",
              "dates / places", "store/"]
    at = [text.index(s) for s in stages]
    assert at == sorted(at), stages
