"""Run the dataset against a backend and score every case; aggregate overall, per intent, per language.

A backend speaks the JSON shapes of DESIGN.md (plain dicts), so the in-process core, the HTTP
service and the peer pipeline are scored by the same code. Latency is measured here, around each
call, per endpoint.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from evals import metrics as m

RANK_DEPTH = 10  # MRR@10 and nDCG@10 need ten results whatever k is


class Backend(Protocol):
    name: str

    def search(self, query: str, *, k: int) -> list[dict]: ...
    def ask(self, question: str, *, history: list[dict], k: int) -> dict: ...
    def recommend(self, interests: str, *, date: str | None) -> list[dict]: ...
    def document_text(self, doc_id: str) -> str | None: ...


def load_dataset(path: Path | str) -> list[dict]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def as_dict(obj: Any) -> Any:
    """Pydantic models, dataclasses and lists of them as plain JSON-able data."""
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if isinstance(obj, list | tuple):
        return [as_dict(o) for o in obj]
    if isinstance(obj, dict):
        return {k: as_dict(v) for k, v in obj.items()}
    if hasattr(obj, "__dict__") and not isinstance(obj, type):
        return {k: as_dict(v) for k, v in vars(obj).items() if not k.startswith("_")}
    return obj


def field(record: Any, name: str) -> Any:
    """A field of a record given as a model or as a plain dict."""
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)


def agenda_items(agenda: Any) -> list[dict]:
    """Items of an agenda whether it is a model with `.items`, a dict, or already a list."""
    if isinstance(agenda, dict):
        return [as_dict(i) for i in agenda.get("items", [])]
    if isinstance(agenda, list):
        return [as_dict(i) for i in agenda]
    return [as_dict(i) for i in getattr(agenda, "items", [])]


def _span(obj: dict | None) -> m.Span | None:
    if not obj or obj.get("doc_id") is None or obj.get("start") is None:
        return None
    return m.Span(obj["doc_id"], int(obj["start"]), int(obj["end"]))


def _item_span_dicts(item: dict) -> list[dict]:
    """Every span a recommended item carries: its citation, its session's record and fields."""
    session = item.get("session") or {}
    return [
        item.get("citation") or {},
        session.get("citation") or {},
        *(session.get("fields") or {}).values(),
    ]


def search_query(case: dict) -> str:
    """The /search query of a case: follow-ups carry the previous user turn (search has no history)."""
    users = [t["content"] for t in case.get("history", []) if t.get("role") == "user"]
    return " ".join([*users[-1:], case["question"]])


class _Timer:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)

    def call(self, endpoint: str, fn: Callable[[], Any]) -> tuple[Any, str | None, float]:
        started = time.perf_counter()
        try:
            out, err = fn(), None
        except Exception as exc:  # one failing call must not stop the run; it is reported
            out, err = None, f"{endpoint}: {type(exc).__name__}: {exc}"
        ms = (time.perf_counter() - started) * 1000
        self.latency[endpoint].append(ms)
        return out, err, ms


def evaluate_case(
    backend: Backend, case: dict, *, k: int, texts: dict[str, str | None], timer: _Timer
) -> dict:
    """Run one case and return what was expected, what came back, and its scores."""
    errors: list[str] = []

    def text_of(doc_id: str) -> str | None:
        if doc_id not in texts:
            texts[doc_id], err, _ = timer.call("documents", lambda: backend.document_text(doc_id))
            errors.extend([err] if err else [])
        return texts[doc_id]

    evidence, missing = [], []
    for item in case.get("evidence", []):
        span = m.locate(item["quote"], text_of(item["doc_id"]) or "")
        if span is None:
            missing.append(item["quote"])
        else:
            evidence.append(m.Span(item["doc_id"], *span))

    result: dict[str, Any] = {
        key: case.get(key)
        for key in ("id", "question", "language", "persona", "intent", "answerable")
    }
    tags = list(case.get("tags", [])) + (["follow_up"] if case.get("history") else [])
    result["tags"] = list(dict.fromkeys(tags))
    result["history"] = case.get("history", [])
    result["expected"] = {
        "evidence": [s._asdict() for s in evidence],
        "facts": case.get("facts", []),
        "answer_facts": case.get("answer_facts", []),
        "evidence_not_found": missing,
    }
    latency: dict[str, float] = {}
    scores: dict[str, Any] = {}

    passages = []
    if case.get("answerable"):
        out, err, latency["search"] = timer.call(
            "search", lambda: backend.search(search_query(case), k=max(k, RANK_DEPTH))
        )
        errors.extend([err] if err else [])
        passages = as_dict(out or [])
        spans = [s for s in (_span(p) for p in passages) if s is not None]
        rels = m.relevance_vector(spans, evidence)
        n_rel = len(case.get("evidence", []))
        scores.update(
            {
                f"hit@{k}": m.hit_at_k(rels, k),
                f"recall@{k}": m.recall_at_k(rels, n_rel, k),
                "mrr@10": m.mrr_at_k(rels, 10),
                "ndcg@10": m.ndcg_at_k(rels, n_rel, 10),
            }
        )
        scores["first_relevant_rank"] = next((i + 1 for i, r in enumerate(rels) if r), None)

    answer, err, latency["ask"] = timer.call(
        "ask", lambda: backend.ask(case["question"], history=case.get("history", []), k=k)
    )
    errors.extend([err] if err else [])
    answer = as_dict(answer) or {}
    citations = list(answer.get("citations") or [])

    items: list[dict] = []
    if case.get("intent") == "recommend":
        out, err, latency["recommend"] = timer.call(
            "recommend", lambda: backend.recommend(case["question"], date=case.get("date"))
        )
        errors.extend([err] if err else [])
        items = agenda_items(out or [])
        item_spans = [[s for s in map(_span, _item_span_dicts(i)) if s] for i in items]
        hits = [0 if h is None else 1 for h in m.matched_evidence_multi(item_spans, evidence)]
        scores["recommend_hit"] = m.hit_at_k(hits, len(hits))
        scores["recommend_recall"] = m.recall_at_k(hits, len(case.get("evidence", [])), len(hits))
        citations += [i["citation"] for i in items if i.get("citation")]

    exact = [
        m.citation_exact(
            c.get("quote", ""), c.get("start", -1), c.get("end", -1), text_of(c["doc_id"])
        )
        for c in citations
        if c.get("doc_id")
    ]
    answered = bool(answer.get("answered", False))
    scores.update(
        {
            "answered": answered,
            "refusal_ok": answered == bool(case.get("answerable")),
            "language_ok": answer.get("language") == case.get("language"),
            "citations": len(exact),
            "citations_exact": sum(exact),
        }
    )
    if case.get("answerable"):
        facts = case.get("facts", [])
        quotes = [c.get("quote", "") for c in answer.get("citations") or []]
        text = m.without_marks(answer.get("answer", "") or "")
        scores["fact_recall"] = m.fact_recall(facts, text)
        scores["groundedness"] = m.groundedness(facts, quotes)
        computed = case.get("answer_facts", [])
        scores["supported"] = (
            answered
            and all(m.fact_in(g, text) and any(m.fact_in(g, q) for q in quotes) for g in facts)
            and all(m.fact_in(g, text) for g in computed)
        )
    scores["passed"] = (
        (bool(scores.get("supported")) if case.get("answerable") else not answered)
        and scores["language_ok"]
        and scores["citations_exact"] == scores["citations"]
    )
    result["returned"] = {
        "passages": [
            {k2: p.get(k2) for k2 in ("doc_id", "section", "start", "end", "score", "kind")}
            | {"text": (p.get("text") or "")[:300]}
            for p in passages
        ],
        "answer": answer.get("answer"),
        "answered": answer.get("answered"),
        "intent": answer.get("intent"),
        "language": answer.get("language"),
        "citations": citations,
        "agenda": [
            {
                **{f: (i.get("session") or {}).get(f) for f in ("title", "date", "start", "room")},
                "reason": i.get("reason"),
                "citation": i.get("citation"),
            }
            for i in items
        ],
    }
    result.update(scores=scores, latency_ms=latency, errors=errors)
    result["failed_checks"] = failed_checks(result)
    return result


def failed_checks(result: dict) -> list[str]:
    """Why a scored case is not right, in words a reader of the report can act on."""
    scores, expected, returned = result["scores"], result["expected"], result["returned"]
    text = m.without_marks(returned.get("answer") or "")
    quotes = [c.get("quote", "") for c in returned.get("citations") or []]
    out = []
    if result.get("answerable") and not scores.get("answered"):
        out.append("refused an answerable question")
    if not result.get("answerable") and scores.get("answered"):
        out.append("answered a question the documents cannot answer")
    if result.get("answerable") and scores.get("answered"):
        for group in expected["facts"]:
            if not m.fact_in(group, text):
                out.append(f"fact missing from the answer: {' | '.join(group[:4])}")
            elif not any(m.fact_in(group, q) for q in quotes):
                out.append(f"fact not in any cited quote: {' | '.join(group[:4])}")
        for group in expected.get("answer_facts", []):
            if not m.fact_in(group, text):
                out.append(f"computed fact missing from the answer: {' | '.join(group[:4])}")
    if scores.get("citations_exact") != scores.get("citations"):
        out.append("a citation's quote is not the document text at its offsets")
    if not scores.get("language_ok"):
        out.append(f"answered in {returned.get('language')!r}, asked in {result.get('language')!r}")
    if expected["evidence_not_found"]:
        out.append("dataset: evidence quote not found in the document")
    if result.get("errors"):
        out.append("error: " + "; ".join(result["errors"]))
    return out


def aggregate(cases: list[dict], k: int) -> dict[str, float | None]:
    """Every headline figure over a list of scored cases (None when nothing to measure)."""
    ok = [c for c in cases if c.get("answerable")]
    rec = [c for c in cases if c.get("intent") == "recommend"]

    def avg(rows: Iterable[dict], key: str) -> float | None:
        vals = [float(c["scores"][key]) for c in rows if c["scores"].get(key) is not None]
        return sum(vals) / len(vals) if vals else None

    n_cit = sum(c["scores"].get("citations", 0) for c in cases)
    figures: dict[str, float | None] = {
        f"hit@{k}": avg(ok, f"hit@{k}"),
        f"recall@{k}": avg(ok, f"recall@{k}"),
        "mrr@10": avg(ok, "mrr@10"),
        "ndcg@10": avg(ok, "ndcg@10"),
        "fact_recall": avg(ok, "fact_recall"),
        "groundedness": avg(ok, "groundedness"),
        "supported": avg(ok, "supported"),
        "citation_exactness": sum(c["scores"].get("citations_exact", 0) for c in cases) / n_cit
        if n_cit
        else None,
        "language_accuracy": avg(cases, "language_ok"),
        "recommend_hit": avg(rec, "recommend_hit"),
        "recommend_recall": avg(rec, "recommend_recall"),
        # A case is passed when it is right as a whole: supported (answerable) or refused (out of
        # scope), in the question's language, every citation exact.
        "passed": avg(cases, "passed"),
        "english_passed": avg([c for c in cases if c.get("language") == "en"], "passed"),
        "followup_passed": avg([c for c in cases if "follow_up" in c.get("tags", [])], "passed"),
    }
    if cases:
        figures.update(
            m.refusal_scores(
                [bool(c.get("answerable")) for c in cases],
                [bool(c["scores"].get("answered")) for c in cases],
            )
        )
    if not any(not c.get("answerable") for c in cases):
        figures["refusal_recall"] = None  # no out-of-scope case in this slice
    if not ok:
        figures["answerable_refused"] = None
    figures["cases"] = len(cases)
    return figures


def latency_summary(latency: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    return {
        ep: {"n": len(v), "p50": m.percentile(v, 50), "p95": m.percentile(v, 95), "mean": m.mean(v)}
        for ep, v in sorted(latency.items())
    }


def run(backend: Backend, dataset: list[dict], *, k: int = 5, progress: bool = True) -> dict:
    """Score every case; returns figures (overall, per intent, per language), latency and cases."""
    from tqdm import tqdm

    timer = _Timer()
    texts: dict[str, str | None] = {}
    results = [
        evaluate_case(backend, case, k=k, texts=texts, timer=timer)
        for case in tqdm(dataset, desc=f"eval {backend.name}", unit="case", disable=not progress)
    ]

    def by(key: str) -> dict[str, dict]:
        groups: dict[str, list[dict]] = defaultdict(list)
        for r in results:
            groups[str(r.get(key))].append(r)
        return {g: aggregate(rows, k) for g, rows in sorted(groups.items())}

    tags: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        for tag in r.get("tags", []):
            tags[tag].append(r)

    return {
        "backend": backend.name,
        "k": k,
        "overall": aggregate(results, k),
        "per_intent": by("intent"),
        "per_language": by("language"),
        "per_tag": {tag: aggregate(rows, k) for tag, rows in sorted(tags.items())},
        "latency_ms": latency_summary(timer.latency),
        "latency_samples_ms": dict(timer.latency),
        "cases": results,
        "errors": sum(bool(r["errors"]) for r in results),
    }


# --------------------------------------------------------------------------- backends


class InProcessBackend:
    """The core in this process: ingests the corpus first (incremental), then loads the index."""

    name = "ours"

    def __init__(self, settings: Any = None) -> None:
        from assistant.service import Assistant
        from assistant.settings import get_settings
        from ingest.pipeline import ingest_corpus

        self.settings = settings or get_settings()
        self.ingest_summary = as_dict(ingest_corpus(self.settings))
        self.assistant = Assistant(self.settings)
        if not self.assistant.load():
            raise RuntimeError("no index after ingest: check the corpus folder and data dir")

    def search(self, query: str, *, k: int) -> list[dict]:
        return as_dict(self.assistant.search(query, k=k))

    def ask(self, question: str, *, history: list[dict], k: int) -> dict:
        from assistant.domain.models import Turn

        turns = [Turn(role=t["role"], content=t["content"]) for t in history]
        return as_dict(self.assistant.ask(question, history=turns or None, k=k))

    def recommend(self, interests: str, *, date: str | None) -> list[dict]:
        return agenda_items(self.assistant.recommend(interests, date=date))

    def document_text(self, doc_id: str) -> str | None:
        return self.assistant.document(doc_id).text

    def catalogue(self) -> dict[str, list]:
        cat = self.assistant.index.snapshot.catalogue
        return {"sessions": cat.sessions, "people": cat.people, "initiatives": cat.initiatives}


class HttpBackend:
    """A running service, through the DESIGN.md endpoints."""

    name = "ours"

    def __init__(
        self, api_url: str, *, timeout_s: float = 60.0, api_key: str | None = None
    ) -> None:
        import httpx

        headers = {"X-API-Key": api_key} if api_key else {}
        self.client = httpx.Client(base_url=api_url.rstrip("/"), timeout=timeout_s, headers=headers)

    def _post(self, path: str, body: dict) -> Any:
        resp = self.client.post(path, json=body)
        resp.raise_for_status()
        return resp.json()

    def search(self, query: str, *, k: int) -> list[dict]:
        return self._post("/search", {"query": query, "k": k})["passages"]

    def ask(self, question: str, *, history: list[dict], k: int) -> dict:
        return self._post("/ask", {"question": question, "history": history, "k": k})

    def recommend(self, interests: str, *, date: str | None) -> list[dict]:
        body = {"interests": interests} | ({"date": date} if date else {})
        return self._post("/recommend", body).get("items", [])

    def document_text(self, doc_id: str) -> str | None:
        resp = self.client.get(f"/documents/{doc_id}")
        if resp.status_code == 404:
            return None
        resp.raise_for_status()
        return resp.json()["text"]

    def catalogue(self) -> dict[str, list]:
        out = {}
        for kind in ("sessions", "people", "initiatives"):
            resp = self.client.get(f"/{kind}")
            resp.raise_for_status()
            out[kind] = resp.json()
        return out
