"""Pure metric functions for the evaluation suite (no I/O, no models).

Relevance (retrieval)
    An evidence item is a `(doc_id, quote)`; its span is located in the served document text
    (`locate`). A retrieved passage is relevant to an evidence item when both have the same
    doc_id and their character spans overlap (half-open intervals, at least one shared char).
    `relevance_vector` turns a ranking into binary gains with *first-match credit*: each passage
    credits at most one evidence item not yet credited by a higher-ranked passage, so a second
    passage on an already-found item counts as non-relevant. This equals scoring, with
    trec_eval/ranx, a run whose ids are the credited evidence ids (unique) and whose qrels are
    the evidence ids with relevance 1.

Retrieval metrics (binary relevance, `rels` = gains in rank order, `n_relevant` = |evidence|)
    hit@k      1 if any of the first k is relevant (ranx `hit_rate@k`, trec_eval `success_k`).
    recall@k   relevant in the first k / n_relevant.
    MRR@k      1 / rank of the first relevant within the first k, else 0 (ranx `mrr@k`).
    nDCG@k     DCG@k / IDCG@k with DCG = sum rel_i / log2(i + 1) over ranks i = 1..k, and IDCG
               over min(k, n_relevant) ideal gains (trec_eval `ndcg_cut_k`, ranx `ndcg@k`).
    Cases with n_relevant = 0 are not scored (the caller skips them).

Answer metrics (facts are groups of acceptable spellings)
    A group matches a text when one spelling, folded (`assistant.language.text.fold`: lower case, accents,
    ligatures, typographic quotes), with hyphens turned to spaces and whitespace collapsed,
    occurs in the text normalised the same way, not glued to a letter or digit on either side
    ("IA" does not match inside "sociale").
    fact recall    matched groups in the answer text / groups (1.0 when there are none).
    groundedness   groups matched inside at least one cited quote / groups.
    citation exactness   share of citations whose quote == document text[start:end].
    refusal        positive class = refused (answered is False): precision = refused
                   out-of-scope / refused; recall = refused out-of-scope / out-of-scope;
                   answerable_refused = refused answerable / answerable.
    language accuracy    share of answers whose language equals the question's.
    percentile     linear interpolation between closest ranks (numpy's default method).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from assistant.language.text import fold


class Span(NamedTuple):
    doc_id: str
    start: int
    end: int


# --------------------------------------------------------------------------- relevance


def _tolerant_pattern(quote: str) -> str:
    # Dataset authors type straight apostrophes and plain spaces; documents may hold curly ones
    # and non-breaking spaces. Only these variations are tolerated, so a match is still exact text.
    parts = []
    for ch in quote:
        if ch in "'’ʼ‘":
            parts.append("['’ʼ‘]")
        elif ch.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """Span of `quote` in `text`: exact first, then tolerant of apostrophe/space variants."""
    if not quote:
        return None
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    match = re.search(_tolerant_pattern(quote), text)
    return (match.start(), match.end()) if match else None


def overlaps(a: Span, b: Span) -> bool:
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end


def matched_evidence(retrieved: Sequence[Span], evidence: Sequence[Span]) -> list[int | None]:
    """For each retrieved passage, the index of the evidence item it credits (or None)."""
    return matched_evidence_multi([[span] for span in retrieved], evidence)


def matched_evidence_multi(
    retrieved: Sequence[Sequence[Span]], evidence: Sequence[Span]
) -> list[int | None]:
    """Same rule for ranked items that carry several spans (a recommended session: its record,
    its fields, the reason's citation): an item overlapping through any of its spans counts."""
    credited: set[int] = set()
    out: list[int | None] = []
    for spans in retrieved:
        hit = next(
            (
                i
                for i, e in enumerate(evidence)
                if i not in credited and any(overlaps(s, e) for s in spans)
            ),
            None,
        )
        if hit is not None:
            credited.add(hit)
        out.append(hit)
    return out


def relevance_vector(retrieved: Sequence[Span], evidence: Sequence[Span]) -> list[int]:
    """Binary gains of a ranking against evidence spans, with first-match credit."""
    return [0 if hit is None else 1 for hit in matched_evidence(retrieved, evidence)]


# --------------------------------------------------------------------------- retrieval


def hit_at_k(rels: Sequence[int], k: int) -> float:
    return 1.0 if any(rels[:k]) else 0.0


def recall_at_k(rels: Sequence[int], n_relevant: int, k: int) -> float:
    if n_relevant <= 0:
        return 0.0
    return sum(1 for r in rels[:k] if r) / n_relevant


def mrr_at_k(rels: Sequence[int], k: int = 10) -> float:
    for rank, rel in enumerate(rels[:k], start=1):
        if rel:
            return 1.0 / rank
    return 0.0


def dcg_at_k(rels: Sequence[int], k: int) -> float:
    return sum(rel / math.log2(rank + 1) for rank, rel in enumerate(rels[:k], start=1))


def ndcg_at_k(rels: Sequence[int], n_relevant: int, k: int) -> float:
    ideal = dcg_at_k([1] * min(k, n_relevant), k)
    return dcg_at_k(rels, k) / ideal if ideal > 0 else 0.0


# --------------------------------------------------------------------------- answers


def _norm(text: str) -> str:
    text = fold(text).replace("-", " ").replace("_", " ")
    return re.sub(r"\s+", " ", text).strip()


_MARKS = re.compile(r"\[\d+\]")


def without_marks(answer: str) -> str:
    """The answer without its citation marks: "[2]" is a reference, not the figure 2."""
    return _MARKS.sub(" ", answer)


def fact_in(group: Sequence[str], text: str) -> bool:
    """True when one spelling of the group occurs in `text` (folded, not inside a word)."""
    haystack = _norm(text)
    for spelling in group:
        needle = _norm(spelling)
        if needle and re.search(rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])", haystack):
            return True
    return False


def fact_recall(facts: Sequence[Sequence[str]], text: str) -> float:
    if not facts:
        return 1.0
    return sum(fact_in(group, text) for group in facts) / len(facts)


def groundedness(facts: Sequence[Sequence[str]], quotes: Iterable[str]) -> float:
    """Share of fact groups that appear inside at least one cited quote."""
    quotes = list(quotes)
    if not facts:
        return 1.0
    return sum(any(fact_in(group, q) for q in quotes) for group in facts) / len(facts)


def citation_exact(quote: str, start: int, end: int, doc_text: str | None) -> bool:
    if doc_text is None or not 0 <= start <= end <= len(doc_text):
        return False
    return doc_text[start:end] == quote


def refusal_scores(answerable: Sequence[bool], answered: Sequence[bool]) -> dict[str, float]:
    """Refusal precision/recall (positive = refused) and the share of answerable ones refused."""
    pairs = list(zip(answerable, answered, strict=True))
    refused_oos = sum(1 for a, ans in pairs if not a and not ans)
    refused = sum(1 for _, ans in pairs if not ans)
    oos = sum(1 for a, _ in pairs if not a)
    ok = sum(1 for a, _ in pairs if a)
    refused_ok = sum(1 for a, ans in pairs if a and not ans)
    return {
        # No refusal at all: precision is vacuous, reported as 1.0 only if nothing was to refuse.
        "refusal_precision": refused_oos / refused if refused else (1.0 if oos == 0 else 0.0),
        "refusal_recall": refused_oos / oos if oos else 1.0,
        "answerable_refused": refused_ok / ok if ok else 0.0,
    }


def language_accuracy(expected: Sequence[str], returned: Sequence[str | None]) -> float:
    pairs = list(zip(expected, returned, strict=True))
    return sum(e == r for e, r in pairs) / len(pairs) if pairs else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """q in [0, 100], linear interpolation between closest ranks; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def mean(values: Iterable[float]) -> float:
    vals = [v for v in values if v is not None and not math.isnan(v)]
    return sum(vals) / len(vals) if vals else float("nan")
