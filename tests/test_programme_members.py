"""Composition lists of a steering committee or a partnership, on invented texts: each line opens
with an organisation and a colon, and everyone it lists sits for that organisation."""

from __future__ import annotations

import hashlib

from assistant.domain.models import Document
from ingest.programme import parse_programme


def _people(text: str) -> dict[str, tuple[str | None, str | None, list[str]]]:
    doc = Document(doc_id="mb", title=text.splitlines()[0], text=text, source="mb.txt",
                   sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text))
    cat = parse_programme(doc)
    for r in cat.people:
        for name, span in r.fields.items():
            assert doc.text[span.start : span.end] == span.quote, (r.id, name)
    return {p.name: (p.role, p.affiliation, p.sessions) for p in cat.people}


COMMITTEE = """Comité de pilotage du plan de lutte contre l'isolement – Bourgvalon

14h00 – Ouverture
Présidence : Mme Odette FRAISIER, vice-présidente

Composition du comité
– Département du Val-Sombre : Mme Odette FRAISIER ; M. Lucien BARRAL, chef de projet ;
  Mme Irène DELPHIN
– Préfecture du Val-Sombre : Mme Aude QUINTARD, sous-préfète chargée de mission
– CAF du Val-Sombre : M. Hugo TESSIER, directeur adjoint des
  politiques familiales
Union locale des centres sociaux : Nina PELLEGRIN, présidente
Excusée : Mme Rose VILLARD, Conseil régional
"""


def test_everyone_a_composition_line_lists_sits_for_its_organisation() -> None:
    found = _people(COMMITTEE)
    assert found["Lucien BARRAL"][:2] == ("chef de projet", "Département du Val-Sombre")
    assert found["Irène DELPHIN"][1] == "Département du Val-Sombre"  # listed with no function
    assert found["Aude QUINTARD"][:2] == ("sous-préfète chargée de mission", "Préfecture du Val-Sombre")
    assert found["Hugo TESSIER"][1] == "CAF du Val-Sombre"  # the function wraps onto the next line
    assert found["Nina PELLEGRIN"][:2] == ("présidente", "Union locale des centres sociaux")


def test_an_attendance_word_is_no_organisation() -> None:
    assert _people(COMMITTEE)["Rose VILLARD"][1] == "Conseil régional"


def test_the_list_adds_an_organisation_but_no_session() -> None:
    role, aff, sessions = _people(COMMITTEE)["Odette FRAISIER"]
    assert (role, aff) == ("vice-présidente", "Département du Val-Sombre")  # her function kept
    assert len(sessions) == 1  # the opening she chairs, not the list


def test_a_partnership_list_in_english_with_notes_in_brackets() -> None:
    text = """Steering group – Riverside Welcome project

PARTICIPANTS
- City of Eastmoor (lead partner): Jane Holloway, Tom Ashby (communication officer)
- University of Westvale (evaluation partner): Dr Priya Nandi, researcher in urban studies
- Joint Secretariat (observer): Liam Corrigan
"""
    found = _people(text)
    assert found["Jane Holloway"][1] == "City of Eastmoor"
    assert found["Tom Ashby"][:2] == ("communication officer", "City of Eastmoor")
    assert found["Priya Nandi"][:2] == ("researcher in urban studies", "University of Westvale")
    assert found["Liam Corrigan"][1] == "Joint Secretariat"


def test_a_heading_in_capitals_and_a_label_that_lists_no_one_are_no_composition_line() -> None:
    text = """Cycle de rencontres – Bourgvalon

HABITER ENSEMBLE : LOGER LES ANCIENS
Lieu : Maison des Associations
Atelier 2 : Jeunes Aidants
"""
    assert _people(text) == {}


MEETING = """Réunion du réseau des maisons de quartier – Valbourg

ORDRE DU JOUR
1.  14:00 – 15:00   Tour de table
2.  15:00 – 16:00   Le jardin des Aubépines : premier bilan
                    (Maëlle Tarrade, Maison de quartier du Pré-Fleuri)

PARTICIPANT·E·S (inscrit·e·s au 3 mai)

Présent·e·s :
- Maëlle Tarrade – Maison de quartier du Pré-Fleuri, coordination
- Gaspard Lerouge – Conseil départemental du Val-Brumeux, service vie sociale
- Mme Inès Ferrandi – Ville de Valbourg
- Octave Molinier, directeur, centre social des Sorbiers
- Lina Sabatier – Maison des jeunes de Cormelles (en visio)

Excusé·e·s :
- Rodolphe Aubreton – SDVA du Val-Brumeux (service départemental de la vie associative,
  de l'engagement et du bénévolat)
- Yvette Carrel – CAF du Val-Brumeux

Les maisons de quartier de Sorel et d'Amblève n'ont pas encore répondu.
"""


def test_an_attendance_list_names_each_person_and_whom_they_come_for() -> None:
    found = _people(MEETING)
    assert found["Gaspard Lerouge"] == (None, "Conseil départemental du Val-Brumeux", [])  # a team: no function
    assert found["Inès Ferrandi"][1] == "Ville de Valbourg"
    assert found["Octave Molinier"][:2] == ("directeur", "centre social des Sorbiers")
    assert found["Lina Sabatier"][1] == "Maison des jeunes de Cormelles"  # "(en visio)": how she attends
    assert found["Yvette Carrel"][1] == "CAF du Val-Brumeux"


def test_an_attendance_entry_wraps_onto_the_next_line() -> None:
    assert _people(MEETING)["Rodolphe Aubreton"][1].startswith("SDVA du Val-Brumeux")


def test_an_attendance_list_adds_no_session_and_no_one_from_a_sentence() -> None:
    found = _people(MEETING)
    assert not any("Sorel" in name or "Amblève" in name for name in found)
    assert len(found) == 7


def test_the_people_on_an_attendance_label_s_own_line() -> None:
    text = """Comité technique – Valbourg

Présents : Anne Quérel (CAF du Val-Brumeux), Paul Gastinel (Ville de Valbourg)
Excusés : Mme Odile Ferrat, Conseil régional
"""
    found = _people(text)
    assert found["Anne Quérel"][1] == "CAF du Val-Brumeux"
    assert found["Paul Gastinel"][1] == "Ville de Valbourg"
    assert found["Odile Ferrat"][1] == "Conseil régional"


def test_a_contact_block_names_each_contact_and_their_organisation() -> None:
    text = """Forum « Toits pour tous » – Valbourg

Contacts
Coordination du forum : Clémence Aubrac,
Collectif Toits du Val
c.aubrac@toitsduval.example
Presse : Jordan Vidalenc, Ville de Valbourg
06 00 00 00 00
Horaires : 9h-17h
"""
    found = _people(text)
    assert found["Clémence Aubrac"] == (None, "Collectif Toits du Val", [])
    assert found["Jordan Vidalenc"] == (None, "Ville de Valbourg", [])
    assert len(found) == 2
