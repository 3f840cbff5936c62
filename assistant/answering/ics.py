"""iCalendar export of an agenda (RFC 5545, written by the icalendar library).

One VEVENT per agenda row whose date is complete (rows listed apart for a missing day or year
cannot be placed). Times are Paris local time with a VTIMEZONE; UIDs are derived from what the
session is (document, day, start, title), so downloading the agenda again updates the same
calendar entries instead of duplicating them. LOCATION is the room, then the event's venue and
town when the programme gives them; DESCRIPTION is the reason, what else fits at the same time,
and the source document's title.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from assistant.answering.agenda import Agenda, AgendaItem
from assistant.domain.models import Document, Session
from assistant.language.text import detect_language, fold

PARIS = ZoneInfo("Europe/Paris")
# The rule-based zone (valid for any year), rather than a table of past transitions.
_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Paris
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""
_WORDS = {
    "fr": {"source": "Source", "same_time": "Au même moment"},
    "en": {"source": "Source", "same_time": "At the same time"},
}


def event_uid(s: Session) -> str:
    """Stable across requests and re-ingests: what the session is, not where it sits."""
    key = "|".join([s.doc_id, s.date or "", s.start or "", fold(s.title)])
    return f"{hashlib.sha1(key.encode()).hexdigest()[:20]}@cohesion-assistant"


def location(s: Session, place: str | None) -> str | None:
    """Room, then venue and town, each once ("SALLE 3, Rouen")."""
    parts: list[str] = []
    for part in (s.room, place):
        if part and fold(part) not in {fold(p) for p in parts}:
            parts.append(part)
    return ", ".join(parts) or None


def _times(s: Session) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    day = dt.date.fromisoformat(s.date or "")
    if not s.start:
        return day, None  # an all-day entry
    start = dt.datetime.combine(day, dt.time.fromisoformat(s.start), tzinfo=PARIS)
    end = dt.datetime.combine(day, dt.time.fromisoformat(s.end), tzinfo=PARIS) if s.end else None
    return start, end


def _vevent(item: AgendaItem, *, place: str | None, title: str, lang: str, stamp: dt.datetime) -> Event:
    s = item.session
    event = Event()
    event.add("uid", event_uid(s))
    event.add("dtstamp", stamp)
    start, end = _times(s)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    event.add("summary", s.title)
    where = location(s, place)
    if where:
        event.add("location", where)
    words = _WORDS[lang]
    lines = [item.reason]
    if item.alternatives:
        others = "; ".join(f"{a.session.title} ({a.session.room})" if a.session.room else a.session.title
                           for a in item.alternatives)
        lines.append(f"{words['same_time']} : {others}" if lang == "fr" else f"{words['same_time']}: {others}")
    lines.append(f"{words['source']} : {title}" if lang == "fr" else f"{words['source']}: {title}")
    event.add("description", "\n\n".join(lines))
    return event


def agenda_to_ics(agenda: Agenda, *, documents: dict[str, Document]) -> str:
    calendar = Calendar()
    calendar.add("prodid", "-//cohesion-assistant//agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add_component(Timezone.from_ical(_VTIMEZONE))
    lang = detect_language(agenda.interests)
    place = agenda.event.place if agenda.event else None
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for item in agenda.items:
        doc = documents.get(item.session.doc_id)
        title = doc.title if doc else item.session.doc_id
        calendar.add_component(_vevent(item, place=place, title=title, lang=lang, stamp=stamp))
    return calendar.to_ical().decode("utf-8")
