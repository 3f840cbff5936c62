"""Ingestion on the real corpus: exact offsets, incremental updates, manifest, odd files."""

from __future__ import annotations

import shutil

from assistant.domain.snapshot import read_snapshot
from assistant.search.store import CATALOGUE, PASSAGES, VectorStore
from ingest.load import load_corpus
from ingest.pipeline import ingest_corpus
from tests.conftest import CORPUS, make_settings

ROUEN = "colloque-renouveler-pacte-social-rouen-2025"


def test_every_passage_is_the_exact_source_span(ingested):
    snap = read_snapshot(ingested.data_dir)
    docs = {d.doc_id: d for d in snap.documents}
    assert len(snap.passages) > 50
    for ip in snap.passages:
        p = ip.passage
        assert docs[p.doc_id].text[p.start : p.end] == p.text, p.id
    for e in snap.entries:
        assert 0 <= e.start < e.end <= len(docs[e.doc_id].text)


def test_chroma_holds_exactly_the_snapshot_ids(ingested):
    snap = read_snapshot(ingested.data_dir)
    store = VectorStore(ingested)
    assert store.ids(PASSAGES) == {ip.passage.id for ip in snap.passages}
    assert store.ids(CATALOGUE) == {e.id for e in snap.entries}


def test_chroma_searches_the_hnsw_graph_broadly_enough_for_exact_neighbours(ingested):
    # A query-time setting, applied to collections built before it as well.
    store = VectorStore(ingested)
    for name in (PASSAGES, CATALOGUE):
        assert store._collection(name).configuration_json["hnsw"]["ef_search"] == ingested.chroma_ef_search


def test_passages_are_short_enough_for_minilm(ingested):
    snap = read_snapshot(ingested.data_dir)
    assert max(len(ip.passage.text.split()) for ip in snap.passages) <= ingested.max_passage_words


def test_manifest_titles_and_first_line_fallback(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    (tmp_path / "corpus" / "nouveau.txt").write_text("\n\n  Journée d'étude\nSALLE 2\n", encoding="utf-8")
    result = load_corpus(tmp_path / "corpus")
    by_id = {d.doc_id: d for d in result.documents}
    assert by_id[ROUEN].title.startswith("Colloque national")
    assert by_id[ROUEN].date == "2025-03-04" and by_id[ROUEN].place == "Rouen"
    assert by_id["nouveau"].title == "Journée d'étude"
    assert by_id["nouveau"].kind is None


def test_incremental_ingest_embeds_only_what_changed(tmp_path, embedder):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    settings = make_settings(tmp_path)
    first = ingest_corpus(settings, embedder=embedder)
    assert first.passages_embedded == first.passages > 0 and len(first.added) == 5

    second = ingest_corpus(settings, embedder=embedder)
    assert second.passages_embedded == 0 and second.records_embedded == 0
    assert len(second.unchanged) == 5 and "0 embedded" in second.line()

    store = VectorStore(settings)
    before = store.ids(PASSAGES)
    edited = tmp_path / "corpus" / "copil-villes-et-vivre-ensemble-2016.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nNB : ordre du jour modifié.\n", encoding="utf-8")
    third = ingest_corpus(settings, embedder=embedder)
    assert third.updated == ["copil-villes-et-vivre-ensemble-2016"]
    snap = read_snapshot(settings.data_dir)
    copil = [ip.passage.id for ip in snap.passages if ip.passage.doc_id == "copil-villes-et-vivre-ensemble-2016"]
    assert third.passages_embedded == len(copil)
    after = store.ids(PASSAGES)
    assert {i for i in before if not i.startswith("copil")} == {i for i in after if not i.startswith("copil")}

    (tmp_path / "corpus" / "elu-facteur-cle-innovation-territoriale.txt").unlink()
    fourth = ingest_corpus(settings, embedder=embedder)
    assert fourth.removed == ["elu-facteur-cle-innovation-territoriale"] and fourth.passages_embedded == 0
    assert not any(i.startswith("elu-facteur") for i in store.ids(PASSAGES))
    assert not any(i.startswith("elu-facteur") for i in store.ids(CATALOGUE))


def test_a_new_cut_of_unchanged_documents_is_embedded_again(tmp_path, embedder):
    # A parser or chunker upgrade cuts unchanged documents otherwise: passage i of a document
    # holds other text. Its id changes with it, so the index never keeps the old text's vector
    # (it did: ids named only the document's hash and the passage's rank).
    shutil.copytree(CORPUS, tmp_path / "corpus")
    settings = make_settings(tmp_path)
    ingest_corpus(settings, embedder=embedder)
    recut = settings.model_copy(update={"max_passage_words": settings.max_passage_words // 2})
    summary = ingest_corpus(recut, embedder=embedder)
    assert summary.unchanged and not summary.updated and summary.passages_embedded > 0
    snap = read_snapshot(recut.data_dir)
    stored = {h.id: h.document for h in VectorStore(recut).get(PASSAGES)}
    assert stored == {ip.passage.id: ip.passage.text for ip in snap.passages}


def test_odd_files_are_reported_and_the_rest_ingested(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "vide.txt").write_text("", encoding="utf-8")
    (corpus / "blanc.txt").write_text("   \n\n\t\n", encoding="utf-8")
    (corpus / "binaire.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "latin1.txt").write_bytes("Séance d'ouverture\r\nSalle Corneille — café\r\n".encode("cp1252"))
    (corpus / "bom.md").write_bytes(b"\xef\xbb\xbfAtelier A\r\nSalle 3\r\n")
    (corpus / "copie.txt").write_bytes((corpus / "copil-villes-et-vivre-ensemble-2016.txt").read_bytes())
    (tmp_path / "secret.txt").write_text("mot de passe", encoding="utf-8")
    (corpus / "lien.txt").symlink_to(tmp_path / "secret.txt")
    (corpus / "image.png").write_bytes(b"\x89PNG\r\n")
    result = load_corpus(corpus)
    reasons = {s.source: s.reason for s in result.skipped}
    assert reasons["vide.txt"].startswith("empty") and reasons["blanc.txt"].startswith("empty")
    assert "binary" in reasons["binaire.txt"]
    assert "outside" in reasons["lien.txt"]
    assert "duplicate" in reasons["copie.txt"]
    assert "unsupported" in reasons["image.png"]
    docs = {d.source: d for d in result.documents}
    assert docs["latin1.txt"].text == "Séance d'ouverture\nSalle Corneille — café\n"
    assert docs["bom.md"].text == "Atelier A\nSalle 3\n"
    assert len(result.documents) == 7
