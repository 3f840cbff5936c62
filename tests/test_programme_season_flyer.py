"""A season flyer of monthly talks: each meeting opens with its date and hour on one line
("Mardi 15 septembre — 18h30"), its title under it in capitals, then its speakers in prose
("Avec Claire X, sociologue à …"). Invented programme."""

from __future__ import annotations

from tests.programme_text import parse_text

FLYER = """\
MÉDIATHÈQUE DES TILLEULS · CENTRE SOCIAL LE PRÉ-VERT
Cycle de conférences-débats « Vieillir à Vernelles »
Saison 2026-2027

Une fois par mois, un chercheur ou une praticienne vient partager son regard.

Mardi 15 septembre — 18h30
LA SOLITUDE DES AÎNÉS, UN FAIT SOCIAL
Avec Claire Fontanet, sociologue à l'université de Belvaux. Elle a publié « Seuls ensemble »
(2024) et coordonne l'observatoire régional du vieillissement.

Jeudi 15 octobre — 18h30
HABITER CHEZ SOI LE PLUS LONGTEMPS POSSIBLE
Avec Marc Lebrun, ergothérapeute au CCAS de Vernelles, et Anne Morel, architecte.
Salle polyvalente du centre social Le Pré-Vert

Mardi 17 novembre — 18h30 (en visioconférence)
LES AIDANTS FACE À L'ÉPUISEMENT
Avec le Dr Paul Girard, gériatre au centre hospitalier de Belvaux.
Lien de connexion envoyé sur inscription.

Mardi 12 janvier — 18h30
VIEILLIR EN MIGRATION
Avec Samia Haddad, anthropologue.
"""


def test_the_line_under_a_meetings_date_and_hour_is_its_title() -> None:
    sessions = parse_text(FLYER).sessions
    assert [(s.title, s.date, s.start) for s in sessions] == [
        ("LA SOLITUDE DES AÎNÉS, UN FAIT SOCIAL", "2026-09-15", "18:30"),
        ("HABITER CHEZ SOI LE PLUS LONGTEMPS POSSIBLE", "2026-10-15", "18:30"),
        ("LES AIDANTS FACE À L'ÉPUISEMENT", "2026-11-17", "18:30"),
        ("VIEILLIR EN MIGRATION", "2027-01-12", "18:30"),
    ]
    # A title in capitals is no room, however short.
    assert [s.room for s in sessions][2:] == [None, None]
    assert sessions[2].mode == "online"


def test_a_role_word_run_into_a_name_in_prose_is_no_part_of_it() -> None:
    people = {p.name: p for p in parse_text(FLYER).people}
    assert {"Claire Fontanet", "Marc Lebrun", "Samia Haddad"} <= set(people)
    assert people["Claire Fontanet"].role == "sociologue"


def test_a_place_under_the_date_line_is_no_title() -> None:
    text = ("Réunion du réseau\n\nJeudi 5 mars 2026, 14h-16h30\n"
            "Vernelles – Maison des associations, 4 rue du Port\n\nOrdre du jour\n")
    assert all("rue du Port" not in s.title for s in parse_text(text).sessions)
