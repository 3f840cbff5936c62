"""Calendar words and their formatting, in French and English: the one place for weekday and
month names, parts of the day, relative days, and how answers write dates and times.

Data: `lexicons/calendar.toml`. Recognising dates inside programme text is the parser's job
(`ingest/programme/dates.py`); it takes its month and weekday names from here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from assistant.language.lexicon import load, word_pattern
from assistant.language.text import fold

Lang = Literal["fr", "en"]


def weekday_names(lang: Lang) -> list[str]:
    return list(load("calendar")["weekdays"][lang])


def month_names(lang: Lang) -> list[str]:
    return list(load("calendar")["months"][lang])


@cache
def month_words() -> dict[str, int]:
    """Folded month word (full or abbreviated, French or English) -> month number."""
    data = load("calendar")["months"]
    out: dict[str, int] = {}
    for key in ("fr", "en", "fr_short", "en_short"):
        for number, words in enumerate(data[key], start=1):
            for word in words.split("|"):
                if word:
                    out[fold(word)] = number
    return out


# Words that join day or month names in a heading ("LUNDI & JEUDI", "mardi et vendredi").
_JOINERS = frozenset({"et", "and", "ou", "or"})


@cache
def _full_calendar_names() -> frozenset[str]:
    names = [w for lang in ("fr", "en") for w in weekday_names(lang)]  # type: ignore[arg-type]
    names += [w for lang in ("fr", "en") for m in month_names(lang) for w in m.split("|")]  # type: ignore[arg-type]
    return frozenset(fold(n) for n in names)


def only_calendar_words(text: str) -> bool:
    """The text is nothing but day or month names ("MARDI", "LUNDI & JEUDI", "JANVIER"): a
    heading of the calendar (a weekly activity's day, a month of events), never a room or a
    place, however it is set in capitals."""
    words = re.findall(r"[^\W\d_]+", fold(text))
    names = _full_calendar_names()
    return any(w in names for w in words) and all(w in names or w in _JOINERS for w in words)


@cache
def weekday_words() -> dict[str, int]:
    """Folded weekday word (full or abbreviated, French or English) -> 0 (Monday) … 6."""
    data = load("calendar")["weekdays"]
    return {fold(word): number for key in ("fr", "en", "fr_short", "en_short")
            for number, word in enumerate(data[key])}


@dataclass(frozen=True)
class PartOfDay:
    name: str  # morning | afternoon | evening
    start_hour: int
    end_hour: int
    pattern: re.Pattern[str]

    def covers(self, hhmm: str) -> bool:
        return self.start_hour <= int(hhmm[:2]) < self.end_hour


@cache
def parts_of_day() -> tuple[PartOfDay, ...]:
    parts = []
    for name, entry in load("calendar")["parts_of_day"].items():
        words = [re.escape(fold(w)) for w in entry["fr"] + entry["en"]]
        parts.append(PartOfDay(name, entry["hours"][0], entry["hours"][1], word_pattern(words)))
    return tuple(parts)


def part_of_day_named(text: str) -> PartOfDay | None:
    """The part of the day a text names ("mardi matin", "late afternoon"), if any; the longest
    phrase wins ("fin d'après-midi" is the evening, not the afternoon)."""
    folded = fold(text)
    found = [(m.end() - m.start(), p) for p in parts_of_day() if (m := p.pattern.search(folded))]
    return max(found, key=lambda x: x[0])[1] if found else None


def without_parts_of_day(text: str) -> str:
    """Folded text with its part-of-day phrases blanked: "en fin de journée" is a time, not an
    event called a journée."""
    folded = fold(text)
    for p in parts_of_day():
        folded = p.pattern.sub(" ", folded)
    return folded


# A clock time the question asks about: "à 15h30", "vers 14 h", "at 3.30 pm", "at 15:30", "3pm".
CLOCK = re.compile(r"\b(?:(?:a|vers|at|around)\s+(?P<h>\d{1,2})\s*(?:h|:|\.)\s*(?P<m>\d{2})?(?:\s*(?P<ap>am|pm))?"
                   r"|(?P<h2>\d{1,2})(?:[.:](?P<m2>\d{2}))?\s*(?P<ap2>am|pm))\b")


def clock_named(text: str) -> str | None:
    """The clock time a question names, as HH:MM (12-hour times made 24-hour), if any."""
    m = CLOCK.search(fold(text))
    if m is None:
        return None
    hour = int(m.group("h") or m.group("h2"))
    minute = int(m.group("m") or m.group("m2") or 0)
    if (m.group("ap") or m.group("ap2")) == "pm" and hour < 12:
        hour += 12
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


@cache
def _relative() -> tuple[tuple[re.Pattern[str], int], ...]:
    table = load("calendar")["relative_days"]
    return tuple((word_pattern([re.escape(fold(w))]), shift) for w, shift in table.items())


def relative_day(text: str) -> int:
    """+1 for "le lendemain" / "the next day", -1 for "la veille" / "the day before", else 0."""
    folded = fold(text)
    return next((shift for rx, shift in _relative() if rx.search(folded)), 0)


# -- formatting ---------------------------------------------------------------------------
def day_label(iso: str | None, lang: Lang) -> str | None:
    """ "mardi 4 mars 2025" / "Tuesday 4 March 2025"; a partial "--11-06" -> "6 novembre"
    (without a year the weekday cannot be known, so none is written)."""
    if not iso:
        return None
    months = month_names(lang)
    try:
        if iso.startswith("--"):
            month, day = int(iso[2:4]), int(iso[5:7])
            return f"{_day(day, lang)} {months[month - 1]}"
        d = dt.date.fromisoformat(iso[:10])
    except (ValueError, IndexError):
        return iso
    return f"{weekday_names(lang)[d.weekday()]} {_day(d.day, lang)} {months[d.month - 1]} {d.year}"


def _day(day: int, lang: Lang) -> str:
    return "1er" if lang == "fr" and day == 1 else str(day)


def time_text(hhmm: str, lang: Lang) -> str:
    """ "9h00" / "9:00" (French programmes write the minutes, so answers do too)."""
    h, _, m = hhmm.partition(":")
    return f"{int(h)}h{m or '00'}" if lang == "fr" else f"{int(h)}:{m or '00'}"


def time_label(start: str | None, end: str | None, lang: Lang) -> str | None:
    if start and end:
        return f"{time_text(start, lang)}–{time_text(end, lang)}"
    if start:
        return f"à partir de {time_text(start, lang)}" if lang == "fr" else f"from {time_text(start, lang)}"
    return None


@cache
def from_today_words() -> re.Pattern[str]:
    """Days named from today ("hier soir", "demain", "tonight"): set aside from a topic."""
    table = load("calendar")["from_today"]
    return word_pattern([re.escape(fold(w)) for lang in ("fr", "en") for w in table[lang]])


@cache
def relative_day_words() -> re.Pattern[str]:
    """The relative-day phrases ("le lendemain", "the day before"), to set aside from a topic."""
    return word_pattern([re.escape(fold(w)) for w in load("calendar")["relative_days"]])
