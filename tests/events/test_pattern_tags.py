"""Pattern tags: rules recognise a pattern by what its line says it is (@armed, @warning...), never by its id."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import parley
from parley.errors import DictionaryError
from parley.events.patterns import TAGS, default_patterns, parse_line

SRC = Path(parley.__file__).parent


def test_tags_are_read_after_the_elements() -> None:
    p = parse_line("074  x.send  deploy|send [peacekeeper] to TGT @sending @receipt=0861  # a comment", "f.txt:1")
    assert p is not None
    assert p.tags == frozenset({"sending", "receipt=0861"})
    assert p.has("sending") and not p.has("armed")
    assert p.tag_value("receipt") == "0861" and p.tag_value("sending") is None
    assert p.text == "n:deploy|send".removeprefix("n:") + " [peacekeeper] to TGT"  # tags are no element


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("190 x.clash clash !with @armd", r"f.txt:7: unknown tag '@armd'"),
        ("190 x.clash clash @armed !with", r"f.txt:7: tags \(@name\) come after the pattern's elements"),
        ("074 x.send send [troop] to TGT @receipt", r"f.txt:7: '@receipt': only @receipt takes a value"),
        ("074 x.send send [troop] to TGT @armed=1", r"f.txt:7: '@armed=1': only @receipt takes a value"),
    ],
)
def test_tag_errors_name_the_file_and_line(line: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        parse_line(line, "f.txt:7")


def test_every_tag_is_used_by_a_shipped_pattern() -> None:
    used = {t.split("=")[0] for p in default_patterns().patterns for t in p.tags}
    assert used == set(TAGS) - {"conditional-threat"}  # that one marks the coder's built-in threat rules


def test_receipts_are_cameo_codes() -> None:
    receipts = {p.id: p.tag_value("receipt") for p in default_patterns().patterns if p.tag_value("receipt")}
    assert receipts and all(re.fullmatch(r"0\d{2,3}", c) for c in receipts.values())


def _is_builtin_definition(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """A built-in rule names itself where it is made: the first argument of ``Pattern(...)``."""
    parent = parents.get(node)
    if isinstance(parent, ast.JoinedStr):
        node, parent = parent, parents.get(parent)
    return isinstance(parent, ast.Call) and getattr(parent.func, "id", "") == "Pattern" and parent.args[:1] == [node]


def test_no_pattern_id_appears_in_code() -> None:
    """Renaming a pattern line must never turn a rule off: no code compares with, or takes the prefix of, an id."""
    ids = set(default_patterns().by_id)
    prefixes = {".".join(i.split(".")[:n]) for i in ids for n in range(2, i.count(".") + 1)}
    looks_like_id = re.compile(r"^\d{2}\.[a-z]")
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            text = node.value
            if text in ids or text in prefixes or text.endswith(".intent-only") or (
                    looks_like_id.match(text) and not _is_builtin_definition(node, parents)):
                found.append(f"{path.relative_to(SRC)}:{node.lineno} {text!r}")
    assert not found, found
