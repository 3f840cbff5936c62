"""Index versions and the writer lease straight against a real `chroma run` on loopback, in-process.

A few-MB index goes in parts and old or half-written versions go; an expired lease lets the next
writer in; a data dir from before versions is migrated into the server; a request keeps the
version it began with while the next is installed; a replica follows the embedding model a
version was built with, and refuses one whose model it lacks.
"""

from __future__ import annotations

import random
import shutil
import time

import pytest

from assistant.domain.models import Document
from assistant.domain.snapshot import Snapshot, new_version_id, snapshot_path
from assistant.search.lease import RECORDS, LeaseLost, WriterBusy, WriterLease
from assistant.search.store import VectorStore
from assistant.search.versions import MIGRATED_SUFFIX, ServerIndex, VersionGone
from tests.conftest import CORPUS, make_settings

pytestmark = pytest.mark.slow

DOCS = ["copil-villes-et-vivre-ensemble-2016.txt", "elu-facteur-cle-innovation-territoriale.txt"]


def _server(settings) -> ServerIndex:
    return ServerIndex(settings, VectorStore(settings))


@pytest.fixture(scope="module")
def writer(tmp_path_factory, chroma, embedder):
    """Two documents ingested into the server (in-process, with the session's model)."""
    from ingest.pipeline import ingest_corpus

    tmp = tmp_path_factory.mktemp("writer")
    (tmp / "corpus").mkdir()
    for name in DOCS:
        shutil.copy(CORPUS / name, tmp / "corpus" / name)
    settings = make_settings(tmp, chroma_host="127.0.0.1", chroma_port=chroma.port)
    assert ingest_corpus(settings, embedder=embedder).documents == 2
    return settings


def _big_snapshot(seed: int, megabytes: float) -> Snapshot:
    rng = random.Random(seed)
    words = ["".join(rng.choice("abcdeéfghilmnoprstuvè") for _ in range(rng.randint(2, 11)))
             for _ in range(20000)]
    docs = []
    for n in range(8):
        text = " ".join(rng.choice(words) for _ in range(int(megabytes * 1e6 / 8 / 7)))
        docs.append(Document(doc_id=f"programme-{n}", title=f"Programme {n}", text=text,
                             source=f"programme-{n}.txt", sha256=f"{n:064d}", chars=len(text)))
    return Snapshot(embed_model="m", documents=docs)


def test_a_few_mb_index_is_split_into_parts_and_old_versions_go(chroma, tmp_path):
    settings = make_settings(tmp_path, chroma_host="127.0.0.1", chroma_port=chroma.port,
                             collection_prefix="big")
    store = VectorStore(settings)
    index = ServerIndex(settings, store)
    first, second = _big_snapshot(1, 6), _big_snapshot(2, 6)
    with index.writer(wait_s=0):
        started = time.monotonic()
        index.publish(first, store=store)
        took = time.monotonic() - started
        # What a writer killed mid-publish leaves: parts of a version no pointer names.
        store.put_records(RECORDS, ids=["part:20000101T000000Z-dead00:00000"], overwrite=True,
                          metadatas=[{"kind": "part", "version": "20000101T000000Z-dead00", "data": "x"}])
    manifest = store.records(RECORDS, [f"version:{first.version_id}"])[f"version:{first.version_id}"]
    assert manifest["parts"] >= 2, manifest
    started = time.monotonic()
    replica = ServerIndex(settings, VectorStore(settings))  # another process would see the same
    assert replica.read() == first
    print(f"{sum(d.chars for d in first.documents) / 1e6:.1f} MB of text: {manifest['chars'] / 1e6:.1f} MB "
          f"compressed in {manifest['parts']} parts; publish {took:.2f}s, read {time.monotonic() - started:.2f}s")
    with index.writer(wait_s=0):
        index.publish(second, store=store)
    assert replica.read() == second
    with pytest.raises(VersionGone):
        replica.read_version(first.version_id)
    left = store.ids(RECORDS, where={"kind": "part"})
    assert {i.split(":")[1] for i in left} == {second.version_id}, left


def test_an_expired_lease_lets_the_next_writer_in(chroma, tmp_path):
    settings = make_settings(tmp_path, chroma_host="127.0.0.1", chroma_port=chroma.port,
                             collection_prefix="lease")
    store = VectorStore(settings)
    a = WriterLease(store, ttl_s=2, where="test")
    a.acquire()
    b = WriterLease(store, ttl_s=2, where="test")
    with pytest.raises(WriterBusy, match="holds the writer lease"):
        b.acquire(wait_s=0)
    # `a` dies without releasing: its renewals stop (what SIGKILL does to a writer).
    a._stop.set()
    b.acquire(wait_s=30)
    with pytest.raises(LeaseLost):
        a.check()
    b.check()
    b.release()
    c = WriterLease(store, ttl_s=2, where="test")
    c.acquire(wait_s=0)  # a released lease is free at once
    c.release()


def test_a_data_dir_from_before_versions_is_migrated_into_the_server(writer, embedder, tmp_path):
    """Upgrading a server deployment: its `data/index/snapshot.json` becomes the first version."""
    from assistant.service import Assistant

    current = _server(writer).read()
    legacy = make_settings(tmp_path / "legacy", chroma_host=writer.chroma_host,
                           chroma_port=writer.chroma_port, collection_prefix="upgraded")
    path = snapshot_path(legacy.data_dir)
    path.parent.mkdir(parents=True)
    path.write_text(current.model_dump_json(exclude={"version_id", "embedding", "space"}), encoding="utf-8")
    core = Assistant(legacy, embedder=embedder)
    assert core.load()
    version = core.health()["index_version"]
    assert version.endswith("-legacy") and core.health()["documents"] == len(current.documents)
    assert not path.exists() and path.with_name(path.name + MIGRATED_SUFFIX).exists()
    fresh = Assistant(make_settings(tmp_path / "fresh", chroma_host=writer.chroma_host,
                                    chroma_port=writer.chroma_port, collection_prefix="upgraded"),
                      embedder=embedder)
    assert fresh.load() and fresh.health()["index_version"] == version


def _copy_to(writer, prefix: str, snapshot: Snapshot) -> ServerIndex:
    """`snapshot` published under a collection prefix of its own (the replicas never see it)."""
    settings = writer.model_copy(update={"collection_prefix": prefix})
    index = _server(settings)
    with index.writer(wait_s=0):
        index.publish(snapshot, store=VectorStore(settings))
    return index


def test_a_request_in_flight_finishes_on_the_version_it_began_with(writer, embedder, tmp_path):
    from assistant.service import Assistant

    current = _server(writer).read()
    index = _copy_to(writer, "pinned", current.model_copy(update={"version_id": new_version_id()}))
    core = Assistant(make_settings(tmp_path, chroma_host=writer.chroma_host, chroma_port=writer.chroma_port,
                                   collection_prefix="pinned"), embedder=embedder)
    assert core.load()
    in_flight = core.pinned()  # what a request holds from its start
    old = in_flight.index.snapshot.version_id
    smaller = current.model_copy(update={"version_id": new_version_id(), "documents": current.documents[:1],
                                         "passages": [p for p in current.passages
                                                      if p.passage.doc_id == current.documents[0].doc_id],
                                         "entries": []})
    with index.writer(wait_s=0):
        index.publish(smaller, store=VectorStore(core.settings))
    assert core.refresh()
    assert core.index.snapshot.version_id == smaller.version_id and len(core.documents()) == 1
    assert in_flight.index.snapshot.version_id == old and len(in_flight.documents()) == len(current.documents)
    for passage in in_flight.search("innovation territoriale", k=5):  # still the old version's spans
        assert in_flight.document(passage.doc_id).text[passage.start : passage.end] == passage.text


def test_a_replica_follows_the_embedding_model_the_version_was_built_with(writer, embedder, tmp_path):
    from assistant.service import Assistant

    current = _server(writer).read()
    index = _copy_to(writer, "follow", current.model_copy(update={"version_id": new_version_id()}))
    settings = make_settings(tmp_path, chroma_host=writer.chroma_host, chroma_port=writer.chroma_port,
                             collection_prefix="follow", embed_model=str(tmp_path / "no-such-model"))
    core = Assistant(settings)
    assert core.load()
    health = core.health()
    assert health["embed_model"] == current.embed_model and "index_error" not in health, health
    assert core.search("innovation", k=3)  # questions encoded with the writer's model
    served = health["index_version"]
    # A version built with a model this machine lacks is refused; the loaded one keeps serving.
    missing = str(tmp_path / "model-of-another-machine")
    with index.writer(wait_s=0):
        index.publish(current.model_copy(update={
            "version_id": new_version_id(), "embed_model": missing,
            "embedding": {**current.embedding, "embed_model": missing}}), store=VectorStore(settings))
    assert not core.refresh()
    health = core.health()
    assert health["status"] == "ok" and health["index_version"] == served
    assert missing in health["index_error"] and "ASSISTANT_EMBED_MODEL" in health["index_error"]
