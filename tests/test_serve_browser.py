"""The web pages in a real browser: Playwright driving Debian's Chromium against `dateline serve`."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest
import uvicorn

from dateline import pipeline
from dateline.serve.api import create_app
from dateline.settings import load

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As this machine needs it: no sandbox as root, no GPU, no calls home (they are refused here).
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPORTS = {
    "jenin.txt": " date 2024-01-10 Israeli forces killed three Palestinians in a raid on the Jenin "
                 "camp on Tuesday, the Palestinian health ministry said.\n\n\"We will not leave,\" "
                 "said Fatima Saadi, a resident of the camp.",
    "hostile.txt": " date 2024-01-11 <img src=x onerror=\"document.title='pwned'\"> Five people were "
                   "wounded in Tulkarem, officials said.",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    folder = tmp_path_factory.mktemp("web")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = load(environ={}, db=str(folder / "store.db"))
    pipeline.run([str(folder)], settings, progress=False)
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=_free_port(),
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{config.port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    page.close()
    assert errors == []  # no script error, no resource blocked by the page's own policy


def test_web_search_leads_from_a_sentence_to_its_place_in_the_article(server, page):
    page.goto(server + "/")
    assert page.locator("#articles tbody tr").count() == 2
    page.fill("input[name=q]", "Jenin raid")
    page.click("form.search button")
    page.locator("#hits a").first.click()
    assert page.locator("#hit").is_visible()
    assert "Jenin camp" in "".join(page.locator("#text .k-hit").all_inner_texts())
    assert page.locator("#figures td").filter(has_text="killed").count() >= 1
    assert "Fatima Saadi" in page.locator("#quotes").inner_text()


def test_web_highlight_toggle_switches_a_kind_off(server, page):
    page.goto(server + "/?q=Jenin")
    page.locator("#articles tbody a").first.click()
    figure = page.locator("#text .k-figures").first
    before = figure.evaluate("e => getComputedStyle(e).backgroundColor")
    page.locator("#toggles input[data-kind=figures]").uncheck()
    after = figure.evaluate("e => getComputedStyle(e).backgroundColor")
    assert before != after and after in ("rgba(0, 0, 0, 0)", "transparent")
    assert "off-figures" in page.locator("#text").get_attribute("class")


def test_web_article_markup_is_shown_as_text_never_run(server, page):
    page.goto(server + "/?q=Tulkarem")
    page.locator("#articles tbody a").first.click()
    assert page.title() != "pwned"
    assert "<img src=x" in page.locator("#text").inner_text()
    assert page.locator("#text img").count() == 0


def test_web_timeline_page_renders_dates_with_sources(server, page):
    page.goto(server + "/timeline")
    assert page.locator("h1").inner_text()
    assert page.locator("li.day").count() >= 1


def test_web_nav_reaches_events_and_figures_and_back_to_an_article(server, page):
    page.goto(server + "/")
    page.click("nav.top >> text=Figures")
    assert page.locator("h1").inner_text() == "Figures"
    page.click("nav.top >> text=Events")
    assert page.locator("#events tbody tr").count() >= 1
    page.locator("#events ul.mentions a").first.click()
    assert page.locator("#hit").is_visible()
