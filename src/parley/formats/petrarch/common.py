"""What both PETRARCH/TABARI converters share: the import result, reading and writing files, line scanning."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parley import errors

#: a bracketed code ``[USAGOV 090120-170120]`` and a braced irregular form ``{went}``
BRACKET = re.compile(r"\[([^\[\]]*)\]")
BRACE = re.compile(r"\{([^{}]*)\}")


@dataclass
class ImportResult:
    """What an import produced: parley-format lines, and a warning for everything not converted as is."""

    kind: str  # "actors" or "verbs"
    source: str  # the file read, as given
    lines: list[str] = field(default_factory=list)  # converted lines in parley's format (no header)
    origins: list[str] = field(default_factory=list)  # "file:line" each converted line comes from
    warnings: list[str] = field(default_factory=list)  # "file:line: message"
    converted: int = 0  # source entries (actor records, agents, verb patterns, verb codes) converted
    skipped: int = 0  # source entries not converted (each has a warning)

    def text(self) -> str:
        """The whole output file: a header comment and the converted lines."""
        if self.kind == "actors":
            header = [
                f"# Imported by `parley dict import --format petrarch-actors` from {Path(self.source).name}.",
                "# Check the casing of names: parley matches proper names case-sensitively (docs/actors.md).",
                "# code\tkind\tnames\tstart\tend\tnote",
            ]
        else:
            header = [
                f"# Imported by `parley dict import --format petrarch-verbs` from {Path(self.source).name}.",
                "# CAMEO  ID  PATTERN  (# the source line)",
            ]
        return "\n".join([*header, *self.lines]) + "\n"


def write_actors(result: ImportResult, path: str | Path) -> Path:
    """Write an actor import as a parley actor TSV file (load it with ``parley code --dict``)."""
    if result.kind != "actors":
        raise errors.ConfigError(f"{result.source}: this is a {result.kind} import, not an actor import")
    return _write(result, path)


def write_verbs(result: ImportResult, path: str | Path) -> Path:
    """Write a verb import as a parley pattern file (load it with ``parley code --patterns``)."""
    if result.kind != "verbs":
        raise errors.ConfigError(f"{result.source}: this is a {result.kind} import, not a verb import")
    return _write(result, path)


def write(result: ImportResult, path: str | Path) -> Path:
    """Write either kind of import to ``path``."""
    return _write(result, path)


def _write(result: ImportResult, path: str | Path) -> Path:
    p = Path(path)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(result.text(), encoding="utf-8")
    except OSError as exc:
        raise errors.ConfigError(f"{p}: cannot write the output file: {exc.strerror or exc}") from None
    return p


# -- reading ------------------------------------------------------------------------------------------


def read_text(path: str | Path, warnings: list[str]) -> str:
    p = Path(path)
    if not p.exists():
        raise errors.DictionaryError(f"{p}: no such dictionary file")
    if p.is_dir():
        raise errors.DictionaryError(f"{p}: is a folder, not a dictionary file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise errors.DictionaryError(f"{p}: cannot read: {exc.strerror or exc}") from None
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample or (sample and controls / len(sample) > 0.05):
        raise errors.DictionaryError(f"{p}: binary data, not a PETRARCH/TABARI text dictionary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        warnings.append(
            f"{path}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x}); the file was read as Latin-1, check accented names"
        )
        return data.decode("latin-1")


def content_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """(line number, content without comments, whether the raw line was blank). Comments: ``#`` and ``;`` to
    the end of the line, ``<!-- ... -->`` (also over several lines)."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line = line[end + 3 :]
            in_comment = False
        while "<!--" in line:
            start = line.index("<!--")
            end = line.find("-->", start + 4)
            if end < 0:
                line = line[:start]
                in_comment = True
                break
            line = line[:start] + " " + line[end + 3 :]
        for mark in ("#", ";"):
            cut = line.find(mark)
            if cut >= 0:
                line = line[:cut]
        yield number, line.rstrip(), not raw.strip()


def brackets_ok(text: str) -> bool:
    """``[...]`` and ``{...}`` pair up and do not nest."""
    depth = {"[": 0, "{": 0}
    closing = {"]": "[", "}": "{"}
    for ch in text:
        if ch in depth:
            if depth["["] or depth["{"]:
                return False
            depth[ch] += 1
        elif ch in closing:
            if depth[closing[ch]] != 1:
                return False
            depth[closing[ch]] = 0
    return not depth["["] and not depth["{"]


def sort_warnings(result: ImportResult) -> None:
    """Warnings in the order of the lines they name (stable for one line)."""
    prefix = len(result.source) + 1

    def line_of(w: str) -> int:
        number = w[prefix:].split(":", 1)[0] if w.startswith(result.source + ":") else ""
        return int(number) if number.isdigit() else 0

    result.warnings.sort(key=line_of)


__all__ = ["BRACE", "BRACKET", "ImportResult", "brackets_ok", "content_lines", "read_text", "sort_warnings", "write",
           "write_actors", "write_verbs"]
