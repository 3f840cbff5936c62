"""Write report.json, report.md and report.html (with PNG plots) from scored runs; threshold checks
and the per-case diff against a baseline report."""

from __future__ import annotations

import html
import json
import math
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

THRESHOLDS = Path(__file__).parent / "thresholds.toml"
# Per-case scores compared with a baseline; booleans count as 0/1.
DIFF_KEYS = ("hit@{k}", "mrr@10", "fact_recall", "supported", "refusal_ok", "language_ok")
PEER_NOTE = (
    "The peer is the llama-index starter pipeline (VectorStoreIndex over Chroma, same embedder, "
    "default SentenceSplitter, default top-k). It has no LLM here: its answer is the top node's "
    "text with that node as citation, it never refuses, and its recommendation is the retrieved nodes."
)


# --------------------------------------------------------------------------- thresholds


def load_thresholds(path: Path | str = THRESHOLDS) -> dict[str, dict[str, float]]:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return {"min": dict(data.get("min", {})), "max": dict(data.get("max", {}))}


def check_thresholds(figures: dict[str, Any], thresholds: dict[str, dict[str, float]]) -> list[str]:
    """One line per figure under its minimum or over its maximum; unmeasured figures fail too."""
    failures = []
    for bound, table in (("min", thresholds.get("min", {})), ("max", thresholds.get("max", {}))):
        for name, limit in table.items():
            value = figures.get(name)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                failures.append(f"{name}: not measured (threshold {bound} {limit})")
            elif (bound == "min" and value < limit) or (bound == "max" and value > limit):
                op = ">=" if bound == "min" else "<="
                failures.append(f"{name} = {value:.4f}, required {op} {limit}")
    return failures


# --------------------------------------------------------------------------- baseline diff


def _num(value: Any) -> float | None:
    if value is None:
        return None
    return float(value)


def diff_cases(current: list[dict], baseline: list[dict], *, k: int) -> list[dict]:
    """Per-case changes against a baseline: regressions first (worst first), then improvements,
    then cases added or removed. Unchanged cases are left out."""
    keys = [key.format(k=k) for key in DIFF_KEYS]
    old = {c["id"]: c for c in baseline}
    rows = []
    for case in current:
        before = old.pop(case["id"], None)
        if before is None:
            rows.append(
                {"id": case["id"], "status": "added", "question": case["question"], "deltas": {}}
            )
            continue
        deltas = {}
        for key in keys:
            a, b = _num(before["scores"].get(key)), _num(case["scores"].get(key))
            if a is not None and b is not None and a != b:
                deltas[key] = b - a
        if not deltas:
            continue
        status = "regression" if any(d < 0 for d in deltas.values()) else "improvement"
        rows.append(
            {
                "id": case["id"],
                "status": status,
                "question": case["question"],
                "deltas": deltas,
                "answer_before": before.get("returned", {}).get("answer"),
                "answer_after": case.get("returned", {}).get("answer"),
            }
        )
    rows += [
        {"id": i, "status": "removed", "question": c["question"], "deltas": {}}
        for i, c in old.items()
    ]
    order = {"regression": 0, "improvement": 1, "added": 2, "removed": 3}
    return sorted(rows, key=lambda r: (order[r["status"]], sum(r["deltas"].values()), r["id"]))


# --------------------------------------------------------------------------- formatting


def fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _headline_names(k: int) -> list[str]:
    return [
        f"hit@{k}",
        f"recall@{k}",
        "mrr@10",
        "ndcg@10",
        "fact_recall",
        "groundedness",
        "supported",
        "citation_exactness",
        "refusal_precision",
        "refusal_recall",
        "answerable_refused",
        "language_accuracy",
        "recommend_hit",
        "recommend_recall",
    ]


def _thr(name: str, thresholds: dict) -> str:
    if name in thresholds.get("min", {}):
        return f"≥ {thresholds['min'][name]}"
    if name in thresholds.get("max", {}):
        return f"≤ {thresholds['max'][name]}"
    return ""


def tables(data: dict) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) of every table of the report, shared by Markdown and HTML."""
    ours, peer, k, thr = data["ours"], data.get("peer"), data["k"], data.get("thresholds", {})
    out = []
    header = ["figure", "ours"] + (["peer"] if peer else []) + ["threshold"]
    rows = [
        [n, fmt(ours["overall"].get(n))]
        + ([fmt(peer["overall"].get(n))] if peer else [])
        + [_thr(n, thr)]
        for n in _headline_names(k)
    ]
    out.append(("Headline", header, rows))
    cols = [
        f"hit@{k}",
        "mrr@10",
        "ndcg@10",
        "fact_recall",
        "supported",
        "refusal_recall",
        "language_accuracy",
    ]
    for key, title in (("per_intent", "Per intent"), ("per_language", "Per language")):
        rows = []
        for group, figs in ours[key].items():
            row = [group, str(figs["cases"])] + [fmt(figs.get(c)) for c in cols]
            if peer:
                row.append(fmt(peer[key].get(group, {}).get(f"hit@{k}")))
            rows.append(row)
        out.append(
            (
                f"{title} (ours)",
                [key.split("_")[1], "cases", *cols] + ([f"peer hit@{k}"] if peer else []),
                rows,
            )
        )
    rows = [
        [ep, str(v["n"]), fmt(v["p50"]), fmt(v["p95"]), fmt(v["mean"])]
        for ep, v in ours["latency_ms"].items()
    ]
    out.append(
        ("Latency per endpoint, ms (ours)", ["endpoint", "calls", "p50", "p95", "mean"], rows)
    )
    if peer:
        rows = [
            [ep, str(v["n"]), fmt(v["p50"]), fmt(v["p95"]), fmt(v["mean"])]
            for ep, v in peer["latency_ms"].items()
        ]
        out.append(
            ("Latency per endpoint, ms (peer)", ["endpoint", "calls", "p50", "p95", "mean"], rows)
        )
    cat = data.get("catalogue")
    if isinstance(cat, dict) and cat:
        rows = (
            [["error", cat["error"], "", "", "", "", ""]]
            if "error" in cat
            else [
                [
                    kind,
                    fmt(v.get("gold")),
                    fmt(v.get("predicted")),
                    fmt(v.get("matched")),
                    fmt(v.get("precision")),
                    fmt(v.get("recall")),
                    ", ".join(f"{f} {fmt(a)}" for f, a in (v.get("field_accuracy") or {}).items()),
                ]
                for kind, v in cat.items()
            ]
        )
        out.append(
            (
                "Catalogue (evals/catalogue_score.py)",
                ["type", "gold", "predicted", "matched", "precision", "recall", "field accuracy"],
                rows,
            )
        )
    if data.get("baseline_diff") is not None:
        rows = [
            [
                r["status"],
                r["id"],
                r["question"],
                ", ".join(f"{key} {d:+.2f}" for key, d in r["deltas"].items()),
            ]
            for r in data["baseline_diff"]
        ]
        out.append(
            (
                "Changes against the baseline (regressions first)",
                ["status", "id", "question", "changes"],
                rows,
            )
        )
    return out


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]


def to_markdown_headline(ours: dict, peer: dict | None, thresholds: dict, *, k: int) -> str:
    """Just the headline table (ours vs peer), for the terminal."""
    _, header, rows = tables({"ours": ours, "peer": peer, "k": k, "thresholds": thresholds})[0]
    return "\n".join(_md_table(header, rows))


def to_markdown(data: dict) -> str:
    lines = [
        f"# Evaluation report ({data['generated_at']})",
        "",
        f"Dataset `{data['dataset']}`: {data['ours']['overall']['cases']} cases, k = {data['k']}, "
        f"backend {data['mode']}. Cases with errors: {data['ours']['errors']}.",
        "",
    ]
    if data.get("check") is not None:
        lines += ["**Thresholds: " + ("all met**" if not data["check"] else "not met**"), ""]
        lines += [f"- {f}" for f in data["check"]] + ([""] if data["check"] else [])
    for title, header, rows in tables(data):
        lines += [f"## {title}", "", *_md_table(header, rows), ""]
    if data.get("peer"):
        lines += [f"_{PEER_NOTE}_", ""]
    lines += [
        "Definitions: see the docstring of `evals/metrics.py` and `evals/datasets/README.md`.",
        "",
    ]
    return "\n".join(lines)


def to_html(data: dict, plots: list[str]) -> str:
    parts = [
        f"<h1>Evaluation report</h1><p>{html.escape(data['generated_at'])} · dataset "
        f"<code>{html.escape(data['dataset'])}</code> · k = {data['k']}</p>"
    ]
    if data.get("check") is not None:
        status = "all thresholds met" if not data["check"] else "thresholds not met"
        parts.append(
            f"<p><b>{status}</b></p><ul>"
            + "".join(f"<li>{html.escape(f)}</li>" for f in data["check"])
            + "</ul>"
        )
    for title, header, rows in tables(data):
        parts.append(
            f"<h2>{html.escape(title)}</h2><table><tr>"
            + "".join(f"<th>{html.escape(h)}</th>" for h in header)
            + "</tr>"
        )
        for row in rows:
            cls = ' class="regression"' if row and row[0] == "regression" else ""
            parts.append(
                f"<tr{cls}>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
            )
        parts.append("</table>")
    if data.get("peer"):
        parts.append(f"<p><i>{html.escape(PEER_NOTE)}</i></p>")
    parts += [
        f'<h2>{html.escape(Path(p).stem.replace("_", " "))}</h2><img src="{html.escape(p)}" alt="{html.escape(p)}">'
        for p in plots
    ]
    style = (
        "body{font-family:sans-serif;max-width:1100px;margin:auto}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px}tr.regression{background:#fdd}"
    )
    return f"<!doctype html><html><head><meta charset='utf-8'><title>Evaluation report</title><style>{style}</style></head><body>{''.join(parts)}</body></html>"


# --------------------------------------------------------------------------- plots


def plot(data: dict, out_dir: Path) -> list[str]:
    """PNG plots next to the report; returns their file names."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    k, ours, peer = data["k"], data["ours"], data.get("peer")
    names = []
    metrics = [f"hit@{k}", "mrr@10", "fact_recall", "supported", "refusal_recall"]
    for key in ("per_intent", "per_language"):
        groups = list(ours[key])
        fig, ax = plt.subplots(figsize=(max(6, 1.4 * len(groups)), 4.6))
        width = 0.8 / (len(metrics) + (1 if peer else 0))
        for i, metric in enumerate(metrics):
            vals = [ours[key][g].get(metric) or 0.0 for g in groups]
            ax.bar([x + i * width for x in range(len(groups))], vals, width, label=f"ours {metric}")
        if peer:
            vals = [peer[key].get(g, {}).get(f"hit@{k}") or 0.0 for g in groups]
            ax.bar(
                [x + len(metrics) * width for x in range(len(groups))],
                vals,
                width,
                label=f"peer hit@{k}",
                hatch="//",
            )
        ax.set_xticks([x + 0.4 - width / 2 for x in range(len(groups))], groups)
        ax.set_ylim(0, 1.05)
        ax.set_title(key.replace("_", " "))
        ax.legend(fontsize=7, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.1))
        fig.tight_layout()
        name = f"{key}.png"
        fig.savefig(out_dir / name, dpi=100)
        plt.close(fig)
        names.append(name)
    if peer:
        head = [
            f"hit@{k}",
            f"recall@{k}",
            "mrr@10",
            "ndcg@10",
            "fact_recall",
            "supported",
            "refusal_recall",
        ]
        fig, ax = plt.subplots(figsize=(8, 4))
        xs = range(len(head))
        ax.bar(
            [x - 0.2 for x in xs], [ours["overall"].get(h) or 0.0 for h in head], 0.4, label="ours"
        )
        ax.bar(
            [x + 0.2 for x in xs],
            [peer["overall"].get(h) or 0.0 for h in head],
            0.4,
            label=peer_name(data),
        )
        ax.set_xticks(list(xs), head, rotation=20)
        ax.set_ylim(0, 1.05)
        ax.legend()
        ax.set_title("ours vs peer")
        fig.tight_layout()
        fig.savefig(out_dir / "headline.png", dpi=100)
        plt.close(fig)
        names.insert(0, "headline.png")
    samples = ours.get("latency_samples_ms", {})
    if samples:
        fig, ax = plt.subplots(figsize=(7, 4))
        eps = [ep for ep in sorted(samples) if samples[ep]]
        ax.boxplot([samples[ep] for ep in eps], tick_labels=eps)
        ax.set_yscale("log")
        ax.set_ylabel("ms")
        ax.set_title("latency per endpoint (ours)")
        fig.tight_layout()
        fig.savefig(out_dir / "latency.png", dpi=100)
        plt.close(fig)
        names.append("latency.png")
    return names


def peer_name(data: dict) -> str:
    return (data.get("peer") or {}).get("backend", "peer")


# --------------------------------------------------------------------------- entry point


def write_report(
    out_dir: Path | str,
    *,
    ours: dict,
    dataset: str,
    mode: str,
    peer: dict | None = None,
    baseline: dict | None = None,
    catalogue: dict | None = None,
    thresholds: dict | None = None,
    check: list[str] | None = None,
) -> dict[str, Path]:
    """Write the three report files (and plots) into out_dir; returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    k = ours["k"]
    data = {
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ"),
        "dataset": dataset,
        "mode": mode,
        "k": k,
        "ours": ours,
        "peer": peer,
        "catalogue": catalogue,
        "thresholds": thresholds or {},
        "check": check,
        "baseline_diff": diff_cases(ours["cases"], baseline_cases(baseline), k=k)
        if baseline
        else None,
    }
    paths = {"json": out / "report.json", "md": out / "report.md", "html": out / "report.html"}
    paths["json"].write_text(
        json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
    )
    paths["md"].write_text(to_markdown(data), encoding="utf-8")
    paths["html"].write_text(to_html(data, plot(data, out)), encoding="utf-8")
    return paths


def baseline_cases(baseline: dict) -> list[dict]:
    """Cases of a previous report.json (or of a bare run result)."""
    return (baseline.get("ours") or baseline).get("cases", [])
