"""Kinds of programme items (atelier, table ronde, pause…) and of events (colloque, forum…),
from the words programmes and questions use. Data: `lexicons/kinds.toml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from assistant.language.lexicon import load, word_pattern
from assistant.language.text import fold


@dataclass(frozen=True)
class Kind:
    id: str
    fr: str
    en: str
    is_break: bool
    pattern: re.Pattern[str]  # French and English words, folded
    family: str  # kinds of one family answer for each other in a question ("atelier", "table ronde")
    generic: bool = False  # "séance", "session": any item of a programme, no filter in a question
    asked: re.Pattern[str] | None = None  # words for the kind in questions only ("trucs", "events")


@cache
def _kinds(table: Literal["session", "event"]) -> tuple[Kind, ...]:
    return tuple(Kind(id=e["id"], fr=e["fr"], en=e["en"], is_break=bool(e.get("break")),
                      pattern=word_pattern(e["words_fr"] + e["words_en"]), family=e.get("family", e["id"]),
                      generic=bool(e.get("generic")),
                      asked=word_pattern(e["asked_fr"] + e["asked_en"]) if "asked_fr" in e else None)
                 for e in load("kinds")[table])


@cache
def programme_kinds() -> tuple[Kind, ...]:
    """Kinds of programme items the session kinds have no word for (a ciné-débat, a village of
    stands, a show), the last of them "autre": programmes name them, questions do not filter by
    them."""
    return tuple(Kind(id=e["id"], fr=e["fr"], en=e["en"], is_break=False,
                      pattern=word_pattern(e["words_fr"] + e["words_en"]), family=e["id"])
                 for e in load("kinds")["programme"])


def session_kinds() -> tuple[Kind, ...]:
    return _kinds("session")


def event_kinds() -> tuple[Kind, ...]:
    return _kinds("event")


def session_kind_of(text: str) -> Kind | None:
    """The first (most specific) session kind whose words occur in a title, label or caption."""
    folded = fold(text)
    return next((k for k in session_kinds() if k.pattern.search(folded)), None)


def kinds_named(text: str) -> set[str]:
    """Every session kind a question names ("les ateliers et les tables rondes")."""
    folded = fold(text)
    return {k.id for k in session_kinds() if k.pattern.search(folded) or (k.asked and k.asked.search(folded))}


def event_kind_said(text: str) -> tuple[Kind, str] | None:
    """The event kind a text names, with the (folded) words that name it ("steering committee")."""
    folded = fold(text)
    return next(((k, m.group(0)) for k in event_kinds() if (m := k.pattern.search(folded))), None)


def event_kind_named(text: str) -> Kind | None:
    said = event_kind_said(text)
    return said[0] if said else None


@cache
def kind_label(kind_id: str | None, lang: Literal["fr", "en"]) -> str:
    """How an answer names a kind; a kind the lexicon does not know is shown as written."""
    for k in (*session_kinds(), *programme_kinds(), *event_kinds()):
        if k.id == kind_id:
            return k.fr if lang == "fr" else k.en
    return kind_id or ("séance" if lang == "fr" else "session")


# The words after which a kind's name is its complement, which stays as it is in the plural
# ("comités de pilotage", "appels à participation", "calls for contributions").
_COMPLEMENT = frozenset({"de", "d'", "du", "des", "à", "au", "for", "of"})


def _plural_word(word: str, lang: Literal["fr", "en"]) -> str:
    if word.endswith(("s", "x", "z")):
        return word  # "rendez-vous", "rencontres", "series"
    if lang == "en" and len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"  # "plenaries"
    return word + "s"


def kind_plural(kind_id: str | None, lang: Literal["fr", "en"]) -> str:
    """A kind's name in the plural, for counts ("3 tables rondes", "2 round tables"): in French
    each word of the head takes the mark ("tables rondes", "comptes rendus"), in English the head
    noun (its last word); a complement stays as it is."""
    words = kind_label(kind_id, lang).split()
    head = next((i for i, w in enumerate(words) if w in _COMPLEMENT), len(words))
    marked = range(head) if lang == "fr" else (head - 1,)
    return " ".join(_plural_word(w, lang) if i in marked else w for i, w in enumerate(words))


def family_of(kind_id: str | None) -> str | None:
    """The family of a session kind; a kind the lexicon does not know is its own family."""
    return next((k.family for k in session_kinds() if k.id == kind_id), kind_id)


def is_generic(kind_id: str) -> bool:
    """A kind word that names any programme item ("combien de séances ?" counts the webinars too)."""
    return any(k.generic for k in session_kinds() if k.id == kind_id)
