"""Safe HTML for answers, sources and tables.

Every piece of document or user text goes through `esc` before it is put into markup: Gradio
renders chat messages and HTML components as HTML, so unescaped corpus text could run script.
The markup itself stays on one line per block (no blank lines) so the chat's markdown pass
treats it as a raw HTML block and does not reinterpret corpus text as markdown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from typing import Any

from ui.i18n import format_date, t

# Characters of context shown around a quoted span, at most, on each side.
CONTEXT_CHARS = 320
# Characters of a quote shown in a collapsed source line.
TEASER_CHARS = 70
_CITE = re.compile(r"\[(\d{1,3})\]")

DocText = Callable[[str], str | None]


def esc(value: object) -> str:
    """HTML-escape any value (None -> empty); quotes too, since values go into attributes."""
    if value is None:
        return ""
    text = html.escape(str(value), quote=True)
    # Markdown would still act on these after escaping; numeric entities display the same.
    return (
        text.replace("*", "&#42;")
        .replace("_", "&#95;")
        .replace("`", "&#96;")
        .replace("$", "&#36;")
        .replace("\\", "&#92;")
    )


def _lines(text: str) -> str:
    """Escaped text with line breaks kept visible without producing blank markdown lines."""
    return "<br>".join(esc(part) for part in text.split("\n"))


def answer_text_html(answer: str) -> str:
    """The answer's prose, escaped, with its [n] markers as superscripts."""
    body = _lines(answer.strip())
    return _CITE.sub(lambda m: f'<sup class="cite">[{m.group(1)}]</sup>', body)


def paragraph_bounds(
    text: str, start: int, end: int, limit: int = CONTEXT_CHARS
) -> tuple[int, int]:
    """The paragraph around text[start:end] (blank-line delimited), clipped to `limit` a side."""
    left = text.rfind("\n\n", 0, start)
    left = 0 if left < 0 else left + 2
    right = text.find("\n\n", end)
    right = len(text) if right < 0 else right
    left = max(left, start - limit)
    right = min(right, end + limit)
    return left, right


def quote_in_context_html(text: str | None, start: int, end: int, quote: str) -> str:
    """The quoted span highlighted with <mark> inside its surrounding paragraph."""
    if text is None or not (0 <= start <= end <= len(text)) or text[start:end] != quote:
        # Without the document (or with stale offsets) show the quote alone, still highlighted.
        return f"<mark>{_lines(quote)}</mark>"
    left, right = paragraph_bounds(text, start, end)
    before = ("…" if left > 0 and text[left - 1] != "\n" else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) and text[right] != "\n" else "")
    return f"{_lines(before)}<mark>{_lines(quote)}</mark>{_lines(after)}"


def citation_html(citation: dict[str, Any], doc_text: DocText, *, lang: str) -> str:
    """One numbered source: title in the summary, highlighted quote revealed on click."""
    n = esc(citation.get("n", ""))
    text = doc_text(str(citation.get("doc_id", "")))
    body = quote_in_context_html(
        text,
        int(citation.get("start", 0)),
        int(citation.get("end", 0)),
        str(citation.get("quote", "")),
    )
    # Several sources often share a title: the start of the quote tells them apart.
    return (
        f'<details class="source" data-n="{n}"><summary><b>[{n}]</b> {esc(citation.get("title"))}'
        f' <span class="muted">« {esc(_teaser(str(citation.get("quote", ""))))} »</span>'
        f'</summary><blockquote class="source-quote">{body}</blockquote></details>'
    )


def _teaser(quote: str, limit: int = TEASER_CHARS) -> str:
    """First words of a quote on one line, cut at a word boundary."""
    flat = " ".join(quote.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def passage_html(passage: dict[str, Any], doc_text: DocText, *, lang: str) -> str:
    """A nearest passage (not-found state), shown like a source but without a number."""
    section = passage.get("section") or ""
    title = esc(passage.get("title")) + (f" — {esc(section)}" if section else "")
    text = doc_text(str(passage.get("doc_id", "")))
    start, end = int(passage.get("start", 0)), int(passage.get("end", 0))
    quote = str(passage.get("text", ""))
    if text is not None and 0 <= start <= end <= len(text):
        quote = text[start:end]
    body = quote_in_context_html(text, start, end, quote)
    return (
        f'<details class="source suggestion"><summary>{title}</summary>'
        f'<blockquote class="source-quote">{body}</blockquote></details>'
    )


def answer_html(answer: dict[str, Any], doc_text: DocText, *, lang: str) -> str:
    """A whole assistant message: prose, then numbered sources, or the not-found state."""
    parts: list[str] = []
    if answer.get("answered", True):
        parts.append(f'<div class="answer">{answer_text_html(str(answer.get("answer", "")))}</div>')
        citations = answer.get("citations") or []
        if citations:
            items = "".join(citation_html(c, doc_text, lang=lang) for c in citations)
            parts.append(
                f'<div class="sources"><p><b>{esc(t(lang, "sources"))}</b></p>{items}</div>'
            )
    else:
        parts.append(
            f'<div class="not-found"><p><b>{esc(t(lang, "not_found"))}</b> '
            f"{esc(t(lang, 'not_found_more'))}</p></div>"
        )
        prose = str(answer.get("answer", "")).strip()
        if prose:
            parts.append(f'<div class="answer muted">{answer_text_html(prose)}</div>')
        suggestions = answer.get("suggestions") or []
        if suggestions:
            items = "".join(passage_html(p, doc_text, lang=lang) for p in suggestions)
            parts.append(f'<div class="sources suggestions">{items}</div>')
        else:
            parts.append(f"<p>{esc(t(lang, 'no_suggestions'))}</p>")
    return "".join(parts)


def notice_html(message: str, *, kind: str = "warning") -> str:
    """A plain-words notice (service down, bad input) shown in place of an answer or a table."""
    return f'<div class="notice notice-{esc(kind)}">{esc(message)}</div>'


def _source_cell(citation: dict[str, Any] | None, lang: str) -> str:
    if not citation:
        return ""
    return (
        f'<details class="source"><summary>{esc(t(lang, "show_source"))}</summary>'
        f'<div class="source-title">{esc(citation.get("title"))}</div>'
        f'<blockquote class="source-quote"><mark>{_lines(str(citation.get("quote", "")))}</mark>'
        f"</blockquote></details>"
    )


def _time(session: dict[str, Any]) -> str:
    start, end = session.get("start"), session.get("end")
    if start and end:
        return f"{start}–{end}"
    return start or ""


def _table(headers: Iterable[str], rows: list[list[str]], *, lang: str, css: str) -> str:
    """A table from already-escaped cells, preceded by its result count."""
    if not rows:
        return f'<p class="no-results">{esc(t(lang, "no_results"))}</p>'
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    count = esc(t(lang, "results", n=len(rows)))
    return (
        f'<p class="count">{count}</p><table class="{esc(css)}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def sessions_table(sessions: list[dict[str, Any]], *, lang: str) -> str:
    """Sessions with date, time, room, event, speakers and a revealable source quote."""
    rows = []
    for s in sessions:
        people = ", ".join(p.get("name", "") for p in s.get("people") or [])
        rows.append(
            [
                esc(format_date(s.get("date"), lang)),
                esc(_time(s)),
                esc(s.get("room") or t(lang, "unknown")),
                f"<b>{esc(s.get('title'))}</b>",
                esc(s.get("event") or ""),
                esc(people),
                _source_cell(s.get("citation"), lang),
            ]
        )
    headers = [t(lang, k) for k in ("date", "time", "room", "session", "event", "people", "source")]
    return _table(headers, rows, lang=lang, css="catalogue sessions")


def initiatives_table(initiatives: list[dict[str, Any]], *, lang: str) -> str:
    """Initiatives with territory, organiser, description and a revealable source quote."""
    rows = [
        [
            f"<b>{esc(i.get('name'))}</b>",
            esc(i.get("place") or t(lang, "unknown")),
            esc(i.get("organiser") or ""),
            esc(i.get("description") or ""),
            _source_cell(i.get("citation"), lang),
        ]
        for i in initiatives
    ]
    headers = [t(lang, k) for k in ("initiative", "place", "organiser", "description", "source")]
    return _table(headers, rows, lang=lang, css="catalogue initiatives")


def agenda_table(agenda: dict[str, Any], *, lang: str) -> str:
    """The recommended programme: one session per time slot, with reason, room and source."""
    rows = []
    for item in agenda.get("items") or []:
        s = item.get("session") or {}
        rows.append(
            [
                esc(format_date(s.get("date"), lang)),
                esc(_time(s)),
                esc(s.get("room") or t(lang, "unknown")),
                f"<b>{esc(s.get('title'))}</b>",
                esc(item.get("reason") or ""),
                _source_cell(item.get("citation") or s.get("citation"), lang),
            ]
        )
    if not rows:
        return f'<p class="no-results">{esc(t(lang, "programme_empty"))}</p>'
    headers = [t(lang, k) for k in ("date", "time", "room", "session", "reason", "source")]
    return _table(headers, rows, lang=lang, css="catalogue agenda")
