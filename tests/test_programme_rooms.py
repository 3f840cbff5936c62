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


@pytest.mark.parametrize(("line", "room"), [
    ("Hôtel de Ville, Salle du Conseil", "Hôtel de Ville, Salle du Conseil"),
    ("Maison des Solidarités – salle 3", "Maison des Solidarités – salle 3"),
    ("CCAS – Salle Ventoux", "CCAS – Salle Ventoux"),
    ("Cinéma Le Familia", "Cinéma Le Familia"),
    ("Résidence autonomie Les Mimosas.", "Résidence autonomie Les Mimosas"),
    ("Centre social : un lieu pour tous", None),  # a subtitle
    ("Accueil par Mme Lise Morel, adjointe au maire.", None),
    ("Rennes – Salle Vauban", None),  # a town and its room: read as a place line, without the town
])
def test_a_venue_line_is_the_whole_line_as_written(line: str, room: str | None) -> None:
    span = rooms.venue_line(line)
    assert (line[span[0]:span[1]] if span else None) == room


def test_the_venue_line_right_under_a_slot_s_title_is_its_room() -> None:
    cat = _parse(
        "Semaine du lien – Ville de Rochemaure\n\nPROGRAMME\n\nLundi 5 octobre\n\n"
        "9 h 30 – 10 h\n« Ouverture de la semaine »\nHôtel de Ville, Salle du Conseil\n"
        "Accueil par Mme Lise Morel, adjointe au maire.\n\n"
        "10 h – 12 h\n« Vivre seul en ville » – conférence\nMaison des Solidarités – salle 3\n"
        "Conférence de M. Paul Aubry, sociologue.\n\n"
        "18 h 30\n« Projection-débat »\nCinéma Le Familia\nEntrée libre.\n\n"
        "20 h\n« Bal »\nUn orchestre et des danses pour tous.\n"
    )
    got = [(s.title, s.room) for s in cat.sessions]
    assert got == [("« Ouverture de la semaine »", "Hôtel de Ville, Salle du Conseil"),
                   ("« Vivre seul en ville » – conférence", "Maison des Solidarités – salle 3"),
                   ("« Projection-débat »", "Cinéma Le Familia"), ("« Bal »", None)]


@pytest.mark.parametrize(("value", "room"), [
    ("Cinéma Le Familia – Villeneuve", "Cinéma Le Familia"),
    ("Salle polyvalente – également retransmise en ligne", "Salle polyvalente"),
    ("Villeneuve – Hôtel du Département", "Hôtel du Département"),
    ("Maison des Associations – salle 2", "Maison des Associations – salle 2"),
    ("Salle des fêtes, 4 rue du Port", "Salle des fêtes"),
    ("Médiathèque Louise-Michel, Villeneuve", "Médiathèque Louise-Michel"),
    ("Scène", "Scène"),
    ("Saint-Paul", None),  # a town alone
    ("ORGA, Villeneuve", None),  # an organisation's premises in a town
])
def test_a_place_field_gives_its_venue_without_town_note_or_address(value: str, room: str | None) -> None:
    span = rooms.place_field(value)
    assert (value[span[0]:span[1]] if span else None) == room


def test_a_card_s_map_pin_gives_its_venue_without_the_town_or_address() -> None:
    cat = _parse(
        "Semaines du numérique – Villeneuve\n\nDu lundi 28 septembre au vendredi 16 octobre 2026, la Ville vous donne rendez-vous pour apprivoiser le numérique.\n"
        "\n3 événements\n\nATELIER\nDécouvrir la tablette\n📅 Mardi 29 septembre\n"
        "🕘 9h30 – 11h30\n📍 Café associatif La Pergola – Villeneuve\n👥 Seniors\nPrise en main pas à pas, tablettes prêtées.\n"
        "S’inscrire →\n\nATELIER\nCiné-goûter des familles\n📅 Vendredi 2 octobre\n🕘 20h30\n📍 Cinéma Le Familia, 3 rue Haute – Villeneuve\n"
        "👥 Tout public\nUn film, puis un échange avec la salle.\nS’inscrire →\n\nCONFÉRENCE\n"
        "Enfants et écrans : des repères\n📅 Samedi 3 octobre\n🕘 10h\n📍 Centre social Les Acacias, grande salle – Villeneuve\n"
        "👥 Parents\nUne pédiatre répond à vos questions.\nS’inscrire →\n"
    )
    got = [(s.title, s.room) for s in cat.sessions]
    assert got == [("Découvrir la tablette", "Café associatif La Pergola"), ("Ciné-goûter des familles", "Cinéma Le Familia"),
                   ("Enfants et écrans : des repères", "Centre social Les Acacias, grande salle")]


def test_each_day_heading_s_place_is_where_that_day_s_items_are_held() -> None:
    cat = _parse(
        "Quinzaine de l'égalité – Ville de Rochemaure\n\nPROGRAMME\n\n"
        "Mardi 6 octobre – Rochemaure, Maison des associations (4 rue du Port)\n\n"
        "14h – 16h : Atelier « Dire le sexisme ordinaire »\nAnimé par Lise Morel, juriste.\n\n"
        "18h : Conférence « Histoire des droits des femmes »\nAvec Paul Aubry, historien.\n\n"
        "Jeudi 8 octobre – Valbonne, Médiathèque Louise-Michel (place du Marché)\n\n"
        "10h – 12h : Lecture « Elles ont écrit »\n"
    )
    got = [(s.title, s.date, s.room) for s in cat.sessions]
    assert got == [("Dire le sexisme ordinaire", "--10-06", "Maison des associations"),
                   ("Histoire des droits des femmes", "--10-06", "Maison des associations"),
                   ("Lecture « Elles ont écrit »", "--10-08", "Médiathèque Louise-Michel")]


def test_a_lone_dated_line_with_a_place_is_the_event_s_venue_not_its_items_room() -> None:
    cat = _parse(
        "Forum des vacances pour tous\n\nJeudi 27 novembre 2025 – Villeneuve, Maison des congrès\n\n"
        "9h30 – Accueil café\n10h – Table ronde « Partir en vacances »\n"
    )
    assert [s.room for s in cat.sessions] == [None, None]


def test_a_day_heading_s_event_after_its_date_is_no_place() -> None:
    cat = _parse(
        "Semaine des solidarités\n\nMardi 6 octobre 2026 – Forum des associations\n\n10h – Ouverture\n\n"
        "Mercredi 7 octobre 2026 – Journée des aidants\n\n14h – Atelier « Souffler un peu »\n"
    )
    assert [(s.date, s.room) for s in cat.sessions] == [("2026-10-06", None), ("2026-10-07", None)]
