"""Where a complete index (documents, passages, catalogue) lives, and how a new one is switched in.

Embedded mode keeps the data dir layout (`data/index/snapshot.json`, swapped by rename). With a
Chroma server everything a replica needs is in the server, so replicas run with empty data dirs:
each index version is a record collection's set of parts (the snapshot as compressed JSON, split
below the server's request size limit), a manifest naming the parts and their hash, and a pointer
`current`. A writer writes every part, then the manifest, checks it still holds the writer lease,
switches the pointer, and only then removes the older versions (and, after a rebuild, the old
vector space). A killed writer leaves the pointer, hence the previous version, serving.

Parts go into record metadata, not `documents`: Chroma indexes every document for full-text
search (trigrams). Measured on chromadb 1.5.9 `chroma run`, a 10 MB part costs 6.1 s and ~170 MB
of disk as a document, 0.27 s and ~30 MB as a metadata string; a 40 MB request is refused
("Payload too large"), 26 MB passes.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import zlib
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path

from assistant.domain.snapshot import Snapshot, read_snapshot, snapshot_path, write_snapshot
from assistant.search.lease import RECORDS, WriterBusy, WriterLease
from assistant.search.store import VectorStore
from assistant.settings import Settings

log = logging.getLogger(__name__)

POINTER = "current"
# Characters of base64 per part: far below the server's payload limit, and a reader holds at
# most one part's response at a time besides the assembled text.
PART_CHARS = 4_000_000
MIGRATED_SUFFIX = ".migrated-to-server"


class VersionGone(RuntimeError):
    """The version being read was removed or is incomplete (the pointer moved meanwhile)."""


class FileIndex:
    """Embedded mode: the snapshot file in the data dir, exactly as before versions existed."""

    def __init__(self, data_dir: Path):
        self._data_dir = Path(data_dir)

    def current_version(self) -> str | None:
        snapshot = self.read()
        return snapshot.version_id if snapshot else None

    def read(self) -> Snapshot | None:
        return read_snapshot(self._data_dir)

    def writer(self, *, wait_s: float) -> AbstractContextManager[None]:
        return nullcontext()  # the data dir's ingest lock (ingest/lock.py) is the one writer

    def rebuild_store(self, store: VectorStore) -> VectorStore:
        store.drop_all()
        snapshot_path(self._data_dir).unlink(missing_ok=True)
        return store

    def publish(self, snapshot: Snapshot, *, store: VectorStore) -> None:
        write_snapshot(self._data_dir, snapshot)


def encode(snapshot: Snapshot) -> str:
    return base64.b64encode(zlib.compress(snapshot.model_dump_json().encode(), 6)).decode("ascii")


def decode(text: str) -> Snapshot:
    return Snapshot.model_validate_json(zlib.decompress(base64.b64decode(text)))


def _part_id(version: str, n: int) -> str:
    return f"part:{version}:{n:05d}"


class ServerIndex:
    """Server mode: index versions in the Chroma server, behind a pointer and a writer lease."""

    def __init__(self, settings: Settings, store: VectorStore, *, part_chars: int = PART_CHARS):
        self._settings = settings
        self._store = store
        self._part_chars = part_chars
        self._lease: WriterLease | None = None

    # -- reading --------------------------------------------------------------------------
    def current_version(self) -> str | None:
        pointer = self._store.records(RECORDS, [POINTER]).get(POINTER)
        return str(pointer["version"]) if pointer else None

    def read(self) -> Snapshot | None:
        """The current version; a legacy local snapshot is migrated when the server has none."""
        for _ in range(3):  # the pointer may move while we read: then read the new one
            version = self.current_version()
            if version is None:
                return self._migrate_legacy()
            try:
                return self.read_version(version)
            except VersionGone as exc:
                log.info("index version %s went while reading it (%s); reading the pointer again", version, exc)
        raise VersionGone("the index pointer kept moving while reading; try again")

    def read_version(self, version: str) -> Snapshot:
        manifest = self._store.records(RECORDS, [f"version:{version}"]).get(f"version:{version}")
        if manifest is None:
            raise VersionGone(f"no manifest for {version}")
        parts: list[str] = []
        for n in range(int(manifest["parts"])):  # one part per request bounds each response
            got = self._store.records(RECORDS, [_part_id(version, n)]).get(_part_id(version, n))
            if got is None:
                raise VersionGone(f"part {n} of {version} missing")
            parts.append(str(got["data"]))
        text = "".join(parts)
        if hashlib.sha256(text.encode("ascii")).hexdigest() != manifest["sha256"]:
            raise VersionGone(f"parts of {version} do not match its manifest")
        return decode(text)

    # -- writing --------------------------------------------------------------------------
    @contextmanager
    def writer(self, *, wait_s: float) -> Iterator[None]:
        """Hold the writer lease for the block (re-entrant within this object)."""
        if self._lease is not None:
            yield
            return
        lease = WriterLease(self._store, ttl_s=self._settings.writer_lease_s, where=self._store.describe())
        lease.acquire(wait_s=wait_s)
        self._lease = lease
        try:
            yield
        finally:
            self._lease = None
            lease.release()

    def rebuild_store(self, store: VectorStore) -> VectorStore:
        """A new vector space: replicas keep querying the current one until the switch."""
        return store.with_space(f"s{datetime.now(UTC):%Y%m%d%H%M%S}")

    def publish(self, snapshot: Snapshot, *, store: VectorStore) -> None:
        assert self._lease is not None, "publish needs the writer lease"
        previous = self.current_version()
        old = self._store.records(RECORDS, [f"version:{previous}"]).get(f"version:{previous}") if previous else None
        text = encode(snapshot)
        parts = [text[i : i + self._part_chars] for i in range(0, len(text), self._part_chars)] or [""]
        version = snapshot.version_id
        for n, part in enumerate(parts):
            self._store.put_records(RECORDS, ids=[_part_id(version, n)], overwrite=True,
                                    metadatas=[{"kind": "part", "version": version, "data": part}])
        self._store.put_records(RECORDS, ids=[f"version:{version}"], overwrite=True, metadatas=[{
            "kind": "version", "version": version, "parts": len(parts), "chars": len(text),
            "sha256": hashlib.sha256(text.encode("ascii")).hexdigest(), "built_at": snapshot.built_at,
            "embed_model": snapshot.embed_model, "space": snapshot.space}])
        self._lease.check()  # a writer that lost its lease must not switch anything
        self._store.put_records(RECORDS, ids=[POINTER], overwrite=True, metadatas=[
            {"kind": "pointer", "version": version, "switched_at": datetime.now(UTC).isoformat()}])
        log.info("index version %s switched in (%d parts, %d chars)", version, len(parts), len(text))
        self._remove_all_but(version)
        # Vector spaces of neither this version nor the previous one (which replicas may still
        # query until their next poll): a rebuild's old space goes at the publish after next.
        keep = {snapshot.space, str(old.get("space", "")) if old else snapshot.space}
        for space in store.spaces() - keep:
            store.with_space(space).drop_all()

    def _remove_all_but(self, version: str) -> None:
        """Older versions and any a killed writer left half-written."""
        stale = [i for kind in ("part", "version")
                 for i in self._store.ids(RECORDS, where={"kind": kind})
                 if i.split(":")[1] != version]
        self._store.delete(RECORDS, stale)

    # -- the layout before versions -------------------------------------------------------
    def _migrate_legacy(self) -> Snapshot | None:
        """A data dir from before versions holds `snapshot.json` while the vectors are in the
        server: publish it as the first version (no manual step), then set the file aside."""
        legacy = read_snapshot(self._settings.data_dir)
        if legacy is None:
            return None
        try:
            with self.writer(wait_s=0):
                published = self.current_version() is None
                if published:
                    self.publish(legacy, store=self._store)
        except WriterBusy:
            log.info("a writer is busy; serving the local snapshot until it publishes")
            return legacy
        path = snapshot_path(self._settings.data_dir)
        path.rename(path.with_name(path.name + MIGRATED_SUFFIX))
        if not published:
            return self.read()
        log.warning("migrated %s into the Chroma server as index version %s", path, legacy.version_id)
        return legacy


def open_index(settings: Settings, store: VectorStore) -> FileIndex | ServerIndex:
    return ServerIndex(settings, store) if settings.chroma_host else FileIndex(settings.data_dir)
