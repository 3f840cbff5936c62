"""The UI driven programmatically: gradio_client against the running UI + API, and the UI's
handlers behind a relay that cuts or slows the link to the real API."""

from __future__ import annotations

import json
import time
from urllib.parse import urlsplit

import httpx
import pytest
from gradio_client import Client

from tests.ui_fixtures import Relay, ui_api, ui_server  # noqa: F401 - pytest fixtures
from ui.callbacks import Callbacks
from ui.client import ApiClient
from ui.render import esc

pytestmark = pytest.mark.slow

QUESTION = "Où a lieu l'atelier sur la santé mentale ?"


def _lines(text: str) -> str:
    """A quote as the UI renders it: escaped, line breaks as <br>."""
    return "<br>".join(esc(part) for part in text.split("\n"))


def _text(message: dict) -> str:
    """Text of a chat message as gradio_client returns it (content is a list of parts)."""
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


def test_question_returns_answer_and_sources(ui_server: str, ui_api: str) -> None:  # noqa: F811
    client = Client(ui_server, verbose=False)
    conversation, box = client.predict(QUESTION, "fr", api_name="/ask")
    assert box == ""  # the question box is cleared for the next question
    assert [m["role"] for m in conversation] == ["user", "assistant"]
    shown = _text(conversation[-1])
    expected = httpx.post(
        f"{ui_api}/ask", json={"question": QUESTION, "history": []}, timeout=60
    ).json()
    assert expected["answered"] and expected["citations"]
    # The sources are numbered, titled and carry the exact quoted span, highlighted.
    assert shown.count('<details class="source"') == len(expected["citations"])
    assert '<sup class="cite">[1]</sup>' in shown
    for citation in expected["citations"]:
        assert f"<mark>{_lines(citation['quote'])}</mark>" in shown
    # Sources are grouped by document: each title once, above its numbered quotes.
    visible = shown.split('<span class="copy-text">')[0]
    for title in {c["title"] for c in expected["citations"]}:
        assert visible.count(f'<p class="doc-title">{esc(title)}</p>') == 1

    # Out of scope: the plain "not found" state with the nearest passages, not an invention.
    conversation, _ = client.predict(
        "Quel temps fera-t-il à Marseille demain ?", "fr", api_name="/ask"
    )
    shown = _text(conversation[-1])
    assert len(conversation) == 4  # same session: the conversation goes on
    assert "Pas trouvé dans les documents" in shown and "suggestion" in shown


@pytest.fixture()
def relay(ui_api: str) -> Relay:  # noqa: F811
    port = urlsplit(ui_api).port
    assert port
    r = Relay(port)
    yield r
    r.down()


def _last(chat) -> str:
    *_, (messages, _state, _turns, _ids, _box) = chat
    return messages[-1]["content"]


def test_down_then_back_and_history_is_sent(relay: Relay) -> None:
    cb = Callbacks(ApiClient(relay.url))
    relay.down()
    shown = _last(cb.respond(QUESTION, [], [], {}, "fr"))
    assert "Le service ne répond pas" in shown and "Traceback" not in shown
    assert cb.status("fr") == (cb.status("fr")[0], False)

    relay.up()  # the API is reachable again: the very next question works
    out = list(cb.respond(QUESTION, [], [], {}, "fr"))
    messages, _state, turns, ids, _box = out[-1]
    assert '<details class="source"' in messages[-1]["content"]
    assert len(out) > 3, "the answer should arrive in several streamed updates"
    assert cb.status("fr")[1] is True

    # A follow-up sends the conversation so far as `history`.
    relay.requests.clear()
    list(cb.respond("Et à quelle heure ?", messages, turns, ids, "fr"))
    sent = b"".join(relay.requests).decode("utf-8", "replace")
    ask = sent[sent.index("POST /ask") :]
    # The body is JSON; whatever the client sent next on the wire (a document) follows it.
    body, _ = json.JSONDecoder().raw_decode(ask[ask.index("\r\n\r\n") + 4 :])
    assert body.get("question") == "Et à quelle heure ?"
    assert body["history"][0] == {"role": "user", "content": QUESTION}
    assert body["history"][1]["role"] == "assistant" and "[1]" in body["history"][1]["content"]


def test_slow_api_gives_a_plain_message(relay: Relay) -> None:
    relay.delay_s = 3.0
    cb = Callbacks(ApiClient(relay.url, timeout_s=1.0))
    t0 = time.perf_counter()
    shown = _last(cb.respond(QUESTION, [], [], {}, "en"))
    assert time.perf_counter() - t0 < 10
    assert "not responding" in shown
    html = cb.search_sessions("santé", None, None, None, "fr")
    assert "Le service ne répond pas" in html


def test_example_questions_come_from_the_served_catalogue_and_are_answered(ui_api: str) -> None:  # noqa: F811
    """No programme's names in the UI code: the examples are built from what the API serves,
    and each one the catalogue shaped gets a cited answer from it."""
    from ui.examples import GENERIC, build_examples

    client = ApiClient(ui_api)
    examples = build_examples(client)
    titles = {s["title"] for s in client.sessions()}
    built = [q for lang in examples for qs in examples[lang].values() for q in qs
             if q not in GENERIC[lang]["attendee"] + GENERIC[lang]["official"] + GENERIC[lang]["staff"]]
    assert len(built) >= 6, examples
    assert any(title in q for q in examples["fr"]["attendee"] for title in titles)
    for question in examples["fr"]["attendee"] + examples["fr"]["official"]:
        answer = client.ask(question, [])
        assert answer["answered"] and answer["citations"], (question, answer["answer"])
    # The service unreachable: the generic questions, and no error.
    assert build_examples(ApiClient("http://127.0.0.1:9")) == GENERIC
