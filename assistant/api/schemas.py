"""Request and response models of the HTTP API (separate from the core models on purpose)."""

from __future__ import annotations

import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.answering.agenda import EventRef
from assistant.domain.models import Citation, Passage, Session, Turn
from assistant.search.retrieval import SearchFilters

MAX_QUESTION_CHARS = 2000
MAX_K = 50
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def check_text(value: str) -> str:
    """Reject what no human question contains: lone surrogates and control characters."""
    for ch in value:
        if 0xD800 <= ord(ch) <= 0xDFFF:
            raise ValueError("text contains an invalid surrogate character")
        if ch not in "\n\t\r" and unicodedata.category(ch) == "Cc":
            raise ValueError(f"text contains a control character (U+{ord(ch):04X})")
    if not value.strip():
        raise ValueError("text is empty")
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HistoryTurn(Strict):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=8000)

    def to_turn(self) -> Turn:
        return Turn(role=self.role, content=self.content)


class AskRequest(Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"question": "Dans quelle salle a lieu l'atelier sur la santé mentale ?"},
                {
                    "question": "Who runs it?",
                    "history": [
                        {"role": "user", "content": "Which lab discussed local food for school canteens?"},
                        {
                            "role": "assistant",
                            "content": "The lab “Agir pour un développement local” [1].",
                        },
                    ],
                },
            ]
        },
    )

    question: str = Field(
        min_length=1,
        max_length=MAX_QUESTION_CHARS,
        description=f"At most {MAX_QUESTION_CHARS} characters",
    )
    history: list[HistoryTurn] = Field(default_factory=list, max_length=20)
    filters: SearchFilters | None = None
    k: int = Field(5, ge=1, le=MAX_K)

    _check = field_validator("question")(check_text)


class AskResponse(BaseModel):
    id: str
    answer: str
    answered: bool
    intent: str
    language: Literal["fr", "en"]
    citations: list[Citation]
    suggestions: list[Passage] = Field(default_factory=list)
    backend: str = "extractive"
    fallback_reason: str | None = None
    took_ms: float


class SearchRequest(Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"query": "budgets participatifs", "k": 5},
                {"query": "atelier", "filters": {"date": "2025-03-05"}},
            ]
        },
    )

    query: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS)
    k: int = Field(5, ge=1, le=MAX_K)
    filters: SearchFilters | None = None

    _check = field_validator("query")(check_text)


class SearchResponse(BaseModel):
    passages: list[Passage]


class RecommendRequest(Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"interests": "santé mentale, vieillissement, alimentation"},
                {"interests": "participation citoyenne", "date": "2025-03-05"},
            ]
        },
    )

    interests: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS)
    date: str | None = Field(None, pattern=ISO_DATE)

    _check = field_validator("interests")(check_text)


class AgendaChoiceOut(BaseModel):
    session: Session
    reason: str = Field(description="The sentence of the session's text that fits the interests")
    citation: Citation
    score: float


class AgendaItemOut(AgendaChoiceOut):
    alternatives: list[AgendaChoiceOut] = Field(
        default_factory=list, description="Other fitting sessions at the same time (a clash)"
    )


class EventMatchesOut(BaseModel):
    event: EventRef
    matches: int


class AgendaOut(BaseModel):
    interests: str
    date: str | None
    event: EventRef | None = Field(None, description="The one event the agenda is about")
    scope: Literal["date", "named", "upcoming", "recent"] | None = Field(
        None,
        description="Why that event: the date falls in it, the interests name it (place, year, "
        "kind), or it is the next upcoming one, else the most recent one",
    )
    items: list[AgendaItemOut] = Field(
        description="One row per time slot, in date and time order; empty when nothing fits"
    )
    undated: list[AgendaChoiceOut] = Field(
        default_factory=list,
        description="Fitting sessions whose date lacks its day or year (not in the .ics)",
    )
    other_events: list[EventMatchesOut] = Field(
        default_factory=list, description="Other events with fitting sessions, and how many"
    )


class FeedbackRequest(Strict):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"answer_id": "3f2a9c0d1e4b5a69", "rating": "up", "comment": "Réponse claire"}
            ]
        },
    )

    answer_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    rating: Literal["up", "down"]
    comment: str | None = Field(None, max_length=2000)
    question: str | None = Field(None, max_length=MAX_QUESTION_CHARS)

    @field_validator("comment", "question")
    @classmethod
    def _clean(cls, value: str | None) -> str | None:
        return check_text(value) if value else value


class FeedbackOut(BaseModel):
    ok: bool
    id: int


class FeedbackRow(BaseModel):
    id: int
    created_at: str
    answer_id: str
    rating: str
    comment: str | None
    question: str | None


class ReindexOut(BaseModel):
    status: Literal["started", "running", "idle", "succeeded", "failed"]
    detail: str | None = None
    started_at: str | None = None
    finished_at: str | None = None


class ErrorOut(BaseModel):
    detail: str


class Health(BaseModel):
    model_config = ConfigDict(extra="allow")

    status: str
    documents: int = 0
    passages: int = 0
    sessions: int = 0
