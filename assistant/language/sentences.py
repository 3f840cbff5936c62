"""Sentence spans inside a text region, for extractive answers quoted at exact offsets."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?…])\s+|\n+")
# A full stop after an initial or a title ("M. P. Legrand", "Mme K. Le Chenadec", "Dr.") ends no
# sentence: splitting there would quote "consultant Algoé, M." as if it were one.
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-ZÀ-Ý]|M|MM|Mme|Mmes|Mlle|Mlles|Dr|Drs|Pr|Me|Mgr|St|Ste|Tél|Tel|cf|p|n°|No)\.$")


def line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole lines: contact details sit on the line of the name they belong to."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, (len(text) if b < 0 else b)


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences and lines of text[start:end], trimmed."""
    spans = []
    pos = start
    region = text[start:end]
    for match in _BOUNDARY.finditer(region):
        if "\n" not in match.group() and _ABBREVIATION.search(region[max(0, match.start() - 6) : match.start()]):
            continue
        spans.append((pos, start + match.start()))
        pos = start + match.end()
    spans.append((pos, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a >= 3:
            out.append((a, b))
    return out
