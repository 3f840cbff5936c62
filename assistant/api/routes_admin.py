"""Admin routes: closed (403) unless ASSISTANT_API_KEY is set, then guarded by X-API-Key.

Closed by default because a reindex costs minutes of CPU and an open one lets anyone start it.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.responses import JSONResponse

from assistant.api.schemas import FeedbackRow, ReindexOut

DISABLED = (
    "admin endpoints are disabled: start the service with ASSISTANT_API_KEY=<secret> "
    "and send that secret in the X-API-Key header"
)


def require_admin(
    request: Request, x_api_key: Annotated[str | None, Header(max_length=512)] = None
) -> None:
    expected = request.app.state.settings.api_key
    if not expected:
        raise HTTPException(status_code=403, detail=DISABLED)
    if not x_api_key:
        raise HTTPException(status_code=401, detail="missing X-API-Key header")
    # Constant-time comparison: the time taken must not reveal how much of the key matched.
    if not hmac.compare_digest(x_api_key.encode(), expected.encode()):
        raise HTTPException(status_code=403, detail="invalid API key")


router = APIRouter(
    prefix="/admin",
    dependencies=[Depends(require_admin)],
    responses={401: {"description": "Missing key"},
               403: {"description": "Wrong key, or admin disabled (ASSISTANT_API_KEY unset)"}},
)


def _status(request: Request) -> ReindexOut:
    r = request.app.state.reindexer
    return ReindexOut(
        status=r.status, detail=r.detail, started_at=r.started_at, finished_at=r.finished_at
    )


@router.post(
    "/reindex",
    response_model=ReindexOut,
    status_code=202,
    responses={409: {"model": ReindexOut, "description": "A reindex is already running"}},
)
async def reindex(request: Request):
    started = request.app.state.reindexer.start()
    out = _status(request)
    return JSONResponse(status_code=202 if started else 409, content=out.model_dump())


@router.get("/reindex", response_model=ReindexOut)
async def reindex_status(request: Request):
    return _status(request)


@router.get("/feedback", response_model=list[FeedbackRow])
async def export_feedback(request: Request):
    return request.app.state.feedback.all()
