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

from assistant.language import calendar, kinds
from assistant.language.glossary import french_for
from assistant.language.lexicon import load
from assistant.language.text import (
    ENGLISH_STOPWORDS,
    FRENCH_STOPWORDS,
    content_terms,
    fold,
    strip_elisions,
)

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


# -- quantities: "combien de bénévoles ?" is answered by "140 bénévoles", not by a number that
# belongs to a name, a date, a year, a time, a phone number or a postcode ---------------------
_QUANTITY = re.compile(r"(?<![\w°/.,:-])(\d{1,3}(?:[ \u00a0\u202f,]\d{3}(?!\d))+|\d+)(?:[.,]\d+)?(?![\w/:-]|[.,]\d)")
_PHONE = re.compile(r"(?:\d{2}[ .\u00a0]){4}\d{2}")
_NAMED_BEFORE = re.compile(r"(?:^|[\s(])([A-ZÀ-Ý][\w'’-]*)\s+$")  # "Passerelles 82", "Atelier 4"
_CAPITAL_AFTER = re.compile(r"^\s+[A-ZÀ-Ý]")  # "38000 Grenoble"
_WORD_AFTER = re.compile(r"^\s+([^\W\d_]+)")
_YEARS = range(1900, 2100)
_TAIL_WORDS = re.compile(r"((?:[^\W\d_]+\s+)?[^\W\d_]+)\s+$")  # the two words right before a number
# Words a number follows when it names a room, a page, an item rather than counting (folded).
_NUMBERING_BEFORE = re.compile(r"\b(?:salles?|room|n|no|numero|number|page|etage|floor|bureau|porte|batiment|bat|"
                               r"tel|phone|item|items|point|article|art|lot)\W{0,3}$")
# Capitalised words that may open a sentence before a count ("Plus de 600", "Les 140 bénévoles").
_STOPWORDS_OF_NAMES = FRENCH_STOPWORDS | ENGLISH_STOPWORDS | frozenset(
    {"plus", "moins", "environ", "pres", "presque", "quelque", "deja", "about", "around", "nearly", "over",
     "almost", "some", "already", "more", "fewer", "less"})


def _is_quantity(text: str, m: re.Match[str]) -> bool:
    digits = re.sub(r"\D", "", m.group(1))
    before, after = text[:m.start()], text[m.end():]
    if len(digits) == 4 and digits == m.group(1) and int(digits) in _YEARS:
        return False  # "depuis 2023", "en 2025": a year
    if len(digits) == 5 and _CAPITAL_AFTER.match(after):
        return False  # a postcode before its town
    named = _NAMED_BEFORE.search(before)
    if named and fold(named.group(1)) not in _STOPWORDS_OF_NAMES:
        return False  # the number of a name or a numbered item, not a count
    tail = _TAIL_WORDS.search(before)
    if _NUMBERING_BEFORE.search(fold(before)) or (tail and kinds.kinds_named(tail.group(1))):
        return False  # "salle 2.04", "atelier 3", "n° 12": a number that names, not one that counts
    word = _WORD_AFTER.match(after)
    following = fold(word.group(1)) if word else None
    # A day before its month ("18 novembre") is a date; "14 heures" a time.
    return not (following and (following in _calendar() or following in _HOURS))


def quantity_spans(text: str) -> list[tuple[int, int]]:
    """Where a text writes a number that counts something ("plus de 600 participants", "87
    témoignages", "quatre groupes"), in order: not years, dates, times, phone numbers, postcodes,
    nor the number in a name ("Passerelles 82") or of a numbered item ("Atelier 4")."""
    masked = _PHONE.sub(lambda m: "#" * len(m.group()), text)
    found = [m.span(1) for m in _QUANTITY.finditer(masked) if _is_quantity(masked, m)]
    words = list(re.finditer(r"[^\W\d_]+", text))
    for word, nxt in zip(words, words[1:], strict=False):
        # "quatre groupes": a number word before a lower-case content word ("Les Quatre Vents" is a name).
        w, n = word.group(), nxt.group()
        if w[:1].islower() and number_word(fold(w)) is not None and n[:1].islower() and _unit(fold(n)) is not None:
            found.append(word.span())
    return sorted(found)


def quantities(text: str) -> list[str]:
    """The counting numbers of a text, as written (`quantity_spans`)."""
    return [text[a:b] for a, b in quantity_spans(text)]


def states_a_quantity(text: str) -> bool:
    return bool(quantities(text))
