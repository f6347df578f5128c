"""Scoring reads records, not the parse: importing the evaluation loads neither spaCy nor the coder (a fresh
interpreter, so other tests' imports do not hide a violation); the trained layer's imports stay available."""

from __future__ import annotations


def test_the_evaluation_loads_neither_spacy_nor_the_coder(loaded_by):
    assert loaded_by("import parley.evaluate", ("spacy", "parley.events", "parley.pipeline", "parley.actors")) == []
    # nor does scoring (symmetric acts are known by their code: parley.ontology)
    scoring = ("import parley.evaluate as e\n"
               "e.match_events([{'source': 'PER', 'cameo': '040', 'target': 'CHL'}], [], [('PER', '04', 'CHL')], True)")
    assert loaded_by(scoring, ("spacy", "parley.events", "parley.pipeline", "parley.actors")) == []


def test_one_module_per_format_behind_the_same_names():
    import parley.evaluate as evaluate
    from parley.evaluate import actors, codebook, gold, plover

    assert evaluate.FORMATS == ("gold", "codebook", "plover", "actors")
    assert evaluate.score_gold is gold.score_gold and evaluate.score_codebook is codebook.score_codebook
    assert evaluate.score_plover is plover.score_plover and evaluate.score_actors is actors.score_actors
    for name in ("canonical", "country_part", "gold_occurred", "PRF", "accepts", "match_events", "code_records"):
        assert getattr(evaluate, name) is getattr(gold, name), name
