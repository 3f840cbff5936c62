"""The numbered points of a meeting's agenda ("ORDRE DU JOUR" / "1. … 2. … 7. …").

Steering committees, working groups and minutes number their agenda: "combien de points à
l'ordre du jour ?" is answered by counting those points, not by a figure of the text nor by the
catalogue's sessions (a point with two talks is two sessions, a break none). Minutes often
repeat the numbered points as section headings further down: the count stops where the numbering
starts again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.language.text import fold

# The agenda's heading, alone on its line ("ORDRE DU JOUR", "Ordre du jour :", "Agenda").
_HEADING = re.compile(r"^\W*(?:l')?(?:ordre du jour|o\.?d\.?j\.?|agenda)\b[^.!?]{0,40}$")
# A top-level numbered point: "1.", "2)", "3 –", "4°", not a sub-point "2.1" nor a time "9.30".
_POINT = re.compile(r"^\s{0,4}(\d{1,2})(?:\.(?!\d)|\)|°|\s+[-–—])\s*\S")
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
        if len(line.strip()) > 60 or not _HEADING.match(fold(line.strip())):
            continue
        points: list[tuple[int, int]] = []
        last = i
        for j in range(i + 1, len(lines)):
            if j - last > MAX_GAP:
                break
            pa, pb = lines[j]
            m = _POINT.match(text[pa:pb])
            if not m:
                continue
            if int(m.group(1)) != len(points) + 1:
                break  # the numbering starts again (the minutes' sections) or skips: over
            points.append((pa + len(text[pa:pb]) - len(text[pa:pb].lstrip()), pb))
            last = j
        if len(points) >= 2:
            found.append(Agenda(heading=(a + len(line) - len(line.lstrip()), b), points=tuple(points)))
    return found
