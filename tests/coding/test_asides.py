"""Meeting and offer words that name no act (coding/asides.py): each sentence here is coded with an event when
the screen is off (checked), so every test fails if its rule stops working. Sentences written for these tests,
not taken from the labelled set."""

from __future__ import annotations

from tests.coding.screen_cases import screen_tests

DROPPED = [
    # a meeting named in passing: what talks were about, who helped in them, who liked them
    ("The Indian minister said trade was the main focus of Monday's talks with Japan.", "CONSULT", "in passing"),
    ("Turkey was not supportive of the Security Council meeting on Syria.", "CONSULT", "in passing"),
    # a view, a detail or a prospect offered is no offer to act
    ("The Zimbabwean cabinet reshuffle offered little hope of an end to the land seizures, British officials said.",
     "AGREE", "no offer"),
    ("The Indian minister offered his view on the border talks with China on Monday.", "AGREE", "no offer"),
]

KEPT = [
    # an offer of help or of talks is an offer
    ("Japan offered China help to rebuild the port.", "AGREE"),
    ("Japan offered to hold talks with China on the islands.", "AGREE"),
    # a meeting at which something happened, or one that times an act, was held
    ("The Indian and Japanese ministers discussed trade at their talks in Tokyo on Monday.", "CONSULT"),
    ("Prior to the talks with Japan, the Indian minister met the Korean envoy in Seoul.", "CONSULT"),
]

(test_asides_are_not_coded, test_meetings_and_offers_are_kept,
 test_each_aside_names_its_reason) = screen_tests(DROPPED, KEPT)
