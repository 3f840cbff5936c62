"""Session drafts from a programme table's logical rows (see `tables`): the time cell gives the
slot, the room cell the room, the title cell the title (a label such as "Atelier 3 –" or
"Table ronde :" set aside, continuation rows joined), the people cell its role lines."""

from __future__ import annotations

import re

from assistant.language.modes import mode_named, strip_modes
from assistant.language.text import fold

from . import labels, people, times
from .kinds import label_kind
from .lines import Line, strip_span
from .structure import Draft
from .tables import NO_WRAP, Cell, Row, Table, column

Pos = tuple[int, int]
_CIVILITY_START = re.compile(r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Dr|Pr|Mr|Mrs|Ms)\.?\s+[A-ZÀ-Ý]")
# "Prénom NOM", "Prénom Nom," or "Prénom Nom (Structure)" opening a fragment: a new person, not
# the rest of a function.
_NAME_START = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ’'\-]+(?:[\s\-][A-ZÀ-Ý][a-zà-ÿ’'\-]+)?\s+(?:[A-ZÀ-Ý]{2,}|[A-ZÀ-Ý][a-zà-ÿ’'\-]+(?:,|\s*\())")


# "l'accordéoniste ", "la diététicienne ", "le " (before "Dr X").
_FUNCTION = r"(?:l['’]|la\s+|le\s+|the\s+)(?:[a-zà-ÿ·’\-]{3,}\s+)?"
_PERSON_AHEAD = r"(?=(?:M\.|Mme|Dr|Pr)\s|[A-ZÀ-Ý][a-zà-ÿ])"
_FUNCTION_FIRST = re.compile(_FUNCTION + _PERSON_AHEAD)
# A sheet's activity cell names who leads it after the title: "Loto animé par Josiane X (Comité
# des fêtes)", "Atelier mémoire avec Paul Y, neuropsychologue", "Thé dansant animé par
# l'accordéoniste Paul Z". A civility or a capital follows, perhaps after a function with its
# article.
_LEADER = re.compile(r"\s+(?:(?P<led>(?i:anim[ée]e?s?|pr[ée]sent[ée]e?s?|men[ée]e?s?|encadr[ée]e?s?)\s+par"
                     r"|(?i:led|hosted|run)\s+by)|(?i:avec|with))\s+"
                     rf"(?:(?={_FUNCTION}{_PERSON_AHEAD})|{_PERSON_AHEAD})")


def _leader(text: str, a: int, b: int) -> tuple[int, list[tuple[people.PersonMention, str]]]:
    """Where the title of s[a:b] ends, and the people its cell names after it (none: b)."""
    m = _LEADER.search(text, a, b)
    if m is None or m.start() == a:
        return b, []
    # "l'accordéoniste Paul Z": the name follows its function.
    fn = _FUNCTION_FIRST.match(text, m.end(), b)
    found = people.parse_names(text, a=fn.end() if fn else m.end(), b=b)
    if not found:
        return b, []
    role = "animateur" if m.group("led") and not re.match(r"(?i:pr)", m.group("led")) else "intervenant"
    return m.start(), [(p, role) for p in found]


def _title(text: str, cell: Cell, end: int) -> tuple[Pos | None, list[Pos], str | None]:
    """(title span, continuation spans, label kind) of a title cell whose first part ends at
    `end` (before its leader, if any): "Atelier 4 – Title" keeps "Title" (a label kind); "Table
    ronde : Title" likewise."""
    if not cell.parts:
        return None, [], None
    a, b = cell.parts[0][0], end
    kind = None
    parts = labels.parse_label(text[a:b])
    if parts is not None and parts.title is not None:
        a, b = a + parts.title[0], a + parts.title[1]
        kind = label_kind(parts.said)
    a, b = strip_span(text, a, b, "–—-:")
    more = [strip_span(text, x, y, "–—-") for x, y in cell.parts[1:]]
    return (a, b), [p for p in more if p[1] > p[0]], kind


def _people(text: str, cell: Cell) -> list[tuple[people.PersonMention, str]]:
    """People of a people cell, fragment by fragment: a role label opens a group, a civility or a
    "Prénom NOM" opens a person, anything else continues the previous person's details."""
    out: list[tuple[people.PersonMention, str]] = []
    role = "intervenant"
    for a, b in cell.parts:
        frag = text[a:b]
        rl = people.role_line(frag)
        if rl is not None:
            role, off = rl
            found = people.parse_names(text, a=a + off, b=b)
        elif _CIVILITY_START.match(frag) or _NAME_START.match(frag) or not out:
            found = people.parse_names(text, a=a, b=b)
        else:
            found = []
            last, last_role = out[-1]
            fn, aff = people.piece(text, a, b)
            if last.function is None or last.affiliation is None:
                out[-1] = (people.PersonMention(name=last.name, function=last.function or fn,
                                                affiliation=last.affiliation or (aff if last.function or fn != aff else None),
                                                chunk=(last.chunk[0], b)), last_role)
            continue
        out += [(m, role) for m in found]
    return out


# Where a cell's note begins: a bracket, a slash, a dash set apart, a colon or a semicolon.
_NOTE_AFTER = re.compile(r"\s*[(/:;]\s*|\s+[–—-]\s+")


def row_draft(text: str, table: Table, row: Row, lines: list[Line]) -> Draft | None:
    cell = column(row, table, "title")
    end, leaders = _leader(text, *cell.first) if cell.first else (0, [])
    title, more, kind = _title(text, cell, end)
    if title is None:
        return None
    d = Draft(title=title, opened_by="table", block_start=row.start, block_end=row.end,
              label_kind=kind)
    d.title_more = more
    _time(text, column(row, table, "time"), d)
    room_cell = column(row, table, "room")
    room = room_cell.first
    if room is not None and re.search(r"\w", text[room[0]:room[1]]):
        said = text[room[0]:room[1]]
        # "En visioconférence" in the room column says how, not where; so does "en visio (lien
        # sur le site)" or "en distanciel / lien envoyé à l'inscription": a note on the link
        # follows the mode.
        head = _NOTE_AFTER.split(said, maxsplit=1)[0]
        mode = mode_named(head)
        if mode is not None and not re.search(r"\w{3,}", strip_modes(fold(head))):
            d.mode, d.mode_span = mode, room
        else:
            d.room = room
            if table.grid:
                # "Salle" / "Aulne": a grid cell wraps its room's name; a note in brackets stays out.
                d.room_more = [p for p in room_cell.parts[1:] if not text[p[0]:p[1]].startswith("(")][:1]
    d.people = leaders + _people(text, column(row, table, "people"))
    if table.sep in NO_WRAP and d.title_more:
        # A spreadsheet's cell is one line: a row under it with only this column filled is the
        # activity's description, not its title wrapped.
        d.desc, d.title_more = (d.title_more[0][0], d.title_more[-1][1]), []
    return d


# A time range a cell wraps: "8h30 –" over "9h15", or "8h30" over "– 9h15".
_RANGE_WORD = r"(?:[-–—]|\bà\b|\bto\b)"
_OPEN_RANGE = re.compile(_RANGE_WORD + r"\s*$")
_RANGE_GOES_ON = re.compile(r"^\s*" + _RANGE_WORD + r"\s*")


def _time(text: str, cell: Cell, d: Draft) -> None:
    """The slot of a time cell; a range wrapped over two lines of a grid cell keeps its end's own
    span."""
    if cell.first is None:
        return
    a, b = cell.first
    tr = times.find_range(text[a:b])
    if tr is None:
        return
    d.start, d.end = tr.start, tr.end
    d.time_span = (a + tr.span[0], a + tr.span[1])
    if tr.end is None and len(cell.parts) > 1:
        c, e = cell.parts[1]
        goes_on = _RANGE_GOES_ON.match(text, c, e)
        if _OPEN_RANGE.search(text[a + tr.span[1]:b]) or goes_on:
            c = goes_on.end() if goes_on else c
            more = times.find_range(text[c:e])
            if more is not None and more.span[0] == 0 and more.end is None:
                d.end, d.end_span = more.start, (c + more.span[0], c + more.span[1])


def _caption(table: Table, k: int) -> bool:
    """A grid row that heads the rows under it ("14h00 – 15h30 | ATELIERS EN PARALLÈLE (au
    choix)" over four workshops whose time cell is empty): a slot, no session of its own."""
    rows = table.rows
    row = rows[k]
    if not table.grid or not column(row, table, "time").parts or column(row, table, "people").parts \
            or column(row, table, "room").parts:
        return False
    under = rows[k + 1:k + 3]
    return len(under) == 2 and not any(column(r, table, "time").parts for r in under)


def table_drafts(text: str, table: Table, lines: list[Line]) -> list[Draft]:
    out: list[Draft] = []
    slot: Draft | None = None  # the last row with a time: a row with an empty time cell shares it
    for k, row in enumerate(table.rows):
        d = row_draft(text, table, row, lines)
        if d is None:
            continue
        if d.time_span is not None:
            slot = d
        elif table.grid and slot is not None:
            d.start, d.end, d.time_span, d.end_span = slot.start, slot.end, slot.time_span, slot.end_span
        if not _caption(table, k):
            out.append(d)
    return out
