"""Choosing records for a Query: the sessions of a complete list, the main session, the people of
a session, contacts, initiatives, the event. Pure functions of the Query, the Evidence and the
loaded catalogue; `ground` decides which to call."""

from __future__ import annotations

from assistant.answering.query import Query
from assistant.answering.retrieve import Evidence
from assistant.answering.support import coverage, weighted_coverage
from assistant.answering.temporal import matches_time
from assistant.domain.models import Event, Initiative, Person, Session
from assistant.language import kinds, modes
from assistant.language.ordinals import ItemRef, carries_label
from assistant.language.sentences import line_span
from assistant.language.text import fold
from assistant.search.retrieval import LoadedIndex, Scored, room_key

MAX_LIST = 20  # sessions shown in one list (a count still counts them all)
RELATIVE_FIT = 0.6  # a session whose score is below this share of the best one is off the topic
CLOSE = 0.9  # a second session this close to the first is shown too (same title, two slots)
WHERE_OR_WHEN = frozenset({"room", "place", "date", "time", "start", "end"})


def hit_text(hit: Scored, index: LoadedIndex) -> str:
    """A hit's text with its full source lines (contact details stand beside their name)."""
    text = index.documents[hit.item.doc_id].text
    a, b = line_span(text, hit.item.start, hit.item.end)
    return f"{hit.item.text}\n{text[a:b]}"


def session_text(s: Session, index: LoadedIndex) -> str:
    doc = index.documents[s.doc_id].text
    return " ".join([s.title, s.description or "", s.room or "", doc[s.citation.start:s.citation.end],
                     *(p.name for p in s.people)])


def is_break(s: Session) -> bool:
    kind = next((k for k in kinds.session_kinds() if k.id == s.kind), None)
    return bool(kind and kind.is_break)


def session_mode(s: Session, index: LoadedIndex) -> str | None:
    mode = getattr(s, "mode", None)
    if mode:
        return mode
    return modes.mode_named(session_text(s, index))


def defines_a_set(query: Query) -> bool:
    """Constraints that pick sessions by themselves ("mercredi matin", "en ligne", "au forum")."""
    f = query.filters
    return bool(f.time.active or f.mode or f.room or (f.docs and query.asks_any("list", "count")))


def is_listing(query: Query) -> bool:
    """Every matching session is wanted: a list or a count of sessions ("quels ateliers…",
    "combien de labos…"), or constraints that pick sessions without a topic ("mercredi matin")."""
    if query.asks_any("people", "initiatives", "contact", "value", "organiser") and not query.asks_any("count"):
        return False
    if {"people", "count"} <= query.asks or {"initiatives", "count"} <= query.asks:
        return False  # "combien de personnes interviennent ?", "combien d'initiatives ?": not sessions
    if query.subject and not query.filters.time.active and not query.filters.room:
        return False
    sessions_named = bool(query.filters.kinds - _EVENT_LIKE) or defines_a_set(query)
    wants_all = query.asks_any("list", "count") and sessions_named
    return wants_all or (defines_a_set(query) and not query.topic and not query.named)


# Kinds that also name a whole event ("la formation", "the conference"): not a list of sessions.
_EVENT_LIKE = frozenset({"formation", "conférence", "séminaire"})


def person_asked_about(query: Query, index: LoadedIndex) -> Person | None:
    """The person the question names, else the one the conversation is about. A follow-up asking
    when or where ("et ça finit à quelle heure ?") after an answer about a session that also
    names its speaker is about the session, not her."""
    subject = [index.records.get(rid) for rid in query.subject]
    about_a_session = bool(query.asks & WHERE_OR_WHEN) and bool(subject) and isinstance(subject[0], Session)
    for record in [index.records.get(rid) for rid in query.named] + ([] if about_a_session else subject):
        if isinstance(record, Person):
            return record
    return None


def sessions_of(person: Person, index: LoadedIndex) -> list[Session]:
    return [s for sid in person.sessions if isinstance(s := index.records.get(sid), Session)]


def record_text(record, index: LoadedIndex) -> str:
    if isinstance(record, Session):
        return session_text(record, index)
    doc = index.documents[record.doc_id].text
    parts = [getattr(record, a, None) or "" for a in ("name", "title", "role", "affiliation", "place",
                                                       "organiser", "description")]
    return " ".join([*parts, doc[record.citation.start:record.citation.end]])


def record_line(record) -> str:
    """What an answer shows of a record: its name or title and its fields, not its whole block."""
    people = " ".join(p.name for p in getattr(record, "people", []))
    return " ".join(str(v) for a in ("name", "title", "role", "affiliation", "place", "organiser", "room")
                    if (v := getattr(record, a, None))) + " " + people


def uncovered(query: Query, said: str) -> bool:
    """Some topic word of the question is in none of the records the answer gives."""
    return coverage(query.topic, said) < 1.0


def topic_fits(query: Query, s: Session, index: LoadedIndex) -> bool:
    """The session is what the question is about: half its topic (by rarity) is in the session;
    a quarter when the question's own constraints (a day, a room, online) already narrowed the
    choice to few sessions and the topic only picks among them."""
    need = 0.25 if defines_a_set(query) else 0.5
    return weighted_coverage(query.topic, session_text(s, index), index.lexical.idf) >= need


def _in_filters(s: Session, query: Query, index: LoadedIndex) -> bool:
    f = query.filters
    if f.docs and s.doc_id not in f.docs:
        return False
    if f.time.active and not matches_time(s, f.time):
        return False
    if f.mode and session_mode(s, index) != f.mode and not (f.mode == "online" and session_mode(s, index) == "hybrid"):
        return False
    if f.item is not None and not is_item(s, f.item, index):
        return False
    return not (f.room and room_key(s.room) != room_key(f.room))


ITEM_HEAD = 160  # characters of a session's block where its label stands ("ATELIER B – …")


def is_item(s: Session, ref: ItemRef, index: LoadedIndex) -> bool:
    """The session is the one pointed at: it carries the label ("Labo n°4"), or holds the rank
    among its event's items of the kind named, in programme order ("la première séance")."""
    if ref.label is not None:
        text = index.documents[s.doc_id].text
        title = s.fields.get("title")
        heads = [text[s.citation.start:s.citation.start + ITEM_HEAD]]
        if title is not None:
            heads.append(text[text.rfind("\n", 0, title.start) + 1:title.end])
        return any(carries_label(h, ref) for h in heads)
    if ref.rank is None:
        return False
    items = ranked_items(s.doc_id, ref.kinds, index)
    return bool(items) and abs(ref.rank) <= len(items) and items[ref.rank - 1 if ref.rank > 0 else -1].id == s.id


def ranked_items(doc_id: str, named: frozenset[str], index: LoadedIndex) -> list[Session]:
    """The event's items in the order the page gives them (a programme runs in time order; an
    item whose date is still to be confirmed keeps its place), of the kinds named ("le dernier
    labo") or any but breaks ("la première séance", "the first item")."""
    specific = {k for k in named if not kinds.is_generic(k)}
    items = [x for x in index.snapshot.catalogue.sessions if x.doc_id == doc_id and not is_break(x)]
    if specific:
        # The kind named ("le dernier atelier" is no round table), else its family.
        families = {kinds.family_of(k) for k in specific}
        items = [x for x in items if x.kind in specific] or [x for x in items if kinds.family_of(x.kind) in families]
    return sorted(items, key=lambda x: x.citation.start)


def session_set(query: Query, ev: Evidence, index: LoadedIndex) -> tuple[list[Session], str | None]:
    """Every session meeting the constraints (and the topic, if any), in programme order, scoped to
    one event: the one named, else the one of the best-ranked matching session."""
    asked_breaks = "pause" in query.filters.kinds
    pool = [s for s in index.snapshot.catalogue.sessions
            if _in_filters(s, query, index) and (asked_breaks or not is_break(s))]
    named_kinds = {k for k in query.filters.kinds - {"pause"} if not kinds.is_generic(k)}
    if named_kinds:
        # "Les ateliers du matin" takes in the round table of that slot: kinds of one family
        # (parallel sessions, plenary moments…) answer for each other.
        families = {kinds.family_of(k) for k in named_kinds}
        # A count is of the kind named ("combien d'ateliers ?" counts no round table), when the
        # programme has items of that kind at all.
        exact = [s for s in pool if s.kind in named_kinds] if "count" in query.asks else []
        pool = exact or [s for s in pool if kinds.family_of(s.kind) in families] or pool
    if query.topic:
        scores = dict((s.id, sc) for s, sc in ev.sessions)
        best = max((scores.get(s.id, 0.0) for s in pool), default=0.0)
        topical = [s for s in pool if best and scores.get(s.id, 0.0) >= RELATIVE_FIT * best
                   and coverage(query.topic, session_text(s, index)) > 0]
        # "Combien d'ateliers en parallèle au total aux Rencontres de Vernelles ?": when no item
        # of the kind named has the question's other words, they say which set ("en parallèle",
        # "au total"), not a topic: every item of that kind at the event named is counted.
        whole_kind = not topical and bool(query.filters.docs and named_kinds) and query.asks_any("list", "count")
        if not whole_kind:
            pool = topical
    if not pool:
        return [], None
    docs = {s.doc_id for s in pool}
    if len(docs) > 1:
        ranked = [s.doc_id for s, _ in ev.sessions if s.doc_id in docs]
        keep = ranked[0] if ranked else sorted(docs)[0]
        pool = [s for s in pool if s.doc_id == keep]
    pool.sort(key=lambda s: (s.date or "9999", s.start or "99", s.citation.start))
    return pool, event_title(pool[0], index)


def session_fits(query: Query, s: Session, ev: Evidence) -> bool:
    best = ev.sessions[0][1] if ev.sessions else 0.0
    return any(x.id == s.id and sc >= RELATIVE_FIT * best for x, sc in ev.sessions[:3])


def main_sessions(query: Query, ev: Evidence, index: LoadedIndex) -> list[Session]:
    """The session the question is about (the conversation's, a named one, else the best-ranked
    one meeting the constraints), and a second one only when it ranks almost as high."""
    candidates = [(s, sc) for s, sc in ev.sessions if _in_filters(s, query, index)]
    if not candidates:
        return []
    if query.filters.kinds and not query.topic:
        # The kind is the whole subject ("à quelle heure est le déjeuner ?"): only that kind.
        candidates = [(s, sc) for s, sc in candidates if s.kind in query.filters.kinds]
        if not candidates:
            return []
    elif query.filters.kinds:
        # A named kind is a preference, not a filter: people say "atelier" for a round table.
        candidates.sort(key=lambda x: -(x[1] * (1.15 if x[0].kind in query.filters.kinds else 1.0)))
    first, top = candidates[0]
    chosen = [first]
    for s, sc in candidates[1:3]:
        if sc >= CLOSE * top and fold(s.title) == fold(first.title):
            chosen.append(s)
    if _where_or_when_of_any_event(query):
        # "Où est l'atelier sur les budgets participatifs ?" with several programmes loaded and
        # none named: a workshop of another event ranking almost as high may be the one meant;
        # both are shown, each with its event, rather than one guessed.
        other = next(((s, sc) for s, sc in candidates[1:] if s.doc_id != first.doc_id), None)
        if other is not None and other[1] >= CLOSE * top and other[0] not in chosen:
            chosen.append(other[0])
    return chosen


def _where_or_when_of_any_event(query: Query) -> bool:
    """A where or when question about a session of no event in particular."""
    return bool(query.asks & WHERE_OR_WHEN) and not (query.filters.docs or query.subject or query.named)


def missing_attributes(s: Session, show: frozenset[str], index: LoadedIndex) -> list[str]:
    missing = []
    if "room" in show and not s.room:
        missing.append("room")
    if "place" in show and not s.room and event_place(s, index) is None:
        missing.append("place")
    if "date" in show and not s.date:
        missing.append("date")
    if "time" in show and not s.start:
        missing.append("time")
    if "end" in show and not s.end:
        missing.append("end")
    if "people" in show and not s.people:
        missing.append("people")
    if "organiser" in show and not s.organiser and not any(
            e.organiser for e in index.snapshot.catalogue.events if e.doc_id == s.doc_id):
        missing.append("organiser")
    return missing


def event_place(s: Session, index: LoadedIndex) -> Event | None:
    return next((e for e in index.snapshot.catalogue.events if e.doc_id == s.doc_id and e.place), None)


# Roles people ask for loosely: "qui anime la formation ?" of its trainer, "who presents" of a
# moderator. A chair, a witness, a rapporteur asked for is that function or no one (a session's
# chair is named as such: "Présidence : …"; held-out +2 with the chair strict, 0 with it loose).
LOOSE_ROLES = frozenset({"animateur", "intervenant", "formateur"})


def specific_roles(roles: frozenset[str]) -> frozenset[str]:
    """The roles asked that are a function of their own, not loose ones (`LOOSE_ROLES`)."""
    return roles - LOOSE_ROLES


def people_in(session: Session, roles: frozenset[str], index: LoadedIndex) -> list[Person]:
    """The session's people in the asked roles, else all of them when no specific role is asked
    (`specific_roles`)."""
    refs = [r for r in session.people if r.role in roles]
    if not refs and specific_roles(roles):
        return []
    refs = refs or list(session.people)
    listed = [p for r in refs if isinstance(p := index.records.get(r.person_id), Person)]
    if listed:
        return listed
    # A report names them in its prose ("a expliqué sa présidente, Gwenaëlle Le Bihan"): the
    # people the catalogue places in the session's block.
    return [p for p in index.snapshot.catalogue.people if session.id in p.sessions]


def scope_docs(query: Query, ev: Evidence) -> frozenset[str]:
    """The event(s) a question is about: the ones it names, else the best hit's."""
    return query.filters.docs or frozenset({ev.hits[0].item.doc_id} if ev.hits else ())


def names_the_event(query: Query, docs: frozenset[str], index: LoadedIndex) -> bool:
    """Every topic word is in the title of the event in scope: "le rapporteur du forum de
    l'habitat inclusif" names the event, it asks for no session's topic."""
    titles = [e.title for e in index.snapshot.catalogue.events if e.doc_id in docs]
    titles += [index.documents[d].title for d in docs if d in index.documents]
    return bool(titles) and coverage(query.topic, " ".join(titles)) == 1.0


def asks_role_of_event(query: Query, ev: Evidence, index: LoadedIndex) -> bool:
    """"Qui était le grand témoin du forum ?": a role, and no topic but the event's own name."""
    if not query.filters.roles or query.subject or query.named:
        return False
    return not query.topic or names_the_event(query, scope_docs(query, ev), index)


def role_holders(query: Query, ev: Evidence, index: LoadedIndex, *, limit: int = 6) -> list[Session]:
    """"Qui est le grand témoin des rencontres de X ?": no topic picks a session, the role does:
    the sessions of the event in scope (the named one, else the best hit's) where someone holds
    an asked role; none when more than `limit` do (the role is then no way to tell them apart)."""
    if not asks_role_of_event(query, ev, index):
        return []
    docs = scope_docs(query, ev)
    families = {kinds.family_of(k) for k in query.filters.kinds - _EVENT_LIKE}
    found = [s for s in index.snapshot.catalogue.sessions
             if s.doc_id in docs and _in_filters(s, query, index) and any(r.role in query.filters.roles for r in s.people)
             and (not families or kinds.family_of(s.kind) in families)]
    return found if len(found) <= limit else []


def initiative_asked(query: Query, ev: Evidence, *, asked: bool = True) -> Initiative | None:
    """"Who presented the suspended basket scheme?": the initiative the question describes
    without its name, when its own entry is the clear first hit among initiatives (and, unless
    `asked` is False, the question asks about initiatives)."""
    if (asked and "initiatives" not in query.asks) or not ev.initiatives:
        return None
    first, score = ev.initiatives[0]
    second = ev.initiatives[1][1] if len(ev.initiatives) > 1 else 0.0
    return first if first.id in ev.direct and score >= 0.9 and score - second >= 0.2 else None


def event_title(record: Session | Person | Initiative, index: LoadedIndex) -> str | None:
    event = next((e for e in index.snapshot.catalogue.events if e.doc_id == record.doc_id), None)
    return event.title if event else None


def people_of_scope(query: Query, ev: Evidence, index: LoadedIndex) -> list[Person]:
    """The people holding an asked role in the sessions of the event in scope (the named one,
    else the best hit's), each once, in programme order."""
    docs = scope_docs(query, ev)
    # "How many people speak at the closing session?": the people of that kind of item only.
    named_kinds = {k for k in query.filters.kinds if not kinds.is_generic(k)}
    found: dict[str, Person] = {}
    for s in index.snapshot.catalogue.sessions:
        if s.doc_id in docs and _in_filters(s, query, index) and (not named_kinds or s.kind in named_kinds):
            for r in s.people:
                if r.role in query.filters.roles and isinstance(p := index.records.get(r.person_id), Person):
                    found.setdefault(p.id, p)
    return list(found.values())


def session_of_people(query: Query, ev: Evidence, index: LoadedIndex,
                      initiative: Initiative | None) -> tuple[Session | None, Initiative | None]:
    """The session whose people are asked for: the one presenting a named initiative, the
    conversation's, or the best-ranked one when it outranks every person hit."""
    if initiative is not None and initiative.session and initiative.session in index.records:
        return index.records[initiative.session], initiative  # type: ignore[return-value]
    for rid in query.subject:
        record = index.records.get(rid)
        if isinstance(record, Session):
            return record, None
    sessions = [(s, sc) for s, sc in ev.sessions if _in_filters(s, query, index)]
    if not sessions:
        return None, None
    best_person = ev.people[0][1] if ev.people else 0.0
    s, score = sessions[0]
    # "la première séance", "l'atelier B": the question points at that session itself.
    return (s, None) if score >= best_person or query.filters.item is not None else (None, None)


def persons_ranked(query: Query, ev: Evidence, index: LoadedIndex, *, limit: int = 3) -> list[Person]:
    """People whose own line holds the question's topic ("qui intervient pour <organisation>"):
    a person reached by a loose match is no answer to "qui est le maire de <ville>"."""
    if not ev.people:
        return []
    top = ev.people[0][1]
    return [p for p, sc in ev.people[:limit]
            if sc >= 0.8 * top and coverage(query.topic, record_text(p, index)) >= 1.0]


def contacts(query: Query, ev: Evidence, index: LoadedIndex) -> list[Person]:
    """Contact people of the document the question is about (its scope, else the best hit's)."""
    docs = scope_docs(query, ev)
    found = []
    for s in index.snapshot.catalogue.sessions:
        if s.doc_id in docs:
            found += [r.person_id for r in s.people if r.role == "contact"]
    found += [p.id for p, _ in ev.people if p.doc_id in docs and (p.role or "").lower().startswith("contact")]
    people = [p for pid in dict.fromkeys(found) if isinstance(p := index.records.get(pid), Person)]
    if query.topic and people:
        # "le contact presse de la DGCS": the contacts whose line holds the most topic words.
        fit = {p.id: coverage(query.topic, record_text(p, index)) for p in people}
        best = max(fit.values())
        people = [p for p in people if fit[p.id] == best]
    ranked = {p.id: i for i, (p, _) in enumerate(ev.people)}
    return sorted(people, key=lambda p: ranked.get(p.id, len(ranked)))[:3]


def initiatives_of_event(query: Query, ev: Evidence, index: LoadedIndex) -> list[Initiative]:
    """"Quelles initiatives sont présentées au forum de X ?", "combien de stands sur la santé ?":
    every initiative of the event named (on the topic asked, if any), in the page's order; none
    when no event is named or none is on the topic."""
    docs = query.filters.docs
    if len(docs) > 1:
        # Two events of one town: the one whose initiatives the search ranks first.
        docs = frozenset(next(([i.doc_id] for i, _ in ev.initiatives if i.doc_id in docs), []))
    found = [i for i in index.snapshot.catalogue.initiatives if i.doc_id in docs]
    if query.topic:
        found = [i for i in found if coverage(query.topic, record_text(i, index)) > 0]
    return sorted(found, key=lambda i: i.citation.start)


def initiatives_ranked(query: Query, ev: Evidence, index: LoadedIndex, *, limit: int = 6) -> list[Initiative]:
    named = [index.records[r] for r in query.named if isinstance(index.records.get(r), Initiative)]
    if named:
        return named  # type: ignore[return-value]
    if not ev.initiatives:
        return []
    top = ev.initiatives[0][1]
    out = []
    for i, sc in ev.initiatives:
        # On the topic by its words, or found by its own entry (the embedder matched its meaning:
        # "supplying school canteens" for a question on food).
        on_topic = not query.topic or i.id in ev.direct or coverage(query.topic, record_text(i, index)) > 0
        if sc >= 0.5 * top and on_topic:
            out.append(i)
    return out[:limit]


def asks_event(query: Query, ev: Evidence) -> bool:
    """'Où et quand a lieu le colloque ?': about the event as a whole, not one of its sessions."""
    # "When is the network meeting?": a meeting ("séance") is the event itself when one is asked
    # about, not several ("les dates des séances", "combien de séances").
    whole = _EVENT_LIKE | ({"séance"} if not query.asks_any("list", "count") else set())
    if not query.asks_any("date", "place", "time", "organiser") or query.filters.kinds - whole:
        return False
    return "event" in query.asks and (not query.topic or bool(query.filters.docs))


def event_for(query: Query, ev: Evidence) -> Event | None:
    for e, _ in ev.events:
        if not query.filters.docs or e.doc_id in query.filters.docs:
            return e
    return None


PROGRAMME_SHOWN = 6  # items of an event's programme shown for its hours


def programme_of(event: Event, index: LoadedIndex, *, limit: int | None = PROGRAMME_SHOWN) -> list[Session]:
    """The event's timed items in time order, the first `limit` of them (all: None)."""
    sessions = [s for s in index.snapshot.catalogue.sessions if s.doc_id == event.doc_id and s.start]
    sessions.sort(key=lambda s: (s.date or "", s.start or "", s.citation.start))
    return sessions[:limit]
