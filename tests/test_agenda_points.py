"""An agenda's numbered points, counted ("combien de points à l'ordre du jour ?"), on invented
minutes and convocations: the points of the agenda, not the catalogue's sessions, nor the same
points repeated as the minutes' section headings."""

from __future__ import annotations

import re

import pytest

from assistant.answering.agenda_points import agendas
from assistant.answering.asking import asks_agenda_points
from tests.test_answering_stages import ask_in

MINUTES = """Compte rendu de la réunion plénière du conseil local de prévention
Réunion du 12 mars 2026, salle du Conseil, mairie de Sainte-Odile-sur-Lys

ORDRE DU JOUR
1. Ouverture et validation du compte rendu précédent
2. Bilan de la médiation de nuit
   2.1 Les chiffres de l'année – M. Paul Vasseur, médiateur
   2.2 Retour des habitants
3. Point d'étape sur le lieu d'écoute
4. Questions diverses

1. OUVERTURE ET VALIDATION DU COMPTE RENDU PRÉCÉDENT
Le compte rendu est validé sans remarque.

2. BILAN DE LA MÉDIATION DE NUIT
Les médiateurs ont rencontré 340 personnes en 2025.
"""

CONVOCATION = """Convocation au comité de pilotage du contrat local de santé
Le comité se réunira le jeudi 4 juin 2026 de 14h à 16h30, salle des Tilleuls.

Ordre du jour :

1) Accueil des participants (14h-14h15)
   Mme Anne Colin, vice-présidente

2) Diagnostic santé 2026 (14h15-15h)

Pause (10 min)

3) Actions prévues en 2026 (15h10-16h)
4) Calendrier des prochaines réunions
"""


@pytest.mark.parametrize(("question", "asks"), [
    ("Combien de points y a-t-il à l'ordre du jour du comité ?", True),
    ("y avait combien de points à l'odj de la plénière ?", True),
    ("L'ordre du jour compte combien de points ?", True),
    ("How many items are on the agenda of the steering committee?", True),
    ("Combien de bénévoles compte l'association ?", False),
    ("Quels points de l'ordre du jour présente Mme Colin ?", False),
])  # fmt: skip
def test_a_count_of_the_agendas_points_is_asked_by_its_words(question: str, asks: bool) -> None:
    assert asks_agenda_points(question) is asks


@pytest.mark.parametrize(("text", "points"), [(MINUTES, 4), (CONVOCATION, 4)])
def test_the_points_are_numbered_one_by_one_and_stop_where_the_numbering_starts_again(text: str, points: int) -> None:
    found = agendas(text)
    assert len(found) == 1
    agenda = found[0]
    assert text[slice(*agenda.heading)].lower().startswith("ordre du jour")
    lines = [text[a:b] for a, b in agenda.points]
    assert len(lines) == points
    assert all(re.match(rf"{n}[.)]", line) for n, line in enumerate(lines, start=1))
    assert not any("2.1" in line for line in lines)  # a sub-point is no point


def test_a_page_without_a_numbered_agenda_has_none() -> None:
    assert agendas("Programme\n9h : accueil\n1. Un seul point numéroté\n") == []
    assert agendas("ORDRE DU JOUR\n- Accueil\n- Bilan\n") == []


def test_the_answer_counts_the_points_and_cites_each_as_written() -> None:
    index_texts = {"cr-pleniere-prevention": MINUTES, "copil-cls": CONVOCATION}
    from tests.answering_fixture import index_of

    a = ask_in(index_of(index_texts), "Combien de points à l'ordre du jour du comité de pilotage du contrat local de santé ?")
    assert a.answered
    assert a.answer.startswith("L'ordre du jour compte 4 points")
    quotes = [c.quote for c in a.citations]
    assert quotes[0] == "Ordre du jour :"
    assert quotes[1:] == ["1) Accueil des participants (14h-14h15)", "2) Diagnostic santé 2026 (14h15-15h)",
                          "3) Actions prévues en 2026 (15h10-16h)", "4) Calendrier des prochaines réunions"]
    for c in a.citations:
        assert index_texts[c.doc_id][c.start:c.end] == c.quote
