"""Events told in prose, one paragraph each, as press releases, newsletters and invitations
announce them ("Mardi 3 mars, à 10 h, … la conférence « … »"). Invented programmes only. No model,
no index."""

from __future__ import annotations

from tests.programme_text import parse_text


def _parse(text: str):
    return parse_text(text, doc_id="gen")


RELEASE = (
    "COMMUNIQUÉ DE PRESSE\n\n"
    "Valmorin, le 2 février 2027\n\n"
    "QUINZAINE DE L'ENTRAIDE – « VOISINS, TOUT SIMPLEMENT »\n\n"
    "La communauté de communes du Val d'Orbe et ses partenaires proposent du 1er au 14 mars une\n"
    "quinzaine de rencontres ouvertes à toutes les générations, dans les bourgs du territoire.\n\n"
    "Lundi 1er mars, à 11 h, le lancement officiel de la quinzaine aura lieu à la mairie de\n"
    "Valmorin (salle des Tilleuls), en présence de Mme Agathe Rombaut, présidente de la\n"
    "communauté de communes. Les élèves du collège y liront leurs textes « Mon voisin et moi ».\n\n"
    "Le même jour, à 15 h 30, la bibliothèque de Sorvilly accueille la conférence « Vivre seul\n"
    "sans être isolé : ce que disent les enquêtes ». Entrée libre dans la limite des places.\n\n"
    "Le lendemain, de 9h30 à 12h, la maison des services de Brévannes propose un atelier\n"
    "« Mes démarches en ligne sans stress » : créer ses comptes, prendre un rendez-vous.\n\n"
    "Le soir, de 18h à 19h, les familles sont invitées à suivre depuis chez elles le webinaire\n"
    "« Garder le lien avec un parent éloigné », animé par M. Octave Lerouge, psychologue.\n\n"
    "Jeudi 4 mars, de 14 h à 16 h 30, la salle polyvalente de Sorvilly (salle Hortense) accueille\n"
    "la table ronde « Vieillir dans son village : quelles solutions ? », retransmise en direct\n"
    "sur le site de la communauté de communes.\n\n"
    "Samedi 6 mars, de 10h à 17h, le forum « Bien entourés » investit la halle de Brévannes,\n"
    "hall Garance : une trentaine de stands et des animations pour toute la famille.\n"
)


def test_a_day_over_its_timetable_is_no_paragraph_of_prose() -> None:
    cat = _parse(
        "Journée des aidants de Corbelin\n\n"
        "Mardi 9 juin 2026\n"
        "9h30   Accueil et mot de bienvenue de la présidente du centre social de la vallée\n"
        "10h    Table ronde « Aider sans s'épuiser » avec les associations du territoire\n"
        "14h    Ateliers pratiques et stands des partenaires de la journée\n"
    )
    got = [(s.date, s.start) for s in cat.sessions]
    assert got == [("2026-06-09", "09:30"), ("2026-06-09", "10:00"), ("2026-06-09", "14:00")]


def test_a_newsletter_s_masthead_dates_the_sessions_it_recounts() -> None:
    cat = _parse(
        "LA LETTRE DU RÉSEAU HABITAT PARTAGÉ\n"
        "N° 9 – Avril 2026\n\n"
        "Forum départemental – jeudi 12 mars 2026 – Bourg-Levant, Maison des sociétés\n\n"
        "RETOUR SUR LES ÉCHANGES\n\n"
        "La première table ronde de la matinée, « Partager un logement entre générations », animée\n"
        "par une journaliste de la radio locale, est partie d'un constat simple : les chambres libres\n"
        "ne manquent pas, les occasions de se rencontrer si.\n"
    )
    got = [(s.title, s.date) for s in cat.sessions]
    assert got == [("Partager un logement entre générations", "2026-03-12")]
