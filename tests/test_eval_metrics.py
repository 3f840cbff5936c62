"""Unit tests of evals.metrics, and a cross-check of the retrieval metrics against ranx and
pytrec_eval (trec_eval) on the same seeded random runs."""

from __future__ import annotations

import math
import random
import warnings

import pytest

from evals.metrics import (
    Span,
    citation_exact,
    dcg_at_k,
    fact_in,
    fact_recall,
    groundedness,
    hit_at_k,
    language_accuracy,
    locate,
    matched_evidence,
    matched_evidence_multi,
    mean,
    mrr_at_k,
    ndcg_at_k,
    overlaps,
    percentile,
    recall_at_k,
    refusal_scores,
    relevance_vector,
)

# ------------------------------------------------------------------ relevance


def test_locate_exact_and_tolerant() -> None:
    text = "Le comité de l’Oise\u00a0: salle 2."
    assert locate("salle 2", text) == (text.index("salle 2"), text.index("salle 2") + 7)
    start, end = locate("de l'Oise :", text)
    assert text[start:end] == "de l’Oise\u00a0:"
    assert locate("absent", text) is None
    assert locate("", text) is None


def test_overlap_is_half_open_and_per_document() -> None:
    assert overlaps(Span("a", 0, 10), Span("a", 9, 20))
    assert not overlaps(Span("a", 0, 10), Span("a", 10, 20))
    assert not overlaps(Span("a", 0, 10), Span("b", 0, 10))


def test_relevance_vector_first_match_credit() -> None:
    evidence = [Span("d", 100, 120), Span("d", 300, 320)]
    ranking = [
        Span("d", 0, 50),  # miss
        Span("d", 90, 110),  # credits evidence 0
        Span("d", 105, 200),  # evidence 0 already credited: not relevant again
        Span("e", 300, 320),  # other document
        Span("d", 310, 400),  # credits evidence 1
    ]
    assert relevance_vector(ranking, evidence) == [0, 1, 0, 0, 1]
    assert matched_evidence(ranking, evidence) == [None, 0, None, None, 1]


def test_items_with_several_spans() -> None:
    # A recommended session: its reason's citation misses, its record span hits.
    evidence = [Span("d", 100, 120)]
    items = [[Span("d", 0, 10), Span("d", 110, 130)], [Span("d", 100, 120)]]
    assert matched_evidence_multi(items, evidence) == [0, None]


def test_passage_spanning_two_items_credits_one() -> None:
    evidence = [Span("d", 0, 10), Span("d", 20, 30)]
    assert relevance_vector([Span("d", 0, 30), Span("d", 25, 26)], evidence) == [1, 1]


# ------------------------------------------------------------------ retrieval metrics


def test_hit_recall_mrr() -> None:
    rels = [0, 0, 1, 0, 1]
    assert hit_at_k(rels, 2) == 0.0
    assert hit_at_k(rels, 3) == 1.0
    assert recall_at_k(rels, 2, 3) == 0.5
    assert recall_at_k(rels, 2, 5) == 1.0
    assert recall_at_k(rels, 0, 5) == 0.0
    assert mrr_at_k(rels, 10) == pytest.approx(1 / 3)
    assert mrr_at_k(rels, 2) == 0.0
    assert mrr_at_k([], 10) == 0.0


def test_ndcg_trec_definition() -> None:
    # One relevant at rank 2 out of two relevant items: DCG = 1/log2(3), IDCG = 1 + 1/log2(3).
    expected = (1 / math.log2(3)) / (1 + 1 / math.log2(3))
    assert ndcg_at_k([0, 1, 0], 2, 10) == pytest.approx(expected)
    assert ndcg_at_k([1, 1], 2, 10) == pytest.approx(1.0)
    # IDCG counts min(k, |relevant|) items: five relevant, k = 2, both top ranks relevant -> 1.
    assert ndcg_at_k([1, 1, 0], 5, 2) == pytest.approx(1.0)
    assert ndcg_at_k([0, 0], 0, 10) == 0.0
    assert dcg_at_k([1, 0, 1], 3) == pytest.approx(1 + 0.5)


# ------------------------------------------------------------------ answer metrics


def test_fact_matching_is_folded_and_word_bounded() -> None:
    answer = "L'atelier a lieu MERCREDI 5 mars, 9h00-10h30, salle Corneille\u00a02 ; l'IA aussi."
    assert fact_in(["mercredi"], answer)
    assert fact_in(["Corneille 2"], answer)
    assert fact_in(["09:00", "9h00"], answer)
    assert fact_in(["ia"], answer)
    assert not fact_in(["ia"], "la cohésion sociale")  # not inside a word
    assert fact_in(["Pûy de Dome"], "le Puy-de-Dôme")  # accents and hyphens folded
    assert not fact_in([], answer)
    assert fact_recall([["mercredi"], ["Flaubert"]], answer) == 0.5
    assert fact_recall([], answer) == 1.0


def test_groundedness_uses_cited_quotes_only() -> None:
    facts = [["Corneille 2"], ["Wednesday", "mercredi"]]
    assert groundedness(facts, ["SALLE CORNEILLE 2", "Mercredi 05 mars 2025"]) == 1.0
    assert groundedness(facts, ["SALLE CORNEILLE 2"]) == 0.5
    assert groundedness(facts, []) == 0.0
    assert groundedness([], []) == 1.0


def test_citation_exactness() -> None:
    text = "abcdef"
    assert citation_exact("cde", 2, 5, text)
    assert not citation_exact("cdx", 2, 5, text)
    assert not citation_exact("cde", 2, 99, text)
    assert not citation_exact("cde", 2, 5, None)


def test_refusal_scores() -> None:
    answerable = [True, True, True, False, False]
    answered = [True, False, True, False, True]
    scores = refusal_scores(answerable, answered)
    assert scores["refusal_precision"] == 0.5  # 2 refused, 1 of them out of scope
    assert scores["refusal_recall"] == 0.5
    assert scores["answerable_refused"] == pytest.approx(1 / 3)
    assert refusal_scores([True], [True])["refusal_precision"] == 1.0
    assert refusal_scores([False], [True])["refusal_precision"] == 0.0


def test_language_accuracy_and_mean() -> None:
    assert language_accuracy(["fr", "en", "en"], ["fr", "fr", "en"]) == pytest.approx(2 / 3)
    assert language_accuracy([], []) == 0.0
    assert mean([1.0, float("nan"), 3.0]) == 2.0
    assert math.isnan(mean([]))


def test_percentile_matches_numpy_linear() -> None:
    np = pytest.importorskip("numpy")
    rng = random.Random(3)
    values = [rng.uniform(0, 100) for _ in range(37)]
    for q in (0, 50, 95, 100):
        assert percentile(values, q) == pytest.approx(float(np.percentile(values, q)), abs=1e-9)
    assert percentile([4.0], 95) == 4.0
    assert math.isnan(percentile([], 50))


# ------------------------------------------------------------------ cross-check


def _random_span_runs(seed: int, n_queries: int = 200) -> list[tuple[list[Span], list[Span]]]:
    """Random evidence spans and ranked passages over a few documents, overlaps included."""
    rng = random.Random(seed)
    runs = []
    for _ in range(n_queries):
        docs = [f"doc{i}" for i in range(3)]
        evidence = []
        for _ in range(rng.randint(1, 4)):
            start = rng.randrange(0, 5000, 50)
            evidence.append(Span(rng.choice(docs), start, start + rng.randint(20, 200)))
        ranking = []
        for _ in range(rng.randint(0, 15)):
            start = rng.randrange(0, 5000, 25)
            ranking.append(Span(rng.choice(docs), start, start + rng.randint(50, 400)))
        # Bias some runs towards hits so every metric sees non-trivial values.
        for item in evidence:
            if ranking and rng.random() < 0.6:
                ranking.insert(
                    rng.randrange(len(ranking) + 1),
                    Span(item.doc_id, item.start + 5, item.end + 30),
                )
        runs.append((ranking, evidence))
    return runs


def _as_ids(runs: list[tuple[list[Span], list[Span]]]) -> tuple[dict, dict]:
    """The same runs in trec form: credited evidence ids, other passages as unique misses."""
    qrels, run = {}, {}
    for qi, (ranking, evidence) in enumerate(runs):
        qid = f"q{qi}"
        qrels[qid] = {f"e{i}": 1 for i in range(len(evidence))}
        scores = {}
        for rank, hit in enumerate(matched_evidence(ranking, evidence)):
            doc = f"e{hit}" if hit is not None else f"miss{rank}"
            scores[doc] = float(len(ranking) - rank)  # strictly decreasing: no tie-breaking
        run[qid] = scores
    return qrels, run


def _ours(runs, k_hit: int = 5) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"hit": [], "recall": [], "mrr": [], "ndcg": []}
    for ranking, evidence in runs:
        rels = relevance_vector(ranking, evidence)
        out["hit"].append(hit_at_k(rels, k_hit))
        out["recall"].append(recall_at_k(rels, len(evidence), k_hit))
        out["mrr"].append(mrr_at_k(rels, 10))
        out["ndcg"].append(ndcg_at_k(rels, len(evidence), 10))
    return out


@pytest.mark.parametrize("seed", [7, 11, 2024])
def test_cross_check_against_ranx(seed: int) -> None:
    ranx = pytest.importorskip("ranx")
    runs = _random_span_runs(seed)
    qrels_d, run_d = _as_ids(runs)
    # ranx rejects queries with an empty run; those score 0 everywhere, ours too.
    keep = [q for q in qrels_d if run_d[q]]
    ours = _ours(runs)
    qrels = ranx.Qrels({q: qrels_d[q] for q in keep})
    run = ranx.Run({q: run_d[q] for q in keep})
    metrics = {"hit": "hit_rate@5", "recall": "recall@5", "mrr": "mrr@10", "ndcg": "ndcg@10"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ranx.evaluate(qrels, run, list(metrics.values()), return_mean=False)
    # Per-query scores keyed by query id (the returned arrays follow ranx's own id order).
    for name, key in metrics.items():
        for q in keep:
            theirs = float(run.scores[key][q])
            assert abs(ours[name][int(q[1:])] - theirs) <= 1e-9, (seed, name, q)
    for q in qrels_d:
        if not run_d[q]:
            i = int(q[1:])
            assert ours["hit"][i] == ours["recall"][i] == ours["mrr"][i] == ours["ndcg"][i] == 0.0


@pytest.mark.parametrize("seed", [7, 11, 2024])
def test_cross_check_against_trec_eval(seed: int) -> None:
    pytrec_eval = pytest.importorskip("pytrec_eval")
    runs = _random_span_runs(seed)
    qrels_d, run_d = _as_ids(runs)
    ours = _ours(runs)

    def top(k: int) -> dict:
        # trec_eval has no MRR@k or success@k for every k: cut the run at k instead.
        return {q: dict(sorted(s.items(), key=lambda kv: -kv[1])[:k]) for q, s in run_d.items()}

    at5 = pytrec_eval.RelevanceEvaluator(qrels_d, {"success", "recall"}).evaluate(top(5))
    at10 = pytrec_eval.RelevanceEvaluator(qrels_d, {"recip_rank", "ndcg_cut"}).evaluate(top(10))
    for q in qrels_d:
        i = int(q[1:])
        # trec_eval drops queries without any retrieved document; ours score them 0.
        s5, s10 = at5.get(q), at10.get(q)
        assert abs(ours["hit"][i] - (s5["success_5"] if s5 else 0.0)) <= 1e-9
        assert abs(ours["recall"][i] - (s5["recall_5"] if s5 else 0.0)) <= 1e-9
        assert abs(ours["mrr"][i] - (s10["recip_rank"] if s10 else 0.0)) <= 1e-9
        assert abs(ours["ndcg"][i] - (s10["ndcg_cut_10"] if s10 else 0.0)) <= 1e-9


def test_cross_check_runs_are_not_trivial() -> None:
    ours = _ours(_random_span_runs(7))
    for values in ours.values():
        assert 0.2 < sum(values) / len(values) < 0.95
