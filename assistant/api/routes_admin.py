"""Admin routes, guarded by X-API-Key when ASSISTANT_API_KEY is set."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.responses import JSONResponse

from assistant.api.schemas import FeedbackRow, ReindexOut


def require_admin(
    request: Request, x_api_key: Annotated[str | None, Header(max_length=512)] = None
) -> None:
    expected = request.app.state.settings.api_key
    if not expected:
        return
    if not x_api_key:
        raise HTTPException(status_code=401, detail="missing X-API-Key header")
    # Constant-time comparison: the time taken must not reveal how much of the key matched.
    if not hmac.compare_digest(x_api_key.encode(), expected.encode()):
        raise HTTPException(status_code=403, detail="invalid API key")


router = APIRouter(
    prefix="/admin",
    dependencies=[Depends(require_admin)],
    responses={401: {"description": "Missing key"}, 403: {"description": "Wrong key"}},
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
