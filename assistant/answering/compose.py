"""Compose: a grounded Plan worded in the question's language, every sentence ending with the
marks of the spans that state it — one span per record, group headings (a day, a time slot)
cited once, no sentence repeated. Values the records lack are said to be missing inside the
record's own sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answering.cite import CitationBook, context_spans, record_span, within
from assistant.answering.plan import Plan
from assistant.answering.query import Lang, Query
from assistant.domain.models import Citation, Event, Initiative, Person, Session, Span
from assistant.language import calendar, phrases
from assistant.language.kinds import kind_label, kind_plural
from assistant.language.phrases import quoted, readable_room
from assistant.language.roles import roles
from assistant.search.retrieval import LoadedIndex


@dataclass
class Draft:
    parts: list[tuple[str, str]] = field(default_factory=list)  # each sentence's words and marks
    book: CitationBook | None = None

    def add(self, sentence: str, marks: str) -> None:
        part = (sentence.rstrip(" .:;"), marks)
        if part not in self.parts:
            self.parts.append(part)

    def note_on_last(self, note: str, sep: str) -> None:
        """Words added to the last sentence, before its marks."""
        body, marks = self.parts[-1]
        self.parts[-1] = (f"{body}{sep}{note}", marks)

    @property
    def sentences(self) -> list[str]:
        return [f"{body} {marks}." if marks else f"{body}." for body, marks in self.parts]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def _day(s: Session, lang: Lang) -> str | None:
    if s.date and s.date.startswith("--") and "date" in s.fields and lang == "fr":
        # Without a year the weekday cannot be computed: keep the programme's own words.
        return " ".join(s.fields["date"].quote.split())
    return calendar.day_label(s.date, lang)


def _role_name(role_id: str | None, lang: Lang) -> str:
    found = next((r for r in roles() if r.id == role_id), None)
    return found.name(lang) if found else (role_id or "")


def session_parts(s: Session, show: frozenset[str], lang: Lang, index: LoadedIndex, *,
                  asked: frozenset[str] = frozenset(), pending: frozenset[str] = frozenset()) -> list[str]:
    """A session's day, time, room (or the event's venue), mode, people and organiser, as far
    as `show` goes; a missing value is said only when it was `asked`, as still to come when the
    programme says so (`pending`)."""
    def lacking(what: str) -> str:
        return phrases.pending(lang, what) if what in pending else phrases.missing(lang, what)

    parts = []
    if "date" in show:
        day = _day(s, lang)
        parts.append(day or (lacking("date") if "date" in asked else ""))
    if "time" in show:
        time = calendar.time_label(s.start, s.end, lang)
        parts.append(time or (lacking("time") if "time" in asked else ""))
        if time and "end" in asked and not s.end:
            parts.append(phrases.missing(lang, "end"))
    if "room" in show or "place" in show:
        if s.room:
            parts.append(readable_room(s.room))
        elif asked & {"room", "place"}:
            event = next((e for e in index.snapshot.catalogue.events if e.doc_id == s.doc_id and e.place), None)
            place = f" ({phrases.text(lang, 'venue', place=event.place)})" if event and event.place else ""
            parts.append(lacking("room") + place)
    if "organiser" in show:
        event = _event_of(s, index)
        organiser = s.organiser or (event.organiser if event else None)
        parts.append(f"{phrases.text(lang, 'organised_by')} {organiser}" if organiser else phrases.missing(lang, "organiser"))
    mode = getattr(s, "mode", None)
    if mode in ("online", "hybrid"):
        parts.append(phrases.text(lang, mode))
    if "people" in show and s.people:
        names = ", ".join(f"{p.name} ({_role_name(p.role, lang)})" if p.role else p.name for p in s.people)
        parts.append(f"{phrases.text(lang, 'with')} {names}")
    return [p for p in parts if p]


def _session_head(s: Session, lang: Lang) -> str:
    return f"{kind_label(s.kind, lang).capitalize()} {quoted(s.title, lang)}"


def _span(record, index: LoadedIndex):
    return record_span(record, index.documents[record.doc_id].text)


def _marks(book: CitationBook, spans) -> str:
    return book.marks(book.cite_span(sp) for sp in spans)


def _event_of(s: Session, index: LoadedIndex) -> Event | None:
    return next((e for e in index.snapshot.catalogue.events if e.doc_id == s.doc_id), None)


def _event_field(s: Session, index: LoadedIndex, name: str):
    event = _event_of(s, index)
    return event.fields.get(name) if event is not None else None


def _event_place_span(s: Session, index: LoadedIndex):
    return _event_field(s, index, "place")


def _listing(plan: Plan, lang: Lang, index: LoadedIndex, draft: Draft, book: CitationBook, *,
             doc_id: str, n: int, noun: str, listed_in: list[Session] | None = None) -> None:
    """The lead sentence of a list or a count: "Au programme de « X », 3 ateliers :", cited to
    the event's title."""
    count = phrases.text(lang, "count", n=n, kind=noun)
    if not plan.scope and listed_in:
        # The people of a session: the count leads, cited to the session that lists them.
        draft.add(phrases.text(lang, "listing_plain", count=count), _marks(book, [_span(s, index) for s in listed_in]))
        return
    event = next((e for e in index.snapshot.catalogue.events if e.doc_id == doc_id), None)
    title_span = (event.fields.get("title") or event.citation) if event else None
    draft.add(phrases.text(lang, "listing", scope=phrases.text(lang, "scope", title=plan.scope), count=count),
              _marks(book, [title_span]))


def _line_spans(s: Session, show: frozenset[str], index: LoadedIndex) -> list[Span | Citation | None]:
    """What a session's line with its when and where cites: its block, the day and time over it,
    and the place it shows when its block does not hold it."""
    span = _span(s, index)
    spans: list[Span | Citation | None] = [*context_spans(s, span, index.documents[s.doc_id].text), span]
    if not s.room and ("room" in show or "place" in show):
        spans.append(_event_place_span(s, index))
    room = s.fields.get("room")
    if room is not None and not within(room, span):
        # A room the session shares with its slot (a plenary's hall named once above its
        # talks) is shown on its line: its own line is cited too.
        spans.append(room)
    return spans


def _sessions(plan: Plan, lang: Lang, index: LoadedIndex, draft: Draft, book: CitationBook,
              asked: frozenset[str]) -> None:
    sessions = [r for r in plan.records if isinstance(r, Session)]
    if sessions and (plan.count is not None or (plan.scope is not None and len(sessions) > 1)):
        kind = sessions[0].kind if len({s.kind for s in sessions}) == 1 else None  # else "séances"
        noun = kind_plural(kind, lang) if len(sessions) > 1 else kind_label(kind, lang)
        _listing(plan, lang, index, draft, book, doc_id=sessions[0].doc_id, n=len(sessions), noun=noun)
    several_events = len({s.doc_id for s in sessions}) > 1
    for s in sessions[:20]:
        spans = _line_spans(s, plan.show, index)
        event = _event_of(s, index) if several_events else None
        if "organiser" in plan.show:
            spans.append(s.fields.get("organiser") or _event_field(s, index, "organiser"))
        parts = session_parts(s, plan.show, lang, index, asked=asked, pending=plan.pending if s is sessions[0] else frozenset())
        if event is not None:
            # Sessions of several programmes: each says which event it belongs to.
            parts.insert(0, f"{phrases.text(lang, 'in')} {quoted(event.title, lang)}")
            spans.append(event.fields.get("title") or event.citation)
        line = f"{_session_head(s, lang)} — {', '.join(parts)}" if parts else _session_head(s, lang)
        draft.add(line, _marks(book, spans))


def _person_line(p: Person, lang: Lang, index: LoadedIndex) -> str:
    details = ", ".join(x for x in (p.role, p.affiliation) if x and x.lower() not in p.name.lower())
    return p.name + (f", {details}" if details else "")


def _people(plan: Plan, lang: Lang, index: LoadedIndex, draft: Draft, book: CitationBook,
            asked: frozenset[str]) -> None:
    sessions = [r for r in plan.records if isinstance(r, Session)]
    persons = [r for r in plan.records if isinstance(r, Person)]
    if plan.count is not None and persons:
        noun = "intervenant·e·s" if lang == "fr" else "speakers"
        _listing(plan, lang, index, draft, book, doc_id=persons[0].doc_id, n=len(persons), noun=noun, listed_in=sessions)
    if plan.via is not None and sessions:
        via = plan.via
        draft.add(phrases.text(lang, "presented_in", name=getattr(via, "name", ""),
                               session=quoted(sessions[0].title, lang)),
                  _marks(book, [via.citation, _span(sessions[0], index)]))
    for p in (r for r in plan.records if isinstance(r, Person)):
        if "contact" in plan.show:
            # Contact details (phone, e-mail) sit on the person's line: quote the whole line.
            from assistant.language.sentences import line_span

            text = index.documents[p.doc_id].text
            a, b = line_span(text, p.citation.start, p.citation.end)
            n = book.cite(p.doc_id, a, b)
            draft.add(" ".join(text[a:b].split()), f"[{n}]")
            continue
        # Everyone's every part in the sessions the plan holds ("qui est X ?", "X intervient à
        # quels moments ?"): a person often opens a day and sums up another session.
        theirs = [s for s in sessions if s.id in p.sessions or any(r.person_id == p.id for r in s.people)]
        if not theirs and p.sessions and isinstance(first := index.records.get(p.sessions[0]), Session):
            theirs = [first]
        line = _person_line(p, lang, index)
        spans: list[Span | Citation | None] = [p.citation]
        parts = []
        for session in theirs:
            role = next((r.role for r in session.people if r.person_id == p.id), None)
            role_part = f"{_role_name(role, lang)} " if role else ""
            part = f"{role_part}{phrases.text(lang, 'in')} {quoted(session.title, lang)}"
            if plan.show & {"room", "date", "time", "place"}:
                part += f" ({', '.join(session_parts(session, plan.show, lang, index, asked=asked))})"
                spans += _line_spans(session, plan.show, index)
            else:
                spans.append(_span(session, index))
            parts.append(part)
        if parts:
            line += " — " + "; ".join(parts)
        draft.add(line, _marks(book, spans))


def _initiatives(plan: Plan, lang: Lang, index: LoadedIndex, draft: Draft, book: CitationBook) -> None:
    initiatives = [r for r in plan.records if isinstance(r, Initiative)]
    if initiatives and (plan.count is not None or (plan.scope is not None and len(initiatives) > 1)):
        _listing(plan, lang, index, draft, book, doc_id=initiatives[0].doc_id, n=len(initiatives),
                 noun="initiative" if len(initiatives) == 1 else "initiatives")
    for i in initiatives:
        head = i.name + (f" ({i.place})" if i.place and i.place.lower() not in i.name.lower() else "")
        if i.organiser and i.organiser.lower() not in head.lower():
            head += f", {i.organiser}"
        description = (i.description or _told(i, index)).rstrip(" .;:")
        sep = " : " if lang == "fr" else ": "
        spans = [_span(i, index)]
        place = i.fields.get("place")
        if place is not None and not within(place, spans[0]):
            spans.append(place)
        draft.add(head + (sep + description if description else ""), _marks(book, spans))


# How much of an initiative's own paragraph stands in for a description the parser did not
# separate: about two sentences of prose.
_TOLD_CHARS = 320


def _told(i: Initiative, index: LoadedIndex) -> str:
    """What the initiative's own paragraph says after its name ("… run by the Red Cross, which
    calls 300 people"), when the record has no description: its organiser, town and figure are
    there for a reader even where the parser did not read them out. Whole words, up to the end
    of a sentence."""
    text = " ".join(i.citation.quote.split())
    at = text.find(i.name)
    rest = text[at + len(i.name):] if at >= 0 else text
    rest = rest.lstrip(" »”\"'),.;:–—-")
    if len(rest) <= _TOLD_CHARS:
        return rest
    cut = max(rest.rfind(". ", 0, _TOLD_CHARS), rest.rfind("; ", 0, _TOLD_CHARS))
    return rest[:cut] if cut > 0 else rest[:_TOLD_CHARS].rsplit(" ", 1)[0] + " …"


def _event(plan: Plan, lang: Lang, draft: Draft, book: CitationBook) -> None:
    for e in (r for r in plan.records if isinstance(r, Event)):
        when = calendar.day_label(e.date, lang)
        if e.date_end and e.date_end != e.date:
            when = phrases.text(lang, "from_to", a=when, b=calendar.day_label(e.date_end, lang))
        parts = [p for p in (when or phrases.missing(lang, "date"), e.place or phrases.missing(lang, "place")) if p]
        if "organiser" in plan.show and e.organiser:
            parts.append(f"{phrases.text(lang, 'organised_by')} {e.organiser}")
        spans = [e.fields.get("title") or e.citation, e.fields.get("date"), e.fields.get("date_end"),
                 e.fields.get("place"), e.fields.get("organiser") if "organiser" in plan.show else None]
        draft.add(phrases.text(lang, "event", title=quoted(e.title, lang), when=", ".join(parts)), _marks(book, spans))


def _counted_lines(plan: Plan, lang: Lang, index: LoadedIndex, draft: Draft, book: CitationBook) -> None:
    """A count told by lines rather than records (an agenda's numbered points): the count, cited
    to the heading (the first line), then each line as written, cited."""
    head, *lines = plan.sentences
    draft.add(phrases.text(lang, "agenda_points", n=plan.count), f"[{book.cite(head.doc_id, head.start, head.end)}]")
    for s in lines:
        quote = " ".join(index.documents[s.doc_id].text[s.start:s.end].split())
        draft.add(quote, f"[{book.cite(s.doc_id, s.start, s.end)}]")


def _sentences(plan: Plan, lang: Lang, index: LoadedIndex, draft: Draft, book: CitationBook) -> None:
    said = " ".join(draft.sentences)
    for s in plan.sentences:
        doc = index.documents[s.doc_id]
        quote = " ".join(doc.text[s.start:s.end].split()).rstrip(" .:;")
        if quote and quote in said:
            continue
        n = book.cite(s.doc_id, s.start, s.end)
        draft.add(phrases.text(lang, "says", title=doc.title, quote=quote), f"[{n}]")


def _missing_values(plan: Plan, query: Query, lang: Lang, draft: Draft) -> None:
    """A value asked beside others that the sources do not give ("combien ça coûte et jusqu'à
    quand s'inscrire ?" where no fee is written) is said inside the last sentence, before its
    marks: every sentence stays cited."""
    notes = [phrases.missing(lang, m) for m in plan.missing if m in query.values]
    if notes and draft.parts:
        sep = " ; " if lang == "fr" else "; "
        draft.note_on_last(sep.join(notes), sep)


def compose(query: Query, plan: Plan, index: LoadedIndex) -> tuple[str, list[Citation]]:
    """The answer text and its citations (numbered by first use)."""
    lang = query.language
    book = CitationBook(index.documents)
    draft = Draft(book=book)
    asked = frozenset(query.asks)
    if plan.intent == "people":
        _people(plan, lang, index, draft, book, asked)
    elif plan.intent == "initiative":
        _initiatives(plan, lang, index, draft, book)
    elif plan.records and isinstance(plan.records[0], Event):
        _event(plan, lang, draft, book)
    if plan.intent in ("session", "general"):
        _sessions(plan, lang, index, draft, book, asked)
    if plan.count is not None and not plan.records and plan.sentences:
        _counted_lines(plan, lang, index, draft, book)  # a count of lines, not of records
    else:
        _sentences(plan, lang, index, draft, book)
    _missing_values(plan, query, lang, draft)
    return draft.text, book.citations
