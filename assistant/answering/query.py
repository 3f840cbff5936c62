"""The understood question: one typed, frozen `Query`, built once by `understand` and read by
every later stage (retrieve, ground, compose, cite, the optional LLM check).

It says what is asked (one or several attributes), under which constraints (filters), about
what (topic terms, records the question names or the conversation is about), in which language.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from assistant.domain.models import Frozen
from assistant.language.ordinals import ItemRef

Lang = Literal["fr", "en"]

# What a question can ask for. Catalogue attributes are answered from records; logistics values
# (a price, a menu…) only from source text that holds a value of that kind.
Attribute = Literal[
    "room", "place", "date", "year", "time", "start", "end", "mode", "people", "organiser", "contact", "description", "session",
    "list", "count",
    "initiatives", "recommendation", "event", "help", "value", "task",
]
PartOfDay = Literal["morning", "afternoon", "evening"]
Mode = Literal["online", "hybrid", "in_person"]


class TimeFilter(Frozen):
    """A day and/or part of the day the question names ("mardi matin", "le 5 mars")."""

    weekday: int | None = None  # Monday = 0
    month_day: tuple[int, int] | None = None  # (month, day)
    iso_date: str | None = None
    part_of_day: PartOfDay | None = None
    day_shift: int = 0  # "le lendemain": +1 from the conversation's day
    clock: str | None = None  # "à 15h30", "at 3.30 pm": HH:MM, what runs then

    @property
    def active(self) -> bool:
        return bool(self.weekday is not None or self.month_day or self.iso_date or self.part_of_day or self.clock)


class Filters(Frozen):
    """Constraints on records, each resolved against the catalogue when it names something."""

    time: TimeFilter = Field(default_factory=TimeFilter)
    docs: frozenset[str] = frozenset()  # the event(s) the question names ("au colloque de Rouen")
    kinds: frozenset[str] = frozenset()  # session kinds named ("les tables rondes")
    mode: Mode | None = None
    room: str | None = None  # a room of the catalogue the question names
    roles: frozenset[str] = frozenset()  # roles asked for ("qui anime" -> animateur)
    item: ItemRef | None = None  # one item by rank or label ("la première séance", "l'atelier B")


class Query(Frozen):
    text: str  # the question as asked
    language: Lang
    standalone: str  # the question with its follow-up subject made explicit (for search)
    asks: frozenset[Attribute]
    values: tuple[str, ...] = ()  # logistics values asked for ("price", "meal", …)
    # The values clause by clause, when several clauses ask one each ("combien ça coûte, et
    # jusqu'à quand s'inscrire ?"): each clause is answered by a line of its own. "Le menu du
    # déjeuner" is one clause: its values stand on one line or are not given.
    value_clauses: tuple[tuple[str, ...], ...] = ()
    filters: Filters = Field(default_factory=Filters)
    # What the answer must be about: one group of acceptable stems per word of the question.
    topic: tuple[tuple[str, ...], ...] = ()
    named: tuple[str, ...] = ()  # record ids the question names (an initiative, a person)
    subject: tuple[str, ...] = ()  # record ids a follow-up is about (from the previous answer)
    follow_up: bool = False
    # A precise value asked ("la date exacte", "what time exactly"): a "date à confirmer" is none.
    exact: bool = False
    dense_text: str = ""  # what the embedder reads (the question, or previous + follow-up)

    def asks_any(self, *attributes: str) -> bool:
        return any(a in self.asks for a in attributes)
