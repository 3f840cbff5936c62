"""Minutes that take an agenda's points up one by one, the points written without hours.
Invented programme."""

from __future__ import annotations

from ingest.programme.lines import split_lines
from ingest.programme.minutes import untimed_points
from tests.programme_text import parse_text

MINUTES = """\
COMMUNAUTÉ DE COMMUNES DU VAL DE BRENNE
Contrat local de santé

COMPTE RENDU DE LA RÉUNION PLÉNIÈRE
Mardi 10 mars 2026, de 9h30 à 12h — Maison de l'intercommunalité, salle du Conseil

Présent·e·s : Mme Hélène Vasseur (vice-présidente, CC du Val de Brenne) ; M. Karim Lahlou
(coordinateur du CLS) ; Dr Sophie Marchand (ARS, délégation départementale).

ORDRE DU JOUR
1. Validation du compte rendu du 12 novembre
2. Bilan 2025 de l'action « Bus santé »
3. Santé mentale des jeunes : lancement du groupe de travail

1. Validation du compte rendu du 12 novembre
Le compte rendu a été validé sans modification.

2. Bilan 2025 de l'action « Bus santé »
M. Karim Lahlou, coordinateur du CLS, a présenté le bilan : le bus a assuré 412 consultations
dans 9 communes.
Décision : le bus passera dans deux communes supplémentaires à partir de juin.
Action : rédiger la convention avec la MSA — pilote : K. Lahlou — échéance : 30 avril.

3. Santé mentale des jeunes : lancement du groupe de travail
Le Dr Sophie Marchand (ARS) a rappelé les chiffres régionaux.

PROCHAINES RÉUNIONS
- Mardi 16 juin 2026, 9h30, salle du Conseil
"""


def test_each_point_told_in_the_minutes_is_a_session_of_the_meeting() -> None:
    sessions = parse_text(MINUTES).sessions
    told = [s for s in sessions if s.title.startswith(("Validation", "Bilan", "Santé"))]
    assert [s.title for s in told] == ["Validation du compte rendu du 12 novembre",
                                       "Bilan 2025 de l'action « Bus santé »",
                                       "Santé mentale des jeunes : lancement du groupe de travail"]
    # The meeting's date and room, said once in its head; no hours, as the page gives none for a
    # point (an action's deadline is no date of the meeting).
    assert {(s.date, s.start, s.room) for s in told} == {("2026-03-10", None, "salle du Conseil")}


def test_a_points_block_runs_to_the_next_point_and_holds_its_presenter() -> None:
    cat = parse_text(MINUTES)
    bilan = next(s for s in cat.sessions if s.title.startswith("Bilan"))
    text = MINUTES[bilan.citation.start:bilan.citation.end]
    assert "412 consultations" in text and "Santé mentale" not in text
    lahlou = next(p for p in cat.people if p.name == "Karim Lahlou")
    assert bilan.id in lahlou.sessions


def test_an_agenda_with_hours_or_without_a_heading_is_left_to_the_other_rules() -> None:
    timed = "Ordre du jour\n1. Accueil (9h30-9h45)\n2. Bilan (9h45-10h20)\n"
    assert untimed_points(split_lines(timed)) == []
    unheaded = "1. Accueil\n2. Bilan\n"
    assert untimed_points(split_lines(unheaded)) == []


def test_an_agenda_not_taken_up_gives_its_listed_points() -> None:
    letter = "Convocation\n\nOrdre du jour :\n1. Accueil des participants\n2. Bilan de l'année\n\nCordialement,\n"
    points = untimed_points(split_lines(letter))
    assert [letter[p.title[0]:p.title[1]] for p in points] == ["Accueil des participants", "Bilan de l'année"]
