"""The asker's language, from how the question is written: the answer and a refusal speak it."""

import pytest

from assistant.language.text import detect_language


@pytest.mark.parametrize("question", [
    "What's Jeanne Martin's phone number?",           # English clitics, not a French elided "s"
    "How many seats are there for the ciné-débat at Cinéma Les Étoiles?",  # French names and borrowings
    "Who is Élise Durand?",
    "Where is the Salle des fêtes?",
    "Which room is the workshop in?",
])
def test_english_questions_naming_french_things(question):
    assert detect_language(question) == "en"


@pytest.mark.parametrize("question", [
    "Où ?",                                  # an accent on the sentence's first word still counts
    "À quelle heure ?",
    "Qu'est-ce qu'il y a à 14h ?",
    "C'est où l'atelier ?",
    "s'il vous plaît, où est l'accueil",
    "ça commence quand",
    "Où intervient Élodie Martin ?",
])
def test_french_questions(question):
    assert detect_language(question) == "fr"


def test_a_quoted_title_is_not_the_askers_language():
    assert detect_language("Where is “L'atelier de la Cité” held?") == "en"
