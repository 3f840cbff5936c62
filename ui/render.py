"""Safe HTML for chat answers and their sources (catalogue cards: ui.cards).

Every piece of document or user text goes through `esc` before it is put into markup: Gradio
renders chat messages and HTML components as HTML, so unescaped corpus text could run script.
The markup itself stays on one line per block (no blank lines) so the chat's markdown pass
treats it as a raw HTML block and does not reinterpret corpus text as markdown.

Each chat message carries its plain-text form in a hidden `<span class="copy-text">` (Gradio's
sanitizer drops data attributes): the page's copy script (ui.style.COPY_JS) puts that on the
clipboard instead of the markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote as url_quote

from ui.i18n import t

# Characters of context shown around a quoted span, at most, on each side.
CONTEXT_CHARS = 320
# Characters of a quote shown in a collapsed source line, and in the copied source list.
TEASER_CHARS = 70
COPY_QUOTE_CHARS = 240
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


def copy_span(text: str) -> str:
    """The hidden plain text of a message; new lines as entities, so the block stays one line."""
    one_line = esc(text).replace("\r", "").replace("\n", "&#10;")
    return f'<span class="copy-text">{one_line}</span>'


def _lines(text: str) -> str:
    """Escaped text with line breaks kept visible without producing blank markdown lines."""
    return "<br>".join(esc(part) for part in text.split("\n"))


def flat(text: str) -> str:
    return " ".join(text.split())


def teaser(text: str, limit: int = TEASER_CHARS) -> str:
    """First words of a text on one line, cut at a word boundary."""
    one_line = flat(text)
    if len(one_line) <= limit:
        return one_line
    return one_line[:limit].rsplit(" ", 1)[0] + "…"


def document_link(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """The UI's page showing a whole document, scrolled to the highlighted span when given."""
    href = f"document/{url_quote(doc_id, safe='')}"
    if start is not None and end is not None:
        href += f"?start={int(start)}&end={int(end)}#quote"
    return href


def whole_document_html(doc_id: str, start: int, end: int, lang: str) -> str:
    return (f'<a class="open-doc" href="{esc(document_link(doc_id, start, end))}" target="_blank" '
            f'rel="noopener">{esc(t(lang, "whole_document"))} ↗</a>')


def user_html(question: str) -> str:
    return f'<div class="question">{_lines(question)}{copy_span(question)}</div>'


def answer_text_html(answer: str) -> str:
    """The answer's prose, escaped, with its [n] markers as superscripts."""
    body = _lines(answer.strip())
    return _CITE.sub(lambda m: f'<sup class="cite">[{m.group(1)}]</sup>', body)


def paragraph_bounds(text: str, start: int, end: int, limit: int = CONTEXT_CHARS) -> tuple[int, int]:
    """The paragraph around text[start:end] (blank-line delimited), clipped to `limit` a side."""
    left = text.rfind("\n\n", 0, start)
    left = 0 if left < 0 else left + 2
    right = text.find("\n\n", end)
    right = len(text) if right < 0 else right
    return max(left, start - limit), min(right, end + limit)


def quote_in_context_html(text: str | None, start: int, end: int, quote: str) -> str:
    """The quoted span highlighted with <mark> inside its surrounding paragraph."""
    if text is None or not (0 <= start <= end <= len(text)) or text[start:end] != quote:
        # Without the document (or with stale offsets) show the quote alone, still highlighted.
        return f"<mark>{_lines(quote)}</mark>"
    left, right = paragraph_bounds(text, start, end)
    before = ("…" if left > 0 and text[left - 1] != "\n" else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) and text[right] != "\n" else "")
    return f"{_lines(before)}<mark>{_lines(quote)}</mark>{_lines(after)}"


def _by_document(items: list[dict[str, Any]]) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """Items grouped by document in order of first appearance: (doc_id, title, items)."""
    groups: dict[str, tuple[str, str, list[dict[str, Any]]]] = {}
    for item in items:
        doc_id = str(item.get("doc_id", ""))
        groups.setdefault(doc_id, (doc_id, str(item.get("title") or doc_id), []))[2].append(item)
    return list(groups.values())


def citation_html(citation: dict[str, Any], doc_text: DocText, *, lang: str) -> str:
    """One numbered source: its first words in the summary; on click, the quote highlighted in
    its paragraph and a link to the whole document scrolled to it."""
    n = esc(citation.get("n", ""))
    doc_id = str(citation.get("doc_id", ""))
    start, end = int(citation.get("start", 0)), int(citation.get("end", 0))
    quote = str(citation.get("quote", ""))
    body = quote_in_context_html(doc_text(doc_id), start, end, quote)
    return (
        f'<details class="source" data-n="{n}"><summary><b>[{n}]</b> '
        f'<span class="muted">« {esc(teaser(quote))} »</span></summary>'
        f'<blockquote class="source-quote">{body}</blockquote>'
        f"{whole_document_html(doc_id, start, end, lang)}</details>"
    )


def _section_path(section: str, title: str) -> str:
    """A passage's section path without the parts that repeat its document's title."""
    folded_title = flat(title).casefold()
    parts = [p.strip() for p in section.split(">")]
    kept = [p for p in parts if p and p.casefold() not in folded_title and folded_title not in p.casefold()]
    return " › ".join(kept)


def passage_html(passage: dict[str, Any], doc_text: DocText, *, lang: str) -> str:
    """A nearest passage (not-found state): where it is in its document, then its text."""
    where = _section_path(str(passage.get("section") or ""), str(passage.get("title") or ""))
    doc_id = str(passage.get("doc_id", ""))
    text = doc_text(doc_id)
    start, end = int(passage.get("start", 0)), int(passage.get("end", 0))
    quote = str(passage.get("text", ""))
    if text is not None and 0 <= start <= end <= len(text):
        quote = text[start:end]
    body = quote_in_context_html(text, start, end, quote)
    label = esc(where) if where else f'<span class="muted">« {esc(teaser(quote))} »</span>'
    return (
        f'<details class="source suggestion"><summary>{label}</summary>'
        f'<blockquote class="source-quote">{body}</blockquote>'
        f"{whole_document_html(doc_id, start, end, lang)}</details>"
    )


def _grouped_html(items: list[dict[str, Any]], one: Callable[[dict[str, Any]], str], css: str) -> str:
    docs = "".join(
        f'<div class="source-doc"><p class="doc-title">{esc(title)}</p>{"".join(one(i) for i in group)}</div>'
        for _doc, title, group in _by_document(items)
    )
    return f'<div class="{css}">{docs}</div>'


def copy_text(answer: dict[str, Any], *, lang: str) -> str:
    """What Copy puts on the clipboard: the prose with its [n] marks, then the sources by document."""
    lines: list[str] = []
    if answer.get("answered", True):
        lines.append(str(answer.get("answer", "")).strip())
        items, label = list(answer.get("citations") or []), t(lang, "copy_sources")
    else:
        lines.append(f"{t(lang, 'not_found')} {t(lang, 'not_found_more')}".strip())
        items, label = list(answer.get("suggestions") or []), t(lang, "nearest")
    if items:
        lines += ["", f"{label} :" if lang == "fr" else f"{label}:"]
    for _doc, title, group in _by_document(items):
        lines.append(title)
        for item in group:
            mark = f"[{item['n']}] " if "n" in item else "- "
            lines.append(f"  {mark}« {teaser(str(item.get('quote') or item.get('text') or ''), COPY_QUOTE_CHARS)} »")
    return "\n".join(lines)


def answer_html(answer: dict[str, Any], doc_text: DocText, *, lang: str) -> str:
    """A whole assistant message: prose, then sources grouped by document; or, when the
    documents do not answer, one notice in the interface language and the nearest passages."""
    parts: list[str] = []
    if answer.get("answered", True):
        parts.append(f'<div class="answer">{answer_text_html(str(answer.get("answer", "")))}</div>')
        citations = list(answer.get("citations") or [])
        if citations:
            parts.append(f'<p class="sources-title"><b>{esc(t(lang, "sources"))}</b></p>')
            parts.append(_grouped_html(citations, lambda c: citation_html(c, doc_text, lang=lang), "sources"))
    else:
        parts.append(
            f'<div class="not-found"><p><b>{esc(t(lang, "not_found"))}</b> '
            f"{esc(t(lang, 'not_found_more'))}</p></div>"
        )
        suggestions = list(answer.get("suggestions") or [])
        if suggestions:
            parts.append(_grouped_html(suggestions, lambda p: passage_html(p, doc_text, lang=lang),
                                       "sources suggestions"))
        else:
            parts.append(f"<p>{esc(t(lang, 'no_suggestions'))}</p>")
    return f'<div class="reply">{"".join(parts)}{copy_span(copy_text(answer, lang=lang))}</div>'


def notice_html(message: str, *, kind: str = "warning") -> str:
    """A plain-words notice (service down, bad input) shown in place of an answer or a list."""
    return f'<div class="notice notice-{esc(kind)}">{esc(message)}{copy_span(message)}</div>'


def document_page(doc: dict[str, Any], start: int | None, end: int | None, *, lang: str) -> str:
    """A standalone page with a whole document, the cited span highlighted (id="quote")."""
    text = str(doc.get("text", ""))
    title = esc(doc.get("title") or doc.get("doc_id"))
    if start is not None and end is not None and 0 <= start < end <= len(text):
        body = f'{esc(text[:start])}<mark id="quote">{esc(text[start:end])}</mark>{esc(text[end:])}'
    else:
        body = esc(text)
    return (
        f'<!doctype html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>"
        "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:46em;padding:1em;line-height:1.5;"
        "color:#222}h1{font-size:1.25em}.text{white-space:pre-wrap;overflow-wrap:anywhere}"
        "mark{background:#fff0a8;scroll-margin-top:30vh}"
        f"</style></head><body><h1>{title}</h1><div class=\"text\">{body}</div></body></html>"
    )
