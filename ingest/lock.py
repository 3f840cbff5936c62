"""One writer per data dir: an advisory file lock held for the whole ingest."""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path


class IngestLocked(RuntimeError):
    pass


@contextmanager
def ingest_lock(data_dir: Path, *, wait_s: float = 0.0):
    """Hold `data_dir/ingest.lock`; wait up to `wait_s` for another ingest, then give up clearly."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "ingest.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_s
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
                    raise IngestLocked(
                        f"another ingest (pid {holder}) is writing to {data_dir}; "
                        "wait for it to finish or pass --wait SECONDS"
                    ) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        # Closing the descriptor releases the lock, also when the process is killed.
        os.close(fd)
