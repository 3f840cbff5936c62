"""Extractive answers per intent, built from catalogue records and source sentences.

Every sentence ends with the [n] marks of the spans that state its facts (record block, date
header, time range, person line…), so each fact of the answer can be checked in a cited quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.citations import CitationBook
from assistant.answering.router import Constraints
from assistant.answering.support import frame_stems
from assistant.answering.temporal import matches_time, session_of
from assistant.domain.models import Initiative, Person, Session
from assistant.language.phrases import TEXT, day_label, kind_label, quoted, time_label
from assistant.language.sentences import line_span, sentence_spans
from assistant.language.text import content_terms, fold
from assistant.search.retrieval import LoadedIndex, Scored


@dataclass
class Draft:
    sentences: list[str]
    records: list


def _session_sentence(s: Session, lang: str, book: CitationBook, index: LoadedIndex) -> str:
    marks = [book.cite_span(s.citation), book.cite_span(s.fields.get("date")),
             book.cite_span(s.fields.get("start") or s.fields.get("end"))]
    day = day_label(s.date, lang)
    if s.date and s.date.startswith("--") and "date" in s.fields and lang == "fr":
        # Without a year the weekday cannot be computed: keep the programme's own words.
        day = " ".join(s.fields["date"].quote.split())
    parts = [p for p in (day, time_label(s.start, s.end, lang)) if p]
    if s.room:
        marks.append(book.cite_span(s.fields.get("room")))
        parts.append(s.room)
    else:
        # No room: the event's place (a leaflet's "Lieu") is the next best fact, if stated.
        event = next((e for e in index.snapshot.catalogue.events if e.doc_id == s.doc_id and e.place), None)
        if event is not None and "place" in event.fields:
            marks.append(book.cite_span(event.fields["place"]))
            parts.append(f"{TEXT[lang]['no_room']} ({TEXT[lang]['place']} : {event.place})"
                         if lang == "fr" else f"{TEXT[lang]['no_room']} ({TEXT[lang]['place']}: {event.place})")
        else:
            parts.append(TEXT[lang]["no_room"])
    head = f"{kind_label(s.kind, lang).capitalize()} {quoted(s.title, lang)}"
    return f"{head} — {', '.join(parts)} {book.marks(marks)}."


def rank_sessions(index: LoadedIndex, hits: list[Scored]) -> list[tuple[Session, float]]:
    """Sessions behind the hits (direct records, or passages inside a session), best first."""
    by_id: dict[str, float] = {}
    for h in hits:
        sid = session_of(h)
        if sid and sid in index.records:
            by_id[sid] = max(by_id.get(sid, 0.0), h.score)
    ranked = sorted(by_id.items(), key=lambda kv: -kv[1])
    return [(index.records[sid], score) for sid, score in ranked]  # type: ignore[misc]


# What kind of event a question names ("au colloque", "during the conference"): scope, no topic.
_EVENT_KINDS = frozenset(content_terms(
    "colloque colloques seminaire seminaires journee journees conference conferences congres forum forums "
    "rencontre rencontres cycle symposium seminar seminars meeting"))


def event_scope(index: LoadedIndex, groups: list[set[str]]) -> tuple[set[str], list[set[str]]]:
    """The documents of the event a question names by its title words or place ("au colloque de
    Rouen"), and the salient groups left once those are set aside: they scope, they are no topic."""
    terms = {e.doc_id: set(content_terms(f"{e.title} {e.place or ''}")) for e in index.snapshot.catalogue.events}
    scoping = [g for g in groups if any(g & t for t in terms.values())]
    generic = [g for g in groups if g & _EVENT_KINDS and g not in scoping]
    rest = [g for g in groups if g not in scoping and g not in generic]
    if not scoping:
        return set(), rest
    named = {doc: sum(1 for g in scoping if g & t) for doc, t in terms.items()}
    best = max(named.values())
    return {doc for doc, n in named.items() if n == best}, rest


def answer_sessions(index: LoadedIndex, *, hits: list[Scored], constraints: Constraints, topical: bool,
                    lang: str, book: CitationBook, kinds: set[str] | None = None, limit: int = 3,
                    docs: set[str] | None = None) -> Draft:
    sessions = index.snapshot.catalogue.sessions
    if docs and constraints.has_time and not topical:
        sessions = [s for s in sessions if s.doc_id in docs]
    if kinds and constraints.has_time and not topical:
        sessions = [s for s in sessions if s.kind in kinds] or sessions
    if constraints.has_time and not topical:
        chosen = [s for s in sessions if matches_time(s, constraints)]
        chosen.sort(key=lambda s: (s.date or "", s.start or "", s.citation.start))
        chosen = chosen[:12]
    else:
        allowed = {s.id for s in sessions}
        # A named kind ("le labo sur…") is a preference, not a filter: people say "atelier" for a
        # round table.
        ranked = sorted(((s, sc * (1.2 if kinds and s.kind in kinds else 1.0))
                         for s, sc in rank_sessions(index, hits)
                         if s.id in allowed and matches_time(s, constraints)), key=lambda x: -x[1])
        if not ranked:
            return Draft([], [])
        top = ranked[0][1]
        chosen = [s for s, sc in ranked[:limit] if sc >= 0.85 * top]
    return Draft([_session_sentence(s, lang, book, index) for s in chosen], chosen)


def _person_sentence(p: Person, lang: str, book: CitationBook, index: LoadedIndex,
                     session: Session | None, role_in_session: str | None, contact: bool = False) -> str:
    if contact:
        # Contact details (phone, e-mail) sit on the person's line: quote the whole line.
        a, b = line_span(index.documents[p.doc_id].text, p.citation.start, p.citation.end)
        n = book.cite(p.doc_id, a, b)
        return f"{index.documents[p.doc_id].text[a:b].strip().rstrip('.')} [{n}]."
    marks = [book.cite_span(p.citation)]
    details = ", ".join(x for x in (p.role, p.affiliation) if x and fold(x) not in fold(p.name))
    text = p.name + (f", {details}" if details else "")
    if session is not None:
        marks.append(book.cite_span(session.fields.get("title") or session.citation))
        role = TEXT[lang]["role"].get(role_in_session or "", role_in_session or "")
        role_part = f"{role} " if role else ""
        text += f" — {role_part}{TEXT[lang]['in']} {quoted(session.title, lang)}"
    return f"{text} {book.marks(marks)}."


def answer_people(index: LoadedIndex, *, hits: list[Scored], constraints: Constraints, lang: str,
                  book: CitationBook, contact: bool = False) -> Draft:
    persons: dict[str, float] = {}
    sessions: dict[str, float] = {}
    via_initiative: dict[str, str] = {}  # session id -> the initiative that led to it
    for h in hits:
        rid = h.item.record_id
        if h.item.kind == "person" and rid in index.records:
            persons[rid] = max(persons.get(rid, 0.0), h.score)
        elif h.item.kind == "initiative" and rid in index.records:
            sid = index.records[rid].session  # type: ignore[union-attr]
            if sid in index.records:
                sessions[sid] = max(sessions.get(sid, 0.0), h.score)
                via_initiative.setdefault(sid, rid)
    for s, score in rank_sessions(index, hits):
        sessions[s.id] = max(sessions.get(s.id, 0.0), score)
    best_person = max(persons.values(), default=0.0)
    best_session = max(sessions.values(), default=0.0)
    sentences: list[str] = []
    records: list = []
    if best_session > best_person and sessions:
        session = index.records[max(sessions, key=sessions.get)]  # type: ignore[arg-type]
        if session.id in via_initiative:
            # "Qui a présenté X ?": say where X was presented before who was there.
            initiative = index.records[via_initiative[session.id]]
            marks = [book.cite_span(initiative.citation),
                     book.cite_span(session.fields.get("title") or session.citation)]  # type: ignore[union-attr]
            verb = "est présenté dans" if lang == "fr" else "was presented in"
            sentences.append(f"{initiative.name} {verb} {quoted(session.title, lang)} {book.marks(marks)}.")  # type: ignore[union-attr]
        for ref in session.people:  # type: ignore[union-attr]
            if constraints.roles and ref.role not in constraints.roles:
                continue
            person = index.records.get(ref.person_id)
            if person is not None:
                sentences.append(_person_sentence(person, lang, book, index, session, ref.role))  # type: ignore[arg-type]
                records.append(person)
        if records:
            return Draft(sentences, records)
        sentences = []
    for pid, score in sorted(persons.items(), key=lambda kv: -kv[1])[:3]:
        if score < 0.8 * best_person:
            continue
        person = index.records[pid]
        sid = person.sessions[0] if person.sessions else None  # type: ignore[union-attr]
        person_session = index.records.get(sid) if sid else None
        role = next((r.role for r in person_session.people if r.person_id == pid), None) if person_session else None  # type: ignore[union-attr]
        sentences.append(_person_sentence(person, lang, book, index, person_session, role, contact))  # type: ignore[arg-type]
        records.append(person)
    return Draft(sentences, records)


def answer_initiatives(index: LoadedIndex, *, hits: list[Scored], plural: bool, lang: str,
                       book: CitationBook) -> Draft:
    scores: dict[str, float] = {}
    initiatives = index.snapshot.catalogue.initiatives
    for h in hits:
        if h.item.kind == "initiative" and h.item.record_id in index.records:
            scores[h.item.record_id] = max(scores.get(h.item.record_id, 0.0), h.score)
        elif h.item.kind == "passage":
            for i in initiatives:
                if i.doc_id == h.item.doc_id and h.item.start <= i.citation.start < h.item.end:
                    scores[i.id] = max(scores.get(i.id, 0.0), 0.9 * h.score)
    if not scores:
        return Draft([], [])
    top = max(scores.values())
    ranked = [iid for iid, sc in sorted(scores.items(), key=lambda kv: -kv[1]) if sc >= 0.5 * top]
    chosen: list[Initiative] = [index.records[i] for i in ranked[: 6 if plural else 2]]  # type: ignore[misc]
    sentences = []
    for i in chosen:
        marks = [book.cite_span(i.citation), book.cite_span(i.fields.get("place"))]
        head = i.name + (f" ({i.place})" if i.place and fold(i.place) not in fold(i.name) else "")
        description = (i.description or "").rstrip(" .;:")
        body = f" : {description}" if (description and lang == "fr") else (f": {description}" if description else "")
        sentences.append(f"{head}{body} {book.marks(marks)}.")
    return Draft(sentences, chosen)


def _list_after(text: str, end: int, max_lines: int = 6) -> int:
    """A sentence ending with ':' introduces the lines below it: extend the span over them."""
    pos = end
    for _ in range(max_lines):
        nxt = text.find("\n", pos + 1)
        line_end = len(text) if nxt < 0 else nxt
        line = text[pos:line_end].strip()
        if not line:
            break
        pos = line_end
    return pos


def answer_general(index: LoadedIndex, *, hits: list[Scored], query: str, lang: str,
                   book: CitationBook, max_sentences: int = 2, said: str = "") -> Draft:
    """The source sentences that share the most salient terms with the question, quoted."""
    # Frame words ("atelier", "évoqué") say more about how people ask than about what: they
    # weigh half, so two of them do not outvote the one rare word asked about.
    terms = set(content_terms(query))
    frame = frame_stems()
    best: dict[tuple[str, int, int], float] = {}
    for rank, h in enumerate(hits[:5]):
        text = index.documents[h.item.doc_id].text
        for a, b in sentence_spans(text, h.item.start, h.item.end):
            overlap = sum(index.lexical.idf(t) * (0.5 if t in frame else 1.0)
                          for t in terms & set(content_terms(text[a:b])))
            if overlap:
                key = (h.item.doc_id, a, b)
                # The same sentence reached through a passage and a record counts once.
                best[key] = max(best.get(key, 0.0), overlap + h.score - 0.1 * rank)
    said_key = " ".join(fold(said).split())

    def repeats(key: tuple[str, int, int]) -> bool:
        text = " ".join(fold(index.documents[key[0]].text[key[1] : key[2]]).split()).rstrip(" .:;")
        return bool(said_key) and text in said_key

    # A sentence the answer already states (an initiative's description) is not said twice.
    ranked = [kv for kv in sorted(best.items(), key=lambda kv: -kv[1]) if not repeats(kv[0])][:max_sentences]
    sentences = []
    for doc_id, a, b in sorted(key for key, _ in ranked):
        text = index.documents[doc_id].text
        line = text[a:b].rstrip()
        if line.endswith(":"):
            b = _list_after(text, b)
        elif len(line.split()) <= 2 and not line.endswith((".", "!", "?")):
            # A label line ("Durée", "Public") states nothing without the value line below it.
            b = _list_after(text, b, max_lines=1)
        n = book.cite(doc_id, a, b)
        quote = " ".join(text[a:b].split()).rstrip(" .:;")
        title = index.documents[doc_id].title
        sentences.append(f"{quote} [{n}]." if lang == "fr" else f"The document {quoted(title, lang)} says: “{quote}” [{n}].")
    return Draft(sentences, [])


def answer_event(index: LoadedIndex, *, hits: list[Scored], lang: str, book: CitationBook) -> Draft:
    """Where and when the event itself takes place (its dates and place fields)."""
    # Rank events by the best hit of their document (a passage on the subject asked about
    # outranks another event's bare record), then by their own record's rank.
    direct = [h.item.record_id for h in hits if h.item.kind == "event"]
    docs = [h.item.doc_id for h in hits]
    events = sorted(index.snapshot.catalogue.events,
                    key=lambda e: (docs.index(e.doc_id) if e.doc_id in docs else len(docs),
                                   direct.index(e.id) if e.id in direct else len(direct)))
    if not events or (events[0].id not in direct and events[0].doc_id not in docs):
        return Draft([], [])
    e = events[0]
    when = day_label(e.date, lang) if e.date else None
    if e.date_end and e.date_end != e.date:
        when = f"{when} – {day_label(e.date_end, lang)}"
    parts = [p for p in (when, e.place) if p]
    if not parts:
        return Draft([], [])
    # Cite only once there is a sentence to carry the marks: no citation without its [n].
    marks = [book.cite_span(e.fields.get("title") or e.citation), book.cite_span(e.fields.get("date")),
             book.cite_span(e.fields.get("place"))]
    return Draft([f"{quoted(e.title, lang)} — {', '.join(parts)} {book.marks(marks)}."], [])
