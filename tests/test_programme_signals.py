"""One signal of the genre at a time, each on a few lines written for it (fictional people and
places): times, dates, role labels and civilities, flattened tables, modes, breaks, practical
information, prose initiatives. No model, no index: these run in well under a second."""

from __future__ import annotations

import hashlib

import pytest

from assistant.domain.models import Document
from ingest.programme import parse_programme
from ingest.programme.dates import day_header, find_dates
from ingest.programme.people import role_line, split_function
from ingest.programme.times import find_range, slot_line


def _doc(text: str, doc_id: str = "signal") -> Document:
    return Document(doc_id=doc_id, title=text.splitlines()[0], text=text, source=f"{doc_id}.txt",
                    sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text))


def _parse(text: str):
    doc = _doc(text)
    cat = parse_programme(doc)
    for r in [*cat.sessions, *cat.people, *cat.initiatives, *cat.events]:
        for name, span in r.fields.items():
            assert doc.text[span.start : span.end] == span.quote, (r.id, name)  # every field exact
    return cat


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("08h45 – 09h15", "08:45", "09:15"), ("09:15 – 09:30", "09:15", "09:30"), ("12 h 15 – 13 h 45", "12:15", "13:45"),
     ("14h30-16h", "14:30", "16:00"), ("de 9h à 12h", "09:00", "12:00"), ("14h", "14:00", None),
     ("à partir de 14 h", "14:00", None), ("2:30 pm – 4:30 pm", "14:30", "16:30"), ("9:15 am – 10:30 am", "09:15", "10:30"),
     ("10 am – 12 pm", "10:00", "12:00"), ("12:30 pm – 2:00 pm", "12:30", "14:00"), ("from 6 pm", "18:00", None)],
)  # fmt: skip
def test_every_time_form(text: str, start: str, end: str | None) -> None:
    found = find_range(text)
    assert found is not None and (found.start, found.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "iso"),
    [("mardi 14/10/2025", "2025-10-14"), ("le 3 févr. 2026", "2026-02-03"), ("jeudi 6 novembre", "--11-06"),
     ("14.10.2025", "2025-10-14"), ("14/10/25", "2025-10-14"), ("Mer. 12/03", "--03-12"),
     ("Merc. 25 mars", "--03-25"), ("Thu 12/03", "--03-12")],
)  # fmt: skip
def test_every_date_form_and_a_missing_year_stays_partial(text: str, iso: str) -> None:
    assert [d.iso() for d in find_dates(text)] == [iso]


def test_a_date_line_may_open_with_le_and_carry_the_time() -> None:
    d = day_header("le 3 févr. 2026 – 18h00-19h30")
    assert d is not None and d.iso() == "2026-02-03"
    assert day_header("Publié le 3 févr. 2026 par la rédaction") is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [("▶ LUNDI 23 MARS", "--03-23"), ("📅 Jeudi 2 avril 2026, à partir de 14 h", "2026-04-02"),
     ("■ Sam. 28/03", "--03-28"), ("► Vendredi 27 mars :", "--03-27")],
)  # fmt: skip
def test_a_day_header_may_be_decorated_with_a_pictogram(line: str, iso: str) -> None:
    d = day_header(line)
    assert d is not None and d.iso() == iso


def test_a_bare_day_and_month_or_a_number_run_is_not_a_date() -> None:
    # "12/03" alone is as often a ratio or a reference; a phone number is not a date.
    assert find_dates("12/03") == []
    assert find_dates("Tél. 04.73.12.03.56") == []


@pytest.mark.parametrize(
    ("line", "role"),
    [("Animation : Mme Claire Duval", "animateur"), ("Animateur·rice : Ali Haddad", "animateur"),
     ("Modération : Dr Paul Martin", "animateur"), ("Présidence : Mme Sophie Lang", "président"),
     ("Avec : Pr Anne Leroy", "intervenant"), ("Intervenant·e·s : Léa Morel", "intervenant"),
     ("Grand témoin : Jean Dupuis", "grand témoin"), ("Rapporteur : Marc Petit", "rapporteur"),
     ("Contact : Julie Blanc", "contact"),
     # English pages of French events
     ("Facilitator: Dr Sam Roy, researcher", "animateur"), ("Moderator: Ms Ann Lee", "animateur"),
     ("Chair: Léa Marchetti.", "président"), ("Speakers: Mr Loïc Hamon", "intervenant"),
     ("Panel: Prof. Damien Ferrand", "intervenant"), ("Rapporteur: Dr Sarah Benoît.", "rapporteur")],
)  # fmt: skip
def test_role_labels_with_inclusive_writing(line: str, role: str) -> None:
    found = role_line(line)
    assert found is not None and found[0] == role


def test_an_organisation_named_by_its_kind_is_no_function() -> None:
    text = "université d'Angers"
    assert split_function(text, 0, len(text)) == (None, (0, len(text)))
    text = "directrice de l'action sociale, Ville de Brest"
    fn, _ = split_function(text, 0, text.index(","))
    assert fn is not None and text[fn[0] : fn[1]] == "directrice de l'action sociale"


def test_a_seminar_cycle_dates_each_session_and_keeps_an_unknown_date_null() -> None:
    cat = _parse(
        "Cycle de webinaires « Vieillir chez soi »\n\n"
        "mardi 14/10/2025 – 18h00-19h30 (en ligne)\n"
        "Séance 1 : l'habitat intergénérationnel\n"
        "Intervenante : Mme Rose Tanguy, chargée de mission\n\n"
        "le 3 févr. 2026 – 18h00-19h30\n"
        "Séance 2 : les aidants\n\n"
        "Séance 3 : bilan du cycle\n"
        "Date à confirmer\n"
    )
    got = {s.title: (s.date, s.start, s.end, s.mode) for s in cat.sessions}
    assert got["l'habitat intergénérationnel"] == ("2025-10-14", "18:00", "19:30", "online")
    assert got["les aidants"][:3] == ("2026-02-03", "18:00", "19:30")
    # "Date à confirmer": no date and no time, not the previous séance's.
    assert got["bilan du cycle"][:3] == (None, None, None)
    tanguy = next(p for p in cat.people if p.name == "Rose Tanguy")
    assert tanguy.role == "chargée de mission"


def test_a_mode_line_under_the_date_is_no_title() -> None:
    cat = _parse(
        "Cycle « Jeunesse et santé »\n\n"
        "Le 18 nov. 2025, de 12 h 15 à 13 h 30\n"
        "Webinaire (lien envoyé aux inscrits la veille)\n"
        "« Sommeil et écrans »\n"
    )
    assert [(s.title.strip("«» "), s.mode, s.start) for s in cat.sessions] == [("Sommeil et écrans", "online", "12:15")]


def test_a_slot_line_whose_only_field_is_a_room_or_a_mode() -> None:
    cat = _parse(
        "Forum des centres sociaux\n\nMardi 19 mai 2026\n"
        "09h15 – 10h30 · Salle 101\n"
        "Atelier A – Jardins partagés\n"
        "11h15 – 12h30 · en visioconférence\n"
        "Atelier B – Mobilité des jeunes\n"
    )
    got = {s.title: (s.room, s.mode, s.start) for s in cat.sessions}
    assert got == {"Jardins partagés": ("Salle 101", "in_person", "09:15"),
                   "Mobilité des jeunes": (None, "online", "11:15")}


def test_a_flattened_table_with_pipes_and_a_continuation_row() -> None:
    cat = _parse(
        "Journée « Habiter ensemble »\n\nJeudi 12 mars 2026\n\n"
        "Horaire | Salle | Séquence | Intervenant·e·s\n"
        "09h00 – 09h30 | Hall | Accueil café |\n"
        "11h00 – 12h30 | Salle Loire | Atelier 1 – Colocations solidaires | Avec : M. Bastien Roy\n"
        " | | entre générations | Dr Inès Carvalho, CHU d'Angers\n"
        "12 h 30 – 14 h 00 | Hall | Déjeuner |\n"
    )
    by_start = {s.start: s for s in cat.sessions}
    coloc = by_start["11:00"]
    assert (coloc.room, coloc.end, coloc.date) == ("Salle Loire", "12:30", "2026-03-12")
    assert "Colocations solidaires" in coloc.title and "générations" in coloc.title
    assert {p.name for p in coloc.people} == {"Bastien Roy", "Inès Carvalho"}
    # Breaks are programme items of their own kind.
    assert by_start["09:00"].kind == by_start["12:30"].kind == "pause"


def test_a_table_with_tab_columns() -> None:
    cat = _parse(
        "Rencontre régionale\n\nVendredi 6 février 2026\n\n"
        "9h30\tAmphi A\tPlénière : la cohésion sociale en actes\n"
        "11h00\tSalle 2\tAtelier : l'accès aux droits\n"
        "14h00\tSalle 3\tAtelier : la participation des habitants\n"
    )
    got = {s.start: s.room for s in cat.sessions}
    assert got == {"09:30": "Amphi A", "11:00": "Salle 2", "14:00": "Salle 3"}


def test_a_spreadsheet_pasted_with_semicolons() -> None:
    # A sheet's rows under its header: each row's day in its first cell, a row with only the
    # activity column filled is the activity's description, the leader named in the activity
    # cell is one of its people, an empty "Lieu" cell is no room, "en visio" is how, not where.
    cat = _parse(
        "Semaine « Bien vieillir à Sarlanes » 2026\n\nProgramme copié depuis le tableur :\n\n"
        "Jour;Horaire;Activité;Lieu;Public;Inscription\n"
        "lun. 12 oct.;14h-16h30;Loto animé par Josiane Perrault (Comité des fêtes);Salle Jean-Moulin;Tout public;Non\n"
        "mar. 13/10;10h;Marche douce le long du canal;Parking de la mairie;Seniors;Oui\n"
        ";;prévoir de bonnes chaussures;;;\n"
        "mar. 13/10;de 9h30 à 11h30;Atelier mémoire avec Bertrand Lagarde, neuropsychologue;;Seniors;Oui\n"
        "jeu. 15 oct.;15h-17h;Café numérique : la visio avec ses petits-enfants;en visio;Seniors;Oui\n"
    )
    got = {s.title: (s.date, s.start, s.end, s.room, s.mode) for s in cat.sessions}
    assert got == {
        "Loto": ("2026-10-12", "14:00", "16:30", "Salle Jean-Moulin", "in_person"),
        "Marche douce le long du canal": ("2026-10-13", "10:00", None, "Parking de la mairie", "in_person"),
        "Atelier mémoire": ("2026-10-13", "09:30", "11:30", None, "in_person"),
        "Café numérique : la visio avec ses petits-enfants": ("2026-10-15", "15:00", "17:00", None, "online"),
    }
    by_title = {s.title: s for s in cat.sessions}
    assert by_title["Marche douce le long du canal"].description == "prévoir de bonnes chaussures"
    assert [(p.name, p.role) for p in by_title["Loto"].people] == [("Josiane Perrault", "animateur")]
    assert [p.name for p in by_title["Atelier mémoire"].people] == ["Bertrand Lagarde"]


def test_semicolons_without_a_header_row_are_a_sentence_s() -> None:
    cat = _parse(
        "Forum des solidarités\n\nMardi 19 mai 2026\n\n"
        "10h00 – Atelier : jardins partagés\n"
        "Accès : tram A ; bus 12 ; parking gratuit ; vélos\n"
        "Repas : sur inscription ; végétarien ; sans porc ; sans gluten\n"
    )
    assert [s.title for s in cat.sessions] == ["jardins partagés"]


def test_a_header_that_names_its_title_column_its_own_way() -> None:
    # "Parcours" names no column role: the unnamed column with the longest cells holds the titles.
    cat = _parse(
        "Université d'automne\n\nJeudi 19 novembre 2026\n\n"
        "| Horaire | Salle | Parcours | Intervenant·e·s |\n|---|---|---|---|\n"
        "| 11h15 – 12h45 | Salle 104 | A1 – Le juste prix dans les épiceries | Animation : Odile Ferré |\n"
        "| 11h15 – 12h45 | Salle 106 | A2 – Bénévoles et salariés, qui fait quoi ? | Avec : Karim Benali |\n"
    )
    assert {s.title: s.room for s in cat.sessions} == {"A1 – Le juste prix dans les épiceries": "Salle 104",
                                                       "A2 – Bénévoles et salariés, qui fait quoi ?": "Salle 106"}


def test_practical_information_is_no_session_and_gives_the_place() -> None:
    cat = _parse(
        "Forum « Quartiers solidaires »\n\nMardi 19 mai 2026\n"
        "10h45 – 12h15 · Salle 101\nAtelier A – Jardins partagés\n\n"
        "Informations pratiques\nLieu : Maison de quartier de Bellevue, Brest\n"
        "Inscription gratuite avant le 5 mai 2026.\n"
    )
    assert [s.title for s in cat.sessions] == ["Jardins partagés"]  # nor the title line's « … »
    assert cat.events[0].place == "Maison de quartier de Bellevue, Brest"


def test_an_initiative_told_in_prose() -> None:
    cat = _parse(
        "Lettre d'information – Forum des solidarités\n"
        "Le forum s'est tenu le 18 novembre 2025 à Quimper.\n\n"
        "Lors de la table ronde « Agir contre l'isolement », l'association Les Voisins Veilleurs a présenté "
        "« Café des aidants », un lieu d'accueil ouvert à Douarnenez (Finistère) depuis 2022, qui a reçu "
        "340 personnes l'an dernier.\n"
    )
    assert [(s.title, s.kind, s.date) for s in cat.sessions] == [("Agir contre l'isolement", "table ronde", "2025-11-18")]
    (init,) = cat.initiatives
    assert init.name == "Café des aidants" and init.place.startswith("Douarnenez")
    assert "Voisins Veilleurs" in (init.organiser or "") and init.figure == "340 personnes"


@pytest.mark.parametrize(
    ("sentence", "place", "organiser"),
    [("Lancé par le CCAS du Havre en 2020, le réseau « Bonjour Voisin » relie 260 seniors à des bénévoles "
      "de leur quartier pour des visites.", None, "le CCAS du Havre"),
     ("À la Ville-Gozet, l’association Ondes Bourbonnaises a lancé « Les Voix du Canal » : 87 témoignages "
      "ont déjà été enregistrés et diffusés sous forme de podcast.", "Ville-Gozet", "l’association Ondes Bourbonnaises"),
     ("In the Pont-du-Las district of Toulon, « Les Cours Fraîches », run by Les Jardins du Pont, turned "
      "9 school playgrounds into shaded gardens for the children and their parents.", "Toulon", "Les Jardins du Pont"),
     # The organisation as the subject that presents it, its name joined by small words.
     ("L'association Vivre en Haute-Lande y présentera « La Halte », le café associatif qu'elle a ouvert "
      "à Sabres : 120 adhérent·es.", "Sabres", "L'association Vivre en Haute-Lande"),
     ("Installée dans une ancienne usine, la SCIC La Forge d’Arve y fera découvrir « Cap Jeunes », son "
      "programme d'accueil de jeunes : 30 jeunes accueillis.", None, "la SCIC La Forge d’Arve"),
     # Who moderates the session that shows it is no organiser of the initiative.
     ("Dans l’atelier animé par Paul Garnier, chargé de mission, l’association Passerelles 46 a présenté "
      "« Les Cafés du lundi ».", None, "l’association Passerelles 46")],
)  # fmt: skip
def test_who_runs_a_prose_initiative_and_where(sentence: str, place: str | None, organiser: str) -> None:
    cat = _parse("Lettre du réseau – Forum des solidarités\n\n" + sentence + "\n")
    (init,) = cat.initiatives
    assert init.organiser == organiser
    assert place is None or init.place == place


@pytest.mark.parametrize(
    ("after", "place"),
    [(" (Épernay), qui emploie 22 salarié·es", "Épernay"),
     (" (Vierzon, Cher) : 310 jeunes accompagnés", "Vierzon, Cher"),
     (" (Thionville, 85 apprenant·es en 2025)", "Thionville"),
     (" de Bourg-Saint-Maurice, gérée par l'association Saison+", "Bourg-Saint-Maurice"),
     # Not a town: an organisation, a person, an acronym, a description in brackets.
     (" de l'association Habitat et Partage", None), (" de Mme Dupont", None), (" (CCAS)", None),
     (" (quartier Monplaisir)", None)],
)
def test_the_town_written_right_after_an_initiative_name(after: str, place: str | None) -> None:
    cat = _parse("Journée des solidarités\n\nPar exemple :\n- « Le Relais Solidaire »" + after + "\n")
    (init,) = cat.initiatives
    assert (init.name, init.place) == ("Le Relais Solidaire", place)


def test_the_event_place_given_once_in_the_head_after_its_date() -> None:
    cat = _parse(
        "LA LETTRE DES SOLIDARITÉS\nN° 3 – Décembre 2025\n\n"
        "Forum régional – mardi 18 novembre 2025 – Saint-Brieuc (Côtes-d’Armor), Palais des congrès\n\n"
        "Le forum a réuni 200 personnes autour de la table ronde « Manger local ».\n"
    )
    assert cat.events[0].place == "Saint-Brieuc (Côtes-d’Armor), Palais des congrès"
    assert cat.events[0].date == "2025-11-18"
    # A time after the date is no place.
    cat = _parse("Comité de pilotage\n\nMardi 7 octobre 2025 – de 09:15 à 12:30\n\n9h15 Ouverture\n")
    assert cat.events[0].place is None


def test_people_named_in_running_text() -> None:
    cat = _parse(
        "Lettre du forum\nForum régional – mardi 23 septembre 2025 – Le Havre\n\n"
        "Ouvert par M. Denis Lemaréchal, vice-président de la Région Normandie, le forum a réuni 200 personnes.\n"
        "Enfin, Thierry Osmont, directeur de l’Union départementale des associations familiales, a présenté "
        "« Toit et Moi ».\n"
        "La Maison des Familles, association du quartier, accueille 90 familles.\n"
    )
    got = {p.name: (p.role, p.affiliation) for p in cat.people}
    assert got["Denis Lemaréchal"] == ("vice-président", "Région Normandie")
    assert got["Thierry Osmont"] == ("directeur", "Union départementale des associations familiales")
    assert "La Maison des Familles" not in got and "Maison des Familles" not in got  # an organisation


def test_a_room_given_once_under_the_day_and_a_note_after_a_room() -> None:
    cat = _parse(
        "Comité de pilotage n° 4\n\n"
        "        MARDI 7 OCTOBRE 2025, DE 09:15 À 12:30\n"
        "        Hôtel du Département – 43 rue de la République, Amiens\n"
        "        Salle JULES-VERNE (2e étage)\n\n"
        "09:15  Accueil des participant·es\n"
        "09:45  Tableau de bord du déploiement\n"
        "11:00  Appel à projets 2026\n"
    )
    assert {s.room for s in cat.sessions} == {"Salle JULES-VERNE"}  # every item, without its note
    assert len(cat.sessions) == 3


def test_a_numbering_heading_labels_the_session_below_it() -> None:
    cat = _parse(
        "Cycle « Jeunes en santé »\n\n"
        "SÉANCE 1\nMardi 14/10/2025 – 14h à 16h30\n« Santé mentale des 15-25 ans »\n\n"
        "SÉANCE 2\nLe 18 nov. 2025, de 12 h 15 à 13 h 30\n« Écrans et sommeil »\n"
    )
    assert [(s.title.strip("«» "), s.kind, s.date, s.start) for s in cat.sessions] == [
        ("Santé mentale des 15-25 ans", "séance", "2025-10-14", "14:00"),
        ("Écrans et sommeil", "séance", "2025-11-18", "12:15")]


def test_a_person_after_their_function_in_prose() -> None:
    cat = _parse(
        "Lettre du forum\nForum – mardi 18 novembre 2025 – Saint-Brieuc\n\n"
        "« Nous avons distribué 1 800 paniers en 2024 », a expliqué sa présidente, Gwenaëlle LE BIHAN.\n"
    )
    assert {(p.name, p.role) for p in cat.people} == {("Gwenaëlle LE BIHAN", "présidente")}


def test_a_title_in_capitals_above_its_room() -> None:
    cat = _parse(
        "Journée des solidarités\n\nJeudi 4 juin 2026\n\n"
        "9h15 – 10h30\nSÉANCE PLÉNIÈRE D’OUVERTURE\nAUDITORIUM\n"
        "Présidence : Mme Odile Ferrand, présidente du réseau\n\n"
        "10h45 – 12h\nTABLE RONDE DES ÉLU·ES\nSALLE 3\nAvec : Paul Garnier, maire\n"
    )
    got = {s.title: (s.room, s.start, [p.role for p in s.people]) for s in cat.sessions}
    assert got == {"SÉANCE PLÉNIÈRE D’OUVERTURE": ("AUDITORIUM", "09:15", ["président"]),
                   "TABLE RONDE DES ÉLU·ES": ("SALLE 3", "10:45", ["intervenant"])}


def test_a_room_still_to_be_confirmed_is_unknown_and_no_session() -> None:
    cat = _parse(
        "Colloque de l’accueil\n\nVendredi 5 juin 2026\n\n9h – 10h30\nATELIERS EN PARALLÈLE\n\n"
        "  ▪ Atelier A – Se loger\n    SALLE 2\n    Animation : Paul Garnier, urbaniste\n\n"
        "  ▪ Atelier B – Se former\n    (salle à confirmer)\n    Animation : Lucie Roux, formatrice\n"
    )
    got = {s.title: (s.room, [p.role for p in s.people]) for s in cat.sessions}
    assert got == {"Se loger": ("SALLE 2", ["animateur"]), "Se former": (None, ["animateur"])}


@pytest.mark.parametrize(
    ("line", "people"),
    [("Avec : Lucie Roux, chargée de mission, Réseau Solidaire Grand Ouest",
      [("Lucie Roux", "chargée de mission", "Réseau Solidaire Grand Ouest")]),
     ("Avec : Paul Garnier, maire ; Lucie Roux, responsable, Maison Commune Nord",
      [("Paul Garnier", "maire", None), ("Lucie Roux", "responsable", "Maison Commune Nord")]),
     ("Avec : Paul Garnier, Lucie Roux et Jean Morel",
      [("Paul Garnier", "intervenant", None), ("Lucie Roux", "intervenant", None), ("Jean Morel", "intervenant", None)])],
)  # fmt: skip
def test_name_function_organisation_is_one_person(line: str, people: list) -> None:
    text = f"Rencontre\n\nJeudi 4 juin 2026\n9h – 10h\nAtelier A – Se loger\n{line}\n"
    cat = _parse(text)
    got = [(p.name, p.role, p.affiliation) for p in cat.people]
    assert got == people


def test_a_room_after_a_dash_and_parallel_sessions_as_bullets() -> None:
    cat = _parse(
        "Forum du bien vieillir\n\nJeudi 9 octobre 2025\n\n"
        "14h30 – 16h | Table ronde « Rester chez soi » – AUDITORIUM\n"
        "Modération : Léa Garnier, directrice du CCAS\n\n"
        "16h15 – 17h15 | Ateliers pratiques (au choix)\n"
        "• « Adapter son logement » – SALLE BOUGAINVILLE\n  Avec les conseillers de la Maison de l’habitat\n"
        "• « Tablette et appels vidéo » – SALLE DURAND\n\n"
        "17h30 | Goûter en musique – GRANDE SALLE\n"
    )
    got = {s.title: (s.room, s.start) for s in cat.sessions}
    assert got == {"Rester chez soi": ("AUDITORIUM", "14:30"), "Adapter son logement": ("SALLE BOUGAINVILLE", "16:15"),
                   "Tablette et appels vidéo": ("SALLE DURAND", "16:15"), "Goûter en musique": ("GRANDE SALLE", "17:30")}


def test_a_session_label_that_gives_only_when_takes_its_title_below_its_place() -> None:
    cat = _parse(
        "Cycle « Accès aux droits »\n\nPROGRAMME\n\n"
        "▪ Séance 1 — mardi 14/10/2025, de 9h à 12h\n"
        "Blois – Maison des associations, salle Loire\n"
        "« Mesurer le non-recours »\n"
        "Animation : Paul Garnier, sociologue\n\n"
        "▪ Séance 2 — jeudi 20 novembre, 14h-16h\nWebinaire\n« Croiser les fichiers »\n\n"
        "▪ Séance 3 — date à confirmer (mars 2026)\nChartres – lieu précisé ultérieurement\n« Santé et droits »\n"
    )
    got = {s.title: (s.date, s.start, s.end, s.room, s.mode) for s in cat.sessions}
    assert got == {
        "Mesurer le non-recours": ("2025-10-14", "09:00", "12:00", "Maison des associations, salle Loire", "in_person"),
        "Croiser les fichiers": ("2025-11-20", "14:00", "16:00", None, "online"),
        "Santé et droits": (None, None, None, None, "in_person"),
    }


def test_an_english_page_rooms_in_brackets_or_under_the_title_and_english_labels() -> None:
    # Invented programme in the layout of English pages of French events.
    cat = _parse(
        "Neighbourhood Days 2026\n\nProgramme\n\nTuesday 12 May 2026\n\n"
        "8:45 am – Welcome coffee (Hall d'accueil)\n\n"
        "9:15 am – 10:00 am – Opening (Salle des fêtes)\n\n"
        "10:15 am – 12:00 pm – Parallel workshops\n\n"
        "  Workshop 1 – \"Jardins de rue\" (Salle Colette)\n"
        "  How residents planted 40 street gardens in two years, and\n"
        "  what the city learnt.\n"
        "  Facilitator: Anne Roux, head of the parks team, City of Tours.\n"
        "  With: Paul Henry, resident.\n\n"
        "12:00 pm – 1:30 pm – Lunch break (buffet, Hall d'accueil)\n\n"
        "14:00 – 15:30        Round table: « Vivre ensemble »\n"
        "                     Maison des associations, salle Balzac\n"
        "                     Moderator: Ms Léa Simon, journalist\n\n"
        "16:00 – 17:00        Webinar: « Voisins solidaires »\n"
        "                     Online — the link is emailed after registration\n"
        "                     Speakers: Mr Marc Petit, coordinator, CCAS of Amboise\n"
    )
    got = {s.title: (s.room, s.start, s.mode) for s in cat.sessions}
    assert got["Welcome coffee"] == ("Hall d'accueil", "08:45", "in_person")
    assert got["Opening"] == ("Salle des fêtes", "09:15", "in_person")
    assert got["Jardins de rue"] == ("Salle Colette", "10:15", "in_person")
    assert got["Lunch break"] == ("Hall d'accueil", "12:00", "in_person")
    assert got["Vivre ensemble"][0] == "Maison des associations, salle Balzac"
    assert got["Webinar: « Voisins solidaires »"][2] == "online"
    assert len(cat.sessions) == 6  # the mode line under the webinar is no session of its own
    roles = {(p.name, s.title): r for s in cat.sessions for p, r in ((p, p.role) for p in s.people)}
    assert roles[("Anne Roux", "Jardins de rue")] == "animateur"
    assert roles[("Léa Simon", "Vivre ensemble")] == "animateur"
    assert roles[("Marc Petit", "Webinar: « Voisins solidaires »")] == "intervenant"


def test_a_programme_heading_is_not_a_session_and_a_decorated_day_dates_them() -> None:
    cat = _parse(
        "Les Rencontres de l'entraide\n\n"
        "📅 Jeudi 2 avril 2026, à partir de 14 h\n\n"
        "Programme\n\n"
        "14 h – Accueil des participant·es\n\n"
        "14 h 30 – Ouverture\n\n"
        "▶ Vendredi 3 avril\n\n"
        "10h-12h – Atelier « Voisins solidaires »\n"
        "Salle Pascal\n\n"
        "17 h 30 – Verre de l'amitié\n"
    )
    got = {s.title: (s.date, s.start, s.kind) for s in cat.sessions}
    assert set(got) == {"Accueil des participant·es", "Ouverture", "Voisins solidaires", "Verre de l'amitié"}
    assert got["Ouverture"][:2] == ("2026-04-02", "14:30")
    assert got["Voisins solidaires"][:2] == ("2026-04-03", "10:00")
    assert got["Verre de l'amitié"][2] == "pause"


def test_a_cycle_of_numbered_meetings_with_their_places_and_one_date_to_confirm() -> None:
    cat = _parse(
        "Cycle « Vivre après »\n\n"
        "Six rendez-vous d'octobre 2025 à mai 2026 : des séminaires en région et des webinaires.\n\n"
        "1 | jeudi 16/10/2025, de 9h à 12h\n"
        "Dijon – Espace solidarités Clemenceau, salle Rameau\n"
        "PRÉPARER LA SORTIE DÈS L'ENTRÉE\n"
        "Animation : Thibault Renaudin, délégué régional\n\n"
        "2 | le 18 nov. 2025, 12 h 15 – 13 h 30\n"
        "Webinaire (lien envoyé la veille)\n"
        "UN TOIT À LA SORTIE\n\n"
        "Réseau Horizons – Programme « Vivre après » – page 1/2\n\n"
        "« VIVRE APRÈS » – suite du programme\n\n"
        "6 | SÉANCE DE CLÔTURE – date à confirmer (mai 2026)\n"
        "Auxerre – lieu précisé ultérieurement\n"
        "QUELLE PLACE DANS LES POLITIQUES LOCALES ?\n"
    )
    got = {s.title: (s.date, s.start, s.end, s.room) for s in cat.sessions}
    assert got == {
        "PRÉPARER LA SORTIE DÈS L'ENTRÉE": ("2025-10-16", "09:00", "12:00", "Espace solidarités Clemenceau, salle Rameau"),
        "UN TOIT À LA SORTIE": ("2025-11-18", "12:15", "13:30", None),
        "QUELLE PLACE DANS LES POLITIQUES LOCALES ?": (None, None, None, None),
    }
    # In person in a room, a séance; online, a webinaire (whatever the intro's strongest word).
    assert [s.kind for s in cat.sessions][:2] == ["séance", "webinaire"]


def test_a_cycle_of_numbered_meetings_each_under_its_label_block() -> None:
    # "RENCONTRE n – TITLE" over "Date / Horaires / Lieu / Format" and role labels: one session
    # per meeting, titled by its heading; a date without its year follows the meeting before.
    cat = _parse(
        "Cycle « Vivre ensemble » 2025-2026\n\n"
        "**RENCONTRE 1 – LE LOGEMENT DES JEUNES**\n"
        "Date : mardi 18 novembre 2025\nHoraires : 14h00 – 16h00\n"
        "Lieu : Tulle, Maison des associations, salle Corrèze\n"
        "Intervenant·es :\n  – Dr Anne VIDAL, médecin, hôpital de Tulle\n"
        "Animation : Paul ROCHE\n\n"
        "**RENCONTRE 2 – LA MOBILITÉ**\n"
        "Date : jeudi 12 février\nHoraires : 9h30 – 12h00\n"
        "Format : webinaire (lien envoyé la veille)\n"
        "Intervenant·es :\n  – Pr Luc MARTY, géographe, université de Limoges\n"
    )
    got = [(s.title, s.date, s.start, s.room, s.mode) for s in cat.sessions]
    # "Tulle, Maison des associations, salle Corrèze": the town first, then the venue and its room.
    assert got == [("LE LOGEMENT DES JEUNES", "2025-11-18", "14:00", "Maison des associations, salle Corrèze", "in_person"),
                   ("LA MOBILITÉ", "2026-02-12", "09:30", None, "online")]
    roles = {(p.name, r.role) for s in cat.sessions for r in s.people for p in cat.people if p.id == r.person_id}
    assert roles == {("Anne VIDAL", "intervenant"), ("Paul ROCHE", "animateur"), ("Luc MARTY", "intervenant")}


def test_a_numbered_meta_line_over_theme_and_place_labels() -> None:
    # "Labo #n · date · time" over "Thème : …" (the title) and "Lieu : Town – Venue, room" (its
    # room, not the next session's); a label with a day of its own and no hour has no hour.
    cat = _parse(
        "Les labos du réseau 2026\n\n"
        "Labo #1 · 14.01.2026 · 9h30-12h30\n"
        "Thème : loger les travailleurs saisonniers\n"
        "Lieu : Annecy – Maison des associations, salle Semnoz\n"
        "Animatrice : Claire MOREL, chargée de mission\n\n"
        "Labo #2 · mercredi 11 mars (matin)\n"
        "Thème : l'accès aux soins en vallée\n"
        "Lieu : Thônes – Maison de santé, salle de réunion\n"
    )
    got = [(s.title, s.date, s.start, s.room) for s in cat.sessions]
    assert got == [("loger les travailleurs saisonniers", "2026-01-14", "09:30", "Maison des associations, salle Semnoz"),
                   ("l'accès aux soins en vallée", "2026-03-11", None, "Maison de santé, salle de réunion")]


def test_the_event_place_on_the_line_below_its_date() -> None:
    cat = _parse(
        "JOURNÉE RÉGIONALE\n« Agir ensemble »\nJeudi 27 novembre 2025\n"
        "Montpellier – Centre de conférences Saint-Roch\n\n"
        "9h30 – Ouverture\n10h – Atelier « Voisins »\n"
    )
    assert cat.events[0].place == "Montpellier – Centre de conférences Saint-Roch"


def test_a_person_s_function_wrapped_onto_the_next_line_keeps_its_organisation() -> None:
    cat = _parse(
        "Lettre du réseau – Forum des solidarités\n\n"
        "La table ronde a réuni plusieurs acteurs du territoire. Nolwenn TANGUY, directrice du\n"
        "CCAS de Quimperlé, a présenté l'épicerie solidaire de la ville et ses bénévoles.\n"
    )
    (person,) = cat.people
    assert (person.name, person.role, person.affiliation) == ("Nolwenn TANGUY", "directrice", "CCAS de Quimperlé")


def test_a_labelled_meeting_takes_the_hours_place_and_format_of_the_block_under_it() -> None:
    cat = _parse(
        "Ateliers-laboratoires « Lieux qui relient »\n\n"
        "Labo n°1 · jeudi 16 octobre 2025\n"
        "Thème : Ouvrir un café associatif\n"
        "Horaires : 14h – 17h\n"
        "Lieu : Labrit, café associatif « La Cabane », salle de l’étage\n"
        "Format : présentiel\n\n"
        "Labo n°2 · jeu. 15 janv. 2026\n"
        "Thème : Faire durer l’engagement\n"
        "Horaires : 18h00 – 19h30\n"
        "Format : en ligne (lien envoyé la veille)\n\n"
        "Labo n°3 (séance de clôture) · date à confirmer (juin 2026)\n"
        "Thème : Quel soutien public ?\n"
        "Horaires : 14h00 – 16h30\n"
        "Lieu : Mont-de-Marsan, Hôtel du Département, salle Chalosse\n"
    )
    got = [(s.title, s.date, s.start, s.end, s.room, s.mode) for s in cat.sessions]
    assert got == [
        ("Ouvrir un café associatif", "2025-10-16", "14:00", "17:00", "café associatif « La Cabane », salle de l’étage", "in_person"),
        ("Faire durer l’engagement", "2026-01-15", "18:00", "19:30", None, "online"),
        ("Quel soutien public ?", None, "14:00", "16:30", "Hôtel du Département, salle Chalosse", "in_person"),
    ]


def test_a_web_page_s_meetings_asked_when_and_where() -> None:
    cat = _parse(
        "Cycle de rencontres « Lieux communs » – saison 2026\n\n"
        "▌RENCONTRE 1 — PAMIERS\n"
        "« Un tiers-lieu, pour qui ? »\n"
        "Quand ? Vendredi 23 janvier 2026, 9h30 → 12h30 (accueil café dès 9h)\n"
        "Où ? Tiers-lieu Les Cordeliers, salle de la Verrière (12 rue des Cordeliers, Pamiers)\n"
        "Animation : Camille Roumat, coordinatrice\n\n"
        "▌RENCONTRE 2 — FOIX (clôture)\n"
        "« Quelle politique pour les tiers-lieux ? »\n"
        "Quand ? Date à confirmer (juin 2026), en matinée\n"
        "Où ? Hôtel du Département, salle de l'Assemblée (5-7 rue du Cap de la Ville, Foix)\n"
    )
    got = [(s.title, s.date, s.start, s.end, s.room) for s in cat.sessions]
    assert got == [
        ("Un tiers-lieu, pour qui ?", "2026-01-23", "09:30", "12:30", "Tiers-lieu Les Cordeliers, salle de la Verrière"),
        ("Quelle politique pour les tiers-lieux ?", None, None, None, "Hôtel du Département, salle de l'Assemblée"),
    ]


def test_a_one_line_event_with_its_date_time_place_and_title_in_fields() -> None:
    cat = _parse(
        "Mois de la fraternité 2026\nDu 16 novembre au 12 décembre 2026, partout dans le département\n\n"
        "— SEMAINE 1 · du 16 au 22 novembre —\n\n"
        "Lun. 16 nov. | 18h30 | Montauban – Hôtel du Département, salle de l’Assemblée | Soirée d’ouverture « Une promesse à tenir »\n"
        "Ouverture par Mme Hélène Castagné, vice-présidente du Conseil départemental, puis conférence\n"
        "du Pr Antoine Bessières, historien.\n\n"
        "Jeu. 19 nov. | 12h30-13h30 | En ligne | Webinaire « Ce que dit le droit » (I)\n"
        "Intervenante : Me Claire Dufau, avocate.\n\n"
        "Mer. 9 déc. | de 10h à 17h | Montauban – Halle de la Confluence | Village de la laïcité\n"
    )
    got = [(s.title, s.kind, s.date, s.start, s.end, s.room, s.mode) for s in cat.sessions]
    assert got[:2] == [
        ("Une promesse à tenir", "ouverture", "2026-11-16", "18:30", None, "Hôtel du Département, salle de l’Assemblée", "in_person"),
        ("Ce que dit le droit", "webinaire", "2026-11-19", "12:30", "13:30", None, "online"),
    ]
    assert got[2][0] == "Village de la laïcité" and got[2][3:6] == ("10:00", "17:00", "Halle de la Confluence")
    first = cat.sessions[0].id
    assert {p.name for p in cat.people if first in p.sessions} == {"Hélène Castagné", "Antoine Bessières"}


_SEMINAR = """Séminaire « Vivre en montagne »

Séance 1 – Jeudi 9 octobre 2025 – 14h00-17h00
Amphi Ventoux, bâtiment des Lettres
« LES ÉCOLES DE HAMEAU »
Intervenant·es : Julie Roux, assistante sociale, service social de la caisse
Drôme Nord ; Paul Girard, éleveur, président de l'association Entraide
Modération : Léa Martin

Séance 2 – 20.11.2025 – 9h30-12h30
Salle du Conseil, bâtiment des Sciences (séance également retransmise en visioconférence)
« TRANSMETTRE SA FERME »
Intervenant : Marc Petit, conseiller

Séance 3 (clôture) – date à confirmer (juin 2026) – 9h30-12h30
Amphi Ventoux, bâtiment des Lettres
« QUELLES POLITIQUES ? »
Table ronde avec : Anne Morel, vice-présidente du Département
Une séance de clôture qui met en débat les enseignements de l'année avec les financeurs et
les responsables professionnels.
"""


def test_a_room_line_between_a_meetings_heading_and_its_title_is_its_room() -> None:
    sessions = _parse(_SEMINAR).sessions
    assert [s.room for s in sessions] == ["Amphi Ventoux, bâtiment des Lettres", "Salle du Conseil, bâtiment des Sciences",
                                          "Amphi Ventoux, bâtiment des Lettres"]
    assert [s.title.strip("« »") for s in sessions] == ["LES ÉCOLES DE HAMEAU", "TRANSMETTRE SA FERME", "QUELLES POLITIQUES ?"]


def test_a_meeting_heading_with_its_date_to_be_confirmed_keeps_its_hours_and_no_date() -> None:
    last = _parse(_SEMINAR).sessions[-1]
    assert (last.date, last.start, last.end) == (None, "09:30", "12:30")


def test_a_role_list_wrapped_before_its_next_person_and_a_kind_before_its_role_label() -> None:
    cat = _parse(_SEMINAR)
    names = {p.name for p in cat.people}
    assert {"Julie Roux", "Paul Girard", "Anne Morel"} <= names
    assert role_line("Table ronde avec : Anne Morel") is not None and role_line("Nathalie : bonjour") is None


def test_a_numbered_agenda_item_opens_its_slot_at_its_time() -> None:
    cat = _parse("""Comité de pilotage n°2

Tuesday 10 February 2026

1. 9:45 am – Opening and approval of the minutes
   Chair: Anne Morel, deputy mayor

2. 10:30 – Progress report, work packages 1 to 3

3) 14h – Visite de terrain
""")
    assert [(s.title, s.start) for s in cat.sessions] == [
        ("Opening and approval of the minutes", "09:45"), ("Progress report, work packages 1 to 3", "10:30"),
        ("Visite de terrain", "14:00")]


def test_a_room_after_a_comma_on_a_slot_line_not_one_inside_brackets() -> None:
    cat = _parse("""Comité de suivi

Mardi 3 mars 2026
Salle Pasteur

9h15 – Café d'accueil, Salle des Pas-Perdus
9h45 – Point d'étape du plan local
12h30 – Déjeuner (buffet, Salle Pasteur)
""")
    assert [(s.title, s.room) for s in cat.sessions] == [
        ("Café d'accueil", "Salle des Pas-Perdus"), ("Point d'étape du plan local", "Salle Pasteur"),
        ("Déjeuner", "Salle Pasteur")]


def test_an_official_named_in_the_prose_of_two_events_takes_part_in_both() -> None:
    cat = _parse(
        "Quinzaine de la fraternité\n\nJeudi 4 juin 2026\n\n"
        "18h30 – 20h : Soirée d’ouverture\n"
        "Ouverture par Mme Lise Carrel, vice-présidente du Conseil départemental.\n\n"
        "Vendredi 5 juin 2026\n\n10h – 17h : Village des associations\n"
        "Stands, jeux et lectures pour tous les âges, en présence de Mme Lise Carrel, vice-présidente "
        "du Conseil départemental.\n"
    )
    titles = {s.id: s.title for s in cat.sessions}
    (lise,) = [p for p in cat.people if p.name == "Lise Carrel"]
    assert sorted(titles[s] for s in lise.sessions) == ["Soirée d’ouverture", "Village des associations"]
    assert lise.role == "vice-présidente"


def test_a_contact_whose_name_a_dash_sets_off_from_its_e_mail_and_phone() -> None:
    cat = _parse(
        "Journée de l’accueil\n\nJeudi 4 juin 2026\n9h – 10h\nAtelier A – Se loger\n\n"
        "Contact presse : Jeanne MARTIN – presse@exemple.fr – 01 23 45 67 89\n"
    )
    assert [(p.name, p.sessions) for p in cat.people] == [("Jeanne MARTIN", [])]


def test_what_an_initiatives_first_mention_lacks_comes_from_a_later_one() -> None:
    cat = _parse(
        "Journée santé mentale\n\nJeudi 27 novembre 2025\n\n"
        "10h30-12h | SALLE 2 | Atelier 4 – Isolement des aînés (plateforme « Allô Voisins Sud »)\n\n"
        "[Note : l’atelier s’appuiera sur le bilan de la plateforme « Allô Voisins Sud », portée par "
        "l’UDAF du Gard, qui a mis en relation 380 bénévoles et personnes âgées.]\n"
    )
    (init,) = [i for i in cat.initiatives if "Allô Voisins" in i.name]
    assert init.organiser == "l’UDAF du Gard"
    assert cat.initiatives[0].fields["organiser"].quote == "l’UDAF du Gard"


def test_agenda_cards_each_a_session_dated_by_its_stamp() -> None:
    # An agenda page's event cards: a date stamp without year, a category line, the title, label
    # lines; one blank line between cards. The page gives the year once.
    cat = _parse(
        "Agenda – Semaine du lien 2026\n\nLa Semaine du lien revient en novembre 2026.\n\n"
        "VEN 13 NOV\nCONFÉRENCE\nVieillir chez soi, vieillir ensemble\nHoraires : De 18h30 à 20h\n"
        "Lieu : Maison des associations, salle Lilas – Villebrune\nPublic : tout public\nTarif : gratuit\n\n"
        "SAM 14 NOV\nCINÉ-DÉBAT\n« Le palier » : projection suivie d’un débat\nHoraires : 20h\n"
        "Lieu : Cinéma Le Phare, salle 2 – Villebrune\nTarif : 5 €\nPublic : dès 12 ans\n\n"
        "MAR 17 NOV\nATELIER\nCuisiner ensemble\nHoraires : 14h00 - 17h00\n"
        "Lieu : Centre social du Parc, salle Olivier – Villebrune\nPublic : familles\nTarif : gratuit\n"
    )
    got = [(s.title, s.date, s.start, s.end) for s in cat.sessions]
    assert got == [("Vieillir chez soi, vieillir ensemble", "2026-11-13", "18:30", "20:00"),
                   ("« Le palier » : projection suivie d’un débat", "2026-11-14", "20:00", None),
                   ("Cuisiner ensemble", "2026-11-17", "14:00", "17:00")]


def test_an_e_mail_programme_its_workshops_under_a_captioned_slot_and_not_its_sending_date() -> None:
    cat = _parse(
        "De : Service des solidarités\nEnvoyé : mardi 10 février 2026 09:12\nObjet : Invitation\n\n"
        "Madame, Monsieur,\n\nNous vous invitons le jeudi 12 mars 2026 à la Maison des solidarités.\n\n"
        "PROGRAMME\n\n• 9h00 : Accueil café\n\nAteliers au choix (10h30 – 12h)\n\n"
        "▸ Atelier 1 – Se loger avec ses enfants (salle Balzac)\n    Animé par Cécile Marchand, responsable d’agence\n"
        "▸ Atelier 2 – Rompre l’isolement des parents\n    Animé par Marion Chevalier, référente familles\n"
    )
    got = [(s.title, s.date, s.start, s.end, s.room) for s in cat.sessions]
    assert got == [("Accueil café", "2026-03-12", "09:00", None, None),
                   ("Se loger avec ses enfants", "2026-03-12", "10:30", "12:00", "salle Balzac"),
                   ("Rompre l’isolement des parents", "2026-03-12", "10:30", "12:00", None)]


def test_people_named_in_a_sessions_running_text_are_its_people() -> None:
    # A speakers' line too long for a role line is read as prose; they still sit in that session.
    cat = _parse(
        "Forum des solidarités de Vernelles\n\nJeudi 15 octobre 2026\n\n"
        "9 h 30 – 10 h 30   Table ronde « La proximité, dernier rempart contre l’isolement ? » (auditorium)\n"
        "Avec Bruno Chaumet, sociologue, Université de Brescourt ; Sylvie Ramel, directrice adjointe de la "
        "Caf de Vaurel ; Karim Benard, président de la Fédération des centres sociaux de Vaurel.\n"
        "Animation : Claire Hamel, journaliste.\n"
    )
    (debate,) = [s for s in cat.sessions if s.title.startswith("La proximité")]
    assert {p.name for p in debate.people} == {"Claire Hamel", "Bruno Chaumet", "Sylvie Ramel", "Karim Benard"}
    assert {p.name: p.role for p in debate.people}["Claire Hamel"] == "animateur"


@pytest.mark.parametrize(("line", "start", "title"), [
    ("à partir de 14 h   Village des initiatives (hall)", "14:00", "Village des initiatives (hall)"),  # columns of spaces
    ("From 6.30 pm · Concert of the choir", "18:30", "Concert of the choir"),
    ("Dès 18h | Apéritif partagé", "18:00", "Apéritif partagé"),
])  # fmt: skip
def test_an_open_ended_time_before_its_title_after_any_column_separator(line: str, start: str, title: str) -> None:
    found = slot_line(line)
    assert found is not None and found[0].start == start and line[found[1]:].lstrip("· ") == title
    assert slot_line("Dès 9h, les portes sont ouvertes.") is None  # a sentence
