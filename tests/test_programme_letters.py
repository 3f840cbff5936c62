"""Invitation letters to a journée départementale or a rencontre: a letterhead, "Madame,
Monsieur,", the context, the programme as a block, a reply form with its deadline and an elected
official's signature. Invented letters only. No model, no index."""

from __future__ import annotations

from tests.programme_text import parse_text

TRIANGLES = (
    "Département du Haut-Vernois\n\n"
    "Madame, Monsieur,\n\n"
    "J'ai le plaisir de vous inviter à la journée départementale de l'accès aux droits, le mardi\n"
    "9 mars 2027 à l'espace Lucien-Fargues de Sorbiers-le-Haut.\n\n"
    "Au programme :\n\n"
    "9h00 – 9h30    Accueil des participants\n"
    "11h00 – 12h30  Tables rondes en parallèle :\n"
    "               ▸ Numérique et accès aux droits (salle A)\n"
    "               ▸ Aller vers les publics isolés (salle B)\n"
)


def test_triangle_markers_list_the_parallel_sessions():
    """"▸" marks the items of a slot that announced parallel sessions, as "•" does; the room in
    brackets is no part of the title."""
    cat = parse_text(TRIANGLES)
    rows = [(s.title, s.room, s.start, s.end) for s in cat.sessions]
    assert ("Numérique et accès aux droits", "salle A", "11:00", "12:30") in rows
    assert ("Aller vers les publics isolés", "salle B", "11:00", "12:30") in rows
