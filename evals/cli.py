"""`assistant eval`: run the dataset in-process or over HTTP, optionally the peer, write the report,
and with --check exit non-zero when a figure is on the wrong side of its threshold."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from evals import report, runner


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="assistant eval", description=__doc__)
    p.add_argument("--dataset", type=Path, default=runner.DEFAULT_DATASET, help="JSONL dataset")
    p.add_argument("--out", type=Path, default=Path("reports/latest"), help="report folder")
    p.add_argument("--api-url", help="evaluate a running service instead of the in-process core")
    p.add_argument("--baseline", type=Path, help="a previous report.json to diff against")
    p.add_argument("--k", type=int, default=5, help="cut-off for hit@k and recall@k, and /ask k")
    p.add_argument("--peer", choices=["llamaindex-starter"], help="also evaluate a peer pipeline")
    p.add_argument("--check", action="store_true", help="exit 1 when a figure misses its threshold")
    p.add_argument("--thresholds", type=Path, default=report.THRESHOLDS, help="thresholds TOML")
    p.add_argument("--limit", type=int, help="only the first N cases (quick runs)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    return p.parse_args(argv)


def catalogue_figures(backend: Any) -> dict | None:
    """Catalogue precision/recall/field accuracy via evals.catalogue_score, if present."""
    try:
        from evals import catalogue_score
    except ImportError:
        return None
    try:
        gold = json.loads(catalogue_score.GOLD_PATH.read_text(encoding="utf-8"))
        scores = catalogue_score.score_catalogue(gold, backend.catalogue())
    except Exception as exc:  # a scorer problem must not lose the rest of the report
        return {"error": f"{type(exc).__name__}: {exc}"}
    keep = ("gold", "predicted", "matched", "precision", "recall", "field_accuracy")
    out = {}
    for kind, score in scores.items():
        row = asdict(score) if is_dataclass(score) else dict(score)
        out[kind] = {key: row.get(key) for key in keep}
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # models come from local folders only
    dataset = runner.load_dataset(args.dataset)[: args.limit]
    progress = not args.no_progress and sys.stderr.isatty()
    if args.api_url:
        backend: Any = runner.HttpBackend(args.api_url)
        mode = f"HTTP {args.api_url}"
    else:
        backend = runner.InProcessBackend()
        mode = "in-process"
    ours = runner.run(backend, dataset, k=args.k, progress=progress)
    catalogue = catalogue_figures(backend) if hasattr(backend, "catalogue") else None

    peer = None
    if args.peer:
        from evals.peer import make_peer

        peer = runner.run(make_peer(args.peer), dataset, k=args.k, progress=progress)
    baseline = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None
    thresholds = report.load_thresholds(args.thresholds)
    failures = report.check_thresholds(ours["overall"], thresholds) if args.check else None
    paths = report.write_report(
        args.out,
        ours=ours,
        dataset=str(args.dataset),
        mode=mode,
        peer=peer,
        baseline=baseline,
        catalogue=catalogue,
        thresholds=thresholds,
        check=failures,
    )
    print(report.to_markdown_headline(ours, peer, thresholds, k=args.k))
    print(f"report: {paths['md']} {paths['html']} {paths['json']}")
    if failures:
        print("thresholds not met:", file=sys.stderr)
        for line in failures:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0
