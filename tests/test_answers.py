"""Answers as a user reads them: the right facts, every sentence cited, every quote exact, and a
plain refusal when the programme does not say. Real MiniLM, real embedded Chroma, in process.

Two corpora: the shipped one, and programmes of the same genre the code was not tuned on
(tests/fixtures/programmes), ingested into their own temp dir.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.domain.models import Answer, Turn
from tests.conftest import ingest_copy, loaded_assistant

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "programmes"


def assert_grounded(core, answer: Answer) -> None:
    """Every sentence ends with its [n] marks; every mark names a citation; every quote is exact."""
    assert answer.answered, answer.answer
    by_n = {c.n: c for c in answer.citations}
    sentences = [s for s in re.split(r"(?<=\])\.\s+", answer.answer.strip()) if s.strip()]
    for sentence in sentences:
        marks = {int(n) for n in re.findall(r"\[(\d+)\]", sentence)}
        assert marks, f"uncited sentence: {sentence!r}"
        assert marks <= set(by_n), (marks, set(by_n))
    for c in answer.citations:
        assert c.quote == core.index.documents[c.doc_id].text[c.start : c.end], c


def quoted(answer: Answer) -> str:
    return " ".join(c.quote for c in answer.citations)


# -- the shipped corpus -----------------------------------------------------------------------
def test_room_question_names_workshop_day_time_and_room(core):
    a = core.ask("Dans quelle salle a lieu l'atelier sur la santé mentale ?")
    assert_grounded(core, a)
    assert a.language == "fr" and a.intent == "session"
    # Rooms read in sentence case in the answer; the quote keeps the programme's capitals.
    for fact in ("santé mentale", "mercredi 5 mars 2025", "9h00", "10h30", "Salle Corneille 2"):
        assert fact in a.answer, (fact, a.answer)
    assert "SALLE CORNEILLE 2" in quoted(a)
    assert a.answer.count("[") <= 3, "one citation for the record, one for its day and slot"


def test_english_question_over_the_french_corpus_is_answered_in_english(core):
    a = core.ask("In which room is the workshop on mental health?")
    assert_grounded(core, a)
    assert a.language == "en"
    assert "Wednesday 5 March 2025" in a.answer and "Salle Corneille 2" in a.answer


def test_speaker_question_names_person_organisation_and_lab(core):
    a = core.ask("Qui intervient pour Emmaüs Connect ?")
    assert_grounded(core, a)
    assert a.intent == "people"
    assert "Jean Deydier" in a.answer and "Emmaüs Connect" in a.answer
    assert "Développer les nouvelles solidarités" in a.answer  # the lab he speaks in
    assert "Jean Deydier" in quoted(a)


@pytest.mark.xfail(reason="Known limit (README): Agrilocal's text says 'approvisionner les cantines', never "
                   "'alimentation'; neither BM25 nor e5-small ranks it among the food initiatives. Kept to "
                   "show when a better embedder or a genre thesaurus closes the gap.", strict=False)
def test_initiative_question_lists_named_initiatives_with_their_place(core):
    a = core.ask("Quels exemples d'initiatives sur l'alimentation ?")
    assert_grounded(core, a)
    assert a.intent == "initiative"
    assert "Agrilocal" in a.answer and "Drôme" in a.answer
    assert "Albi" in a.answer


def test_time_words_select_the_session_at_that_time(core):
    """'fin de journée' is nowhere in the text: the catalogue's start times decide."""
    a = core.ask("Mardi en fin de journée, un atelier sur la lutte contre la pauvreté et l'alimentation ?")
    assert_grounded(core, a)
    assert "17h45" in a.answer and "CORNEILLE 2" in a.answer.upper()


def test_time_listing_scoped_to_the_named_event_lists_every_session_then(core):
    """'au colloque de Rouen' scopes the listing to that event; it is not a topic to rank by."""
    a = core.ask("Quels ateliers ont lieu le mercredi matin au colloque de Rouen ?")
    assert_grounded(core, a)
    assert a.answer.count("mercredi 5 mars 2025, 9h00–10h30") >= 8, a.answer
    assert "Risques majeurs" in a.answer and "discriminations" in a.answer
    a = core.ask("What is on Wednesday morning at the conference?")
    assert_grounded(core, a)
    assert a.answer.count("Wednesday 5 March 2025, 9:00–10:30") >= 8, a.answer


@pytest.mark.parametrize(
    ("question", "language", "says"),
    [
        ("Combien coûtent les frais d'inscription au colloque de Rouen ?", "fr", "tarif"),
        ("Quel est le numéro de téléphone de Maud Gallay ?", "fr", "téléphone"),
        ("Quel temps fera-t-il à Rouen le 5 mars 2025 ?", "fr", "météo"),
        ("Où se garer près du lieu du colloque ?", "fr", "stationnement"),
        ("Combien de participants sont attendus au colloque de Rouen ?", "fr", "nombre de participants"),
        ("Who won the 2018 football World Cup?", "en", "could not find"),
        ("Donne-moi la recette de la tarte tatin.", "fr", "aucune recette"),
    ],
)
def test_out_of_scope_is_refused_in_the_question_language_with_suggestions(core, question, language, says):
    a = core.ask(question)
    assert a.answered is False, a.answer
    assert a.language == language and says in a.answer
    assert a.citations == [] and "[" not in a.answer
    assert a.suggestions, "the nearest passages are offered"


@pytest.mark.parametrize("follow_up", ["et le lendemain matin ?", "et le lendemain ?"])
def test_follow_up_next_day_resolves_against_the_previous_turn(core, follow_up):
    first = "Quels ateliers ont lieu le mardi après-midi au colloque de Rouen ?"
    a = core.ask(follow_up, history=[Turn(role="user", content=first)])
    assert_grounded(core, a)
    assert a.answer.count("mercredi 5 mars 2025") >= 2, a.answer  # the sessions of the next day
    assert "mardi" not in a.answer and "9h00" in a.answer


@pytest.mark.parametrize(
    ("follow_up", "day"),
    [("et le lendemain matin, qu'y a-t-il dans cette même salle ?", "mercredi 5 mars 2025"),
     ("what happens in the same room the next day?", "Wednesday 5 March 2025")],
)
def test_follow_up_same_room_next_day_uses_the_previous_session(core, follow_up, day):
    """The previous question named no day: its session's day and room anchor the follow-up."""
    first = "Où a lieu l'atelier sur le vieillissement et les solidarités entre générations ?"
    a = core.ask(follow_up, history=[Turn(role="user", content=first)])
    assert_grounded(core, a)
    assert day in a.answer and "Salle Corneille 2" in a.answer and "santé mentale" in a.answer


def test_follow_up_who_runs_it_names_the_session_people(core):
    first = "Quel labo porte sur le développement local ?"
    a = core.ask("who runs it?", history=[Turn(role="user", content=first)])
    assert_grounded(core, a)
    assert a.language == "en" and a.intent == "people"
    assert "moderator" in a.answer


def test_an_abbreviated_title_does_not_cut_a_quoted_sentence(core):
    a = core.ask("Quel consultant d'Algoé est intervenu et sur quel thème ?")
    assert_grounded(core, a)
    assert "Philippe Archias" in a.answer and "croissance" in a.answer
    assert not any(c.quote.rstrip().endswith(", M.") for c in a.citations)


def test_agenda_request_in_chat_is_ranked_by_fit_and_cited(core):
    a = core.ask("Mercredi matin, je voudrais quelque chose sur l'information et les médias, une idée ?")
    assert_grounded(core, a)
    assert a.intent == "recommend"
    first = a.answer.split("].")[0]
    assert "désinformation" in first and "9h00" in first and "Salle 3" in first, a.answer


def test_agenda_request_on_a_foreign_subject_is_refused(core):
    a = core.ask("Je m'intéresse à l'astronomie et aux étoiles, quels ateliers choisir ?")
    assert a.answered is False and a.citations == [] and a.suggestions


# -- programmes the code was not tuned on -----------------------------------------------------
@pytest.fixture(scope="module")
def unseen(tmp_path_factory, embedder):
    settings = ingest_copy(FIXTURES, tmp_path_factory.mktemp("unseen"), embedder,
                           documents=len(list(FIXTURES.glob("*.txt"))))
    return loaded_assistant(settings, embedder)


def test_unseen_programme_room_question(unseen):
    a = unseen.ask("Dans quelle salle a lieu l'atelier sur le numérique et l'accès aux droits ?")
    assert_grounded(unseen, a)
    for fact in ("Numérique et accès aux droits", "jeudi 12 juin 2025", "9h30", "11h00", "Amphithéâtre B"):
        assert fact in a.answer, (fact, a.answer)


def test_unseen_programme_moderator_and_english_speakers(unseen):
    a = unseen.ask("Qui anime la table ronde sur les jeunes et l'engagement ?")
    assert_grounded(unseen, a)
    assert "Sophie Leroy" in a.answer
    a = unseen.ask("Who speaks about digital access to rights?")
    assert_grounded(unseen, a)
    assert "Claire Dubois" in a.answer and "Ahmed Benali" in a.answer


def test_unseen_programme_contact_phone_is_quoted_exactly(unseen):
    a = unseen.ask("Quel est le téléphone de Lucie Bernard ?")
    assert_grounded(unseen, a)
    assert "02 40 00 00 00" in quoted(a)


@pytest.mark.parametrize(
    "question",
    [
        "Combien coûte l'inscription aux journées régionales ?",
        "Où se garer près de la salle Vauban ?",
        "Qui est le maire de Lille ?",
        "Y a-t-il un atelier sur la cryptomonnaie ?",
    ],
)
def test_unseen_programme_refusals(unseen, question):
    a = unseen.ask(question)
    assert a.answered is False and a.citations == [], a.answer


def test_agenda_request_takes_the_event_its_subject_is_in_not_the_latest(core):
    # The corpus' latest event is the 2025 colloquium: the subject asked is a 2011-2012 séance's.
    a = core.ask("Je m'intéresse à la décentralisation, quelle séance me conseillez-vous ?")
    assert_grounded(core, a)
    assert a.intent == "recommend"
    assert "décentralisation" in a.answer.split("].")[1], a.answer
    assert all(r.doc_id == "seminaires-cohesion-sociale-par-ses-acteurs" for r in a.records)
