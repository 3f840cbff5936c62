"""Public routes: thin wrappers that parse, call one core function, and format."""

from __future__ import annotations

import json
from typing import Annotated

import anyio
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.sse import EventSourceResponse
from pydantic import AfterValidator

from assistant.api.schemas import (
    ISO_DATE,
    MAX_QUESTION_CHARS,
    AgendaOut,
    AskRequest,
    AskResponse,
    FeedbackOut,
    FeedbackRequest,
    Health,
    RecommendRequest,
    SearchRequest,
    SearchResponse,
    check_text,
)
from assistant.domain.models import Document, DocumentInfo, Initiative, Person, Session

router = APIRouter()

DOC_ID = r"^[a-z0-9][a-z0-9-]{0,120}$"


def _optional_text(value: str | None) -> str | None:
    return check_text(value) if value else None


# Validated like body text, so a bad query parameter gets the same 422 shape as a bad body.
ShortText = Annotated[str | None, Query(max_length=200), AfterValidator(_optional_text)]


async def call(request: Request, func, *args, **kwargs):
    """Run blocking core work in a thread, bounded by the request timeout (503 past it)."""
    with anyio.fail_after(request.app.state.settings.request_timeout_s):
        return await anyio.to_thread.run_sync(lambda: func(*args, **kwargs))


@router.get(
    "/health", response_model=Health, responses={503: {"description": "Index not loaded yet"}}
)
async def health(request: Request):
    info = request.app.state.core.health()
    instance = request.app.state.settings.instance_id
    if instance:
        # Lets `assistant run` tell its own API from another server on the same port.
        info["instance"] = instance
    return JSONResponse(status_code=200 if info["status"] == "ok" else 503, content=info)


@router.get("/documents", response_model=list[DocumentInfo])
async def list_documents(request: Request):
    return request.app.state.core.documents()


@router.get(
    "/documents/{doc_id}",
    response_model=Document,
    responses={404: {"description": "Unknown document"}},
)
async def get_document(request: Request, doc_id: Annotated[str, Path(pattern=DOC_ID)]):
    return request.app.state.core.document(doc_id)


@router.post("/search", response_model=SearchResponse)
async def search(request: Request, body: SearchRequest):
    passages = await call(
        request, request.app.state.core.search, body.query, k=body.k, filters=body.filters
    )
    return SearchResponse(passages=passages)


@router.post(
    "/ask",
    response_model=AskResponse,
    responses={
        200: {
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
            "description": "JSON answer, or SSE (`token` events then one `answer` event) "
            "when the request sends `Accept: text/event-stream`.",
        }
    },
    description=f"Answer a question with citations. The question is limited to {MAX_QUESTION_CHARS} characters.",
)
async def ask(request: Request, body: AskRequest):
    settings = request.app.state.settings
    if len(body.question) > settings.max_question_chars:
        return JSONResponse(
            status_code=413,
            content={"detail": f"question longer than {settings.max_question_chars} characters"},
        )
    core = request.app.state.core
    history = [t.to_turn() for t in body.history]
    if "text/event-stream" not in request.headers.get("accept", ""):
        answer = await call(
            request, core.ask, body.question, history=history, filters=body.filters, k=body.k
        )
        return AskResponse(**answer.model_dump(exclude={"records"}))

    async def events():
        answer = await call(
            request, core.ask, body.question, history=history, filters=body.filters, k=body.k
        )
        payload = AskResponse(**answer.model_dump(exclude={"records"}))
        for piece in _pieces(payload.answer):
            # A client that went away stops the stream (and the work) here.
            if await request.is_disconnected():
                return
            yield f"event: token\ndata: {json.dumps({'text': piece}, ensure_ascii=False)}\n\n"
        yield f"event: answer\ndata: {payload.model_dump_json()}\n\n"

    return EventSourceResponse(events())


def _pieces(text: str) -> list[str]:
    """Stream by words (keeping spaces) so clients can render progressively."""
    out, current = [], ""
    for ch in text:
        current += ch
        if ch == " ":
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


@router.post("/recommend", response_model=AgendaOut)
async def recommend(request: Request, body: RecommendRequest):
    agenda = await call(request, request.app.state.core.recommend, body.interests, date=body.date)
    return AgendaOut(**agenda.model_dump())


@router.get(
    "/recommend.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {"schema": {"type": "string"}}}}},
)
async def recommend_ics(
    request: Request,
    interests: Annotated[
        str, Query(min_length=1, max_length=MAX_QUESTION_CHARS), AfterValidator(check_text)
    ],
    date: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
):
    from assistant.answering.ics import agenda_to_ics

    core = request.app.state.core.pinned()  # the agenda and its documents from one index version
    agenda = await call(request, core.recommend, interests, date=date)
    body = agenda_to_ics(agenda, documents=core.index.documents)
    return Response(
        content=body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="programme.ics"'},
    )


@router.get("/sessions", response_model=list[Session])
async def sessions(
    request: Request,
    q: ShortText = None,
    date: Annotated[str | None, Query(pattern=r"^(\d{4}|-)-\d{2}-\d{2}$")] = None,
    room: ShortText = None,
    doc_id: Annotated[str | None, Query(pattern=DOC_ID)] = None,
    event: ShortText = None,
):
    return await call(
        request,
        request.app.state.core.sessions,
        q=q,
        date=date,
        room=room,
        doc_id=doc_id,
        event=event,
    )


@router.get("/people", response_model=list[Person])
async def people(
    request: Request,
    q: ShortText = None,
    doc_id: Annotated[str | None, Query(pattern=DOC_ID)] = None,
):
    return request.app.state.core.people(q=q, doc_id=doc_id)


@router.get("/initiatives", response_model=list[Initiative])
async def initiatives(
    request: Request,
    q: ShortText = None,
    doc_id: Annotated[str | None, Query(pattern=DOC_ID)] = None,
    place: ShortText = None,
):
    return request.app.state.core.initiatives(q=q, doc_id=doc_id, place=place)


@router.post("/feedback", response_model=FeedbackOut)
async def feedback(request: Request, body: FeedbackRequest):
    row_id = await anyio.to_thread.run_sync(
        lambda: request.app.state.feedback.add(
            answer_id=body.answer_id,
            rating=body.rating,
            comment=body.comment,
            question=body.question,
        )
    )
    return FeedbackOut(ok=True, id=row_id)
