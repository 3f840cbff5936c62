"""The numbered points of a meeting's agenda ("ORDRE DU JOUR" / "1. … 2. … 7. …").

Steering committees, working groups and minutes number their agenda: "combien de points à
l'ordre du jour ?" is answered by counting those points, not by a figure of the text nor by the
catalogue's sessions (a point with two talks is two sessions, a break none). Minutes often
repeat the numbered points as section headings further down: the count stops where the numbering
starts again.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.language.agendas import HEADING, POINT_NUMBER
from assistant.language.text import fold

# Lines a point's own lines (speakers, sub-points, notes) may take before the next point.
MAX_GAP = 15


@dataclass(frozen=True)
class Agenda:
    heading: tuple[int, int]  # span of the heading line
    points: tuple[tuple[int, int], ...]  # span of each numbered point's line, in order


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def agendas(text: str) -> list[Agenda]:
    """Each agenda heading followed by points numbered 1, 2, 3… (two at least)."""
    lines = _lines(text)
    found: list[Agenda] = []
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if len(line.strip()) > 60 or not HEADING.match(fold(line.strip())):
            continue
        points: list[tuple[int, int]] = []
        last = i
        for j in range(i + 1, len(lines)):
            if j - last > MAX_GAP:
                break
            pa, pb = lines[j]
            m = POINT_NUMBER.match(text[pa:pb].lstrip())
            if not m or m["sub"] or not (m["word"] or m["sep"]):
                continue  # not a point, or a sub-point ("2.1")
            if int(m["n"]) != len(points) + 1:
                break  # the numbering starts again (the minutes' sections) or skips: over
            points.append((pa + len(text[pa:pb]) - len(text[pa:pb].lstrip()), pb))
            last = j
        if len(points) >= 2:
            found.append(Agenda(heading=(a + len(line) - len(line.lstrip()), b), points=tuple(points)))
    return found
