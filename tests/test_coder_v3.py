"""Coder and resolver rules added for the fifth round (sentences written for these tests)."""

from __future__ import annotations

import pytest

from parley.events.coder import counts_as_occurred


def occurred(coded):
    """(source, code, target) of every event that counts as having happened."""
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in coded.events if counts_as_occurred(e)}


def codes(coded):
    return {e.cameo for e in coded.events if counts_as_occurred(e)}


# -- actors ---------------------------------------------------------------------------------------


def test_names_match_with_the_typographic_apostrophe(code_text):
    straight = code_text("The Kurdistan Workers' Party announced a ceasefire on Sunday.")
    curly = code_text("The Kurdistan Workers\u2019 Party announced a ceasefire on Sunday.")
    assert {m.code for m in straight.mentions} == {m.code for m in curly.mentions} == {"TURREB"}


def test_a_person_entity_run_across_a_possessive_is_two_names(code_text):
    coded = code_text("Osama bin Laden\u2019s al-Qaeda network threatened to attack Kenya.", published="2000-03-01")
    assert "IMGREB" in {m.code for m in coded.mentions if m.text == "al-Qaeda"}
    assert ("IMGREB", "138", "KEN") in occurred(coded)


@pytest.mark.parametrize("sentence, text, code", [
    ("Croatian extremists burned a church near Split.", "Croatian extremists", "HRVRAD"),
    ("Palestinian youths threw stones at a checkpoint.", "Palestinian youths", "PSECVL"),
    ("The Kosovo Assembly voted to dissolve itself.", "Kosovo Assembly", "XKXLEG"),
])
def test_new_role_nouns(code_text, sentence, text, code):
    assert (text, code) in {(m.text, m.code) for m in code_text(sentence).mentions}


# -- who did it ------------------------------------------------------------------------------------


def test_the_subject_of_guilty_of_did_the_act(code_text):
    coded = code_text("Both Armenia and Azerbaijan are guilty of violating the truce, monitors said.")
    assert {("ARM", "196"), ("AZE", "196")} <= {(s, c) for s, c, _t in occurred(coded)}


def test_the_subject_of_resorted_to_did_the_act(code_text):
    coded = code_text("The Serbian youths resorted to throwing stones at the police.")
    assert any(s == "SRBCVL" and c.startswith("145") for s, c, _t in occurred(coded)), occurred(coded)


def test_a_verb_hung_under_its_subject_with_an_object_on_its_conjunct(code_text):
    coded = code_text("Volunteers from two Swedish charities donated and delivered $20,000 worth of medicine "
                      "to a hospital in Mosul.")
    assert any(c.startswith("07") for _s, c, _t in occurred(coded)), occurred(coded)


def test_a_verbless_sentence_takes_its_root_noun_as_subject(code_text):
    # the small model makes the subject the root when a day name follows the verb
    coded = code_text("An official Iranian newspaper called Tuesday on Muslims to unite against Israel.")
    assert ("IRNMED", "113", "ISR") in occurred(coded)


def test_an_organisation_named_inside_a_nested_modifier_is_the_source(code_text):
    coded = code_text("Kosovo Farmers Union (KFU) officials demanded support from the Kosovo Assembly.")
    assert any(s is not None and s.startswith("XKX") and c.startswith("10") for s, c, _t in occurred(coded))


def test_a_participle_after_an_infinitive_and_a_comma_shares_the_main_subject(code_text):
    coded = code_text("Ghana asked all Togolese traders to leave the market, while recalling its envoy from Lome.")
    assert ("GHA", "161", "TGOGOV") in occurred(coded)


def test_an_attack_noun_s_of_object_is_its_victim_not_its_doer(code_text):
    coded = code_text("A bombing of the Kenyan embassy killed three guards.")
    assert not any(s == "KENGOV" for s, _c, _t in occurred(coded))


# -- modality --------------------------------------------------------------------------------------


def test_a_conditional_offer_is_an_expressed_intent(code_text):
    coded = code_text("The rebels said they would meet the Kenyan envoy if he guaranteed their safety.")
    assert any(c.startswith("03") and t == "KENGOV" for _s, c, t in occurred(coded)), occurred(coded)
    willing = code_text("Chile is willing to send firefighters to Bolivia if the fires spread.")
    assert any(s == "CHL" and c.startswith("03") for s, c, _t in occurred(willing)), occurred(willing)
    # a forecast about another is no offer
    forecast = code_text("Analysts said Iran would meet Saudi officials if the talks resumed.")
    assert not any(c.startswith("03") or c.startswith("04") for _s, c, _t in occurred(forecast))


# -- codes -----------------------------------------------------------------------------------------


def test_peacekeepers_arriving_are_a_deployment_received_by_the_host(code_text):
    coded = code_text("The first Nepali peacekeepers arrived in Lebanon on Monday.")
    got = occurred(coded)
    assert ("NPLMIL", "074", "LBN") in got and ("LBN", "0861", "NPLMIL") in got
    assert not any(c == "042" for _s, c, _t in got)


def test_inspectors_sent_to_a_site_in_a_country_are_received_by_it(code_text):
    coded = code_text("The IAEA has dispatched inspectors to a uranium plant in northern Iran.")
    got = occurred(coded)
    assert ("IAE", "090", "IRN") in got and ("IRN", "0862", "IAE") in got


def test_pressing_an_actor_to_act_is_a_demand(code_text):
    coded = code_text("Moscow pressured Minsk to accept the gas deal.")
    assert any(s == "RUSGOV" and c.startswith("10") and t == "BLRGOV" for s, c, t in occurred(coded))
    assert not any(c.startswith("17") for _s, c, _t in occurred(coded))


def test_a_part_of_an_object_stands_for_it(code_text):
    coded = code_text("Canada suspended part of its military aid programme for Mali.")
    assert any(s == "CAN" and c.startswith("16") for s, c, _t in occurred(coded)), occurred(coded)


def test_a_marker_may_hang_on_an_event_noun_s_object(code_text):
    coded = code_text("Greece announced a suspension of air links with Libya on Friday.")
    assert ("GRC", "160", "LBY") in occurred(coded)


def test_a_statement_noun_with_a_must_clause_is_a_demand(code_text):
    coded = code_text("The French president issued a stern reminder to Mali that it must hold elections.")
    assert any(c.startswith("10") and t == "MLI" for _s, c, t in occurred(coded)), occurred(coded)


def test_urging_support_for_a_third_party_rallies_support_for_it(code_text):
    coded = code_text("Poland urged NATO allies to support Ukraine with more air defence.")
    got = occurred(coded)
    assert ("POL", "053", "UKR") in got and any(c.startswith("02") and t == "NAT" for _s, c, t in got)


def test_a_thwarted_assassination_attempt_happened_with_no_doer_named(code_text):
    coded = code_text("An attempt to assassinate the Somali interior minister was foiled in Mogadishu.")
    assert (None, "185", "SOMGOV") in occurred(coded)
    hypothetical = code_text("An attempt to kill the Iraqi prime minister would be catastrophic.")
    assert not occurred(hypothetical)


def test_a_crowd_protesting_in_a_country_is_its_civilians(code_text):
    coded = code_text("Tens of thousands of people marched in Tbilisi against the new media law.")
    assert any(s == "GEOCVL" and c.startswith("14") for s, c, _t in occurred(coded)), occurred(coded)
    # a crowd in no named place stays uncoded
    assert not occurred(code_text("Thousands of people marched against the new media law."))


def test_forces_getting_ready_to_fight_show_force(code_text):
    coded = code_text("The Ethiopian army prepared to resume shelling Eritrean positions.")
    assert ("ETHMIL", "150", "ERI") in occurred(coded)


def test_it_refers_to_a_body_named_by_its_role(code_text):
    coded = code_text("The main opposition party said on Monday that it would boycott the vote.")
    assert ("OPP", "143", None) in occurred(coded)
    # a boycott planned is not yet one
    assert not occurred(code_text("The opposition plans to boycott the election."))


def test_workers_strike_they_do_not_attack(code_text):
    coded = code_text("Dockworkers in Rotterdam struck on Monday.")
    assert {c[:2] for _s, c, _t in occurred(coded)} == {"14"}
    assert not [e for e in code_text("The union said it would strike on Friday.").events if e.root in ("13", "19")]


# -- disapproval and threats ----------------------------------------------------------------------


def test_concern_read_as_a_passive_verb_aims_at_the_owner_of_the_act(code_text):
    coded = code_text('Vietnam\'s foreign ministry said it was "deeply concerned" over China\'s new drills near the islands.')
    assert any(s.startswith("VNM") and c == "111" and t == "CHN" for s, c, t in occurred(coded)), occurred(coded)
    # what troubles is no doer: the one troubled disapproves
    coded = code_text("Kenya was angered by Uganda's decision to close the border.")
    assert ("KEN", "111", "UGA") in occurred(coded)


def test_titles_the_model_takes_into_a_name_and_appositions_and_appointers(code_text):
    coded = code_text("Gen Tchiani criticized Ecowas for its sanctions.", published="2024-02-01")
    assert ("NERGOV", "111", "ECOWAS") in occurred(coded)
    coded = code_text('The Arab League said its secretary general, Ahmed Aboul Gheit, "strongly condemns" the raid.',
                      published="2023-05-01")
    assert any(s == "ARL" and c == "111" for s, c, _t in occurred(coded)), occurred(coded)
    coded = code_text("The prime minister appointed by Mali's junta criticised ECOWAS on Monday.")
    assert ("MLIGOV", "111", "ECOWAS") in occurred(coded)


def test_met_with_is_a_reception_not_a_meeting(code_text):
    coded = code_text("Japan said any Chinese incursion would be met with a firm response.")
    assert not any(c.startswith("04") for _s, c, _t in occurred(coded))


@pytest.mark.parametrize("sentence, expected", [
    # a response promised to another's act
    ("Iran warned on Monday that any US attack will be met with consequences.", ("IRN", "130", "USA")),
    # the one warned is threatened
    ("The EU warned Belarus of severe consequences if it attacks Lithuania.", ("EUR", "130", "BLR")),
    # the consequence in apposition to the object
    ('Washington warned that a Chinese blockade would trigger "crippling" U.S. sanctions.', ("USAGOV", "1312", "CHN")),
    # a threat's condition is its content, also fronted before the verb of saying
    ("If Ottawa goes ahead, Beijing has said it will respond with tariffs on Canadian goods.", ("CHNGOV", "1312", "CAN")),
    ("Hezbollah vowed revenge for the killing of its commander by Israel.", ("LBNREB", "130", "ISR")),
])
def test_threats(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_a_warning_noun_with_a_condition_is_a_threat_made(code_text):
    coded = code_text("ECOWAS gave Niger's junta a stern warning of military intervention if the president was not "
                      "restored within a week.")
    assert any(s == "ECOWAS" and c.startswith("13") for s, c, _t in occurred(coded)), occurred(coded)
    assert not occurred(code_text("If the talks fail, Russia would threaten Ukraine."))


# -- refusals of talks and free relatives ------------------------------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("Serbia's president said that he won't be talking to Kurti in Brussels.", ("SRBGOV", "125", "XKXGOV")),
    ("Armenia has declared it will not engage in any new negotiations until the shelling stops.", ("ARM", "125", None)),
    ("Sudan will not take part in talks if the UAE is involved.", ("SDN", "125", None)),
    ("The Nepali Congress said it would not attend the fourth round of talks with the Maoists.",
     ("NPLPTY", "125", None)),
])
def test_announced_refusals_to_talk(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_talking_to_the_press_is_no_meeting(code_text):
    assert not any(c.startswith("04") for _s, c, _t in occurred(code_text("The Kenyan foreign minister spoke to "
                                                                          "reporters in Nairobi.")))
    assert ("FRAGOV", "040", "UKRGOV") in occurred(code_text("Macron spoke with Zelensky on Monday.",
                                                             published="2024-05-01"))


@pytest.mark.parametrize("sentence, expected", [
    ('Pakistan\'s Foreign Ministry rejected what it called India\'s "new normal" of confrontation.', ("PAKGOV", "120", "IND")),
    ('China\'s state news agency condemned what it said was Japan\'s "meddling."', ("CHNMED", "111", "JPN")),
])
def test_the_owner_of_what_a_free_relative_names_is_the_target(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_up_to_a_number_is_the_object_not_a_particle(code_text):
    coded = code_text("Rebels kidnapped up to 16 Kenyan aid workers near the border.")
    assert ("REB", "181", "KENNGO") in occurred(coded), occurred(coded)


def test_rocket_attacks_are_aerial_weapons_whoever_fires_them(code_text):
    coded = code_text("On Sunday, Hamas carried out a rocket attack on Ashkelon.")
    assert {c for _s, c, _t in occurred(coded)} == {"195"}


def test_joint_drills_are_military_cooperation_not_a_show_of_force(code_text):
    coded = code_text("The militaries of Japan and Australia carried out joint drills in the Coral Sea.")
    got = occurred(coded)
    assert ("JPNMIL", "062", "AUSMIL") in got and ("AUSMIL", "062", "JPNMIL") in got
    assert not any(c.startswith("15") for _s, c, _t in got)


def test_settlers_in_a_text_about_israel_and_the_palestinians_are_israeli(code_text):
    coded = code_text("Settlers torched dozens of Palestinian cars in the West Bank overnight.")
    assert "ISRSET" in {m.code for m in coded.mentions}
    assert "SET" in {m.code for m in code_text("Settlers moved into the valley last year.").mentions}


def test_look_alike_apostrophes_and_spaces_parse_like_the_real_ones(code_text):
    # some sites print an acute accent for the apostrophe and no-break spaces between words
    coded = code_text("MANILA: The Philippines condemned China\u00b4s Coast Guard on Sunday.")
    assert ("PHL", "111", "CHNMIL") in occurred(coded)
    # offsets and texts still point into the original
    m = next(m for m in coded.mentions if m.code == "CHNMIL")
    assert coded.document.text[m.start:m.end] == m.text == "China\u00b4s Coast Guard"
    coded = code_text("Japan\u00a0condemned\u00a0North Korea on Monday.")
    assert ("JPN", "111", "PRK") in occurred(coded)


# -- fighting, protests by states, one act per pair -----------------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("Thai and Cambodian troops clashed along the disputed border on Thursday.",
     {("THAMIL", "190", "KHMMIL"), ("KHMMIL", "190", "THAMIL")}),
    ("Pakistan and India exchanged fire along the Line of Control.", {("PAK", "193", "IND"), ("IND", "193", "PAK")}),
    ("Russian forces shelled the city of Kherson overnight.", {("RUSMIL", "194", "UKR")}),
    # the specific act without a target and the general one with it are one act
    ("On Friday, India launched missile strikes targeting Pakistani airbases.", {("IND", "195", "PAK")}),
])
def test_fighting(code_text, sentence, expected):
    assert occurred(code_text(sentence)) == expected


def test_protesters_and_police_clashing_is_no_battle(code_text):
    assert not any(c.startswith("19") for _s, c, _t in occurred(code_text("Protesters and police clashed in Lima.")))


def test_a_ground_raid_is_not_an_air_strike(code_text):
    assert ("ISRMIL", "190", None) in occurred(code_text("Israeli troops raided a refugee camp on Wednesday."))


@pytest.mark.parametrize("sentence, expected", [
    ("Beijing protested the visit on Monday.", ("CHNGOV", "114", None)),
    ("Japan protested the missile launch.", ("JPN", "114", None)),
    ("Ecuadorian police stormed the Mexican embassy in Quito.", ("ECUCOP", "170", "MEXGOV")),
    # a people demonstrating is a protest
    ("Hundreds of ethnic Albanians demonstrated in Pristina on Tuesday.", ("ALB", "141", None)),
])
def test_states_complain_and_coerce_they_do_not_demonstrate(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_a_specific_act_without_a_target_is_not_swallowed_by_another(code_text):
    coded = code_text("Ecuadorian police stormed the Mexican embassy and arrested a former vice president.")
    assert {c for _s, c, _t in occurred(coded)} == {"170", "173"}


# -- a text about one country ----------------------------------------------------------------------


def test_state_roles_in_a_text_about_one_country_are_that_country_s(code_text):
    coded = code_text("KATHMANDU, March 8 (Reuters) - Police arrested dozens of activists on Tuesday. "
                      "Troops were deployed across the capital.")
    assert ("NPLCOP", "173", "NPLCVL") in occurred(coded), occurred(coded)
    # no dateline: the only country the text names
    coded = code_text("The Maldivian opposition planned a rally in Male. Police arrested 141 protesters.")
    assert any(s == "MDVCOP" and c == "173" for s, c, _t in occurred(coded)), occurred(coded)


def test_a_dateline_abroad_does_not_make_others_police_its_own(code_text):
    coded = code_text("WASHINGTON - Seoul accused North Korea of sinking a warship. Police said 46 sailors died.")
    assert not any(m.code.startswith("USA") for m in coded.mentions)
    # two countries named and no dateline: nobody's police
    coded = code_text("Kenya and Uganda traded accusations. Police arrested ten traders at the border.")
    assert not any(m.code.endswith("COP") for m in coded.mentions)


def test_security_forces_do_not_rally(code_text):
    coded = code_text("Nepali police arrested 180 activists as they rallied in Kathmandu on Tuesday.")
    assert not any(s == "NPLCOP" and c.startswith("14") for s, c, _t in occurred(coded))


def test_weapons_in_a_war_report_and_their_launcher(code_text):
    coded = code_text("KYIV (Reuters) - Ukraine's air force said on Thursday that it shot down all 29 Russia-launched "
                      "drones over eight regions. Russia also launched three guided missiles during the attack.",
                      published="2024-09-12")
    got = occurred(coded)
    assert ("UKRMIL", "190", "RUSMIL") in got
    assert ("RUS", "195", None) in got  # missiles fired in an attack are no weapons test
    assert not any(m.code == "UKRMIL" and m.text == "drones" for m in coded.mentions)


# -- from development part 4 (sentences of our own in the same shapes) ------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("Washington confirmed the imposition of tariffs on Brazil and India.", {("USAGOV", "163", "BRA"),
                                                                            ("USAGOV", "163", "IND")}),
    ("The EU on Tuesday agreed on new sanctions against Iran.", {("EUR", "163", "IRN")}),
    ("Mali, Niger and Chad declared their exit from the African Union.", {("MLI", "160", "AFU")}),
    ("The border incident led Hanoi to recall its ambassador to Cambodia.", {("VNMGOV", "161", "KHM")}),
])
def test_part4_shapes(code_text, sentence, expected):
    got = occurred(code_text(sentence))
    assert expected <= got, got


def test_leaving_a_place_is_no_break_with_an_organisation(code_text):
    assert not any(c == "160" for _s, c, _t in occurred(code_text("Russian troops completed their withdrawal "
                                                                  "from Kherson.")))


def test_a_crowd_protesting_with_no_one_named_protests_against_its_government(code_text):
    coded = code_text("Thousands of people set up street blockades in Serbia on Sunday.")
    assert ("SRBCVL", "144", "SRBGOV") in occurred(coded)


def test_a_court_convicting_an_activist_convicts_its_own_citizen(code_text):
    coded = code_text("A Russian court convicted an opposition activist of treason on Monday.")
    assert ("RUSJUD", "116", "RUSOPP") in occurred(coded)


def test_meetings_have_two_sides(code_text):
    got = occurred(code_text("Kazakh President Tokayev met Uzbek President Mirziyoyev in Astana on Monday.",
                             published="2024-05-01"))
    assert {("KAZGOV", "UZBGOV"), ("UZBGOV", "KAZGOV")} <= {(s, t) for s, c, t in got if c.startswith("04")}


@pytest.mark.parametrize("sentence, expected", [
    ("Peruvian authorities attributed the bombing to the Shining Path.", ("PERGOV", "112", None)),
    ("Mexico has hinted at retaliatory measures against the United States.", ("MEX", "130", "USA")),
    # an attempted attack is an attack
    ("An attempt by the Kyiv regime to carry out an attack with drones on targets in the territory of the "
     "Russian Federation was stopped, the ministry said.", ("UKRGOV", "195", "RUS")),
    # a place owned by a country is in it; drones strike from the air
    ("Ukrainian drones struck an oil refinery in Russia's Volgograd region.", ("UKRMIL", "195", "RUS")),
    ("France sent 1,000 more police officers to New Caledonia.", ("FRA", "0", "NCL")),
])
def test_part4_shapes_more(code_text, sentence, expected):
    got = occurred(code_text(sentence))
    source, code, target = expected
    assert any(s == source and c.startswith(code if code != "0" else "") and (target is None or t == target)
               for s, c, t in got), got


def test_naming_with_words_of_criticism(code_text):
    coded = code_text('NATO called the Georgian parliament\'s decision a "backward step".')
    assert ("NAT", "111", "GEOLEG") in occurred(coded)


def test_an_object_them_refers_to_the_group_acted_on(code_text):
    coded = code_text("Venezuelan police detained opposition activists and beat them.")
    them = next(m for m in coded.mentions if m.text == "them")
    assert them.code.endswith("OPP")


@pytest.mark.parametrize("sentence, expected", [
    ('Ecuador\'s president declared an "internal armed conflict" on Tuesday.', ("ECUGOV", "1724", "ECUCVL")),
    ("The Thai junta imposed a curfew in Bangkok.", ("THAGOV", "1723", "THACVL")),
    ("Kazakhstan and Uzbekistan inked milestone documents on Monday.", ("KAZ", "057", "UZB")),
    ("A priest was arrested by the Bolivarian National Guard on Sunday.", ("VENMIL", "173", None)),
])
def test_emergency_rule_signing_and_venezuelan_forces(code_text, sentence, expected):
    assert expected in occurred(code_text(sentence)), occurred(code_text(sentence))


def test_speaking_to_a_news_agency_is_no_meeting(code_text):
    coded = code_text("Speaking to the Iranian state news agency IRNA, Araqchi condemned Israeli strikes.",
                      published="2025-06-01")
    assert not any(c.startswith("04") for _s, c, _t in occurred(coded))


def test_only_meetings_are_coded_both_ways(code_text):
    coded = code_text("Egypt and Qatar are exerting intensive efforts with Hamas and Israel to reach a ceasefire.")
    assert not any(s in ("ISR", "PSEREB") and c.startswith("04") for s, c, _t in occurred(coded))


def test_it_after_an_unnamed_speaker_is_that_speaker(code_text):
    coded = code_text("The government, which has accused the opposition of plotting a coup, said on Tuesday it had "
                      "detained seven mercenaries.")
    assert not any(m.text == "it" for m in coded.mentions)


def test_a_meeting_agreed_on_is_still_to_come(code_text):
    coded = code_text("Moscow and Washington had agreed on a meeting between the two leaders in the coming days.")
    got = occurred(coded)
    assert not any(c == "040" for _s, c, _t in got), got
    assert ("RUSGOV", "036", "USAGOV") in got


def test_a_speech_act_hung_on_the_reported_clause_is_the_reporter_s(code_text):
    coded = code_text("China's coast guard said two Philippine ships entered the waters without permission and urged "
                      "the Philippines to stop infringing on its sovereignty.")
    assert ("CHNMIL", "020", "PHL") in occurred(coded), occurred(coded)
