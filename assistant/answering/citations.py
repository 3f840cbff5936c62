"""Numbering of citations: each distinct source span gets one [n], in order of first use."""

from __future__ import annotations

from assistant.domain.models import Citation, Document, Span


class CitationBook:
    def __init__(self, documents: dict[str, Document]):
        self._documents = documents
        self._by_span: dict[tuple[str, int, int], Citation] = {}

    def cite(self, doc_id: str, start: int, end: int, *, score: float = 1.0) -> int:
        key = (doc_id, start, end)
        if key not in self._by_span:
            doc = self._documents[doc_id]
            # Quotes are always re-read from the served text: exact by construction.
            self._by_span[key] = Citation(n=len(self._by_span) + 1, doc_id=doc_id, title=doc.title,
                                          quote=doc.text[start:end], start=start, end=end,
                                          score=round(float(score), 6))
        return self._by_span[key].n

    def cite_span(self, span: Span | Citation | None, *, score: float = 1.0) -> int | None:
        if span is None:
            return None
        return self.cite(span.doc_id, span.start, span.end, score=score)

    @staticmethod
    def marks(numbers) -> str:
        seen: list[int] = []
        for n in numbers:
            if n is not None and n not in seen:
                seen.append(n)
        return "".join(f"[{n}]" for n in seen)

    @property
    def citations(self) -> list[Citation]:
        return sorted(self._by_span.values(), key=lambda c: c.n)
