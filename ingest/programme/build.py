"""Turn structural drafts into typed records with exact citations and per-field spans."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import replace

from assistant.domain.models import (
    Citation,
    Document,
    Event,
    Initiative,
    Person,
    Section,
    Session,
    SessionPerson,
    Span,
)
from assistant.language.kinds import event_kind_named, session_kind_of
from assistant.language.modes import Mode, mode_named
from assistant.language.pending import pending
from assistant.language.places import ADDRESS
from assistant.language.sentences import CELL_SEPARATOR
from assistant.language.text import fold, tokens

from . import agenda, dates, leaflet_days, people, rooms, times
from .initiatives import Mention
from .kinds import OTHER_KIND, kind_from_meta, kind_of, self_kind
from .leaflet import Leaflet, numbered_title
from .lines import Line, fold_keep, make_span, strip_span
from .showcase import told_sessions
from .structure import Draft, Parsed, year_hint
from .table_drafts import table_drafts

Pos = tuple[int, int]
# A mode as a field of its own: "(en ligne)", "– webinaire", "[en visioconférence]", not a title's
# words ("les services publics en ligne").
_MODE_FIELD = re.compile(r"(?:^|[(\[·|–—]\s*)((?:en ligne|en visio\w*|visioconf\w*|webinaire|webinar|"
                         r"à distance|a distance|hybride|en présentiel|online)[^)\]·|]*)\s*[)\]]?\s*$", re.IGNORECASE)
# A venue named in a programme's head: "Lieu :", an address, a hall.
_VENUE = re.compile(r"(?im)^\s*(?:lieu|adresse|venue|où|acc[eè]s)\s*:|\b(?:palais|salle|h[oô]tel de|maison de|espace|centre)\b")


# After a dated line's date: " – Saint-Brieuc (Côtes-d’Armor), Palais des congrès".
_AFTER_DATE = re.compile(r"\s*(?:[–—|·,]|-\s)\s*(?P<place>[A-ZÀ-Ý][^–—|·\n]*?)\s*[.;]?\s*$")
# The preposition a venue line may open with, under a date in a letter's sentence: "à l'Espace
# Jeunes du Haut-Limousin, 4 rue des Écoles, 99000 Vernelles".
_TO_A_PLACE = r"à\s+l['’]|à\s+la\s+|au\s+"  # before a place's capital: "à l'Espace", "au Centre"
_TO_VENUE = re.compile(rf"^\s*(?:{_TO_A_PLACE}|aux\s+)(?=[A-ZÀ-Ý])")
HEAD_LINES = 25  # an event's own place and date are given once, in the head of its page


def _header_place(lines: list[Line]) -> Pos | None:
    """Where the event is when its head says it once after the date ("Forum régional – mardi
    18 novembre 2025 – Saint-Brieuc (Côtes-d’Armor), Palais des congrès"): a short run of
    capitalised words, no sentence. A web page may instead give it on a line of its own behind
    a map pin ("📍 Villeneuve – Hôtel du Département")."""
    for n, ln in enumerate(lines[:HEAD_LINES]):
        if ln.pictogram == "place":
            return ln.start, ln.end
        found = [d for d in dates.find_dates(ln.text) if d.year]
        if not found:
            continue
        m = _AFTER_DATE.match(ln.text, found[0].end)
        place = m.group("place") if m else ""
        if m and len(place.split()) <= 10 and not dates.find_dates(place) and times.find_range(place) is None:
            return ln.start + m.start("place"), ln.start + m.end("place")
        b = _BEFORE_DATE.match(ln.text[:found[0].start])
        if b and _a_place(b.group("place")):
            return ln.start + b.start("place"), ln.start + b.end("place")
        # Or on the line below the date, on its own: "Villeneuve – Centre de conférences
        # des Arcades", "Hôtel de Ville de Villeneuve, place du Marché, 99000 Villeneuve".
        below = next((x for x in lines[n + 1:HEAD_LINES] if not x.blank), None)
        to = _TO_VENUE.match(below.text) if below is not None else None
        skip = to.end() if to else 0
        if below is not None and _venue_line(below.text[skip:]):
            a, b2 = strip_span(below.text, skip, len(below.text))
            return below.start + a, below.start + b2
        # Or a venue's name over its street address: "Campus des Tanneurs, bâtiment B" / "3 rue
        # du Port – Vernelles (99)": the two lines are the place.
        street = lines[below.index + 1] if below is not None and below.index + 1 < len(lines) else None
        if below is not None and street is not None and ADDRESS.search(street.text) \
                and _bare(street.text, words=16) and _named_venue(below.text[skip:]):
            return below.start + skip, street.end
    return None


def _an_address(title: str) -> bool:
    """A title that is a street address and nothing else: it opens on the street's number."""
    m = ADDRESS.match(title.strip())
    return m is not None and m.start() == 0 and title.strip()[:1].isdigit()


def _bare(text: str, *, words: int) -> bool:
    """A short line that is no sentence and holds no date or time: a name or an address."""
    t = text.strip()
    return bool(t) and len(t.split()) <= words and not t.endswith((".", ":", "?", "!")) \
        and not dates.find_dates(t) and times.find_range(t) is None


def _named_venue(text: str) -> bool:
    """A venue's name on its own line: short, capitalised, no sentence, no date or time."""
    return text.strip()[:1].isupper() and _bare(text, words=10)


_ONE_PLACE = 200  # one place written over a line or two; further apart, a cycle's several places


# A letter or a mail announces its meeting in a sentence: "la prochaine réunion se tiendra le
# jeudi 12 mars 2026, de 9h à 12h30, à la Maison des solidarités, 2 place du Marché, Vernelles."
_ANNOUNCED = re.compile(r"\b(?:se\s+tiendr\w*|se\s+r[ée]unir\w*|se\s+d[ée]roul\w*|aur(?:a|ont)\s+lieu|(?:a|ont)\s+lieu)\b", re.I)
# Its place: what follows the first "à" or "au" that a capital follows (not "à 14h"), to the
# sentence's end, a dash before a room ("– salle Fauriel"), a blank line or who attends ("en
# présence de M. le Maire").
_ANNOUNCED_AT = re.compile(rf"\b(?:{_TO_A_PLACE}|à\s+)(?P<place>[A-ZÀ-Ý](?:(?!,?\s+en\s+pr[ée]sence\b)"
                           r"(?:[^.;–—\n]|\n(?!\s*\n)))*)")
_SENTENCE = 400  # an announcing sentence, its date and its place, with a date block set apart


def _announced_place(text: str, before: int) -> Pos | None:
    """Where a letter's or a mail's sentence says its meeting is held, above the programme."""
    for verb in _ANNOUNCED.finditer(text, 0, before):
        m = _ANNOUNCED_AT.search(text, verb.end(), min(before, verb.end() + _SENTENCE))
        if m is not None:
            a, b = strip_span(text, m.start("place"), m.end("place"), ",")
            if b - a <= _ONE_PLACE and not dates.find_dates(text[a:b]):
                return a, b
    return None


def _venue_line(text: str) -> bool:
    """A line that only says where: short, capitalised, not a sentence, no date or time, naming a
    venue or an address ("Villeneuve, Hôtel de Ville – 11 boulevard Victor-Hugo")."""
    t = text.strip()
    if not t[:1].isupper() or not _bare(t, words=16):
        return False
    # A venue may carry an event word ("Centre de conférences", "Palais des congrès").
    return bool(ADDRESS.search(t) or _VENUE.search(t))



# Before a dated line's date: "Limoges, Espace Noriac – mardi 18 novembre 2025".
_BEFORE_DATE = re.compile(r"^\s*(?P<place>[A-ZÀ-Ý][^–—|·\n]*?)\s*(?:[–—|·]|\s-)\s*$")


def _a_place(text: str) -> bool:
    """A town and its venue, not the event's name: a comma or a venue word, no event kind
    ("Journée régionale – 12 mars" is the event, not where it is)."""
    return (len(text.split()) <= 8 and ("," in text or bool(_VENUE.search(text)))
            and event_kind_named(text) is None)


# A room word that is no room on its own ("Auditorium", "Gymnase" are): a table's column heading.
_BARE_ROOM = frozenset({"salle", "salles", "room", "rooms", "lieu"})
# After a room, a dot-separated note on the hour: "Amphithéâtre Sèvre · jusqu'à 11h".
_HOUR_NOTE = re.compile(r"\s*[·•]\s*[^·•]*\d{1,2}\s*(?:h|:)\s*\d{0,2}[^·•]*$")


# A kind written where a room would be: "TABLE RONDE", "VISITE DE TERRAIN", "SÉANCE 6 – …",
# "CONFÉRENCE INAUGURALE – GRAND KURSAAL" (the kind's words, then perhaps a dash and a place).
_KIND_FIRST = re.compile(r"^(?P<kind>[^–—|]+?)(?:\s+[–—-]\s+(?P<rest>\S.*))?\W*$")


def _kind_for_room(text: str, room: Pos | None) -> tuple[str | None, Pos | None]:
    """"14:00 – 15:30  TABLE RONDE", "CLÔTURE", "SÉANCE 6" read where a room stands: the item's
    kind in capitals, not where it is held (kind, no room); "OUVERTURE – GRAND KURSAAL": the
    kind, and the place after the dash."""
    if room is None:
        return None, room
    value = text[room[0]:room[1]]
    m = _KIND_FIRST.match(value)
    said = session_kind_of(m["kind"]) if m is not None else None
    # The kind's words lead (not "Atelier partagé La Clé à molette"'s: a room word, or a place).
    if m is None or said is None or rooms.led_by_room_word(value) \
            or said.pattern.match(fold(m["kind"]).lstrip(" ·•")) is None:
        return None, room
    if m["rest"] is None or session_kind_of(m["rest"]) is not None:
        return said.id, None
    return said.id, (room[0] + m.start("rest"), room[1])


def _room_value(text: str, room: Pos | None) -> Pos | None:
    """A room as its own name: without a note on the hour after it; none when it only says a
    room word ("SALLE", a table's column heading) or that the room is still to come ("à
    préciser": unknown, not a room)."""
    if room is None:
        return None
    value = text[room[0]:room[1]]
    note = _HOUR_NOTE.search(value)
    if note is not None and note.start() > 0:
        room = (room[0], room[0] + note.start())
        value = text[room[0]:room[1]]
    if pending(value) or not [t for t in tokens(value) if t not in _BARE_ROOM]:
        return None
    return room


def _wrapped_room(first: str, more: list[str]) -> str | None:
    """A room whose name a table cell wraps ("Salle" over "Aulne"); none when it is still to come."""
    value = " ".join([first, *more]).strip()
    return None if pending(value) else value


def _without_note(text: str, room: Pos | None) -> Pos | None:
    """A room without the note in brackets after it: "salle Matisse (1er étage, ascenseur)" is
    the salle Matisse; the note says how to get there."""
    if room is None:
        return None
    m = re.search(r"\s*\([^()]*\)\s*$", text[room[0]:room[1]])
    return (room[0], room[0] + m.start()) if m and m.start() > 0 else room


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:60] or "x"


class Builder:
    def __init__(self, doc: Document, lines: list[Line], parsed: Parsed, top: Pos | None) -> None:
        self.doc = doc
        self.text = doc.text
        self.lines = lines
        self.parsed = parsed
        self.top = top

    # -- spans ---------------------------------------------------------------------------------
    def span(self, pos: Pos) -> Span:
        return make_span(self.text, self.doc.doc_id, pos[0], pos[1])

    def citation(self, pos: Pos) -> Citation:
        s = self.span(pos)
        return Citation(
            n=1,
            doc_id=self.doc.doc_id,
            title=self.doc.title,
            quote=s.quote,
            start=s.start,
            end=s.end,
            score=1.0,
        )

    def value(self, pos: Pos | None) -> str | None:
        return self.span(pos).quote or None if pos else None

    @property
    def event_title(self) -> str:
        # A heading wrapped onto two lines is one title on one line.
        return " ".join((self.value(self.top) or "").split()) or self.doc.title

    # -- sessions ------------------------------------------------------------------------------
    def meeting_above(self, lf: Leaflet, drafts: list[Draft]) -> Draft | None:
        """The labelled meeting whose heading lines stand right above a label block that has no
        heading of its own ("Labo n°1 · jeudi 16 octobre" / "Thème : Title" / "Horaires : …"):
        the block gives that meeting's time, place and format."""
        start = self.lines[lf.first].line_start
        for d in drafts:
            if d.opened_by == "label" and d.start is None and d.block_start < start \
                    and not self.text[d.block_end:start].strip():
                return d
        return None

    def heading_draft(self, lf: Leaflet, drafts: list[Draft]) -> Draft | None:
        """The session the walk opened on a label block's own heading line ("Séance 2 — Title"
        read as a session label), when it did."""
        assert lf.heading is not None
        ln = self.lines[lf.heading.index]
        return next((d for d in drafts if d.opened_by != "leaflet" and ln.line_start <= d.title[0] < ln.end), None)

    def leaflet_drafts(self, lf: Leaflet) -> list[Draft]:
        block = (self.lines[lf.first].line_start, self.lines[lf.last].end)
        title = self.top or block
        heading_kind = None
        if lf.heading is not None:
            # A meeting of a cycle under its own heading: that is its title, not the leaflet's;
            # the heading's word ("RENCONTRE 2", "Module 3") says its kind.
            title = (lf.heading.start, lf.heading.end)
            block = (self.lines[lf.heading.index].line_start, block[1])
            heading_kind = (kind_of(lf.category.text) if lf.category is not None else None) \
                or kind_of(self.lines[lf.heading.index].text) or self._numbering_kind(lf.heading.index)
        drafts: list[Draft] = []
        tr_pos = None
        tr = None
        # The hours on their own label (a day's, across its lunch break: "9h30-12h30 /
        # 13h30-17h"), else on the date's line ("Quand ? Mardi 17 mars, de 14h à 17h").
        for ln in lf.values.get("times", []):
            tr = leaflet_days.day_hours(ln.text, ln.start)
            if tr:
                tr_pos = tr.span
                break
        found = leaflet_days.leaflet_days(lf.values.get("dates", []))
        year = next((d.date.year for d in found if d.date is not None and d.date.year), None)
        slots: list[leaflet_days.Day | None] = [*found] or [None]
        card_day = self.day_before(lf.stamp.end + 1) if lf.stamp is not None and not found else None
        for day in slots:
            d = day.date if day is not None else None
            dr = Draft(title=day.title if day is not None and day.title else title, opened_by="leaflet",
                       block_start=block[0], block_end=block[1], label_kind=heading_kind,
                       in_cycle=lf.heading is not None)
            if day is not None and d is not None:
                dr.date = d.iso(year or self._leaflet_year(d) or _meta_year(self.doc))
                dr.date_span = day.date_span
                if dr.date[0].isdigit():
                    self._last_leaflet_date = (int(dr.date[:4]), d.month)
            elif card_day is not None:
                dr.date, dr.date_span = card_day  # the card's stamp, with the page's year
            if day is not None and day.time is not None:
                dr.start, dr.end, dr.time_span = day.time.start, day.time.end, day.time.span
            elif tr is not None:
                dr.start, dr.end, dr.time_span = tr.start, tr.end, tr_pos
            if day is not None and day.mode is not None:
                dr.mode, dr.mode_span = day.mode
            if day is not None:
                dr.room = day.room
                if day.then and day.title is not None and (own := kind_of(self.text[day.title[0]:day.title[1]])):
                    dr.label_kind = own  # "puis 20h : repas partagé": a meal, not the meeting's kind
            # "Quand ? Date à confirmer (juin 2026)": no date, and not the page's either.
            dr.date_tbc = d is None and any(pending(ln.text) for ln in lf.values.get("dates", []))
            drafts.append(dr)
        for ln in lf.values.get("format", []):
            # "Format : webinaire (lien envoyé la veille)": how the meeting is attended.
            mode = mode_named(ln.text)
            if mode is not None:
                for dr in drafts:  # a day's own mode ("(classe virtuelle)") stands
                    if dr.mode is None:
                        dr.mode, dr.mode_span = mode, (ln.start, ln.end)
                break
        for ln in lf.values.get("place", []):
            # "Lieu : en ligne (lien envoyé après inscription)": the place says how, not where.
            mode = mode_named(ln.text)
            if mode is not None and len(ln.text.split()) <= 8:
                for dr in drafts:
                    dr.mode, dr.mode_span = dr.mode or mode, dr.mode_span or (ln.start, ln.end)
                break
        room = None
        for ln in lf.values.get("place", []):
            r = rooms.place_room(ln.text) or leaflet_days.place_room(ln.text) or (
                rooms.place_field(ln.text) if mode_named(ln.text) != "online" and not pending(ln.text) else None)
            if r is not None:
                room = (ln.start + r[0], ln.start + r[1])
                break
        places = [ln for ln in lf.values.get("place", []) if mode_named(ln.text) is None]
        for dr in drafts:
            # A day held online has no room; one with its own place line has that place's.
            dr.room = None if dr.mode == "online" else dr.room or room
            if dr.mode is None and places and lf.heading is not None:
                # "Où ? Villeneuve – lieu exact communiqué aux inscrit·es": held somewhere.
                dr.mode, dr.mode_span = "in_person", (places[0].start, places[0].end)
        mentions = [(m, "intervenant") for m in _leaflet_people(self.text, lf.values.get("people", []))]
        mentions += [(m, "animateur") for m in _leaflet_people(self.text, lf.values.get("moderators", []))]
        # A formation held on several days under one title is one formation: its trainers are
        # listed once, in the first of its days (a day with a title of its own lists them too,
        # not the meal or the debate that follows a day's meeting: "puis 20h : repas partagé").
        titled: set[str] = set()
        for dr, day in zip(drafts, slots, strict=True):
            key = fold(self.text[dr.title[0]:dr.title[1]])
            if key not in titled and not (day is not None and day.then):
                titled.add(key)
                dr.people = list(mentions)
        return drafts

    def _point_sections(self, drafts: list[Draft]) -> None:
        """Minutes report each point of their agenda under a heading repeating it: that account
        is the point's block (who presented it, what was decided), not its agenda line."""
        starts = [ln.start for ln in self.lines]
        points: list[tuple[int, Line, Draft]] = []
        for d in drafts:
            ln = self.lines[max(0, bisect.bisect_right(starts, d.title[0]) - 1)]
            p = agenda.point(ln.text)
            if p is not None and p.sub is None and ln.start <= d.title[0] < ln.end:
                points.append((p.number, ln, d))
        if len(points) < 2:
            return
        sections = agenda.point_sections(self.lines, [(n, ln) for n, ln, _ in points])
        if not sections:
            return
        for n, ln, d in points:
            if n in sections and sections[n][0] > ln.end:
                d.block_start, d.block_end = sections[n]
            else:  # a point the minutes do not report on: its agenda line, not the account below
                d.block_start, d.block_end = ln.line_start, ln.end

    def _head_hours(self, lf: Leaflet, drafts: list[Draft]) -> None:
        """A meeting's head gives its hours ("Horaire : de 14h à 16h30") over an agenda whose
        points give none: the first point opens the meeting, the last one closes it."""
        tr = next((t for ln in lf.values.get("times", []) if (t := leaflet_days.day_hours(ln.text, ln.start))), None)
        points = [d for d in drafts if d.block_start >= self.lines[lf.last].end]
        if tr is None or not points or any(d.time_span is not None for d in points):
            return
        points[0].start, points[0].time_span = tr.start, tr.span
        if tr.end is not None:
            points[-1].end, points[-1].time_span = tr.end, tr.span

    def _numbering_kind(self, index: int) -> str | None:
        """The kind a meeting's numbering line says above its quoted title ("RENCONTRE 6 — FOIX
        (clôture)" over "« Title »"): a numbered meeting that names none is a séance."""
        above = next((ln for ln in reversed(self.lines[max(0, index - 2):index]) if not ln.blank), None)
        if above is None or numbered_title(above) is None:
            return None
        return kind_of(above.text) or "séance"  # a numbered meeting of a cycle: one of its séances

    _last_leaflet_date: tuple[int, int] | None = None  # (year, month) of the last dated meeting

    def _leaflet_year(self, d: dates.DateMatch) -> int | None:
        """A cycle's meeting dated without its year ("jeudi 11 décembre") follows the one before:
        same year, or the next when its month comes earlier in the calendar."""
        if self._last_leaflet_date is None:
            return None
        year, month = self._last_leaflet_date
        return year + 1 if d.month < month else year

    def at_a_venue(self, drafts: list[Draft]) -> bool:
        """The programme takes place somewhere: rooms, a manifest place, or a venue line."""
        return bool(any(d.room for d in drafts) or self.doc.place or _VENUE.search(self.text[:3000]))

    def mode(self, d: Draft, physical: bool) -> tuple[Mode | None, Pos | None]:
        """How a session is attended: the words of its meta line, title or description
        (webinaire, en visioconférence, en ligne), else in person when the programme has a venue;
        null when nothing says."""
        if d.mode is not None:
            return d.mode, d.mode_span
        for pos in (d.title, d.room):
            if pos is not None and (m := _MODE_FIELD.search(self.text[pos[0]:pos[1]])) is not None:
                found = mode_named(m.group(1))
                if found is not None:
                    return found, (pos[0] + m.start(1), pos[0] + m.end(1))
        if d.room is not None:
            return "in_person", d.room
        return ("in_person", None) if physical else (None, None)

    def day_before(self, offset: int) -> tuple[str, Pos] | None:
        """The last day header above `offset` (a table's day), with the document's year."""
        found = None
        for ln in self.lines:
            if ln.start >= offset:
                break
            d = dates.day_header(ln.text) if not ln.blank and len(ln.text) <= 80 else None
            if d is not None:
                found = (ln, d)
        if found is None:
            return None
        ln, d = found
        year = d.year or year_hint(self.text, self.doc.date)  # the page's year, as the walker reads it
        return d.iso(year), (ln.start + d.start, ln.start + d.end)

    def row_date(self, start: int) -> tuple[str | None, Pos | None] | None:
        """The date a table row opens with, in its first cell ("Lun. 16 nov. | 18h30 | …",
        "samedi 23 | 10h-12h | …"): that row's day rather than the day heading above the table.
        A day without its month takes the month of the dates above it; (None, None) when no
        month there has that weekday and day (the row's day is unknown, not the heading's)."""
        eol = self.text.find("\n", start)
        cell = CELL_SEPARATOR.split(self.text[start:eol if eol >= 0 else None], maxsplit=1)[0]
        found = dates.find_dates(cell)
        if found and not cell[:found[0].start].strip(" -–—·•"):
            d = found[0]
            return d.iso(year_hint(self.text, self.doc.date)), (start + d.start, start + d.end)
        only = dates.day_only(cell)
        if only is None or cell[only.end:].strip(" -–—·•:"):
            return None
        ym = dates.day_in_context(only.day, only.weekday, self.text[:start], year_hint(self.text, self.doc.date))
        if ym is None:
            return None, None
        iso = f"{ym[0]:04d}-{ym[1]:02d}-{only.day:02d}" if ym[0] else f"--{ym[1]:02d}-{only.day:02d}"
        return iso, (start + only.start, start + only.end)

    def fallback_date(self, before: int) -> tuple[str, Pos] | None:
        """A programme that states its date once, in prose ("se tiendra le vendredi 1er juillet").
        An event's day is written with its weekday; a bare date before it is another one ("après
        une première édition le 14 mai 2025, le forum revient le jeudi 9 avril 2026")."""
        found = [d for d in dates.find_dates(self.text[:before])
                 # "Envoyé : mardi 10 février 2026 09:12", "Publié le …": when it was sent or written
                 if not (dates.stamp_at(self.text, d.start) or self._on_mail_furniture(d.start))]
        d = next((d for d in found if d.weekday), None) or next((d for d in found if d.year), None)
        if d is None:
            return None
        year = d.year or next((x.year for x in dates.find_dates(self.text) if x.year), None)
        return d.iso(year or _meta_year(self.doc)), (d.start, d.end)

    def _on_mail_furniture(self, at: int) -> bool:
        """Offset `at` is on a mail's header ("Date : jeu. 26 févr. 2026 à 16:42", the subject) or
        its quoted reply: the sending date, or the meeting's name again; the body says when it is."""
        return any(self.lines[i].line_start <= at <= self.lines[i].end for i in self.parsed.mail)

    def page_dated(self, iso: str | None, span: Pos | None) -> str | None:
        """A session's date with the year its page gives, when its own text writes none.

        A season ("saison 2025-2026") or a run of months ("d'octobre 2025 à avril 2026") in the
        title or head decides the year of a date written without one; else the year it was
        given stands unless its written weekday disagrees ("jeudi 15 janvier" is not 2025's);
        a partial date takes the page's year when the page names one. A weekday that no year
        of the page agrees with leaves the date partial: never a date the page contradicts.
        """
        if iso is None or span is None or iso == self.doc.date:
            return iso  # the manifest catalogues the event on that very day
        written = self.text[span[0]:span[1]]
        if any(d.year for d in dates.find_dates(written)):
            return iso  # "jeudi 12 mars 2026": the year is on the date itself
        month, day = int(iso[-5:-3]), int(iso[-2:])
        weekday = dates.weekday_written(written)
        years = self._page_years
        year = int(iso[:4]) if iso[0].isdigit() else None
        if (years.season is not None or years.span is not None) and (y := years.year_for(month, day, weekday)):
            year = y
        elif year is None or not dates.agrees(year, month, day, weekday):
            year = years.year_for(month, day, weekday)
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"

    @functools.cached_property
    def _page_years(self) -> dates.PageYears:
        return dates.page_years(self.text, self.doc.title)

    def kind(self, d: Draft, agenda_kind: str | None, lf_kind: bool) -> str:
        desc = self.value(d.desc) or ""
        title = self.value(d.title) or ""
        if lf_kind and not d.in_cycle:
            return kind_of(title) or kind_from_meta(self.doc.kind) or "formation"
        own = self_kind(desc) or d.label_kind or kind_of(title) or d.slot_kind
        if own == "séance" and d.mode == "online":
            return "webinaire"  # "Séance 3" held in visio: a webinar, as the genre names it
        if own:
            return own
        # The programme's own kind, unless the session's attendance contradicts it: a cycle "de
        # webinaires" holds its in-person meetings in a room (séances) and its online ones as
        # webinaires.
        fallback = agenda_kind or kind_from_meta(self.doc.kind or self.doc.title)
        if fallback == "webinaire" and d.mode not in ("online", "hybrid") and (d.room is not None or d.mode == "in_person"):
            return "séance"
        if d.mode == "online" and fallback in (None, "séance"):
            return "webinaire"
        # An item nothing names the kind of ("Restitution des ateliers", "Fête de quartier") is
        # one of the programme's other items, not a kind guessed from elsewhere on the page.
        return fallback or OTHER_KIND

    def _in_top(self, pos: int) -> bool:
        return self.top is not None and self.top[0] <= pos < self.top[1]

    def sessions(self) -> tuple[list[Session], list[tuple[people.PersonMention, str, str | None]]]:
        # The document's title line names the event ('Forum « … »'), not a session of it.
        drafts = [d for d in self.parsed.drafts if not (d.start is None and self._in_top(d.title[0]))]
        taken = [d.title for d in drafts]
        for told in told_sessions(self.text, self.lines):
            if not self._in_top(told.title[0]) and not any(a <= told.title[0] < b for a, b in taken):
                drafts.append(Draft(title=told.title, opened_by="told", block_start=told.block[0],
                                    block_end=told.block[1], label_kind=told.kind))
        for table in self.parsed.tables:
            day = self.day_before(self.lines[table.first].line_start)
            for dr in table_drafts(self.text, table, self.lines):
                own = self.row_date(dr.block_start)
                dated = own if own is not None else day
                if dated is not None:
                    dr.date, dr.date_span = dated
                    dr.date_tbc = own == (None, None)  # nor the date the page states once
                drafts.append(dr)
        lf_ids = set()
        sheet_day: tuple[str, Pos] | None = None
        for lf in self.parsed.leaflets:
            if lf.head_only:
                continue
            made = self.leaflet_drafts(lf)
            at = self.lines[lf.first].line_start
            if lf.heading is None and lf.stamp is None and self.top is not None \
                    and all(dr.title == self.top for dr in made) and any(d.block_start < at for d in drafts):
                # The practical information under a timetable ("Quand : jeudi 9 avril / Où : …"),
                # named by the page's title: the event's own sheet, not a session of it; its day
                # is the day of the items that give none.
                sheet_day = next(((dr.date, dr.date_span) for dr in made if dr.date and dr.date_span), None)
                continue
            above = None
            if lf.stamp is not None and len(made) == 1:
                # An agenda card whose category line ("ATELIER") already opened its session.
                above = next((d for d in drafts if d.title == made[0].title), None)
            elif (lf.heading is None or lf.heading_above) and len(made) == 1:
                above = self.meeting_above(lf, drafts)
            if above is not None:
                _fill(above, made[0])  # "Labo n°1 · date" / "Thème : …" over Horaires / Lieu / Format
                continue
            if lf.heading is not None and (walked := self.heading_draft(lf, drafts)) is not None:
                # "Séance 2 — Title" over "Date : … / Horaire : … / Format : …": one meeting. The
                # label block says when, where and how; the walk kept what follows the block (its
                # description, the speakers under "Avec :").
                drafts.remove(walked)
                _absorb(made[0], walked)
            for dr in made:
                lf_ids.add(id(dr))
                drafts.append(dr)
        drafts.sort(key=lambda d: d.block_start)
        for lf in self.parsed.leaflets:
            if lf.head_only:
                self._head_hours(lf, drafts)
        self._point_sections(drafts)
        first = drafts[0].block_start if drafts else len(self.text)
        # The points under a meeting's "Ordre du jour" are its séances. The prose above a programme
        # gives no kind: its kind words are about something else ("a renoncé à une formation", "la
        # conférence des financeurs", "centre de conférences", an English word in a French town)
        # or list the day's formats as a whole ("ateliers, projections et débats").
        agenda_kind = "séance" if agenda.under_agenda_heading(self.text[:first]) else None
        fb = (self.fallback_date(first) or sheet_day) if any(d.date is None for d in drafts) else None
        # A meeting's letter or a programme's head names the room once, above the agenda: every
        # point that names no room of its own is held there, but a visit, which goes out, and what
        # is held online.
        head = [ln for ln in self.lines if ln.end <= first]
        room = agenda.meeting_room(self.text, head, self.parsed.mail) if drafts else None
        if room is not None:
            for d in drafts:
                if d.room is None and d.mode != "online" and kind_of(self.value(d.title) or "") != "visite":
                    d.room = room
        out: list[Session] = []
        mentions: list[tuple[people.PersonMention, str, str | None]] = []
        physical = self.at_a_venue(drafts)
        # A street address is no session's title ("3 rue du Port – Vernelles" under a head's date
        # and hours): the event's place, read as such above.
        drafts = [d for d in drafts if not _an_address(self.text[d.title[0]:d.title[1]])]
        for n, d in enumerate(drafts, 1):
            sid = f"{self.doc.doc_id}#s{n}"
            if d.date is None and fb is not None and not d.date_tbc:
                d.date, d.date_span = fb
            d.date = self.page_dated(d.date, d.date_span)
            heading_kind, d.room = _kind_for_room(self.text, d.room)
            d.label_kind = d.label_kind or heading_kind
            kind = self.kind(d, agenda_kind, id(d) in lf_ids)
            fields: dict[str, Span] = {"title": self.span(d.title)}
            if self.top:
                fields["event"] = self.span(self.top)
            wrapped = d.room_more and d.room is not None and self.text[d.room[0]:d.room[1]]
            d.room = _room_value(self.text, _without_note(self.text, d.room))
            for name, pos in (("date", d.date_span), ("start", d.time_span), ("end", d.end_span or d.time_span),
                              ("room", d.room), ("description", d.desc), ("organiser", d.organiser)):  # fmt: skip
                if pos is not None:
                    fields[name] = self.span(pos)
            if kind:
                fields["kind"] = self.span(
                    d.title
                    if kind_of(self.value(d.title) or "") == kind
                    else (d.block_start, d.block_end)
                )
            if d.end is None:
                fields.pop("end", None)
            mode, mode_span = self.mode(d, physical)
            if mode_span is not None:
                fields["mode"] = self.span(mode_span)
            sp = []
            for m, role in d.people:
                sp.append(self.session_person(m, role))
                mentions.append((m, role, sid))
            out.append(
                Session(
                    id=sid,
                    title=_clean_title(" ".join([self.value(d.title) or "", *(self.value(p) or "" for p in d.title_more)])),
                    kind=kind,
                    event=self.event_title,
                    doc_id=self.doc.doc_id,
                    date=d.date,
                    start=d.start if d.time_span else None,
                    end=d.end if d.time_span else None,
                    room=_wrapped_room(wrapped, [self.value(p) or "" for p in d.room_more]) if wrapped else self.value(d.room),
                    mode=mode,
                    description=self.value(d.desc),
                    people=_dedupe(sp),
                    organiser=self.value(d.organiser),
                    citation=self.citation((d.block_start, d.block_end)),
                    fields=fields,
                )  # fmt: skip
            )
        self._drafts = drafts
        return _parallel_workshops(out), mentions

    # -- people --------------------------------------------------------------------------------
    def person_id(self, m: people.PersonMention) -> str:
        return f"{self.doc.doc_id}#p-{slug(self.value(m.name) or '')}"

    def session_person(self, m: people.PersonMention, role: str | None) -> SessionPerson:
        """A session's reference to a person it names, in a role (None: not said)."""
        return SessionPerson(person_id=self.person_id(m), name=" ".join((self.value(m.name) or "").split()), role=role)

    def session_at(self, pos: int) -> str | None:
        """The session whose block holds a position of the text, if any (the innermost)."""
        found, prev = None, None
        for n, d in enumerate(self._drafts, 1):
            # The days of one formation share its block: a name in it is the first day's.
            if d.block_start <= pos < d.block_end and (d.block_start, d.block_end) != prev:
                found, prev = f"{self.doc.doc_id}#s{n}", (d.block_start, d.block_end)
        return found

    def blocks(self) -> list[tuple[int, int]]:
        """Each session's block (its title and what belongs to it), in the sessions' order."""
        return [(d.block_start, d.block_end) for d in self._drafts]

    def persons(self, mentions: list[tuple[people.PersonMention, str | None, str | None]]) -> list[Person]:
        by_id: dict[str, dict] = {}
        for m, role, sid in mentions + [(m, r, None) for m, r in self.parsed.contacts]:
            pid = self.person_id(m)
            rec = by_id.setdefault(pid, {"m": m, "role": role, "sessions": []})
            if sid and sid not in rec["sessions"]:
                rec["sessions"].append(sid)
            old = rec["m"]
            if old.function is None and m.function:
                # A later mention that says what she does: hers, with the organisation already read.
                rec["m"] = m if m.affiliation or old.affiliation is None else replace(m, affiliation=old.affiliation)
            elif old.affiliation is None and m.affiliation:
                # One that only adds her organisation ("City of X: Jane Doe") keeps her function.
                rec["m"] = m if old.function is None or m.function else replace(old, affiliation=m.affiliation)
        out = []
        for pid, rec in by_id.items():
            m = rec["m"]
            fields = {"name": self.span(m.name)}
            if m.function:
                fields["role"] = self.span(m.function)
            if m.affiliation:
                fields["affiliation"] = self.span(m.affiliation)
            person_role = self.value(m.function) if m.function else rec["role"]
            if not m.function:
                fields["role"] = self.span(m.chunk)
            out.append(
                Person(
                    id=pid,
                    name=" ".join((self.value(m.name) or "").split()),
                    role=person_role,
                    affiliation=self.value(m.affiliation),
                    doc_id=self.doc.doc_id,
                    sessions=rec["sessions"],
                    citation=self.citation(m.chunk),
                    fields=fields,
                )  # fmt: skip
            )
        return out

    # -- initiatives ---------------------------------------------------------------------------
    def initiatives(self, mentions: list[Mention]) -> list[Initiative]:
        out = []
        for m in mentions:
            name = self.value(m.name) or ""
            sid = self.session_at(m.name[0])
            fields = {"name": self.span(m.name)}
            for key, pos in (
                ("place", m.place),
                ("organiser", m.organiser),
                ("description", m.description),
                ("figure", m.figure),
            ):
                if pos:
                    fields[key] = self.span(pos)
            out.append(
                Initiative(
                    id=f"{self.doc.doc_id}#i-{slug(name)}",
                    name=name,
                    place=self.value(m.place),
                    organiser=self.value(m.organiser),
                    figure=self.value(m.figure),
                    description=self.value(m.description),
                    doc_id=self.doc.doc_id,
                    session=sid,
                    citation=self.citation(m.block),
                    fields=fields,
                )  # fmt: skip
            )
        return out

    # -- event and sections --------------------------------------------------------------------
    def event(self, sessions: list[Session]) -> Event:
        fields: dict[str, Span] = {}
        if self.top:
            fields["title"] = self.span(self.top)
        place = _find_folded(self.text, self.doc.place) or self.parsed.place or _header_place(self.lines)
        if place is None:
            for lf in self.parsed.leaflets:
                vals = lf.values.get("place", [])
                if vals and vals[-1].end - vals[0].start <= _ONE_PLACE:
                    place = (vals[0].start, vals[-1].end)
        if place is None:
            first = min((s.citation.start for s in sessions), default=len(self.text))
            place = _announced_place(self.text, first)
        dated = sorted(
            ((s.date, s.fields["date"]) for s in sessions if s.date and s.date[0].isdigit() and "date" in s.fields), key=lambda x: x[0]
        )
        org = re.search(r"\borganisée?s?\s+par\s+(?P<o>[^,.;\n]+)", self.text)
        org_pos = (org.start("o"), org.end("o")) if org else None
        for key, pos in (("place", place), ("organiser", org_pos)):
            if pos:
                fields[key] = self.span(pos)
        if dated:
            fields["date"], fields["date_end"] = dated[0][1], dated[-1][1]
        end = self.text.rstrip()
        return Event(
            id=f"{self.doc.doc_id}#e", title=self.event_title, doc_id=self.doc.doc_id,
            place=self.value(place), date=dated[0][0] if dated else None,
            date_end=dated[-1][0] if dated and dated[-1][0] != dated[0][0] else None,
            organiser=self.value(org_pos), citation=self.citation(self.top or (0, len(end))), fields=fields,
        )  # fmt: skip

    def sections(self, walker_days: list, sessions: list[Session]) -> list[Section]:
        top = self.event_title
        found: dict[Pos, list[str]] = {(0, len(self.text)): [top]}
        by_draft = {id(d): s for d, s in zip(self._drafts, sessions, strict=True)}
        for day_line, slots in walker_days:
            day_path = (
                [top] if times.slot_line(day_line.text) else [top, day_line.text.rstrip(" :")]
            )
            day_end = day_line.end
            for slot in slots:
                slot_end = max([slot.line.end] + [d.block_end for d in slot.drafts])
                slot_path = day_path + [slot.line.text.rstrip(" :")]
                found[(slot.line.line_start, slot_end)] = slot_path
                for d in slot.drafts:
                    if id(d) in by_draft:  # a slot's draft a leaflet's took the place of has none
                        found[(d.block_start, d.block_end)] = slot_path + [_label(by_draft[id(d)])]
                day_end = max(day_end, slot_end)
            if len(day_path) > 1:
                found[(day_line.line_start, day_end)] = day_path
        for d in self._drafts:
            found.setdefault((d.block_start, d.block_end), [top, _label(by_draft[id(d)])])
        return [
            Section(start=a, end=b, path=p)
            for (a, b), p in sorted(found.items(), key=lambda kv: (kv[0][0], -kv[0][1]))
        ]


def _fill(d: Draft, lf: Draft) -> None:
    """A meeting takes what its label block says and it does not."""
    if d.date is None and lf.date is not None:
        d.date, d.date_span = lf.date, lf.date_span
    if lf.start is not None:
        d.start, d.end, d.time_span = lf.start, lf.end, lf.time_span
    d.room = d.room or lf.room
    if d.mode is None:
        d.mode, d.mode_span = lf.mode, lf.mode_span
    d.people = [*d.people, *lf.people]
    d.block_end = max(d.block_end, lf.block_end)


def _absorb(lf: Draft, walked: Draft) -> None:
    """A label block's meeting takes what the walk found under its heading and the block does
    not say: the description, the speakers, how far its block runs."""
    lf.desc = lf.desc or walked.desc
    lf.people = [*lf.people, *walked.people]
    lf.organiser = lf.organiser or walked.organiser
    lf.block_end = max(lf.block_end, walked.block_end)


def _label(s: Session) -> str:
    return f"{s.room} — {s.title}" if s.room else s.title


def _leaflet_people(text: str, lines: list[Line]) -> list[people.PersonMention]:
    out: list[people.PersonMention] = []
    for ln in lines:
        if people.looks_like_name(ln.text):
            civility = people.CIVILITY.match(ln.text)  # "Mme Inès Valcourt": the name is the rest
            out.append(
                people.PersonMention(
                    name=(ln.start + (civility.end() if civility else 0), ln.end),
                    function=None,
                    affiliation=None,
                    chunk=(ln.start, ln.end),
                )
            )
        elif (
            out
            and out[-1].function is None
            and out[-1].affiliation is None
            and ln.text[:1].islower()
        ):
            fn, aff = people.split_function(text, ln.start, ln.end)
            last = out[-1]
            out[-1] = people.PersonMention(
                name=last.name, function=fn, affiliation=aff, chunk=(last.chunk[0], ln.end)
            )
        else:
            out += people.parse_names(text, a=ln.start, b=ln.end)
    return out


def _find_folded(text: str, needle: str | None) -> Pos | None:
    if not needle:
        return None
    hay = fold_keep(text)
    i = hay.find(fold(needle))
    if i < 0:
        # "IFET, Paris" in the manifest, "ROUEN" alone on the cover: try the last word.
        words = tokens(needle)
        if not words:
            return None
        m = re.search(rf"\b{re.escape(words[-1])}\b", hay)
        return (m.start(), m.end()) if m else None
    return i, i + len(needle)


def _meta_year(doc: Document) -> int | None:
    return int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None


def _parallel_workshops(sessions: list[Session]) -> list[Session]:
    """Sessions held side by side (same day, same hours, two or more) that no word gives a kind:
    the programme's parallel workshops, among which an attendee chooses."""
    slots = Counter((s.date, s.start, s.end) for s in sessions if s.start and s.kind == OTHER_KIND)
    return [s.model_copy(update={"kind": "atelier"}) if s.start and s.kind == OTHER_KIND
            and slots[(s.date, s.start, s.end)] >= 2 else s for s in sessions]


def _clean_title(t: str) -> str:
    return " ".join(t.split()).rstrip(":").strip()


def _dedupe(sp: list[SessionPerson]) -> list[SessionPerson]:
    seen, out = set(), []
    for p in sp:
        if p.person_id not in seen:
            seen.add(p.person_id)
            out.append(p)
    return out
