"""The index snapshot: documents, passages and catalogue of one complete ingest.

Ingest writes it atomically (temp file + rename) after the vectors are in Chroma; readers load it
whole and swap it in one assignment, so a reindex or a crashed ingest never shows a half-built
index. Dense hits from Chroma are kept only when their id belongs to the loaded snapshot.

This file is the embedded mode's layout (`data/index/snapshot.json`); with a Chroma server the
same snapshot is stored in the server as an index version (`assistant/search/versions.py`).
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import Field, model_validator

from assistant.domain.models import Catalogue, Document, DocumentInfo, Frozen, Passage
from assistant.settings import Settings

SNAPSHOT_NAME = "snapshot.json"


class IndexedPassage(Frozen):
    """A passage plus the filterable facts of the session that contains it."""

    passage: Passage
    session_id: str | None = None
    date: str | None = None
    room: str | None = None
    event: str | None = None


class CatalogueEntry(Frozen):
    """A catalogue record as an index item: rendered text for retrieval, exact span for citing."""

    id: str
    kind: str
    record_id: str
    doc_id: str
    text: str
    start: int
    end: int
    date: str | None = None
    room: str | None = None
    event: str | None = None
    # Source words that say what the record is, searched but not shown: an initiative's rendered
    # record gives its name, town and organisation, never what it does.
    context: str = ""

    @property
    def searched(self) -> str:
        """What retrieval reads of the entry (both arms)."""
        return f"{self.text}\n{self.context}" if self.context else self.text


def new_version_id(now: datetime | None = None) -> str:
    """Sortable by build time, unique across writers: `20261122T014500Z-3fa9c2`."""
    return f"{(now or datetime.now(UTC)):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


class Snapshot(Frozen):
    version: int = 1  # format of this model
    version_id: str = Field(default_factory=new_version_id)
    built_at: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    embed_model: str
    # The `embed_*` settings the vectors were built with: a replica encodes questions alike.
    embedding: dict[str, Any] = Field(default_factory=dict)
    # Vector collections holding this index's vectors ("" the default ones; see store.py).
    space: str = ""
    documents: list[Document] = Field(default_factory=list)
    passages: list[IndexedPassage] = Field(default_factory=list)
    catalogue: Catalogue = Field(default_factory=Catalogue)
    entries: list[CatalogueEntry] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _legacy_version_id(cls, data: Any) -> Any:
        # Snapshots written before versions existed get a stable id from their build time.
        if isinstance(data, dict) and "version_id" not in data and data.get("built_at"):
            stamp = "".join(ch for ch in str(data["built_at"])[:19] if ch.isdigit())
            data = {**data, "version_id": f"{stamp[:8]}T{stamp[8:]}Z-legacy"}
        return data

    def same_content(self, other: Snapshot) -> bool:
        """Everything but the version id and the build time is equal."""
        volatile = {"version_id", "built_at"}
        return self.model_dump(exclude=volatile) == other.model_dump(exclude=volatile)

    def infos(self) -> list[DocumentInfo]:
        return [DocumentInfo(**d.model_dump(exclude={"text"})) for d in self.documents]


def snapshot_path(data_dir: Path) -> Path:
    return Path(data_dir) / "index" / SNAPSHOT_NAME


def write_snapshot(data_dir: Path, snapshot: Snapshot) -> Path:
    path = snapshot_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A writer SIGKILLed between mkstemp and os.replace leaves its temp file behind (the cleanup
    # below cannot run); callers hold the ingest lock, so any temp file here is such an orphan.
    for orphan in path.parent.glob(".snapshot-*.tmp"):
        orphan.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".snapshot-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(snapshot.model_dump_json())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_snapshot(data_dir: Path) -> Snapshot | None:
    path = snapshot_path(data_dir)
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as fh:
        return Snapshot.model_validate(json.load(fh))


# Settings that change how fast vectors are computed (threads, batches, the cache of already
# computed ones), not which vectors come out.
_SPEED_ONLY = {"embed_batch_size", "embed_query_threads", "embed_passage_threads", "embed_cache",
               "embed_cache_dir"}


def embedding_of(settings: Settings) -> dict[str, Any]:
    """The `embed_*` settings an index is built with (model, prefixes, any backend option)."""
    return {k: v for k, v in settings.model_dump().items()
            if k.startswith("embed_") and k not in _SPEED_ONLY}


def _model_key(value: Any) -> Any:
    # The default model is a folder inside an installed package, whose absolute path differs
    # between machines and venvs: two such paths name the same model when their ends agree.
    if isinstance(value, str) and os.path.isabs(value):
        return "/".join(Path(value).parts[-2:])
    return value


def same_embedding(snapshot: Snapshot, settings: Settings) -> bool:
    """Would `settings` encode questions as this snapshot's vectors were encoded?"""
    recorded = snapshot.embedding or {"embed_model": snapshot.embed_model}
    mine = embedding_of(settings)
    return all(_model_key(mine.get(k)) == _model_key(v) for k, v in recorded.items())
