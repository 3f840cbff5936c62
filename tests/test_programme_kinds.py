"""Session kinds of the genre, each on a few invented lines: what a label's qualifier or bracketed
note, a meeting's heading or the item's own word says it is. No model, no index."""

from __future__ import annotations

import pytest

from ingest.programme.kinds import kind_of, label_kind
from tests.programme_text import parse_text


def _parse(text: str, kind: str | None = None):
    return parse_text(text, doc_id="kinds", kind=kind)


def _kinds(cat) -> dict[str, str | None]:
    return {s.title: s.kind for s in cat.sessions}


@pytest.mark.parametrize(
    ("said", "kind"),
    [("Séance 4 (clôture)", "clôture"), ("Labo n°3 (séance de clôture)", "clôture"), ("SÉANCE DE CLÔTURE", "clôture"),
     ("Atelier 2", "atelier"), ("Séance d’ouverture", "séance"), ("Rencontre 1 (ouverture)", "ouverture")],
)  # fmt: skip
def test_a_label_s_qualifier_or_note_says_the_meeting_closes_the_cycle(said: str, kind: str) -> None:
    assert label_kind(said) == kind


def test_the_closing_meeting_of_a_cycle_is_a_closing_whatever_its_label_s_noun() -> None:
    cat = _parse(
        "Cycle de webinaires « Vivre au bourg » 2026\n\nCinq webinaires pour les élus des bourgs.\n\n"
        "Séance 1 – mardi 13 janvier 2026 – 14h-16h – en ligne\n« Commerces de centre-bourg »\n\n"
        "Séance 5 (clôture) – date à confirmer (juin 2026) – 9h30-12h30\n« Quel avenir pour les bourgs ? »\n"
        "Table ronde avec les élus du territoire.\n\n"
        "Labo n°6 (séance de clôture) · date à confirmer (juillet 2026)\n"
        "Thème : restitution des travaux du cycle\nHoraires : 14h00 – 16h30\n\n"
        "SÉANCE DE CLÔTURE : QUE RETENIR DU CYCLE ?\nRestitution et débat avec les élus.\n"
    )
    got = _kinds(cat)
    assert got["« Commerces de centre-bourg »"] == "webinaire"
    assert got["« Quel avenir pour les bourgs ? »"] == "clôture"
    assert got["restitution des travaux du cycle"] == "clôture"
    assert got["QUE RETENIR DU CYCLE ?"] == "clôture"


def test_an_undated_meeting_s_heading_gives_its_kind() -> None:
    cat = _parse(
        "Cycle « Sortir de l’isolement » 2025-2026\n\nUn cycle de webinaires ouvert à tous.\n\n"
        "2 | SÉANCE DE CLÔTURE – date à confirmer (mai 2026)\nValbourg – lieu précisé ultérieurement\n"
        "QUELLES SUITES DONNER AU CYCLE ?\nTable ronde avec les élus.\n"
    )
    got = _kinds(cat)
    assert got["QUELLES SUITES DONNER AU CYCLE ?"] == "clôture"


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Ciné-débat « Les voisins d’en face »", "projection"), ("Projection-débat « Nos rues »", "projection"),
     ("Village des associations", "autre"),
     ("Veillée « Histoires du canal »", "autre"), ("Intermède : théâtre-forum", "autre"),
     ("Aller vers les villages sans médecin", None), ("Concert de clôture", "clôture"),
     ("Visite de l’exposition « Nos rues »", "visite"), ("Café-accueil", None)],
)  # fmt: skip
def test_an_item_the_session_kinds_have_no_word_for_is_a_screening_or_another_kind(title: str, kind: str | None) -> None:
    assert kind_of(title) == kind


def test_the_page_s_kind_word_does_not_make_a_film_or_a_village_a_workshop() -> None:
    cat = _parse(
        "Quinzaine du vivre-ensemble 2026 à Roquebrune-les-Pins\n\n"
        "Au programme : des ateliers, des ciné-débats et des veillées dans tous les quartiers.\n\n"
        "Lundi 9 mars 2026\n"
        "14h – 16h : Atelier « Cuisiner ensemble » – Maison des Genêts\n"
        "20h30 – 22h30 : Ciné-débat « La Rue des oliviers » – Salle des fêtes\n\n"
        "Mardi 10 mars 2026\n"
        "19h – 21h : Veillée « Contes de la colline » – Centre social des Pins\n"
        "10h – 17h : Village des associations – Place du Marché\n"
    )
    assert [(s.start, s.kind) for s in cat.sessions] == [("14:00", "atelier"), ("20:30", "projection"),
                                                         ("19:00", "autre"), ("10:00", "autre")]


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Clôture et lecture des lettres écrites pendant la semaine", "clôture"),
     ("Walking tour: « Les Tilleuls, 40 ans après » (meeting point at the tram stop)", "visite"),
     ("Séance 2 : atelier d’écriture", "atelier"), ("Séance plénière", "plénière"),
     ("Atelier en sous-groupes", "atelier"), ("Accueil café", "pause"), ("Soirée d’ouverture « Vivre ici »", "ouverture")],
)  # fmt: skip
def test_the_kind_word_a_title_opens_with_is_its_kind(title: str, kind: str) -> None:
    assert kind_of(title) == kind


def test_an_invitation_s_prose_gives_no_kind_to_the_items_that_name_none() -> None:
    # The letter's kind words are about something else (a training given up, a hall of
    # conferences, the day's formats as a whole): an item that names no kind is another item.
    cat = _parse(
        "Rencontre départementale « Grandir au bourg »\n\n"
        "Madame, Monsieur,\n\n"
        "Un jeune sur cinq du Val-Doré a déjà renoncé à une formation faute de transport. "
        "Le centre de conférences des Tanneurs accueillera cette journée de visites, d'échanges "
        "et d'ateliers le mardi 9 juin 2026.\n\n"
        "Programme\n\n"
        "9h00 : Accueil café\n"
        "9h30 : Ouverture\n"
        "10h00 : Atelier « Bouger sans voiture »\n"
        "15h00 : Restitution des ateliers\n"
        "16h00 : Fête des familles\n"
        "16h45 : Clôture\n"
    )
    got = _kinds(cat)
    assert got["Restitution des ateliers"] == "autre"
    assert got["Fête des familles"] == "autre"
    assert got["Accueil café"] == "pause"
    assert got["Ouverture"] == "ouverture"
    assert got["Clôture"] == "clôture"


def test_a_cycle_s_meetings_are_its_seances_and_online_its_webinars() -> None:
    cat = _parse(
        "Cycle « Villages vivants »\n\n"
        "Rencontre 1 – jeudi 5 février 2026 – 14h-16h\nMairie de Combelune, salle du conseil\n"
        "« Les commerces de proximité »\n\n"
        "Rencontre 2 – jeudi 12 mars 2026 – 12h30-13h30 – en visioconférence\n"
        "« Les mobilités douces »\n"
    )
    kinds = [s.kind for s in cat.sessions]
    assert kinds == ["séance", "webinaire"]
