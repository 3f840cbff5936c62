"""Typed, frozen models for everything that crosses a module or process boundary.

Offsets (`start`, `end`) always index the served document text (`Document.text`), and every
`quote` equals `text[start:end]` exactly.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Span(Frozen):
    """An exact span of a served document: the provenance of one record or one field."""

    doc_id: str
    start: int
    end: int
    quote: str


class Citation(Frozen):
    n: int = Field(1, description="Number used in the answer text as [n]")
    doc_id: str
    title: str
    quote: str
    start: int
    end: int
    score: float = 0.0


class DocumentInfo(Frozen):
    doc_id: str
    title: str
    kind: str | None = None
    date: str | None = None
    date_end: str | None = None
    place: str | None = None
    organiser: str | None = None
    source: str = Field(description="File name inside the corpus folder")
    sha256: str
    chars: int


class Document(DocumentInfo):
    text: str


class Passage(Frozen):
    id: str
    doc_id: str
    title: str
    section: str = ""
    text: str
    start: int
    end: int
    score: float = 0.0
    kind: Literal["passage", "session", "person", "initiative", "event"] = "passage"


class SessionPerson(Frozen):
    person_id: str
    name: str
    role: str | None = Field(None, description="Role in this session: animateur, intervenant, contact")


class Event(Frozen):
    id: str
    title: str
    doc_id: str
    place: str | None = None
    date: str | None = None
    date_end: str | None = None
    organiser: str | None = None
    citation: Citation
    fields: dict[str, Span] = Field(default_factory=dict)


class Session(Frozen):
    id: str
    title: str
    kind: str | None = None
    event: str | None = None
    doc_id: str
    date: str | None = Field(None, description="ISO date; '--MM-DD' when the year is unknown")
    start: str | None = Field(None, description="HH:MM")
    end: str | None = Field(None, description="HH:MM")
    room: str | None = None
    mode: Literal["online", "hybrid", "in_person"] | None = Field(
        None, description="How it is attended, when the programme says so or has a venue")
    description: str | None = None
    organiser: str | None = Field(None, description="Who hosts or organises this session, when stated")
    people: list[SessionPerson] = Field(default_factory=list)
    citation: Citation
    fields: dict[str, Span] = Field(default_factory=dict)


class Person(Frozen):
    id: str
    name: str
    role: str | None = None
    affiliation: str | None = None
    doc_id: str
    sessions: list[str] = Field(default_factory=list)
    citation: Citation
    fields: dict[str, Span] = Field(default_factory=dict)


class Initiative(Frozen):
    id: str
    name: str
    place: str | None = None
    organiser: str | None = Field(None, description="Who runs it")
    figure: str | None = Field(None, description="A figure the source gives (\"1 800 paniers\")")
    description: str | None = None
    doc_id: str
    session: str | None = Field(None, description="Id of the session that presents it")
    citation: Citation
    fields: dict[str, Span] = Field(default_factory=dict)


class Section(Frozen):
    """A structural region of a document (event > day > time slot > room/session)."""

    start: int
    end: int
    path: list[str]


class Catalogue(Frozen):
    events: list[Event] = Field(default_factory=list)
    sessions: list[Session] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    initiatives: list[Initiative] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)


class Turn(Frozen):
    role: Literal["user", "assistant"]
    content: str


class Answer(Frozen):
    id: str = ""
    answer: str
    answered: bool
    intent: str
    language: Literal["fr", "en"]
    citations: list[Citation] = Field(default_factory=list)
    suggestions: list[Passage] = Field(default_factory=list)
    records: list[Session | Person | Initiative] = Field(default_factory=list)
    backend: str = "extractive"
    fallback_reason: str | None = None
    took_ms: float = 0.0
