"""`assistant run` / `make run`: ingest when needed, then the API and the UI as two processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx


def _wait_ready(url: str, *, timeout_s: float, proc: subprocess.Popen) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    return False


def run_all(*, api_host: str, api_port: int, ui_port: int) -> int:
    exe = [sys.executable, "-m", "assistant.cli"]
    # Incremental ingest is a no-op (no embedding) when the store is up to date.
    code = subprocess.call([*exe, "ingest", "--wait", "60"])
    if code not in (0, 1):
        return code
    api_url = f"http://{api_host}:{api_port}"
    env = {**os.environ, "ASSISTANT_API_URL": api_url}
    api = subprocess.Popen([*exe, "serve", "--host", api_host, "--port", str(api_port)], env=env)
    procs = [api]
    try:
        if not _wait_ready(f"{api_url}/health", timeout_s=120, proc=api):
            print("error: the API did not start", file=sys.stderr)
            return 1
        ui = subprocess.Popen([*exe, "ui", "--api-url", api_url, "--host", api_host, "--port", str(ui_port)], env=env)
        procs.append(ui)
        ui_url = f"http://{api_host}:{ui_port}"
        if _wait_ready(ui_url, timeout_s=120, proc=ui):
            print(f"\n  API: {api_url}  (docs: {api_url}/docs)\n  UI:  {ui_url}\n  Ctrl-C stops both.\n",
                  flush=True)
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
        return next((p.returncode for p in procs if p.returncode), 0)
    except KeyboardInterrupt:
        return 0
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
