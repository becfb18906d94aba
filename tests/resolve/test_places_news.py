"""Places as real news words them (issue 12, item 5): sites in a place, place adverbs, the people met, regions
and short country names the news uses, and names that are no one place."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.resolve.places import lookup_place, read_dateline, resolve_event_place
from tests.resolve.conftest import PlaceOf


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("More than a million people have been confined in internment camps in Xinjiang.", "confined",
         ("Xinjiang", "CHN")),
        ("The minister met Blinken at the embassy in Beijing.", "met", ("Beijing", "CHN")),
        ("Officials said security forces killed dozens of militants elsewhere in Hirshabelle.", "killed",
         ("Hirshabelle", "SOM")),
        ("Rubio hopes to resolve the pause during talks with Ukrainian officials in Jeddah, Saudi Arabia.", "talks",
         ("Jeddah", "SAU")),
        ("The officials said they arrested seven members in a follow-up operation in Anbar.", "arrested",
         ("Anbar", "IRQ")),
        ("Additional European peacekeepers arrived in Bosnia on Wednesday.", "arrived",
         ("Bosnia and Herzegovina", "BIH")),
    ],
)  # fmt: skip
def test_event_place_on_news(place_of: PlaceOf, text: str, trigger: str, expected: tuple[str, str]) -> None:
    found = place_of(text, trigger)
    assert found is not None and (found.name, found.country) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Officials in Beijing said the talks failed.", "said"),  # who spoke, not where
        ("In Africa, being in the opposition can also mean arrest.", "arrest"),  # a continent is no one place
        ("Wang, head of the party's office in Beijing, met Blinken.", "met"),  # a site of an office held
    ],
)
def test_still_no_guess(place_of: PlaceOf, text: str, trigger: str) -> None:
    assert place_of(text, trigger) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Bosnia", "BIH"), ("Congo", "COD"), ("Democratic Republic of Congo", "COD"), ("Balochistan", "PAK"),
     ("Hirshabelle", "SOM"), ("Republika Srpska", "BIH"), ("Donbas", "UKR")],
)
def test_names_the_news_uses(name: str, expected: str) -> None:
    found = lookup_place(name)
    assert found is not None and found.country == expected


@pytest.mark.parametrize("name", ["Africa", "Asia", "Europe", "the Middle East", "Latin America"])
def test_continents_and_world_regions_are_no_place(name: str) -> None:
    assert lookup_place(name) is None


def test_a_dateline_after_title_lines() -> None:
    text = "World news\nBlinken meets Xi in Beijing\nBy a Reporter\n\nBEIJING, June 19 (Reuters) - Blinken met Xi."
    found = read_dateline(text)
    assert found is not None and found.place is not None and found.place.name == "Beijing"
    assert text[found.length :] == "Blinken met Xi."
    assert read_dateline("OPINION / EDITORIAL\nChina-US exchanges\nPublished: Jan 11, 2024 12:27 AM\n") is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Police announced the arrest of four activists in the southern city of Guangzhou.", "arrest",
         ("Guangzhou", "CHN")),
        ("The army imposed a curfew on several districts in Mandalay.", "imposed", ("Mandalay", "MMR")),
        ("American aircraft launched strikes against militants in Yemen on Sunday.", "strikes", ("Yemen", "YEM")),
    ],
)  # fmt: skip
def test_a_material_act_happens_where_its_patient_is(nlp: Language, text: str, trigger: str,
                                                     expected: tuple[str, str]) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    found = resolve_event_place(doc[:], token, (), patient=True)
    assert found is not None and (found.name, found.country) == expected
    assert resolve_event_place(doc[:], token, ()) is None  # not for a verbal act: "condemned the arrest of ..."


def test_a_patients_place_is_only_what_the_act_is_done_to(nlp: Language) -> None:
    doc = nlp("Troops arrested a reporter who had worked in Hong Kong.")  # where the reporter once worked
    assert resolve_event_place(doc[:], next(t for t in doc if t.text == "arrested"), (), patient=True) is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Fighter jets flew across the Turkish capital on Monday.", "flew", ("Ankara", "TUR")),
        ("Protesters rallied throughout Myanmar on Sunday.", "rallied", ("Myanmar", "MMR")),
    ],
)  # fmt: skip
def test_across_and_throughout_place_an_act(place_of: PlaceOf, text: str, trigger: str,
                                            expected: tuple[str, str]) -> None:
    found = place_of(text, trigger)
    assert found is not None and (found.name, found.country) == expected


def test_a_dateline_town_the_gazetteer_lacks_is_placed_in_its_country() -> None:
    found = read_dateline("MARANCHON, SPAIN — The air was cold.")
    assert found is not None and found.place is not None
    assert (found.place.name, found.place.country, found.place.precision) == ("Spain", "ESP", "country")
    assert read_dateline("XYZZYVILLE — The air was cold.") is None  # nothing known: no dateline place


def test_a_light_verbs_patient_places_the_act(nlp: Language) -> None:
    doc = nlp("Militants launched an assault on an army base in Mogadishu.")  # "on" hangs on "launched"
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == "assault"), (), patient=True)
    assert found is not None and (found.name, found.country) == ("Mogadishu", "SOM")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes broke out in Mundu County, Kenya on Monday.", ("Mundu County", "KEN", "region")),
        ("Clashes broke out in the Zorvani Province, Afghanistan on Monday.", ("Zorvani Province", "AFG", "region")),
    ],
)  # fmt: skip
def test_a_place_the_gazetteer_lacks_keeps_its_name_in_its_country(
        place_of: PlaceOf, text: str, expected: tuple[str, str, str]) -> None:
    found = place_of(text, "broke")
    assert found is not None and (found.name, found.country, found.precision) == expected
    assert found.text.endswith(expected[0])  # as written, no gazetteer name


def test_a_name_without_its_kind_keeps_only_its_qualifier(place_of: PlaceOf) -> None:
    found = place_of("Clashes broke out in Mundu, Kenya on Monday.", "broke")  # a town or a person? the country
    assert found is not None and (found.name, found.precision) == ("Kenya", "country")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Police detained dozens of people in China's Xinjiang region last year.", "detained", ("Xinjiang", "CHN")),
        ("The two leaders met in Indonesia's Bali on Tuesday.", "met", ("Bali", "IDN")),
        ("The talks were held in Georgia's capital, Tbilisi.", "held", ("Tbilisi", "GEO")),
        ("The minister met Blinken in China's capital on Monday.", "met", ("Beijing", "CHN")),
    ],
)  # fmt: skip
def test_a_place_possessing_another_qualifies_it(place_of: PlaceOf, text: str, trigger: str,
                                                 expected: tuple[str, str]) -> None:
    found = place_of(text, trigger)  # the narrower place, looked up inside the possessor, not the possessor
    assert found is not None and (found.name, found.country) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Airstrikes by the army and its partners in the Idlib region have killed fifty militants.", "killed",
         ("Idlib", "SYR")),
        ("Raids by soldiers in Mandalay detained forty villagers on Monday.", "detained", ("Mandalay", "MMR")),
    ],
)  # fmt: skip
def test_a_material_act_happens_where_its_agent_is(nlp: Language, text: str, trigger: str,
                                                   expected: tuple[str, str]) -> None:
    """Troops strike where they are: a place hung on the "by" agent of a strike or an arrest is the act's
    (``event._agent``); a verbal act's agent is never asked."""
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    found = resolve_event_place(doc[:], token, (), patient=True)
    assert found is not None and (found.name, found.country) == expected
    assert resolve_event_place(doc[:], token, ()) is None


def test_an_agents_place_is_not_a_speakers(nlp: Language) -> None:
    doc = nlp("The ministry, criticised by diplomats in Geneva, arrested two activists.")  # the critics' place
    assert resolve_event_place(doc[:], next(t for t in doc if t.text == "arrested"), (), patient=True) is None


@pytest.fixture(scope="module")
def pipeline() -> Language:
    """The project's own pipeline, with its rule-based entities (the tagger detente runs), not the model's NER."""
    from detente.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Russian forces shelled Kharkiv on Monday.", "shelled", ("Kharkiv", "UKR")),
        # a name the tagger reads as a person's, modifying an area noun, is a place (``event._area_kind``)
        ("Government troops attacked the Kachin region.", "attacked", ("Kachin", None)),
        ("Drones targeted the Damasha and Shabeelow areas on Friday.", "targeted", ("Damasha", None)),
    ],
)  # fmt: skip
def test_a_place_a_material_act_is_done_to_is_where_it_happened(pipeline: Language, text: str, trigger: str,
                                                                expected: tuple[str, str | None]) -> None:
    doc = pipeline(text)
    token = next(t for t in doc if t.text == trigger)
    found = resolve_event_place(doc[:], token, (), patient=True)
    assert found is not None and (found.name, found.country) == expected
    assert resolve_event_place(doc[:], token, ()) is None  # "China criticized Japan" is not in Japan


def test_a_name_before_an_area_noun_is_a_place_wherever_it_hangs(pipeline: Language) -> None:
    doc = pipeline("Fighting broke out in the Kachin region on Sunday.")
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == "broke"), ())
    assert found is not None and (found.name, found.precision) == ("Kachin", "region")
    doc = pipeline("Troops attacked the Biden administration's offices.")  # a person's name, no area noun
    assert resolve_event_place(doc[:], next(t for t in doc if t.text == "attacked"), (), patient=True) is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The minister arrived on Monday for talks in Geneva.", "arrived", ("Geneva", "CHE")),
        ("On Tuesday, the senator will join the envoy for the Jeddah talks with Ukrainian officials.", "join",
         ("Jeddah", "SAU")),
    ],
)  # fmt: skip
def test_going_or_joining_for_an_occasion_happens_at_its_place(place_of: PlaceOf, text: str, trigger: str,
                                                                expected: tuple[str, str]) -> None:
    """``event._occasion``: whoever goes or joins "for" talks is where they are held."""
    found = place_of(text, trigger)
    assert found is not None and (found.name, found.country) == expected


def test_what_is_pressed_for_is_not_where_it_is_asked(place_of: PlaceOf) -> None:
    assert place_of("China pressed for talks in Geneva.", "pressed") is None


# -- event nouns (issue 12, session 12) -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the noun's own participle: its agent's place and its own "in"
        ("The offensive launched by troops in the Kachin region has stalled.", "offensive", ("Kachin", None)),
        ("The airstrikes carried out in Idlib on Monday killed ten people.", "airstrikes", ("Idlib", "SYR")),
        # the purpose the noun is launched for, driving someone out of a place
        ("The army launched an operation to flush out the rebels from the town of Bunia.", "operation",
         ("Bunia", "COD")),
        ("Troops launched an offensive to drive the militants out of Goma.", "offensive", ("Goma", "COD")),
    ],
)  # fmt: skip
def test_an_event_noun_happens_where_its_own_words_place_it(pipeline: Language, text: str, trigger: str,
                                                            expected: tuple[str, str | None]) -> None:
    doc = pipeline(text)
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == trigger), (), patient=True)
    assert found is not None and (found.name, found.country) == expected


def test_a_verbal_acts_purpose_is_not_its_place(pipeline: Language) -> None:
    """Only a material act is done where its purpose is: a statement issued to condemn a raid in Kabul was not."""
    doc = pipeline("The ministry issued a statement to condemn the raid in Kabul.")
    assert resolve_event_place(doc[:], next(t for t in doc if t.text == "statement"), ()) is None


def test_a_verb_is_not_placed_where_its_object_is_driven_from(pipeline: Language) -> None:
    """"from" is an origin unless the act drives someone out: a flight from Beijing is not in Beijing."""
    doc = pipeline("Troops flew the wounded from Goma.")
    assert resolve_event_place(doc[:], next(t for t in doc if t.text == "flew"), (), patient=True) is None


def test_a_place_naming_a_natural_feature_is_that_feature(pipeline: Language) -> None:
    """"in Egypt's Sinai desert" is the desert (a region in Egypt), not the peninsula's province; a province named
    so is still the province."""
    doc = pipeline("Troops attacked the militants in Egypt's Sinai desert.")
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == "attacked"), ())
    assert found is not None and (found.name, found.country, found.precision) == ("Sinai desert", "EGY", "region")
    doc = pipeline("Troops attacked the militants in Anbar province.")
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == "attacked"), ())
    assert found is not None and (found.name, found.country) == ("Anbar", "IRQ")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("A court in Moscow sentenced the journalist to six years in prison.", "sentenced", ("Moscow", "RUS")),
        ("The journalist was sentenced by a court in Moscow to six years in prison.", "sentenced", ("Moscow", "RUS")),
        ("The U.S. embassy in Beijing criticized the new rules.", "criticized", ("Beijing", "CHN")),
        ("A district judge in Manila suspended the new mining rules.", "suspended", ("Manila", "PHL")),
    ],
)  # fmt: skip
def test_a_body_that_sits_in_a_place_acts_there(pipeline: Language, text: str, trigger: str,
                                                expected: tuple[str, str]) -> None:
    """``event._seated_doer``: a court, an embassy or a judge acts where it sits."""
    doc = pipeline(text)
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == trigger), ())
    assert found is not None and (found.name, found.country) == expected


def test_people_placed_by_in_may_speak_anywhere(pipeline: Language) -> None:
    doc = pipeline("Officials in Beijing criticized the new rules.")
    assert resolve_event_place(doc[:], next(t for t in doc if t.text == "criticized"), ()) is None
    doc = pipeline("The court rejected an appeal by a mother in Kano.")  # a place on the appellant, not the court
    assert resolve_event_place(doc[:], next(t for t in doc if t.text == "rejected"), ()) is None


def test_a_name_tagged_as_a_place_before_a_feature_noun_is_that_feature(pipeline: Language) -> None:
    """``feature_nouns`` in ``event._unlisted``: a forest the gazetteer lacks is kept under the name the text gives
    (the entity is set by hand: the tagger reads most such names as persons', which stay unplaced)."""
    from spacy.tokens import Span

    doc = pipeline("Troops attacked the militants in the Kakamega Forest.")
    start = next(t.i for t in doc if t.text == "Kakamega")
    doc.ents = [Span(doc, start, start + 2, label="GPE")]
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == "attacked"), ())
    assert found is not None and (found.name, found.precision) == ("Kakamega Forest", "region")


# -- coordinated verbs share the place after the last of them (issue 12, session 13) ------------------------------


def test_coordinated_verbs_share_the_place_after_them(pipeline: Language) -> None:
    doc = pipeline("The governor was arrested and charged in Lagos on Friday.")
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == "arrested"), (), patient=True)
    assert found is not None and (found.name, found.country) == ("Lagos", "NGA")


def test_where_a_coordinated_verb_goes_is_not_the_first_acts_place(pipeline: Language) -> None:
    doc = pipeline("The envoy met Xi and flew to Beijing.")
    assert resolve_event_place(doc[:], next(t for t in doc if t.text == "met"), ()) is None


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        ("The warplanes bombed areas in Basra province.", "Basra province", "Basrah"),
        ("Militants attacked a convoy in the restive Balochistan province.", "Balochistan province", "Balochistan"),
        ("Militants attacked a convoy near Quetta.", "Quetta", "Quetta"),  # no kind noun: the name alone
    ],
)  # fmt: skip
def test_a_places_text_is_as_written_with_its_kind(pipeline: Language, text: str, written: str, name: str) -> None:
    """``event._as_written``: the extracted text keeps the kind noun the name heads; the resolved name is the
    gazetteer's."""
    doc = pipeline(text)
    act = next(t for t in doc if t.text in ("bombed", "attacked"))
    found = resolve_event_place(doc[:], act, (), patient=True)
    assert found is not None and (found.text, found.name) == (written, name)


# -- a participle complement is part of its verb's predication (issue 12, session 13) -----------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The militant was found hiding in Mosul and faced interrogation.", "interrogation", ("Mosul", "IRQ")),
        ("The army kept fighting in Kharkiv.", "kept", ("Kharkiv", "UKR")),
    ],
)  # fmt: skip
def test_a_participle_complement_places_its_verb(pipeline: Language, text: str, trigger: str,
                                                 expected: tuple[str, str]) -> None:
    """``dates.clauses``, role ``complement``: "found hiding in Mosul" was found there."""
    doc = pipeline(text)
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == trigger), ())
    assert found is not None and (found.name, found.country) == expected


def test_an_infinitive_complement_does_not_place_its_verb(pipeline: Language) -> None:
    doc = pipeline("The minister wants to visit Kandahar.")
    assert resolve_event_place(doc[:], next(t for t in doc if t.text == "wants"), ()) is None


# -- the land a material act is done to, named by its people (issue 12, session 13) -------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Russia launched a drone attack on Ukrainian cities overnight.", "attack", ("UKR", "Ukrainian cities")),
        ("The bombings of Georgian villages continued.", "bombings", ("GEO", "Georgian villages")),
    ],
)  # fmt: skip
def test_a_material_act_on_a_peoples_land_is_in_their_country(pipeline: Language, text: str, trigger: str,
                                                                expected: tuple[str, str]) -> None:
    """``event._peoples_land``: at the country's centroid, country precision."""
    doc = pipeline(text)
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == trigger), (), patient=True)
    assert found is not None and (found.country, found.text, found.precision) == (*expected, "country")


@pytest.mark.parametrize(
    ("text", "trigger", "patient"),
    [
        ("Militants attacked Kenyan troops overnight.", "attacked", True),  # people, not land
        ("Militants attacked a French base overnight.", "attacked", True),  # whose, not where
        ("China criticized Ukrainian cities.", "criticized", False),  # a verbal act is not where its target is
    ],
)  # fmt: skip
def test_a_peoples_adjective_on_anything_but_land_is_no_place(pipeline: Language, text: str, trigger: str,
                                                              patient: bool) -> None:
    doc = pipeline(text)
    assert resolve_event_place(doc[:], next(t for t in doc if t.text == trigger), (), patient=patient) is None


# -- a document subject acts where it was issued (issue 12, session 13) -------------------------------------------


def test_a_document_subject_acts_where_it_was_issued(pipeline: Language) -> None:
    """``dates.clauses.subject_participles``: "papers, filed in a lawsuit in X, allege" were alleging in X."""
    doc = pipeline("The papers, filed in a lawsuit in Canada, allege the company paid bribes.")
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == "allege"), ())
    assert found is not None and found.country == "CAN"
    doc = pipeline("The papers, drafted by lawyers in Canada, allege the company paid bribes.")  # no issuing
    assert resolve_event_place(doc[:], next(t for t in doc if t.text == "allege"), ()) is None


def test_a_site_the_gazetteer_lacks_is_placed_by_its_own_name(pipeline: Language) -> None:
    doc = pipeline("A suicide bomber blew himself up outside the Varrow Hotel on Sunday.")
    found = resolve_event_place(doc[:], next(t for t in doc if t.text == "blew"), (), patient=True)
    assert found is not None and (found.name, found.country, found.precision) == ("Varrow Hotel", None, "place")
