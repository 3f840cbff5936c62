"""Render catalogue records as short readable (and retrievable) text, in French or English.

Pure functions: no I/O, no corpus knowledge. A null field is simply left out.
"""

from __future__ import annotations

import datetime as dt

from assistant.domain.models import Event, Initiative, Person, Session

_MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}  # fmt: skip
_WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_KINDS_EN = {
    "atelier": "Workshop", "séance": "Session", "labo": "Lab", "plénière": "Plenary",
    "table ronde": "Round table", "formation": "Training", "sous-groupe": "Sub-group",
    "conférence": "Talk", "séminaire": "Seminar", "visite": "Visit",
}  # fmt: skip
_ROLES_EN = {"animateur": "facilitator", "intervenant": "speaker", "contact": "contact",
             "modérateur": "moderator", "rapporteur": "rapporteur", "formateur": "trainer"}  # fmt: skip


def format_date(iso: str | None, lang: str = "fr") -> str:
    """ "2025-03-04" -> "mardi 4 mars 2025" / "Tuesday 4 March 2025"; "--11-06" -> "6 novembre".

    Without a year the weekday cannot be known, so none is written.
    """
    if not iso:
        return ""
    lang = lang if lang in _MONTHS else "fr"
    try:
        if iso.startswith("--"):
            month, day = int(iso[2:4]), int(iso[5:7])
            return f"{_day(day, lang)} {_MONTHS[lang][month - 1]}"
        d = dt.date.fromisoformat(iso[:10])
    except (ValueError, IndexError):
        return iso
    return (
        f"{_WEEKDAYS[lang][d.weekday()]} {_day(d.day, lang)} {_MONTHS[lang][d.month - 1]} {d.year}"
    )


def _day(day: int, lang: str) -> str:
    return "1er" if lang == "fr" and day == 1 else str(day)


def format_time(hhmm: str | None, lang: str = "fr") -> str:
    if not hhmm:
        return ""
    if lang != "fr":
        return hhmm
    h, _, m = hhmm.partition(":")
    return f"{int(h)}h{m}" if m and m != "00" else f"{int(h)}h"


def format_time_range(start: str | None, end: str | None, lang: str = "fr") -> str:
    if start and end:
        return f"{format_time(start, lang)}–{format_time(end, lang)}"
    return format_time(start, lang)


def _room(room: str | None, lang: str) -> str:
    if not room:
        return ""
    # Upper-case labels ("SALLE CORNEILLE 2") read better in sentence case.
    text = room.title() if room.isupper() else room
    first, _, rest = text.partition(" ")
    if first.lower() in ("salle", "room") and rest:
        return f"{'salle' if lang == 'fr' else 'room'} {rest}"
    return text


def render_session(s: Session, lang: str = "fr") -> str:
    kind = (s.kind or "").strip()
    if lang == "fr":
        label = kind[:1].upper() + kind[1:] if kind else "Session"
    else:
        label = _KINDS_EN.get(kind, kind.capitalize()) if kind else "Session"
    quoted = f"« {s.title} »" if lang == "fr" else f"“{s.title}”"
    when = ", ".join(
        p
        for p in (
            format_date(s.date, lang),
            format_time_range(s.start, s.end, lang),
            _room(s.room, lang),
        )
        if p
    )
    text = f"{label} {quoted}" + (f" — {when}" if when else "")
    if s.people:
        who = ", ".join(_person_in_session(p.name, p.role, lang) for p in s.people)
        text += f". Avec : {who}" if lang == "fr" else f". With: {who}"
    return text


def _person_in_session(name: str, role: str | None, lang: str) -> str:
    if not role:
        return name
    return f"{name} ({role if lang == 'fr' else _ROLES_EN.get(role, role)})"


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
