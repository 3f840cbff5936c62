"""A session's meta line: fields in a row, separated by › | • · – or —, giving its date, time,
room or place and how it is attended, with the title on the line below.

"RDV n°1  ›  mardi 14/10/2025  ›  14h-15h30  ›  webinaire", "Jeudi 6 mars · 9h30 · Salle 2",
"Séance 4 – le 3 févr. 2026 – 14h-16h30 – LE MANS, Maison de l'Habitat, salle Bercé".
Offsets are relative to the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.language.modes import Mode, mode_named
from assistant.language.pending import pending

from . import dates, rooms, times

Pos = tuple[int, int]
def _separators(marks: str) -> re.Pattern[str]:
    """Field separators: one of `marks` or a dash with spaces around it, or a mark glued to the
    next field (a hyphen inside "14h-15h30" is no separator)."""
    return re.compile(rf"\s+[{marks}–—]\s+|\s*[{marks}]\s*(?=\S)")


_SEP = _separators("›»|•·")
# A line that quotes a title « … »: its closing mark is no separator.
_SEP_QUOTING = _separators("›|•·")
MIN_FIELDS = 3


@dataclass(frozen=True)
class Meta:
    date: dates.DateMatch | None
    time: times.TimeRange | None
    room: Pos | None
    mode: Mode | None
    mode_span: Pos | None
    confirm: Pos | None  # "date à confirmer": the date is said to be unknown
    # The session's title in a field of its own, last on the line ("Lun. 16 nov. | 18h30 |
    # Villeneuve – Hôtel du Département | Soirée d'ouverture « … »"); else it is on the line below.
    title: Pos | None = None
    # The fields before the date and the time: the session's label ("Séance 6 (clôture)",
    # "6 | SÉANCE DE CLÔTURE"), which may say its kind.
    label: Pos | None = None


def _fields(text: str) -> list[Pos]:
    out, pos = [], 0
    for m in (_SEP_QUOTING if "«" in text else _SEP).finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


_TO_CONFIRM = re.compile(r"\b(?:date|salle|lieu|horaire)s?\s+(?:a|à)\s+confirmer\b|\bà confirmer\b|\bTBC\b", re.I)


def meta_line(text: str) -> Meta | None:
    """The line's meta fields, when it has at least three fields and one is a date or a time."""
    fields = _fields(text)
    if len(fields) < MIN_FIELDS or len(text) > 200:
        return None
    date = time = None
    room = mode_span = confirm = None
    mode = None
    rest: list[Pos] = []
    label: Pos | None = None
    for a, b in fields:
        field = text[a:b]
        if date is None and time is None and confirm is None and rest:
            label = (rest[0][0], rest[-1][1])
        if date is None and (found := dates.find_dates(field)):
            d = found[0]
            date = dates.DateMatch(a + d.start, a + d.end, d.month, d.day, d.year, d.weekday)
            continue
        if time is None and (tr := times.find_range_at(field, a)) is not None:
            time = tr
            continue
        if confirm is None and (c := _TO_CONFIRM.search(field)):
            confirm = (a + c.start(), a + c.end())
        if mode is None and (m := mode_named(field)) is not None:
            mode, mode_span = m, (a, b)
            continue
        if room is None:
            r = rooms.venue_and_room(field) or rooms.room_in(field) or rooms.room_line(field, in_slot=True)
            if r is not None:
                room = (a + r[0], a + r[1])
                continue
        rest.append((a, b))
    if date is None and time is None:
        return None
    # A field after the date, the time and the place that reads as a title: several words, not
    # a town ("Villeneuve") nor a note.
    last = rest[-1] if rest and rest[-1] == fields[-1] else None
    title = last if last is not None and len(text[last[0]:last[1]].split()) >= 3 and confirm is None else None
    if title is not None and room is None and len(rest) >= 3:
        # "Town – Halle des Marchands | Title": the field after the town is the venue, as written.
        a, b = rest[-2]
        if len(text[a:b].split()) >= 2 and not pending(text[a:b]) and text[a].isupper():
            room = (a, b)
    return Meta(date=date, time=time, room=room, mode=mode, mode_span=mode_span, confirm=confirm, title=title,
                label=label if label != title else None)
