"""The labelling guide's no-event conventions (coding/conventions.py; habits and asides have test_habits.py and
test_asides.py): each sentence here is coded with an event when the screen is off (checked), so every test fails
if its rule stops working. Sentences written for these tests, not taken from the labelled set."""

from __future__ import annotations

from spacy.language import Language

from detente.coding.conventions import commentator_names, is_commentator, load_conventions
from tests.coding.screen_cases import screen_tests

DROPPED = [
    # commentary: an analyst's or a professor's view; a name the document introduced as a fellow
    ("China cooperates closely with Pakistan on missile technology, said Tom Smith, an analyst at the Lowy "
     "Institute.", "COOPERATE", "commentary"),
    ("Ali Demir, a professor at Ankara University, said Turkey is cooperating with Russia on air defence.",
     "COOPERATE", "commentary"),
    ("Tom Smith, a senior fellow at the Lowy Institute, studies China. China supports Pakistan on Kashmir, Smith "
     "said.", "SUPPORT", "commentary"),
    ("Experts say Japan will deepen its cooperation with the Philippines.", "AGREE", "commentary"),
    # predictions and worries
    ("Israeli officials fear that Iran could attack Israeli ships in the Red Sea.", "ASSAULT", "prediction"),
    ("Japan will likely sign a defence pact with the Philippines.", "AGREE", "prediction"),
    # questions and requests for comment
    ("Will China impose sanctions on Lithuania?", "SANCTION", "question"),
    ("The judge asked the Philippine minister if he had met the Chinese ambassador.", "CONSULT", "question"),
    ("The Chinese embassy did not reply to an email requesting comment.", "REQUEST", "inquiry"),
    # declining to comment is no answer to the press, not a refusal of a party's demand
    ("The Chinese embassy in Canberra declined to comment on the Australian report.", "REJECT", "inquiry"),
    # a question put asks for an answer, not for an act
    ("The Russian senator asked the American ambassador whether he was satisfied with Moscow.", "REQUEST",
     "question put"),
    ("The Japanese reporter asked the Chinese minister what Beijing wanted from Tokyo.", "REQUEST", "question put"),
    ("The Indian lawmaker asked the Pakistani envoy a question about Kashmir.", "REQUEST", "question put"),
    # a question about a subject (session 17)
    ("The Kenyan reporter asked the Ugandan minister about the border talks.", "REQUEST", "question put"),
    # a source's condition to the press, and a question put by reporters the sentence leaves unnamed
    ("The decision was taken at a session of the Israeli cabinet, said an Israeli official, who asked not to be "
     "named.", "REQUEST", "inquiry"),
    ("Asked about the talks with India, the Pakistani foreign minister said they had gone well.", "REQUEST",
     "inquiry"),
    # routine regulation against a disease; an act on nobody in particular
    ("Fearing bird flu, Ghana banned poultry imports from Nigeria.", "SANCTION", "regulation"),
    ("As a precaution against the virus, Kenya suspended flights from China.", "SANCTION", "regulation"),
    ("Everyone in Yangon knows someone who was arrested by the Myanmar military.", "COERCE", "generic"),
    # counterfactuals: what would have happened, and its condition, did not happen
    ("If Ankara had allowed the inspections, Washington would never have imposed sanctions on Turkey.",
     "SANCTION", "counterfactual"),
    ("If Ankara had allowed the inspections, Washington would never have imposed sanctions on Turkey.",
     "CONCEDE", "counterfactual"),
    # a speaker's forecast of someone else's possible attack is no threat that actor made
    ("The Nigerian governor said bandits could attack schools in Zamfara again.", "THREATEN", "foretold"),
    # a wish to receive aid is no offer of aid by the one who wishes
    ("Egypt hopes to obtain military aid from the United States.", "AGREE", "receipt"),
    # carrying out an agreement made before makes none
    ("China and the United States have been implementing the consensus reached by their presidents.", "AGREE",
     "carried out"),
    # what an event means is a reading of it, not a second act
    ("The visit shows that China and Russia are deepening their partnership.", "SUPPORT", "reading"),
    # a ship's arrival is a movement, not a visit
    ("The Iranian cargo vessel arrived in eastern China late last year.", "CONSULT", "vehicle"),
    # an act only possible, under "if", was not done
    ("If Japan seeks talks with China over the islands, Beijing will set conditions.", "REQUEST", "unrealised"),
    ("If Russia attacks Ukraine again, NATO would respond.", "ASSAULT", "unrealised"),
    # a noun act in a condition is what may happen (session 16)
    ("The Japanese minister said Tokyo might recall its ambassador if the attacks on Japanese ships continue.",
     "ASSAULT", "in a condition"),
    ("Kenya said it would close the border if the raids by Somali militants on Kenyan villages resumed.",
     "ASSAULT", "in a condition"),
    # a consequence of the speaker's own side's inaction is a warning, no threat (session 16)
    ("If we do not end the war in Sudan, they will come to Egypt sooner or later,\" said the Egyptian minister.",
     "THREATEN", "own condition"),
    # an act only tried or failed: the complement of a noun of attempt, wish, pressure or failure
    ("Washington's efforts to impose sanctions on Turkey stalled in Congress on Monday.", "SANCTION", "attempted"),
    ("Turkish officials criticized the American failure to sell Patriot missiles to Turkey.", "AID", "attempted"),
    # what people at large believe, suggest or want is their opinion
    ("Some believe the raid on the village was an attack by Burundian troops.", "ASSAULT", "people at large"),
    ("Others suggest Pakistan supported the rebels in Kabul.", "SUPPORT", "people at large"),
    ("People in Manila want their government to demand compensation from China.", "REQUEST", "people at large"),
]

KEPT = [
    # a request whose asker is named stays
    ("Pakistan asked India to hand over the suspects.", "REQUEST"),
    ("Kenya asked Uganda for help with the Somali refugees.", "REQUEST"),
    # asking about a subject and for an act asks for the act
    ("Kenya asked Uganda about the refugees and for help with their camps.", "REQUEST"),
    # declining a party's demand is a refusal
    ("China declined to join the talks with the United States on Monday.", "REJECT"),
    # an act of someone else a commentator reports, in the past tense, is that someone's event
    ("China sent troops to the Indian border last week, said Tom Smith, an analyst at the Lowy Institute.",
     "MOBILIZE"),
    # a professor who holds an office speaks for a party (the guide's presidential adviser)
    ("Professor Ali Demir, a Turkish presidential adviser, said Turkey is cooperating with Russia on air "
     "defence.", "COOPERATE"),
    # a warning that something could happen is a threat that was made; a hedged demand is a demand
    ("Turkey warned it could buy Russian fighter jets.", "THREATEN"),
    # a threat announced by its actor, and one of a speaker's own side, are threats that were made
    ("North Korea said it would attack American bases in Guam.", "THREATEN"),
    ("Nigeria may halt oil exports to Ghana if the dispute continues, the Nigerian oil minister said.", "THREATEN"),
    # a past condition that came true is no counterfactual
    ("Because Ankara had refused the inspections, Washington imposed sanctions on Turkey.", "SANCTION"),
    ("The minister said China may have to ask the United States to lift the tariffs.", "REQUEST"),
    ("Pakistan expects the Afghan government to expel the militants.", "REQUEST"),
    # acts that happened (the habit frame's own kept sentences are in test_habits.py)
    ("Iran attacked Israeli ships in the Red Sea on Monday.", "ASSAULT"),
    ("The United States has imposed sanctions on Iranian oil exports.", "SANCTION"),
    # a decided act is coded: "decision" and "move" are no nouns of attempt
    ("The European Union announced a decision to impose sanctions on Russia on Monday.", "SANCTION"),
    ("China made a move to seize the Philippine outpost on Monday.", "COERCE"),
    # a scheduled act is no prediction
    ("Japan will sign a defence pact with the Philippines next month.", "AGREE"),
    # a ban on another country's goods with no disease named; an arrest of someone in particular
    ("China banned imports of Australian wine in 2020.", "SANCTION"),
    ("The Myanmar military arrested a journalist in Yangon on Friday.", "COERCE"),
    # an intent to give is an offer
    ("Japan plans to provide loans to the Philippines.", "AGREE"),
    # reaching an agreement is making one
    ("Iran and the United States reached an agreement on prisoners in Doha.", "AGREE"),
    # an actor showing its readiness makes an offer
    ("Beijing showed it was ready to resume talks with Washington.", "AGREE"),
    # a minister's arrival is a visit
    ("The Iranian foreign minister arrived in Beijing on Monday.", "CONSULT"),
    # a conditional threat or promise is a commitment that was made, though its act is only possible
    ("Sanctions on Turkey could follow if Ankara activates the Russian missile system, the American official "
     "said.", "THREATEN"),
    ("If you are willing to hold talks, we will help you rebuild the port, the Chinese envoy told Sri Lanka.",
     "AGREE"),
    # a noun act beside a condition, not in it, happened
    ("The attacks on Japanese ships continued on Monday, although Tokyo said it would talk if Beijing agreed.",
     "ASSAULT"),
    # a consequence of another's inaction is a threat
    ("Turkey will buy Russian aircraft if the United States does not lift the freeze, the Turkish minister said.",
     "THREATEN"),
    # what an official says is no opinion of people at large
    ("The Kenyan president said Uganda sent troops to South Sudan.", "MOBILIZE"),
]


(test_the_guides_non_events_are_not_coded, test_events_the_guide_codes_are_kept,
 test_each_convention_names_its_reason) = screen_tests(DROPPED, KEPT)


def test_commentators_introduced_in_a_document_are_found_by_surname() -> None:
    text = ("Mary Jones, a senior fellow at the Brookings Institution, said so. Political analyst Ahmed Noor "
            "agreed. Shigeru Ishiba, a former defence minister who analysts expect to win, spoke. Beijing, the "
            "capital, hosted talks. So it is, said Li Wei, associate professor at Fudan University. China, experts "
            "say, will act.")
    assert commentator_names(text) == frozenset({"Jones", "Noor", "Wei"})


def test_a_former_official_quoted_as_such_is_a_commentator(nlp: Language) -> None:
    conv = load_conventions()
    doc = nlp("A former State Department official said the sanctions work.")
    speaker = next(t for t in doc if t.lower_ == "official")
    assert is_commentator(speaker, conv)
    doc = nlp("A State Department official said the sanctions work.")
    assert not is_commentator(next(t for t in doc if t.lower_ == "official"), conv)
