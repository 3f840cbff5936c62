"""The core facade used by the API, the CLI and the evaluation suite.

It owns the embedder, the vector store and the loaded index; the index is replaced in a single
assignment on reload, so requests in flight keep answering from the last complete snapshot.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from typing import TYPE_CHECKING

from assistant.answering.pipeline import Answering, answer_question
from assistant.answering.retrieve import Resources
from assistant.answering.temporal import lift_matching
from assistant.answering.understand import time_filter
from assistant.domain.models import (
    Answer,
    Document,
    DocumentInfo,
    Initiative,
    Passage,
    Person,
    Session,
    Turn,
)
from assistant.domain.snapshot import read_snapshot
from assistant.language.glossary import expand
from assistant.language.matching import all_met, query_groups
from assistant.language.text import detect_language, fold
from assistant.search.embedder import Embedder
from assistant.search.retrieval import LoadedIndex, SearchFilters, hybrid_search, room_key
from assistant.search.store import CATALOGUE, VectorStore
from assistant.settings import Settings, get_settings

if TYPE_CHECKING:
    from assistant.answering.llm import LLMAnswerer

log = logging.getLogger(__name__)

TIME_DEPTH = 30  # hits looked at before lifting those of the asked time


class NotReady(RuntimeError):
    """No complete index has been built yet (run `assistant ingest`)."""


class UnknownDocument(KeyError):
    pass


class Assistant:
    def __init__(self, settings: Settings | None = None, *, embedder: Embedder | None = None,
                 store: VectorStore | None = None):
        self.settings = settings or get_settings()
        self.embedder = embedder or Embedder(self.settings)
        self.store = store or VectorStore(self.settings)
        self._index: LoadedIndex | None = None
        self._reload_lock = threading.Lock()
        self.llm: LLMAnswerer | None = None  # set by load() when ASSISTANT_LLM_BASE_URL is configured

    # -- lifecycle -------------------------------------------------------------------------
    def load(self) -> bool:
        """Load the latest snapshot; False when none exists yet."""
        with self._reload_lock:
            snapshot = read_snapshot(self.settings.data_dir)
            if snapshot is None:
                return False
            self._index = LoadedIndex(snapshot)
        if self.llm is None and self.settings.llm_base_url:
            from assistant.answering.llm import LLMAnswerer

            self.llm = LLMAnswerer(self.settings)
        return True

    @property
    def ready(self) -> bool:
        return self._index is not None

    @property
    def index(self) -> LoadedIndex:
        index = self._index
        if index is None:
            raise NotReady("the index is not built yet: run `assistant ingest`")
        return index

    def model_mismatch(self) -> str | None:
        """What to tell the user when the loaded index was built with another embedding model."""
        index = self._index
        if index is None or index.snapshot.embed_model == self.embedder.model_id:
            return None
        built = index.snapshot.embed_model
        return (f"the index was built with embedding model {built!r}, but {self.embedder.model_id!r} "
                "is configured (ASSISTANT_EMBED_MODEL): search uses keywords only until the index is "
                "rebuilt. Rebuild: `assistant ingest` (or POST /admin/reindex on a running service); "
                f"or set ASSISTANT_EMBED_MODEL={built} to use the index as built.")

    def health(self) -> dict:
        index = self._index
        info: dict = {"status": "ok" if index else "not_ready", "store": self.store.describe(),
                      "embed_model": self.embedder.model_id,
                      "llm": bool(self.settings.llm_base_url)}
        if index is not None:
            snap = index.snapshot
            info.update(documents=len(snap.documents), passages=len(snap.passages),
                        sessions=len(snap.catalogue.sessions), people=len(snap.catalogue.people),
                        initiatives=len(snap.catalogue.initiatives), index_built_at=snap.built_at,
                        index_embed_model=snap.embed_model)
            mismatch = self.model_mismatch()
            if mismatch:
                info["warning"] = mismatch
        return info

    # -- documents -------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        return self.index.snapshot.infos()

    def document(self, doc_id: str) -> Document:
        doc = self.index.documents.get(doc_id)
        if doc is None:
            raise UnknownDocument(doc_id)
        return doc

    # -- retrieval -------------------------------------------------------------------------
    def resources(self) -> Resources:
        return Resources(index=self.index, embedder=self.embedder, store=self.store,
                         lexical_weight=self.settings.lexical_weight)

    def search(self, query: str, *, k: int = 5, filters: SearchFilters | None = None,
               kinds: set[str] | None = None) -> list[Passage]:
        index = self.index
        # English questions over a French corpus: add the French words of the glossary.
        expanded = expand(query, detect_language(query))
        when = time_filter(query)
        # "mardi en fin de journée": look deeper, then lift what happens at that time.
        depth = max(k, TIME_DEPTH) if when.active else k
        hits = hybrid_search(index, query=expanded, dense_query=query, k=depth, embedder=self.embedder,
                             store=self.store, lexical_weight=self.settings.lexical_weight, filters=filters,
                             kinds=kinds)
        hits = lift_matching(index, hits, when)[:k]
        return [index.to_passage(h.item, h.score) for h in hits]

    # -- answering -------------------------------------------------------------------------
    def ask(self, question: str, *, history: list[Turn] | None = None,
            filters: SearchFilters | None = None, k: int = 5) -> Answer:
        started = time.perf_counter()
        ctx = Answering(res=self.resources(), support_threshold=self.settings.support_threshold, llm=self.llm)
        answer = answer_question(question, history or [], ctx)
        took = (time.perf_counter() - started) * 1000
        return answer.model_copy(update={"id": uuid.uuid4().hex[:16], "took_ms": round(took, 2)})

    def recommend(self, interests: str, *, date: str | None = None, limit: int = 10):
        from assistant.answering.agenda import plan_agenda

        return plan_agenda(self.resources(), interests=interests, date=date, limit=limit)

    # -- catalogue -------------------------------------------------------------------------
    def sessions(self, *, q: str | None = None, date: str | None = None, room: str | None = None,
                 doc_id: str | None = None, event: str | None = None) -> list[Session]:
        index = self.index
        where = [{"kind": {"$eq": "session"}}]
        if doc_id:
            where.append({"doc_id": {"$eq": doc_id}})
        if date:
            where.append({"date": {"$eq": date}})
        # Chroma wants a bare clause when there is only one; "$and" needs two or more.
        clause = where[0] if len(where) == 1 else {"$and": where}
        ids = {h.metadata.get("record_id") for h in self.store.get(CATALOGUE, where=clause)}
        found = [s for s in index.snapshot.catalogue.sessions if s.id in ids]
        if room:
            found = [s for s in found if room_key(s.room) == room_key(room)]
        if event:
            found = [s for s in found if fold(event) in fold(s.event or "")]
        return _text_filter(found, q, lambda s: f"{s.title} {s.description or ''} {s.room or ''} "
                                                f"{' '.join(p.name for p in s.people)}")

    def people(self, *, q: str | None = None, doc_id: str | None = None) -> list[Person]:
        found = [p for p in self.index.snapshot.catalogue.people if not doc_id or p.doc_id == doc_id]
        return _text_filter(found, q, lambda p: f"{p.name} {p.role or ''} {p.affiliation or ''}")

    def initiatives(self, *, q: str | None = None, doc_id: str | None = None,
                    place: str | None = None) -> list[Initiative]:
        found = [i for i in self.index.snapshot.catalogue.initiatives if not doc_id or i.doc_id == doc_id]
        if place:
            found = [i for i in found if fold(place) in fold(i.place or "")]
        return _text_filter(found, q, lambda i: f"{i.name} {i.place or ''} {i.description or ''} {i.organiser or ''}")


def _text_filter(records, q, text_of):
    """Records whose text meets every word of `q` the way search reads words: accents folded,
    French stems ("vieillissement" finds "vieillir"), English words through the glossary. A `q`
    of stopwords only falls back to a folded substring."""
    if not q:
        return list(records)
    groups = query_groups(q)
    if not groups:
        needle = fold(q).strip()
        return [r for r in records if needle in fold(text_of(r))]
    return [r for r in records if all_met(groups, text_of(r))]
