"""Time constraints of a question ("mardi en fin de journée", "Wednesday morning") against sessions.

Words like "fin de journée" never occur next to "17H45" in a programme, so lexical and dense
search cannot honour them. The catalogue knows each session's date and start time, and every
passage knows its session: items of matching sessions are lifted in the ranking.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import weakref

from assistant.answering.router import Constraints, weekday_name
from assistant.domain.models import Session
from assistant.language.text import fold
from assistant.search.retrieval import LoadedIndex, Scored

# Added to a fused score (itself in [0, 1]): enough to lift a matching session's passage over an
# unrelated one with a similar topic score, not enough to surface items off the topic.
TIME_BONUS = 0.25
# How deep to look before lifting: the items of the asked time may rank well below the top k.
TIME_DEPTH = 30


def matches_time(s: Session, c: Constraints) -> bool:
    date_quote = fold(s.fields["date"].quote) if "date" in s.fields else ""
    if c.iso_date and s.date != c.iso_date:
        return False
    if c.month_day and s.date and (int(s.date[-5:-3]), int(s.date[-2:])) != c.month_day:
        return False
    if c.weekday is not None:
        if s.date and not s.date.startswith("--"):
            if dt.date.fromisoformat(s.date).weekday() != c.weekday:
                return False
        elif weekday_name(c.weekday) not in date_quote:
            return False
    if c.part_of_day:
        if not s.start:
            return False
        hour = int(s.start[:2])
        want = {"morning": hour < 12, "afternoon": 12 <= hour < 17, "evening": hour >= 17}
        if not want[c.part_of_day]:
            return False
    return True


_MATCHING: weakref.WeakKeyDictionary[LoadedIndex, dict[Constraints, frozenset[str]]] = weakref.WeakKeyDictionary()


def matching_sessions(index: LoadedIndex, cons: Constraints) -> frozenset[str]:
    """Ids of the sessions at the asked time, kept per loaded index (weakly: a reload drops them):
    the catalogue does not change under a loaded index, and folding every session's date on
    every request added up."""
    per_index = _MATCHING.setdefault(index, {})
    found = per_index.get(cons)
    if found is None:
        found = frozenset(s.id for s in index.snapshot.catalogue.sessions if matches_time(s, cons))
        if len(per_index) < 1024:
            per_index[cons] = found
    return found


def session_of(hit: Scored) -> str | None:
    item = hit.item
    return item.record_id if item.kind == "session" else item.session_id


def rerank_by_time(index: LoadedIndex, hits: list[Scored], cons: Constraints, *,
                   bonus: float = TIME_BONUS) -> list[Scored]:
    """`hits` with items of sessions matching `cons` lifted by `bonus`, best first."""
    if not cons.has_time or not hits:
        return hits
    matching = matching_sessions(index, cons)
    if not matching:
        return hits
    lifted = [dataclasses.replace(h, score=h.score + bonus) if session_of(h) in matching else h for h in hits]
    return sorted(lifted, key=lambda h: -h.score)
