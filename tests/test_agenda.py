"""The attendee's agenda as the user reads it: one event, said which and why, only what fits,
clashes kept as alternatives, date order, incomplete dates apart, and a calendar file that
imports cleanly. Real MiniLM and embedded Chroma over the corpus (conftest's `core`); the slot
and term rules also have fast unit tests on hand-made records.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from assistant.answering.agenda import Agenda, plan_agenda, time_slots
from assistant.answering.ics import agenda_to_ics
from assistant.domain.models import Citation, Session
from assistant.language.matching import all_met, query_groups

ROUEN = "colloque-renouveler-pacte-social-rouen-2025"
COPIL = "copil-villes-et-vivre-ensemble-2016"
SEMINARS = "seminaires-cohesion-sociale-par-ses-acteurs"
LABOS = "labos-innovation-solidarites-departements"
TODAY = dt.date(2026, 1, 15)  # after every event of the corpus


def plan(core, interests: str, *, date: str | None = None, today: dt.date = TODAY) -> Agenda:
    return plan_agenda(core.resources(), interests=interests, date=date, today=today)


def rows(agenda: Agenda) -> list[Session]:
    return [i.session for i in agenda.items]


def all_sessions(agenda: Agenda) -> list[Session]:
    return [*rows(agenda), *(a.session for i in agenda.items for a in i.alternatives),
            *(u.session for u in agenda.undated)]


# -- fast rules -------------------------------------------------------------------------------
def _session(n: int, date: str | None, start: str | None, end: str | None) -> Session:
    cite = Citation(doc_id="d", title="T", quote="x", start=0, end=1)
    return Session(id=f"d#s{n}", title=f"S{n}", doc_id="d", date=date, start=start, end=end, citation=cite)


def test_time_slots_group_overlaps_and_keep_date_order() -> None:
    a = _session(1, "2025-03-05", "09:00", "10:30")
    b = _session(2, "2025-03-04", "14:00", "15:30")
    c = _session(3, "2025-03-04", "15:00", "16:00")  # overlaps b: a clash
    d = _session(4, "2025-03-04", "15:30", "17:00")  # starts when b ends, but c still runs
    e = _session(5, "2025-03-04", "17:45", "19:15")
    f = _session(6, "2025-03-06", None, None)
    g = _session(7, "2025-03-06", None, None)  # no time: shares its day's slot
    slots = time_slots([a, b, c, d, e, f, g])
    assert [[s.id for s in slot] for slot in slots] == [
        ["d#s2", "d#s3", "d#s4"], ["d#s5"], ["d#s1"], ["d#s6", "d#s7"]]


def test_query_words_meet_texts_as_search_reads_them() -> None:
    assert all_met(query_groups("vieillissement"), "Vieillir chez soi")
    assert all_met(query_groups("jeunesse"), "les jeunes du quartier")
    assert all_met(query_groups("sante mentale"), "la Santé Mentale")  # accents folded
    assert all_met(query_groups("youth"), "les jeunes du quartier")  # English through the glossary
    assert not all_met(query_groups("partie"), "la participation")  # short stems meet only themselves
    assert not all_met(query_groups("cuisine japonaise"), "cuisine collective")


# -- over the corpus --------------------------------------------------------------------------
def test_agenda_is_one_event_in_date_order(core) -> None:
    agenda = plan(core, "santé mentale, jeunesse, alimentation")
    assert agenda.event is not None and agenda.event.doc_id == ROUEN
    assert agenda.scope == "recent"  # every event of the corpus is past on TODAY
    assert agenda.items and {s.doc_id for s in all_sessions(agenda)} == {ROUEN}
    keys = [(s.date, s.start) for s in rows(agenda)]
    assert keys == sorted(keys)  # type: ignore[type-var]
    titles = " ".join(s.title for s in all_sessions(agenda))
    assert "santé mentale" in titles and "alimentaire" in titles and "jeunes" in titles
    for item in agenda.items:
        quote = core.index.documents[item.session.doc_id].text[item.citation.start : item.citation.end]
        assert item.citation.quote == quote and item.reason == quote


def test_a_clash_is_kept_as_an_alternative_not_dropped(core) -> None:
    # Both sessions run on 4 March, 14:00-15:30.
    agenda = plan(core, "vieillissement, enfants et jeunes")
    clash = [i for i in agenda.items if i.alternatives]
    assert clash, [(s.date, s.start, s.title) for s in rows(agenda)]
    shown = {s.title for s in all_sessions(agenda)}
    assert any("vieillissement" in t for t in shown) and any("jeunes" in t for t in shown)
    slots = [(s.date, s.start) for s in rows(agenda)]
    assert len(slots) == len(set(slots))
    for item in clash:
        for alt in item.alternatives:
            assert (alt.session.date, alt.session.start) == (item.session.date, item.session.start)
            assert alt.score <= item.score


def test_nothing_fits_gives_no_rows(core) -> None:
    for interests in ("cuisine japonaise", "zzzz"):
        agenda = plan(core, interests)
        assert agenda.items == [] and agenda.undated == [] and agenda.other_events == [], interests
        assert agenda.event is not None and agenda.event.doc_id == ROUEN


def test_next_upcoming_event_is_chosen_and_other_events_are_counted(core) -> None:
    agenda = plan(core, "participation citoyenne", today=dt.date(2011, 1, 1))
    assert agenda.event is not None and agenda.event.doc_id == SEMINARS and agenda.scope == "upcoming"
    others = {m.event.doc_id: m.matches for m in agenda.other_events}
    assert others.get(ROUEN, 0) >= 1


def test_an_event_named_by_its_kind_or_a_date_inside_it(core) -> None:
    named = plan(core, "comité de pilotage, non-recours")
    assert named.event is not None and named.event.doc_id == COPIL and named.scope == "named"
    assert named.items and all(s.doc_id == COPIL for s in rows(named))
    by_date = plan(core, "santé mentale, vieillissement", date="2025-03-04")
    assert by_date.scope == "date" and by_date.event is not None and by_date.event.doc_id == ROUEN
    assert by_date.items and all(s.date == "2025-03-04" for s in rows(by_date))


def test_sessions_without_a_full_date_are_listed_apart(core) -> None:
    # The report of the labs gives "jeudi 6 novembre" without a year.
    agenda = plan(core, "compte rendu, développement local")
    assert agenda.event is not None and agenda.event.doc_id == LABOS
    assert agenda.items == []
    assert [u.session.date for u in agenda.undated] and all(u.session.date.startswith("--") for u in agenda.undated)  # type: ignore[union-attr]


def test_ics_has_stable_uids_venue_and_no_offsets(core) -> None:
    agenda = plan(core, "vieillissement, enfants et jeunes, santé mentale")
    first = Calendar.from_ical(agenda_to_ics(agenda, documents=core.index.documents)).walk("VEVENT")
    again = plan(core, "vieillissement, enfants et jeunes, santé mentale")
    second = Calendar.from_ical(agenda_to_ics(again, documents=core.index.documents)).walk("VEVENT")
    assert len(first) == len(agenda.items) and [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]
    title = core.index.documents[ROUEN].title
    for event, item in zip(first, agenda.items, strict=True):
        assert str(event["LOCATION"]) == f"{item.session.room}, Rouen"
        description = str(event["DESCRIPTION"])
        assert description.startswith(item.reason) and description.endswith(f"Source : {title}")
        assert "caractères" not in description
        for alt in item.alternatives:
            assert alt.session.title in description
        assert event.decoded("DTSTART").utcoffset() == dt.timedelta(hours=1)
