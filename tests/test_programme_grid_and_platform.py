"""Two layouts of the genre, on invented pages: a programme written in Word and converted to
text, whose timetable is a grid table (pandoc's `+---+` borders, or box characters) with cells
wrapped over several lines and an update note above; and a colloquium's schedule pasted from its
event platform ("Type:", "Room:", "Speakers:", buttons and counters between the entries)."""

from __future__ import annotations

import pytest

from ingest.load import make_document
from ingest.programme import parse_programme
from ingest.programme.dates import day_header
from ingest.programme.labels import label_match

GRID = """RENCONTRES DU PAYS DE MORVELLE – 2e édition

Nous vous attendons le jeudi 4 juin 2026 à la salle polyvalente de Morvelle, 3 rue des Tilleuls.
Le tableau ci-dessous présente la journée ; chaque atelier est décrit plus bas.

JEUDI 4 JUIN 2026

+-----------+----------------------------------+------------------------------+------------+
| Horaire   | Séquence                         | Intervenant·es               | Salle      |
+===========+==================================+==============================+============+
| 9h00 –    | Accueil et café                  |                              | Hall       |
| 9h30      |                                  |                              |            |
+-----------+----------------------------------+------------------------------+------------+
| 9h30 –    | Table ronde : « Bien vieillir    | Animation : Odile Fermin     | Salle      |
| 11h00     | au village »                     | Paul Arvet (CCAS)            | Tilleul    |
+-----------+----------------------------------+------------------------------+------------+
| 11h00 –   | ATELIERS EN PARALLÈLE (au choix)                                             |
| 12h30     |                                                                              |
+-----------+----------------------------------+------------------------------+------------+
|           | Atelier 1 – Se déplacer sans     | Animation : Inès Garrel      | Salle      |
|           | voiture                          |                              | Chêne      |
+-----------+----------------------------------+------------------------------+------------+
|           | Atelier 2 – Les cafés des        | Animation : Léon Brasier     |            |
|           | aidant·es                        |                              |            |
+-----------+----------------------------------+------------------------------+------------+
| 12h30     | Déjeuner                                                                     |
+-----------+----------------------------------+------------------------------+------------+

LES ATELIERS EN DÉTAIL

Table ronde – « Bien vieillir au village »
Animée par Odile Fermin, journaliste.

Atelier 2 – Les cafés des aidant·es – salle à confirmer. Animé par Léon Brasier.

FICHES INITIATIVES

FICHE 1 – Roule ma poule
Commune : Morvelle
Structure porteuse : association Les Roues libres
Chiffre clé : 640 trajets en 2025
"""


def _box(page: str) -> str:
    """The same table drawn with box characters, as other converters draw it."""
    out = []
    for line in page.split("\n"):
        if line.startswith("+") and line.endswith("+"):
            line = "├" + line[1:-1].replace("-", "─").replace("=", "═").replace("+", "┼") + "┤"
        elif line.startswith("|"):
            line = line.replace("|", "│")
        out.append(line)
    return "\n".join(out)


def _parse(text: str, doc_id: str = "morvelle"):
    doc = make_document(doc_id=doc_id, source=f"{doc_id}.txt", text=text, meta={"title": "Rencontres du pays de Morvelle"})
    return doc, parse_programme(doc)


@pytest.mark.parametrize("page", [GRID, _box(GRID)], ids=["pandoc", "box"])
def test_a_grid_tables_rows_are_read_between_its_borders(page: str) -> None:
    doc, cat = _parse(page)
    by_title = {s.title: s for s in cat.sessions}
    welcome = by_title["Accueil et café"]
    # "9h00 –" over "9h30": the range a wrapped cell holds, its end quoted where it stands.
    assert (welcome.start, welcome.end, welcome.room) == ("09:00", "09:30", "Hall")
    end = welcome.fields["end"]
    assert doc.text[end.start:end.end] == "9h30"
    panel = next(s for s in cat.sessions if s.title.startswith("« Bien vieillir"))
    assert panel.title == "« Bien vieillir au village »" and panel.room == "Salle Tilleul"  # "Salle" / "Tilleul"
    assert panel.kind == "table ronde" and panel.date == "2026-06-04"
    # The workshops under the slot's caption row take its hours; the caption is no session.
    first = by_title["Se déplacer sans voiture"]
    assert (first.start, first.end, first.room, first.kind) == ("11:00", "12:30", "Salle Chêne", "atelier")
    second = by_title["Les cafés des aidant·es"]
    assert (second.start, second.room) == ("11:00", None)
    assert not any("PARALLÈLE" in s.title for s in cat.sessions)
    for s in cat.sessions:
        for span in s.fields.values():
            assert doc.text[span.start:span.end] == span.quote


def test_an_initiative_sheet_is_read_like_a_stand() -> None:
    _, cat = _parse(GRID)
    sheet = next(i for i in cat.initiatives if i.name == "Roule ma poule")
    assert sheet.place == "Morvelle" and "Les Roues libres" in (sheet.organiser or "")
    assert sheet.figure and sheet.figure.startswith("640 trajets")


def test_a_day_heading_keeps_a_note_in_brackets() -> None:
    assert day_header("VENDREDI 5 JUIN – MATINÉE DE VISITES (sur inscription, 20 places par visite)") is not None
    assert day_header("Vendredi 5 juin, les associations du quartier présentent leurs projets au public") is None


def test_a_kind_followed_by_a_sentence_is_no_label() -> None:
    assert label_match("Conférence introductive. Voisinage, associations, services publics : qu'est-ce qui fait encore lien ?") is None
    assert label_match("Atelier 3. Les cafés des aidants") is not None


PLATFORM = """Evento · Assises de Corbelin 2026
https://evento.example/corbelin/agenda

Assises de la solidarité de Corbelin — 12 & 13 mai 2026
Centre des congrès, Corbelin

[ Mar. 12 mai ]  ·  [ Mer. 13 mai ]

MARDI 12 MAI

09:00 – 09:30
Accueil & badges
Type: Pause
Room: Hall
＋ Add to My Schedule

09:30 – 10:30
Ce qui fait tenir un quartier
Type: Conférence
Room: Amphithéâtre Sud
🎥 Hybride · retransmis en direct
Speakers: Hugo Vernay
Conférence introductive. Voisins, associations et services publics : qu'est-ce qui fait encore lien quand tout se délite ?
143 participant·es · ＋ Add to My Schedule · Voir les détails

10:45 - 12:15 CET
Jardins partagés et lien social
Type: Atelier
Tags: Parcours 1 · Habiter
Room: Salle Érable
Speakers: Lina Ortal, Basile Crévan
Modération: Rose Jardel
64 participant·es · ＋ Add to My Schedule · Voir les détails

10:45 - 12:15 CET
Accès aux droits en ligne
Type: Webinaire
Format: En ligne · Lien envoyé aux inscrit·es
Speakers: Nora Veyrat
"""


def test_an_event_platforms_entries_are_one_item_each() -> None:
    doc, cat = _parse(PLATFORM, "corbelin")
    titles = [s.title for s in cat.sessions]
    assert titles == ["Accueil & badges", "Ce qui fait tenir un quartier", "Jardins partagés et lien social",
                      "Accès aux droits en ligne"]
    welcome, talk, garden, online = cat.sessions
    assert (welcome.kind, welcome.room, welcome.start, welcome.end) == ("pause", "Hall", "09:00", "09:30")
    assert (talk.kind, talk.room, talk.mode) == ("conférence", "Amphithéâtre Sud", "hybrid")
    assert (garden.kind, garden.room, garden.start, garden.end) == ("atelier", "Salle Érable", "10:45", "12:15")
    assert {p.name for p in garden.people} == {"Lina Ortal", "Basile Crévan", "Rose Jardel"}
    assert (online.kind, online.mode, online.room) == ("webinaire", "online", None)
    for s in cat.sessions:
        assert all(w not in s.title for w in ("Add to", "participant", "Tags"))
        for span in s.fields.values():
            assert doc.text[span.start:span.end] == span.quote


def test_a_kind_heading_after_the_hours_is_no_room() -> None:
    """"14:00 – 15:30  TABLE RONDE" over its title: the item's kind in capitals, not its room;
    "9h > 9h45 …… OUVERTURE – GRAND THÉÂTRE": the place is the part after the dash."""
    page = ("Journée de Morvelle\n\nJeudi 4 juin 2026\n\n"
            "9h > 9h45 ............. OUVERTURE – GRAND THÉÂTRE\nMot d'accueil de la maire\n\n"
            "14:00 – 15:30  TABLE RONDE\nJeunes et institutions : la confiance, ça se construit\n\n"
            "15 h 45 – 17 h 30  VISITE DE TERRAIN\nDécouverte du jardin des Tilleuls\n")
    _, cat = _parse(page)
    rooms = {s.title: s.room for s in cat.sessions}
    assert rooms["Jeunes et institutions : la confiance, ça se construit"] is None
    assert rooms["Découverte du jardin des Tilleuls"] is None
    assert "GRAND THÉÂTRE" in rooms.values()
