"""One vs several API replicas over one Chroma server: throughput under the same client load.

A `chroma run` on loopback, the corpus ingested into it once, then for each replica count N,
N `assistant serve` processes with empty data dirs (each loads the index version from the
server) and the same clients spread over them round-robin, as a load balancer would. On a small
machine the replicas, the Chroma server and the clients share the same cores: the gain is
bounded by them, and is reported as measured.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
from pathlib import Path

import httpx

from benchmarks.common import ROOT, WORK, ChromaRun, Server
from benchmarks.load import measure_level


def _warm(url: str, questions: list[str]) -> None:
    with httpx.Client(base_url=url, timeout=120) as client:  # first-call costs are not load
        for i, q in enumerate(questions):
            client.post("/ask" if i % 2 else "/search", json={"question" if i % 2 else "query": q})


def _measure(n: int, *, env: dict[str, str], corpus_dir: Path, work: Path, endpoint: str,
             clients: int, duration_s: float, max_requests: int, questions: list[str],
             warm: list[str]) -> dict:
    servers: list[Server] = []
    try:
        for i in range(n):
            data_dir = work / f"replica-{n}-{i}"
            shutil.rmtree(data_dir, ignore_errors=True)  # empty: all it serves comes from Chroma
            servers.append(Server(corpus_dir=corpus_dir, data_dir=data_dir, extra_env=env))
        for server in servers:
            _warm(server.url, warm)
        level = asyncio.run(measure_level([s.url for s in servers], endpoint, clients=clients,
                                   duration_s=duration_s, max_requests=max_requests,
                                   questions=questions))
        level["replicas"] = n
        level["replica_peak_rss_mb"] = [s.peak_rss_mb() for s in servers]
        return level
    finally:
        for server in servers:
            server.stop()


def run(*, replicas: list[int] = (1, 2), clients: int = 16, endpoints: list[str] = ("/ask",),
        duration_s: float = 60, max_requests: int = 20000, corpus_dir: Path = ROOT / "corpus",
        work: Path = WORK / "replicas", seed: int = 7) -> dict:
    from assistant.settings import Settings
    from benchmarks import synth
    from ingest.pipeline import ingest_corpus

    questions = synth.questions(max_requests * len(replicas) * len(endpoints) // 4 + 100, seed=seed + 97)
    warm = synth.questions(6, seed=seed + 96)
    shutil.rmtree(work / "chroma", ignore_errors=True)
    levels = []
    offset = 0
    with ChromaRun(work / "chroma") as chroma:
        env = {"ASSISTANT_CHROMA_HOST": "127.0.0.1", "ASSISTANT_CHROMA_PORT": str(chroma.port)}
        ingest_corpus(Settings(corpus_dir=corpus_dir, data_dir=work / "writer",
                               chroma_host="127.0.0.1", chroma_port=chroma.port))
        for endpoint in endpoints:
            for n in replicas:
                level = _measure(n, env=env, corpus_dir=corpus_dir, work=work, endpoint=endpoint,
                                 clients=clients, duration_s=duration_s, max_requests=max_requests,
                                 questions=questions[offset:] + questions[:offset], warm=warm)
                offset = (offset + level["requests"]) % len(questions)
                first = next((lv for lv in levels if lv["endpoint"] == endpoint), level)
                level["throughput_vs_one"] = round(level["throughput_rps"] / first["throughput_rps"], 2) \
                    if first["throughput_rps"] else None
                print(f"replicas x{n} {endpoint} ({clients} clients): {level['throughput_rps']} req/s "
                      f"({level['throughput_vs_one']} x), p50 {level['p50_ms']} ms, p99 {level['p99_ms']} ms, "
                      f"errors {level['errors']}", flush=True)
                levels.append(level)
    return {
        "corpus": str(corpus_dir.relative_to(ROOT)) if corpus_dir.is_relative_to(ROOT) else str(corpus_dir),
        "cores": os.cpu_count(),
        "clients": clients,
        "levels": levels,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="one vs N replicas over one chroma server (loopback)")
    ap.add_argument("--replicas", default="1,2")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--endpoints", default="/ask")
    ap.add_argument("--duration", type=float, default=60, help="seconds per replica count")
    ap.add_argument("--max-requests", type=int, default=20000)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    args = ap.parse_args(argv)
    result = run(replicas=[int(n) for n in args.replicas.split(",")], clients=args.clients,
                 endpoints=args.endpoints.split(","), duration_s=args.duration,
                 max_requests=args.max_requests, corpus_dir=args.corpus)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
