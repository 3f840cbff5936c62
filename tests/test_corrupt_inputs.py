"""Corrupt and odd files in the corpus, through the real `assistant ingest` CLI.

Each odd file is either ingested correctly (encoding detected, BOM and CRLF removed with offsets
still exact) or reported as `skipped <file>: <reason>`; every valid document still ingests; exit
status 0, or 1 with `--strict`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from assistant.domain.snapshot import read_snapshot
from assistant.search.store import CATALOGUE, PASSAGES, VectorStore
from tests.conftest import CORPUS, make_settings

pytestmark = pytest.mark.slow

# Two small real documents keep the embedding cost of the first ingest low.
VALID = ["copil-villes-et-vivre-ensemble-2016.txt", "elu-facteur-cle-innovation-territoriale.txt"]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

LEGACY_TEXT = (
    "Journée « Cœur de quartier » – Saint-Étienne\n\n"
    "Mercredi 12 mars, 9h30 – 12h00, salle Rivière\n"
    "Atelier : l’accès aux droits des personnes âgées, animé par Hélène Lefèvre.\n"
    "Échanges sur les épiceries solidaires, la mobilité et l’œuvre des bénévoles.\n"
)
# The same text without the characters Latin-1 lacks (’ œ –).
LATIN1_TEXT = LEGACY_TEXT.replace("’", "'").replace("œ", "oe").replace("–", "-")
BOM_TEXT_LINES = [
    "Rencontre régionale : habiter ensemble",
    "",
    "Jeudi 3 avril",
    "14h00 – 15h30 : Table ronde sur le logement inclusif, salle B.",
    "Intervenants : Marie Durand (ville de Lyon), Paul Martin (CCAS).",
    "",
    "Les participants présentent des exemples de colocations solidaires entre générations.",
]


def _run_ingest(settings, *extra: str, timeout: float = 150) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
        "ASSISTANT_DATA_DIR": str(settings.data_dir),
        "HF_HUB_OFFLINE": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest", *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _write_odd_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in VALID:
        shutil.copy(CORPUS / name, corpus / name)
    # The manifest names the real file, so the stray copy is the one reported as a duplicate.
    shutil.copy(CORPUS / "manifest.toml", corpus / "manifest.toml")
    (corpus / "vide.txt").write_bytes(b"")
    (corpus / "blancs.txt").write_text("  \n\t\n   \n", encoding="utf-8")
    (corpus / "image.txt").write_bytes(bytes(range(256)) * 64)
    (corpus / "ancien-cp1252.txt").write_bytes(LEGACY_TEXT.encode("cp1252"))
    (corpus / "ancien-latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    (corpus / "bom-crlf.txt").write_bytes(
        b"\xef\xbb\xbf" + "\r\n".join(BOM_TEXT_LINES).encode("utf-8") + b"\r\n"
    )
    # 50 MB of real text (the size); generated here, never committed.
    line = b"Ligne de texte d'un programme beaucoup trop long pour etre indexe raisonnablement.\n"
    with (corpus / "enorme.txt").open("wb") as fh:
        block = line * (1024 * 1024 // len(line) + 1)
        for _ in range(50):
            fh.write(block)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("mot de passe : hunter2\n", encoding="utf-8")
    (corpus / "lien.txt").symlink_to(outside / "secret.txt")
    (corpus / "verrouille.txt").write_text(
        "Document confidentiel du comité de pilotage.\n", encoding="utf-8"
    )
    (corpus / "verrouille.txt").chmod(0)
    shutil.copy(CORPUS / VALID[0], corpus / "copie-du-copil.txt")
    return corpus


EXPECTED_SKIPS = {
    "vide.txt": "empty or whitespace only",
    "blancs.txt": "empty or whitespace only",
    "image.txt": "binary content",
    "enorme.txt": "too large",
    "lien.txt": "symlink pointing outside",
    "copie-du-copil.txt": f"duplicate of {VALID[0]}",
}


@pytest.fixture(scope="module")
def odd_ingest(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("odd")
    corpus = _write_odd_corpus(tmp)
    settings = make_settings(tmp, corpus_dir=corpus)
    try:
        first = _run_ingest(settings)
        strict = _run_ingest(settings, "--strict")
    finally:
        (corpus / "verrouille.txt").chmod(0o644)  # so pytest can clean the temp dir up
    return settings, first, strict


def test_exit_status_summary_and_skip_reasons(odd_ingest):
    settings, first, strict = odd_ingest
    assert first.returncode == 0, first.stderr[-2000:]
    summary = first.stdout.strip().splitlines()[-1]
    assert summary.startswith("documents: "), summary
    skipped_lines = {
        ln.split(":", 1)[0].removeprefix("skipped "): ln.split(":", 1)[1].strip()
        for ln in first.stderr.splitlines()
        if ln.startswith("skipped ")
    }
    for name, reason in EXPECTED_SKIPS.items():
        assert name in skipped_lines, (name, first.stderr[-2000:])
        assert reason in skipped_lines[name], (name, skipped_lines[name])
    n_skipped = len(EXPECTED_SKIPS) + (0 if IS_ROOT else 1)
    assert f"{n_skipped} skipped" in summary, summary
    # Repairs are reported too, so a user knows a file was re-encoded.
    assert "note bom-crlf.txt: UTF-8 BOM removed, CRLF line ends normalised" in first.stderr
    assert "note ancien-cp1252.txt: decoded as cp1252" in first.stderr

    assert strict.returncode == 1, strict.stderr[-2000:]
    assert "0 embedded" in strict.stdout and f"{n_skipped} skipped" in strict.stdout
    assert "skipped image.txt: binary content" in strict.stderr


def test_every_valid_document_is_ingested_with_exact_offsets(odd_ingest):
    settings, first, _ = odd_ingest
    snap = read_snapshot(settings.data_dir)
    docs = {d.source: d for d in snap.documents}
    expected = set(VALID) | {"ancien-cp1252.txt", "ancien-latin1.txt", "bom-crlf.txt"}
    expected |= {"verrouille.txt"} if IS_ROOT else set()
    assert set(docs) == expected
    assert docs["ancien-cp1252.txt"].text == LEGACY_TEXT
    # French legacy text must not come back as Central European ("Lefčvre").
    assert docs["ancien-latin1.txt"].text == LATIN1_TEXT
    bom = docs["bom-crlf.txt"].text
    assert "\r" not in bom and not bom.startswith("\ufeff")
    assert bom == "\n".join(BOM_TEXT_LINES) + "\n"
    by_id = {d.doc_id: d for d in snap.documents}
    for ip in snap.passages:
        p = ip.passage
        assert by_id[p.doc_id].text[p.start : p.end] == p.text, p.id
    assert any(ip.passage.doc_id == docs["bom-crlf.txt"].doc_id for ip in snap.passages)
    for e in snap.entries:
        assert 0 <= e.start < e.end <= len(by_id[e.doc_id].text), e.id
    store = VectorStore(settings)
    assert store.ids(PASSAGES) == {ip.passage.id for ip in snap.passages}
    assert store.ids(CATALOGUE) == {e.id for e in snap.entries}
    # Nothing from behind the symlink reached the index.
    assert not any("hunter2" in d.text for d in snap.documents)


def test_served_text_of_the_bom_crlf_document_matches_its_passages(odd_ingest):
    from assistant.service import Assistant

    settings, _, _ = odd_ingest
    core = Assistant(settings)
    assert core.load()
    doc_id = next(d.doc_id for d in core.documents() if d.source == "bom-crlf.txt")
    served = core.document(doc_id).text
    assert "\r" not in served
    passages = [ip.passage for ip in core.index.snapshot.passages if ip.passage.doc_id == doc_id]
    assert passages and all(served[p.start : p.end] == p.text for p in passages)
    assert any("logement inclusif" in p.text for p in passages)


@pytest.mark.skipif(
    IS_ROOT,
    reason="running as root: file permissions do not stop reads, "
    "so an unreadable file cannot be produced",
)
def test_unreadable_file_is_skipped_with_reason(odd_ingest):
    _, first, _ = odd_ingest
    line = next(ln for ln in first.stderr.splitlines() if ln.startswith("skipped verrouille.txt:"))
    assert "cannot read file" in line and "Permission denied" in line
