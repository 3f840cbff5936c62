"""Persistent embedding cache: (backend namespace, text hash) -> vector, in one SQLite file.

Shared by every data dir (default under the user's cache dir), so re-ingesting texts already
encoded once, by any ingest (a rebuild after a parser change, another data dir, the test suite's
many ingests), costs a lookup instead of the encoder. Safe with concurrent processes: SQLite in
WAL mode, one short transaction per batch, a generous busy timeout; vectors are immutable, so
two processes writing the same key write the same value (`INSERT OR IGNORE`). The cache is an
optimisation only: if it cannot be opened or written, a warning is logged and encoding goes on
without it.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

FILE_NAME = "embeddings.sqlite3"
# SQLite's default limit on bound parameters is 999 on old builds: stay under it.
CHUNK = 500


def text_key(role: str, text: str) -> str:
    return hashlib.sha256(f"{role}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()


class EmbeddingCache:
    def __init__(self, directory: Path):
        self.path = Path(directory) / FILE_NAME
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._broken = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=60, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("CREATE TABLE IF NOT EXISTS vectors (namespace TEXT NOT NULL, "
                             "key TEXT NOT NULL, vector BLOB NOT NULL, "
                             "PRIMARY KEY (namespace, key)) WITHOUT ROWID")
                conn.commit()
                self._conn = conn
            except (sqlite3.Error, OSError) as exc:
                self._disable(exc)
        return self._conn

    def _disable(self, exc: BaseException) -> None:
        self._broken = True
        log.warning("embedding cache %s unusable (%s): encoding without it", self.path, exc)

    def get_many(self, namespace: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            conn = self._connect()
            if conn is None:
                return found
            try:
                for i in range(0, len(keys), CHUNK):
                    part = list(keys[i : i + CHUNK])
                    marks = ",".join("?" * len(part))
                    rows = conn.execute(
                        f"SELECT key, vector FROM vectors WHERE namespace = ? AND key IN ({marks})",
                        [namespace, *part])
                    for key, blob in rows:
                        found[key] = np.frombuffer(blob, dtype=np.float32)
            except sqlite3.Error as exc:
                self._disable(exc)
        return found

    def put_many(self, namespace: str, items: dict[str, np.ndarray]) -> None:
        if not items:
            return
        rows = [(namespace, key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in items.items()]
        with self._lock:
            conn = self._connect()
            if conn is None:
                return
            try:
                with conn:  # one transaction: committed, or rolled back on error
                    conn.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)", rows)
            except sqlite3.Error as exc:
                self._disable(exc)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
