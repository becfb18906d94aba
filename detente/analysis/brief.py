"""The weekly brief: one week of a dyad's exchanges as an analyst's newsletter, in Markdown or one self-contained
HTML file.

It composes what the other analysis modules compute (the index, quotes, numbers, tone, the calendar) and adds
only the choices a newsletter makes: which quote leads, which number, what changed since last week. The two
choices are scoring functions with their weights in ``data/brief.yaml`` (docs/analysis.md, "Weekly brief"):

    quote score  = prominence(speaker) + relevance(event, speaker) + reach·log2(1 + outlets) + novelty·n
                   (+ a penalty for a fragment)
    number score = kind + relevance(event) + counts-known + reach·log2(1 + outlets) + novelty·n

Ties go to the earlier document and sentence, so the same store gives the same brief. Rendering goes through
Jinja2 with autoescaping (article text is attacker-controlled); charts are matplotlib's, inlined as SVG in HTML.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from detente import datafiles
from detente.analysis.calendar import Upcoming
from detente.analysis.index import IndexRow
from detente.analysis.numbers import NumberMention
from detente.analysis.periods import period_end, period_range, period_start
from detente.analysis.quotes import Quote
from detente.analysis.tone import EventFrame, OutletStance
from detente.records import Document, Event, actor_kind

BriefFormat = Literal["md", "html"]
FORMATS: tuple[BriefFormat, ...] = ("md", "html")
SVG_SALT = "detente-brief"  # matplotlib's svg.hashsalt: the same chart gives the same ids, so the same file


@dataclass(slots=True, frozen=True)
class Settings:
    history_weeks: int
    upcoming_weeks: int
    quote: dict[str, Any]
    number: dict[str, Any]


@lru_cache(maxsize=1)
def settings() -> Settings:
    raw: dict[str, Any] = datafiles.load("detente.analysis", "data/brief.yaml")
    return Settings(int(raw["history_weeks"]), int(raw["upcoming_weeks"]), dict(raw["quote"]), dict(raw["number"]))


def parse_week(value: str | dt.date) -> dt.date:
    """The Monday of the ISO week holding ``value`` (a date or YYYY-MM-DD); ``ValueError`` otherwise."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"expected a week as YYYY-MM-DD (any day of it), got {value!r}") from exc
    return period_start(value, "week")


def parse_format(value: str) -> BriefFormat:
    for name in FORMATS:
        if value == name:
            return name
    raise ValueError(f"expected a format of {', '.join(FORMATS)}, got {value!r}")




# -- what the brief holds ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class Source:
    """A document behind an event: its outlet, title and link (http or https only)."""

    outlet: str | None
    title: str | None
    url: str | None
    document_id: str | None
    published: dt.date | None


@dataclass(slots=True)
class BriefEvent:
    event: Event
    sources: list[Source]
    new: bool  # first reported this week

    @property
    def actors(self) -> str:
        src = ", ".join(a.name or a.text for a in self.event.source) or "?"
        tgt = ", ".join(a.name or a.text for a in self.event.target)
        return f"{src} → {tgt}" if tgt else src


@dataclass(slots=True)
class Pick:
    """The chosen quote or number, its score and the score's parts (shown in the brief: the choice explains
    itself)."""

    item: Quote | NumberMention
    score: float
    parts: dict[str, float]
    considered: int


@dataclass(slots=True)
class ChannelChange:
    channel: str
    events: int
    previous: int


@dataclass(slots=True)
class Changes:
    """What changed since last week."""

    score: float | None
    previous_score: float | None
    events: int
    previous_events: int
    channels: list[ChannelChange]
    new_events: int  # first reported this week
    outcomes: list[Upcoming]  # announced exchanges a report of this week says were held, cancelled or postponed

    @property
    def delta(self) -> float | None:
        if self.score is None or self.previous_score is None:
            return None
        return round(self.score - self.previous_score, 3)


@dataclass(slots=True)
class Brief:
    dyad: tuple[str, str]
    week: dt.date
    week_end: dt.date
    channels: list[tuple[str, list[BriefEvent]]]
    index: list[IndexRow]
    quote: Pick | None
    number: Pick | None
    stance: list[OutletStance]
    frames: list[EventFrame]
    upcoming: list[Upcoming]
    changes: Changes
    outlets: list[str] = field(default_factory=list)
    documents: int = 0

    @property
    def label(self) -> str:
        return "-".join(self.dyad)

    @property
    def events(self) -> int:
        return sum(len(evs) for _, evs in self.channels)


# -- scoring ------------------------------------------------------------------------------------------------------


def _relevance(event: Event | None, dyad: tuple[str, str], weights: dict[str, Any],
               named: set[str] | None = None) -> float:
    """Both countries of the dyad in the event (or, with no event, among the countries the text names), or one."""
    if event is not None:
        countries = set(event.source_countries) | set(event.target_countries)
    elif named is not None:
        countries = named
    else:
        return 0.0
    shared = len(countries & set(dyad))
    return float(weights["relevance_both"]) if shared == 2 else float(weights["relevance_one"]) if shared else 0.0


def _prominence(q: Quote, weights: dict[str, float]) -> float:
    s = q.speaker
    if s is None:
        return weights["unknown"]
    kind = actor_kind(s.id)
    if kind == "person":
        return weights["government_person"] if s.sector == "GOV" else weights["person"]
    if s.title:
        return weights["titled"]
    if kind in ("body", "country") or s.country:
        return weights["body"]
    return weights["unknown"]


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def quote_score(q: Quote, *, dyad: tuple[str, str], event: Event | None, outlets: int,
                earlier_texts: set[str], earlier_speakers: set[str], named: set[str] | None = None) -> dict[str, float]:
    """The parts of a quote's score (their sum is the score): prominence of the speaker, relevance to the dyad
    (of its sentence's event, else of the countries the quote names: ``named``, and of its speaker), reach
    (outlets quoting it or reporting its event), novelty against the weeks before, a penalty for a fragment."""
    w = settings().quote
    speaker = (q.speaker.id or q.speaker.name or q.speaker.text) if q.speaker else None
    novelty = 0.0 if _norm(q.text) in earlier_texts else 0.5 if speaker and speaker in earlier_speakers else 1.0
    in_dyad = q.speaker is not None and q.speaker.country in dyad
    words = len(q.text.split())
    return {
        "prominence": float(_prominence(q, {k: float(v) for k, v in w["prominence"].items()})),
        "relevance": _relevance(event, dyad, w, named) + (float(w["speaker_in_dyad"]) if in_dyad else 0.0),
        "reach": round(float(w["reach"]) * math.log2(1 + max(outlets, event.sources if event else 0)), 3),
        "novelty": float(w["novelty"]) * novelty,
        "fragment": float(w["fragment"]) if words < int(w["fragment_words"]) else 0.0,
    }


def _number_key(n: NumberMention) -> tuple[float, str | None, str, str]:
    return n.value, n.unit, n.kind, _norm(n.counts or "")


def number_score(n: NumberMention, *, dyad: tuple[str, str], event: Event | None, outlets: int,
                 earlier: set[tuple[float, str | None, str, str]]) -> dict[str, float]:
    """The parts of a number's score: its kind, relevance of its event to the dyad, whether we know what it
    counts, reach (outlets stating it this week) and novelty against the weeks before."""
    w = settings().number
    return {
        "kind": float(w["kind"].get(n.kind, 0.0)),
        "relevance": _relevance(event, dyad, w),
        "counts": float(w["counts"]) if n.counts else 0.0,
        "reach": round(float(w["reach"]) * math.log2(1 + outlets), 3),
        "novelty": 0.0 if _number_key(n) in earlier else float(w["novelty"]),
    }


def _order(item: Quote | NumberMention) -> tuple[dt.date, str, int]:
    return item.published or dt.date.max, item.doc_id, item.sentence_index


def pick_quote(quotes: Sequence[Quote], earlier: Sequence[Quote], events: dict[str, Event],
               dyad: tuple[str, str], countries_in: Callable[[str], set[str]] | None = None) -> Pick | None:
    """The quote of the week: the highest score, the earliest on a tie; None when the week quotes nobody.
    ``countries_in`` (the knowledge base's) says which countries a quote with no event names."""
    outlets: dict[str, set[str]] = {}
    for q in quotes:
        outlets.setdefault(_norm(q.text), set()).add(q.outlet or q.doc_id)
    texts = {_norm(q.text) for q in earlier}
    speakers = {(q.speaker.id or q.speaker.name or q.speaker.text) for q in earlier if q.speaker}
    best: Pick | None = None
    for q in sorted(quotes, key=_order):
        parts = quote_score(q, dyad=dyad, event=events.get(q.event_id or ""), outlets=len(outlets[_norm(q.text)]),
                            earlier_texts=texts, earlier_speakers=speakers,
                            named=countries_in(q.text) if countries_in else None)
        score = round(sum(parts.values()), 3)
        if best is None or score > best.score:
            best = Pick(q, score, parts, len(quotes))
    return best


def pick_number(numbers: Sequence[NumberMention], earlier: Sequence[NumberMention], events: dict[str, Event],
                dyad: tuple[str, str]) -> Pick | None:
    """The notable number: the highest score, the earliest on a tie; None when the week states none."""
    outlets: dict[tuple[float, str | None, str, str], set[str]] = {}
    for n in numbers:
        outlets.setdefault(_number_key(n), set()).add(n.outlet or n.doc_id)
    seen = {_number_key(n) for n in earlier}
    best: Pick | None = None
    for n in sorted(numbers, key=_order):
        parts = number_score(n, dyad=dyad, event=events.get(n.event_id or ""), outlets=len(outlets[_number_key(n)]),
                             earlier=seen)
        score = round(sum(parts.values()), 3)
        if best is None or score > best.score:
            best = Pick(n, score, parts, len(numbers))
    return best


# -- putting it together ------------------------------------------------------------------------------------------


def in_week(e: Event, start: dt.date, end: dt.date) -> bool:
    """An event of the week: dated to a day inside it (or, undated, first reported inside it), as the index
    counts it; a month or a year overlapping the week is no event of the week."""
    if e.date is None or e.date_precision not in ("day", "unresolved"):
        return False
    return start <= e.date <= end


def safe_url(url: str | None) -> str | None:
    """A link the brief may carry: http or https only (an article's ``javascript:`` URL is not a link)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url_quote(url, safe=":/?#@!$&'*+,;=%-._~") if scheme in ("http", "https") else None


def sources_of(evidence: Sequence[Document]) -> list[Source]:
    seen: dict[str, Source] = {}
    for d in evidence:
        seen.setdefault(d.id, Source(outlet=d.outlet, title=d.title, url=safe_url(d.url), document_id=d.source_id,
                                     published=d.published))
    return sorted(seen.values(), key=lambda s: (s.published or dt.date.max, s.outlet or "", s.document_id or ""))


def pad_weeks(rows: Sequence[IndexRow], first: dt.date, last: dt.date, dyad: str) -> list[IndexRow]:
    """The index rows of every week from ``first`` to ``last``: a week the store has nothing for is an empty row,
    so the chart's axis always shows the weeks before."""
    have = {r.period: r for r in rows}
    return [have.get(start) or IndexRow(
        period=start, period_end=period_end(start, "week"), by="week", dyad=dyad, channel=None, events=0,
        verbal_cooperation=0, material_cooperation=0, verbal_conflict=0, material_conflict=0, score=None, low=None,
        high=None, weight=0.0, documents=0, mentions=0, gdelt=None) for start in period_range(first, last, "week")]


def build(*, dyad: tuple[str, str], week: dt.date, events: Sequence[Event], previous: Sequence[Event],
          evidence: dict[str, list[Document]], index: Sequence[IndexRow], quotes: Sequence[Quote],
          earlier_quotes: Sequence[Quote], numbers: Sequence[NumberMention], earlier_numbers: Sequence[NumberMention],
          stance: Sequence[OutletStance], frames: Sequence[EventFrame], upcoming: Sequence[Upcoming],
          all_events: Sequence[Event], countries_in: Callable[[str], set[str]] | None = None) -> Brief:
    """The brief from what the API verbs returned for the week (``events``), the week before (``previous``)
    and the weeks before that (``earlier_*``, for novelty)."""
    end = period_end(week, "week")
    these = [e for e in events if in_week(e, week, end)]
    before = [e for e in previous if in_week(e, week - dt.timedelta(days=7), week - dt.timedelta(days=1))]
    grouped: dict[str, list[BriefEvent]] = {}
    for e in sorted(these, key=lambda x: (x.date or dt.date.min, x.event_id)):
        new = e.first_reported is not None and week <= e.first_reported <= end
        grouped.setdefault(e.channel, []).append(BriefEvent(e, sources_of(evidence.get(e.event_id, [])), new))
    channels = sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    by_id = {e.event_id: e for e in all_events}
    label = "-".join(dyad)
    rows = pad_weeks(index, week - dt.timedelta(weeks=settings().history_weeks), week, label)
    now = Counter(e.channel for e in these)
    then = Counter(e.channel for e in before)
    changes = Changes(
        score=rows[-1].score, previous_score=rows[-2].score if len(rows) > 1 else None, events=len(these),
        previous_events=len(before),
        channels=[ChannelChange(c, now[c], then[c]) for c in sorted(set(now) | set(then), key=lambda c: (-now[c], c))],
        new_events=sum(1 for evs in grouped.values() for b in evs if b.new),
        outcomes=[u for u in upcoming if u.status != "planned" and u.outcome_reported is not None
                  and week <= u.outcome_reported <= end],
    )
    ids = {e.event_id for e in these}
    docs = {d.id: d for b in grouped.values() for x in b for d in evidence.get(x.event.event_id, [])}
    return Brief(
        dyad=dyad, week=week, week_end=end, channels=channels, index=rows,
        quote=pick_quote(quotes, earlier_quotes, by_id, dyad, countries_in),
        number=pick_number(numbers, earlier_numbers, by_id, dyad),
        stance=[s for s in stance if s.mentions], frames=[f for f in frames if f.event_id in ids],
        upcoming=[u for u in upcoming if u.status == "planned" and (u.end or dt.date.max) >= week],
        changes=changes, outlets=sorted({d.outlet for d in docs.values() if d.outlet}), documents=len(docs),
    )


# -- rendering ----------------------------------------------------------------------------------------------------


def chart_svg(brief: Brief) -> str:
    """The index chart of the weeks before and this one, as matplotlib SVG text (deterministic: fixed hash salt,
    no date in its metadata)."""
    import matplotlib

    from detente.analysis.chart import index_chart

    with tempfile.TemporaryDirectory() as tmp, matplotlib.rc_context({"svg.hashsalt": SVG_SALT}):
        path = index_chart(brief.index, Path(tmp) / "index.svg", title=_chart_title(brief),
                           metadata={"Date": None})
        return path.read_text(encoding="utf-8")


def write_chart(brief: Brief, path: Path) -> Path:
    """The same chart as a file (.svg or .png) beside a Markdown brief."""
    import matplotlib

    from detente.analysis.chart import index_chart

    with matplotlib.rc_context({"svg.hashsalt": SVG_SALT}):
        meta: dict[str, Any] = {"Date": None} if path.suffix.lower() == ".svg" else {}
        return index_chart(brief.index, path, title=_chart_title(brief), metadata=meta)


def _chart_title(brief: Brief) -> str:
    return f"Relationship index {brief.label}, week of {brief.week.isoformat()} and the {len(brief.index) - 1} before"


def inline_svg(svg: str) -> str:
    """The ``<svg>`` element alone (no XML declaration or doctype), to sit inside HTML."""
    start = svg.find("<svg")
    if start < 0:
        raise ValueError("the chart is not SVG")
    return svg[start:]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~!])")


def md_text(value: Any) -> str:
    """Article text safe in Markdown: HTML-escaped (a renderer would run an inline <script>), Markdown
    punctuation backslash-escaped (no links or emphasis smuggled in), one line."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _signed(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.2f}"


# Filters the brief's templates use: ``_env`` and the dashboard's own environment (detente/serve/templating.py)
FILTERS: dict[str, Callable[[Any], str]] = {"md": md_text, "signed": _signed}


def _env(format: BriefFormat) -> Any:
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("detente.analysis", "templates"),
                             autoescape=format == "html", trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    return env


def render(brief: Brief, format: BriefFormat, *, chart: str | None = None) -> str:
    """The brief as Markdown (``chart``: the file name of the chart written beside it) or as one HTML file with
    the chart inlined."""
    from markupsafe import Markup

    env = _env(format)
    context: dict[str, Any] = {"b": brief, "quote_weights": settings().quote, "number_weights": settings().number,
                               "event_href": None}  # a file has no dashboard to link its events to
    if format == "html":
        context["chart"] = Markup(inline_svg(chart_svg(brief))) if brief.index else None
        return str(env.get_template("brief.html.j2").render(**context))
    context["chart"] = chart
    return str(env.get_template("brief.md.j2").render(**context))
