"""The optional LLM answerer against a FAKE OpenAI-compatible server.

No LLM weights or endpoint can exist on the machines that test this project, so `FakeLLM` is a
fake: a tiny http.server on a loopback port that stands in for an LLM endpoint (Ollama, vLLM)
and answers POST /v1/chat/completions with replies chosen by each test. Everything else is
real: the ingested corpus, the embedder, retrieval, the extractive answer and the verification.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

QUESTION = "Dans quelle salle a lieu l'atelier sur la santé mentale ?"
_SOURCE = re.compile(r"^\[(\d+)\] \(.*?\)\n(.*?)(?=\n\n\[\d+\] \(|\n\nQuestion:)", re.S | re.M)


def sources_of(messages: list[dict]) -> dict[int, str]:
    """The numbered sources as the answerer sent them in the user message."""
    user = [m["content"] for m in messages if m["role"] == "user"][-1]  # after the worked example
    return {int(n): text for n, text in _SOURCE.findall(user)}


def source_with(sources: dict[int, str], *needles: str, other_than: int = 0) -> int:
    return next(
        n
        for n, text in sources.items()
        if n != other_than and all(x in text.lower() for x in needles)
    )


class FakeLLM:
    """A FAKE OpenAI-compatible chat endpoint (stand-in for an LLM that cannot run here)."""

    def __init__(self) -> None:
        self.reply: Callable[[dict[int, str]], str] = lambda sources: ""
        self.status = 200
        self.delay_s = 0.0
        self.requests: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server naming)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append({"path": self.path, **body})
                time.sleep(fake.delay_s)
                if fake.status != 200:
                    self._send(
                        fake.status, {"error": {"message": "fake failure", "type": "server_error"}}
                    )
                    return
                content = fake.reply(sources_of(body["messages"]))
                self._send(
                    200,
                    {
                        "id": "chatcmpl-fake",
                        "object": "chat.completion",
                        "created": 0,
                        "model": body.get("model", "fake"),
                        "choices": [
                            {
                                "index": 0,
                                "finish_reason": "stop",
                                "message": {"role": "assistant", "content": content},
                            }
                        ],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    },
                )

            def _send(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test): nothing to answer

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def reset(
        self, reply: Callable[[dict[int, str]], str], *, status: int = 200, delay_s: float = 0.0
    ) -> None:
        self.reply, self.status, self.delay_s = reply, status, delay_s
        self.requests.clear()


@pytest.fixture(scope="module")
def fake_llm():
    fake = FakeLLM()
    fake.thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture(scope="module")
def llm_core(ingested, embedder, fake_llm):
    from assistant.service import Assistant

    settings = ingested.model_copy(
        update={"llm_base_url": fake_llm.url, "llm_model": "fake", "llm_timeout_s": 2}
    )
    assistant = Assistant(settings, embedder=embedder)
    assert assistant.load()
    assert assistant.llm is not None
    return assistant


@pytest.fixture(scope="module")
def extractive(core):
    return core.ask(QUESTION)


def supported_reply(sources: dict[int, str]) -> str:
    # Sources are looked up by content, not assumed: the extractive citations come first and
    # change with the answerer. The later source is cited first, so renumbering is exercised.
    room = source_with(sources, "salle corneille 2", "santé mentale")
    levers = source_with(sources, "leviers pour agir", other_than=room)
    assert levers > room
    return (
        f"Les collectivités possèdent des leviers pour agir sur la santé mentale des habitants [{levers}]. "
        f"La table ronde « De l'intime au politique » a lieu en salle Corneille 2 [{room}]."
    )


SUPPORTED = (
    "Les collectivités possèdent des leviers pour agir sur la santé mentale des habitants [1]. "
    "La table ronde « De l'intime au politique » a lieu en salle Corneille 2 [2]."
)


def assert_exact(core, answer) -> None:
    for c in answer.citations:
        assert c.quote == core.document(c.doc_id).text[c.start : c.end]
    marks = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    assert marks == {c.n for c in answer.citations} == set(range(1, len(answer.citations) + 1))


def test_supported_answer_is_kept_with_exact_renumbered_citations(llm_core, fake_llm, extractive):
    fake_llm.reset(supported_reply)
    answer = llm_core.ask(QUESTION)
    assert answer.backend == "llm" and answer.fallback_reason is None and answer.answered
    assert answer.answer == SUPPORTED
    assert_exact(llm_core, answer)
    assert "leviers pour agir" in answer.citations[0].quote
    assert "SALLE CORNEILLE 2" in answer.citations[1].quote
    assert answer.records == extractive.records
    # The sources are the extractive citations first, in the language of the question.
    request = fake_llm.requests[-1]
    assert request["path"] == "/v1/chat/completions" and request["model"] == "fake"
    sent = sources_of(request["messages"])
    assert [sent[c.n] for c in extractive.citations] == [
        c.quote.strip() for c in extractive.citations
    ]
    assert "Réponds en français" in request["messages"][0]["content"]


def test_invented_sentences_are_dropped(llm_core, fake_llm):
    def reply(sources: dict[int, str]) -> str:
        room = source_with(sources, "corneille 2", "santé mentale")
        return (
            f"{supported_reply(sources)} Les inscriptions se font au 02 35 52 47 10 [{room}]. "
            f"Un buffet est servi en salle Flaubert après la table ronde [{room}]. "
            "Elle est animée par une psychiatre reconnue."
        )

    fake_llm.reset(reply)
    answer = llm_core.ask(QUESTION)
    assert answer.backend == "llm"
    assert (
        "02 35" not in answer.answer
        and "Flaubert" not in answer.answer
        and "psychiatre" not in answer.answer
    )
    assert answer.answer == SUPPORTED
    assert_exact(llm_core, answer)


def test_english_answers_are_verified_against_french_sources(llm_core, fake_llm):
    def reply(sources: dict[int, str]) -> str:
        room = source_with(sources, "salle corneille 2", "santé mentale")
        return (
            f"The round table on mental health takes place in room Corneille 2 [{room}]. "
            f"It is free and open to everyone [{room}]."
        )

    fake_llm.reset(reply)
    answer = llm_core.ask("Where is the mental health workshop?")
    assert "Answer in English" in fake_llm.requests[-1]["messages"][0]["content"]
    assert answer.backend == "llm" and answer.language == "en"
    assert answer.answer == "The round table on mental health takes place in room Corneille 2 [1]."
    assert_exact(llm_core, answer)


def test_a_wholly_unsupported_answer_falls_back(llm_core, fake_llm, extractive):
    fake_llm.reset(
        lambda sources: "La table ronde a lieu le jeudi 6 mars à 14h en salle Molière [1]."
    )
    answer = llm_core.ask(QUESTION)
    assert answer.backend == "extractive"
    assert answer.fallback_reason == "llm answer unsupported by sources"
    assert answer.answer == extractive.answer and answer.citations == extractive.citations


@pytest.mark.parametrize(
    ("status", "delay_s", "reason"),
    [(200, 3.0, "llm unavailable: timeout"), (500, 0.0, "llm unavailable: HTTP 500")],
)
def test_endpoint_failures_fall_back_to_the_extractive_answer(
    llm_core, fake_llm, extractive, status, delay_s, reason
):
    fake_llm.reset(supported_reply, status=status, delay_s=delay_s)
    started = time.monotonic()
    answer = llm_core.ask(QUESTION)
    assert time.monotonic() - started < 2 + 2.5  # one attempt, bounded by llm_timeout_s
    assert len(fake_llm.requests) == 1  # no retries
    assert answer.backend == "extractive" and answer.fallback_reason == reason
    assert answer.answer == extractive.answer and answer.citations == extractive.citations


def test_refusals_never_reach_the_llm(llm_core, fake_llm):
    fake_llm.reset(lambda sources: "L'inscription coûte 20 euros [1].")
    answer = llm_core.ask("Combien coûte l'inscription au colloque de Rouen ?")
    assert not answer.answered and answer.backend == "extractive"
    assert fake_llm.requests == []


def test_http_ask_reports_the_backend_and_the_fallback(llm_core, fake_llm):
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app

    with TestClient(create_app(llm_core.settings, core=llm_core)) as client:
        fake_llm.reset(supported_reply)
        body = client.post("/ask", json={"question": QUESTION}).json()
        assert (
            body["backend"] == "llm"
            and body["fallback_reason"] is None
            and body["answer"] == SUPPORTED
        )
        for c in body["citations"]:
            assert (
                client.get(f"/documents/{c['doc_id']}").json()["text"][c["start"] : c["end"]]
                == c["quote"]
            )
        stream = client.post(
            "/ask", json={"question": QUESTION}, headers={"Accept": "text/event-stream"}
        ).text
        final = json.loads(stream.split("event: answer\ndata: ", 1)[1].split("\n", 1)[0])
        assert final["backend"] == "llm" and final["answer"] == SUPPORTED
        fake_llm.reset(supported_reply, status=500)
        body = client.post("/ask", json={"question": QUESTION}).json()
        assert (
            body["backend"] == "extractive"
            and body["fallback_reason"] == "llm unavailable: HTTP 500"
        )
        assert body["answered"] and body["citations"]


def test_a_slow_llm_falls_back_before_the_request_times_out(ingested, embedder, fake_llm):
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app
    from assistant.service import Assistant

    # The LLM's own timeout (30 s) is longer than the request's (8 s): the answerer must cap it.
    settings = ingested.model_copy(
        update={
            "llm_base_url": fake_llm.url,
            "llm_model": "fake",
            "llm_timeout_s": 30,
            "request_timeout_s": 8,
        }
    )
    fake_llm.reset(supported_reply, delay_s=4)
    with TestClient(create_app(settings, core=Assistant(settings, embedder=embedder))) as client:
        r = client.post("/ask", json={"question": QUESTION})
    assert r.status_code == 200
    assert r.json()["fallback_reason"] == "llm unavailable: timeout" and r.json()["answered"]


def test_llm_settings_come_from_the_environment(monkeypatch):
    from assistant.settings import Settings

    monkeypatch.setenv("ASSISTANT_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("ASSISTANT_LLM_MODEL", "llama3.1")
    monkeypatch.setenv("ASSISTANT_LLM_API_KEY", "secret")
    settings = Settings(_env_file=None)
    assert (settings.llm_base_url, settings.llm_model, settings.llm_api_key) == (
        "http://127.0.0.1:11434/v1",
        "llama3.1",
        "secret",
    )
