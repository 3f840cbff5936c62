"""Where a session takes place, as French programmes write it, each rule on a few invented
lines: a room line closing a session's block. No model, no index."""

from __future__ import annotations

import pytest

from ingest.programme import rooms
from tests.programme_text import parse_text


def _parse(text: str):
    return parse_text(text, doc_id="rooms")


def test_a_room_line_over_the_next_title_stays_the_next_session_s() -> None:
    cat = _parse(
        "Rencontre des épiceries solidaires – Vernolles\n\nJeudi 4 juin 2026\n\n"
        "14h – 16h · Ateliers au choix\n\n"
        "Atelier 1 : Approvisionner sans gaspiller\nAnimation : Rose Tallec, bénévole\n"
        "Salle Verte\nAtelier 2 : Accueillir sans stigmatiser\nAnimation : Paul Imbert, CCAS\n"
    )
    got = [(s.title, s.room) for s in cat.sessions]
    assert got == [("Approvisionner sans gaspiller", None), ("Accueillir sans stigmatiser", "Salle Verte")]


def test_a_place_with_its_own_name_is_a_room_where_the_layout_says_where() -> None:
    cat = _parse(
        "Fête des voisins – Brévanne\n\nSamedi 6 juin 2026\n\n"
        "12h – 13h30 · Déjeuner – Terrasse du Moulin Vert\n\n"
        "14h · Concert de la chorale · Salons de l’Hôtel de Ville\n\n"
        "15h – Goûter, Salon d’honneur (offert par le comité des fêtes)\n\n"
        "16h – 18h · Bal populaire\nPlace des Tanneurs (en cas de pluie : gymnase Colbert)\n"
        "Animation : Lise Carrel, DJ\n"
    )
    got = [(s.title, s.room) for s in cat.sessions]
    assert got == [("Déjeuner", "Terrasse du Moulin Vert"), ("Concert de la chorale", "Salons de l’Hôtel de Ville"),
                   ("Goûter", "Salon d’honneur"), ("Bal populaire", "Place des Tanneurs")]


def test_a_place_word_before_a_topic_is_no_room() -> None:
    from ingest.programme.rooms import place_named, room_in

    assert place_named("Jardins partagés et potagers de quartier") is None
    assert place_named("Place des jeunes dans la ville") is None
    assert room_in("Atelier 2 – Jardins partagés au pied des tours") is None
    assert place_named("Esplanade du Lavoir (repli : halle Sud)") == (0, len("Esplanade du Lavoir"))


def test_a_labelled_title_after_the_slot_s_separator_keeps_its_room_after_a_dash() -> None:
    cat = _parse(
        "Assises de la médiation – Corvanne\n\nJeudi 8 octobre 2026\n\n"
        "9h – 9h30 · Séance d’ouverture · SALLE 3\nOuverture par Mme Inès Rabier, adjointe au maire.\n\n"
        "9h30 – 10h30 · Conférence : « Médier la nuit dans les quartiers » – Amphi Rostand\n"
        "Intervenant : Marc Dorval, sociologue\n"
    )
    got = [(s.title, s.room) for s in cat.sessions]
    assert got == [("Séance d’ouverture", "SALLE 3"), ("Médier la nuit dans les quartiers", "Amphi Rostand")]


def test_a_town_room_and_hours_line_under_a_title_is_where_and_when() -> None:
    cat = _parse(
        "Quinzaine de l’égalité – Haut-Vernois\n\nJeudi 15 octobre 2026\n"
        "Table ronde « Vivre ensemble au village »\nSaint-Orlan – Salle des fêtes, 18h-20h\n"
        "Modération : Anne Pujol, journaliste\n\n"
        "Vendredi 16 octobre 2026\nConférence « Les voix du bourg »\nMarvières – Médiathèque Colette, salle du conte\n"
        "Avec : Hugo Tessier, comédien\n\n"
        "Samedi 17 octobre 2026\nAtelier « Cuisiner ensemble »\nRouvel – Collège des Tilleuls, CDI, 14h-16h\n"
        "Animé par Nora Delmas, diététicienne\n"
    )
    got = [(s.title, s.start, s.end, s.room) for s in cat.sessions]
    assert got[:2] == [("Vivre ensemble au village", "18:00", "20:00", "Salle des fêtes"),
                       ("Les voix du bourg", None, None, "Médiathèque Colette, salle du conte")]
    assert all("Rouvel" not in t for t, *_ in got)  # a place line with no room is no session either


def test_a_room_is_its_own_name_not_a_heading_a_pending_word_or_an_hour() -> None:
    from ingest.programme.build import _room_value

    def room(value: str) -> str | None:
        pos = _room_value(value, (0, len(value)))
        return value[pos[0]:pos[1]] if pos else None

    assert room("SALLE") is None  # a table's column heading
    assert room("à préciser") is None and room("Salle à confirmer") is None  # unknown, not a room
    assert room("Amphithéâtre Vauban · jusqu'à 11h") == "Amphithéâtre Vauban"
    assert room("Auditorium") == "Auditorium" and room("Salle 4") == "Salle 4"
    assert room("Salle Verte · 1er étage") == "Salle Verte · 1er étage"  # no hour: kept as written


@pytest.mark.parametrize(("line", "venue"), [
    ("Maison de quartier des Glacis, 12 rue Kléber – Vernelles", "Maison de quartier des Glacis"),
    ("Centre social Les Tilleuls (12 rue des Lilas)", "Centre social Les Tilleuls"),
    ("Espace Brassens – 12 avenue Jean-Jaurès – 71100 Vernelles", "Espace Brassens"),
])  # fmt: skip
def test_a_venue_named_before_its_street_address_is_where_the_item_is_held(line: str, venue: str) -> None:
    found = rooms.place_room(line)
    assert found is not None and line[found[0]:found[1]] == venue
    assert rooms.place_room("12 rue Kléber, Vernelles") is None  # an address alone names no venue
