"""Session rules of the genre, each on a few invented lines: kinds named by a label, a heading or
a qualifier; agenda cards; rooms after a venue; slots and captions. No model, no index."""

from __future__ import annotations

import pytest

from ingest.programme.kinds import kind_from_meta, kind_of
from tests.programme_text import parse_text


def _parse(text: str, kind: str | None = None):
    return parse_text(text, doc_id="rule", kind=kind)


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Séance d’ouverture", "ouverture"), ("SÉANCE DE CLÔTURE", "clôture"), ("Séance plénière de clôture", "plénière"),
     ("Closing session and wrap-up", "clôture"), ("Ouverture de la séance et relevé de décisions", "ouverture"),
     ("Synthèse des ateliers et clôture", "clôture"), ("Restitution des ateliers", None),
     ("Atelier des habitants", "atelier"), ("Echanges en séance plénière", "plénière")],
)  # fmt: skip
def test_a_kind_word_that_is_a_complement_or_a_qualifier(title: str, kind: str | None) -> None:
    assert kind_of(title) == kind


def test_the_items_of_a_committee_s_agenda_are_its_seances() -> None:
    assert kind_from_meta("comité de pilotage") == "séance"
    assert kind_from_meta("forum") is None


def test_a_numbered_seance_held_online_is_a_webinar_and_a_cycle_meeting_s_heading_names_its_kind() -> None:
    cat = _parse(
        "Cycle « Bien vieillir » 2026\n\nSix rencontres de partage entre professionnels.\n\n"
        "▌RENCONTRE 1 — VILLEBRUNE\n« Vieillir chez soi »\nQuand ? Vendredi 23 janvier 2026, 9h30 → 12h30\n"
        "Où ? Maison des associations, salle Lilas\n\n"
        "▌RENCONTRE 2 — VILLEBRUNE (clôture)\n« Et après ? »\nQuand ? Vendredi 20 février 2026, 9h30 → 12h30\n"
        "Où ? Maison des associations, salle Lilas\n"
    )
    assert [(s.title, s.kind) for s in cat.sessions] == [("Vieillir chez soi", "séance"), ("Et après ?", "clôture")]
    cat = _parse(
        "Cycle « Droits » 2026\n\n▪ Séance 1 — mardi 14 octobre 2025, 18h-19h30\nEn visioconférence\n"
        "« Les droits des aidants »\nAvec : Léa Morel, juriste\n"
    )
    assert [(s.title, s.kind, s.mode) for s in cat.sessions] == [("Les droits des aidants", "webinaire", "online")]


def test_a_card_stamp_over_two_days_dates_the_first() -> None:
    from ingest.programme.dates import day_header

    d = day_header("DU VEN 10 AU SAM 11 AVR")
    assert d is not None and d.iso(2026) == "2026-04-10"
    assert day_header("du 3 au 5 juin 2026").iso() == "2026-06-03"
    assert day_header("Publié du 3 au 5 juin 2026 sur le site") is None


@pytest.mark.parametrize(
    ("line", "room"),
    [("Espace Soleil, grande salle – Villebrune", "Espace Soleil, grande salle"),
     ("Centre social du Parc, salle Olivier – Villebrune", "Centre social du Parc, salle Olivier"),
     ("Villebrune – Maison des associations, salle Lilas", "Maison des associations, salle Lilas"),
     ("Maison des associations, salle 2 – rez-de-jardin", "Maison des associations, salle 2 – rez-de-jardin")],
)  # fmt: skip
def test_a_venue_and_its_room_without_the_town_after_a_dash(line: str, room: str) -> None:
    from ingest.programme.rooms import venue_and_room

    r = venue_and_room(line)
    assert r is not None and line[r[0] : r[1]] == room


def test_agenda_cards_over_two_days_a_walk_s_start_and_a_category_line_that_names_the_kind() -> None:
    cat = _parse(
        "Agenda – Semaine du lien 2026\n\nLa Semaine du lien revient en avril 2026.\n\n"
        "DU VEN 10 AU SAM 11 AVR\nFORUM\nLe forum des voisins\nHoraires : Toute la journée\n"
        "Lieu : Espace Soleil, grande salle – Villebrune\nTarif : gratuit\n\n"
        "SAM 11 AVR\nBALADE\nLe quartier raconté par ses habitants\nDépart : parvis de la mairie – Villebrune\n"
        "Horaires : 10h\nTarif : gratuit\n\n"
        "LUN 13 AVR\nWEBINAIRE\nRecruter sans exclure\nHoraires : 12h30 - 13h45\n"
        "Lieu : en ligne (lien envoyé après inscription)\nTarif : gratuit\n"
    )
    got = [(s.title, s.date, s.start, s.kind, s.room, s.mode) for s in cat.sessions]
    assert got == [("Le forum des voisins", "2026-04-10", None, "autre", "Espace Soleil, grande salle", "in_person"),
                   ("Le quartier raconté par ses habitants", "2026-04-11", "10:00", "visite", None, "in_person"),
                   ("Recruter sans exclure", "2026-04-13", "12:30", "webinaire", None, "online")]


def test_an_open_ended_slot_a_session_about_the_workshops_and_a_talk_titled_on_its_own_line() -> None:
    from ingest.programme.times import slot_line

    assert slot_line("à partir de 16h30 : Visite libre de l’exposition") is not None
    assert slot_line("Dès 9h, les portes sont ouvertes au public.") is None
    cat = _parse(
        "Journée « Vivre ensemble » – jeudi 12 mars 2026\n\nPROGRAMME\n\n"
        "• 9h00 : Accueil café\n"
        "• 13h15 – 14h00 : Conférence (salle Lilas), également accessible en\n  visioconférence\n"
        "  « Grandir dans un quartier »\n  par Mme Léa Morel, sociologue\n"
        "• 15h15 – 16h : Restitution des ateliers par Paul Girard\n"
        "• à partir de 16h30 : Visite libre de l’exposition (hall d’entrée)\n"
    )
    got = [(s.title, s.start, s.kind, s.room) for s in cat.sessions]
    assert got == [("Accueil café", "09:00", "pause", None),
                   ("Grandir dans un quartier", "13:15", "conférence", "salle Lilas"),
                   ("Restitution des ateliers par Paul Girard", "15:15", "autre", None),
                   ("Visite libre de l’exposition", "16:30", "visite", "hall d’entrée")]


def test_an_ordre_du_jour_heading_is_no_room_and_the_day_keeps_its_room() -> None:
    cat = _parse(
        "Convocation au comité de pilotage\n\n"
        "        MARDI 7 OCTOBRE 2025, DE 09:15 À 12:30\n        Salle CONDORCET (2e étage)\n\n"
        "ORDRE DU JOUR\n\n09:15   Accueil café\n\n09:30   1. Point d’étape du projet\n",
        kind="comité de pilotage",
    )
    got = [(s.title, s.room, s.kind) for s in cat.sessions]
    assert got == [("Accueil café", "Salle CONDORCET", "pause"), ("1. Point d’étape du projet", "Salle CONDORCET", "séance")]


def test_a_title_in_guillemets_under_a_bare_time_is_its_session_not_a_caption() -> None:
    # English pages of French events: the time on its own line, the French title in guillemets
    # with its gloss, then the place. "Ateliers au choix" under a time stays a caption.
    cat = _parse(
        "Intergenerational Week\n\nMonday 12 October 2026\n\n9.30 am – 10 am\n"
        "« Ouverture de la semaine » (Opening of the week)\nTown Hall, Salle des Fêtes\n"
        "Welcome by Ms Jeanne Vidal, Deputy Mayor.\n\n2 pm – 4 pm\n"
        "« Habiter ensemble » (Living under one roof)\nMaison des Associations – room 2\n"
        "Workshop led by Mr Paul Vernet, coordinator, Logis Vaurel.\n"
    )
    assert [(s.title, s.date, s.start, s.end) for s in cat.sessions] == [
        ("« Ouverture de la semaine » (Opening of the week)", "2026-10-12", "09:30", "10:00"),
        ("« Habiter ensemble » (Living under one roof)", "2026-10-12", "14:00", "16:00")]


def test_a_caption_under_a_bare_time_still_heads_its_parallel_sessions() -> None:
    cat = _parse(
        "Journée d’étude\n\nJeudi 12 mars 2026\n\n10h30 – 12h\nAteliers au choix\n"
        "Salle Brel : Atelier A – Se loger\nSalle Piaf : Atelier B – Se soigner\n"
    )
    assert {(s.start, s.end) for s in cat.sessions} == {("10:30", "12:00")}
    assert not any(s.title.startswith("Ateliers") for s in cat.sessions)
