"""Linked: the evidence that two compatible mentions are one event, and how strong it is.

Named participants must share someone; otherwise one side must be anonymous, the countries the same, and
something else must agree: the day, the nearby sentence, a shared person anywhere in the article, one act word.
docs/events.md, "Linked" and "From links to events".
"""

from __future__ import annotations

from functools import lru_cache

from detente import datafiles
from detente.clustering.acts import act_word
from detente.clustering.blocks import UNDIRECTED_FAMILIES, family
from detente.clustering.compatibility import compatible, one_outlet_statement, two_voices, voice_only, windows_meet
from detente.clustering.features import PRECISION_RANK, ClusterMention, Named, norm

# Link strength: links are tried strongest first, so a month-precision mention that fits two meetings joins
# the one that shares its people and place.
SHARED_ACTOR_WEIGHT = 4
SAME_PLACE_WEIGHT = 2
SAME_DOCUMENT_WEIGHT = 2
# An undated mention retells an event of its article from at most this many sentences away ("During the
# meeting, the two sides…") unless it shares two people, or one person and the place, with it.
SAME_DOCUMENT_REACH = 2
# ... or a named person (a knowledge-base person): one person is in one place at a time, so an undated report of
# what they did retells a dated one anywhere in the article ("This marks Rubio's second visit", 16 sentences
# after the day-dated meeting). None: anywhere; a named institution (the Taliban, a government) acts many times
# in one story and keeps SAME_DOCUMENT_REACH.
SAME_DOCUMENT_PERSON_REACH: int | None = None
# Two mentions of one article whose sentences share this share of their words are one happening wherever they
# stand: a story that repeats its lead further down ("Kenya launched an operation to flush out ... from the
# Boni Forest"). Across articles only the same sentence links (a wire copy).
NEAR_SAME_SENTENCE = 0.8
# Words by which a quote speaks for its speaker's side ("we", ``data/statements.yaml``).
SIDE_PRONOUNS = frozenset(
    str(w) for w in datafiles.load("detente.clustering", "data/statements.yaml")["side_pronouns"])


def _shared_actors(a: ClusterMention, b: ClusterMention) -> int:
    return sum(1 for x in a.named if any(x.same(y) for y in b.named))


def speaks_for_side(person: Named, m: ClusterMention) -> bool:
    """Is the person in this report only as the speaker of a quote that says "we" and never names him? The coder
    gives the quote's "we" its speaker ("we're wanting to sign a specific agreement", Rubio said), but what "we"
    do is his side's doing, not his own: it does not place him anywhere."""
    return bool(SIDE_PRONOUNS & sentence_words(m.sentence)) and voice_only(person, m)


def _shares_person(a: ClusterMention, b: ClusterMention) -> bool:
    """A named person both reports have, each as someone it names (not only as the "we" of a quote)."""
    return any(x.same(y) and not speaks_for_side(x, a) and not speaks_for_side(y, b)
               for c, mine in a.persons.items() for x in mine for y in b.persons.get(c, ()))


def doer_named_once(a: ClusterMention, b: ClusterMention) -> bool:
    """A directed act or statement whose doer one report names and the other does not ("Gachagua was impeached",
    "Gachagua's lawyers filed cases"): all they can share is whom it was done to, and one target is the object of
    many acts in one story."""
    return family(a.type) not in UNDIRECTED_FAMILIES and (not a.source) != (not b.source)


def quoted_unattributed(a: ClusterMention, b: ClusterMention) -> bool:
    """Neither report of a directed family names who did it, and only one is someone's words: "demonstrators were
    killed Friday", then a spokesman's "the killing of peaceful demonstrators is unacceptable". A reaction's
    unattributed act speaks of such acts in general as often as of the one told above, so closeness and one act
    word do not make it that act ("the raid" told after "a deadly January raid" still does)."""
    return (family(a.type) not in UNDIRECTED_FAMILIES and not a.source and not b.source
            and (a.speaker is None) != (b.speaker is None))


@lru_cache(maxsize=4096)
def sentence_words(sentence: str) -> frozenset[str]:
    return frozenset(norm(sentence).split())


def near_same_sentence(a: str, b: str) -> bool:
    """Do two sentences share at least ``NEAR_SAME_SENTENCE`` of their words (Jaccard)?"""
    wa, wb = sentence_words(a), sentence_words(b)
    return bool(wa and wb) and len(wa & wb) >= NEAR_SAME_SENTENCE * len(wa | wb)


def _same_place(a: ClusterMention, b: ClusterMention) -> bool:
    return any(k.startswith("place:") for k in set(a.keys).intersection(b.keys))


def retold_act(a: ClusterMention, b: ClusterMention) -> bool:
    """Two reports of one article that name no one, between the same countries, on dates that meet, naming their
    act with one word: the article comes back to it ("Ankara's purchase of the S-400s" in the lead, "Ankara's
    purchase of the S-400 system" four sentences down)."""
    if a.named or b.named or a.countries != b.countries or not windows_meet(a, b, 0):
        return False
    word = act_word(a.trigger)
    return word is not None and word == act_word(b.trigger)


def _evidence(a: ClusterMention, b: ClusterMention, shared: int, place: bool) -> bool:
    """Is there enough to say two compatible mentions are one event? Named participants must share someone;
    otherwise one side must name nobody (a country-level report), the countries must be the same, and the day
    or, in one article, the nearby sentence must agree. See docs/events.md for the table."""
    anonymous_ok = (not (a.named and b.named) and a.countries == b.countries and not doer_named_once(a, b)
                    and not two_voices(a, b))
    if a.doc_id == b.doc_id:
        if a.sentence_index != b.sentence_index and near_same_sentence(a.sentence, b.sentence):
            return True  # the story repeats itself
        if one_outlet_statement(a, b):
            return True  # an editorial's one case, however far apart its sentences
        if a.weak or b.weak:
            # an undated retelling: the same people (or one of them at the same place), or close by
            if shared >= 2 or (shared and place):
                return True
            distance = abs(a.sentence_index - b.sentence_index)
            if (SAME_DOCUMENT_PERSON_REACH is None or distance <= SAME_DOCUMENT_PERSON_REACH) and _shares_person(a, b):
                return True
            if quoted_unattributed(a, b):  # closeness and one act word are no evidence here
                return distance <= SAME_DOCUMENT_REACH and bool(shared or place)
            if retold_act(a, b):
                return True
            return distance <= SAME_DOCUMENT_REACH and bool(shared or place or anonymous_ok)
        if shared or place:
            return True
        return anonymous_ok and a.day and b.day  # overlapping days (compatible() checked the windows)
    if a.sentence_key == b.sentence_key:
        return True  # the same sentence: a wire copy or an updated version of one story
    if a.vague or b.vague:
        return bool(shared and place)  # "in 2023": only the same people at the same place tell which meeting
    if a.weak or b.weak:
        # a publication date is weak evidence, and one prominent person is in many stories a day
        return shared >= 2 or bool(shared and place)
    if shared:
        return True
    return anonymous_ok and (place or (a.day and b.day and windows_meet(a, b, 0)))


def link_strength(a: ClusterMention, b: ClusterMention) -> int | None:
    """How strongly the pair is the same event, or None when it is not evidence enough to link them."""
    return strength_if_compatible(a, b) if compatible(a, b) else None


def strength_if_compatible(a: ClusterMention, b: ClusterMention) -> int | None:
    """``link_strength`` of a pair already found ``compatible``: clustering tests compatibility once a pair and
    keeps the answer for its complete-linkage checks."""
    shared = _shared_actors(a, b)
    place = _same_place(a, b)
    same_doc = a.doc_id == b.doc_id
    if not _evidence(a, b, shared, place):
        return None
    return (
        SHARED_ACTOR_WEIGHT * shared
        + SAME_PLACE_WEIGHT * place
        + SAME_DOCUMENT_WEIGHT * same_doc
        + (PRECISION_RANK["unresolved"] - max(a.rank, b.rank))
    )
