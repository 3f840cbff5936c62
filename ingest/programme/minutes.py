"""A meeting's agenda written without hours, and the minutes or the letter that take its points up
one by one.

"Ordre du jour" over "1. Accueil", "2. Bilan de l'action", "3. Questions diverses": each point is
a séance of the meeting, held on the date and in the room its head gives once (the builder fills
them in). Minutes then tell each point under its own heading again ("2. Bilan de l'action" /
"M. X a présenté…" / "Décision : …"): that part is the point's block, where its presenters and
decisions are read; its labels ("Décision :", "Action : … — échéance : 30 avril") are no
sessions of their own, and the deadline of an action is no date of the meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.language.text import content_terms, fold

from . import agenda
from .lines import Line

MIN_POINTS = 2
# A heading of the page's next part ("PROCHAINES RÉUNIONS", "Diffusion :", "Rédigé par …"): the
# last point's block ends above it.
_PART = re.compile(r"^(?:prochaine?s?\s+r[ée]unions?|diffusion|r[ée]dig[ée]e?\s+par|pi[èe]ces?\s+jointes?|annexes?)\b",
                   re.IGNORECASE)


@dataclass(frozen=True)
class UntimedPoint:
    number: int
    title: tuple[int, int]  # the point's title, offsets in the text (its heading in the minutes, else its agenda line)
    block: tuple[int, int]  # the lines that are the point's: its heading and what is told under it
    lines: tuple[int, ...]  # indices of the lines it takes (none of them opens another session)


def _points_after(lines: list[Line], i: int) -> list[tuple[int, agenda.Point]]:
    """The numbered points listed right under line `i` (blank lines between them allowed), if
    none gives its hours and they count from 1."""
    found: list[tuple[int, agenda.Point]] = []
    for j in range(i + 1, len(lines)):
        ln = lines[j]
        if ln.blank:
            continue
        p = agenda.point(ln.text)
        if p is None or p.sub is not None:
            break
        if p.hours is not None:
            return []
        if p.number != len(found) + 1:
            break  # the numbers start again: the minutes take the points up
        found.append((j, p))
    return found if len(found) >= MIN_POINTS else []


def _same_point(a: str, b: str) -> bool:
    """Two titles of one point: the agenda's and the minutes' heading (which may shorten it)."""
    ta, tb = set(content_terms(a)), set(content_terms(b))
    return bool(ta and tb) and len(ta & tb) >= 0.5 * min(len(ta), len(tb))


def _is_part_heading(ln: Line) -> bool:
    letters = [c for c in ln.text if c.isalpha()]
    capitals = bool(letters) and all(c.isupper() for c in letters) and len(ln.text.split()) <= 8
    return capitals or bool(_PART.match(fold(ln.text).strip()))


def untimed_points(lines: list[Line]) -> list[UntimedPoint]:
    """The points of an "Ordre du jour" written without hours, each with its block (see the
    module docstring); none when the page has no such agenda."""
    heading = next((i for i, ln in enumerate(lines) if not ln.blank and agenda.under_agenda_heading(ln.text)), None)
    if heading is None:
        return []
    listed = _points_after(lines, heading)
    if not listed:
        return []
    after = listed[-1][0] + 1
    # The minutes' own heading of each point, in order, below the agenda.
    told: dict[int, int] = {}
    want = 0
    for j in range(after, len(lines)):
        if want >= len(listed):
            break
        p = agenda.point(lines[j].text)
        li, lp = listed[want]
        if p is not None and p.sub is None and p.number == lp.number and _same_point(
                lines[j].text[p.title[0]:p.title[1]], lines[li].text[lp.title[0]:lp.title[1]]):
            told[lp.number] = j
            want += 1
    out = []
    for k, (li, lp) in enumerate(listed):
        if lp.number not in told:
            ln = lines[li]
            out.append(UntimedPoint(lp.number, (ln.start + lp.title[0], ln.start + lp.title[1]),
                                    (ln.line_start, ln.end), (li,)))
            continue
        h = told[lp.number]
        nxt = next((told[q.number] for _, q in listed[k + 1:] if q.number in told), len(lines))
        last = h
        for j in range(h + 1, nxt):
            if not lines[j].blank and _is_part_heading(lines[j]):
                break
            if not lines[j].blank:
                last = j
        hp = agenda.point(lines[h].text)
        assert hp is not None
        ln = lines[h]
        out.append(UntimedPoint(lp.number, (ln.start + hp.title[0], ln.start + hp.title[1]),
                                (ln.line_start, lines[last].end), (li, *range(h, last + 1))))
    return out
