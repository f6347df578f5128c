"""Named word classes: the words the coder's rules test for, kept as data in ``data/lexicon/*.txt``.

A word class is a file named after it (``speech-verbs.txt`` is the class ``speech-verbs``) with one word or
phrase a line, lower case, matched as a lemma or a lower-cased token by the rule that uses it::

    # verbs whose object, not subject, is the doer of the embedded clause ("urged Israel to halt")
    urge
    ask          # a comment may follow a word
    @causing-verbs   # every word of another class

A line ``@name`` adds every word of the class ``name``. Blank lines and ``#`` comments are ignored. A class is
validated on load: a word in upper case, with stray spaces, listed twice, or an unknown or circular ``@name`` is
an error that names the file and line. WordNet's synsets, as PETRARCH used them, are the precedent: a new verb of
speech or a new noun of protest is a line in a data file, not a change of code.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path

from parley.errors import DictionaryError

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_WORD = re.compile(r"^\S+( \S+)*$")  # one word, or words separated by single spaces


def _lexicon_dir() -> Path:
    return Path(str(resources.files("parley") / "data" / "lexicon"))


def names() -> list[str]:
    """Every word class shipped with parley, by name."""
    return sorted(p.stem for p in _lexicon_dir().glob("*.txt"))


def parse(lines: list[str], where: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The words and the ``@name`` includes of a class file, each with its ``file:line``."""
    words: list[tuple[str, str]] = []
    includes: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for number, raw in enumerate(lines, 1):
        here = f"{where}:{number}"
        body = raw.split("#", 1)[0].strip()
        if not body:
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
    return words, includes


@functools.cache
def words(name: str) -> frozenset[str]:
    """The words of the shipped class ``name`` (with those of the classes it includes)."""
    return frozenset(_resolve(_lexicon_dir(), name, ()))


def load_dir(directory: Path | str) -> dict[str, frozenset[str]]:
    """Every word class of a folder of ``*.txt`` class files, validated, by name."""
    folder = Path(directory)
    return {p.stem: frozenset(_resolve(folder, p.stem, ())) for p in sorted(folder.glob("*.txt"))}


def _resolve(folder: Path, name: str, chain: tuple[str, ...]) -> set[str]:
    path = folder / f"{name}.txt"
    if not path.is_file():
        raise DictionaryError(f"no word class '{name}' (no file {path})")
    if name in chain:
        raise DictionaryError(f"{path}: the word class '{name}' includes itself ({' -> '.join((*chain, name))})")
    listed, includes = parse(path.read_text(encoding="utf-8").splitlines(), str(path))
    out = {w for w, _ in listed}
    for other, here in includes:
        if not (folder / f"{other}.txt").is_file():
            raise DictionaryError(f"{here}: no word class '{other}'")
        out |= _resolve(folder, other, (*chain, name))
    return out


def check() -> dict[str, int]:
    """Load every shipped word class; return its size by name (raises DictionaryError on the first error)."""
    return {name: len(found) for name, found in load_dir(_lexicon_dir()).items()}


__all__ = ["check", "load_dir", "names", "parse", "words"]
