"""Helpers shared by the benchmarks: percentiles, peak RSS, machine tag, a server process."""

from __future__ import annotations

import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "data" / "bench"  # data/ is git-ignored: generated corpora and indexes live here

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Indexes the benchmarks build to query (not the ingest figures: those use a fresh cache, see
# ingest.py) reuse vectors across runs from their own cache, never the user's.
os.environ.setdefault("ASSISTANT_EMBED_CACHE_DIR", str(WORK / "embed-cache"))


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def summary_ms(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(pct(ms, 0.5), 2),
        "p95_ms": round(pct(ms, 0.95), 2),
        "p99_ms": round(pct(ms, 0.99), 2),
        "mean_ms": round(statistics.fmean(ms), 2) if ms else None,
    }


def peak_rss_mb(pid: int | None = None) -> float:
    """Peak resident set (VmHWM) of a process; falls back to the current RSS off Linux."""
    status = Path(f"/proc/{pid or os.getpid()}/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return round(psutil.Process(pid).memory_info().rss / 2**20, 1)


def machine() -> dict:
    cores = os.cpu_count() or 0
    ram_gb = round(psutil.virtual_memory().total / 2**30)
    host = "".join(
        c for c in socket.gethostname().split(".")[0].lower() if c.isalnum() or c == "-"
    )[:20]
    return {
        "tag": f"{host or 'host'}-{cores}c-{ram_gb}g",
        "hostname": socket.gethostname(),
        "cores": cores,
        "ram_gb": ram_gb,
        "cpu": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def model_slug(embed_model: str) -> str:
    """A folder name for a model name or path."""
    return "".join(c if c.isalnum() or c in "-." else "_" for c in embed_model.strip("/"))[-60:]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`assistant serve` on a loopback port over a given corpus and data dir."""

    def __init__(self, *, corpus_dir: Path, data_dir: Path, timeout_s: float = 180,
                 embed_model: str | None = None, extra_env: dict[str, str] | None = None):

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "ASSISTANT_CORPUS_DIR": str(corpus_dir),
            "ASSISTANT_DATA_DIR": str(data_dir),
            **({"ASSISTANT_EMBED_MODEL": embed_model} if embed_model else {}),
            **(extra_env or {}),
        }
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        self.log = open(Path(data_dir) / f"serve-{self.port}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve", "--port", str(self.port)],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        try:
            wait_up(self.proc, f"{self.url}/health", timeout_s=timeout_s, log=self.log.name)
        except BaseException:
            self.stop()
            raise

    def peak_rss_mb(self) -> float:
        return peak_rss_mb(self.proc.pid)

    def stop(self) -> None:
        terminate(self.proc)
        self.log.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class ChromaRun:
    """`chroma run` on a loopback port over `path` (no auth: loopback only)."""

    def __init__(self, path: Path, *, timeout_s: float = 60):
        self.port = free_port()
        path.mkdir(parents=True, exist_ok=True)
        chroma = Path(sys.executable).parent / "chroma"
        self.proc = subprocess.Popen(
            [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        try:
            wait_up(self.proc, f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout_s=timeout_s)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        terminate(self.proc)

    def __enter__(self) -> ChromaRun:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def wait_up(proc: subprocess.Popen, url: str, *, timeout_s: float, log: str = "") -> None:
    """Until `url` answers 200; an error if `proc` exits first or the time runs out."""
    import httpx

    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}" + (f"; see {log}" if log else ""))
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} not ready in {timeout_s}s")
        time.sleep(0.3)


def terminate(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_worker(module: str, args: list[str], *, timeout_s: float) -> dict:
    """Run `python -m module args` (own process, so its peak RSS is its own); last stdout line is JSON."""
    out = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        env={**os.environ},
    )
    if out.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])
