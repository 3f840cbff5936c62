"""What a question asks for: attributes (room, date, people, list, count…) and logistics
values (a price, a menu…), read from how people ask in French and English.

Data: `assistant/language/lexicons/asking.toml` and `values.toml`. Pure functions of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.answering.query import Attribute
from assistant.language import calendar
from assistant.language.lexicon import load, word_pattern
from assistant.language.text import fold, fold_kept

_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_CONVERSATION = ("filler", "anaphora", "demonstrative", "pronoun", "frame", "self", "asker", "same_room", "exact",
                 "agenda_points")  # tables of asking.toml that are no attribute


# Tables whose entries are whole words (the others spell out their own anchors).
_WORD_TABLES = ("filler", "frame")


@cache
def _table(name: str) -> re.Pattern[str]:
    entry = load("asking")[name]
    if name in _WORD_TABLES:
        return word_pattern(entry["fr"] + entry["en"])
    return _compile(entry["fr"] + entry["en"])


@cache
def _attributes() -> tuple[tuple[Attribute, re.Pattern[str]], ...]:
    names = [name for name in load("asking") if name not in _CONVERSATION]
    return tuple((name, _table(name)) for name in names)  # type: ignore[misc]


@dataclass(frozen=True)
class Value:
    name: str
    asked: re.Pattern[str]
    evidence: re.Pattern[str]
    topical: bool  # its words also name a topic ("childcare"): asked only when nothing else is
    # What another value asked beside it is about ("la date limite d'inscription" asks a deadline,
    # "les frais d'inscription" a price): then only that other value is asked.
    qualifies: frozenset[str] = frozenset()


@cache
def values() -> tuple[Value, ...]:
    return tuple(Value(name, word_pattern(e["asked"]), _compile(e["evidence"]), bool(e.get("topical")),
                       frozenset(e.get("qualifies", ())))
                 for name, e in load("values").items())


# French questions invert their pronoun ("intervient-il", "a-t-elle"): split it off the verb.
_INVERTED = re.compile(r"-(?:t-)?(il|elle|ils|elles|on|je|tu|nous|vous)\b")


def _plain(question: str) -> str:
    """Folded question without quoted titles (a title's words, "Où va la ville ?", ask nothing),
    with inverted pronouns split from their verb, and without its time phrases ("en fin de
    journée" names a part of the day, not an event)."""
    text = _INVERTED.sub(r" \1", fold(_QUOTED.sub(" ", question)))
    for rx in (calendar.relative_day_words(), *(p.pattern for p in calendar.parts_of_day())):
        text = rx.sub(" ", text)
    return text


def attributes_asked(question: str) -> frozenset[Attribute]:
    # "Je suis animatrice jeunesse" describes the asker; it asks for no animateur.
    plain = _plain(question)
    text = _table("self").sub(" ", plain)
    found = frozenset(name for name, rx in _attributes() if rx.search(text))
    if "session" in found and _table("asker").search(plain):
        # "Je bosse dans un CCAS, quel atelier l'aprem ?": which one fits the asker.
        found |= {"recommendation"}
    return found


def values_asked(question: str, attributes: frozenset[str] = frozenset(), *,
                 names_session: bool = False) -> tuple[str, ...]:
    """Values asked: a topical one ("childcare", "transport") only when the question asks for
    nothing else ("who leads the panel on transport and childcare?" asks for people). Where and
    when go with a practical value ("où se garer ?", "à quelle heure est le déjeuner ?") unless
    the question names a session ("où a lieu l'atelier sur les transports ?")."""
    text = _plain(question)
    other = attributes - {"list", "count", "event", "mode", "description"}
    if not names_session:
        other -= {"place", "room", "date", "time"}
    asked = [v for v in values() if v.asked.search(text) and not (v.topical and other)]
    names = {v.name for v in asked}
    asked = [v for v in asked if not v.qualifies & names]
    if any(v.name == "figure" for v in asked):
        # "Combien de trajets le Taxi du cœur a-t-il faits ?", "combien de communes le bus
        # dessert-il ?": what is counted is the subject, not a practical question about taxis.
        asked = [v for v in asked if not v.topical]
    found = tuple(v.name for v in asked)
    # A head count of the event, or the places it holds, is its own value, not any figure of the text.
    return tuple(v for v in found if v != "figure") if {"attendance", "capacity"} & set(found) else found


# Where a question starts another clause: "…, et jusqu'à quand ?", "… ? Et pour se garer ?".
_CLAUSE = re.compile(r"\?|;|\b(?:et|and|puis|also)\b")


def value_clauses(question: str, attributes: frozenset[str] = frozenset(), *,
                  names_session: bool = False) -> tuple[tuple[str, ...], ...]:
    """The values each clause asks, when more than one clause asks some; else ()."""
    clauses = [values_asked(c, attributes, names_session=names_session) for c in _CLAUSE.split(question)]
    asked = tuple(c for c in clauses if c)
    return asked if len(asked) > 1 else ()


def value_given(name: str, evidence: str) -> bool:
    """Whether a text holds a value of kind `name` (an amount, a phone number, a menu word…)."""
    folded = fold_kept(evidence)
    return any(v.evidence.search(folded) for v in values() if v.name == name)


def strip_asking(question: str) -> str:
    """The folded question with its asking words, fillers and quoted titles blanked out: what
    remains is what the question is about."""
    text = _plain(question)
    for _, rx in _attributes():
        text = rx.sub(" ", text)
    for v in values():
        text = v.asked.sub(" ", text)
    for name in ("same_room", "anaphora", "filler", "frame", "exact"):
        text = _table(name).sub(" ", text)
    return text


# Attributes whose asking words are also words programmes write about what they list: kept
# for the search ("le colloque de Vernelles", "en ligne", "intervenants", "atelier").
_SEARCHED = frozenset({"event", "session", "initiatives", "mode", "people", "organiser", "contact", "recommendation"})


def search_words(question: str) -> str:
    """The folded question as the lexical search should read it: without the words that only say
    how it is asked ("dans quelle salle", "à quelle heure", "combien de", "est-ce que", "se
    tient"), which every programme line with a room or a time would otherwise match; quoted
    titles, practical values ("déjeuner"), event and session kinds stay."""
    text = _INVERTED.sub(r" \1", fold(question))
    for name, rx in _attributes():
        if name not in _SEARCHED:
            text = rx.sub(" ", text)
    for table in ("anaphora", "filler", "frame"):
        text = _table(table).sub(" ", text)
    return " ".join(text.split())


def asks_agenda_points(question: str) -> bool:
    """"Combien de points à l'ordre du jour ?", "how many items are on the agenda?"."""
    return bool(_table("agenda_points").search(fold(question)))


def asks_exact(question: str) -> bool:
    """"La date exacte", "what time exactly": a precise value, which a pending note is not."""
    return bool(_table("exact").search(fold(question)))


def points_back(question: str) -> bool:
    """A leading "et", a demonstrative, "the same…", "other…", a relative day, a bare "où ?"."""
    return bool(_table("anaphora").search(fold(question)))


def demonstrative(question: str) -> bool:
    """"Ce dispositif", "that workshop", "the same…": the previous subject, named again."""
    return bool(_table("demonstrative").search(fold(question)))


def has_pronoun(question: str) -> bool:
    return bool(_table("pronoun").search(_plain(question)))


def same_room(question: str) -> bool:
    """"Dans cette même salle", "the same room": the previous subject's room is meant."""
    return bool(_table("same_room").search(fold(question)))
