"""A real `chroma run` server on loopback: ingest and query through it, then kill it under load.

While the server is down every request gets 200 (answered without it) or 503 with a message,
within the client timeout: no 500, no hang. Restarted on the same path and port, the service
answers again by itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time

import httpx
import pytest

from assistant.search.store import CATALOGUE, PASSAGES, VectorStore
from assistant.search.versions import ServerIndex
from tests.conftest import CORPUS, ChromaServer, make_settings, start_api, stop

pytestmark = pytest.mark.slow

QUESTION = "Qui a présenté Agrilocal ?"
CLIENT_TIMEOUT_S = 30.0


@pytest.fixture(scope="module")
def server_settings(tmp_path_factory, chroma, embedder):
    from ingest.pipeline import ingest_corpus

    tmp = tmp_path_factory.mktemp("via-server")
    shutil.copytree(CORPUS, tmp / "corpus")
    settings = make_settings(tmp, chroma_host="127.0.0.1", chroma_port=chroma.port)
    summary = ingest_corpus(settings, embedder=embedder)
    assert summary.documents == 5 and summary.passages_embedded == summary.passages > 0, (
        summary.line()
    )
    return settings


def _env(settings) -> dict[str, str]:
    return {
        "ASSISTANT_CHROMA_HOST": settings.chroma_host,
        "ASSISTANT_CHROMA_PORT": str(settings.chroma_port),
    }


def _exact_citations(client: httpx.Client, body: dict, texts: dict[str, str]) -> None:
    for c in body["citations"]:
        if c["doc_id"] not in texts:
            texts[c["doc_id"]] = client.get(f"/documents/{c['doc_id']}").json()["text"]
        assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"], c


def test_ingest_writes_through_the_server_not_an_embedded_store(server_settings):
    store = VectorStore(server_settings)
    snap = ServerIndex(server_settings, store).read()
    assert store.mode == "server"
    assert store.ids(PASSAGES) == {ip.passage.id for ip in snap.passages}
    assert store.ids(CATALOGUE) == {e.id for e in snap.entries}
    assert store._collection(PASSAGES).configuration_json["hnsw"]["ef_search"] == server_settings.chroma_ef_search
    # Nothing a replica needs stays in the writer's data dir: the index is in the server.
    assert not (server_settings.data_dir / "chroma").exists()
    assert not (server_settings.data_dir / "index").exists()


def test_cli_second_ingest_through_the_server_embeds_nothing(server_settings):
    env = {
        **os.environ,
        **_env(server_settings),
        "ASSISTANT_CORPUS_DIR": str(server_settings.corpus_dir),
        "ASSISTANT_DATA_DIR": str(server_settings.data_dir),
    }
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest", "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "5 unchanged" in out.stdout and "(0 embedded)" in out.stdout, out.stdout


def test_core_search_through_the_server(server_settings, embedder):
    from assistant.service import Assistant

    core = Assistant(server_settings, embedder=embedder)
    assert core.load()
    hits = core.search("épicerie solidaire et alimentation", k=5)
    assert hits
    for p in hits:
        assert core.document(p.doc_id).text[p.start : p.end] == p.text
    # The dense arm alone, straight from the server.
    vector = embedder.embed_query("Agrilocal")
    [dense] = core.store.nearest((PASSAGES,), embedding=vector, k=3)
    assert len(dense) == 3 and all(hit_id in core.index.position for hit_id, _ in dense)


def test_killing_chroma_under_load_gives_503_then_recovers(server_settings, chroma):
    proc, url = start_api(server_settings, extra_env=_env(server_settings))
    texts: dict[str, str] = {}
    try:
        with httpx.Client(base_url=url, timeout=CLIENT_TIMEOUT_S) as client:
            first = client.post("/ask", json={"question": QUESTION})
            assert first.status_code == 200, first.text
            assert first.json()["answered"] and "Agrilocal" in first.json()["answer"]
            _exact_citations(client, first.json(), texts)

            results, errors = _load_with_kill(url, chroma, threads=4, per_thread=10)
            assert not errors, errors
            assert len(results) == 40
            statuses = [s for s, _, _ in results]
            assert set(statuses) <= {200, 503}, statuses
            for status, body, took in results:
                assert took < CLIENT_TIMEOUT_S
                if status == 503:
                    assert isinstance(body.get("detail"), str) and body["detail"], body
            assert 503 in statuses, "the dead server went unnoticed"
            print(
                f"load: {statuses.count(200)} x 200, {statuses.count(503)} x 503, "
                f"max {max(t for _, _, t in results):.2f}s"
            )

            chroma.restart()
            recovered = _wait_for_answer(client, deadline_s=60)
            assert recovered.json()["answered"], recovered.text
            _exact_citations(client, recovered.json(), texts)
            assert client.get("/health").status_code == 200
    finally:
        log = stop(proc)
    assert "Traceback" not in log or "StoreUnavailable" in log, log[-3000:]


def _load_with_kill(url: str, chroma: ChromaServer, *, threads: int, per_thread: int):
    """`threads` x `per_thread` /ask and /search requests; Chroma is killed after the first few."""
    results: list[tuple[int, dict, float]] = []
    errors: list[str] = []
    done = threading.Semaphore(0)
    lock = threading.Lock()
    questions = [
        QUESTION,
        "Quels ateliers sur la santé mentale ?",
        "Who runs the food initiatives?",
        "Où se tient la table ronde sur la mobilité ?",
    ]

    def worker(n: int) -> None:
        with httpx.Client(base_url=url, timeout=CLIENT_TIMEOUT_S) as client:
            for i in range(per_thread):
                path, body = (
                    ("/search", {"query": questions[n], "k": 3})
                    if i % 3 == 2
                    else ("/ask", {"question": questions[(n + i) % len(questions)]})
                )
                started = time.monotonic()
                try:
                    r = client.post(path, json=body)
                    entry = (r.status_code, r.json(), time.monotonic() - started)
                except Exception as exc:  # a hang shows up here as a client timeout
                    with lock:
                        errors.append(f"{path}: {type(exc).__name__}: {exc}")
                    continue
                finally:
                    done.release()
                with lock:
                    results.append(entry)

    pool = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(threads)]
    for t in pool:
        t.start()
    for _ in range(6):  # let some requests succeed with the server up
        assert done.acquire(timeout=CLIENT_TIMEOUT_S)
    chroma.kill()
    for t in pool:
        t.join(timeout=threads * per_thread * CLIENT_TIMEOUT_S)
        assert not t.is_alive(), "a load thread hung"
    return results, errors


def _wait_for_answer(client: httpx.Client, *, deadline_s: float) -> httpx.Response:
    deadline = time.monotonic() + deadline_s
    last = None
    while time.monotonic() < deadline:
        last = client.post("/ask", json={"question": QUESTION})
        if last.status_code == 200:
            return last
        assert last.status_code == 503, last.text
        time.sleep(0.5)
    raise AssertionError(f"no recovery within {deadline_s}s: {last.status_code if last else None}")
