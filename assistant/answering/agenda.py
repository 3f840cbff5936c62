"""The attendee's agenda (`/recommend`, "Mon programme", `.ics`): one event, what in its programme
fits the interests, one row per time slot with clashing fits as alternatives, in date order.

Which event: the one a date given falls in; else the one the interests name by its place, a
year or its kind ("au colloque", "the 2016 steering committee"); else the next upcoming one,
else the most recent one. The agenda says which rule chose it (`scope`). A session fits when it
meets one of the comma-separated interests (its words, stemmed, as search reads them); nothing
fitting gives no rows at all rather than the nearest titles. Sessions whose date lacks its day
or year cannot be placed in a calendar: they are listed apart (`undated`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Literal

from assistant.answering.cite import CitationBook
from assistant.answering.retrieve import Resources, records_of
from assistant.answering.selection import is_break
from assistant.answering.understand import topic_terms
from assistant.domain.models import Citation, Frozen, Session
from assistant.language.glossary import expand
from assistant.language.matching import TermGroup, group_met
from assistant.language.sentences import sentence_spans
from assistant.language.text import content_terms, detect_language, tokens
from assistant.search.retrieval import SearchFilters, hybrid_search

Scope = Literal["date", "named", "upcoming", "recent"]
# Interests are listed with commas, semicolons, slashes, new lines or "et"/"and".
_SPLIT = re.compile(r"[,;/+\n]|\s(?:et|and|ou|or)\s", re.IGNORECASE)
_YEAR = re.compile(r"^(19|20)\d\d$")
SEARCH_DEPTH = 60


class EventRef(Frozen):
    doc_id: str
    title: str
    date: str | None = None  # first full date of the event (ISO), when known
    date_end: str | None = None
    place: str | None = None
    kind: str | None = None


class AgendaChoice(Frozen):
    session: Session
    reason: str
    citation: Citation
    score: float


class AgendaItem(AgendaChoice):
    alternatives: list[AgendaChoice] = []


class EventMatches(Frozen):
    event: EventRef
    matches: int


class Agenda(Frozen):
    interests: str
    date: str | None = None
    event: EventRef | None = None
    scope: Scope | None = None
    items: list[AgendaItem]
    undated: list[AgendaChoice] = []
    other_events: list[EventMatches] = []


def full_date(iso: str | None) -> bool:
    return bool(iso) and not iso.startswith("-")  # type: ignore[union-attr]


def reason_for(res: Resources, session: Session, interests: str) -> tuple[str, Citation]:
    """The sentence of the session's own block that shares most with the interests, cited; its
    title only when the block has nothing else to say."""
    doc = res.index.documents[session.doc_id]
    terms = set(content_terms(interests))
    title = set(content_terms(session.title))
    best = None
    for a, b in sentence_spans(doc.text, session.citation.start, session.citation.end):
        if len(doc.text[a:b].split()) < 4:  # room labels are not reasons
            continue
        said = set(content_terms(doc.text[a:b]))
        rank = (not said <= title, len(terms & said))
        if best is None or rank > best[0]:
            best = (rank, a, b)
    a, b = (session.citation.start, session.citation.end) if best is None else best[1:]
    book = CitationBook(res.index.documents)
    book.cite(session.doc_id, a, b)
    citation = book.citations[0]
    return citation.quote, citation


# -- which event -------------------------------------------------------------------------------
def programme_events(res: Resources) -> dict[str, EventRef]:
    """One event per document that has sessions, dated by its sessions (else its manifest)."""
    index = res.index
    infos = {d.doc_id: d for d in index.snapshot.infos()}
    parsed = {e.doc_id: e for e in index.snapshot.catalogue.events}
    dates: dict[str, list[str]] = {}
    for s in index.snapshot.catalogue.sessions:
        dates.setdefault(s.doc_id, [])
        if full_date(s.date):
            dates[s.doc_id].append(s.date)  # type: ignore[arg-type]
    events = {}
    for doc_id, days in dates.items():
        info, event = infos.get(doc_id), parsed.get(doc_id)
        first = min(days) if days else (info.date if info and full_date(info.date) else None)
        last = max(days) if days else (info.date_end if info and full_date(info.date_end) else first)
        events[doc_id] = EventRef(
            doc_id=doc_id, title=(info.title if info else None) or (event.title if event else doc_id),
            date=first, date_end=last, place=(info.place if info else None) or (event.place if event else None),
            kind=info.kind if info else None)
    return events


def named_event(res: Resources, interests: str, events: dict[str, EventRef]) -> tuple[str | None, list[TermGroup]]:
    """The event the interests name (by its place, or its kind and distinctive title words,
    as the chat reads them), and the groups that named it (they are no topic); a year said
    picks among several named, or names one alone."""
    from assistant.answering.catalogue_terms import terms_of

    terms = terms_of(res.index)
    named = [d for d in terms.events_named(interests) if d in events]
    said_years = {t for t in tokens(interests) if _YEAR.match(t)}
    if said_years:
        in_year = [d for d in (named or events) if _years(events[d]) & said_years]
        named = in_year if in_year or not named else named
    if len(named) != 1:
        return None, []
    used = [frozenset(content_terms(w)) for w in terms.event_words(frozenset(named), interests)]
    return named[0], [g for g in used if g]


def _years(event: EventRef) -> set[str]:
    if not event.date:
        return set()
    return {str(y) for y in range(int(event.date[:4]), int((event.date_end or event.date)[:4]) + 1)}


def choose_event(res: Resources, events: dict[str, EventRef], *, interests: str, date: str | None,
                 today: dt.date) -> tuple[str | None, Scope, list[TermGroup]]:
    if date:
        inside = [e for e in events.values() if e.date and e.date <= date <= (e.date_end or e.date)]
        return (inside[0].doc_id if inside else None), "date", []
    named, used = named_event(res, interests, events)
    if named:
        return named, "named", used
    dated = [e for e in events.values() if e.date]
    upcoming = [e for e in dated if (e.date_end or e.date) >= today.isoformat()]  # type: ignore[operator]
    if upcoming:
        return min(upcoming, key=lambda e: e.date or "").doc_id, "upcoming", []
    if dated:
        return max(dated, key=lambda e: e.date_end or e.date or "").doc_id, "recent", []
    return None, "recent", []


# -- what fits ---------------------------------------------------------------------------------
def interest_phrases(interests: str, language: str, *, drop: list[TermGroup]) -> list[list[TermGroup]]:
    """Each listed interest as its salient term groups, without the groups that named the event."""
    phrases = []
    for part in _SPLIT.split(interests):
        groups = [frozenset(g) for g in topic_terms(part, language, removed=[])]  # type: ignore[arg-type]
        groups = [g for g in groups if not any(g & d for d in drop)]
        if groups:
            phrases.append(groups)
    return phrases


def phrases_met(phrases: list[list[TermGroup]], text: str) -> float:
    """How well the text meets the interests: per interest, the share of its words the text
    has, counted when it has at least half of them ("santé mentale" is met by "santé" too, but
    ranks below a session with both words)."""
    stems = frozenset(content_terms(text))
    met = 0.0
    for groups in phrases:
        have = sum(group_met(g, stems) for g in groups)
        if have >= math.ceil(len(groups) / 2):
            met += have / len(groups)
    return met


def _session_text(res: Resources, s: Session) -> str:
    text = res.index.documents[s.doc_id].text[s.citation.start : s.citation.end]
    return f"{s.title} {s.description or ''} {text}"


def fitting_sessions(res: Resources, *, doc_id: str, interests: str, phrases: list[list[TermGroup]],
                     date: str | None, described: bool = False) -> list[tuple[Session, float]]:
    """The event's sessions meeting an interest (all of them when no topic is given), best first:
    more interests met, then the search score of the interests. `described`: the interests are
    a person describing themselves ("je suis animatrice jeunesse…"), whose words the programme
    rarely repeats: every item but the breaks is ranked, by meaning first."""
    index = res.index
    sessions = [s for s in index.snapshot.catalogue.sessions
                if s.doc_id == doc_id and (not date or s.date == date)]
    met = {s.id: phrases_met(phrases, _session_text(res, s)) for s in sessions}
    if described:
        sessions = [s for s in sessions if not is_break(s)]
    elif phrases:
        sessions = [s for s in sessions if met[s.id]]
    if not sessions:
        return []
    language = detect_language(interests)
    hits = hybrid_search(index, query=expand(interests, language), dense_query=interests, k=SEARCH_DEPTH,
                         embedder=res.embedder, store=res.store, lexical_weight=res.lexical_weight,
                         filters=SearchFilters(doc_id=doc_id))
    searched = {s.id: score for s, score in records_of(hits, index).sessions}
    scored = [(s, met[s.id] + searched.get(s.id, 0.0)) for s in sessions]
    return sorted(scored, key=lambda pair: -pair[1])


def count_fitting(res: Resources, doc_id: str, phrases: list[list[TermGroup]]) -> int:
    return sum(1 for s in res.index.snapshot.catalogue.sessions
               if s.doc_id == doc_id and phrases_met(phrases, _session_text(res, s)))


# -- slots -------------------------------------------------------------------------------------
def time_slots(sessions: list[Session]) -> list[list[Session]]:
    """Dated sessions grouped by overlapping time on the same day, in date and time order;
    sessions without a time share their day's slot."""
    ordered = sorted(sessions, key=lambda s: (s.date or "", s.start or "", s.end or ""))
    slots: list[list[Session]] = []
    slot_end = ""
    for s in ordered:
        last = slots[-1][-1] if slots else None
        same_day = last is not None and last.date == s.date
        if same_day and last is not None and (
            (not s.start and not last.start) or (s.start and last.start and s.start < slot_end)):
            slots[-1].append(s)
        else:
            slots.append([s])
            slot_end = ""
        slot_end = max(slot_end, s.end or s.start or "")
    return slots


def plan_agenda(res: Resources, *, interests: str, date: str | None = None, limit: int = 10,
                today: dt.date | None = None, event: str | None = None, described: bool = False) -> Agenda:
    """The agenda for `interests` (and `date`): see the module docstring for the rules. `event`
    (a document id) fixes the event instead ("named")."""
    events = programme_events(res)
    doc_id: str | None
    scope: Scope
    naming: list[TermGroup]
    if event is not None and event in events:
        doc_id, scope, naming = event, "named", []
    else:
        doc_id, scope, naming = choose_event(res, events, interests=interests, date=date,
                                             today=today or dt.date.today())
    language = detect_language(interests)
    phrases = interest_phrases(interests, language, drop=naming)
    others = [EventMatches(event=e, matches=n) for e in events.values()
              if e.doc_id != doc_id and phrases and (n := count_fitting(res, e.doc_id, phrases))]
    others.sort(key=lambda m: (-m.matches, m.event.date or ""))
    if doc_id is None:
        return Agenda(interests=interests, date=date, scope=scope, items=[], other_events=others)
    fits = fitting_sessions(res, doc_id=doc_id, interests=interests, phrases=phrases, date=date,
                            described=described)
    fit = dict((s.id, score) for s, score in fits)

    def choice(s: Session) -> AgendaChoice:
        reason, citation = reason_for(res, s, interests)
        return AgendaChoice(session=s, reason=reason, citation=citation, score=round(fit[s.id], 4))

    slots = [sorted(slot, key=lambda s: -fit[s.id])
             for slot in time_slots([s for s, _ in fits if full_date(s.date)])]
    # The best `limit` slots, still in date and time order.
    kept = {slot[0].id for slot in sorted(slots, key=lambda slot: -fit[slot[0].id])[:limit]}
    items = []
    for slot in slots:
        if slot[0].id in kept:
            first = choice(slot[0])
            items.append(AgendaItem(session=first.session, reason=first.reason, citation=first.citation,
                                    score=first.score, alternatives=[choice(s) for s in slot[1:]]))
    undated = [choice(s) for s, _ in fits if not full_date(s.date)]
    return Agenda(interests=interests, date=date, event=events[doc_id], scope=scope, items=items,
                  undated=undated, other_events=others)
