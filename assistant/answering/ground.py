"""Ground: decide what answers the Query from the evidence, and what it asks that the evidence
does not give. Returns a `Plan` (records, source sentences, missing attributes, scope, count) or
a refusal with its reason; it words nothing.

Order of the checks: a greeting gets help; a request for a value no catalogue field holds (a
price, a menu) needs that value in the sources; a topic the corpus does not hold is refused;
then lists and counts, people, initiatives, the event itself, a session's attributes, and last
the source sentences for content questions.
"""

from __future__ import annotations

from assistant.answering import asking, selection
from assistant.answering.agenda_points import agendas
from assistant.answering.plan import Plan, Sentence
from assistant.answering.query import Query
from assistant.answering.retrieve import Evidence, Resources
from assistant.answering.sentences import (
    SLOTS,
    best_sentences,
    in_roles,
    lines_near,
    lines_with,
    pending_near,
    role_sentences,
    stated_counts,
    value_lines,
)
from assistant.answering.support import assess
from assistant.domain.models import Event, Initiative, Person, Session
from assistant.language.text import CORPUS_LANGUAGE

SESSION_ATTRIBUTES = frozenset({"room", "place", "date", "time", "end", "mode", "people", "organiser", "description",
                                "session"})
# What a session's line always shows: people ask "where" and need "when" to get there.
SESSION_LINE = frozenset({"date", "time", "room"})
EVIDENCE_DEPTH = 5  # hits whose text (with its full source lines) may hold the answer


def evidence_texts(ev: Evidence, res: Resources) -> list[str]:
    return [selection.hit_text(h, res.index) for h in ev.hits[:EVIDENCE_DEPTH]]


# People a record lacks may still stand in the source lines (role labels, civilities); a room
# or a time a record lacks is more often truly not given (a tricky question), so not those.
RECORD_ATTRIBUTES = ("people",)


def ground(query: Query, ev: Evidence, res: Resources, *, threshold: float,
           dense_support: float | None = None) -> Plan:
    dense_support = dense_support_for(query.language, dense_support, res.language_gap)
    plan = _decide(query, ev, res, threshold=threshold, dense_support=dense_support)
    lacking = next((m for m in plan.missing if m in RECORD_ATTRIBUTES), None)
    if not plan.answered and lacking is not None:
        # The record lacks it, but the parser is not the last word: lines of the best hits that
        # hold such a value and the question's topic answer instead of a refusal.
        lines = _of_asked_roles(query, lines_with(lacking, query, ev, res), res)
        if lines:
            return Plan(intent=plan.intent, records=plan.records[:1], sentences=lines, show=_show(query))
    return with_the_rest(query, plan, ev, res)


def with_the_rest(query: Query, plan: Plan, ev: Evidence, res: Resources) -> Plan:
    """The question asks more than the records and lines found say ("quel objectif…", "depuis
    quand…", "qu'a-t-elle proposé ?"): the source sentences that hold the rest of its topic
    come after them."""
    if plan.answered and plan.records and plan.intent in ("initiative", "general", "session", "people"):
        said = " ".join([*(selection.record_line(r) for r in plan.records),
                         *(res.index.documents[x.doc_id].text[x.start:x.end] for x in plan.sentences)])
        if selection.uncovered(query, said):
            plan.sentences += [x for x in best_sentences(query, ev, res, limit=2) if x not in plan.sentences]
    return plan


def dense_support_for(language: str, dense_support: float | None, gap: float) -> float | None:
    """The cosine that supports a question in `language` on its own. A question in another
    language than the passages sits further from them in the encoder, beyond the lift its
    ranking gets (tune: English answerable median 0.865 against French 0.877): the same
    nearness is asked less by about the language gap."""
    if dense_support is None or language == CORPUS_LANGUAGE:
        return dense_support
    return dense_support - gap


def _decide(query: Query, ev: Evidence, res: Resources, *, threshold: float,
            dense_support: float | None) -> Plan:
    if "help" in query.asks and not query.topic and not query.named:
        return Plan(intent="help")
    if "task" in query.asks:
        # "Aide-moi à rédiger une lettre de motivation": a task, not a question the programmes answer.
        return Plan.refuse("out_of_scope")
    if "recommendation" in query.asks and not query.subject:
        return _recommend(ev, dense_support)
    if asking.asks_agenda_points(query.text) and (counted := _agenda_points(query, ev, res)) is not None:
        return counted
    if query.values:
        valued = _values(query, ev, res)
        if query.values != ("figure",):
            return valued
        if valued.answered and not query.asks - _ONLY_A_FIGURE:
            return valued
        # "C'est porté par qui et ça loge combien ?": the records answer the rest, the figure's
        # sentence comes after them; a figure no sentence states is no reason to refuse.
        plan = _decide_records(query, ev, res, threshold=threshold, dense_support=dense_support)
        if valued.answered and plan.answered:
            plan.sentences = [*plan.sentences, *(v for v in valued.sentences if v not in plan.sentences)]
        return plan if plan.answered or not valued.answered else valued
    return _decide_records(query, ev, res, threshold=threshold, dense_support=dense_support)


def _agenda_points(query: Query, ev: Evidence, res: Resources) -> Plan | None:
    """"Combien de points à l'ordre du jour ?": the numbered points of the agenda of the meeting
    named (else of the best hits' documents), counted; the heading leads, each point follows."""
    docs = sorted(query.filters.docs) or ev.documents(3)
    for doc in docs:
        found = agendas(res.index.documents[doc].text)
        if found:
            agenda = found[0]
            lines = [Sentence(doc, *agenda.heading), *(Sentence(doc, a, b) for a, b in agenda.points)]
            return Plan(intent="session", sentences=lines, count=len(agenda.points))
    return None


# -- "which workshop fits me?" ----------------------------------------------------------------
RECOMMEND_HINTS = 3  # sessions the search ranks first for the interests, handed to the agenda


def _recommend(ev: Evidence, dense_support: float | None) -> Plan:
    """The sessions the search ranks first for the interests. With many programmes indexed they
    say which event the attendee means (the calendar's next event may be on any subject), and,
    when the encoder puts them very near the question, they fit however it is worded (the
    agenda's own fit reads words: "retravailler" does not meet "reprendre un emploi")."""
    return Plan(intent="recommend", records=[s for s, _ in ev.sessions[:RECOMMEND_HINTS]],
                near=_near_in_meaning(ev, dense_support))


# Asked beside a figure, these ask for nothing else ("combien de bénévoles ?" is a count and a value).
_ONLY_A_FIGURE = frozenset({"count", "value", "list", "event"})


def _near_in_meaning(ev: Evidence, dense_support: float | None) -> bool:
    """A best hit the encoder puts very close to the question supports it even where the words
    differ (a paraphrase, English against French text, which the word-level check misses)."""
    return dense_support is not None and any(h.dense >= dense_support for h in ev.hits[:EVIDENCE_DEPTH])


def _decide_records(query: Query, ev: Evidence, res: Resources, *, threshold: float,
                    dense_support: float | None) -> Plan:
    if not ev.hits and not query.named and not query.subject:
        return Plan.refuse("out_of_scope")
    anchored = bool(query.named or query.subject)
    support = assess(query, evidence_texts(ev, res), vocabulary=res.index.lexical.vocabulary)
    if not anchored and not support.holds(threshold) and not selection.defines_a_set(query) \
            and not _near_in_meaning(ev, dense_support):
        return Plan.refuse(_intent_of(query))
    initiative = next((r for rid in query.named + query.subject
                       if isinstance(r := res.index.records.get(rid), Initiative)), None)
    if initiative is None and "organiser" in query.asks and not query.filters.roles \
            and not selection.names_the_event(query, selection.scope_docs(query, ev), res.index):
        # "Forum de Laval : le truc de réparation à X, c'est porté par qui ?": the project the
        # question describes without its name (its entry the clear first hit), not the forum.
        initiative = selection.initiative_asked(query, ev, asked=False)
    if initiative is None and selection.asks_event(query, ev):
        return _event(query, ev, res)
    if initiative is not None and "organiser" in query.asks:
        # "Qui la gère ?", "c'est porté par qui ?" of an initiative: the organisation that runs
        # it, with the sentences that say so when the record has none.
        return Plan(intent="initiative", records=[initiative],
                    sentences=[] if initiative.organiser else best_sentences(query, ev, res, limit=2, near=initiative))
    if initiative is not None and "year" in query.asks:
        # "Depuis quelle année existe-t-il ?", "créé en quelle année ?" of an initiative: only
        # its own lines that write a year answer; else the year is not given, and said so.
        dated = best_sentences(query, ev, res, limit=2, near=initiative, slots=["year"])
        if not dated:
            return Plan.refuse("initiative", "year", missing=["year"], records=[initiative])
        return Plan(intent="initiative", records=[initiative], sentences=dated)
    if "organiser" in query.asks and not query.named:
        plan = _session(query, ev, res)
        if plan is not None:
            return plan
    counted = _counted_people(query, ev, res)
    if counted is not None:
        return counted
    if not query.asks - {"people", "contact", "description", "list", "event"} and any(
            isinstance(res.index.records.get(r), Person) for r in query.named):
        # A person named and nothing else asked ("Jeanne Martin, elle fait quoi ?", "à quels
        # moments de la journée ?"): who she is, with each of her parts.
        return _people(query, ev, res)
    listed = _listing(query, ev, res) if selection.is_listing(query) else None
    if "count" in query.asks and query.filters.kinds and not (
            listed is not None and any(isinstance(r, Session) and r.kind in query.filters.kinds for r in listed.records)):
        # No item of the kind asked is listed ("combien d'ateliers ?" where only round tables
        # are): the page may say how many there were ("trois ateliers").
        stated = stated_counts(query, ev, res)
        if stated:
            return Plan(intent="session", sentences=stated)
    if listed is not None:
        return listed
    person = selection.person_asked_about(query, res.index)
    if person is not None and query.asks_any(*(SESSION_ATTRIBUTES - {"people"})):
        # "Dans quel labo intervient-il ?", "who is X and in which sessions?": who the person is,
        # then each of their sessions with when and where.
        return _person_and_parts(person, query, res)
    # "Quelles initiatives ont été présentées ?": a role word in the passive describes the
    # initiatives asked for; it asks for no one.
    role_only = query.filters.roles and not query.asks_any(*SESSION_ATTRIBUTES) and "initiatives" not in query.asks
    if query.asks_any("people", "contact") or role_only:
        return _people(query, ev, res)
    if "initiatives" in query.asks or any(isinstance(res.index.records.get(r), Initiative) for r in query.named):
        return _initiatives(query, ev, res)
    if query.asks_any(*SESSION_ATTRIBUTES) or query.filters.time.active or query.subject:
        plan = _session(query, ev, res)
        if plan is not None:
            return plan
    return _content(query, ev, res, intent="general")


def _intent_of(query: Query) -> str:
    if query.asks_any("people", "contact"):
        return "people"
    if "initiatives" in query.asks:
        return "initiative"
    return "session" if query.asks_any(*SESSION_ATTRIBUTES) else "general"


# -- values no catalogue field holds ---------------------------------------------------------
def _values(query: Query, ev: Evidence, res: Resources) -> Plan:
    """A price, a phone number, a menu…: answered only by source lines that hold such a value
    and belong to what is asked about; otherwise refused, saying which value is not given."""
    # One figure is one sentence; a practical value may take two lines (a price and its terms).
    limit = 1 if query.values == ("figure",) else 2
    if not query.value_clauses:
        lines = value_lines(query, ev, res, limit=limit)
        missing = [] if lines else list(query.values)
    else:
        # "Combien ça coûte, et jusqu'à quand s'inscrire ?": each clause has its own line (a fee
        # here, a deadline there); a clause the sources do not answer is said to be missing.
        lines, missing = [], []
        for values in query.value_clauses:
            found = value_lines(query.model_copy(update={"values": values}), ev, res, limit=limit)
            lines += [s for s in found if s not in lines]
            if not found:
                missing += [v for v in values if v not in missing]
    if not lines:
        return Plan.refuse(_intent_of(query), query.values[0], missing=list(query.values))
    return Plan(intent="people" if query.asks_any("people", "contact") else "general", sentences=lines,
                missing=missing)


# -- complete lists and counts ---------------------------------------------------------------
def _listing(query: Query, ev: Evidence, res: Resources) -> Plan | None:
    """Every session meeting the question's constraints; None when none does (a plural question
    word may ask for something else than sessions: "quelles catégories ?", "which benefits?")."""
    chosen, scope = selection.session_set(query, ev, res.index)
    if not chosen:
        return None
    count = len(chosen) if "count" in query.asks else None
    return Plan(intent="session", records=list(chosen), scope=scope, count=count, show=_show(query))


def _counted_people(query: Query, ev: Evidence, res: Resources) -> Plan | None:
    """Counts of people and of a person's sessions: "combien d'intervenantes pour la formation ?"
    counts the people of its sessions (in the roles asked); "how many sessions does X moderate?"
    counts X's sessions."""
    if "count" not in query.asks:
        return None
    person = selection.person_asked_about(query, res.index)
    if person is not None:
        chosen = [s for s in selection.sessions_of(person, res.index)
                  if not query.filters.roles or any(r.person_id == person.id and r.role in query.filters.roles
                                                      for r in s.people)]
        if not chosen:
            return None
        return Plan(intent="session", records=chosen, count=len(chosen), scope=selection.event_title(chosen[0], res.index),
                    show=_show(query))
    if query.filters.roles - {"contact"} and not query.topic and not query.named:
        people = selection.people_of_scope(query, ev, res.index)
        if people:
            return Plan(intent="people", records=people, count=len(people),
                        scope=selection.event_title(people[0], res.index))
    return None


def _show(query: Query) -> frozenset[str]:
    """A session's line: when and where always, and whatever else is asked (its people when a
    role is asked, "le labo animé par…")."""
    show = SESSION_LINE | (query.asks & SESSION_ATTRIBUTES)
    return show | ({"people"} if query.filters.roles else set())


# -- people ----------------------------------------------------------------------------------
def _person_and_parts(person: Person, query: Query, res: Resources, *, most: int | None = None) -> Plan:
    """Who the person is, then their sessions (the first `most`), each with when and where."""
    sessions = selection.sessions_of(person, res.index)
    return Plan(intent="people", records=[person, *sessions[:most]], show=_show(query) - {"people"})


def _people(query: Query, ev: Evidence, res: Resources) -> Plan:
    index = res.index
    named = [index.records[r] for r in query.named if r in index.records]
    person = next((r for r in named if isinstance(r, Person)), None)
    if person is not None:
        # "Qui est X ?": the person with role, organisation and sessions.
        return _person_and_parts(person, query, res, most=3)
    if "contact" in query.filters.roles or ("contact" in query.asks and "people" not in query.asks):
        contacts = selection.contacts(query, ev, index)
        if contacts:
            return Plan(intent="people", records=list(contacts), show=frozenset({"contact"}))
    holding = selection.role_holders(query, ev, index)
    if holding:
        people = list({p.id: p for s in holding for p in selection.people_in(s, query.filters.roles, index)}.values())
        # "… and what time does it start?": the sessions' line shows what else is asked.
        return Plan(intent="people", records=[*people, *holding], count=_how_many(query, people),
                    show=_show(query) - {"people"} if query.asks & SESSION_ATTRIBUTES - {"people"} else frozenset())
    if selection.asks_role_of_event(query, ev, index):
        # No session holds the role as a label: the report may say it in prose.
        said = role_sentences(query, selection.scope_docs(query, ev), res)
        if said:
            return Plan(intent="people", sentences=said)
    initiative = next((r for r in named if isinstance(r, Initiative)), None) or selection.initiative_asked(query, ev)
    session, via = selection.session_of_people(query, ev, index, initiative)
    if session is not None and not (session.id in query.subject or via is not None or query.filters.item is not None
                                    or _among_top_hits(session, ev) or selection.topic_fits(query, session, index)):
        # "Who will present at next year's edition?": the best-ranked session is about something
        # else; its people are no answer.
        session = None
    if session is not None:
        # Whoever took part presented what the session showed: no role filter then.
        people = selection.people_in(session, frozenset() if via else query.filters.roles, index)
        if people:
            return Plan(intent="people", records=[*people, session], via=via, count=_how_many(query, people),
                        show=_show(query) - {"people"} if query.asks & SESSION_ATTRIBUTES else frozenset())
        if session.id in query.subject or via is not None or selection.session_fits(query, session, ev):
            lines = _of_asked_roles(query, lines_near(session, "people", res), res)
            if lines:
                return Plan(intent="people", records=[session], sentences=lines, show=_show(query))
            return Plan.refuse("people", _role_missing(query), missing=["people"], records=[session])
    persons = selection.persons_ranked(query, ev, index)
    if persons:
        return Plan(intent="people", records=persons)
    return _content(query, ev, res, intent="people")


def _how_many(query: Query, people: list[Person]) -> int | None:
    """"Combien de personnes interviennent ?": the answer says how many before naming them."""
    return len(people) if "count" in query.asks else None


def _role_missing(query: Query) -> str:
    """What the refusal says is not given: the one function asked ("le rapporteur n'est pas
    indiqué"), else the session's people."""
    specific = selection.specific_roles(query.filters.roles)
    return next(iter(specific)) if len(specific) == 1 else "people"


def _of_asked_roles(query: Query, lines: list[Sentence], res: Resources) -> list[Sentence]:
    """The people lines that name someone in the role asked, when that role is no loose one (a
    rapporteur, a witness asked for: the moderator's line is not the answer)."""
    wanted = query.filters.roles
    if not selection.specific_roles(wanted):
        return lines
    return [x for x in lines if in_roles(res.index.documents[x.doc_id].text[x.start:x.end], wanted)]


# -- initiatives -----------------------------------------------------------------------------
def _initiatives(query: Query, ev: Evidence, res: Resources) -> Plan:
    # A list or a count of an event's initiatives is all of them, not the best-ranked few.
    whole = selection.initiatives_of_event(query, ev, res.index) if query.asks_any("list", "count") else []
    chosen = whole or selection.initiatives_ranked(query, ev, res.index)
    if not chosen:
        return _content(query, ev, res, intent="initiative")
    return Plan(intent="initiative", records=list(chosen), count=len(chosen) if "count" in query.asks else None,
                scope=selection.event_title(whole[0], res.index) if whole else None)


# -- the event as a whole --------------------------------------------------------------------
def _event(query: Query, ev: Evidence, res: Resources) -> Plan:
    event = selection.event_for(query, ev)
    if event is None:
        return _content(query, ev, res, intent="general")
    if "year" in query.asks and not _has_year(event.date):
        return Plan.refuse("general", "year", missing=["year"], records=[event])
    missing = [a for a, value in (("date", event.date), ("place", event.place), ("organiser", event.organiser))
               if a in query.asks and not value]
    if missing and len(missing) == len(query.asks & {"date", "place", "organiser"}):
        return Plan.refuse("general", missing[0], missing=missing, records=[event])
    records: list = [event]
    if query.asks_any("time", "end"):
        # The event's hours are those of its programme: its sessions, first to last.
        whole = selection.programme_of(event, res.index, limit=None)
        if "end" in query.asks and "start" not in query.asks and not (whole and whole[-1].end):
            # "When does the committee finish?": its last item's end, or not given (its start, its
            # day, its place answer something else).
            return Plan.refuse("general", "end", missing=["end"], records=[event])
        records += whole[:selection.PROGRAMME_SHOWN]
    return Plan(intent="general", records=records, missing=missing, show=_show(query))


def _has_year(date: str | None) -> bool:
    """A catalogue date gives its year unless it is partial ("--11-06": day and month only)."""
    return date is not None and not date.startswith("--")


# -- one session and its attributes ---------------------------------------------------------
# The search's best hits: a session whose own entry or block is among them is what the question
# asks about even when its topic words are not the session's (a paraphrase, English). Two, chosen
# on tune (1: passed 0.625, 2: 0.626, 3 and 5: 0.623).
TOP_HITS = 2


def _among_top_hits(session: Session, ev: Evidence) -> bool:
    return any(session.id in (h.item.record_id, h.item.session_id) for h in ev.hits[:TOP_HITS])


def _session(query: Query, ev: Evidence, res: Resources) -> Plan | None:
    sessions = selection.main_sessions(query, ev, res.index)
    if not sessions:
        return None
    main = sessions[0]
    anchored = main.id in query.subject or main.id in query.named
    if not anchored and not selection.topic_fits(query, main, res.index) and not _among_top_hits(main, ev):
        return None  # the question is about something a session only mentions: its sentences
    asked = query.asks & (SESSION_ATTRIBUTES - {"description", "session"})
    if "end" in asked and "start" not in query.asks:
        # "À quelle heure se termine…", "when does it end?" ask the end: neither the start nor
        # the day answers it (both still show on the session's line).
        asked -= {"time", "date"}
    if "year" in query.asks and not _has_year(main.date):
        # "En quelle année ?" of a session dated by weekday and day only: not given, and said so.
        return Plan.refuse("session", "year", missing=["year"], records=[main])
    missing = selection.missing_attributes(main, frozenset(asked), res.index)
    # A value the record lacks may still stand on the record's own lines: quote them.
    # Or the programme says it is still to come ("Date à confirmer"): that line is the answer.
    near = {m: lines_near(main, m, res) for m in missing}
    notes = {m: pending_near(main, m, res) for m in missing if not near[m]}
    found = [s for m in missing for s in near[m] or notes.get(m, [])]
    pending = frozenset(m for m, lines in notes.items() if lines)
    if asked and set(missing) >= asked and not any(near.values()) and (not pending or query.exact):
        # Nothing asked is given, not even on the record's lines. A "date à confirmer" (with its
        # "mars 2026") answers "when?", not "what is the exact date?": that value is not given yet.
        return Plan.refuse("session", next((m for m in missing if m in pending), missing[0]), missing=missing,
                           records=[main], pending=pending)
    plan = Plan(intent="session", records=list(sessions), show=_show(query), missing=missing, sentences=found,
                pending=pending)
    if "description" in query.asks:
        plan.sentences += best_sentences(query, ev, res, limit=2, near=main)
    return plan


# -- content questions: the source sentences -------------------------------------------------
def _content(query: Query, ev: Evidence, res: Resources, *, intent: str) -> Plan:
    if not query.topic and not query.named and not query.subject:
        # Nothing to look for in the sentences ("à quelle heure est le déjeuner ?" where no
        # break is listed): any sentence would be a neighbour's, not an answer.
        return Plan.refuse(intent)  # type: ignore[arg-type]
    # "Dans quelle salle… ?", "en quelle année… ?": only a sentence holding such a value answers;
    # the topic's other sentences are a neighbour's facts, and the value is said not given. An
    # hour counted or described ("combien d'heures de bénévolat ?") is no clock time to find.
    slots = [a for a in SLOTS if a in query.asks and not (a == "time" and query.asks_any("count", "description"))]
    sentences: list[Sentence] = best_sentences(query, ev, res, limit=2, slots=slots, extra=1)
    if not sentences:
        return Plan.refuse(intent, slots[0] if slots else None, missing=slots)  # type: ignore[arg-type]
    return Plan(intent=intent, sentences=sentences)  # type: ignore[arg-type]


__all__ = ["ground", "evidence_texts", "Plan", "Event", "Session"]
