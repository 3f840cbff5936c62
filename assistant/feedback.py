"""Durable user feedback in SQLite under the data dir."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    answer_id TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT,
    question TEXT
)
"""


class FeedbackStore:
    def __init__(self, data_dir: Path):
        self._path = Path(data_dir) / "feedback.sqlite3"
        self._lock = threading.Lock()
        self._path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self._path, timeout=10)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def add(self, *, answer_id: str, rating: str, comment: str | None, question: str | None) -> int:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._lock, self._connect() as db:
            cur = db.execute(
                "INSERT INTO feedback (created_at, answer_id, rating, comment, question) VALUES (?, ?, ?, ?, ?)",
                (now, answer_id, rating, comment, question),
            )
            return int(cur.lastrowid or 0)

    def all(self) -> list[dict]:
        with self._lock, self._connect() as db:
            db.row_factory = sqlite3.Row
            return [dict(r) for r in db.execute("SELECT * FROM feedback ORDER BY id")]
