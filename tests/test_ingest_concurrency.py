"""Two `assistant ingest` processes started at once on one data dir: a lock keeps one writer.

Without `--wait` the second exits 3 with a message naming the lock holder; with `--wait` it
queues behind the first and finds nothing left to embed. Either way the store ends with exactly
the ids of a clean ingest.
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

DOCS = ["copil-villes-et-vivre-ensemble-2016.txt", "elu-facteur-cle-innovation-territoriale.txt"]
TIMEOUT_S = 180


def _corpus_settings(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in DOCS:
        shutil.copy(CORPUS / name, corpus / name)
    return make_settings(tmp_path, corpus_dir=corpus)


def _start(settings, *extra: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
        "ASSISTANT_DATA_DIR": str(settings.data_dir),
        "HF_HUB_OFFLINE": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "ingest", "--quiet", *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run_pair(settings, *extra: str) -> list[tuple[int, str, str]]:
    procs = [_start(settings, *extra), _start(settings, *extra)]
    try:
        outs = [p.communicate(timeout=TIMEOUT_S) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait(timeout=30)
    return [(p.returncode, out, err) for p, (out, err) in zip(procs, outs, strict=True)]


def _assert_clean_store(settings) -> None:
    from chromadb.api.shared_system_client import SharedSystemClient

    from ingest.load import load_corpus
    from ingest.pipeline import build_items

    passages, _, entries = build_items(load_corpus(settings.corpus_dir).documents)
    snap = read_snapshot(settings.data_dir)
    SharedSystemClient.clear_system_cache()  # re-open Chroma to see what the subprocesses wrote
    store = VectorStore(settings)
    wanted_p, wanted_c = {ip.passage.id for ip in passages}, {e.id for e in entries}
    assert {ip.passage.id for ip in snap.passages} == wanted_p == store.ids(PASSAGES)
    assert {e.id for e in snap.entries} == wanted_c == store.ids(CATALOGUE)
    assert store.count(PASSAGES) == len(wanted_p) and store.count(CATALOGUE) == len(wanted_c)
    assert len(snap.documents) == len(DOCS)


def test_second_ingest_without_wait_exits_3_with_a_clear_message(tmp_path):
    settings = _corpus_settings(tmp_path)
    results = sorted(_run_pair(settings), key=lambda r: r[0])
    (ok, out, _), (locked, _, err) = results
    assert (ok, locked) == (0, 3), results
    assert "documents: 2 added" in out
    assert "another ingest (pid " in err and "is writing to" in err and "--wait" in err, err
    _assert_clean_store(settings)


def test_second_ingest_with_wait_queues_then_embeds_nothing(tmp_path):
    settings = _corpus_settings(tmp_path)
    results = _run_pair(settings, "--wait", str(TIMEOUT_S))
    assert [r[0] for r in results] == [0, 0], results
    summaries = sorted(r[1].strip().splitlines()[-1] for r in results)
    # One did the work; the other waited for the lock and found everything in place.
    assert any("2 added" in s and "(0 embedded)" not in s for s in summaries), summaries
    assert any("2 unchanged" in s and "(0 embedded)" in s for s in summaries), summaries
    _assert_clean_store(settings)
