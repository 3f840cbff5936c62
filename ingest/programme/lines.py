"""Split a document into lines that keep their exact offsets, and build exact spans.

Every later stage works on `Line`s so that any value it extracts can be traced back to
`doc.text[start:end]` without re-searching the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain.models import Span

# Bullet glyphs seen in exported programmes (word processors, web pages, plain-text lists).
_BULLET = re.compile(r"^([•◦▪▫‣∙·●○■□–—\-*▸►▶])\s+")


# The pictograms a web agenda puts before a field instead of a label word: a calendar, a clock, a
# map pin, people, a banknote, a microphone ("📅 Mardi 12 mai" / "🕘 9h30 – 11h30" /
# "📍 Médiathèque, salle 2 – Vernelles"). A line keeps its pictogram's field apart, like a bullet.
PICTOGRAMS = {
    "dates": "\U0001F4C5\U0001F4C6\U0001F5D3",
    "times": "\U0001F550-\U0001F567\u23F0\u231A\u23F1\u23F2",
    "place": "\U0001F4CD\U0001F4CC\U0001F3DB\u2316",
    "public": "\U0001F465\U0001F464",
    "price": "\U0001F4B6\U0001F4B0\U0001F39F",
    "people": "\U0001F3A4\U0001F5E3",
}  # fmt: skip
_PICTOGRAM = {kind: re.compile(f"^[{chars}]\ufe0f?\\s*(?=\\S)") for kind, chars in PICTOGRAMS.items()}


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # offset of the first non-blank character (after any bullet glyph)
    end: int  # offset just after the last non-blank character
    text: str  # == doc.text[start:end]
    indent: int  # leading spaces before the content or the bullet glyph
    bullet: bool
    line_start: int  # offset of the bullet glyph or content: where the visible line begins
    pictogram: str | None = None  # the field a leading pictogram names ("dates", "place"…), if any

    @property
    def blank(self) -> bool:
        return not self.text

    def sliced(self, a: int, b: int | None = None) -> Line:
        """`text[a:b]` (offsets within this line's text) as a line of its own, at its own offsets."""
        b = len(self.text) if b is None else b
        return Line(self.index, self.start + a, self.start + b, self.text[a:b], self.indent, False, self.start + a)


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = pos + lead
        body = raw[lead:].rstrip()
        bullet = False
        line_start = start
        pictogram = None
        for kind, rx in _PICTOGRAM.items():
            if (p := rx.match(body)) is not None:
                pictogram, start, body = kind, start + p.end(), body[p.end():]
                break
        m = _BULLET.match(body) if pictogram is None else None
        # A lone dash followed by text is a bullet; "14h - 15h" never starts a line with one.
        if m and len(body) > m.end():
            bullet = True
            start += m.end()
            body = body[m.end() :]
        lines.append(
            Line(
                index=i,
                start=start if stripped else pos,
                end=start + len(body) if stripped else pos,
                text=body if stripped else "",
                indent=len(raw[:lead].expandtabs(4)),
                bullet=bullet,
                line_start=line_start if stripped else pos,
                pictogram=pictogram,
            )
        )
        pos += len(raw) + 1
    return lines


def in_capitals(text: str, *, least: int = 1) -> bool:
    """Every letter of the text is a capital, and it has at least `least` letters ("SALLE
    VAUBAN", "PROCHAINES RÉUNIONS"): a heading or a label set in capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= least and all(c.isupper() for c in letters)


def strip_span(text: str, start: int, end: int, chars: str = "") -> tuple[int, int]:
    """(start, end) moved inwards past whitespace and any of `chars`: offsets stay exact."""
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return start, end


def make_span(text: str, doc_id: str, start: int, end: int) -> Span:
    """An exact span, trimmed of surrounding whitespace and dangling separators."""
    start, end = strip_span(text, start, end, ",;:")
    return Span(doc_id=doc_id, start=start, end=end, quote=text[start:end])


def fold_keep(s: str) -> str:
    """`fold` applied character by character, so offsets into the result are offsets into `s`."""
    from assistant.language.text import fold

    if s.isascii():
        return s.lower()
    return "".join((fold(c) or c)[:1] for c in s)
