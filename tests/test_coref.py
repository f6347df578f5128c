"""In-document coreference: pronouns and descriptions back to the last compatible actor."""

from __future__ import annotations

import pytest


def sources(coded):
    return {(e.source.code if e.source else None, e.root) for e in coded.events}


@pytest.mark.parametrize(
    "text, source, root",
    [
        ("The European Union said it imposed sanctions on Belarus.", "EUR", "16"),
        ("Hungary blocked the plan. It also criticised Ukraine.", "HUN", "11"),
    ],
)
def test_it_refers_to_the_last_country_or_organisation(code_text, text, source, root):
    assert (source, root) in sources(code_text(text))


def test_impersonal_it_is_no_actor(code_text):
    coded = code_text("Egypt hosted the talks. It is unclear whether Qatar will attend.")
    assert not any(m.text == "It" for m in coded.mentions)


def test_description_and_pronoun_refer_to_the_person(code_text):
    text = ("Kenyan President William Ruto arrived in Addis Ababa on Monday. "
            "The president praised Ethiopia for its mediation. He later met officials of the African Union.")
    coded = code_text(text)
    refs = [m for m in coded.mentions if m.text in ("president", "He")]
    assert refs and all(m.code == "KENGOV" and m.name == "William Ruto" for m in refs)
    assert len({m.entity for m in coded.mentions if m.name == "William Ruto"}) == 1
    assert ("KENGOV", "05") in sources(coded)


@pytest.mark.parametrize(
    "text, description, code",
    [
        ("The WHO warned of a cholera outbreak. Sudan criticised the agency for the delay.", "agency", "WHO"),
        ("NATO held drills near the border. Belarus condemned the alliance.", "alliance", "NAT"),
        ("Hezbollah fired drones at Israel. Israel struck the group in Lebanon.", "group", "LBNREB"),
    ],
)
def test_descriptions_of_organisations_and_groups(code_text, text, description, code):
    coded = code_text(text, published="2025-06-01")
    refs = [m for m in coded.mentions if m.text == description]
    assert refs and all(m.code == code for m in refs)
    assert any(e.target is not None and e.target.code == code and e.target.text == description for e in coded.events)


def test_organisation_description_needs_a_recent_organisation(code_text):
    # no organisation in this or the previous sentence: "the agency" stays unresolved
    coded = code_text("Ghana and Togo met on Monday. Officials said the agency had not been told.",
                      published="2025-06-01")
    assert not any(m.text == "agency" for m in coded.mentions)


@pytest.mark.parametrize(
    "text, code",
    [
        ("EU leaders said they would continue to help Kyiv.", "EURGOV"),
        ("Kenyan officials said they had arrested the suspects.", "KENGOV"),
    ],
)
def test_they_refers_to_the_last_actor_named_by_a_plural_noun(code_text, text, code):
    coded = code_text(text, published="2025-05-01")
    they = [m for m in coded.mentions if m.text == "they"]
    assert [m.code for m in they] == [code]


def test_they_without_a_plural_actor_is_no_actor(code_text):
    coded = code_text("Russia and China said they would veto the resolution.", published="2025-05-01")
    assert not [m for m in coded.mentions if m.text == "they"]


def pairs_of(coded):
    return {(e.source.code if e.source else None, e.target.code if e.target else None, e.root) for e in coded.events}


@pytest.mark.parametrize(
    "text, word, codes",
    [
        ("Kenya and Uganda met in Nairobi on Monday. Both countries agreed to reopen the border.", "countries",
         ["KEN", "UGA"]),
        ("Chile accused Peru of spying. The two leaders later signed a trade accord.", "leaders",
         ["CHLGOV", "PERGOV"]),
        # three countries named: the two coordinated
        ("Kenya and Uganda met Somalia's envoy on Monday. The two countries later signed a trade accord.",
         "countries", ["KEN", "UGA"]),
    ],
)
def test_a_plural_anaphor_stands_for_the_last_two_actors(code_text, text, word, codes):
    coded = code_text(text, published="2024-05-01")
    assert [m.code for m in coded.mentions if m.text == word] == codes


def test_a_plural_anaphor_gives_one_event_per_member(code_text):
    coded = code_text("Chile accused Peru of spying. The two leaders later signed a trade accord.",
                      published="2024-05-01")
    # the members in the order they were named: the first toward the other (the reverse is optional)
    assert ("CHLGOV", "PERGOV", "05") in pairs_of(coded) and ("PERGOV", "CHLGOV", "05") not in pairs_of(coded)


def test_a_plural_anaphor_takes_over_the_last_pair(code_text):
    # "both countries" has no two countries of its own in reach: it stands for the pair "both sides" was
    coded = code_text("Senegal and Gambia held talks in Dakar on Monday. Both sides reviewed the fishing dispute. "
                      "After the talks, both countries announced a joint patrol.", published="2024-05-01")
    assert [m.code for m in coded.mentions if m.text == "countries"] == ["SEN", "GMB"]


@pytest.mark.parametrize(
    "text",
    [
        # the pair noun's own subject is not a side, and one actor is left: no pair
        "Clashes broke out in the capital. The US embassy urged both sides to show restraint.",
        # three countries, none coordinated: which two is not clear
        "Turkey has not condemned Russia's invasion of Ukraine, and the two sides have expanded cooperation.",
        # places, not sides
        "Kenya and Somalia deployed troops on both sides of the border.",
        # an actor named in the pair noun itself: another phrase
        "Kenya and Uganda met. The two Ugandan ministers left early.",
    ],
)
def test_no_pair_when_it_is_not_clear(code_text, text):
    coded = code_text(text, published="2024-05-01")
    assert not [m for m in coded.mentions if m.text in ("sides", "ministers")]


def test_a_relative_clause_subject_is_not_a_side(code_text):
    # "which" is the governments: the two sides are the two named before them
    coded = code_text("Turkey blamed Syria for the attack. The US and Saudi governments, which brought both sides "
                      "together, urged calm.", published="2024-05-01")
    assert [m.code for m in coded.mentions if m.text == "sides"] == ["TUR", "SYR"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto spoke with Ghanaian President John Mahama on Monday and invited him to "
        "Nairobi.",
        "Ruto met Mahama on Monday. Ruto said that he looked forward to working with him.",
    ],
)
def test_an_object_pronoun_is_not_its_clause_subject(code_text, text):
    coded = code_text(text, published="2025-06-01")
    him = [m for m in coded.mentions if m.text == "him"]
    assert [m.code[:3] for m in him] == ["GHA"]


def test_the_speaker_after_a_quotation_of_several_sentences(code_text):
    # the quotation's three sentences count as one: "he" is as near to Ruto as after a one-sentence quotation,
    # and the "we" of the quotation is his
    coded = code_text("Kenyan President William Ruto spoke on Monday. “We will not yield to pressure. We have "
                      "friends. We will defend our borders,” he said.", published="2025-06-01")
    assert [m.code for m in coded.mentions if m.text == "he"] == ["KENGOV"]


def test_a_pronoun_outside_quotations_keeps_its_reach(code_text):
    coded = code_text("Kenyan President William Ruto spoke on Monday. Uganda was quiet. Rwanda too. He said "
                      "nothing.", published="2025-06-01")
    assert not [m for m in coded.mentions if m.text == "He"]


@pytest.mark.parametrize(
    "text, office, code",
    [
        ("Norwegian Prime Minister Anna Berg arrived in Nairobi on Monday. Kenya hosted a dinner. Uganda sent a "
         "message. The prime minister praised Kenya for its mediation.", "prime minister", "NORGOV"),
        ("King Harald of Norway met Swedish officials. Later the king criticised Denmark.", "king", "NORGOV"),
    ],
)
def test_an_office_without_a_name_is_its_last_named_holder(code_text, text, office, code):
    coded = code_text(text, published="2024-01-01")
    assert [m.code for m in coded.mentions if m.text == office] == [code]


def test_an_office_nobody_named_stays_unresolved(code_text):
    coded = code_text("Ghana hosted the talks. The prime minister criticised Denmark.", published="2024-01-01")
    assert not [m for m in coded.mentions if "minister" in m.text]


@pytest.mark.parametrize(
    "text, code",
    [
        ("Saudi Arabia cut ties with Qatar on Monday, accusing the country of backing militants.", "QAT"),
        ("Ghana imposed tariffs on rice. The country also banned imports of maize.", "GHA"),
        ("Turkey blocked Sweden's bid, accusing the country of sheltering militants.", "SWE"),
        # the speaker's country
        ("Latvia's foreign minister said on Monday the country will support Estonia.", "LVA"),
    ],
)
def test_the_country_is_the_one_country_named(code_text, text, code):
    coded = code_text(text, published="2024-01-01")
    assert [m.code for m in coded.mentions if m.text.lower() == "country"] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana imposed tariffs on rice. Protests spread across the country.",  # a place
        "Kenya and Uganda traded accusations. Officials said the country would not back down.",  # which?
        # a speaker of no country
        "The request came after UN chief Ban Ki-moon said the country had occupied the region.",
    ],
)
def test_the_country_as_a_place_or_of_several_is_no_actor(code_text, text):
    coded = code_text(text, published="2024-01-01")
    assert not [m for m in coded.mentions if m.text.lower() == "country"]


@pytest.mark.parametrize(
    "text, code",
    [
        # the one named by name is the subject's own: the country of the official named (its government)
        ("The Estonian envoy in Russia was told to leave after the Kremlin accused the country of hostility.",
         "ESTGOV"),
        ("Norway's government said it was expelling Chile's ambassador, accusing the country of spying.", "CHLGOV"),
    ],
)
def test_the_country_object_is_the_country_of_an_official_named(code_text, text, code):
    coded = code_text(text, published="2024-01-01")
    assert [m.code for m in coded.mentions if m.text.lower() == "country"] == [code]


def test_the_country_subject_is_not_the_country_of_an_official_named(code_text):
    coded = code_text("Chile's ambassador met students. The country will host a summit next year.",
                      published="2024-01-01")
    assert not [m for m in coded.mentions if m.text.lower() == "country"]


@pytest.mark.parametrize(
    "text, word, codes",
    [
        ("Ghana and Togo signed a border accord on Monday. They also pledged to share water from the river.",
         "They", ["GHA", "TGO"]),
        ("Donald Trump and Kim Jong Un met in Singapore. They issued a joint statement.", "They",
         ["USAGOV", "PRKGOV"]),
    ],
)
def test_they_with_no_plural_noun_is_the_pair_named_last_as_a_subject(code_text, text, word, codes):
    coded = code_text(text, published="2018-06-12")
    assert [m.code for m in coded.mentions if m.text == word] == codes


def test_they_after_a_pair_that_took_no_part_is_no_actor(code_text):
    coded = code_text("Talks between Ghana and Togo resumed on Monday. They asked for a halt to the works.",
                      published="2024-01-01")
    assert not [m for m in coded.mentions if m.text == "They"]


def test_his_is_the_person_named_before(code_text):
    # the owner of an event noun is an actor: "his resignation" is Ruto's
    coded = code_text("Kenyan President William Ruto returned to Nairobi on Monday. Protesters demanded his "
                      "resignation.", published="2024-01-01")
    assert [m.code for m in coded.mentions if m.text == "his"] == ["KENGOV"]


def test_his_owned_by_the_subject_of_its_verb_is_no_second_actor(code_text):
    # "his promise" is Ruto's own: no mention of him as the target of his own act
    coded = code_text("Kenyan President William Ruto reneged on his promise to the Ugandan government.",
                      published="2024-01-01")
    assert not [m for m in coded.mentions if m.text == "his"]
    assert any(e.source is not None and e.source.code == "KENGOV" and e.root == "12" for e in coded.events)


@pytest.mark.parametrize("text, word, code", [
    ("The United Nations sent aid to Gaza. The world body said it would send more.", "body", "UNO"),
    ("The European Union met on Monday. The 27-nation bloc announced new sanctions.", "bloc", "EUR"),
    ("Kenya's opposition party ODM held a rally. The party called for the release of its leader.", "party", "KENPTY"),
])
def test_a_described_body_stands_for_the_last_one_named(code_text, text, word, code):
    assert [m.code for m in code_text(text).mentions if m.text == word] == [code]


def test_the_party_is_no_government(code_text):
    coded = code_text("Kenya's government met on Monday. The party went on until late.")
    assert not [m for m in coded.mentions if m.text == "party"]
