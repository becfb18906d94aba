"""Finding trigger mentions in a parsed sentence: which words report an event, in which sense.

A verb is matched by lemma and checked against its sense's conditions (object, particle, cue). A noun event
("talks", "sanctions", "a visit") takes its clause from a light verb when it is that verb's object ("held
talks", "imposed sanctions", "talks were held"); otherwise it stands alone as a nominal event ("Blinken's June
visit", "the Xi-Biden talks") when its sense allows. A noun that is the object of another trigger verb is left
to that verb, which may read it ("lifted sanctions") or govern it ("rejected the offer").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from detente.coding.lexicon import Lexicon, Sense
from detente.coding.nounclass import compound_class, noun_class
from detente.coding.parts_of_speech import done_to_person, pos_classes
from detente.coding.phrases import phrase_matches
from detente.coding.sentence import sentence_text
from detente.coding.words import (
    COUNT_WORDS,
    DAY_WORDS,
    GENERIC_HEADS,
    PERSON_NOUNS,
    PLACE_ENTS,
    QUANTITY_NOUNS,
    looks_like_actor,
)
from detente.syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    children,
    direct_object,
    is_verbal,
    lemma,
    phrase_lemmas,
    prep_objects,
    tokens,
)

_COMPLEMENT_DEPS = ("xcomp", "ccomp", "dobj", "obj", "acomp", "oprd", "dative")
_LIGHT_PREPS = frozenset({"in", "on", "into"})
_NAME_ENTS = frozenset({"ORG", "FAC", "GPE", "NORP", "PERSON", "LAW"})
_PREP_LIGHT_VERBS = frozenset({"engage", "participate", "join", "take", "enter", "embark"})


@dataclass(slots=True)
class Trigger:
    """A trigger word in a sentence, in one sense.

    ``anchor`` is the token whose clause supplies the arguments: the trigger itself, or the light verb of a
    noun event. ``nominal`` marks a noun event with no clause of its own.
    """

    token: Token
    sense: Sense
    anchor: Token
    nominal: bool = False
    phrase: Span | None = None
    owner: Token | None = None  # the trigger verb whose object this noun is ("rejected the offer")
    adjunct: bool = False  # a noun event in an adjunct of a plain verb ("commemorated ... in a letter to Xi")
    sides_named: bool = False  # a noun event whose own phrase names both sides ("the deal between X and Y")

    @property
    def text(self) -> str:
        if self.phrase is not None:
            return self.phrase.text
        if self.anchor != self.token:
            lo, hi = sorted((self.anchor.i, self.token.i))
            span = self.token.doc[lo:hi + 1]
            return span.text if len(span) <= 6 else f"{self.anchor.text} … {self.token.text}"
        return self.token.text


_SENSED_KEPT = 8  # lexicons whose sensed lemmas are remembered (a process normally has one)
_sensed: dict[int, tuple[Lexicon, int, frozenset[str]]] = {}


def sensed_lemmas(lexicon: Lexicon) -> frozenset[str]:
    """Lemmas with a sense of any part of speech. A token none of whose candidate lemmas is one can trigger
    nothing, and most tokens are such (function words, most nouns): ``find_triggers`` skips them before its
    part-of-speech tests and a verb's fallback search. Remembered per lexicon, recomputed if its table of
    senses grows or shrinks."""
    size = len(lexicon.senses)
    kept = _sensed.get(id(lexicon))
    if kept is None or kept[0] is not lexicon or kept[1] != size:
        if len(_sensed) >= _SENSED_KEPT:
            _sensed.clear()
        kept = _sensed[id(lexicon)] = (lexicon, size, frozenset(lem for lem, _pos in lexicon.senses))
    return kept[2]


def _may_trigger(tok: Token, lexicon: Lexicon, sensed: frozenset[str]) -> bool:
    """Whether one of the lemmas ``_lemmas`` would try for ``tok`` has a sense at all."""
    return lemma(tok) in sensed or not sensed.isdisjoint(lexicon.lemmas_of(tok.lower_))


def _lemmas(tok: Token, lexicon: Lexicon) -> list[str]:
    first = lemma(tok)
    out = [first]
    for cand in sorted(lexicon.lemmas_of(tok.lower_)):
        if cand not in out:
            out.append(cand)
    return out


def object_matches(obj: Token, items: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Does the object ``obj`` fit one of a sense's ``objects`` (lemma, phrase, ``@TYPE`` or entity class)?"""
    head = lemma(obj)
    lower = obj.lower_
    phrase: str | None = None
    window: str | None = None
    for item in items:
        if item.startswith("@"):
            cls = item[1:]
            if cls in ("PERSON", "PEOPLE"):
                if obj.ent_type_ == "PERSON" or (obj.pos_ == "PROPN" and obj.ent_type_ not in PLACE_ENTS):
                    return True
                if cls == "PEOPLE" and obj.pos_ == "NOUN" and (head in PERSON_NOUNS or lower in PERSON_NOUNS):
                    return True  # "released the fishermen", "seized two sailors": a noun for people
            elif cls == "PLACE":
                if obj.ent_type_ in PLACE_ENTS:
                    return True
            elif cls == "ORG":
                if obj.ent_type_ == "ORG":
                    return True
            else:
                want_type, _, want_mode = cls.partition(":")
                for lem in {head, lower}:
                    for s in lexicon.lookup(lem, "noun"):
                        if s.type == want_type and (not want_mode or s.mode == want_mode) and \
                                (not s.cues or set(s.cues) & _cue_scope(obj)) and \
                                _frame_fits(obj, s, lexicon):
                            return True
        elif " " in item:
            if phrase is None:
                phrase = phrase_lemmas(obj)
            if window is None:  # the 80 characters from the object on, within its sentence
                sent = obj.sent
                window = sentence_text(obj.doc)[obj.idx:min(obj.idx + 80, sent.end_char)].lower()
            if item in phrase or item in window:
                return True
        elif item == head or item == lower:
            return True
        elif head in GENERIC_HEADS and any(c.dep_ in ("compound", "amod") and (lemma(c) == item or c.lower_ == item)
                                           for c in obj.children):
            return True  # "halt mediation efforts", "suspend aid shipments"
    return False


def _frame_fits(noun: Token, sense: Sense, lexicon: Lexicon) -> bool:
    """A noun sense with objects holds of a noun whose frame has one of them ("a ban on Huawei equipment")."""
    return not sense.objects or any(object_matches(o, sense.objects, lexicon) for o in frame_objects(noun))


def _has_complement(tok: Token, sense: Sense) -> bool:
    preps = set(sense.prep) | set(sense.targets) | {"for", "to", "on", "of", "about", "from", "against"}
    for c in tok.children:
        if c.dep_ in _COMPLEMENT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS:
            return True
        if c.dep_ in ("prep", "agent") and c.lower_ in preps and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return True
    return False


def _has_purpose(verb: Token) -> bool:
    """An infinitive clause of purpose on the verb ("arrived in Bosnia to bolster the force"): what the act is
    for, which a bare arrival or deployment does not say."""
    return any(c.dep_ in ("advcl", "xcomp") and is_verbal(c) and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                     for a in c.children)
               for c in verb.children)


def _cue_scope(tok: Token) -> set[str]:
    """Words that can cue a sense: the trigger's dependents, for a verb its subject's and object's, and for a noun
    the verb that governs it as its object."""
    words: set[str] = set()
    for c in tok.subtree:
        words.add(lemma(c))
        words.add(c.lower_)
    if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and tok.head != tok:
        for c in tok.head.children:
            if c.dep_ in ("advmod", "npadvmod", "acomp"):
                words.add(lemma(c))
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and is_verbal(tok.head.head):
        words.add(lemma(tok.head.head))  # "commemorated the anniversary in a letter to Xi": the verb says what
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        words.add(tok.head.lower_)  # "despite an outcry", "amid protests": the preposition says how it stands
    if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and is_verbal(tok.head) and direct_object(tok.head) is None:
        words.add(lemma(tok.head))  # "a trial opened": an intransitive verb says what became of its subject
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass") and is_verbal(tok.head):
        words.add(lemma(tok.head))  # "launched an operation", "the operation was conducted": the verb says what
        if tok.dep_ == "dobj":
            words |= _light_frame(tok.head)  # "attackers who laid siege to a hotel": who and against what
    return words


def _light_frame(verb: Token) -> set[str]:
    """Lemmas of the subject of the verb governing a noun event (the noun a relative clause hangs on) and of the
    objects of its prepositions: they say whose and against what the noun's act is."""
    out = {lemma(c) for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"}
    out |= {lemma(g) for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
    if verb.dep_ == "relcl" and verb.head != verb:
        out.add(lemma(verb.head))
    return out


def sense_fits(tok: Token, sense: Sense, lexicon: Lexicon) -> bool:
    """Whether the token, in its parse, satisfies every condition of ``sense``."""
    if sense.prep:
        # "called Xi on Tuesday" is no "call on": a preposition of a date is no particle
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod", "agent") and
                 not any(g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj")}
        # "pushing for the US to support": the preposition may head the clause as a marker
        preps |= {m.lower_ for c in tok.children if c.dep_ in ("ccomp", "advcl", "xcomp")
                  for m in c.children if m.dep_ == "mark"}
        if not preps & set(sense.prep):
            return False
    if sense.need_clause and not any(c.dep_ in ("ccomp", "parataxis") for c in tok.children) and \
            tok.dep_ != "parataxis":
        return False
    obj = direct_object(tok) if sense.pos == "verb" else None
    if sense.objects:
        candidates = [obj] if obj is not None else []
        if sense.pos == "verb":
            # "lay down arms" parses arms as pobj sometimes; "cut off aid" as prt + dobj.
            for c in tok.children:
                if c.dep_ in ("prep", "prt") and c.lower_ in sense.prep:
                    candidates.extend(g for g in c.children if g.dep_ == "pobj")
            candidates.extend(_left_objects(tok, sense.prep))  # "pulled out of the deal", "which it pulled out of"
            candidates.extend(c for c in tok.children if c.dep_ in ("attr", "oprd"))
            # "a series of exchanges", "two of its nationals": the counted noun is the object
            for c in list(candidates):
                if lemma(c) in QUANTITY_NOUNS or c.pos_ == "NUM" or c.tag_ == "$":
                    candidates.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                                      for g in p.children if g.dep_ == "pobj")
        else:
            candidates = frame_objects(tok)  # a noun's frame: "a freeze on the sale", "the pause in aid"
        if not any(object_matches(c, sense.objects, lexicon) for c in candidates):
            return False
    if sense.object_actor and obj is not None and obj.dep_ in OBJECT_DEPS and not looks_like_actor(obj):
        return False
    if sense.object_actor and any(c.dep_ in ("oprd",) or (c.dep_ == "xcomp" and not is_verbal(c))
                                  for c in tok.children):
        return False  # "calling them an occupying army" names, it does not phone
    if sense.need_object and not _has_complement(tok, sense):
        return False
    if sense.need_direct and direct_object(tok) is None:
        return False  # "searching for bodies" looks for them: no search of anyone's premises
    if sense.need_purpose and not _has_purpose(tok):
        return False  # "peacekeepers arrived in Sierra Leone" is their reception, not yet protection given
    if sense.cues and not set(sense.cues) & _cue_scope(tok):
        return False
    if sense.exclude_cues and set(sense.exclude_cues) & _cue_scope(tok):
        return False  # "a news conference" is no meeting
    if obj is not None and obj.tag_ in ("WDT", "WP") and _stranded(tok):
        obj = None  # "the deal which it pulled out of": the relative pronoun is the preposition's object
    if sense.no_object and obj is not None and obj.dep_ in OBJECT_DEPS:
        return False  # "to demonstrate the Quad's strength" shows, it does not protest
    if sense.foreign_party and not names_party(tok, sense):
        return False  # "banned the sale of dog meat": a rule at home, no measure against anyone
    if sense.object_classes or sense.exclude_classes:
        classes = {noun_class(a) for a in sense_arguments(tok, sense)} - {None}
        if sense.object_classes and not classes & set(sense.object_classes):
            return False  # "attacked the policy" is criticism only when the object is words or ideas
        if classes & set(sense.exclude_classes):
            return False  # "trade hit $1.1 billion", "retreated from leading roles": no material act
    if sense.pos == "verb" and sense.type in _FORCE_TYPES and _figurative_doer(tok):
        return False  # "the ban will hit it hard", "hard hit by sanctions": words do no violence
    return True


_FORCE_TYPES = frozenset({"ASSAULT"})
_WORD_CLASSES = frozenset({"communication", "cognition"})


def _doers(verb: Token) -> list[Token]:
    """Who or what does the verb's act: its active subject, its passive agent, or — for a participle with no
    subject of its own — the noun it hangs on ("orders targeting crime"). A clause on a noun with its own subject
    is that subject's act: in "a statement warning it would smash …" the statement smashes nothing."""
    out = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    out += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ == "acl" and verb.head != verb and not out:
        out.append(verb.head)
    return out


def _figurative_doer(verb: Token) -> bool:
    """Whether a force verb's doer is a word or an idea (a ban, a message, sanctions, a policy): such a doer
    hits or strikes only figuratively, whatever its object."""
    return any(noun_class(d) in _WORD_CLASSES for d in _doers(verb))


_PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_SITE_PREPS = frozenset({"in", "at", "within", "across", "inside", "throughout", "during", "around", "near"})


def names_party(tok: Token, sense: Sense) -> bool:
    """Whether a measure on trade names whom it hits: a country, a company or a person in its object ("Japanese
    seafood", "imports from Iran", "the sale of chips to China") or in the verb's recipient phrases ("halted
    shipments to Russia"). A place the measure holds in ("in Solo") is no party: "banned the sale of dog meat"
    and "banned exports of wheat" are rules at home, not sanctions on another country."""
    obj = direct_object(tok)
    roots = ([obj] if obj is not None else []) + [o for _p, o in prep_objects(tok, tuple(sense.targets) + ("from",))]
    for root in roots:
        for t in root.subtree:
            if t.ent_type_ not in _PARTY_ENTS and not looks_like_actor(t):
                continue
            path = [a for a in t.ancestors if root in a.ancestors]
            if not any(a.dep_ == "prep" and a.lower_ in _SITE_PREPS for a in path):
                return True
    return False


_NOUN_ARG_PREPS = ("from", "on", "against", "at", "of")


def sense_arguments(tok: Token, sense: Sense) -> list[Token]:
    """What a sense's argument class is read from: a verb's direct object (a passive's subject) and the
    objects of the sense's prepositions ("pulled out of the deal"), or, in a relative clause whose preposition
    is stranded, the noun the clause hangs on ("the JCPOA, which the administration pulled out of"); a noun's
    prepositional objects ("the retreat of the US from global leadership")."""
    out: list[Token] = []
    if sense.pos == "verb":
        obj = direct_object(tok)
        if obj is not None and obj.tag_ not in ("WDT", "WP"):
            out.append(obj)
        preps: set[str] = set(sense.prep) | {"from"} if sense.prep else set()
    else:
        preps = set(_NOUN_ARG_PREPS) | set(sense.prep)
    for c in tok.children:
        if c.dep_ in ("prep", "prt", "agent") and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    if sense.prep:
        out.extend(_left_objects(tok, sense.prep))
    return [_counted(a) for a in out]


def _counted(arg: Token) -> Token:
    """"hit hundreds of targets", "a series of strikes": the counted noun is the argument."""
    if lemma(arg) in QUANTITY_NOUNS or arg.lower_ in QUANTITY_NOUNS or arg.pos_ == "NUM" or \
            noun_class(arg) == "quantity":
        return next((g for _p, g in prep_objects(arg, ("of",))), arg)
    return arg


FRAME_PREPS = ("on", "of", "in", "to", "for", "from")


def frame_objects(noun: Token) -> list[Token]:
    """What a noun event acts on, in its prepositional frame: "a freeze on the sale of the F-35", "the pause in
    aid to Ukraine" (and their conjuncts: "a freeze on sales and deliveries")."""
    out = [o for _p, o in prep_objects(noun, FRAME_PREPS)]
    return [_counted(o) for o in out] + [c for o in out for c in o.conjuncts]


def _stranded(tok: Token) -> bool:
    """A relative clause whose preposition has no object of its own ("which the administration pulled out of")."""
    return tok.dep_ == "relcl" and tok.head != tok and any(
        c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp", "prep") for g in c.children) or
        (c.lower_ == "out" and any(g.lower_ == "of" and not list(g.children) for g in c.children))
        for c in tok.children)


def _left_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """What a verb of leaving leaves through "out of" ("pulled out of the deal"), or, its preposition stranded
    in a relative clause, the noun the clause hangs on ("the JCPOA, which the administration pulled out of")."""
    if "out" not in preps:
        return []
    out = [g for c in tok.children if c.lower_ == "out" for p in c.children if p.lower_ == "of"
           for g in p.children if g.dep_ == "pobj"]
    if not out and _stranded(tok):
        out.append(tok.head)
    return out


_ADJUNCT_PREPS = frozenset({"in", "with", "through", "via"})


def _noun_anchor(tok: Token, lexicon: Lexicon, verb_triggers: set[int]) -> tuple[Token | None, bool]:
    """(anchor, nominal) for a noun trigger; anchor None when another trigger verb owns the noun."""
    head = tok.head
    dep = tok.dep_
    # "conducted a series of exchanges": look through the counting noun
    if dep == "pobj" and head.lower_ == "of" and lemma(head.head) in QUANTITY_NOUNS and head.head != head:
        tok = head.head
        head = tok.head
        dep = tok.dep_
    if dep in ("dobj", "obj", "nsubjpass", "attr") and head != tok and is_verbal(head):
        if head.i in verb_triggers:
            return None, False
        if lexicon.is_light(lemma(head), head.lower_):
            return head, False
    if dep == "pobj" and head.dep_ == "prep" and head.lower_ in _LIGHT_PREPS:
        verb = head.head
        if verb != head and is_verbal(verb) and lemma(verb) in _PREP_LIGHT_VERBS:
            if verb.i in verb_triggers:
                return None, False
            return verb, False
    # "negotiators return to Geneva for talks", "flew to Beijing for a summit"
    if dep == "pobj" and head.lower_ == "for" and is_verbal(head.head) and lemma(head.head) in lexicon.motion_verbs:
        if head.head.i in verb_triggers:
            return None, False
        return head.head, False
    if dep == "conj":
        first = tok.head
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        if first.dep_ in ("dobj", "obj", "nsubjpass") and is_verbal(first.head):
            if first.head.i in verb_triggers:
                return None, False
            if lexicon.is_light(lemma(first.head), first.head.lower_):
                return first.head, False
    return tok, True


def find_triggers(sent: Span, lexicon: Lexicon) -> list[Trigger]:
    """Every trigger mention in ``sent``, in token order; phrase triggers win over their words."""
    phrases = [Trigger(token=span.root, sense=sense, anchor=span.root, phrase=span)
               for span, sense in phrase_matches(sent, lexicon, lambda o, items: object_matches(o, items, lexicon))]
    in_phrase = {t.i for m in phrases if m.phrase is not None for t in m.phrase}
    verbs: dict[int, Trigger] = {}
    adjs: list[Trigger] = []
    nouns: list[tuple[Token, Sense]] = []
    sensed = sensed_lemmas(lexicon)
    for tok in tokens(sent):
        if tok.i in in_phrase or tok.is_punct or not _may_trigger(tok, lexicon, sensed):
            continue
        classes = pos_classes(tok)
        if tok.dep_ == "amod" and "verb" in classes and not done_to_person(tok, lexicon):
            classes.remove("verb")  # "the occupied West Bank", "its long-threatened invasion"
        if tok.ent_type_ in ("DATE", "TIME") and "noun" in classes:
            classes.remove("noun")  # "in March"
        if tok.tag_ in ("NNP", "NNPS") and tok.ent_type_ in _NAME_ENTS and "noun" in classes:
            classes.remove("noun")  # "the U.S. Mission to the United Nations", "Peace Corps": a name, not an act
        if not classes:
            continue
        lemmas = _lemmas(tok, lexicon)
        for pos in classes:
            found: Sense | None = None
            for lem in lemmas:
                for sense in lexicon.lookup(lem, pos):
                    if not sense.fallback and sense_fits(tok, sense, lexicon):
                        found = sense
                        break
                if found:
                    break
            if found is None and pos == "verb":
                found = _default_sense(tok, lemmas, lexicon)
            if found is None:
                continue
            if pos == "verb":
                verbs[tok.i] = Trigger(token=tok, sense=found, anchor=tok)
            elif pos == "adj":
                adjs.append(Trigger(token=tok, sense=found, anchor=tok))
            else:
                if tok.dep_ == "compound":
                    break
                nouns.append((tok, found))
            break
    tallies = {tok.i for tok, sense in nouns if sense.type in _TALLIED_TYPES and is_tally(tok)}
    # "have arrested 2,400 people since February 1": victims counted over a period
    verbs = {i: v for i, v in verbs.items() if not (v.sense.type in _TALLIED_TYPES and counts_since(v.token))}
    # "several attacks targeting security forces": a participle on a tally describes the acts it counts
    verbs = {i: v for i, v in verbs.items() if not (v.token.dep_ in ("acl", "relcl") and v.token.head.i in tallies)}
    out: list[Trigger] = list(verbs.values()) + adjs + phrases
    verb_ids = set(verbs) | {m.token.i for m in phrases}
    for tok, sense in nouns:
        if tok.i in tallies:
            continue  # "launched 504 attacks in 2024": a count over a period, not one event
        if sense.type == "ASSAULT" and compound_class(tok) == "state":
            continue  # "died from a heart attack": an illness, not an assault
        anchor, nominal = _noun_anchor(tok, lexicon, verb_ids)
        if anchor is None:
            owner = tok.head if tok.dep_ != "conj" else next(a for a in tok.ancestors if a.i in verb_ids)
            out.append(Trigger(token=tok, sense=sense, anchor=tok, nominal=True, owner=owner))
            continue
        if nominal and not sense.standalone:
            # "in a letter to Xi", "in a phone call with Biden": an adjunct naming its recipient is an event
            if _adjunct_with_target(tok, sense):
                out.append(Trigger(token=tok, sense=sense, anchor=tok, nominal=True, adjunct=True))
            else:
                out.append(Trigger(token=tok, sense=sense, anchor=tok, nominal=True,
                                   sides_named=_names_both_sides(tok) or _owner_and_recipient(tok, sense)))
            continue
        out.append(Trigger(token=tok, sense=sense, anchor=anchor, nominal=nominal))
    out.sort(key=lambda m: m.token.i)
    return out


_TALLIED_TYPES = frozenset({"ASSAULT", "COERCE"})  # the guide's counts of violence and arrests


def is_tally(noun: Token) -> bool:
    """Whether a plural event noun counts acts over a period ("launched 504 attacks in 2024", "claimed several
    deadly attacks"), which the labelling guide leaves uncoded, rather than reporting one act: counted by a
    number or a counting word, in a sentence that names no day ("20 airstrikes on Gaza on Monday" is one raid)."""
    if noun.tag_ != "NNS":
        return False
    counted = any((c.dep_ == "nummod" and c.like_num and c.ent_type_ not in ("DATE", "TIME")) or
                  (c.dep_ == "amod" and c.lower_ in COUNT_WORDS) for c in noun.children)
    counted = counted or (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in COUNT_WORDS)
    if not counted:
        return False
    return not any(t.lower_ in DAY_WORDS for t in noun.sent)


def counts_since(verb: Token) -> bool:
    """Whether a verb of violence or arrest tallies its victims over a period ("have arrested at least 2,400
    people since February 1", "killed hundreds since 2009"), which the labelling guide leaves uncoded: its
    object (a passive's subject) is counted by a number and its clause runs "since" a time."""
    if not any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children):
        return False
    obj = direct_object(verb)
    if obj is None:
        return False
    return obj.pos_ == "NUM" or lemma(obj) in QUANTITY_NOUNS or any(c.dep_ == "nummod" for c in obj.children)


def _default_sense(tok: Token, lemmas: list[str], lexicon: Lexicon) -> Sense | None:
    """The verb's ``fallback`` sense, when none of its listed objects matched: an object list is a preference,
    not a gate ("sealed the frontier" where "border" is listed). It needs a direct object here, and the coder
    asks it for a recipient. A participle on a noun has that noun for its object ("books banned by the Taliban")."""
    if direct_object(tok) is None and not (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return None
    if any(sense.foreign_party and sense_fits(tok, replace(sense, foreign_party=False), lexicon)
           for lem in lemmas for sense in lexicon.lookup(lem, "verb")):
        return None  # a measure on trade that hits nobody ("banned the sale of dog meat") is no other act either
    for lem in lemmas:
        for sense in lexicon.lookup(lem, "verb"):
            if sense.fallback and sense_fits(tok, sense, lexicon):
                return sense
    return None


_SIDE_ENTS = frozenset({"GPE", "NORP", "PERSON", "ORG"})
_NAME_DEPS = frozenset({"compound", "nmod", "amod"})


def _names_both_sides(tok: Token) -> bool:
    """Whether a noun event's own phrase names both its sides, so it reports the act with no verb of its own: a
    "between" phrase ("the deal between Mauritius and Britain") or two names it governs ("the U.S.-China trade
    deal", "a Japanese-South Korean arrangement"). A possessor is no second side, nor a name inside another
    ("China" in "China-US exchanges" hangs on "US": counting it coded talk about relations as acts)."""
    if any(c.dep_ == "prep" and c.lower_ == "between" and any(g.dep_ == "pobj" for g in c.children)
           for c in tok.children):
        return True
    names = 0
    for left in tok.lefts:  # the names the noun itself governs ("South" hangs on "Korea", not on the noun)
        if left.dep_ in _NAME_DEPS and left.ent_type_ in _SIDE_ENTS:
            names += max(1, sum(1 for p in left.text.split("-") if p[:1].isupper()))  # "U.S.-China" names two
    return names >= 2


def _owner_and_recipient(tok: Token, sense: Sense) -> bool:
    """Whether a noun event names its actor (a possessor or a national name on it) and, in its frame, its
    recipient: "Germany's aid to Ukraine", "U.S. military aid to Kyiv", "India's naval cooperation with
    Mauritius". One side alone ("Egypt's arrangement", "the aid") is still no event."""
    actor = any((c.dep_ == "poss" and (c.ent_type_ in _SIDE_ENTS or looks_like_actor(c)) and c.pos_ != "PRON") or
                (c.dep_ in _NAME_DEPS and c.ent_type_ in ("GPE", "NORP", "ORG")) for c in tok.lefts)
    if not actor:
        return False
    return any(o.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or (looks_like_actor(o) and o.pos_ != "PRON")
               for p, o in prep_objects(tok, tuple(sense.targets)) if p != "between")


def _adjunct_with_target(tok: Token, sense: Sense) -> bool:
    head = tok.head
    if tok.dep_ != "pobj" or head.lower_ not in _ADJUNCT_PREPS or not is_verbal(head.head):
        return False
    return any(c.dep_ == "prep" and c.lower_ in sense.targets and any(g.dep_ == "pobj" for g in c.children)
               for c in tok.children)


def object_nouns(verb: Token) -> list[Token]:
    """Objects of ``verb`` a governed noun event can be (direct object, passive subject, their conjuncts)."""
    out = children(verb, "dobj", "obj", "nsubjpass", "attr")
    for o in list(out):
        out.extend(o.conjuncts)
    return out
