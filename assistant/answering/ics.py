"""iCalendar export of an agenda (RFC 5545): local Paris times with a VTIMEZONE, room as LOCATION."""

from __future__ import annotations

from datetime import UTC, datetime

from assistant.domain.models import Document

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
END:VTIMEZONE"""


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded (RFC 5545 §3.1)."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode()) > 74:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return "\r\n".join(out)


def agenda_to_ics(agenda, *, documents: dict[str, Document]) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cohesion-assistant//agenda//FR",
             "CALSCALE:GREGORIAN", *_VTIMEZONE.splitlines()]
    for item in agenda.items:
        s = item.session
        if not s.date or s.date.startswith("--"):
            continue  # a day without a year cannot be put on a calendar
        day = s.date.replace("-", "")
        lines += ["BEGIN:VEVENT", f"UID:{s.id.replace('#', '-')}@cohesion-assistant", f"DTSTAMP:{stamp}"]
        if s.start:
            lines.append(f"DTSTART;TZID=Europe/Paris:{day}T{s.start.replace(':', '')}00")
            if s.end:
                lines.append(f"DTEND;TZID=Europe/Paris:{day}T{s.end.replace(':', '')}00")
        else:
            lines.append(f"DTSTART;VALUE=DATE:{day}")
        lines.append(_fold(f"SUMMARY:{_escape(s.title)}"))
        if s.room:
            lines.append(_fold(f"LOCATION:{_escape(s.room)}"))
        title = documents[s.doc_id].title if s.doc_id in documents else s.doc_id
        description = f"{item.reason}\n\nSource : {title} (caractères {item.citation.start}-{item.citation.end})"
        lines.append(_fold(f"DESCRIPTION:{_escape(description)}"))
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
