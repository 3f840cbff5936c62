"""`assistant eval`: run the held-out and tune splits (or one dataset) in-process or over HTTP,
optionally the peer, write the report, and with --check exit non-zero when a figure of a split is
on the wrong side of its threshold."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from evals import report, runner, splits


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="assistant eval", description=__doc__)
    p.add_argument("--split", choices=["tune", "heldout", "all"], default="all",
                   help="which dataset(s) to run (default: both, held-out first)")
    p.add_argument("--dataset", type=Path, help="run this JSONL dataset instead of a split")
    p.add_argument("--out", type=Path, default=Path("reports/latest"), help="report folder")
    p.add_argument("--api-url", help="evaluate a running service (it must have corpus/ and the "
                   "gallery ingested) instead of building an index in-process")
    p.add_argument("--index-dir", type=Path,
                   help="where the in-process evaluation index lives (default: a folder per "
                   "embedding model under the system's temporary directory, reused when unchanged)")
    p.add_argument("--baseline", type=Path, help="a previous report.json to diff against")
    p.add_argument("--k", type=int, default=5, help="cut-off for hit@k and recall@k, and /ask k")
    p.add_argument("--peer", choices=["llamaindex-starter"], help="also evaluate a peer pipeline")
    p.add_argument("--check", action="store_true", help="exit 1 when a figure misses its threshold")
    p.add_argument("--thresholds", type=Path, default=report.THRESHOLDS, help="thresholds TOML")
    p.add_argument("--limit", type=int, help="only the first N cases of each dataset (quick runs)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    return p.parse_args(argv)


def catalogue_figures(predicted: dict[str, list], gold: dict, doc_ids: set[str]) -> dict | None:
    """Catalogue precision/recall/field accuracy on the split's documents (evals.catalogue_score)."""
    from evals import catalogue_score

    try:
        mine = {kind: [r for r in recs if runner.field(r, "doc_id") in doc_ids]
                for kind, recs in predicted.items()}
        scores = catalogue_score.score_catalogue(gold, mine)
    except Exception as exc:  # a scorer problem must not lose the rest of the report
        return {"error": f"{type(exc).__name__}: {exc}"}
    keep = ("gold", "predicted", "matched", "precision", "recall", "field_accuracy")
    out = {}
    for kind, score in scores.items():
        row = asdict(score) if is_dataclass(score) else dict(score)
        out[kind] = {key: row.get(key) for key in keep}
    return out


def _datasets(args: argparse.Namespace) -> list[tuple[str, Path, splits.Split | None]]:
    if args.dataset:
        return [(args.dataset.stem, args.dataset, None)]
    names = splits.SPLITS if args.split == "all" else (args.split,)
    return [(name, splits.split(name).dataset, splits.split(name)) for name in names]


def _in_process_backend(args: argparse.Namespace) -> tuple[Any, Path]:
    from assistant.settings import get_settings

    settings = get_settings()
    root = args.index_dir or splits.default_index_dir(settings.embed_model)
    corpus = splits.build_eval_corpus(settings.corpus_dir, root / "corpus")
    settings = settings.model_copy(update={"corpus_dir": corpus, "data_dir": root / "data"})
    print(f"evaluation index: {root} (corpus/ and the gallery)", file=sys.stderr)
    return runner.InProcessBackend(settings), corpus


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # models come from local folders only
    progress = not args.no_progress and sys.stderr.isatty()
    corpus: Path | None = None
    if args.api_url:
        backend: Any = runner.HttpBackend(args.api_url)
        mode = f"HTTP {args.api_url}"
    else:
        backend, corpus = _in_process_backend(args)
        mode = "in-process"
    peer_backend = None
    if args.peer:
        from evals.peer import make_peer

        peer_backend = make_peer(args.peer, corpus_dir=corpus)
    thresholds = report.load_thresholds(args.thresholds)
    baseline = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None
    predicted = backend.catalogue() if hasattr(backend, "catalogue") else None

    results: dict[str, dict] = {}
    for name, path, spec in _datasets(args):
        dataset = runner.load_dataset(path)[: args.limit]
        ours = runner.run(backend, dataset, k=args.k, progress=progress)
        peer = runner.run(peer_backend, dataset, k=args.k, progress=progress) if peer_backend else None
        catalogue = None
        if spec is not None and predicted is not None:
            catalogue = catalogue_figures(predicted, splits.load_gold(spec), splits.split_doc_ids(spec))
        limits = thresholds.get(name, {})
        results[name] = {
            "dataset": str(path),
            "ours": ours,
            "peer": peer,
            "catalogue": catalogue,
            "thresholds": limits,
            "check": report.check_thresholds(ours["overall"], limits) if args.check else None,
            "baseline": report.baseline_split(baseline, name),
        }
    paths = report.write_report(args.out, splits=results, mode=mode, k=args.k)
    failures = []
    for name, res in results.items():
        print(f"\n{name} ({res['ours']['overall']['cases']} cases)")
        print(report.to_markdown_headline(res["ours"], res["peer"], res["thresholds"], k=args.k))
        failures += [f"{name}: {line}" for line in res["check"] or []]
    print(f"report: {paths['md']} {paths['html']} {paths['json']}")
    if failures:
        print("thresholds not met:", file=sys.stderr)
        for line in failures:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0
