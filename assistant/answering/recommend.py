"""Agenda requests in the chat ("je m'intéresse à…, que me conseillez-vous ?"): the attendee's
agenda (`assistant.answering.agenda`, the one `/recommend` and the `.ics` give), worded as an
answer: its event, then one cited line per fitting choice, best fit first."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answering.agenda import plan_agenda
from assistant.answering.cite import CitationBook, record_span
from assistant.answering.query import Query
from assistant.answering.retrieve import Resources
from assistant.answering.temporal import matches_time
from assistant.domain.models import Answer, Session
from assistant.language.calendar import day_label, time_label
from assistant.language.phrases import quoted, readable_room, text

LIMIT = 6


def _timely(items: list, query: Query) -> list:
    """The items held when the question says (all of them when it says no time)."""
    if not query.filters.time.active:
        return list(items)
    return [i for i in items if matches_time(i.session, query.filters.time)]


def agenda_answer(query: Query, res: Resources, *, date: str | None = None,
                  hints: Sequence[Session] = (), hints_fit: bool = False) -> Answer:
    """`hints`: the sessions the search ranks first for the question, best first. When the
    question names no event, the first one's event is the one the attendee means. `hints_fit`:
    they are near the question in meaning, so the question is about that programme however it
    is worded, and its items (breaks aside) are ranked by what they are about, not only kept
    when they repeat the question's words: a person describing themselves ("j'accompagne des
    mères qui veulent retravailler") seldom uses the words of the workshop made for them."""
    from assistant.answering.pipeline import refusal
    from assistant.answering.plan import Plan

    named = [d for d in query.filters.docs]
    if len(named) != 1 and date is None and hints:
        named = [hints[0].doc_id]
    agenda = plan_agenda(res, interests=query.text, date=date, limit=2 * LIMIT,
                         event=named[0] if len(named) == 1 else None, described=hints_fit and len(named) == 1)
    if not _timely(agenda.items, query) and agenda.scope in ("upcoming", "recent"):
        # No event named and nothing fits the default one (then): in a chat the attendee means
        # the event whose programme fits best, on the day said if any (the agenda page says
        # which event it shows instead).
        for other in agenda.other_events:
            found = plan_agenda(res, interests=query.text, date=date, limit=2 * LIMIT, event=other.event.doc_id)
            if _timely(found.items, query):
                agenda = found
                break
    # In a chat the attendee picks among parallel workshops too: every fitting choice competes,
    # not only the best of each time slot.
    items = [c for i in agenda.items for c in (i, *i.alternatives)]
    if query.filters.time.active:
        # "Mercredi matin, …": the stated day or part of day narrows the agenda when it matches.
        items = _timely(items, query) or items
    if not items:
        return refusal(query, Plan.refuse("recommend"), res)
    lang = query.language
    book = CitationBook(res.index.documents)
    sentences = []
    event = next((e for e in res.index.snapshot.catalogue.events if agenda.event and e.doc_id == agenda.event.doc_id), None)
    if event is not None:
        # Which event the agenda is for: the attendee may have named none.
        event_marks = book.marks([book.cite_span(record_span(event, res.index.documents[event.doc_id].text))])
        sentences.append(text(lang, "agenda_in", event=quoted(event.title, lang), marks=event_marks))
    items.sort(key=lambda i: -i.score)
    for item in items[:LIMIT]:
        s = item.session
        marks = [book.cite_span(s.citation), book.cite_span(s.fields.get("date")),
                 book.cite_span(s.fields.get("start")), book.cite_span(item.citation)]
        when = ", ".join(p for p in (day_label(s.date, lang), time_label(s.start, s.end, lang),
                                     readable_room(s.room) if s.room else None) if p)
        sentences.append(f"{quoted(s.title, lang)} — {when} {book.marks(marks)}.")
    return Answer(answer=" ".join(sentences), answered=True, intent="recommend", language=lang,
                  citations=book.citations, records=[i.session for i in items[:LIMIT]])
