"""Load benchmark (bounded: fixed duration and request cap, loopback only): 1, 4 and 16
concurrent clients against /ask and /search, each request a distinct question.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx

from benchmarks.common import ROOT, WORK, Server, pct

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


async def measure_level(
    url: str | list[str], path: str, *, clients: int, duration_s: float, max_requests: int,
    questions: list[str]
) -> dict:
    """`clients` concurrent loops; with several URLs (replicas) client i talks to URL i mod n,
    as a round-robin load balancer assigns connections."""
    urls = [url] if isinstance(url, str) else list(url)
    key = "question" if path == "/ask" else "query"
    latencies: list[float] = []
    errors: dict[str, int] = {}
    issued = 0
    deadline = time.perf_counter() + duration_s

    async def client_loop(client: httpx.AsyncClient) -> None:
        nonlocal issued
        while time.perf_counter() < deadline and issued < max_requests:
            q = questions[issued % len(questions)]
            issued += 1
            t = time.perf_counter()
            try:
                r = await client.post(path, json={key: q})
                if r.status_code != 200:
                    errors[str(r.status_code)] = errors.get(str(r.status_code), 0) + 1
                    continue
            except httpx.HTTPError as exc:
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                continue
            latencies.append(time.perf_counter() - t)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    pool = [httpx.AsyncClient(base_url=u, timeout=60, limits=limits) for u in urls]
    started = time.perf_counter()
    try:
        await asyncio.gather(*(client_loop(pool[i % len(pool)]) for i in range(clients)))
    finally:
        wall = time.perf_counter() - started
        for client in pool:
            await client.aclose()
    ms = [x * 1000 for x in latencies]
    p50, p99 = pct(ms, 0.5), pct(ms, 0.99)
    return {
        "endpoint": path,
        "clients": clients,
        "duration_s": round(wall, 1),
        "requests": issued,
        "ok": len(latencies),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "throughput_rps": round(len(latencies) / wall, 2),
        "p50_ms": round(p50, 1),
        "p99_ms": round(p99, 1),
        "p99_over_p50": round(p99 / p50, 2) if latencies else None,
    }


def run(
    *,
    url: str | None = None,
    clients: list[int] = (1, 4, 16),
    endpoints: list[str] = ("/ask", "/search"),
    duration_s: float = 60,
    short_duration_s: float = 20,
    max_requests: int = 20000,
    corpus_dir: Path = ROOT / "corpus",
    work: Path = WORK / "load",
    seed: int = 7,
    embed_model: str | None = None,
) -> dict:
    """`duration_s` for the largest client count (the issue's 16 x 60 s), `short_duration_s` for the others."""
    from benchmarks import synth

    questions = synth.questions(
        max_requests * len(endpoints) * len(clients) // 4 + 100, seed=seed + 99
    )
    server = None
    if url is None:
        work.mkdir(parents=True, exist_ok=True)
        data_dir = work / "data"
        from assistant.settings import Settings
        from ingest.pipeline import ingest_corpus

        overrides = {"embed_model": embed_model} if embed_model else {}
        ingest_corpus(Settings(corpus_dir=corpus_dir, data_dir=data_dir, **overrides))
        server = Server(corpus_dir=corpus_dir, data_dir=data_dir, embed_model=embed_model)
        url = server.url
    if urlparse(url).hostname not in LOOPBACK:
        raise SystemExit("load runs against loopback only")
    with httpx.Client(base_url=url, timeout=120) as warm:  # first-call costs are not load
        for i, q in enumerate(synth.questions(6, seed=seed + 98)):
            warm.post("/ask" if i % 2 else "/search", json={"question" if i % 2 else "query": q})
    levels = []
    offset = 0
    try:
        for path in endpoints:
            for c in clients:
                d = duration_s if c == max(clients) else short_duration_s
                # Each level starts further into the question list: no question repeats across levels.
                qs = questions[offset:] + questions[:offset]
                r = asyncio.run(
                    measure_level(
                        url, path, clients=c, duration_s=d, max_requests=max_requests, questions=qs
                    )
                )
                offset = (offset + r["requests"]) % len(questions)
                print(
                    f"load {path} x{c}: {r['throughput_rps']} req/s, p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, "
                    f"errors {r['errors']}",
                    flush=True,
                )
                levels.append(r)
        rss = server.peak_rss_mb() if server else None
    finally:
        if server:
            server.stop()
    return {
        "url": "spawned" if server else url,
        "embed_model": embed_model,
        "corpus": str(corpus_dir.relative_to(ROOT))
        if corpus_dir.is_relative_to(ROOT)
        else str(corpus_dir),
        "levels": levels,
        "service_peak_rss_mb": rss,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="bounded load benchmark (loopback only)")
    ap.add_argument(
        "--url", default=None, help="an already running service (loopback); default: spawn one"
    )
    ap.add_argument("--clients", default="1,4,16")
    ap.add_argument("--endpoints", default="/ask,/search")
    ap.add_argument(
        "--duration", type=float, default=60, help="seconds at the largest client count"
    )
    ap.add_argument(
        "--short-duration", type=float, default=20, help="seconds at the other client counts"
    )
    ap.add_argument("--max-requests", type=int, default=20000, help="request cap per level")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    args = ap.parse_args(argv)
    result = run(
        url=args.url,
        clients=[int(c) for c in args.clients.split(",")],
        endpoints=args.endpoints.split(","),
        duration_s=args.duration,
        short_duration_s=args.short_duration,
        max_requests=args.max_requests,
        corpus_dir=args.corpus,
    )
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
