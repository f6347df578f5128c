"""`parley dict import`: PETRARCH/TABARI actor, agent and verb dictionaries converted into parley's formats.

The dictionaries read here are small files written for these tests (tests/data/import/), with invented
people and patterns and a few public facts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley import errors
from parley.formats.petrarch import (
    import_actors,
    import_verbs,
    parse_date,
    parse_restriction,
    proper_names,
    write_actors,
    write_verbs,
)

DATA = Path(__file__).parents[1] / "data" / "import"
PEOPLE = DATA / "people.actors"
AGENTS = DATA / "agents.actors"
VERBS = DATA / "verbs.txt"


def rows(result):
    """The converted actor lines as (code, kind, names, start, end) tuples."""
    out = []
    for line in result.lines:
        code, kind, names, start, end, _note = line.split("\t")
        out.append((code, kind, names, start, end))
    return out


def patterns(result):
    """The converted pattern lines as (code, pattern text) pairs, the source comment left out."""
    out = []
    for line in result.lines:
        body = line.split("#", 1)[0].split()
        out.append((body[0], " ".join(body[2:])))
    return out


def warned(result, where: str, text: str) -> bool:
    return any(w.startswith(where + ":") and text in w for w in result.warnings)


# -- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("090120", dt.date(2009, 1, 20)),
        ("680101", dt.date(2068, 1, 1)),
        ("690101", dt.date(1969, 1, 1)),
        ("991231", dt.date(1999, 12, 31)),
        ("000229", dt.date(2000, 2, 29)),
        ("19450703", dt.date(1945, 7, 3)),
        ("20170120", dt.date(2017, 1, 20)),
    ],
)
def test_dates_six_and_eight_digits(text, expected):
    assert parse_date(text)[0] == expected


def test_two_digit_year_in_the_future_is_flagged():
    day, note = parse_date("450703")
    assert day == dt.date(2045, 7, 3)
    assert note is not None and "19450703" in note


@pytest.mark.parametrize("text", ["1701", "0901201", "991399", "170230", "abcdef", ""])
def test_bad_dates_raise_value_error(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_restrictions():
    assert parse_restriction("<090120")[:2] == (None, dt.date(2009, 1, 20))
    assert parse_restriction(">20090120")[:2] == (dt.date(2009, 1, 20), None)
    assert parse_restriction("090120-170120")[:2] == (dt.date(2009, 1, 20), dt.date(2017, 1, 20))
    assert parse_restriction("090120 - 20170120")[:2] == (dt.date(2009, 1, 20), dt.date(2017, 1, 20))
    with pytest.raises(ValueError, match="before start"):
        parse_restriction("170120-090120")
    with pytest.raises(ValueError):
        parse_restriction("~~")


# -- names ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, names",
    [
        ("BARACK_OBAMA_", ["Barack Obama"]),
        ("NATO_HEADQUARTERS_", ["NATO Headquarters"]),  # spelt as in parley's own dictionary
        ("UN_SECURITY_COUNCIL_", ["UN Security Council"]),
        ("MINISTRY_OF_DEFENCE_", ["Ministry of Defence"]),
        ("BASHAR_AL-ASSAD_", ["Bashar al-Assad"]),
        ("G20_", ["G20"]),  # a digit: upper case
        ("PKK_", ["PKK"]),  # no vowel: upper case
        ("TIP_O'NEILL_", ["Tip O'Neill"]),
        ("IRAN_", ["Iran"]),  # four letters, still a word
        ("ZORGA_", ["Zorga", "ZORGA"]),  # a short unknown word: both ways
        ("ZORAN  VELIKOV", ["Zoran Velikov"]),  # blanks separate words too
    ],
)
def test_proper_names(phrase, names):
    assert proper_names(phrase) == names


def test_acronyms_option_keeps_upper_case():
    assert proper_names("ZORGA_AGENCY_", acronyms=["zorga"]) == ["ZORGA Agency"]


# -- actor dictionaries --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def people():
    return import_actors(PEOPLE)


def test_date_range_with_default_code_fills_the_gaps(people):
    velikov = [r for r in rows(people) if "Zoran Velikov" in r[2]]
    assert velikov == [
        ("SRBELI", "person", "Zoran Velikov|President Velikov", "", "2014-12-31"),
        ("SRBGOV", "person", "Zoran Velikov|President Velikov", "2015-01-01", "2019-12-31"),
        ("SRBELI", "person", "Zoran Velikov|President Velikov", "2020-01-01", ""),
    ]


def test_eight_digit_dates_and_from_restriction(people):
    assert [r for r in rows(people) if r[2] == "Mirela Dunca"] == [
        ("ROUGOV", "person", "Mirela Dunca", "2010-03-01", "2014-11-30"),
        ("ROUELI", "person", "Mirela Dunca", "2014-12-01", ""),
    ]


def test_codes_on_the_entry_line_tabari_style(people):
    assert [r for r in rows(people) if r[2] == "Abel Tomescu"] == [
        ("ROUELI", "person", "Abel Tomescu", "", "1998-12-31"),
        ("ROUGOV", "person", "Abel Tomescu", "1999-01-01", "2003-12-31"),
        ("ROUELI", "person", "Abel Tomescu", "2004-01-01", ""),
    ]


def test_before_restriction_and_aliases(people):
    assert [r for r in rows(people) if r[2].startswith("John Kerry")] == [
        ("USAELI", "person", "John Kerry|Secretary Kerry", "", "2013-01-31"),
        ("USAGOV", "person", "John Kerry|Secretary Kerry", "2013-02-01", "2017-01-20"),
    ]


def test_undated_entries_kinds_and_null_code(people):
    got = rows(people)
    assert ("RUSGOV", "institution", "Kremlin", "", "") in got
    assert ("NAT", "institution", "NATO Headquarters", "", "") in got
    assert ("SRB", "country", "Serbia", "", "") in got
    assert ("", "not-actor", "Velikov Stadium", "", "") in got  # [---]
    assert people.converted == 8 and people.skipped == 0
    assert people.warnings == []


def test_every_line_names_its_source(people):
    assert all(line.endswith(f"people.actors:{o.rsplit(':', 1)[1]}") for line, o in zip(people.lines, people.origins))


def test_kind_option_overrides_the_guess():
    result = import_actors(PEOPLE, kind="group")
    assert {r[1] for r in rows(result)} == {"group", "not-actor"}


def test_bad_kind_option_is_a_config_error():
    with pytest.raises(errors.ConfigError):
        import_actors(PEOPLE, kind="planet")


def test_output_loads_and_passes_dict_check(people, tmp_path):
    from parley.actors.dictionary import builtin_entries, check, read_file

    out = write_actors(people, tmp_path / "people.tsv")
    entries = read_file(out)  # parley's own parser and validation
    assert len(entries) == len(people.lines)
    assert check([*builtin_entries(), *entries]) == []


def test_agents_become_role_nouns():
    result = import_actors(AGENTS)
    got = rows(result)
    assert ("GOV", "role", "deputy minister of fisheries|deputy ministry of fisheries", "", "") in got  # !MINIST!
    assert ("MIL", "role", "coast guard|coast guards", "", "") in got  # {plural}
    assert ("BUS", "role", "harbour pilot", "", "") in got  # {} no plural
    assert ("GOV", "role", "envoy", "", "") in got
    assert ("GOV", "role", "treasury chief", "", "") in got  # ~GOVFIN narrowed to GOV
    assert ("NGO", "role", "rights watchdog", "", "") in got  # NGO~
    src = str(AGENTS)
    assert warned(result, f"{src}:5", "!envoy! is not defined")
    assert warned(result, f"{src}:8", "converted as GOV")
    assert warned(result, f"{src}:9", "puts the agent before")
    assert warned(result, f"{src}:10", "~XYZ is not a CAMEO role")
    assert result.converted == 6 and result.skipped == 1


def test_agent_kind_option():
    result = import_actors(AGENTS, agent_kind="title")
    assert {r[1] for r in rows(result)} == {"title"}


def test_overlapping_restrictions_earlier_wins(tmp_path):
    f = tmp_path / "overlap.actors"
    f.write_text("ZORAN_VELIKOV_\n\t[SRBGOV 150101-191231]\n\t[SRBMIL 180101-201231]\n\t[SRBELI]\n", encoding="utf-8")
    result = import_actors(f)
    assert [r[0::3] + (r[4],) for r in rows(result)] == [
        ("SRBELI", "", "2014-12-31"),
        ("SRBGOV", "2015-01-01", "2019-12-31"),
        ("SRBMIL", "2020-01-01", "2020-12-31"),
        ("SRBELI", "2021-01-01", ""),
    ]
    assert warned(result, f"{f}:3", "overlaps an earlier restriction")


def test_handover_day_is_no_conflict(tmp_path):
    f = tmp_path / "handover.actors"
    f.write_text("MIRELA_DUNCA_\n\t[ROUELI <100301]\n\t[ROUGOV >100301]\n", encoding="utf-8")
    result = import_actors(f)
    assert [r[0::3] + (r[4],) for r in rows(result)] == [("ROUELI", "", "2010-03-01"), ("ROUGOV", "2010-03-01", "")]
    assert result.warnings == []


def test_conflict_with_builtin_dictionary_is_reported(tmp_path):
    f = tmp_path / "obama.actors"
    f.write_text("BARACK_OBAMA_\n\t[USAELI 100101-161231]\n", encoding="utf-8")
    result = import_actors(f)
    assert result.converted == 1
    assert warned(result, f"{f}:1", "parley dict check will report")


def test_malformed_actor_file_gives_warnings_not_tracebacks():
    result = import_actors(DATA / "broken.actors")
    src = str(DATA / "broken.actors")
    assert rows(result) == [("SRBGOV", "institution", "Good Entry", "", "")]
    for line, text in [
        (2, "with no entry before it"),
        (3, "with no entry before it"),
        (5, "unbalanced brackets"),
        (8, "not a valid date"),
        (9, "before start"),
        (10, "is not <date, >date or date-date"),
        (11, "not a date (yymmdd or yyyymmdd)"),
        (7, "no usable code"),
        (12, "has no [code]"),
        (13, "cannot read"),
        (14, "verb dictionary syntax"),
        (15, "must be 3 to 9 capital letters"),
    ]:
        assert warned(result, f"{src}:{line}", text), (line, text, result.warnings)
    numbers = [int(w[len(src) + 1 :].split(":")[0]) for w in result.warnings]
    assert numbers == sorted(numbers)


def test_binary_file_is_a_dictionary_error(tmp_path):
    f = tmp_path / "x.actors"
    f.write_bytes(b"\x00\x01\x02\xff" * 100)
    with pytest.raises(errors.DictionaryError, match="binary"):
        import_actors(f)
    with pytest.raises(errors.DictionaryError, match="binary"):
        import_verbs(f)


def test_missing_file_and_folder_are_dictionary_errors(tmp_path):
    with pytest.raises(errors.DictionaryError, match="no such"):
        import_actors(tmp_path / "missing.actors")
    with pytest.raises(errors.DictionaryError, match="folder"):
        import_verbs(tmp_path)


def test_latin1_file_is_read_with_a_warning(tmp_path):
    f = tmp_path / "latin.actors"
    f.write_bytes("# names\nJOS\u00c9_MAR\u00cdA_ [ESPGOV]\n".encode("latin-1"))
    result = import_actors(f)
    assert rows(result) == [("ESPGOV", "institution", "Jos\u00e9 Mar\u00eda", "", "")]
    assert warned(result, f"{f}:2", "not UTF-8")


@pytest.mark.parametrize("content", ["", "# only a comment\n\n"])
def test_empty_file_converts_nothing(tmp_path, content):
    f = tmp_path / "empty.actors"
    f.write_text(content, encoding="utf-8")
    result = import_actors(f)
    assert result.lines == [] and result.converted == 0
    assert warned(result, f"{f}:1", "no actor or agent entries")


# -- verb dictionaries ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def verbs():
    return import_verbs(VERBS)


def test_verb_blocks_synonyms_and_patterns_converted(verbs):
    assert patterns(verbs) == [
        ("040", "huddle|confab|hole_up with TGT"),  # - * WITH + ; +HOLE_UP a verb with a particle
        ("040", "huddle|confab TGT"),  # the block code for the verb alone; HOLE_UP [---] codes nothing alone
        ("0233", "airdrop|parachute [blanket|tent|medicine] to TGT"),  # &RELIEF synset
        ("070", "airdrop|parachute TGT into [zone]"),
        ("070", "airdrop|parachute TGT"),
        ("111", "badmouth|diss about TGT"),  # TABARI style block without a header, ** for the verb
        ("112", "badmouth|diss TGT over [blanket|tent|medicine]"),
        ("111", "badmouth|diss TGT"),
    ]
    assert verbs.converted == 8


def test_unconvertible_patterns_reported_with_file_and_line(verbs):
    src = str(VERBS)
    for line, text in [
        (13, "RE_+CONVENE"),
        (15, "null code [---]"),
        (16, "skipped word (^)"),
        (17, "synset &TOPICS is not defined"),
        (18, "words before the verb"),
        (23, "left out: &RELIEF: CLEAN WATER"),
        (25, "compound actor (%)"),
        (26, "SUPPLIES_FOR"),
        (27, "the word THAT"),
        (28, "two-event code"),
        (29, "TO followed by a word"),
        (30, "not a CAMEO event code"),
        (38, "a preposition at the end of a pattern needs TGT"),
    ]:
        assert warned(verbs, f"{src}:{line}", text), (line, text, verbs.warnings)
    assert verbs.skipped == 12  # every pattern or verb not converted has its warning
    assert sum("not converted" in w or "not used as a predicate" in w for w in verbs.warnings) == verbs.skipped


def test_verb_output_loads_as_patterns(verbs, tmp_path):
    from parley.events.patterns import load_patterns

    out = write_verbs(verbs, tmp_path / "verbs.txt")
    loaded = load_patterns([out])
    ids = {line.split()[1] for line in verbs.lines}
    assert ids <= set(loaded.by_id)
    assert loaded.by_id["petr.huddle.1"].source == f"{out}:3"


def test_id_prefix(tmp_path):
    result = import_verbs(VERBS, id_prefix="mine")
    assert all(line.split()[1].startswith("mine.") for line in result.lines)
    with pytest.raises(errors.ConfigError):
        import_verbs(VERBS, id_prefix="bad prefix")


def test_malformed_verb_file_gives_warnings_not_tracebacks():
    src = str(DATA / "broken.verbs")
    result = import_verbs(DATA / "broken.verbs")
    assert patterns(result) == [("040", "meet with TGT"), ("040", "meet TGT")]
    for line, text in [
        (2, "before any verb"),
        (3, "cannot read block header"),
        (4, "unbalanced brackets"),
        (5, "lists no verb"),
        (6, "synset label"),
        (7, "cannot read"),
        (10, "unbalanced brackets"),
    ]:
        assert warned(result, f"{src}:{line}", text), (line, text, result.warnings)


def test_actor_file_read_as_verbs_converts_nothing():
    result = import_verbs(PEOPLE)
    assert result.lines == [] and result.converted == 0
    assert any("is this an actors file?" in w for w in result.warnings)


def test_writers_refuse_the_other_kind(verbs, tmp_path):
    with pytest.raises(errors.ConfigError):
        write_actors(verbs, tmp_path / "x.tsv")


# -- end to end ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("imported")
    return (
        str(write_actors(import_actors(PEOPLE), folder / "people.tsv")),
        str(write_verbs(import_verbs(VERBS), folder / "verbs.txt")),
    )


def _events(text: str, published: str, imported):
    import parley

    actors, verbs = imported
    coded = parley.code(text, published=published, dictionaries=(actors,), pattern_files=(verbs,))
    return [(e.source.code, e.cameo, e.target.code if e.target else None, e.rule) for e in coded.events]


def test_imported_actor_and_verb_code_a_sentence(imported):
    text = "Zoran Velikov huddled with Sergei Lavrov."
    # a meeting is coded from the one named first (ANNOTATION.md leaves the reverse optional)
    assert _events(text, "2017-06-01", imported) == [("SRBGOV", "040", "RUSGOV", "petr.huddle.1")]


def test_imported_date_range_is_honoured(imported):
    text = "Zoran Velikov huddled with Sergei Lavrov."
    assert _events(text, "2012-06-01", imported)[0] == ("SRBELI", "040", "RUSGOV", "petr.huddle.1")
    assert _events(text, "2021-03-01", imported)[0] == ("SRBELI", "040", "RUSGOV", "petr.huddle.1")


def test_imported_alias_and_object_pattern(imported):
    text = "President Velikov parachuted blankets to Ukraine."
    assert _events(text, "2016-05-10", imported) == [("SRBGOV", "0233", "UKR", "petr.airdrop.1")]


# -- command line --------------------------------------------------------------------------------------

runner = CliRunner()


def _run(*args):
    from parley.cli import app

    return runner.invoke(app, [str(a) for a in args])


def test_cli_import_actors_and_verbs_then_check(tmp_path):
    actors = tmp_path / "people.tsv"
    result = _run("dict", "import", "--format", "petrarch-actors", PEOPLE, "--out", actors)
    assert result.exit_code == 0, result.output
    assert "8 actor/agent entries converted, 0 skipped, 0 warning(s)" in result.stdout
    verbs = tmp_path / "verbs.txt"
    result = _run("dict", "import", "--format", "petrarch-verbs", VERBS, "--out", verbs)
    assert result.exit_code == 0, result.output
    assert "8 verb codes and patterns converted, 12 skipped" in result.stdout
    assert f"warning: {VERBS}:16: not converted" in result.stderr
    result = _run("dict", "check", "--dict", actors, "--patterns", verbs)
    assert result.exit_code == 0, result.output


def test_cli_options_kind_and_acronym(tmp_path):
    out = tmp_path / "x.tsv"
    result = _run("dict", "import", "--format", "petrarch-actors", AGENTS, "--out", out, "--agent-kind", "generic")
    assert result.exit_code == 0, result.output
    assert "\tgeneric\t" in out.read_text(encoding="utf-8")
    f = tmp_path / "z.actors"
    f.write_text("ZORGA_AGENCY_ [SRBGOV]\n", encoding="utf-8")
    result = _run("dict", "import", "--format", "petrarch-actors", f, "--out", out, "--acronym", "ZORGA", "--kind", "group")
    assert result.exit_code == 0, result.output
    assert "SRBGOV\tgroup\tZORGA Agency" in out.read_text(encoding="utf-8")


def test_cli_nothing_converted_exits_1(tmp_path):
    out = tmp_path / "x.txt"
    result = _run("dict", "import", "--format", "petrarch-verbs", PEOPLE, "--out", out)
    assert result.exit_code == 1
    assert "0 verb codes and patterns converted" in result.stdout
    assert not out.exists()


def test_cli_bad_input_and_options(tmp_path):
    binary = tmp_path / "b.actors"
    binary.write_bytes(b"\x00\xff" * 64)
    result = _run("dict", "import", "--format", "petrarch-actors", binary, "--out", tmp_path / "o.tsv")
    assert result.exit_code == 1 and "binary" in result.stderr
    result = _run("dict", "import", "--format", "tabari", PEOPLE, "--out", tmp_path / "o.tsv")
    assert result.exit_code == 2 and "--format" in result.stderr
    result = _run("dict", "import", "--format", "petrarch-actors", PEOPLE, "--out", tmp_path / "o.tsv", "--kind", "x")
    assert result.exit_code == 2
