"""Catalogue records and the agenda as cards: one card per record, fields stacked, so a phone
shows everything (a table of seven columns does not fit 390 px); wider screens lay the cards
out in a grid. All text is escaped by `ui.render.esc`.
"""

from __future__ import annotations

from typing import Any

from ui.i18n import date_range, format_date, format_day, t
from ui.render import esc, teaser, whole_document_html

EVENT_LABEL_CHARS = 60


def _source(citation: dict[str, Any] | None, lang: str) -> str:
    """The record's source, revealed on click: document title, quote, link to the document."""
    if not citation:
        return ""
    quote = "<br>".join(esc(part) for part in str(citation.get("quote", "")).split("\n"))
    link = whole_document_html(str(citation.get("doc_id", "")), int(citation.get("start", 0)),
                               int(citation.get("end", 0)), lang)
    return (
        f'<details class="source"><summary>{esc(t(lang, "show_source"))}</summary>'
        f'<div class="source-title">{esc(citation.get("title"))}</div>'
        f'<blockquote class="source-quote"><mark>{quote}</mark></blockquote>{link}</details>'
    )


def time_text(session: dict[str, Any]) -> str:
    start, end = session.get("start"), session.get("end")
    if start and end:
        return f"{start}–{end}"
    return start or ""


def _when(session: dict[str, Any], lang: str, *, day: bool = True) -> str:
    date = session.get("date")
    parts = [format_day(date, lang) if day else "", time_text(session), session.get("room") or ""]
    if day and date and str(date).startswith("--"):
        parts[0] = f"{format_date(date, lang)} ({t(lang, 'year_unknown')})"
    return " · ".join(esc(p) for p in parts if p)


def _field(label: str, value: str | None, lang: str) -> str:
    if not value:
        return ""
    sep = " : " if lang == "fr" else ": "
    return f'<p class="field"><span class="label">{esc(label)}{sep}</span>{esc(value)}</p>'


def _cards(cards: list[str], *, lang: str, css: str) -> str:
    if not cards:
        return f'<p class="no-results">{esc(t(lang, "no_results"))}</p>'
    count = esc(t(lang, "results", n=len(cards)))
    return f'<p class="count">{count}</p><div class="cards {esc(css)}">{"".join(cards)}</div>'


def session_card(s: dict[str, Any], *, lang: str) -> str:
    people = ", ".join(p.get("name", "") for p in s.get("people") or [])
    return (
        f'<article class="card session"><p class="when">{_when(s, lang)}</p>'
        f'<h4 class="card-title">{esc(s.get("title"))}</h4>'
        f"{_field(t(lang, 'event'), s.get('event'), lang)}{_field(t(lang, 'people'), people, lang)}"
        f"{_source(s.get('citation'), lang)}</article>"
    )


def sessions_cards(sessions: list[dict[str, Any]], *, lang: str) -> str:
    """Sessions with day, time, room, event, speakers and a revealable source quote."""
    return _cards([session_card(s, lang=lang) for s in sessions], lang=lang, css="sessions")


def initiatives_cards(initiatives: list[dict[str, Any]], *, lang: str) -> str:
    """Initiatives with territory, organiser, description and a revealable source quote."""
    cards = [
        f'<article class="card initiative"><h4 class="card-title">{esc(i.get("name"))}</h4>'
        f"{_field(t(lang, 'place'), i.get('place'), lang)}{_field(t(lang, 'organiser'), i.get('organiser'), lang)}"
        f'<p class="description">{esc(i.get("description") or "")}</p>{_source(i.get("citation"), lang)}</article>'
        for i in initiatives
    ]
    return _cards(cards, lang=lang, css="initiatives")


def event_label(event: dict[str, Any], lang: str, *, limit: int = EVENT_LABEL_CHARS) -> str:
    """'Colloque national « … » (Rouen, 4 – 5 mars 2025)': the title cut to `limit` characters."""
    where = ", ".join(p for p in (event.get("place"), date_range(event.get("date"), event.get("date_end"), lang)) if p)
    title = teaser(str(event.get("title") or event.get("doc_id") or ""), limit)
    return f"{title} ({where})" if where else title


def _choice(choice: dict[str, Any], lang: str) -> str:
    s = choice.get("session") or {}
    sep = " : " if lang == "fr" else ": "
    return (
        f'<p class="when">{_when(s, lang, day=False)}</p><h4 class="card-title">{esc(s.get("title"))}</h4>'
        f'<p class="reason"><span class="label">{esc(t(lang, "why"))}{sep}</span>« {esc(choice.get("reason"))} »</p>'
        f"{_source(choice.get('citation') or s.get('citation'), lang)}"
    )


def _slot_card(item: dict[str, Any], lang: str) -> str:
    alternatives = item.get("alternatives") or []
    alt = ""
    if alternatives:
        others = "".join(f'<div class="alternative">{_choice(a, lang)}</div>' for a in alternatives)
        alt = f'<div class="alternatives"><p class="label">{esc(t(lang, "same_time"))}</p>{others}</div>'
    return f'<article class="card slot">{_choice(item, lang)}{alt}</article>'


def _scope_line(agenda: dict[str, Any], lang: str) -> str:
    event, scope = agenda.get("event"), agenda.get("scope") or "recent"
    if not event:
        return t(lang, "agenda_no_event", date=format_day(agenda.get("date"), lang))
    return t(lang, f"scope_{scope}", event=event_label(event, lang, limit=120),
             date=format_day(agenda.get("date"), lang))


def agenda_cards(agenda: dict[str, Any], *, lang: str) -> str:
    """The agenda: which event and why, then per day its slots (a clash shows its alternatives),
    then sessions without a full date, then other events that also match."""
    parts = [f'<p class="agenda-scope">{esc(_scope_line(agenda, lang))}</p>']
    items, undated = agenda.get("items") or [], agenda.get("undated") or []
    if agenda.get("event") and not items and not undated:
        parts.append(f'<p class="no-results">{esc(t(lang, "agenda_nothing", interests=agenda.get("interests", "")))}</p>')
    day = None
    for item in items:
        date = (item.get("session") or {}).get("date")
        if date != day:
            if day is not None:
                parts.append("</div>")
            parts.append(f'<h4 class="day">{esc(format_day(date, lang))}</h4><div class="cards agenda">')
            day = date
        parts.append(_slot_card(item, lang))
    if day is not None:
        parts.append("</div>")
    if undated:
        cards = "".join(f'<article class="card slot undated">{_choice(c, lang)}'
                        f'<p class="when">{_when(c.get("session") or {}, lang)}</p></article>' for c in undated)
        parts.append(f'<div class="undated"><p class="note">{esc(t(lang, "undated"))}</p>'
                     f'<div class="cards agenda">{cards}</div></div>')
    others = agenda.get("other_events") or []
    if others:
        names = "; ".join(f"{event_label(m['event'], lang)} — {t(lang, 'n_sessions', n=m['matches'])}" for m in others)
        parts.append(f'<p class="other-events muted">{esc(t(lang, "other_events", events=names))}</p>')
    return "".join(parts)
