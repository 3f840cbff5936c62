"""`assistant run` / `make run`: ingest when needed, then the API and the UI as two processes.

The ports are checked free before anything starts, and the API is only taken as ready when its
/health echoes the instance id this run gave it: a server already on that port (whose 404 or
/health would otherwise pass) is reported, not mistaken for ours. The two servers run in their
own sessions, so Ctrl-C reaches this process alone; it stops the UI, then the API, and exits 0.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable

import httpx

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
READY_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 10.0


def port_free(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def api_is_ours(instance: str) -> Callable[[httpx.Response], bool]:
    def check(response: httpx.Response) -> bool:
        try:
            body = response.json()
        except ValueError:
            return False
        return response.status_code == 200 and isinstance(body, dict) and body.get("instance") == instance

    return check


def wait_ready(url: str, *, proc: subprocess.Popen, accept: Callable[[httpx.Response], bool],
               timeout_s: float = READY_TIMEOUT_S) -> bool:
    """True once `url` answers as `accept` wants while `proc` is still running."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            if accept(httpx.get(url, timeout=2)) and proc.poll() is None:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    return False


def _stop(procs: list[subprocess.Popen]) -> None:
    """Stop the servers, the UI first; a second Ctrl-C meanwhile is ignored, not a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Both asked to stop at once, then one shared deadline: a slow UI shutdown does not delay
    # the API's, and the whole stop is bounded by STOP_TIMEOUT_S (then they are killed).
    for p in reversed(procs):
        if p.poll() is None:
            p.terminate()
    deadline = time.monotonic() + STOP_TIMEOUT_S
    for p in reversed(procs):
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def run_all(*, api_host: str, api_port: int, ui_port: int) -> int:
    for name, port in (("API", api_port), ("UI", ui_port)):
        if not port_free(api_host, port):
            print(f"error: port {port} ({name}) is already in use on {api_host}; choose free ports, "
                  "e.g. make run API_PORT=8100 UI_PORT=7960", file=sys.stderr)
            return EXIT_USAGE
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops it as cleanly as Ctrl-C
    # Ctrl-C always stops it, even when started by a process that ignored SIGINT (an ignored
    # signal is inherited through exec: a test runner or a script's background job).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    exe = [sys.executable, "-m", "assistant.cli"]
    api_url, ui_url = f"http://{api_host}:{api_port}", f"http://{api_host}:{ui_port}"
    instance = uuid.uuid4().hex
    env = {**os.environ, "ASSISTANT_API_URL": api_url, "ASSISTANT_INSTANCE_ID": instance}
    procs: list[subprocess.Popen] = []
    try:
        # Incremental ingest is a no-op (no embedding) when the store is up to date.
        code = subprocess.call([*exe, "ingest", "--wait", "60"])
        if code not in (0, 1):
            return code
        procs.append(subprocess.Popen([*exe, "serve", "--host", api_host, "--port", str(api_port)],
                                      env=env, start_new_session=True))
        if not wait_ready(f"{api_url}/health", proc=procs[0], accept=api_is_ours(instance)):
            print(f"error: the API did not start on {api_url} (see the messages above)", file=sys.stderr)
            return EXIT_FAILED
        procs.append(subprocess.Popen([*exe, "ui", "--api-url", api_url, "--host", api_host,
                                       "--port", str(ui_port)], env=env, start_new_session=True))
        if not wait_ready(ui_url, proc=procs[1], accept=lambda r: r.status_code == 200):
            print(f"error: the UI did not start on {ui_url} (see the messages above)", file=sys.stderr)
            return EXIT_FAILED
        print(f"\n  API: {api_url}  (docs: {api_url}/docs)\n  UI:  {ui_url}\n  Ctrl-C stops both.\n",
              flush=True)
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
        name = "API" if procs[0].poll() is not None else "UI"
        print(f"error: the {name} stopped (exit status {procs[0 if name == 'API' else 1].returncode})",
              file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("\n  stopping…", flush=True)
        return EXIT_OK
    finally:
        _stop(procs)
