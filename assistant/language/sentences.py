"""Sentence spans inside a text region, for extractive answers quoted at exact offsets."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?…])\s+|\n+")
# What separates a table's cells in text copied from a page: bars (box-drawn ones too), tabs, a
# spreadsheet's semicolons. The parser reads tables by them; answers tell a header row by them.
CELL_SEPARATORS = ("|", "│", "┃", "║", "\t", ";")
CELL_SEPARATOR = re.compile("[" + re.escape("".join(CELL_SEPARATORS)) + "]")
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


_SENTENCE_END = re.compile(r"[.!?…](?=\s)")
_ENDS_CLAUSE = (".", "!", "?", "…", ":", ";")


# Words no sentence ends with (articles, prepositions, conjunctions): a line ending with one was
# cut by the page width, whatever the case of the next line ("… available in the Salle du" /
# "Conseil municipal only.").
_CONTINUING = frozenset(
    "de du des la le les l' d' à a au aux en et ou un une pour par sur dans avec sans son sa ses leur "
    "leurs ce cette ces qui que dont entre vers chez the an of to in on at for with and or by from "
    "into their its is are".split())


def _left_open(line: str) -> bool:
    """The line opens a bracket or a guillemet it does not close."""
    return line.count("(") > line.count(")") or line.count("«") > line.count("»")


def _wraps_into(prev: str, nxt: str) -> bool:
    """A line break inside a sentence: the line stops mid-clause and the next goes on in lower
    case ("… a remis en" / "état 412 véhicules"), or the line ends with a word no sentence ends
    with; a label line or a new item starts afresh."""
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not (prev and nxt):
        return False
    if _left_open(prev):
        return True  # "(entrée rue" / "Saint-Vincent, par la rampe)": a bracket closes below
    if prev.endswith(_ENDS_CLAUSE):
        return False
    return nxt[0].islower() or nxt[0].isdigit() or (cut_short(prev) and nxt[0].isalpha())


def cut_short(line: str) -> bool:
    """The line stops on a word no sentence ends with ("… aura lieu le"): what it says goes on
    below, even past a blank line (an e-mail sets the date and place apart, indented)."""
    words = line.split()
    return bool(words) and words[-1].lower() in _CONTINUING


def sentence_around(text: str, start: int, end: int, *, limit: int = 400) -> tuple[int, int]:
    """The sentence holding text[start:end], across the line breaks of a wrapped sentence
    ("… a remis en / état 412 véhicules …"); the span itself when that sentence is longer than
    `limit` characters."""
    a, b = line_span(text, start, end)
    while a > 0:
        prev_start = text.rfind("\n", 0, a - 1) + 1
        if not _wraps_into(text[prev_start : a - 1], text[a:b]):
            break
        a = prev_start
    while b < len(text):
        nxt_end = text.find("\n", b + 1)
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        if not _wraps_into(text[a:b], text[b + 1 : nxt_end]):
            break
        b = nxt_end
    lo, hi = a, b
    for m in _SENTENCE_END.finditer(text, a, start):
        if not _ABBREVIATION.search(text[max(0, m.start() - 6) : m.start() + 1]):
            lo = m.end()
    for m in _SENTENCE_END.finditer(text, end, b):
        if not _ABBREVIATION.search(text[max(0, m.start() - 6) : m.start() + 1]):
            hi = m.end()
            break
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if hi - lo > limit or lo > start or hi < end:
        return start, end
    return lo, hi
