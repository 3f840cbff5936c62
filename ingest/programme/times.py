"""Clock times and time ranges in their usual French spellings.

"14H00 - 15H30", "9h30 – 11h00", "9H00-10h30", "de 10h à 16h", "10h00 – 12h45", "14:00-15:30",
"9 h 30 / 11 h". Values come out as "HH:MM".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# English pages of French events write "9:15 am", "2:30 pm", "10 am".
_MERIDIEM = r"\s?[aApP]\.?[mM]\.?(?![\w])"
# "9.30 am", "2.15 pm": a dot between hour and minutes only with the meridiem (without it, "20.11"
# is a date).
_DOTTED = rf"\.[0-5]\d{_MERIDIEM}"
_T = rf"(?:[01]?\d|2[0-3])(?:\s?(?:[hH]\s?(?:[0-5]\d)?|:[0-5]\d)(?:{_MERIDIEM})?|{_DOTTED}|{_MERIDIEM})"
_SEP = r"\s*(?:-|–|—|‑|à|a|/|>|→|jusqu'à|to)\s*"  # "9h30 → 12h30", "9:30 to 11:00"
_MERIDIEM_RE = re.compile(r"([aApP])\.?[mM]")
RANGE_RE = re.compile(rf"(?:\b[dD][eE]\s+)?(?P<a>{_T})(?:{_SEP})(?P<b>{_T})")
TIME_RE = re.compile(rf"(?<![\d/])(?P<a>{_T})(?![\d/])")


def to_hhmm(raw: str) -> str:
    digits = re.findall(r"\d+", raw)
    hour = int(digits[0])
    minute = int(digits[1]) if len(digits) > 1 else 0
    meridiem = _MERIDIEM_RE.search(raw)
    if meridiem and meridiem.group(1).lower() == "p" and hour < 12:
        hour += 12  # "2:30 pm" is 14:30
    elif meridiem and hour == 12:
        hour = 0 if meridiem.group(1).lower() == "a" else 12
    return f"{hour:02d}:{minute:02d}"


@dataclass(frozen=True)
class TimeRange:
    start: str
    end: str | None
    span: tuple[int, int]  # offsets of the whole range inside the searched string


def find_range(s: str) -> TimeRange | None:
    """The first time range in `s` (or a lone start time when no range is written)."""
    m = RANGE_RE.search(s)
    if m:
        return TimeRange(start=to_hhmm(m["a"]), end=to_hhmm(m["b"]), span=(m.start(), m.end()))
    m = TIME_RE.search(s)
    if m and (re.search(r"[hH:]", m["a"]) or _MERIDIEM_RE.search(m["a"])):
        return TimeRange(start=to_hhmm(m["a"]), end=None, span=(m.start(), m.end()))
    return None


def find_range_at(s: str, at: int) -> TimeRange | None:
    """`find_range` of `s`, its span shifted by `at`, where `s` starts in the document."""
    tr = find_range(s)
    return TimeRange(tr.start, tr.end, (at + tr.span[0], at + tr.span[1])) if tr is not None else None


# An agenda item's number before its time: "1. 10:15 am – Welcome", "3) 14h – Pause".
_ITEM = re.compile(r"^\s*\d{1,2}\s*[.)]\s+(?=\d)")
# An open-ended slot: "à partir de 16h30 : Visite libre", "Dès 18h – Apéritif". Only with the
# separator that opens a title after the time (a dash, a colon, a middle dot, a bar, or the run of
# spaces of a programme set in columns; "Dès 9h, les portes sont ouvertes." is a sentence).
# A line holding the open-ended time alone ("From 6.30 pm", "À partir de 19h") opens a slot too.
_SINCE = re.compile(rf"(?:[àaÀA] partir de|[dD][èeÈE]s|[fF]rom)\s+(?=(?:{_T})(?:\s*[:–—·|-]\s|\s{{2,}}\S|\s*$))")


def slot_line(s: str) -> tuple[TimeRange, int] | None:
    """A line that opens a time slot: it starts with a time (range).

    Returns the range and the offset where the rest of the line (an inline title) begins.
    "14H00 - 15H30 :" -> rest is empty; "10h00 – 12h45 Travail en sous-groupes" -> rest is the
    title. A sentence that merely mentions a time is not a slot.
    """
    item = _ITEM.match(s)
    at = item.end() if item else 0
    since = _SINCE.match(s, at)
    if since is not None:
        at = since.end()
    lead = re.match(rf"^(?:[dD]e\s+)?(?:[01]?\d|2[0-3])(?:\s?[hH:]|{_DOTTED}|{_MERIDIEM})", s[at:])
    if not lead:
        return None
    tr = find_range(s)
    if tr is None or tr.span[0] != at:
        return None
    rest = tr.span[1]
    if (zone := _TIME_ZONE.match(s, rest)) is not None:
        rest = zone.end()  # "14:00 - 15:30 CET": the platform's time zone, part of the time
    while rest < len(s) and s[rest] in " :–—-,.|\t":
        rest += 1
    return tr, rest


# An event platform writes its time zone after the hours ("14:00 - 15:30 CET", "(UTC+1)").
_TIME_ZONE = re.compile(r"\s*\(?(?:CES?T|UTC|GMT)(?:\s*[+-]\s*\d{1,2})?\)?(?=\s|$|[·|–—-])")
