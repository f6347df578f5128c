"""Modality from the parse: one row per sentence (predicate word, expected modality)."""

from __future__ import annotations

import pytest

from parley.events.modality import Modality, classify
from parley.model import MODALITIES

ROWS = [
    ('Lithuania expelled three Russian diplomats on Friday.', 'expelled', 'asserted'),
    # an act listed under a noun of demand is demanded, however the parser hangs it
    ('The offer came with conditions, namely, the recognition of its annexations and a halt to sanctions.',
     'recognition', 'demanded'),
    ('Kinshasa accused Kigali of backing the rebels - allegations Rwanda denies.', 'accused', 'asserted'),
    # an adverbial clause is not what a refusal refuses; a commitment to an act is an intent
    ('Hamas said that while it was open to talks, it rejected the clause.', 'was', 'asserted'),
    ('Vietnam is committed to opening up its economy.', 'opening', 'intended'),
    # a reported "will" by the clause's own subject is an announced intent; so is an act offered (or threatened)
    # on a condition by the one who would do it, as CAMEO codes conditional offers (03x) and threats (13x)
    ('Belarus said it would expel two Lithuanian diplomats.', 'expel', 'intended'),
    ('Iran said it would retaliate if Israel attacked its embassy.', 'retaliate', 'intended'),
    ('Chile is willing to send firefighters if Bolivia asks for them.', 'send', 'intended'),
    # a forecast about another, a scenario set first, a counterfactual or speculation is no offer
    ('Analysts said Iran would retaliate if Israel attacked its embassy.', 'retaliate', 'hypothetical'),
    ('If Israel attacked its embassy, Iran said it would retaliate.', 'retaliate', 'hypothetical'),
    ('Serbia said it would have signed the deal if the terms had changed.', 'signed', 'reported-speculation'),
    ('Ghana said it might send troops if the mission is extended.', 'send', 'reported-speculation'),
    ('Serbia said it would have signed the deal under other terms.', 'signed', 'reported-speculation'),
    # a conjoined clause with its own auxiliary does not share the first clause's negation
    ('The government has not commented, but has repeatedly denied the accusations.', 'denied', 'asserted'),
    ('Peru did not recall its envoy and did not close the embassy.', 'close', 'negated'),
    ('The Kenyan army shelled rebel positions near the border.', 'shelled', 'asserted'),
    ('Officials said Sudan bombed a market in Darfur.', 'bombed', 'asserted'),
    ('The minister told parliament that Serbian police had detained two activists.', 'detained', 'asserted'),
    ('Armenia continued to arm its border guards.', 'arm', 'asserted'),
    ('Chad began to withdraw its troops from the area.', 'withdraw', 'asserted'),
    ('While Japan protested the launch, South Korea stayed silent.', 'protested', 'asserted'),
    ('Although Ankara criticised the deal, it signed the treaty.', 'signed', 'asserted'),
    ('As the envoys arrived, protesters blocked the road.', 'blocked', 'asserted'),
    ('After the talks collapsed, Eritrea mobilised its reserves.', 'mobilised', 'asserted'),
    ('Brazil signed a trade accord with Argentina after months of talks.', 'signed', 'asserted'),
    ('Colombia did not recognise the election result.', 'recognise', 'negated'),
    ('Nepal never accepted the proposal.', 'accepted', 'negated'),
    ('Hungary refused to sign the joint statement.', 'sign', 'negated'),
    ('The Kremlin denied that its jets had bombed the village.', 'bombed', 'negated'),
    ('The council failed to adopt a resolution on Gaza.', 'adopt', 'negated'),
    ('Poland declined to comment on the report.', 'comment', 'negated'),
    ('Washington has no longer supplied the rebels with arms.', 'supplied', 'negated'),
    ('Beijing did not rule out military action against Taiwan.', 'action', 'hypothetical'),
    ('There was no meeting between the two presidents.', 'meeting', 'negated'),
    ('Egypt rejected calls to open the crossing.', 'open', 'negated'),
    ('The ministry said Belgrade had not expelled any diplomats.', 'expelled', 'negated'),
    ('Morocco would never recognise the breakaway republic.', 'recognise', 'negated'),
    ('Iran would retaliate against any strike.', 'retaliate', 'hypothetical'),
    ('Turkey could close its airspace to Swedish planes.', 'close', 'hypothetical'),
    ('The Gulf states should lift the blockade, analysts say.', 'lift', 'hypothetical'),
    ('If Pyongyang tests another missile, Seoul would respond.', 'respond', 'hypothetical'),
    ('If Pyongyang tests another missile, Seoul would respond.', 'tests', 'hypothetical'),
    ('Unless Hamas releases the hostages, Israel will widen the offensive.', 'releases', 'hypothetical'),
    ('Should both leaders agree to meet, the summit would take place in Geneva.', 'take', 'hypothetical'),
    ('Should both leaders agree to meet, the summit would take place in Geneva.', 'agree', 'hypothetical'),
    ('Were Azerbaijan to attack, Armenia would seek help from Russia.', 'attack', 'hypothetical'),
    ('It is unclear whether Kyiv will accept the ceasefire.', 'accept', 'reported-speculation'),
    ('Will Ethiopia sign the agreement with Somalia?', 'sign', 'hypothetical'),
    ('Did Russia supply the drones to Iran?', 'supply', 'hypothetical'),
    ('A deal could be signed as early as next week.', 'signed', 'hypothetical'),
    ('Venezuela threatened to annex the disputed region.', 'annex', 'hypothetical'),
    ('Nigeria may have supplied weapons to the militia.', 'supplied', 'reported-speculation'),
    ('The strike might have killed a senior commander.', 'killed', 'reported-speculation'),
    ('Pakistan may send troops to the border.', 'send', 'reported-speculation'),
    ('Syrian forces reportedly shelled a hospital in Idlib.', 'shelled', 'reported-speculation'),
    ('The colonel allegedly ordered the massacre.', 'ordered', 'reported-speculation'),
    # what an actor claims happened is its claim, like an allegation
    ('The rebels claimed to have killed eighty soldiers.', 'killed', 'reported-speculation'),
    ('The army claimed that the rebels had attacked its base.', 'attacked', 'reported-speculation'),
    # a "for ... to" clause: demanded under a verb of demand, otherwise wished or made possible
    ('India has called for both sides to withdraw their forces.', 'withdraw', 'demanded'),
    ('He said it was important for the negotiators to agree on a ceasefire.', 'agree', 'hypothetical'),
    ('There is speculation that Riyadh will restore ties with Tehran.', 'restore', 'reported-speculation'),
    ('Talks between the rivals may already be underway.', 'underway', 'reported-speculation'),
    ('Analysts suspect that Minsk supplied fuel to the army.', 'supplied', 'reported-speculation'),
    ('Western officials fear that Moscow will invade Moldova.', 'invade', 'reported-speculation'),
    ('There are unconfirmed reports that Kabul executed the prisoners.', 'executed', 'reported-speculation'),
    ('Germany will host the next round of talks.', 'host', 'intended'),
    ('China plans to send a delegation to Moscow.', 'send', 'intended'),
    ('Ukraine intends to join the alliance.', 'join', 'intended'),
    ('Qatar is ready to mediate between the parties.', 'mediate', 'intended'),
    ('The president is set to visit Beijing next month.', 'visit', 'intended'),
    ('The rebels vowed to continue fighting.', 'continue', 'intended'),
    ('India agreed to resume talks with Pakistan.', 'resume', 'intended'),
    ('Norway offered to host the negotiations.', 'host', 'intended'),
    ('France is going to recognise the Palestinian state.', 'recognise', 'intended'),
    ('The EU urged Serbia to recognise Kosovo.', 'recognise', 'demanded'),
    ('The protesters demanded that the ministers step down.', 'step', 'demanded'),
    ('The UN called on both sides to respect the truce.', 'respect', 'demanded'),
    ('Washington pressed Cairo to open the border.', 'open', 'demanded'),
    ('The opposition asked the court to annul the vote.', 'annul', 'demanded'),
    ('Iraq must expel the foreign troops, the cleric said.', 'expel', 'demanded'),
    ('The minister said Italy would send more aid.', 'send', 'hypothetical'),
    ('The minister said Italy will send more aid.', 'send', 'intended'),
    ('The spokesman said the army had withdrawn from the town.', 'withdrawn', 'asserted'),
    ('Kenya did not fail to pay its contribution.', 'pay', 'asserted'),
    ('Jordan refused to condemn the strike.', 'refused', 'asserted'),
    ('Israel denied the accusation.', 'denied', 'asserted'),
    ('Peru may not recognise the new government.', 'recognise', 'negated'),
    ('Zambia agreed on Monday to restructure its debt.', 'agreed', 'asserted'),
    ('The army said it reportedly shot down two drones.', 'shot', 'reported-speculation'),
    ('Kuwait insisted that Iraq had violated the border.', 'violated', 'asserted'),
    ('The envoy warned that Serbia had massed troops on the border.', 'massed', 'asserted'),
    ('The Taliban announced that they had freed the aid workers.', 'freed', 'asserted'),
    ('Moldova accused Russia of plotting a coup.', 'plotting', 'asserted'),
    ('Officials said the meeting did not take place.', 'take', 'negated'),
    ('The summit between Xi and Biden is expected to take place in November.', 'take', 'reported-speculation'),
    ('Ghana signalled its readiness to mediate.', 'mediate', 'intended'),
    ('Ghana did not signal any readiness to mediate.', 'mediate', 'negated'),
    ('Talks with Ankara are planned for next week.', 'planned', 'asserted'),
    ('The two sides have neither met nor spoken since May.', 'met', 'negated'),
    ('No talks were held on Sunday.', 'held', 'negated'),
    ('Sources say Tehran possibly delivered drones to Moscow.', 'delivered', 'reported-speculation'),
    ('Denmark probably intercepted the ship.', 'intercepted', 'reported-speculation'),
    ('According to the report, the militia seized the airport.', 'seized', 'asserted'),
    # what is scheduled, provided for, or the purpose of a trip under way has not happened yet
    ('The Kenyan and Ugandan navies are due to take part in joint drills in March.', 'take', 'intended'),
    ('The ferry was cancelled due to attacks by pirates.', 'attacks', 'asserted'),
    ('The truce provides for the militia to hand over its weapons to the peacekeepers.', 'hand', 'hypothetical'),
    ('The Chilean envoy is leaving for Lima this week for talks with the Peruvian president.', 'talks',
     'intended'),
    ('The Chilean envoy travelled to Lima last week for talks with the Peruvian president.', 'talks',
     'asserted'),
    ('Chile is scheduled to meet with Peru at the end of the month.', 'meet', 'intended'),
    ('The next round of talks between Chile and Peru is scheduled to begin in Lima.', 'talks', 'intended'),
    # what is still to come, however it is said: "yet to", "were to", a present tense dated ahead, a hope, and
    # what an accord makes possible
    ('Chile and Peru have yet to begin the planned talks.', 'begin', 'negated'),
    ('The Chilean army is yet to withdraw from the border.', 'withdraw', 'negated'),
    ('Chile and Peru were to hold talks on Monday in Lima.', 'hold', 'hypothetical'),
    ("Chile's foreign minister arrives in Lima later today.", 'arrives', 'intended'),
    ("Chile's president meets the Peruvian president tomorrow.", 'meets', 'intended'),
    ("Chile's foreign minister is flying to Lima next week.", 'flying', 'intended'),
    ("Chile's president met the Peruvian president on Monday.", 'met', 'asserted'),
    ('Chilean negotiators said they were hoping to sign an accord with Peru.', 'sign', 'intended'),
    ('The accord paves the way for Chile and Peru to reopen their embassies.', 'reopen', 'hypothetical'),
    ('Chile threatened sanctions against Peru.', 'sanctions', 'hypothetical'),
    ('The move followed threats of sanctions from Chile.', 'sanctions', 'hypothetical'),
    ('Chile imposed sanctions on Peru.', 'sanctions', 'asserted'),
    # a present-tense clause of time, an event noun after "ahead of" or "on the eve of": still to come
    ('Chile will lift the curfew before Peruvian troops withdraw from the border.', 'withdraw', 'hypothetical'),
    ('Bolivia will send aid once Chile restores its embassy in La Paz.', 'restores', 'hypothetical'),
    ('Lorries can cross only after the Chilean authorities reopen the border.', 'reopen', 'hypothetical'),
    ('Peru closed the border before Chilean troops withdrew.', 'withdrew', 'asserted'),
    ('Protesters marched in Lima ahead of talks between Chile and Peru.', 'talks', 'hypothetical'),
    ('Police raided offices on the eve of a rally by the Peruvian opposition.', 'rally', 'hypothetical'),
    ('The envoys met before the start of the third round of talks between Chile and Peru.', 'talks',
     'hypothetical'),
    ('Police raided offices after a rally by the Peruvian opposition.', 'rally', 'asserted'),
    # a main act in the present dated by a weekday, a headline infinitive: scheduled
    ("Chile's foreign minister travels to Lima on Thursday.", 'travels', 'intended'),
    ('The Chilean envoy flies to Lima Monday.', 'flies', 'intended'),
    ('Chile protested as envoys from Peru and Bolivia meet in La Paz on Friday.', 'meet', 'asserted'),
    ("I'm meeting my Peruvian counterpart this afternoon.", 'meeting', 'intended'),
    ('Security Council to meet on Monday to discuss the border dispute.', 'meet', 'intended'),
    # the purpose of a trip to come, an infinitive conjoined to an agreed one, a modal shared past "instead"
    ("Chile's prosecutor will travel to Lima to speak with Peruvian officials.", 'speak', 'intended'),
    ('The rebels agreed to leave the town and to hand over their weapons.', 'hand', 'intended'),
    ('Chile and Peru may not hold a summit but instead engage in talks through envoys.', 'engage',
     'reported-speculation'),
    # planned, supposed, mused about, feared, possible or awaited
    ('Chile and Bolivia were gearing up to sign the accord.', 'sign', 'intended'),
    ('Chile and Peru have scheduled to meet on Thursday.', 'meet', 'intended'),
    ('The accord was supposed to see Peru withdraw its troops.', 'withdraw', 'hypothetical'),
    ('The Chilean president has mused publicly about leaving the alliance.', 'leaving', 'hypothetical'),
    ('Residents of Lima were fearful of attacks by the militia.', 'attacks', 'hypothetical'),
    ('The Kremlin said a meeting between the two presidents is possible.', 'meeting', 'reported-speculation'),
    ('The rebels are awaiting the order to attack the capital.', 'attack', 'hypothetical'),
    # negation by an inverted "neither"; hedges on the claim or on who tells of it
    ('Neither has Chile withdrawn any troops nor has Peru moved its artillery.', 'withdrawn', 'negated'),
    ('The inspectors could not confirm the allegation that Peruvian troops fought alongside the militia.',
     'fought', 'reported-speculation'),
    ('The UN had received reports that militiamen had seized a boat on the lake.', 'seized',
     'reported-speculation'),
    ('A statement purportedly from the rebel group claimed responsibility for the bombing.', 'claimed',
     'reported-speculation'),
    ('Unverified footage showed Chilean police beating protesters.', 'beating', 'reported-speculation'),
]


def predicate(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("sentence, word, expected", ROWS)
def test_modality(nlp, sentence, word, expected):
    found = classify(predicate(nlp(sentence), word))
    assert found.value == expected, found


def test_every_modality_is_covered():
    assert {row[2] for row in ROWS} == set(MODALITIES)


@pytest.mark.parametrize(
    "sentence, word, cue",
    [
        ("Hungary refused to sign the joint statement.", "sign", "refused"),
        ("Iran would retaliate against any strike.", "retaliate", "would"),
        ("Syrian forces reportedly shelled a hospital in Idlib.", "shelled", "reportedly"),
        ("The EU urged Serbia to recognise Kosovo.", "recognise", "urged"),
        ("Should both leaders agree to meet, the summit would take place in Geneva.", "agree", "Should"),
        ("It is unclear whether Kyiv will accept the ceasefire.", "accept", "unclear"),
        ("Lithuania expelled three Russian diplomats on Friday.", "expelled", None),
    ],
)
def test_cue_names_the_deciding_word(nlp, sentence, word, cue):
    assert classify(predicate(nlp(sentence), word)).cue == cue


def test_modality_is_a_frozen_value():
    assert Modality("negated", "not") == Modality("negated", "not")
    with pytest.raises(AttributeError):
        Modality("negated", "not").value = "asserted"  # type: ignore[misc]
