"""Initiatives as programmes and newsletters present them, one genre rule at a time, each on a
few lines written for it (fictional places, people and organisations). No model, no index."""

from __future__ import annotations

import hashlib

from assistant.domain.models import Document
from ingest.programme import parse_programme
from tests.programme_text import parse_text


def _initiatives(text: str, title: str | None = None):
    doc = Document(doc_id="init", title=title or text.splitlines()[0], text=text, source="init.txt",
                   sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text))
    cat = parse_programme(doc)
    for r in cat.initiatives:
        for name, span in r.fields.items():
            assert doc.text[span.start : span.end] == span.quote, (r.id, name)  # every field exact
    return cat.initiatives


def test_the_event_s_own_name_is_no_initiative() -> None:
    inits = _initiatives(
        "Semaine « Voisins en fête » – 3e édition\n\n"
        "Pendant dix jours, la Semaine « Voisins en fête » invite les habitantes et les habitants à se "
        "rencontrer ; l'association Les Mains Vertes y présentera « Le Potager du coin », un jardin "
        "partagé ouvert à Valbrune où 40 familles cultivent leurs légumes.\n"
    )
    assert [i.name for i in inits] == ["Le Potager du coin"]


def test_a_show_or_an_edition_is_no_initiative_unless_an_initiative_word_names_it() -> None:
    inits = _initiatives(
        "Lettre du réseau – Forum des solidarités\n\n"
        "La soirée s'est terminée par le spectacle « La Nuit des voix », applaudi par les participantes "
        "et les participants venus de tout le département.\n\n"
        "Lors de l'édition précédente, le projet « Les Jardins du lien » de l'association Terre Commune "
        "avait réuni 45 jeunes autour de potagers installés au pied des immeubles.\n"
    )
    assert [(i.name, i.organiser) for i in inits] == [("Les Jardins du lien", "l'association Terre Commune")]


def test_a_colon_closes_the_clause_of_a_session_word_and_each_name_keeps_its_own_clause() -> None:
    inits = _initiatives(
        "Invitation – Journée départementale des familles\n\n"
        "Plusieurs initiatives locales seront présentées pendant les ateliers : la crèche « Petites "
        "Lueurs », ouverte à Valbrune par l'association Les Veilleuses, qui accueille 12 enfants ; les "
        "« Repas du mardi » du centre social Les Platanes, à Montrelais, qui ont réuni 60 parents.\n"
    )
    assert [(i.name, i.place, i.organiser) for i in inits] == [
        ("Petites Lueurs", "Valbrune", "l'association Les Veilleuses"),
        ("Repas du mardi", "Montrelais", "centre social Les Platanes"),
    ]


def test_titles_listed_after_a_session_word_are_all_titles() -> None:
    inits = _initiatives(
        "Lettre du réseau – Forum de l'habitat\n\n"
        "Les trois ateliers de l'après-midi (« Habiter le bourg », « Adapter le logement » et « Partager "
        "les espaces ») ont permis des échanges plus techniques entre bailleurs et associations.\n"
    )
    assert inits == []


def test_a_kind_of_organisation_without_its_name_is_no_organiser() -> None:
    inits = _initiatives(
        "Semaine des mémoires\n\n"
        "Mercredi, l'équipe de « La Boîte à récits » viendra présenter son projet aux familles. Sur "
        "inscription à l'accueil du centre social.\n"
    )
    assert [(i.name, i.organiser) for i in inits] == [("La Boîte à récits", None)]


def test_who_runs_it_may_come_after_where_it_was_created() -> None:
    inits = _initiatives(
        "Séminaire des solidarités rurales\n\n"
        "Une éleveuse présentera les « Relais des fermes », réseau de bénévoles créé à Sornac par "
        "l'association Plateau Entraide, qui compte aujourd'hui 30 relais formés au repérage.\n"
    )
    assert [(i.name, i.organiser) for i in inits] == [("Relais des fermes", "l'association Plateau Entraide")]


def test_the_town_in_brackets_after_the_name_wins_over_a_speaker_s_organisation() -> None:
    inits = _initiatives(
        "Cycle « Droits pour tous » – séance 3\n\n"
        "Avec : Lina Morel, conseillère à la Mission locale de Brécourt, qui présentera le « Pass'Avenir » "
        "(Brécourt, Oise) : 210 jeunes accompagnés en 2024 pour faire valoir leurs droits.\n"
    )
    assert [(i.name, i.place) for i in inits] == [("Pass'Avenir", "Brécourt, Oise")]


def test_a_showcase_paragraph_read_as_a_session_still_names_its_initiative() -> None:
    inits = _initiatives(
        "Mois de la fraternité – programme\n\n"
        "Mer. 4 nov. | 14h-16h | Valbrune – Centre social Les Tilleuls | Atelier « Parler de tout »\n"
        "Avec Rose Martel, coordinatrice des « Goûters du lundi » (Les Voisins d'Abord).\n\n"
        "INITIATIVES À LA UNE\n\n"
        "« Les Goûters du lundi » – À Montrelais, l'association Les Voisins d'Abord réunit chaque semaine,\n"
        "dans une salle du centre-ville, des habitantes et des habitants de tous âges autour d'un goûter.\n"
        "Depuis 2022, plus de 300 personnes y ont pris part.\n"
    )
    named = [(i.name, i.place, i.organiser) for i in inits if "Goûters" in i.name]
    assert named == [("Les Goûters du lundi", "Montrelais", "l'association Les Voisins d'Abord")]


def test_a_name_with_or_without_its_article_is_one_initiative() -> None:
    inits = _initiatives(
        "Lettre du réseau – Forum des voisins\n\n"
        "Le matin, la coordinatrice des « Goûters du lundi » a raconté comment les habitantes et les "
        "habitants du quartier se sont approprié la salle commune de la résidence.\n\n"
        "« Les Goûters du lundi » – À Montrelais, l'association Les Voisins d'Abord réunit chaque semaine "
        "des habitantes et des habitants de tous âges autour d'un goûter partagé.\n"
    )
    assert [(i.name, i.place) for i in inits] == [("Goûters du lundi", "Montrelais")]


def test_a_speaker_s_workplace_a_agency_or_a_heading_is_no_town() -> None:
    inits = _initiatives(
        "Cycle des aidants – rencontres 2026\n\n"
        "RENCONTRE 2 – LE RÉPIT, UN DROIT : HALTES ET RELAIS À DOMICILE\n"
        "Animation : Paul Ravel, journaliste à Radio Vallée\n"
        "Présentation de la halte-répit « Le Temps pour soi », ouverte à Montrelais par Répit Solidaire : "
        "chaque semaine, 20 familles y confient leur proche pour une après-midi.\n\n"
        "Intervention : Marc Lenoir, agent d'accueil à France Services Valbrune, qui témoignera de la "
        "démarche « Guichet sans papier » : un accueil pensé pour celles et ceux qui lisent peu.\n"
    )
    assert {i.name: i.place for i in inits} == {"Le Temps pour soi": "Montrelais", "Guichet sans papier": None}


def test_an_organisation_s_name_goes_on_in_lower_case() -> None:
    inits = _initiatives(
        "Lettre du réseau – Forum de l'habitat\n\n"
        "À Montrelais, l'association Bien vieillir en Brécourt fait vivre depuis 2020 « La Maison des "
        "Tilleuls » : six logements autour d'une salle commune où les habitantes et les habitants partagent "
        "leurs repas.\n\n"
        "À Valbrune, l'association Le Fil valbrunois, avec les bailleurs du quartier, anime « Les Portes "
        "ouvertes » : chaque mois, une famille reçoit ses voisines et ses voisins pour un goûter partagé.\n\n"
        "Le dispositif « Sorties du mardi », porté par l'association Amis de lecture 58 depuis deux ans, "
        "emmène les personnes isolées au théâtre et au concert de la ville voisine.\n"
    )
    assert [(i.name, i.organiser) for i in inits] == [
        ("La Maison des Tilleuls", "l'association Bien vieillir en Brécourt"),
        ("Les Portes ouvertes", "l'association Le Fil valbrunois"),
        ("Sorties du mardi", "l'association Amis de lecture 58"),
    ]


def test_a_neighbourhood_a_valley_or_a_departement_is_a_place() -> None:
    inits = _initiatives(
        "Rencontres de la cohésion – programme\n\n"
        "Atelier A1 – Le sport, levier d'insertion des jeunes des quartiers prioritaires\n"
        "Avec : Nora Vidal, présidente de l'association Foot Ensemble\n"
        "Le dispositif « Cours de récré », lancé par Foot Ensemble dans les quartiers Hautes-Vignes et "
        "Pré-Vert, compte aujourd'hui 400 jeunes licenciés, dont un tiers de filles.\n\n"
        "Une chambre libre chez une personne âgée pour un étudiant : depuis 2020, le dispositif « Deux "
        "âges, un toit » de l'association Logis Partagé a constitué 150 binômes en Morvandie.\n\n"
        "Des concerts sont donnés chaque mois en EHPAD par les élèves du conservatoire, avec le projet "
        "« Notes au chevet » qui a touché 600 résidents.\n"
    )
    assert {i.name: i.place for i in inits} == {
        "Cours de récré": "quartiers Hautes-Vignes et Pré-Vert",
        "Deux âges, un toit": "Morvandie",
        "Notes au chevet": None,
    }


def test_a_social_landlord_or_a_centre_social_written_with_a_capital_runs_it() -> None:
    inits = _initiatives(
        "Lettre du réseau – Forum de l'habitat\n\n"
        "L'atelier du matin a mis en lumière « Les Terrasses du Parc », à Montrelais : le bailleur Toits "
        "de Brécourt y a transformé un ancien foyer en 20 appartements adaptés, dont la moitié pour des "
        "personnes âgées.\n\n"
        "« Salles fraîches » (cool rooms)\n"
        "In Valbrune, the Centre social Les Tilleuls coordinates a network of cool public rooms where "
        "anyone can rest during the hottest hours of the summer.\n"
    )
    assert {i.name: i.organiser for i in inits} == {
        "Les Terrasses du Parc": "le bailleur Toits de Brécourt",
        "Salles fraîches": "the Centre social Les Tilleuls",
    }


NAMED_LIST = """\
Forum des initiatives

Cinq structures présentent leur projet :

- La Recyclerie du Pont (Vernelles, Loir-et-Cher) – gérée par l'association Les Mains Vertes : 18 tonnes réemployées.
- Bricol'Âge (Belvaux, Indre) – dépannages à domicile de l'association Outils Partagés, 140 interventions.
- Le Jardin des Cinq Vents (Morvillers, Cher) – jardin du centre social des Cinq Vents : 60 familles.
"""


def test_a_list_naming_initiatives_with_their_town_and_departement_gives_them() -> None:
    found = {i.name: i for i in parse_text(NAMED_LIST).initiatives}
    assert set(found) >= {"La Recyclerie du Pont", "Bricol'Âge", "Le Jardin des Cinq Vents"}
    assert found["Bricol'Âge"].place.startswith("Belvaux")  # with its département, as brackets give it
    assert found["La Recyclerie du Pont"].organiser == "Les Mains Vertes"
    assert found["Bricol'Âge"].organiser == "Outils Partagés"
    assert found["Le Jardin des Cinq Vents"].organiser == "centre social des Cinq Vents"


def test_one_item_with_a_town_in_brackets_is_no_list_of_initiatives() -> None:
    text = "Au programme :\n\n- Visite du marché (Vernelles, Indre) – départ à 10h.\n- Déjeuner libre\n"
    assert parse_text(text).initiatives == []


def test_a_stand_s_labels_say_who_runs_it_and_where() -> None:
    # A village of stands: each stand's name, then its labels, one per line; the town may come
    # with its département's number.
    inits = _initiatives(
        "Forum des solidarités – Village des initiatives\n\n"
        "Stand 1 — « Le Panier des Coteaux »\nPorté par : association Coteaux Solidaires\nOù : Brescourt (24)\n"
        "Une épicerie solidaire itinérante : 312 familles servies chaque mois.\n\n"
        "Stand 2 — « Cuisine en partage »\nStructure porteuse : centre social La Passerelle\n"
        "Des ateliers cuisine entre parents et enfants, à Vaurel (24), avec 45 bénévoles mobilisés.\n"
    )
    got = {i.name: (i.place, i.organiser, i.figure) for i in inits}
    assert got == {"Le Panier des Coteaux": ("Brescourt (24)", "association Coteaux Solidaires", "312 familles"),
                   "Cuisine en partage": ("Vaurel (24)", "centre social La Passerelle", "45 bénévoles")}
