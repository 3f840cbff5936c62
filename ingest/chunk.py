"""Split a document into short, contextual passages whose offsets are exact.

Units are sentences inside non-empty lines. Consecutive units are grouped while they share the
same innermost section and stay under `max_words` (MiniLM reads 256 wordpieces, about 130 French
words, and the section path is prepended for embedding). Each passage's `text` is exactly
`document.text[start:end]`.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass

from assistant.domain.models import Document, Passage, Section
from assistant.search.contextual import contextual

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«“\"(A-ZÀ-ÖØ-Þ0-9])")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    words: int
    paragraph: int


def _line_units(text: str) -> list[Unit]:
    units: list[Unit] = []
    paragraph = 0
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            paragraph += 1
            continue
        offset = line_start + (len(line) - len(line.lstrip()))
        sentences_start = 0
        body = line.strip()
        pieces = []
        for match in _SENTENCE_END.finditer(body):
            pieces.append((sentences_start, match.start()))
            sentences_start = match.end()
        pieces.append((sentences_start, len(body)))
        for a, b in pieces:
            if b > a:
                units.append(Unit(offset + a, offset + b, len(_WORD.findall(body[a:b])), paragraph))
    return units


def _split_long(unit: Unit, text: str, max_words: int) -> list[Unit]:
    """A sentence longer than the window is cut at word boundaries (rare: lists, tables)."""
    if unit.words <= max_words:
        return [unit]
    words = list(_WORD.finditer(text, unit.start, unit.end))
    out = []
    for i in range(0, len(words), max_words):
        chunk = words[i : i + max_words]
        out.append(Unit(chunk[0].start(), chunk[-1].end(), len(chunk), unit.paragraph))
    return out


class SectionIndex:
    """Innermost section path for an offset (sections may nest)."""

    def __init__(self, sections: list[Section]):
        self._sections = sorted(sections, key=lambda s: (s.start, -s.end))
        self._starts = [s.start for s in self._sections]

    def path_at(self, offset: int) -> tuple[str, ...]:
        best: Section | None = None
        for i in range(bisect.bisect_right(self._starts, offset) - 1, -1, -1):
            s = self._sections[i]
            if s.start <= offset < s.end and (best is None or s.end - s.start < best.end - best.start):
                best = s
        return tuple(best.path) if best else ()


def chunk_document(doc: Document, *, sections: list[Section], max_words: int = 80) -> list[Passage]:
    index = SectionIndex(sections)
    units = [u for unit in _line_units(doc.text) for u in _split_long(unit, doc.text, max_words)]
    groups: list[tuple[tuple[str, ...], list[Unit]]] = []
    for unit in units:
        path = index.path_at(unit.start)
        if groups:
            g_path, g_units = groups[-1]
            words = sum(u.words for u in g_units)
            same_section = g_path == path
            # A paragraph break is a natural cut once a passage has some substance.
            paragraph_cut = unit.paragraph != g_units[-1].paragraph and words >= max_words // 2
            if same_section and words + unit.words <= max_words and not paragraph_cut:
                g_units.append(unit)
                continue
        groups.append((path, [unit]))
    passages = []
    key = doc.sha256[:12]
    for i, (path, g_units) in enumerate(groups):
        start, end = g_units[0].start, g_units[-1].end
        section, text = " > ".join(path), doc.text[start:end]
        # The id names what is embedded, not only where: a new parser or chunker cuts the same
        # document otherwise, and the index must not keep the vector of the old passage i.
        digest = content_digest(contextual(doc.title, section, text), start, end)
        passages.append(Passage(id=f"{doc.doc_id}:{key}:{i:04d}:{digest}", doc_id=doc.doc_id,
                                title=doc.title, section=section, text=text, start=start, end=end))
    return passages


def content_digest(*parts: object) -> str:
    """A short digest of what an index item embeds and where: its id changes when they do, so
    an incremental ingest embeds it again (passages here, catalogue entries in the pipeline)."""
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:10]


def contextual_text(passage: Passage) -> str:
    """What is embedded and indexed: the passage with its document title and section path."""
    return contextual(passage.title, passage.section, passage.text)
