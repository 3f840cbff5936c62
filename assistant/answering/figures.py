"""The figures a text states, for checking a generated sentence against its sources.

A figure is a time (hour, minute) or a number, in digits or in words, with the word it counts when
one follows it ("30 personnes", "120 places"). Comparing bare values is not enough: a small model
asked about attendance writes "30 personnes ont assisté" from a source that only says "15h30",
or "6 ateliers" from "6 mars". So a time only matches a time, and a count only matches the same
number counting the same thing (compared by stem, English through the glossary).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.language import calendar
from assistant.language.glossary import french_for
from assistant.language.lexicon import load
from assistant.language.text import content_terms, fold, strip_elisions

# A time ("14h", "9 h 30", "14:30"), a number, or a word, in folded text.
_TOKEN = re.compile(r"(\d{1,2})(?:\s?h\s?(\d{2})?(?![\d\w])|:(\d{2})(?!\d))|(\d+)|([^\W\d_]+)")
_HOURS = frozenset({"heure", "heures", "hour", "hours"})


@dataclass(frozen=True)
class Figure:
    value: tuple[int, ...]  # (hour, minute) for a time, (n,) for a number
    unit: str | None = None  # the word right after a number, when it is a content word


@cache
def _calendar() -> frozenset[str]:
    return frozenset({**calendar.weekday_words(), **calendar.month_words()})


def number_word(word: str) -> int | None:
    """The value of a folded number word ("trente", "centaines", "fifty"), else None."""
    words: dict[str, int] = load("numbers")["words"]
    if word in words:
        return words[word]
    return words.get(word[:-1]) if word.endswith(("s", "x")) else None


def _unit(word: str | None) -> str | None:
    """The word a number counts: a content word, not a day, a month or another number."""
    if word is None or word in _calendar() or number_word(word) is not None:
        return None
    return word if content_terms(word) else None


def figures(text: str) -> list[Figure]:
    """Every time and number a text writes, in order."""
    toks = [m.groups() for m in _TOKEN.finditer(strip_elisions(fold(text)))]
    out = []
    for i, (hour, minute, colon_minute, digits, word) in enumerate(toks):
        following = toks[i + 1][4] if i + 1 < len(toks) else None
        if hour is not None:
            out.append(Figure((int(hour), int(minute or colon_minute or 0))))
            continue
        value = int(digits) if digits is not None else number_word(word or "")
        if value is None:
            continue
        if following in _HOURS:  # "14 heures" is the time 14h00
            out.append(Figure((value, 0)))
        else:
            out.append(Figure((value,), _unit(following)))
    return out


def _same_thing(unit: str, other: str | None) -> bool:
    if other is None:
        return False
    alts = set(content_terms(unit))
    for fr in french_for(unit):
        alts.update(content_terms(fr))
    return bool(alts & set(content_terms(other)))


def unquoted_figure(sentence: str, evidence: str) -> Figure | None:
    """The first figure of `sentence` that `evidence` does not state, None when all are stated."""
    stated = figures(evidence)
    for fig in figures(sentence):
        same = [f for f in stated if f.value == fig.value]
        if not same or (fig.unit and not any(_same_thing(fig.unit, f.unit) for f in same)):
            return fig
    return None
