"""A two-day labo's programme as PDFs print it, each rule on a few invented lines: running page
headers, parallel workshops led by their code, the projects a workshop shows, a room plan at the
end. No model, no index."""

from __future__ import annotations

import pytest

from ingest.programme import room_plan
from ingest.programme.lines import split_lines
from tests.programme_text import parse_text

LABO = (
    "Labo 2026 · Faire ensemble — page 1/3\n\nLABO 2026\nDE LA PARTICIPATION\n\n"
    "Jeudi 18 & vendredi 19 juin 2026\nVillebrune — Halle des Tisserands\n\n"
    "Un laboratoire d'idées pour celles et ceux qui font vivre la participation dans les quartiers, "
    "avec le soutien de la Ville.\n\n"
    "Labo 2026 · Faire ensemble — page 1/3\n\nLabo 2026 · Faire ensemble — page 2/3\n\nPROGRAMME\n\n"
    "JEUDI 18 JUIN\n\n8h45 | Accueil des participant·es, café\nHall d’entrée\n\n"
    "9 h 30 | Ouverture\nGrande Halle\nMots d’accueil de Nadia Ferrat, adjointe au maire.\n\n"
    "11h20-12h45 | ATELIERS — SÉRIE A (au choix, sur inscription)\n"
    "Les salles sont indiquées dans le plan en dernière page.\n\n"
    "A1 — Aller vers celles et ceux qu’on n’entend jamais\n"
    "Comment rejoindre les habitant·es qui ne viennent jamais aux réunions publiques ?\n"
    "Initiative présentée : « Les Bancs bavards », centre social Les Tilleuls, Villebrune : 14 bancs installés.\n"
    "Intervenant·es : Samir Bouzid, directeur du centre social ; Léa Hoff, habitante\n"
    "Animation : Claire Vautrin, chargée de mission\n\n"
    "A2 — Jeunes : des instances qui servent vraiment ?\n"
    "Conseils de jeunes, parlements, radios : comment éviter l’instance vitrine ?\n"
    "Initiatives présentées :\n"
    "• « Parlement des 16-25 », Ville de Castelbrune : 32 jeunes élu·es ;\n"
    "• « Radio Ado », association Onde Claire : 60 émissions réalisées.\n"
    "Intervenant·es : Yasmine Akli, animatrice jeunesse ; Paul Grand, coordinateur\n\n"
    "A3 — Participer sans parler (encore) le français\n"
    "Interprétariat, supports illustrés, binômes : lever la barrière de la langue.\n"
    "Animé par Sophie Lang, chargée de mission\n\n"
    "12 h 45 – 14 h | Déjeuner sur place\n\n"
    "Labo 2026 · Faire ensemble — page 2/3\n\nLabo 2026 · Faire ensemble — page 3/3\n\n"
    "OÙ SE DÉROULENT LES ATELIERS ?\nPlan des salles — Halle des Tisserands\n\n"
    "Atelier | Salle | Niveau\nA1 | Salle Thur | rez-de-chaussée\nA2 | Salle Doller (puis sortie) | 1er étage\n"
    "A3 | salle communiquée à l’accueil le jour même | —\n"
)


def test_a_labo_s_workshops_take_their_rooms_from_the_plan_and_furniture_is_no_session() -> None:
    cat = parse_text(LABO, doc_id="labo", kind="labo")
    got = [(s.title, s.start, s.room) for s in cat.sessions]
    assert got == [
        ("Accueil des participant·es, café", "08:45", "Hall d’entrée"),
        ("Ouverture", "09:30", "Grande Halle"),
        ("A1 — Aller vers celles et ceux qu’on n’entend jamais", "11:20", "Salle Thur"),
        ("A2 — Jeunes : des instances qui servent vraiment ?", "11:20", "Salle Doller"),
        ("A3 — Participer sans parler (encore) le français", "11:20", None),  # "communiquée … le jour même"
        ("Déjeuner sur place", "12:45", None),
    ]
    # The bare "LABO 2026" over the cover page names no kind of the first item far below it.
    assert cat.sessions[0].kind == "pause"


@pytest.mark.parametrize(("line", "room"), [
    ("A1 | Salle Thur | rez-de-chaussée", "Salle Thur"),
    ("B2 → Salle Ill + à distance", "Salle Ill"),
    ("Atelier A3 : Salle Lauch (1er étage)", "Salle Lauch"),
])
def test_a_room_plan_row_gives_the_code_s_room(line: str, room: str) -> None:
    text = f"Plan des salles\n{line}\nC9 | Salle Verte | 2e étage\n"
    plan = room_plan.find(split_lines(text))
    code = line.split()[1] if line.startswith("Atelier") else line.split()[0]
    a, b = plan.rooms[code]
    assert text[a:b] == room and len(plan.lines) == 3


def test_a_workshop_s_title_led_by_its_code_is_no_plan_row() -> None:
    text = "A1 — Aller vers celles et ceux qu’on n’entend jamais\nA2 — Jeunes : des instances\n"
    assert room_plan.find(split_lines(text)).rooms == {}
    assert room_plan.code_of("A1 — Aller vers …") == "A1" and room_plan.code_of("Atelier B2 : Le numérique") == "B2"
