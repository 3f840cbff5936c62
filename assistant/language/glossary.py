"""English -> French vocabulary for English questions over French documents.

Data: `lexicons/glossary.toml` (general social-policy and programme words, never a programme's
own). English words are matched by their English stem, so "developing" finds "develop" and
"solidarities" finds "solidarity".
"""

from __future__ import annotations

from functools import cache

from assistant.language.lexicon import load
from assistant.language.text import english_stem, fold, tokens


@cache
def _words() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for en, fr in load("glossary")["words"].items():
        out.setdefault(english_stem(fold(en)), []).extend(f for f in fr if f not in out.get(english_stem(fold(en)), []))
    return out


@cache
def _phrases() -> dict[str, str]:
    return {fold(en): fold(fr) for en, fr in load("glossary")["phrases"].items()}


def french_for(word: str) -> list[str]:
    """French equivalents of one English word (by its English stem); empty when unknown."""
    return list(_words().get(english_stem(fold(word)), []))


def borrowed_phrases(folded: str, language: str) -> list[tuple[str, str]]:
    """(English phrase, French) for the glossary phrases a folded text holds ("mental health"),
    in English questions and as borrowed terms of art in French ones."""
    padded = f" {' '.join(tokens(folded))} "
    return [(en, fr) for en, fr in _phrases().items() if f" {en} " in padded and en != fr]


def expand(question: str, language: str) -> str:
    """The search text: English questions get the French equivalents of their words and phrases
    appended; French ones only the French for English phrases they borrow."""
    folded = fold(question)
    extra = [fr for _, fr in borrowed_phrases(folded, language)]
    if language == "en":
        extra += [fr for word in tokens(folded) for fr in french_for(word)]
    return " ".join([question, *extra]) if extra else question
