"""The days of a training sheet, read from its "Dates" value.

A formation sheet lists its days under "Dates et horaires" / "Calendrier", and each day may say
more than its date: its own hours ("de 9h à 12h et de 13h30 à 16h30": one day, from the first
hour to the last), its own title ("Jour 1 – jeudi 15 janvier 2026 … : « Title »"), how it is
attended ("(classe virtuelle)"), a second séance the same day ("puis de 14h à 17h, en présentiel :
Title"), where it is held (the place line under a session's dates), or several days at once
("Session 1 : les 5 et 6 février 2026": each day a session). Offsets are absolute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.language.modes import Mode, mode_named

from . import dates, rooms, times
from .labels import quoted_title
from .lines import Line, strip_span

Pos = tuple[int, int]

# "les 5 et 6 février", "les 5, 6 et 7 mars": the days listed before the one that has its month.
_LISTED = re.compile(r"\bles\s+((?:\d{1,2}(?:er)?\s*(?:,|\bet\b)\s*)+)$")
# A title after the day's fields: "…, de 9h à 12h : Title", "puis de 14h à 17h, en présentiel : Title".
_AFTER_COLON = re.compile(r"(?<!\d):\s*(?P<t>[^:]+?)\s*$")
# A day's second séance: "puis de 14h à 17h …", "suivi de 14h à 16h …", "l'après-midi, de 14h à 17h".
# The same inside a date line, after its hours: "…, à partir de 18h, puis 20h : repas partagé".
_THEN_IN = re.compile(r"[,;]\s*(?:puis|suivie? d['’]une?)\s+(?=.*\s:\s*\w)", re.I)
_THEN = re.compile(r"^\W*(?:puis|suivie?s? de|ensuite|l['’]apr[eè]s-midi|le matin)\b", re.I)


@dataclass
class Day:
    line: Line
    date: dates.DateMatch | None  # its offsets are the line's
    date_span: Pos | None = None
    title: Pos | None = None
    time: times.TimeRange | None = None  # its span absolute
    mode: tuple[Mode, Pos] | None = None
    room: Pos | None = None
    then: bool = False  # a second séance of the day ("puis 20h : repas partagé")


def day_hours(text: str, at: int) -> times.TimeRange | None:
    """A day's hours, from its first hour to its last: "de 9h à 12h et de 13h30 à 16h30" and
    "9h30-12h30 / 13h30-17h" are one day of training with a lunch break, 9h to 16h30."""
    ranges = list(times.RANGE_RE.finditer(text))
    if not ranges:
        return times.find_range_at(text, at)
    first, last = ranges[0], ranges[-1]
    return times.TimeRange(times.to_hhmm(first["a"]), times.to_hhmm(last["b"]), (at + first.start(), at + last.end()))


def _listed_days(text: str, d: dates.DateMatch) -> list[dates.DateMatch]:
    """The days written before `d` and sharing its month: "les 5 et 6 février" gives the 5th."""
    m = _LISTED.search(text[:d.start])
    if m is None:
        return []
    out = []
    for n in re.finditer(r"\d{1,2}", m.group(1)):
        day = int(n.group())
        if 1 <= day <= 31:
            a = m.start(1) + n.start()
            out.append(dates.DateMatch(a, a + len(n.group()), d.month, day, d.year, False))
    return out


def _own_title(ln: Line, after: int) -> Pos | None:
    """The title a date line gives its day: quoted anywhere, else after a colon that follows its
    date and hours ("… de 14h à 17h, en présentiel : analyse de pratiques")."""
    q = quoted_title(ln.text, 0)
    if q is not None:
        return ln.start + q.title[0], ln.start + q.title[1]
    m = _AFTER_COLON.search(ln.text, after)
    if m is None or len(m["t"].split()) < 2 or mode_named(m["t"]) is not None:
        return None
    a, b = strip_span(ln.text, m.start("t"), m.end("t"), " .;")
    return ln.start + a, ln.start + b


def _mode(ln: Line, title: Pos | None) -> tuple[Mode, Pos] | None:
    """How the day is attended, said outside its title: "(classe virtuelle)", "en présentiel"."""
    end = title[0] - ln.start if title is not None else len(ln.text)
    head = ln.text[:end]
    mode = mode_named(head)
    if mode is None:
        return None
    for part in re.finditer(r"[^,()–—:]+", head):
        if mode_named(part.group()) == mode:
            a, b = strip_span(ln.text, part.start(), part.end(), " .;")
            return mode, (ln.start + a, ln.start + b)
    return mode, (ln.start, ln.start + len(head))


_NOTE = re.compile(r"\s*\([^()]*\)[\s.]*$")


def place_room(text: str) -> Pos | None:
    """The room a sheet's place line names, offsets in `text`: the room itself when it closes the
    line ("Villeneuve – Maison X, 3 rue Y, salle Lilas (1er étage)" is the salle Lilas; the street
    and the note on the floor are how to get there), else the venue and its room."""
    m = _NOTE.search(text)
    bare = text[:m.start()] if m and m.start() > 0 else text
    return rooms.room_in(bare) or rooms.place_room(bare)


def _sentence(t: str) -> bool:
    return t.rstrip().endswith(".") and len(t.split()) >= 8


def leaflet_days(values: list[Line]) -> list[Day]:
    """The days the "Dates" value lines give, in order; [] when they give none."""
    out: list[Day] = []
    last: list[Day] = []  # the days of the last date line
    queue = list(values)
    while queue:
        ln = queue.pop(0)
        if _sentence(ln.text):
            continue  # a note in prose ("Une réunion d'information est proposée le …"), no day
        found = dates.find_dates(ln.text)
        then = _THEN_IN.search(ln.text)
        values_after: list[Line] = []
        if found and then is not None and then.start() > found[-1].end:
            # "Jeudi 9 avril, à partir de 18h (débat), puis 20h : repas partagé": the day's
            # meeting, then a second séance the line names.
            values_after = [replace(ln, start=ln.start + then.start(), text=ln.text[then.start():])]
            ln = replace(ln, end=ln.start + then.start(), text=ln.text[:then.start()])
        tr = day_hours(ln.text, ln.start)
        if found:
            listed = _listed_days(ln.text, found[0])
            after = max(found[-1].end, (tr.span[1] - ln.start) if tr else 0)
            title = _own_title(ln, after)
            mode = _mode(ln, title)
            last = [Day(ln, d, (ln.start + d.start, ln.start + d.end), title, tr, mode) for d in [*listed, *found]]
            out += last
            queue[:0] = values_after
            continue
        if not last:
            continue
        if tr is not None and _THEN.match(ln.text) and (title := _own_title(ln, tr.span[1] - ln.start)):
            # "puis de 14h à 17h, en présentiel : Title": a second séance the same day.
            first = last[-1]
            out.append(replace(first, line=ln, title=title, time=tr, mode=_mode(ln, title), room=None, then=True))
            continue
        if tr is not None and all(d.time is None for d in last) and tr.span[0] - ln.start <= 2:
            # "9h30-12h30, en classe virtuelle (…)": the hours of the date line above, wrapped.
            mode = _mode(ln, None)
            for d in last:
                d.time, d.mode = tr, d.mode or mode
            continue
        r = place_room(ln.text) if tr is None else None
        if r is not None:
            # "Villeneuve – Maison des familles, salle Lilas" under "Session 1 : les 5 et 6 mai".
            for d in last:
                d.room = d.room or (ln.start + r[0], ln.start + r[1])
    return out
