"""How a programme's items take the year and month their page gives, on small invented texts
(fictional events and places): a year written once in the title or head, a season over two
years, a publication stamp, a day written without its month under a week heading or after the
previous item, and the written weekday as a check that never lets a contradicted date through."""

from __future__ import annotations

import hashlib

import pytest

from assistant.domain.models import Document
from ingest.programme import dates, parse_programme


def _dates(text: str, title: str | None = None) -> list[str | None]:
    doc = Document(doc_id="dc", title=title or text.splitlines()[0], text=text, source="dc.txt",
                   sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text))
    return [s.date for s in parse_programme(doc).sessions]


# -- units --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "weekday"), [
    ("samedi 23", 5), ("Sam. 23", 5), ("Merc. 4 mars", 2), ("Thursday, October 9", 3), ("12 mars", None),
])
def test_the_written_weekday(text: str, weekday: int | None) -> None:
    assert dates.weekday_written(text) == weekday


def test_weekday_agreement() -> None:
    assert dates.agrees(2026, 5, 23, 5)  # a Saturday
    assert not dates.agrees(2026, 5, 23, 4)
    assert dates.agrees(2026, 5, 23, None)
    assert not dates.agrees(2026, 2, 30, None)  # no such day


@pytest.mark.parametrize(("text", "day"), [
    ("samedi 23 | 10h-12h | Salle des fêtes", 23), ("Dim. 24 – 14h", 24), ("le 28 | 9h30", 28),
    ("Mardi 1er : 18h", 1),
])
def test_a_day_without_its_month(text: str, day: int) -> None:
    found = dates.day_only(text)
    assert found is not None and found.day == day


@pytest.mark.parametrize("text", ["samedi 23 mai", "le 28 participants", "Jeudi 12/02", "23 | 10h"])
def test_not_a_day_without_its_month(text: str) -> None:
    assert dates.day_only(text) is None


def test_a_week_heading_gives_the_month() -> None:
    assert dates.day_in_context(23, 5, "SEMAINE 2 · DU 18 AU 24 MAI 2026\n", None) == (2026, 5)


def test_a_week_over_two_months_gives_each_day_its_month() -> None:
    above = "— Semaine 3 · du 30 novembre au 6 décembre 2026 —\n"
    assert dates.day_in_context(30, 0, above, None) == (2026, 11)  # Monday 30 November
    assert dates.day_in_context(5, 5, above, None) == (2026, 12)  # Saturday 5 December
    assert dates.day_in_context(5, None, above, None) == (2026, 12)


def test_days_in_order_after_the_previous_item() -> None:
    assert dates.day_in_context(28, 5, "Jeudi 26 novembre\nTable ronde\n", 2026) == (2026, 11)
    assert dates.day_in_context(3, None, "Lundi 28 septembre\nAtelier\n", 2026) == (2026, 10)


def test_the_weekday_chooses_between_the_months_and_never_contradicts() -> None:
    # After "26 novembre", a Tuesday 1 is December's (1 November 2026 is a Sunday).
    assert dates.day_in_context(1, 1, "Jeudi 26 novembre\n", 2026) == (2026, 12)
    # Neither November nor December 2026 has a Friday 28: left undated.
    assert dates.day_in_context(28, 4, "Jeudi 26 novembre\n", 2026) is None


def test_a_publication_line_gives_no_month() -> None:
    assert dates.day_in_context(23, 5, "Publié le 12 mai 2026\n", None) is None


@pytest.mark.parametrize(("title", "text", "expect"), [
    ("Cycle de rencontres — saison 2025-2026", "", {(10, 16): 2025, (2, 12): 2026}),
    ("Rencontres", "Un cycle d'octobre 2025 à avril 2026.\n", {(11, 4): 2025, (3, 5): 2026}),
    ("Quinzaine de la fraternité 2026", "", {(3, 14): 2026}),
])
def test_the_years_a_page_gives(title: str, text: str, expect: dict) -> None:
    years = dates.page_years(text, title)
    for (month, day), year in expect.items():
        assert years.year_for(month, day, None) == year


def test_a_stamp_bounds_the_year_and_the_weekday_chooses() -> None:
    years = dates.page_years("Envoyé : lundi 10 novembre 2025 09:12\nObjet : nos ateliers\n")
    assert years.year_for(1, 15, 3) == 2026  # Thursday 15 January: 2026's, not 2025's
    assert years.year_for(11, 20, 3) == 2025  # Thursday 20 November 2025


def test_several_years_and_no_weekday_say_nothing() -> None:
    years = dates.page_years("Plan Quartiers 2030\nRencontres 2026\n")
    assert years.year_for(3, 14, None) is None
    assert years.year_for(3, 14, 5) == 2026  # Saturday 14 March 2026 (a Thursday in 2030)


# -- whole programmes ---------------------------------------------------------------------------

SEASON = """Cycle de rencontres « Voisins solidaires » – saison 2025-2026

Quatre rencontres pour les bénévoles des quartiers.

Rencontre 1 › jeudi 16 octobre › 14h-16h › Maison des associations, salle Bleue
Les voisins relais

Rencontre 2 › jeudi 12 février › 14h-16h › Maison des associations, salle Bleue
Les jardins partagés
"""


def test_a_season_gives_autumn_the_first_year_and_winter_the_second() -> None:
    assert _dates(SEASON) == ["2025-10-16", "2026-02-12"]


def test_a_title_year_completes_the_items() -> None:
    text = ("Quinzaine de la fraternité 2026\n\nAu programme\n\nSamedi 14 mars\n"
            "10h-12h : Atelier « Cuisiner ensemble »\n\nMercredi 18 mars\n15h-17h : Goûter-débat « Grandir ici »\n")
    assert _dates(text) == ["2026-03-14", "2026-03-18"]


def test_a_publication_stamp_and_the_weekday_give_the_next_year() -> None:
    text = ("Programme des ateliers\nPublié le 12/11/2025\n\nJeudi 15 janvier\n14h-16h : Atelier « Lire le monde »\n\n"
            "Jeudi 22 janvier\n14h-16h : Atelier « Écrire sa ville »\n")
    assert _dates(text) == ["2026-01-15", "2026-01-22"]


def test_days_without_their_month_take_the_week_heading_s() -> None:
    text = ("Semaine du vivre-ensemble\n\nSEMAINE 2 · DU 18 AU 24 MAI 2026\n\nMardi 19 mai\n18h-20h : Ciné-débat « Voisins »\n\n"
            "samedi 23 | 10h-12h | Salle des fêtes | Atelier « Écrire nos quartiers »\n\n"
            "dimanche 24 | 14h-17h | Parc municipal | Pique-nique « Tous à table ensemble »\n")
    assert _dates(text) == ["2026-05-19", "2026-05-23", "2026-05-24"]


def test_a_day_line_without_its_month_under_a_week_over_two_months() -> None:
    text = ("Mois de la solidarité 2026\n\n— Semaine 3 · du 30 novembre au 6 décembre —\n\n"
            "Lundi 30\n18h-20h : Conférence « Donner son temps »\n\n"
            "Samedi 5\n10h-12h : Atelier « Réparer ensemble »\n")
    assert _dates(text) == ["2026-11-30", "2026-12-05"]


def test_a_one_line_item_under_the_day_above_takes_its_own_day() -> None:
    text = ("Mois de la solidarité 2026\n\n— Semaine 2 · du 23 au 29 novembre —\n\n"
            "Jeudi 26 novembre\nTable ronde « Vivre ici »\nSalle des fêtes, 18h-20h\n\n"
            "samedi 28 | 10h-12h | Médiathèque, salle d'animation | Café-philo « Ce qui nous relie »\n"
            "Animé par une bénévole.\n")
    assert _dates(text)[-1] == "2026-11-28"


def test_a_weekday_the_month_does_not_have_leaves_no_wrong_date() -> None:
    text = ("Mois de la solidarité 2026\n\nJeudi 26 novembre\n18h-20h : Table ronde « Vivre ici »\n\n"
            "vendredi 28 | 10h-12h | Médiathèque, salle d'animation | Café-philo « Ce qui nous relie »\n")
    assert "2026-11-28" not in _dates(text)


def test_a_row_s_weekday_the_month_does_not_have_leaves_its_date_unknown() -> None:
    text = ("Mois de la solidarité 2026\n\nJeudi 26 novembre\n18h-20h : Table ronde « Vivre ici »\n\n"
            "vendredi 28 | 10h-12h | Médiathèque | Café-philo « Ce qui nous relie »\n\n"
            "dimanche 29 | 14h-17h | Parc municipal | Pique-nique « Tous à table ensemble »\n")
    assert _dates(text) == ["2026-11-26", None, "2026-11-29"]


def test_a_one_line_item_whose_weekday_the_month_does_not_have_is_undated() -> None:
    text = ("Mois de la solidarité 2026\n\nJeudi 26 novembre\n18h-20h : Table ronde « Vivre ici »\n\n"
            "vendredi 28 | 10h-12h | Médiathèque, salle d'animation | Café-philo « Ce qui nous relie »\n"
            "Animé par une bénévole.\n")
    assert _dates(text) == ["2026-11-26", None]
