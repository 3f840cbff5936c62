"""French calendar dates as programmes write them: day headers and dates inside prose.

"Mardi 04 mars 2025", "jeudi 6 novembre", "vendredi 1er juillet 2016", "12 Avril 2012",
"Lundi 13/11/2017". A date without a year stays partial ("--MM-DD") until the caller gives it a
year; nothing here guesses one.
"""

from __future__ import annotations

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
    after = s[d.end :].strip(" -–—:,.()")
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
