"""Background reindex for the service, then a reload of the new snapshot.

The service keeps answering from its loaded snapshot while the new index is built. The build
runs in a thread of the service through a function the composition root injects (the CLI wires
`ingest_corpus` with the service's own store client and embedder): the embedded Chroma client is
thread-safe but not process-safe, and a second process writing the same data dir can block the
reader. Without an injected function (an app built bare, e.g. by a test) it falls back to an
`assistant ingest` child process, which is right for a Chroma server.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime

log = logging.getLogger(__name__)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Reindexer:
    def __init__(self, *, on_success: Callable[[], object], timeout_s: float = 3600,
                 build: Callable[[], str] | None = None):
        self._on_success = on_success
        self._build = build
        self._timeout_s = timeout_s
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.status = "idle"
        self.detail: str | None = None
        self.started_at: str | None = None
        self.finished_at: str | None = None

    def start(self) -> bool:
        """Start a reindex unless one is running; False when one already is."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return False
            self.status, self.detail, self.started_at, self.finished_at = "running", None, _now(), None
            self._thread = threading.Thread(target=self._run, name="reindex", daemon=True)
            self._thread.start()
            return True

    def _run(self) -> None:
        if self._build is not None:
            self._run_in_process(self._build)
        else:
            self._run_child()
        self.finished_at = _now()

    def _run_in_process(self, build: Callable[[], str]) -> None:
        try:
            summary = build()
            self._on_success()
            self.status, self.detail = "succeeded", summary
        except Exception as exc:  # a failed build leaves the loaded snapshot serving
            log.exception("reindex failed")
            self.status, self.detail = "failed", f"{type(exc).__name__}: {exc}"[:500]

    def _run_child(self) -> None:
        cmd = [sys.executable, "-m", "assistant.cli", "ingest", "--wait", "600", "--quiet"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=self._timeout_s, check=False)
            if proc.returncode == 0:
                self._on_success()
                lines = proc.stdout.strip().splitlines()
                self.status, self.detail = "succeeded", (lines[-1] if lines else None)
            else:
                self.status, self.detail = "failed", (proc.stderr.strip() or proc.stdout.strip())[-500:]
        except subprocess.TimeoutExpired:
            self.status, self.detail = "failed", f"ingest did not finish within {self._timeout_s:.0f}s"
        except Exception as exc:  # never let the worker thread die silently
            log.exception("reindex failed")
            self.status, self.detail = "failed", f"{type(exc).__name__}"

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
