"""The dev dataset is well formed: schema, counts the issue asks for, exact evidence quotes."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT / "evals" / "datasets" / "dev.jsonl"
CORPUS = ROOT / "corpus"

INTENTS = {"session", "people", "initiative", "recommend", "general", "out_of_scope"}
PERSONAS = {"attendee", "official", "staff"}


def _cases() -> list[dict]:
    return [json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines() if line]


def _texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}


def test_schema_and_unique_ids() -> None:
    cases = _cases()
    assert len({c["id"] for c in cases}) == len(cases)
    for c in cases:
        assert c["language"] in {"fr", "en"}, c["id"]
        assert c["persona"] in PERSONAS, c["id"]
        assert c["intent"] in INTENTS, c["id"]
        assert isinstance(c["question"], str) and c["question"].strip(), c["id"]
        assert all(
            isinstance(g, list) and g and all(isinstance(s, str) for s in g) for g in c["facts"]
        )
        for turn in c.get("history", []):
            assert turn["role"] in {"user", "assistant"} and turn["content"], c["id"]
        if c["answerable"]:
            assert c["intent"] != "out_of_scope" and c["evidence"] and c["facts"], c["id"]
        else:
            assert c["intent"] == "out_of_scope" and not c["evidence"] and not c["facts"], c["id"]


def test_counts_required_by_the_issue() -> None:
    cases = _cases()
    assert len(cases) >= 110
    assert sum(c["language"] == "en" for c in cases) >= 20
    assert sum(c["intent"] == "out_of_scope" for c in cases) >= 12
    assert sum(c["intent"] == "recommend" for c in cases) >= 15
    assert sum(bool(c.get("history")) for c in cases) >= 6
    assert {c["persona"] for c in cases} == PERSONAS
    docs = Counter(e["doc_id"] for c in cases for e in c["evidence"])
    assert set(docs) == set(_texts()), "every corpus document has evidence"


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_evidence_quotes_are_exact_substrings(case: dict) -> None:
    texts = _texts()
    for item in case["evidence"]:
        assert item["doc_id"] in texts, item["doc_id"]
        assert item["quote"] and item["quote"] in texts[item["doc_id"]], item["quote"]


def test_questions_do_not_copy_the_quote() -> None:
    # Real users paraphrase: a question holding a whole long quote would flatter lexical search.
    for c in _cases():
        for item in c["evidence"]:
            if len(item["quote"]) > 40:
                assert item["quote"].lower() not in c["question"].lower(), c["id"]
