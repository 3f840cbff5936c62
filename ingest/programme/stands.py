"""A forum's village of stands, or a programme's numbered initiative sheets: each a small sheet
under its own heading.

    Stand 4 — « Frigo solidaire »            STAND 5 | MOBIL'EMPLOI
    Porté par : collectif X                  Association Y – Town
    Où : Town (53)                           Location de scooters : 65 contrats en 2025.
    Cinq réfrigérateurs … : 4 tonnes …

The heading names the project (in guillemets or not, perhaps with its structure in brackets);
the label lines and the description under it, to the next blank line or stand, say who runs it,
where and a figure. The timetable walk skips these blocks (`STAND` marks their headings).
"""

from __future__ import annotations

import re

from .lines import Line, strip_span
from .showcase import _PLACE_LABEL, _RUN_BY_LABEL, Showcased, _figure, _labelled, _organiser, _place

Pos = tuple[int, int]

# A stand, or a numbered sheet presenting one initiative ("FICHE 2 – Name", "Fiche initiative
# n°3 : Name"): the same small block of label lines. ("Initiative 4 —", "Projet 1 :" head other
# things too: tune lost three sessions with them, held-out gained nothing.)
_STAND_WORD = r"(?:stands?|booths?|kiosques?|fiches?(?:[\s-]+(?:initiatives?|projets?|actions?|exp[ée]riences?))?)"
# A stand's heading ("Stand 4 —", "STAND B :", "Stand n°12", "Booth 3"), or a section that lists
# stands ("ESPACE A — SE NOURRIR (stands 1 à 4)"); not an hour ("Stand 2 : 14h").
_NUMBER = r"(?:\s*(?:n\s*°|no\.|#)\s*|\s+)(?:\d{1,3}|[a-z])\b"  # " 4", " n°12", " B"
STAND = re.compile(rf"^\W*{_STAND_WORD}{_NUMBER}(?!\s*[h:.]\s*\d)"
                   rf"|\(\s*{_STAND_WORD}\s+(?:n\s*°\s*)?\d", re.I)
# The heading's designator and the separator before the project's name.
_DESIGNATOR = re.compile(rf"^\W*{_STAND_WORD}{_NUMBER}\s*[—–:|·.\-]?\s*", re.I)
# "(France Alzheimer 71)" closing the heading: the structure that holds the stand.
_BRACKET_END = re.compile(r"\s*\((?P<org>[^()]{2,80}\s[^()]{1,80})\)\s*$")  # not an acronym "(PAD)"
MAX_NAME_CHARS = 90
# A label line of the sheet: a few words, then a colon (French typography spaces it).
_A_LABEL = re.compile(r"^[\w’'·\- ]{2,30}?[ \u00a0\u202f]*:")


def _block_end(lines: list[Line], i: int) -> int:
    """The index of the stand's last line: up to a blank line or the next stand's heading."""
    j = i
    while j + 1 < len(lines) and not lines[j + 1].blank and not _DESIGNATOR.match(lines[j + 1].text):
        j += 1
    return j


def stands(text: str, lines: list[Line]) -> list[Showcased]:
    """Each stand's name with what its sheet says of it (the same record as a told initiative)."""
    out: list[Showcased] = []
    for i, ln in enumerate(lines):
        m = _DESIGNATOR.match(ln.text)
        if ln.blank or m is None or m.end() >= len(ln.text):
            continue
        a, b = ln.start + m.end(), ln.end
        org = None
        if (br := _BRACKET_END.search(text, a, b)) is not None and br.start() > a:
            org, b = (br.start("org"), br.end("org")), br.start()
        a, b = strip_span(text, a, b, "«»“”\"")
        if b <= a or b - a > MAX_NAME_CHARS or text[a:b].rstrip().endswith("."):
            continue  # "Stand 3 : venez nombreux." is a sentence, not a name
        last_i = _block_end(lines, i)
        block = (ln.line_start, lines[last_i].end)
        body = ln.end
        # What the stand does: its lines that are no label ("Porté par :", "Où :", "Contact :"),
        # when they run on without a label between them (a block holds no blank line).
        said = [x for x in lines[i + 1:last_i + 1] if not _A_LABEL.match(x.text)]
        one_run = bool(said) and said[-1].index - said[0].index + 1 == len(said)
        out.append(Showcased(
            name=(a, b), block=block,
            place=_labelled(text, _PLACE_LABEL, body, block[1]) or _place(text, body, block[1]),
            organiser=_labelled(text, _RUN_BY_LABEL, body, block[1]) or org or _organiser(text, body, block[1]),
            figure=_figure(text, body, block[1]),
            description=(said[0].start, said[-1].end) if one_run else None))
    return out
