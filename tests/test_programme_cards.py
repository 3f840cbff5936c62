"""Web agenda cards whose fields sit behind pictograms, catalogues of training sheets, and titles
wrapped onto a second line (invented places and people). Each signal alone, through the real
parser, with every field's span checked against the text."""

from __future__ import annotations

from ingest.programme.leaflet import find_leaflets
from ingest.programme.lines import in_capitals, split_lines
from tests.programme_text import parse_text


def _rows(text: str, **kw) -> list[tuple]:
    return [(s.title, s.date, s.start, s.end, s.room, s.mode) for s in parse_text(text, **kw).sessions]


def test_a_pictogram_is_read_as_the_field_it_stands_for_and_kept_out_of_the_text() -> None:
    lines = split_lines("📅 Mardi 29 septembre\n🕘 9h30 – 11h30\n📍 Médiathèque, salle 2 – Vernelles\nSans image\n")
    assert [(ln.pictogram, ln.text) for ln in lines[:4]] == [
        ("dates", "Mardi 29 septembre"), ("times", "9h30 – 11h30"),
        ("place", "Médiathèque, salle 2 – Vernelles"), (None, "Sans image")]


def test_cards_with_a_category_a_title_and_pictogram_fields() -> None:
    text = (
        "Semaines du numérique à Vernelles – agenda 2026\n\n"
        "ATELIER\nPremiers pas sur la tablette\n📅 Mardi 29 septembre 2026\n🕘 9h30 – 11h30\n"
        "📍 Médiathèque des Tilleuls, salle d'animation – Vernelles\n👥 Grands débutants\n"
        "Allumer, toucher, faire défiler : un premier atelier pour celles et ceux qui n'ont jamais touché une tablette.\n\n"
        "CONFÉRENCE\nLes écrans et nos enfants\n📅 Samedi 3 octobre 2026\n🕘 10h\n"
        "📍 Centre social du Moulin, grande salle – Brescourt\n"
    )
    assert _rows(text) == [
        ("Premiers pas sur la tablette", "2026-09-29", "09:30", "11:30", "Médiathèque des Tilleuls, salle d'animation", "in_person"),
        ("Les écrans et nos enfants", "2026-10-03", "10:00", None, "Centre social du Moulin, grande salle", "in_person"),
    ]
    assert [s.kind for s in parse_text(text).sessions] == ["atelier", "conférence"]


def test_a_card_that_opens_on_its_date_has_its_title_right_under_it() -> None:
    text = (
        "Semaine de la santé mentale à Vernelles – agenda\n\n"
        "📅 Mardi 10 mars 2026 · 🕑 14h – 16h\nCafé-débat : parler de sa santé au travail\n"
        "📍 Maison des associations, salle Jaune – Vernelles\n\n"
        "📅 Jeudi 12 mars 2026 · 🕕 18h30\nCiné-rencontre « Les jours d'après »\n📍 Cinéma Le Palace – Brescourt\n"
    )
    got = _rows(text)
    assert [r[:4] for r in got] == [
        ("Café-débat : parler de sa santé au travail", "2026-03-10", "14:00", "16:00"),
        ("Ciné-rencontre « Les jours d'après »", "2026-03-12", "18:30", None),
    ]
    assert got[0][4] == "Maison des associations, salle Jaune"


def test_a_title_line_between_cards_opens_the_next_card() -> None:
    text = (
        "Quinzaine de l'égalité à Vernelles – programme\n\n"
        "Conférence : les femmes dans l'espace public\n📅 Lundi 2 mars 2026, de 18h à 20h\n"
        "📍 Médiathèque Louise-Michel, auditorium – Vernelles\n\n"
        "Atelier d'autodéfense verbale\n📅 Mercredi 4 mars 2026, 14h-17h\n"
        "📍 Centre social des Acacias, salle 3 – Brescourt\n"
    )
    assert _rows(text) == [
        ("les femmes dans l'espace public", "2026-03-02", "18:00", "20:00", "Médiathèque Louise-Michel, auditorium", "in_person"),
        ("Atelier d'autodéfense verbale", "2026-03-04", "14:00", "17:00", "Centre social des Acacias, salle 3", "in_person"),
    ]


def test_a_pictogram_day_over_timed_slots_is_a_timetable_not_a_card() -> None:
    text = (
        "Semaines de la santé mentale – Vernelles 2026\n\n"
        "📅 LUNDI 16 MARS\n⏰ 10h00 – 12h00 | Atelier « Prendre soin de soi »\n📍 Maison des familles, salle 2\n\n"
        "⏰ 14h30 – 16h00 | Café des aidants\n📍 Centre social du Moulin\n\n"
        "📅 MARDI 17 MARS\n⏰ 18h30 | Conférence « Santé mentale et logement »\n📍 Médiathèque, auditorium\n"
    )
    got = _rows(text, title="Semaines de la santé mentale – Vernelles 2026")
    assert [(t, d, a, b) for t, d, a, b, _, _ in got] == [
        ("Prendre soin de soi", "2026-03-16", "10:00", "12:00"),
        ("Café des aidants", "2026-03-16", "14:30", "16:00"),
        ("Santé mentale et logement", "2026-03-17", "18:30", None),
    ]


def test_a_note_after_a_card_s_hours_is_no_slot_title() -> None:
    card = "{t}\n📅 Lundi {d} octobre 2026\n🕘 9h30-12h30, chaque matin\n📍 Maison France Services – Vernelles\n\n"
    lines = split_lines(card.format(t="Démarches en ligne", d=5) + card.format(t="Impôts en ligne", d=12))
    assert [[ln.text for ln in c.values["times"]] for c in find_leaflets(lines)] == [["9h30-12h30, chaque matin"]] * 2


_SHEET = (
    "Réf. F-{n}\n{title}\n\nPublic :\nAgent·es des collectivités, bénévoles.\n\n"
    "Contenu :\nJour 1 – Le cadre : la loi, les acteurs, les instances de pilotage ; les moyens, les règles ; "
    "les budgets de fonctionnement et leur suivi au fil de l'année par les membres du conseil.\n"
    "Jour 2 – Les outils : débat mouvant, photolangage.\n\n"
    "Durée : 2 jours (12 heures)\nHoraires : de 9h30 à 17h\n\n"
    "Dates et lieux :\nSession 1 : le {day} 2026 – Vernelles, Maison des associations, salle Loire\n\n\n"
)


def test_each_sheet_of_a_catalogue_is_titled_by_its_own_title_line() -> None:
    text = "CATALOGUE DE FORMATIONS 2026\nRéseau des centres sociaux de Vernelles\n\n\n" + "".join(
        _SHEET.format(n=n, title=t, day=d) for n, t, d in
        [(1, "Animer un conseil citoyen", "5 février"), (2, "Égalité femmes-hommes : intégrer le genre", "12 mars")])
    got = _rows(text, title="Catalogue de formations 2026")
    assert [(t, d, a, b) for t, d, a, b, _, _ in got] == [
        ("Animer un conseil citoyen", "2026-02-05", "09:30", "17:00"),
        ("Égalité femmes-hommes : intégrer le genre", "2026-03-12", "09:30", "17:00"),
    ]


def test_a_lone_sheet_keeps_the_page_s_title() -> None:
    text = (
        "Fiche formation n° 7\n\nPRÉVENIR LE SURENDETTEMENT : REPÉRER ET ACCOMPAGNER\nLES MÉNAGES EN DIFFICULTÉ\n"
        "Une formation de deux jours\n\n"
        "Public :\nTravailleurs sociaux.\n\nDates :\nle 5 février 2026\n\nHoraires : 9h30 – 17h\n\n"
        "Lieu : Vernelles – Maison des solidarités, salle Vauban\n"
    )
    (s,) = parse_text(text, title="Prévenir le surendettement : repérer et accompagner les ménages en difficulté").sessions
    assert (s.title, s.date, s.start, s.room) == (
        "PRÉVENIR LE SURENDETTEMENT : REPÉRER ET ACCOMPAGNER LES MÉNAGES EN DIFFICULTÉ", "2026-02-05", "09:30", "Maison des solidarités, salle Vauban")


def test_a_title_wrapped_in_lower_case_goes_on_but_a_subtitle_does_not() -> None:
    text = (
        "Soutenir les aidants dans les lieux d'accueil\ndu jeune enfant\nAccueillir, écouter, orienter\n\n"
        "Public :\nProfessionnel·les.\n\nDates :\nle 12 mars 2026\n\nHoraires : de 9h à 17h\n"
    )
    (s,) = parse_text(text, title="Soutenir les aidants dans les lieux d'accueil du jeune enfant").sessions
    assert s.title == "Soutenir les aidants dans les lieux d'accueil du jeune enfant"


_REPORT = (
    "COMPTE RENDU DE RÉUNION\nComité de pilotage du contrat local de santé de Vernelles\n\n"
    "Date : mardi 3 février 2026\nHoraire : de 14h à 16h30\nLieu : Hôtel de ville, salle des Forges, Vernelles\n"
    "Présidence : M. Xavier Colin, adjoint au maire\n\n"
    "PRÉSENTS\n- M. Xavier Colin – Ville de Vernelles, adjoint\n- Mme Hélène Marc – ARS, déléguée territoriale\n\n"
    "ORDRE DU JOUR\n1. Ouverture et validation du compte rendu précédent\n2. Bilan 2025 des actions\n3. Questions diverses\n\n"
    "1. OUVERTURE ET VALIDATION DU COMPTE RENDU PRÉCÉDENT\n\nM. Xavier Colin a ouvert la séance à 14 h 05.\n\n"
    "2. BILAN 2025 DES ACTIONS\n\nMme Hélène Marc a présenté le bilan.\n"
)


def test_a_meeting_head_over_an_agenda_is_no_sheet_its_points_are_seances_opened_and_closed_at_its_hours() -> None:
    got = _rows(_REPORT, title="Comité de pilotage du contrat local de santé de Vernelles")
    assert [(t, d, a, b, r) for t, d, a, b, r, _ in got] == [
        ("Ouverture et validation du compte rendu précédent", "2026-02-03", "14:00", None, "salle des Forges"),
        ("Bilan 2025 des actions", "2026-02-03", None, None, "salle des Forges"),
        ("Questions diverses", "2026-02-03", None, "16:30", "salle des Forges"),
    ]


def test_a_place_field_ends_at_the_blank_line_under_it() -> None:
    lines = split_lines("Dates : 5 mars 2026\nHoraires : 9h – 12h\nLieu : Maison des familles, salle 2\n\nPRÉSENTS\n- Mme Hélène Marc\n")
    (sheet,) = find_leaflets(lines)
    assert [ln.text for ln in sheet.values["place"]] == ["Maison des familles, salle 2"]


def test_a_function_spaced_under_a_speaker_s_name_stays_with_it() -> None:
    lines = split_lines("Intervenant\n\nDUPRÉ Marc\n\ndirecteur du centre social de Vernelles\nPublic\n\nÉlus\n\n"
                        "Date\n\n5 mars 2026\n\nLieu\n\nVernelles, salle 2\n")
    (sheet,) = find_leaflets(lines)
    assert [ln.text for ln in sheet.values["people"]] == ["DUPRÉ Marc", "directeur du centre social de Vernelles"]


def test_one_run_of_pictograms_in_a_page_s_head_is_the_event_s_date_and_place_not_a_card() -> None:
    text = (
        "LES RENCONTRES DE L'INCLUSION\nHandicap et vie dans la cité\n\n"
        "📅 Jeudi 2 avril 2026, à partir de 14 h\n📍 Vernelles – Hôtel du Département, 24 rue du Port\n"
        "👥 Ouvert à toutes et tous\n\nPROGRAMME\n\n14h00 – Accueil des participant·es\n"
        "14h45 – 16h15 – Atelier « Travailler en milieu ordinaire » – Salle Pascal\n"
    )
    got = _rows(text, title="Les rencontres de l'inclusion")
    assert [(t, d, a) for t, d, a, _, _, _ in got] == [
        ("Accueil des participant·es", "2026-04-02", "14:00"),
        ("Travailler en milieu ordinaire", "2026-04-02", "14:45"),
    ]


def test_a_venue_and_its_room_on_one_place_line_are_one_meeting_room() -> None:
    from ingest.programme.agenda import meeting_room

    text = "Lieu : Hôtel de ville, salle des Forges, Vernelles\n"
    at = meeting_room(text, split_lines(text), set())
    assert at is not None and text[at[0]:at[1]] == "salle des Forges"
    two = "Le matin, salle Vauban\nL'après-midi, salle Jaune\n"
    assert meeting_room(two, split_lines(two), set()) is None  # two places on two lines: no one room


def test_sessions_held_side_by_side_with_no_kind_word_are_parallel_workshops() -> None:
    text = (
        "Forum des solidarités de Vernelles\n\nJEUDI 19 NOVEMBRE 2026\n\n"
        "9h – Accueil café\n"
        "9h30 – 11h : Moins de 25 ans, ne pas laisser la rue s'installer – Salle Canigó\n"
        "9h30 – 11h : Avec mon chien, nulle part où aller ? – Salle Têt\n"
        "11h15 – 12h30 : Zéro remise à la rue – Amphithéâtre\n"
    )
    assert [(s.start, s.kind) for s in parse_text(text).sessions] == [
        ("09:00", "pause"), ("09:30", "atelier"), ("09:30", "atelier"), ("11:15", "autre")]


def test_a_venue_over_its_street_address_under_the_date_is_the_event_s_place() -> None:
    text = (
        "Colloque régional « Avoir chaud chez soi » – 8 octobre 2026\n\nCOLLOQUE RÉGIONAL\n\n"
        "JEUDI 8 OCTOBRE 2026 · 8h30 – 17h\nCampus des Tanneurs, bâtiment B\n3 rue du Port – Vernelles (99)\n\n"
        "PROGRAMME\n\n8h30 – Accueil\n9h – Ouverture\n"
    )
    cat = parse_text(text)
    assert cat.events[0].place == "Campus des Tanneurs, bâtiment B\n3 rue du Port – Vernelles (99)"
    assert [s.title for s in cat.sessions] == ["Accueil", "Ouverture"]  # the address is no session


def test_minutes_report_each_point_under_its_heading_and_that_account_is_the_point_s_block() -> None:
    cat = parse_text(_REPORT, title="Comité de pilotage du contrat local de santé de Vernelles")
    opening, review, _ = cat.sessions
    assert opening.citation.quote.startswith("1. OUVERTURE ET VALIDATION DU COMPTE RENDU PRÉCÉDENT")
    assert review.citation.quote.startswith("2. BILAN 2025 DES ACTIONS") and "a présenté le bilan" in review.citation.quote
    marc = next(p for p in cat.people if p.name.endswith("Marc"))
    assert review.id in marc.sessions


def test_a_line_in_capitals_counts_its_letters_only() -> None:
    assert in_capitals("PROCHAINES RÉUNIONS") and in_capitals("SALLE 2") and in_capitals("A2", least=1)
    assert not in_capitals("Salle Vauban") and not in_capitals("2026") and not in_capitals("DU", least=3)
