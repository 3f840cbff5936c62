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

# BM25's saturation and length normalisation, chosen on the tune split (hit@5 / MRR@10):
# bm25s' defaults k1 1.5, b 0.75 gave 0.787 / 0.670; b 0.5 0.805 / 0.682; k1 0.9, b 0.25
# 0.813 / 0.696; k1 0.6, b 0.4 0.816 / 0.698; k1 0.4, b 0.3 0.808 / 0.700. Held-out, read after
# the choice: 0.738 / 0.573 -> 0.749 / 0.593. A passage names its topic once or twice, and a
# catalogue entry is short: repeating a word, or being long, says little about relevance here.
K1, B = 0.6, 0.4


class LexicalIndex:
    def __init__(self, texts: list[str]):
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)

        self._size = len(texts)
        self._bm25 = bm25s.BM25(k1=K1, b=B)
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
