"""Programmes saved from a web page: the site's menu, breadcrumb, share buttons, cookie banner
and footer around a programme flattened from a `|` table (a Markdown one too). Invented pages
only. No model, no index."""

from __future__ import annotations

from ingest.programme import web
from ingest.programme.lines import split_lines
from tests.programme_text import parse_text

PAGE = (
    "Aller au contenu principal\n"
    "Accueil\n"
    "La Communauté\n"
    "Agenda\n"
    "Contact\n\n"
    "Accueil > Agenda > Journée des aidants du Val-Morand\n\n"
    "Journée « Aidants, pas seuls »\n\n"
    "Publié le 4 janvier 2027\n\n"
    "Partager sur Facebook\n"
    "Partager sur LinkedIn\n"
    "Imprimer\n\n"
    "La Communauté du Val-Morand réunit le samedi 13 mars 2027, à la halle de Brimont, les proches aidants.\n\n"
    "Horaire | Séquence | Intervenant·e·s | Lieu\n"
    "9h30 > 10h00 | Accueil café | | Hall\n"
    "10h00 > 11h00 | Conférence : « Aider sans s'épuiser » | Dr Lise Pontal, gériatre | Salle Ondine\n"
    "11h00 > 12h30 | Atelier 1 – Le répit, mode | Animation : Marc Dely, | Salle Iris\n"
    " | d'emploi | plateforme de répit |\n"
    "12h30 > 14h00 | Déjeuner libre | |\n\n"
    "Nous utilisons des cookies pour mesurer l'audience. Accepter | Refuser | Paramétrer\n"
    "Mentions légales | Plan du site | Accessibilité\n"
)


def test_page_furniture_is_no_session():
    cat = parse_text(PAGE)
    titles = [s.title for s in cat.sessions]
    assert titles == ["Accueil café", "Aider sans s'épuiser", "Le répit, mode d'emploi", "Déjeuner libre"]
    assert all(s.date == "2027-03-13" for s in cat.sessions)
    assert [s.room for s in cat.sessions] == ["Hall", "Salle Ondine", "Salle Iris", None]
    assert [(s.start, s.end) for s in cat.sessions][:2] == [("09:30", "10:00"), ("10:00", "11:00")]


def test_furniture_lines():
    lines = split_lines(PAGE)
    found = {lines[i].text for i in web.furniture(lines)}
    assert {"Aller au contenu principal", "Accueil", "Agenda", "Partager sur Facebook", "Imprimer",
            "Accueil > Agenda > Journée des aidants du Val-Morand",
            "Mentions légales | Plan du site | Accessibilité"} <= found
    assert not any("Accueil café" in t or "Journée « Aidants" in t for t in found)


def test_a_programme_line_is_no_furniture():
    """"Partager les pratiques" is a title, a list of short items further down the page the
    programme's own."""
    text = ("Journée des pratiques\n\n" + "\n".join(f"Ligne de présentation {n}." for n in range(12))
            + "\n\nAccueil\nOuverture\nPartager les pratiques : table ronde\n")
    lines = split_lines(text)
    assert not {lines[i].text for i in web.furniture(lines)} & {"Accueil", "Ouverture",
                                                                  "Partager les pratiques : table ronde"}


MARKDOWN = (
    "Vous êtes ici : Accueil › Agenda › Rencontre des médiateurs\n\n"
    "Rencontre des médiateurs de la Vère\n\n"
    "Date : jeudi 7 octobre 2027\n"
    "Lieu : Maison des sociétés, 4 rue du Four, Sarlenc\n\n"
    "| Horaire | Séquence | Intervenant·e·s | Lieu |\n"
    "|---|---|---|---|\n"
    "| 09h00 > 09h30 | Accueil | | Hall |\n"
    "| 09h30 > 10h30 | Plénière : le métier de médiateur | Anne Vidal, réseau régional | Salle Lamartine |\n"
    "| 10h30 > 12h00 | Atelier 1 : médiation et bailleurs | Yves Roul, bailleur | Salle Nerval |\n"
)


def test_markdown_table_under_a_date_and_place_block():
    """A Markdown table's rule is no row; the "Date : / Lieu :" block over the timetable dates
    its rows and is no session of its own, nor is the breadcrumb."""
    cat = parse_text(MARKDOWN)
    assert [s.title for s in cat.sessions] == ["Accueil", "le métier de médiateur", "médiation et bailleurs"]
    assert {s.date for s in cat.sessions} == {"2027-10-07"}
    assert [s.room for s in cat.sessions] == ["Hall", "Salle Lamartine", "Salle Nerval"]


HEADLINE = (
    "Accueil › Agenda › Assises de la médiation rurale\n"
    "Publié le 3 septembre 2027 – Mis à jour le 1er octobre 2027\n\n"
    "ASSISES DE LA MÉDIATION RURALE\n\n"
    "Jeudi 14 octobre 2027 · Brenost (Haut-Vernois) · Centre des congrès Les Tanneries\n\n"
    "DÉROULÉ DE LA JOURNÉE\n\n"
    "8h30 – Accueil café (hall d'entrée)\n\n"
    "Horaire | Salle | Atelier | Intervenant·e·s\n"
    "10 h 45 – 12 h 30 | SALLE ORNE | Atelier 1 – Médiation et école | Animation : Mme Léa Cros, inspectrice\n"
    "10 h 45 – 12 h 30 | En visioconférence | Atelier 2 – Médiation et papiers | Animation : M. Jean Rieu, juriste\n"
)


def test_page_dateline_dates_the_table_rows():
    """"Date · Town (Dept) · Venue" under the event's title, before any session, is the page's
    dateline: no session (the venue is no title), and its day dates the table's rows. A room
    column that says how ("En visioconférence") gives the mode, not a room."""
    cat = parse_text(HEADLINE)
    rows = [(s.title, s.date, s.room, s.mode) for s in cat.sessions]
    assert rows == [
        ("Accueil café", "2027-10-14", "hall d'entrée", "in_person"),
        ("Médiation et école", "2027-10-14", "SALLE ORNE", "in_person"),
        ("Médiation et papiers", "2027-10-14", None, "online"),
    ]


BANNERED = (
    "Ville de Vernelles – site officiel\n"
    "Aller au contenu | Aller au menu | Rechercher\n\n"
    "Accueil   Ma ville   Démarches   Sortir   Contact\n\n"
    "Accueil › Solidarités › Semaine des voisins\n\n"
    "SEMAINE DES VOISINS – 3e édition\n"
    "Du lundi 2 au samedi 7 mars 2026 – Vernelles\n"
)


def test_a_site_banner_and_a_one_line_menu_are_furniture_and_no_title():
    from ingest.load import first_line_title

    lines = split_lines(BANNERED)
    found = {lines[i].text for i in web.furniture(lines)}
    assert {"Ville de Vernelles – site officiel", "Accueil   Ma ville   Démarches   Sortir   Contact"} <= found
    assert first_line_title(BANNERED) == "SEMAINE DES VOISINS – 3e édition"
    assert not web.banner("Accueil des familles : un site internet dédié")


def test_more_furniture_a_menu_on_one_line_a_search_link_an_account_a_wrapped_cookie_banner():
    lines = split_lines("Aller à la recherche\nMon compte\nLe Département  |  Vos démarches  |  Solidarités  |  Agenda\n"
                        "Nous utilisons des cookies pour mesurer l'audience du site. Vous\npouvez les refuser.\n\n"
                        "FORUM DES SOLIDARITÉS – 4e édition\nSamedi 3 octobre 2026 | 9h – 17h | Halle aux grains\n")
    found = {lines[i].text for i in web.furniture(lines)}
    assert {"Aller à la recherche", "Mon compte", "Le Département  |  Vos démarches  |  Solidarités  |  Agenda",
            "Nous utilisons des cookies pour mesurer l'audience du site. Vous"} <= found
    assert not found & {"FORUM DES SOLIDARITÉS – 4e édition", "Samedi 3 octobre 2026 | 9h – 17h | Halle aux grains"}
