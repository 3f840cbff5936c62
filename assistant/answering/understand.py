"""Understand: a question and its conversation become one `Query`, built once.

What is asked comes from how people ask (`asking`); constraints from the calendar, kinds, roles
and modes lexicons; what the question names (an event, a room, an initiative, a person) from the
loaded catalogue; the topic from what is left. A follow-up takes its subject from the previous
answer's records and inherits the previous constraints it does not override; a self-contained
question ignores the history.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering import asking
from assistant.answering.catalogue_terms import CatalogueTerms, terms_of
from assistant.answering.query import Filters, Lang, Query, TimeFilter
from assistant.answering.temporal import shifted
from assistant.domain.models import Person, Session, Turn
from assistant.language import calendar, kinds, modes, roles
from assistant.language.glossary import borrowed_phrases, french_for
from assistant.language.lexicon import word_pattern
from assistant.language.ordinals import item_reference
from assistant.language.text import content_terms, detect_language, fold, tokens

_NUMERIC_DATE = re.compile(r"\b([0-3]?\d)[/.]([01]?\d)(?:[/.]((?:19|20)\d\d))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# A follow-up this short may lean on a pronoun ("où est-il ?", "who runs it?").
SHORT_FOLLOW_UP = 8


def _day_month(folded: str) -> tuple[int, int] | None:
    months = calendar.month_words()
    names = "|".join(sorted((re.escape(m) for m in months if len(m) > 2), key=len, reverse=True))
    m = re.search(rf"\b([0-3]?\d)(?:er|st|nd|rd|th)?\s+({names})\b", folded) or re.search(
        rf"\b({names})\s+([0-3]?\d)(?:st|nd|rd|th)?\b", folded)
    if m:
        day, month = (m.group(1), m.group(2)) if m.group(1).isdigit() else (m.group(2), m.group(1))
        if 1 <= int(day) <= 31:
            return months[month], int(day)
    m = _NUMERIC_DATE.search(folded)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
        return int(m.group(2)), int(m.group(1))
    return None


def time_filter(question: str) -> TimeFilter:
    folded = fold(question)
    full = {fold(w): n for lang in ("fr", "en") for n, w in enumerate(calendar.weekday_names(lang))}  # type: ignore[arg-type]
    weekday = next((n for w, n in full.items() if re.search(rf"\b{w}s?\b", folded)), None)
    iso = _ISO.search(folded)
    part = calendar.part_of_day_named(question)
    return TimeFilter(weekday=weekday, month_day=_day_month(folded),
                      iso_date=iso.group(0) if iso else None,
                      part_of_day=part.name if part else None,  # type: ignore[arg-type]
                      day_shift=calendar.relative_day(question), clock=calendar.clock_named(question))


def _calendar_words() -> re.Pattern[str]:
    words = [re.escape(w) for w in calendar.month_words()] + [re.escape(w) for w in calendar.weekday_words()]
    return word_pattern(words)


def topic_terms(question: str, language: Lang, *, removed: list[str]) -> tuple[tuple[str, ...], ...]:
    """What the question is about, one group of acceptable stems per word: asking words,
    fillers, kinds, roles, modes, calendar words and the names already resolved (`removed`) taken
    out; an English word also stands for its French equivalents (glossary)."""
    text = asking.strip_asking(question)
    # Phrases first ("the next day" before "day" goes as an event word).
    for rx in [calendar.relative_day_words(), calendar.from_today_words(), *(p.pattern for p in calendar.parts_of_day()),
               *(k.pattern for k in kinds.session_kinds() + kinds.event_kinds()),
               *(k.asked for k in kinds.session_kinds() if k.asked),
               roles.set_aside(), *(r.asked for r in roles.roles()), _calendar_words(), calendar.CLOCK]:
        text = rx.sub(" ", text)
    text = modes.strip_modes(text)
    for name in removed:
        text = text.replace(fold(name), " ")
    text = re.sub(r"\d+", " ", text)
    groups: list[tuple[str, ...]] = []
    for phrase, french in borrowed_phrases(text, language):
        groups.append(tuple(content_terms(french)))
        text = text.replace(phrase, " ")
    for word in tokens(text):
        stems = content_terms(word)
        if not stems:
            continue
        alternatives = list(stems)
        for fr in french_for(word):
            alternatives += [s for s in content_terms(fr) if s not in alternatives]
        group = tuple(alternatives)
        if group not in groups:
            groups.append(group)
    return tuple(groups)


def without_names(folded: str, names: list[str]) -> str:
    """The folded question without the words that name an event, a record or a room: they ask
    for nothing ("le forum « Sorties sans frais »" asks no fee, "la journée « Repas partagés »"
    no meal)."""
    names = [fold(n) for n in names if n and n.strip()]
    if not names:
        return folded
    return re.sub(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])",
                  " ", folded)


def _own_query(question: str, language: Lang, terms: CatalogueTerms) -> Query:
    """The question on its own, without the conversation."""
    folded = fold(question)
    docs = terms.events_named(question)
    named = terms.named_records(folded, docs)
    item = item_reference(question)
    # "le labo n°4" names no "salle 4": the item's number is not a room's.
    room = terms.room_named(without_names(folded, [item.said]) if item else folded)
    removed = [terms.name_of(rid) for rid in named] + terms.event_words(docs, question) + ([room] if room else []) \
        + ([item.said] if item else [])
    asks = asking.attributes_asked(question)
    named_kinds = frozenset(kinds.kinds_named(question))
    plain = without_names(folded, removed)
    values = asking.values_asked(plain, asks, names_session=bool(named_kinds or named))
    value_clauses = asking.value_clauses(plain, asks, names_session=bool(named_kinds or named)) if values else ()
    if value_clauses:
        # Each clause's own values ("do I need to book, and how much is it?" asks both).
        values = tuple(dict.fromkeys(v for clause in value_clauses for v in clause))
    if values:
        # "Combien de bénévoles ?" asks for a figure of the text, not a count of records.
        asks = (asks - {"count"} if "figure" in values else asks) | {"value"}
    filters = Filters(time=time_filter(question), docs=docs, kinds=named_kinds,
                      mode=modes.mode_named(question), room=room, roles=frozenset(roles.roles_asked(question)),
                      item=item)
    return Query(text=question, language=language, standalone=question, asks=asks, values=values,
                 value_clauses=value_clauses, exact=asking.asks_exact(question),
                 filters=filters, topic=topic_terms(question, language, removed=removed), named=tuple(named),
                 dense_text=question)


def is_follow_up(own: Query, history: list[Turn]) -> bool:
    if not any(t.role == "user" for t in history):
        return False
    if asking.points_back(own.text):
        return True
    short = len(own.text.split()) <= SHORT_FOLLOW_UP
    if short and asking.has_pronoun(own.text):
        return True
    # Nothing of its own to be about: "à quelle heure ?", "and the speakers?".
    return not own.topic and not own.named and not own.filters.docs and not own.filters.time.active


def _merge(own: Query, previous: Query, subject: tuple[str, ...], terms: CatalogueTerms) -> Query:
    """The follow-up's own asks and constraints, the rest from the previous turn.

    A follow-up that moves in time or place ("et le lendemain ?", "dans cette même salle ?",
    "et l'après-midi ?") asks about another set of sessions: the previous subject only anchors
    it. One that keeps both ("à quelle heure ?", "who else speaks?") stays on that subject; one
    with a topic of its own ("et sur la santé ?") searches it within the previous constraints.
    """
    f, p = own.filters, previous.filters
    anchor = [r for r in terms.records(subject) if isinstance(r, Session)]
    time = f.time
    if not time.active:
        # "Et le lendemain ?" is the whole next day; "et le lendemain matin ?" its morning.
        inherited = None if f.time.day_shift else p.time.part_of_day
        time = p.time.model_copy(update={"day_shift": f.time.day_shift,
                                         "part_of_day": f.time.part_of_day or inherited})
    elif f.time.day_shift == 0 and not (f.time.weekday is not None or f.time.month_day or f.time.iso_date):
        time = p.time.model_copy(update={"part_of_day": f.time.part_of_day})  # "et l'après-midi ?"
    if time.day_shift:
        time = shifted(time, anchor or terms.sessions_at(p.time))
    same_room = asking.same_room(own.text)
    room = next((s.room for s in anchor if s.room), f.room) if same_room else f.room
    moved = bool(f.time.active or f.time.day_shift or same_room)
    own_subject = bool(own.topic or own.named)
    # "Et ce dispositif, il aide combien de familles ?": a follow-up that points back ("et", a
    # demonstrative) keeps the previous subject, whatever its own words ask of it. (A bare
    # pronoun does not: "ils" may be anyone; measured, it lost cases on both splits.)
    # "Et la conf sur le sommeil, c'est qui ?" names a session of its own (a kind and a topic),
    # within the same programme: no demonstrative points back.
    own_session = bool(own.filters.kinds) and not asking.demonstrative(own.text)
    refers = bool(own.topic) and not own.named and asking.points_back(own.text) and not own_session
    keeps_subject = not moved and (not own_subject or refers)
    # The conversation stays in the event of the previous answer unless the follow-up names
    # another: "et le lendemain ?", "who else speaks?" are about that programme.
    subject_docs = frozenset(r.doc_id for r in terms.records(subject) if getattr(r, "doc_id", None))
    filters = f.model_copy(update={
        "time": time, "docs": f.docs or p.docs or subject_docs, "kinds": f.kinds or p.kinds, "mode": f.mode or p.mode,
        "room": room, "roles": f.roles})
    asks = own.asks or (previous.asks if keeps_subject else frozenset({"list"}))
    # The value asked before (a price, a deadline) carries over like the rest of the question
    # ("et pour les enfants ?" after the price), not to a follow-up that asks its own attribute
    # ("et si j'ai une question, je contacte qui ?" after the deadline).
    inherits_values = keeps_subject and not own.asks
    return own.model_copy(update={
        "asks": asks,
        "values": own.values or (previous.values if inherits_values else ()),
        "value_clauses": own.value_clauses if own.values else (previous.value_clauses if inherits_values else ()),
        "filters": filters,
        "topic": previous.topic if keeps_subject and not refers else own.topic,
        "named": own.named or (previous.named if keeps_subject else ()),
        "subject": subject if keeps_subject else (),
        "follow_up": True,
        "standalone": f"{previous.standalone} {own.text}" if keeps_subject else own.text,
        "dense_text": f"{previous.dense_text} {own.text}" if keeps_subject else own.text,
    })


# Given the previous turn's Query, the ids of the records its answer was about (the pipeline
# answers it again when the conversation does not carry that answer).
Resolver = Callable[[Query], tuple[str, ...]]


def understand(question: str, history: list[Turn], *, terms: CatalogueTerms,
               resolve: Resolver | None = None) -> Query:
    """The question (with its conversation) as one frozen Query."""
    language = detect_language(question)
    own = _own_query(question, language, terms)  # type: ignore[arg-type]
    if not any(t.role == "user" for t in history):
        return own
    last_user = max(i for i, t in enumerate(history) if t.role == "user")
    previous = understand(history[last_user].content, history[:last_user], terms=terms, resolve=resolve)
    if not is_follow_up(own, history):
        if own.filters.docs or own.named or not previous.filters.docs:
            return own
        # A question of its own, in a conversation about one programme ("Can I register by
        # phone?" after "Who do I contact about the Vernelles forum?"): its topic is its own,
        # its event the conversation's, unless it names another event or a record.
        return own.model_copy(update={"filters": own.filters.model_copy(update={"docs": previous.filters.docs})})
    answer = " ".join(t.content for t in history[last_user + 1:] if t.role == "assistant")
    subject = tuple(terms.records_in(answer)) or previous.subject or previous.named
    if not subject and resolve is not None:
        subject = resolve(previous)
    if "people" in own.asks and not own.named:
        # "Who else speaks there?" after an answer that named a speaker: the people of the
        # session that speaker is in, not that speaker again.
        records = terms.records(subject)
        if records and all(isinstance(r, Person) for r in records):
            subject = tuple(dict.fromkeys(sid for r in records for sid in r.sessions)) or subject
    if len(question.split()) <= 2:
        # "why?", "où ?": too short to tell the language; keep the conversation's.
        language = previous.language
    return _merge(own.model_copy(update={"language": language}), previous, subject, terms)


__all__ = ["understand", "time_filter", "topic_terms", "is_follow_up", "terms_of"]
