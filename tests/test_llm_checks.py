"""The span checks of the optional LLM rewrite (`answering.llm.unsupported` and `verify`), unit by unit.

Sentences of the kind a small real model writes (`tests/test_llm_real.py` runs one): each
invented figure, day, month or name is caught with its reason; supported paraphrases are kept.
"""

from __future__ import annotations

import pytest

from assistant.answering.llm import split_claims, unsupported, verify
from assistant.domain.models import Citation

QUOTE = (
    "Jeudi 6 mars, 14h00 - 15h30, salle Corneille 2 : table ronde « Habiter ensemble », "
    "animée par Claire Martin. 120 places ; inscription gratuite."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "La table ronde « Habiter ensemble » a lieu jeudi 6 mars à 14h en salle Corneille 2.",
        "Elle est animée par Claire Martin.",
        "L'inscription est gratuite et la table ronde compte 120 places.",
        "The round table takes place on Thursday 6 March at 14h in room Corneille 2.",
        "Elle commence à 14 heures, salle Corneille 2, et se termine à 15:30.",
        "La table ronde dispose de 120 places.",
    ],
)
def test_supported_sentences_are_kept(sentence):
    assert unsupported(sentence, [QUOTE]) is None


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("La table ronde commence à 16h en salle Corneille 2.", "figure"),
        ("Le budget de la table ronde est de 1000 euros.", "figure"),
        ("Trente personnes ont assisté à la table ronde.", "figure"),
        ("Une centaine de personnes assistent à la table ronde.", "figure"),
        ("The round table welcomes fifty people.", "figure"),
        ("La table ronde a lieu vendredi en salle Corneille.", "calendar"),
        ("La table ronde a lieu en avril en salle Corneille.", "calendar"),
        ("La table ronde est animée par Paul Durand.", "name"),
        ("La table ronde a lieu en salle Molière.", "name"),
        ("Un buffet convivial est servi aux participants après les échanges.", "terms"),
    ],
)
def test_invented_claims_are_caught_with_their_reason(sentence, reason):
    assert unsupported(sentence, [QUOTE]) == reason


def source(n: int, quote: str) -> Citation:
    return Citation(n=n, doc_id="doc", title="Programme", quote=quote, start=0, end=len(quote))


def test_verify_drops_uncited_and_unsupported_sentences_and_renumbers():
    sources = [source(1, "Accueil à 9h00 dans le hall."), source(2, QUOTE)]
    reply = (
        "La table ronde a lieu en salle Corneille 2 [2]. "
        "Elle réunit 300 personnes [2]. "
        "Elle est animée par Claire Martin [1]. "  # the wrong source: dropped
        "L'accueil se fait à 9h dans le hall."  # no marker: dropped, never attributed
    )
    kept, citations = verify(reply, sources)
    assert kept == "La table ronde a lieu en salle Corneille 2 [1]."
    assert [(c.n, c.quote) for c in citations] == [(1, QUOTE)]


def test_nothing_supported_is_none():
    assert verify("Le colloque réunit 300 personnes [1].", [source(1, QUOTE)]) is None


def test_markers_after_the_full_stop_stay_with_their_sentence():
    claims = split_claims("Elle est animée par Claire Martin. [1] Elle a lieu salle Corneille 2. [1]")
    assert [(c.text, c.cited) for c in claims] == [
        ("Elle est animée par Claire Martin.", (1,)),
        ("Elle a lieu salle Corneille 2.", (1,)),
    ]


@pytest.mark.parametrize(
    ("sentence", "evidence", "stated"),
    [
        ("30 personnes ont assisté à la séance.", "Séance d'ouverture, 14h00 - 15h30.", False),
        ("Le forum propose 6 ateliers.", "Forum, jeudi 6 mars : ateliers.", False),
        ("Le forum propose deux ateliers.", "Le forum propose 2 ateliers.", True),
        ("The forum offers 2 workshops.", "Le forum propose 2 ateliers.", True),
        ("Accueil à 9h.", "Accueil : 09h00.", True),
        ("Accueil à 9h.", "Accueil : 9 participants.", False),
        ("Rendez-vous salle 2 le 6 mars 2025 à Rouen.", "Rouen, 6 mars 2025, salle 2.", True),
    ],
)
def test_figures_match_as_times_and_as_counts_of_the_same_thing(sentence, evidence, stated):
    from assistant.answering.figures import unquoted_figure

    assert (unquoted_figure(sentence, evidence) is None) is stated


def test_a_reply_that_opens_with_a_marker_puts_markers_before_its_sentences():
    claims = split_claims("[1] Salle Corneille 2. [2] Elle est animée par Claire Martin.")
    assert [(c.text, c.cited) for c in claims] == [
        ("Salle Corneille 2.", (1,)),
        ("Elle est animée par Claire Martin.", (2,)),
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_worked_example_shown_to_the_model_passes_the_checks(language):
    import re

    from assistant.answering.llm import _EXAMPLES

    example, reply = _EXAMPLES[language]
    quotes = dict(re.findall(r"\[(\d)\] \(Programme\)\n(.*)", example))
    kept = verify(reply, [source(int(n), quote) for n, quote in quotes.items()])
    assert kept is not None and kept[0] == reply
