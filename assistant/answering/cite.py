"""Cite: each distinct source span gets one [n], in order of first use; the span that covers a
record, and the group headings (day, time slot) several records share."""

from __future__ import annotations

from assistant.domain.models import Citation, Document, Event, Initiative, Person, Session, Span


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


def within(inner: Span | Citation, outer: Span | Citation) -> bool:
    """The inner span lies inside the outer one: quoting the outer quotes it too."""
    return outer.start <= inner.start and inner.end <= outer.end


def _next_to(text: str, a: Span | Citation, b: Span | Citation) -> bool:
    """Whether two spans stand on the same or neighbouring lines (a room line over a title)."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    if second.start < first.end:
        return True
    gap = text[first.end:second.start]
    return gap.count("\n") <= 2 and len(gap) <= 200


def record_span(record: Session | Person | Initiative | Event, text: str) -> Span:
    """The one span that covers a record: its block, widened to the fields on the lines right
    next to it (the room line over a title, the time on the line before) and no further, so it
    never takes in another session of the same slot."""
    c = record.citation
    start, end = c.start, c.end
    fields = getattr(record, "fields", {}) or {}
    for name, span in fields.items():
        if name in ("date", "date_end", "event") or span.doc_id != c.doc_id:
            continue
        if _next_to(text, span, Span(doc_id=c.doc_id, start=start, end=end, quote="")):
            start, end = min(start, span.start), max(end, span.end)
    return Span(doc_id=c.doc_id, start=start, end=end, quote="")


def context_spans(record: Session, span: Span, text: str) -> list[Span]:
    """The date header and time line a session shares with others, when outside its own span;
    one span when nothing but blank space stands between them ("Mardi 4 mars" over "14h00")."""
    out = [f for name in ("date", "start") if (f := record.fields.get(name)) is not None
           and not within(f, span)]
    if len(out) == 2 and out[0].doc_id == out[1].doc_id and out[0].end <= out[1].start \
            and not text[out[0].end:out[1].start].strip():
        return [Span(doc_id=out[0].doc_id, start=out[0].start, end=out[1].end, quote="")]
    return out
