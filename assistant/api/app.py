"""FastAPI application factory: lifespan-created core, middleware, error mapping."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from assistant import __version__
from assistant.api.docs import add_local_docs
from assistant.api.middleware import AccessLogMiddleware, JsonDepthMiddleware
from assistant.api.routes_admin import router as admin_router
from assistant.api.routes_public import router as public_router
from assistant.api.schemas import ErrorOut
from assistant.feedback import FeedbackStore
from assistant.reindex import Reindexer
from assistant.search.store import StoreUnavailable
from assistant.search.versions import VersionGone
from assistant.service import Assistant, IndexPoller, NotReady, UnknownDocument
from assistant.settings import Settings, get_settings

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
MAX_ECHO_CHARS = 200


def _echo_safe(value):
    """What a validation error echoes back: no lone surrogates (unencodable: a 500) and no megabytes."""
    if isinstance(value, str):
        value = value.encode("utf-8", "replace").decode("utf-8")
        return value if len(value) <= MAX_ECHO_CHARS else value[:MAX_ECHO_CHARS] + "…"
    if isinstance(value, dict):
        return {_echo_safe(k): _echo_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_echo_safe(v) for v in value]
    return value


def create_app(settings: Settings | None = None, *, core: Assistant | None = None,
               reindex: Callable[[Assistant], str] | None = None) -> FastAPI:
    """`reindex(core)` rebuilds the index in-process and returns a summary line (see reindex.py)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        assistant = core or Assistant(settings)
        app.state.core = assistant
        app.state.settings = settings
        app.state.feedback = FeedbackStore(settings.data_dir)
        build = (lambda: reindex(assistant)) if reindex is not None else None
        app.state.reindexer = Reindexer(on_success=assistant.load, build=build)
        try:
            loaded = await anyio.to_thread.run_sync(assistant.load)
        except (StoreUnavailable, VersionGone) as exc:  # the poller keeps trying
            log.warning("no index loaded at start: %s", exc)
            loaded = False
        if loaded:
            # Load the model now so the first question is not the slow one.
            await anyio.to_thread.run_sync(assistant.embedder.warm_up)
            if mismatch := assistant.model_mismatch():
                log.warning(mismatch)
        else:
            log.warning("no index in %s yet: run `assistant ingest`", assistant.store.describe()
                        if settings.chroma_host else settings.data_dir)
        # With a Chroma server other processes publish index versions: follow them.
        poller = (IndexPoller(assistant, interval_s=settings.index_poll_s).start()
                  if settings.chroma_host and settings.index_poll_s > 0 else None)
        yield
        if poller is not None:
            poller.stop()

    app = FastAPI(
        title="Assistant cohésion sociale",
        version=__version__,
        description=(
            "Grounded answers about French social-cohesion event programmes. Every answer sentence "
            "cites an exact span of a source document (`quote == text[start:end]`)."
        ),
        lifespan=lifespan,
        # Served from local files by add_local_docs: the defaults load from a CDN.
        docs_url=None,
        redoc_url=None,
        responses={
            413: {"model": ErrorOut, "description": "Request body or question too long"},
            503: {
                "model": ErrorOut,
                "description": "Index not loaded, search backend down, or timeout",
            },
        },
    )
    app.add_middleware(JsonDepthMiddleware, max_bytes=MAX_BODY_BYTES)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key"],
        )
    app.add_middleware(AccessLogMiddleware)
    app.include_router(public_router)
    app.include_router(admin_router)
    add_local_docs(app)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError):
        return JSONResponse(
            status_code=422, content={"detail": _echo_safe(jsonable_encoder(exc.errors()))}
        )

    @app.exception_handler(StoreUnavailable)
    async def _store_down(_: Request, exc: StoreUnavailable):
        return JSONResponse(
            status_code=503, content={"detail": f"search backend unavailable: {exc}"}
        )

    @app.exception_handler(NotReady)
    async def _not_ready(_: Request, exc: NotReady):
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    @app.exception_handler(UnknownDocument)
    async def _unknown_doc(_: Request, exc: UnknownDocument):
        return JSONResponse(
            status_code=404, content={"detail": f"unknown document: {exc.args[0]!s:.100}"}
        )

    @app.exception_handler(TimeoutError)
    async def _timeout(_: Request, exc: TimeoutError):
        return JSONResponse(
            status_code=503, content={"detail": "the request took too long; try again"}
        )

    return app
