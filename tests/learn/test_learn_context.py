"""The context target: an act whose sentence names no other actor takes its target from earlier sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.learn import context as context_mod
from parley.learn.corpus import Unit
from parley.learn.layer import CANDIDATE_FLOOR, Layer, Thresholds
from parley.model import Document

MINI = Path(__file__).resolve().parent.parent / "data" / "corpus-mini.jsonl"

# (expelling country, its code, expelled country, its code, a bystander named in between)
TRIOS = [("Peru", "PER", "Chile", "CHL", "Brazil"), ("Kenya", "KEN", "Ghana", "GHA", "Egypt"),
         ("Norway", "NOR", "Poland", "POL", "Spain"), ("Japan", "JPN", "Vietnam", "VNM", "India"),
         ("Canada", "CAN", "Mexico", "MEX", "Cuba"), ("Sweden", "SWE", "Austria", "AUT", "Greece")]


def _article(k: int, a: str, a_code: str, b: str, b_code: str, other: str, gold: bool = True) -> list[Unit]:
    texts = [f"{a} expelled the {b} ambassador on Monday.", f"{other} hosted a trade fair on Tuesday.",
             f"The {b} government condemned the expulsion."]
    events = [[], [], [{"source": f"{b_code}GOV", "source_text": f"The {b} government", "cameo": "111",
                        "target": a_code, "target_text": None, "trigger": "condemned", "modality": "asserted"}]]
    return [Unit({"id": f"ctx{k}-{i}", "article": f"ctx{k}", "unit": i, "text": t,
                  "events": events[i] if gold else []}) for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def plain(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A layer trained on the mini corpus, which names every target in its sentence: no context ranker."""
    from parley.learn.train import train

    out = tmp_path_factory.mktemp("plain")
    layer, meta = train([MINI], out, log=lambda _: None)
    return out, layer, meta


def _with(base: Layer, model, **thresholds) -> Layer:  # type: ignore[no-untyped-def]
    meta = {**base.meta, "thresholds": {**base.meta["thresholds"], **thresholds}}
    return Layer(base.detector, base.source, base.target, base.verifier,
                 {"triggers": base.triggers, "root_codes": base.root_codes}, meta, base.modality, model)


@pytest.fixture(scope="module")
def ranker():  # type: ignore[no-untyped-def]
    from parley.learn import train as T

    units = [u for k, trio in enumerate(TRIOS) for u in _article(k, *trio)]
    data = T.code_units(units, log=lambda _: None)
    rows, ys = context_mod.examples(data, T._required)
    return T.train_binary(rows, ys, 0.5, 0, "context"), rows, ys


def test_the_candidates_are_the_countries_named_before_with_how_they_were_named(ranker):  # type: ignore[no-untyped-def]
    _model, rows, ys = ranker
    # per article, one gold event whose target is not named in its sentence: the two other countries named before
    # (the source's own country only by a mention of another code than the source's, and there is none)
    assert len(rows) == 2 * len(TRIOS) and sum(ys) == len(TRIOS)
    for row, y in zip(rows, ys):
        # the expelling country was the other actor of the source's earlier event, two sentences back
        assert ("partner=1" in row and "back=2" in row) if y else ("partner=0" in row and "back=1" in row)


def test_a_sentence_with_no_other_actor_takes_the_earlier_partner(ranker, plain):  # type: ignore[no-untyped-def]
    from parley.pipeline import Coder, Options

    model, _rows, _ys = ranker
    text = "Chad expelled the Niger ambassador on Monday. Libya hosted a trade fair on Tuesday. " \
           "The Niger government condemned the expulsion."
    analysis = Coder(Options(use_model=False)).analyse(Document(text=text))
    untargeted = [e for e in analysis.coded.events if e.source is not None and e.target is None and e.root == "11"]
    assert [e.source.code for e in untargeted] == ["NERGOV"], "the rules read no target for the criticism"
    layer = _with(plain[1], model)
    scored = layer.score(analysis.doc, analysis.coded.mentions, analysis.coded.events, doc_id="t",
                         candidate_floor=CANDIDATE_FLOOR)
    found = {i: t for s in scored for i, t in s.context.items()}
    mention, score = found[untargeted[0].id]
    assert mention.code == "TCD" and mention.text == "Chad" and score > 0.5
    as_is, _ = layer.select(scored, Thresholds(detect=1.01))  # context above 1: nothing taken
    assert as_is == list(analysis.coded.events)
    chosen, decisions = layer.select(scored, Thresholds(detect=1.01, context=0.5))
    event = next(e for e in chosen if e.id == untargeted[0].id)
    assert event.target is not None and event.target.code == "TCD" and event.cameo == untargeted[0].cameo
    assert event.rule == f"{untargeted[0].rule}+{layer.name}"  # the evidence says the model read it
    assert [d.detail for d in decisions if d.outcome == "target from context" and d.root == "11"] == \
           [{"target": round(score, 3)}]
    # an event whose sentence names its target keeps it: the expulsion's target is still Niger
    assert {(e.source.code, e.target.code) for e in chosen if e.root == "16"} == {("TCD", "NERGOV")}
    # the first sentence has nothing before it: no candidate there
    assert not any(s.context for s in scored if s.sentence == 0)


def test_a_model_folder_with_no_context_ranker_skips_it(ranker, plain, tmp_path):  # type: ignore[no-untyped-def]
    from parley.pipeline import Coder, Options

    model, _rows, _ys = ranker
    out, base, meta = plain
    assert not (out / "context.npz").exists()  # the mini corpus names every target in its sentence
    assert meta["thresholds"]["context"] == 1.01
    loaded = Layer.load(out)
    assert loaded.context is None
    text = "Chad expelled the Niger ambassador on Monday. The Niger government condemned the expulsion."
    analysis = Coder(Options(use_model=False)).analyse(Document(text=text))
    scored = loaded.score(analysis.doc, analysis.coded.mentions, analysis.coded.events, doc_id="t",
                         candidate_floor=CANDIDATE_FLOOR)
    assert all(s.context == {} for s in scored)
    # an older model's meta names no context threshold: the step is off
    assert Thresholds(**{k: v for k, v in meta["thresholds"].items() if k != "context"}).context > 1.0
    # a layer with the ranker writes it and reads it back, with the same scores
    with_ranker = _with(base, model)
    with_ranker.save(tmp_path / "ctx")
    again = Layer.load(tmp_path / "ctx")
    assert again.context is not None
    ours = with_ranker.score(analysis.doc, analysis.coded.mentions, analysis.coded.events, doc_id="t",
                             candidate_floor=CANDIDATE_FLOOR)
    theirs = again.score(analysis.doc, analysis.coded.mentions, analysis.coded.events, doc_id="t",
                         candidate_floor=CANDIDATE_FLOOR)
    assert [{k: (m.code, round(p, 2)) for k, (m, p) in s.context.items()} for s in ours] == \
           [{k: (m.code, round(p, 2)) for k, (m, p) in s.context.items()} for s in theirs]
    assert any(s.context for s in ours)


def test_runtime_reads_the_context_only_when_its_threshold_allows(ranker, plain):  # type: ignore[no-untyped-def]
    from parley.pipeline import Coder, Options

    model, _rows, _ys = ranker
    text = "Chad expelled the Niger ambassador on Monday. The Niger government condemned the expulsion."
    analysis = Coder(Options(use_model=False)).analyse(Document(text=text))
    for context, expect in ((1.01, None), (0.3, "TCD")):
        layer = _with(plain[1], model, detect=1.01, context=context)
        events, decisions = layer.apply(analysis.doc, analysis.coded.mentions, analysis.coded.events, doc_id="t")
        criticism = next(e for e in events if e.root == "11")
        assert (criticism.target.code if criticism.target else None) == expect
        assert any(d.outcome == "target from context" for d in decisions) == (expect is not None)
