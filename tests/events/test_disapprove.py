"""Criticism and accusation (CAMEO root 11): who criticises whom, in the shapes news puts them in."""

from __future__ import annotations

import pytest

from parley.events.coder import counts_as_occurred


def occurred(coded):
    """(source, code, target) of every event that counts as having happened."""
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in coded.events if counts_as_occurred(e)}


def root11(coded):
    return {(s, t) for s, c, t in occurred(coded) if c.startswith("11")}


@pytest.mark.parametrize("sentence, expected", [
    # a participle of accusation after a main clause: "it", "them", "the country" is the one acted on
    ("Norway and Denmark have cut diplomatic ties with Belarus, accusing it of harassing their diplomats.",
     {("NOR", "BLR"), ("DNK", "BLR")}),
    ("Peru's government expelled envoys from Chile and Bolivia on Monday, accusing them of meddling.",
     {("PERGOV", "CHLGOV"), ("PERGOV", "BOLGOV")}),
    ("Ghana's government expelled Togo's ambassador, accusing the country of arming smugglers.",
     {("GHAGOV", "TGOGOV")}),
])
def test_an_accusing_participle_aims_at_the_one_the_main_clause_named(code_text, sentence, expected):
    assert expected <= root11(code_text(sentence)), occurred(code_text(sentence))


def test_a_list_read_as_an_apposition_is_each_a_source(code_text):
    # the parser reads the second name of the list as an apposition to the first
    found = root11(code_text("Kenya, Uganda, Rwanda and Tanzania have cut diplomatic ties with Sudan, accusing it "
                             "of arming rebels."))
    assert {("KEN", "SDN"), ("UGA", "SDN"), ("RWA", "SDN"), ("TZA", "SDN")} <= found, found


@pytest.mark.parametrize("sentence, expected", [
    ("Chile's decision to close the border drew condemnation from Peru and Bolivia.", {("PER", "CHL"), ("BOL", "CHL")}),
    ("Iran's interior ministry banned the newspaper, which provoked condemnation from France.", {("FRA", "IRNGOV")}),
    ("Pakistan met with condemnation from India after the test.", {("IND", "PAK")}),
])
def test_a_criticism_drawn_is_aimed_at_who_drew_it(code_text, sentence, expected):
    assert expected <= root11(code_text(sentence)), occurred(code_text(sentence))


@pytest.mark.parametrize("sentence, expected", [
    ("Vietnam's foreign ministry said China's new lighthouse was illegal and invalid.", ("VNMGOV", "111", "CHN")),
    ("Serbia's president said Kosovo's declaration represents a flagrant violation of international law.",
     ("SRBGOV", "111", "XKX")),
    ("The Bangladesh Nationalist Party alleged that police attacked its activists.", ("BGDPTY", "112", "BGDCOP")),
    ("India has been critical of Nepal for rushing through the constitution.", ("IND", "111", "NPL")),
])
def test_criticism_said_in_a_clause(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


@pytest.mark.parametrize("sentence", [
    "The minister said the situation was dangerous.",  # a verdict on no actor
    "Japan said the Russian drills were not a threat.",  # a verdict denied
    "Russia claimed that its forces captured the village.",  # one's own act is no accusation
    "Nepal's opposition claimed victory.",
])
def test_no_criticism_without_an_actor_criticised(code_text, sentence):
    assert not root11(code_text(sentence)), occurred(code_text(sentence))


@pytest.mark.parametrize("sentence, expected", [
    # the accusation is what the report says, not a report of one
    ("Human Rights Watch released a report accusing Ethiopia of torture.", ("HRI", "ETH")),
    # the blaming was done
    ("The Kenyan government sought to blame Somalia for the attacks.", ("KENGOV", "SOM")),
    # doubt cast on an actor's act
    ("Canada's prime minister questioned Russia's deadly crackdown.", ("CANGOV", "RUS")),
    # a passive naming: the agent names, the passive subject is named
    ("Japan's prime minister described the Russian president's move as extremely deplorable.", ("JPNGOV", "RUSGOV")),
])
def test_criticism_made(code_text, sentence, expected):
    assert expected in root11(code_text(sentence)), occurred(code_text(sentence))


@pytest.mark.parametrize("sentence", [
    "The French minister described the situation as dangerous and extremely worrying.",
    "The Mexican secretary described the decision as unfounded and reprehensible.",  # whose decision: unknown
    "Argentina has called the vote illegal.",
    # untargeted name-calling was 43 false events for 3 right ones on the corpus train split
    "The Cuban foreign minister called the summit a neoliberal failure.",
    "The opposition questioned the results of the election.",
])
def test_name_calling_needs_an_actor_to_aim_at(code_text, sentence):
    assert not root11(code_text(sentence)), occurred(code_text(sentence))


@pytest.mark.parametrize("sentence, expected", [
    # a court's ruling that an act was unlawful convicts its doer (116)
    ("Papua New Guinea's Supreme Court ruled that the Australian detention centre was unconstitutional.",
     ("PNGJUD", "116", "AUS")),
    ("Beijing also expressed disquiet at Japan's naval drills.", ("CHNGOV", "111", "JPN")),
])
def test_rulings_and_disquiet(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))
