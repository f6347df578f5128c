"""Every error and warning parley raises or records, with a searchable code.

Library code raises :class:`ParleyError` subclasses; the CLI turns them into
messages and exit codes. Warnings recorded on a coded document use the W codes.
"""

from __future__ import annotations


class ParleyError(Exception):
    """Base class of all errors parley raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"{self.code}: {message}")
        self.message = message


class ModelMissingError(ParleyError):
    code = "E001"


class InputError(ParleyError):
    """A document could not be read: empty, binary, bad encoding, too large, malformed JSON."""

    code = "E002"


class DictionaryError(ParleyError):
    """A dictionary or ontology file is invalid; the message names file and line."""

    code = "E003"


class ConfigError(ParleyError):
    code = "E004"


class StoreError(ParleyError):
    code = "E005"


# Warning codes recorded in CodedDocument.warnings
W_DATE_UNKNOWN = "W101"  # no publication date and no explicit date: event dates left null
W_QUOTE_UNBALANCED = "W102"  # quotation marks do not pair up in a paragraph; that paragraph skipped
W_TEXT_TRUNCATED = "W103"  # text was split into chunks to fit the parser
W_BAD_DATE = "W104"  # a date in the input metadata could not be read
