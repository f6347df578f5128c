"""False positives: sentences of our own whose events did not happen (hypothetical, negated, speculative,
 intended or hoped for) must yield no event that counts as having happened. The development gold set
 measures the same on real news (`parley eval`, non_asserted_sentences)."""

from __future__ import annotations

import pytest

from parley.events.coder import counts_as_occurred

SENTENCES = [
    'Russia could launch a new offensive against Ukraine next spring, analysts warned.',
    'If Iran enriches uranium further, Israel may strike its nuclear sites.',
    'China has not ruled out the use of force against Taiwan.',
    'Officials said the two leaders might meet in Geneva later this year.',
    'There were unconfirmed reports that Sudanese forces shelled a market in El Fasher.',
    'Poland would send troops to Ukraine only under a NATO mandate.',
    'No agreement was signed at the end of the talks between Serbia and Kosovo.',
    'Egypt reportedly detained several activists, according to rights groups.',
    'Should the ceasefire collapse, Hamas would resume attacks on Israel.',
    'India is unlikely to join the sanctions against Russia.',
    'Germany has yet to decide whether to send long-range missiles to Ukraine.',
    'The report claimed that North Korea may have supplied shells to Russia.',
    'Brazil did not recognise the election results in Venezuela.',
    'Kenya is expected to deploy police officers to Haiti next month.',
    'It remains unclear whether Saudi Arabia will normalise relations with Israel.',
    'Pakistan said it would retaliate if India attacked its territory.',
    'France never agreed to host the summit.',
    'Analysts speculated that Beijing could impose export controls on Japan.',
    'Lawmakers in Washington may vote to cut aid to Ukraine.',
    'Israel has not confirmed that it struck targets in Iran.',
    'Moscow hopes that Washington will lift some sanctions.',
    'A possible meeting between Putin and Trump has not been scheduled.',
    'Nigeria might expel the French ambassador, a minister suggested.',
    'Armenia and Azerbaijan could sign a peace treaty before the end of the year.',
    'Iraq would expel US troops if the attacks continue.',
    'Were Israel to attack Iran, oil prices would soar.',
    'Qatar would mediate between the two sides if asked.',
    'The minister did not meet his Chinese counterpart during the visit.',
    'Neither Greece nor Turkey sent ships to the area.',
    'Canada has no plans to expel the Indian diplomats.',
    'Several countries may recognise Palestine in September.',
    'Experts doubt that Moscow will withdraw its troops.',
    'Vietnam is said to be weighing an arms purchase from Russia.',
    'It is possible that Somalia will ask Ethiopia to leave.',
    'Rumours that Belarus had mobilised troops were dismissed.',
    'The talks between Colombia and the rebels were not held on Friday.',
    'Chile could break off relations with Israel, the foreign minister hinted.',
    'Nobody in Tokyo expects China to lift the seafood ban soon.',
    'The president warned that Mali might expel the UN mission.',
    'Indonesia is unlikely to send peacekeepers to Gaza this year.',
    'Sweden did not extradite the suspects to Turkey.',
    'If elected, the opposition leader would restore ties with Venezuela.',
    'Mexico has never imposed tariffs on Chinese steel.',
    'There is speculation that Saudi Arabia will host the next round of talks.',
    'Thailand and Cambodia may resume border talks next week.',
    'Without a deal, Britain could impose new checks on EU goods.',
    'Lebanon fears that Israel will invade the south.',
    'The embassy has not confirmed reports that Niger expelled French diplomats.',
    'Morocco might ask Spain to hand over the suspects.',
    'Ukraine hopes that the EU will approve more military aid.',
    'Kazakhstan is not expected to join the alliance.',
    'Algeria could cut gas supplies to Spain in response.',
    'Romania may not allow foreign troops to cross its territory.',
    # acts asked for by a noun of pressure or need
    'European ministers stepped up pressure on Serbia to accept the deal with Kosovo.',
    'The minister stressed the urgent need for Israel to allow aid into Gaza.',
    'The offer came with conditions, namely the recognition of its annexations by the West.',
    'A Russian attack on a NATO member would trigger a collective response.',
    # acts still to come: a clause of time, "ahead of", a trip dated ahead that no one announces, a headline
    'Peru will reopen the border before Chilean troops withdraw from the disputed zone.',
    'Police detained dozens of activists in Lima ahead of talks between Chile and Peru.',
    'The Chilean foreign minister travels to Lima on Thursday.',
    'Security Council to meet on Monday over the border dispute between Chile and Peru.',
    "Chile's prosecutor will travel to Lima to meet Peruvian officials.",
    'The rebels are awaiting the order to attack the capital.',
    'Neither has Chile withdrawn any troops nor has Peru moved its artillery.',
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_nothing_that_did_not_happen_counts_as_having_happened(code_text, sentence):
    coded = code_text(sentence)
    assert [e for e in coded.events if counts_as_occurred(e)] == [], coded.events


@pytest.mark.parametrize(
    "sentence, root",
    [
        ("Turkey denied that its troops had entered Syrian territory.", "01"),
        ("Japan refused to condemn the test.", "12"),
        ("Ethiopia rejected claims that its army had attacked Eritrean positions.", "01"),
        ("The United States is considering sanctions on Venezuelan oil exports.", "01"),  # 014 consider policy option
    ],
)
def test_only_the_speech_act_happened(code_text, sentence, root):
    """A denial or refusal happened; what is denied or refused did not."""
    occurred = [e for e in code_text(sentence).events if counts_as_occurred(e)]
    assert occurred and {e.root for e in occurred} == {root}, occurred


def test_any_act_is_hypothetical(code_text):
    from parley.events.coder import counts_as_occurred

    coded = code_text("Analysts say any Western strike against the Syrian government is unlikely to draw a counterattack.")
    assert not [e for e in coded.events if counts_as_occurred(e)]
