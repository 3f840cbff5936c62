"""Parser of the French event-programme genre: `parse_programme(doc) -> Catalogue`.

Works from the genre's signals (day headers, time ranges, room labels, numbered sessions, role
lines, contact blocks, formation leaflets, example bullets), never from a particular corpus's
strings. Every record and field carries an exact span of `doc.text`.
"""

from __future__ import annotations

from assistant.domain.models import Catalogue, Document
from assistant.language.text import FRENCH_STOPWORDS, fold, tokens

from .build import Builder
from .initiatives import find_initiatives
from .lines import Line, split_lines
from .people import PersonMention
from .prose_people import prose_people
from .structure import walk

__all__ = ["parse_programme"]


def _event_title(doc: Document, lines: list[Line]) -> tuple[int, int] | None:
    """The heading line of the front matter that best matches the document's title."""
    want = {t for t in tokens(doc.title) if t not in FRENCH_STOPWORDS}
    best: tuple[float, int, int] | None = None
    for ln in lines[:60]:
        if ln.blank or len(ln.text) > 200 or ln.text.endswith("."):
            continue
        have = {t for t in tokens(ln.text) if t not in FRENCH_STOPWORDS}
        overlap = len(want & have)
        score = overlap - 0.1 * len(have - want)
        if overlap >= 2 and (best is None or score > best[0]):
            best = (score, ln.start, ln.end)
    if best:
        return best[1], best[2]
    for ln in lines[:60]:
        if len(ln.text.split()) >= 4 and len(ln.text) <= 200:
            return ln.start, ln.end
    return None


def parse_programme(doc: Document) -> Catalogue:
    lines = split_lines(doc.text)
    top = _event_title(doc, lines)
    top_text = doc.text[top[0] : top[1]] if top else doc.title
    parsed, walker = walk(doc.text, lines, meta_date=doc.date, top=top_text)
    b = Builder(doc, lines, parsed, top)
    sessions, mentions = b.sessions()
    known = {fold(doc.text[m.name[0]:m.name[1]]) for m, _, _ in mentions}
    known |= {fold(doc.text[m.name[0]:m.name[1]]) for m, _ in parsed.contacts}
    everyone: list[tuple[PersonMention, str | None, str | None]] = list(mentions)
    everyone += [(m, None, b.session_at(m.name[0])) for m in prose_people(doc.text, lines, taken=known)]
    persons = b.persons(everyone)
    initiatives = b.initiatives(find_initiatives(doc.text, lines, titles=[(t.start, t.end) for s in sessions
                                                            if (t := s.fields.get("title")) is not None]))
    event = b.event(sessions)
    sections = b.sections(walker.days, sessions)
    return Catalogue(
        events=[event],
        sessions=sessions,
        people=persons,
        initiatives=initiatives,
        sections=sections,
    )
