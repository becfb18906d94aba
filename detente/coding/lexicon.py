"""The trigger lexicon: which words report which event, read from ``data/triggers.yaml``.

A *sense* ties lemmas of one part of speech to a PLOVER type and mode and a CAMEO code, with the conditions
under which the word means that (an object it must take, a particle, a cue word nearby). Several senses may
share a lemma ("lift sanctions" is RETREAT, "lift a ban" CONCEDE); the most constrained sense that fits is
tried first. Keeping the vocabulary in data lets analysts extend it without touching code.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from detente import datafiles
from detente.coding.nounclass import NOUN_CLASSES
from detente.ontology import CHANNELS, PLOVER_TYPES, ROLES, is_mode_of

__all__ = ["PLOVER_TYPES", "ROLES", "Lexicon", "Phrase", "Sense", "build_lexicon", "inflections", "load_data",
           "load_lexicon"]

DEFAULT_TARGETS = ("with", "to", "against", "on", "toward", "towards")
Pos = Literal["verb", "noun", "adj"]


@dataclass(frozen=True, slots=True)
class Sense:
    """One meaning of one or more trigger lemmas. Field meanings are documented in ``triggers.yaml``."""

    lemmas: tuple[str, ...]
    pos: Pos
    type: str
    cameo: str
    mode: str | None = None
    objects: tuple[str, ...] = ()
    object_actor: bool = False
    need_object: bool = False
    prep: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    role: str | None = None
    commitment: bool = False
    fallback: bool = False  # the verb's default meaning, tried only when no other sense fits (see triggers.yaml)
    object_classes: tuple[str, ...] = ()  # the argument's class must be one of these (nounclass.py)
    exclude_classes: tuple[str, ...] = ()  # the sense does not hold when the argument is of one of these
    foreign_party: bool = False  # the measure must name whom it hits: an actor or a country's goods or people
    targets: tuple[str, ...] = DEFAULT_TARGETS
    place_target: bool = False
    swap: bool = False
    reciprocal: bool = False
    topic_object: bool = False
    need_clause: bool = False
    exclude_cues: tuple[str, ...] = ()
    no_object: bool = False
    need_direct: bool = False  # (verbs) a direct object or a passive subject: "searched the house", not "searched for"
    need_purpose: bool = False  # (verbs) an infinitive of purpose on the verb: "arrived to bolster the force"
    priority: int = 0
    standalone: bool = True
    alone: bool = True
    weight: float = 0.9
    channel: str | None = None
    order: int = 0  # position in the file, to keep its order among equally constrained senses

    @property
    def specificity(self) -> int:
        """Constrained senses are tried before general ones: an object list beats a cue beats a particle."""
        return 8 * self.priority + 4 * bool(self.objects or self.object_classes) + 2 * bool(self.cues) + \
            bool(self.prep) + bool(self.need_clause)

    @property
    def label(self) -> str:
        return f"{self.type}:{self.mode}" if self.mode else self.type


@dataclass(frozen=True, slots=True)
class Phrase:
    """A several-word trigger: ``words`` in order, each matching a token's lowercase form or lemma."""

    words: tuple[str, ...]
    sense: Sense


@dataclass(slots=True)
class Lexicon:
    senses: dict[tuple[str, Pos], list[Sense]]
    phrases: list[Phrase]
    light_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    form_lemmas: dict[str, frozenset[str]] = field(default_factory=dict)
    light_forms: frozenset[str] = frozenset()
    irregular: dict[str, tuple[str, ...]] = field(default_factory=dict)
    governor_forms: frozenset[str] = frozenset()  # forms of triggers that govern a complement
    motion_verbs: frozenset[str] = frozenset()  # "returned to Geneva for talks": the verb of a noun event
    person_acts: frozenset[str] = frozenset()  # "imprisoned publisher Jimmy Lai": the participle is the act
    _phrase_index: dict[str, tuple[Phrase, ...]] | None = None

    def is_light(self, lemma: str, form: str) -> bool:
        """A light verb ("held talks", "staged rallies"), by lemma or, when the lemmatizer slips, by form."""
        return lemma in self.light_verbs or form in self.light_forms

    def phrase_index(self) -> dict[str, tuple[Phrase, ...]]:
        """Phrases by their first word (a form or a lemma), so matching looks only where one can start."""
        if self._phrase_index is None:
            index: dict[str, list[Phrase]] = defaultdict(list)
            for p in self.phrases:
                index[p.words[0]].append(p)
            self._phrase_index = {k: tuple(v) for k, v in index.items()}
        return self._phrase_index

    def lookup(self, lemma: str, pos: Pos) -> list[Sense]:
        """Senses for ``lemma`` as ``pos``, most constrained first."""
        return self.senses.get((lemma, pos), [])

    def lemmas_of(self, form: str) -> frozenset[str]:
        """Lexicon lemmas a lowercase surface form may inflect (a fallback when the model's lemma is off)."""
        return self.form_lemmas.get(form, frozenset())

    def noun_labels(self, lemma: str) -> set[str]:
        """``TYPE`` and ``TYPE:mode`` labels of the noun senses of ``lemma`` (for ``@TYPE`` object classes)."""
        out: set[str] = set()
        for sense in self.lookup(lemma, "noun"):
            out.add(sense.type)
            out.add(sense.label)
        return out

    def surface_forms(self) -> frozenset[str]:
        """Every lowercase single-token form of every trigger (a superset of what the prefilter needs)."""
        forms = set(self.form_lemmas)
        for phrase in self.phrases:
            forms.update(inflections(phrase.words[0], "verb") | inflections(phrase.words[0], "noun"))
        return frozenset(forms)

    def _class_forms(self, cls: str) -> set[str]:
        """Forms of the noun triggers of an object class ``TYPE`` or ``TYPE:mode``."""
        want_type, _, want_mode = cls.partition(":")
        out: set[str] = set()
        for (lemma, pos), senses in self.senses.items():
            if pos == "noun" and any(x.type == want_type and (not want_mode or x.mode == want_mode)
                                     for x in senses):
                out |= inflections(lemma, "noun")
        return out

    def prefilter_rules(self) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
        """What a sentence must contain to be worth parsing: (forms that suffice alone, form -> words one of
        which must also occur).

        A sense that needs a particular object ("lift" + sanctions), cue ("strike" + hunger) or, for a noun
        that is no event alone, a light verb ("held" + talks) only counts with that word present; senses that
        only govern another trigger ("plan to", "ready to") never count alone, their complement does.
        """
        alone: set[str] = set()
        paired: dict[str, set[str]] = defaultdict(set)
        # auxiliaries and the vaguest light verbs are in nearly every sentence: they pair with nothing
        light = set(self.light_forms) - {"have", "has", "had", "having", "do", "does", "did", "done", "doing",
                                         "make", "makes", "made", "making", "keep", "keeps", "kept", "take",
                                         "takes", "took", "taken", "taking", "continue", "continues",
                                         "continued", "increase", "increased", "increases", "lead", "led",
                                         "leads", "start", "started"}
        for v in self.motion_verbs:
            light |= word_forms(v, "verb", self.irregular)
        for (lemma, pos), senses in self.senses.items():
            forms = word_forms(lemma, pos, self.irregular)
            for sense in senses:
                if not sense.alone:
                    continue
                needs: set[str] = set()
                open_class = False  # an object class of names cannot be listed
                for item in sense.objects + sense.cues:
                    if item in ("@PERSON", "@PEOPLE", "@PLACE", "@ORG"):
                        open_class = True
                    elif item.startswith("@"):
                        needs |= self._class_forms(item[1:])
                    else:
                        words = item.lower().split()
                        needs |= inflections(words[-1], "noun") | {words[0]}
                        if item in sense.cues:  # a cue may be the governing verb ("launched an operation")
                            needs |= inflections(words[-1], "verb") | set(self.irregular.get(words[-1], ()))
                if open_class:
                    needs = set(sense.prep)  # "hand over" + any name: the particle at least
                elif not needs and pos == "noun" and not sense.standalone:
                    needs = light | set(self.governor_forms) | {"between"}  # "the deal between X and Y"
                    if sense.type == "CONSULT":
                        needs |= set(sense.targets)  # "commemorated it in a letter to Xi"
                elif not needs and sense.prep:
                    needs = set(sense.prep)  # "walk out", "call on", "work with"
                if needs:
                    for f in forms:
                        paired[f] |= needs
                else:
                    alone.update(forms)
        for phrase in self.phrases:
            if phrase.sense.alone:
                first = phrase.words[0]
                for f in inflections(first, "verb") | inflections(first, "noun") | set(self.irregular.get(first, ())):
                    paired[f] |= {phrase.words[-1]} | inflections(phrase.words[-1], "noun")
        return frozenset(alone), {k: frozenset(v) for k, v in paired.items() if k not in alone}

    def all_senses(self) -> Iterable[Sense]:
        seen: set[int] = set()
        for senses in self.senses.values():
            for sense in senses:
                if id(sense) not in seen:
                    seen.add(id(sense))
                    yield sense
        for phrase in self.phrases:
            yield phrase.sense


_VOWELS = set("aeiou")


def word_forms(lemma: str, pos: Pos, irregular: Mapping[str, Sequence[str]]) -> set[str]:
    """Every form of ``lemma``: its regular inflections and, for a verb, its irregular forms from the lexicon's
    ``irregular`` table ("say" -> said)."""
    return inflections(lemma, pos) | (set(irregular.get(lemma, ())) if pos == "verb" else set())


def inflections(lemma: str, pos: Pos) -> set[str]:
    """Regular English inflections of ``lemma``, generated generously (a spare form costs nothing)."""
    w = lemma.lower()
    out = {w}
    if pos == "adj":
        return out
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        out.add(w[:-1] + "ies")
    elif re.search(r"(s|x|z|ch|sh)$", w):
        out.add(w + "es")
    else:
        out.add(w + "s")
    if pos == "noun":
        return out
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        out.add(w[:-1] + "ied")
    elif w.endswith("e"):
        out.add(w + "d")
    else:
        out.add(w + "ed")
    out.add(w + "ing" if w.endswith(("ee", "ye", "oe")) or not w.endswith("e") else w[:-1] + "ing")
    if w.endswith("ie"):
        out.add(w[:-2] + "ying")
    # consonant doubling (stop -> stopped, ban -> banned); also harmless where English does not double
    if len(w) > 2 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS and w[-3] not in _VOWELS:
        out.add(w + w[-1] + "ed")
        out.add(w + w[-1] + "ing")
    return out


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if any(isinstance(v, bool) for v in value):
        raise ValueError(f"{value!r}: quote words YAML reads as booleans (\"on\", \"off\", \"no\")")
    return tuple(str(v) for v in value)


def _sense(entry: Mapping[str, Any], order: int, *, lemmas: tuple[str, ...] | None = None,
           pos: Pos | None = None) -> Sense:
    known = (set(Sense.__dataclass_fields__) - {"lemmas", "order"}) | {"lemma", "text"}
    unknown = set(entry) - known
    if unknown:
        raise ValueError(f"trigger entry {entry!r}: unknown fields {sorted(unknown)}")
    type_ = str(entry["type"])
    if type_ not in PLOVER_TYPES:
        raise ValueError(f"trigger entry {entry!r}: {type_} is not a PLOVER type")
    role = entry.get("role")
    if role is not None and role not in ROLES:
        raise ValueError(f"trigger entry {entry!r}: unknown role {role}")
    mode = entry.get("mode")
    if mode is not None and not is_mode_of(type_, mode):
        raise ValueError(f"trigger entry {entry!r}: {mode} is not a mode of {type_}")
    channel = entry.get("channel")
    if channel is not None and channel not in CHANNELS:
        raise ValueError(f"trigger entry {entry!r}: unknown channel {channel}")
    classes = _tuple(entry.get("object_classes")) + _tuple(entry.get("exclude_classes"))
    if set(classes) - NOUN_CLASSES:
        raise ValueError(f"trigger entry {entry!r}: unknown noun classes {sorted(set(classes) - NOUN_CLASSES)}")
    return Sense(
        lemmas=lemmas if lemmas is not None else _tuple(entry["lemma"]),
        pos=pos or entry["pos"],
        type=type_,
        cameo=str(entry["cameo"]),
        mode=mode,
        objects=_tuple(entry.get("objects")),
        object_actor=bool(entry.get("object_actor", False)),
        need_object=bool(entry.get("need_object", False)),
        prep=_tuple(entry.get("prep")),
        cues=_tuple(entry.get("cues")),
        role=role,
        commitment=bool(entry.get("commitment", False)),
        fallback=bool(entry.get("fallback", False)),
        object_classes=_tuple(entry.get("object_classes")),
        exclude_classes=_tuple(entry.get("exclude_classes")),
        foreign_party=bool(entry.get("foreign_party", False)),
        targets=_tuple(entry["targets"]) if "targets" in entry else DEFAULT_TARGETS,
        place_target=bool(entry.get("place_target", False)),
        swap=bool(entry.get("swap", False)),
        reciprocal=bool(entry.get("reciprocal", False)),
        topic_object=bool(entry.get("topic_object", False)),
        need_clause=bool(entry.get("need_clause", False)),
        exclude_cues=_tuple(entry.get("exclude_cues")),
        no_object=bool(entry.get("no_object", False)),
        need_direct=bool(entry.get("need_direct", False)),
        need_purpose=bool(entry.get("need_purpose", False)),
        priority=int(entry.get("priority", 0)),
        standalone=bool(entry.get("standalone", True)),
        alone=bool(entry.get("alone", True)),
        weight=float(entry.get("weight", 0.9)),
        channel=channel,
        order=order,
    )


def build_lexicon(data: Mapping[str, Any]) -> Lexicon:
    """A lexicon from the parsed YAML mapping (also used by tests with small inline lexicons)."""
    senses: dict[tuple[str, Pos], list[Sense]] = defaultdict(list)
    forms: dict[str, set[str]] = defaultdict(set)
    irregular = {str(k): [str(f) for f in v] for k, v in (data.get("irregular") or {}).items()}
    for order, entry in enumerate(data.get("senses", [])):
        sense = _sense(entry, order)
        for lemma in sense.lemmas:
            senses[(lemma, sense.pos)].append(sense)
            for form in word_forms(lemma, sense.pos, irregular):
                forms[form].add(lemma)
    for key in senses:
        senses[key].sort(key=lambda s: (-s.specificity, s.order))
    phrases: list[Phrase] = []
    for order, entry in enumerate(data.get("phrases", [])):
        words = tuple(str(entry["text"]).lower().split())
        phrases.append(Phrase(words, _sense(entry, order, lemmas=(" ".join(words),), pos="verb")))
    light = frozenset(str(v) for v in data.get("light_verbs", []))
    speech = frozenset(str(v) for v in data.get("speech_verbs", []))
    light_forms = {f for v in light for f in word_forms(v, "verb", irregular)}

    return Lexicon(
        senses=dict(senses),
        phrases=phrases,
        light_verbs=light,
        speech_verbs=speech,
        form_lemmas={k: frozenset(v) for k, v in forms.items() if v},
        light_forms=frozenset(light_forms),
        irregular={k: tuple(v) for k, v in irregular.items()},
        motion_verbs=frozenset(str(v) for v in data.get("motion_verbs", [])),
        person_acts=frozenset(str(v) for v in data.get("person_acts", [])),
        governor_forms=frozenset(
            f for (lem, pos), ss in senses.items() if any(x.role for x in ss)
            for f in word_forms(lem, pos, irregular)),
    )


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The bundled lexicon, or the one at ``path`` (same format) when given."""
    data = datafiles.load_file(path, as_type=".yaml") if path else load_data("triggers.yaml")
    return build_lexicon(data)


def load_data(name: str) -> Any:
    """A bundled data file of the coding package (``data/NAME``), read once through ``detente.datafiles``."""
    return datafiles.load("detente.coding", f"data/{name}")
