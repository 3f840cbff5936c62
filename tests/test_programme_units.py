"""Small parts of the programme parser and the renderer, one spelling at a time."""

from __future__ import annotations

import pytest

from assistant.domain.models import Citation, Session
from assistant.domain.render import format_date, render_session
from evals.catalogue_score import score_catalogue, similarity
from ingest.programme.dates import day_header
from ingest.programme.rooms import room_line
from ingest.programme.times import slot_line


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [("14H00 - 15H30 :", "14:00", "15:30"), ("9h30 – 11h00", "09:30", "11:00"), ("9H00-10h30 :", "09:00", "10:30"),
     ("de 10h à 16h", "10:00", "16:00"), ("10h00 – 12h45 Travail en sous-groupes", "10:00", "12:45"),
     ("14:00-15:30 Plénière", "14:00", "15:30")],
)  # fmt: skip
def test_time_ranges(line: str, start: str, end: str) -> None:
    got = slot_line(line)
    assert got is not None and (got[0].start, got[0].end) == (start, end)


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [("9.30 am – 10 am", "09:30", "10:00"), ("10.30 am–10.45 am", "10:30", "10:45"),
     ("12 pm – 1.30 pm", "12:00", "13:30"), ("From 6.30 pm", "18:30", None), ("À partir de 19h", "19:00", None)],
)  # fmt: skip
def test_english_dotted_times_and_a_lone_open_ended_time_open_a_slot(line: str, start: str, end: str | None) -> None:
    got = slot_line(line)
    assert got is not None and (got[0].start, got[0].end) == (start, end)


def test_a_dotted_number_without_meridiem_is_no_time() -> None:
    # "20.11.2025" is a date, "Dès 9h, les portes…" a sentence.
    assert slot_line("20.11.2025 – Séance 2") is None
    assert slot_line("Dès 9h, les portes sont ouvertes.") is None


def test_a_sentence_with_a_time_is_not_a_slot() -> None:
    assert slot_line("Le comité se tiendra de 10h à 16h.") is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [("Mardi 04 mars 2025", "2025-03-04"), ("vendredi 1er juillet 2016", "2016-07-01"),
     ("jeudi 6 novembre", "--11-06"), ("MERCREDI 5 MARS 2025 :", "2025-03-05")],
)  # fmt: skip
def test_day_headers(line: str, iso: str) -> None:
    d = day_header(line)
    assert d is not None and d.iso() == iso


def test_dates_inside_sentences_are_not_headers() -> None:
    assert day_header("Le comité se réunira le vendredi 1er juillet 2016 à Paris.") is None


@pytest.mark.parametrize(
    "line", ["SALLE 1", "SALLE CORNEILLE 2", "PLATEAU RADIO", "Salle Vauban", "Amphi B", "Room 3"]
)
def test_room_labels(line: str) -> None:
    assert room_line(line, in_slot=True) == (0, len(line))


def test_upper_case_lines_are_rooms_only_inside_a_slot() -> None:
    assert room_line("CONTEXTE", in_slot=False) is None
    assert room_line("Salle : Amphithéâtre B", in_slot=False) == (8, 22)


def _session(**kw) -> Session:
    cit = Citation(doc_id="d", title="t", quote="q", start=0, end=1)
    return Session(id="d#s1", doc_id="d", citation=cit, **kw)


def test_render_session_fr_en_and_null_fields() -> None:
    s = _session(
        title="Démocratie alimentaire",
        kind="atelier",
        date="2025-03-04",
        start="17:45",
        end="19:15",
        room="SALLE CORNEILLE 2",
    )
    assert (
        render_session(s)
        == "Atelier « Démocratie alimentaire » — mardi 4 mars 2025, 17h45–19h15, Salle Corneille 2"
    )
    assert (
        render_session(s, "en")
        == "Workshop “Démocratie alimentaire” — Tuesday 4 March 2025, 17:45–19:15, Salle Corneille 2"
    )
    assert (
        render_session(_session(title="X", kind="labo", date="--11-06"))
        == "Labo « X » — 6 novembre"
    )


def test_format_date_partial_has_no_weekday() -> None:
    assert format_date("--11-06") == "6 novembre"
    assert format_date("2016-07-01") == "vendredi 1er juillet 2016"
    assert format_date("--07-01", "en") == "1 July"


def test_scorer_matches_fuzzily_and_counts_fields() -> None:
    assert similarity("L'observation partagée", "L’observation partagée (CoPil n°3 et 4)") == 1.0
    gold = {"sessions": [{"doc_id": "d", "title": "Atelier un", "date": "2025-01-01", "start": "09:00", "end": None, "room": None, "kind": "atelier"}],
            "people": [{"doc_id": "d", "name": "Ann Lee", "affiliation": "Ville de Caen"}], "initiatives": []}  # fmt: skip
    pred = {"sessions": [{"doc_id": "d", "title": "Atelier un", "date": "2025-01-01", "start": "09:30", "end": None, "room": None, "kind": "atelier"},
                         {"doc_id": "d", "title": "Autre chose"}],
            "people": [{"doc_id": "d", "name": "Ann Lee", "affiliation": "Caen"}], "initiatives": []}  # fmt: skip
    scores = score_catalogue(gold, pred)
    assert scores["sessions"].recall == 1.0 and scores["sessions"].precision == 0.5
    assert (
        scores["sessions"].field_accuracy["start"] == 0.0
        and scores["sessions"].field_accuracy["date"] == 1.0
    )
    assert scores["people"].field_accuracy["affiliation"] == 1.0


def test_scorer_counts_a_persons_appearances_where_the_gold_lists_them_per_session() -> None:
    sessions = [{"doc_id": "d", "id": "s1", "title": "Atelier un"}, {"doc_id": "d", "id": "s2", "title": "Atelier deux"},
                {"doc_id": "d", "id": "s3", "title": "Atelier trois"}]  # fmt: skip
    gold = {"sessions": [], "initiatives": [],
            "people": [{"doc_id": "d", "name": "Ann Lee", "role": None, "affiliation": None, "session": t}
                       for t in ("Atelier un", "Atelier deux", "Atelier trois")]}  # fmt: skip
    pred = {"sessions": sessions, "initiatives": [],
            "people": [{"doc_id": "d", "name": "Ann Lee", "role": None, "affiliation": None, "sessions": ["s1", "s3"]}]}  # fmt: skip
    people = score_catalogue(gold, pred)["people"]
    # Two of her three workshops found, each matched to its own gold row.
    assert (people.matched, people.predicted, people.missed) == (2, 2, ["Ann Lee"])
    # A gold listing each person once (the corpus') takes the record once.
    once = {**gold, "people": [{"doc_id": "d", "name": "Ann Lee", "role": None, "affiliation": None}]}
    assert score_catalogue(once, pred)["people"].precision == 1.0


@pytest.mark.parametrize("text", ["", "x", "Juste un texte.\n\nSans programme aucun."])
def test_documents_without_programme_give_no_records(text: str) -> None:
    from ingest.load import make_document
    from ingest.programme import parse_programme

    cat = parse_programme(make_document(doc_id="t", source="t.txt", text=text, meta={}))
    assert cat.sessions == [] and cat.people == [] and len(cat.events) == 1


def test_quoted_title_keeps_inner_quotes_of_another_kind_and_nested_guillemets() -> None:
    from ingest.programme.labels import quoted_title

    t = 'Séance 5 “Usagers : mettre le "dialogue civil" au service de tous ?” 15 mars 2012'
    q = quoted_title(t, 0)
    assert q is not None and t[q.title[0] : q.title[1]] == 'Usagers : mettre le "dialogue civil" au service de tous ?'
    t = "Atelier « Une santé, pour un « territoire en bonne santé » » SALLE 1"
    q = quoted_title(t, 0)
    assert q is not None and t[q.title[0] : q.title[1]] == "Une santé, pour un « territoire en bonne santé »"
    assert t[q.end :].strip() == "SALLE 1"


def test_an_initiative_is_searched_by_what_its_sentence_says_it_does() -> None:
    from assistant.domain.snapshot import CatalogueEntry
    from ingest.load import make_document
    from ingest.pipeline import document_items, told_about
    from ingest.programme import parse_programme

    text = ("Lettre du réseau\n\nUn premier paragraphe sur la journée.\n\n"
            "Le centre social du Val racontera l'aventure du « Bus des Possibles », un ancien car scolaire "
            "aménagé en café, qui s'arrête chaque mois dans 14 communes.\n\nAutre chose.\n")
    doc = make_document(doc_id="d", source="d.txt", text=text)
    cat = parse_programme(doc)
    (bus,) = cat.initiatives
    told = told_about(text, bus)
    assert told.startswith("Le centre social du Val racontera") and told.endswith("dans 14 communes.")
    (entry,) = [e for e in document_items(doc, cat)[1] if e.kind == "initiative"]
    assert entry.context == told and entry.searched == f"{entry.text}\n{told}"
    assert "car scolaire" not in entry.text  # shown as the record, searched with its sentence
    assert CatalogueEntry(id="x", kind="person", record_id="p", doc_id="d", text="Ann Lee", start=0, end=1).searched == "Ann Lee"
