"""Initiatives a session's title names in an ordre du jour or a programme (fictional places,
people and organisations), with who runs them and where."""

from __future__ import annotations

from tests.programme_text import parse_text


def _found(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(i.name, i.place, i.organiser) for i in parse_text(text).initiatives]


def test_sub_points_of_an_item_announcing_initiatives_name_them() -> None:
    text = (
        "Comité de suivi du plan alimentaire de Valbrune\n\n"
        "Ordre du jour :\n\n"
        "1. Accueil (9h30-9h45)\n"
        "   M. Hervé Lambin, président de la communauté de communes\n\n"
        "2. Deux initiatives locales pour bien manger (9h45-10h40)\n"
        "   2.1 « La Cantine volante », restaurant solidaire ambulant (9h45-10h10)\n"
        "       – Mme Odile Ferrat, directrice du centre social Les Tilleuls, Montrelais\n"
        "       Un triporteur sert chaque jeudi des repas à prix libre ; 90 repas par semaine.\n"
        "   2.2 Les Vergers du Moulin (10h10-10h40)\n"
        "       – M. Yann Corbel, président de l'association Fruits Partagés, Valbrune\n"
        "       36 arbres fruitiers plantés au pied des immeubles, à Saint-Aubrac.\n\n"
        "3. Questions diverses (10h40-11h)\n"
    )
    assert _found(text) == [
        ("La Cantine volante", "Montrelais", "centre social Les Tilleuls"),
        ("Les Vergers du Moulin", "Saint-Aubrac", "l'association Fruits Partagés"),
    ]


def test_a_title_reporting_on_a_quoted_project_or_visiting_it_names_it() -> None:
    text = (
        "Réunion du réseau des espaces jeunes – Montrelais\n\n"
        "ORDRE DU JOUR\n\n"
        "09:30 – 10:15   « Roule ta bosse » : bilan de la première année\n"
        "                Présentation : Mme Léa Vautrin, Mission locale des Deux-Vallées\n\n"
        "10:15 – 10:30   Pause\n\n"
        "14:00 – 15:00   Visite du tiers-lieu « La Ruche aux idées »\n"
        "                Gérée par l'association Bourg Vivant, la Ruche a reçu 80 jeunes en 2025.\n\n"
        "Prochaine réunion : mardi 2 juin, à Castelmaure.\n"
    )
    assert _found(text) == [
        ("Roule ta bosse", None, "Mission locale des Deux-Vallées"),
        ("La Ruche aux idées", None, "l'association Bourg Vivant"),
    ]


def test_a_show_a_quoted_theme_or_a_session_kind_is_no_initiative() -> None:
    text = (
        "Journée des solidarités – Valbrune\n\n"
        "9h30 – 10h30   « Vivre ensemble » : regards croisés\n"
        "10h30 – 11h30   Table ronde « Habiter le bourg demain »\n"
        "20h00 – 22h00   Soirée « Chansons de nos rues »\n"
        "11h30 – 12h00   Atelier 2 : bilan des échanges\n"
    )
    assert _found(text) == []
