"""Sessions as the genre writes them in agendas, training sheets and newsletters: an agenda typed
as a fixed-width table, numbered agenda items. Invented programmes only. No model, no index."""

from __future__ import annotations

import hashlib

from assistant.domain.models import Document
from ingest.programme import parse_programme


def _parse(text: str):
    doc = Document(doc_id="gen", title=text.splitlines()[0], text=text, source="gen.txt",
                   sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text))
    return parse_programme(doc)


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
