"""Acts named in a judgement of what is good or needed (coding/recommendations.py): each dropped sentence is coded
with the event when the screen is off (checked). Sentences written for these tests, not taken from the labelled
set."""

from __future__ import annotations

from tests.coding.screen_cases import screen_tests

DROPPED = [
    # "it is ADJ (for X) to VERB": a judgement of an act nobody did or announced
    ("It is necessary for Japan to hold regular talks with Vietnam and help them build their coast guard.",
     "CONSULT", "recommended"),
    ("It is necessary for Japan to hold regular talks with Vietnam and help them build their coast guard.",
     "AID", "recommended"),
    # the adjective's own subject: "deterrence was necessary to resist"
    ("Kishida told Marcos that stronger deterrence was essential to resist Chinese pressure in the South China "
     "Sea.", "REJECT", "recommended"),
    # a cooperative act judged good is an opinion, not a willingness (no commitment word): no AGREE planned
    ("The Japanese envoy told Li that it was good to maintain close engagement between the two countries.",
     "AGREE", "recommended"),
]

KEPT = [
    # the hedged demand itself is a demand that was made
    ("The minister said it might be necessary to renegotiate the trade deal with China.", "REQUEST"),
    # the speaker's charge in a word of it is an accusation made
    ("Kishida told Marcos that stronger deterrence was essential to resist China's aggression in the South China "
     "Sea.", "ACCUSE"),
    # a readiness to act is an offer (AGREE)
    ("Beijing said it was ready to resume talks with Washington.", "AGREE"),
    # an act done, judged afterwards, is still done
    ("Japan held talks with Vietnam on Monday, which both sides called important.", "CONSULT"),
]


(test_recommended_acts_are_not_coded, test_demands_offers_and_acts_done_are_kept,
 test_each_recommendation_names_its_reason) = screen_tests(DROPPED, KEPT)
