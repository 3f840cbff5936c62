"""The "auto" thread count for one question's encode (assistant/search/query_threads.py), on a
hand-driven clock: which count it picks alone, concurrently, and after the machine's load changes."""

from __future__ import annotations

from assistant.search.query_threads import FIRST_TRIES, RETRY_EVERY, WINDOW, QueryThreads


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def encode(threads: QueryThreads, clock: Clock, cost: dict[int, float]) -> int:
    """One encode alone that takes cost[count] seconds; returns the count used."""
    with threads.use() as n:
        clock.now += cost[n]
    return n


def test_a_fixed_count_is_always_used() -> None:
    clock = Clock()
    threads = QueryThreads(2, fixed=1, clock=clock)
    assert {encode(threads, clock, {1: 0.02, 2: 0.01}) for _ in range(20)} == {1}
    assert threads.medians_ms() == {}


def test_one_core_means_one_thread() -> None:
    clock = Clock()
    threads = QueryThreads(1, clock=clock)
    assert {encode(threads, clock, {1: 0.02}) for _ in range(10)} == {1}


def test_alone_it_tries_both_then_keeps_the_faster() -> None:
    clock = Clock()
    threads = QueryThreads(2, clock=clock)
    cost = {1: 0.025, 2: 0.021}
    first = [encode(threads, clock, cost) for _ in range(2 * FIRST_TRIES)]
    assert first.count(1) == first.count(2) == FIRST_TRIES
    assert threads.medians_ms() == {1: 25.0, 2: 21.0}
    after = [encode(threads, clock, cost) for _ in range(RETRY_EVERY - 1)]
    # Every RETRY_EVERY-th call alone tries the slower count again; the rest use the faster.
    assert after.count(2) >= RETRY_EVERY - 2


def test_when_the_other_core_gets_busy_it_moves_to_one_thread() -> None:
    clock = Clock()
    threads = QueryThreads(2, clock=clock)
    idle = {1: 0.025, 2: 0.021}
    for _ in range(4 * RETRY_EVERY):
        encode(threads, clock, idle)
    # Another process now holds a core: two threads wait on each other.
    shared = {1: 0.026, 2: 0.090}
    for _ in range(2 * WINDOW * RETRY_EVERY):
        encode(threads, clock, shared)
    recent = [encode(threads, clock, shared) for _ in range(RETRY_EVERY - 1)]
    assert recent.count(1) >= RETRY_EVERY - 2


def test_a_question_encoded_while_another_is_gets_one_thread_and_is_not_timed() -> None:
    clock = Clock()
    threads = QueryThreads(2, clock=clock)
    with threads.use() as outer:
        with threads.use() as inner:
            clock.now += 0.5
        assert inner == 1
        clock.now += 0.5
    assert outer in (1, 2)
    # Neither time counts: each shared the cores with the other.
    assert threads.medians_ms() == {}


def test_the_setting_reads_auto_or_a_count(monkeypatch) -> None:
    import pytest
    from pydantic import ValidationError

    from assistant.settings import Settings

    assert Settings().embed_query_threads == "auto"
    monkeypatch.setenv("ASSISTANT_EMBED_QUERY_THREADS", "2")
    assert Settings().embed_query_threads == 2
    monkeypatch.setenv("ASSISTANT_EMBED_QUERY_THREADS", "sometimes")
    with pytest.raises(ValidationError):
        Settings()
