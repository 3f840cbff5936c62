"""Agenda requests in the chat ("je m'intéresse à…, que me conseillez-vous ?"): the attendee's
agenda (`assistant.answering.agenda`, the one `/recommend` and the `.ics` give), worded as an
answer: its event and why, then one cited line per time slot, best fit first."""

from __future__ import annotations

from assistant.answering.agenda import plan_agenda
from assistant.answering.cite import CitationBook
from assistant.answering.query import Query
from assistant.answering.retrieve import Resources
from assistant.answering.temporal import matches_time
from assistant.domain.models import Answer
from assistant.language.calendar import day_label, time_label
from assistant.language.phrases import quoted, readable_room

LIMIT = 6


def agenda_answer(query: Query, res: Resources, *, date: str | None = None) -> Answer:
    from assistant.answering.pipeline import refusal
    from assistant.answering.plan import Plan

    agenda = plan_agenda(res, interests=query.text, date=date, limit=2 * LIMIT)
    items = list(agenda.items)
    if query.filters.time.active:
        # "Mercredi matin, …": the stated day or part of day narrows the agenda when it matches.
        items = [i for i in items if matches_time(i.session, query.filters.time)] or items
    if not items:
        return refusal(query, Plan.refuse("recommend"), res)
    lang = query.language
    book = CitationBook(res.index.documents)
    sentences = []
    for item in sorted(items, key=lambda i: -i.score)[:LIMIT]:
        s = item.session
        marks = [book.cite_span(s.citation), book.cite_span(s.fields.get("date")),
                 book.cite_span(s.fields.get("start")), book.cite_span(item.citation)]
        when = ", ".join(p for p in (day_label(s.date, lang), time_label(s.start, s.end, lang),
                                     readable_room(s.room) if s.room else None) if p)
        sentences.append(f"{quoted(s.title, lang)} — {when} {book.marks(marks)}.")
    return Answer(answer=" ".join(sentences), answered=True, intent="recommend", language=lang,
                  citations=book.citations, records=[i.session for i in items[:LIMIT]])
