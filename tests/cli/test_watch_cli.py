"""``detente watch`` as a real process against the local site: it polls in cycles, and SIGTERM or SIGINT ends it
with exit status 0 and a line, the batch in hand committed and nothing after it fetched. And ``detente ingest``
with a feed URL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import detente, table
from tests.conftest import ROOT
from tests.local_site import LocalSite, Page, article_page, standard_site


@pytest.fixture()
def site() -> Iterator[LocalSite]:
    with standard_site() as site:
        yield site


def start_watch(*args: str, db: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "DETENTE_DB"}
    return subprocess.Popen([sys.executable, "-m", "detente", "watch", *args, "--db", str(db)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def test_sigterm_between_cycles_stops_cleanly(site: LocalSite, tmp_path: Path) -> None:
    db = tmp_path / "watch.duckdb"
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# the local site\n{site.url('/feed.xml')}\n")
    proc = start_watch(str(listing), "--every", "1s", db=db)
    assert proc.stdout is not None
    lines = [proc.stdout.readline(), proc.stdout.readline()]  # two cycles
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert lines[0].startswith("cycle 1: 1 sources, 0 unchanged, 0 failed, 0 already stored; 2 new, 0 duplicate, "
                               "2 rejected")
    assert lines[1].startswith("cycle 2: 1 sources, 0 unchanged, 0 failed, 2 already stored; nothing new")
    assert out.splitlines()[-1].startswith("watch stopped after ")
    assert "2 documents" in out.splitlines()[-1]
    assert "detente watch: SIGTERM: finishing the current batch" in err
    assert f"{site.url('/articles/gone.html')}: HTTP 404 Not Found" in err
    assert sorted(u for (u,) in table(db, "SELECT url FROM documents")) == [site.url("/articles/1.html"),
                                                                           site.url("/articles/2.html")]
    assert table(db, "SELECT DISTINCT status FROM runs") == [("done",)]


def test_a_signal_mid_cycle_commits_the_batch_in_hand_and_fetches_nothing_more(site: LocalSite,
                                                                               tmp_path: Path) -> None:
    site.routes["/articles/2.html"] = Page(article_page(
        "China and US restart talks on fentanyl",
        "China and the United States held the first meeting of a working group on fentanyl in Beijing on "
        "Tuesday, the US embassy said."), delay=4.0)
    site.routes["/articles/3.html"] = Page(article_page("Never read", "Talks between the two sides went on."))
    feed = site.feed("site_rss.xml").replace(b"/articles/gone.html", b"/articles/3.html")
    site.routes["/feed.xml"] = Page(feed, content_type="application/rss+xml")
    db = tmp_path / "stop.duckdb"
    proc = start_watch(site.url("/feed.xml"), "--every", "1h", db=db)
    wait_for(lambda: "/articles/2.html" in site.paths())  # the signal arrives while that page is on its way
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert out.splitlines()[0].startswith("cycle 1: 1 sources, 0 unchanged, 0 failed, 0 already stored; 2 new")
    assert out.splitlines()[-1].startswith("watch stopped after 1 cycles;")
    assert "/articles/3.html" not in site.paths()
    assert sorted(u for (u,) in table(db, "SELECT url FROM documents")) == [site.url("/articles/1.html"),
                                                                           site.url("/articles/2.html")]
    assert table(db, "SELECT status FROM runs") == [("done",)]


def test_cycles_option_and_ingest_of_a_feed_url(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/feed.xml"].etag = '"v1"'
    db = tmp_path / "cycles.duckdb"
    proc = start_watch(site.url("/feed.xml"), "--every", "1s", "--cycles", "2", db=db)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert out.splitlines()[1].startswith("cycle 2: 1 sources, 1 unchanged")  # a conditional GET answered 304
    assert out.splitlines()[-1].startswith("watch done after 2 cycles;")
    assert table(db, "SELECT etag FROM sources") == [('"v1"',)]

    fresh = tmp_path / "ingest.duckdb"
    result = detente("ingest", site.url("/feed.xml"), site.url("/articles/3.html"), db=fresh)
    assert result.returncode == 1  # something was rejected
    assert result.stdout.startswith("ingested 2, duplicate 0, rejected 3;")
    assert result.stderr.splitlines() == [
        f"{site.url('/articles/gone.html')}: HTTP 404 Not Found",
        "javascript:alert(1): unsupported URL scheme 'javascript' (only http and https)",
        f"{site.url('/articles/3.html')}: HTTP 404 Not Found",
    ]
    assert result.stderr.count("\n") == 3


def test_bad_interval_is_a_usage_error(tmp_path: Path) -> None:
    result = detente("watch", "https://a.example/feed.xml", "--every", "soon", db=tmp_path / "x.duckdb")
    assert result.returncode == 2 and "expected an interval like 30s, 15m or 1h" in result.stderr
