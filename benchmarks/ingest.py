"""Ingest benchmark: cold ingest, re-ingest (unchanged / one document changed), peak RSS, next to
the raw limit measured in the same process: `SentenceTransformer.encode` of exactly the texts the
ingest embeds (contextual passages + catalogue records), with the best of a few batch sizes.

Each size runs in its own process so its peak RSS is its own. Model load is timed apart and
excluded from every ingest figure (the embedder is warmed before the cold ingest).
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from benchmarks.common import ROOT, WORK, peak_rss_mb, run_worker

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
    model, texts: list[str], *, sample: int = 256, measure: list[str] | None = None
) -> dict:
    """Best batch size on a probe, then one encode of `measure` (default: all texts) with it."""
    probe = texts[:sample]
    measure = texts if measure is None else measure
    tried = {}
    for b in BATCH_SIZES:
        t = time.perf_counter()
        model.encode(
            probe,
            batch_size=b,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        tried[b] = len(probe) / (time.perf_counter() - t)
    best = max(tried, key=tried.get)
    t, cpu = time.perf_counter(), time.process_time()
    model.encode(
        measure,
        batch_size=best,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
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


def worker(
    *, source: str, passages: int, work: Path, seed: int, raw_all_up_to: int, raw_sample: int
) -> dict:
    from assistant.search.embedder import Embedder
    from assistant.settings import Settings
    from ingest.pipeline import ingest_corpus

    shutil.rmtree(work, ignore_errors=True)
    corpus_dir, data_dir = work / "corpus", work / "data"
    if source == "corpus":
        shutil.copytree(ROOT / "corpus", corpus_dir)
    else:
        from benchmarks import synth

        synth.generate(corpus_dir, passages=passages, seed=seed)
    data_dir.mkdir(parents=True)
    settings = Settings(corpus_dir=corpus_dir, data_dir=data_dir)
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
    unchanged = ingest_corpus(settings, embedder=embedder)
    changed_file = _change_one(corpus_dir)
    changed = ingest_corpus(settings, embedder=embedder)

    # Above `raw_all_up_to` passages the raw limit is timed on a systematic sample of exactly
    # these texts (a full second encode of 100k+ texts would double a 50k run); the ratios are
    # then throughput ratios, which for the full set are the same as the time ratios.
    measure = texts if n_passages <= raw_all_up_to else systematic_sample(texts, raw_sample)
    # the adapter's own SentenceTransformer, same device
    raw = raw_encode(embedder._load(), texts, measure=measure)
    embedded = cold.passages_embedded + cold.records_embedded
    assert embedded == len(texts), (embedded, len(texts))
    raw_same_work_s = raw["seconds"] * len(texts) / len(measure)
    raw_same_work_cpu_s = raw.pop("cpu_s_per_text") * len(texts)
    return {
        "source": source,
        "documents": cold.documents,
        "passages": cold.passages,
        "records": cold.records_embedded,
        "texts_embedded": embedded,
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
            "updated": changed.updated,
        },
        "peak_rss_mb": {"after_model_load": rss_model, "ingest": rss_ingest},
        "n_passages_check": n_passages,
    }


def run(
    sizes: list[str],
    *,
    seed: int = 7,
    work: Path = WORK / "ingest",
    timeout_s: float = 3600,
    raw_all_up_to: int = 10000,
    raw_sample: int = 5000,
) -> list[dict]:
    out = []
    for size in sizes:
        args = [
            "--worker",
            "--source",
            "corpus" if size == "corpus" else "synth",
            "--seed",
            str(seed),
            "--work",
            str(work / size),
            "--raw-all-up-to",
            str(raw_all_up_to),
            "--raw-sample",
            str(raw_sample),
        ]
        if size != "corpus":
            args += ["--passages", size]
        # ~110k texts to embed at 50k passages: 30+ min of encoding on 2 cores, more if shared.
        limit = max(timeout_s, 0.2 * int(size)) if size.isdigit() else timeout_s
        result = run_worker("benchmarks.ingest", args, timeout_s=limit)
        result["size"] = size
        out.append(result)
        print(
            f"ingest {size}: {result['passages']} passages, cold {result['cold']['seconds']}s "
            f"({result['cold']['passages_per_s']} p/s), raw x{result['ratio_ingest_vs_raw']}, "
            f"re-ingest {result['reingest_unchanged']['seconds']}s",
            flush=True,
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="ingest benchmark")
    ap.add_argument(
        "--sizes", default="corpus,2000", help="comma list: 'corpus' and/or passage targets"
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
                )
            )
        )
        return 0
    res = run(
        args.sizes.split(","),
        seed=args.seed,
        work=args.work,
        raw_all_up_to=args.raw_all_up_to,
        raw_sample=args.raw_sample,
    )
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
