"""Render catalogue records as short readable (and retrievable) text, in French or English.

Pure functions: no I/O, no corpus knowledge. A null field is simply left out.
"""

from __future__ import annotations

from assistant.domain.models import Event, Initiative, Person, Session
from assistant.language import calendar, phrases
from assistant.language.kinds import kind_label
from assistant.language.roles import roles


def format_date(iso: str | None, lang: str = "fr") -> str:
    """ "2025-03-04" -> "mardi 4 mars 2025"; "--11-06" -> "6 novembre" (see language.calendar)."""
    return calendar.day_label(iso, "en" if lang == "en" else "fr") or ""


def format_time_range(start: str | None, end: str | None, lang: str = "fr") -> str:
    return calendar.time_label(start, end, "en" if lang == "en" else "fr") or ""


def render_session(s: Session, lang: str = "fr") -> str:
    language = "en" if lang == "en" else "fr"
    label = kind_label(s.kind, language).capitalize()
    quoted = phrases.quoted(s.title, language)  # type: ignore[arg-type]
    when = ", ".join(p for p in (format_date(s.date, lang), format_time_range(s.start, s.end, lang),
                                 phrases.readable_room(s.room) if s.room else "") if p)
    text = f"{label} {quoted}" + (f" — {when}" if when else "")
    if s.people:
        who = ", ".join(_person_in_session(p.name, p.role, language) for p in s.people)
        text += f". Avec : {who}" if lang == "fr" else f". With: {who}"
    return text


def _person_in_session(name: str, role: str | None, lang: str) -> str:
    found = next((r for r in roles() if r.id == role), None)
    return f"{name} ({found.name(lang)})" if found else name  # type: ignore[arg-type]


def render_person(p: Person, lang: str = "fr") -> str:
    parts = [p.name]
    if p.role:
        parts.append(p.role)
    if p.affiliation:
        parts.append(p.affiliation)
    return ", ".join(parts)


def render_initiative(i: Initiative, lang: str = "fr") -> str:
    text = i.name
    if i.place:
        text += f" ({i.place})"
    if i.organiser:
        text += f" — {'porté par' if lang == 'fr' else 'run by'} {i.organiser}"
    if i.description:
        text += f" : {i.description}" if lang == "fr" else f": {i.description}"
    return text


def render_event(e: Event, lang: str = "fr") -> str:
    when = format_date(e.date, lang)
    if e.date_end and e.date_end != e.date:
        when = (
            f"{when} – {format_date(e.date_end, lang)}"
            if lang != "fr"
            else f"du {when} au {format_date(e.date_end, lang)}"
        )
    return ", ".join(p for p in (e.title, e.place or "", when, e.organiser or "") if p)


def render_record(record: Session | Person | Initiative | Event, lang: str = "fr") -> str:
    if isinstance(record, Session):
        return render_session(record, lang)
    if isinstance(record, Person):
        return render_person(record, lang)
    if isinstance(record, Initiative):
        return render_initiative(record, lang)
    if isinstance(record, Event):
        return render_event(record, lang)
    raise TypeError(f"cannot render {type(record).__name__}")
