"""Ingest: load -> parse programme -> chunk -> embed what is new -> write Chroma -> snapshot.

Incremental and crash-safe by construction: passage and record ids embed the content hash, the
set of ids wanted is compared with the ids actually in Chroma (not with a log that a crash could
leave stale), new vectors are written before the snapshot is switched in, and stale ones are
deleted only after. A killed ingest is repaired by the next run. The snapshot goes where the
index lives (`assistant/search/versions.py`): the data dir's file in embedded mode, a new index
version in a Chroma server, written under the server's writer lease.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.domain.models import Catalogue, Document, Initiative, Session
from assistant.domain.snapshot import (
    CatalogueEntry,
    IndexedPassage,
    Snapshot,
    embedding_of,
    same_embedding,
)
from assistant.search.embedder import Embedder, EmbedStats
from assistant.search.store import CATALOGUE, PASSAGES, VectorStore
from assistant.search.versions import open_index
from assistant.settings import Settings
from ingest.chunk import chunk_document, content_digest, contextual_text
from ingest.load import LoadResult, Skipped, load_corpus
from ingest.lock import ingest_lock

log = logging.getLogger(__name__)

WRITE_BATCH = 256

ProgressFactory = Callable[[int, str], Callable[[int], None]]


@dataclass
class IngestSummary:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Skipped] = field(default_factory=list)
    passages: int = 0
    passages_embedded: int = 0
    records_embedded: int = 0
    # Of the texts embedded above: run through the model vs taken from the embedding cache.
    texts_encoded: int = 0
    texts_cached: int = 0
    vectors_deleted: int = 0
    sessions: int = 0
    people: int = 0
    initiatives: int = 0
    events: int = 0
    seconds: float = 0.0
    rebuilt: bool = False

    @property
    def documents(self) -> int:
        return len(self.added) + len(self.updated) + len(self.unchanged)

    def line(self) -> str:
        return (
            f"documents: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, {len(self.skipped)} skipped | "
            f"passages: {self.passages} ({self.passages_embedded} embedded) | "
            f"catalogue: {self.sessions} sessions, {self.people} people, {self.initiatives} initiatives "
            f"({self.records_embedded} embedded) | "
            f"encoder: {self.texts_encoded} encoded, {self.texts_cached} from cache | {self.seconds:.1f}s"
        )


def parse_catalogue(doc: Document) -> Catalogue:
    """Programme structure of one document; a parser failure costs the catalogue, not the text."""
    from ingest.programme import parse_programme

    try:
        return parse_programme(doc)
    except Exception:
        log.exception("programme parser failed on %s; indexing its text without a catalogue", doc.source)
        return Catalogue()


def _merge(catalogues: list[Catalogue]) -> Catalogue:
    return Catalogue(
        events=[e for c in catalogues for e in c.events],
        sessions=[s for c in catalogues for s in c.sessions],
        people=[p for c in catalogues for p in c.people],
        initiatives=[i for c in catalogues for i in c.initiatives],
        sections=[s for c in catalogues for s in c.sections],
    )


def _session_at(sessions: list[Session], start: int) -> Session | None:
    inside = [s for s in sessions if s.citation.start <= start < s.citation.end]
    return min(inside, key=lambda s: s.citation.end - s.citation.start) if inside else None


def _render(record, lang: str = "fr") -> str:
    from assistant.domain.render import render_record

    return render_record(record, lang=lang)


TOLD_WORDS = 20  # words after an initiative's name that say what it does (tune: 20 > 40 > 80)


def told_about(text: str, initiative: Initiative) -> str:
    """What the document says of an initiative where it names it: from the start of that
    sentence to TOLD_WORDS words on, inside its paragraph ("« Le Bus des Possibles », un ancien
    car scolaire aménagé en café…"), so that it is found by what it does."""
    name = initiative.fields.get("name")
    if name is None:
        return ""
    para_start = text.rfind("\n\n", 0, name.start)
    para_start = 0 if para_start < 0 else para_start + 2
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, para_start, name.start)]
    para_end = text.find("\n\n", name.end)
    after = text[name.end : len(text) if para_end < 0 else para_end].split()[:TOLD_WORDS]
    return " ".join([*text[breaks[-1] if breaks else para_start : name.end].split(), *after])


_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n\s*[-•▪*]\s|\n\n")


def document_items(doc: Document, cat: Catalogue, *, max_words: int = 80
                   ) -> tuple[list[IndexedPassage], list[CatalogueEntry]]:
    """One document's passages (each with the session whose block holds it) and its catalogue
    records as searchable entries (rendered text, exact span)."""
    passages: list[IndexedPassage] = []
    entries: list[CatalogueEntry] = []
    for p in chunk_document(doc, sections=list(cat.sections), max_words=max_words):
        s = _session_at(list(cat.sessions), p.start)
        passages.append(IndexedPassage(passage=p, session_id=s.id if s else None,
                                       date=s.date if s else None, room=s.room if s else None,
                                       event=s.event if s else None))
    for kind, records in (("session", cat.sessions), ("person", cat.people),
                          ("initiative", cat.initiatives), ("event", cat.events)):
        for r in records:
            text = _render(r)
            context = told_about(doc.text, r) if isinstance(r, Initiative) else ""
            digest = content_digest(text, context, r.citation.start, r.citation.end)
            entries.append(CatalogueEntry(
                id=f"{r.id}:{digest}", kind=kind, record_id=r.id, doc_id=r.doc_id, text=text,
                start=r.citation.start, end=r.citation.end,
                date=getattr(r, "date", None), room=getattr(r, "room", None),
                event=getattr(r, "event", None) if kind == "session" else None, context=context,
            ))
    return passages, entries


def build_items(docs: list[Document], *, max_words: int = 80
                ) -> tuple[list[IndexedPassage], Catalogue, list[CatalogueEntry]]:
    passages: list[IndexedPassage] = []
    catalogues: list[Catalogue] = []
    entries: list[CatalogueEntry] = []
    for doc in docs:
        cat = parse_catalogue(doc)
        catalogues.append(cat)
        more_passages, more_entries = document_items(doc, cat, max_words=max_words)
        passages += more_passages
        entries += more_entries
    return passages, _merge(catalogues), entries


def _meta(**values) -> dict:
    # Chroma metadata cannot hold None: a missing value is simply absent.
    return {k: v for k, v in values.items() if v is not None}


class _Writer:
    """Writes embedded slices to Chroma in a background thread while the next slice is encoded.

    Chroma's upsert (SQLite, HNSW insert) then costs no encoding time. The queue is bounded, so
    at most `depth` slices wait in memory, and a slice is on its way to the store as soon as it is
    embedded: a crash loses at most those slices, which the next run embeds again (ids are content
    hashes; nothing is trusted but the ids actually in Chroma). `close` waits for every queued
    slice, and the snapshot is written only after it: readers never see an id whose vector is not
    in the store yet. The first write error stops the writer and is raised in the ingest thread.
    """

    def __init__(self, store: VectorStore, *, depth: int = 2):
        self._store = store
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="ingest-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            if self._error is None:  # after a failure, drain without writing so put() never blocks
                try:
                    name, kwargs = job
                    self._store.upsert(name, **kwargs)
                except BaseException as exc:
                    self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def put(self, name: str, **kwargs) -> None:
        self._raise()
        self._queue.put((name, kwargs))

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        self._raise()


def _upsert_missing(*, store: VectorStore, embedder: Embedder, writer: _Writer, name: str,
                    wanted: dict[str, tuple[str, str, dict]], stats: EmbedStats,
                    progress: ProgressFactory | None) -> tuple[int, set[str]]:
    existing = store.ids(name)
    # Sorted by length, each slice holds texts of similar size: the encoder pads less. Crash
    # safety is unchanged (each slice is still written as soon as it is embedded).
    missing = sorted((i for i in wanted if i not in existing), key=lambda i: len(wanted[i][0]))
    if missing:
        tick = progress(len(missing), f"embedding {name}") if progress else None
        # Write in slices so a crash mid-ingest keeps what was already embedded.
        for i in range(0, len(missing), WRITE_BATCH):
            ids = missing[i : i + WRITE_BATCH]
            vectors = embedder.embed_passages([wanted[j][0] for j in ids], progress=tick, stats=stats)
            writer.put(name, ids=ids, embeddings=vectors, documents=[wanted[j][1] for j in ids],
                       metadatas=[wanted[j][2] for j in ids])
    return len(missing), existing - set(wanted)


def ingest_corpus(settings: Settings, *, rebuild: bool = False, corpus_dir: Path | None = None,
                  progress: ProgressFactory | None = None, lock_wait_s: float = 0.0,
                  embedder: Embedder | None = None, store: VectorStore | None = None) -> IngestSummary:
    started = time.perf_counter()
    corpus_dir = Path(corpus_dir or settings.corpus_dir)
    summary = IngestSummary(rebuilt=rebuild)
    with ingest_lock(settings.data_dir, wait_s=lock_wait_s):
        store = store or VectorStore(settings)
        index = open_index(settings, store)
        with index.writer(wait_s=lock_wait_s):
            embedder = embedder or Embedder(settings)
            previous = index.read()
            if previous is not None and not same_embedding(previous, settings):
                log.warning("embedding model changed (%s -> %s): rebuilding", previous.embed_model, settings.embed_model)
                rebuild = summary.rebuilt = True
            if rebuild:
                store = index.rebuild_store(store)
                previous = None
            elif previous is not None:
                store = store.with_space(previous.space)
            _build(settings, corpus_dir=corpus_dir, store=store, embedder=embedder, progress=progress,
                   publish=lambda snap: index.publish(snap, store=store), summary=summary, previous=previous)
    summary.seconds = time.perf_counter() - started
    return summary


def _build(settings: Settings, *, corpus_dir: Path, store: VectorStore, embedder: Embedder,
           progress: ProgressFactory | None, publish: Callable[[Snapshot], None], summary: IngestSummary,
           previous: Snapshot | None) -> None:
    loaded: LoadResult = load_corpus(corpus_dir)
    summary.skipped, summary.notes = loaded.skipped, loaded.notes
    passages, catalogue, entries = build_items(loaded.documents, max_words=settings.max_passage_words)

    wanted_passages = {
        ip.passage.id: (contextual_text(ip.passage), ip.passage.text,
                        _meta(doc_id=ip.passage.doc_id, start=ip.passage.start, end=ip.passage.end,
                              session_id=ip.session_id, date=ip.date, room=ip.room, event=ip.event))
        for ip in passages
    }
    wanted_entries = {
        e.id: (e.searched, e.text, _meta(kind=e.kind, record_id=e.record_id, doc_id=e.doc_id,
                                     start=e.start, end=e.end, date=e.date, room=e.room, event=e.event))
        for e in entries
    }
    writer = _Writer(store)
    stats = EmbedStats()
    try:
        summary.passages_embedded, stale_p = _upsert_missing(
            store=store, embedder=embedder, writer=writer, name=PASSAGES, wanted=wanted_passages,
            stats=stats, progress=progress)
        summary.records_embedded, stale_c = _upsert_missing(
            store=store, embedder=embedder, writer=writer, name=CATALOGUE, wanted=wanted_entries,
            stats=stats, progress=progress)
    finally:
        # Also on an embedding error: what was embedded is written (the next run keeps it).
        writer.close()
        summary.texts_encoded, summary.texts_cached = stats.encoded, stats.cached

    snapshot = Snapshot(embed_model=embedder.model_id, embedding=embedding_of(settings), space=store.space,
                        documents=loaded.documents, passages=passages, catalogue=catalogue, entries=entries)
    # Nothing changed: no new version, so replicas do not rebuild an identical index.
    if previous is None or not previous.same_content(snapshot):
        publish(snapshot)
    # Only now that readers can see the new snapshot do the old vectors go.
    store.delete(PASSAGES, stale_p)
    store.delete(CATALOGUE, stale_c)
    summary.vectors_deleted = len(stale_p) + len(stale_c)
    _count(summary, previous=previous, documents=loaded.documents, passages=passages, catalogue=catalogue)


def _count(summary: IngestSummary, *, previous: Snapshot | None, documents: list[Document],
           passages: list[IndexedPassage], catalogue: Catalogue) -> None:
    before = {d.doc_id: d.sha256 for d in previous.documents} if previous else {}
    for doc in documents:
        if doc.doc_id not in before:
            summary.added.append(doc.doc_id)
        elif before[doc.doc_id] != doc.sha256:
            summary.updated.append(doc.doc_id)
        else:
            summary.unchanged.append(doc.doc_id)
    now = {d.doc_id for d in documents}
    summary.removed = sorted(set(before) - now)
    summary.passages = len(passages)
    summary.sessions = len(catalogue.sessions)
    summary.people = len(catalogue.people)
    summary.initiatives = len(catalogue.initiatives)
    summary.events = len(catalogue.events)
