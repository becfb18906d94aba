"""The channel of an exchange: diplomatic, military, economic, technology, climate, party, law-enforcement,
people-to-people, humanitarian or other.

Evidence is read in order of how directly it describes the act, and the first scope with any evidence wins:

1. cue words on the trigger itself and its modifiers ("Defense Policy Coordination Talks", "trade talks");
2. the actors: cue words in how they are described ("Treasury Secretary Janet Yellen", "the International
   Department of the CPC", "a university table tennis team") or else their sector (MIL, PTY, EDU, ...). When
   the actors point to different channels the exchange is a general one: diplomatic;
3. cue words in the act's object and the rest of its clause ("sanctions on chip exports");
4. the trigger sense's own hint (arms aid is military, food aid humanitarian);
5. the event type (ASSAULT and MOBILIZE are military, COERCE law enforcement);
6. cue words anywhere in the sentence ("signed the declaration ... about AI concerns");
7. diplomatic when a government or intergovernmental actor takes part, else other.

Cue words and the sector table are data (``data/channels.yaml``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from detente.coding.lexicon import load_data
from detente.records import CHANNELS, Actor


@dataclass(frozen=True, slots=True)
class ChannelRules:
    words: dict[str, frozenset[str]]  # channel -> single-word cues
    phrases: dict[str, tuple[str, ...]]  # channel -> several-word cues
    sectors: dict[str, str]
    types: dict[str, str]

    def cues_in(self, words: Iterable[str], text: str) -> Counter[str]:
        """Channel -> number of cue hits among ``words`` (lowercase forms and lemmas) and ``text``."""
        bag = set(words)
        low = f" {text.lower()} "
        hits: Counter[str] = Counter()
        for channel, cues in self.words.items():
            n = len(bag & cues)
            if n:
                hits[channel] += n
        for channel, phrases in self.phrases.items():
            for p in phrases:
                if f" {p}" in low or f"-{p}" in low:
                    hits[channel] += 1
        return hits


@lru_cache(maxsize=1)
def load_channel_rules() -> ChannelRules:
    data = load_data("channels.yaml")
    words: dict[str, frozenset[str]] = {}
    phrases: dict[str, tuple[str, ...]] = {}
    for channel, cues in data["cues"].items():
        if channel not in CHANNELS:
            raise ValueError(f"channels.yaml: unknown channel {channel}")
        cues = [str(c).lower() for c in cues]
        words[channel] = frozenset(c for c in cues if " " not in c)
        phrases[channel] = tuple(c for c in cues if " " in c)
    return ChannelRules(words=words, phrases=phrases, sectors=dict(data["sectors"]), types=dict(data["types"]))


# On a tie the narrower field wins: "export controls on chips" is technology before economic.
_SPECIFIC_FIRST = ("technology", "climate", "military", "law-enforcement", "humanitarian", "party",
                   "people-to-people", "economic", "diplomatic", "other")


def _best(hits: Counter[str]) -> str | None:
    if not hits:
        return None
    top = max(hits.values())
    return min((c for c, n in hits.items() if n == top), key=_SPECIFIC_FIRST.index)


def _words(text: str) -> list[str]:
    out = []
    for w in text.lower().replace("’", "'").split():
        w = w.strip(".,;:!?\"'()[]“”")
        if w.endswith("'s"):
            w = w[:-2]
        if w:
            out.append(w)
            if w.endswith("s") and len(w) > 3:
                out.append(w[:-1])
    return out


@dataclass(frozen=True, slots=True)
class ChannelEvidence:
    """What the coder knows about an event when it picks the channel."""

    trigger_words: Sequence[str]  # lemmas and forms of the trigger and its modifiers
    trigger_text: str
    actors: Sequence[tuple[Actor, str]]  # (actor, every text describing it) for the event's sources
    other_actors: Sequence[tuple[Actor, str]]  # recipients
    object_words: Sequence[str]
    object_text: str
    sense_hint: str | None
    type: str
    sentence_words: Sequence[str] = ()
    sentence_text: str = ""


def _actor_channel(rules: ChannelRules, actor: Actor, texts: str) -> str | None:
    hits = rules.cues_in(_words(texts), texts)
    if hits:
        return _best(hits)
    if actor.sector and actor.sector in rules.sectors:
        return rules.sectors[actor.sector]
    return None


def choose_channel(ev: ChannelEvidence, rules: ChannelRules | None = None) -> str:
    rules = rules or load_channel_rules()
    hit = _best(rules.cues_in(ev.trigger_words, ev.trigger_text))
    if hit:
        return hit
    for group in (ev.actors, ev.other_actors):
        chans = {c for c in (_actor_channel(rules, a, t) for a, t in group) if c}
        if len(chans) == 1:
            only = chans.pop()
            if only != "diplomatic" or group is ev.actors:
                return only
        elif len(chans) > 1:
            return "diplomatic"
    hit = _best(rules.cues_in(ev.object_words, ev.object_text))
    if hit:
        return hit
    if ev.sense_hint:
        return ev.sense_hint
    if ev.type in rules.types:
        return rules.types[ev.type]
    hit = _best(rules.cues_in(ev.sentence_words, ev.sentence_text))
    if hit and hit != "diplomatic":
        return hit
    sectors = {a.sector for a, _ in list(ev.actors) + list(ev.other_actors)}
    countries = {a.country for a, _ in list(ev.actors) + list(ev.other_actors)}
    if sectors & {"GOV", "IGO", "LEG", None} and countries - {None}:
        return "diplomatic"
    return "other"
