"""The embedder the rest of the code uses: one backend (chosen by `ASSISTANT_EMBED_MODEL`), the
persistent embedding cache for passages, and a small in-memory cache for repeated questions."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.search.embed_cache import EmbeddingCache, text_key
from assistant.search.embedders import EmbedBackend, open_backend
from assistant.search.embedders.base import available_cores
from assistant.search.query_threads import QueryThreads
from assistant.settings import Settings


@dataclass
class EmbedStats:
    """What a caller's `embed_passages` calls cost: texts run through the model vs found cached."""

    encoded: int = 0
    cached: int = 0


class Embedder:
    """Loads its backend on first use (never at import); vectors are L2-normalised for cosine."""

    def __init__(self, settings: Settings, *, backend: EmbedBackend | None = None,
                 cache: EmbeddingCache | None = None, query_cache_size: int = 2048):
        self._settings = settings
        self.backend = backend or open_backend(settings)
        if cache is None and settings.embed_cache:
            cache = EmbeddingCache(settings.embed_cache_dir)
        self._cache = cache
        self._lock = threading.Lock()
        self._queries: OrderedDict[str, list[float]] = OrderedDict()
        self._query_cache_size = query_cache_size
        fixed = settings.embed_query_threads
        self.query_threads = QueryThreads(available_cores(), fixed=None if fixed == "auto" else fixed)

    @property
    def model_id(self) -> str:
        """The configured model, as recorded in an index snapshot."""
        return self.backend.model_id

    @property
    def name(self) -> str:
        return self.backend.model_id

    def warm_up(self) -> None:
        self.backend.load()

    @property
    def dimension(self) -> int:
        return self.backend.dimension()

    def embed_passages(self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None,
                       stats: EmbedStats | None = None) -> list[list[float]]:
        """Vectors of `texts`, in order: from the cache where it has them, else encoded in
        batches of `embed_batch_size` (and then cached); `progress(n)` after each batch."""
        namespace = self.backend.cache_namespace
        keys = [text_key("passage", t) for t in texts]
        found = self._cache.get_many(namespace, keys) if self._cache else {}
        first: dict[str, int] = {}
        for i, key in enumerate(keys):
            first.setdefault(key, i)  # a text repeated in one call is encoded once
        missing = [i for key, i in first.items() if key not in found]
        if progress and len(texts) > len(missing):
            progress(len(texts) - len(missing))
        size = max(1, self._settings.embed_batch_size)
        for start in range(0, len(missing), size):
            batch = missing[start : start + size]
            vectors = self.backend.encode_passages([texts[i] for i in batch],
                                                   threads=self._settings.embed_passage_threads)
            new = {keys[i]: v for i, v in zip(batch, vectors, strict=True)}
            if self._cache:
                self._cache.put_many(namespace, new)
            found.update(new)
            if progress:
                progress(len(batch))
        if stats is not None:
            stats.encoded += len(missing)
            stats.cached += len(texts) - len(missing)
        return [np.asarray(found[key], dtype=np.float32).tolist() for key in keys]

    def embed_query(self, text: str) -> list[float]:
        key = text.strip()
        with self._lock:
            if key in self._queries:
                self._queries.move_to_end(key)
                return self._queries[key]
        with self.query_threads.use() as threads:
            vector = self.backend.encode_query(key, threads=threads).tolist()
        with self._lock:
            self._queries[key] = vector
            if len(self._queries) > self._query_cache_size:
                self._queries.popitem(last=False)
        return vector
