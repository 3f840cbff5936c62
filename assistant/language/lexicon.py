"""Loading the genre's lexicons: TOML data files in `assistant/language/lexicons/`.

Vocabulary is data, defined once: the modules that use it (calendar, kinds, roles, modes,
glossary, asked values) read it from here, and `tests/test_lexicons.py` checks its consistency.
Patterns in the files are folded (lower case, no accents) regular-expression alternatives.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed lexicon `name` (file `lexicons/<name>.toml`), read once per process."""
    text = resources.files("assistant.language.lexicons").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def alternation(patterns: Iterable[str]) -> str:
    """One non-capturing group of alternatives, longest first (so "sous-groupes" beats "groupe")."""
    alts = sorted({p for p in patterns if p}, key=len, reverse=True)
    return "(?:" + "|".join(alts) + ")"


def word_pattern(patterns: Iterable[str]) -> re.Pattern[str]:
    """Alternatives matched as whole words of folded text."""
    return re.compile(r"(?<![\w-])" + alternation(patterns) + r"(?![\w-])")
