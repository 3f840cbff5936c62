"""How a session is attended (online, hybrid, in person), from the words programmes use.
Data: `lexicons/modes.toml`."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from assistant.language.lexicon import load, word_pattern
from assistant.language.text import fold

Mode = Literal["online", "hybrid", "in_person"]


@cache
def _patterns() -> tuple[tuple[Mode, re.Pattern[str]], ...]:
    data = load("modes")
    # Hybrid first: "sur place et en ligne" is both, not online only.
    return tuple((mode, word_pattern(data[mode]["words"])) for mode in ("hybrid", "online", "in_person"))


def mode_named(text: str) -> Mode | None:
    folded = fold(text)
    return next((mode for mode, rx in _patterns() if rx.search(folded)), None)


def strip_modes(folded: str) -> str:
    """Folded text with its attendance-mode words blanked out."""
    for _, rx in _patterns():
        folded = rx.sub(" ", folded)
    return folded
