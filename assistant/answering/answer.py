"""Answer a question: route, resolve follow-ups, retrieve, check support, compose with citations."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from assistant.answering.citations import CitationBook
from assistant.answering.compose import (
    Draft,
    answer_event,
    answer_general,
    answer_initiatives,
    answer_people,
    answer_sessions,
    event_scope,
    rank_sessions,
)
from assistant.answering.router import (
    Constraints,
    asks_event,
    asks_logistics,
    asks_next_day,
    constraints,
    is_follow_up,
    kinds_named,
    route,
)
from assistant.answering.support import asks_contact, assess, salient_terms
from assistant.answering.temporal import matches_time, rerank_by_time
from assistant.domain.models import Answer, Session, Turn
from assistant.language.glossary import expand
from assistant.language.phrases import TEXT, day_label
from assistant.language.sentences import line_span
from assistant.language.text import content_terms, detect_language, fold
from assistant.search.retrieval import SearchFilters, hybrid_search

if TYPE_CHECKING:
    from assistant.service import Assistant

SEARCH_DEPTH = 30


def _previous_question(history: list[Turn]) -> str | None:
    return next((t.content for t in reversed(history) if t.role == "user"), None)


def _shift_day(c: Constraints, sessions, days: int, part_of_day: str | None, *, all_sessions) -> Constraints:
    """'Et le lendemain (matin) ?': the day after the dates the previous question was about, at
    the part of the day the follow-up names, else the one asked before."""
    dates = sorted({s.date for s in sessions if s.date and not s.date.startswith("--") and matches_time(s, c)})
    if not dates:
        return c
    target = dt.date.fromisoformat(dates[0 if days > 0 else -1]) + dt.timedelta(days=days)
    shifted = Constraints(iso_date=target.isoformat(), part_of_day=part_of_day or c.part_of_day, roles=c.roles)
    if part_of_day is None and not any(matches_time(s, shifted) for s in all_sessions):
        # "Et le lendemain ?" after "mardi après-midi" when the next day has only a morning: the
        # whole next day, rather than nothing.
        return Constraints(iso_date=target.isoformat(), roles=c.roles)
    return shifted


_SAME_ROOM = re.compile(r"\b(meme salle|cette salle|la salle ou|same room|that room|this room)\b")


def _previous_session(core: Assistant, previous: str) -> Session | None:
    """The session the previous question was about: its room for "… dans cette même salle ?",
    its day for "et le lendemain ?" when that question named no day."""
    hits = hybrid_search(core.index, query=expand(previous, detect_language(previous)), dense_query=previous,
                         k=SEARCH_DEPTH, embedder=core.embedder, store=core.store,
                         lexical_weight=core.settings.lexical_weight)
    ranked = rank_sessions(core.index, hits)
    return ranked[0][0] if ranked else None


def _source_lines(index, hit) -> str:
    """The full source lines under a hit, where contact details stand beside their name."""
    text = index.documents[hit.item.doc_id].text
    a, b = line_span(text, hit.item.start, hit.item.end)
    return text[a:b]


def _asks_who(question: str) -> bool:
    return bool(re.match(r"\s*(qui|who)\b", fold(question)))


def _uncovered(question: str, language: str, sentences: list[str]) -> bool:
    covered = set(content_terms(" ".join(sentences)))
    return any(not g & covered for g in salient_terms(question, language))


def _names_initiative(index, question: str) -> bool:
    f = fold(question)
    return any(len(i.name) > 3 and fold(i.name) in f for i in index.snapshot.catalogue.initiatives)


def _compose_for_intent(index, *, intent: str, question: str, query: str, search_query: str, hits,
                        cons: Constraints, topical: bool, language: str, book: CitationBook,
                        scope: set[str] | None = None) -> Draft:
    """The intent's own composer (sessions, people, initiatives); empty when it finds nothing."""

    def with_source_sentences(draft: Draft) -> Draft:
        more = answer_general(index, hits=hits, query=search_query, lang=language, book=book,
                              said=" ".join(draft.sentences))
        return Draft(draft.sentences + more.sentences, draft.records)

    draft = Draft([], [])
    if intent == "session":
        logistics = asks_logistics(question) or not topical
        draft = answer_sessions(index, hits=hits, constraints=cons, topical=topical, lang=language,
                                book=book, kinds=kinds_named(question), limit=3 if logistics else 1, docs=scope)
        if not logistics:
            # A question about what a session says: its line, then the source sentences.
            draft = with_source_sentences(draft)
    elif intent == "people":
        draft = answer_people(index, hits=hits, constraints=cons, lang=language, book=book,
                              contact=asks_contact(question))
    elif intent == "initiative":
        draft = answer_initiatives(index, hits=hits, plural=not _names_initiative(index, question),
                                   lang=language, book=book)
        if draft.sentences and _uncovered(query, language, draft.sentences):
            # The question asks more than the records say: add the best source sentences.
            draft = with_source_sentences(draft)
    return draft


def refusal(core: Assistant, *, question: str, language: str, intent: str, reason: str | None,
            filters: SearchFilters | None) -> Answer:
    text = TEXT[language]
    message = text["refusal_attr"].get(reason or "", text["refusal"])
    try:
        suggestions = core.search(expand(question, language), k=3, filters=filters)
    except Exception:  # suggestions are a courtesy: never let them turn a refusal into an error
        suggestions = []
    return Answer(answer=f"{message} {text['nearest']}" if suggestions else message, answered=False,
                  intent=intent if intent != "general" else "out_of_scope", language=language,  # type: ignore[arg-type]
                  citations=[], suggestions=suggestions)


def answer_question(core: Assistant, *, question: str, history: list[Turn],
                    filters: SearchFilters | None, k: int) -> Answer:
    index = core.index
    language = detect_language(question)
    intent = route(question)
    query = question
    day_hint = ""  # searched for, not asked about: kept out of the support check
    cons = constraints(question)
    previous = _previous_question(history)
    if previous and is_follow_up(question):
        prev_intent = route(previous)
        if intent == "general" or (intent == "session" and not salient_terms(question, language)):
            intent = prev_intent if prev_intent != "recommend" else "session"
        prev_cons = constraints(previous)
        shift = asks_next_day(question)
        query = f"{previous} {question}"
        same_room = bool(_SAME_ROOM.search(fold(question)))
        before = _previous_session(core, previous) if same_room or (shift and not prev_cons.has_time) else None
        if same_room and before is not None and before.room:
            filters = (filters or SearchFilters()).model_copy(update={"room": before.room})
        if shift:
            anchor = [before] if before is not None and not prev_cons.has_time else index.snapshot.catalogue.sessions
            cons = _shift_day(prev_cons, anchor, shift, cons.part_of_day, all_sessions=index.snapshot.catalogue.sessions)
            # Programmes head each day with its date: name the new day so search reaches it.
            day_hint = day_label(cons.iso_date, "fr") or ""
        elif not cons.has_time:
            cons = Constraints(weekday=prev_cons.weekday, month_day=prev_cons.month_day,
                               iso_date=prev_cons.iso_date, part_of_day=prev_cons.part_of_day, roles=cons.roles)
        language = detect_language(question) if len(question.split()) > 2 else detect_language(previous)
    if (intent in ("people", "general", "session") and not cons.roles and not _asks_who(question)
            and _names_initiative(index, question)):
        # "Qu'est-ce que X et qui l'a créé ?" is about the initiative X, not about a speaker.
        intent = "initiative"
    if intent == "recommend":
        from assistant.answering.recommend import agenda_answer

        return agenda_answer(core, question=query, language=language, filters=filters, constraints=cons)

    search_query = f"{expand(query, language)} {day_hint}".rstrip()
    hits = hybrid_search(index, query=search_query, dense_query=query, k=max(k, SEARCH_DEPTH),
                         embedder=core.embedder,
                         store=core.store, lexical_weight=core.settings.lexical_weight, filters=filters)
    hits = rerank_by_time(index, hits, cons)
    if intent == "general" and hits and hits[0].item.kind == "initiative":
        # Nothing in the wording, but the best match is a showcased initiative: answer with it.
        intent = "initiative"
    groups = salient_terms(query, language)
    scope: set[str] = set()
    if cons.has_time and groups:
        # "Quels ateliers mercredi matin au colloque de Rouen ?" lists that event's morning.
        scope, groups = event_scope(index, groups)
    topical = bool(groups)
    evidence = [h.item.text + "\n" + _source_lines(index, h) for h in hits[:5]]
    # What must be supported is what is asked now; the previous turn only lends context when the
    # follow-up has no subject of its own ("et le lendemain ?").
    asked = question if salient_terms(question, language) else query
    support = assess(asked, language=language, evidence_texts=evidence, vocabulary=index.lexical.vocabulary)
    time_listing = intent == "session" and cons.has_time and not topical
    if not hits or support.missing_attribute or not (time_listing or support.supported(core.settings.support_threshold)):
        return refusal(core, question=query, language=language, intent=intent,
                       reason=support.missing_attribute, filters=filters)

    book = CitationBook(index.documents)
    draft = Draft([], [])
    if intent in ("session", "general") and asks_event(question) and not time_listing:
        draft = answer_event(index, hits=hits, lang=language, book=book)
    if not draft.sentences:
        draft = _compose_for_intent(index, intent=intent, question=question, query=query,
                                    search_query=search_query, hits=hits, cons=cons, topical=topical, scope=scope,
                                    language=language, book=book)
    if not draft.sentences:
        book = CitationBook(index.documents)
        draft = answer_general(index, hits=hits, query=search_query, lang=language, book=book)
    if not draft.sentences:
        return refusal(core, question=query, language=language, intent=intent, reason=None, filters=filters)

    answer = Answer(answer=" ".join(draft.sentences), answered=True, intent=intent,
                    language=language, citations=book.citations, records=draft.records)  # type: ignore[arg-type]
    if core.llm is not None:
        return core.llm.improve(question=question, language=language, extractive=answer,
                                hits=[index.to_passage(h.item, h.score) for h in hits[:k]])
    return answer
