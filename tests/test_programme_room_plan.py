"""A two-day labo's programme as PDFs print it, each rule on a few invented lines: running page
headers, parallel workshops led by their code, the projects a workshop shows, a room plan at the
end. No model, no index."""

from __future__ import annotations

import pytest

from ingest.programme import room_plan
from ingest.programme.lines import split_lines
from tests.programme_text import parse_text

LABO = (
    "Labo 2026 · Agir ensemble — page 1/3\n\nLABO 2026\nDE LA PARTICIPATION\n\n"
    "Jeudi 18 & vendredi 19 juin 2026\nVillebrune — Halle des Cordiers\n\n"
    "Un laboratoire d'idées pour celles et ceux qui font vivre la participation dans les quartiers, "
    "avec le soutien de la Ville.\n\n"
    "Labo 2026 · Agir ensemble — page 1/3\n\nLabo 2026 · Agir ensemble — page 2/3\n\nPROGRAMME\n\n"
    "JEUDI 18 JUIN\n\n8h45 | Accueil des participant·es, café\nHall d’entrée\n\n"
    "9 h 30 | Ouverture\nGrande Halle\nMots d’accueil de Sabine Orsel, adjointe au maire.\n\n"
    "11h20-12h45 | ATELIERS — SÉRIE A (au choix, sur inscription)\n"
    "Les salles sont indiquées dans le plan en dernière page.\n\n"
    "A1 — Aller vers celles et ceux qu’on n’entend pas\n"
    "Comment rejoindre les habitant·es absents des réunions publiques ?\n"
    "Initiative présentée : « Les Chaises causantes », centre social Les Aubépines, Villebrune : 14 bancs installés.\n"
    "Intervenant·es : Karim Belhadj, directeur du centre social ; Jeanne Rivet, habitante\n"
    "Animation : Odile Marchal, chargée de mission\n\n"
    "A2 — Jeunes : des conseils qui servent vraiment ?\n"
    "Conseils, assemblées, radios : comment éviter la vitrine ?\n"
    "Initiatives présentées :\n"
    "• « Assemblée des 15-20 », Ville de Castelbrune : 32 jeunes élu·es ;\n"
    "• « Radio Préau », association Fréquence Cour : 60 émissions réalisées.\n"
    "Intervenant·es : Inès Morvan, animatrice jeunesse ; Luc Aubert, coordinateur\n\n"
    "A3 — Participer sans parler (encore) la langue\n"
    "Interprétariat, pictogrammes, binômes : lever la barrière de la langue.\n"
    "Animé par Mélanie Roux, chargée de mission\n\n"
    "12 h 45 – 14 h | Déjeuner sur place\n\n"
    "Labo 2026 · Agir ensemble — page 2/3\n\nLabo 2026 · Agir ensemble — page 3/3\n\n"
    "OÙ SE DÉROULENT LES ATELIERS ?\nPlan des salles — Halle des Cordiers\n\n"
    "Atelier | Salle | Niveau\nA1 | Salle Garance | rez-de-chaussée\nA2 | Salle Ocre (puis sortie) | 1er étage\n"
    "A3 | salle communiquée à l’accueil le jour même | —\n"
)


def test_a_labo_s_workshops_take_their_rooms_from_the_plan_and_furniture_is_no_session() -> None:
    cat = parse_text(LABO, doc_id="labo", kind="labo")
    got = [(s.title, s.start, s.room) for s in cat.sessions]
    assert got == [
        ("Accueil des participant·es, café", "08:45", "Hall d’entrée"),
        ("Ouverture", "09:30", "Grande Halle"),
        ("A1 — Aller vers celles et ceux qu’on n’entend pas", "11:20", "Salle Garance"),
        ("A2 — Jeunes : des conseils qui servent vraiment ?", "11:20", "Salle Ocre"),
        ("A3 — Participer sans parler (encore) la langue", "11:20", None),  # "communiquée … le jour même"
        ("Déjeuner sur place", "12:45", None),
    ]
    # The bare "LABO 2026" over the cover page names no kind of the first item far below it.
    assert cat.sessions[0].kind == "pause"


@pytest.mark.parametrize(("line", "room"), [
    ("A1 | Salle Garance | rez-de-chaussée", "Salle Garance"),
    ("B2 → Salle Safran + à distance", "Salle Safran"),
    ("Atelier A3 : Salle Indigo (1er étage)", "Salle Indigo"),
])
def test_a_room_plan_row_gives_the_code_s_room(line: str, room: str) -> None:
    text = f"Plan des salles\n{line}\nC9 | Salle Verte | 2e étage\n"
    plan = room_plan.find(split_lines(text))
    code = line.split()[1] if line.startswith("Atelier") else line.split()[0]
    a, b = plan.rooms[code]
    assert text[a:b] == room and len(plan.lines) == 3


def test_a_workshop_s_title_led_by_its_code_is_no_plan_row() -> None:
    text = "A1 — Aller vers celles et ceux qu’on n’entend pas\nA2 — Jeunes : des instances\n"
    assert room_plan.find(split_lines(text)).rooms == {}
    assert room_plan.code_of("A1 — Aller vers …") == "A1" and room_plan.code_of("Atelier B2 : Le numérique") == "B2"
