"""ASGI middleware: structured access logs and a guard against hostile JSON bodies."""

from __future__ import annotations

import json
import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("assistant.access")

MAX_JSON_DEPTH = 32


def json_depth_exceeds(body: bytes, limit: int) -> bool:
    """Bracket depth outside strings: cheap, and avoids the parser's recursion on hostile input."""
    depth = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return False


class AccessLogMiddleware:
    """One line per request: method, path (never the query string or body), status, ms."""

    def __init__(self, app: ASGIApp):
        self.app = app
        # The CLI configures the root logger at WARNING; access lines are INFO and must still show.
        if access_log.level == logging.NOTSET:
            access_log.setLevel(logging.INFO)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            access_log.info(
                json.dumps(
                    {
                        "method": scope.get("method"),
                        "path": scope.get("path"),
                        "status": status["code"],
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                    }
                )
            )


class JsonDepthMiddleware:
    """Reject POST bodies that are not UTF-8 or nest JSON deeper than MAX_JSON_DEPTH (422), before parsing."""

    def __init__(self, app: ASGIApp, *, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _reply(send, 413, f"request body larger than {self.max_bytes} bytes")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        try:
            # JSON on the wire is UTF-8 (RFC 8259); the framework would answer 400 for other bytes.
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            await _reply(
                send,
                422,
                _body_error("utf8_invalid", f"request body is not valid UTF-8 (byte {exc.start})"),
            )
            return
        if json_depth_exceeds(body, MAX_JSON_DEPTH):
            await _reply(
                send,
                422,
                _body_error("json_too_deep", f"JSON nested deeper than {MAX_JSON_DEPTH} levels"),
            )
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _body_error(kind: str, msg: str) -> list[dict]:
    """A 422 in the framework's own shape (`[{loc, msg, type}]`), so clients and the schema see one form."""
    return [{"type": kind, "loc": ["body"], "msg": msg}]


async def _reply(send: Send, status: int, detail: str | list[dict]) -> None:
    payload = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
