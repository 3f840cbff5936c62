"""Formation leaflets: "Intervenant / Public / Durée / Dates / Lieu" blocks.

A leaflet announces one formation held on one or several dates; each date becomes a session.
Labels stand alone on a line (the value follows) or lead it ("Lieu : IFET, Paris").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.language.text import fold

from .lines import Line

LABELS = {
    "intervenant": "people", "intervenante": "people", "intervenants": "people",
    "intervenantes": "people", "formateur": "people", "formatrice": "people",
    "formateurs": "people", "animateur": "people", "animatrice": "people",
    "public": "public", "publics": "public", "public concerne": "public", "public vise": "public",
    "duree": "duration", "dates": "dates", "date": "dates", "lieu": "place", "lieux": "place",
    "horaires": "times", "horaire": "times", "tarif": "price", "tarifs": "price", "cout": "price",
    "inscription": "registration", "inscriptions": "registration", "objectifs": "aims",
    "prerequis": "prerequisites", "modalites": "terms", "contact": "contact",
    "objectifs pedagogiques": "aims", "contenu": "content", "contenus": "content", "programme": "content",
    "methodes": "methods", "methodes pedagogiques": "methods", "contexte": "context",
    "dates et horaires": "dates", "dates et lieux": "dates", "lieu et horaires": "place",
    "tarifs et inscriptions": "price", "modalites d'inscription": "registration", "adresse": "place",
    "formatrices": "people", "intervenant e s": "people", "encadrement": "people",
}  # fmt: skip
# Without these a run of labels is something else (a contact card, a form).
CORE = {"public", "duration", "dates", "place", "times"}
# A label, possibly after a glyph ("► DATES"), with a note in brackets ("Dates (au choix)").
_LABEL_RE = re.compile(r"^(?:[►▶■●◆•*#>▸▪–-]\s*)?(?P<label>[a-z' ]+?)(?:\s*\([^)]*\))?\s*(?::\s*(?P<value>.*))?$")


@dataclass
class Leaflet:
    first: int  # index (in the line list) of the first label line
    last: int  # index of the last line of the block
    # label kind -> value lines (Line objects); inline values are sliced Lines too
    values: dict[str, list[Line]] = field(default_factory=dict)


def _label(line: Line) -> tuple[str, Line | None] | None:
    f = fold(line.text).replace("·", " ")
    if len(f) != len(line.text):
        return None
    m = _LABEL_RE.match(f.strip())
    if not m or m["label"].strip() not in LABELS:
        return None
    kind = LABELS[m["label"].strip()]
    value = m["value"]
    if value is None:
        return kind, None
    if not value.strip():
        return kind, None
    start = line.start + m.start("value")
    text = line.text[m.start("value") :]
    return kind, Line(line.index, start, line.end, text, line.indent, False, start)


def find_leaflets(lines: list[Line]) -> list[Leaflet]:
    out: list[Leaflet] = []
    i = 0
    while i < len(lines):
        lab = _label(lines[i]) if not lines[i].blank else None
        if lab is None:
            i += 1
            continue
        block = Leaflet(first=i, last=i)
        current: str | None = None
        j = i
        gap = 0
        while j < len(lines):
            ln = lines[j]
            if ln.blank:
                gap += 1
                # Two blank lines end the block; one is just spacing between label and value.
                if gap >= 2 and current is not None and block.values.get(current):
                    break
                j += 1
                continue
            gap = 0
            lab = _label(ln)
            if lab:
                current = lab[0]
                block.values.setdefault(current, [])
                if lab[1] is not None:
                    block.values[current].append(lab[1])
            elif current is not None and (not block.values[current] or len(ln.text) <= 160):
                block.values[current].append(ln)
            else:
                break
            block.last = j
            j += 1
        if len(CORE & set(block.values)) >= 2:
            out.append(block)
            i = block.last + 1
        else:
            i += 1
    return out
