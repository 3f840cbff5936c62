"""Stateless API replicas over one real `chroma run` on loopback.

Two `assistant serve` processes with empty data dirs load the index version from the server and
answer alike; `assistant ingest` run by a third process (its own data dir, as on another
machine) publishes a version both pick up by polling; Chroma stopped gives 503, restarted both
recover; the writer lease stops a second writer, and a killed writer leaves the previous version
serving. Small corpora: these tests are about replication, not retrieval quality. Versions and
the lease alone, in-process: `tests/test_index_server.py`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from assistant.domain.snapshot import snapshot_path
from assistant.search.lease import RECORDS
from assistant.search.store import VectorStore
from assistant.search.versions import POINTER, ServerIndex
from tests.conftest import CORPUS, make_settings, start_api, stop

pytestmark = pytest.mark.slow

POLL_S = 1.0
CHROMA_TIMEOUT_S = 3.0
CLIENT_TIMEOUT_S = 30.0
FIRST = ["copil-villes-et-vivre-ensemble-2016.txt", "elu-facteur-cle-innovation-territoriale.txt"]
ADDED = "labos-innovation-solidarites-departements.txt"
KILLED = "seminaires-cohesion-sociale-par-ses-acteurs.txt"
QUESTIONS = [
    "Quel est le rôle de l'élu dans l'innovation ?",
    "Quand a lieu le comité de pilotage Villes et vivre ensemble ?",
    "Who attends the training on territorial innovation?",
]
NEW_QUESTION = "Qui anime le labo Agir pour un développement local ?"


# -- helpers ---------------------------------------------------------------------------------
def _server(settings) -> ServerIndex:
    return ServerIndex(settings, VectorStore(settings))


def _env(settings, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
        "ASSISTANT_DATA_DIR": str(settings.data_dir),
        "ASSISTANT_CHROMA_HOST": settings.chroma_host,
        "ASSISTANT_CHROMA_PORT": str(settings.chroma_port),
        **extra,
    }


def _ingest(settings, *args: str, **extra: str) -> subprocess.CompletedProcess:
    """`assistant ingest` in a process of its own (the writer is never a replica)."""
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest", "--quiet", *args],
        env=_env(settings, **extra), capture_output=True, text=True, timeout=300, check=False,
    )


def _answer(url: str, question: str) -> dict:
    r = httpx.post(f"{url}/ask", json={"question": question}, timeout=CLIENT_TIMEOUT_S)
    assert r.status_code == 200, r.text
    body = r.json()
    for c in body["citations"]:
        text = httpx.get(f"{url}/documents/{c['doc_id']}", timeout=CLIENT_TIMEOUT_S).json()["text"]
        assert text[c["start"] : c["end"]] == c["quote"], c
    # What differs between two calls by design: the answer id and the time taken.
    return {k: v for k, v in body.items() if k not in ("id", "took_ms")}


def _version(url: str) -> str | None:
    return httpx.get(f"{url}/health", timeout=CLIENT_TIMEOUT_S).json().get("index_version")


def _wait_for_version(urls: list[str], version: str) -> None:
    """Until every replica reports `version` (the deadline is a hang guard, not a limit)."""
    deadline = time.monotonic() + POLL_S + 120
    while any(_version(url) != version for url in urls):
        assert time.monotonic() < deadline, f"replicas still on {[_version(u) for u in urls]}, not {version}"
        time.sleep(0.05)


def _seen_leaving(urls: list[str], old: str, writer: Future) -> list[float]:
    """Wall-clock time at which each replica first reports a version other than `old`, watched
    while `writer` runs (so the pickup is timed from the switch, not from the writer's exit)."""
    seen: list[float | None] = [None] * len(urls)
    deadline = time.monotonic() + 300
    while None in seen:
        assert time.monotonic() < deadline, "the replicas never left the old version"
        if writer.done() and writer.result().returncode != 0:
            return []
        for i, url in enumerate(urls):
            if seen[i] is None and _version(url) not in (old, None):
                seen[i] = time.time()
        time.sleep(0.05)
    return [t for t in seen if t is not None]


@dataclass
class Replica:
    proc: subprocess.Popen
    url: str
    data_dir: Path


# -- fixtures --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def writer(tmp_path_factory, chroma):
    """The writer's settings (own corpus and data dir) after a first ingest through the CLI."""
    tmp = tmp_path_factory.mktemp("writer")
    (tmp / "corpus").mkdir()
    for name in FIRST:
        shutil.copy(CORPUS / name, tmp / "corpus" / name)
    settings = make_settings(tmp, chroma_host="127.0.0.1", chroma_port=chroma.port)
    out = _ingest(settings)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "2 added" in out.stdout, out.stdout
    return settings


@pytest.fixture(scope="module")
def replicas(writer, chroma, tmp_path_factory):
    env = {"ASSISTANT_CHROMA_HOST": "127.0.0.1", "ASSISTANT_CHROMA_PORT": str(chroma.port),
           "ASSISTANT_INDEX_POLL_S": str(POLL_S), "ASSISTANT_CHROMA_TIMEOUT_S": str(CHROMA_TIMEOUT_S)}
    started = []
    try:
        for n in (1, 2):
            settings = make_settings(tmp_path_factory.mktemp(f"replica{n}"))  # empty data dir
            proc, url = start_api(settings, extra_env=env)
            started.append(Replica(proc, url, settings.data_dir))
        yield started
    finally:
        for replica in started:
            log = stop(replica.proc)
            print(f"--- replica {replica.url} ---\n{log[-1500:]}")


# -- replicas --------------------------------------------------------------------------------
def test_two_replicas_with_empty_data_dirs_answer_identically(replicas, writer):
    version = _server(writer).current_version()
    for replica in replicas:
        health = httpx.get(f"{replica.url}/health", timeout=10).json()
        assert health["status"] == "ok" and health["documents"] == 2, health
        assert health["index_version"] == version
        # Nothing came from a local file: the replica's data dir holds no index.
        assert not snapshot_path(replica.data_dir).exists() and not (replica.data_dir / "chroma").exists()
    a, b = (r.url for r in replicas)
    for question in QUESTIONS:
        first = _answer(a, question)
        assert first == _answer(b, question), question
    assert any(_answer(a, q)["answered"] for q in QUESTIONS)


def _expect_503(url: str, what: str) -> None:
    for path, body in (("/ask", {"question": QUESTIONS[1]}), ("/search", {"query": "innovation"})):
        started = time.monotonic()
        r = httpx.post(f"{url}{path}", json=body, timeout=CLIENT_TIMEOUT_S)
        took = time.monotonic() - started
        assert r.status_code == 503, r.text
        assert "unavailable" in r.json()["detail"], r.json()
        print(f"{path} with Chroma {what}: 503 in {took:.2f}s (ASSISTANT_CHROMA_TIMEOUT_S={CHROMA_TIMEOUT_S})")


def test_chroma_stopped_gives_503_then_both_replicas_recover(replicas, chroma):
    before = [_answer(r.url, QUESTIONS[0]) for r in replicas]
    chroma.freeze()
    try:
        for replica in replicas:
            _expect_503(replica.url, "hung (SIGSTOP)")
    finally:
        chroma.thaw()
    chroma.kill()
    try:
        for replica in replicas:
            _expect_503(replica.url, "killed")
            # The index in memory still describes itself; only answering needs the server.
            assert httpx.get(f"{replica.url}/health", timeout=10).json()["index_version"]
    finally:
        chroma.restart()
    for replica, answer in zip(replicas, before, strict=True):
        deadline = time.monotonic() + 60
        while (r := httpx.post(f"{replica.url}/ask", json={"question": QUESTIONS[0]},
                               timeout=CLIENT_TIMEOUT_S)).status_code != 200:
            assert r.status_code == 503 and time.monotonic() < deadline, r.text
            time.sleep(0.5)
        assert _answer(replica.url, QUESTIONS[0]) == answer


class Asking:
    """Questions to every replica in a loop, in a thread, while something else happens."""

    def __init__(self, urls: list[str]):
        self.urls, self.results, self.errors = urls, [], []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        n = 0
        while not self._stop.is_set():
            url, question = self.urls[n % len(self.urls)], QUESTIONS[n % len(QUESTIONS)]
            n += 1
            try:
                self.results.append(_answer(url, question))
            except BaseException as exc:  # noqa: BLE001  # reported by stop()
                self.errors.append(f"{url} {question}: {exc!r}"[:500])

    def stop(self) -> int:
        self._stop.set()
        self._thread.join(timeout=CLIENT_TIMEOUT_S * 2)
        assert not self.errors, self.errors[:3]
        return len(self.results)


def test_a_document_ingested_by_a_third_process_reaches_both_replicas(replicas, writer):
    old = _server(writer).current_version()
    shutil.copy(CORPUS / ADDED, writer.corpus_dir / ADDED)
    urls = [r.url for r in replicas]
    asking = Asking(urls)  # through the ingest and the swap
    with ThreadPoolExecutor(1) as pool:  # the third process, watched while it runs
        ingest = pool.submit(_ingest, writer)
        seen = _seen_leaving(urls, old, ingest)
        out = ingest.result()
    assert out.returncode == 0, out.stderr[-3000:]
    assert "1 added, 0 updated, 2 unchanged" in out.stdout, out.stdout
    new = _server(writer).current_version()
    assert new and new != old
    _wait_for_version(urls, new)
    print(f"{asking.stop()} questions during the ingest and the swap: all 200 with exact quotes")
    pointer = VectorStore(writer).records(RECORDS, [POINTER])[POINTER]
    switched = datetime.fromisoformat(pointer["switched_at"]).timestamp()
    print(f"new version {new} served by both replicas {', '.join(f'{t - switched:.2f}s' for t in seen)} "
          f"after the pointer switch (ASSISTANT_INDEX_POLL_S={POLL_S})")
    answers = [_answer(r.url, NEW_QUESTION) for r in replicas]
    assert answers[0] == answers[1]
    assert answers[0]["answered"], answers[0]
    assert {c["doc_id"] for c in answers[0]["citations"]} == {ADDED.removesuffix(".txt")}
    for replica in replicas:
        assert httpx.get(f"{replica.url}/health", timeout=10).json()["documents"] == 3
    # The old version went once the pointer had moved.
    store = VectorStore(writer)
    assert store.ids(RECORDS, where={"kind": "version"}) == {f"version:{new}"}


def test_the_lease_stops_a_second_writer(writer, tmp_path):
    """A writer on another machine (its own data dir, so no local lock decides) is refused."""
    other = make_settings(tmp_path, corpus_dir=writer.corpus_dir, chroma_host=writer.chroma_host,
                          chroma_port=writer.chroma_port)
    index = _server(writer)
    with index.writer(wait_s=0):
        refused = _ingest(other, "--wait", "2")
    assert refused.returncode == 3, refused.stdout + refused.stderr[-3000:]
    assert "holds the writer lease" in refused.stderr and f"pid {os.getpid()}" in refused.stderr, refused.stderr
    assert "--wait" in refused.stderr
    again = _ingest(other)
    assert again.returncode == 0 and "0 added" in again.stdout, again.stderr[-3000:]


def test_a_killed_writer_leaves_the_previous_version_serving(replicas, writer):
    index = _server(writer)
    serving = index.current_version()
    shutil.copy(CORPUS / KILLED, writer.corpus_dir / KILLED)
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "ingest", "--quiet"],
                            env=_env(writer, ASSISTANT_WRITER_LEASE_S="20"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = VectorStore(writer)
    deadline = time.monotonic() + 120
    while True:  # SIGKILL as soon as it holds the lease: before it could publish anything
        leases = store.records(RECORDS, sorted(store.ids(RECORDS, where={"kind": "lease"})))
        if any(m["holder"].endswith(f"pid {proc.pid}") and not m["released"] for m in leases.values()):
            break
        assert proc.poll() is None and time.monotonic() < deadline, "the writer never took the lease"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    time.sleep(3 * POLL_S)
    assert index.current_version() == serving
    for replica in replicas:
        assert _version(replica.url) == serving
        assert _answer(replica.url, NEW_QUESTION)["answered"]
    # Its lease outlives it until it expires: the next writer is told so, or waits it out.
    refused = _ingest(writer)
    assert refused.returncode == 3 and f"pid {proc.pid}" in refused.stderr, refused.stderr[-3000:]
    waited = _ingest(writer, "--wait", "120")
    assert waited.returncode == 0 and "1 added" in waited.stdout, waited.stderr[-3000:]
    new = index.current_version()
    assert new != serving
    _wait_for_version([r.url for r in replicas], new)
    for replica in replicas:
        assert httpx.get(f"{replica.url}/health", timeout=10).json()["documents"] == 4
