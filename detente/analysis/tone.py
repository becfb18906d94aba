"""Tone: how warm or hostile a sentence reads, from -1 to +1, and the outlet-stance table built on it.

The scorer is VADER (Hutto & Gilbert 2014, the ``vaderSentiment`` package, MIT): a rule-based lexicon scorer
that ships its lexicon inside the package (offline), reads negation ("not cross red lines"), intensifiers and
"but" contrast, and is deterministic and fast (no model to load). Its lexicon was built for social media, so
words of foreign-affairs reporting that it lacks ("cooperation", "sanctions", "invasion", "ceasefire") are added
from ``data/tone_lexicon.tsv``. Validated on the hand-labelled sentences of ``gold/tone.jsonl``
(docs/analysis.md). A mention's tone is its sentence's; a document's is the mean over its sentences.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from detente import datafiles
from detente.records import Document, Mention, Sentence

TONE_METHOD = "detente.tone.vader+diplomacy.v1"
NEUTRAL = 0.05  # VADER's own threshold: |compound| below it is neutral


class _Analyzer(Protocol):
    lexicon: dict[str, float]

    def polarity_scores(self, text: str) -> dict[str, float]: ...


@lru_cache(maxsize=2)
def _analyzer(domain: bool = True) -> _Analyzer:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer: _Analyzer = SentimentIntensityAnalyzer()
    if domain:
        rows: list[list[str]] = datafiles.load("detente.analysis", "data/tone_lexicon.tsv")
        for row in rows:
            if row and not row[0].startswith("#") and row[0] != "word":
                analyzer.lexicon[row[0].lower()] = float(row[1])
    return analyzer


def sentence_tone(text: str, *, domain: bool = True) -> float:
    """VADER's compound score of ``text`` in [-1, 1] (with the diplomacy words unless ``domain`` is False)."""
    return round(float(_analyzer(domain).polarity_scores(text)["compound"]), 4)


def polarity(score: float) -> int:
    """-1, 0 or 1 by VADER's neutral band."""
    return 0 if abs(score) < NEUTRAL else (1 if score > 0 else -1)


@dataclass(slots=True)
class MentionTone:
    mention_id: str
    event_id: str | None
    doc_id: str
    outlet: str | None
    genre: str | None
    published: dt.date | None
    countries: list[str]
    tone: float
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {"mention_id": self.mention_id, "event_id": self.event_id, "doc_id": self.doc_id,
                "outlet": self.outlet, "genre": self.genre,
                "published": self.published.isoformat() if self.published else None, "countries": self.countries,
                "tone": self.tone, "sentence": self.sentence}


@dataclass(slots=True)
class DocumentTone:
    doc_id: str
    document_id: str | None
    title: str | None
    outlet: str | None
    genre: str | None
    published: dt.date | None
    sentences: int
    tone: float

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "document_id": self.document_id, "title": self.title, "outlet": self.outlet,
                "genre": self.genre, "published": self.published.isoformat() if self.published else None,
                "sentences": self.sentences, "tone": self.tone}


@dataclass(slots=True)
class OutletStance:
    """One outlet's mean tone toward one country: over its mentions in which that country takes part."""

    outlet: str
    country: str
    mentions: int
    tone: float | None
    documents: int
    genres: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "country": self.country, "mentions": self.mentions, "tone": self.tone,
                "documents": self.documents, "genres": dict(self.genres)}


@dataclass(slots=True)
class EventFrame:
    """One event as one outlet told it: the mean tone of that outlet's mentions of the event."""

    event_id: str
    outlet: str
    mentions: int
    tone: float
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "outlet": self.outlet, "mentions": self.mentions, "tone": self.tone,
                "sentence": self.sentence}


def _outlet(doc: Document) -> str:
    return doc.outlet or "(no outlet)"


def mention_tones(doc: Document, mentions: Sequence[Mention]) -> list[MentionTone]:
    return [MentionTone(mention_id=m.mention_id, event_id=m.event_id, doc_id=doc.id, outlet=doc.outlet,
                        genre=doc.genre, published=doc.published,
                        countries=sorted({a.country for a in [*m.source, *m.target] if a.country}),
                        tone=sentence_tone(m.sentence), sentence=m.sentence) for m in mentions]


def document_tone(doc: Document, sentences: Sequence[Sentence]) -> DocumentTone:
    scores = [sentence_tone(s.text) for s in sentences]
    return DocumentTone(doc_id=doc.id, document_id=doc.source_id, title=doc.title, outlet=doc.outlet,
                        genre=doc.genre, published=doc.published, sentences=len(scores),
                        tone=round(sum(scores) / len(scores), 4) if scores else 0.0)


def outlet_stance(docs: Sequence[Document], tones: Sequence[MentionTone],
                  countries: Sequence[str]) -> list[OutletStance]:
    """Per outlet and per country of ``countries``: the mean tone of the outlet's mentions involving the
    country, and the outlet's genre mix (documents per genre, over all its documents here)."""
    genres: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        genres[_outlet(d)][d.genre or "unknown"] += 1
    by_key: dict[tuple[str, str], list[MentionTone]] = defaultdict(list)
    for t in tones:
        for c in t.countries:
            if c in countries:
                by_key[(t.outlet or "(no outlet)", c)].append(t)
    out: list[OutletStance] = []
    for outlet in sorted(genres):
        for c in countries:
            found = by_key.get((outlet, c), [])
            out.append(OutletStance(outlet=outlet, country=c, mentions=len(found),
                                    tone=round(sum(t.tone for t in found) / len(found), 4) if found else None,
                                    documents=len({t.doc_id for t in found}), genres=dict(genres[outlet])))
    return out


def event_frames(tones: Sequence[MentionTone], *, min_outlets: int = 2) -> list[EventFrame]:
    """Events told by at least ``min_outlets`` outlets, each outlet's tone side by side."""
    grouped: dict[str, dict[str, list[MentionTone]]] = defaultdict(lambda: defaultdict(list))
    for t in tones:
        if t.event_id:
            grouped[t.event_id][t.outlet or "(no outlet)"].append(t)
    out: list[EventFrame] = []
    for event_id in sorted(grouped):
        outlets = grouped[event_id]
        if len(outlets) < min_outlets:
            continue
        for outlet in sorted(outlets):
            found = outlets[outlet]
            out.append(EventFrame(event_id=event_id, outlet=outlet, mentions=len(found),
                                  tone=round(sum(t.tone for t in found) / len(found), 4), sentence=found[0].sentence))
    return out


# -- validation ----------------------------------------------------------------------------------------------


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rank correlation (average ranks for ties)."""
    def ranks(values: Sequence[float]) -> list[float]:
        order = sorted(range(len(values)), key=lambda i: values[i])
        out = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                out[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return out

    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


@dataclass(slots=True)
class ToneAgreement:
    sentences: int
    accuracy: float  # three classes (-1, 0, 1) with the neutral band
    sign_accuracy: float  # on the sentences labelled non-neutral: the score's sign agrees
    spearman: float

    def to_dict(self) -> dict[str, Any]:
        return {"sentences": self.sentences, "accuracy": self.accuracy, "sign_accuracy": self.sign_accuracy,
                "spearman": self.spearman}


def agreement(gold: Sequence[tuple[str, int]], *, domain: bool = True) -> ToneAgreement:
    """How the scorer agrees with hand labels (text, -1/0/1)."""
    scores = [sentence_tone(text, domain=domain) for text, _ in gold]
    labels = [label for _, label in gold]
    hits = sum(1 for s, label in zip(scores, labels, strict=True) if polarity(s) == label)
    polar = [(s, label) for s, label in zip(scores, labels, strict=True) if label != 0]
    signs = sum(1 for s, label in polar if (s > 0) == (label > 0) and s != 0)
    return ToneAgreement(sentences=len(gold), accuracy=round(hits / len(gold), 3),
                         sign_accuracy=round(signs / len(polar), 3) if polar else 0.0,
                         spearman=round(spearman(scores, [float(x) for x in labels]), 3))


@dataclass(slots=True)
class ToneReport:
    """Tone of every mention and document in scope, the outlet-stance table, and events told by several outlets
    with each outlet's tone side by side."""

    mentions: list[MentionTone]
    documents: list[DocumentTone]
    stance: list[OutletStance]
    events: list[EventFrame]
    method: str = TONE_METHOD


def tone_report(items: Sequence[tuple[Document, Sequence[Sentence], Sequence[Mention]]],
                countries: Sequence[str] | None = None) -> ToneReport:
    """The whole report over documents with their sentences and mentions; ``countries`` for the stance table
    (default: every country the mentions name)."""
    mentions = [t for doc, _, ms in items for t in mention_tones(doc, ms)]
    documents = [document_tone(doc, sentences) for doc, sentences, _ in items]
    wanted = list(countries) if countries else sorted({c for t in mentions for c in t.countries})
    return ToneReport(mentions=mentions, documents=documents,
                      stance=outlet_stance([doc for doc, _, _ in items], mentions, wanted),
                      events=event_frames(mentions))
