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


# A record's own lines (title, time, room, speakers) are cited as one span when they lie this
# close together; a day header or a slot line further up is cited once as a group heading.
RECORD_SPAN = 700


def record_span(record: Session | Person | Initiative | Event) -> Span:
    """The one span that covers a record: its block, widened to the fields that sit right next to
    it (the room line above a title, the time on the line before)."""
    c = record.citation
    start, end = c.start, c.end
    fields = getattr(record, "fields", {}) or {}
    for name, span in fields.items():
        if name in ("date", "date_end", "event"):
            continue
        if span.doc_id == c.doc_id and span.start >= c.start - RECORD_SPAN // 2 and span.end <= c.end + RECORD_SPAN // 2:
            start, end = min(start, span.start), max(end, span.end)
    if end - start > RECORD_SPAN and end - c.start <= RECORD_SPAN:
        start = c.start
    return Span(doc_id=c.doc_id, start=start, end=end, quote="")


# A day header and the slot line right under it are cited as one heading.
HEADING_GAP = 200


def context_spans(record: Session, span: Span) -> list[Span]:
    """The date header and time line a session shares with others, when outside its own span;
    one span when they stand together ("Mardi 4 mars" then "14h00 – 15h30")."""
    out = [f for name in ("date", "start") if (f := record.fields.get(name)) is not None
           and not (span.start <= f.start and f.end <= span.end)]
    if len(out) == 2 and out[0].doc_id == out[1].doc_id and 0 <= out[1].start - out[0].end <= HEADING_GAP:
        return [Span(doc_id=out[0].doc_id, start=out[0].start, end=out[1].end, quote="")]
    return out
