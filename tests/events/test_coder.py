"""The event coder on sentences of our own: one row per CAMEO root, voice, coordination, modality."""

from __future__ import annotations

import pytest

from parley.events.coder import counts_as_occurred, intent_code, subject_head


def triples(coded, occurred_only=True):
    return {
        (e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
        for e in coded.events
        if counts_as_occurred(e) or not occurred_only
    }


def roots(coded):
    return {(e.source.code[:3] if e.source else None, e.root, e.target.code[:3] if e.target else None)
            for e in coded.events if counts_as_occurred(e)}


# (sentence, source country, root, target country) -- one row per CAMEO root at least
ROOT_ROWS = [
    ("Hungary declined to comment on the border incident.", "HUN", "01", None),
    ("Kenya called on Ethiopia to release the detained journalists.", "KEN", "02", "ETH"),
    ("Japan pledged aid to the Philippines after the typhoon.", "JPN", "03", "PHL"),
    ("The Indian prime minister visited Bangladesh on Friday.", "IND", "04", "BGD"),
    ("Chile and Argentina signed a border agreement.", "CHL", "05", None),
    ("Norway shared intelligence with Finland about the sabotage.", "NOR", "06", "FIN"),
    ("Canada sent humanitarian supplies to Haiti.", "CAN", "07", "HTI"),
    ("Venezuela released five Colombian prisoners.", "VEN", "08", "COL"),
    ("Brazil opened an investigation into Paraguay over the dam payments.", "BRA", "09", "PRY"),
    ("Poland demanded the withdrawal of Belarus troops from the border.", "POL", "10", "BLR"),
    ("Turkey condemned Sweden over the protest.", "TUR", "11", "SWE"),
    ("Serbia rejected the proposal from Kosovo.", "SRB", "12", "XKX"),
    ("North Korea threatened to strike South Korea.", "PRK", "13", "KOR"),
    ("Thousands of Georgian protesters rallied against the government in Tbilisi.", "GEO", "14", None),
    ("China deployed warships near Taiwan.", "CHN", "15", "TWN"),
    ("The European Union imposed sanctions on Iran.", "EUR", "16", "IRN"),
    ("Egyptian police arrested the opposition leader.", "EGY", "17", None),
    # a group named only by its role is coded with the role alone, as CAMEO codes actors of unknown country
    ("Gunmen killed three villagers in Nigeria.", "NGA", "18", "NGA"),  # a text about Nigeria: its gunmen (NGAREB)
    ("Unknown attackers killed three Nigerian soldiers.", None, "18", None),
    ("Sudanese forces shelled the town.", "SDN", "19", None),
    ("The militia massacred civilians in Darfur.", "SDN", "20", "SDN"),  # SDNREB  # Darfur's civilians: SDNCVL
]


@pytest.mark.parametrize("sentence, source, root, target", ROOT_ROWS)
def test_each_root(code_text, sentence, source, root, target):
    coded = code_text(sentence)
    got = {(s, r) for s, r, _t in roots(coded)}
    if source is None:
        # no actor does the act: nothing may be coded with an invented source
        assert not any(r == root for _s, r in got), coded.events
        return
    assert (source, root) in got, [(e.source, e.cameo, e.target, e.modality) for e in coded.events]
    if target is not None:
        assert (source, root, target) in roots(coded)


def test_passive_voice_reads_agent_as_source(code_text):
    coded = code_text("Sanctions were imposed on Iran by the European Union on Monday.")
    assert ("EUR", "16", "IRN") in roots(coded)
    coded = code_text("Two Ukrainian villages were shelled by Russian forces.")
    assert any(s == "RUS" and r == "19" for s, r, _t in roots(coded))


def test_coordinated_sources_give_one_event_each(code_text):
    coded = code_text("Russia and China condemned the United States.")
    assert {("RUS", "11", "USA"), ("CHN", "11", "USA")} <= roots(coded)


def test_coordinated_verbs_share_subject_and_object(code_text):
    coded = code_text("Germany continues to fund and arm Ukraine.")
    assert {("DEU", "07", "UKR")} <= roots(coded)
    assert {e.cameo for e in coded.events if e.root == "07"} >= {"071", "072"}


@pytest.mark.parametrize(
    "sentence, modality",
    [
        ("France did not impose sanctions on Mali.", "negated"),
        ("Iran did not release the British sailors.", "negated"),
        ("If talks fail, Israel would strike Iran.", "hypothetical"),
        ("Should Moscow agree, Finland could host the negotiations.", "hypothetical"),
        ("Turkey may have shelled Kurdish positions, according to unconfirmed reports.", "reported-speculation"),
    ],
)
def test_non_asserted_events_are_kept_but_do_not_count(code_text, sentence, modality):
    coded = code_text(sentence)
    assert not any(counts_as_occurred(e) for e in coded.events), coded.events
    assert coded.events and {e.modality for e in coded.events} == {modality}


def test_refusal_is_coded_as_rejection_and_the_refused_act_as_negated(code_text):
    coded = code_text("Iran refused to release the British sailors.")
    assert ("IRN", "12", "GBR") in roots(coded)
    assert {e.modality for e in coded.events if e.root == "08"} == {"negated"}


def test_intent_maps_act_to_its_intent_code(code_text):
    assert intent_code("046") == "036" and intent_code("072") == "0332" and intent_code("190") == "138"
    assert intent_code("163") == "1312" and intent_code("010") is None
    coded = code_text("Japan is ready to hold talks with South Korea.")
    assert ("JPN", "036", "KOR") in {(s[:3], c, t[:3]) for s, c, t in triples(coded) if s and t}


def test_no_fallback_statement_code(code_text):
    coded = code_text("Indonesia said the weather was fine.")
    assert coded.events == ()


def test_object_control_gives_embedded_act_to_the_object(nlp):
    doc = nlp("Egypt urged Israel to halt the offensive.")
    halt = next(t for t in doc if t.text == "halt")
    head, how = subject_head(halt)
    assert head.text == "Israel" and how == "object-control"


def test_event_fields_are_consistent(code_text):
    from parley.ontology import ontology

    coded = code_text("Russia and China condemned the United States.")
    for e in coded.events:
        info = ontology().get(e.cameo)
        assert (e.root, e.quad_class, e.goldstein) == (e.cameo[:2], info.quad_class, info.goldstein)
        assert e.evidence == "Russia and China condemned the United States."


@pytest.mark.parametrize(
    "sentence, a, b, root",
    [
        ("Officials of Peru and Chile met in Lima on Monday.", "PER", "CHL", "04"),
        ("Ghana and Togo signed a border agreement.", "GHA", "TGO", "05"),
    ],
)
def test_joint_acts_of_coordinated_actors_are_coded_from_the_first_named(code_text, sentence, a, b, root):
    # ANNOTATION.md: the reverse direction of a symmetric act is optional; it is not coded
    got = roots(code_text(sentence))
    assert (a, root, b) in got and (b, root, a) not in got, got


def test_visits_are_not_made_reciprocal(code_text):
    got = roots(code_text("Norway and Denmark visited Iceland."))
    assert ("NOR", "04", "DNK") not in got


def test_coordinated_modifiers_and_of_objects_give_one_actor_each(code_text):
    assert {("UKR", "11", "RUS"), ("POL", "11", "RUS"), ("FRA", "11", "RUS")} <= roots(
        code_text("The leaders of Ukraine, Poland and France condemned Russia."))
    assert {("RUS", "11", "JPN"), ("CHN", "11", "JPN")} <= roots(code_text("Russian and Chinese officials criticised Japan."))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The EU approved its 18th package of sanctions against Russia.", ("EUR", "16", "RUS")),
        ("EU sanctions on Iran took effect on Monday.", ("EUR", "16", "IRN")),
    ],
)
def test_event_nouns_owned_by_clause_or_modifier(code_text, sentence, expected):
    assert expected in roots(code_text(sentence))


def test_common_adjectives_are_not_sources_of_event_nouns(code_text):
    assert not code_text("New sanctions on Iran took effect.").events


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Germany said Russia must agree to a ceasefire.", ("DEU", "1056", "RUS")),  # demand to de-escalate
        ("The US president wrote on Sunday that Ukraine should accept the offer.", ("USA", "020", "UKR")),
        ("Poland demanded that Belarus close its border camps.", ("POL", "10", "BLR")),
    ],
)
def test_verbal_acts_aimed_at_the_subject_of_what_is_said(code_text, sentence, expected):
    got = {(s[:3] if s else None, c if len(expected[1]) >= 3 else c[:2], t[:3] if t else None)
           for s, c, t in triples(code_text(sentence))}
    assert expected in got, got


def test_reported_should_about_no_actor_is_not_an_event(code_text):
    assert code_text("Egypt said the talks should resume.").events == ()


def test_promised_force_is_a_threat_and_counted_once(code_text):
    got = triples(code_text("North Korea vowed to attack South Korea."), occurred_only=False)
    assert [t for t in got if t[1].startswith("13")] == [("PRK", "138", "KOR")]
    assert ("EUR", "1312", "IRN") in triples(code_text("The EU will impose sanctions on Iran."))


def test_main_verb_parsed_as_reduced_relative_keeps_its_subject(code_text):
    assert ("ISR", "195", "PSE") in triples(code_text("Israeli airstrikes on three houses killed at least 25 Palestinians, doctors said."))
    assert code_text("The man killed by police was a student from Peru.").events == ()


def test_possessive_description_refers_to_the_country_named_before(code_text):
    coded = code_text("Egypt reacted swiftly. Its Foreign Ministry condemned the IDF's actions.")
    assert ("EGYGOV", "111", "ISRMIL") in triples(coded)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Russian forces attacked Ukrainian positions near Kupiansk.", ("RUSMIL", "190", "UKR")),
        ("Sudanese rebels kidnapped two Kenyan aid workers.", ("SDNREB", "181", "KEN")),
    ],
)
def test_assaults_by_a_state_are_fighting_by_others_assault(code_text, sentence, expected):
    got = {(s, c, t[:3] if t and len(expected[2]) == 3 else t) for s, c, t in triples(code_text(sentence))}
    assert expected in got, got


def test_warning_without_anyone_warned_is_no_threat(code_text):
    assert not [e for e in code_text("Officials in Taipei warned that storms might disrupt flights.").events if e.root == "13"]


@pytest.mark.parametrize(
    "sentence, unwanted",
    [
        ("North Korean state media on Monday called Trump an old man.", "041"),
        ("Pakistan called the claims baseless.", "041"),
        ("Putin called Erdogan on Monday.", "020"),
    ],
)
def test_naming_and_dates_are_not_phone_calls_or_appeals(code_text, sentence, unwanted):
    assert unwanted not in {e.cameo for e in code_text(sentence).events}


def test_called_on_x_to_act_gives_the_act_to_x(code_text):
    coded = code_text("Kenya called on Ethiopia to release the journalists.")
    assert {(e.source.code, e.modality) for e in coded.events if e.root == "08"} == {("ETH", "demanded")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Ukraine is open to peace talks with Russia.", ("UKR", "036", "RUS")),
        ("Egypt and Qatar conducted talks in Cairo with Hamas.", ("EGY", "040", "PSEREB")),
        ("Moscow and Washington had agreed on a meeting between the leaders.", ("RUSGOV", "036", "USAGOV")),
        ("China vowed to take countermeasures against the United States.", ("CHN", "130", "USA")),
        ("Iran will respond immediately to any action by the West.", ("IRN", "130", "WST")),
        ("Pakistan retaliated by expelling Indian diplomats.", ("PAK", "161", "INDGOV")),
        ("Greek and Turkish officials convened in Vienna.", ("GRCGOV", "040", "TURGOV")),
    ],
)
def test_meetings_intent_threats_and_expulsions_on_news_phrasing(code_text, sentence, expected):
    assert expected in triples(code_text(sentence)), triples(code_text(sentence), occurred_only=False)


def test_a_response_that_happened_is_no_threat(code_text):
    assert not [e for e in code_text("Iran responded to the criticism by France.").events if e.root == "13"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A senior Taiwanese coast guard official warned that China might stage new drills around the island.",
        "The Japanese prime minister planned to convene a security council meeting.",
        "Kabul said it will defend itself if attacked.",
    ],
)
def test_statements_about_others_and_self_defence_are_not_acts(code_text, sentence):
    from parley.events.coder import counts_as_occurred

    assert not [e for e in code_text(sentence).events if counts_as_occurred(e)]


def test_warning_of_ones_own_response_is_a_threat(code_text):
    got = roots(code_text("Netanyahu warned that Israel would respond decisively if Hezbollah violates the truce."))
    assert ("ISR", "13", "LBN") in got, got


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The Pakistani government will not negotiate with Imran Khan, the minister said.", ("PAKGOV", "125", "PAKOPP")),
        ("India instructed a Pakistani diplomat to leave the country.", ("IND", "161", "PAKGOV")),
        ("Hezbollah continued its rocket attacks on northern Israel.", ("LBNREB", "195", "ISR")),
        ("Israeli airstrikes on Rafah killed 25 Palestinians, doctors said.", ("ISR", "195", "PSE")),
    ],
)
def test_refusals_expulsions_and_attack_nouns(code_text, sentence, expected):
    got = triples(code_text(sentence))
    assert expected in got, got


def test_one_act_described_twice_is_one_event(code_text):
    coded = code_text("Israeli airstrikes on Rafah killed 25 Palestinians, doctors said.")
    assert [(e.cameo, e.target.code if e.target else None) for e in coded.events if e.root == "19"] == [("195", "PSE")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Angola asked Portugal for military instructors.", ("AGO", "0232", "PRT")),
        ("Iraq and Egypt called for the withdrawal of foreign forces from Lebanon.", ("IRQ", "0256", "LBN")),
        ("Slovenia and Croatia agreed to a ceasefire.", ("SVN", "0356", "HRV")),
        ("Sudan lifted the curfew in Khartoum.", ("SDN", "0813", None)),
        ("Uganda paid compensation to Britain.", ("UGA", "080", "GBR")),  # yielding, as the CAMEO manual codes it
    ],
)
def test_appeals_intents_aid_and_yielding(code_text, sentence, expected):
    got = triples(code_text(sentence))
    assert expected in got, got


def test_a_demanded_intent_does_not_count(code_text):
    from parley.events.coder import counts_as_occurred

    coded = code_text("Germany demanded that Russia agree to a ceasefire.")
    assert not [e for e in coded.events if counts_as_occurred(e) and e.source.code.startswith("RUS")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Peru opened an investigation into Bolivian officials.", ("PER", "09", "BOLGOV")),
        ("Kenya extradited the suspect to Uganda.", ("KEN", "063", "UGA")),
        ("Turkey restored diplomatic relations with Armenia.", ("TUR", "05", "ARM")),
        ("Chile and Argentina held joint naval exercises.", ("CHL", "062", "ARG")),
        ("Iraq refused to allow UN inspectors into the site.", ("IRQ", "12", "UNO")),
        ("The Ugandan government declared a state of emergency in the north.", ("UGAGOV", "1724", "UGACVL")),
    ],
)
def test_investigations_cooperation_refusals_and_repression(code_text, sentence, expected):
    got = {(s, c[:len(expected[1])], t) for s, c, t in triples(code_text(sentence))}
    assert expected in got, got


def test_between_phrase_gives_the_members_acting_toward_each_other(code_text):
    coded = code_text("Talks between Armenia and Azerbaijan resumed in Geneva on Monday.", published="2025-03-10")
    assert ("ARM", "04", "AZE") in roots(coded) and ("AZE", "04", "ARM") not in roots(coded)


def test_outsider_hosting_talks_between_two_countries(code_text):
    coded = code_text("Oman hosted negotiations between Iran and the United States.", published="2025-04-12")
    found = triples(coded)
    assert ("OMN", "043", "IRN") in {(s[:3], c, t[:3] if t else None) for s, c, t in found}
    assert ("IRN", "04", "USA") in roots(coded) and ("USA", "04", "IRN") not in roots(coded)
    # the members negotiate (046); no second, unspecified meeting (040) for the same pair
    assert not any(e.cameo == "040" and e.source.code[:3] == "IRN" and e.target.code[:3] == "USA"
                   for e in coded.events)


def modalities(coded, root):
    return {e.modality for e in coded.events if e.root == root}


@pytest.mark.parametrize(
    "sentence, root, modality",
    [
        ("A suspected Israeli strike hit a convoy in Syria.", "19", "reported-speculation"),
        ("Alleged Russian hackers attacked German ministries.", "19", "reported-speculation"),
        ("Officials warned of an imminent Israeli attack on Iran.", "19", "hypothetical"),
        ("An attack by Turkey would be a disaster for the region.", "19", "hypothetical"),
    ],
)
def test_event_nouns_and_subjects_carry_their_own_doubt(code_text, sentence, root, modality):
    coded = code_text(sentence, published="2025-05-01")
    assert modalities(coded, root) == {modality}, [(e.cameo, e.modality) for e in coded.events]
    assert not any(counts_as_occurred(e) for e in coded.events if e.root == root)


def test_force_being_prepared_is_not_a_threat(code_text):
    # forces getting ready to fight show force (150); no threat is made and no attack has happened
    coded = code_text("Iran is preparing to launch an attack on Israel.", published="2025-05-01")
    assert not [e for e in coded.events if e.root == "13"], [(e.cameo, e.modality) for e in coded.events]
    assert not [e for e in coded.events if e.root in ("18", "19") and counts_as_occurred(e)]
    assert ("IRN", "150", "ISR", "asserted") in {(e.source.code, e.cameo, e.target and e.target.code, e.modality)
                                                 for e in coded.events}
    # the army "prepared to resume shelling": the posture is shown, the shelling is not coded as done
    coded = code_text("The Serbian army prepared to resume shelling Bosnian villages.", published="2025-05-01")
    assert [e.cameo for e in coded.events if counts_as_occurred(e)] == ["150"]
    # a plan on paper shows nothing yet
    coded = code_text("Russia plans to launch an offensive in the spring.", published="2025-05-01")
    assert not [e for e in coded.events if counts_as_occurred(e)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # force used in a country is used against that country
        ("Russian forces shelled villages in eastern Ukraine on Tuesday.", ("RUSMIL", "194", "UKR")),
        ("Israeli troops occupy positions inside Lebanon.", ("ISRMIL", "192", "LBN")),
        # a capital struck is the country struck, not its government
        ("Russian missiles struck Kyiv overnight.", ("RUS", "195", "UKR")),  # missiles: aerial weapons
        ("Indian troops fired on Pakistani positions along the border.", ("INDMIL", "193", "PAK")),
    ],
)
def test_force_against_places_targets_the_country(code_text, sentence, expected):
    assert expected in triples(code_text(sentence, published="2025-05-01"))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The French president met the Chinese premier in Brazil.", {("FRA", "04", "CHN")}),
        ("Iranian and American negotiators met in Oman.", {("IRN", "04", "USA")}),
    ],
)
def test_the_place_of_a_meeting_is_not_its_target(code_text, sentence, expected):
    # CAMEO 044: those who meet are source and target, the third location is ignored
    coded = code_text(sentence, published="2025-05-01")
    assert expected <= roots(coded)
    assert not any(e.target and e.target.code[:3] in ("BRA", "OMN") for e in coded.events)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the small English model lemmatizes these verbs wrongly ("staged" -> "stag", "waged" -> "wag")
        ("Hundreds of Chilean students staged demonstrations on Saturday.", ("CHLEDU", "141", None)),
        ("The Sudanese army waged war on the Rapid Support Forces.", ("SDNMIL", "19", None)),
        ("The Hungarian prime minister lambasted the European Commission.", ("HUNGOV", "111", "EUR")),
    ],
)
def test_verbs_the_model_lemmatizes_wrongly_still_match(code_text, sentence, expected):
    got = {(s, c[:len(expected[1])], t[:3] if t and expected[2] else (t if expected[2] else None))
           for s, c, t in triples(code_text(sentence, published="2025-05-01"))}
    assert expected in got, got


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The European Union gave Tanzania a grant of 50 million euros.", ("EUR", "071", "TZA")),
        ("Japan gave the Philippines two million dollars of aid.", ("JPN", "071", "PHL")),
        ("Russia sent Syria weapons.", ("RUS", "072", "SYR")),
    ],
)
def test_double_object_recipient_is_the_target(code_text, sentence, expected):
    assert expected in triples(code_text(sentence, published="2025-05-01"))


def test_renewed_negotiations_between_coordinated_subjects(code_text):
    coded = code_text("Peru and Ecuador renewed negotiations on Monday.", published="2025-05-01")
    assert ("PER", "046", "ECU") in triples(coded) and ("ECU", "046", "PER") not in triples(coded)


@pytest.mark.parametrize(
    "sentence, root, modality",
    [
        ("Iran criticised the agency's failure to condemn Israeli attacks on its facilities.", "19", "negated"),
        ("Venezuela's refusal to negotiate with Guyana angered Brazil.", "04", "negated"),
        ("Kenya's attempt to mediate between Ethiopia and Eritrea failed.", "03", "intended"),
        ("It is expected that Egyptian officials will hold meetings with Hamas representatives.", "04",
         "reported-speculation"),
    ],
)
def test_nouns_and_clauses_governing_an_act_set_its_modality(code_text, sentence, root, modality):
    coded = code_text(sentence, published="2025-05-01")
    got = {e.modality for e in coded.events if e.root == root}
    assert got == {modality}, [(e.cameo, e.modality) for e in coded.events]


def test_expected_meetings_are_not_an_expressed_intent(code_text):
    coded = code_text("It is expected that Egyptian officials will hold meetings with Hamas representatives.",
                      published="2025-05-01")
    assert not [e for e in coded.events if counts_as_occurred(e)]


def test_call_for_someone_to_act_is_an_appeal_not_a_phone_call(code_text):
    coded = code_text("Netanyahu called for Lebanese authorities to intensify disarmament.", published="2025-05-01")
    assert ("ISRGOV", "0256", "LBNGOV") in triples(coded)  # disarming is de-escalation
    assert not [e for e in coded.events if e.root == "04"]


def test_passive_participle_doer_is_not_the_main_clause_subject(code_text):
    coded = code_text("Nigerian security forces rescued students kidnapped from a university.",
                      published="2025-05-01")
    assert not [e for e in coded.events if e.root == "18" and e.source and e.source.code.startswith("NGA")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Egypt invited Israel to send a delegation to the talks.", ("EGY", "026", "ISR")),
        ("Norway invited Colombia.", ("NOR", "020", "COL")),
        # a threat made on a condition was made
        ("The Chinese government warned of severe consequences if the sale goes ahead.", ("CHNGOV", "130", None)),
    ],
)
def test_invitations_and_conditional_warnings(code_text, sentence, expected):
    assert expected in triples(code_text(sentence, published="2025-05-01"))



@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Romania asked the European Union for immediate delivery of additional aid.", ("ROU", "023", "EUR")),
        ("Egyptian activists submitted reform petitions to the Saudi royal family.", ("EGYCVL", "024", "SAU")),
        ("The African Union agreed to set up a joint energy research centre.", ("AFU", "030", None)),
    ],
)
def test_requests_petitions_and_agreements_to_act(code_text, sentence, expected):
    got = triples(code_text(sentence, published="2025-05-01"))
    if expected[0] is None:
        assert any(c == expected[1] for _s, c, _t in got), got
    else:
        assert expected in got, got


def test_agreeing_to_an_act_with_its_own_intent_code_is_one_event(code_text):
    coded = code_text("Russia agreed to meet Ukraine in Istanbul.", published="2025-05-01")
    intents = [e for e in coded.events if e.root == "03" and e.source.code == "RUS"]
    assert [e.cameo for e in intents] == ["036"], [(e.cameo, e.target) for e in intents]


def test_a_member_proposing_talks_between_itself_and_another_acts_toward_the_other(code_text):
    coded = code_text("The Armenian prime minister proposed direct negotiations between Armenia and Azerbaijan.",
                      published="2025-05-01")
    got = {(s[:3], c[:2], t[:3] if t else None) for s, c, t in triples(coded)}
    assert got & {("ARM", "02", "AZE"), ("ARM", "03", "AZE")}, got  # a proposal to meet, toward Azerbaijan
    assert not any(s[:3] == (t or "")[:3] for s, _c, t in triples(coded, occurred_only=False))
    assert not any(s.startswith("AZE") for s, _c, _t in triples(coded))  # Azerbaijan proposed nothing
    assert not any(c.startswith("04") for _s, c, _t in triples(coded))  # and no talks were held


@pytest.mark.parametrize(
    "sentence, root, modality",
    [
        ("A visit by the Kenyan president to Tanzania has been planned for next week.", "03", "intended"),
        ("Talks between Serbia and Kosovo are expected.", "04", "reported-speculation"),
        ("Venezuela demanded guarantees before resuming talks with Guyana.", "04", "hypothetical"),
    ],
)
def test_planned_expected_and_awaited_acts(code_text, sentence, root, modality):
    coded = code_text(sentence, published="2025-05-01")
    got = {e.modality for e in coded.events if e.root == root}
    assert got == {modality}, [(e.cameo, e.modality) for e in coded.events]


def test_before_in_a_narrative_keeps_the_act(code_text):
    coded = code_text("Russia shelled the city before resuming talks with Ukraine.", published="2025-05-01")
    assert ("RUS", "046", "UKR") in triples(coded)


def test_a_joint_pledge_is_not_a_pledge_to_each_other(code_text):
    coded = code_text("Chile and Peru pledged to ensure the agreement's enforcement.", published="2025-05-01")
    assert {("CHL", "030", None), ("PER", "030", None)} <= triples(coded)
    assert not any(t for _s, c, t in triples(coded) if c.startswith("03"))


def test_discussed_with_is_a_consultation(code_text):
    coded = code_text("The Ukrainian foreign minister discussed new sanctions with his Polish counterpart.",
                      published="2025-05-01")
    assert ("UKRGOV", "040", "POLGOV") in triples(coded)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The Dutch minister warned that if Belarus blocks the border again, further sanctions will be imposed.",
         ("NLDGOV", "1312", "BLR")),
        ("The Turkish president said Greece will pay a heavy price if it arms the islands.", ("TURGOV", "130", "GRC")),
        ("Seoul said South Korea would launch a swift response if North Korea's troops crossed the line.",
         ("KORGOV", "130", "PRK")),
    ],
)
def test_a_warning_of_consequences_on_a_condition_is_a_threat(code_text, sentence, expected):
    got = {(s, c, t[:3] if t else None) for s, c, t in triples(code_text(sentence, published="2025-05-01"))}
    assert expected in got, got


def test_a_warning_of_what_a_third_party_would_do_is_no_threat(code_text):
    coded = code_text("The French president said Israel would lead any strike on Iran if the talks fail.",
                      published="2025-05-01")
    assert not [e for e in coded.events if e.root == "13" and e.source.code.startswith("FRA")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("North Korean state media called the American president an old man bereft of patience.",
         ("PRKMED", "111", "USAGOV")),
        # the criticism aims at the actor the named thing belongs to; with none ("called the summit a
        # failure") nothing is coded (tests/events/test_disapprove.py)
        ("The Cuban foreign minister called the American summit a neoliberal failure.", ("CUBGOV", "111", "USA")),
        ("The Kenyan president described the Ugandan plan as a historic success.", ("KENGOV", "051", "UGA")),
    ],
)
def test_naming_with_words_of_criticism_or_praise(code_text, sentence, expected):
    got = {(s, c, t[:3] if t and expected[2] and len(expected[2]) == 3 else t)
           for s, c, t in triples(code_text(sentence, published="2025-05-01"))}
    assert expected in got, got


def test_neutral_naming_and_bare_calls_are_not_coded(code_text):
    assert not triples(code_text("The Chilean minister called the proposal a draft.", published="2025-05-01"))
    assert not triples(code_text("The Chilean minister called on Monday.", published="2025-05-01"))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Israel continued its attacks on Gaza.", ("ISR", "190", "PSE")),
        ("Israeli settlers attacked two villages in the West Bank.", ("ISRSET", "180", "PSE")),
        ("Hamas released three Israeli hostages.", ("PSEREB", "0841", "ISRCVL")),
    ],
)
def test_palestinian_territories_and_releases(code_text, sentence, expected):
    assert expected in triples(code_text(sentence, published="2025-05-01"))


@pytest.mark.parametrize("sentence", ["India released a statement on Monday.",
                                      "A report released by the Kenyan government criticised the police."])
def test_releasing_a_statement_is_no_release_of_people(code_text, sentence):
    assert not [e for e in code_text(sentence, published="2025-05-01").events if e.cameo.startswith("084")]


def test_agent_of_a_reduced_relative_does_not_control_further_acts(code_text):
    coded = code_text("Mediation efforts led by Egypt and Qatar to reach a ceasefire have failed.",
                      published="2025-05-01")
    assert not [e for e in coded.events if counts_as_occurred(e)], [(e.cameo, e.modality) for e in coded.events]


@pytest.mark.parametrize(
    "sentence",
    [
        "Oil prices hit a record high on Monday.",
        "The Chilean government executed the plan.",
        "Canada eliminated tariffs on Mexican steel.",
        "The Peruvian president vowed to fight corruption.",
        "The dispute damaged relations between Peru and Chile.",
    ],
)
def test_other_senses_of_force_verbs_are_not_force(code_text, sentence):
    coded = code_text(sentence, published="2025-05-01")
    assert not [e for e in coded.events if e.root in ("17", "18", "19", "20")], [(e.cameo, e.rule) for e in coded.events]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Russian forces shelled Kharkiv overnight.", ("RUSMIL", "194", "UKR")),
        ("Ukrainian drones struck an oil depot near Belgorod.", ("UKRMIL", "195", "RUS")),
        ("Russian missiles hit a hospital in Kharkiv.", ("RUS", "195", "UKRHLH")),
        ("The United States slapped China with new tariffs.", ("USA", "163", "CHN")),
        # an armed group's commander is the group's (ANNOTATION.md § Actors: REB)
        ("Israel eliminated a senior Hamas commander.", ("ISR", "186", "PSEREB")),
    ],
)
def test_force_on_cities_and_buildings_targets_their_country(code_text, sentence, expected):
    assert expected in triples(code_text(sentence, published="2025-05-01"))


def test_an_ultimatum_or_face_sanctions_is_a_threat(code_text):
    coded = code_text("Germany told Russia to accept the ceasefire by midnight or face new sanctions.",
                      published="2025-05-01")
    assert ("DEU", "1312", "RUS") in triples(coded)


def test_object_hung_on_the_particle_of_call_on(code_text):
    coded = code_text("Meanwhile, the Turkish foreign minister has called on Russia and Ukraine to declare a ceasefire.",
                      published="2025-05-01")
    got = triples(coded, occurred_only=False)
    # an appeal for a ceasefire is an appeal to de-escalate (0256)
    assert {("TURGOV", "0256", "RUS"), ("TURGOV", "0256", "UKR")} <= got, got
    assert not any(s.startswith("TUR") and c.startswith("08") for s, c, _t in got)  # Russia and Ukraine would declare


def test_an_act_instead_of_a_refused_one_is_not_negated(code_text):
    coded = code_text("Putin did not respond to the plan and instead offered to meet Ukraine in Istanbul.",
                      published="2025-05-01")
    assert [e.modality for e in coded.events if e.root == "03"] == ["intended"]


def test_an_attempted_assassination_is_no_assassination(code_text):
    got = triples(code_text("Gunmen attempted to assassinate the Haitian prime minister.", published="2025-05-01"))
    assert ("HTIREB", "185", "HTIGOV") in got and not any(c == "186" for _s, c, _t in got)


def test_urging_someone_to_act_is_the_specific_appeal(code_text):
    assert ("BRA", "021", "MEX") in triples(code_text("Brazil urged Mexico to cooperate on migration.",
                                                        published="2025-05-01"))


# -- verbal acts coded by the kind of act they name (CAMEO's shared sub-codes of 02, 03, 10 and 12) ---------

@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the same act, release, under an appeal, a demand, a refusal and an intent
        ("Canada urged Iran to release the detained engineers.", ("CAN", "0253", "IRN")),
        ("Canada demanded that Iran release the detained engineers.", ("CAN", "1053", "IRN")),
        ("Iran said it would not release the British sailors.", ("IRN", "1243", "GBR")),
        ("Iran pledged to release the detained engineers.", ("IRN", "0353", None)),
        # the act read from a noun: "demanded talks", "called for reforms", "a proposal for a ceasefire"
        ("Mali's junta demanded talks with Algeria.", ("MLI", "106", "DZA")),
        ("Tunisian unions called on the government to carry out economic reforms.", ("TUN", "0242", None)),
        ("Armenia rejected Azerbaijan's proposal for a ceasefire.", ("ARM", "1246", "AZE")),
        # by the verb when no pattern says more: "to resign" (the president of a text about Peru is Peru's)
        ("Opposition groups in Peru called on the president to resign.", ("PER", "0241", "PER")),
    ],
)
def test_verbal_acts_take_the_sub_code_of_the_act_they_name(code_text, sentence, expected):
    got = {(s[:3] if s else None, c, t[:3] if t else None) for s, c, t in triples(code_text(sentence, published="2025-06-01"))}
    assert expected in got, got


def test_a_pattern_that_names_the_object_keeps_its_own_code(code_text):
    # "refused to host troops" is a refusal of military cooperation; the embedded "host" (a meeting) must
    # not turn it into a refused meeting
    got = {c for _s, c, _t in triples(code_text("The Swiss government refused to host troops from Germany."))}
    assert "125" not in got and any(c.startswith("12") for c in got), got


def test_copula_adjective_patterns_and_he_after_an_office(code_text):
    got = triples(code_text("The German chancellor said he was skeptical about Russia's intentions."))
    assert ("DEUGOV", "012", "RUS") in got, got


def test_infinitive_hung_as_adverbial_clause_still_matches(code_text):
    got = triples(code_text("The Azerbaijani parliament threatened on Monday to secede from the Soviet Union."))
    assert ("AZELEG", "1313", "USR") in got, got


def test_violence_with_no_named_doer_has_an_empty_source(code_text):
    got = triples(code_text("A roadside bomb killed two Kenyan soldiers near the Somali border on Sunday.",
                            published="2025-06-01"))
    assert any(s is None and c.startswith("18") and t == "KENMIL" for s, c, t in got), got
    # only when it happened: a feared killing is no event at all
    assert not code_text("Two Kenyan soldiers may have been killed near the border.").events


def test_a_stance_is_no_nationality(code_text):
    coded = code_text("An anti-Syria journalist was killed in a car bomb explosion in Beirut.", published="2025-06-01")
    assert not any(m.code.startswith("SYR") for m in coded.mentions)


def test_a_meeting_in_a_phrase_belongs_to_the_clause_subject(code_text):
    got = triples(code_text("Turkey's foreign minister arrived in Damascus for a meeting with the Syrian president.",
                            published="2025-06-01"))
    assert ("TURGOV", "040", "SYRGOV") in got, got
    got = triples(code_text("Protesters gathered in the square during the meeting between Putin and Xi.",
                            published="2025-06-01"))
    assert not any(s and s.endswith("CVL") for s, _c, _t in got), got


def test_led_and_backed_forces(code_text):
    coded = code_text("The Saudi-led coalition bombed a market in Yemen.", published="2025-06-01")
    assert ("SAUMIL", "195", "YEM") in triples(coded), triples(coded)
    coded = code_text("Iran-backed Houthi rebels attacked a ship in the Red Sea.", published="2025-06-01")
    assert not any(m.code.startswith("IRN") for m in coded.mentions)  # the backer is not the attacker
    assert not any(t and t.startswith("USA") for _s, _c, t in triples(coded))  # "Sea" is no US city


def test_a_visit_to_a_city_is_a_visit_to_its_country(code_text):
    got = triples(code_text("The French president arrived in St. Petersburg for an economic forum.", published="2025-06-01"))
    assert ("FRAGOV", "042", "RUS") in got, got
    # a domestic trip is no visit to another actor
    got = triples(code_text("The Kenyan president flew to Mombasa.", published="2025-06-01"))
    assert not any(t for _s, _c, t in got), got


def test_an_appeal_for_a_truce_between_two_sides_is_no_truce(code_text):
    coded = code_text("The EU called for a ceasefire between Israel and Hamas.", published="2025-06-01")
    assert not any(e.root in ("05", "08", "04") for e in coded.events), triples(coded)
    coded = code_text("Egypt brokered a truce between Israel and Hamas.", published="2025-06-01")
    assert any(s.startswith("ISR") and t and t.startswith("PSE") for s, _c, t in triples(coded) if s)


def test_an_unknown_name_takes_the_actor_of_its_title_in_apposition(code_text):
    got = triples(code_text("Amina Yusuf, a Kenyan opposition lawmaker, criticised the new tax law.", published="2025-06-01"))
    assert any(s and s.startswith("KEN") and c == "111" for s, c, _t in got), got


def test_up_to_a_number_is_no_particle(code_text):
    got = triples(code_text("Gunmen kidnapped up to 16 Nigerian students from a school.", published="2025-06-01"))
    assert any(c == "181" for _s, c, _t in got), got


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a consequence the warner's side will bring on another's act
        ("Washington warned that a Russian invasion of Ukraine would trigger severe sanctions.", ("USA", "1312", "RUS")),
        # the warning said after what it warns of
        ("Putin will face serious consequences if Russia invades Ukraine, the White House warned.", ("USA", "130", "RUS")),
        # a warning of one's own coercive act threatens it
        ("Tehran warned that Iran may expel the inspectors of the IAEA.", ("IRN", "136", "IAE")),
    ],
)
def test_warnings_that_threaten(code_text, sentence, expected):
    got = {(s[:3] if s else None, c, t[:3] if t else None) for s, c, t in triples(code_text(sentence, published="2025-06-01"))}
    assert expected in got, got


def test_a_warning_of_what_another_will_do_is_no_threat(code_text):
    coded = code_text("Egypt warned that Ethiopia would fill the dam without an agreement.", published="2025-06-01")
    assert not any(e.root == "13" for e in coded.events)
