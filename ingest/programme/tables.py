"""Programmes flattened from a table: `|` or TAB columns, or the `;` of a spreadsheet's rows
pasted as text (a French spreadsheet's CSV separator, "," being the decimal mark), cells that
wrap onto continuation rows, the header and a page footer repeated between two pages.

A table is read into logical rows: a row whose time (or first) column is filled opens one, the
rows below with that column empty continue its cells. Each column gets a role — date, time,
room, title, people — from its header words ("Jour", "Horaire", "Salle", "Séquence",
"Intervenant·e·s"), else from what its cells hold. Offsets stay exact: a cell is a list of
spans, one per physical row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass, field
from typing import Literal, cast

from assistant.language.sentences import CELL_SEPARATORS
from assistant.language.text import fold

from . import dates, people, rooms, times
from .lines import Line, strip_span

Pos = tuple[int, int]
Role = Literal["date", "time", "room", "title", "people", "other"]

# Semicolons also separate a sentence's clauses: they make a table only under a header row (a
# spreadsheet's rows always come under its column names).
_NEEDS_HEADER = frozenset({";"})
# A spreadsheet's rows: one line per cell, never wrapped.
NO_WRAP = frozenset({";"})
MIN_COLUMNS = 3  # fewer cells is a sentence with a bar in it, not a table
# Header words of each column role (folded). "other" names the columns a sheet has besides
# (public, registration, price, partner…): they have no role, but they make a row of names a header.
_HEADER = {
    "date": re.compile(r"\b(?:jours?|dates?|days?)\b"),
    "time": re.compile(r"\b(?:horaires?|heures?|time|hours?|quand|creneaux?)\b"),
    "room": re.compile(r"\b(?:salles?|lieux?|rooms?|espaces?|venue|ou|adresses?)\b"),
    "people": re.compile(r"\b(?:intervenant\w*|animation|animat\w*|anime\w* par|par qui|avec|speakers?|(?<!pour )qui|orat\w*"
                         r"|moderat\w*|invites?)\b"),
    "title": re.compile(r"\b(?:sequences?|seances?|ateliers?|programmes?|intitules?|titres?|sessions?|contenus?"
                        r"|activites?|actions?|themes?|sujets?|quoi|what|evenements?|temps forts?)\b"),
    "other": re.compile(r"\b(?:publics?|pour qui|inscriptions?|reservations?|resa|tarifs?|prix|couts?|modalites"
                        r"|infos?|informations?|contacts?|partenaires?|organisateurs?|structures?|porteurs?|acces"
                        r"|remarques?|observations?|commentaires?|notes?|ages?|durees?|places|statut)\b"),
}
# "Animation" heads either who leads or what is done: it is the activity when no other column is.
_ACTIVITY_OR_LEADER = re.compile(r"^animations?$")


@dataclass
class Cell:
    parts: list[Pos] = field(default_factory=list)  # one trimmed span per physical row

    @property
    def first(self) -> Pos | None:
        return self.parts[0] if self.parts else None


@dataclass
class Row:
    cells: list[Cell]
    first_line: int  # index of the row's first physical line
    last_line: int
    start: int  # offset of the row's first character
    end: int


@dataclass
class Table:
    first: int  # line indices covered (for the walker to skip)
    last: int
    roles: list[Role]
    rows: list[Row]
    lines: set[int] = field(default_factory=set)
    sep: str = "|"
    grid: bool = False  # rows drawn between border lines (`GRID_RULE`), not opened by their time


# The rule under a Markdown table's header: "|---|---|", "| :-- | --: |".
_DELIMITER = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
# A grid table's border ("+------+------+", "+======+" under the header), as a Word document
# converted to text draws its table: each row's cells, wrapped over several lines, lie between two.
# The same drawn with box characters: "├──────┼──────┤", "╞══════╪══════╡", "└──────┴──────┘".
GRID_RULE = re.compile(r"^\s*[+├┌└╞╟╠╔╚┣┏┗](?:[-=:─━═]{3,}[+┼┬┴┤┐┘╪╫╬╦╩╣╗╝╡╢┫┓┛┳┻╋]?)+\s*$")


def _separator(text: str) -> str | None:
    # A table drawn with box characters ("│" between cells) is read as one with bars.
    for sep in CELL_SEPARATORS:
        if text.count(sep) >= MIN_COLUMNS - 1:
            return sep
    return None


def split_cells(ln: Line, sep: str) -> list[Pos]:
    """The trimmed spans of a line's cells (an empty cell as an empty span at its place)."""
    out: list[Pos] = []
    pos = 0
    for piece in ln.text.split(sep):
        a, b = strip_span(ln.text, pos, pos + len(piece))
        out.append((ln.start + a, ln.start + b))
        pos += len(piece) + 1
    return out


def _is_header(cells: list[str], *, first: bool = False) -> bool:
    """A row of short column names: each non-empty cell names a role; on a table's first line,
    most of them do (a sheet's "Public", "Inscription" columns have no role of their own)."""
    names = [fold(c) for c in cells if c.strip()]
    if len(names) < 2 or any(len(c.split()) > 3 or re.search(r"\d", c) for c in names):
        return False
    naming = sum(1 for c in names if any(rx.search(c) for rx in _HEADER.values()))
    return naming == len(names) or (first and naming >= 3 and 2 * naming > len(names))


def _roles_from_header(cells: list[str]) -> list[Role]:
    roles: list[Role] = []
    for c in cells:
        f = fold(c)
        role: Role = next((cast(Role, r) for r, rx in _HEADER.items() if rx.search(f)), "other")
        roles.append(role)
    if "title" not in roles:
        for col, c in enumerate(cells):
            if _ACTIVITY_OR_LEADER.match(fold(c).strip()):
                roles[col] = "title"
                break
    return roles


def _starts_with_time(cell: str) -> bool:
    found = times.find_range(cell)
    return found is not None and found.span[0] == 0


def _share(rows: list[list[str]], col: int, test: Callable[[str], bool]) -> float:
    """The share of a column's filled cells that pass `test`."""
    vals = [r[col] for r in rows if col < len(r) and r[col].strip()]
    return sum(1 for v in vals if test(v)) / len(vals) if vals else 0.0


def _roles_from_content(rows: list[list[str]]) -> list[Role]:
    """Without a header: the column whose cells start with times, the one with room labels, the
    one with role labels or names, and the widest remaining one as the title."""
    width = max(len(r) for r in rows)
    roles: list[Role] = ["other"] * width
    for col in range(width):
        if _share(rows, col, _starts_with_time) > 0.5:
            roles[col] = "time"
        elif _share(rows, col, lambda v: rooms.room_line(v, in_slot=True) is not None) > 0.5:
            roles[col] = "room"
        # Speakers: a role label ("Avec :", "Animation :") or a civility; "Atelier : …" is a title.
        elif _share(rows, col, lambda v: people.role_line(v) is not None or bool(re.search(r"\b(?:M\.|Mme|Dr|Pr)\s", v))) > 0.4:
            roles[col] = "people"
    free = [c for c in range(width) if roles[c] == "other"]
    if free:
        roles[_widest(rows, free)] = "title"
    return roles


def _widest(rows: list[list[str]], columns: list[int]) -> int:
    return max(columns, key=lambda c: sum(len(r[c]) for r in rows if c < len(r)))


def _furniture(text: str) -> bool:
    """A page footer or header between two pages of a table."""
    f = fold(text)
    return bool(re.search(r"\bpage\s*\d+\s*(?:/|sur|of)\s*\d+|\bversion du\b|\bmis a jour\b|www\.|https?://|\.fr\b"
                          r"|\bsusceptible de modifications?\b", f))


def find_tables(lines: list[Line], stop: Set[int] = frozenset()) -> list[Table]:
    """The tables of a page; a line of `stop` (the page's furniture) is in none and ends one."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        sep = _separator(lines[i].text)
        if sep is None or i in stop:
            i += 1
            continue
        # A grid table starts at the border above its first row.
        top = i - 1 if i > 0 and i - 1 not in stop and GRID_RULE.match(lines[i - 1].text) else i
        table = _read_table(lines, top, sep, stop)
        if table is not None:
            tables.append(table)
            i = table.last + 1
        else:
            i += 1
    return tables


def _read_table(lines: list[Line], first: int, sep: str, stop: Set[int]) -> Table | None:
    physical: list[tuple[int, list[Pos]]] = []
    header: list[str] | None = None
    covered: set[int] = set()
    grid_rows: set[int] = set()  # physical rows right under a grid border: each opens a row
    after_rule = grid = False
    last = first
    j = first
    while j < len(lines):
        ln = lines[j]
        if GRID_RULE.match(ln.text):
            grid = after_rule = True
            covered.update(range(last, j + 1))
            last = j
            j += 1
            continue
        if ln.blank or (_separator(ln.text) is None and _furniture(ln.text)):
            # Blank lines and page furniture inside a table; a table ends at the first line that
            # is neither and has no columns.
            j += 1
            continue
        if _separator(ln.text) != sep or j in stop:
            break
        cells = split_cells(ln, sep)
        texts = [ln.text[a - ln.start:b - ln.start] for a, b in cells]
        if _DELIMITER.match(ln.text):
            pass  # a Markdown table's rule under its header ("|---|:--:|"): no row
        elif _is_header(texts, first=j == first or (grid and header is None and not physical)):
            header = header or texts
        else:
            if after_rule:
                grid_rows.add(len(physical))
            physical.append((j, cells))
        after_rule = False
        covered.update(range(last, j + 1))
        last = j
        j += 1
    if len(physical) < 2 or (sep in _NEEDS_HEADER and header is None):
        return None
    texts_of = [[lines[j].text[a - lines[j].start:b - lines[j].start] for a, b in cells] for j, cells in physical]
    roles = _roles_from_header(header) if header else _roles_from_content(texts_of)
    if header and roles.count("time") > 1 and "date" not in roles:
        # "Quand ; Horaires": the first "when" holds the days when another column holds the hours.
        for col, role in enumerate(roles):
            if role == "time" and _share(texts_of, col, _starts_with_time) < 0.5 \
                    and _share(texts_of, col, lambda v: bool(dates.find_dates(v))) > 0.5:
                roles[col] = "date"
                break
    if "title" not in roles and "other" in roles:
        # A header whose title column has a name of the programme's own ("Parcours", "Module"):
        # the unnamed column with the longest cells holds the titles.
        roles[_widest(texts_of, [c for c, r in enumerate(roles) if r == "other"])] = "title"
    opener = roles.index("time") if "time" in roles else 0
    rows: list[Row] = []
    for n, ((j, cells), texts) in enumerate(zip(physical, texts_of, strict=True)):
        opens = n in grid_rows if grid else opener < len(texts) and texts[opener].strip()
        if opens or not rows:
            rows.append(Row(cells=[Cell() for _ in roles], first_line=j, last_line=j,
                            start=lines[j].line_start, end=lines[j].end))
        row = rows[-1]
        row.last_line, row.end = j, lines[j].end
        for col, (a, b) in enumerate(cells[: len(roles)]):
            if b > a:
                row.cells[col].parts.append((a, b))
    return Table(first=first, last=last, roles=roles, rows=rows, lines=covered, sep=sep, grid=grid)


def column(row: Row, table: Table, role: Role) -> Cell:
    """The row's cell of the first column with `role` (an empty cell when there is none)."""
    return row.cells[table.roles.index(role)] if role in table.roles else Cell()
