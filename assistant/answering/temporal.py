"""The day and part of the day a question asks about, against the catalogue's sessions.

Words like "fin de journée" never stand next to "17H45" in a programme, so search cannot honour
them: the catalogue knows each session's date and start time, and every passage its session.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import weakref
from collections.abc import Callable, Hashable

from assistant.answering.query import TimeFilter
from assistant.domain.models import Session
from assistant.language import calendar
from assistant.language.text import fold
from assistant.search.retrieval import LoadedIndex, Scored

# Added to a fused score (itself in [0, 1]): enough to lift a matching session's passage over an
# unrelated one with a similar topic score, not enough to surface items off the topic.
TIME_BONUS = 0.25


def _weekday_written(s: Session, weekday: int) -> bool:
    """A session without a year: its date header may still write the weekday."""
    quote = fold(s.fields["date"].quote) if "date" in s.fields else ""
    return any(fold(calendar.weekday_names(lang)[weekday]) in quote for lang in ("fr", "en"))  # type: ignore[arg-type]


def matches_time(s: Session, t: TimeFilter) -> bool:
    if t.iso_date and s.date != t.iso_date:
        return False
    if t.month_day and (not s.date or (int(s.date[-5:-3]), int(s.date[-2:])) != t.month_day):
        return False
    if t.weekday is not None:
        if s.date and not s.date.startswith("--"):
            if dt.date.fromisoformat(s.date).weekday() != t.weekday:
                return False
        elif not _weekday_written(s, t.weekday):
            return False
    if t.part_of_day:
        part = next(p for p in calendar.parts_of_day() if p.name == t.part_of_day)
        if not s.start or not part.covers(s.start):
            return False
    # What runs at a clock time: started by then and not over (a session without an end, at it).
    return not t.clock or bool(s.start and (s.start <= t.clock < s.end if s.end else s.start == t.clock))


_MATCHING: weakref.WeakKeyDictionary[LoadedIndex, dict[Hashable, frozenset[str]]] = weakref.WeakKeyDictionary()


def sessions_where(index: LoadedIndex, key: Hashable, fits: Callable[[Session], bool]) -> frozenset[str]:
    """Ids of the catalogue's sessions that fit, kept per loaded index under `key` (weakly: a
    reload drops them): the asked time's here, the named kinds' in `item_lift`."""
    per_index = _MATCHING.setdefault(index, {})
    found = per_index.get(key)
    if found is None:
        found = frozenset(s.id for s in index.snapshot.catalogue.sessions if fits(s))
        if len(per_index) < 1024:
            per_index[key] = found
    return found


def matching_sessions(index: LoadedIndex, t: TimeFilter) -> frozenset[str]:
    """Ids of the sessions at the asked time."""
    return sessions_where(index, t, lambda s: matches_time(s, t))


def session_of(hit: Scored) -> str | None:
    item = hit.item
    return item.record_id if item.kind == "session" else item.session_id


def lift_where(hits: list[Scored], fits: Callable[[Scored], bool], bonus: float) -> list[Scored]:
    """`hits` with those that fit lifted by `bonus`, best first (the time lift here, the kind,
    value and role lifts of `item_lift`)."""
    lifted = [dataclasses.replace(h, score=h.score + bonus) if fits(h) else h for h in hits]
    return sorted(lifted, key=lambda h: -h.score)


def lift_matching(index: LoadedIndex, hits: list[Scored], t: TimeFilter, *,
                  bonus: float = TIME_BONUS) -> list[Scored]:
    """`hits` with the items of sessions held at the asked time lifted by `bonus`, best first."""
    if not t.active or not hits:
        return hits
    matching = matching_sessions(index, t)
    if not matching:
        return hits
    return lift_where(hits, lambda h: session_of(h) in matching, bonus)


def shifted(t: TimeFilter, anchor: list[Session]) -> TimeFilter:
    """'Et le lendemain ?': the day after (or before) the first dated anchor session, at the part
    of the day asked; the shift is resolved into a date, so it is applied once."""
    if not t.day_shift:
        return t
    dates = sorted({s.date for s in anchor if s.date and not s.date.startswith("--")})
    if not dates:
        return t.model_copy(update={"day_shift": 0})
    base = dt.date.fromisoformat(dates[0] if t.day_shift > 0 else dates[-1])
    target = (base + dt.timedelta(days=t.day_shift)).isoformat()
    return TimeFilter(iso_date=target, part_of_day=t.part_of_day)
