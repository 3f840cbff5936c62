"""Dense scores are spread onto [0, 1] over the retrieved candidates, whatever band the model's
cosines live in, so the fusion weight and relative cut-offs mean the same for every embedder."""

from __future__ import annotations

import numpy as np

from assistant.search.retrieval import cross_language_lift, document_lift, spread


def test_models_with_different_cosine_bands_spread_alike():
    e5_like = np.array([0.0, 0.88, 0.80, 0.84, 0.0], dtype=np.float32)  # clusters high
    minilm_like = np.array([0.0, 0.60, 0.20, 0.40, 0.0], dtype=np.float32)
    assert np.allclose(spread(e5_like), [0.0, 1.0, 0.0, 0.5, 0.0], atol=1e-6)
    assert np.allclose(spread(minilm_like), spread(e5_like), atol=1e-6)


def test_items_not_retrieved_stay_at_zero_and_edge_cases_hold():
    assert not spread(np.zeros(4, dtype=np.float32)).any()
    one = spread(np.array([0.0, 0.83, 0.0], dtype=np.float32))
    assert one.tolist() == [0.0, 1.0, 0.0]
    ties = spread(np.array([0.8, 0.8, 0.0], dtype=np.float32))
    assert ties.tolist() == [1.0, 1.0, 0.0]
    out = spread(np.array([0.9, 0.7, 0.5], dtype=np.float32))
    assert out.dtype == np.float32 and out.min() == 0.0 and out.max() == 1.0


def test_items_in_another_language_than_the_question_are_lifted_by_the_gap():
    # An English question: two English pages, two French ones, one French item not retrieved.
    dense = np.array([0.86, 0.84, 0.85, 0.0, 0.83], dtype=np.float32)
    languages = np.array(["en", "en", "fr", "fr", "fr"])
    lifted = cross_language_lift(dense, languages, "en", 0.02)
    assert np.allclose(lifted, [0.86, 0.84, 0.87, 0.0, 0.85], atol=1e-6)
    assert lifted.dtype == np.float32
    # The French page now outranks the English page that only shared the question's language.
    assert np.argmax(spread(lifted)) == 2
    assert cross_language_lift(dense, languages, "en", 0.0) is dense  # no gap: unchanged


def test_a_hit_inside_a_better_hit_of_its_document_is_dropped():
    from assistant.search.retrieval import Item, Scored, distinct

    def hit(doc: str, start: int, end: int, score: float) -> Scored:
        item = Item(id=f"{doc}:{start}", kind="passage", doc_id=doc, text="", start=start, end=end, section="",
                    date=None, room=None, event=None)
        return Scored(item, score, 0.0, 0.0)

    passage, entry, other_doc, overlapping = hit("a", 100, 400, 0.9), hit("a", 150, 300, 0.8), \
        hit("b", 150, 300, 0.7), hit("a", 350, 600, 0.6)
    assert distinct([passage, entry, other_doc, overlapping]) == [passage, other_doc, overlapping]
    assert distinct([entry, passage]) == [entry, passage]  # a wider hit ranked lower says more: kept


def test_the_encoder_reads_an_english_question_with_its_french_equivalents():
    from assistant.answering.query import Query
    from assistant.answering.retrieve import dense_text

    q = Query(text="Where is the workshop on housing for seniors?", language="en",
              standalone="Where is the workshop on housing for seniors?", asks=frozenset({"room"}),
              dense_text="Where is the workshop on housing for seniors?")
    text = dense_text(q)
    assert text.startswith(q.text) and len(text) > len(q.text)  # French words appended
    fr = q.model_copy(update={"text": "Où est l'atelier ?", "language": "fr", "dense_text": "Où est l'atelier ?"})
    assert dense_text(fr) == "Où est l'atelier ?"


def test_an_item_is_lifted_by_its_documents_standing_among_the_found():
    # Document 0 is met in three places, document 1 by one stray passage scoring a little higher.
    fused = np.array([0.5, 0.45, 0.4, 0.55, 0.0, 0.0])
    doc_of = np.array([0, 0, 0, 1, 1, 2])
    lifted = document_lift(fused, doc_of, weight=0.3, depth=2)
    # Standing: doc 0 sums its two best (0.95), doc 1 its one (0.55); the best document gets the
    # whole weight, the other its share.
    assert np.allclose(lifted[:4], [0.8, 0.75, 0.7, 0.55 + 0.3 * 0.55 / 0.95])
    assert lifted[0] > lifted[3]
    # What was not found stays unfound; no weight, nothing found: unchanged.
    assert lifted[4] == 0 and lifted[5] == 0
    assert np.array_equal(document_lift(fused, doc_of, weight=0.0, depth=2), fused)
    assert np.array_equal(document_lift(np.zeros(3), np.array([0, 1, 2]), weight=0.3, depth=2), np.zeros(3))


def test_the_items_of_the_event_a_query_names_come_first_without_the_others_leaving() -> None:
    from assistant.search.retrieval import hybrid_search
    from tests.answering_fixture import index_of

    index = index_of({
        "forum-vernelles": "Forum de Vernelles\nJeudi 12 mars 2026\n\n9h – Atelier mobilité solidaire et covoiturage\n",
        "journee-bresse": "Journée de la Bresse\nMardi 3 mars 2026\n\n9h – Atelier mobilité solidaire et transport à la demande\n",
    })
    plain = hybrid_search(index, query="atelier mobilité solidaire transport", k=10, embedder=None, store=None,
                          lexical_weight=1.0)
    named = hybrid_search(index, query="atelier mobilité solidaire transport", k=10, embedder=None, store=None,
                          lexical_weight=1.0, named_docs=frozenset({"forum-vernelles"}), named_weight=1.0)
    assert plain[0].item.doc_id == "journee-bresse"  # it shares one more word
    assert named[0].item.doc_id == "forum-vernelles"
    assert {h.item.doc_id for h in named} == {h.item.doc_id for h in plain}  # a lift, not a filter
