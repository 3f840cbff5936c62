"""A meeting's numbered agenda ("ordre du jour"): its points, their sub-points and the hours a
point may close with.

"1. Accueil et introduction (9h30-9h45)", "Point 3 – Bilan (10h00-10h20)", "3.1 Title (10h20-10h45)":
each point is a session; a point whose sub-points give their own hours is only their heading; a
sub-point without hours is a part of its point. The meeting's date and room are said once, above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.language.agendas import HEADING, POINT_NUMBER
from assistant.language.pending import pending
from assistant.language.text import fold

from . import rooms, times
from .lines import Line, in_capitals

# Hours in brackets closing the point: "(9h30-9h45)", "(10 h 20 – 11 h 10)".
_HOURS = re.compile(r"\((?P<r>[^()]*\d[^()]*)\)\s*:?\s*$")
# "Pause (10 min)", "Pause-café", "Déjeuner libre": a break between two points, written without hours.
_BREAK = re.compile(r"^(?:pause(?:[- ](?:cafe|dejeuner|meridienne))?|dejeuner(?: libre| sur place)?|cafe d'accueil)"
                    r"\s*(?:\(\s*\d{1,3}\s*(?:min\w*|mn|h)\s*\))?\s*\.?$")


@dataclass(frozen=True)
class Point:
    number: int
    sub: int | None
    title: tuple[int, int]  # offsets in the line, after the number and before the hours
    hours: times.TimeRange | None  # span in the line


def point(text: str) -> Point | None:
    """The numbered point a line opens, with the hours that close it; None for any other line."""
    m = POINT_NUMBER.match(text)
    if m is None or times.slot_line(text) is not None or not (m["word"] or m["sub"] or m["sep"]):
        return None  # "12 mars …" is a date
    end = len(text.rstrip())
    hours = None
    h = _HOURS.search(text, m.end())
    if h is not None:
        tr = times.find_range(h["r"])
        if tr is not None and tr.end is not None and not h["r"][:tr.span[0]].strip() \
                and not h["r"][tr.span[1]:].strip():
            hours = times.TimeRange(tr.start, tr.end, (h.start("r") + tr.span[0], h.start("r") + tr.span[1]))
            end = h.start()
    title_end = len(text[:end].rstrip(" :–—-"))
    if title_end <= m.end() or not any(c.isalpha() for c in text[m.end():title_end]):
        return None
    return Point(int(m["n"]), int(m["sub"]) if m["sub"] else None, (m.end(), title_end), hours)


def point_sections(lines: list[Line], points: list[tuple[int, Line]]) -> dict[int, tuple[int, int]]:
    """Where minutes report each point of their agenda: a later heading repeating the point's
    number and title ("1. Ouverture et validation…" in the agenda, "1. OUVERTURE ET VALIDATION…"
    over its account), to the next point's heading or the next heading in capitals. `points` are
    (number, agenda line); the result maps a point's number to its section's (start, end)."""
    titles = {n: _key(ln.text, p) for n, ln in points if (p := point(ln.text)) is not None}
    after = max((ln.index for _, ln in points), default=-1)
    heads: list[tuple[int, Line]] = []
    for ln in lines[after + 1:]:
        p = point(ln.text) if not ln.blank else None
        if p is not None and p.sub is None and p.number in titles and titles[p.number] \
                and _key(ln.text, p) == titles[p.number] and all(n != p.number for n, _ in heads):
            heads.append((p.number, ln))
    out: dict[int, tuple[int, int]] = {}
    for k, (n, ln) in enumerate(heads):
        stop = heads[k + 1][1].index if k + 1 < len(heads) else len(lines)
        end = ln.end
        for nxt in lines[ln.index + 1:stop]:
            if not nxt.blank and _caps_heading(nxt.text):
                break  # "PROCHAINES RÉUNIONS": the account of the points is over
            if not nxt.blank:
                end = nxt.end
        out[n] = (ln.line_start, end)
    return out


def _key(text: str, p: Point) -> str:
    """A point's title to compare across its two writings: folded, without number or hours."""
    return " ".join(re.findall(r"\w+", fold(text[p.title[0]:p.title[1]])))


def _caps_heading(text: str) -> bool:
    return in_capitals(text, least=4) and point(text) is None


def is_break(text: str) -> bool:
    """A break written alone between two points, without its hours: "Pause (10 min)"."""
    return bool(_BREAK.match(fold(text).strip().replace("’", "'")))


_BEFORE_TIME = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+(?=\d)")


def number_before_time(text: str) -> int | None:
    """The point's number an agenda writes before its hours: "3.  09:50 – 10:30  Title"."""
    m = _BEFORE_TIME.match(text)
    return int(m[1]) if m else None


# "Ordre du jour", "ORDRE DU JOUR :", "ODJ" on a line of its own: a meeting's agenda follows.


def under_agenda_heading(text: str) -> bool:
    """`text` (a page up to its first session) heads an "Ordre du jour": the points below are a
    meeting's séances, whatever kind words its letter uses about the day ("l'atelier de l'après-midi")."""
    return any(HEADING.match(fold(line)) for line in text.splitlines())


# The pieces of a sentence or an address line, a note in brackets kept whole: "salle Pervenche
# (1er étage, ascenseur)", "maison de l'agglomération", "2 place du Marché".
_PIECE = re.compile(r"(?:[^,;(–—]|\([^()]*\))+")


def meeting_room(text: str, lines: list[Line], skip: set[int]) -> tuple[int, int] | None:
    """The room a meeting's letter names once, above its agenda ("se réunira le jeudi 5 mars de 14h
    à 16h30, salle Pervenche, maison de l'agglomération"): every point is held there. None when it
    names none, or several (a choice of places is no one room)."""
    found: dict[str, tuple[int, int]] = {}
    for ln in lines:
        if ln.blank or ln.index in skip:
            continue
        last: tuple[str, tuple[int, int]] | None = None
        for m in _PIECE.finditer(ln.text):
            piece = m.group().strip(" .:")
            at = ln.start + m.start() + m.group().index(piece) if piece else 0
            if piece and rooms.led_by_room_word(piece) and not pending(piece) \
                    and (r := rooms.room_line(piece, in_slot=False)) is not None:
                last = fold(piece[r[0]:r[1]]), (at + r[0], at + r[1])
        if last is not None:
            # "Lieu : Hôtel de ville, salle Vauban": one place, the room the building's last.
            found.setdefault(*last)
    return next(iter(found.values())) if len(found) == 1 else None
