"""Answer a question: understand -> retrieve -> ground -> compose (and cite), then the optional
LLM rewrite. Each stage gets the resources it reads explicitly; none sees the service facade."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answering.catalogue_terms import terms_of
from assistant.answering.cite import CitationBook, record_span
from assistant.answering.compose import compose
from assistant.answering.ground import ground
from assistant.answering.plan import Plan
from assistant.answering.query import Query
from assistant.answering.retrieve import Resources, retrieve, search
from assistant.answering.understand import understand
from assistant.domain.models import Answer, Passage, Session, Turn
from assistant.language import phrases

if TYPE_CHECKING:
    from assistant.answering.llm import LLMAnswerer

SUGGESTIONS = 3


@dataclass(frozen=True)
class Answering:
    """Everything the stages need besides the question."""

    res: Resources
    support_threshold: float
    dense_support: float | None = None  # a cosine that supports the topic on its own (Settings)
    llm: LLMAnswerer | None = None


def _suggestions(query: Query, res: Resources) -> list[Passage]:
    try:
        hits = search(query, res, depth=SUGGESTIONS)
    except Exception:  # suggestions are a courtesy: never let them turn a refusal into an error
        return []
    return [res.index.to_passage(h.item, h.score) for h in hits[:SUGGESTIONS]]


def refusal(query: Query, plan: Plan, res: Resources) -> Answer:
    lang = query.language
    if plan.reason and plan.reason in plan.pending:
        message = phrases.text(lang, "not_given_in", what=phrases.pending(lang, plan.reason))
    elif plan.reason and plan.reason in phrases.TEXT[lang]["missing"]:
        message = phrases.text(lang, "not_given_in", what=phrases.missing(lang, plan.reason))
    else:
        message = phrases.text(lang, "refusal")
    suggestions = _suggestions(query, res)
    text = f"{message} {phrases.text(lang, 'nearest')}" if suggestions else message
    intent = plan.intent if plan.intent not in ("general", "help") else "out_of_scope"
    return Answer(answer=text, answered=False, intent=intent, language=lang, citations=[],
                  suggestions=suggestions, records=[r for r in plan.records if not hasattr(r, "date_end")])


def help_answer(query: Query, res: Resources) -> Answer:
    """What the assistant can do, with the events it holds as cited examples."""
    lang = query.language
    book = CitationBook(res.index.documents)
    events = res.index.snapshot.catalogue.events[:3]
    examples = [f"{phrases.quoted(e.title, lang)} {book.marks([book.cite_span(record_span(e, res.index.documents[e.doc_id].text))])}" for e in events]
    head = phrases.text(lang, "help", count=len(res.index.documents))
    return Answer(answer=f"{head} {'; '.join(examples)}.", answered=True, intent="help", language=lang,
                  citations=book.citations)


def answer_query(query: Query, ctx: Answering) -> Answer:
    res = ctx.res
    evidence = retrieve(query, res)
    plan = ground(query, evidence, res, threshold=ctx.support_threshold,
                  dense_support=ctx.dense_support)
    if plan.intent == "help":
        return help_answer(query, res)
    if plan.intent == "recommend":
        from assistant.answering.recommend import agenda_answer

        hints = [r for r in plan.records if isinstance(r, Session)]
        return agenda_answer(query, res, hints=hints, hints_fit=plan.near)
    if not plan.answered:
        return refusal(query, plan, res)
    text, citations = compose(query, plan, res.index)
    if not citations:
        return refusal(query, Plan.refuse(plan.intent), res)
    answer = Answer(answer=text, answered=True, intent=plan.intent if plan.intent != "event" else "general",
                    language=query.language, citations=citations,
                    records=[r for r in plan.records if not hasattr(r, "date_end")])
    if ctx.llm is not None:
        hits = [res.index.to_passage(h.item, h.score) for h in evidence.hits[:5]]
        return ctx.llm.improve(question=query.text, language=query.language, extractive=answer, hits=hits)
    return answer


def main_records(query: Query, ctx: Answering) -> tuple[str, ...]:
    """The records an answer to `query` would be about (the subject of a follow-up)."""
    plan = ground(query, retrieve(query, ctx.res), ctx.res, threshold=ctx.support_threshold,
                  dense_support=ctx.dense_support)
    return tuple(r.id for r in plan.records[:1])


def answer_question(question: str, history: list[Turn], ctx: Answering) -> Answer:
    query = understand(question, history, terms=terms_of(ctx.res.index),
                       resolve=lambda previous: main_records(previous, ctx))
    return answer_query(query, ctx)
