"""A cycle's season page: each séance a heading ("Séance 2 — Title") over its labelled fields
("Date :", "Horaire :", "Lieu :", "Format :", "Avec :" and a list of speakers), typed plainly or
in Markdown. Invented programmes only. No model, no index."""

from __future__ import annotations

import hashlib

from assistant.domain.models import Document
from ingest.programme import parse_programme

PLAIN = """Cycle « Vivre ensemble en vallée » – saison 2026-2027

Publié le 28 août 2026 · Mis à jour le 6 octobre 2026 · Temps de lecture : 4 min

Un mardi par mois, le collectif réunit habitants, élus et associations.

Les prochaines séances

Séance 2 — Habiter loin de tout : le logement des jeunes actifs

Date : mardi 13 octobre 2026
Horaire : 12h30 – 13h45
Format : webinaire (lien envoyé la veille)

Dans les villages, les jeunes qui trouvent un emploi peinent à se loger près de leur travail ; le foyer de Brévanne leur ouvre ses chambres.

Avec :
- Mme Odette Lavergne, directrice (foyer des jeunes travailleurs de Brévanne)
- M. Paul Castagnet, géographe (Université de Montclar)

Animation : Lina Forestier, chargée de mission

Séance 3 — Se soigner sans voiture : les transports vers la santé

Date : jeudi 19/11/2026
Horaire : 9h30-12h30, suivie d'un déjeuner partagé
Lieu : Montclar, Maison des services, salle des Tilleuls (4 rue Haute)

Intervenant·e·s :
- Mme Anaïs Roubaud, infirmière coordinatrice (centre de santé de Montclar)

Animation : Lina Forestier
"""


def _parse(text: str):
    doc = Document(doc_id="cards", title=text.splitlines()[0].strip("# "), text=text, source="cards.txt",
                   sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text))
    return parse_programme(doc)


def _markdown(text: str) -> str:
    """The same page as a website writes it: headings and bold labels."""
    out = []
    for line in text.splitlines():
        if line.startswith("Séance "):
            line = "### " + line
        elif line.startswith("Cycle "):
            line = "# " + line
        elif line.startswith("Publié le"):
            line = f"*{line}*"
        elif line == "Les prochaines séances":
            line = "## " + line
        elif ":" in line and not line.startswith(("-", "Dans ", "*")):
            label, value = line.split(":", 1)
            line = f"**{label}:**{value}"
        out.append(line)
    return "\n".join(out) + "\n"


EXPECTED = [
    ("Habiter loin de tout : le logement des jeunes actifs", "2026-10-13", "12:30", "13:45", None, "online",
     "webinaire"),
    ("Se soigner sans voiture : les transports vers la santé", "2026-11-19", "09:30", "12:30",
     "Maison des services, salle des Tilleuls", "in_person", "séance"),
]


def _got(cat):
    return [(s.title, s.date, s.start, s.end, s.room, s.mode, s.kind) for s in cat.sessions]


def test_a_seance_heading_over_its_labels_is_one_session() -> None:
    # The page's byline ("Publié le … · Temps de lecture : 4 min") is no session, nor its date.
    cat = _parse(PLAIN)
    assert _got(cat) == EXPECTED
    # The speakers listed under "Avec :" after the description are that séance's.
    first = cat.sessions[0]
    assert {p.name for p in first.people} >= {"Odette Lavergne", "Paul Castagnet"}


def test_the_same_page_in_markdown_gives_the_same_sessions() -> None:
    page = _markdown(PLAIN)
    assert "### Séance 2 —" in page and "**Date :** mardi" in page
    assert _got(_parse(page)) == EXPECTED
