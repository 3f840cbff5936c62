"""A figure asked for ("combien de bénévoles") against a count of records, and the sentence
quoted around a value when a programme wraps its lines."""

from __future__ import annotations

import pytest

from assistant.answering.asking import attributes_asked, value_given, values_asked
from assistant.answering.figures import quantities
from assistant.answering.sentences import holds_value, paragraph_end
from assistant.language.sentences import sentence_around


@pytest.mark.parametrize(
    ("question", "values"),
    [("Bonjour Voisin, ça représente combien de bénévoles ?", ("figure",)),
     ("How many families does the grocery help?", ("figure",)),
     ("Combien d'ateliers en parallèle l'après-midi ?", ()),
     ("How many workshops are there on Friday?", ()),
     ("Combien de temps dure la formation ?", ("duration",)),
     ("Combien de personnes sont venues à la séance ?", ("attendance",)),
     # What the room holds is no head count: "60 places" does not say how many came.
     ("Combien de places pour la projection ?", ("capacity",)),
     ("How many people came last year?", ("attendance",)),
     ("How many seats are there?", ("capacity",)),
     # "How many of the … sessions": the records are counted, "of" counts nothing.
     ("How many of the cycle's sessions are held in town?", ())],
)  # fmt: skip
def test_a_figure_is_not_a_count_of_records(question: str, values: tuple[str, ...]) -> None:
    assert values_asked(question, attributes_asked(question)) == values


def test_the_sentence_around_a_value_crosses_a_wrapped_line_only() -> None:
    text = ("Zoom sur le garage\n"
            "Le garage solidaire, installé à Saint-Pol, a remis en\n"
            "état 412 véhicules depuis 2021. Il emploie six salariés.\n"
            "Tarif : 30 €\n"
            "Lieu : salle des fêtes\n")
    at = text.index("412")
    a, b = sentence_around(text, at, at + 3)
    assert text[a:b] == "Le garage solidaire, installé à Saint-Pol, a remis en\nétat 412 véhicules depuis 2021."
    at = text.index("30 €")
    a, b = sentence_around(text, at, at + 4)
    assert text[a:b] == "Tarif : 30 €"  # a label line is a sentence of its own


@pytest.mark.parametrize(("question", "values"), [
    ("Combien de trajets le taxi solidaire a-t-il faits en 2024 ?", ("figure",)),
    ("How many villages does the rights bus serve?", ("figure",)),
    ("Y a-t-il une navette depuis la gare ?", ("transport",)),
])  # fmt: skip
def test_a_count_of_the_subject_is_a_figure_not_a_practical_value(question: str, values: tuple) -> None:
    assert values_asked(question, attributes_asked(question)) == values


def test_a_line_ending_with_a_word_no_sentence_ends_with_goes_on_below() -> None:
    text = ("Simultaneous interpretation into English is available in the Salle du\n"
            "Conseil municipal only. Sign language is provided for all plenaries.\n"
            "Atelier 2\n"
            "Salle Pasteur\n")
    a, b = sentence_around(text, 0, 20)
    assert text[a:b] == "Simultaneous interpretation into English is available in the Salle du\nConseil municipal only."
    at = text.index("Atelier 2")
    assert sentence_around(text, at, at + 9) == (at, at + 9)  # a heading over a room: two lines


@pytest.mark.parametrize(("text", "counts"), [
    ("Depuis 2021, plus de 600 participant·es ont pris part aux rencontres.", ["600"]),
    ("L'association Voisins 12 réunit chaque mois des habitant·es.", []),  # a number in a name
    ("Atelier 3, salle 2.04, le 18 novembre à 14h30", []),  # an item's number, a room, a date, a time
    ("Contact : 05 12 34 56 78 – 31000 Ville", []),  # a phone number, a postcode
    ("Les 140 bénévoles ont formé quatre groupes et 1 200 personnes", ["140", "quatre", "1 200"]),
    ("In 2024 the scheme helped 1,800 people with about 40 volunteers", ["1,800", "40"]),
    ("Les Quatre Saisons accueillent le public", []),  # a number word in a name
])  # fmt: skip
def test_a_figure_asked_for_is_a_count_not_a_year_a_date_or_a_name(text: str, counts: list[str]) -> None:
    assert quantities(text) == counts


def test_a_passage_cut_mid_paragraph_reaches_the_end_of_its_paragraph() -> None:
    text = ("« Le Projet »\nÀ Ville, l'association X tend son micro aux habitants depuis 2023.\n"
            "87 témoignages ont été enregistrés.\nSuite du paragraphe.\n\nAutre paragraphe.")
    end_of_first_line = text.index("\n", text.index("À Ville"))
    cut = paragraph_end(text, end_of_first_line)
    assert text[:cut].endswith("Suite du paragraphe.")  # two lines further, the blank line stops it
    assert paragraph_end(text, cut) == cut
    assert paragraph_end(text, end_of_first_line, lines=1) == text.index("\nSuite")


def test_registration_is_given_by_its_noun_or_reflexive_verb_only() -> None:
    assert value_given("registration", "Entrée gratuite, inscription obligatoire avant le 3 mars.")
    assert value_given("registration", "Merci de vous inscrire avant le 3 mars.")
    assert not value_given("registration", "Les communes jouent un rôle pour inscrire la transition dans le quotidien.")


def test_a_bracket_left_open_at_a_line_end_closes_in_the_sentence_below() -> None:
    text = ("Accès\nLa salle des Tanneurs est accessible en fauteuil (entrée rue\n"
            "Victor-Hugo, par la rampe). Boucle magnétique sur demande.\n")
    at = text.index("accessible")
    a, b = sentence_around(text, at, at + 10)
    assert text[a:b] == ("La salle des Tanneurs est accessible en fauteuil (entrée rue\n"
                         "Victor-Hugo, par la rampe).")


def test_a_short_question_heads_the_lines_below_it_a_paragraph_ending_with_one_does_not() -> None:
    from assistant.answering.sentences import _extend

    text = ("Infos pratiques\nCombien ça coûte ?\nFrais : 15 € par personne.\nRepas compris.\n\nAccès\n"
            "Comment faire vivre la concertation quand les habitants ne viennent plus aux réunions publiques ?\n"
            "Les centres sociaux de Fougerolles en débattent.\n")
    a = text.index("Combien")
    assert text[a:_extend(text, a, text.index("\n", a))] == "Combien ça coûte ?\nFrais : 15 € par personne.\nRepas compris."
    a = text.index("Comment faire")
    b = text.index("\n", a)
    assert _extend(text, a, b) == b


def test_a_sentence_cut_short_goes_on_past_the_blank_line_an_e_mail_sets_apart() -> None:
    from assistant.answering.sentences import _extend

    text = ("Bonjour à toutes et à tous,\nla prochaine rencontre des référents aura lieu le\n\n"
            "    jeudi 4 juin 2026, de 9h30 à 12h\n    à la salle polyvalente de Ménestreau\n\nBien à vous,\n")
    a = text.index("la prochaine")
    assert text[a:_extend(text, a, text.index("\n", a))].endswith("à la salle polyvalente de Ménestreau")


@pytest.mark.parametrize(
    ("slots", "text", "gives"),
    [(["room"], "L'atelier se tient salle Mercure, au 2e étage.", True),
     (["room"], "L'atelier croise les regards des familles et des élus.", False),
     (["room"], "Salle à confirmer.", False),  # said to come: not given
     (["time"], "Ouverture des portes à 9 h 30.", True),
     (["year"], "Le réseau est né en 2019 à Vesoul.", True),
     (["year"], "Jeudi 6 novembre, au centre social.", False)],
)  # fmt: skip
def test_a_slot_is_given_by_a_value_of_its_shape(slots: list[str], text: str, gives: bool) -> None:
    from assistant.answering.sentences import gives_slot

    assert gives_slot(slots, text) is gives


@pytest.mark.parametrize(("line", "holds"), [
    ("Animation : Claire Dubreuil, directrice du CCAS", True),  # a role label
    ("🎤 Intervenante : Marion Roussel, psychologue", True),  # after a pictogram
    ("Mme Claire Dubreuil (CCAS de Vernelles)", True),  # a civility
    ("Une matinée de formation animée par Claire Dubreuil, avec la carte des lieux", True),
    ("Table ronde avec Karim Benali et Julie Martin", True),
    ("Round table chaired by Nadia Belkacem, Grand Brescourt", True),
    ("Contact : Lucie Bernard, 04 72 00 00 00", True),  # a contact's label too
    ("Renseignements auprès de la Maison Pour Tous", False),  # a contact word in prose is no role
    ("Visite du Jardin Partagé des Pentes", False),  # capitals, no one named in a role
    ("Avec le soutien de la Caf", False),  # a role word, no first name and name
])
def test_people_stand_on_a_line_by_label_civility_or_a_role_said_beside_a_name(line: str, holds: bool) -> None:
    assert holds_value("people", line) is holds


@pytest.mark.parametrize(("asked", "figure"), [
    ("élèves", "64"),  # the number that counts what is asked
    ("familles", "12"),
    ("bénévoles", "64"),  # none counts it: the line's first counting number, not the name's "08"
])  # fmt: skip
def test_a_figure_asked_for_is_the_number_that_counts_it(asked: str, figure: str) -> None:
    from assistant.answering.query import Query
    from assistant.answering.sentences import _value_at
    from assistant.answering.understand import topic_terms

    line = ("À Vireux, l’association Cap 08 anime « Un pas de plus » pour les collégiens. "
            "En 2025, 64 élèves ont été suivis ; 12 familles ont rejoint les ateliers.")
    question = f"Combien de {asked} ?"
    query = Query(text=question, language="fr", standalone=question, asks=frozenset({"value"}),
                  values=("figure",), topic=topic_terms(asked, "fr", removed=[]))
    a, b = _value_at(query, line, 0, len(line))
    assert line[a:b] == figure

