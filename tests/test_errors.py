"""The error and warning catalogue: every code is emitted somewhere in parley and exercised by a test, and
the codes nothing else tests are emitted here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parley import errors
from parley.model import Document, Failure

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [p for p in (ROOT / "src" / "parley").rglob("*.py") if p.name != "errors.py" or p.parent.name != "parley"]
TESTS = list((ROOT / "tests").rglob("*.py"))


def _emitters(code: str, name: str) -> re.Pattern[str]:
    """Where a code is emitted: an error raised by class, a warning recorded by constant, or the code as text."""
    if name.startswith("W_"):
        return re.compile(rf"Warning_\(\s*(errors\.)?{name}\b|[\"']{code}[\"']")
    return re.compile(rf"raise\s+(errors\.)?{name}\(|[\"']{code}[\"']")


def test_codes_are_unique_and_well_formed():
    codes = errors.catalogue()
    assert all(re.fullmatch(r"[EW]\d{3}", code) for code in codes), codes
    classes = [cls.code for cls in errors.ParleyError.__subclasses__()]
    assert len(classes) == len(set(classes)) and "E000" not in classes
    assert all(meaning for _name, meaning in codes.values())


@pytest.mark.parametrize("code", sorted(errors.catalogue()))
def test_every_code_is_emitted_and_tested(code):
    name, _meaning = errors.catalogue()[code]
    emitted = _emitters(code, name)
    where = [p for p in SOURCES if emitted.search(p.read_text(encoding="utf-8"))]
    assert where, f"{code} ({name}) is in the catalogue but nothing in src/parley emits it"
    tested = re.compile(rf"\b{name}\b|[\"']{code}[\"']")
    assert any(tested.search(p.read_text(encoding="utf-8")) for p in TESTS), f"no test mentions {code} ({name})"


def test_codes_in_the_docs_are_in_the_catalogue():
    known = set(errors.catalogue()) | {"E000"}
    for doc in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]:
        for code in re.findall(r"\b[EW]\d{3}\b", doc.read_text(encoding="utf-8")):
            assert code in known, f"{doc.name} mentions {code}, which parley does not have"


def test_a_missing_model_names_the_install_command():
    from parley.nlp import INSTALL_HINT, load

    with pytest.raises(errors.ModelMissingError) as info:
        load("parley_no_such_model")
    assert str(info.value).startswith("E001: the English model 'parley_no_such_model' is not installed")
    assert INSTALL_HINT in str(info.value)


def test_an_unexpected_failure_while_coding_is_an_internal_error_and_the_batch_goes_on(coder, monkeypatch):
    good, bad = Document(text="Japan pledged aid to the Philippines."), Document(text="Chile recalled its envoy.")
    real = coder.analyse

    def analyse(document, doc=None):
        if document.id == bad.id:
            raise IndexError("a coder bug")
        return real(document, doc)

    monkeypatch.setattr(coder, "analyse", analyse)
    out = list(coder.pipe_items([bad, good]))
    message = "internal error while coding: IndexError('a coder bug')"
    assert out[0] == Failure(bad.id, errors.InternalError.code, message)
    assert out[1].document == good and out[1].events


def test_no_publication_date_is_a_warning(code_text):
    coded = code_text("Japan pledged aid to the Philippines on Monday.", published=None)
    assert [w.code for w in coded.warnings] == [errors.W_DATE_UNKNOWN]
    assert all(e.date is None for e in coded.events) and coded.events
    assert code_text("Japan pledged aid to the Philippines on Monday.").warnings == ()


def test_a_document_holding_an_unpaired_surrogate_is_refused_with_a_code_and_the_batch_goes_on(coder):
    from parley.model import CodedDocument, Document

    bad = Document(text="Peru \ud800 recalled its envoy.", id="bad")
    with pytest.raises(errors.InputError, match="unpaired surrogate"):
        coder.code(bad)
    items = list(coder.pipe_items([Document(text="Chile recalled its envoy."), bad,
                                   Document(text="Bolivia recalled its envoy.")]))
    assert [type(i) for i in items] == [CodedDocument, Failure, CodedDocument] and items[1].code == "E002"
