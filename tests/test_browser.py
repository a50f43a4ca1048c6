"""The pages in a real browser (Playwright driving Debian's Chromium): each page loads, a click in
the fact matrix lands on the span in the source's text, search leads to an actor. Screenshots of
every page, on a laptop and a phone screen, are saved to ``test-artifacts/screenshots/``.

Chromium comes from ``.ci/run`` (apt-get). Without it these tests are skipped, unless
``NEWSPRISM_REQUIRE_BROWSER`` is set, as CI sets it: there they fail instead."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from newsprism.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).parents[1] / "test-artifacts" / "screenshots"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAPTOP = {"width": 1366, "height": 850}
PHONE = {"width": 390, "height": 844}

if not CHROMIUM.exists():
    if os.environ.get("NEWSPRISM_REQUIRE_BROWSER"):
        raise RuntimeError(f"browser tests need {CHROMIUM} (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db):
    """The app on a loopback port, in a thread, for the module."""
    port = _free_port()
    app_server = uvicorn.Server(uvicorn.Config(create_app(str(web_db), ingest=False), port=port, log_level="warning"))
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not app_server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    app_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=LAPTOP)
    opened = context.new_page()
    yield opened
    context.close()


def _story_url(page, server: str) -> str:
    page.goto(f"{server}/api/stories?language=en&per_page=1")
    return server + page.locator("body").inner_text().split('"url":"', 1)[1].split('"', 1)[0]


def test_every_page_loads_and_is_captured(browser, server):
    for name, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message, errors=errors: errors.append(message.text))
        story = _story_url(page, server)
        for label, url in (("stories", "/"), ("story", story), ("actors", "/actors"), ("articles", "/articles")):
            response = page.goto(url if url.startswith("http") else server + url)
            assert response.status == 200, url
            assert page.locator("h1").first.is_visible()
            page.screenshot(path=str(SHOTS / f"{label}-{name}.png"), full_page=label != "story")
        assert not [e for e in errors if "Content Security Policy" in e], errors
        context.close()


def test_clicking_a_fact_in_the_matrix_shows_it_in_the_source_text(page, server):
    page.goto(_story_url(page, server))
    cell = page.locator("table.matrix td.cell a").first
    anchor = cell.get_attribute("href")
    cell.click()
    assert page.evaluate("location.hash") == anchor
    target = page.locator(f"mark{anchor}")
    assert target.count() == 1
    assert target.evaluate("element => element.matches(':target')")
    target.wait_for(state="visible")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] <= LAPTOP["height"]  # scrolled into view
    page.screenshot(path=str(SHOTS / "story-fact-clicked.png"))


def test_searching_for_an_actor_leads_to_the_actor_page(page, server):
    page.goto(server + "/")
    page.fill("input[name=q]", "Rothkegel")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Rothkegel")
    assert page.locator(".hit mark").first.inner_text() == "Rothkegel"
    page.screenshot(path=str(SHOTS / "search.png"))
    page.locator(".hit a[href^='/actors/']").first.click()
    page.wait_for_url("**/actors/**")
    assert page.locator("h1").inner_text() == "Sabine Rothkegel"
    assert page.locator("svg.graph circle").count() >= 2
    page.screenshot(path=str(SHOTS / "actor.png"), full_page=True)


def test_filtering_stories_by_language_in_the_form(page, server):
    page.goto(server + "/")
    every = page.locator(".story-row").count()
    page.select_option("select[name=language]", "en")
    page.click(".filters button")
    page.wait_for_url("**language=en**")
    assert 0 < page.locator(".story-row").count() < every
