"""A person's function and organisation, one form of the genre at a time, on invented texts:
what is not an organisation (a day, a place, a quoted title, a team, a remit) stays out of it."""

from __future__ import annotations

import pytest

from ingest.programme.people import parse_names


def _people(s: str) -> list[tuple[str, str | None, str | None]]:
    def text(p):
        return s[p[0]:p[1]] if p else None

    return [(text(m.name), text(m.function), text(m.affiliation)) for m in parse_names(s)]


def _one(s: str) -> tuple[str | None, str | None]:
    found = _people(s)
    assert len(found) == 1, found
    return found[0][1], found[0][2]


@pytest.mark.parametrize(
    ("s", "aff"),
    [("Dr Jeanne MARTIN, pédiatre, Hôpital Nord de Villebourg (jour 2)", "Hôpital Nord de Villebourg"),
     ("Mme Paule ROUX, formatrice au CERPE (jours 1 et 3)", "CERPE"),
     ("Paul Dupont, juriste (représenté)", None),
     ("Mme Anne Roux, chargée de mission, Agence Sud (excusée)", "Agence Sud")],
)  # fmt: skip
def test_brackets_that_say_when_or_how_someone_takes_part_name_no_organisation(s: str, aff: str | None) -> None:
    assert _one(s)[1] == aff


@pytest.mark.parametrize(
    "s",
    ["Paul Dupont, coordinateur des « Chemins de la réussite »",
     "Mme Léa Roux, chargée de projet « Grandir Ensemble »",
     "Paul Dupont, chorégraphe, pour le projet « Danse Solidaire »",
     "Anne Roux, coordinatrice du dispositif « Lire Ensemble » (plus de 40 participants)"],
)  # fmt: skip
def test_a_quoted_title_is_a_project_not_an_organisation(s: str) -> None:
    assert _one(s)[1] is None


def test_a_quoted_name_after_a_kind_of_organisation_or_a_membership_is_one() -> None:
    assert _one("Paul Dupont, fondateur du club d’entreprises « Cap Avenir »")[1] == "club d’entreprises « Cap Avenir »"
    assert _one("Mme Anne Roux, bénévole de « Bonjour Entraide »")[1] == "« Bonjour Entraide »"
    assert _one("Paul Dupont, formateur « Vivre ensemble » au CNFPT")[1] == "CNFPT"


@pytest.mark.parametrize(
    ("s", "aff"),
    [("Paul Dupont, président de l'association Les Tilleuls (Villebourg)", "Les Tilleuls"),
     ("Paul Dupont, directeur du CROUS de Villebourg (antenne de Bourgville)", "CROUS de Villebourg"),
     ("Anne Roux (UNAF)", "UNAF"),
     ("Ms Jane Doe, project officer, City of Villebourg", "City of Villebourg"),
     ("Dr Jane Doe (University of Villebourg)", "University of Villebourg")],
)  # fmt: skip
def test_brackets_that_say_where_leave_the_organisation_the_function_names(s: str, aff: str) -> None:
    assert _one(s)[1] == aff


@pytest.mark.parametrize(
    ("s", "fn"),
    [("Dr Ali Karim, médecin diplômé à Villebourg, en cours de reconnaissance", "médecin diplômé à Villebourg"),
     ("Mme Awa Diop, habitante du quartier des Tilleuls", "habitante du quartier des Tilleuls"),
     ("Me Anne Roux, avocate au barreau de Villebourg", "avocate au barreau de Villebourg"),
     ("Ms Jane Doe, Deputy Mayor for Older People", "Deputy Mayor for Older People"),
     ("Anne Roux, sociologue", "sociologue")],
)  # fmt: skip
def test_a_place_a_neighbourhood_or_a_remit_stays_in_the_function(s: str, fn: str) -> None:
    assert _one(s) == (fn, None)


def test_a_neighbourhood_in_brackets_is_where_someone_lives() -> None:
    assert _one("Awa Diop (quartier des Tilleuls)")[1] is None
    assert _one("Jane Doe (Northside district)")[1] is None


@pytest.mark.parametrize(
    ("s", "fn", "aff"),
    [("Paul Dupont, responsable RH, Boulangeries Dupont", "responsable", "Boulangeries Dupont"),
     ("Anne Roux, cheffe de projet ANRU, Agglo Sud", "cheffe de projet", "Agglo Sud"),
     ("Mme Anne Roux, formatrice PSSM, CCAS de Villebourg", "formatrice", "CCAS de Villebourg"),
     ("Anne Roux, conseillère France Services", "conseillère", "France Services"),
     ("Paul Dupont, président de l’association étudiante Solid Campus, pour l’épicerie « Le Panier »",
      "président de l’association étudiante", "Solid Campus")],
)  # fmt: skip
def test_a_capital_that_qualifies_the_function_gives_way_to_the_organisation(s: str, fn: str, aff: str) -> None:
    assert _one(s) == (fn, aff)


def test_the_remit_after_an_organisation_is_no_part_of_it() -> None:
    assert _one("Mme Anne Roux, vice-présidente du Département chargée de la culture") == (
        "vice-présidente", "Département")


@pytest.mark.parametrize("s", ["Camille Roux, service communication", "Camille Roux, secrétariat du colloque"])
def test_a_team_in_lower_case_names_no_organisation(s: str) -> None:
    assert _one(s)[1] is None


def test_a_team_with_a_name_is_an_organisation() -> None:
    assert _one("Camille Roux, direction de la Solidarité Sud")[1] == "direction de la Solidarité Sud"
