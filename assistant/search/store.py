"""Chroma adapter: the only module that touches chromadb.

Two vector collections per prefix: passages (exact source spans) and catalogue (rendered records
with filterable metadata), plus small record collections (index versions, the writer lease; see
`assistant/search/versions.py`). Collections are created with `embedding_function=None`: we
always pass our own vectors (a constant one-dimensional vector for records), so Chroma never
downloads its default ONNX model.

A store may be bound to a *space*: the vector collections of one full build. The embedded store
uses the default space only; a rebuild on a Chroma server writes a new space while replicas keep
querying the old one, which goes once the new index version is switched in.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from assistant.settings import Settings

log = logging.getLogger(__name__)

PASSAGES = "passages"
CATALOGUE = "catalogue"
VECTORS = (PASSAGES, CATALOGUE)
# Records (no meaningful vector) all share this one; any constant works with cosine.
RECORD_VECTOR = [1.0]


class StoreUnavailable(RuntimeError):
    """The vector store cannot be reached (Chroma server down, timeout)."""


@dataclass(frozen=True)
class Hit:
    id: str
    score: float
    metadata: dict[str, Any]
    document: str


def _wrap_errors(func):
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except StoreUnavailable:
            raise
        except Exception as exc:  # chromadb/httpx raise many types for a dead server
            if _is_connection_error(exc):
                raise StoreUnavailable(f"vector store unreachable: {type(exc).__name__}") from exc
            raise

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


def _is_connection_error(exc: BaseException) -> bool:
    import httpx

    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, httpx.TransportError | ConnectionError | TimeoutError):
            return True
        text = str(exc).lower()
        if "could not connect" in text or "connection refused" in text or "timed out" in text:
            return True
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False


class _Connection:
    """One client and its collection handles, shared by the stores of every space."""

    def __init__(self) -> None:
        self.client: Any = None
        self.collections: dict[str, Any] = {}
        # chromadb's client registry is not safe against two threads creating the same client
        # (a KeyError): the service's reindex and poll threads share this with request threads.
        self.lock = threading.RLock()
        self.pool: ThreadPoolExecutor | None = None


class VectorStore:
    def __init__(self, settings: Settings, *, space: str = "", _conn: _Connection | None = None):
        self._settings = settings
        self.space = space
        self._conn = _conn or _Connection()

    def with_space(self, space: str) -> VectorStore:
        """The same client, bound to the vector collections of `space`."""
        return self if space == self.space else VectorStore(self._settings, space=space, _conn=self._conn)

    @property
    def mode(self) -> str:
        return "server" if self._settings.chroma_host else "embedded"

    def describe(self) -> str:
        s = self._settings
        if s.chroma_host:
            return f"chroma server http://{s.chroma_host}:{s.chroma_port}"
        return f"embedded chroma at {s.embedded_chroma_path}"

    @_wrap_errors
    def _connect(self):
        with self._conn.lock:
            return self._conn.client if self._conn.client is not None else self._open()

    def _open(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        s = self._settings
        if s.chroma_host:
            client = chromadb.HttpClient(host=s.chroma_host, port=s.chroma_port, settings=chroma_settings)
            # chromadb's HTTP client waits forever by default; a dead server must not hang us.
            import httpx

            session = getattr(getattr(client, "_server", None), "_session", None)
            if session is not None:
                session.timeout = httpx.Timeout(s.chroma_timeout_s)
        else:
            s.embedded_chroma_path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=str(s.embedded_chroma_path), settings=chroma_settings)
        self._conn.client = client
        return client

    def _full_name(self, name: str) -> str:
        prefix = self._settings.collection_prefix
        if self.space and name in VECTORS:
            return f"{prefix}-{self.space}_{name}"
        return f"{prefix}_{name}"

    def _collection(self, name: str):
        full = self._full_name(name)
        with self._conn.lock:
            if full not in self._conn.collections:
                client = self._connect()
                coll = client.get_or_create_collection(full, embedding_function=None, metadata={"hnsw:space": "cosine"})
                self._search_all_of(coll)
                self._conn.collections[full] = coll
            return self._conn.collections[full]

    def _search_all_of(self, coll) -> None:
        """Give the collection's HNSW search the breadth of `chroma_ef_search` (see settings):
        the nearest neighbours it returns are then the exact ones, whatever the build order."""
        wanted = self._settings.chroma_ef_search
        hnsw = (getattr(coll, "configuration_json", None) or {}).get("hnsw") or {}
        if hnsw and hnsw.get("ef_search", wanted) < wanted:
            coll.modify(configuration={"hnsw": {"ef_search": wanted}})

    @_wrap_errors
    def heartbeat(self) -> bool:
        self._connect().heartbeat()
        return True

    @_wrap_errors
    def ids(self, name: str, *, where: dict[str, Any] | None = None) -> set[str]:
        coll = self._collection(name)
        out: set[str] = set()
        page = 5000
        offset = 0
        while True:
            got = coll.get(where=where or None, include=[], limit=page, offset=offset)
            out.update(got["ids"])
            if len(got["ids"]) < page:
                return out
            offset += page

    @_wrap_errors
    def count(self, name: str) -> int:
        return int(self._collection(name).count())

    @_wrap_errors
    def upsert(self, name: str, *, ids: Sequence[str], embeddings: Sequence[Sequence[float]],
               documents: Sequence[str], metadatas: Sequence[dict[str, Any]]) -> None:
        coll = self._collection(name)
        step = max(1, min(self._connect().get_max_batch_size(), 2000))
        for i in range(0, len(ids), step):
            coll.upsert(ids=list(ids[i : i + step]), embeddings=[list(e) for e in embeddings[i : i + step]],
                        documents=list(documents[i : i + step]), metadatas=list(metadatas[i : i + step]))

    @_wrap_errors
    def delete(self, name: str, ids: Iterable[str]) -> None:
        ids = list(ids)
        coll = self._collection(name)
        for i in range(0, len(ids), 2000):
            coll.delete(ids=ids[i : i + 2000])

    @_wrap_errors
    def nearest(self, names: Sequence[str], *, embedding: Sequence[float], k: int,
                where: dict[str, Any] | None = None) -> list[list[tuple[str, float]]]:
        """(id, cosine similarity) of the `k` nearest items of each collection, nothing else.

        Hybrid search needs only ids and scores: asking Chroma for documents and metadata too
        tripled the cost of a query (15 vs 4.5 ms for 2 x 120 hits at 1k passages). The
        collections are queried concurrently (chromadb releases the GIL in its Rust core and an
        HTTP server answers two requests at once); the results are those of sequential calls.
        """
        vector = [float(x) for x in embedding]

        def one(name: str) -> list[tuple[str, float]]:
            res = self._collection(name).query(query_embeddings=[vector], n_results=k,
                                               where=where or None, include=["distances"])
            # cosine distance in [0, 2] -> similarity in [-1, 1]
            return [(id_, 1.0 - float(dist)) for id_, dist in zip(res["ids"][0], res["distances"][0],
                                                                  strict=False)]

        if len(names) < 2:
            return [one(name) for name in names]
        with self._conn.lock:
            if self._conn.pool is None:
                self._conn.pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="chroma-query")
            pool = self._conn.pool
        others = [pool.submit(one, name) for name in names[1:]]
        first = one(names[0])  # this thread works too, rather than waiting idle
        return [first, *(f.result() for f in others)]

    @_wrap_errors
    def get(self, name: str, *, where: dict[str, Any] | None = None,
            ids: Sequence[str] | None = None) -> list[Hit]:
        coll = self._collection(name)
        res = coll.get(where=where or None, ids=list(ids) if ids else None,
                       include=["metadatas", "documents"])
        return [Hit(id=i, score=1.0, metadata=dict(m or {}), document=d or "")
                for i, m, d in zip(res["ids"], res["metadatas"], res["documents"], strict=False)]

    @_wrap_errors
    def put_records(self, name: str, *, ids: Sequence[str], metadatas: Sequence[dict[str, Any]],
                    overwrite: bool) -> None:
        """Records with scalar metadata only. `overwrite=False` adds only ids not yet present:
        Chroma keeps the first of two adds of one id, which makes it a create-if-absent."""
        coll = self._collection(name)
        write = coll.upsert if overwrite else coll.add
        write(ids=list(ids), embeddings=[RECORD_VECTOR] * len(ids), metadatas=list(metadatas))

    @_wrap_errors
    def records(self, name: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Metadata of the records among `ids` that exist (an empty list asks for none)."""
        if not ids:
            return {}
        res = self._collection(name).get(ids=list(ids), include=["metadatas"])
        return {i: dict(m or {}) for i, m in zip(res["ids"], res["metadatas"], strict=False)}

    @_wrap_errors
    def spaces(self) -> set[str]:
        """The spaces that have vector collections in this database."""
        prefix = self._settings.collection_prefix
        found: set[str] = set()
        for coll in self._connect().list_collections():
            name = getattr(coll, "name", coll)
            for kind in VECTORS:
                if name == f"{prefix}_{kind}":
                    found.add("")
                elif name.startswith(f"{prefix}-") and name.endswith(f"_{kind}"):
                    found.add(name[len(prefix) + 1 : -len(kind) - 1])
        return found

    @_wrap_errors
    def drop_all(self) -> None:
        """Drop this space's vector collections."""
        client = self._connect()
        names = [self._full_name(name) for name in VECTORS]
        with self._conn.lock:
            for full in names:
                self._conn.collections.pop(full, None)
        for full in names:
            try:
                client.delete_collection(full)
            except Exception as exc:  # absent collection: nothing to drop
                if _is_connection_error(exc):
                    raise
