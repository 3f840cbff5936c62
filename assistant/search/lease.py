"""One index writer at a time across machines: a lease with an expiry, stored in the Chroma server.

Chroma has no compare-and-swap, but an `add` of an id that exists is ignored (the first add wins,
also between concurrent clients), so each lease is a new record `lease:<generation>`: whoever adds
generation n+1 first holds it, and the others read back someone else's token and back off. A
generation can be taken only when the previous one is released or expired; the holder renews its
expiry while it writes, so a killed writer blocks the next one for at most `writer_lease_s`.
Before switching the index pointer the holder checks it still holds the newest generation.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from typing import Any

from assistant.search.store import StoreUnavailable, VectorStore

log = logging.getLogger(__name__)

RECORDS = "versions"  # the record collection shared with index versions
PREFIX = "lease:"


class WriterBusy(RuntimeError):
    """Another writer holds the lease."""


class LeaseLost(RuntimeError):
    """Our lease expired and another writer took over: do not publish."""


def _gen(record_id: str) -> int:
    return int(record_id[len(PREFIX):])


class WriterLease:
    def __init__(self, store: VectorStore, *, ttl_s: float, where: str):
        self._store = store
        self._ttl_s = ttl_s
        self._where = where  # the server, for messages
        self._token = secrets.token_hex(8)
        self.holder = f"{socket.gethostname()} pid {os.getpid()}"
        self.generation: int | None = None
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    # -- reading --------------------------------------------------------------------------
    def _leases(self) -> dict[int, dict[str, Any]]:
        ids = sorted(self._store.ids(RECORDS, where={"kind": "lease"}), key=_gen)
        return {_gen(i): m for i, m in self._store.records(RECORDS, ids[-1:]).items()} if ids else {}

    def _free_generation(self) -> tuple[int | None, dict[str, Any] | None]:
        """The generation to claim next, or None and the live lease that blocks us."""
        latest = self._leases()
        if not latest:
            return 0, None
        gen, meta = next(iter(latest.items()))
        if meta.get("released") or float(meta.get("expires_at", 0)) < time.time():
            return gen + 1, None
        return None, meta

    # -- acquiring ------------------------------------------------------------------------
    def acquire(self, *, wait_s: float = 0.0) -> None:
        deadline = time.monotonic() + wait_s
        while True:
            gen, blocker = self._free_generation()
            if gen is not None and self._claim(gen):
                self.generation = gen
                self._forget_older(gen)
                self._start_renewing()
                return
            if time.monotonic() >= deadline:
                raise WriterBusy(self._busy_message(blocker))
            time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))

    def _claim(self, gen: int) -> bool:
        record_id = f"{PREFIX}{gen:08d}"
        self._store.put_records(RECORDS, ids=[record_id], metadatas=[self._meta()], overwrite=False)
        got = self._store.records(RECORDS, [record_id]).get(record_id, {})
        return got.get("token") == self._token

    def _meta(self, *, released: bool = False) -> dict[str, Any]:
        return {"kind": "lease", "holder": self.holder, "token": self._token,
                "expires_at": time.time() + self._ttl_s, "released": released}

    def _forget_older(self, gen: int) -> None:
        older = [i for i in self._store.ids(RECORDS, where={"kind": "lease"}) if _gen(i) < gen]
        self._store.delete(RECORDS, older)

    def _busy_message(self, blocker: dict[str, Any] | None) -> str:
        holder = (blocker or {}).get("holder", "another writer")
        left = max(0.0, float((blocker or {}).get("expires_at", 0)) - time.time())
        return (f"another ingest ({holder}) holds the writer lease on {self._where} for {left:.0f}s "
                "more (renewed while it runs; a killed writer's lease expires after "
                "ASSISTANT_WRITER_LEASE_S); wait for it to finish or pass --wait SECONDS")

    # -- holding --------------------------------------------------------------------------
    def _record_id(self) -> str:
        assert self.generation is not None, "lease not acquired"
        return f"{PREFIX}{self.generation:08d}"

    def _write(self, *, released: bool = False) -> None:
        self._store.put_records(RECORDS, ids=[self._record_id()], metadatas=[self._meta(released=released)],
                                overwrite=True)

    def _start_renewing(self) -> None:
        def renew() -> None:
            while not self._stop.wait(self._ttl_s / 3):
                try:
                    self._write()
                except StoreUnavailable:  # the ingest itself fails on the same outage
                    log.warning("could not renew the writer lease: server unreachable")

        self._renewer = threading.Thread(target=renew, name="writer-lease", daemon=True)
        self._renewer.start()

    def check(self) -> None:
        """Raise LeaseLost unless we still hold the newest, unexpired generation."""
        latest = self._leases()
        gen, meta = next(iter(latest.items()), (None, {}))
        if (gen != self.generation or meta.get("token") != self._token
                or float(meta.get("expires_at", 0)) < time.time()):
            raise LeaseLost(f"the writer lease on {self._where} expired and another writer took "
                            "over; this ingest's index version was not switched in")

    def release(self) -> None:
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join()
        if self.generation is None:
            return
        try:
            if self._leases().get(self.generation, {}).get("token") == self._token:
                self._write(released=True)
        except StoreUnavailable:  # it expires by itself
            log.warning("could not release the writer lease: server unreachable")
        self.generation = None

    def __enter__(self) -> WriterLease:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
