"""`assistant run` (what `make run` calls): it refuses ports already taken, only trusts its own
API's /health, and Ctrl-C ends it with status 0 and no traceback. The last test runs the real
thing (ingest, API, UI) on free ports and interrupts it as a terminal would.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import httpx
import pytest

from assistant.runner import EXIT_USAGE, api_is_ours, port_free, run_all, wait_ready
from tests.conftest import CORPUS, ROOT, free_port


class _OtherServer(BaseHTTPRequestHandler):
    """Someone else's service on the port: a /health that is not ours, 404 elsewhere."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = json.dumps({"status": "ok"} if self.path == "/health" else {"detail": "Not Found"})
        self.send_response(200 if self.path == "/health" else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture()
def other_server():
    server = HTTPServer(("127.0.0.1", free_port()), _OtherServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_taken_port_is_refused_before_anything_starts(other_server, capsys) -> None:
    assert not port_free("127.0.0.1", other_server)
    started = time.monotonic()
    assert run_all(api_host="127.0.0.1", api_port=other_server, ui_port=free_port()) == EXIT_USAGE
    assert time.monotonic() - started < 5  # no ingest, no server was started
    err = capsys.readouterr().err
    assert f"port {other_server} (API) is already in use" in err and "API_PORT=" in err


def test_only_our_own_health_counts_as_ready(other_server) -> None:
    url = f"http://127.0.0.1:{other_server}"
    ours = api_is_ours("abc123")
    assert not ours(httpx.get(f"{url}/nothing"))  # the 404 the old check accepted
    assert not ours(httpx.get(f"{url}/health"))  # a health without our instance id
    assert ours(httpx.Response(200, json={"status": "ok", "instance": "abc123"}))
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert not wait_ready(f"{url}/health", proc=sleeper, accept=ours, timeout_s=2)
    finally:
        sleeper.kill()
        sleeper.wait()


@pytest.mark.slow
def test_run_serves_both_and_ctrl_c_exits_cleanly(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    api_port, ui_port = free_port(), free_port()
    env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(tmp_path / "corpus"),
           "ASSISTANT_DATA_DIR": str(tmp_path / "data"), "GRADIO_ANALYTICS_ENABLED": "False",
           "PYTHONUNBUFFERED": "1"}
    # Its own process group, like a shell's foreground job: Ctrl-C goes to the whole group. It
    # starts with SIGINT ignored, as a script's background job (or this test process, once a
    # library has ignored it) passes on: Ctrl-C must stop it all the same.
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "run", "--port", str(api_port), "--ui-port", str(ui_port)],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(proc.stdout or []), daemon=True).start()
    deadline = time.monotonic() + 300
    while not any("Ctrl-C stops both" in line for line in lines):
        assert proc.poll() is None, "".join(lines)
        assert time.monotonic() < deadline, "".join(lines)
        time.sleep(0.5)
    health = httpx.get(f"http://127.0.0.1:{api_port}/health").json()
    assert health["status"] == "ok" and health["instance"]
    assert httpx.get(f"http://127.0.0.1:{ui_port}/").status_code == 200

    os.killpg(proc.pid, signal.SIGINT)
    assert proc.wait(timeout=60) == 0, "".join(lines)
    time.sleep(0.5)
    out = "".join(lines)
    assert "Traceback" not in out and "Error" not in out, out
    for port in (api_port, ui_port):  # both servers are gone
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", port)) != 0
