"""Servers for the UI tests: one real API over a temp corpus (plus an XSS document), one UI.

The API is the real `assistant` service, ingested with `assistant ingest` and run with
`assistant serve`, like a user would. The shared `api_server` of conftest.py cannot be reused:
its corpus is exactly the five documents, and the XSS test needs a hostile document in the corpus.
Both servers are started once per test session, whichever UI module asks first (the fixtures are
imported into several modules, so the processes are cached here rather than by pytest).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import free_port, wait_http

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
XSS = "<img src=x onerror=window.__xss=1>"
# A programme in the genre of the corpus whose title, session and text carry a script payload.
XSS_DOCUMENT = f"""Journée test {XSS}

Mardi 04 mars 2025

10H00 - 11H00 :

SALLE 9

Atelier {XSS} cuisine collective et jardins partagés

Cet atelier {XSS} présente la cuisine collective et les jardins partagés du quartier des Sapins.
"""
STARTUP_TIMEOUT_S = 180.0

_procs: dict[str, subprocess.Popen] = {}
_urls: dict[str, str] = {}
_tmp: list[Path] = []


def _wait(url: str, proc: subprocess.Popen, log: Path) -> None:
    """conftest's wait, with the process log attached to any failure."""
    try:
        wait_http(url, timeout_s=STARTUP_TIMEOUT_S, proc=proc)
    except (RuntimeError, TimeoutError) as exc:
        raise type(exc)(f"{exc}:\n{log.read_text()[-3000:]}") from None


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", **extra}


def _start(name: str, args: list[str], env: dict[str, str], health: str, workdir: Path) -> str:
    log = workdir / f"{name}.log"
    proc = subprocess.Popen(args, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, cwd=ROOT)
    _procs[name] = proc
    _wait(health, proc, log)
    return health


def _stop_all() -> None:
    from benchmarks.common import terminate

    for proc in _procs.values():
        terminate(proc)
    _procs.clear()
    for path in _tmp:
        shutil.rmtree(path, ignore_errors=True)
    _tmp.clear()


atexit.register(_stop_all)


def api_url() -> str:
    """Ingest a temp copy of the corpus plus the XSS document, then serve it (once)."""
    if "api" not in _urls:
        work = Path(tempfile.mkdtemp(prefix="ui-api-"))
        _tmp.append(work)
        shutil.copytree(ROOT / "corpus", work / "corpus")
        (work / "corpus" / "journee-test-xss.txt").write_text(XSS_DOCUMENT, encoding="utf-8")
        env = _env(ASSISTANT_CORPUS_DIR=str(work / "corpus"), ASSISTANT_DATA_DIR=str(work / "data"))
        cli = [sys.executable, "-m", "assistant.cli"]
        done = subprocess.run(
            [*cli, "ingest", "--quiet"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        port = free_port()
        _start(
            "api",
            [*cli, "serve", "--port", str(port)],
            env,
            f"http://127.0.0.1:{port}/health",
            work,
        )
        _urls["api"] = f"http://127.0.0.1:{port}"
    return _urls["api"]


def ui_url() -> str:
    """The Gradio app (`python -m ui`) pointed at the API (once)."""
    if "ui" not in _urls:
        api = api_url()
        work = Path(tempfile.mkdtemp(prefix="ui-app-"))
        _tmp.append(work)
        port = free_port()
        args = [sys.executable, "-m", "ui", "--api-url", api, "--port", str(port)]
        env = _env(GRADIO_ANALYTICS_ENABLED="False")
        _start("ui", args, env, f"http://127.0.0.1:{port}/", work)
        _urls["ui"] = f"http://127.0.0.1:{port}/"
    return _urls["ui"]


@pytest.fixture(scope="session")
def ui_api() -> Iterator[str]:
    """Base URL of the real API serving the corpus plus the XSS document."""
    yield api_url()


@pytest.fixture(scope="session")
def ui_server(ui_api: str) -> Iterator[str]:
    """URL of the running UI, talking to `ui_api`."""
    yield ui_url()


def require_chromium() -> None:
    """Skip without a browser on a dev machine; in CI (CI=true) a missing browser is a failure."""
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is absent (apt-get install chromium)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI needs the browser test: {reason}")
    pytest.skip(reason)


class Relay:
    """A TCP relay in front of the API that a test can switch off, slow down, or read from.

    It stands for the network between UI and API: `down()` refuses connections (the API host is
    gone), `delay_s` holds every response (a slow API), and `requests` keeps what the UI sent.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.delay_s = 0.0
        self.requests: list[bytes] = []
        self.port = free_port()
        self._server: socket.socket | None = None
        self.up()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def up(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(16)
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def down(self) -> None:
        if self._server is not None:
            # close() alone does not wake the thread blocked in accept() on Linux.
            with contextlib.suppress(OSError):
                self._server.shutdown(socket.SHUT_RDWR)
            self._server.close()
            self._server = None

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
        except OSError:
            client.close()
            return
        threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
        self._pipe(upstream, client, False)

    def _pipe(self, src: socket.socket, dst: socket.socket, record: bool) -> None:
        delayed = False
        try:
            while chunk := src.recv(65536):
                if record:
                    self.requests.append(chunk)
                elif not delayed and self.delay_s:
                    time.sleep(self.delay_s)
                    delayed = True
                dst.sendall(chunk)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
