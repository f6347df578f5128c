"""Every error and warning parley raises or records, with a searchable code.

Library code raises :class:`ParleyError` subclasses; the CLI turns them into messages and exit codes. In a
batch, an item that fails becomes a :class:`parley.model.Failure` carrying the same code instead of stopping
the batch. Warnings recorded on a coded document use the W codes. :func:`catalogue` lists them all; a test
checks that every code in it is emitted somewhere in parley and exercised by a test.
"""

from __future__ import annotations


class ParleyError(Exception):
    """Base class of all errors parley raises on purpose (never raised itself)."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"{self.code}: {message}")
        self.message = message


class ModelMissingError(ParleyError):
    """The pinned English spaCy model is not installed; the message gives the install command."""

    code = "E001"


class InputError(ParleyError):
    """A document could not be read: empty, binary, bad encoding, too large, malformed JSON."""

    code = "E002"


class DictionaryError(ParleyError):
    """A dictionary or ontology file is invalid; the message names file and line."""

    code = "E003"


class ConfigError(ParleyError):
    """An option or a combination of options cannot work (an import of the wrong kind, a bad id prefix...)."""

    code = "E004"


class StoreError(ParleyError):
    """The store cannot be opened, written or queried; the message names the store (never its password)."""

    code = "E005"


class InternalError(ParleyError):
    """A bug: coding one document failed unexpectedly. In a batch the document becomes a Failure with this code
    and the others are still coded; please report it with the document."""

    code = "E900"


# Warning codes recorded in CodedDocument.warnings
W_DATE_UNKNOWN = "W101"
W_QUOTE_UNBALANCED = "W102"
W_NOT_ENGLISH = "W103"
W_ALL_CAPITALS = "W104"
W_NO_PUNCTUATION = "W105"
W_SPLIT = "W106"

WARNINGS = {
    W_DATE_UNKNOWN: "no publication date and no explicit date: relative dates and event dates left null",
    W_QUOTE_UNBALANCED: "quotation marks do not pair up in a paragraph: that paragraph's quotes skipped",
    W_NOT_ENGLISH: "the text is not in English: the English model finds few or no events in it",
    W_ALL_CAPITALS: "the text is written in capitals: the model reads it poorly and may miss events",
    W_NO_PUNCTUATION: "the text has no sentence punctuation: the model cannot split its sentences, events missed",
    W_SPLIT: "a document longer than part_chars was coded in parts split at paragraph or sentence ends",
}


def catalogue() -> dict[str, tuple[str, str]]:
    """Every code parley emits: code -> (name in this module, meaning)."""
    out: dict[str, tuple[str, str]] = {}
    todo = list(ParleyError.__subclasses__())
    while todo:
        cls = todo.pop()
        out[cls.code] = (cls.__name__, " ".join((cls.__doc__ or "").split()))
        todo.extend(cls.__subclasses__())
    names = {value: name for name, value in globals().items() if name.startswith("W_")}
    for code, meaning in WARNINGS.items():
        out[code] = (names[code], meaning)
    return dict(sorted(out.items()))


__all__ = ["ConfigError", "DictionaryError", "InputError", "InternalError", "ModelMissingError", "ParleyError",
           "StoreError", "W_ALL_CAPITALS", "W_DATE_UNKNOWN", "W_NO_PUNCTUATION", "W_NOT_ENGLISH",
           "W_QUOTE_UNBALANCED", "W_SPLIT", "WARNINGS", "catalogue"]
