"""The HTML brief as a reader sees it: rendered by headless Chromium (Debian's, driven by Playwright; never a
downloaded browser) with scripts off, its section headings laid out and visible, and its screenshot not blank."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

import detente

CHROMIUM = "/usr/bin/chromium"
HEADINGS = ("What changed since last week", "Quote of the week", "Notable number", "Relationship index",
            "This week's exchanges", "Outlet stance", "What's next")


def test_brief_renders_in_chromium(seeds_store: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
    from PIL import Image

    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(f"no Chromium at {CHROMIUM}: `make test` installs Debian's (apt-get install -y chromium)")
    page_file = tmp_path / "brief.html"
    detente.brief(seeds_store, week="2024-01-08", format="html", path=page_file)
    shot = tmp_path / "brief.png"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
                                    args=["--no-sandbox"])
        try:
            context = browser.new_context(java_script_enabled=False, viewport={"width": 1200, "height": 2000},
                                          offline=True)
            page = context.new_page()
            page.goto(page_file.as_uri())
            headings = [h.inner_text().strip() for h in page.query_selector_all("h2")]
            assert headings == list(HEADINGS)
            for h in page.query_selector_all("h2"):
                box = h.bounding_box()
                assert box is not None and box["width"] > 100 and box["height"] > 10 and h.is_visible()
            chart = page.query_selector("#index svg")
            assert chart is not None
            box = chart.bounding_box()
            assert box is not None and box["width"] > 500 and box["height"] > 200
            quote = page.query_selector("#quote blockquote")
            assert quote is not None and "must-answer question" in quote.inner_text()
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    image = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    assert image.width == 1200 and image.height > 2000  # the whole page, longer than one screen
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text, the chart's lines and band: not a blank page
    small = image.resize((60, image.height * 60 // image.width))
    assert len({small.getpixel((x, y)) for x in range(small.width) for y in range(small.height)}) > 20
