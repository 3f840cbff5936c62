"""Walk a programme line by line and recognise its structure.

Days, time slots (with an optional caption such as "Ateliers (au choix)"), room labels, session
titles (with a subtitle line), numbered labels ("Séance 2 “…” 19 octobre 2011 [Host]", "Sujet n°1 :
…", "Atelier A – Salle Vauban"), role lines and contact blocks. Output is a list of drafts whose
values are offsets; `build` turns them into records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.language.kinds import event_kind_named
from assistant.language.modes import Mode, mode_named, strip_modes
from assistant.language.pending import PENDING, only_pending, pending
from assistant.language.places import ADDRESS
from assistant.language.text import fold

from . import agenda, dates, labels, letters, mail, people, room_plan, rooms, times, web
from .cards import FIELD_SEP, find_cards
from .kinds import kind_of, label_kind, without_complements
from .leaflet import Leaflet, find_leaflets
from .lines import Line, fold_keep, strip_span
from .meta import Meta, meta_line
from .stands import STAND
from .tables import Table, find_tables

Pos = tuple[int, int]
SHORT = 160  # longer lines are paragraphs; titles and labels are shorter
# A title may open on its guillemets: "« Vieillir chez soi » (Ageing at home)".
_OPENING_QUOTES = "«“\""

# A line that only says the date is not known yet: "Date à confirmer", "(date à préciser)".
_DATE_TBC = only_pending(r"dates?|jour|horaires?")
# The same with a note on when it may be: "Date à confirmer (semaine du 7 décembre)".
_DATE_TBC_NOTE = re.compile(rf"^\W*(?:dates?|jour)\s+(?:{PENDING})\s*\([^()]*\)\W*$")
# A meeting's heading that gives no date yet: "6 | SÉANCE DE CLÔTURE – date à confirmer (mai 2026)".
_HEAD_DATE_TBC = re.compile(rf"(?:^\W*\d{{1,2}}\W|[–—|:-])\s*dates?\s+(?:{PENDING})\b")
# "(salle à confirmer)", "Lieu à préciser": the session's room is not known yet (null), and the
# line is neither a room nor a title.
_ROOM_TBC = only_pending(r"salles?|lieux?|room|venue")
# A heading that only numbers a session ("SÉANCE 2", "Atelier B", "Module 3"): its title, date
# and place follow on the next lines.
_BARE_LABEL = re.compile(r"^\W*(?:seances?|ateliers?|modules?|sessions?|webinaires?|tables? rondes?|labos?|"
                         r"conferences?|rencontres?|rdv|rendez-vous)\s*(?:n\s*°\s*|no\.?\s*)?(?:\d+|[ivx]+|[a-h])\W*$", re.I)
# A line that is only an attendance mode, perhaps with a note: "Webinaire (lien envoyé la veille)".
_MODE_LINE = re.compile(r"^\W*(?:en ligne|en visio\w*|visioconf\w*|webinaires?|webinars?|a distance|hybride|online)"
                        r"\s*(?:\([^()]*\))?\s*\.?$", re.I)
# "Online — the link is emailed after registration" under a title: its mode and a note on it. Not
# "Webinaire – Title", a kind word heading its session.
_MODE_NOTE = re.compile(r"^\W*(?:en ligne|online|en visio\w*|visioconf\w*|a distance|hybrides?|hybrid)\s*(?:[—–:·-]\s.*)?$", re.I)
# A heading that only announces the programme ("Programme", "Au programme", "Programme détaillé
# de la journée", "Déroulé", "Agenda") or what follows it: a section of the page, never a
# session's title.
_SECTION = re.compile(r"^\W*(?:ordre du jour|(?:le |au )?(?:programme|program|deroule|deroulement)(?: (?:detaille|previsionnel|complet))?"
                      r"(?: (?:de la |du |des )?(?:journee|jour|matinee|apres-midi|soiree|rencontres?|seminaire|colloque|semaine))?"
                      r"(?: jour par jour)?|agenda|schedule|sommaire"
                      # What a page adds after its timetable: "ET AUSSI…", "À noter", "En bref".
                      r"|et aussi|a noter|a ne pas manquer|en bref|see also)\W*$", re.I)
# A week's heading in a month-long programme: "— SEMAINE 3 · du 30 novembre au 6 décembre —",
# "Semaine 2 (23-29 mars)", "Week 1": a section of the page; its events give their own days.
_WEEK = re.compile(r"^\W*(?:semaine|week)\s*(?:n\s*°\s*)?\d{1,2}\b(?!\s*[h:]\d)")
# A page's running footer copied with the text: "Réseau X – Programme – page 1/2", or the
# organisation's line with the page counter set apart at the right edge ("Réseau X · www.x.org
# 2/4" after a run of spaces), as a PDF viewer copies it. The programme's own running head on
# the next page: "« Title » – suite du programme", "(suite)".
_PAGE_FOOTER = re.compile(r"\bpage\s*\d+\s*(?:/|sur|of)\s*\d+\s*$|\S\s{3,}\d{1,2}\s*/\s*\d{1,2}$"
                          r"|\s[–—|·-]\s*(?:page|p\.)\s*\d+\s*$"
                          r"|\bsuite du programme\W*$|\((?:suite|continued)\)\W*$")
# A line that shows a project inside a session's block: "Initiative présentée : …", "Projets
# présentés :", "Retour d'expérience : …", "Expérience mise en avant : …".
_SHOWCASED = re.compile(r"^(?:initiatives?|projets?|actions?|experiences?|dispositifs?)\s+(?:presentee?s?|mise?s? en avant"
                        r"|a decouvrir)\b|^retours? d'experiences?\b")
# An event platform's line saying the item's kind ("Type: Atelier", "Catégorie : Table ronde",
# "Format : Webinaire"), under the title it qualifies.
_KIND_LABEL = re.compile(r"^\W*(?:types?|categor(?:ie|y)|format|nature|session type)\s*:\s*(?P<v>\S.{0,40})$")
# An event platform's buttons, counters and tags between its entries ("＋ Add to My Schedule",
# "187 participant·es · Voir les détails", "30/30 · Complet · Liste d'attente", "Tags: Parcours 2"):
# page furniture, never a title.
_PLATFORM = re.compile(r"\badd to (?:my )?(?:schedule|agenda|calendar)\b|\bajouter (?:a|au|à) (?:mon )?(?:agenda|programme|calendrier)\b"
                       r"|\bvoir (?:les )?details\b|\bview details\b|\bliste d'attente\b|\bwaiting list\b"
                       r"|^\W*(?:tags?|mots-cles)\s*:")
# Lines the walk looks past: what follows them reads as following the line before them.
_TRANSPARENT = frozenset({"kind_label", "platform"})
# "Room: Salle Vercors", "Salle : Amphi B", "Lieu : …": a room said by its label.
_LABELLED_ROOM = re.compile(r"^\W*(?:salles?|rooms?|lieu|location|venue)\s*:", re.I)
# How many lines below a bare label ("SÉANCE 2") the item it heads may open: its date, place and
# title lines.
_BARE_REACH = 6
# Labels that give the topic of the session above them, not a session of their own.
_TOPIC_LABEL = re.compile(r"^(?:themes?|sujets?)$")
# "Lieu : Maison de quartier, Brest" under the practical information: where the event is.
_PLACE_LABEL = re.compile(r"^\s*(?:lieu|adresse)\s*:\s*(?=\S)")  # not "Accès :", the way there
_CONTACT_HEADER = re.compile(
    r"^(?:pour tout renseignement|pour tous renseignements|renseignements?|contacts?(?: presse)?"
    r"|inscriptions? et renseignements|(?:informations?|infos?) pratiques)\s*:?$"
)


@dataclass
class Draft:
    title: Pos
    opened_by: str  # room | heading | label | slot | leaflet
    block_start: int
    block_end: int
    label_kind: str | None = None
    date: str | None = None
    date_span: Pos | None = None
    start: str | None = None
    end: str | None = None
    time_span: Pos | None = None
    end_span: Pos | None = None  # the end's own span, when a wrapped cell puts it on the next line
    room: Pos | None = None
    room_more: list[Pos] = field(default_factory=list)  # a room's continuation (wrapped table cell)
    organiser: Pos | None = None
    desc: Pos | None = None
    slot_kind: str | None = None
    people: list[tuple[people.PersonMention, str]] = field(default_factory=list)
    section_path: list[str] = field(default_factory=list)
    title_more: list[Pos] = field(default_factory=list)  # a title's continuation (wrapped table cell)
    mode: Mode | None = None  # online | hybrid | in_person, when the programme says so
    mode_span: Pos | None = None
    from_meta: bool = False  # its title is the line under a meta line
    date_tbc: bool = False  # the programme says its date is not known yet ("Date à confirmer")
    in_cycle: bool = False  # a meeting of a cycle under its own heading, not a formation leaflet's date
    one_line: bool = False  # opened by a one-line event ("date | time | place | title"): the lines right under it are its block


@dataclass
class Slot:
    line: Line
    tr: times.TimeRange
    caption_kind: str | None = None
    caption: Pos | None = None
    drafts: list[Draft] = field(default_factory=list)
    mode: Mode | None = None  # "11h15 – 12h30 · en visioconférence": every session of the slot
    mode_span: Pos | None = None


@dataclass
class Part:
    """A heading over the timed items below it that names no session of its own: "PLÉNIÈRE
    D'OUVERTURE – Amphithéâtre B" / "(retransmise en direct)" / "9h15 – 9h40 Ouverture…". Its room
    and mode are those of the items under it. A plenary is a part of the day (until a break or the
    parallel workshops); a single session's kind ("TABLE RONDE DE CLÔTURE – Amphi B" over its
    hours and its quoted title) heads that one session, and gives it its kind."""
    kind: str | None
    room: Pos | None
    mode: tuple[Mode, Pos] | None
    one: bool  # heads the next session only


# Kinds of a part of the day that holds several items (its opening, a lecture…), not one session.
_PART_KINDS = ("plénière", "séance")


@dataclass
class Parsed:
    drafts: list[Draft] = field(default_factory=list)
    contacts: list[tuple[people.PersonMention, str]] = field(default_factory=list)
    sections: list[tuple[int, int, list[str]]] = field(default_factory=list)
    leaflets: list[Leaflet] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    place: Pos | None = None  # "Lieu : …" in the practical information, when the document says it
    mail: set[int] = field(default_factory=set)  # a mail's header and quoted-reply lines (mail.furniture)


def year_hint(text: str, meta_date: str | None) -> int | None:
    """The page's year: its first full date's, else the year its head gives ("mars 2025", else
    one year alone: "Quinzaine de la fraternité 2026"), else the manifest's."""
    for d in dates.find_dates(text):
        if d.year:
            return d.year
    head_years = set(dates.page_years(text).years)
    return dates.front_year(text) or (head_years.pop() if len(head_years) == 1 else None) or (
        int(meta_date[:4]) if meta_date and meta_date[:4].isdigit() else None
    )


class Walker:
    def __init__(self, text: str, lines: list[Line], *, meta_date: str | None, top: str) -> None:
        self.text = text
        self.lines = lines
        self.top = top  # the event title: root of every section path
        self.year = year_hint(text, meta_date)
        self.out = Parsed()
        self.day: tuple[str, Pos, Line] | None = None
        self.days: list[tuple[Line, list[Slot]]] = []
        self.slot: Slot | None = None
        self.cur: Draft | None = None
        self.pending_room: Pos | None = None
        self.undated_meeting = False  # a meeting heading said its date is to be confirmed
        self.undated_kind: str | None = None  # and the kind it gave that meeting
        self.awaiting_caption = False
        self.contact_header: Pos | None = None
        self.practical = False  # in the practical information after the timetable
        self.tbc = False  # a "Date à confirmer" line came after the last date
        self.day_room: Pos | None = None  # a room given once under the day header, for all its items
        # Day headings that say where their day is held ("Mardi 6 octobre – Villeneuve, Maison
        # des associations"), by line index: their date and the venue's span in the line.
        self.day_places: dict[int, tuple[dates.DateMatch, Pos]] = {}
        self.part: Part | None = None  # a heading over the items below it (a plenary and its room)
        self.showcase = False  # under "Initiatives présentées :", its bulleted list
        self.bare: tuple[str | None, Line] | None = None  # a numbering heading ("SÉANCE 2") waiting
        self.contact_role: str | None = None
        self.last_kind = ""  # kind of the previous non-blank line
        # A meta line ("RDV n°1 › mardi 14/10/2025 › 14h › webinaire") waits for its title.
        self.pending_meta: tuple[Line, Meta] | None = None
        self.meta_room: Pos | None = None  # the room line between a meeting's heading and its title
        # The last numbered point of an agenda ("2.", "Point 2 –") and the session it opened, not a sub-point's.
        self.point_no: int | None = None
        self.point_draft: Draft | None = None

    # -- helpers -------------------------------------------------------------------------------
    def _day_of_month(self, ln: Line) -> dates.DateMatch | None:
        """"samedi 28" opening a line: that day in the month of the week heading or the item
        above it, on the written weekday; None when the context gives no month that agrees."""
        d = dates.day_only(ln.text)
        if d is None:
            return None
        found = dates.day_in_context(d.day, d.weekday, self.text[:ln.line_start], self.year)
        if found is None:
            return None
        year, month = found
        return dates.DateMatch(d.start, d.end, month, d.day, year, d.weekday is not None)

    def _next(self, i: int) -> int | None:
        for j in range(i + 1, len(self.lines)):
            if not self.lines[j].blank and j not in self.consumed:
                return j
        return None

    def _set_apart(self, ln: Line) -> bool:
        """A line with a blank line above and below it."""
        i = ln.index
        return 0 < i < len(self.lines) - 1 and self.lines[i - 1].blank and self.lines[i + 1].blank

    def _peek(self, i: int) -> str:
        """What the next line is; page furniture between two pages is looked past."""
        j = self._next(i)
        while j is not None and _PAGE_FOOTER.search(fold(self.lines[j].text)):
            j = self._next(j)
        return self.classify(self.lines[j]) if j is not None else "end"

    def classify(self, ln: Line) -> str:
        t = ln.text
        if len(t) <= 90 and _PAGE_FOOTER.search(fold(t)):
            # "Labo 2026 · Faire ensemble — page 2/6": a PDF's running header or footer, whatever
            # else its words look like (a label, a dated line).
            return "noise"
        f = fold_keep(t)
        if _CONTACT_HEADER.match(f.strip()):
            return "contact_header"
        if letters.ends_programme(t):
            return "letter_end"
        folded = fold(t)
        if dates.stamp_line(t):
            return "noise"  # the page's byline says when it was published, not a meeting
        if _DATE_TBC.match(folded) or _DATE_TBC_NOTE.match(folded):
            return "date_tbc"
        if len(t) <= 90 and _HEAD_DATE_TBC.search(folded) and not _sentence(t):
            # "Séance 6 – date à confirmer – 9h30-12h30" still gives its hours: a meeting's
            # heading whose title follows, with no date.
            return "meta" if meta_line(t) is not None else "head_tbc"
        if _ROOM_TBC.match(folded):
            return "room_tbc"
        if _BARE_LABEL.match(f):
            return "bare"
        if (len(t) <= 60 and (dates.day_header(t) or (dates.day_only_header(t) and self._day_of_month(ln)))) \
                or ln.index in self.day_places:
            return "day"
        if times.slot_line(t):
            return "slot"
        if _caption_times(t) is not None:
            return "caption_slot"
        if (p := agenda.point(t)) is not None and p.hours is not None:
            return "point"
        if len(t) <= SHORT and STAND.search(folded):
            return "stand"
        if self.slot is not None and len(t) <= SHORT and room_plan.TITLED.match(t):
            return "item"  # "A2 — Budgets participatifs : …": one of the slot's parallel workshops
        if self.cur is not None and _SHOWCASED.match(folded):
            return "showcase"
        if len(t) <= SHORT and _PLATFORM.search(folded):
            return "platform"
        if (m := _KIND_LABEL.match(f)) is not None and (kind_of(m["v"]) or mode_named(m["v"])):
            return "kind_label"
        rl = people.role_line(t)
        if rl:
            return "contact" if rl[0] == "contact" else "role"
        if meta_line(t) is not None:
            return "meta"
        if self.cur is not None and self.pending_meta is None and not self.practical and _PLACE_LABEL.match(f):
            return "where"  # "Lieu : Villeneuve – Maison des associations, salle Lilas" in a block
        if len(t) <= 250 and labels.label_match(t):
            return "label"
        if (len(t) <= 3 or not any(ch.isalnum() for ch in t) or _NOTE.match(t) or _SECTION.match(folded)
                or (len(t) <= 80 and _WEEK.match(folded) and times.find_range(t) is None)
                or _PAGE_FOOTER.search(folded)):
            return "noise"  # separators ("……", "* * *"), stray glyphs, editor's notes "[…]"
        if rooms.room_line(t, in_slot=self.slot is not None) and not (
                _CAPTION.search(t) and not rooms.led_by_room_word(t)):
            if self.slot is not None and rooms.room_line(t, in_slot=False) is None and self._set_apart(ln):
                return "noise"  # a heading in capitals between blank lines: a part of the page, not a room
            return "room"  # not "ATELIERS EN PARALLÈLE": capitals that announce sessions
        if len(t) <= 3:
            return "noise"
        if self.slot is not None and self.slot.caption is not None and ln.bullet and len(t) <= SHORT:
            return "item"  # one of the parallel sessions the slot announced
        return "short" if len(t) <= SHORT else "para"

    def close(self) -> None:
        if self.cur is not None:
            self.out.drafts.append(self.cur)
            if self.slot is not None and self.cur.opened_by != "leaflet":
                self.slot.drafts.append(self.cur)
        self.cur = None

    def open(self, title: Pos, *, by: str, ln: Line, room: Pos | None = None) -> Draft:
        self.close()
        part = self.part
        title_kind = kind_of(self.text[title[0]:title[1]])
        if part is not None and title_kind == "pause":
            part = self.part = None  # a break ends the plenary: the coffee is not in its room
        # The day's one room holds every item but a visit, which goes out to what it visits.
        day_room = self.day_room if title_kind != "visite" else None
        d = Draft(title=title, opened_by=by, block_start=ln.line_start, block_end=ln.end,
                  room=room or (part.room if part else None) or day_room)
        if part is not None:
            if part.mode is not None:
                d.mode, d.mode_span = part.mode
            if part.one:
                d.label_kind, self.part = part.kind, None
        if self.bare is not None and ln.index - self.bare[1].index <= _BARE_REACH:
            d.label_kind, d.block_start = self.bare[0], min(d.block_start, self.bare[1].line_start)
        self.bare = None  # "LABO 2026" over a cover page and an editorial heads no item far below
        if self.day:
            d.date, d.date_span = self.day[0], self.day[1]
        elif self.tbc:
            d.date_tbc = True
        if self.slot:
            d.start, d.end = self.slot.tr.start, self.slot.tr.end
            sa = self.slot.line.start + self.slot.tr.span[0]
            d.time_span = (sa, self.slot.line.start + self.slot.tr.span[1])
            d.slot_kind = self.slot.caption_kind
            if self.slot.mode is not None:
                d.mode, d.mode_span = self.slot.mode, self.slot.mode_span
        self.cur = d
        return d

    def extend(self, ln: Line) -> None:
        if self.cur is not None:
            self.cur.block_end = max(self.cur.block_end, ln.end)

    def add_desc(self, ln: Line) -> None:
        if self.cur is None:
            return
        a = self.cur.desc[0] if self.cur.desc else ln.line_start
        self.cur.desc = (a, ln.end)
        self.extend(ln)

    # -- the walk ------------------------------------------------------------------------------
    def run(self) -> Parsed:
        self.out.leaflets = find_leaflets(self.lines)
        page = web.furniture(self.lines)  # a web page's menu, breadcrumb, share buttons, footer
        plan = room_plan.find(self.lines)  # "A1 | Salle Thur | rez-de-chaussée": no session
        # A footer of links in a row ("Mentions légales | Plan du site | …") is no table's row,
        # nor a room plan's.
        self.out.tables = find_tables(self.lines, stop=page | plan.lines)
        self.consumed = {i for lf in self.out.leaflets for i in range(lf.first, lf.last + 1)}
        self.consumed |= {i for table in self.out.tables for i in table.lines}
        self.out.mail = mail.furniture(self.lines)
        self.consumed |= self.out.mail  # a mail's headers and quoted reply: no sessions
        self.consumed |= page
        self.consumed |= plan.lines
        # A centre's leaflet laid out in cards ("JEUDI" / title / "9h-11h · Salle X"): blocks
        # read by position, as the labelled ones are read by their labels, on the lines left.
        cards = find_cards(self.lines, skip=self.consumed)
        self.out.leaflets += cards
        self.consumed |= {i for card in cards for i in range(card.first, card.last + 1)}
        self.day_places = {ln.index: placed for ln in self.lines
                           if not ln.blank and (placed := _day_and_place(ln.text)) is not None}
        for i, ln in enumerate(self.lines):
            if ln.blank or i in self.consumed:
                continue
            if agenda.under_agenda_heading(ln.text) and self.point_no is None:
                # "ORDRE DU JOUR" over "1. …", "2. …": each point is one of the meeting's séances,
                # hours or none.
                self.close()
                self.point_no = 0
                continue
            if self.showcase and ln.bullet and self.cur is not None:
                self.add_desc(ln)  # "• « Radio Ado », association X, Colmar : …": a project shown there
                continue
            self.showcase = False
            kind = self.classify(ln)
            if self.practical and (kind in ("label", "room", "para") or (kind == "short" and not self.contact_role)):
                self.on_practical(i, ln)
                continue
            getattr(self, f"on_{kind}")(i, ln)
            if kind not in _TRANSPARENT:
                self.last_kind = "slot" if kind == "point" else kind  # a timed point opens as a slot line does
        self.close()
        self._rooms_from_plan(plan)
        return self.out

    def _rooms_from_plan(self, plan: room_plan.RoomPlan) -> None:
        """Each workshop titled after its code ("A1 — …") with no room of its own takes the one
        the page's room plan gives that code."""
        for d in self.out.drafts:
            code = room_plan.code_of(self.text[d.title[0]:d.title[1]])
            if d.room is None and code in plan.rooms:
                d.room = plan.rooms[code]

    def on_noise(self, i: int, ln: Line) -> None:
        pass

    def on_platform(self, i: int, ln: Line) -> None:
        pass  # a button, a counter, the tags: the next line reads as if it came right after the last one

    def on_kind_label(self, i: int, ln: Line) -> None:
        """"Type: Atelier" / "Format : En ligne" under an item's title: its kind, or how it is
        attended."""
        cur = self.cur
        if cur is None:
            return
        m = _KIND_LABEL.match(fold_keep(ln.text))
        assert m is not None
        value = ln.text[m.start("v"):]
        if (kind := kind_of(value)) is not None:
            cur.label_kind = kind
        if (mode := mode_named(value)) is not None and cur.mode is None:
            cur.mode, cur.mode_span = mode, strip_span(self.text, ln.start + m.start("v"), ln.end, " .")
        self.extend(ln)

    def on_practical(self, i: int, ln: Line) -> None:
        """A line of the practical information (after "Informations pratiques", "Contacts"…):
        never a session; a "Lieu :" line gives the event's place."""
        m = _PLACE_LABEL.match(fold_keep(ln.text))
        if m and self.out.place is None:
            self.out.place = strip_span(self.text, ln.start + m.end(), ln.end, ".;")

    def on_contact_header(self, i: int, ln: Line) -> None:
        self.close()
        # Practical information and contacts follow the timetable in the genre: the slot is over.
        self.slot, self.practical, self.part = None, True, None
        self.contact_header = None
        self.contact_role = "contact presse" if "presse" in fold_keep(ln.text) else "contact"

    def _timetable_over(self) -> None:
        """What follows is no session until the next hour or day."""
        self.close()
        self.slot, self.practical, self.part, self.contact_role = None, True, None, None

    def on_stand(self, i: int, ln: Line) -> None:
        """A stand's heading: its label lines and description are the project's, read by the
        initiative stage."""
        self._timetable_over()

    def on_letter_end(self, i: int, ln: Line) -> None:
        """A letter's reply form or courtesy formula: the programme above is over (the form's
        deadline is no session, the signatory no speaker)."""
        self._timetable_over()

    def on_bare(self, i: int, ln: Line) -> None:
        """"SÉANCE 2" over its date, place and title: the next session's label, not a session
        (unless nothing follows it: then it is the title there is)."""
        if self._peek(i) in ("day", "slot", "meta", "short", "room", "label", "date_tbc"):
            self.close()
            self.bare = (kind_of(ln.text), ln)
        else:
            self.on_short(i, ln)

    def on_showcase(self, i: int, ln: Line) -> None:
        """"Initiative présentée : « Les Bancs bavards », centre social …" in a workshop's block:
        the project it shows (read by the initiatives' rules), part of its description, never a
        session; a list of them may follow."""
        assert self.cur is not None
        self.add_desc(ln)
        self.showcase = ln.text.rstrip().endswith(":")

    def on_item(self, i: int, ln: Line) -> None:
        """"• « Adapter son logement » – SALLE BOUGAINVILLE" under a slot that announced parallel
        sessions: one of them, its title quoted or up to the room."""
        # The line's text starts after its bullet glyph.
        r = rooms.room_in(ln.text)
        room = (ln.start + r[0], ln.start + r[1]) if r is not None else None
        end = r[0] if r is not None else len(ln.text)
        if r is not None and ln.text[:end].rstrip().endswith("("):
            end = ln.text.rindex("(", 0, end)  # "Title (salle A)": the bracket goes with its room
        q = labels.quoted_title(ln.text, 0)
        if q is not None and q.end <= end:
            title = (ln.start + q.title[0], ln.start + q.title[1])
        else:
            title = strip_span(self.text, ln.start, ln.start + end, "·•|–—-:")
        self.open(title, by="label", ln=ln, room=room)
        self.extend(ln)

    def on_room_tbc(self, i: int, ln: Line) -> None:
        self.extend(ln)  # the session above keeps its people; its room stays unknown

    def on_date_tbc(self, i: int, ln: Line) -> None:
        """"Date à confirmer": under a title, that session has no date (and must not take the
        last day's); before one, the sessions that follow have none until the next date."""
        # Under a title, not after a blank line or a section's heading: those open what follows.
        right_under = self.cur is not None and self.last_kind not in ("noise",) and \
            self.text.count("\n", self.cur.block_end, ln.line_start) <= 1
        if self.cur is not None and self.last_kind not in ("day", "slot") and right_under:
            self.cur.date, self.cur.date_span, self.cur.date_tbc = None, None, True
            if self.slot is not None and self.day is not None and self.slot.line is self.day[2]:
                self.cur.start = self.cur.end = self.cur.time_span = None  # that date line's time
            self.extend(ln)
        elif self.cur is not None and not right_under:
            self.close()  # the next event's heading: the one above is over
        self.day = None
        self.slot = None
        self.tbc = True

    def on_head_tbc(self, i: int, ln: Line) -> None:
        self.close()
        self.slot = None
        self._no_date_yet()
        # "6 | SÉANCE DE CLÔTURE – date à confirmer": the heading says the meeting's kind.
        self.undated_kind = label_kind(ln.text)

    def _no_date_yet(self) -> None:
        """A meeting's heading without its date yet: the meeting that follows has none (not the
        previous meeting's)."""
        self.day, self.tbc, self.undated_meeting, self.undated_kind = None, True, True, None

    def on_day(self, i: int, ln: Line) -> None:
        self.close()
        self.practical = False
        self.undated_meeting = False
        placed = self.day_places.get(ln.index)
        d = dates.day_header(ln.text) or self._day_of_month(ln) or (placed[0] if placed else None)
        assert d is not None
        if d.year:
            self.year = d.year
        self.day = (d.iso(self.year), (ln.start + d.start, ln.start + d.end), ln)
        self.tbc = False
        # "Mardi 6 octobre – Villeneuve, Maison des associations": where the whole day is held,
        # when the days are each held somewhere (a lone dated line with a place is the event's
        # own venue, not a room of its items).
        self.day_room = (ln.start + placed[1][0], ln.start + placed[1][1]) if placed and len(self.day_places) >= 2 else None
        self.part = None
        self.days.append((ln, []))
        self.slot = None
        self.pending_room = None
        self.contact_role = None
        # "mardi 14/10/2025 – 18h00-19h30 (en ligne)": one dated session's time (and mode) too.
        rest = ln.text[d.end:]
        tr = times.find_range(rest)
        if tr is not None:
            span = (d.end + tr.span[0], d.end + tr.span[1])
            self.slot = Slot(line=ln, tr=times.TimeRange(tr.start, tr.end, span))
            self.days[-1][1].append(self.slot)
            mode = mode_named(rest)
            if mode is not None:
                m = re.search(r"[^\s(\[–—,-][^()\[\]–—,]*", rest[tr.span[1]:])
                if m:
                    a = d.end + tr.span[1] + m.start()
                    self.slot.mode, self.slot.mode_span = mode, strip_span(self.text, ln.start + a, ln.start + d.end + tr.span[1] + m.end(), " .;")

    def _start_slot(self, ln: Line, tr: times.TimeRange) -> Slot:
        """A new time slot opens: whatever block was open closes, and the slot joins its day."""
        self.close()
        self.practical = False
        self.undated_meeting = False
        self.contact_role = None
        self.slot = Slot(line=ln, tr=tr)
        if not self.days:
            self.days.append((ln, []))  # a programme without day headers: one implicit day
        self.days[-1][1].append(self.slot)
        self.pending_room = None
        return self.slot

    def on_slot(self, i: int, ln: Line) -> None:
        sl = times.slot_line(ln.text)
        assert sl is not None
        tr, rest = sl
        slot = self._start_slot(ln, tr)
        if (n := agenda.number_before_time(ln.text)) is not None:
            self.point_no = n  # "3.  09:50 – 10:30  Title": a numbered agenda's point
        if rest < len(ln.text) and self._slot_field(ln, rest):
            return
        if rest < len(ln.text):
            self.awaiting_caption = False
            # "9h – 9h30 · Séance d'ouverture · AMPHITHÉÂTRE 1": a room as the last field.
            end, room = ln.end, None
            fields = list(FIELD_SEP.finditer(ln.text, rest))
            if fields:
                last = fields[-1]
                r = rooms.room_line(ln.text[last.end():], in_slot=True) or rooms.place_named(ln.text[last.end():])
                if r is not None:
                    room = (ln.start + last.end() + r[0], ln.start + last.end() + r[1])
                    end = ln.start + last.start()
            if room is None and not labels.label_match(ln.text[rest:].lstrip(" ·•|–—-:")):
                # "14h30 – 16h | Table ronde « … » – AUDITORIUM": a room after a dash; "9h15 – Café
                # d'accueil, Salle des Tilleuls": after a comma (not one inside brackets).
                r = rooms.room_in(ln.text[rest:])
                before = ln.text[rest:rest + r[0]].rstrip() if r is not None else ""
                if r is not None and (before.endswith(("–", "—", "-", "|", "/")) or (
                        before.endswith(",") and before.count("(") == before.count(")"))):
                    room = (ln.start + rest + r[0], ln.start + rest + r[1])
                    end = ln.start + rest + r[0]
                elif (r := rooms.bracketed_room(ln.text[rest:])) is not None and not ln.text[rest + r[1]:].strip(" )."):
                    # "9:15 am – Opening (Salle du Conseil municipal)": the room closes the line.
                    room = (ln.start + rest + r[0], ln.start + rest + r[1])
                    end = ln.start + ln.text.rindex("(", rest, rest + r[0])
            inline = Line(ln.index, ln.start + rest, end, self.text[ln.start + rest:end], ln.indent, False,
                          ln.line_start)
            # "10h – 11h · Conférence : « Title » – Amphi B": the label after the field separator,
            # when it gives its title (a bare kind word, "· Séance d'ouverture ·", is the title).
            lead = rest + len(ln.text[rest:]) - len(ln.text[rest:].lstrip(" ·•|–—-"))
            bare = replace(inline, start=ln.start + lead, text=self.text[ln.start + lead:end])
            if lead > rest and labels.label_match(bare.text) and (parts := labels.parse_label(bare.text)) \
                    and parts.title is not None:
                inline = bare
            if _caption(inline.text):
                # "ATELIERS – SESSION A (au choix)": the slot holds parallel sessions below (in
                # rooms of their own, not the plenary's).
                self.part = None
                slot.caption = (inline.start, inline.end)
                slot.caption_kind = kind_of(inline.text)
                self.awaiting_caption = False
            elif labels.label_match(inline.text):
                self.on_label(i, inline)  # "11h15 – 12h30 Table ronde : Les jeunes et …"
                self.last_kind = "slot"
                if self.cur is not None and room is not None and self.cur.room is None:
                    self.cur.room = room
            else:
                self.open(strip_span(self.text, ln.start + rest, end, "·•|–—-:"), by="slot", ln=ln, room=room)
        else:
            self.awaiting_caption = True

    def on_point(self, i: int, ln: Line) -> None:
        """"2. Bilan de l'année (9h45-10h20)": an agenda's point and its hours. Under a point whose
        sub-points give their own hours ("3.1 Title (10h20-10h45)"), the point was only their
        heading."""
        p = agenda.point(ln.text)
        assert p is not None and p.hours is not None
        if p.sub is not None and self.cur is not None and self.cur is self.point_draft and p.number == self.point_no:
            self.cur = None
        self._start_slot(ln, p.hours)
        d = self.open((ln.start + p.title[0], ln.start + p.title[1]), by="slot", ln=ln)
        if p.sub is None:
            self.point_no, self.point_draft = p.number, d

    def on_caption_slot(self, i: int, ln: Line) -> None:
        """"Ateliers au choix (10h30 – 12h)": a slot of parallel sessions whose hours close its
        caption, the sessions listed below."""
        found = _caption_times(ln.text)
        assert found is not None
        cut, tr = found
        slot = self._start_slot(ln, tr)
        slot.caption = strip_span(self.text, ln.start, ln.start + cut, " :–—-")
        slot.caption_kind = kind_of(ln.text[:cut])
        self.awaiting_caption = False

    def _slot_field(self, ln: Line, rest: int) -> bool:
        """A slot line whose only text after the time is a room or a mode ("09h15 – 10h30 ·
        Salle 101", "11h15 – 12h30 · en visioconférence"): a field of the session whose title
        follows on the next line, not a title."""
        a, b = strip_span(self.text, ln.start + rest, ln.end, "·•|–—-:")
        field_text = self.text[a:b]
        room = rooms.room_line(field_text, in_slot=True)
        if room is not None and room == (0, len(field_text)):
            self.pending_room, self.pending_room_line = (a, b), ln
            self.awaiting_caption = False
            return True
        mode = mode_named(field_text)
        # Only the mode: "Repas sur place" is a meal, held on site.
        if mode is not None and self.slot is not None and len(field_text.split()) <= 3 \
                and not re.search(r"\w{3,}", strip_modes(fold(re.sub(r"\([^()]*\)", " ", field_text)))):
            self.slot.mode, self.slot.mode_span = mode, (a, b)
            self.awaiting_caption = False
            return True
        return False

    def _room_under_meta(self, i: int, ln: Line) -> bool:
        """"Séance 2 – 12.03.2026 – 14h-17h" / "Salle 12, bâtiment B" / "« Title »": a line led
        by a room word between a meeting's heading and its title is the meeting's room (a note
        in brackets after it is not)."""
        if self.pending_meta is None or self.meta_room is not None or not rooms.led_by_room_word(ln.text) \
                or self._peek(i) not in ("short", "room"):
            return False
        cut = ln.text.find(" (")
        self.meta_room = strip_span(self.text, ln.start, ln.start + cut if cut > 0 else ln.end, " ,;–—-")
        return True

    def on_room(self, i: int, ln: Line) -> None:
        if self._room_under_meta(i, ln):
            return
        if self.pending_meta is not None:
            self.open_after_meta(ln)  # an upper-case title reads like a room label
            return
        under_place = self.pending_room is not None or (self.slot is not None and self.slot.mode == "online")
        if under_place and self.cur is None and self.last_kind == "short" and not rooms.led_by_room_word(ln.text):
            # Under a meeting's place line (or its "Webinaire" line), a title in capitals.
            self.on_short(i, ln)
            return
        r = rooms.room_line(ln.text, in_slot=self.slot is not None)
        assert r is not None
        pos = (ln.start + r[0], ln.start + r[1])
        if self.pending_room is not None and self.last_kind == "room" and self.cur is None \
                and self._title_and_room(ln, pos):
            return
        if (
            self.cur is not None
            and self.cur.opened_by in ("label", "slot")
            and self.cur.room is None
            and (self.last_kind in ("label", "slot")
                 or (self.last_kind == "short" and self.cur.opened_by == "slot" and _LABELLED_ROOM.match(ln.text)))
        ):
            # "Atelier 3 : title" then "Salle : Amphi B"; a title under its hour, then "Room: …".
            self.cur.room = pos
            self.extend(ln)
            return
        self.close()
        self.awaiting_caption = False
        day_slot = self.slot is None or (self.day is not None and self.slot.line is self.day[2])
        if self.day is not None and day_slot and self.cur is None \
                and not any(d.date == self.day[0] for d in self.out.drafts):
            # "MARDI 7 OCTOBRE 2025" / "Hôtel du Département" / "Salle JULES-VERNE": the day's one
            # room, given once above its agenda, for every item of the day that names none.
            self.day_room = pos
            return
        self.pending_room = pos
        self.pending_room_line = ln

    def _title_and_room(self, ln: Line, pos: Pos) -> bool:
        """Two room-like lines in a row ("SÉANCE PLÉNIÈRE D'OUVERTURE" / "AUDITORIUM"): when only
        one is led by a room word, or neither is, the other (the first, if neither) is the
        session's title in capitals. Both led by a room word: no title here."""
        assert self.pending_room is not None
        prev_ln, prev_pos = self.pending_room_line, self.pending_room
        prev_room, this_room = rooms.led_by_room_word(prev_ln.text), rooms.led_by_room_word(ln.text)
        if prev_room and this_room:
            return False
        title_ln, room = (ln, prev_pos) if prev_room else (prev_ln, pos)
        self.pending_room = None
        d = self.open((title_ln.start, title_ln.end), by="room", ln=title_ln, room=room)
        d.block_start = prev_ln.line_start
        self.extend(ln)
        return True

    def on_label(self, i: int, ln: Line) -> None:
        parts = labels.parse_label(ln.text)
        assert parts is not None
        # A slot whose inline title announced parallel groups is a container, not a session.
        # A break ("8h30 Accueil café") is no container: the label under it opens what follows.
        if self.cur is not None and self.cur.opened_by == "slot" and self.slot is not None \
                and kind_of(self.text[self.cur.title[0]:self.cur.title[1]]) != "pause":
            self.slot.caption_kind = kind_of(self.text[self.cur.title[0] : self.cur.title[1]])
            self.cur = None
        self.awaiting_caption = False
        at = ln.start

        def shift(p: Pos | None) -> Pos | None:
            return (at + p[0], at + p[1]) if p else None

        title = shift(parts.title)
        if self.pending_meta is not None and title is not None and _TOPIC_LABEL.match(parts.kw):
            # "Labo #2 · 04.02.2026 · 9h30-12h30" over "Thème : …": the theme is the title of
            # the session the line above dates, not a session of its own.
            self.open_after_meta(ln, title)
            return
        room, mode = shift(parts.room) or self.pending_room, None
        if title is None:
            # The title is on the next line ("Atelier A – Salle Vauban" / "Title"), perhaps
            # under a line that says where or how ("Orléans – Maison des associations, salle
            # Loire", "Webinaire", "Bourges – lieu précisé ultérieurement").
            j = self._next(i)
            for _ in range(2):
                if j is None or (found := self._where_or_how(self.lines[j])) is None:
                    break
                room = room or found[0]
                mode = mode or found[1]
                self.consumed.add(j)
                j = self._next(j)
            if j is not None and self.classify(self.lines[j]) == "slot" and (room is not None or mode is not None):
                # The label heads the timed items below it (their room, how they are attended).
                self.close()
                kind = label_kind(parts.said)
                self.part = Part(kind=kind, room=room, mode=mode, one=kind not in _PART_KINDS)
                self.pending_room = None
                return
            topic = labels.parse_label(self.lines[j].text) if j is not None else None
            if j is not None and self.classify(self.lines[j]) == "short" and not (
                    self.last_kind == "slot" and people.CIVILITY.search(self.lines[j].text)):
                # Not under a timed kind ("9h45 – 10h30 : Plénière d'ouverture (amphi B)"), a
                # speaker's line ("Mot d'accueil de M. X, …"): the kind names that item itself.
                self.consumed.add(j)
                nxt = self.lines[j]
                q = labels.quoted_title(nxt.text, 0)
                whole = q is not None and q.start == 0 and q.end == len(nxt.text)
                title = (nxt.start + q.title[0], nxt.start + q.title[1]) if whole and q else (nxt.start, nxt.end)
            elif j is not None and topic is not None and topic.title and _TOPIC_LABEL.match(topic.kw):
                # "Labo #3 · mercredi 11 mars" over "Thème : …": the theme is its title.
                self.consumed.add(j)
                title = (self.lines[j].start + topic.title[0], self.lines[j].start + topic.title[1])
            else:
                title = (ln.start, ln.end)
        d = self.open(title, by="label", ln=ln, room=room)
        self.pending_room = None
        if mode is not None:
            d.mode, d.mode_span = mode
        if parts.pending:
            d.date_tbc = True
        d.label_kind = label_kind(parts.said)
        d.block_end = max(d.block_end, title[1])
        if parts.date is not None:
            dm = parts.date
            d.date, d.date_span = dm.iso(dm.year or self.year), (at + dm.start, at + dm.end)
            self.year = dm.year or self.year
            if parts.time is None and self.slot is not None:
                # A label with a day of its own and no hour: the hour of an earlier day's slot
                # is not its hour.
                d.start = d.end = d.time_span = None
                self.slot = None
        d.organiser = shift(parts.host)
        if parts.time is not None:
            d.start, d.end, d.time_span = parts.time.start, parts.time.end, shift(parts.time.span)

    def _where_or_how(self, ln: Line) -> tuple[Pos | None, tuple[Mode, Pos] | None] | None:
        """A line under a session label that gives its room (a venue and its room, after the
        town), how it is attended ("En visioconférence"), or that its place is still pending;
        None for any other line."""
        t = ln.text
        if len(t.split()) > 10:
            return None
        mode = mode_named(t)
        if mode is not None and len(t.split()) <= 6:
            return None, (mode, (ln.start, ln.end))
        if pending(t):
            return None, None
        r = rooms.place_room(t)
        return ((ln.start + r[0], ln.start + r[1]), None) if r is not None else None

    def _continues(self, ln: Line, nxt: Line) -> bool:
        """A role line wrapped onto the next line: it stops mid-list ("…; Paul-Henri" over
        "GIRAUD, responsable…") and the next line is no label, date or time of its own."""
        if nxt.index != ln.index + 1 or ln.text.rstrip().endswith((".", "!", "?", ":")) or nxt.bullet:
            return False  # a blank line, a full stop or a bullet ends the list
        if self.classify(nxt) not in ("short", "para", "room", "noise"):
            return False
        first = nxt.text.split()[0] if nxt.text.split() else ""
        last = ln.text.split()[-1] if ln.text.split() else ""
        # Only a lone first name ("Dr Marc") waits for its surname: "Modération : Jeanne Roux" over "Élus,
        # techniciens, …" is a whole name, and the line under it the session's description.
        lone = len(people.strip_civility(re.split(r"[:;,]|\bet\b", ln.text)[-1].strip()).split()) == 1
        split_name = lone and last[:1].isupper() and not last.isupper() and re.match(r"^[A-ZÀ-Ý][\w'’-]*,", first)
        # "…, service social de la caisse" / "Drôme Nord ; Paul Girard, éleveur…":
        # the next person of the list after a semicolon.
        next_person = re.search(r";\s*(?:M\.|Mme|Dr|Pr)?\s*[A-ZÀ-Ý][\w'’-]+\s+[A-ZÀ-Ý][\w'’-]+\s*,", nxt.text)
        return bool(first[:1].islower() or (len(first) > 2 and first.strip(",").isupper())
                    or ln.text.rstrip().endswith((",", ";")) or split_name or next_person)

    def on_role(self, i: int, ln: Line) -> None:
        rl = people.role_line(ln.text)
        assert rl is not None
        role, off = rl
        j = self._next(i)
        end, prev = ln.end, ln
        while j is not None and self._continues(prev, self.lines[j]):
            prev = self.lines[j]
            end = prev.end
            self.consumed.add(j)
            self.extend(prev)
            j = self._next(j)
        mentions = people.parse_names(self.text, a=ln.start + off, b=end)
        if not mentions:
            # Names on the following lines, one per line (often bulleted).
            j = self._next(i)
            while j is not None:
                nxt = self.lines[j]
                if self.classify(nxt) not in ("short", "noise", "item") or not (
                    nxt.bullet
                    or people.CIVILITY.match(nxt.text)
                    or people.looks_like_name(re.split(r"[,(]", nxt.text)[0])
                ):
                    break
                mentions += people.parse_names(nxt.text, base=nxt.start)
                self.consumed.add(j)
                self.extend(nxt)
                ln = nxt
                j = self._next(j)
        if role == "contact":
            self.close()
            self.out.contacts += [(m, role) for m in mentions]
            return
        if self.cur is None:
            return
        self.cur.people += [(m, role) for m in mentions]
        self.extend(ln)

    def on_contact(self, i: int, ln: Line) -> None:
        self.on_role(i, ln)

    def on_meta(self, i: int, ln: Line) -> None:
        self.close()
        meta = meta_line(ln.text)
        assert meta is not None
        if meta.date is None and meta.confirm is None and dates.day_only(ln.text) is not None:
            # "samedi 28 | 10h-12h | …": the 28th of the week above; not the day above it, even
            # when no month of the context has a Saturday 28 (then its date is unknown).
            dm = self._day_of_month(ln)
            if dm is None:
                self.day, self.tbc = None, True  # nor the date the page states once
            else:
                meta = replace(meta, date=dm)
        if meta.date is not None:
            d = meta.date
            if d.year:
                self.year = d.year
            self.day = (d.iso(self.year), (ln.start + d.start, ln.start + d.end), ln)
            self.days.append((ln, []))
        elif meta.confirm is not None:
            self._no_date_yet()
        if self._event_head(ln, meta):
            return  # "Forum régional – mardi 18 novembre 2025 – Town, Venue": the page's event
        if meta.time is not None:
            self.slot = Slot(line=ln, tr=meta.time)
            if not self.days:
                self.days.append((ln, []))
            self.days[-1][1].append(self.slot)
        self.pending_meta = (ln, meta)
        self.awaiting_caption = False
        self.contact_role = None
        if meta.title is not None:
            # The title is on the line itself: the session opens here, its block follows. "Atelier
            # « Title » (I)": the quoted words are the title, the word before them its kind.
            a, b = meta.title
            field = ln.text[a:b]
            q = labels.quoted_title(field, 0)
            kind = None
            if q is not None and len(field[:q.start].split()) <= 4:
                kind = kind_of(field[:q.start]) if field[:q.start].strip() else None
                a, b = a + q.title[0], a + q.title[1]
            self.open_after_meta(ln, title=(ln.start + a, ln.start + b))
            if self.cur is not None:
                self.cur.one_line = True
                self.cur.label_kind = kind

    def _event_head(self, ln: Line, meta: Meta) -> bool:
        """A meta line that dates the page's event rather than a session of it: before any session,
        led by an event's kind ("Forum régional", "Journée régionale") with no hours, the place after
        the date. A newsletter's masthead ("Forum régional – mardi 18 novembre 2025 – Town, Palais
        des congrès") or a page's running footer: its date is the event's, the place no title."""
        if self.out.drafts or self.cur is not None or meta.time is not None:
            return False
        if meta.label is None:
            # "Jeudi 15 octobre 2027 · Town (Dept) · Centre des congrès X": the page's dateline,
            # its last field the venue, under the event's title.
            return meta.date is not None and meta.title is not None and bool(
                _VENUE_HEAD.match(fold(ln.text[meta.title[0]:meta.title[1]])))
        label = ln.text[meta.label[0]:meta.label[1]]
        return event_kind_named(label) is not None and label_kind(label) in (None, "autre") and kind_of(label) in (None, "autre")

    def on_where(self, i: int, ln: Line) -> None:
        """"Lieu : Town – Venue, salle X" inside a session's block: where that session is held
        (the venue and room after the town), not a title nor the next session's room."""
        assert self.cur is not None
        m = _PLACE_LABEL.match(fold_keep(ln.text))
        at = ln.start + (m.end() if m else 0)
        value = self.text[at:ln.end]
        if self.cur.room is None and not pending(value) and (r := rooms.place_room(value)) is not None:
            self.cur.room = (at + r[0], at + r[1])
        mode = mode_named(value)
        if mode is not None and self.cur.mode is None:
            self.cur.mode, self.cur.mode_span = mode, (at, ln.end)
        self.extend(ln)

    def open_after_meta(self, ln: Line, title: Pos | None = None) -> None:
        """The line under a meta line is its session's title (or gives it: "Thème : …")."""
        assert self.pending_meta is not None
        meta_ln, meta = self.pending_meta
        self.pending_meta = None
        room = (meta_ln.start + meta.room[0], meta_ln.start + meta.room[1]) if meta.room else self.meta_room
        self.meta_room = None
        d = self.open(title or (ln.start, ln.end), by="heading", ln=ln, room=room)
        d.block_start = meta_ln.line_start
        d.from_meta = True
        if meta.label is not None and d.label_kind is None:
            d.label_kind = label_kind(meta_ln.text[meta.label[0]:meta.label[1]])
        if meta.mode is not None and meta.mode_span is not None:
            d.mode, d.mode_span = meta.mode, (meta_ln.start + meta.mode_span[0], meta_ln.start + meta.mode_span[1])
        if meta.date is None and meta.confirm is not None:
            d.date, d.date_span = None, None  # "date à confirmer": no date, said so
            self.undated_meeting = False  # that meeting has opened here

    def _under_one_line_event(self, ln: Line) -> bool:
        """A line right under a one-line event's line or its block, with no blank line between:
        its description, its speakers, who organises it."""
        cur = self.cur
        return cur is not None and cur.one_line and not self.text[cur.block_end:ln.line_start].strip("\n ")\
            and self.text.count("\n", cur.block_end, ln.line_start) <= 1

    def on_short(self, i: int, ln: Line) -> None:
        if self._room_under_meta(i, ln):
            return
        if self.pending_meta is not None:
            self.open_after_meta(ln)
            return
        if self._under_one_line_event(ln):
            self.add_desc(ln)
            return
        if self.undated_meeting:
            if pending(ln.text):
                return  # "Villeneuve – lieu précisé ultérieurement": no room either
            self.undated_meeting = False
            d = self.open(strip_span(self.text, ln.start, ln.end, "«»“” "), by="heading", ln=ln)
            d.date_tbc, d.label_kind = True, self.undated_kind
            return

        if self.slot is not None and self.cur is None and self.last_kind in ("day", "slot") and (
                _MODE_LINE.match(fold_keep(ln.text))):
            # Under a date or time line: how its session is attended, not its title.
            self.slot.mode, self.slot.mode_span = mode_named(ln.text), strip_span(self.text, ln.start, ln.end, " .")
            return
        pos = (ln.start, ln.end)
        if (self.slot is not None and self.cur is None and self.pending_room is None
                and self.last_kind in ("day", "slot") and (r := rooms.venue_and_room(ln.text)) is not None):
            # A cycle's meeting: its date, then where ("Villeneuve – Espace des Arts, salle
            # Lilas"), then its title.
            self.pending_room, self.pending_room_line = (ln.start + r[0], ln.start + r[1]), ln
            return
        if self.contact_role is not None:
            if self._contact(ln):
                return
            if ln.text.endswith(":"):
                self.contact_header = (ln.start, ln.end - 1)
                return
            self.contact_role = None
        nxt = self._peek(i)
        if self.awaiting_caption:
            self.awaiting_caption = False
            if ln.text[:1] in _OPENING_QUOTES and self.slot is not None:
                # A title in guillemets under a bare time names its one session; a caption
                # ("Ateliers au choix") names a kind of several.
                self.open(pos, by="slot", ln=ln)
                return
            if nxt == "kind_label" and self.slot is not None:
                self.open(pos, by="slot", ln=ln)  # "Type: Atelier" under it: one item's title
                return
            if nxt in ("room", "label", "short") and self.slot is not None:
                self.slot.caption = pos
                self.slot.caption_kind = kind_of(ln.text)
                return
            self.open(pos, by="heading", ln=ln)
            return
        if self.pending_room is not None and self._prose_line(i, ln):
            self.pending_room = None  # prose under a place line: no session's title, nor was that its room
        if self.pending_room is not None:
            room, rl = self.pending_room, self.pending_room_line
            self.pending_room = None
            self.open(pos, by="room", ln=ln, room=room)
            assert self.cur is not None
            self.cur.block_start = rl.line_start
            return
        cur = self.cur
        if self._agenda_item(ln):
            return
        if ln.bullet and self.slot is not None and self.slot.line.bullet and self.slot.caption is None \
                and _DURATION.search(ln.text):
            # "- 09h30 > 10h00 Discours" / "- Présentation de l'étude (45 min)": the list's next
            # item, its length said, not its hours.
            self.slot = None
            self.open(pos, by="slot", ln=ln)
            return
        if self._title_wraps(i, ln):
            return
        if self._sentence_tail(i, ln):
            if cur is not None and cur.desc is not None:
                self.add_desc(ln)
            elif cur is not None:
                self.extend(ln)
            return
        if self._titled_under_day(i, ln):
            return
        if self._quoted_under_kind(ln):
            return
        if (cur is not None and cur.opened_by in ("slot", "label") and self.last_kind in ("slot", "label", "room")
                and _MODE_NOTE.match(fold_keep(ln.text)) and (mode := mode_named(ln.text)) is not None):
            # "Online — the link is emailed after registration" under its title: how it is attended.
            cur.mode, cur.mode_span = mode, strip_span(self.text, ln.start, ln.end, " .")
            self.extend(ln)
            return
        if (cur is not None and cur.room is None and self._right_under_title(i)
                and (r := rooms.venue_room(ln.text) or rooms.place_named(ln.text) or rooms.venue_line(ln.text)) is not None):
            # "Les Champs Libres, salle de conférences" under its title: the venue and its room;
            # "Esplanade X (en cas de pluie : …)": the place, its note aside; "Cinéma Le Rex":
            # a venue its kind of building names.
            cur.room = (ln.start + r[0], ln.start + r[1])
            self.extend(ln)
            return
        if self._place_under_title(ln):
            return
        if cur is not None and ((cur.desc is not None and self._wraps(i)) or (
                cur.desc is None and _prose(ln.text, 6 if cur.from_meta else 12))):
            self.add_desc(ln)  # a description: prose under the title, or its wrapped next line
            return
        if (
            cur is not None
            and cur.opened_by in ("room", "heading", "label")
            and cur.desc is None
            and self.last_kind in ("short", "room", "label")
            and nxt == "para"
        ):
            self.add_desc(ln)  # a subtitle line between the title and the description
            return
        if (
            self.slot is not None
            and cur is not None
            and cur.opened_by in ("room", "heading")
            and cur.desc is not None
            and not ln.text.rstrip().endswith(".")
            and not self._prose_line(i, ln)
        ):
            self.open(pos, by="heading", ln=ln)  # a workshop without a room label
            return
        if cur is not None and ln.text.startswith("(") and ln.text.endswith(")"):
            self.extend(ln)  # "(également en visioconférence, lien envoyé la veille)": a note on it
            return
        if nxt == "role":
            self.open(pos, by="heading", ln=ln)
            return
        if (self.slot is not None and cur is None and not self.slot.drafts and self.last_kind in ("day", "slot")
                and self.slot.line.index == ln.index - 1 and not _sentence(ln.text) and not ADDRESS.search(ln.text)
                and ln.text[:1].isalnum() and ln.pictogram is None):
            # The line right under a meeting's date and hour ("Mardi 13 octobre — 18h30") is its
            # title, whatever follows: its speakers in prose, a note, a place. Not where it is
            # held ("📍 Vernelles – Maison des associations, 4 rue du Port"). The lines right
            # under it are its block.
            self.open(pos, by="heading", ln=ln).one_line = True
            return
        if self.slot is not None and cur is None and not self.slot.drafts and nxt in ("para", "day", "slot", "end", "bare", "head_tbc"):
            self.open(pos, by="heading", ln=ln)  # the slot's one title line
            return
        if cur is not None and (cur.opened_by in ("label", "slot") or _sentence(ln.text)):
            self.add_desc(ln)
            return
        self.close()

    def _right_under_title(self, i: int) -> bool:
        """The line is the first under the open session's title: on the slot's or label's line,
        or the slot's title line just above it; nothing of its block read yet."""
        cur = self.cur
        if cur is None or cur.desc is not None or cur.people:
            return False
        if cur.opened_by in ("slot", "label") and self.last_kind in ("slot", "label"):
            return True
        prev = next((j for j in range(i - 1, -1, -1) if not self.lines[j].blank), None)
        return (cur.opened_by in ("slot", "label", "heading") and self.slot is not None and prev is not None
                and self.lines[prev].start <= (cur.title_more or [cur.title])[-1][1] <= self.lines[prev].end)

    def _title_wraps(self, i: int, ln: Line) -> bool:
        """"09:45 – 10:30   Le chantier de l'été : bilan et suites" / "à donner aux communes": a
        slot's title cut by the mail's width goes on, in lower case, on the very next line."""
        cur = self.cur
        if cur is None or cur.opened_by != "slot" or self.last_kind != "slot" or cur.desc is not None \
                or cur.title_more or i == 0 or self.lines[i - 1].end != cur.title[1] or not ln.text[:1].islower() \
                or self.text[cur.title[1] - 1] in ".:;!?)" or mode_named(ln.text) is not None:
            return False  # "…, également accessible en" / "visioconférence": how, read below
        cur.title_more.append((ln.start, ln.end))
        self.extend(ln)
        return True

    def _prose_line(self, i: int, ln: Line) -> bool:
        """A line of running text, not a title: the first line of a paragraph that wraps onto the
        next ("À Vallon, le dispositif « X », porté par l'association" / "Y, met en relation…"),
        or several sentences on one line ("The meeting is closed. Partners may join online.")."""
        text = ln.text.rstrip()
        if len(text.split()) < 10:
            return False
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        wraps = nxt is not None and not nxt.blank and not text.endswith((".", ":", "!", "?", ";", "»", ")"))
        return wraps or bool(text.endswith(".") and _SENTENCE_BREAK.search(text))

    def _sentence_tail(self, i: int, ln: Line) -> bool:
        """The end of a sentence wrapped from the line right above ("…, Mme Claire Moulis," /
        "présidente du collectif"; "… et de la Fondation du Val" / "Morin."): it goes on in lower
        case, or is a word or two closed by a full stop, under a line that stops mid-sentence.
        Never a session's title."""
        above = self.lines[i - 1] if i > 0 else None
        if above is None or above.blank or not re.search(r"[\w,’'-]$", above.text):
            return False
        words = ln.text.split()
        return ln.text[:1].islower() or (len(words) <= 2 and ln.text.endswith("."))

    def _agenda_item(self, ln: Line) -> bool:
        """In a numbered agenda, the next point written without hours ("7. Questions diverses"), or a
        break between two points ("Pause (10 min)"): a session of its own, with no hours (not the
        hours of the point above). A sub-point ("2.1 …") is part of its point."""
        if self.point_no is None:
            return False
        p = agenda.point(ln.text)
        if p is not None and p.sub is None and p.number == self.point_no + 1:
            title = (ln.start + p.title[0], ln.start + p.title[1])
            self.point_no = p.number
        elif agenda.is_break(ln.text):
            title = (ln.start, ln.end)
        else:
            return False
        self.close()
        self.slot = None
        d = self.open(title, by="slot", ln=ln)
        if p is not None:
            self.point_draft = d
        return True

    def _place_under_title(self, ln: Line) -> bool:
        """"Table ronde « … »" / "Corvanne – Salle des fêtes, 18h-20h": the line right under a
        title that gives the town, the room and perhaps the hours is where (and when) that
        session is held, not a session of its own."""
        cur = self.cur
        if cur is None or cur.room is not None or cur.desc is not None or cur.people \
                or cur.opened_by not in ("slot", "label", "heading") or self.last_kind not in ("slot", "label", "short"):
            return False
        found = rooms.place_line(ln.text)
        if found is None:
            return False
        cur.room, tr = _room_and_hours(ln, found)
        if tr is not None and cur.start is None:
            cur.start, cur.end, cur.time_span = tr.start, tr.end, tr.span
        self.extend(ln)
        return True

    def _titled_under_day(self, i: int, ln: Line) -> bool:
        """An agenda's event under its day (or its "date à confirmer"), over the line that says
        where: "Vendredi 11 décembre" / "Théâtre-forum « Title »" / "Corvanne – Salle des fêtes,
        20h30". The line is its title (the quoted words, the kind before them); the place line
        below is read as its place."""
        j = self._next(i)
        where = rooms.says_where(self.lines[j].text) if j is not None else None
        if self.cur is not None or self.last_kind not in ("day", "date_tbc") or j is None or where is None:
            return False
        q = labels.quoted_title(ln.text, 0)
        kind = None
        title = strip_span(self.text, ln.start, ln.end, " .")
        if q is not None and len(ln.text[:q.start].split()) <= 4 and not ln.text[q.end:].strip(" .:!?"):
            title = (ln.start + q.title[0], ln.start + q.title[1])
            kind = kind_of(ln.text[:q.start]) if ln.text[:q.start].strip() else None
        d = self.open(title, by="heading", ln=ln)
        d.label_kind = kind
        place = self.lines[j]
        d.room, tr = _room_and_hours(place, where)
        if tr is not None:
            d.start, d.end, d.time_span = tr.start, tr.end, tr.span
        self.consumed.add(j)
        self.extend(place)
        return True

    def _quoted_under_kind(self, ln: Line) -> bool:
        """"13h15 – 14h : Conférence (salle X), également en visio" / "« Title »": a slot that only
        names its kind (and room) takes the quoted line under it as its title."""
        cur = self.cur
        if cur is None or cur.opened_by != "slot" or cur.label_kind is not None:
            return False
        if cur.desc is not None or cur.people:
            return False  # "Plénière d'ouverture" / "Mot d'accueil de M. X" / "« Talk »": one item of the plenary
        q = labels.quoted_title(ln.text, 0)
        if q is None or q.start != 0 or ln.text[q.end:].strip(" .:"):
            return False
        m = _KIND_CAPTION.match(self.text[cur.title[0]:cur.title[1]])
        kind = kind_of(m["k"]) if m is not None else None
        if m is None or kind is None or kind in _PLACE_IN_DAY:
            return False
        if cur.room is None and m["room"] is not None and (r := rooms.room_line(m["room"], in_slot=False)) is not None:
            at = cur.title[0] + m.start("room")
            cur.room = (at + r[0], at + r[1])
        cur.title, cur.label_kind = (ln.start + q.title[0], ln.start + q.title[1]), kind
        self.extend(ln)
        return True

    def _wraps(self, i: int) -> bool:
        """Line `i` continues the description paragraph right above it (no blank line between)."""
        if i == 0 or self.lines[i - 1].blank or self.cur is None or self.cur.desc is None:
            return False
        above = self.lines[i - 1]
        if above.end != self.cur.desc[1]:
            return False
        return not above.text.rstrip().endswith(":")

    def on_para(self, i: int, ln: Line) -> None:
        if self.pending_meta is not None:
            self.pending_meta = None  # a meta line followed by prose: no title to take
        if self._under_one_line_event(ln):
            self.add_desc(ln)
            return
        if self.contact_role is not None and self._contact(ln):
            return
        self.contact_role = None
        if self.cur is not None:
            self.add_desc(ln)

    def _contact(self, ln: Line) -> bool:
        """A contact line: "Name, Function. Tél. : …, e-mail" under an organisation header."""
        head = re.split(r"[,(]", ln.text)[0].strip()
        if not (people.looks_like_name(head) or people.CIVILITY.match(ln.text)):
            return False
        mentions = people.parse_names(ln.text, base=ln.start)
        if not mentions:
            return False
        m = mentions[0]
        if self.contact_header is not None:
            # Under an organisation header the words after the name are the function.
            cut = people._cut_contact_data(self.text, m.name[1], ln.end)
            fa, fb = people._trim(self.text, m.name[1], cut)
            m = people.PersonMention(
                name=m.name, function=(fa, fb) if fa < fb else None,
                affiliation=self.contact_header, chunk=(ln.start, ln.end),
            )  # fmt: skip
        self.out.contacts.append((m, self.contact_role or "contact"))
        return True


# A slot caption announcing parallel sessions: a plural kind word, "(au choix)", "en parallèle".
_CAPTION = re.compile(r"\b(?:ateliers|tables rondes|sessions parall[eè]les|labos|sous-groupes|workshops)\b"
                      r"|\bau choix\b|\ben parall[eè]le\b|\bparallel\b", re.IGNORECASE)
_NOTE = re.compile(r"^\[[^\]]{0,80}\]$")
# One sentence ending and the next beginning: "… to the public. Partners …".
_SENTENCE_BREAK = re.compile(r"[a-zà-ÿ)]{2}[.!?]\s+[A-ZÀ-Ý]")
# An item's length in brackets at its end: "(45 min)", "(1h30)", "(20 minutes)".
_DURATION = re.compile(r"\(\s*(?:\d{1,2}\s*h\s*(?:\d{2})?|\d{1,3}\s*min(?:utes)?\.?)\s*\)\s*$")
# A venue's name as its kind of building leads it: "Centre des congrès X", "Maison de la culture",
# "Palais des sports", "Hôtel du Département", "Espace X", "Salle des fêtes de Y".
_VENUE_HEAD = re.compile(rf"^(?:{'|'.join(rooms.VENUE_WORDS)}|salle|parc des expositions)\b(?:\s+\S+){{0,5}}$")
# A slot's text that only names its kind, perhaps with its room and a note: "Conférence (salle X),
# également accessible en visio", "Table ronde".
_KIND_CAPTION = re.compile(r"^(?P<k>[^\W\d_][\w'’-]*(?: [\w'’-]+)?)\s*(?:\((?P<room>[^()]*)\))?\s*(?:[,–—-].*)?$")
# Kinds that say where a session sits in the day, not what it is: a quoted line under them is a
# motto or a quote, not their title.
_PLACE_IN_DAY = ("pause", "ouverture", "clôture", "séance")


_BRACKETED_HOURS = re.compile(r"\((?P<r>[^()]*\d[^()]*)\)\s*:?\s*$")


def _caption_times(t: str) -> tuple[int, times.TimeRange] | None:
    """A slot caption whose hours close it in brackets ("Ateliers au choix (10h30 – 12h)"): where
    the caption ends and the range, or None."""
    m = _BRACKETED_HOURS.search(t)
    if m is None or not _caption(t[:m.start()]):
        return None
    tr = times.find_range(t)
    if tr is None or not (m.start("r") <= tr.span[0] < m.end("r")):
        return None
    return m.start(), tr


def _room_and_hours(place: Line, where: tuple[Pos, int | None]) -> tuple[Pos, times.TimeRange | None]:
    """The room and the hours a place line gives ("Corvanne – Salle des fêtes, 18h-20h"), from
    `rooms.place_line`'s reading of it, in document offsets."""
    (a, b), hours = where
    room = (place.start + a, place.start + b)
    return room, (times.find_range_at(place.text[hours:], place.start + hours) if hours is not None else None)


def _caption(t: str) -> bool:
    # "Restitution des ateliers" is one session about the workshops, not a caption over them.
    return bool(_CAPTION.search(without_complements(fold_keep(t)))) and len(t.split()) <= 8


# What sets a day heading's place apart from its date: a dash, a pipe, a middle dot, a comma.
_AFTER_DAY = re.compile(r"\s*(?:[–—|·,]|\s-)\s*")


def _day_and_place(t: str) -> tuple[dates.DateMatch, Pos] | None:
    """A day heading that says where the day is held after its date ("Mardi 6 octobre –
    Villeneuve, Maison des associations (4 rue du Port)"): the date and the venue's span; None
    for any other line (a sentence, a date with hours, a date alone)."""
    found = dates.find_dates(t)
    if not found or len(t) > 120:
        return None
    d = found[0]
    m = _AFTER_DAY.match(t, d.end)
    if m is None or dates.day_header(t[:d.end]) is None:
        return None
    rest = t[m.end():]
    if dates.find_dates(rest) or times.find_range(rest) is not None or mode_named(rest) is not None:
        return None
    r = rooms.place_room(rest) or rooms.place_field(rest)
    if r is None or not rooms.led_by_venue_word(rest[r[0]:r[1]]):
        return None  # "Mardi 6 octobre – Forum des associations": the day's event, not its place
    return d, (m.end() + r[0], m.end() + r[1])


def _prose(t: str, min_words: int) -> bool:
    """A line of running text (a description cut by the page width), not a title: enough words,
    most of them in lower case. Under a title given by a meta line, fewer words will do."""
    words = [w for w in t.split() if w[:1].isalpha()]
    return len(words) >= min_words and sum(w[:1].islower() for w in words) >= 0.6 * len(words)


def _sentence(t: str) -> bool:
    return t.rstrip().endswith((".", "!", "?", ";", ":")) and len(t.split()) >= 8


def walk(text: str, lines: list[Line], *, meta_date: str | None, top: str) -> tuple[Parsed, Walker]:
    w = Walker(text, lines, meta_date=meta_date, top=top)
    w.consumed = set()
    return w.run(), w
