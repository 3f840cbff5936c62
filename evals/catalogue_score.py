"""Score a programme catalogue (sessions, people, initiatives) against the hand-labelled gold.

Gold files: evals/gold/catalogue.json (corpus/) and evals/gallery/<split>/gold.json (the
gallery). Schema (null = the source does not give it; a key left out is not scored):
    {"sessions":    [{"doc_id", "title", "kind", "date" ("YYYY-MM-DD" or "--MM-DD"),
                      "start", "end" ("HH:MM"), "room", "mode" ("online"|"in_person")}],
     "people":      [{"doc_id", "name", "role", "affiliation", "session_role", "session"}],
     "initiatives": [{"doc_id", "name", "place", "organiser", "figure", "session",
                      "aliases": [other names it goes by]}]}

Matching is per document and greedy: title/name similarity is the share of the shorter side's
folded tokens found in the other side (so "L'observation partagée" matches "L'observation
partagée (CoPil n°3 et 4)"), at least MATCH_MIN; ties between records of equal titles are broken
by agreeing dates and times. Field accuracy is over matched pairs: date/start/end exact, room
folded-exact, affiliation/place by content-token containment either way; null == null is right.

    python -m evals.catalogue_score [--split tune|heldout] [--corpus DIR --gold FILE] [-v]

With --split, the split's documents (tune: corpus/ and gallery/tune; heldout: gallery/heldout)
are parsed and scored against the split's gold. Read held-out misses only in aggregate (no -v).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.language.text import FRENCH_STOPWORDS, fold, tokens

MATCH_MIN = 0.8
GOLD_PATH = Path(__file__).parent / "gold" / "catalogue.json"
FIELDS = {
    "sessions": ("date", "start", "end", "room", "kind", "mode"),
    "people": ("role", "affiliation"),
    "initiatives": ("place", "organiser"),
}
# Free-text fields: right when one side's content words hold the other's.
_LOOSE = ("affiliation", "place", "role", "organiser")
NAME_KEY = {"sessions": "title", "people": "name", "initiatives": "name"}


@dataclass
class TypeScore:
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    field_accuracy: dict[str, float] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def _get(rec: Any, key: str) -> Any:
    return rec.get(key) if isinstance(rec, dict) else getattr(rec, key, None)


def _toks(s: str | None) -> set[str]:
    return set(tokens(s or ""))


def similarity(a: str | None, b: str | None) -> float:
    ta, tb = _toks(a), _toks(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def _content(s: str) -> set[str]:
    return {t for t in tokens(s) if t not in FRENCH_STOPWORDS and len(t) > 1}


def same_value(kind: str, gold: Any, pred: Any) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if kind in _LOOSE:
        g, p = _content(gold), _content(pred)
        return bool(g and p) and (g <= p or p <= g)
    if kind in ("room", "kind", "mode"):
        return fold(str(gold)).strip() == fold(str(pred)).strip()
    return str(gold) == str(pred)


def _names(kind: str, rec: Any) -> list[str]:
    names = [_get(rec, NAME_KEY[kind]) or ""]
    return names + list(_get(rec, "aliases") or [])


def score_type(kind: str, gold: list[dict], pred: list[Any]) -> TypeScore:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g["doc_id"] != _get(p, "doc_id"):
                continue
            sim = max(similarity(n, _get(p, NAME_KEY[kind])) for n in _names(kind, g))
            if sim < MATCH_MIN:
                continue
            agree = sum(same_value(f, g.get(f), _get(p, f)) for f in FIELDS[kind])
            # One person's appearances: the row of the same session first.
            same_session = similarity(g.get("session"), _get(p, "session")) if "session" in g else 0.0
            pairs.append(((round(sim, 6), same_session, agree), gi, pi))
    pairs.sort(key=lambda t: t[0], reverse=True)
    used_g: dict[int, int] = {}
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g[gi] = pi
            used_p.add(pi)
    acc: dict[str, float] = {}
    wrong: list[str] = []
    for f in FIELDS[kind]:
        # A field is scored where the gold labels it (older gold files lack the newer fields).
        labelled = [(gi, pi) for gi, pi in used_g.items() if f in gold[gi]]
        ok = 0
        for gi, pi in labelled:
            good = same_value(f, gold[gi].get(f), _get(pred[pi], f))
            ok += good
            if not good:
                wrong.append(
                    f"{f}: {gold[gi][NAME_KEY[kind]][:50]!r} gold={gold[gi].get(f)!r} got={_get(pred[pi], f)!r}"
                )
        if labelled:
            acc[f] = ok / len(labelled)
    n = len(used_g)
    return TypeScore(
        gold=len(gold), predicted=len(pred), matched=n,
        precision=n / len(pred) if pred else 0.0, recall=n / len(gold) if gold else 0.0,
        field_accuracy=acc,
        missed=[g[NAME_KEY[kind]] for gi, g in enumerate(gold) if gi not in used_g],
        spurious=[str(_get(p, NAME_KEY[kind])) for pi, p in enumerate(pred) if pi not in used_p],
        wrong=wrong,
    )  # fmt: skip


def appearances(gold_people: list[dict], predicted: dict[str, list[Any]]) -> list[Any]:
    """The predicted people at the gold's grain. A gold that lists a person once per session
    (rows with a "session" key: the gallery's) is met by one row per session the record takes
    part in (its title as "session"; one row with none when it is in no session), so a speaker
    of three workshops counts three times, each with its workshop right or wrong. A gold that
    lists each person once (the corpus') takes the records as they are."""
    per_session = {g["doc_id"] for g in gold_people if "session" in g}
    titles = {_get(s, "id"): _get(s, "title") for s in predicted.get("sessions", [])}
    rows: list[Any] = []
    for p in predicted.get("people", []):
        if _get(p, "doc_id") not in per_session:
            rows.append(p)
            continue
        base = {"doc_id": _get(p, "doc_id"), "name": _get(p, "name"), "role": _get(p, "role"),
                "affiliation": _get(p, "affiliation")}
        sessions = [titles.get(sid) for sid in _get(p, "sessions") or []] or [None]
        rows += [{**base, "session": title} for title in sessions]
    return rows


def score_catalogue(gold: dict, predicted: dict[str, list[Any]]) -> dict[str, TypeScore]:
    """`predicted` maps "sessions"/"people"/"initiatives" to records (models or dicts)."""
    predicted = {**predicted, "people": appearances(gold.get("people", []), predicted)}
    return {k: score_type(k, gold.get(k, []), predicted.get(k, [])) for k in NAME_KEY}


def _load_documents(corpus: Path) -> list:
    from ingest.load import load_corpus

    loaded = load_corpus(corpus)
    return list(loaded.documents)


def _parse(folders: list[Path]) -> dict[str, list[Any]]:
    from ingest.programme import parse_programme

    pred: dict[str, list[Any]] = {k: [] for k in NAME_KEY}
    for folder in folders:
        for doc in _load_documents(folder):
            cat = parse_programme(doc)
            for k in NAME_KEY:
                pred[k] += getattr(cat, k)
    return pred


def run(corpus: Path, gold_path: Path) -> dict[str, TypeScore]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return score_catalogue(gold, _parse([corpus]))


def run_split(name: str) -> dict[str, TypeScore]:
    """Parse the split's documents and score them against the split's gold."""
    from evals import splits

    spec = splits.split(name)  # type: ignore[arg-type]
    folders = [spec.gallery] + ([splits.ROOT / "corpus"] if name == "tune" else [])
    return score_catalogue(splits.load_gold(spec), _parse([f for f in folders if f]))


def format_table(scores: dict[str, TypeScore]) -> str:
    rows = ["type         gold  pred  match  precision  recall  field accuracy"]
    for k, s in scores.items():
        accs = ", ".join(f"{f} {v:.2f}" for f, v in s.field_accuracy.items())
        rows.append(
            f"{k:<12} {s.gold:>4} {s.predicted:>5} {s.matched:>6} {s.precision:>10.2f} {s.recall:>7.2f}  {accs}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["tune", "heldout"], help="score a split's documents")
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--gold", type=Path, default=GOLD_PATH)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and wrong fields")
    args = ap.parse_args(argv)
    scores = run_split(args.split) if args.split else run(args.corpus, args.gold)
    if args.json:
        print(json.dumps({k: asdict(v) for k, v in scores.items()}, ensure_ascii=False, indent=1))
        return
    print(format_table(scores))
    if args.verbose:
        for k, s in scores.items():
            for label, items in (
                ("missed", s.missed),
                ("spurious", s.spurious),
                ("wrong", s.wrong),
            ):
                for it in items:
                    print(f"  {k} {label}: {it}")


if __name__ == "__main__":
    main()
