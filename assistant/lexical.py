"""French BM25 over passages and catalogue entries (bm25s with our own tokens).

Tokens come from `assistant.text.content_terms` (accent/ligature folding, elisions, French
stemming, French and English stopwords), so the index is never silently English.
"""

from __future__ import annotations

import logging
import math
from collections import Counter

import numpy as np

from assistant.text import content_terms


class LexicalIndex:
    def __init__(self, texts: list[str]):
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)

        self._size = len(texts)
        self._bm25 = bm25s.BM25()
        corpus = [content_terms(t) or ["_"] for t in texts]
        # Every stem the corpus knows: a question term outside it cannot be answered from it.
        self.vocabulary: frozenset[str] = frozenset(term for doc in corpus for term in doc)
        self._df = Counter(term for doc in corpus for term in set(doc))
        if corpus:
            self._bm25.index(corpus, show_progress=False)

    def idf(self, term: str) -> float:
        """Rarity of a stem: rare words say more about which sentence answers."""
        return math.log(1 + (self._size + 1) / (self._df.get(term, 0) + 1))

    def scores(self, query: str) -> np.ndarray:
        terms = content_terms(query)
        if not terms or self._size == 0:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)
