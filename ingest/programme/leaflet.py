"""Formation leaflets: "Intervenant / Public / Durée / Dates / Lieu" blocks.

A leaflet announces one formation held on one or several dates; each date becomes a session.
Labels stand alone on a line (the value follows) or lead it ("Lieu : IFET, Paris"), or are
pictograms ("📅 Mardi 12 mai", "📍 Médiathèque – Vernelles": a web agenda's cards, read the
same way, each card a block). A catalogue's sheets each take their own title line; a block of
"Date / Horaire / Lieu" over an "Ordre du jour" is a meeting's head (`head_only`), whose points
the walk reads as séances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.language.text import fold

from .agenda import under_agenda_heading
from .dates import day_header, find_dates
from .kinds import kind_of
from .labels import label_match
from .lines import Line
from .people import role_line
from .times import slot_line

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
    "formatrices": "people", "intervenant e s": "people", "intervenant es": "people", "encadrement": "people",
    "format": "format", "calendrier": "dates", "calendrier et lieux": "dates", "dates et lieux de formation": "dates",
    "effectif": "size",
    # Web pages ask the questions: "Quand ? Vendredi 23 janvier, 9h30 → 12h30", "Où ? …".
    "quand": "dates", "ou": "place",
    # A walk or a visit gives where it starts instead of where it is held.
    "depart": "place", "point de depart": "place", "point de rendez-vous": "place",
}  # fmt: skip
# Without these a run of labels is something else (a contact card, a form).
CORE = {"public", "duration", "dates", "place", "times", "format"}
# A label, possibly after a glyph ("► DATES"), with a note in brackets ("Dates (au choix)").
# A sheet typed as a form leads the value with dots: "Public visé ........... Agent·es".
_LABEL_RE = re.compile(r"^(?:[►▶■●◆•*#>▸▪–-]\s*)?(?P<label>[a-z' ]+?)(?:\s*\([^)]*\))?\s*(?:(?:[:?]|\.{3,})\s*(?P<value>.*))?$")


# The labels whose value is written as paragraphs: a sheet's context, aims, content or methods
# may run on one long line each ("Jour 1 – Les bases : … ; … ; …").
_PROSE = {"context", "aims", "content", "methods", "public"}
# The roles a leaflet block lists its people under: speakers and trainers, moderators.
ROLE_VALUES = {"intervenant": "people", "formateur": "people", "animateur": "moderators"}
# A meeting's own heading over its label block: "RENCONTRE 2 – SE LOGER À 20 ANS", "Module 3 :
# Orienter", "Séance n°4 · Title"; the numbering goes, the title stays.
_NUMBERED_HEAD = re.compile(
    r"^[\W_]*(?:rencontres?|seances?|modules?|ateliers?|labos?|sessions?|journees?|jours?|webinaires?|rdv|"
    r"rendez-vous|meetings?|workshops?)\s*(?:n\s*°\s*|no\.?\s*|#\s*)?(?:\d+|[ivx]+|[a-h])(?:\s*\([^)]*\))?\s*[–—:·.-]+\s*(?=\w)",
    re.I)


@dataclass
class Leaflet:
    first: int  # index (in the line list) of the first label line
    last: int  # index of the last line of the block
    # label kind -> value lines (Line objects); inline values are sliced Lines too
    values: dict[str, list[Line]] = field(default_factory=dict)
    # The block's own title ("RENCONTRE 2 – SE LOGER À 20 ANS" over its Date / Horaires / Lieu), a
    # sliced Line holding the title alone; None when the block has no heading of its own.
    heading: Line | None = None
    # The date stamp that opens an agenda card ("SAM 14 NOV" over its title), when the block is one.
    stamp: Line | None = None
    # The card's category line between its stamp and its title ("WEBINAIRE", "BALADE"): its kind.
    category: Line | None = None
    # The heading is only the line above the labels (a catalogue's sheets): a labelled meeting
    # the walk opened there ("Labo n°1 · date" / "Thème : …") keeps its own reading.
    heading_above: bool = False
    # A meeting's head over its agenda ("Date / Horaire / Lieu" over "Ordre du jour"): its lines
    # are no session's, the agenda's points are the séances.
    head_only: bool = False


def numbered_title(line: Line) -> Line | None:
    """The title of a numbered meeting heading ("RENCONTRE 2 – TITLE", "**Module 3 : Title**"),
    as a sliced line, else None."""
    m = _NUMBERED_HEAD.match(fold(line.text)) if len(fold(line.text)) == len(line.text) else None
    if m is None:
        return None
    a, b = m.end(), len(line.text.rstrip("*_ "))
    if b <= a:
        return None
    return line.sliced(a, b)


def role_names(ln: Line, at: int) -> Line | None:
    """The names after a role label ("Animation : X, Y"; `at`: where the label ends), as a sliced
    line; None when the label stands alone."""
    lead = len(ln.text[at:]) - len(ln.text[at:].lstrip())
    return ln.sliced(at + lead) if ln.text[at:].strip() else None


def _opens_block(lines: list[Line], j: int) -> bool:
    """A numbered heading with a date, times or a place label right under it: the next
    meeting of a cycle, not a "Jour 1 – …" line of a formation's content."""
    if numbered_title(lines[j]) is None:
        return False
    below = [ln for ln in lines[j + 1 : j + 6] if not ln.blank][:3]
    return any((lab := _label(ln)) is not None and lab[0] in CORE for ln in below)


def _next_day(block: Leaflet, current: str | None, ln: Line) -> bool:
    """"Jour 3 – jeudi 5 février 2026 …" under "Jour 1 – …", "Jour 2 – …" in a sheet's dates: the
    next day of the same formation, not the next meeting's heading."""
    days = block.values.get("dates", []) if current == "dates" else []
    return bool(days and find_dates(ln.text) and any(numbered_title(v) is not None for v in days))


def _content_day(current: str | None, ln: Line) -> bool:
    """"Jour 2 – La pratique : …" in a sheet's content: what its second day covers, not the next
    meeting's heading."""
    return current == "content" and fold(ln.text).lstrip(" -–•*").startswith("jour")


def _previous(lines: list[Line], i: int) -> int | None:
    j = i - 1
    while j >= 0 and lines[j].blank and i - j <= 2:
        j -= 1
    return j if j >= 0 and not lines[j].blank else None


def date_stamp_above(lines: list[Line], j: int) -> Line | None:
    """When line `j` is the title of an agenda card, the date stamp ("SAM 14 NOV") that opens the
    card one or two lines above it (a category line, "ATELIER", may sit between, no blank line)."""
    for k in (j - 1, j - 2):
        if k < 0 or lines[k].blank:
            return None
        if day_header(lines[k].text) is not None:
            return lines[k]
    return None


def _timed_row(text: str) -> bool:
    """A table row of a timetable, its time in a cell of its own ("| 09h00 > 09h30 | Accueil |")."""
    cells = [c.strip() for c in text.split("|")]
    return len(cells) >= 3 and any((slot := slot_line(c)) is not None and slot[1] >= len(c) for c in cells if c)


_QUOTED_LINE = re.compile(r"^\s*[«“]\s*(?P<t>.+?)\s*[»”]\s*$")


def _heading_before(lines: list[Line], i: int) -> Line | None:
    j = _previous(lines, i)
    if j is None:
        return None
    own = numbered_title(lines[j])
    m = _QUOTED_LINE.match(lines[j].text)
    k = _previous(lines, j) if m else None
    if m and k is not None and numbered_title(lines[k]) is not None:
        # "RENCONTRE 1 — PAMIERS" / "« Title »" / "Quand ? …": the quoted line is the title, the
        # heading above it only numbers the meeting (and says where).
        return lines[j].sliced(m.start("t"), m.end("t"))
    return own


# The fields a sheet gives on a line or a list, never over a blank line (but a person's function
# spaced out under their name: "DUPRÉ Marc" / blank / "directeur de …").
_NO_GAP = {"place", "times", "format", "duration", "people", "moderators"}
# What only a training sheet says: who it is for, how long it lasts, what it covers, its price.
_SHEET_ONLY = {"public", "duration", "content", "aims", "price", "prerequisites", "methods"}


def _meeting_head(block: Leaflet, lines: list[Line]) -> bool:
    """"Date : … / Horaire : … / Lieu : …" over an "Ordre du jour": the head of a meeting whose
    points are its séances, not a sheet announcing one formation."""
    if _SHEET_ONLY & set(block.values):
        return False
    return any(under_agenda_heading(ln.text) for ln in lines[block.last + 1 : block.last + 40] if not ln.blank)


def _captioned(rest: str) -> bool:
    """What follows a time is a slot's title ("| Atelier …", "– Café des aidants", "Conférence"),
    not a note on the hours set off by a comma or brackets (", du lundi au jeudi", "(café offert)")."""
    rest = rest.strip()
    return bool(rest.strip(" |–—-:")) and rest[0] not in ",;(["


def _label(line: Line) -> tuple[str, Line | None] | None:
    if line.pictogram is not None:
        return line.pictogram, line  # "📅 Mardi 12 mai": the field its pictogram names
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
        skipping = False  # in the value of a label this module does not read ("Effectif : …")
        j = i
        gap = 0
        gap_before = False
        timetable = False
        while j < len(lines):
            ln = lines[j]
            gap_before = gap > 0
            if ln.blank:
                gap += 1
                # Two blank lines end the block; one is just spacing between label and value.
                if gap >= 2 and (skipping or (current is not None and block.values.get(current))):
                    break
                j += 1
                continue
            gap = 0
            lab = _label(ln)
            if lab is None and current not in ("times", "dates", "content") and (
                    slot_line(ln.text) is not None or _timed_row(ln.text)):
                # "Date : …" / "Lieu : …" over a timetable ("09h30   Accueil café"): the head of
                # a meeting's agenda, which the timetable's walk reads, not a formation sheet.
                timetable = True
                break
            if lab and lab[0] == "times" and lab[1] is not None and ln.pictogram is not None \
                    and (slot := slot_line(lab[1].text)) is not None and _captioned(lab[1].text[slot[0].span[1]:]):
                # "⏰ 10h00 – 12h00 | Atelier …": a timetable's slot with its title, under a day.
                timetable = True
                break
            if lab and gap_before and lab[0] == "dates" and block.values.get("dates") and ln.pictogram is not None:
                break  # "📅 Jeudi 12 mars" after a card's fields and a blank line: the next card
            if lab is None and gap_before and j + 1 < len(lines) and lines[j + 1].pictogram is not None:
                break  # a title right above pictograms ("Atelier …" / "📅 Mercredi 4 mars"): the next card
            if lab is None and j == i + 1 and lines[i].pictogram is not None and block.heading is None:
                # "📅 Mardi 10 mars · 🕑 14h – 16h" / "Café-débat : …" / "📍 …": a card that opens on
                # its date has its title right under it.
                block.heading, current = ln, None
                block.last = j
                j += 1
                continue
            if lab:
                current, skipping = lab[0], False
                block.values.setdefault(current, [])
                if lab[1] is not None:
                    block.values[current].append(lab[1])
            elif (_opens_block(lines, j) and not _next_day(block, current, ln) and not _content_day(current, ln)) or (gap_before and (label_match(ln.text) is not None
                                                             or day_header(ln.text) is not None)):
                # The next meeting's heading, or the next card's date stamp ("MER 8 AVR" after a
                # blank line on an agenda page): its own block follows.
                break
            elif (role := role_line(ln.text)) is not None:
                # "Animation : …", "Grand témoin : …": a role label, spelt any way the genre
                # does; its names are no more of the current value (a place does not run on
                # into the speakers).
                current = ROLE_VALUES.get(role[0])
                skipping = current is None
                if current is not None:
                    block.values.setdefault(current, [])
                    if (names := role_names(ln, role[1])) is not None:
                        block.values[current].append(names)
            elif skipping and gap_before:
                break  # past a blank line, the names of a role this module does not read are over
            elif skipping:
                pass  # the names under a role this module does not read
            elif gap_before and current in _NO_GAP and block.values.get(current) \
                    and not (current in ("people", "moderators") and ln.text[:1].islower()):
                break  # "Lieu : salle X" / blank / "PRÉSENTS": the field said, the page goes on
            elif current is not None and (not block.values[current] or len(ln.text) <= 160 or current in _PROSE):
                block.values[current].append(ln)
            else:
                break
            block.last = j
            j += 1
        if not timetable:
            # The field ended on a blank line: a timetable right under it makes the block its head.
            after = [ln for ln in lines[block.last + 1 : block.last + 8] if not ln.blank][:3]
            timetable = any(ln.pictogram is None and (slot_line(ln.text) is not None or _timed_row(ln.text)) for ln in after)
        if len(CORE & set(block.values)) >= 2 and not timetable:
            block.head_only = _meeting_head(block, lines)
            # An agenda card ("MER 8 AVR" / "ATELIER" / its title / its labels): the line right
            # above the labels is its title; else a meeting's heading, if any.
            block.stamp = date_stamp_above(lines, i - 1) if i > 0 and not lines[i - 1].blank else None
            if block.stamp is not None:
                block.heading = lines[i - 1]
                if block.stamp.index == i - 3:
                    block.category = lines[i - 2]
            elif block.heading is None:
                block.heading = _heading_before(lines, i)
                if block.heading is not None and block.heading.index != i - 1:
                    block.stamp = date_stamp_above(lines, block.heading.index)
            out.append(block)
            i = block.last + 1
        else:
            i += 1
    cards = [b for b in out if lines[b.first].pictogram is not None]
    if len(cards) == 1:
        # One run of pictograms ("📅 Jeudi 7 mai, à partir de 14 h" / "📍 Hôtel de ville"):
        # the page's own date and place over its programme, not a card of an agenda.
        out.remove(cards[0])
    untitled = [b for b in out if b.heading is None and b.stamp is None and not b.head_only]
    if len(untitled) >= 2:
        # A catalogue of sheets: each sheet's labels stand under its own title line ("Réf. FR-3" /
        # "Accueillir les familles : …" / "Public : …"), not under the catalogue's name. A lone
        # sheet's labels may follow anything (a tagline, a paragraph); its title is the page's.
        for b in untitled:
            b.heading = title = _title_above(lines, b.first)
            b.heading_above = title is not None
            above = title.index - 1 if title is not None else -1
            if above >= 0 and not lines[above].blank and len(lines[above].text.split()) <= 3 \
                    and kind_of(lines[above].text) is not None:
                b.category = lines[above]  # "ATELIER" / its title / its fields: the card's kind
    return out


def _title_above(lines: list[Line], i: int) -> Line | None:
    """The line right above a sheet's first label when it reads as a title: not a label, not a
    sentence, a few words."""
    j = _previous(lines, i)
    if j is None:
        return None
    ln = lines[j]
    text = ln.text.strip()
    if _label(ln) is not None or text.endswith((".", ":", ";", ",")) or len(text) > 160 or len(text.split()) < 2:
        return None
    return ln
