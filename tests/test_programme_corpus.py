"""The programme parser on the five corpus documents: exact spans and concrete facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.domain.models import Catalogue, Document
from evals.catalogue_score import GOLD_PATH, run
from ingest.load import load_corpus
from ingest.programme import parse_programme

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def parsed() -> dict[str, tuple[Document, Catalogue]]:
    docs = load_corpus(ROOT / "corpus").documents
    return {d.doc_id: (d, parse_programme(d)) for d in docs}


def _by_prefix(parsed, prefix: str) -> tuple[Document, Catalogue]:
    [key] = [k for k in parsed if k.startswith(prefix)]
    return parsed[key]


def test_every_quote_is_exact(parsed) -> None:
    checked = 0
    for doc, cat in parsed.values():
        for rec in [*cat.events, *cat.sessions, *cat.people, *cat.initiatives]:
            c = rec.citation
            assert c.doc_id == doc.doc_id and c.title == doc.title and c.score == 1.0
            assert c.quote == doc.text[c.start : c.end] and c.quote
            for name, span in rec.fields.items():
                assert span.quote == doc.text[span.start : span.end], (rec.id, name)
                assert span.quote, (rec.id, name)
                checked += 1
            # Every non-null field has its span.
            for name in (
                "title",
                "date",
                "start",
                "room",
                "description",
                "name",
                "affiliation",
                "place",
                "organiser",
            ):
                if getattr(rec, name, None) is not None:
                    assert name in rec.fields, (rec.id, name)
    assert checked > 300


def test_textual_fields_equal_their_span(parsed) -> None:
    for _doc, cat in parsed.values():
        for rec in [*cat.sessions, *cat.people, *cat.initiatives]:
            for name in ("room", "name", "affiliation", "place", "description"):
                value = getattr(rec, name, None)
                if value is not None:
                    assert value == rec.fields[name].quote, (rec.id, name)


def test_ids_are_deterministic_and_unique(parsed) -> None:
    for doc, cat in parsed.values():
        again = parse_programme(doc)
        assert again == cat
        ids = [r.id for r in [*cat.sessions, *cat.people, *cat.initiatives]]
        assert len(ids) == len(set(ids))


def test_rouen_mental_health_workshop(parsed) -> None:
    _doc, cat = _by_prefix(parsed, "colloque")
    [s] = [s for s in cat.sessions if "santé mentale" in s.title]
    assert (s.date, s.start, s.end, s.room) == ("2025-03-05", "09:00", "10:30", "SALLE CORNEILLE 2")
    assert s.fields["room"].quote == "SALLE CORNEILLE 2"
    assert s.fields["date"].quote == "Mercredi 05 mars 2025"
    assert s.fields["start"].quote == "9H00-10h30"


def test_rouen_workshops_without_room_label_have_no_room(parsed) -> None:
    _doc, cat = _by_prefix(parsed, "colloque")
    roomless = {s.title: s for s in cat.sessions if s.room is None}
    assert set(roomless) == {
        "Le réemploi au service de nouvelles coopérations",
        "L'IA dans les collectivités, ça mérite débat !",
    }
    ia = roomless["L'IA dans les collectivités, ça mérite débat !"]
    # Its subtitle line belongs to the description, not to a new session.
    assert ia.description.startswith("L'importance du dialogue interne")
    assert (ia.date, ia.start, ia.end) == ("2025-03-05", "09:00", "10:30")
    assert len(cat.sessions) == 28


def test_rouen_sections_nest_day_slot_room(parsed) -> None:
    doc, cat = _by_prefix(parsed, "colloque")
    at = doc.text.index("Démocratie alimentaire")
    inner = min((s for s in cat.sections if s.start <= at < s.end), key=lambda s: s.end - s.start)
    assert inner.path[1:] == [
        "Mardi 04 mars 2025",
        "17H45 – 19H15",
        "SALLE CORNEILLE 2 — Démocratie alimentaire : parlons-en",
    ]
    starts = [s.start for s in cat.sections]
    assert starts == sorted(starts)


def test_agrilocal_is_an_initiative_with_its_place(parsed) -> None:
    _doc, cat = _by_prefix(parsed, "labos")
    [a] = [i for i in cat.initiatives if i.name == "Agrilocal"]
    assert a.place == "Drôme et du Puy-de-Dôme"
    assert a.organiser == "les conseils généraux de la Drôme et du Puy-de-Dôme"
    assert a.description.startswith("Créée par") and a.session is not None


def test_labos_people_and_partial_date(parsed) -> None:
    _doc, cat = _by_prefix(parsed, "labos")
    assert all(s.date == "--11-06" and s.kind == "labo" for s in cat.sessions)
    klein = next(p for p in cat.people if p.name == "M. Klein")
    assert (klein.role, klein.affiliation) == ("président", "Conseil général de Meurthe-et-Moselle")
    first = cat.sessions[0]
    assert [(p.name, p.role) for p in first.people][:2] == [
        ("M. Klein", "animateur"),
        ("L. Barthe", "intervenant"),
    ]


def test_seminar_sessions_have_date_and_host(parsed) -> None:
    _doc, cat = _by_prefix(parsed, "seminaires")
    assert [s.date for s in cat.sessions] == [
        "2011-09-26", "2011-10-19", "2011-12-12", "2012-01-24", "2012-03-15", "2012-04-12",
    ]  # fmt: skip
    assert cat.sessions[2].organiser == "Centre d’analyse stratégique"
    lemoine = next(p for p in cat.people if p.name == "Sylvain Lemoine")
    assert lemoine.affiliation == "Centre d’analyse stratégique"


def test_formation_leaflet_one_session_per_date(parsed) -> None:
    _doc, cat = _by_prefix(parsed, "elu")
    assert [s.date for s in cat.sessions] == ["2017-11-13", "2018-03-19", "2018-05-16"]
    assert {s.kind for s in cat.sessions} == {"formation"}
    names = {i.name: i for i in cat.initiatives}
    assert names["Pack domotique"].place == "Département de la Creuse"
    assert "Point sur les mineurs non accompagnés" not in names
    assert cat.events[0].place == "IFET, Paris"


def test_copil_subgroups_inherit_the_announced_date(parsed) -> None:
    _doc, cat = _by_prefix(parsed, "copil")
    got = [(s.kind, s.date, s.start, s.end, s.room) for s in cat.sessions]
    assert got == [
        ("sous-groupe", "2016-07-01", "10:00", "12:45", None),
        ("sous-groupe", "2016-07-01", "10:00", "12:45", None),
        ("plénière", "2016-07-01", "14:00", "16:00", None),
    ]
    assert [p.name for p in cat.people] == ["Maud Gallay"]


def test_scores_against_gold_meet_targets() -> None:
    scores = run(ROOT / "corpus", GOLD_PATH)
    s, p, i = scores["sessions"], scores["people"], scores["initiatives"]
    assert s.recall >= 0.95 and s.precision >= 0.95
    assert all(s.field_accuracy[f] >= 0.95 for f in ("date", "start", "end", "room"))
    assert p.recall >= 0.90 and p.field_accuracy["affiliation"] >= 0.90
    assert i.recall >= 0.80
