"""Is the question's topic in the evidence? Coverage of its topic groups by one evidence text.

A topic group is one word of the question with its acceptable stems (its French equivalents for
an English word). The answer must stand in one place: coverage is that of the best single text.
A group whose stems the whole corpus never uses is unknown; when half the topic is unknown, the
corpus is not about it, whatever the best coverage.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.query import Query
from assistant.language.matching import group_met
from assistant.language.text import CORPUS_LANGUAGE, content_terms


@dataclass(frozen=True)
class Support:
    coverage: float  # best share of topic groups found in one evidence text (1.0: no topic)
    unknown: float  # share of topic groups the corpus never uses
    best: int  # index of the best-covering text (-1: none)
    groups: int = 0  # topic groups judged
    # The topic is the question's own words (French), not the glossary's French for English ones:
    # an equivalent the corpus never uses may be the wrong sense ("lift" for a car ride), not a
    # topic the programmes lack.
    own_words: bool = True

    def holds(self, threshold: float) -> bool:
        # A word the corpus never uses is what the question is about unless everything else it
        # says stands in one place: "la recette de la tarte tatin" meets "les recettes de nos
        # grands-mères" on one word of two known ones, and no programme gives that recipe.
        if self.own_words and self.unknown > 0 and self.coverage < 1 - self.unknown - 1e-9:
            return False
        # Half the topic unknown to the corpus still holds when the known half, two words at
        # least, is all there ("le sport et les Jeux olympiques" where the programme writes
        # "JOP"); one known word beside an unknown one does not ("le maire de <ville>").
        known_found = round(self.coverage * self.groups)
        relaxed = self.unknown <= 0.5 and self.unknown <= 1 - self.coverage + 1e-9 and known_found >= 2
        return self.coverage >= threshold and (self.unknown < 0.5 or relaxed)


def group_in(group: tuple[str, ...], terms: set[str] | frozenset[str]) -> bool:
    """One of the group's stems is in the terms, or begins one of them, or one begins it (French
    derivations the stemmer leaves apart: "aliment"/"alimentair"; see language.matching)."""
    return group_met(frozenset(group), frozenset(terms))


def coverage(topic: tuple[tuple[str, ...], ...], text: str) -> float:
    if not topic:
        return 1.0
    terms = set(content_terms(text))
    return sum(1 for g in topic if group_in(g, terms)) / len(topic)


def assess(query: Query, texts: list[str], *, vocabulary: frozenset[str]) -> Support:
    topic = query.topic
    if not topic:
        return Support(coverage=1.0, unknown=0.0, best=0 if texts else -1)
    # An English word outside the glossary has no French stems: whether the corpus uses it says
    # nothing about the topic, so only translated groups (more than one stem) are judged.
    judged = topic if query.language == "fr" else tuple(g for g in topic if len(g) > 1)
    unknown = sum(1 for g in judged if not group_in(g, vocabulary)) / len(topic)
    if query.language == "en":
        # Coverage is judged on the words French text can hold: those with French equivalents,
        # and English words the corpus itself uses (an English page). "leading", "like" are
        # neither, and say nothing against the topic being there.
        topic = tuple(g for g in topic if len(g) > 1 or group_in(g, vocabulary)) or topic
    own_words = query.language == CORPUS_LANGUAGE
    scores = [coverage(topic, t) for t in texts]
    if not scores:
        return Support(coverage=0.0, unknown=unknown, best=-1, groups=len(topic), own_words=own_words)
    best = max(range(len(scores)), key=scores.__getitem__)
    return Support(coverage=scores[best], unknown=unknown, best=best, groups=len(topic), own_words=own_words)


def weighted_coverage(topic: tuple[tuple[str, ...], ...], text: str, idf) -> float:
    """Coverage with each topic word weighed by its rarity in the corpus: "lutte contre" counts
    less than "pauvreté" when telling which session a question is about."""
    if not topic:
        return 1.0
    terms = set(content_terms(text))
    weights = [max(idf(s) for s in g) for g in topic]
    found = sum(w for g, w in zip(topic, weights, strict=True) if group_in(g, terms))
    return found / sum(weights) if sum(weights) else 0.0
