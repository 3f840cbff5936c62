"""Session rules of the genre, each on a few invented lines: kinds named by a label, a heading or
a qualifier; agenda cards; rooms after a venue; slots and captions. No model, no index."""

from __future__ import annotations

import hashlib

import pytest

from assistant.domain.models import Document
from ingest.programme import parse_programme
from ingest.programme.kinds import kind_from_meta, kind_of


def _parse(text: str, kind: str | None = None):
    doc = Document(doc_id="rule", title=text.splitlines()[0], text=text, source="rule.txt", kind=kind,
                   sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text))
    cat = parse_programme(doc)
    for r in cat.sessions:
        for name, span in r.fields.items():
            assert doc.text[span.start : span.end] == span.quote, (r.id, name)
    return cat


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Séance d’ouverture", "ouverture"), ("SÉANCE DE CLÔTURE", "clôture"), ("Séance plénière de clôture", "plénière"),
     ("Closing session and wrap-up", "clôture"), ("Ouverture de la séance et relevé de décisions", "ouverture"),
     ("Synthèse des ateliers et clôture", "clôture"), ("Restitution des ateliers", None),
     ("Atelier des habitants", "atelier"), ("Echanges en séance plénière", "plénière")],
)  # fmt: skip
def test_a_kind_word_that_is_a_complement_or_a_qualifier(title: str, kind: str | None) -> None:
    assert kind_of(title) == kind


def test_the_items_of_a_committee_s_agenda_are_its_seances() -> None:
    assert kind_from_meta("comité de pilotage") == "séance"
    assert kind_from_meta("forum") is None


def test_a_numbered_seance_held_online_is_a_webinar_and_a_cycle_meeting_s_heading_names_its_kind() -> None:
    cat = _parse(
        "Cycle « Bien vieillir » 2026\n\nSix rencontres de partage entre professionnels.\n\n"
        "▌RENCONTRE 1 — VILLEBRUNE\n« Vieillir chez soi »\nQuand ? Vendredi 23 janvier 2026, 9h30 → 12h30\n"
        "Où ? Maison des associations, salle Lilas\n\n"
        "▌RENCONTRE 2 — VILLEBRUNE (clôture)\n« Et après ? »\nQuand ? Vendredi 20 février 2026, 9h30 → 12h30\n"
        "Où ? Maison des associations, salle Lilas\n"
    )
    assert [(s.title, s.kind) for s in cat.sessions] == [("Vieillir chez soi", "séance"), ("Et après ?", "clôture")]
    cat = _parse(
        "Cycle « Droits » 2026\n\n▪ Séance 1 — mardi 14 octobre 2025, 18h-19h30\nEn visioconférence\n"
        "« Les droits des aidants »\nAvec : Léa Morel, juriste\n"
    )
    assert [(s.title, s.kind, s.mode) for s in cat.sessions] == [("Les droits des aidants", "webinaire", "online")]
