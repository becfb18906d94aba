"""Direct quotations in stored documents, with who said them.

Read from the document text with patterns, at query time (docs/analysis.md says why): straight and curly double
quotes, curly single quotes, a quotation running on to the next paragraph, and one interrupted by its attribution
(“A,” he said, “B.”). The speaker comes from the attribution after the quote ("…," Wang said / said Wang), before
it in the same sentence ("Blinken told Han that … “…”"), or from the lines under a quotation that stands alone
(a newsletter's "Quote of the Week" with the name and the title beneath); "he"/"she" is the person named last
before the quote. Names resolve through the actor knowledge base as of the publication date; a title written in
the text wins over the knowledge base's office.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from detente import datafiles
from detente.records import Actor, Document, Mention, Sentence
from detente.resolve.actors import ActorKB, DocumentActors

QUOTE_METHOD = "detente.quotes.v1"


@dataclass(slots=True)
class Speaker:
    """Who a quotation is attributed to: ``text`` as written ("he", "Chinese Foreign Minister Wang Yi"), the
    resolved name, ``title`` (as stated in the text, else the office the knowledge base gives for the date)."""

    text: str
    name: str | None = None
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "title": self.title, "country": self.country,
                "sector": self.sector, "id": self.id}


@dataclass(slots=True)
class Quote:
    """One direct quotation in one document, with the sentence it starts in and that sentence's event."""

    text: str
    speaker: Speaker | None
    doc_id: str
    document_id: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    sentence_index: int
    sentence: str
    start: int
    end: int
    event_id: str | None = None
    mention_id: str | None = None
    sentence_indexes: list[int] = field(default_factory=list)
    method: str = QUOTE_METHOD

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "speaker": self.speaker.to_dict() if self.speaker else None, "doc_id": self.doc_id,
            "document_id": self.document_id, "url": self.url, "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "sentence_index": self.sentence_index, "sentence": self.sentence, "event_id": self.event_id,
            "mention_id": self.mention_id, "start": self.start, "end": self.end, "method": self.method,
        }


@dataclass(slots=True, frozen=True)
class _Words:
    speech: frozenset[str]
    pronouns: frozenset[str]
    fillers: frozenset[str]
    min_words: int
    not_person: frozenset[str]
    starters: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw: dict[str, Any] = datafiles.load("detente.analysis", "data/quotes.yaml")
    return _Words(frozenset(raw["speech_verbs"]), frozenset(raw["pronouns"]), frozenset(raw["fillers"]),
                  int(raw["min_words_without_speaker"]), frozenset(raw["not_person_words"]),
                  frozenset(raw["sentence_starters"]))


@dataclass(slots=True)
class _Span:
    start: int  # the opening mark
    end: int  # just after the closing mark (or the paragraph end, when the quote runs on)
    parts: list[tuple[int, int]]  # the quoted text's character ranges, without marks
    between: list[str] = field(default_factory=list)  # attributions that interrupted it


_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")
_DOUBLE_OPEN = "“"
_DOUBLE_CLOSE = "”"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _double_marks(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Pairs of double quotation marks in text[a:b]: curly ones by their shape, straight ones in turn; an opening
    mark left unclosed runs to the paragraph's end."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for i in range(a, b):
        ch = text[i]
        if ch == _DOUBLE_OPEN or (ch == '"' and open_at is None):
            open_at = i
        elif (ch == _DOUBLE_CLOSE or ch == '"') and open_at is not None:
            pairs.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        pairs.append((open_at, b))
    return pairs


_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\w)(?P<body>[^‘’\n]*?(?:’\w[^‘’\n]*?)*)’(?=[\s,.;:!?)\]—–-]|$)")


def _single_marks(text: str, a: int, b: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Curly single quotes (‘…’) outside any double-quoted span: the headline style of some outlets."""
    out = []
    for m in _SINGLE.finditer(text, a, b):
        if not any(s <= m.start() < e for s, e in taken):
            out.append((m.start(), m.end()))
    return out


def find_spans(text: str) -> list[_Span]:
    """Every quotation in ``text``, interrupted ones joined and run-on paragraphs continued."""
    spans: list[_Span] = []
    for a, b in _paragraphs(text):
        doubles = _double_marks(text, a, b)
        pairs = sorted(doubles + _single_marks(text, a, b, doubles))
        for s, e in pairs:
            closed = e < b or text[e - 1] in '"”’'
            inner_end = e - 1 if closed and text[e - 1] in '"”’' else e
            spans.append(_Span(s, e, [(s + 1, inner_end)]))
    return _join(text, spans)


def _join(text: str, spans: list[_Span]) -> list[_Span]:
    """Join “A,” he said, “B.” into one quotation, and a quote left open at a paragraph's end with the quote that
    opens the next paragraph."""
    words = _words()
    out: list[_Span] = []
    for span in spans:
        if out:
            prev = out[-1]
            gap = text[prev.end:span.start]
            run_on = prev.end == len(text[:prev.end].rstrip()) and _PARAGRAPH.fullmatch(gap) is not None \
                and text[prev.end - 1] not in '"”’'
            attribution = gap.strip()
            interrupted = "\n" not in gap and 0 < len(attribution.split()) <= 8 \
                and re.fullmatch(r"[,;:—–-]?\s*[^.!?\"“”]*[,;:—–-]", attribution) is not None \
                and any(w.lower().strip(",;:") in words.speech for w in attribution.split()) \
                and text[prev.end - 2:prev.end - 1] in (",", "—", "-")
            if run_on or interrupted:
                prev.parts.extend(span.parts)
                prev.end = span.end
                if interrupted:
                    prev.between.append(attribution)
                continue
        out.append(span)
    return out


# -- who said it ---------------------------------------------------------------------------------------------

_NAME = r"[A-Z][\w'’.\-]*"
_NAME_RUN = re.compile(rf"{_NAME}(?:\s+(?:of\s+|for\s+|the\s+)?{_NAME})*")


def _speech_alternation() -> str:
    return "|".join(sorted((re.escape(v) for v in _words().speech), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    verbs = _speech_alternation()
    fill = r"(?:\s+(?:also|has|have|had|later|then|again|previously|further|reportedly|once))*"
    who_before = re.compile(
        rf"(?P<who>(?:{_NAME}\s+){{0,6}}{_NAME}|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)"
        rf"(?:\s*,\s*(?P<title>[^,“”\"]{{3,90}}),)?{fill}\s+(?P<verb>{verbs})\b")
    end = r"\s*(?:[,.;:!?]|$|\s(?:at|in|on|to|during|after|before|as|when|while|that|of|about|by|via)\b)"
    after = re.compile(
        rf"^[\s,;:—–-]*(?:(?P<verb1>{verbs})\s+(?P<who1>[^,.;:!?“”\"]{{1,90}}?){end}"
        rf"|(?P<who2>[^,.;:!?“”\"]{{1,90}}?){fill}\s+(?P<verb2>{verbs})"
        rf"(?:\s+(?:{_NAME}(?:\s+{_NAME}){{0,3}}|reporters|journalists|me|us|him|her|them))?{end})")
    according = re.compile(r"\baccording to\s+(?P<who>[^,.;:!?“”\"]{1,90})")
    return who_before, after, according


@dataclass(slots=True)
class _Named:
    pos: int
    actor: Actor
    title: str | None


class _People:
    """The people a document names, in order, resolved as of its date; surnames then mean the same person, also
    for names the knowledge base does not know ("Steven Pifer" … "Pifer")."""

    def __init__(self, kb: ActorKB, doc: Document, sentence_starts: Sequence[int]) -> None:
        self.kb = kb
        self.on = doc.published
        self.context = DocumentActors(outlet=doc.outlet)
        self.seen: list[_Named] = []
        self.starts = sorted(sentence_starts)
        self._unknown: dict[str, Actor] = {}
        self._scanned = 0

    def scan_to(self, text: str, pos: int) -> None:
        """Resolve every capitalized name run before ``pos`` not yet read."""
        if pos <= self._scanned:
            return
        for m in _NAME_RUN.finditer(text, self._scanned, pos):
            if m.end() > pos:
                break
            actor = self.kb.resolve(m.group(0), self.on, self.context)
            if actor is not None and _is_person(actor):
                self.seen.append(_Named(m.start(), actor, _stated_title(m.group(0), actor)))
                continue
            if actor is not None:
                continue
            run = _without_starters(m.group(0))
            known = self._unknown.get(run.lower())
            if known is not None:
                self.seen.append(_Named(m.start(), known, None))
            elif _looks_like_a_name(run, self.kb):
                person = Actor(text=run, name=run)
                self.seen.append(_Named(m.start(), person, None))
                self._unknown.setdefault(run.split()[-1].lower(), person)
        self._scanned = pos

    def antecedent(self, pos: int) -> _Named | None:
        """Whom "he"/"she" before ``pos`` means: the first person named in the nearest sentence that names one
        (news names the subject first: "Fu Cong blamed the Trump administration …, he said")."""
        found = [n for n in self.seen if n.pos < pos]
        if not found:
            return None
        last = found[-1]
        start = max((s for s in self.starts if s <= last.pos), default=0)
        return next(n for n in found if n.pos >= start)

    def resolve(self, phrase: str) -> Actor | None:
        actor = self.kb.resolve(phrase, self.on, self.context)
        if actor is None:
            return self._unknown.get(phrase.lower())
        return actor


def _without_starters(run: str) -> str:
    words = run.split()
    while words and words[0].lower() in _words().starters:
        words = words[1:]
    return " ".join(words)


_PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)?(?:\s+[A-Z][a-z]+(?:[-'’][A-Za-z]+)?){1,2}")


def _looks_like_a_name(run: str, kb: ActorKB) -> bool:
    """"Glenn Jusnes": two or three plain capitalized words, none a body, place or time word, not a country."""
    if not _PLAIN_NAME.fullmatch(run):
        return False
    words = run.split()
    not_person = _words().not_person
    return not any(w.lower() in not_person for w in words) and kb.country_of_name(words[0]) is None


def _is_person(actor: Actor) -> bool:
    if actor.kind == "person":
        return True
    return actor.id is None and bool(actor.name) and len((actor.name or "").split()) >= 2 and actor.sector is None


def _stated_title(phrase: str, actor: Actor) -> str | None:
    """"Chinese Foreign Minister Wang Yi" → "Chinese Foreign Minister": the words before the name."""
    name = actor.name or ""
    if not name:
        return None
    at = phrase.lower().find(name.lower())
    if at <= 0:
        last = name.split()[-1]
        at = phrase.find(last)
        if at <= 0:
            return None
    title = _without_starters(phrase[:at].strip(" ,"))
    return title or None


def _kb_title(kb: ActorKB, actor: Actor, on: dt.date | None) -> str | None:
    entity = kb.entity(actor.id) if actor.id else None
    if entity is None:
        return None
    terms = entity.terms_at(on) if on else []
    if not terms:
        latest = entity.latest()
        terms = [latest] if latest else []
    titles = list(dict.fromkeys(t.title for t in terms if t.title))
    return "; ".join(titles) or None


def _speaker(phrase: str, stated: str | None, people: _People, quote_start: int) -> Speaker:
    words = _words()
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.;:")
    phrase = re.sub(r"\s+(?:by|in|via)\s+(?:email|e-mail|phone|telephone|text|a statement)$", "", phrase)
    core = " ".join(w for w in phrase.split() if w.lower() not in words.fillers) or phrase
    if core.lower().rstrip(".") in {"the", "a", "an", "gen", "mr", "ms", "mrs", "dr", "sen", "rep", "lt", "col"}:
        return Speaker(text=phrase)
    if core.lower() in words.pronouns:
        named = people.antecedent(quote_start)
        if named is None:
            return Speaker(text=phrase)
        return _from_actor(phrase, named.actor, stated or named.title, people)
    actor = people.resolve(core)
    if actor is None or not (actor.name or actor.country):
        return Speaker(text=phrase, name=core if core[:1].isupper() else None, title=stated)
    return _from_actor(phrase, actor, stated or (_stated_title(core, actor) if _is_person(actor) else None), people)


def _from_actor(text: str, actor: Actor, stated: str | None, people: _People) -> Speaker:
    title = stated or _kb_title(people.kb, actor, people.on)
    return Speaker(text=text, name=actor.name, title=title, country=actor.country, sector=actor.sector, id=actor.id)


_LINE_NAME = re.compile(rf"{_NAME}(?:\s+{_NAME}){{1,3}}")


def _under(text: str, span: _Span) -> tuple[str, str | None] | None:
    """A quotation standing alone on its lines, with a name on the next line and maybe a title under it."""
    line_start = text.rfind("\n", 0, span.start) + 1
    if text[line_start:span.start].strip():
        return None
    rest = text[span.end:span.end + 400].split("\n")
    if rest and rest[0].strip():
        return None
    lines = [ln.strip() for ln in rest[1:] if ln.strip()][:2]
    if not lines or not _LINE_NAME.fullmatch(lines[0]):
        return None
    title = lines[1] if len(lines) > 1 and lines[1] and len(lines[1]) <= 100 and not lines[1].endswith(".") \
        and lines[1][:1].isupper() else None
    return lines[0], title


def _attribute(text: str, span: _Span, head_start: int, end_sentence: Sentence, people: _People) -> Speaker | None:
    who_before, after, according = _patterns()
    people.scan_to(text, span.start)
    for between in span.between:
        m = after.match(between)
        if m:
            return _speaker(m.group("who1") or m.group("who2"), None, people, span.start)
    tail = text[span.end:end_sentence.end]
    m = after.match(tail)
    if m and m.group("verb1") != "according":
        return _speaker(m.group("who1") or m.group("who2"), None, people, span.start)
    head = text[head_start:span.start]
    found = list(who_before.finditer(head))
    if found:
        last = found[-1]
        return _speaker(last.group("who"), last.group("title"), people, span.start)
    m = according.search(head) or according.search(tail)
    if m and m.group("who")[:1].isupper():
        return _speaker(m.group("who"), None, people, span.start)
    subject = _reporting_subject(head, people)
    if subject is not None:
        return subject
    block = _under(text, span)
    if block:
        name, title = block
        return _speaker(name, title, people, span.start)
    return None


def _reporting_subject(head: str, people: _People) -> Speaker | None:
    """"China's Defense Ministry issued a statement … warning it would “…”": when the words before a quote
    report speech, the first name run there that names an actor is the speaker."""
    words = _words()
    if not any(w.lower().strip(",.;:") in words.speech or w.lower() == "statement" for w in head.split()):
        return None
    for m in _NAME_RUN.finditer(head):
        phrase = m.group(0)
        if phrase.split()[0].lower() in {"in", "on", "at", "after", "during", "as", "when", "the", "but", "and"}:
            continue
        actor = people.resolve(phrase)
        if actor is not None and (actor.name or actor.country):
            return _from_actor(phrase, actor, _stated_title(phrase, actor) if _is_person(actor) else None, people)
    return None


def _continues(text: str, prev_end: int, start: int) -> bool:
    """A quote with no attribution of its own right after an attributed one (the same paragraph, at most one
    sentence between) goes on in the same voice."""
    gap = text[prev_end:start]
    return _PARAGRAPH.search(gap) is None and len(re.findall(r"[.!?](?:\s|$)", gap)) <= 1 and len(gap) < 300


def quotes_in(doc: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention], kb: ActorKB) -> list[Quote]:
    """The quotations of one stored document. ``sentences`` is the document's split (its indexes are the
    mentions' ``sentence_index``); ``mentions`` its stored mentions, for the event each quote belongs to."""
    text = doc.text
    people = _People(kb, doc, [s.start for s in sentences])
    best: dict[int, Mention] = {}
    for m in mentions:
        if m.sentence_index not in best or m.confidence > best[m.sentence_index].confidence:
            best[m.sentence_index] = m
    out: list[Quote] = []
    seen: set[tuple[str, str | None]] = set()
    for span in find_spans(text):
        body = " ".join(re.sub(r"\s+", " ", text[a:b]).strip().rstrip(",") for a, b in span.parts).strip()
        if not body:
            continue
        # The sentence split leaves an opening mark at the end of the sentence before ("… told VOA. “"): the
        # quote's sentences are those its words are in; the words before the mark are still read for a speaker.
        inner = span.parts[0][0]
        while inner < span.end and text[inner].isspace():
            inner += 1
        covering = [s for s in sentences if s.start < span.end and inner < s.end] or \
            [s for s in sentences if s.start <= span.start][-1:]
        if not covering:
            continue
        first, last = covering[0], covering[-1]
        marked = [s for s in sentences if s.start <= span.start][-1:]
        head_start = first.start if first.start <= span.start or not marked else marked[0].start
        speaker = _attribute(text, span, head_start, last, people)
        if speaker is None and out and out[-1].speaker is not None and out[-1].doc_id == doc.id \
                and _continues(text, out[-1].end, span.start):
            speaker = out[-1].speaker
        if speaker is None and len(body.split()) < _words().min_words:
            continue
        key = (body.lower(), speaker.name if speaker else None)
        if key in seen:
            continue
        seen.add(key)
        mention = next((best[s.index] for s in covering if s.index in best), None)
        out.append(Quote(
            text=body, speaker=speaker, doc_id=doc.id, document_id=doc.source_id, url=doc.url, outlet=doc.outlet,
            published=doc.published, sentence_index=first.index, sentence=first.text, start=span.start, end=span.end,
            event_id=mention.event_id if mention else None, mention_id=mention.mention_id if mention else None,
            sentence_indexes=[s.index for s in covering],
        ))
    return out


def speaker_matches(quote: Quote, wanted: str) -> bool:
    """``--speaker`` filter: a case-insensitive part of the speaker's name, text, title or id."""
    if quote.speaker is None:
        return False
    low = wanted.lower().strip()
    return any(low in (v or "").lower() for v in (quote.speaker.name, quote.speaker.text, quote.speaker.title,
                                                   quote.speaker.id))
