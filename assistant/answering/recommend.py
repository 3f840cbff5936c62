"""Agenda requests in the chat: the best-fitting session per time slot across the programmes, ranked
by fit (the first line is the one to go to). The attendee's own agenda (`/recommend`, `.ics`) is
`assistant.answering.agenda`: scoped to one event and in date order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.answering.agenda import reason_for
from assistant.answering.citations import CitationBook
from assistant.answering.compose import rank_sessions
from assistant.answering.router import Constraints
from assistant.answering.temporal import matches_time
from assistant.domain.models import Answer, Citation, Frozen, Session
from assistant.language.glossary import expand
from assistant.language.phrases import day_label, quoted, time_label
from assistant.language.text import content_terms, detect_language
from assistant.search.retrieval import SearchFilters, hybrid_search

if TYPE_CHECKING:
    from assistant.service import Assistant

# Below this share of the best session's score a session is not a fit, whatever its slot.
MIN_RELATIVE_FIT = 0.35


class AgendaItem(Frozen):
    session: Session
    reason: str
    citation: Citation
    score: float


class Agenda(Frozen):
    interests: str
    date: str | None = None
    items: list[AgendaItem]


def recommend_agenda(core: Assistant, *, interests: str, date: str | None = None, limit: int = 10,
                     constraints: Constraints | None = None) -> Agenda:
    index = core.index
    language = detect_language(interests)
    filters = SearchFilters(date=date) if date else None
    hits = hybrid_search(index, query=expand(interests, language), dense_query=interests, k=60, embedder=core.embedder,
                         store=core.store, lexical_weight=core.settings.lexical_weight, filters=filters)
    ranked = [(s, sc) for s, sc in rank_sessions(index, hits) if not date or s.date == date]
    if constraints is not None and constraints.has_time:
        # "Mercredi matin, …": the stated day or part of day narrows the agenda when it matches something.
        ranked = [(s, sc) for s, sc in ranked if matches_time(s, constraints)] or ranked
    if not ranked:
        return Agenda(interests=interests, date=date, items=[])
    top = ranked[0][1]
    taken: set[tuple] = set()
    items: list[AgendaItem] = []
    for session, score in ranked:
        if score < MIN_RELATIVE_FIT * top:
            break
        # One session per slot: sessions without times share their day's slot.
        slot = (session.date, session.start, session.end)
        if slot in taken:
            continue
        taken.add(slot)
        reason, citation = reason_for(core, session, interests)
        items.append(AgendaItem(session=session, reason=reason, citation=citation, score=round(score, 4)))
        if len(items) >= limit:
            break
    return Agenda(interests=interests, date=date, items=items)


def _agenda_supported(core: Assistant, question: str, language: str, agenda: Agenda) -> bool:
    """An agenda answers several interests with several sessions: enough of the interests must
    be met by some session of it (not all by one), and not every interest be foreign to the corpus."""
    from assistant.answering.support import assess, salient_terms

    index = core.index
    texts = [index.documents[i.session.doc_id].text[i.session.citation.start : i.session.citation.end]
             for i in agenda.items]
    support = assess(question, language=language, evidence_texts=texts, vocabulary=index.lexical.vocabulary)
    groups = salient_terms(question, language)
    if support.missing_attribute is not None or (groups and support.unknown >= 1.0):
        return False
    if not groups:
        return True
    seen = set().union(*(content_terms(t) for t in texts))
    met = sum(1 for g in groups if g & seen) / len(groups)
    return met >= core.settings.support_threshold


def agenda_answer(core: Assistant, *, question: str, language: str, filters: SearchFilters | None,
                  constraints: Constraints | None = None) -> Answer:
    agenda = recommend_agenda(core, interests=question, date=filters.date if filters else None, limit=6,
                              constraints=constraints)
    if not agenda.items or not _agenda_supported(core, question, language, agenda):
        from assistant.answering.answer import refusal

        return refusal(core, question=question, language=language, intent="recommend", reason=None,
                       filters=filters)
    book = CitationBook(core.index.documents)
    sentences = []
    # Best fit first, as /recommend ranks them: the first line is the one to go to.
    for item in agenda.items:
        s = item.session
        marks = [book.cite_span(s.citation), book.cite_span(s.fields.get("date")),
                 book.cite_span(s.fields.get("start")), book.cite_span(item.citation)]
        when = ", ".join(p for p in (day_label(s.date, language), time_label(s.start, s.end, language), s.room) if p)
        sentences.append(f"{quoted(s.title, language)} — {when} {book.marks(marks)}.")
    return Answer(answer=" ".join(sentences), answered=True, intent="recommend", language=language,  # type: ignore[arg-type]
                  citations=book.citations, records=[i.session for i in agenda.items])
