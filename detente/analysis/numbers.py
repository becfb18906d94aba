"""Notable numbers: a number with its unit and what it counts, read from stored sentences with patterns.

"the 45th anniversary" (an ordinal: anniversary), "the 17th China-US Defense Policy Coordination Talks", "$200
billion" (USD 2e11), "25 percent", "a 90-day pause" (a duration: 90 days, pause), "28 countries" (a count). Years,
days of a date, clock times, the digits of names (F-35, G20), "one" and "the two countries" (the dyad itself) are
not numbers of this kind.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from detente import datafiles
from detente.records import Document, Mention, Sentence

NumberKind = Literal["money", "percent", "ordinal", "duration", "count"]
KINDS: tuple[NumberKind, ...] = ("money", "percent", "ordinal", "duration", "count")


@dataclass(slots=True)
class NumberMention:
    """One number in one sentence: ``value`` (scaled: "$200 billion" is 2e11), ``unit`` (a currency code,
    "percent", a duration unit, "ordinal" or None for a count), what it ``counts``, and where it was said."""

    value: float
    unit: str | None
    kind: NumberKind
    counts: str | None
    text: str
    sentence: str
    sentence_index: int
    doc_id: str
    document_id: str | None
    outlet: str | None
    published: dt.date | None
    event_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "kind": self.kind, "counts": self.counts, "text": self.text,
                "sentence": self.sentence, "sentence_index": self.sentence_index, "doc_id": self.doc_id,
                "document_id": self.document_id, "outlet": self.outlet,
                "published": self.published.isoformat() if self.published else None, "event_id": self.event_id}


@dataclass(slots=True, frozen=True)
class _Tables:
    words: dict[str, float]
    scales: dict[str, float]
    marks: dict[str, str]
    currency_words: dict[str, str]
    durations: frozenset[str]
    months: frozenset[str]
    stop: frozenset[str]
    dull: frozenset[str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    raw: dict[str, Any] = datafiles.load("detente.analysis", "data/numbers.yaml")
    return _Tables({k: float(v) for k, v in raw["words"].items()}, {k: float(v) for k, v in raw["scales"].items()},
                   dict(raw["currency_marks"]), dict(raw["currency_words"]), frozenset(raw["durations"]),
                   frozenset(raw["months"]), frozenset(raw["stop"]), frozenset(raw["dull"]))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    t = _tables()
    marks = "|".join(sorted((re.escape(m) for m in t.marks), key=len, reverse=True))
    scales = "|".join(sorted(t.scales, key=len, reverse=True))
    cwords = "|".join(sorted(t.currency_words, key=len, reverse=True))
    words = "|".join(sorted(t.words, key=len, reverse=True))
    durations = "|".join(t.durations)
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    return {
        "money": re.compile(
            rf"(?:(?P<mark>{marks})\s?(?P<n1>{num})(?:\s?(?P<s1>{scales})\b)?"
            rf"|(?<![\w.])(?P<n2>{num})(?:\s?(?P<s2>{scales}))?\s+(?P<cw>{cwords})\b)", re.IGNORECASE),
        "percent": re.compile(rf"(?<![\w.])(?P<n>{num})\s?(?:%|percent\b|per cent\b|percentage points?\b)"),
        "ordinal": re.compile(r"(?<![\w.-])(?P<n>\d+)(?:st|nd|rd|th)\b"),
        "duration": re.compile(rf"(?<![\w.-])(?P<n>\d+|{words})-(?P<u>{durations})s?\b", re.IGNORECASE),
        "count": re.compile(rf"(?<![\w.$€£¥-])(?P<n>{num}|(?:{words})\b)(?:\s(?P<s>{scales})\b)?(?![\w%-]|\.\d)",
                            re.IGNORECASE),
    }


_TOKEN = re.compile(r"[\w’'](?:[\w’'-]|\.(?=\w))*|[^\w\s]")


def _counted(text: str, pos: int, *, after_ordinal: bool = False, of: bool = False) -> str | None:
    """What the number before ``pos`` counts: a capitalized name ("China-US Defense Policy Coordination Talks"),
    else up to three words until a stop word or punctuation, and for an ordinal an "of …" phrase after it. With
    ``of`` (money, shares) the phrase after "of" is what it measures ("$200 billion of Chinese goods")."""
    t = _tables()
    tokens = _TOKEN.findall(text[pos:pos + 160])
    if of:
        if not tokens or tokens[0].lower() not in ("of", "in", "on"):
            return None
        tokens = [tok for tok in tokens[1:] if tok.lower() not in ("the", "a", "an", "all")] if len(tokens) > 1 \
            else []
    out: list[str] = []
    if tokens and tokens[0][:1].isupper():
        for tok in tokens[:8]:
            if not (tok[:1].isupper() or tok.lower() in ("of", "and", "for")):
                break
            out.append(tok)
        while out and out[-1].lower() in ("of", "and", "for"):
            out.pop()
        if of:  # "$200 billion of Chinese goods": the name may be an adjective of the noun after it
            for tok in tokens[len(out):len(out) + 2]:
                if not tok[:1].islower() or tok.lower() in t.stop:
                    break
                out.append(tok)
                if _plural(tok):
                    break
        return " ".join(out) or None
    i = 0
    while i < len(tokens) and len(out) < 3:
        tok = tokens[i]
        if not (tok[:1].isalpha() and tok.lower() not in t.stop):
            break
        out.append(tok)
        i += 1
        if not after_ordinal and _plural(tok):
            break  # a plural noun ends what is counted: "four top officials", not "… officials visited"
    if not after_ordinal and out and not any(_plural(w) for w in out):
        out = out[:1]
    if after_ordinal and out and i + 1 < len(tokens) and tokens[i].lower() == "of":
        tail = []
        for tok in tokens[i + 1:i + 7]:
            if not tok[:1].isalpha() or tok.lower() in t.stop and tok.lower() not in ("the", "of"):
                break
            tail.append(tok)
        while tail and tail[-1].lower() in ("the", "of"):
            tail.pop()
        if tail:
            out += ["of", *tail]
    return " ".join(out) or None


def _plural(word: str) -> bool:
    low = word.lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _value(raw: str, scale: str | None = None) -> float:
    t = _tables()
    low = raw.lower()
    value = t.words[low] if low in t.words else float(raw.replace(",", ""))
    return value * (t.scales[scale.lower()] if scale else 1.0)


def _in_date(text: str, start: int, end: int) -> bool:
    """A day of a date or a year: "January 8", "8 January", "September 16 and 17", "in 2015"."""
    months = _tables().months
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 30):start])
    after = re.findall(r"[A-Za-z]+", text[end:end + 12])
    if before and before[-1].lower() in months or after and after[0].lower() in months:
        return True
    if before and len(before) >= 2 and before[-1].lower() in ("and", "to", "through") \
            and before[-2].lower() in months:
        return True
    raw = text[start:end]
    return raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


def numbers_in_sentence(sentence: str) -> list[tuple[float, str | None, NumberKind, str | None, str]]:
    """(value, unit, kind, counts, matched text) for each number of one sentence, in order."""
    t = _tables()
    p = _patterns()
    found: list[tuple[int, int, tuple[float, str | None, NumberKind, str | None, str]]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in p["money"].finditer(sentence):
        n, scale = m.group("n1") or m.group("n2"), m.group("s1") or m.group("s2")
        unit = t.marks[m.group("mark")] if m.group("mark") else t.currency_words[m.group("cw").lower()]
        found.append((m.start(), m.end(), (_value(n, scale), unit, "money", _counted(sentence, m.end(), of=True),
                                           m.group(0))))
        taken.append((m.start(), m.end()))
    for m in p["percent"].finditer(sentence):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), (_value(m.group("n")), "percent", "percent",
                                               _counted(sentence, m.end(), of=True), m.group(0))))
            taken.append((m.start(), m.end()))
    for m in p["ordinal"].finditer(sentence):
        if free(m.start(), m.end()):
            what = _counted(sentence, m.end() + 1, after_ordinal=True)
            found.append((m.start(), m.end(), (float(m.group("n")), "ordinal", "ordinal", what, m.group(0))))
            taken.append((m.start(), m.end()))
    for m in p["duration"].finditer(sentence):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), (_value(m.group("n")), m.group("u").lower(), "duration",
                                               _counted(sentence, m.end() + 1), m.group(0))))
            taken.append((m.start(), m.end()))
    for m in p["count"].finditer(sentence):
        if not free(m.start(), m.end()) or _in_date(sentence, m.start(), m.end()):
            continue
        if re.match(r"\s*[:.]\d", sentence[m.end():]) or sentence[m.start() - 1:m.start()] in (":", "-"):
            continue  # a clock time, a score or a designation
        value = _value(m.group("n"), m.group("s"))
        if value < 2 or value == 2 and re.search(r"\b(?:the|these|those|both)\s+$", sentence[:m.start()], re.I):
            continue  # "one hand", "the two countries": the dyad itself, not a notable number
        what = _counted(sentence, m.end() + 1)
        if what is None or what.split()[0].lower() in t.dull or not what.split()[0].islower():
            continue
        found.append((m.start(), m.end(), (value, None, "count", what, m.group(0))))
        taken.append((m.start(), m.end()))
    return [item for _, _, item in sorted(found, key=lambda f: f[0])]


def numbers_in(doc: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[NumberMention]:
    """The notable numbers of one stored document, with the event of their sentence (the most confident
    mention there)."""
    best: dict[int, Mention] = {}
    for m in mentions:
        if m.sentence_index not in best or m.confidence > best[m.sentence_index].confidence:
            best[m.sentence_index] = m
    out: list[NumberMention] = []
    for s in sentences:
        mention = best.get(s.index)
        for value, unit, kind, counts, text in numbers_in_sentence(s.text):
            out.append(NumberMention(value=value, unit=unit, kind=kind, counts=counts, text=text, sentence=s.text,
                                     sentence_index=s.index, doc_id=doc.id, document_id=doc.source_id,
                                     outlet=doc.outlet, published=doc.published,
                                     event_id=mention.event_id if mention else None))
    return out
