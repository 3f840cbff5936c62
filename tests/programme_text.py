"""Invented programmes parsed as ingest parses a page, with every record field's span checked
against the text (the quote a citation would show)."""

from __future__ import annotations

import hashlib

from assistant.domain.models import Catalogue, Document
from ingest.programme import parse_programme


def parse_text(text: str, *, doc_id: str = "invented", kind: str | None = None, title: str | None = None) -> Catalogue:
    doc = Document(doc_id=doc_id, title=title if title is not None else text.splitlines()[0], text=text,
                   source=f"{doc_id}.txt", kind=kind, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   chars=len(text))
    cat = parse_programme(doc)
    for r in [*cat.sessions, *cat.people, *cat.initiatives, *cat.events]:
        for name, span in r.fields.items():
            assert text[span.start : span.end] == span.quote, (r.id, name)
    return cat
