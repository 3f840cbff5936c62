"""What a question names lifts the items that have it: a kind, a practical value, a role (unit, no model)."""

from __future__ import annotations

from assistant.answering import asking
from assistant.answering.item_lift import (
    KIND_BONUS,
    kinds_to_lift,
    lift_kinds,
    lift_roles,
    lift_values,
)
from assistant.language.kinds import kinds_named
from assistant.language.roles import roles_asked
from assistant.search.retrieval import Scored
from tests.answering_fixture import loaded_index


def _hits(index, session_ids: list[str]) -> list[Scored]:
    items = {i.record_id: i for i in index.items if i.kind == "session"}
    return [Scored(item=items[sid], score=0.5, lexical=0.5, dense=0.0) for sid in session_ids]


def test_the_named_item_lifts_its_sessions_over_others_of_equal_score() -> None:
    index = loaded_index()
    hits = _hits(index, ["s-visite", "s-energie", "s-jeunesse"])
    lifted = lift_kinds(index, hits, kinds_to_lift(kinds_named("À quelle heure est la table ronde ?")))
    assert lifted[0].item.record_id == "s-jeunesse"
    assert lifted[0].score == 0.5 + KIND_BONUS
    assert [h.score for h in lifted[1:]] == [0.5, 0.5]


def test_a_kind_takes_in_its_family() -> None:
    """A round table and a workshop answer for each other (`kinds.toml` families): a page lists
    an item among its workshops that its own words make a round table."""
    index = loaded_index()
    hits = _hits(index, ["s-visite", "s-jeunesse", "s-vieillir"])
    lifted = lift_kinds(index, hits, kinds_to_lift(kinds_named("l'atelier sur la jeunesse")))
    assert [h.item.record_id for h in lifted] == ["s-jeunesse", "s-vieillir", "s-visite"]


def test_english_kind_words_lift_too() -> None:
    index = loaded_index()
    hits = _hits(index, ["s-vieillir", "s-energie"])
    assert lift_kinds(index, hits, kinds_to_lift(kinds_named("When is the webinar?")))[0].item.record_id == "s-energie"


def test_a_generic_word_or_no_item_lifts_nothing() -> None:
    index = loaded_index()
    hits = _hits(index, ["s-vieillir", "s-jeunesse"])
    assert kinds_to_lift(kinds_named("Quelle séance parle de jeunesse ?")) == frozenset()
    assert lift_kinds(index, hits, frozenset()) == hits
    assert lift_kinds(index, hits, frozenset({"plénière"})) == hits  # no session of that kind


def _passages(index, *needles: str) -> list[Scored]:
    items = [next(i for i in index.items if i.kind == "passage" and n in i.text) for n in needles]
    return [Scored(item=i, score=0.5, lexical=0.5, dense=0.0) for i in items]


def test_a_practical_value_asked_lifts_the_passage_holding_one_of_its_shape() -> None:
    index = loaded_index()
    hits = _passages(index, "Table ronde", "gratuite")
    for question in ("C'est payant ?", "Do I have to pay?", "Jusqu'à quand peut-on s'inscrire ?"):
        lifted = lift_values(hits, asking.values_asked(question))
        assert "gratuite" in lifted[0].item.text, question


def test_values_of_a_common_shape_lift_nothing() -> None:
    """Any digit is a figure's shape and any "14h" a duration's: they tell no passage apart."""
    index = loaded_index()
    hits = _passages(index, "Table ronde", "gratuite")
    assert lift_values(hits, asking.values_asked("Combien de bénévoles ?")) == hits
    assert lift_values(hits, asking.values_asked("Combien de temps dure l'atelier ?")) == hits
    assert lift_values(hits, ()) == hits


def test_a_role_asked_lifts_the_passage_writing_its_label() -> None:
    index = loaded_index()
    hits = _passages(index, "gratuite", "Modération")
    for question in ("Qui modère la table ronde ?", "Who is the moderator of the round table?"):
        assert "Modération" in lift_roles(hits, roles_asked(question))[0].item.text, question
    assert lift_roles(hits, roles_asked("Où est la table ronde ?")) == hits
