"""Hybrid retrieval: French BM25 and dense Chroma search, fused by a tuned weight.

The searchable items are the passages and the catalogue entries of the loaded snapshot. A hit on
a catalogue entry comes back as a `Passage` whose text is the record's exact source span and
whose section is the rendered record, so callers cite it like any passage.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pydantic import ConfigDict

from assistant.domain.models import Document, Event, Frozen, Initiative, Passage, Person, Session
from assistant.domain.snapshot import CatalogueEntry, IndexedPassage, Snapshot
from assistant.language.text import CORPUS_LANGUAGE, detect_language, fold
from assistant.search.contextual import contextual
from assistant.search.embedder import Embedder
from assistant.search.lexical import LexicalIndex
from assistant.search.store import CATALOGUE, PASSAGES, VectorStore


class SearchFilters(Frozen):
    """Metadata filters; unknown keys are rejected (HTTP 422) rather than ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str | None = None
    event: str | None = None
    date: str | None = None
    room: str | None = None

    def active(self) -> dict[str, str]:
        return {k: v for k, v in self.model_dump().items() if v}


@dataclass(frozen=True)
class Item:
    """One searchable thing: a passage or a catalogue entry, with filterable facts."""

    id: str
    kind: str
    doc_id: str
    text: str  # lexical/dense text (contextual)
    start: int
    end: int
    section: str
    date: str | None
    room: str | None
    event: str | None
    record_id: str | None = None
    session_id: str | None = None  # for a passage: the session whose block contains it


def room_key(room: str | None) -> str | None:
    return " ".join(fold(room).split()) if room else None


class LoadedIndex:
    """The immutable in-memory view of one snapshot; swapped whole on reload."""

    def __init__(self, snapshot: Snapshot):
        self.snapshot = snapshot
        self.documents: dict[str, Document] = {d.doc_id: d for d in snapshot.documents}
        self.items: list[Item] = [self._from_passage(p) for p in snapshot.passages]
        self.items += [self._from_entry(e) for e in snapshot.entries]
        self.position = {item.id: i for i, item in enumerate(self.items)}
        self.lexical = LexicalIndex([item.text for item in self.items])
        cat = snapshot.catalogue
        records: list[Session | Person | Initiative | Event] = [*cat.sessions, *cat.people, *cat.initiatives,
                                                                *cat.events]
        self.records = {r.id: r for r in records}
        # Each item's language is its document's: a page is written in one language, and a
        # passage alone is often too short to tell (a title, a time and a room).
        language = {d.doc_id: detect_language(d.text) for d in snapshot.documents}
        # Each item's document as a number, for the lift by a document's standing (document_lift).
        doc_order: dict[str, int] = {}
        self.doc_of = np.array([doc_order.setdefault(item.doc_id, len(doc_order)) for item in self.items],
                               dtype=np.int64)
        self.doc_number = doc_order
        self.languages = np.array([language.get(item.doc_id, CORPUS_LANGUAGE) for item in self.items])

    def _from_passage(self, ip: IndexedPassage) -> Item:
        p = ip.passage
        return Item(id=p.id, kind="passage", doc_id=p.doc_id, text=contextual(p.title, p.section, p.text),
                    start=p.start, end=p.end, section=p.section, date=ip.date, room=ip.room, event=ip.event, session_id=ip.session_id)

    def _from_entry(self, e: CatalogueEntry) -> Item:
        title = self.documents[e.doc_id].title if e.doc_id in self.documents else ""
        return Item(id=e.id, kind=e.kind, doc_id=e.doc_id, text=f"{title}\n{e.searched}", start=e.start,
                    end=e.end, section=e.text, date=e.date, room=e.room, event=e.event, record_id=e.record_id)

    def to_passage(self, item: Item, score: float) -> Passage:
        doc = self.documents[item.doc_id]
        return Passage(id=item.id, doc_id=item.doc_id, title=doc.title, section=item.section,
                       text=doc.text[item.start : item.end], start=item.start, end=item.end,
                       score=round(float(score), 6), kind=item.kind)  # type: ignore[arg-type]

    def mask(self, filters: SearchFilters | None) -> np.ndarray:
        keep = np.ones(len(self.items), dtype=bool)
        if not filters:
            return keep
        active = filters.active()
        for i, item in enumerate(self.items):
            if "doc_id" in active and item.doc_id != active["doc_id"] or "date" in active and item.date != active["date"] or "room" in active and room_key(item.room) != room_key(active["room"]) or "event" in active and fold(active["event"]) not in fold(item.event or ""):
                keep[i] = False
        return keep


def chroma_where(filters: SearchFilters | None) -> dict | None:
    """Exact-match filters as a Chroma `where`; keys are fixed here, values are plain strings."""
    if not filters:
        return None
    clauses = [{key: {"$eq": value}} for key, value in filters.active().items()
               if key in ("doc_id", "date")]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the `k` best scores, ties in position order: `argsort(-s, stable)[:k]`.

    A full stable sort is ~1 ms per 10k items on every request; past a few thousand items the
    candidates are first cut to those scoring at least the k-th best (ties at that value all
    kept), and only they are sorted, so the order is exactly the full sort's.
    """
    n = scores.size
    if k <= 0:
        return np.empty(0, dtype=np.intp)
    if n <= 4 * k or n < 2048:
        return np.argsort(-scores, kind="stable")[:k]
    kth = np.partition(scores, n - k)[n - k]
    candidates = np.flatnonzero(scores >= kth)  # ascending positions: the stable sort keeps them
    return candidates[np.argsort(-scores[candidates], kind="stable")][:k]


def cross_language_lift(dense: np.ndarray, languages: np.ndarray, language: str, gap: float) -> np.ndarray:
    """The raw cosines of retrieved items in another language than the question's, raised by `gap`.

    A multilingual encoder still scores a passage in the question's own language higher than an
    equally relevant one in another: an English question over a French corpus is drawn to the
    few English pages (of other events) before the French page that answers it. Lifting the
    other language's items by about that preference lets the topic decide. Items not retrieved
    (0) stay out.
    """
    if not gap:
        return dense
    return np.where((dense > 0) & (languages != language), dense + gap, dense).astype(dense.dtype)


def spread(dense: np.ndarray) -> np.ndarray:
    """Cosine scores of the nearest candidates mapped onto [0, 1]: the best is 1, the farthest
    candidate 0, everything not retrieved 0.

    Raw cosines sit in a band that depends on the model (MiniLM ~0.2–0.6, e5 ~0.75–0.9): divided
    by the best alone, e5's farthest candidate still scored ~0.85, so any item among the nearest
    carried most of the dense weight however weak a match it was, and relative cut-offs on the
    fused score (an agenda's fit) let it through.
    """
    hit = dense > 0
    if not hit.any():
        return dense
    best, floor = float(dense[hit].max()), float(dense[hit].min())
    if best <= floor:
        return hit.astype(dense.dtype)
    return np.where(hit, (dense - floor) / (best - floor), 0.0).astype(dense.dtype)


@dataclass(frozen=True)
class Scored:
    item: Item
    score: float
    lexical: float
    dense: float


def hybrid_search(index: LoadedIndex, *, query: str, k: int, embedder: Embedder | None,
                  store: VectorStore | None, lexical_weight: float,
                  filters: SearchFilters | None = None, kinds: set[str] | None = None,
                  dense_query: str | None = None, docs: frozenset[str] | None = None,
                  language: str | None = None, language_gap: float = 0.0,
                  document_weight: float = 0.0, document_depth: int = 5,
                  named_docs: frozenset[str] = frozenset(), named_weight: float = 0.0) -> list[Scored]:
    """Weighted fusion of max-normalised BM25 and spread cosine scores over the allowed items.

    `dense_query` is what gets embedded (default: `query`): the callers pass the question with
    its glossary expansions, which help the multilingual encoder too (README, evaluation).
    `language` is the question's: when it is not the corpus's, the raw cosine of items in
    another language is lifted by `language_gap` (see `cross_language_lift`). Each item is then
    lifted by its document's standing (`document_lift`), and those of `named_docs` (the event(s)
    the question names) by `named_weight`.
    """
    n = len(index.items)
    if n == 0 or not query.strip():
        return []
    if embedder is not None and embedder.model_id != index.snapshot.embed_model:
        # The index's vectors come from another model: cosine against them means nothing, so
        # rank by BM25 alone until a rebuild (the service says so: Assistant.model_mismatch).
        embedder, lexical_weight = None, 1.0
    allowed = index.mask(filters)
    if docs:
        # The event(s) a question names: only their documents compete.
        allowed &= np.array([item.doc_id in docs for item in index.items], dtype=bool)
    if kinds is not None:
        allowed &= np.array([item.kind in kinds for item in index.items], dtype=bool)
    lex = index.lexical.scores(query) * allowed
    lex_max = float(lex.max()) if lex.size else 0.0
    lex_norm = lex / lex_max if lex_max > 0 else lex
    dense = np.zeros(n, dtype=np.float32)
    if embedder is not None and store is not None and lexical_weight < 1.0:
        vector = embedder.embed_query(dense_query or query)
        where = chroma_where(filters)
        if docs:
            in_docs = {"doc_id": {"$in": sorted(docs)}}
            where = in_docs if where is None else {"$and": [where, in_docs]}
        depth = max(4 * k, 40)
        collections: tuple[str, ...] = (PASSAGES, CATALOGUE)
        if kinds is not None and "passage" not in kinds:
            # Records of some kinds only: ask the store for those, not for the nearest of all
            # (which other kinds could fill before one of them comes).
            collections = (CATALOGUE,)
            of_kind = {"kind": {"$in": sorted(kinds)}}
            where = of_kind if where is None else {"$and": [where, of_kind]}
        for hits in store.nearest(collections, embedding=vector, k=depth, where=where):
            for hit_id, score in hits:
                pos = index.position.get(hit_id)
                # Ids outside the loaded snapshot belong to an ingest in progress: ignore them.
                if pos is not None and allowed[pos]:
                    dense[pos] = max(score, 0.0)
        if language and language != CORPUS_LANGUAGE:
            dense = cross_language_lift(dense, index.languages, language, language_gap)
    fused = lexical_weight * lex_norm + (1.0 - lexical_weight) * spread(dense)
    fused = document_lift(fused, index.doc_of, weight=document_weight, depth=document_depth)
    if named_docs and named_weight > 0:
        # The items of the event(s) the question names, lifted above the rest where they were found.
        named = np.isin(index.doc_of, [index.doc_number[d] for d in named_docs if d in index.doc_number])
        fused = np.where((fused > 0) & named, fused + named_weight, fused)
    order = top_k(fused, k)
    return [Scored(index.items[i], float(fused[i]), float(lex[i]), float(dense[i]))
            for i in order if fused[i] > 0 and allowed[i]]


def document_lift(fused: np.ndarray, doc_of: np.ndarray, *, weight: float, depth: int) -> np.ndarray:
    """The fused scores of the items found, each lifted by `weight` times its document's standing:
    the sum of the document's `depth` best scores, over the best document's. A question about one
    programme meets it in several places (its title, the session's entry, the description); a
    stray passage of another programme that shares a few words stands alone."""
    found = np.flatnonzero(fused > 0)
    if weight <= 0 or found.size == 0:
        return fused
    docs, scores = doc_of[found], fused[found]
    order = np.lexsort((-scores, docs))  # by document, best first within each
    docs, scores = docs[order], scores[order]
    firsts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
    rank = np.arange(docs.size) - np.repeat(firsts, np.diff(np.r_[firsts, docs.size]))
    kept = rank < depth
    # Every found item's document has its best item kept, so the count reaches each of them.
    standing = np.bincount(docs[kept], weights=scores[kept])
    lifted = fused.astype(np.float64, copy=True)
    lifted[found] += weight * standing[doc_of[found]] / standing.max()
    return lifted


def distinct(hits: list[Scored]) -> list[Scored]:
    """The hits in order without those whose span lies inside a better hit of the same document:
    a session's entry under the passage that holds it says nothing new to a reader."""
    out: list[Scored] = []
    for h in hits:
        it = h.item
        if not any(o.item.doc_id == it.doc_id and o.item.start <= it.start and it.end <= o.item.end for o in out):
            out.append(h)
    return out
