"""Cards of a neighbourhood centre's leaflet, read by position since they carry no labels.

A card opens on a head line set apart from what precedes it: the weekday a weekly activity is
held on ("JEUDI", "MERCREDI & SAMEDI") or a dated stamp ("Jeu. 22/04 – 18h", "vendredi 9 avril,
de 14h à 16h"). Its title is the line right under the head; the line under the title says when
and where, as fields set off by a middle dot or a bar ("Chaque jeudi, 9h-11h · Salle des
Lilas", "Salle des fêtes · Gratuit") or as a place alone ("Salle Iris"); a
description and who runs it follow, down to the next blank line. One such card could be anything;
a page that prints two or more is laid out in cards.

The cards come out as `Leaflet` blocks (a heading, a stamp, field values), which the build reads
as it reads a web agenda's cards: the stamp's date with the page's year, a weekday card none.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.language.calendar import weekday_words
from assistant.language.lexicon import load
from assistant.language.modes import mode_named
from assistant.language.text import fold

from . import rooms, times
from .dates import day_header
from .labels import label_match
from .leaflet import ROLE_VALUES, Leaflet, role_names
from .lines import Line
from .people import role_line

MIN_CARDS = 2
HEAD_MAX = 50  # a head line is a stamp, not a sentence
TITLE_MAX = 160
# Fields on one programme line: "9h-11h · Salle des Lilas", "titre | salle".
FIELD_SEP = re.compile(r"\s+[·•|]\s+")
# What may join weekdays on a head line: "MERCREDI & SAMEDI", "mardi et vendredi", "lundi, jeudi".
_JOINERS = {"et", "and", "ou", "or"}


def weekday_head(text: str) -> bool:
    """Nothing but weekday names ("JEUDI", "Mercredi & samedi"): the day a weekly activity is held."""
    words = re.findall(r"[^\W\d_]+", fold(text))
    days = weekday_words()
    return len(text) <= HEAD_MAX and any(w in days for w in words) and all(w in days or w in _JOINERS for w in words)


def dated_head(text: str) -> bool:
    """A stamp that is a date and perhaps its hours, nothing else ("Jeu. 22/04 – 18h",
    "Vendredi 9 avril, 14h-16h"): what is left past the date and the hours is punctuation."""
    if len(text) > HEAD_MAX:
        return False
    d = day_header(text)
    if d is None:
        return False
    rest = text[:d.start] + text[d.end:]
    tr = times.find_range(rest)
    if tr is not None:
        rest = rest[:tr.span[0]] + rest[tr.span[1]:]
    return not re.sub(r"\b(?:de|à|a|from|to|dès|des)\b", "", fold(rest)).strip(" ,;:–—->/()")


@cache
def _note() -> re.Pattern[str]:
    """A practical note in a field ("Gratuit", "Sur inscription", "accessible PMR"): the evidence the logistics lexicon gives for a price, a booking, access or childcare."""
    lex = load("values")
    return re.compile("|".join(f"(?:{p})" for name in ("price", "registration", "accessibility", "childcare")
                               for p in lex[name]["evidence"]))


def note_field(text: str) -> bool:
    return bool(_note().search(fold(text)))


def fields(ln: Line) -> list[Line]:
    """The line's fields, each a sliced line."""
    out, at = [], 0
    for m in [*FIELD_SEP.finditer(ln.text), None]:
        end = m.start() if m is not None else len(ln.text)
        if ln.text[at:end].strip():
            out.append(ln.sliced(at, end))
        at = m.end() if m is not None else at
    return out


def when_and_where(ln: Line) -> tuple[Line | None, Line | None] | None:
    """(the hours field, the place field) of a card's line under its title, None when the line
    says neither: a place is a field that names one (or says the card is held online), not a
    practical note."""
    parts = fields(ln)
    if len(parts) == 1 and (role_line(ln.text) or label_match(ln.text) or len(ln.text) > 80):
        return None
    hours = next((f for f in parts if times.find_range(f.text) is not None), None)
    place = next((f for f in parts if f is not hours and (mode_named(f.text) is not None or (
        not note_field(f.text) and _a_place(f.text)))), None)
    if hours is None and place is None:
        return None
    if len(parts) == 1 and hours is not None and times.slot_line(ln.text) is None and len(ln.text) > 60:
        return None  # a sentence that mentions an hour, not a card's field line
    return hours, place


def _a_place(text: str) -> bool:
    """A venue or a room as a field gives it: a name, not a sentence ("Avec X, anthropologue.")."""
    return rooms.place_field(text) is not None and not rooms.names_someone(text) and not text.rstrip().endswith(".")


def _title(ln: Line) -> bool:
    t = ln.text
    return (len(t) <= TITLE_MAX and role_line(t) is None and label_match(t) is None
            and times.slot_line(t) is None and not weekday_head(t) and not dated_head(t)
            and not t.rstrip().endswith((".", ":", ";")))


def _head(lines: list[Line], i: int) -> bool:
    ln = lines[i]
    return not ln.blank and (i == 0 or lines[i - 1].blank) and (weekday_head(ln.text) or dated_head(ln.text))


def _card(lines: list[Line], i: int) -> list[Leaflet]:
    """The card opening on line `i` (with the items it times inside: "15h30 : table ronde …"
    under an afternoon's card is a session of its own, that day, in that place), or none."""
    if not _head(lines, i) or i + 2 >= len(lines):
        return []
    head, title = lines[i], lines[i + 1]
    if title.blank or not _title(title):
        return []
    # The line that says when and where is right under the title, or under one line of
    # description (a film's director and year between its title and its room).
    at, found = next(((j, said) for j in (i + 2, i + 3) if j < len(lines)
                      and all(not lines[k].blank for k in range(i + 2, j + 1))
                      and (said := when_and_where(lines[j])) is not None), (0, None))
    if found is None:
        return []
    hours, place = found
    card = Leaflet(first=i, last=at, heading=title)
    dated = dated_head(head.text)
    if dated:
        card.stamp = head
    if hours is not None:
        card.values["times"] = [hours]
    elif dated and times.find_range(head.text) is not None:
        card.values["times"] = [head]
    if place is not None:
        card.values["place"] = [place]
    out = [card]
    j = at + 1
    while j < len(lines) and not lines[j].blank and not _head(lines, j):
        ln = lines[j]
        slot = times.slot_line(ln.text)
        if slot is not None and ln.text[slot[1]:].strip(" :–—-"):
            # A timed item inside the card: its title after the hour, the card's day and place.
            rest = ln.text[slot[1]:]
            a = slot[1] + len(rest) - len(rest.lstrip(" :–—-"))
            item = Leaflet(first=j, last=j, heading=ln.sliced(a), stamp=card.stamp)
            item.values["times"] = [ln]
            if place is not None:
                item.values["place"] = [place]
            out.append(item)
        role = role_line(ln.text)
        key = ROLE_VALUES.get(role[0]) if role is not None else None
        if role is not None and key is not None and (names := role_names(ln, role[1])) is not None:
            out[-1].values.setdefault(key, []).append(names)
        out[-1].last = j
        j += 1
    return out


def find_cards(lines: list[Line], *, skip: set[int]) -> list[Leaflet]:
    """The cards of a page laid out in them; none when fewer than two are found. Lines in `skip`
    (other blocks' lines) open no card and are in none."""
    out: list[Leaflet] = []
    cards = 0
    i = 0
    while i < len(lines):
        found = _card(lines, i) if i not in skip else []
        if found and not any(k in skip for k in range(found[0].first, found[-1].last + 1)):
            out += found
            cards += 1
            i = found[-1].last + 1
        else:
            i += 1
    return out if cards >= MIN_CARDS else []
