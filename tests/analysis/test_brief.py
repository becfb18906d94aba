"""The weekly brief end to end on the seeds (Markdown and HTML), an empty week, a hostile document, and the
scores that choose the quote of the week and the notable number."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import detente
from detente.analysis.brief import md_text, parse_week, pick_number, pick_quote, safe_url
from detente.analysis.numbers import NumberKind, NumberMention
from detente.analysis.quotes import Quote, Speaker
from detente.nlp.sentences import split_sentences
from detente.readers import content_id
from detente.records import Actor, Document, Mention
from detente.store.db import Store

SECTIONS = ("changes", "quote", "number", "index", "exchanges", "stance", "next")
HEADINGS = ("## What changed since last week", "## Quote of the week", "## Notable number", "## Relationship index",
            "## This week's exchanges", "## Outlet stance", "## What's next")


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text outside tags."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Tags:
    tags = _Tags()
    tags.feed(page)
    return tags


def assert_self_contained(page: str) -> None:
    """No script, nothing fetched from elsewhere (only <a> links may point out), the chart inline as SVG."""
    tags = _parse(page)
    names = [t for t, _ in tags.tags]
    assert "script" not in names and "<script" not in page.lower()
    assert "svg" in names and "<?xml" not in page
    for tag, attrs in tags.tags:
        for key in ("src", "href", "xlink:href", "data"):
            value = (attrs.get(key) or "").strip().lower()
            if tag == "a" and key == "href":
                assert value.startswith(("http://", "https://")), value
            else:
                assert not re.match(r"(https?:)?//", value), (tag, key, value)
    assert "link" not in names and "iframe" not in names and "@import" not in page


def test_html_brief_of_the_seeds_week(seeds_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    page = detente.brief(seeds_store, week="2024-01-11", dyad="CHN-USA", format="html", path=out)
    assert out.read_text(encoding="utf-8") == page
    assert_self_contained(page)
    for section in SECTIONS:
        assert f'<section id="{section}">' in page
    text = " ".join(" ".join(_parse(page).text).split())
    assert "Week of 2024-01-08 to 2024-01-14" in text  # any day names its ISO week
    # the exchanges by channel, with their outlets
    for channel in ("Diplomatic", "Military", "Party", "People-to-people"):
        assert f"<h3>{channel} " in page
    assert "17th China-US Defense Policy Coordination Talks" in text
    assert "Global Times" in text and "China-US Focus" in text
    # the quote of the week (the foreign minister on the dyad) and the notable number (two outlets, a milestone)
    quote = page.split('<section id="quote">')[1].split("</section>")[0]
    assert "must-answer question" in quote and "Wang Yi" in quote and "prominence 3.00" in quote
    number = page.split('<section id="number">')[1].split("</section>")[0]
    assert "45th" in number and "anniversary" in number and "reach 1.58" in number
    changes = page.split('<section id="changes">')[1].split("</section>")[0]
    assert "the week before" in changes and "new channel" in changes
    # the same bytes every time: the chart's ids are salted, its metadata has no date
    assert detente.brief(seeds_store, week="2024-01-08", format="html") == page


def test_markdown_brief_links_its_chart(seeds_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "week.md"
    md = detente.brief(seeds_store, week=dt.date(2024, 1, 8), format="md", path=out)
    chart = tmp_path / "week-index.svg"
    assert chart.is_file() and "<svg" in chart.read_text(encoding="utf-8")
    assert "](week-index.svg)" in md
    positions = [md.index(h) for h in HEADINGS]
    assert positions == sorted(positions)
    assert "**45th** — anniversary of the establishment of diplomatic relations" in md
    assert "| Global Times | USA |" in md


def test_a_week_without_events_says_so(seeds_store: Path) -> None:
    page = detente.brief(seeds_store, week="2020-01-06", format="html")
    assert_self_contained(page)
    assert "No exchanges between CHN and USA are recorded for the week of 2020-01-06" in page
    assert "No direct quotation" in page and "Nothing announced" in page
    md = detente.brief(seeds_store, week="2020-01-06", format="md")
    assert all(h in md for h in HEADINGS) and "0 exchanges" in md


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"dyad": "CHN-XYZ"}, "unknown country code 'XYZ'"),
    ({"dyad": "CHN-CHN"}, "two different countries"),
    ({"week": "last week"}, "expected a week"),
    ({"format": "pdf"}, "expected a format"),
])
def test_bad_options(seeds_store: Path, kwargs: dict[str, str], message: str) -> None:
    args = {"week": "2024-01-08", "dyad": "CHN-USA", "format": "html"} | kwargs
    with pytest.raises(ValueError, match=message):
        detente.brief(seeds_store, **args)


HOSTILE_TITLE = '<script>alert("title")</script> Talks'
HOSTILE_SENTENCE = ('Wang Yi met Antony Blinken in Beijing on Wednesday, calling it "<script>alert(1)</script> a good '
                    'start".')
HOSTILE_QUOTE = '"<img src=x onerror=alert(2)> We will keep talking to Washington at every level," Wang Yi said.'


@pytest.fixture()
def hostile_store(tmp_path: Path) -> Path:
    text = f"{HOSTILE_SENTENCE}\n\n{HOSTILE_QUOTE}"
    doc = Document(id=content_id(text), text=text, source_id="[evil](javascript:alert(3))",
                   published=dt.date(2024, 1, 10), title=HOSTILE_TITLE, outlet="<b>Evil</b> *Post*",
                   url="javascript:alert(4)", genre="news")
    wang = Actor("Wang Yi", "Wang Yi", "CHN", "GOV", "person/chn/wang-yi")
    blinken = Actor("Antony Blinken", "Antony Blinken", "USA", "GOV", "person/usa/antony-blinken")
    mention = Mention(mention_id="m-hostile", doc_id=doc.id, sentence=HOSTILE_SENTENCE, sentence_index=0,
                      type="CONSULT", mode="visit", cameo="042", goldstein=1.9, quad_class=1, modality="asserted",
                      channel="diplomatic", source=[wang], target=[blinken], trigger="met",
                      date=dt.date(2024, 1, 10), date_precision="day", confidence=0.9)
    assert [s.text for s in split_sentences(text)][0] == HOSTILE_SENTENCE
    db = tmp_path / "hostile.duckdb"
    with Store(db) as store:
        store.add_batch([(doc, [mention])], run_id=1)
    return db


def test_article_text_is_escaped(hostile_store: Path, tmp_path: Path) -> None:
    page = detente.brief(hostile_store, week="2024-01-08", format="html")
    assert_self_contained(page)
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Talks" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;b&gt;Evil&lt;/b&gt;" in page and "<b>" not in page and "<img" not in page
    assert "javascript:" not in page.replace("[evil](javascript:alert(3))", "")
    md = detente.brief(hostile_store, week="2024-01-08", format="md", path=tmp_path / "h.md")
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script&gt;alert(\"title\")&lt;/script&gt; Talks" in md
    assert not re.search(r"(?<!\\)\]\(javascript", md)  # no live Markdown link to a script
    assert r"&lt;b&gt;Evil&lt;/b&gt; \*Post\*" in md


def test_markdown_and_url_helpers() -> None:
    assert md_text("a | b *c* [x](y)\n<i>") == r"a \| b \*c\* \[x\](y) &lt;i&gt;"
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    assert safe_url("https://example.com/a b(c)") == "https://example.com/a%20b%28c%29"
    assert parse_week("2024-01-14") == dt.date(2024, 1, 8)


def _quote(text: str, speaker: Speaker | None, outlet: str = "Post", day: int = 10) -> Quote:
    return Quote(text=text, speaker=speaker, doc_id=f"d-{outlet}-{day}", document_id=None, url=None, outlet=outlet,
                 published=dt.date(2024, 1, day), sentence_index=0, sentence=text, start=0, end=len(text))


WANG = Speaker("Wang Yi", "Wang Yi", "foreign minister", "CHN", "GOV", "person/chn/wang-yi")
PUNDIT = Speaker("Jo Doe", "Jo Doe", "analyst", "GBR", None, None)
DYAD = ("CHN", "USA")


def test_quote_of_the_week_weighs_prominence_reach_and_novelty() -> None:
    said = "We will keep talking to the United States at every level this year"
    pundit = _quote("Relations between Beijing and Washington are at a turning point this winter", PUNDIT)
    wang = _quote(said, WANG)
    pick = pick_quote([pundit, wang], [], {}, DYAD)
    assert pick is not None and pick.item is wang and pick.parts["prominence"] == 3.0
    # the same words quoted in the weeks before: no novelty, and the pundit, twice reported, wins
    def named(text: str) -> set[str]:
        return {c for word, c in (("Beijing", "CHN"), ("Washington", "USA"), ("United States", "USA")) if word in text}

    again = pick_quote([pundit, _quote(pundit.text, PUNDIT, outlet="Times"), wang], [_quote(said, WANG, day=2)], {},
                       DYAD, named)
    assert again is not None and isinstance(again.item, Quote) and again.item.speaker is PUNDIT
    assert again.parts["relevance"] == 2.0
    assert again.parts["reach"] == pytest.approx(1.585, abs=1e-3) and again.parts["novelty"] == 1.0
    # a fragment reads badly
    short = pick_quote([_quote("smash plots", WANG)], [], {}, DYAD)
    assert short is not None and short.parts["fragment"] < 0


def _number(value: float, kind: NumberKind, counts: str | None, outlet: str) -> NumberMention:
    return NumberMention(value=value, unit=None, kind=kind, counts=counts, text=str(value), sentence="s",
                         sentence_index=0, doc_id=f"d-{outlet}", document_id=None, outlet=outlet,
                         published=dt.date(2024, 1, 10))


def test_notable_number_weighs_kind_counts_reach_and_novelty() -> None:
    tariff = _number(25, "percent", "tariff", "Post")
    count = _number(28, "count", "countries", "Post")
    pick = pick_number([count, tariff], [], {}, DYAD)
    assert pick is not None and pick.item is tariff
    stale = pick_number([tariff], [_number(25, "percent", "tariff", "Times")], {}, DYAD)
    assert stale is not None and stale.parts["novelty"] == 0.0 and stale.score == pick.score - 1.0
    assert pick_number([], [], {}, DYAD) is None


def test_brief_of_the_busiest_voa_week(voa_store: Path) -> None:
    weeks = detente.index(voa_store, dyad="CHN-USA", by="week")
    busiest = max(weeks, key=lambda r: (r.events, r.period))
    page = detente.brief(voa_store, week=busiest.period, format="html")
    assert_self_contained(page)
    assert all(f'<section id="{s}">' in page for s in SECTIONS)
    assert f"Week of {busiest.period.isoformat()}" in page and "No exchanges between" not in page
    assert "<blockquote>" in page  # a week of VOA stories quotes somebody
