"""Event handlers of the Gradio app, bound to one API client.

Handlers never raise into Gradio: an unreachable or failing API becomes a plain-words notice,
so the page keeps working and the next action succeeds as soon as the service is back.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from ui import cards, render
from ui.client import ApiClient, ApiError, ApiUnavailable
from ui.i18n import format_date, t

log = logging.getLogger(__name__)

# The API streams an answer word by word; re-rendering the whole message for each word made a
# long answer take a second or more in the page. The UI repaints every few words instead.
STREAM_EVERY = 8

Messages = list[dict[str, str]]
# (chatbot, messages state, turns state, answer-id map, question box)
ChatOut = tuple[Messages, Messages, list[dict[str, str]], dict[str, str], str]


def _failure(exc: Exception, lang: str) -> str:
    """A plain-words message for a failed call; details go to the log, not the page."""
    if isinstance(exc, ApiUnavailable):
        log.warning("API unavailable: %s", exc)
        return t(lang, "unavailable")
    if isinstance(exc, ApiError) and exc.status < 500:
        # A 4xx detail is about the user's input (too long, unknown day...): worth showing.
        sep = " : " if lang == "fr" else ": "
        return f"{t(lang, 'error')}{sep}{exc.detail}"
    if isinstance(exc, ApiError):
        log.error("API error %s: %s", exc.status, exc.detail)
        return t(lang, "server_error")
    log.exception("unexpected UI error")
    return t(lang, "unavailable")


class Callbacks:
    """All handlers, sharing one HTTP client and a folder for generated downloads."""

    def __init__(self, client: ApiClient) -> None:
        self.client = client
        self._downloads = Path(tempfile.mkdtemp(prefix="assistant-ui-"))

    # ---- chat -------------------------------------------------------------------------------

    def doc_text(self, doc_id: str) -> str | None:
        """Full text of a document, to show a quote inside its paragraph; None if unavailable."""
        try:
            return str(self.client.document(doc_id).get("text", ""))
        except (ApiError, ApiUnavailable):
            return None

    def respond(
        self,
        question: str,
        messages: Messages,
        turns: list[dict[str, str]],
        answer_ids: dict[str, str],
        lang: str,
    ) -> Iterator[ChatOut]:
        """Stream one answer into the chat; on success remember it for history and feedback."""
        question = (question or "").strip()
        if not question:
            yield messages, messages, turns, answer_ids, ""
            return
        messages = [
            *messages,
            {"role": "user", "content": render.user_html(question)},
            {"role": "assistant", "content": f"<em>{render.esc(t(lang, 'thinking'))}</em>"},
        ]
        yield messages, messages, turns, answer_ids, ""
        partial, final, tokens = "", None, 0
        try:
            for event in self.client.ask_stream(question, turns):
                if event.event == "token":
                    partial += str(event.data.get("text", ""))
                    tokens += 1
                    if tokens % STREAM_EVERY:
                        continue
                    messages[-1] = {
                        "role": "assistant",
                        "content": render.answer_text_html(partial),
                    }
                    yield messages, messages, turns, answer_ids, ""
                elif event.event == "answer":
                    final = event.data
                elif event.event == "error":
                    raise ApiError(500, str(event.data.get("detail", event.data)))
            if final is None:
                raise ApiUnavailable("stream ended without an answer")
        except Exception as exc:  # noqa: BLE001 - any failure becomes a notice, never a trace
            messages[-1] = {"role": "assistant", "content": render.notice_html(_failure(exc, lang))}
            yield messages, messages, turns, answer_ids, ""
            return
        messages[-1] = {
            "role": "assistant",
            "content": render.answer_html(final, self.doc_text, lang=lang),
        }
        turns = [
            *turns,
            {"role": "user", "content": question},
            {"role": "assistant", "content": str(final.get("answer", ""))},
        ]
        if final.get("id"):
            answer_ids = {**answer_ids, str(len(messages) - 1): str(final["id"])}
        yield messages, messages, turns, answer_ids, ""

    def like(
        self, answer_ids: dict[str, str], lang: str, data: gr.LikeData
    ) -> tuple[str, tuple[str, str] | None]:
        """Thumbs up/down under an answer -> /feedback; remembered for an optional comment."""
        index = data.index[0] if isinstance(data.index, list | tuple) else data.index
        answer_id = answer_ids.get(str(index))
        if data.liked in (True, "Like"):
            rating = "up"
        elif data.liked in (False, "Dislike"):
            rating = "down"
        else:  # feedback withdrawn
            return "", None
        if not answer_id:
            return "", None
        try:
            self.client.feedback(answer_id, rating)
        except Exception as exc:  # noqa: BLE001
            return render.notice_html(_failure(exc, lang)), (answer_id, rating)
        return render.notice_html(t(lang, "feedback_thanks"), kind="ok"), (answer_id, rating)

    def comment(self, comment: str, last: tuple[str, str] | None, lang: str) -> tuple[str, str]:
        """Send the optional comment with the rating of the last rated answer."""
        if not last:
            return render.notice_html(t(lang, "feedback_need_rating")), comment
        if not (comment or "").strip():
            return "", comment
        try:
            self.client.feedback(last[0], last[1], comment.strip())
        except Exception as exc:  # noqa: BLE001
            return render.notice_html(_failure(exc, lang)), comment
        return render.notice_html(t(lang, "feedback_thanks"), kind="ok"), ""

    # ---- status and filter choices ----------------------------------------------------------

    def status(self, lang: str) -> tuple[str, bool]:
        """One line on the service state, and whether it is up (to refresh the filters)."""
        try:
            health = self.client.health()
        except Exception:  # noqa: BLE001
            return render.notice_html(t(lang, "status_down")), False
        text = t(
            lang,
            "status_ok",
            documents=health.get("documents", "?"),
            sessions=health.get("sessions", "?"),
        )
        return f'<div class="status-ok">{render.esc(text)}</div>', True

    def facets(self, lang: str) -> dict[str, list[tuple[str, str]]]:
        """Choices of the filter dropdowns, read from the catalogue; empty when the API is down.

        Days are listed per event (most recent event first, its days in order) and labelled
        with it, so "6 novembre" of a report without a year does not head a list of 2025 days;
        the agenda's day list ("day") has complete dates only, since an agenda needs them."""
        choices: dict[str, list[tuple[str, str]]] = {k: [] for k in ("day", "date", "room", "event", "place", "doc")}
        try:
            sessions = self.client.sessions()
            initiatives = self.client.initiatives()
            documents = self.client.documents()
        except Exception:  # noqa: BLE001
            return choices
        events = {d["doc_id"]: d for d in documents}
        for doc_id, days in _days_by_event(sessions, events):
            label = cards.event_label(events.get(doc_id, {"doc_id": doc_id}), lang, limit=40)
            for day in days:
                shown = f"{label} · {format_date(day, lang)}"
                choices["date"].append((shown, day))
                if not day.startswith("-"):
                    choices["day"].append((shown, day))
        choices["room"] = [(r, r) for r in sorted({s["room"] for s in sessions if s.get("room")})]
        choices["event"] = [(e, e) for e in sorted({s["event"] for s in sessions if s.get("event")})]
        choices["place"] = [(p, p) for p in sorted({i["place"] for i in initiatives if i.get("place")})]
        used = sorted({i["doc_id"] for i in initiatives if i.get("doc_id")})
        choices["doc"] = [(str(events.get(d, {}).get("title") or d), d) for d in used]
        return choices

    # ---- catalogue tabs ---------------------------------------------------------------------

    def search_sessions(
        self, q: str, date: str | None, room: str | None, event: str | None, lang: str
    ) -> str:
        try:
            found = self.client.sessions(q=(q or "").strip(), date=date, room=room, event=event)
        except Exception as exc:  # noqa: BLE001
            return render.notice_html(_failure(exc, lang))
        return cards.sessions_cards(found, lang=lang)

    def search_initiatives(self, q: str, place: str | None, doc_id: str | None, lang: str) -> str:
        try:
            found = self.client.initiatives(q=(q or "").strip(), place=place, doc_id=doc_id)
        except Exception as exc:  # noqa: BLE001
            return render.notice_html(_failure(exc, lang))
        return cards.initiatives_cards(found, lang=lang)

    # ---- my programme -----------------------------------------------------------------------

    def programme(self, interests: str, date: str | None, lang: str) -> tuple[str, Any]:
        """The agenda, and the download button pointing at a fresh .ics file when it has rows."""
        hidden = gr.update(value=None, visible=False)
        interests = (interests or "").strip()
        if not interests:
            return render.notice_html(t(lang, "programme_need_interests")), hidden
        try:
            agenda = self.client.recommend(interests, date or None)
            if not agenda.get("items"):
                return cards.agenda_cards(agenda, lang=lang), hidden
            ics = self.client.recommend_ics(interests, date or None)
        except Exception as exc:  # noqa: BLE001
            return render.notice_html(_failure(exc, lang)), hidden
        # One folder per request so concurrent users never overwrite each other's file.
        folder = Path(tempfile.mkdtemp(dir=self._downloads))
        path = folder / ("mon-programme.ics" if lang == "fr" else "my-programme.ics")
        path.write_bytes(ics)
        return cards.agenda_cards(agenda, lang=lang), gr.update(value=str(path), visible=True)


def _days_by_event(sessions: list[dict[str, Any]], events: dict[str, dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """Each event's session days in order, the most recent event first (undated events last)."""
    days: dict[str, set[str]] = {}
    for s in sessions:
        if s.get("date"):
            days.setdefault(str(s.get("doc_id")), set()).add(str(s["date"]))

    def latest(doc_id: str) -> str:
        full = [d for d in days[doc_id] if not d.startswith("-")]
        return max(full) if full else str(events.get(doc_id, {}).get("date") or "")

    ordered = sorted(days, key=latest, reverse=True)
    return [(doc_id, sorted(days[doc_id])) for doc_id in ordered]
