"""Markdown pages (an association's website, a wiki export): their syntax blanked, not removed.

Headings (`### Séance 2 — …`), bold labels (`**Date :** 13 octobre`), emphasis and links are
how such a page marks what plain programmes mark by capitals, colons and line breaks. Each
syntax character is replaced by a space, so every offset of the page stays the same: the
parser reads `Séance 2 — …` and `Date : 13 octobre`, and the spans it keeps still quote the
served text exactly.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{1,6})[ \t]+(?=\S)", re.M)
_BOLD = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]+\)")
_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M)


def is_markdown(text: str) -> bool:
    """Two headings, or three bold runs: a page written in Markdown, not one stray '#' or '**'."""
    return len(_HEADING.findall(text)) >= 2 or len(_BOLD.findall(text)) >= 3


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def blank_markdown(text: str) -> str:
    """`text` with its Markdown syntax replaced by spaces (same length, same line breaks)."""
    spans: list[tuple[int, int]] = [m.span(1) for m in _HEADING.finditer(text)]
    for m in _BOLD.finditer(text):
        n = len(m.group(1))
        spans += [(m.start(), m.start() + n), (m.end() - n, m.end())]
    for m in _EMPHASIS.finditer(text):
        spans += [(m.start(), m.start() + 1), (m.end() - 1, m.end())]
    for m in _LINK.finditer(text):
        spans += [(m.start(), m.start() + 1), (m.end(1), m.end())]
    spans += [m.span() for m in _RULE.finditer(text)]
    return _blank(text, spans)
