"""French calendar dates as programmes write them: day headers and dates inside prose.

"Mardi 04 mars 2025", "jeudi 6 novembre", "vendredi 1er juillet 2016", "12 Avril 2012",
"Lundi 13/11/2017". A date without a year stays partial ("--MM-DD") until the caller gives it a
year; nothing here guesses one.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from assistant.language import calendar
from assistant.language.text import fold

from . import times
from .lines import fold_keep

# Month and weekday words of the genre lexicon (language.calendar): French and English, full
# and abbreviated months ("3 févr. 2026", "Oct 9"), full weekday names.
MONTHS = calendar.month_words()
WEEKDAYS = tuple(fold(w) for lang in ("fr", "en") for w in calendar.weekday_names(lang))  # type: ignore[arg-type]

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_ALT = "|".join(WEEKDAYS)
# Weekdays as programmes abbreviate them before a date ("Mer. 12/03", "Merc. 25 mars", "Thu 12/03").
_DAY_ABBR = "lun|mar|merc|mer|jeu|ven|sam|dim|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun"
# Works on folded text (same length as the source for French: folding only drops accents).
DATE_RE = re.compile(
    rf"\b(?:(?P<wd>{_DAY_ALT}|{_DAY_ABBR})\.?\s+)?(?P<d>[0-3]?\d)(?:er|st|nd|rd|th)?\s+(?P<m>{_MONTH_ALT})\.?"
    rf"(?:\s+(?P<y>(?:19|20)\d\d))?\b"
)
# English order: "Thursday, October 9, 2025", "Oct 9".
DATE_EN_RE = re.compile(
    rf"\b(?:(?P<wd>{_DAY_ALT}),?\s+)?(?P<m>{_MONTH_ALT})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
)
# "14/10/2025", "14.10.2025", "14-10-2025", "14/10/25"; never inside a longer run of numbers (a
# phone number "04.73.12.34.56").
NUMERIC_RE = re.compile(
    rf"(?<![\d./-])\b(?:(?P<wd>{_DAY_ALT}|{_DAY_ABBR})\.?\s+)?(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)"
    r"(?P<y>(?:19|20)\d\d|\d\d)\b(?![./-]\d)"
)
# "Mer. 12/03", "jeudi 12.03": a day and month without the year, only after a weekday (a bare
# "12/03" is as often a ratio or a reference as a date).
NUMERIC_SHORT_RE = re.compile(
    rf"\b(?P<wd>{_DAY_ALT}|{_DAY_ABBR})\.?\s+(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)\b(?![./-]\d)(?P<y>)"
)
MONTH_YEAR_RE = re.compile(rf"\b(?P<m>{_MONTH_ALT})\s+(?P<y>(?:19|20)\d\d)\b")
# What may stand before a day header's date: "Jour 2 –", "Day 2 –", "le" ("le 3 févr. 2026 –
# 18h"), a cycle's meeting number ("1 | jeudi 16/10/2025", "3. le 11 décembre").
_DAY_PREFIX = re.compile(r"^(?:(?:jour|journee|day|j)\s*\d+\s*[·:–—\-|]?|(?:n\s*o?\s*)?\d{1,2}(?:\s+le)?|le|on)\s*$")


_DECORATION = re.compile(r"[^\w\s]|_")
# An event over two days, as agenda cards stamp it: "DU VEN 10 AU SAM 11 AVR", "du 10 au 11 avril
# 2026". The event starts on the first day; the month (and year) are the second date's.
_FROM_DAY = re.compile(rf"^du\s+(?:(?:{_DAY_ALT}|{_DAY_ABBR})\.?\s+)?(?P<d>[0-3]?\d)(?:er)?\s+au\s*$")


@dataclass(frozen=True)
class DateMatch:
    start: int  # offsets relative to the string that was searched
    end: int
    month: int
    day: int
    year: int | None
    weekday: bool

    def iso(self, year: int | None = None) -> str:
        y = self.year or year
        return (
            f"{y:04d}-{self.month:02d}-{self.day:02d}"
            if y
            else f"--{self.month:02d}-{self.day:02d}"
        )


def _folded(s: str) -> str:
    return fold_keep(s)


def find_dates(s: str) -> list[DateMatch]:
    """All dates in `s`, in order, with offsets into `s`."""
    f = _folded(s)
    found: list[DateMatch] = []
    for rx in (DATE_RE, DATE_EN_RE, NUMERIC_RE, NUMERIC_SHORT_RE):
        for m in rx.finditer(f):
            month = MONTHS[m["m"]] if m["m"] in MONTHS else int(m["m"])
            day = int(m["d"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            year = int(m["y"]) if m["y"] else None
            if year is not None and year < 100:
                year += 2000  # "14/10/25"
            found.append(
                DateMatch(
                    start=m.start(), end=m.end(), month=month, day=day, year=year, weekday=bool(m["wd"]),
                )
            )  # fmt: skip
    found.sort(key=lambda d: (d.start, -d.end))
    # One date read by two patterns ("9 October" inside "Thursday 9 October 2025") counts once.
    kept: list[DateMatch] = []
    for d in found:
        if not kept or d.start >= kept[-1].end:
            kept.append(d)
    return kept


def day_header(s: str) -> DateMatch | None:
    """A line that is a day header: the date is (almost) the whole line.

    "Mardi 04 mars 2025", "Jeudi 12 juin :", "MERCREDI 5 MARS 2025 – matin". A date inside a
    sentence is not a header; a bare numeric date needs its weekday to count (it is too often a
    publication date).
    """
    dates = find_dates(s)
    if not dates:
        return None
    d = dates[0]
    # Pictograms and bullets that decorate a header ("▶ LUNDI 23 MARS", "📅 Jeudi 2 avril") say
    # nothing: only words before the date can make it a sentence rather than a header.
    before = _DECORATION.sub("", s[: d.start]).strip()
    # A note in brackets on how the day runs ("– matinée de visites (sur inscription, 25 places)")
    # is no sentence around the date.
    after = re.sub(r"\s*\([^()]*\)\s*$", "", s[d.end :]).strip(" -–—:,.()")
    span_from = _FROM_DAY.match(fold(before))
    if span_from is not None and 1 <= int(span_from["d"]) < d.day:
        start = len(s) - len(s.lstrip())
        d = DateMatch(start, d.end, d.month, int(span_from["d"]), d.year, True)
        before = ""
    # A time range after the date is part of the header ("MARDI 7 OCTOBRE 2025, DE 09:15 À 12:30").
    tr = times.find_range(after)
    if tr is not None:
        after = (after[: tr.span[0]] + after[tr.span[1] :]).strip(" -–—:,.()")
        after = re.sub(r"^(?:de|from)\b", "", after.strip(), flags=re.I).strip()
    if (before and not _DAY_PREFIX.match(fold(before))) or len(after.split()) > 3:
        return None
    if not d.weekday and d.year is None:
        return None
    return d


def front_year(s: str) -> int | None:
    """A year announced as "MARS 2025" / "mars 2025" (a cover page), if any."""
    m = MONTH_YEAR_RE.search(_folded(s))
    return int(m["y"]) if m else None


# -- A date completed from its page ----------------------------------------------------------
# A programme writes its year once (title, header, introduction) and its items as "jeudi 12
# mars" or even "samedi 28": the year and the month come from the page, the weekday (when
# written) checks them. Nothing is guessed: without a year or month the page gives, the date
# stays partial.


def weekday_written(s: str) -> int | None:
    """The weekday a date text opens with ("Sam. 28", "jeudi 12 mars"): 0 = Monday … 6, or None."""
    m = re.match(rf"\W*(?P<wd>{_DAY_ALT}|{_DAY_ABBR})\b", _folded(s))
    # Every weekday word, full or abbreviated, French or English, starts with its own 3 letters.
    return calendar.weekday_words().get(m["wd"][:3]) if m else None


def agrees(year: int, month: int, day: int, weekday: int | None) -> bool:
    """The day exists in that month and year, and falls on the written weekday (if any)."""
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        return False
    return weekday is None or date.weekday() == weekday


# "samedi 28", "Sam. 28", "le 28" opening a line or a field, before a separator, a time or the
# line's end: a day of the month whose month is the context's (the week or day heading above).
# Not "28 novembre" (a full date) nor "28/11"; "le 28" only before a separator or a time.
_DAY_ONLY = re.compile(
    rf"^[^\w]*(?:(?P<wd>{_DAY_ALT}|{_DAY_ABBR})\.?|le)\s+(?P<d>[0-3]?\d)(?:er)?"
    rf"(?=\s*(?:$|[|·•›:–—-]|[0-2]?\d\s*h|[0-2]?\d:\d\d))"
)


@dataclass(frozen=True)
class DayOnly:
    start: int
    end: int
    day: int
    weekday: int | None


def day_only(s: str) -> DayOnly | None:
    """A day written without its month at the start of `s` ("samedi 28 | 10h-12h | …")."""
    m = _DAY_ONLY.match(_folded(s))
    if m is None or not 1 <= int(m["d"]) <= 31:
        return None
    start = m.start("wd") if m["wd"] else len(s) - len(s.lstrip(" \t"))
    return DayOnly(start, m.end(), int(m["d"]), weekday_written(s[start:]))


def day_only_header(s: str) -> DayOnly | None:
    """A line that is only a weekday and its day ("SAMEDI 23", "Dimanche 24 – 14h-18h")."""
    d = day_only(s)
    if d is None or d.weekday is None:
        return None
    after = s[d.end:].strip(" -–—:,.()")
    tr = times.find_range(after)
    if tr is not None:
        after = (after[: tr.span[0]] + after[tr.span[1] :]).strip(" -–—:,.()")
    return d if len(after.split()) <= 3 else None


# "du 18 au", "du 30 novembre au", "du lundi 30 novembre 2026 au": the first day of a range whose
# last day follows ("… 6 décembre").
_RANGE_FROM = re.compile(
    rf"\bdu\s+(?:(?:{_DAY_ALT}|{_DAY_ABBR})\.?\s+)?(?P<d>[0-3]?\d)(?:er)?(?:\s+(?P<m>{_MONTH_ALT})\.?)?"
    rf"(?:\s+(?:19|20)\d\d)?\s+(?:au|a)\s+(?:(?:{_DAY_ALT}|{_DAY_ABBR})\.?\s+)?$"
)
# An e-mail's header words ("Envoyé : mardi 10 février 2026 09:12"): when it left, not the event.
_MAIL_WORDS = r"envoye|sent|date d'envoi|recu|received"
# Lines whose date is when the page was written or sent, not a day of the programme.
_STAMP_LINE = re.compile(rf"^\W*(?:publie|mis a jour|mise a jour|{_MAIL_WORDS})\b")


def _next_month(year: int | None, month: int) -> tuple[int | None, int]:
    return (year + 1 if year else None, 1) if month == 12 else (year, month + 1)


def day_in_context(day: int, weekday: int | None, above: str, year: int | None) -> tuple[int | None, int] | None:
    """(year, month) of a day written without its month, from the text `above` it.

    The nearest date above gives the month: a week heading's range ("du 30 novembre au 6
    décembre": the 30th is November's, the 5th December's), else the previous item, the days
    running in order (a smaller day than its is next month's). A written weekday must agree:
    it chooses between the context's months, and none agreeing leaves the day undated.
    """
    found = [d for d in find_dates(above) if not stamp_at(above, d.start)]
    if not found:
        return None
    last = found[-1]
    y = last.year or year
    f = _folded(above)
    frm = _RANGE_FROM.search(f, max(0, last.start - 60), last.start)
    months: list[tuple[int | None, int]] = [(y, last.month), _next_month(y, last.month)]
    if frm is not None and frm["m"] and MONTHS[frm["m"]] != last.month:
        first = (y - 1 if y and MONTHS[frm["m"]] > last.month else y, MONTHS[frm["m"]])
        months = [first, (y, last.month)] if day >= int(frm["d"]) else [(y, last.month), first]
    elif frm is None and day < last.day:
        months.reverse()  # days in order: a smaller day is the next month's
    if weekday is None or y is None:
        return months[0]
    return next(((yy, m) for yy, m in months if yy and agrees(yy, m, day, weekday)), None)


def stamp_at(text: str, at: int) -> bool:
    """The date at offset `at` is a page's or a mail's stamp ("Publié le 28 août · Mis à jour
    le …", "Envoyé : …") or a letter's dateline: when it was written or sent, not a day of the
    programme."""
    bol = text.rfind("\n", 0, at) + 1
    eol = text.find("\n", at)
    return bool(_STAMP_LINE.match(_folded(text[bol:at]))) or _dateline(text[bol:eol if eol >= 0 else len(text)])


def stamp_line(line: str) -> bool:
    """A page's byline: "Publié le 4 mars 2026 | Mis à jour le … · Temps de lecture : 6 min"; a
    letter's dateline."""
    return (bool(_STAMP_LINE.match(_folded(line))) and bool(find_dates(line))) or _dateline(line)


# A letter's dateline, the town where it is written and the day: "Guéret, le 2 février 2026",
# "À Moulins, le 16 janvier 2026", "Fait à Tours, le 3 mars 2026". The whole line, nothing after
# the date: "Rendez-vous à Tours, le 3 mars 2026 à 9h" is the event's.
_DATELINE = re.compile(rf"^\W*(?:fait\s+)?(?:a\s+)?(?!(?:{_DAY_ALT})\b)[a-z][a-z'’ -]{{1,40}},\s*le\s+$")


def _dateline(line: str) -> bool:
    found = find_dates(line)
    if not found or len(line) > 80:
        return False
    d = found[0]
    return bool(_DATELINE.match(_folded(line[:d.start]))) and not line[d.end:].strip(" .")


# "2025-2026", "2025/2026", "saison 2025 – 2026": a season over two years (school or university
# year): September–December are the first year's, January–August the second's.
_SEASON = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)\s*[-/–]\s*((?:19|20)\d\d)(?![\d/.-])")
# "d'octobre 2025 à avril 2026", "de septembre 2025 à juin 2026": the months a page runs over.
_MONTH_SPAN = re.compile(
    rf"\b(?:d'|de\s+|du\s+mois\s+d'|from\s+)(?P<m1>{_MONTH_ALT})\.?\s+(?P<y1>(?:19|20)\d\d)\s+"
    rf"(?:a|au|jusqu'a|jusqu'en|to|until)\s+(?P<m2>{_MONTH_ALT})\.?\s+(?P<y2>(?:19|20)\d\d)\b"
)
# A year standing alone in a title or heading ("Programme 2026", "Quinzaine … 2026"); not part
# of a number, a reference ("n° 2026-12") or a date.
_LONE_YEAR = re.compile(r"(?<![\d/.\-°])\b((?:19|20)\d\d)\b(?![\d/.\-])")
HEAD_CHARS = 1500  # the title, header and introduction of a page, where it says its year


@dataclass(frozen=True)
class PageYears:
    """The years a page gives for its dates, from its title, header and introduction."""
    season: int | None = None  # first year of a season "2025-2026"
    span: tuple[tuple[int, int], tuple[int, int]] | None = None  # (year, month) first and last
    years: tuple[int, ...] = ()  # the years its title and head name, in order
    stamp: int | None = None  # the year it was published or sent: the event's, or the next

    def year_for(self, month: int, day: int, weekday: int | None) -> int | None:
        """The year of a day and month the page writes without one; None when the page does not
        say (or none of its years falls on the written weekday)."""
        for years in self._candidates(month):
            fits = [y for y in years if agrees(y, month, day, weekday)]
            if weekday is None:
                if len(years) == 1 and fits:
                    return fits[0]
                continue  # several years and no weekday to choose: another source may say
            if fits:
                return fits[0]
        return None

    def _candidates(self, month: int) -> list[list[int]]:
        out: list[list[int]] = []
        if self.season is not None:
            out.append([self.season if month >= 9 else self.season + 1])
        if self.span is not None:
            (y1, m1), (y2, m2) = self.span
            out.append([y for y in range(y1, y2 + 1) if (y1, m1) <= (y, month) <= (y2, m2)])
        if self.years:
            out.append(list(dict.fromkeys(self.years)))
        if self.stamp is not None:
            out.append([self.stamp, self.stamp + 1])
        return [c for c in out if c]


def page_years(text: str, title: str | None = None) -> PageYears:
    """What a page's title and head say of its year(s)."""
    head = f"{title or ''}\n{text[:HEAD_CHARS]}"
    f = _folded(head)
    season = next((int(m[1]) for m in _SEASON.finditer(f) if int(m[2]) == int(m[1]) + 1), None)
    sp = _MONTH_SPAN.search(f)
    span = ((int(sp["y1"]), MONTHS[sp["m1"]]), (int(sp["y2"]), MONTHS[sp["m2"]])) if sp else None
    stamp = None
    years: list[int] = []
    for d in find_dates(head):
        if d.year and stamp_at(head, d.start):
            stamp = stamp or d.year
    for line in f.splitlines():
        if _STAMP_LINE.match(line) or _SEASON.search(line):
            continue
        years += [int(m[1]) for m in _LONE_YEAR.finditer(line)]
    return PageYears(season=season, span=span, years=tuple(years), stamp=stamp)
