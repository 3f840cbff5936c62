"""A forum's village of stands and a week's programme pasted from a spreadsheet, one signal at a
time, on invented pages (fictional towns and people): stands are initiatives, never sessions;
a sheet's columns are named in many ways; a place cell may say how rather than where. No model,
no index."""

from __future__ import annotations

import pytest

from tests.programme_text import parse_text

_NBSP = "\u00a0"
_FORUM = (
    "Forum « Vivre ensemble à Vernelles »\n"
    "Jeudi 9 avril 2026 – Espace Brassens, Vernelles\n\n"
    "9 h 00 – Accueil café\n"
    "10 h – 11 h 30 | Table ronde — « Le non-recours, parlons-en » (salle Rameau)\n"
    "16 h 30 : Clôture\n\n"
    "LE VILLAGE DES INITIATIVES\n\n"
    "Seize stands à découvrir toute la journée dans le hall.\n\n"
    "ESPACE A — SE NOURRIR (stands 1 à 3)\n\n"
    "Stand 1 — « Le Bus des démarches »\n"
    f"Porté par{_NBSP}: CCAS de Vernelles\n"
    f"Où{_NBSP}: Brescourt (71)\n"
    "Un bus aménagé qui va dans les villages : 1 200 personnes reçues en 2025.\n"
    "Contact : Julie Roy – 03 85 00 00 00\n\n"
    "Stand 2 — LA BOUSSOLE\n"
    "Structure : association Entraide 71\n"
    "Accueil sans rendez-vous pour les démarches : 340 personnes accompagnées.\n\n"
    "Stand 3 — « Les Cafés des aidants » (France Alzheimer 71)\n"
    "Tous les premiers mardis du mois, à Vaurel.\n"
)


def test_stands_are_initiatives_with_their_own_labels_not_sessions() -> None:
    cat = parse_text(_FORUM)
    assert [s.title for s in cat.sessions] == ["Accueil café", "Le non-recours, parlons-en", "Clôture"]
    got = {i.name: (i.place, i.organiser, i.figure) for i in cat.initiatives}
    # French typography's no-break space before the colon does not hide a label.
    assert got["Le Bus des démarches"] == ("Brescourt (71)", "CCAS de Vernelles", "1 200 personnes")
    # A name in capitals without guillemets; the structure on its label line.
    assert got["LA BOUSSOLE"][1:] == ("association Entraide 71", "340 personnes")
    # What it does, without its label lines (structure, place, contact).
    (bus,) = [i for i in cat.initiatives if i.name == "Le Bus des démarches"]
    assert bus.description == "Un bus aménagé qui va dans les villages : 1 200 personnes reçues en 2025."
    # The structure in brackets closing the heading.
    assert got["Les Cafés des aidants"][:2] == ("Vaurel", "France Alzheimer 71")


def test_a_heading_in_capitals_between_blank_lines_is_no_room_of_the_item_above() -> None:
    (closing,) = [s for s in parse_text(_FORUM).sessions if s.title == "Clôture"]
    assert closing.room is None


@pytest.mark.parametrize("line", ["Stands, jeux et lectures pour tous les âges.", "Stand 2 : 14h – démonstration"])
def test_what_is_not_a_stand_heading(line: str) -> None:
    from ingest.programme.stands import STAND

    assert STAND.search(line.lower()) is None


_ROWS = (
    "lun. 5/10;14h-16h;Atelier mémoire – jeux de mots et quiz;Salle Marcel-Pagnol;Julie Morand, neuropsychologue;60 ans et +;Oui\n"
    "Mardi 6 octobre;de 9h30 à 11h30;Marche bleue autour du lac;Départ parking du lac;;Tout public;Non\n"
    "06/10/2026;10h00;Conférence « Bien vieillir chez soi »;en visio (lien sur le site de la ville);;Tout public;Non\n"
    "mer. 7/10;12h-13h30;Repas partagé;Foyer des Lilas;;Tout public;Oui – 5 €\n"
)


@pytest.mark.parametrize("header", [
    "Date;Heure;Animation;Lieu;Intervenant·e;Public;Réservation",  # "Animation": the activity here
    "Quand;Horaires;Intitulé;Où;Animé par;Pour qui;Résa",  # "Quand" holds the days
    "Date;Horaire;Action;Adresse;Partenaire;Public;Modalités",  # columns with no role still make a header
])  # fmt: skip
def test_a_sheets_columns_named_in_many_ways(header: str) -> None:
    text = ("Semaine bleue 2026 à Vernelles, du 5 au 11 octobre, organisée par le CCAS.\n\n"
            + header + "\n" + _ROWS)
    got = [(s.title, s.date, s.start, s.room) for s in parse_text(text).sessions]
    assert got[0] == ("Atelier mémoire – jeux de mots et quiz", "2026-10-05", "14:00", "Salle Marcel-Pagnol")
    assert got[1][1:3] == ("2026-10-06", "09:30")
    assert got[3][0] == "Repas partagé"


def test_a_place_cell_that_says_online_with_a_note_is_a_mode_not_a_room() -> None:
    text = "Semaine bleue 2026 à Vernelles.\n\nDate;Horaire;Activité;Lieu;Public\n" + "\n".join(
        line.rsplit(";", 2)[0] + ";Tout public" for line in _ROWS.splitlines()) + "\n"
    (talk,) = [s for s in parse_text(text).sessions if s.title == "Bien vieillir chez soi"]
    assert (talk.mode, talk.room) == ("online", None)


def test_a_leader_named_after_a_function_ends_the_title() -> None:
    text = ("Semaine bleue 2026 à Vernelles.\n\nDate;Horaire;Activité;Lieu;Public\n"
            "lun. 5 oct.;14h-16h30;Thé dansant « Guinguette d’automne », animé par l’accordéoniste Gilles Morvan;"
            "Salle des fêtes;60 ans et +\n"
            "mar. 6 oct.;10h;Conférence animée par le Dr Paul Léger;Médiathèque;Tout public\n")
    cat = parse_text(text)
    assert [s.title for s in cat.sessions] == ["Thé dansant « Guinguette d’automne »", "Conférence"]
    assert {p.name for p in cat.people} == {"Gilles Morvan", "Paul Léger"}
    # The dance's name in guillemets is the session's, not a local initiative.
    assert not cat.initiatives


def test_what_a_mail_says_after_its_sheet_is_no_session() -> None:
    text = ("Bonjour à toutes et à tous,\n\nVoici le programme de la Semaine bleue 2026 à Vernelles.\n\n"
            "Date;Horaire;Activité;Lieu;Public\n"
            "lun. 5/10;14h-16h;Atelier mémoire;Salle Marcel-Pagnol;60 ans et +\n"
            "mar. 6/10;10h-12h;Marche bleue;Parking du lac;Tout public\n\n"
            "ET AUSSI…\n"
            "Le concours photo « Regards d’ici » sera exposé toute la semaine en mairie.\n\n"
            "Un grand merci à toutes et tous pour votre mobilisation, et bonne Semaine !\n\nNadia\n")
    cat = parse_text(text)
    assert [s.title for s in cat.sessions] == ["Atelier mémoire", "Marche bleue"]
    assert not cat.initiatives  # a contest of the week, not a local project


def test_the_event_day_is_the_one_written_with_its_weekday() -> None:
    text = ("Forum des solidarités\n"
            "Après une première édition le 14 mai 2025, le forum revient le jeudi 9 avril 2026 à l’Espace Brassens.\n\n"
            "9 h 00 – Accueil café\n10 h – 11 h 30 : Table ronde sur le non-recours\n")
    assert {s.date for s in parse_text(text).sessions} == {"2026-04-09"}


def test_practical_information_under_the_timetable_gives_the_day_and_is_no_session() -> None:
    text = ("Forum des solidarités\nUne journée pour connaître ses droits.\n\n"
            "9 h 00 – Accueil café\n10 h – 11 h 30 : Table ronde sur le non-recours\n\n"
            "INFOS PRATIQUES\nQuand : jeudi 9 avril 2026, de 9 h à 17 h\nOù : Espace Brassens, Vernelles\n")
    cat = parse_text(text)
    assert [(s.title, s.date) for s in cat.sessions] == [
        ("Accueil café", "2026-04-09"), ("Table ronde sur le non-recours", "2026-04-09")]
