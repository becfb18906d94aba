"""Cleaning scraped article text: metadata out of the header lines, page furniture out of the body.

Scrapers hand over the page as lines: a section label, the headline, a dateline, photo credits, then the
article with buttons and captions mixed in. The coder must see only the article, and the header lines carry
the metadata that anchors it (the publication date above all). The rules themselves live in ``rules.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from detente.readers.dates import DateError, parse_date
from detente.readers.rules import Rules, default_rules
from detente.records import Genre

_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
_CLAUSE_END = re.compile(r"[.!?…:;,\"”’')\]]$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0/C1 controls but tab and line breaks
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))  # zero-width space, word joiner, BOM, soft hyphen


@dataclass(slots=True)
class Cleaned:
    """The article text and what its header lines and markers said. ``date_raw`` is unparsed: the caller
    decides whether a given date overrides it and rejects an impossible one."""

    text: str
    title: str | None = None
    date_raw: str | None = None
    outlet: str | None = None
    genre: Genre = "news"
    dropped: list[str] = field(default_factory=list)  # header and furniture lines removed, for debugging


def clean_article(raw: str, *, title: str | None = None, rules: Rules | None = None) -> Cleaned:
    """Clean ``raw``. A ``title`` the caller already knows (JSONL field, HTML metadata) wins over a title line,
    and a header line repeating it is removed."""
    rules = rules or default_rules()
    lines = _normalized_lines(raw)
    wrapped = _hard_wrapped(_blocks(lines))
    header = _scan_header(lines, title, rules, wrapped=wrapped)
    body: list[str] = []
    for line in lines[header.body_start :]:
        if line and _is_furniture(line, rules):
            header.dropped.append(line)
            line = ""  # a removed line still separates what was around it
        body.append(line)
    text = "\n\n".join(_paragraphs(_blocks(body), wrapped=wrapped))
    title = title or header.title
    return Cleaned(
        text=text,
        title=title,
        date_raw=header.date_raw,
        outlet=_outlet(title, text, rules),
        genre=_genre(header.labels, title, text, rules),
        dropped=header.dropped,
    )


def normalize_space(text: str) -> str:
    """One line: NFC, whitespace runs (no-break spaces and line breaks included) collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _normalized_lines(raw: str) -> list[str]:
    text = unicodedata.normalize("NFC", raw).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return [" ".join(line.split()) for line in text.split("\n")]


@dataclass(slots=True)
class _Header:
    body_start: int = 0
    title: str | None = None
    date_raw: str | None = None
    labels: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def _scan_header(lines: list[str], known_title: str | None, rules: Rules, *, wrapped: bool) -> _Header:
    """Walk the leading lines while they are header lines; stop at the first line of article text.

    ``lines`` is edited in place when a date prefix shares its line with article text. In hard-wrapped text
    only a line standing alone can be a title: any other is the start of a wrapped sentence."""
    found = _Header()
    known = normalize_space(known_title).casefold() if known_title else None
    seen = 0
    i = 0
    while i < len(lines) and seen < rules.header_max_lines:
        line = lines[i]
        i += 1
        if not line:
            continue
        seen += 1
        if _is_furniture(line, rules) or any(p.match(line) for p in rules.header_furniture):
            found.dropped.append(line)
            continue
        if any(rule.pattern.match(line) for rule in rules.header_labels()):
            found.labels.append(line)
            found.dropped.append(line)
            continue
        prefix = _first_match(rules.date_prefix, line)
        if prefix is not None:
            found.date_raw = found.date_raw or prefix["date"]
            if prefix["rest"]:
                found.dropped.append(line[: prefix.start("rest")].strip())
                lines[i - 1] = prefix["rest"]
                i -= 1
                break
            found.dropped.append(line)
            continue
        label = _first_match(rules.date_label, line)
        if label is not None or _is_date(line):
            found.date_raw = found.date_raw or (label["date"] if label is not None else line)
            found.dropped.append(line)
            continue
        if known is not None and line.casefold() == known:
            found.dropped.append(line)
            continue
        following = lines[i] if i < len(lines) else ""
        continued = (following[:1].islower()) if not wrapped else bool(following)
        if known is None and found.title is None and not continued and _title_like(line, rules) and any(lines[i:]):
            found.title = line
            found.dropped.append(line)
            continue
        i -= 1
        break
    found.body_start = i
    return found


def _first_match(patterns: tuple[re.Pattern[str], ...], line: str) -> re.Match[str] | None:
    for pattern in patterns:
        m = pattern.match(line)
        if m is not None:
            return m
    return None


def _is_date(line: str) -> bool:
    """A line that is nothing but a date; one that cannot exist still counts, so it gets rejected, not kept."""
    if len(line) > 80:  # the longest accepted shape, weekday, time and zone included, is far shorter
        return False
    try:
        parse_date(line)
    except DateError as exc:
        return exc.kind == "impossible"
    return True


def _title_like(line: str, rules: Rules) -> bool:
    return (
        len(line) <= rules.title_max_chars
        and rules.title_min_words <= len(line.split()) <= rules.title_max_words
        and not rules.title_bad_ending.search(line)
        and any(c.isalpha() for c in line)
    )


def _is_furniture(line: str, rules: Rules) -> bool:
    if line.casefold() in rules.furniture_lines:
        return True
    if any(pattern.match(line) for _, pattern in rules.furniture_patterns):
        return True
    m = rules.video_caption.match(line)
    if m is None:
        return False
    caption = m["caption"]
    words = caption.split()
    half = len(words) // 2
    repeated = len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]
    return repeated or not _SENTENCE_END.search(caption)


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _paragraphs(blocks: list[list[str]], *, wrapped: bool) -> list[str]:
    """Paragraphs from blocks of lines. Within a block a line break also ends a paragraph (scrapers emit one
    block element per line) unless the text is hard-wrapped, or the line stops mid-clause and the next starts
    in lower case."""
    paragraphs: list[str] = []
    for block in blocks:
        parts = [block[0]]  # the current paragraph, joined once at its end
        for prev, line in zip(block, block[1:], strict=False):
            if wrapped or (not _CLAUSE_END.search(prev) and line[0].islower()):
                parts.append(line if prev.endswith("-") and line[0].isalpha() else f" {line}")
            else:
                paragraphs.append("".join(parts))
                parts = [line]
        paragraphs.append("".join(parts))
    return paragraphs


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    """True for text wrapped at a fixed width (mail, old wire copy): no long lines, and the lines that run on
    to another line in their block are nearly full width."""
    width = max((len(line) for block in blocks for line in block), default=0)
    if width > 100:
        return False
    running = [line for block in blocks for line in block[:-1]]
    if len(running) < 3:
        return False
    full = sum(len(line) >= 0.6 * width for line in running)
    return full >= 0.6 * len(running)


def _outlet(title: str | None, text: str, rules: Rules) -> str | None:
    for rule in rules.outlets:
        target = title if rule.where == "title" else text
        m = rule.pattern.search(target) if target else None
        if m is not None:
            name = m["outlet"].rstrip(".,;:'’ ")
            if name:
                return name
    return None


def _genre(labels: list[str], title: str | None, text: str, rules: Rules) -> Genre:
    for rule in rules.genres:
        targets = labels if rule.where == "header" else [title] if rule.where == "title" else [text]
        if any(t and rule.pattern.search(t) for t in targets):
            return rule.genre
    return "news"
