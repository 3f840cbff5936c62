"""The grounded plan of an answer: which records and source sentences answer the Query, which
asked attributes they lack, or why the question is refused. `ground` builds it; `compose` words
it; both read only this and the loaded index."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from assistant.domain.models import Event, Initiative, Person, Session

Intent = Literal["session", "people", "initiative", "event", "general", "help", "recommend", "out_of_scope"]
Record = Session | Person | Initiative | Event


@dataclass(frozen=True)
class Sentence:
    """A source span quoted as a sentence of the answer."""

    doc_id: str
    start: int
    end: int


@dataclass
class Plan:
    intent: Intent
    answered: bool = True
    records: Sequence[Record] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # Asked attributes the records do not give ("room", "people", a value such as "price").
    missing: Sequence[str] = field(default_factory=list)
    # Of those, the ones the programme says are still to come ("Date à confirmer").
    pending: frozenset[str] = frozenset()
    # The event a complete list or count is scoped to (its title), or None.
    scope: str | None = None
    count: int | None = None
    # Attributes the answer shows for each session (the asked ones, or all when none is).
    show: frozenset[str] = frozenset()
    reason: str | None = None  # refusal wording key ("price", "room", …); None: generic
    via: Record | None = None  # what led to the records ("presented in" this session)
    near: bool = False  # a best hit lies very near the question in meaning (the encoder's view)

    @classmethod
    def refuse(cls, intent: str, reason: str | None = None, *, missing: Sequence[str] = (),
               records: Sequence[Record] = (), pending: frozenset[str] = frozenset()) -> Plan:
        return cls(intent=intent, answered=False, reason=reason, missing=list(missing),  # type: ignore[arg-type]
                   records=list(records), pending=pending)
