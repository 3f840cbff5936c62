"""French BM25 over passages and catalogue entries (bm25s with our own tokens).

Tokens come from `assistant.language.text.content_terms` (accent/ligature folding, elisions, French
stemming, French and English stopwords), so the index is never silently English.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import Counter, OrderedDict

import numpy as np

from assistant.language.text import content_terms


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
        # The same query is often scored twice in a row (a refusal searches its question again
        # for suggestions; clients /search then /ask one question): a few recent score vectors
        # are kept, read-only so no caller can alter them.
        self._recent: OrderedDict[tuple[str, ...], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def idf(self, term: str) -> float:
        """Rarity of a stem: rare words say more about which sentence answers."""
        return math.log(1 + (self._size + 1) / (self._df.get(term, 0) + 1))

    def scores(self, query: str) -> np.ndarray:
        terms = content_terms(query)
        if not terms or self._size == 0:
            return np.zeros(self._size, dtype=np.float32)
        key = tuple(terms)
        with self._lock:
            if key in self._recent:
                self._recent.move_to_end(key)
                return self._recent[key]
        out = np.asarray(self._bm25.get_scores(terms), dtype=np.float32)
        out.setflags(write=False)
        with self._lock:
            self._recent[key] = out
            if len(self._recent) > 8:
                self._recent.popitem(last=False)
        return out
