"""Runner, report and CLI of the evaluation suite, driven by a scripted fake backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals import cli, report, runner

DOC = "Programme. SALLE A : atelier jardins partagés, mardi 10h00. SALLE B : atelier vélo, mercredi 9h00."
DATASET = [
    {
        "id": "c1",
        "question": "Où est l'atelier jardins ?",
        "language": "fr",
        "persona": "attendee",
        "intent": "session",
        "answerable": True,
        "evidence": [{"doc_id": "d", "quote": "SALLE A : atelier jardins partagés"}],
        "facts": [["salle A"], ["mardi", "Tuesday"]],
    },
    {
        "id": "c2",
        "question": "Where is the bike workshop?",
        "language": "en",
        "persona": "attendee",
        "intent": "session",
        "answerable": True,
        "evidence": [{"doc_id": "d", "quote": "SALLE B : atelier vélo"}],
        "facts": [["salle B"]],
    },
    {
        "id": "c3",
        "question": "Je m'intéresse au vélo",
        "language": "fr",
        "persona": "attendee",
        "intent": "recommend",
        "answerable": True,
        "date": "2025-03-05",
        "evidence": [{"doc_id": "d", "quote": "atelier vélo"}],
        "facts": [["vélo"]],
    },
    {
        "id": "c4",
        "question": "Combien coûte l'inscription ?",
        "language": "fr",
        "persona": "attendee",
        "intent": "out_of_scope",
        "answerable": False,
        "evidence": [],
        "facts": [],
    },
]


def _cite(quote: str, n: int = 1) -> dict:
    start = DOC.index(quote)
    return {
        "n": n,
        "doc_id": "d",
        "title": "T",
        "quote": quote,
        "start": start,
        "end": start + len(quote),
    }


class FakeBackend:
    """A scripted stand-in for unit-testing the runner and the report, not for measuring the
    product: it answers from a table keyed by case, and can be made to fail chosen cases."""

    name = "fake"

    def __init__(self, broken: frozenset[str] = frozenset()) -> None:
        self.broken = broken

    def _target(self, text: str) -> str:
        return (
            "SALLE B : atelier vélo"
            if ("bike" in text or "vélo" in text)
            else "SALLE A : atelier jardins partagés"
        )

    def search(self, query: str, *, k: int) -> list[dict]:
        quote = "Programme." if any(w in query for w in self.broken) else self._target(query)
        c = _cite(quote)
        return [{"id": "p1", "title": "T", "section": "", "text": quote, "score": 1.0, **c}][:k]

    def ask(self, question: str, *, history: list[dict], k: int) -> dict:
        lang = "en" if "Where" in question else "fr"
        if "inscription" in question:
            return {
                "answer": "Je ne sais pas.",
                "answered": False,
                "intent": "out_of_scope",
                "language": "fr",
                "citations": [],
            }
        if any(w in question for w in self.broken):
            return {
                "answer": "?",
                "answered": False,
                "intent": "general",
                "language": lang,
                "citations": [],
            }
        quote = self._target(question)
        day = "mercredi 9h00" if "vélo" in quote else "mardi 10h00"
        cites = [_cite(quote), _cite(day, 2)]
        return {
            "answer": f"{quote}, {day} [1][2]",
            "answered": True,
            "intent": "session",
            "language": lang,
            "citations": cites,
        }

    def recommend(self, interests: str, *, date: str | None) -> list[dict]:
        return [
            {
                "session": {"title": "atelier vélo", "citation": _cite("atelier vélo")},
                "reason": "vélo",
                "citation": _cite("mercredi 9h00"),
                "score": 1.0,
            }
        ]

    def document_text(self, doc_id: str) -> str | None:
        return DOC if doc_id == "d" else None


def test_perfect_backend_scores_one() -> None:
    result = runner.run(FakeBackend(), DATASET, k=5, progress=False)
    overall = result["overall"]
    for name in (
        "hit@5",
        "recall@5",
        "mrr@10",
        "ndcg@10",
        "fact_recall",
        "supported",
        "citation_exactness",
        "refusal_recall",
        "refusal_precision",
        "language_accuracy",
        "recommend_hit",
    ):
        assert overall[name] == 1.0, name
    assert overall["answerable_refused"] == 0.0
    assert set(result["per_intent"]) == {"session", "recommend", "out_of_scope"}
    assert set(result["per_language"]) == {"fr", "en"}
    assert {"search", "ask", "recommend", "documents"} <= set(result["latency_ms"])
    case = result["cases"][0]
    assert case["expected"]["evidence"][0]["start"] == DOC.index("SALLE A")
    assert case["returned"]["citations"][0]["quote"] == "SALLE A : atelier jardins partagés"


def _split(ours: dict, **extra) -> dict:
    return {"dataset": "mem", "ours": ours, "peer": None, "catalogue": None, "thresholds": {},
            "check": None, "baseline": None} | extra


def test_report_files_and_baseline_diff_lists_newly_failing_first(tmp_path: Path) -> None:
    good = runner.run(FakeBackend(), DATASET, k=5, progress=False)
    base = report.write_report(tmp_path / "base", splits={"heldout": _split(good)}, mode="fake", k=5)
    baseline = json.loads(base["json"].read_text(encoding="utf-8"))

    # c2 breaks (newly failing); c1 is made to break in the baseline instead (newly passing now).
    worse_base = runner.run(
        FakeBackend(broken=frozenset({"jardins"})), DATASET, k=5, progress=False
    )
    cases = baseline["splits"]["heldout"]["ours"]["cases"]
    baseline["splits"]["heldout"]["ours"]["cases"] = [
        c for c in worse_base["cases"] if c["id"] != "c4"
    ] + [c for c in cases if c["id"] == "c4"]
    now = runner.run(FakeBackend(broken=frozenset({"bike"})), DATASET, k=5, progress=False)
    limits = {"min": {"hit@5": 0.95}, "max": {"answerable_refused": 0.05}}
    paths = report.write_report(
        tmp_path / "now",
        splits={
            "heldout": _split(now, peer=good, thresholds=limits,
                              check=report.check_thresholds(now["overall"], limits),
                              baseline=report.baseline_split(baseline, "heldout")),
            "tune": _split(good),
        },
        mode="fake",
        k=5,
    )
    for p in paths.values():
        assert p.is_file() and p.stat().st_size > 0
    page = paths["html"].read_text(encoding="utf-8")
    for png in ("per_intent.png", "per_language.png", "latency.png", "headline.png"):
        assert (tmp_path / "now" / f"heldout-{png}").read_bytes()[:4] == b"\x89PNG"
        assert f"heldout-{png}" in page
    # The held-out split leads the report; its failing case is listed with the failed check.
    assert page.index("Split: heldout") < page.index("Split: tune")
    assert "<h3 id='c2'>" in page and "refused an answerable question" in page
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    diff = data["splits"]["heldout"]["baseline_diff"]
    assert [r["status"] for r in diff][:2] == ["newly failing", "newly passing"]
    assert diff[0]["id"] == "c2" and diff[1]["id"] == "c1"
    md = paths["md"].read_text(encoding="utf-8")
    assert md.index("newly failing") < md.index("newly passing")
    assert "| hit@5 |" in md and "peer" in md


def test_failed_checks_name_what_is_wrong() -> None:
    now = runner.run(FakeBackend(broken=frozenset({"bike"})), DATASET, k=5, progress=False)
    by_id = {c["id"]: c for c in now["cases"]}
    assert by_id["c2"]["failed_checks"] == ["refused an answerable question"]
    assert by_id["c1"]["failed_checks"] == [] and by_id["c1"]["scores"]["passed"]
    assert now["overall"]["passed"] == 0.75 and now["overall"]["english_passed"] == 0.0


def test_computed_facts_need_only_the_answer() -> None:
    case = dict(DATASET[0], answer_facts=[["deux", "2"]])
    result = runner.run(FakeBackend(), [case], k=5, progress=False)["cases"][0]
    assert not result["scores"]["supported"]
    assert result["failed_checks"] == ["computed fact missing from the answer: deux | 2"]


def test_check_thresholds_lists_each_failure() -> None:
    figures = {"hit@5": 0.9, "mrr@10": 0.9, "answerable_refused": 0.2, "citation_exactness": None}
    thresholds = {
        "min": {"hit@5": 0.95, "mrr@10": 0.85, "citation_exactness": 1.0},
        "max": {"answerable_refused": 0.05},
    }
    failures = report.check_thresholds(figures, thresholds)
    assert len(failures) == 3
    assert any(f.startswith("hit@5") for f in failures)
    assert any("not measured" in f for f in failures)
    assert report.check_thresholds({"hit@5": 1.0}, {"min": {"hit@5": 0.95}}) == []


def test_shipped_thresholds_parse() -> None:
    """The shipped gate covers both splits and never tolerates inexact citations."""
    thresholds = report.load_thresholds()
    assert set(thresholds) == {"heldout", "tune"}
    for limits in thresholds.values():
        assert limits["min"]["citation_exactness"] == 1.0
        assert {"hit@5", "mrr@10", "supported", "refusal_recall", "passed"} <= set(limits["min"])
        assert "answerable_refused" in limits["max"]


@pytest.mark.parametrize(("broken", "code"), [(frozenset(), 0), (frozenset({"bike"}), 1)])
def test_cli_check_exit_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken, code) -> None:
    dataset = tmp_path / "d.jsonl"
    dataset.write_text(
        "\n".join(json.dumps(c, ensure_ascii=False) for c in DATASET), encoding="utf-8"
    )
    thresholds = tmp_path / "t.toml"
    thresholds.write_text(
        '[d.min]\n"hit@5" = 0.95\n[d.max]\nanswerable_refused = 0.05\n', encoding="utf-8"
    )
    monkeypatch.setattr(cli, "_in_process_backend", lambda args: (FakeBackend(broken), None))
    out = tmp_path / "out"
    argv = [
        "--dataset",
        str(dataset),
        "--out",
        str(out),
        "--check",
        "--thresholds",
        str(thresholds),
    ]
    assert cli.main(argv) == code
    assert (out / "report.html").is_file()
