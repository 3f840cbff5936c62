"""Crash safety: `assistant ingest` SIGKILLed at seeded random points, then repaired by the next run.

Every Chroma access happens in child processes: embedded Chroma is one process per data dir at a
time for writers, and a client held open by the test process would itself be a second writer
(that is what made an earlier draft of this test hang and 500). The test process only reads the
snapshot JSON and the children's stdout.

The killed ingest is the real CLI (`assistant.cli.main(["ingest"])`) run by a small wrapper that
prints a marker line before/after each embedding slice, write slice, snapshot swap and delete,
and can shrink `ingest.pipeline.WRITE_BATCH` (the default 256 is used in some trials) so a small
corpus gives several write slices. The test SIGKILLs it at a seeded delay after a seeded marker
(or after spawn), so kills land in start-up/model load, mid-embedding, mid-write, between writes,
after the snapshot swap and mid-delete. Then a plain `assistant ingest` repairs, and the store
must hold exactly the ids a clean ingest gives: passage and catalogue ids are content hashes, so
`build_items` gives them without embedding, and a real reference clean ingest of the final
corpus (fresh data dir) is compared item by item (ids, texts, metadata, vectors) at the end.
"""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from assistant.domain.snapshot import read_snapshot, snapshot_path
from tests.conftest import CORPUS, make_settings, start_api, stop

pytestmark = pytest.mark.slow

BASE = [
    "copil-villes-et-vivre-ensemble-2016.txt",
    "elu-facteur-cle-innovation-territoriale.txt",
    "labos-innovation-solidarites-departements.txt",
]
SEED = 20250304
TRIALS = 10
CHILD_TIMEOUT_S = 150

CHILD = r"""
import json, sys, threading, time

# The planned marker holds its process still for a moment, so the parent's SIGKILL lands at that
# point even on a fast machine (without it the ingest can finish before a planned kill).
PAUSE_ON = sys.argv[3] if len(sys.argv) > 3 else ""

_emit_lock = threading.Lock()

def emit(*parts):
    # One write under a lock: the ingest and its writer thread both emit, and print()'s several
    # writes interleaved into lines like "embed upsert passages 8" that no marker matched.
    with _emit_lock:
        sys.stdout.write(" ".join(map(str, parts)) + "\n")
        sys.stdout.flush()
    if parts and parts[0] == PAUSE_ON:
        time.sleep(0.4)

def state(full):
    from assistant.settings import get_settings
    from assistant.search.store import CATALOGUE, PASSAGES, VectorStore
    store = VectorStore(get_settings())
    out = {}
    for name in (PASSAGES, CATALOGUE):
        coll = store._collection(name)
        res = coll.get(include=["documents", "metadatas", "embeddings"] if full else [])
        item = {"ids": list(res["ids"]), "count": store.count(name), "id_set": len(store.ids(name))}
        if full:
            item["items"] = {i: [d, m, [float(x) for x in e]] for i, d, m, e in
                             zip(res["ids"], res["documents"], res["metadatas"], res["embeddings"])}
        out[name] = item
    return out

mode = sys.argv[1]
if mode == "ingest":  # the real CLI ingest, instrumented with marker lines
    import assistant.search.versions as versions
    import ingest.pipeline as pipeline
    from assistant.search.embedder import Embedder
    from assistant.search.store import VectorStore

    pipeline.WRITE_BATCH = int(sys.argv[2])
    embed, upsert, delete, snap = (Embedder.embed_passages, VectorStore.upsert, VectorStore.delete,
                                   versions.write_snapshot)

    def embed_(self, texts, **kw):
        emit("embed", len(texts))
        return embed(self, texts, **kw)

    def upsert_(self, name, **kw):
        emit("upsert", name, len(kw["ids"]))
        upsert(self, name, **kw)
        emit("upserted", name)

    def delete_(self, name, ids):
        ids = list(ids)
        emit("delete", name, len(ids))
        delete(self, name, ids)
        emit("deleted", name)

    def snap_(*a, **kw):
        emit("snapshot")
        out = snap(*a, **kw)
        emit("snapshotted")
        return out

    Embedder.embed_passages, VectorStore.upsert, VectorStore.delete = embed_, upsert_, delete_
    versions.write_snapshot = snap_
    from assistant.cli import main

    emit("start")
    code = main(["ingest", "--quiet"])
    emit("exit", code)
    sys.exit(code)
else:  # "check": state before, a plain CLI ingest, state after (one process, one client at a time)
    from assistant.cli import main

    full = "--full" in sys.argv
    before = state(False) if "--before" in sys.argv else None
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    code = main(["ingest", "--quiet"])
    SharedSystemClient.clear_system_cache()
    emit("STATE " + json.dumps({"code": code, "before": before, "after": state(full)}))
"""


def env_for(settings) -> dict[str, str]:
    return {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
        "ASSISTANT_DATA_DIR": str(settings.data_dir),
        "HF_HUB_OFFLINE": "1",
    }


def check(settings, *flags: str) -> dict:
    """Child: optional store state, a clean `assistant ingest`, the store state after."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, "check", *flags],
        env=env_for(settings),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("STATE ")]
    assert out.returncode == 0 and lines, out.stdout[-2000:] + out.stderr[-3000:]
    state = json.loads(lines[-1][6:])
    assert state["code"] == 0, out.stderr[-3000:]
    return state


def expected_ids(corpus: Path) -> dict:
    """The ids a clean ingest of `corpus` produces (content hashes: no embedding needed)."""
    from ingest.load import load_corpus
    from ingest.pipeline import build_items

    docs = load_corpus(corpus).documents
    passages, _, entries = build_items(docs)
    return {
        "passages": {ip.passage.id for ip in passages},
        "catalogue": {e.id for e in entries},
        "documents": {d.doc_id: d.sha256 for d in docs},
    }


def snapshot_ids(settings) -> tuple[set[str], set[str]]:
    snap = read_snapshot(settings.data_dir)
    return {ip.passage.id for ip in snap.passages}, {e.id for e in snap.entries}


def assert_clean(settings, state: dict, expected: dict) -> None:
    after = state["after"]
    for name in ("passages", "catalogue"):
        ids = after[name]["ids"]
        assert len(ids) == len(set(ids)) == after[name]["count"] == after[name]["id_set"], (
            f"duplicates in {name}"
        )
        assert set(ids) == expected[name], (
            f"{name}: orphans {len(set(ids) - expected[name])}, "
            f"missing {len(expected[name] - set(ids))}"
        )
    snap = read_snapshot(settings.data_dir)
    sp, sc = [ip.passage.id for ip in snap.passages], [e.id for e in snap.entries]
    assert len(sp) == len(set(sp)) and len(sc) == len(set(sc)), "duplicate ids in the snapshot"
    assert (set(sp), set(sc)) == (expected["passages"], expected["catalogue"])
    assert {d.doc_id: d.sha256 for d in snap.documents} == expected["documents"]
    leftovers = [
        p.name for p in snapshot_path(settings.data_dir).parent.iterdir() if p.suffix == ".tmp"
    ]
    assert not leftovers, f"orphan temp files: {leftovers}"


def variant(source: str, tag: str) -> str:
    """A distinct document derived from a real one: a new first line, so every id changes."""
    text = (CORPUS / source).read_text(encoding="utf-8")
    return f"Édition {tag} : {text.splitlines()[0]}\n\n{text}"


def mutate(corpus: Path, rng: random.Random, trial: int) -> None:
    (corpus / "variante-a.txt").write_text(variant(rng.choice(BASE), f"A{trial}"), encoding="utf-8")
    b = corpus / "variante-b.txt"
    if b.exists() and rng.random() < 0.5:
        b.unlink()
    else:
        b.write_text(variant(rng.choice(BASE), f"B{trial}"), encoding="utf-8")


@dataclass
class Plan:
    marker: str  # "spawn" or a marker line's first word
    nth: int  # SIGKILL at the nth occurrence of the marker (1-based) ...
    delay_s: float  # ... plus this delay
    batch: int  # ingest.pipeline.WRITE_BATCH in the killed child


@dataclass
class Run:
    proc: subprocess.Popen
    seen: list[tuple[float, str]] = field(default_factory=list)
    killed_at: float | None = None
    killed_after: str | None = None


def run_and_kill(settings, plan: Plan, *, timeout_s: float = CHILD_TIMEOUT_S) -> Run:
    """Start the instrumented ingest; a reader thread SIGKILLs it as planned. Waits for the end."""
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, "ingest", str(plan.batch), plan.marker],
        env=env_for(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    run = Run(proc)

    def kill():
        if proc.poll() is None:
            run.killed_after = run.seen[-1][1] if run.seen else "(nothing yet)"
            proc.send_signal(signal.SIGKILL)
            run.killed_at = time.monotonic() - started

    if plan.marker == "spawn":
        threading.Timer(plan.delay_s, kill).start()

    def read():
        count = 0
        for line in proc.stdout:
            run.seen.append((time.monotonic() - started, line.strip()))
            if line.split()[:1] == [plan.marker]:
                count += 1
                if count == plan.nth:
                    if plan.delay_s:
                        threading.Timer(plan.delay_s, kill).start()
                    else:
                        kill()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        proc.wait(timeout=timeout_s)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    reader.join(timeout=10)
    return run


KINDS = [
    "spawn",
    "spawn",
    "embed",
    "embed",
    "upsert",
    "upsert",
    "upsert",
    "upserted",
    "snapshotted",
    "delete",
]


def make_plan(kind: str, rng: random.Random, missing: tuple[int, int]) -> Plan:
    batch = (
        rng.choice([4, 8, 256])
        if kind in ("spawn", "snapshotted", "delete")
        else rng.choice([4, 8])
    )
    writes = sum(math.ceil(m / batch) for m in missing)
    if kind == "spawn":  # imports, model load, corpus read, or later: the whole run is in range
        return Plan("spawn", 1, rng.uniform(0.5, 4.0), batch)
    if kind == "embed":  # mid-embedding of a slice (the first one includes loading the model)
        return Plan("embed", rng.randint(1, writes), rng.uniform(0.0, 0.3), batch)
    if kind == "upsert":  # inside a Chroma write slice
        return Plan("upsert", rng.randint(1, writes), rng.uniform(0.0, 0.03), batch)
    if kind == "upserted":  # between two write slices
        return Plan("upserted", rng.randint(1, writes), 0.0, batch)
    if kind == "snapshotted":  # new snapshot on disk, stale vectors not deleted yet
        return Plan("snapshotted", 1, 0.0, batch)
    return Plan("delete", rng.randint(1, 2), rng.uniform(0.0, 0.02), batch)  # mid-delete


def test_sigkill_at_random_points_then_ingest_repairs(tmp_path):
    t0 = time.monotonic()
    rng = random.Random(SEED)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in BASE:
        shutil.copy(CORPUS / name, corpus / name)
    (corpus / "variante-b.txt").write_text(variant(BASE[1], "B"), encoding="utf-8")
    settings = make_settings(tmp_path, corpus_dir=corpus)
    assert_clean(settings, check(settings), expected_ids(corpus))

    kinds = KINDS[:]
    rng.shuffle(kinds)
    report = []
    for trial, kind in enumerate(kinds[:TRIALS]):
        old_p, old_c = snapshot_ids(settings)
        mutate(corpus, rng, trial)
        expected = expected_ids(corpus)
        missing = (len(expected["passages"] - old_p), len(expected["catalogue"] - old_c))
        plan = make_plan(kind, rng, missing)
        run = run_and_kill(settings, plan)
        # a SIGKILL that lands after the child printed "exit" only interrupts interpreter teardown
        killed = run.proc.returncode == -signal.SIGKILL and not str(run.killed_after).startswith(
            "exit"
        )
        assert run.proc.returncode in (0, -signal.SIGKILL), run.seen

        snap_p, snap_c = snapshot_ids(settings)  # before the repairing ingest rewrites it
        state = check(settings, "--before")
        # Right after the kill: the snapshot on disk is the old or the new complete one, and every
        # id it names has its vector in Chroma (the invariant the service's reads rely on).
        chroma_p, chroma_c = (set(state["before"][n]["ids"]) for n in ("passages", "catalogue"))
        assert (snap_p, snap_c) in ((old_p, old_c), (expected["passages"], expected["catalogue"]))
        assert snap_p <= chroma_p and snap_c <= chroma_c, (
            "the snapshot names ids missing from Chroma"
        )
        new_written = len((chroma_p - old_p) | (chroma_c - old_c))
        stale_left = len((chroma_p - expected["passages"]) | (chroma_c - expected["catalogue"]))
        snap_new = (snap_p, snap_c) != (old_p, old_c)
        assert_clean(settings, state, expected)
        line = (
            f"trial {trial}: kill {plan.marker}#{plan.nth}+{plan.delay_s:.3f}s batch={plan.batch} "
            f"-> {f'SIGKILL at {run.killed_at:.2f}s after {run.killed_after!r}' if killed else 'finished first'}"
            f" | before repair: {new_written}/{sum(missing)} new vectors, {stale_left} stale, "
            f"snapshot {'new' if snap_new else 'old'} | repaired clean"
        )
        print(line)
        report.append((killed, run.killed_after))

    # A reference clean ingest of the final corpus in a fresh data dir: same items, item by item.
    ref = make_settings(tmp_path / "reference", corpus_dir=corpus)
    ref_state = check(ref, "--full")
    assert_clean(ref, ref_state, expected_ids(corpus))
    ours = check(settings, "--full")
    assert_clean(settings, ours, expected_ids(corpus))
    for name in ("passages", "catalogue"):
        a, b = ours["after"][name]["items"], ref_state["after"][name]["items"]
        assert a.keys() == b.keys()
        for i in a:
            assert a[i][:2] == b[i][:2], i
            assert max(abs(x - y) for x, y in zip(a[i][2], b[i][2], strict=True)) < 1e-3, i

    kills = sum(k for k, _ in report)
    print(
        f"{kills}/{TRIALS} trials killed; kill points: {sorted(str(a) for k, a in report if k)}; "
        f"{time.monotonic() - t0:.0f}s"
    )
    assert kills >= TRIALS - 2, report
    assert any(k and a and a.startswith("upsert ") for k, a in report), (
        "no kill landed inside a write"
    )


QUESTIONS = [
    "Qui anime le labo Agir pour un développement local ?",
    "Quel est le rôle de l'élu dans l'innovation ?",
    "Quand a lieu le comité de pilotage Villes et vivre ensemble ?",
]


def _ask_ok(client: httpx.Client, question: str, texts: dict[str, str]) -> dict:
    r = client.post("/ask", json={"question": question})
    assert r.status_code == 200, r.text
    body = r.json()
    for c in body["citations"]:
        if c["doc_id"] not in texts:
            texts[c["doc_id"]] = client.get(f"/documents/{c['doc_id']}").json()["text"]
        assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"], c
    return body


def test_service_keeps_answering_while_its_reindex_runs_or_fails(tmp_path):
    """The service rebuilds in-process (embedded Chroma is not process-safe): while a reindex
    runs, and after one fails, /ask answers from the last complete index with exact quotes."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in BASE:
        shutil.copy(CORPUS / name, corpus / name)
    settings = make_settings(tmp_path, corpus_dir=corpus)
    check(settings)
    proc, url = start_api(settings, extra_env={"ASSISTANT_API_KEY": "test-admin-key"})
    texts: dict[str, str] = {}
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            built_at = client.get("/health").json()["index_built_at"]
            answered = [_ask_ok(client, q, texts) for q in QUESTIONS]
            assert any(a["answered"] and a["citations"] for a in answered)

            headers = {"X-API-Key": "test-admin-key"}
            # 1) a reindex that fails (its corpus folder is gone): the loaded index keeps serving
            hidden = tmp_path / "corpus-hidden"
            corpus.rename(hidden)
            assert client.post("/admin/reindex", headers=headers).status_code == 202
            deadline = time.monotonic() + CHILD_TIMEOUT_S
            while (status := client.get("/admin/reindex", headers=headers).json())["status"] == "running":
                assert time.monotonic() < deadline, "reindex did not finish"
                time.sleep(0.2)
            assert status["status"] == "failed", status
            n_crash = 0
            for q in QUESTIONS:
                _ask_ok(client, q, texts)
                n_crash += 1
            health = client.get("/health").json()
            assert health["index_built_at"] == built_at and health["documents"] == 3, health
            hidden.rename(corpus)
            (corpus / "variante.txt").write_text(variant(BASE[2], "service"), encoding="utf-8")

            # 2) a reindex that embeds a new document while questions keep coming, then a reload
            assert client.post("/admin/reindex", headers=headers).status_code == 202
            deadline, n_reindex = time.monotonic() + CHILD_TIMEOUT_S, 0
            while client.get("/admin/reindex", headers=headers).json()["status"] == "running":
                assert time.monotonic() < deadline, "reindex did not finish"
                _ask_ok(client, QUESTIONS[n_reindex % len(QUESTIONS)], texts)
                n_reindex += 1
            status = client.get("/admin/reindex", headers=headers).json()
            assert status["status"] == "succeeded", status
            health = client.get("/health").json()
            assert health["documents"] == 4, health
            texts.clear()
            for q in QUESTIONS:
                _ask_ok(client, q, texts)
            print(
                f"/ask after the failed reindex: {n_crash}, during the service reindex: "
                f"{n_reindex}: all 200 with exact quotes"
            )
    except BaseException:
        print(stop(proc)[-6000:])
        raise
    stop(proc)
