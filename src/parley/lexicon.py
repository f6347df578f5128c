"""Named word classes: the words the coder's rules test for, kept as data in ``data/lexicon/*.txt``.

A word class is a file named after it (``speech-verbs.txt`` is the class ``speech-verbs``) with one word or
phrase a line, lower case, matched as a lemma or a lower-cased token by the rule that uses it::

    # verbs whose object, not subject, is the doer of the embedded clause ("urged Israel to halt")
    urge
    ask          # a comment may follow a word
    @causing-verbs   # every word of another class

A line ``@name`` adds every word of the class ``name``. Blank lines and ``#`` comments are ignored. A class is
validated on load: a word in upper case, with stray spaces, listed twice, or an unknown or circular ``@name`` is
an error that names the file and line.

A *word map* gives each word a value (a kind of act, a CAMEO code): its words stand under ``[value]`` headers,
and code reads it with :func:`mapping`::

    # nouns of meetings whose "between A and B" is A and B meeting, by the code of that meeting
    [040]
    talk
    meeting
    [046]
    negotiation

Users add words without touching parley: a file of the same name in a folder named by ``PARLEY_LEXICON`` adds
its words to a class (and to every class that includes it), or gives words of a map their value. WordNet's
synsets, as PETRARCH used them, are the precedent: a new verb of speech or a new noun of protest is a line in a
data file, not a change of code.
"""

from __future__ import annotations

import functools
import os
import re
from importlib import resources
from pathlib import Path

from parley.errors import DictionaryError

#: the environment variable naming the folders of the user's own word lists
LEXICON_ENV = "PARLEY_LEXICON"
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_SECTION = re.compile(r"^\[([a-z0-9][a-z0-9-]*)\]$")
_WORD = re.compile(r"^\S+( \S+)*$")  # one word, or words separated by single spaces


def _lexicon_dir() -> Path:
    return Path(str(resources.files("parley") / "data" / "lexicon"))


def names() -> list[str]:
    """Every word class shipped with parley, by name."""
    return sorted(p.stem for p in _lexicon_dir().glob("*.txt"))


def parse(lines: list[str], where: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The words and the ``@name`` includes of a class file, each with its ``file:line``."""
    words, includes, sections = _parse(lines, where)
    if sections:
        raise DictionaryError(f"{sections[0][1]}: '[{sections[0][0]}]' starts a section: this file is a word map "
                              "(read it with lexicon.mapping)")
    return words, includes


def parse_mapping(lines: list[str], where: str) -> dict[str, str]:
    """The words of a word-map file, each with the value of the ``[value]`` section it stands in."""
    words, includes, sections = _parse(lines, where)
    if includes:
        raise DictionaryError(f"{includes[0][1]}: a word map cannot include a word class (@{includes[0][0]})")
    out: dict[str, str] = {}
    value: str | None = None
    starts = iter(sections)
    next_section = next(starts, None)
    for word, here in words:
        while next_section is not None and _line_of(next_section[1]) < _line_of(here):
            value, next_section = next_section[0], next(starts, None)
        if value is None:
            raise DictionaryError(f"{here}: '{word}' stands before any [value] section")
        out[word] = value
    if not out:
        raise DictionaryError(f"{where}: a word map with no words")
    return out


def _line_of(here: str) -> int:
    return int(here.rsplit(":", 1)[1])


def _parse(lines: list[str], where: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
    words: list[tuple[str, str]] = []
    includes: list[tuple[str, str]] = []
    sections: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for number, raw in enumerate(lines, 1):
        here = f"{where}:{number}"
        body = raw.split("#", 1)[0].strip()
        if not body:
            continue
        section = _SECTION.match(body)
        if section is not None:
            sections.append((section.group(1), here))
            continue
        if body.startswith("@"):
            if not _NAME.match(body[1:]):
                raise DictionaryError(f"{here}: '{body}' is not a word class (@name, lower case and hyphens)")
            includes.append((body[1:], here))
            continue
        if not _WORD.match(body):
            raise DictionaryError(f"{here}: '{body}' has stray spaces (words are separated by one space)")
        if body != body.lower():
            raise DictionaryError(f"{here}: '{body}' is not lower case (rules match lemmas and lower-cased words)")
        if body in seen:
            raise DictionaryError(f"{here}: '{body}' is already listed at {seen[body]}")
        seen[body] = here
        words.append((body, here))
    return words, includes, sections


def user_dirs() -> list[Path]:
    """The folders of the user's own word lists: ``PARLEY_LEXICON``, one or more folders separated by the
    system's path separator. Read when a class is first loaded, so set it before parley starts."""
    return [Path(p) for p in os.environ.get(LEXICON_ENV, "").split(os.pathsep) if p]


@functools.cache
def words(name: str) -> frozenset[str]:
    """The words of the class ``name``: the shipped file's, those of the classes it includes, and those the
    user's files of the same name add (``PARLEY_LEXICON``)."""
    return frozenset(_resolve(_lexicon_dir(), name, (), user_dirs()))


@functools.cache
def codes(name: str) -> tuple[str, ...]:
    """The class ``name`` read as codes: upper case, longest first (for ``str.startswith``)."""
    return tuple(sorted((w.upper() for w in words(name)), key=lambda c: (-len(c), c)))


@functools.cache
def mapping(name: str) -> dict[str, str]:
    """The word map ``name``: each word with its value, the user's files (``PARLEY_LEXICON``) adding words or
    giving a word another value (one dict, shared: do not change it)."""
    path = _lexicon_dir() / f"{name}.txt"
    if not path.is_file():
        raise DictionaryError(f"no word map '{name}' (no file {path})")
    out = parse_mapping(path.read_text(encoding="utf-8").splitlines(), str(path))
    for folder in user_dirs():
        extra = folder / f"{name}.txt"
        if extra.is_file():
            out.update(parse_mapping(extra.read_text(encoding="utf-8").splitlines(), str(extra)))
    return out


def _user_words(name: str, folders: list[Path]) -> set[str]:
    out: set[str] = set()
    for folder in folders:
        path = folder / f"{name}.txt"
        if not path.is_file():
            continue
        listed, includes = parse(path.read_text(encoding="utf-8").splitlines(), str(path))
        if includes:
            raise DictionaryError(f"{includes[0][1]}: a user's word list adds words; it cannot include a class")
        out |= {w for w, _ in listed}
    return out


def load_dir(directory: Path | str) -> dict[str, frozenset[str] | dict[str, str]]:
    """Every word class and word map of a folder of ``*.txt`` files, validated, by name."""
    folder = Path(directory)
    out: dict[str, frozenset[str] | dict[str, str]] = {}
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if any(_SECTION.match(line.split("#", 1)[0].strip()) for line in lines):
            out[path.stem] = parse_mapping(lines, str(path))
        else:
            out[path.stem] = frozenset(_resolve(folder, path.stem, ()))
    return out


def _resolve(folder: Path, name: str, chain: tuple[str, ...], users: list[Path] | None = None) -> set[str]:
    path = folder / f"{name}.txt"
    if not path.is_file():
        raise DictionaryError(f"no word class '{name}' (no file {path})")
    if name in chain:
        raise DictionaryError(f"{path}: the word class '{name}' includes itself ({' -> '.join((*chain, name))})")
    listed, includes = parse(path.read_text(encoding="utf-8").splitlines(), str(path))
    out = {w for w, _ in listed} | _user_words(name, users or [])
    for other, here in includes:
        if not (folder / f"{other}.txt").is_file():
            raise DictionaryError(f"{here}: no word class '{other}'")
        out |= _resolve(folder, other, (*chain, name), users)
    return out


def check() -> dict[str, int]:
    """Load every shipped word class and word map, with the user's additions; return its size by name (raises
    DictionaryError on the first error, or for a user's file that adds to no shipped class)."""
    shipped = load_dir(_lexicon_dir())
    for folder in user_dirs():
        for path in sorted(folder.glob("*.txt")):
            if path.stem not in shipped:
                raise DictionaryError(f"{path}: parley has no word class or word map '{path.stem}' to add to "
                                      f"(known: see {_lexicon_dir()})")
    return {name: len(mapping(name) if isinstance(found, dict) else words(name)) for name, found in shipped.items()}


__all__ = ["LEXICON_ENV", "check", "load_dir", "mapping", "names", "parse", "parse_mapping", "user_dirs", "words"]
