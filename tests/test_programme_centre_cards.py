"""A neighbourhood centre's leaflet laid out in unlabelled cards: a weekday or a dated stamp, the
title under it, then "hours · room" (invented centre, rooms and people). Each signal alone, then
through the real parser with every field as the page writes it."""

from __future__ import annotations

from ingest.programme.cards import dated_head, find_cards, note_field, weekday_head, when_and_where
from ingest.programme.lines import Line, split_lines
from tests.programme_text import parse_text


def _line(text: str) -> Line:
    return Line(0, 0, len(text), text, 0, False, 0)


def test_a_weekday_head_is_nothing_but_weekday_names() -> None:
    assert weekday_head("MARDI") and weekday_head("LUNDI & JEUDI") and weekday_head("mardi et vendredi")
    assert not weekday_head("Mardi 12 mars") and not weekday_head("JANVIER") and not weekday_head("Salle Mardi")


def test_a_dated_head_is_a_date_and_perhaps_its_hours() -> None:
    assert dated_head("Ven. 15/01 – 18h30") and dated_head("Mer. 20/01 – 18h30 > 21h")
    assert dated_head("samedi 30 janvier, de 10h à 12h")
    assert not dated_head("Samedi 30 janvier : fête du quartier") and not dated_head("MARDI")


def test_a_practical_note_is_no_place() -> None:
    assert note_field("Entrée libre, ouvert à toutes et à tous") and note_field("Gratuit, sans inscription")
    assert not note_field("Salle des Lilas")


def test_the_line_under_a_title_gives_its_hours_and_its_room() -> None:
    hours, place = when_and_where(_line("Tous les mardis, 14h-16h · Salle des Lilas"))
    assert (hours.text, place.text) == ("Tous les mardis, 14h-16h", "Salle des Lilas")
    hours, place = when_and_where(_line("Salle polyvalente · Entrée libre"))
    assert hours is None and place.text == "Salle polyvalente"
    hours, place = when_and_where(_line("En visio, lien à l'inscription"))
    assert hours is None and place is not None  # held online: the build reads the mode
    assert when_and_where(_line("Machines à disposition, débutantes et débutants bienvenus, apportez vos tissus !")) is None


def test_one_card_alone_is_not_a_card_layout() -> None:
    lines = split_lines("Maison des Lilas\n\nMARDI\nAtelier tricot\n14h-16h · Salle des Lilas\n")
    assert find_cards(lines, skip=set()) == []


TEXT = (
    "MAISON DE QUARTIER DES LILAS\nProgramme janvier – mars 2031\n\n"
    "LES RENDEZ-VOUS DE LA SEMAINE\n\n"
    "MARDI\nAtelier tricot « Maille à maille »\nTous les mardis, 14h-16h · Salle des Lilas\n"
    "Laine fournie, débutantes bienvenues.\nAnimation : Mme Odile Ferrand, bénévole\n\n"
    "LUNDI & JEUDI\nAide aux devoirs\n16h45 – 18h15 · Espace jeunes\n\n"
    "JANVIER\n\n"
    "Ven. 17/01 – 18h30\nVœux et galette\nSalle polyvalente · Entrée libre\n\n"
    "Sam. 8/03 – 14h-17h\nAprès-midi des femmes du quartier\nSalle polyvalente\n"
    "Exposition de portraits.\n15h30 : table ronde « Trouver sa place »\nModération : Mme Inès Valcourt\n"
)


def test_weekly_cards_have_their_own_hours_and_room_and_no_date() -> None:
    rows = [(s.title, s.date, s.start, s.end, s.room) for s in parse_text(TEXT).sessions]
    assert ("Atelier tricot « Maille à maille »", None, "14:00", "16:00", "Salle des Lilas") in rows
    assert ("Aide aux devoirs", None, "16:45", "18:15", "Espace jeunes") in rows


def test_dated_cards_take_the_page_year_and_the_room_under_their_title() -> None:
    rows = [(s.title, s.date, s.start, s.end, s.room) for s in parse_text(TEXT).sessions]
    assert ("Vœux et galette", "2031-01-17", "18:30", None, "Salle polyvalente") in rows
    assert ("Après-midi des femmes du quartier", "2031-03-08", "14:00", "17:00", "Salle polyvalente") in rows


def test_a_timed_item_inside_a_card_is_a_session_that_day_in_that_place() -> None:
    cat = parse_text(TEXT)
    table = next(s for s in cat.sessions if s.title.startswith("table ronde"))
    assert (table.date, table.start, table.room, table.kind) == ("2031-03-08", "15:30", "Salle polyvalente", "table ronde")
    assert [p.name for p in cat.people if table.id in p.sessions] == ["Inès Valcourt"]
