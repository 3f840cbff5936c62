"""How many threads encode one question, chosen per call from what this machine does now.

Which is faster for one short question, one thread or every core, is not a property of the
model: on the same idle 2-core VM a second thread saved nothing one week (14 vs 16 ms) and 15%
the next (21 vs 25 ms), and when another process holds a core every op waits for the descheduled
partner thread (several times slower). So "auto" measures instead of guessing:

- while another question is being encoded in this process, one thread (concurrent requests
  already use the cores; splitting each one would only make them wait on each other);
- alone, the count whose recent encodes were faster (median of the last few), after trying each
  a few times, and trying the other one now and then so a change of load is noticed.

The choice only changes how fast a question's vector comes, never the vector itself.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Encodes timed per count before choosing, the window the median reads, and how often (every
# n-th call alone) the slower count is tried again.
FIRST_TRIES = 3
WINDOW = 9
RETRY_EVERY = 16


class QueryThreads:
    """`fixed` > 0 (or 0: all cores) always uses that count; None chooses as the module says."""

    def __init__(self, cores: int, *, fixed: int | None = None,
                 clock: Callable[[], float] = time.perf_counter):
        self._options = sorted({1, max(cores, 1)})
        self._fixed = fixed
        self._clock = clock
        self._lock = threading.Lock()
        self._busy = 0
        self._started = 0
        self._alone_calls = 0
        self._times: dict[int, deque[float]] = {n: deque(maxlen=WINDOW) for n in self._options}

    def _choose(self) -> tuple[int, bool]:
        """The count for a call starting now, and whether its time says something about it."""
        if self._fixed is not None:
            return self._fixed, False
        if self._busy or len(self._options) == 1:
            return 1, False
        self._alone_calls += 1
        untried = [n for n in self._options if len(self._times[n]) < FIRST_TRIES]
        if untried:
            return untried[self._alone_calls % len(untried)], True
        ranked = sorted(self._options, key=lambda n: statistics.median(self._times[n]))
        if self._alone_calls % RETRY_EVERY == 0:
            return ranked[1], True
        return ranked[0], True

    @contextmanager
    def use(self) -> Iterator[int]:
        """`with threads.use() as n: encode(…, threads=n)`; the encode is timed when it ran alone."""
        with self._lock:
            count, timed = self._choose()
            self._busy += 1
            self._started += 1
            mine = self._started
        started = self._clock()
        try:
            yield count
        finally:
            took = self._clock() - started
            with self._lock:
                self._busy -= 1
                # A call that started meanwhile shared the cores: not a fair time.
                if timed and self._started == mine:
                    self._times[count].append(took)

    def medians_ms(self) -> dict[int, float]:
        """What "auto" has measured so far, by thread count."""
        with self._lock:
            return {n: round(statistics.median(t) * 1000, 2) for n, t in self._times.items() if t}
