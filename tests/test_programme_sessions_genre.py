"""Sessions as the genre writes them in agendas, training sheets and newsletters: an agenda typed
as a fixed-width table, numbered agenda items. Invented programmes only. No model, no index."""

from __future__ import annotations

from tests.programme_text import parse_text


def _parse(text: str):
    return parse_text(text, doc_id="gen")


def test_a_training_sheet_s_days_give_their_own_titles_hours_and_modes() -> None:
    cat = _parse(
        "Institut régional des métiers du lien – Fiche n° 4\n\n"
        "ACCUEILLIR SANS JUGER\n\n"
        "► PUBLIC\n"
        "Agent·es d'accueil des mairies et des centres sociaux.\n\n"
        "► DATES ET HORAIRES\n"
        "Jour 1 – mardi 10 mars 2026, de 9h à 12h et de 13h30 à 17h : « Les mots de l'accueil »\n"
        "Jour 2 – mercredi 11 mars 2026, de 9h à 12h et de 13h30 à 17h : « Les situations tendues »\n"
        "Jour 3 – mardi 7 avril 2026, de 9h à 12h (classe virtuelle) : « Garder le lien »\n"
        "         puis de 14h à 16h, en présentiel : retour sur les situations vécues par le groupe\n\n"
        "► LIEU\n"
        "Vernonce – Maison des solidarités, 3 rue des Tanneurs, salle Colibri (rez-de-chaussée, accès par la cour)\n\n"
        "► FORMATRICE\n"
        "Mme Lucie Marchal, psychologue du travail\n"
    )
    got = [(s.title, s.date, s.start, s.end, s.mode, s.room) for s in cat.sessions]
    assert got == [
        ("Les mots de l'accueil", "2026-03-10", "09:00", "17:00", "in_person", "salle Colibri"),
        ("Les situations tendues", "2026-03-11", "09:00", "17:00", "in_person", "salle Colibri"),
        ("Garder le lien", "2026-04-07", "09:00", "12:00", "online", None),
        ("retour sur les situations vécues par le groupe", "2026-04-07", "14:00", "16:00", "in_person",
         "salle Colibri"),
    ]


def test_a_sheet_typed_as_a_form_gives_each_day_of_each_session() -> None:
    cat = _parse(
        "ÉCRIRE SIMPLEMENT AUX USAGER·ES\n"
        "Fiche formation B-3\n\n"
        "En bref\n"
        "Public visé ........... agent·es d'accueil, travailleur·euses sociaux\n"
        "Durée ................. 12 heures (deux journées)\n"
        "Horaires .............. 9h-12h / 13h-16h\n\n"
        "Calendrier et lieux\n"
        "Session 1 : les 2 et 3 avril 2026\n"
        "            Brissac – Maison des services, salle Tilleul\n"
        "Session 2 : les 14 et 15 mai 2026\n"
        "            Auberive – Centre social du Moulin, salle Garance\n\n"
        "Intervenante\n"
        "Mme Hélène Rivaud, formatrice en communication écrite\n"
    )
    got = [(s.date, s.start, s.end, s.room) for s in cat.sessions]
    assert got == [
        ("2026-04-02", "09:00", "16:00", "salle Tilleul"), ("2026-04-03", "09:00", "16:00", "salle Tilleul"),
        ("2026-05-14", "09:00", "16:00", "salle Garance"), ("2026-05-15", "09:00", "16:00", "salle Garance"),
    ]
    assert {s.title for s in cat.sessions} == {"ÉCRIRE SIMPLEMENT AUX USAGER·ES"}
    # The trainer of a formation held over four days is listed once, under the formation.
    trainer = next(p for p in cat.people if p.name == "Hélène Rivaud")
    assert len(trainer.sessions) == 1


def test_a_meeting_s_second_seance_on_its_date_line() -> None:
    cat = _parse(
        "Cycle « Places de village »\n\n"
        "RENCONTRE 2 — BELCASTEL\n"
        "« Les commerces ambulants »\n"
        "Quand ? Vendredi 6 mars 2026, à partir de 18h (débat), puis 20h : soupe partagée\n"
        "Où ? Salle des fêtes de Belcastel\n"
    )
    got = [(s.title, s.date, s.start) for s in cat.sessions]
    assert got == [("Les commerces ambulants", "2026-03-06", "18:00"), ("soupe partagée", "2026-03-06", "20:00")]


def test_a_month_s_week_headings_are_sections_and_events_under_a_day_are_sessions() -> None:
    cat = _parse(
        "Mois des solidarités du Val de Brenne\n\n"
        "— SEMAINE 1 · du 2 au 8 mars —\n\n"
        "Mer. 4 mars | 18h | Corvanne – Salle des fêtes | Soirée d'ouverture « Être voisins »\n"
        "Organisé par la commune de Corvanne.\n\n"
        "— SEMAINE 2 · du 30 mars au 5 avril —\n\n"
        "Samedi 4 avril\n"
        "Journée « La rue aux enfants »\n"
        "Brenneville – Parvis de la halle et rue du Marché, de 10h à 17h\n"
        "Jeux, ateliers et goûter partagé.\n\n"
        "Date à confirmer (semaine du 6 avril)\n"
        "Débat « Vivre ensemble au collège »\n"
        "Saint-Aubrac – Collège des Tilleuls, CDI, 14h-15h30\n"
        "Animé par Lise Moreau, médiatrice.\n"
    )
    got = [(s.title, s.date, s.start, s.end, s.room) for s in cat.sessions]
    assert got == [
        ("Être voisins", "--03-04", "18:00", None, "Salle des fêtes"),
        ("La rue aux enfants", "--04-04", "10:00", "17:00", "Parvis de la halle et rue du Marché"),
        ("Vivre ensemble au collège", None, "14:00", "15:30", "Collège des Tilleuls, CDI"),
    ]


def test_a_sentence_wrapped_onto_the_next_line_gives_no_session() -> None:
    # "…; Mme Lise Carrel," / "présidente du collectif": the list goes on in lower case; "… de
    # la Fondation du Val" / "Morin.": a word closes the sentence. Neither is a session's title.
    from tests.programme_text import parse_text

    cat = parse_text(
        "Forum de l'habitat de Sorlanges\n\n"
        "Mardi 9 mars 2027\n\n"
        "9 h 30 – 10 h 30\n"
        "Grande salle\n"
        "Ouverture du forum\n"
        "M. Jules Farnier, maire de\n"
        "Sorlanges ; Mme Lise Carrel,\n"
        "présidente du collectif\n"
        "10 h 45 – 12 h 15\n"
        "Salle des Tilleuls\n"
        "Se loger après la rue\n\n"
        "Un forum organisé par le collectif Toits Partagés et la Ville, avec le soutien de la Fondation du Val\n"
        "Morin.\n",
        doc_id="gen",
    )
    titles = [s.title for s in cat.sessions]
    assert "présidente du collectif" not in titles and "Se loger après la rue" in titles


def test_a_paragraph_of_prose_under_a_session_is_no_workshop() -> None:
    # Under a timed item and its room, a bulleted paragraph that wraps ("• À Lorvan, le dispositif
    # « X », porté par …" / "…") and a line of several sentences are running text, not titles.
    from tests.programme_text import parse_text

    cat = parse_text(
        "Journée des solidarités de Lorvan\n\n"
        "Jeudi 4 février 2027\n\n"
        "14h – 16h30\n"
        "Salle Capucine\n"
        "Vieillir dans son quartier\n"
        "Un échange ouvert aux habitants, aux bailleurs et aux associations du quartier des Aulnes.\n\n"
        "• À Lorvan, le dispositif « Voisin veilleur », porté par l'association Trait d'Union\n"
        "Lorvanais, met en relation des retraités et des voisins volontaires pour un appel par semaine.\n\n"
        "The meeting is open to all residents. Partners who cannot come may follow it online.\n"
    )
    assert [s.title for s in cat.sessions] == ["Vieillir dans son quartier"]
