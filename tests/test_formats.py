"""The same programme records from a two-column PDF leaflet (generated with reportlab) and from a
saved web page as from plain text, every field's span exact in the text the service serves."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.domain.models import Document
from ingest.load import load_corpus
from ingest.programme import parse_programme
from tests.format_fixtures import HTML_PAGE, write_leaflet


def _load(path: Path, tmp_path: Path) -> Document:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if path.parent != corpus:
        shutil.copy(path, corpus)
    loaded = load_corpus(corpus)
    assert not loaded.skipped and len(loaded.documents) == 1
    return loaded.documents[0]


def _exact(doc: Document, records) -> None:
    for r in records:
        assert doc.text[r.citation.start : r.citation.end] == r.citation.quote
        for name, span in r.fields.items():
            assert doc.text[span.start : span.end] == span.quote, (r.id, name)


def _by_title(sessions, words: str):
    found = [s for s in sessions if words in s.title]
    assert len(found) == 1, [s.title for s in sessions]
    return found[0]


def test_a_two_column_pdf_leaflet_reads_column_by_column(tmp_path):
    (tmp_path / "corpus").mkdir()
    write_leaflet(tmp_path / "corpus" / "forum-quartiers.pdf")
    loaded = load_corpus(tmp_path / "corpus")
    assert not loaded.skipped
    doc = loaded.documents[0]
    cat = parse_programme(doc)
    sessions = cat.sessions
    # The left column's day, then the right column's: each session under its own day.
    opening = _by_title(sessions, "les quartiers, lieux de solidarités")
    assert (opening.date, opening.start, opening.end, opening.room) == ("2026-05-19", "09:15", "10:30", "Salle Jean Moulin")
    assert {(p.name, p.role) for p in opening.people} == {("Nadia Belkacem", "intervenant"), ("Hugo Lemaire", "intervenant")}
    garden = _by_title(sessions, "Jardins partagés")
    assert (garden.date, garden.start, garden.room, garden.kind) == ("2026-05-19", "10:45", "Salle 101", "atelier")
    digital = _by_title(sessions, "Médiation numérique")
    assert (digital.date, digital.start, digital.end, digital.room) == ("2026-05-20", "09:30", "11:00", "Salle 102")
    online = _by_title(sessions, "Mobilité et emploi")
    assert (online.mode, online.room) == ("online", None)  # "· en visioconférence" is a mode, not a room
    welcome = _by_title(sessions, "Accueil")
    assert welcome.kind == "pause"  # a break of its own kind, not a workshop
    # The practical information is not a session; its "Lieu :" is the event's place.
    assert not any("Inscription" in s.title or "Lieu" in s.title for s in sessions)
    event = cat.events[0]
    assert event.place == "Maison de quartier de Bellevue, Brest"
    assert event.date == "2026-05-19" and event.date_end == "2026-05-20"
    ortiz = next(p for p in cat.people if p.name == "Samuel Ortiz")
    assert ortiz.affiliation == "Centre hospitalier de Brest"
    _exact(doc, [*sessions, *cat.people, *cat.events])


def test_a_saved_web_page_gives_the_table_rows_as_sessions(tmp_path):
    doc = _load(HTML_PAGE, tmp_path)
    # What a reader sees, not the page's furniture: no script, no menu, one line per table row.
    assert "dataLayer" not in doc.text and "Accueil\nAgenda" not in doc.text
    assert "11h00 – 12h30 | Salle Loire | Atelier 1 – Colocations solidaires" in doc.text
    cat = parse_programme(doc)
    coloc = _by_title(cat.sessions, "Colocations solidaires")
    assert (coloc.date, coloc.start, coloc.end, coloc.room, coloc.kind) == (
        "2026-03-12", "11:00", "12:30", "Salle Loire", "atelier")
    # Two speakers on two lines of one cell stay two people.
    assert [p.name for p in coloc.people] == ["Bastien Roy", "Inès Carvalho"]
    lunch = _by_title(cat.sessions, "Déjeuner")
    assert (lunch.kind, lunch.start, lunch.end) == ("pause", "12:30", "14:00")  # "12 h 30 – 14 h 00"
    round_table = _by_title(cat.sessions, "bailleurs face au vieillissement")
    assert (round_table.start, round_table.end) == ("14:00", "15:30")  # "14h – 15h30"
    witness = next(p for p in cat.people if p.name == "Alain Moreau")
    assert (witness.role, witness.affiliation) == ("grand témoin", "université d'Angers")
    assert not any("Partager" in s.title or "cookies" in s.title for s in cat.sessions)
    _exact(doc, [*cat.sessions, *cat.people, *cat.events])


def test_answers_from_a_pdf_and_a_web_page_cite_the_served_text(tmp_path, embedder):
    """Ingested as they come (a PDF leaflet and a saved page in the corpus folder), asked through
    the service: the answer names the room and time, and every citation is the served text at
    its offsets."""
    from assistant.service import Assistant
    from ingest.pipeline import ingest_corpus
    from tests.conftest import make_settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_leaflet(corpus / "forum-quartiers.pdf")
    shutil.copy(HTML_PAGE, corpus)
    settings = make_settings(tmp_path)
    summary = ingest_corpus(settings, embedder=embedder)
    assert not summary.skipped and summary.sessions >= 10
    core = Assistant(settings, embedder=embedder)
    assert core.load()
    for question, facts in (("Dans quelle salle a lieu l'atelier sur les jardins partagés ?", ("Salle 101", "10h45")),
                            ("Où a lieu l'atelier sur les colocations solidaires ?", ("Salle Loire", "11h00"))):
        a = core.ask(question)
        assert a.answered and all(f in a.answer for f in facts), a.answer
        for c in a.citations:
            assert core.document(c.doc_id).text[c.start : c.end] == c.quote
