"""Word classes: shipped as data, validated with errors that name the file and line, and not kept in code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from parley import lexicon
from parley.errors import DictionaryError

SRC = Path(lexicon.__file__).parent


def test_every_shipped_class_loads_and_is_not_empty() -> None:
    sizes = lexicon.check()
    assert len(sizes) == len(lexicon.names()) > 90
    assert all(n > 0 for n in sizes.values()), [k for k, n in sizes.items() if n == 0]


def test_a_class_includes_another() -> None:
    assert lexicon.words("reporting-verbs") < lexicon.words("warning-verbs")
    assert "warn" in lexicon.words("warning-verbs") and "warn" not in lexicon.words("reporting-verbs")


def test_phrases_and_comments() -> None:
    words, includes = lexicon.parse(["# a comment", "", "no longer  # a phrase", "n't", "@other-class"], "x.txt")
    assert [w for w, _ in words] == ["no longer", "n't"]
    assert includes == [("other-class", "x.txt:5")]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["urge", "Urge"], "x.txt:2: 'Urge' is not lower case"),
        (["urge", "ask", "urge"], "x.txt:3: 'urge' is already listed at x.txt:1"),
        (["no  longer"], "x.txt:1: 'no  longer' has stray spaces"),
        (["@Bad_Name"], "x.txt:1: '@Bad_Name' is not a word class"),
    ],
)
def test_errors_name_the_file_and_line(lines: list[str], message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        lexicon.parse(lines, "x.txt")


def test_word_maps() -> None:
    assert lexicon.mapping("joint-nouns")["negotiation"] == "046"
    assert lexicon.parse_mapping(["# c", "[040]", "talk", "meeting", "[046]", "negotiation"], "m.txt") == {
        "talk": "040", "meeting": "040", "negotiation": "046"}
    with pytest.raises(DictionaryError, match=r"m.txt:1: 'talk' stands before any \[value\] section"):
        lexicon.parse_mapping(["talk", "[040]", "meeting"], "m.txt")
    with pytest.raises(DictionaryError, match=r"m.txt:4: 'talk' is already listed at m.txt:2"):
        lexicon.parse_mapping(["[040]", "talk", "[046]", "talk"], "m.txt")
    with pytest.raises(DictionaryError, match=r"m.txt:1: '\[040\]' starts a section: this file is a word map"):
        lexicon.parse(["[040]", "talk"], "m.txt")


def test_unknown_and_circular_includes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("alpha\n@b\n")
    (tmp_path / "b.txt").write_text("beta\n@a\n")
    with pytest.raises(DictionaryError, match="includes itself"):
        lexicon.load_dir(tmp_path)
    (tmp_path / "b.txt").write_text("beta\n@nowhere\n")
    with pytest.raises(DictionaryError, match=r"b.txt:2: no word class 'nowhere'"):
        lexicon.load_dir(tmp_path)
    (tmp_path / "b.txt").write_text("beta\n")
    assert lexicon.load_dir(tmp_path) == {"a": frozenset({"alpha", "beta"}), "b": frozenset({"beta"})}


# sets of strings in code that are not English words: dependency labels, POS and entity tags, codes, suffixes
NOT_WORDS = {"ARGUMENT_DEPS", "CLIMB_DEPS", "OBJECT_DEPS", "MARKER_DEPS", "MODIFIER_DEPS", "_CLAUSES", "NOMINAL", "NAMED_THINGS",
             "THING_KINDS"}
# modules outside the coder's knowledge: readers, storage, the PETRARCH importer (a reader of another format)
OTHER_MODULES = {"read/__init__.py", "read/web.py"}


def test_no_word_list_is_left_in_code() -> None:
    """A module-level set of three or more lower-case words belongs in data/lexicon, not in code."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel in OTHER_MODULES or rel.startswith(("store/", "web/", "cli/", "formats/")):
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.Assign) or not isinstance(node.targets[0], ast.Name):
                continue
            value = node.value
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "frozenset" and value.args:
                value = value.args[0]
            if not isinstance(value, ast.Set):
                continue
            strings = [e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if node.targets[0].id not in NOT_WORDS and len(strings) >= 3 and all(s.islower() and "." not in s for s in strings):
                found.append(f"{rel}:{node.lineno} {node.targets[0].id}")
    assert not found, found


def test_users_add_words_in_their_own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "saying-verbs.txt").write_text("# our house style\nopine\n")
    (tmp_path / "joint-nouns.txt").write_text("[046]\nparley\n")
    monkeypatch.setenv(lexicon.LEXICON_ENV, str(tmp_path))
    lexicon.words.cache_clear()
    lexicon.mapping.cache_clear()
    try:
        assert "opine" in lexicon.words("saying-verbs")
        assert "opine" in lexicon.words("speech-verbs")  # a class that includes it sees the word too
        assert lexicon.mapping("joint-nouns")["parley"] == "046"
        assert lexicon.check()["saying-verbs"] == len(lexicon.words("saying-verbs"))
        (tmp_path / "saying-verb.txt").write_text("opine\n")
        with pytest.raises(DictionaryError, match="no word class or word map 'saying-verb'"):
            lexicon.check()
    finally:
        monkeypatch.delenv(lexicon.LEXICON_ENV)
        lexicon.words.cache_clear()
        lexicon.mapping.cache_clear()
    assert "opine" not in lexicon.words("saying-verbs")


def test_a_user_file_adds_words_and_includes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "saying-verbs.txt").write_text("@speech-verbs\n")
    monkeypatch.setenv(lexicon.LEXICON_ENV, str(tmp_path))
    lexicon.words.cache_clear()
    try:
        with pytest.raises(DictionaryError, match=r"saying-verbs.txt:1: a user's word list adds words"):
            lexicon.words("saying-verbs")
    finally:
        monkeypatch.delenv(lexicon.LEXICON_ENV)
        lexicon.words.cache_clear()
