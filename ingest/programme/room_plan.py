"""A room plan given apart from the timetable: "Où se déroulent les ateliers ?" / "Atelier | Salle |
Niveau" / "A1 | Salle Thur | rez-de-chaussée", or "A2 → Salle Doller". Each parallel workshop's
code and its room; the workshops, titled after their code in the timetable ("A1 — Aller vers …"),
take that room. The plan's lines are no sessions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.language.pending import pending
from assistant.language.text import fold

from . import rooms
from .lines import Line

Pos = tuple[int, int]

# A workshop's code: a letter and a number ("A1", "B12"), perhaps after its kind ("Atelier A1").
CODE = r"(?:(?:atelier|workshop|groupe)\s+)?(?P<code>[A-Z]\d{1,2})"
# "A1 | Salle Thur | …", "A1 ; Salle Thur", "A1 → Salle Thur", "A1 : Salle Thur", "A1 – Salle Thur".
_ROW = re.compile(rf"^\s*{CODE}\s*(?:\||;|\t|→|->|:|–|—)\s*(?P<room>[^|;\t]+?)\s*(?:[|;\t].*)?$", re.IGNORECASE)
# A title led by its workshop's code: "A1 — Aller vers …", "Atelier B2 : …", "A3. …".
TITLED = re.compile(rf"^\s*{CODE}\s*[—–:.\-]\s", re.IGNORECASE)
# The plan's header row: "Atelier | Salle | Niveau", "Workshop | Room".
_HEADER = re.compile(r"\b(?:salles?|rooms?|lieux?)\b")
MIN_ROWS = 2


@dataclass
class RoomPlan:
    rooms: dict[str, Pos] = field(default_factory=dict)  # code -> the room's span in the text
    lines: set[int] = field(default_factory=set)  # the plan's lines (header, rows)


def _room(text: str) -> Pos | None:
    """The room a plan's cell names, its note aside ("Salle Thur (puis sortie)", "Salle Ill + à
    distance"); None when the cell says it is not known yet ("salle communiquée le jour même")."""
    if pending(text):
        return None
    cut = re.search(r"\s*(?:\(|\+)", text)
    head = text[:cut.start()] if cut else text
    return rooms.room_line(head, in_slot=False) or rooms.venue_line(head)


def find(lines: list[Line]) -> RoomPlan:
    """The page's room plan: a run of at least MIN_ROWS lines each a workshop's code and its room
    cell (its header row above it), or an empty plan."""
    plan = RoomPlan()
    run: list[tuple[Line, re.Match[str], Pos | None]] = []

    def flush() -> None:
        if len(run) >= MIN_ROWS:
            first = run[0][0].index
            before = next((x for x in reversed(lines[:first]) if not x.blank), None)
            if before is not None and _HEADER.search(fold(before.text)) and before.index >= first - 2:
                plan.lines.add(before.index)
            for ln, m, r in run:
                plan.lines.add(ln.index)
                if r is not None:
                    at = ln.start + m.start("room")
                    plan.rooms.setdefault(m["code"].upper(), (at + r[0], at + r[1]))
        run.clear()

    for ln in lines:
        if ln.blank:
            continue
        m = _ROW.match(ln.text)
        room = _room(m["room"]) if m is not None else None
        # A row's cell is a room or says the room is not known yet; "A1 — Aller vers …" is a title.
        if m is not None and (room is not None or pending(m["room"])):
            run.append((ln, m, room))
            continue
        flush()
    flush()
    return plan


def code_of(title: str) -> str | None:
    """The workshop code a title is led by ("A1 — Aller vers …" -> "A1")."""
    m = TITLED.match(title)
    return m["code"].upper() if m else None
