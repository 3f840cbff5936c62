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


def french_search_text(question: str, language: str) -> str:
    """What BM25 reads of an English question: each word the glossary translates by its French
    equivalents only, other words (names, places, words without an equivalent) as they are.
    Kept in English, "session", "room", "held" match the English pages of an index rather
    than the French programme the question is about."""
    if language != "en":
        return expand(question, language)
    folded = fold(question)
    phrases = borrowed_phrases(folded, language)
    covered = {w for en, _ in phrases for w in en.split()}
    out: list[str] = [fr for _, fr in phrases]
    for word in tokens(folded):
        if word in covered:
            continue
        out += french_for(word) or [word]
    return " ".join(out)
