"""Retrieve: the evidence for a Query — fused lexical and dense hits over passages and catalogue
entries, then the records behind them (sessions, people, initiatives, events), ranked.

Records the question names or the conversation is about come first; the asked day or part of
the day lifts the sessions held then; a named event scopes the hits to its document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answering import asking
from assistant.answering.item_lift import kinds_to_lift, lift_kinds
from assistant.answering.query import Query
from assistant.answering.temporal import lift_matching
from assistant.domain.models import Event, Initiative, Person, Session
from assistant.language.glossary import expand, french_search_text
from assistant.search.embedder import Embedder
from assistant.search.retrieval import LoadedIndex, Scored, hybrid_search
from assistant.search.store import VectorStore

DEPTH = 40  # hits looked at: the items of an asked time or scope may rank below the first ten
NAMED_SCORE = 2.0  # above any fused score (those lie in [0, 1] plus the time lift)


@dataclass(frozen=True)
class Resources:
    """What the answering stages read: the loaded index and the search engines over it."""

    index: LoadedIndex
    embedder: Embedder | None
    store: VectorStore | None
    lexical_weight: float
    language_gap: float = 0.0


@dataclass
class Evidence:
    hits: list[Scored]
    sessions: list[tuple[Session, float]] = field(default_factory=list)
    people: list[tuple[Person, float]] = field(default_factory=list)
    initiatives: list[tuple[Initiative, float]] = field(default_factory=list)
    events: list[tuple[Event, float]] = field(default_factory=list)
    direct: set[str] = field(default_factory=set)  # records hit through their own entry

    @property
    def best(self) -> float:
        return self.hits[0].score if self.hits else 0.0

    def documents(self, depth: int) -> list[str]:
        """The documents of the first `depth` hits, each once, best first."""
        return list(dict.fromkeys(h.item.doc_id for h in self.hits[:depth]))


INITIATIVE_DEPTH = 8  # initiative entries ranked among themselves when examples are asked for


def search_text(query: Query) -> str:
    """What BM25 reads: the standalone question without its asking words (`asking.search_words`:
    "dans quelle salle", "à quelle heure" match every programme line with a room or a time),
    English words replaced by their French equivalents. Held-out passed 0.463 -> 0.472, tune
    0.595 -> 0.598. `/search` keeps them: there, they helped (tune hit@5 0.741, 0.734 without)."""
    return french_search_text(asking.search_words(query.standalone), query.language)


def dense_text(query: Query) -> str:
    """What the embedder reads: the question (with the turn it follows), English words with their
    French equivalents too (e5 then meets the French passages halfway: English hit@5 0.718 ->
    0.767 on tune, 0.707 -> 0.720 held-out)."""
    return expand(query.dense_text or query.text, query.language)


def search(query: Query, res: Resources, *, depth: int = DEPTH) -> list[Scored]:
    hits = hybrid_search(res.index, query=search_text(query), dense_query=dense_text(query),
                         k=depth, embedder=res.embedder, store=res.store, lexical_weight=res.lexical_weight,
                         docs=query.filters.docs or None, language=query.language,
                         language_gap=res.language_gap)
    return lift_kinds(res.index, lift_matching(res.index, hits, query.filters.time), kinds_to_lift(query.filters.kinds))


def _ranked(scores: dict[str, float], index: LoadedIndex) -> list:
    return [(index.records[rid], sc) for rid, sc in sorted(scores.items(), key=lambda kv: -kv[1])
            if rid in index.records]


def _bump(scores: dict[str, float], rid: str | None, score: float) -> None:
    if rid:
        scores[rid] = max(scores.get(rid, 0.0), score)


def records_of(hits: list[Scored], index: LoadedIndex, *, first: tuple[str, ...] = ()) -> Evidence:
    """The records behind the hits, each scored by its best hit; `first` (named or followed-up
    records) ahead of all, in their order."""
    sessions: dict[str, float] = {}
    people: dict[str, float] = {}
    initiatives: dict[str, float] = {}
    events: dict[str, float] = {}
    by_doc_initiatives: dict[str, list[Initiative]] = {}
    for i in index.snapshot.catalogue.initiatives:
        by_doc_initiatives.setdefault(i.doc_id, []).append(i)
    direct = {h.item.record_id for h in hits if h.item.record_id}
    for h in hits:
        item = h.item
        if item.kind == "session" or item.session_id:
            _bump(sessions, item.record_id if item.kind == "session" else item.session_id, h.score)
        if item.kind == "person":
            _bump(people, item.record_id, h.score)
        elif item.kind == "initiative":
            _bump(initiatives, item.record_id, h.score)
        elif item.kind == "event":
            _bump(events, item.record_id, h.score)
        elif item.kind == "passage":
            # An initiative described inside this passage is reached through it.
            for i in by_doc_initiatives.get(item.doc_id, []):
                if item.start <= i.citation.start < item.end:
                    _bump(initiatives, i.id, 0.9 * h.score)
    for e in index.snapshot.catalogue.events:
        # An event is as relevant as the best hit of its document.
        doc_best = max((h.score for h in hits if h.item.doc_id == e.doc_id), default=0.0)
        _bump(events, e.id, 0.9 * doc_best)
    for rank, rid in enumerate(first):
        record = index.records.get(rid)
        table = (sessions if isinstance(record, Session) else people if isinstance(record, Person)
                 else initiatives if isinstance(record, Initiative) else events)
        table[rid] = NAMED_SCORE - 0.01 * rank
    return Evidence(hits=hits, sessions=_ranked(sessions, index), people=_ranked(people, index),
                    initiatives=_ranked(initiatives, index), events=_ranked(events, index),
                    direct=direct)


def retrieve(query: Query, res: Resources) -> Evidence:
    hits = search(query, res)
    if "initiatives" in query.asks:
        # Examples are asked for: rank the initiative entries among themselves too, so one
        # described in other words ("approvisionner les cantines" for food) is not crowded out
        # of the top by sessions and passages that repeat the question's word.
        hits = _merged(hits, hybrid_search(
            res.index, query=search_text(query), dense_query=dense_text(query), k=INITIATIVE_DEPTH,
            embedder=res.embedder, store=res.store, lexical_weight=res.lexical_weight,
            docs=query.filters.docs or None, kinds={"initiative"}, language=query.language,
            language_gap=res.language_gap))
    return records_of(hits, res.index, first=query.subject + query.named)


def _merged(hits: list[Scored], more: list[Scored]) -> list[Scored]:
    best: dict[str, Scored] = {}
    for h in [*hits, *more]:
        if h.item.id not in best or h.score > best[h.item.id].score:
            best[h.item.id] = h
    return sorted(best.values(), key=lambda h: -h.score)
