"""HTTP client for the assistant API: timeouts, plain errors and SSE parsing.

The UI never imports the `assistant` package; everything it shows comes through here, as plain
dicts shaped like the JSON contract in DESIGN.md.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

# Connecting must be quick (a down service should be reported at once); reading an answer may
# take a while on a cold model, but not forever.
CONNECT_TIMEOUT_S = 3.0
READ_TIMEOUT_S = 60.0
# Full documents (to show a quote inside its paragraph) are kept until the index changes: the
# page's health poll reports the index's build time (`note_index`), and a new one empties the
# cache. The TTL bounds staleness for callers that never poll (gradio_client).
DOC_CACHE_TTL_S = 600.0
DOC_CACHE_MAX = 64


class ApiError(Exception):
    """The API answered, but with an error status (4xx/5xx): `detail` is its own message."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


class ApiUnavailable(Exception):
    """The API could not be reached, timed out, or is not ready yet (503)."""


@dataclass(frozen=True)
class StreamEvent:
    """One server-sent event: `token` (data {"text"}) or the final `answer` (full JSON)."""

    event: str
    data: dict[str, Any]


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    if isinstance(detail, list):  # FastAPI validation errors: keep the first message
        detail = "; ".join(str(d.get("msg", d)) if isinstance(d, dict) else str(d) for d in detail)
    return str(detail or response.reason_phrase or response.status_code)


def _check(response: httpx.Response) -> httpx.Response:
    if response.status_code == 503:
        raise ApiUnavailable(_detail(response))
    if response.status_code >= 400:
        raise ApiError(response.status_code, _detail(response))
    return response


def parse_sse(lines: Iterator[str]) -> Iterator[StreamEvent]:
    """Parse a text/event-stream line by line (the subset the API uses: event, data, blank)."""
    event, data = "message", list[str]()
    for raw in lines:
        line = raw.rstrip("\r")
        if not line:
            if data:
                yield StreamEvent(event, _json_or_text("\n".join(data)))
            event, data = "message", list[str]()
            continue
        if line.startswith(":"):  # comment / keep-alive
            continue
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "event":
            event = value
        elif field == "data":
            data.append(value)
    if data:
        yield StreamEvent(event, _json_or_text("\n".join(data)))


def _json_or_text(payload: str) -> dict[str, Any]:
    try:
        value = json.loads(payload)
    except ValueError:
        return {"text": payload}
    return value if isinstance(value, dict) else {"value": value}


class ApiClient:
    """Thin synchronous wrapper over the assistant's HTTP API."""

    def __init__(self, base_url: str, *, timeout_s: float = READ_TIMEOUT_S) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout = httpx.Timeout(timeout_s, connect=CONNECT_TIMEOUT_S)
        self._http = httpx.Client(base_url=self.base_url, timeout=self._timeout)
        self._docs: dict[str, tuple[float, dict[str, Any]]] = {}
        self._index_version: str | None = None

    def close(self) -> None:
        self._http.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return _check(self._http.request(method, path, **kwargs))
        except (httpx.TransportError, httpx.TimeoutException) as exc:
            raise ApiUnavailable(str(exc)) from exc

    def health(self) -> dict[str, Any]:
        # Short timeout: this is polled to show whether the service is up.
        info = self._request("GET", "/health", timeout=httpx.Timeout(5.0, connect=2.0)).json()
        self.note_index(info.get("index_built_at"))
        return info

    def note_index(self, version: str | None) -> None:
        """Forget cached documents when the served index changed (a reindex happened)."""
        if version != self._index_version:
            self._docs.clear()
            self._index_version = version

    def ask(
        self, question: str, history: list[dict[str, str]], *, k: int | None = None
    ) -> dict[str, Any]:
        payload: dict[str, Any] = {"question": question, "history": history}
        if k:
            payload["k"] = k
        return self._request("POST", "/ask", json=payload).json()

    def ask_stream(
        self, question: str, history: list[dict[str, str]], *, k: int | None = None
    ) -> Iterator[StreamEvent]:
        """Stream /ask as SSE; falls back to one `answer` event if the server sends plain JSON."""
        payload: dict[str, Any] = {"question": question, "history": history}
        if k:
            payload["k"] = k
        headers = {"Accept": "text/event-stream"}
        try:
            with self._http.stream("POST", "/ask", json=payload, headers=headers) as response:
                if response.status_code >= 400:
                    response.read()
                    _check(response)
                if "text/event-stream" not in response.headers.get("content-type", ""):
                    response.read()
                    yield StreamEvent("answer", response.json())
                    return
                yield from parse_sse(response.iter_lines())
        except (httpx.TransportError, httpx.TimeoutException) as exc:
            raise ApiUnavailable(str(exc)) from exc

    def search(self, query: str, k: int = 5) -> list[dict[str, Any]]:
        return self._request("POST", "/search", json={"query": query, "k": k}).json()["passages"]

    def sessions(self, **filters: str | None) -> list[dict[str, Any]]:
        return self._request("GET", "/sessions", params=_params(filters)).json()

    def initiatives(self, **filters: str | None) -> list[dict[str, Any]]:
        return self._request("GET", "/initiatives", params=_params(filters)).json()

    def people(self, q: str | None = None) -> list[dict[str, Any]]:
        return self._request("GET", "/people", params=_params({"q": q})).json()

    def recommend(self, interests: str, date: str | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"interests": interests}
        if date:
            payload["date"] = date
        return self._request("POST", "/recommend", json=payload).json()

    def recommend_ics(self, interests: str, date: str | None = None) -> bytes:
        params = _params({"interests": interests, "date": date})
        return self._request("GET", "/recommend.ics", params=params).content

    def documents(self) -> list[dict[str, Any]]:
        return self._request("GET", "/documents").json()

    def document(self, doc_id: str) -> dict[str, Any]:
        cached = self._docs.get(doc_id)
        now = time.monotonic()
        if cached and now - cached[0] < DOC_CACHE_TTL_S:
            return cached[1]
        doc = self._request("GET", f"/documents/{quote(doc_id, safe='')}").json()
        if len(self._docs) >= DOC_CACHE_MAX:
            self._docs.pop(next(iter(self._docs)))
        self._docs[doc_id] = (now, doc)
        return doc

    def feedback(self, answer_id: str, rating: str, comment: str | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"answer_id": answer_id, "rating": rating}
        if comment:
            payload["comment"] = comment
        return self._request("POST", "/feedback", json=payload).json()


def _params(filters: dict[str, str | None]) -> dict[str, str]:
    """Drop empty filters: the API treats a missing parameter as 'any'."""
    return {key: value for key, value in filters.items() if value}
