"""The UI in Debian's headless Chromium (Playwright), against the running UI + real API, at a
phone's size (390x844) and a desktop's (1400x1000).

Skipped only on a dev machine without /usr/bin/chromium; in CI (CI=true) that is a failure.
Screenshots of every tab at both sizes, and the downloaded agenda, are kept under
artifacts/ui/ (git-ignored) for a person to look at.
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

SHOTS = ARTIFACTS / "ui"
SIZES = {"phone": (390, 844), "desktop": (1400, 1000)}
TABS = {"programme": "Programme", "sessions": "Sessions", "initiatives": "Initiatives"}
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
# Words of an element's text that the layout split over two lines (one client rect per line).
BROKEN_WORDS = """(el) => {
  const out = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const re = /\\S+/g; let m;
    while ((m = re.exec(node.data))) {
      const r = document.createRange();
      r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
      if (tops.size > 1) out.push(m[0]);
    }
  }
  return out;
}"""
# '' when the first answer's first line, scrolled into view, is the topmost element there;
# otherwise what sits on top of it.
COVERING = """() => {
  const answer = document.querySelector('#chat .reply .answer');
  if (!answer) return 'no answer';
  answer.scrollIntoView({block: 'center'});
  const r = answer.getBoundingClientRect();
  const e = document.elementFromPoint(r.left + 20, r.top + 8);
  return e && e.closest('.answer') ? '' : (e ? e.outerHTML.slice(0, 120) : 'nothing');
}"""
# Visible elements sticking out of the viewport on the right (what makes a page scroll sideways).
OVERFLOWING = """() => [...document.querySelectorAll('gradio-app *')].filter(e => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.right > window.innerWidth + 1 &&
         getComputedStyle(e).visibility !== 'hidden';
}).map(e => e.tagName + '.' + (e.className || '').toString().slice(0, 40)).slice(0, 5)"""


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def _open(chromium, url: str, size: str = "desktop", *, locale: str = "fr-FR"):  # noqa: ANN001, ANN202
    width, height = SIZES[size]
    context = chromium.new_context(viewport={"width": width, "height": height}, locale=locale,
                                   accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.wait_for_selector("#question textarea")
    page.wait_for_selector("#service-status .status-ok")
    return page, errors


def _ask(page, question: str) -> None:  # noqa: ANN001
    page.fill("#question textarea", question)
    page.click("#send")
    page.wait_for_selector("#chat .reply")


def _no_sideways_scroll(page, where: str) -> None:  # noqa: ANN001
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, where
    assert page.evaluate(OVERFLOWING) == [], where


@pytest.mark.parametrize("size", list(SIZES))
def test_layout_fits_and_every_tab_is_reachable(chromium, ui_server: str, size: str) -> None:  # noqa: F811
    page, errors = _open(chromium, ui_server, size)
    width, height = SIZES[size]
    # On load: the top of the page, with the chat and the question box in view.
    assert page.evaluate("window.scrollY") == 0
    chat = page.locator("#chat").bounding_box()
    box = page.locator("#question textarea").bounding_box()
    assert chat and box and chat["y"] < height and box["y"] + box["height"] <= height, (chat, box)
    # The title wraps between words only, and the language switch is under it on a phone.
    title = page.locator("#title h2")
    assert title.evaluate(BROKEN_WORDS) == []
    lang_box, title_box = page.locator("#lang-toggle").bounding_box(), title.bounding_box()
    assert lang_box and title_box
    if size == "phone":
        assert lang_box["y"] >= title_box["y"] + title_box["height"] - 1
    # Every tab is a visible tab, not hidden behind an overflow menu.
    for name in ["Chat", *TABS.values()]:
        assert page.get_by_role("tab", name=name).is_visible(), name
    # The chat has no floating label to cover the conversation.
    assert page.locator('#chat [data-testid="block-label"], #chat label').count() == 0

    _ask(page, "Qui intervient au labo sur le développement local ?")
    # The answer streams in and the chat scrolls itself as it grows: wait for the final render
    # (its sources), then scroll and hit-test in one step, retried until the layout settles.
    page.wait_for_selector("#chat details.source")
    try:
        page.wait_for_function(f"() => ({COVERING})() === ''", timeout=10_000)
    except Exception:  # noqa: BLE001 - report what covers the answer, not a timeout
        pytest.fail(f"something covers the answer's first line: {page.evaluate(COVERING)}")
    _no_sideways_scroll(page, "chat")
    page.screenshot(path=str(SHOTS / f"chat-{width}x{height}.png"), full_page=True)

    page.get_by_role("tab", name="Programme").click()
    page.fill("#interests textarea", "santé mentale, jeunesse, alimentation")
    page.click("#build-programme")
    page.wait_for_selector("#agenda .card")
    _no_sideways_scroll(page, "programme")
    page.screenshot(path=str(SHOTS / f"programme-{width}x{height}.png"), full_page=True)
    for tab, html in (("sessions", "#sessions-table"), ("initiatives", "#initiatives-table")):
        page.get_by_role("tab", name=TABS[tab]).click()
        page.wait_for_selector(f"{html} .card")
        assert page.locator(f"{html} table").count() == 0  # cards, every field in reach
        _no_sideways_scroll(page, tab)
        page.screenshot(path=str(SHOTS / f"{tab}-{width}x{height}.png"), full_page=True)
    assert not errors, errors
    page.context.close()


def test_answer_streams_sources_grouped_copy_is_plain_and_feedback(chromium, ui_server: str, ui_api: str) -> None:  # noqa: F811
    page, errors = _open(chromium, ui_server, "phone")
    page.evaluate(WATCH_STREAM)
    _ask(page, QUESTION)
    page.wait_for_selector("#chat details.source")
    snapshots = [s for s in page.evaluate("window.__snapshots") if s.strip()]
    partial = [s for s in snapshots if "Sources" not in s and s != snapshots[-1]]
    assert len(partial) >= 2, f"no streaming seen: {snapshots[:5]}"

    expected = httpx.post(f"{ui_api}/ask", json={"question": QUESTION, "history": []}, timeout=60).json()
    titles = {c["title"] for c in expected["citations"]}
    # Sources grouped by document: each title once, however many citations it has.
    shown_titles = page.locator("#chat .doc-title").all_inner_texts()
    assert sorted(_flat(t) for t in shown_titles) == sorted(_flat(t) for t in titles)
    citation = expected["citations"][0]
    source = page.locator("#chat details.source").first
    assert not source.locator("mark").is_visible()
    source.locator("summary").click()
    assert _flat(source.locator("mark").inner_text()) == _flat(citation["quote"])
    # The whole document, the same span highlighted and scrolled into view.
    href = source.locator("a.open-doc").get_attribute("href")
    assert href and f"start={citation['start']}" in href
    doc_page = page.context.new_page()
    doc_page.goto(f"{ui_server.rstrip('/')}/{href}")
    mark = doc_page.locator("mark#quote")
    assert _flat(mark.inner_text()) == _flat(citation["quote"]) and mark.is_visible()
    assert doc_page.evaluate("window.scrollY") > 0 or citation["start"] < 500
    doc_page.close()

    # Copy: plain text, the [n] marks and the sources, no markup.
    page.locator('#chat button[aria-label="Copy message"]').last.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "<" not in copied and "&#" not in copied and "[1]" in copied, copied
    assert "Sources" in copied and _flat(citation["title"]) in _flat(copied)

    # Thumbs up, then a comment: both reach /feedback. Gradio translates its own labels.
    page.locator('#chat button[aria-label="J\'aime"], #chat button[aria-label=Like]').last.click()
    page.wait_for_selector("#feedback-status .notice-ok")
    page.fill("#comment textarea", "Réponse utile, merci.")
    page.get_by_role("button", name="Envoyer le commentaire").click()
    page.wait_for_function("() => document.querySelector('#comment textarea').value === ''")
    assert not errors, errors
    page.context.close()


def test_refusal_is_one_message_in_the_interface_language(chromium, ui_server: str) -> None:  # noqa: F811
    page, errors = _open(chromium, ui_server, "phone", locale="en-US")
    page.get_by_text("English").click()
    page.wait_for_function("() => document.querySelector('#send').innerText.includes('Send')")
    _ask(page, "Quel temps fera-t-il à Marseille demain ?")  # a French question, English interface
    reply = page.locator("#chat .reply").last
    assert reply.locator(".not-found").count() == 1
    text = reply.inner_text()
    assert "Not found in the documents" in text and "Pas trouvé" not in text
    assert reply.locator(".suggestion").count() >= 1
    for title in reply.locator(".doc-title").all_inner_texts():  # each document's title once
        assert reply.inner_text().count(title.strip()) == 1
    assert not errors, errors
    page.context.close()


def test_agenda_says_its_event_and_downloads_a_calendar(chromium, ui_server: str) -> None:  # noqa: F811
    page, errors = _open(chromium, ui_server, "desktop")
    page.get_by_role("tab", name="Programme").click()
    page.fill("#interests textarea", "cuisine japonaise")
    page.click("#build-programme")
    page.wait_for_selector("#agenda .no-results")
    assert "ne correspond" in page.locator("#agenda").inner_text()
    assert not page.locator("#download-ics").is_visible()

    page.fill("#interests textarea", "vieillissement, enfants et jeunes, santé mentale")
    page.click("#build-programme")
    page.wait_for_selector("#agenda .card")
    agenda = page.locator("#agenda")
    assert "Programme de l'événement le plus récent" in agenda.locator(".agenda-scope").inner_text()
    assert agenda.locator(".alternatives").count() >= 1  # the clash is shown, not dropped
    days = agenda.locator(".day").all_inner_texts()
    assert days and all("2025" in d for d in days)
    with page.expect_download() as download:
        page.click("#download-ics")
    saved = SHOTS / download.value.suggested_filename
    download.value.save_as(saved)
    ics = Path(saved).read_text(encoding="utf-8")
    slots = agenda.locator(".card.slot").count()
    assert saved.suffix == ".ics" and ics.count("BEGIN:VEVENT") == slots and "caractères" not in ics
    assert not errors, errors
    page.context.close()


def test_script_in_question_and_corpus_is_shown_as_text(chromium, ui_server: str) -> None:  # noqa: F811
    page, errors = _open(chromium, ui_server)
    # The question carries a payload, and the retrieved document (title, text) carries one too.
    _ask(page, f"{XSS} cuisine collective et jardins partagés du quartier")
    page.wait_for_selector("#chat details.source")
    user = page.locator('#chat [data-testid="user"]').last
    assert XSS in user.inner_text()
    source = page.locator("#chat details.source").first
    source.locator("summary").click()
    assert XSS in source.inner_text()
    page.screenshot(path=str(SHOTS / "xss.png"), full_page=True)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img[src='x']").count() == 0
    assert not errors, errors
    page.context.close()


def test_catalogue_payload_is_shown_as_text_in_sessions(chromium, ui_server: str) -> None:  # noqa: F811
    """The hostile document is parsed into a session: its card shows the payload as text."""
    page, errors = _open(chromium, ui_server)
    page.get_by_role("tab", name="Sessions").click()
    page.get_by_label("Rechercher").first.fill("cuisine collective")
    page.get_by_role("button", name="Rechercher").click()
    card = page.locator("#sessions-table .card", has_text="cuisine collective").first
    card.wait_for(timeout=20_000)
    assert XSS in card.inner_text()
    card.locator("summary").click()  # its source quote, revealed on click, is text as well
    assert XSS in card.locator("blockquote").inner_text()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img[src='x']").count() == 0
    assert not errors, errors
    page.context.close()
