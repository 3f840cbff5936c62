"""The index snapshot: documents, passages and catalogue of one complete ingest.

Ingest writes it atomically (temp file + rename) after the vectors are in Chroma; readers load it
whole and swap it in one assignment, so a reindex or a crashed ingest never shows a half-built
index. Dense hits from Chroma are kept only when their id belongs to the loaded snapshot.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from pydantic import Field

from assistant.domain.models import Catalogue, Document, DocumentInfo, Frozen, Passage

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


class Snapshot(Frozen):
    version: int = 1
    built_at: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    embed_model: str
    documents: list[Document] = Field(default_factory=list)
    passages: list[IndexedPassage] = Field(default_factory=list)
    catalogue: Catalogue = Field(default_factory=Catalogue)
    entries: list[CatalogueEntry] = Field(default_factory=list)

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
