"""The UI in Debian's headless Chromium (Playwright), against the running UI + real API.

Skipped only on a dev machine without /usr/bin/chromium; in CI (CI=true) that is a failure.
Screenshots and the downloaded agenda are written to artifacts/ (git-ignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.ui_fixtures import (  # noqa: F401 - pytest fixtures
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    XSS,
    require_chromium,
    ui_api,
    ui_server,
)

pytestmark = pytest.mark.slow

QUESTION = "Où a lieu l'atelier sur la santé mentale ?"
WAIT_MS = 60_000

# Records every text the last assistant message goes through, to see the answer stream in.
WATCH_STREAM = """() => {
  window.__snapshots = [];
  const chat = document.querySelector('#chat');
  new MutationObserver(() => {
    const bots = chat.querySelectorAll('[data-testid="bot"]');
    if (bots.length) window.__snapshots.push(bots[bots.length - 1].innerText);
  }).observe(chat, {subtree: true, childList: true, characterData: true});
}"""


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # fresh user-data-dir
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            accept_downloads=True,
            viewport={"width": 1280, "height": 1000},
            locale="fr-FR",
        )
        context.set_default_timeout(WAIT_MS)
        yield context
        context.close()


def _open(browser, url: str):  # noqa: ANN001, ANN202 - Playwright types stay in this module
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.wait_for_selector("#question textarea")
    page.wait_for_selector("#service-status .status-ok")
    return page, errors


def test_ask_stream_sources_feedback_and_agenda(browser, ui_server: str, ui_api: str) -> None:  # noqa: F811
    page, errors = _open(browser, ui_server)
    page.evaluate(WATCH_STREAM)
    page.fill("#question textarea", QUESTION)
    page.click("#send")
    page.wait_for_selector("#chat details.source")

    # Streamed: the message went through partial texts before the final one with its sources.
    snapshots = [s for s in page.evaluate("window.__snapshots") if s.strip()]
    final = snapshots[-1]
    partial = [s for s in snapshots if "Sources" not in s and s.strip() and s != final]
    assert len(partial) >= 3, f"no streaming seen: {snapshots[:5]}"

    # A numbered source opens on click and shows the exact quote, highlighted in its paragraph.
    expected = httpx.post(
        f"{ui_api}/ask", json={"question": QUESTION, "history": []}, timeout=60
    ).json()
    citation = expected["citations"][0]
    source = page.locator("#chat details.source").first
    assert not source.locator("mark").is_visible()
    source.locator("summary").click()
    mark = source.locator("mark")
    assert mark.is_visible()
    assert _flat(mark.inner_text()) == _flat(citation["quote"])
    assert citation["title"] in source.locator("summary").inner_text()

    # Thumbs up, then a comment: both reach /feedback.
    # Gradio translates its own labels with the browser locale.
    page.locator('#chat button[aria-label="J\'aime"], #chat button[aria-label=Like]').last.click()
    page.wait_for_selector("#feedback-status .notice-ok")
    page.fill("#comment textarea", "Réponse utile, merci.")
    page.get_by_role("button", name="Envoyer le commentaire").click()
    page.wait_for_function(
        "() => document.querySelector('#comment textarea').value === ''", timeout=WAIT_MS
    )
    page.screenshot(path=str(ARTIFACTS / "ui-chat.png"), full_page=True)

    # My programme: an agenda table and its .ics download.
    page.get_by_role("tab", name="Mon programme").click()
    page.fill("#interests textarea", "santé mentale, jeunesse, alimentation")
    page.click("#build-programme")
    page.wait_for_selector("#agenda table tbody tr")
    rows = page.locator("#agenda table tbody tr").count()
    with page.expect_download() as download:
        page.click("#download-ics")
    saved = ARTIFACTS / download.value.suggested_filename
    download.value.save_as(saved)
    ics = Path(saved).read_text(encoding="utf-8")
    assert saved.suffix == ".ics"
    # A session without a time cannot be a calendar event, so the .ics may hold fewer.
    assert "BEGIN:VCALENDAR" in ics and 1 <= ics.count("BEGIN:VEVENT") <= rows
    page.screenshot(path=str(ARTIFACTS / "ui-programme.png"), full_page=True)
    assert not errors, errors
    page.close()


def test_script_in_question_and_corpus_is_shown_as_text(browser, ui_server: str) -> None:  # noqa: F811
    page, errors = _open(browser, ui_server)
    # The question carries a payload, and the retrieved document (title, text) carries one too.
    page.fill("#question textarea", f"{XSS} cuisine collective et jardins partagés du quartier")
    page.click("#send")
    page.wait_for_selector("#chat details.source")
    user = page.locator('#chat [data-testid="user"]').last
    assert XSS in user.inner_text()
    source = page.locator("#chat details.source").first
    source.locator("summary").click()
    assert XSS in source.inner_text()

    page.screenshot(path=str(ARTIFACTS / "ui-xss.png"), full_page=True)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img[src='x']").count() == 0
    assert not errors, errors
    page.close()


def test_catalogue_payload_is_shown_as_text_in_sessions(browser, ui_server: str) -> None:  # noqa: F811
    """The hostile document is parsed into a session: its row shows the payload as text."""
    page, errors = _open(browser, ui_server)
    page.get_by_role("tab", name="Sessions").click()
    page.get_by_label("Rechercher").first.fill("cuisine collective")
    page.get_by_role("button", name="Rechercher").click()
    row = page.locator("#sessions-table tbody tr", has_text="cuisine collective").first
    row.wait_for(timeout=20_000)
    assert XSS in row.inner_text()
    row.locator("summary").click()  # its source quote, revealed on click, is text as well
    assert XSS in row.locator("blockquote").inner_text()

    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img[src='x']").count() == 0
    assert not errors, errors
    page.close()
