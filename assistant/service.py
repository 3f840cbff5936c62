"""The core facade used by the API, the CLI and the evaluation suite.

It owns the embedder, the vector store and the loaded index. A new index version is installed in
one assignment (index, vector space and embedder together), and every public call works on a
view pinned at its start, so requests in flight finish on the version they began with. With a
Chroma server an `IndexPoller` checks the version pointer and swaps new versions in.
"""

from __future__ import annotations

import copy
import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answering import asking
from assistant.answering.catalogue_terms import terms_of
from assistant.answering.item_lift import kinds_to_lift, lift_kinds, lift_roles, lift_values
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
from assistant.domain.snapshot import Snapshot, same_embedding
from assistant.language.glossary import expand, french_search_text
from assistant.language.kinds import kinds_named
from assistant.language.matching import all_met, query_groups
from assistant.language.roles import roles_asked
from assistant.language.text import detect_language, fold
from assistant.search.embedder import Embedder
from assistant.search.retrieval import LoadedIndex, SearchFilters, distinct, hybrid_search, room_key
from assistant.search.store import CATALOGUE, StoreUnavailable, VectorStore
from assistant.search.versions import VersionGone, open_index
from assistant.settings import Settings, get_settings

if TYPE_CHECKING:
    from assistant.answering.llm import LLMAnswerer

log = logging.getLogger(__name__)

TIME_DEPTH = 30  # hits looked at before lifting those of the asked time, kind, value or role


class NotReady(RuntimeError):
    """No complete index has been built yet (run `assistant ingest`)."""


class UnknownDocument(KeyError):
    pass


class IndexUnusable(RuntimeError):
    """An index version this process cannot serve (its embedding model is not available here)."""


@dataclass(frozen=True)
class Installed:
    """One index version with the vector space and the embedder that go with it."""

    index: LoadedIndex
    store: VectorStore
    embedder: Embedder


class Assistant:
    def __init__(self, settings: Settings | None = None, *, embedder: Embedder | None = None,
                 store: VectorStore | None = None):
        self.settings = settings or get_settings()
        self._base_store = store or VectorStore(self.settings)
        self._source = open_index(self.settings, self._base_store)
        self._base_embedder = embedder or Embedder(self.settings)
        # Embedders of index versions built with other embedding settings than ours, by those
        # settings: a replica encodes questions as the writer encoded passages.
        self._followed: dict[str, Embedder] = {}
        self._installed: Installed | None = None
        self._reload_lock = threading.Lock()
        self.index_error: str | None = None
        self._unusable: str | None = None  # the version index_error is about: not retried
        self.llm: LLMAnswerer | None = None  # set by load() when ASSISTANT_LLM_BASE_URL is configured

    # -- lifecycle -------------------------------------------------------------------------
    def load(self) -> bool:
        """Install the current index version; False while none exists (nor was loaded before).

        A version that cannot be served (its model is missing here) leaves the loaded one
        serving and is reported in `/health` as `index_error`.
        """
        with self._reload_lock:
            snapshot = self._source.read()
            if snapshot is not None and not self._is_installed(snapshot.version_id):
                try:
                    self._install(snapshot)
                    self.index_error = self._unusable = None
                except IndexUnusable as exc:
                    log.error("%s", exc)
                    self.index_error, self._unusable = str(exc), snapshot.version_id
        if self.llm is None and self.settings.llm_base_url:
            from assistant.answering.llm import LLMAnswerer

            self.llm = LLMAnswerer(self.settings)
        return self._installed is not None

    def refresh(self) -> bool:
        """Install a newer version when the source's pointer names one; True when it did."""
        version = self._source.current_version()
        if version is None or version == self._unusable or self._is_installed(version):
            return False
        self.load()
        return self._is_installed(version)

    def _is_installed(self, version: str) -> bool:
        installed = self._installed
        return installed is not None and installed.index.snapshot.version_id == version

    def _install(self, snapshot: Snapshot) -> None:
        embedder = self._embedder_for(snapshot)
        index = LoadedIndex(snapshot)  # the slow part (BM25): the old version serves meanwhile
        self._installed = Installed(index=index, store=self._base_store.with_space(snapshot.space),
                                    embedder=embedder)
        log.info("index version %s installed (%d documents, %d passages)", snapshot.version_id,
                 len(snapshot.documents), len(snapshot.passages))

    def _embedder_for(self, snapshot: Snapshot) -> Embedder:
        if same_embedding(snapshot, self.settings):
            return self._base_embedder
        wanted = snapshot.embedding or {"embed_model": snapshot.embed_model}
        key = json.dumps(wanted, sort_keys=True, default=str)
        if key not in self._followed:
            known = {k: v for k, v in wanted.items() if k in Settings.model_fields}
            embedder = Embedder(self.settings.model_copy(update=known))
            try:
                embedder.warm_up()
            except Exception as exc:  # a path or name that does not exist on this machine
                raise IndexUnusable(
                    f"index version {snapshot.version_id} was built with embedding model "
                    f"{snapshot.embed_model!r}, which cannot be loaded here ({type(exc).__name__}); "
                    "install it or set ASSISTANT_EMBED_MODEL to it") from exc
            log.warning("index version %s uses embedding model %s (configured: %s): following it",
                        snapshot.version_id, snapshot.embed_model, self.settings.embed_model)
            self._followed[key] = embedder
        return self._followed[key]

    def pinned(self) -> Assistant:
        """A view of this assistant fixed on the version installed now (cheap: shares all)."""
        return copy.copy(self)

    @property
    def ready(self) -> bool:
        return self._installed is not None

    def _current(self) -> Installed:
        installed = self._installed
        if installed is None:
            raise NotReady("the index is not built yet: run `assistant ingest`")
        return installed

    @property
    def index(self) -> LoadedIndex:
        return self._current().index

    @property
    def store(self) -> VectorStore:
        installed = self._installed
        return installed.store if installed else self._base_store

    @property
    def embedder(self) -> Embedder:
        installed = self._installed
        return installed.embedder if installed else self._base_embedder

    def model_mismatch(self) -> str | None:
        """What to tell the user when the loaded index was built with another embedding model."""
        installed = self._installed
        if installed is None or same_embedding(installed.index.snapshot, self.settings):
            return None
        built, configured = installed.index.snapshot.embed_model, self.settings.embed_model
        how = ("questions are encoded with the index's model until it is rebuilt"
               if installed.embedder is not self._base_embedder else "search uses keywords only until it is rebuilt")
        return (f"the index was built with embedding model {built!r}, but {configured!r} is configured "
                f"(ASSISTANT_EMBED_MODEL): {how}. Rebuild: `assistant ingest` (or POST /admin/reindex on "
                f"a running service); or set ASSISTANT_EMBED_MODEL={built} to use the index as built.")

    def health(self) -> dict:
        installed = self._installed
        info: dict = {"status": "ok" if installed else "not_ready", "store": self.store.describe(),
                      "embed_model": self.embedder.model_id, "llm": bool(self.settings.llm_base_url)}
        if installed is not None:
            snap = installed.index.snapshot
            info.update(documents=len(snap.documents), passages=len(snap.passages),
                        sessions=len(snap.catalogue.sessions), people=len(snap.catalogue.people),
                        initiatives=len(snap.catalogue.initiatives), index_built_at=snap.built_at,
                        index_version=snap.version_id, index_embed_model=snap.embed_model)
            mismatch = self.model_mismatch()
            if mismatch:
                info["warning"] = mismatch
        if self.index_error:
            info["index_error"] = self.index_error
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
                         lexical_weight=self.settings.lexical_weight, language_gap=self.settings.language_gap)

    def search(self, query: str, *, k: int = 5, filters: SearchFilters | None = None,
               kinds: set[str] | None = None) -> list[Passage]:
        installed = self._current()
        index = installed.index
        # English questions over a French corpus: BM25 reads the glossary's French for the words
        # it translates, the encoder the question with that French beside it.
        language = detect_language(query)
        expanded = expand(query, language)
        lexical = french_search_text(query, language)
        when = time_filter(query)
        # "mardi en fin de journée", "la table ronde", "c'est payant ?", "qui modère ?": look deeper,
        # then lift what happens at that time, the items of that kind, the passages holding a price
        # or writing a moderator's label (`item_lift`).
        named_kinds = kinds_to_lift(kinds_named(query))
        values, asked_roles = asking.values_asked(query), roles_asked(query)
        depth = max(k, TIME_DEPTH) if when.active or named_kinds or values or asked_roles else k
        # "l'atelier mobilité au forum de Vernelles": the forum's own items come first, without
        # leaving out the others (a named scope is sometimes wrong, or shared by two events).
        named = terms_of(index).events_named(query)
        # Twice as deep: a hit inside a better one (a session's entry inside the passage that
        # holds it) is dropped, and the next distinct one takes its place.
        hits = hybrid_search(index, query=lexical, dense_query=expanded, k=2 * depth, embedder=installed.embedder,
                             store=installed.store, lexical_weight=self.settings.lexical_weight,
                             filters=filters, kinds=kinds, language=language,
                             language_gap=self.settings.language_gap, document_weight=self.settings.document_weight,
                             document_depth=self.settings.document_depth, named_docs=named,
                             named_weight=self.settings.named_event_weight)
        hits = lift_kinds(index, lift_matching(index, hits, when), named_kinds)
        hits = distinct(lift_roles(lift_values(hits, values), asked_roles))[:k]
        return [index.to_passage(h.item, h.score) for h in hits]

    # -- answering -------------------------------------------------------------------------
    def ask(self, question: str, *, history: list[Turn] | None = None,
            filters: SearchFilters | None = None, k: int = 5) -> Answer:
        started = time.perf_counter()
        # Pinned: the whole answer reads one index version, even if a new one is installed meanwhile.
        ctx = Answering(res=self.pinned().resources(), support_threshold=self.settings.support_threshold,
                        dense_support=self.settings.dense_support, llm=self.llm)
        answer = answer_question(question, history or [], ctx)
        took = (time.perf_counter() - started) * 1000
        return answer.model_copy(update={"id": uuid.uuid4().hex[:16], "took_ms": round(took, 2)})

    def recommend(self, interests: str, *, date: str | None = None, limit: int = 10):
        from assistant.answering.agenda import plan_agenda

        return plan_agenda(self.pinned().resources(), interests=interests, date=date, limit=limit)

    # -- catalogue -------------------------------------------------------------------------
    def sessions(self, *, q: str | None = None, date: str | None = None, room: str | None = None,
                 doc_id: str | None = None, event: str | None = None) -> list[Session]:
        installed = self._current()
        index = installed.index
        where = [{"kind": {"$eq": "session"}}]
        if doc_id:
            where.append({"doc_id": {"$eq": doc_id}})
        if date:
            where.append({"date": {"$eq": date}})
        # Chroma wants a bare clause when there is only one; "$and" needs two or more.
        clause = where[0] if len(where) == 1 else {"$and": where}
        ids = {h.metadata.get("record_id") for h in installed.store.get(CATALOGUE, where=clause)}
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


class IndexPoller:
    """Checks the index version pointer every `interval_s` and swaps a new version in.

    An unreachable server is logged once per outage; the loaded version keeps serving (requests
    that need the server get 503 meanwhile) and the next successful check catches up.
    """

    def __init__(self, core: Assistant, *, interval_s: float):
        self._core = core
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="index-poller", daemon=True)

    def start(self) -> IndexPoller:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        down = False
        while not self._stop.wait(self._interval_s):
            try:
                if self._core.refresh():
                    log.info("now serving index version %s", self._core.index.snapshot.version_id)
                    self._core.embedder.warm_up()  # no-op unless this was the first version
                if down:
                    log.warning("index store reachable again")
                down = False
            except StoreUnavailable as exc:
                if not down:
                    log.warning("cannot check the index version: %s", exc)
                down = True
            except VersionGone as exc:
                log.info("index version moved while loading (%s); next check retries", exc)
            except Exception:  # the poller must outlive any one bad check
                log.exception("index version check failed")
