"""The event pattern language: parsing, validation errors, and matching on real parses."""

from __future__ import annotations

import pytest

from parley.errors import DictionaryError
from parley.events.patterns import load_patterns, parse_line


@pytest.mark.parametrize(
    "line, heads, kinds",
    [
        ("042 visit visit TGT", {"visit"}, ["target"]),
        ("111 lash lash out at TGT", {"lash"}, ["marker", "marker", "target"]),
        ("163 sanc impose|slap [sanction|embargo] on TGT", {"impose", "slap"}, ["object", "marker", "target"]),
        ("138 thr threaten to:[attack|strike] TGT", {"threaten"}, ["xcomp", "target"]),
        ("111 say say that:[undermine] TGT", {"say"}, ["ccomp", "target"]),
        ("100 n.dem n:demand|condition", {"demand", "condition"}, []),
        ("   # only a comment", None, None),
        ("", None, None),
    ],
)
def test_parse_line(line, heads, kinds):
    pattern = parse_line(line, "t.txt:1")
    if heads is None:
        assert pattern is None
        return
    assert pattern.heads == heads
    assert [e.kind for e in pattern.elements] == kinds


@pytest.mark.parametrize(
    "line, message",
    [
        ("42 visit visit TGT", "not a CAMEO event code"),
        ("211 visit visit TGT", "not a CAMEO event code"),
        ("042 visit", "expected 'CAMEO ID PATTERN'"),
        ("042 vi$it visit TGT", "not a valid pattern id"),
        ("042 visit Visit TGT", "not a lemma"),
        ("042 visit visit [Bad] TGT", "must look like [word|word]"),
        ("042 visit visit to:attack", "must look like to:[word|word]"),
        ("042 visit visit TGT TGT", "at most one TGT"),
        ("040 meet meet with", "needs TGT after it"),
    ],
)
def test_bad_lines_name_file_and_line(line, message):
    with pytest.raises(DictionaryError) as info:
        parse_line(line, "mine.txt:7")
    assert "mine.txt:7" in str(info.value)
    assert message in str(info.value)


def test_user_file_with_unknown_code_or_duplicate_id_is_refused(tmp_path):
    bad = tmp_path / "mine.txt"
    bad.write_text("# mine\n0999 my.rule visit TGT\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"mine.txt:2.*not in the CAMEO ontology"):
        load_patterns([bad])
    dup = tmp_path / "dup.txt"
    dup.write_text("042 04.visit visit TGT\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="already used"):
        load_patterns([dup])


def test_shipped_patterns_reach_every_root_and_many_codes():
    patterns = load_patterns()
    codes = patterns.codes()
    assert {c[:2] for c in codes} == {f"{i:02d}" for i in range(1, 21)}
    assert len(codes) >= 60


@pytest.mark.parametrize(
    "sentence, predicate, cameo, target",
    [
        ("Iran lashed out at Washington.", "lashed", "111", "Washington"),
        ("The EU imposed sanctions on Belarus.", "imposed", "163", "Belarus"),
        ("Sanctions were imposed on Belarus by the EU.", "imposed", "163", "Belarus"),
        ("Israel and Egypt held talks with Qatar.", "held", "040", "Qatar"),
        ("Pyongyang threatened to strike Seoul.", "threatened", "138", "Seoul"),
        ("Turkey accused Sweden of espionage.", "accused", "1125", "Sweden"),
        ("Kenya called on Ethiopia to release the detainees.", "called", "025", "Ethiopia"),
    ],
)
def test_patterns_match_parses(nlp, sentence, predicate, cameo, target):
    patterns = load_patterns()
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == predicate)
    match = patterns.match(token)
    assert match is not None and match.pattern.cameo == cameo
    assert match.target_head is not None and match.target_head.text == target


def test_phrasal_head_needs_its_particle(nlp):
    from parley.events.patterns import PatternSet

    patterns = PatternSet([parse_line("190 t.carry carry_out|launch [raid|attack] on TGT", "t.txt:1")])
    doc = nlp("Israel carried out a raid on Jenin.")
    assert patterns.match(doc[1]) is not None
    doc = nlp("Israel carried a raid on Jenin.")
    assert patterns.match(doc[1]) is None
    doc = nlp("Israel launched an attack on Jenin.")
    assert patterns.match(doc[1]) is not None


def test_negative_element_blocks_phrasal_reading(nlp):
    from parley.events.patterns import PatternSet

    patterns = PatternSet([parse_line("1711 t.seize seize !on|upon TGT", "t.txt:1")])
    assert patterns.match(nlp("Iran seized a tanker.")[1]) is not None
    assert patterns.match(nlp("Moscow seized on the remarks.")[1]) is None


def test_a_verb_with_a_particle_the_pattern_does_not_name_is_another_verb(nlp):
    from parley.events.patterns import PatternSet

    patterns = PatternSet([parse_line("051 t.back back TGT", "t.txt:1"), parse_line("063 t.hand hand over [suspect]", "t.txt:2")])
    assert patterns.match(nlp("Egypt backed Sudan.")[1]) is not None
    assert patterns.match(nlp("China backed down.")[1]) is None  # backing down is yielding, not support
    assert patterns.match(nlp("Spain handed over the suspect.")[1]) is not None  # a particle the pattern names


def test_copula_adjective_and_container_noun_objects(nlp):
    from parley.events.patterns import PatternSet

    patterns = PatternSet([parse_line("012 t.doubt be [skeptical] about TGT", "t.txt:1"),
                           parse_line("165 t.end end [mediation]", "t.txt:2")])
    doc = nlp("Brandt was skeptical about Moscow.")
    match = patterns.match(doc[1])
    assert match is not None and match.target_head.text == "Moscow"
    assert patterns.match(nlp("Qatar ended its mediation efforts.")[1]) is not None  # "efforts" holds the act
    assert patterns.match(nlp("Qatar ended its tax efforts.")[1]) is None


def test_an_infinitive_hung_as_an_adverbial_clause_matches_to(nlp):
    from parley.events.patterns import PatternSet

    patterns = PatternSet([parse_line("1313 t.secede threaten to:[secede] from TGT", "t.txt:1")])
    doc = nlp("The parliament threatened on Monday to secede from the union.")
    assert patterns.match(doc[2]) is not None


def test_an_air_or_drone_strike_is_no_stoppage_of_work(nlp):
    from parley.events.patterns import PatternSet

    patterns = PatternSet([parse_line("082 t.calloff suspend|end [strike]", "t.txt:1")])
    assert patterns.match(nlp("Teachers suspended their strike.")[1]) is not None
    assert patterns.match(nlp("Washington suspended drone strikes.")[1]) is None
