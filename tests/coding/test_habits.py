"""Habits, policies and counts over a period (coding/habits.py): each sentence here is coded with an event
when the screen is off (checked), so every test fails if its rule stops working. Sentences written for these tests,
not taken from the labelled set."""

from __future__ import annotations

from tests.coding.screen_cases import screen_tests

DROPPED = [
    # habits
    ("Rebels regularly attack villages in the Central African Republic.", "ASSAULT", "habitual"),
    ("The former Malaysian prime minister seldom criticized China.", "ACCUSE", "habitual"),
    ("North Korea tested missiles 10 times last year.", "MOBILIZE", "habitual"),
    # the habit a coordinated verb's adverb states, and the "when" clause it times
    # a material act in the simple present: a policy, a habit, what a law permits
    ("The United States gives military support to China's rivals in Asia.", "AID", "habitual"),
    ("The new Sudanese law allows the government to seize the assets of the former ruling party.", "CONCEDE",
     "habitual"),
    # session 15: villages seized in war are ASSAULT (the Lee guide), so the COERCE habit seizes goods
    ("Sudanese rebels seize cattle on the Chadian border and routinely escape to Chad when attacked by Sudanese "
     "troops.", "COERCE", "habitual"),
    ("Sudanese rebels seize villages on the Chadian border and routinely escape to Chad when attacked by Sudanese "
     "troops.", "ASSAULT", "habitual"),
    # a material act done for years is a relation that holds, not one act
    ("The Turkish defence minister said Turkey has worked with Pakistan on drones for decades.", "COOPERATE",
     "habitual"),
]

KEPT = [
    # a noun the parser took for the verb of a sentence whose verb it missed is no simple present
    ("U.S. airstrikes on Houthi targets in Yemen continued on Monday.", "ASSAULT"),
    # acts done several times in one incident; a verbal act reported as habitual was still made
    ("Chinese vessels fired water cannon at Philippine ships several times on Saturday.", "ASSAULT"),
    ("Afghan officials routinely deny that Pakistan's militants find shelter in Afghanistan.", "REJECT"),
    # an operation that lasted weeks is one act
    ("Chinese and Russian troops held joint exercises for two weeks in August.", "COOPERATE"),
]

test_habits_are_not_coded, test_single_acts_are_kept, test_each_habit_names_its_reason = screen_tests(DROPPED, KEPT)
