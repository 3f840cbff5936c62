"""Does a text speak of what someone typed? Term groups of a query, met by a text's stems.

Used where a yes/no is needed rather than a score: the catalogue's `q=` filters and whether a
session fits an interest. Terms are the same folded, French-stemmed keys as lexical search
(`content_terms`), English words also count through their French glossary equivalents, and a
stem also meets a longer stem it begins ("jeun" of "jeunes" and "jeuness" of "jeunesse"): French
derivations that Snowball leaves apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.language.glossary import french_for
from assistant.language.text import FRENCH_STOPWORDS, content_terms, tokens

# A stem shorter than this meets only itself; one of MIN_PREFIX letters meets stems at most
# SHORT_EXTENSION letters longer ("jeun" meets "jeuness", "part" does not meet "particip").
MIN_PREFIX = 4
SHORT_EXTENSION = 3

TermGroup = frozenset[str]


def query_groups(text: str) -> list[TermGroup]:
    """One group per meaningful word of `text`: its stem and those of its French equivalents."""
    groups: list[TermGroup] = []
    for word in tokens(text):
        alts = set(content_terms(word))
        if word not in FRENCH_STOPWORDS:  # "ai", "car" are French words first
            for fr in french_for(word):
                alts.update(content_terms(fr))
        if alts:
            groups.append(frozenset(alts))
    return groups


def stem_met(term: str, stems: Iterable[str]) -> bool:
    """`term` is one of `stems`, or one begins the other (see MIN_PREFIX)."""
    for s in stems:
        if s == term:
            return True
        short, long_ = (s, term) if len(s) < len(term) else (term, s)
        if len(short) < MIN_PREFIX or not long_.startswith(short):
            continue
        if len(short) > MIN_PREFIX or len(long_) - len(short) <= SHORT_EXTENSION:
            return True
    return False


def group_met(group: TermGroup, stems: frozenset[str]) -> bool:
    return any(term in stems or stem_met(term, stems) for term in group)


def all_met(groups: list[TermGroup], text: str) -> bool:
    """Every group is met by the text (True for no groups)."""
    stems = frozenset(content_terms(text))
    return all(group_met(g, stems) for g in groups)
