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
DIFF_KEYS = ("passed", "hit@{k}", "mrr@10", "fact_recall", "supported", "refusal_ok", "language_ok")
PEER_NOTE = (
    "The peer is the llama-index starter pipeline (VectorStoreIndex over Chroma, same embedder, "
    "default SentenceSplitter, default top-k). It has no LLM here: its answer is the top node's "
    "text with that node as citation, it never refuses, and its recommendation is the retrieved nodes."
)


# --------------------------------------------------------------------------- thresholds


def load_thresholds(path: Path | str = THRESHOLDS) -> dict[str, dict[str, dict[str, float]]]:
    """Bounds per split: `{split: {"min": {...}, "max": {...}}}` from `[split.min]` tables."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return {
        name: {"min": dict(table.get("min", {})), "max": dict(table.get("max", {}))}
        for name, table in data.items()
        if isinstance(table, dict)
    }


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
        if "passed" in deltas:
            status = "newly failing" if deltas["passed"] < 0 else "newly passing"
        else:
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
    order = {"newly failing": 0, "regression": 1, "newly passing": 2, "improvement": 3,
             "added": 4, "removed": 5}
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
        "passed",
        "supported",
        "refusal_recall",
        "answerable_refused",
        "followup_passed",
        "english_passed",
        "citation_exactness",
        f"hit@{k}",
        f"recall@{k}",
        "mrr@10",
        "ndcg@10",
        "fact_recall",
        "groundedness",
        "refusal_precision",
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


_SLICE_COLS = ("passed", "supported", "refusal_recall", "hit@{k}", "mrr@10", "fact_recall",
               "language_accuracy")


def _slice_table(title: str, label: str, groups: dict[str, dict], k: int,
                 peer_groups: dict[str, dict] | None) -> tuple[str, list[str], list[list[str]]]:
    cols = [c.format(k=k) for c in _SLICE_COLS]
    rows = []
    for group, figs in groups.items():
        row = [group, str(figs["cases"])] + [fmt(figs.get(c)) for c in cols]
        if peer_groups is not None:
            row.append(fmt(peer_groups.get(group, {}).get(f"hit@{k}")))
        rows.append(row)
    header = [label, "cases", *cols] + ([f"peer hit@{k}"] if peer_groups is not None else [])
    return title, header, rows


def _latency_rows(latency: dict) -> list[list[str]]:
    return [[ep, str(v["n"]), fmt(v["p50"]), fmt(v["p95"]), fmt(v["mean"])]
            for ep, v in latency.items()]


def tables(data: dict) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) of every table of one split, shared by Markdown and HTML."""
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
    for key, title in (("per_language", "Per language"), ("per_intent", "Per intent"),
                       ("per_tag", "Per tag")):
        if ours.get(key):
            out.append(_slice_table(f"{title} (ours)", key.split("_")[1], ours[key], k,
                                    peer.get(key, {}) if peer else None))
    lat_header = ["endpoint", "calls", "p50", "p95", "mean"]
    out.append(("Latency per endpoint, ms (ours)", lat_header, _latency_rows(ours["latency_ms"])))
    if peer:
        out.append(("Latency per endpoint, ms (peer)", lat_header, _latency_rows(peer["latency_ms"])))
    cat = data.get("catalogue")
    if isinstance(cat, dict) and cat:
        cat_rows = (
            [["error", cat["error"], "", "", "", "", ""]]
            if "error" in cat
            else [
                [kind, fmt(v.get("gold")), fmt(v.get("predicted")), fmt(v.get("matched")),
                 fmt(v.get("precision")), fmt(v.get("recall")),
                 ", ".join(f"{f} {fmt(a)}" for f, a in (v.get("field_accuracy") or {}).items())]
                for kind, v in cat.items()
            ]
        )
        out.append(("Catalogue of the split's documents (evals/catalogue_score.py)",
                    ["type", "gold", "predicted", "matched", "precision", "recall",
                     "field accuracy"], cat_rows))
    if data.get("baseline_diff") is not None:
        rows = [
            [r["status"], r["id"], r["question"],
             ", ".join(f"{key} {d:+.2f}" for key, d in r["deltas"].items())]
            for r in data["baseline_diff"]
        ]
        out.append(("Changes against the baseline (newly failing first)",
                    ["status", "id", "question", "changes"], rows))
    return out


def failing(data: dict) -> list[dict]:
    return [c for c in data["ours"]["cases"] if not c["scores"].get("passed")]


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]


def to_markdown_headline(ours: dict, peer: dict | None, thresholds: dict, *, k: int) -> str:
    """Just the headline table (ours vs peer), for the terminal."""
    _, header, rows = tables({"ours": ours, "peer": peer, "k": k, "thresholds": thresholds})[0]
    return "\n".join(_md_table(header, rows))


def _md_failing(data: dict) -> list[str]:
    lines = []
    for c in failing(data):
        lines.append(f"- **{c['id']}** ({c['language']}, {c['intent']}) {c['question']}")
        lines += [f"  - failed: {reason}" for reason in c.get("failed_checks", [])]
    return lines


def to_markdown(data: dict) -> str:
    lines = [f"# Evaluation report ({data['generated_at']})", "",
             f"Backend {data['mode']}, k = {data['k']}. Held-out figures first: only their "
             "aggregates are read while changing rules (evals/datasets/README.md).", ""]
    for name, split in data["splits"].items():
        lines += [f"# Split: {name}", "",
                  f"Dataset `{split['dataset']}`: {split['ours']['overall']['cases']} cases. "
                  f"Cases with errors: {split['ours']['errors']}.", ""]
        if split.get("check") is not None:
            lines += ["**Thresholds: " + ("all met**" if not split["check"] else "not met**"), ""]
            lines += [f"- {f}" for f in split["check"]] + ([""] if split["check"] else [])
        for title, header, rows in tables(split | {"k": data["k"]}):
            lines += [f"## {title}", "", *_md_table(header, rows), ""]
        lines += [f"## Failing cases ({len(failing(split))})", "", *_md_failing(split), ""]
        if split.get("peer"):
            lines += [f"_{PEER_NOTE}_", ""]
    lines += ["Definitions: see the docstring of `evals/metrics.py` and `evals/datasets/README.md`.",
              ""]
    return "\n".join(lines)


def _esc(value: Any) -> str:
    return html.escape(str(value))


def _html_case(c: dict) -> str:
    ret = c.get("returned", {})
    history = "".join(f"<li><b>{_esc(t['role'])}</b>: {_esc(t['content'])}</li>"
                      for t in c.get("history") or [])
    facts = "; ".join(" | ".join(g[:4]) for g in c["expected"]["facts"] + c["expected"].get(
        "answer_facts", []))
    cites = "".join(
        f"<li>[{_esc(x.get('n'))}] <code>{_esc(x.get('doc_id'))}</code> "
        f"{_esc(x.get('start'))}–{_esc(x.get('end'))}: “{_esc((x.get('quote') or '')[:240])}”</li>"
        for x in ret.get("citations") or [])
    checks = "".join(f"<li>{_esc(r)}</li>" for r in c.get("failed_checks", []))
    return (
        f"<div class='case'><h3 id='{_esc(c['id'])}'>{_esc(c['id'])} · {_esc(c['language'])} · "
        f"{_esc(c['intent'])} · {_esc(', '.join(c.get('tags', [])))}</h3>"
        f"<p class='q'>{_esc(c['question'])}</p>"
        + (f"<p>history:</p><ul>{history}</ul>" if history else "")
        + f"<p><b>failed:</b></p><ul class='fail'>{checks}</ul>"
        f"<p><b>expected facts:</b> {_esc(facts) or '– (should be refused)'}</p>"
        f"<p><b>answer</b> (answered={_esc(ret.get('answered'))}, intent={_esc(ret.get('intent'))}):"
        f"</p><blockquote>{_esc(ret.get('answer') or '')}</blockquote>"
        + (f"<p><b>citations:</b></p><ol class='cites'>{cites}</ol>" if cites else "")
        + "</div>"
    )


def _html_table(title: str, header: list[str], rows: list[list[str]]) -> str:
    marked = {"newly failing", "regression"}
    body = "".join(
        ("<tr class='regression'>" if row and row[0] in marked else "<tr>")
        + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>"
        for row in rows)
    head = "".join(f"<th>{_esc(h)}</th>" for h in header)
    return f"<h3>{_esc(title)}</h3><table><tr>{head}</tr>{body}</table>"


def to_html(data: dict, plots: dict[str, list[str]]) -> str:
    parts = [f"<h1>Evaluation report</h1><p>{_esc(data['generated_at'])} · backend "
             f"{_esc(data['mode'])} · k = {data['k']}</p>"]
    for name, split in data["splits"].items():
        parts.append(f"<h2>Split: {_esc(name)} — {split['ours']['overall']['cases']} cases "
                     f"(<code>{_esc(split['dataset'])}</code>)</h2>")
        if split.get("check") is not None:
            status = "all thresholds met" if not split["check"] else "thresholds not met"
            parts.append(f"<p><b>{status}</b></p><ul>"
                         + "".join(f"<li>{_esc(f)}</li>" for f in split["check"]) + "</ul>")
        parts += [_html_table(*table) for table in tables(split | {"k": data["k"]})]
        if split.get("peer"):
            parts.append(f"<p><i>{_esc(PEER_NOTE)}</i></p>")
        parts += [f'<img src="{_esc(p)}" alt="{_esc(p)}">' for p in plots.get(name, [])]
        cases = failing(split)
        note = (" Held-out cases are read in aggregate: a case read one by one moves to tune "
                "and is replaced by a fresh one." if name == "heldout" else "")
        parts.append(f"<details{'' if name == 'heldout' else ' open'}><summary><b>Failing cases: "
                     f"{len(cases)}</b> (by id).{_esc(note)}</summary>"
                     + "".join(_html_case(c) for c in cases) + "</details>")
    style = (
        "body{font-family:sans-serif;max-width:1100px;margin:auto;padding:0 8px}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px}"
        "tr.regression{background:#fdd}.case{border-top:1px solid #ddd;margin:8px 0}"
        ".q{font-weight:bold}.fail li{color:#a00}blockquote{background:#f6f6f6;margin:4px 0;"
        "padding:4px 8px}.cites{font-size:12px}img{max-width:100%}"
    )
    return ("<!doctype html><html><head><meta charset='utf-8'><title>Evaluation report</title>"
            f"<style>{style}</style></head><body>{''.join(parts)}</body></html>")


# --------------------------------------------------------------------------- plots


def plot(data: dict, out_dir: Path, *, prefix: str = "") -> list[str]:
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
        name = f"{prefix}{key}.png"
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
        fig.savefig(out_dir / f"{prefix}headline.png", dpi=100)
        plt.close(fig)
        names.insert(0, f"{prefix}headline.png")
    samples = ours.get("latency_samples_ms", {})
    if samples:
        fig, ax = plt.subplots(figsize=(7, 4))
        eps = [ep for ep in sorted(samples) if samples[ep]]
        ax.boxplot([samples[ep] for ep in eps], tick_labels=eps)
        ax.set_yscale("log")
        ax.set_ylabel("ms")
        ax.set_title("latency per endpoint (ours)")
        fig.tight_layout()
        fig.savefig(out_dir / f"{prefix}latency.png", dpi=100)
        plt.close(fig)
        names.append(f"{prefix}latency.png")
    return names


def peer_name(data: dict) -> str:
    return (data.get("peer") or {}).get("backend", "peer")


# --------------------------------------------------------------------------- entry point


def write_report(out_dir: Path | str, *, splits: dict[str, dict], mode: str, k: int) -> dict[str, Path]:
    """Write report.json, report.md, report.html (and plots) into out_dir; returns their paths.

    `splits` maps a split name to its run: dataset, ours, peer, catalogue, thresholds, check and
    the baseline's cases (or None)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ"),
        "mode": mode,
        "k": k,
        "splits": {},
    }
    plots: dict[str, list[str]] = {}
    for name, split in splits.items():
        base = split.get("baseline")
        entry = {key: value for key, value in split.items() if key != "baseline"}
        entry["baseline_diff"] = diff_cases(split["ours"]["cases"], base, k=k) if base else None
        data["splits"][name] = entry
        plots[name] = plot(entry | {"k": k}, out, prefix=f"{name}-")
    paths = {"json": out / "report.json", "md": out / "report.md", "html": out / "report.html"}
    paths["json"].write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str),
                             encoding="utf-8")
    paths["md"].write_text(to_markdown(data), encoding="utf-8")
    paths["html"].write_text(to_html(data, plots), encoding="utf-8")
    return paths


def baseline_split(baseline: dict | None, name: str) -> list[dict] | None:
    """The cases of split `name` in a previous report.json (a report of one run counts for any
    split: its cases are matched by id)."""
    if not baseline:
        return None
    if "splits" in baseline:
        split = baseline["splits"].get(name)
        return split["ours"]["cases"] if split else None
    return (baseline.get("ours") or baseline).get("cases", [])
