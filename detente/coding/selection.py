"""Which sentences of a document are worth parsing: the prefilter, wired to the knowledge base.

A sentence is parsed when it has a trigger word (the lexicon's prefilter rules, plus the deontic modals: "the
US must not cross red lines" is a demand with no trigger word of its own) and a candidate actor. The countries
the actor test finds are kept as the document's context countries for place resolution, so no sentence is
searched for them twice.

Coding has a budget per document, in characters rather than seconds so that a rerun codes exactly the same
sentences (mention ids and events stay reproducible): junk or a book-length dump cannot dominate a run.

- Only the first ``MAX_CODED_CHARS`` (100,000) characters of a document are coded; the document is stored whole.
  That is about 15,000 words: long-form features and full press-briefing transcripts fit, and it is 14 times
  the longest story of the VOA corpus (7,108 characters). A 1 MB line of junk is coded for a tenth of its
  length, not all of it.
- A "sentence" over ``MAX_SENTENCE_CHARS`` (2,000) characters is not parsed: news sentences run to a few
  hundred characters (the longest of the VOA corpus's 2,744 is 465), so anything longer is a table, a list or
  text without sentence punctuation, whose parse costs much and yields nothing an analyst can check.
- At most ``MAX_PARSED_SENTENCES`` (400) sentences of a document are parsed, the first ones the prefilter
  passes. The VOA story with the most passes 26 (of 71 sentences); at that density a 100,000-character
  article passes about 370. Since a sentence gives one or two mentions, this bounds a document's mentions
  (a megabyte of "China and the United States met." repeated gave 3,036 before).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from detente.coding.accusations import cue_forms
from detente.coding.criticism import POSING_NOUNS, POSING_VERBS
from detente.coding.home import HomeEvidence, crowd_acts, held_sectors, outlet_home, places_named, wider_home
from detente.coding.lexicon import Lexicon, inflections, word_forms
from detente.coding.modality import Cues
from detente.coding.references import WINDOW, describes_person, refers_back
from detente.coding.words import DYAD_AGENTS, DYAD_PHRASES, STATE_MODES, STATE_TYPES
from detente.nlp import Prefilter, Sentence, Verdict, split_sentences
from detente.resolve.places import read_dateline
from detente.syntax import MODAL_AUXILIARIES

if TYPE_CHECKING:
    from detente.resolve.actors import ActorKB

MAX_CODED_CHARS = 100_000
MAX_SENTENCE_CHARS = 2_000
MAX_PARSED_SENTENCES = 400

_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
# "the two senior diplomats", "both foreign ministers": two of a state agent, a few words apart at most
_PLURALS = sorted({w + "s" for w in DYAD_AGENTS} | {w[:-1] + "ies" for w in DYAD_AGENTS if w.endswith("y")},
                  key=len, reverse=True)
_PAIR = re.compile(r"\b(?:two|both)\b(?:\s+[\w-]+){0,3}?\s+(?:" + "|".join(_PLURALS) + r")\b")
# a full name: two or more capitalized words ("Bobi Wine", "Ahmed Sharif Chaudhry"); its last word is the surname
# a later sentence may call the person by
_FULL_NAME = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)+")
# where the phrase around a name stops: punctuation, quotes, brackets, a sentence end (participants reads the
# title before a name by it too)
PHRASE_BREAK = re.compile(r"[,;:()\[\]\"“”]|\.\s")
# runs of capitalized words: a run of one is a word standing alone, as a surname does ("Wine says")
_CAPITALIZED_RUN = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)*")


# what makes a conditional announcement a threat (candidates._conditional_threats reads the same future and
# "would" auxiliaries through modality.clause_flags): the grammar's, from detente/grammar.yaml
_FUTURE = MODAL_AUXILIARIES["future"] | MODAL_AUXILIARIES["would"]


@dataclass(frozen=True, slots=True)
class Selection:
    """A document's sentences, those worth parsing, and the countries named in those."""

    sentences: list[Sentence]
    selected: list[Sentence]
    countries: set[str]
    truncated: bool = False  # the document is over the coding budget: its tail was not coded
    home: str | None = None  # the one country the document is about, when it is clearly one (see ``home_country``)
    # the phrases that gave in full the names a sentence parsed for its surname alone calls people by ("Ugandan
    # opposition leader Bobi Wine" for "Wine says ..."): the coder reads whose the person is from them
    introductions: tuple[str, ...] = ()
    # why each sentence not parsed was refused, by sentence index: where recall is lost before any rule acts
    refused: Mapping[int, Verdict] = field(default_factory=dict)


class SentenceSelector:
    def __init__(self, kb: ActorKB, lexicon: Lexicon, cues: Cues) -> None:
        self.kb = kb
        # a word with its object, cue, particle or light verb: in its clause, so nearby (``Prefilter.near``)
        alone, near = lexicon.prefilter_rules()
        near = dict(near)
        # "the challenges China poses", "poses no threat": statements.py reads the posed noun as an accusation
        posed = frozenset().union(*(inflections(n, "noun") for n in POSING_NOUNS))
        for verb in POSING_VERBS:
            for form in word_forms(verb, "verb", lexicon.irregular):
                near[form] = near.get(form, frozenset()) | posed
        # a disapproval word counts with a speech verb anywhere: "said Iran is defying ..." (coding/accusations.py)
        speech: set[str] = set()
        for verb in lexicon.speech_verbs:
            speech |= word_forms(verb, "verb", lexicon.irregular)
        paired: dict[str, frozenset[str]] = {form: frozenset(speech) for form in cue_forms()}
        # a conditional announcement may be a threat with no trigger word: "will buy Russian jets if ..."
        # (candidates._conditional_threats); the condition may be long, the future is in the main clause
        for mark in ("if", "unless"):
            paired[mark] = paired.get(mark, frozenset()) | _FUTURE
        self.prefilter = Prefilter(alone | cues.deontic_aux, self._has_actor, paired, near)
        # an editorial speaks in its own voice: a disapproval word needs no speech verb there
        self.editorial_prefilter = Prefilter(alone | cues.deontic_aux | cue_forms(), self._has_actor, paired, near)
        self.state_forms = state_act_forms(lexicon)
        # a crowd's own act ("a national stoppage", "protests") by people of no country: whose, the story says
        self.crowd_forms = crowd_act_forms(lexicon)
        # a state's organ, or an organized body of the home ("the unions"): whose, the story's home says
        self.held_words = kb.state_agent_words | kb.agent_words(held_sectors())
        self._seen_countries: Counter[str] = Counter()
        # the last words of the full names the document gave so far, each with the phrase that gave it
        self._surnames: dict[str, str] = {}
        self._called: dict[str, None] = {}  # the phrases of the surnames sentences were parsed for

    def select(self, text: str, editorial: bool = False, outlet: str | None = None) -> Selection:
        """The sentences of ``text`` worth parsing; an ``editorial``'s own disapproval counts as a trigger. The
        ``outlet`` is the weakest evidence of the story's home country (``coding/home.py``)."""
        prefilter = self.editorial_prefilter if editorial else self.prefilter
        truncated = len(text) > MAX_CODED_CHARS
        sentences = split_sentences(text[:MAX_CODED_CHARS])
        if truncated and sentences:
            sentences.pop()  # it may run on past the cut: no sentence is coded from a piece of it
        self._seen_countries = Counter()
        self._surnames = {}
        self._called = {}
        selected: list[Sentence] = []
        held: list[Sentence] = []  # a state's act with no actor named: parsed only in a one-country document
        named: dict[int, bool] = {}  # sentence index -> names a country or a body (asked only for references)
        refused: dict[int, Verdict] = {}
        for sentence in sentences:
            if len(sentence.text) > MAX_SENTENCE_CHARS:
                refused[sentence.index] = Verdict.TOO_LONG
                continue
            verdict = prefilter.verdict(sentence)
            # a trigger word, and no actor of a country: one may still be found in the sentences before
            unplaced = verdict is Verdict.NO_ACTOR or verdict is Verdict.SECTOR_ONLY
            refers = unplaced and refers_back(sentence.tokens, sentence.text)
            described = verdict is Verdict.SECTOR_ONLY and _named_person_before(sentences, sentence.index) and \
                describes_person(sentence.text, self.kb.state_agent_words)
            if verdict is Verdict.PASSED or described or (refers and (_within_window(selected, sentence.index) or
                                                         self._named_before(sentences, sentence.index, named))) or \
                    (unplaced and self._names_again(sentence.text)):
                if len(selected) == MAX_PARSED_SENTENCES:
                    truncated = True
                    refused.update((s.index, Verdict.OVER_BUDGET) for s in sentences[sentence.index:])
                    break
                selected.append(sentence)
                self._remember(surnames_in(sentence.text))
                continue
            refused[sentence.index] = verdict
            state = verdict is Verdict.SECTOR_ONLY and not self.held_words.isdisjoint(sentence.tokens)
            if state or not self.state_forms.isdisjoint(sentence.tokens) or \
                    (unplaced and not self.crowd_forms.isdisjoint(sentence.tokens)) or \
                    (refers and _within_window(held, sentence.index)):
                held.append(sentence)  # "the military claimed the killing of 33 terrorists": whose, the story says
            else:
                # a sentence not parsed: only the names the knowledge base knows ("Viktor Orban") will have a
                # country when called by their surname later; a name it does not know has its country from the
                # parsed sentence that described it (``DocumentActors``)
                self._remember(surnames_in(sentence.text, self.kb.is_candidate))
        home = home_country(self._seen_countries)
        if home is None and (held or selected):  # asked only where it decides something
            home = self._wider_home(text, sentences, outlet)
        if home is not None and held:
            room = MAX_PARSED_SENTENCES - len(selected)
            selected = sorted(selected + held[:room], key=lambda s: s.index)
            for s in held[:room]:
                del refused[s.index]
            refused.update((s.index, Verdict.OVER_BUDGET) for s in held[room:])
        return Selection(sentences, selected, set(self._seen_countries), truncated, home, tuple(self._called),
                         refused)

    def _wider_home(self, text: str, sentences: list[Sentence], outlet: str | None) -> str | None:
        """The home country from the whole document when the sentences worth parsing do not tell it
        (``coding/home.py``): the countries and places of every sentence, the dateline, the outlet."""
        evidence = HomeEvidence()
        for sentence in sentences:
            if len(sentence.text) > MAX_SENTENCE_CHARS:
                continue
            known = self.kb.named_in(sentence.text, press=False)[0] if self.kb.is_candidate(sentence.text) else set()
            evidence.add(known | places_named(self.kb, sentence.text))
        dateline = read_dateline(text[:MAX_CODED_CHARS])
        evidence.dateline = dateline.place.country if dateline and dateline.place else None
        evidence.outlet = outlet_home(self.kb, outlet)
        return wider_home(evidence)

    def _remember(self, names: dict[str, str]) -> None:
        for surname, phrase in names.items():
            self._surnames.setdefault(surname, phrase)

    def _has_actor(self, text: str) -> Verdict:
        """The prefilter's actor test: a known actor word (the KB's fast check), and a country among the
        mentions (an event needs a country on one side), a leading pronoun, or "the two countries"."""
        if not self.kb.is_candidate(text):
            return Verdict.NO_ACTOR
        countries, bodies = self.kb.named_in(text)
        self._seen_countries.update(countries)
        if countries or bodies:
            return Verdict.PASSED  # an intergovernmental body acts under its own code ("the Security Council")
        low = text.lower()
        if low.split(" ", 1)[0] in _SUBJECT_PRONOUNS or any(w in low for w in DYAD_PHRASES) or \
                _PAIR.search(low) is not None:
            return Verdict.PASSED
        # a trigger and an actor word of no country ("the military", "the court", "our soldiers"): parsed only
        # in a document about one country, whose actor it then is (``select``)
        return Verdict.SECTOR_ONLY

    def _named_before(self, sentences: list[Sentence], index: int, named: dict[int, bool]) -> bool:
        """Does one of the ``WINDOW`` sentences before ``index`` name a country or a body, so that a pronoun or
        "the ministry" here may stand for an actor (``coding/references.py``)? Asked only of sentences with a
        trigger word and a reference but no actor of their own, and remembered per sentence."""
        for j in range(max(index - WINDOW, 0), index):
            if j not in named:
                countries, bodies = self.kb.named_in(sentences[j].text)
                named[j] = bool(countries or bodies)
            if named[j]:
                return True
        return False

    def _names_again(self, text: str) -> bool:
        """Does the sentence call someone by a surname the document gave in full before ("Bobi Wine ... Wine
        says")? The person the name stands for is the coder's to find (``DocumentActors``)."""
        # a people's name is no surname: "South Africans ... Africans"
        called = [w for w in words_alone(text) if w in self._surnames and self.kb.country_of_name(w) is None]
        self._called.update((self._surnames[w], None) for w in called)
        return bool(called)


def _within_window(parsed: list[Sentence], index: int) -> bool:
    """Is one of the ``WINDOW`` sentences before ``index`` among ``parsed`` (in order)? Its actors are what the
    coder's references reach for ("the militants shot them. At night, they picked out ten more"), also when it named
    them with no country word of its own; a sentence held for the story's home holds the references after it."""
    return bool(parsed) and parsed[-1].index >= index - WINDOW


def _named_person_before(sentences: list[Sentence], index: int) -> bool:
    """Does one of the ``WINDOW`` sentences before ``index`` name someone in full, whom a person described and not
    named here ("the radical militant") may be (``earlier.described_person``)?"""
    return any(_FULL_NAME.search(sentences[j].text) for j in range(max(index - WINDOW, 0), index))


def words_alone(text: str) -> set[str]:
    """The capitalized words of the sentence that stand alone, as a surname does ("Wine says", "Lai's trial"): not
    inside a longer name ("West African"), nor after "the" ("the Council")."""
    out: set[str] = set()
    for m in _CAPITALIZED_RUN.finditer(text):
        word = m.group()
        if " " not in word and text[max(0, m.start() - 4):m.start()].lower() != "the ":
            out.add(_unpossessed(word))
    return out


def _unpossessed(word: str) -> str:
    """"Lai's" → "Lai" (either apostrophe)."""
    return word.removesuffix("'s").removesuffix("’s")


def full_names(text: str) -> Iterator[tuple[re.Match[str], list[str]]]:
    """Each full name of ``text`` (two or more capitalized words) with the words before it back to a comma, quote
    or bracket, at most five ("Ugandan opposition leader Bobi Wine"), never back into the name before: the phrase
    that may say whose the person is."""
    end = 0  # where the name before ends: its words are not this one's
    for m in _FULL_NAME.finditer(text):
        start, end = end, m.end()
        yield m, PHRASE_BREAK.split(text[start:m.start()])[-1].split()[-5:]


def surnames_in(text: str, known: Callable[[str], bool] | None = None) -> dict[str, str]:
    """The last words of the sentence's full names (two or more capitalized words), possessive cut off, each with
    the phrase that may say whose the person is: the words before the name back to a comma, quote or bracket (at
    most five: "Ugandan opposition leader Bobi Wine") and an apposition after it ("Jose Perez, a Guatemalan
    judge"), not back into the name before. With ``known``, of the names it accepts only."""
    out: dict[str, str] = {}
    for m, before in full_names(text):
        if known is not None and not known(m.group()):
            continue
        after = ", " + PHRASE_BREAK.split(text[m.end() + 2:], maxsplit=1)[0] \
            if text[m.end():m.end() + 2] == ", " else ""
        out.setdefault(_unpossessed(m.group().split()[-1]),
                       " ".join([*before, m.group()]) + after)
    return out


def home_country(counts: Counter[str]) -> str | None:
    """The country a document is about, when it is clearly one: named in at least three of the sentences worth
    parsing and in at least twice as many as any other. "Her book was banned" in a story about Afghanistan was
    banned by Afghanistan's rulers (``state_types`` in ``words.yaml``)."""
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    if not top or top[0][1] < 3 or (len(top) == 2 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def state_act_forms(lexicon: Lexicon) -> frozenset[str]:
    """Forms of the words that report a state's act against people on its own, with no object or cue needed
    ("banned", "detained", "censorship"): a sentence holding one is parsed even when it names no actor, in a
    document about one country."""
    forms: set[str] = set()
    for (lemma, pos), senses in lexicon.senses.items():
        if any(s.type in STATE_TYPES and s.mode in STATE_MODES and s.channel != "military" and s.alone and
               not (s.objects or s.cues or s.prep) for s in senses):
            forms |= word_forms(lemma, pos, lexicon.irregular)
    return frozenset(forms)


def crowd_act_forms(lexicon: Lexicon) -> frozenset[str]:
    """Forms of the words that report a crowd's own act with nothing more needed ("protest", "stoppage"; the
    types of ``crowd_acts`` in ``home.yaml``): a sentence holding one whose actors name no country ("60,000 bank
    staff will walk off the job in a national stoppage") is parsed in a document with a home."""
    types = crowd_acts()
    forms: set[str] = set()
    for (lemma, pos), senses in lexicon.senses.items():
        if any(s.type in types and s.alone and not (s.objects or s.cues or s.prep) for s in senses):
            forms |= word_forms(lemma, pos, lexicon.irregular)
    return frozenset(forms)
