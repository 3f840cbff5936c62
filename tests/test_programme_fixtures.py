"""The same parser on programmes written in other layouts of the genre (tests/fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.domain.models import Catalogue, Document
from ingest.load import make_document
from ingest.programme import parse_programme

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "programmes"


def _parse(name: str, **meta) -> tuple[Document, Catalogue]:
    path = FIXTURES / name
    doc = make_document(
        doc_id=path.stem, source=path.name, text=path.read_text(encoding="utf-8"), meta=meta
    )
    return doc, parse_programme(doc)


def _session(cat: Catalogue, needle: str):
    [s] = [s for s in cat.sessions if needle in s.title]
    return s


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_fixture_quotes_are_exact(name: str) -> None:
    doc, cat = _parse(name)
    assert cat.sessions
    for rec in [*cat.events, *cat.sessions, *cat.people, *cat.initiatives]:
        assert rec.citation.quote == doc.text[rec.citation.start : rec.citation.end]
        for span in rec.fields.values():
            assert span.quote == doc.text[span.start : span.end] and span.quote
    for sec in cat.sections:
        assert 0 <= sec.start < sec.end <= len(doc.text) and sec.path


def test_rooms_after_a_dash_and_speakers_on_one_or_several_lines() -> None:
    _doc, cat = _parse("journees-lille.txt")
    a = _session(cat, "Habiter ensemble")
    assert (a.kind, a.date, a.start, a.end, a.room) == (
        "atelier",
        "2025-06-12",
        "09:30",
        "11:00",
        "Salle Vauban",
    )
    b = _session(cat, "Numérique et accès aux droits")
    assert (b.start, b.end, b.room) == ("09:30", "11:00", "Amphithéâtre B")
    assert [p.name for p in b.people] == ["Claire Dubois", "Ahmed Benali"]
    people = {p.name: p for p in cat.people}
    assert people["Jeanne Martin"].affiliation == "Ville de Lille"
    assert (people["Paul Durand"].role, people["Paul Durand"].affiliation) == (
        "chargé de mission",
        "CAF du Nord",
    )
    assert (people["Claire Dubois"].role, people["Claire Dubois"].affiliation) == (
        "directrice",
        "CCAS de Roubaix",
    )
    assert people["Ahmed Benali"].affiliation == "Métropole européenne de Lille"
    # "Ateliers en parallèle" announces the workshops: it is not a session itself.
    assert not [s for s in cat.sessions if "parallèle" in s.title]


def test_inline_round_table_and_room_on_its_own_line() -> None:
    _doc, cat = _parse("journees-lille.txt")
    t = _session(cat, "Les jeunes et l'engagement")
    assert (t.kind, t.start, t.end, t.room) == ("table ronde", "11:15", "12:30", "Grand auditorium")
    assert [(p.name, p.role) for p in t.people] == [("Sophie Leroy", "animateur")]
    closing = _session(cat, "Séance plénière de clôture")
    assert (closing.kind, closing.date, closing.start, closing.end, closing.room) == (
        "plénière", "2025-06-13", "10:00", "12:00", "Salle Vauban",
    )  # fmt: skip
    assert closing.fields["start"].quote == "de 10h à 12h"


def test_programme_without_a_year_keeps_partial_dates() -> None:
    _doc, cat = _parse("rencontre-sans-annee.txt")
    one = _session(cat, "isolement des aînés")
    assert (one.date, one.start, one.end, one.room) == ("--10-14", "14:00", "15:30", "Amphi B")
    assert one.fields["room"].quote == "Amphi B"
    two = _session(cat, "Mobilité solidaire")
    assert two.room == "Salle des fêtes"
    assert {p.name for p in two.people} == {"Anne Moreau", "Luc Garnier"}
    assert _session(cat, "restitution").kind == "plénière"
    petit = next(p for p in cat.people if p.name == "Jean Petit")
    assert (petit.role, petit.affiliation) == ("directeur", "CCAS de Vannes")
    [r] = [i for i in cat.initiatives if i.name == "Roulez Solidaire"]
    assert r.session == two.id


def test_year_comes_from_the_manifest_when_the_text_has_none() -> None:
    _doc, cat = _parse("rencontre-sans-annee.txt", date="2026-10-14")
    assert _session(cat, "isolement des aînés").date == "2026-10-14"


def test_seminar_cycle_with_hosts_labo_block_and_contact() -> None:
    _doc, cat = _parse("cycle-rencontres-nantes.txt")
    s1 = _session(cat, "Le logement des seniors")
    assert (s1.kind, s1.date, s1.organiser) == ("séance", "2024-01-12", "Maison des associations")
    assert _session(cat, "Quartiers et âges").date == "2024-02-09"
    people = {p.name: p for p in cat.people}
    assert people["C. Lambert"].affiliation == "Conseil départemental de Loire-Atlantique"
    assert people["A. Roux"].affiliation == "Ville de Rennes"
    assert (people["T. Morel"].role, people["T. Morel"].affiliation) == (
        "sociologue",
        "Université Rennes 2",
    )
    assert (people["Lucie Bernard"].role, people["Lucie Bernard"].affiliation) == (
        "chargée de mission seniors",
        "Ville de Nantes",
    )
    assert "Bien Chez Soi" in {i.name for i in cat.initiatives}


def test_formation_leaflet_with_inline_labels_and_examples() -> None:
    _doc, cat = _parse("formation-aidants.txt")
    assert [(s.date, s.start, s.end) for s in cat.sessions] == [
        ("2025-04-03", "09:30", "17:00"), ("2025-06-10", "09:30", "17:00"),
    ]  # fmt: skip
    assert {s.kind for s in cat.sessions} == {"formation"}
    [h] = cat.people
    assert (h.name, h.role, h.affiliation) == (
        "Hélène Marchand",
        "responsable du pôle autonomie",
        "Ville de Grenoble",
    )
    assert cat.events[0].place == "Maison des communes, Lyon"
    names = {i.name: i for i in cat.initiatives}
    assert names["Café des aidants"].place == "Ville de Villeurbanne"
    assert names["RÉPIT 38"].place == "Isère"
    assert "Point sur la réglementation" not in names
