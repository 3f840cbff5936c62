"""The evaluation datasets are well formed and split by document: schema, the counts the
held-out issue asks for, exact evidence quotes, facts that a cited quote can hold.

These tests read the held-out files only to check their shape; they print no case content
(assertion messages carry ids only).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from evals import metrics, splits

INTENTS = {"session", "people", "initiative", "recommend", "general", "out_of_scope"}
PERSONAS = {"attendee", "official", "staff"}
TAGS = {"paraphrase", "list", "count", "two_things", "follow_up", "tricky", "generic_oos",
        "english_vocab", "help"}
CORPUS = splits.ROOT / "corpus"


def _cases(name: str) -> list[dict]:
    path = splits.split(name).dataset  # type: ignore[arg-type]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _texts(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in splits.gallery_documents(folder)}


CORPUS_TEXTS = _texts(CORPUS)
SPLIT_TEXTS = {name: CORPUS_TEXTS | _texts(splits.GALLERY / name) for name in splits.SPLITS}


@pytest.mark.parametrize("name", splits.SPLITS)
def test_schema_and_unique_ids(name: str) -> None:
    cases = _cases(name)
    assert len({c["id"] for c in cases}) == len(cases)
    for c in cases:
        assert c["language"] in {"fr", "en"}, c["id"]
        assert c["persona"] in PERSONAS, c["id"]
        assert c["intent"] in INTENTS, c["id"]
        assert isinstance(c["question"], str) and c["question"].strip(), c["id"]
        for key in ("facts", "answer_facts"):
            groups = c.get(key, [])
            assert all(isinstance(g, list) and g and all(isinstance(s, str) and s for s in g)
                       for g in groups), c["id"]
        assert set(c.get("tags", [])) <= TAGS, c["id"]
        for turn in c.get("history", []):
            assert turn["role"] in {"user", "assistant"} and turn["content"], c["id"]
        if c["answerable"]:
            assert c["intent"] != "out_of_scope" and c["evidence"], c["id"]
            assert c["facts"] or c.get("answer_facts"), c["id"]
        else:
            assert c["intent"] == "out_of_scope" and not c["evidence"] and not c["facts"], c["id"]


@pytest.mark.parametrize("name", splits.SPLITS)
def test_split_by_document(name: str) -> None:
    """A split's cases cite only corpus/ and its own gallery half."""
    allowed = set(SPLIT_TEXTS[name])
    other = set(_texts(splits.GALLERY / next(s for s in splits.SPLITS if s != name)))
    assert not allowed & other, "a document is in both gallery halves"
    for c in _cases(name):
        docs = {e["doc_id"] for e in c["evidence"]}
        assert docs <= allowed, c["id"]


@pytest.mark.parametrize("name", splits.SPLITS)
def test_evidence_quotes_are_exact_and_facts_quotable(name: str) -> None:
    texts = SPLIT_TEXTS[name]
    for c in _cases(name):
        docs = [texts[e["doc_id"]] for e in c["evidence"]]
        for item, text in zip(c["evidence"], docs, strict=True):
            assert item["quote"] and metrics.locate(item["quote"], text), c["id"]
        # Every required fact can be found in a quote of its evidence documents (else no answer
        # could ever be grounded, and the case measures nothing).
        for group in c["facts"]:
            assert any(metrics.fact_in(group, text) for text in docs), c["id"]


def test_heldout_counts_required_by_the_issue() -> None:
    cases = _cases("heldout")
    n = len(cases)
    tags = Counter(t for c in cases for t in c.get("tags", []))
    oos = [c for c in cases if not c["answerable"]]
    assert n >= 120
    assert sum(c["language"] == "en" for c in cases) >= 0.25 * n
    assert len(oos) >= 0.10 * n
    assert sum("tricky" in c.get("tags", []) for c in oos) >= len(oos) / 2
    assert sum(bool(c.get("history")) for c in cases) >= 10
    assert tags["list"] + tags["count"] >= 10
    assert tags["two_things"] >= 10
    assert tags["paraphrase"] >= 10
    gallery = set(_texts(splits.GALLERY / "heldout"))
    cited = {e["doc_id"] for c in cases for e in c["evidence"]}
    assert gallery <= cited, "every held-out gallery document has questions"
    assert cited & set(CORPUS_TEXTS), "new phrasings on corpus/ too"


def test_tune_holds_the_former_dev_set_and_the_tune_gallery() -> None:
    cases = _cases("tune")
    assert sum(c["id"].startswith("q") for c in cases) >= 145
    gallery = set(_texts(splits.GALLERY / "tune"))
    assert gallery <= {e["doc_id"] for c in cases for e in c["evidence"]}


def test_gallery_size_and_gold() -> None:
    halves = {name: _texts(splits.GALLERY / name) for name in splits.SPLITS}
    assert sum(len(docs) for docs in halves.values()) >= 12
    for name in splits.SPLITS:
        gold = splits.load_gold(splits.split(name))
        assert gold["sessions"] and gold["people"] and gold["initiatives"], name
        docs = {r["doc_id"] for kind in gold.values() for r in kind}
        assert docs <= set(SPLIT_TEXTS[name]), name


def test_questions_do_not_copy_the_quote() -> None:
    # Real users paraphrase: a question holding a whole long quote would flatter lexical search.
    for name in splits.SPLITS:
        for c in _cases(name):
            for item in c["evidence"]:
                if len(item["quote"]) > 40:
                    assert item["quote"].lower() not in c["question"].lower(), c["id"]
