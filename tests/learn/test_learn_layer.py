"""The trained layer: numpy-only models, training on a corpus, and the coder that combines rules and models."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.learn.layer import CANDIDATE_FLOOR, MODEL_DIR, Layer, SentenceScores, Thresholds
from parley.learn.linear import Linear
from parley.model import Document

MINI = Path(__file__).resolve().parent.parent / "data" / "corpus-mini.jsonl"


def test_linear_round_trip_keeps_scores(tmp_path):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(0)
    model = Linear({"a": 0, "b": 1, "c": 2}, rng.normal(size=(3, 4)).astype(np.float32), np.zeros(4, np.float32),
                   ("none", "01", "02", "03"), rng.normal(size=(5, 4)), softmax=True)
    vec = rng.normal(size=5)
    model.save(tmp_path / "m.npz")
    again = Linear.load(tmp_path / "m.npz")
    assert again.labels == model.labels and again.softmax
    assert np.allclose(again.proba(["a", "c", "unknown"], vec), model.proba(["a", "c", "unknown"], vec), atol=1e-3)
    assert abs(again.proba(["a"], vec).sum() - 1.0) < 1e-9
    assert not np.allclose(again.proba(["a"], vec), again.proba(["a"]))  # the dense part counts


@pytest.mark.parametrize("softmax, dense", [(True, True), (False, False)])
def test_scoring_many_lists_at_once_gives_the_same_figures_bit_for_bit(softmax, dense):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(3)
    names = [f"f{i}" for i in range(40)]
    model = Linear({n: i for i, n in enumerate(names)}, rng.normal(size=(40, 5)).astype(np.float32),
                   rng.normal(size=5).astype(np.float32), ("none", "a", "b", "c", "d"),
                   rng.normal(size=(8, 5)) if dense else None, softmax)
    lists = [[names[int(i)] for i in rng.integers(0, 40, size=int(k))] + ["unknown"] * int(k % 2)
             for k in rng.integers(0, 12, size=50)]
    lists = [[], *lists, [], ["unknown"], []]  # no known feature: the bias alone
    vectors = [rng.normal(size=8).astype(np.float32) for _ in lists] if dense else None
    one_by_one = np.array([model.proba(f, vectors[i] if vectors else None) for i, f in enumerate(lists)])
    assert np.array_equal(model.proba_many(lists, vectors), one_by_one)


def test_a_broken_model_file_is_a_clear_error(tmp_path):  # type: ignore[no-untyped-def]
    from parley import errors

    (tmp_path / "m.npz").write_bytes(b"not a model")
    with pytest.raises(errors.ConfigError, match="cannot read the trained model"):
        Linear.load(tmp_path / "m.npz")
    with pytest.raises(errors.ConfigError, match="no trained model"):
        Layer.load(tmp_path)


@pytest.fixture(scope="module")
def mini_model(tmp_path_factory):  # type: ignore[no-untyped-def]
    from parley.learn.train import train

    out = tmp_path_factory.mktemp("model")
    layer, meta = train([MINI], out, log=lambda _: None)
    return out, layer, meta


def test_training_writes_a_versioned_reproducible_model(mini_model, tmp_path):  # type: ignore[no-untyped-def]
    from parley.learn.train import train

    out, _layer, _meta = mini_model
    names = sorted(p.name for p in out.iterdir())
    assert names == ["detect.npz", "meta.json", "modality.npz", "source.npz", "target.npz", "triggers.json",
                     "verify.npz"]
    saved = json.loads((out / "meta.json").read_text())
    assert saved["train_units"] == 49 and saved["dev_units"] == 14  # the 21 test units are never read
    assert len(saved["corpus_sha256"]) == 64 and saved["version"]
    assert set(saved["thresholds"]) == {"verify", "detect", "happened", "source", "target", "drop", "fill",
                                       "fill_source", "context"}
    _, again = train([MINI], tmp_path, log=lambda _: None)
    assert again["thresholds"] == saved["thresholds"] and again["dev"] == saved["dev"]
    assert (tmp_path / "triggers.json").read_text() == (out / "triggers.json").read_text()


def test_the_trigger_lexicon_and_detector_learned_the_corpus(mini_model):  # type: ignore[no-untyped-def]
    _out, layer, _meta = mini_model
    assert layer.triggers["19"]["shell"] == {"190": 7} or "shell" in layer.triggers["19"]
    assert layer.root_codes["16"] == "1663"
    assert layer.detector.labels[0] == "none" and layer.detector.softmax


def test_the_combined_coder_keeps_evidence_and_explains(mini_model):  # type: ignore[no-untyped-def]
    from parley.pipeline import Coder, Options

    out, _layer, _meta = mini_model
    coder = Coder(Options(model_path=str(out)))
    analysis = coder.analyse(Document(text="Kenya troops shelled positions held by Egypt forces near the frontier.",
                                      published=None))
    assert analysis.decisions, "the layer records what it decided"
    for d in analysis.decisions:
        assert d.kind in ("rule", "model") and 0.0 <= d.score <= 1.0 and d.outcome
    for e in analysis.coded.events:
        assert e.rule.startswith("model:") or not e.rule.startswith("model")
        assert e.evidence and e.trigger.start < e.trigger.end
        assert analysis.coded.document.text[e.trigger.start:e.trigger.end] == e.trigger.text


def test_thresholds_decide_what_is_kept_and_added(mini_model):  # type: ignore[no-untyped-def]
    from parley.pipeline import Coder, Options

    _out, layer, _meta = mini_model
    coder = Coder(Options(use_model=False))
    text = "Chile condemned Peru over the border incident. Brazil troops shelled positions held by Japan forces."
    analysis = coder.analyse(Document(text=text))
    # scored as tuning scores (everything, for any thresholds): coding skips what its own thresholds rule out
    scored = layer.score(analysis.doc, analysis.coded.mentions, analysis.coded.events, doc_id="t",
                         reread_below=1.01, candidate_floor=CANDIDATE_FLOOR)
    kept_all, _ = layer.select(scored, Thresholds(verify=0.0, detect=1.01))
    assert kept_all == list(analysis.coded.events)  # no model, no verifier: the rules' events as they are
    reread, decisions = layer.select(scored, Thresholds(verify=1.01, detect=1.01, source=0.0))
    # a doubted rule event is never dropped: the same act stays, its actors as the attribution models read them
    assert [(e.trigger.start, e.cameo) for e in reread] == [(e.trigger.start, e.cameo) for e in kept_all]
    assert all(d.outcome == "kept" or d.outcome.startswith(("kept:", "re-read", "actors re-read"))
               for d in decisions if d.kind == "rule")
    # where the rules coded nothing, the detector's candidates above the thresholds become events
    bare = [SentenceScores(s.sentence, (), s.candidates) for s in scored]
    assert any(s.candidates for s in bare)
    added, decisions = layer.select(bare, Thresholds(verify=1.01, detect=0.0, happened=0.0, source=0.0))
    none_added, _ = layer.select(bare, Thresholds(detect=1.01))
    assert none_added == []
    model_events = [e for e in added if e.rule.startswith("model:")]
    assert model_events and all(e.source is not None for e in model_events)
    assert {d.outcome for d in decisions if d.kind == "model"} >= {"added"}


def test_a_range_that_starts_inside_a_sentence_keeps_its_rule_events_and_reads_only_its_words(mini_model):
    # ``within`` scores one unit of an article; spaCy may have joined the unit's first sentence to the one before
    from parley.pipeline import Coder, Options

    _out, layer, _meta = mini_model
    text = "Brazil troops shelled positions held by Japan forces; Chile condemned Peru over the border incident."
    analysis = Coder(Options(use_model=False)).analyse(Document(text=text))
    assert len(list(analysis.doc.sents)) == 1
    start = text.index("Chile")
    events = [e for e in analysis.coded.events if e.trigger.start >= start]
    assert [e.root for e in events] == ["11"]
    scored = layer.score(analysis.doc, analysis.coded.mentions, events, doc_id="t", within=(start, len(text)),
                         reread_below=1.01, candidate_floor=0.0)
    kept, _ = layer.select(scored, Thresholds(verify=0.0, detect=1.01))
    assert kept == events  # before, a sentence starting before the range was skipped with its rule events
    words = [c.event.trigger.text for c in scored[0].candidates if c.event is not None]
    assert "condemned" in words and "shelled" not in words  # the words before the range belong to another unit


def test_the_detector_reads_only_words_that_triggered_an_event_in_training(mini_model):
    from parley.learn.features import lemma
    from parley.pipeline import Coder, Options

    _out, layer, _meta = mini_model
    assert layer.trigger_words == {w for words in layer.triggers.values() for w in words}
    text = "Kenya troops shelled positions held by Egypt forces near the frontier on a rainy morning."
    analysis = Coder(Options(use_model=False)).analyse(Document(text=text))
    scored = layer.score(analysis.doc, analysis.coded.mentions, [], doc_id="t", candidate_floor=0.0)
    read = {lemma(analysis.doc.char_span(c.event.trigger.start, c.event.trigger.end).root)
            for s in scored for c in s.candidates if c.event is not None}
    assert "shell" in read and read <= layer.trigger_words and not read & {"frontier", "morning", "rainy"}


def test_a_drop_threshold_drops_only_the_rule_events_the_verifier_doubts(mini_model):  # type: ignore[no-untyped-def]
    from parley.pipeline import Coder, Options

    _out, layer, _meta = mini_model
    text = "Chile condemned Peru over the border incident. Brazil troops shelled positions held by Japan forces."
    analysis = Coder(Options(use_model=False)).analyse(Document(text=text))
    scored = layer.score(analysis.doc, analysis.coded.mentions, analysis.coded.events, doc_id="t")
    scores = {e.id: v for s in scored for e, v, _ in s.rule_events}
    none_dropped, _ = layer.select(scored, Thresholds(detect=1.01, drop=0.0))
    assert none_dropped == list(analysis.coded.events)
    cut = sorted(scores.values())[len(scores) // 2] if scores else 0.5
    kept, decisions = layer.select(scored, Thresholds(detect=1.01, drop=cut))
    assert [e.id for e in kept] == [e.id for e in analysis.coded.events if not (e.occurred and scores[e.id] < cut)]
    dropped = [d for d in decisions if d.outcome.startswith("dropped")]
    assert len(dropped) == len(analysis.coded.events) - len(kept)
    assert all(d.score < cut for d in dropped)


def test_a_rule_event_without_a_target_takes_the_one_attribution_reads(mini_model):  # type: ignore[no-untyped-def]
    from parley.pipeline import Coder, Options

    _out, layer, _meta = mini_model
    text = "Peru police arrested dozens during a visit by the Chile president."
    analysis = Coder(Options(use_model=False)).analyse(Document(text=text))
    untargeted = [e for e in analysis.coded.events if e.target is None and e.source is not None]
    assert untargeted, "the rules read no target in this sentence: the test needs one"
    scored = layer.score(analysis.doc, analysis.coded.mentions, analysis.coded.events, doc_id="t")
    found = {i: t for s in scored for i, t in s.targets.items()}
    assert set(found) == {e.id for e in untargeted}
    as_is, _ = layer.select(scored, Thresholds(detect=1.01))
    assert as_is == list(analysis.coded.events)  # fill above 1: nothing read
    filled, decisions = layer.select(scored, Thresholds(detect=1.01, fill=0.0))
    by_id = {e.id: e for e in filled}
    for e in untargeted:
        mention, _score = found[e.id]
        assert by_id[e.id].target is not None and by_id[e.id].target.code == mention.code != e.source.code
        assert by_id[e.id].rule.endswith(layer.name)  # the evidence says the model read it
    assert any(d.outcome == "target read" for d in decisions)


def test_a_rule_event_without_a_source_takes_the_one_attribution_reads(mini_model):  # type: ignore[no-untyped-def]
    from parley.learn.layer import CANDIDATE_FLOOR
    from parley.pipeline import Coder, Options

    _out, layer, _meta = mini_model
    text = "Chile protesters were wounded in a bomb attack near Peru police."
    analysis = Coder(Options(use_model=False)).analyse(Document(text=text))
    sourceless = [e for e in analysis.coded.events if e.source is None and e.occurred]
    assert sourceless, "the rules read no source in this sentence: the test needs one"
    # scored as tuning scores (everything a threshold could use), whatever this small model's own thresholds
    scored = layer.score(analysis.doc, analysis.coded.mentions, analysis.coded.events, doc_id="t",
                         candidate_floor=CANDIDATE_FLOOR)
    found = {i: t for s in scored for i, t in s.sources.items()}
    assert set(found) == {e.id for e in sourceless}
    as_is, _ = layer.select(scored, Thresholds(detect=1.01))
    assert as_is == list(analysis.coded.events)  # fill_source above 1: nothing read
    filled, decisions = layer.select(scored, Thresholds(detect=1.01, fill_source=0.0))
    by_id = {e.id: e for e in filled}
    for e in sourceless:
        mention, _score = found[e.id]
        assert by_id[e.id].source is not None and by_id[e.id].source.code == mention.code
        assert e.target is None or mention.code != e.target.code  # never the event's own target
        assert by_id[e.id].rule.endswith(layer.name)
    assert any(d.outcome == "source read" for d in decisions)


def test_a_model_event_is_coded_for_each_coordinated_actor(mini_model):  # type: ignore[no-untyped-def]
    from parley.events.mentions import MentionIndex
    from parley.pipeline import Coder, Options

    _out, layer, _meta = mini_model
    analysis = Coder(Options(use_model=False)).analyse(
        Document(text="Brazil, Chile and Peru shelled positions held by Japan forces.", published=None))
    doc, mentions = analysis.doc, [m for m in analysis.coded.mentions if m.code]
    sent = next(iter(doc.sents))
    verb = next(t for t in doc if t.lower_ == "shelled")
    cand = layer._candidate(sent, 0, verb, "19", 0.9, mentions, MentionIndex(doc, mentions), "t")
    assert cand.event is not None and cand.event.source is not None
    sources = {cand.event.source.code, *(m.code for m in cand.also_sources)}
    assert {"BRA", "CHL", "PER"} <= {c[:3] for c in sources}
    events, _ = layer.select([SentenceScores(0, (), (cand,))],
                             Thresholds(detect=0.0, happened=0.0, source=0.0, target=0.0))
    assert {e.source.code[:3] for e in events} >= {"BRA", "CHL", "PER"}
    assert len({e.id for e in events}) == len(events)


def test_a_verb_of_planning_is_read_with_the_act_it_plans(mini_model):  # type: ignore[no-untyped-def]
    from parley.events.mentions import MentionIndex
    from parley.pipeline import Coder, Options

    _out, layer, _meta = mini_model
    analysis = Coder(Options(use_model=False)).analyse(
        Document(text="Chile is scheduled to meet Peru in Lima next month.", published=None))
    doc, mentions = analysis.doc, [m for m in analysis.coded.mentions if m.code]
    sent = next(iter(doc.sents))
    verb = next(t for t in doc if t.lower_ == "scheduled")
    cand = layer._candidate(sent, 0, verb, "04", 0.9, mentions, MentionIndex(doc, mentions), "t")
    assert cand.event is not None and cand.event.modality == "intended"
    events, _ = layer.select([SentenceScores(0, (), (cand,))],
                             Thresholds(detect=0.0, happened=0.0, source=0.0, target=0.0))
    assert not [e for e in events if e.occurred]


def test_a_cooperative_act_failed_is_read_with_the_act_not_the_failing(mini_model):  # type: ignore[no-untyped-def]
    _out, layer, _meta = mini_model
    failed = _model_candidate(layer, "Chile and Peru failed to agree on a new border treaty.", "failed", "05")
    assert failed.event is not None and failed.event.modality == "negated"
    # failing to comply is itself the act (a rejection), not a negated one
    refused = _model_candidate(layer, "The Peruvian envoy failed to answer the summons from Chile.", "failed", "12")
    assert refused.event is not None and refused.event.modality == "asserted"


def _model_candidate(layer, text: str, word: str, root: str):  # type: ignore[no-untyped-def]
    from parley.events.mentions import MentionIndex
    from parley.pipeline import Coder, Options

    analysis = Coder(Options(use_model=False)).analyse(Document(text=text, published=None))
    doc, mentions = analysis.doc, [m for m in analysis.coded.mentions if m.code]
    verb = next(t for t in doc if t.lower_ == word)
    return layer._candidate(next(iter(doc.sents)), 0, verb, root, 0.9, mentions, MentionIndex(doc, mentions), "t")


def test_co_subjects_of_a_one_way_model_event_are_not_its_targets(mini_model):  # type: ignore[no-untyped-def]
    _out, layer, _meta = mini_model
    cand = _model_candidate(layer, "Brazil and Chile criticised Japan over the whaling fleet.", "criticised", "11")
    assert cand.event is not None and cand.event.source is not None
    co_subjects = {cand.event.source.code, *(m.code for m in cand.also_sources)}
    assert {"BRA", "CHL"} <= {c[:3] for c in co_subjects}
    events, _ = layer.select([SentenceScores(0, (), (cand,))],
                             Thresholds(detect=0.0, happened=0.0, source=0.0, target=0.0))
    assert events and not any(e.target is not None and e.target.code in co_subjects for e in events)


def test_a_joint_model_event_of_co_subjects_pairs_the_first_named(mini_model):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from parley.learn.layer import _each_coordinated, _ref

    _out, layer, _meta = mini_model
    cand = _model_candidate(layer, "Peru, Chile and Bolivia held naval exercises off Arica.", "held", "06")
    assert cand.event is not None and cand.event.source is not None
    assert {"PER", "CHL", "BOL"} <= {cand.event.source.code[:3], *(m.code[:3] for m in cand.also_sources)}
    # whichever party the source model reads, with a co-subject as its target: the first-named toward the others
    # (the reverse is optional in the convention and not coded), never the others among themselves
    event = replace(cand.event, target=_ref(cand.also_sources[0]))
    got = {(e.source.code[:3], e.target.code[:3]) for e in _each_coordinated(event, cand)}
    assert got == {("PER", "CHL"), ("PER", "BOL")}


def test_no_model_gives_the_rules_alone(mini_model):  # type: ignore[no-untyped-def]
    from parley.pipeline import Coder, Options

    _out, _layer, _meta = mini_model
    text = "Canada would impose sanctions on Chile if the talks fail. Canada praised Chile for its help."
    rules = Coder(Options(use_model=False)).analyse(Document(text=text))
    assert rules.decisions == ()
    assert all(not e.rule.startswith("model:") for e in rules.coded.events)


def test_cli_train_and_corpus_commands(tmp_path):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    result = runner.invoke(app, ["corpus", "check", str(MINI)])
    assert result.exit_code == 0, result.output
    assert "84 units, 12 articles" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n', encoding="utf-8")
    assert runner.invoke(app, ["corpus", "check", str(bad)]).exit_code == 1
    result = runner.invoke(app, ["corpus", "split", "test", str(MINI), "--out", str(tmp_path / "test.jsonl")])
    assert result.exit_code == 0 and len((tmp_path / "test.jsonl").read_text().splitlines()) == 21
    result = runner.invoke(app, ["train", str(MINI), "--out", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "m" / "meta.json").read_text())["train_units"] == 49
    assert runner.invoke(app, ["train", str(tmp_path / "missing")]).exit_code == 2


def test_the_packaged_model_loads_and_is_used_by_default():
    from parley.pipeline import Coder

    layer = Layer.load(MODEL_DIR)
    assert layer.meta["train_units"] >= 1000 and layer.meta["corpus_sha256"]
    assert layer.thresholds.detect <= 1.0 or layer.thresholds.verify > 0.0  # it does something
    coder = Coder()
    assert coder.layer is not None and coder.layer.name == layer.name


def test_tuning_puts_precision_first_and_searches_again_with_the_later_steps(monkeypatch):  # type: ignore
    from types import SimpleNamespace

    from parley.learn import train

    # a made-up dev split whose figures depend only on the thresholds: a looser detector finds more and is less
    # precise; filling targets makes right events of wrong ones, worth more at the looser detector threshold
    def figures(th: Thresholds) -> dict[str, float]:
        tp, fp = {0.3: (640, 700), 0.5: (600, 540), 0.7: (560, 470)}.get(th.detect, (400, 380))
        if th.detect < 1.01 and th.fill <= 0.3:
            tp, fp = tp + (60 if th.detect == 0.5 else 10), fp - (60 if th.detect == 0.5 else 10)
        if th.verify or th.happened != 0.5 or th.source != 0.3 or th.target:
            tp -= 50
        if th.context <= 1.0 or th.fill_source <= 1.0 or th.drop:
            tp -= 50
        p, r = tp / (tp + fp), tp / 1560
        traps = 9 if th.detect == 0.3 else 1
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r), "f_half": 1.25 * p * r / (0.25 * p + r),
                "tp": tp, "fp": fp, "traps_coded_as_real": traps}

    monkeypatch.setattr(train, "_score", lambda layer, c: [])
    monkeypatch.setattr(train, "score_layer", lambda layer, data, th, scored=None:
                        figures(th) if th != Thresholds() else {**figures(th), "precision": 0.42,
                                                                "traps_coded_as_real": 1})
    th, m = train.tune(SimpleNamespace(context=None), [object()])
    # the first pass sets detect 0.7 with fill off (F0.5 best), then fill; the second finds that with fill,
    # detect 0.5 is better; detect 0.3 codes more traps as real than the rules and is never taken
    assert th.detect == 0.5 and th.fill <= 0.3
    assert m["tp"] == 660 and m["traps_coded_as_real"] == 1
    # with a precision floor no setting reaches, the least imprecise one is returned
    th, m = train.tune(SimpleNamespace(context=None), [object()], floor=0.9)
    assert th.detect == 0.7 and m["precision"] < 0.9
