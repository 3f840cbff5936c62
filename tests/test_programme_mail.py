"""Programmes sent as e-mails: a network meeting's agenda in a mail body, a convocation forwarded
with its headers, a numbered "ordre du jour" whose points are the sessions. Invented programmes
only. No model, no index."""

from __future__ import annotations

from ingest.programme import agenda, mail
from ingest.programme.lines import split_lines
from tests.programme_text import parse_text

FORWARDED = (
    "De : Odile Marchetti <o.marchetti@ville-brescourt.fr>\n"
    "Envoyé : mardi 3 février 2026 08:40\n"
    "À : Service jeunesse <jeunesse@ville-brescourt.fr>\n"
    "Objet : TR: Convocation – comité de pilotage du contrat enfance – jeudi 5 mars\n\n"
    "Bonjour,\n\n"
    "Pour info, c'est Samir qui ira.\n\n"
    "Odile\n\n"
    "---------- Message transféré ----------\n"
    "De : Yann Le Goff <y.legoff@agglo-vernelles.fr>\n"
    "Date : ven. 30 janv. 2026 à 16:05\n"
    "Subject: Convocation – comité de pilotage du contrat enfance – jeudi 5 mars\n"
    "To: copil-enfance@agglo-vernelles.fr\n\n"
    "Madame, Monsieur,\n\n"
    "Le comité de pilotage du contrat enfance se réunira le jeudi 5 mars 2026 de 14h à 16h30,\n"
    "salle Pervenche, maison de l'agglomération, 2 place du Marché, Vernelles.\n\n"
    "Ordre du jour :\n\n"
    "1. Accueil et introduction (14h00-14h15)\n"
    "   M. Loïc Bertrand, vice-président de l'agglomération\n\n"
    "2. Bilan des accueils de loisirs (14h15-14h50)\n"
    "   2.1 Fréquentation de l'été\n"
    "   2.2 Les tarifs au quotient\n\n"
    "3. Deux projets de quartier (14h50-15h40)\n"
    "   3.1 La ludothèque mobile (14h50-15h15)\n"
    "   3.2 Le potager des Tilleuls (15h15-15h40)\n\n"
    "   Pause (10 min)\n\n"
    "4. Calendrier de l'appel à projets (15h50-16h20)\n\n"
    "5. Questions diverses\n\n"
    "Prochaines réunions :\n"
    "   – comité technique : mardi 12/05 (à confirmer)\n\n"
    "Bien cordialement,\n\n"
    "Yann Le Goff\n"
)


def test_a_mail_s_headers_forward_line_and_quoted_reply_are_its_furniture() -> None:
    lines = split_lines(FORWARDED + "\nLe lun. 2 févr. 2026 à 10:12, Samir Hadji <s.hadji@ville-brescourt.fr> a écrit :\n"
                        "> Je peux y aller le 5.\n")
    got = {lines[i].text.split(" :")[0].split(":")[0] for i in mail.furniture(lines)}
    assert got == {"De", "Envoyé", "À", "Objet", "---------- Message transféré ----------", "Date", "Subject",
                   "To", "Le lun. 2 févr. 2026 à 10", "> Je peux y aller le 5."}


def test_a_leaflet_s_date_and_place_labels_are_no_mail_header() -> None:
    lines = split_lines("Journée des aidants\n\nDate : mardi 9 juin 2026\nObjet : rencontre des aidants\n")
    assert mail.furniture(lines) == set()


def test_a_forwarded_convocation_s_points_are_its_sessions_on_the_meeting_s_day() -> None:
    cat = parse_text(FORWARDED, doc_id="fwd")
    got = [(s.title, s.date, s.start, s.end, s.kind) for s in cat.sessions]
    assert got == [
        ("Accueil et introduction", "2026-03-05", "14:00", "14:15", "ouverture"),
        ("Bilan des accueils de loisirs", "2026-03-05", "14:15", "14:50", "séance"),
        ("La ludothèque mobile", "2026-03-05", "14:50", "15:15", "séance"),
        ("Le potager des Tilleuls", "2026-03-05", "15:15", "15:40", "séance"),
        ("Pause (10 min)", "2026-03-05", None, None, "pause"),
        ("Calendrier de l'appel à projets", "2026-03-05", "15:50", "16:20", "séance"),
        ("Questions diverses", "2026-03-05", None, None, "séance"),
    ]
    # The room the letter names once, above the agenda, holds every point.
    assert {s.room for s in cat.sessions} == {"salle Pervenche"}


def test_an_agenda_mailed_with_numbered_timed_points_and_one_point_without_hours() -> None:
    cat = parse_text(
        "De : Inès Morvan <i.morvan@mjc-kerlann.fr>\n"
        "À : reseau-animation@listes.kerlann.fr\n"
        "Objet : ODJ réunion du réseau – mardi 14 avril – Kerlann\n"
        "Date : jeu. 2 avr. 2026 à 09:30\n\n"
        "Bonjour à toutes et à tous,\n\n"
        "La prochaine réunion du réseau aura lieu le\n\n"
        "    mardi 14 avril 2026, de 9h30 à 12h30\n"
        "    à la MJC de Kerlann, 3 rue du Port\n"
        "    salle Goémon (rez-de-chaussée)\n\n"
        "ORDRE DU JOUR\n\n"
        "1.  09:30 – 09:45   Accueil et café\n\n"
        "2.  09:45 – 10:30   Le chantier jeunes de l'été : bilan et suites\n"
        "                    à donner avec les communes voisines\n\n"
        "3.  Questions diverses : calendrier, achats groupés\n\n"
        "    10:45 – 12:30   Visite de la recyclerie\n\n"
        "À bientôt,\nInès\n",
        doc_id="odj")
    got = [(s.date, s.start, s.end, s.kind) for s in cat.sessions]
    assert got == [("2026-04-14", "09:30", "09:45", "pause"), ("2026-04-14", "09:45", "10:30", "séance"),
                   ("2026-04-14", None, None, "séance"), ("2026-04-14", "10:45", "12:30", "visite")]
    assert [s.room for s in cat.sessions] == ["salle Goémon"] * 3 + [None]  # a visit goes out
    assert cat.sessions[1].title == "Le chantier jeunes de l'été : bilan et suites à donner avec les communes voisines"


def test_an_agenda_point_its_number_and_its_bracketed_hours() -> None:
    p = agenda.point("3.1 « La ludothèque » (14h50-15h15)")
    assert p is not None and (p.number, p.sub, p.hours and p.hours.start) == (3, 1, "14:50")
    assert agenda.point("Point 4 – Budget") is not None
    assert agenda.point("12 mars 2026 : réunion") is None
    assert agenda.point("4.1 Enveloppe (60 000 €), critères").hours is None
    assert agenda.is_break("Pause (10 min)") and not agenda.is_break("Pause méridienne et échanges sur les projets")


def test_a_letter_naming_two_rooms_gives_its_points_none() -> None:
    cat = parse_text(
        "Madame, Monsieur,\n\nLe comité se réunira le lundi 8 juin 2026, salle Ormeau ou salle Tilleul selon\n"
        "le nombre d'inscrits, maison des services, Vaubrecy.\n\nOrdre du jour :\n\n"
        "1. Bilan de l'année (10h00-10h45)\n2. Perspectives (10h45-11h30)\n", doc_id="two")
    assert [(s.start, s.room) for s in cat.sessions] == [("10:00", None), ("10:45", None)]


def test_the_room_named_once_above_the_agenda_holds_the_points_that_name_none() -> None:
    # One point is held elsewhere and says so; a visit goes out; an online point has no room.
    cat = parse_text(
        "Réunion du réseau des médiateurs – jeudi 12 mars 2026\n\n"
        "La réunion se tiendra de 9h à 12h30 à la maison de quartier des Tilleuls, "
        "4 rue Haute, Vernelles – salle Mistral.\n\n"
        "Ordre du jour\n\n"
        "9h00 – Accueil et tour de table\n\n"
        "9h30 – Atelier d'échanges de pratiques, salle Tramontane\n\n"
        "10h30 – Visite du jardin partagé des Tilleuls\n\n"
        "11h30 – Point sur le calendrier\n",
        doc_id="head-room",
    )
    got = {s.title: s.room for s in cat.sessions}
    assert got == {
        "Accueil et tour de table": "salle Mistral",
        "Atelier d'échanges de pratiques": "salle Tramontane",
        "Visite du jardin partagé des Tilleuls": None,
        "Point sur le calendrier": "salle Mistral",
    }
