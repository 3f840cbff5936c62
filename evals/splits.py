"""The two evaluation splits and the corpus an evaluation index is built from.

Splits are by document. **tune**: the five documents of `corpus/` and the tune half of the
gallery; its cases may be read one by one and rules changed while looking at them. **heldout**:
the held-out half of the gallery, plus new phrasings on `corpus/`; only its aggregate figures are
read (see `evals/datasets/README.md` for the discipline).

One index serves both splits: `corpus/` plus both gallery halves, so each split's documents are
distractors for the other's questions, as further programmes would be in production.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SplitName = Literal["tune", "heldout"]
SPLITS: tuple[SplitName, ...] = ("heldout", "tune")  # report order: held-out leads

EVALS = Path(__file__).parent
ROOT = EVALS.parent
DATASETS = EVALS / "datasets"
GALLERY = EVALS / "gallery"
CORPUS_GOLD = EVALS / "gold" / "catalogue.json"
MANIFEST = "manifest.toml"
DOC_SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf"}


@dataclass(frozen=True)
class Split:
    name: str
    dataset: Path
    gallery: Path | None  # the gallery half whose documents belong to this split
    golds: tuple[Path, ...]  # hand-labelled catalogues of the split's documents


def split(name: SplitName) -> Split:
    gallery = GALLERY / name
    golds = (gallery / "gold.json",) + ((CORPUS_GOLD,) if name == "tune" else ())
    return Split(name=name, dataset=DATASETS / f"{name}.jsonl", gallery=gallery, golds=golds)


def gallery_documents(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in DOC_SUFFIXES)


def split_doc_ids(s: Split) -> set[str]:
    """Documents whose catalogue this split scores (the gallery half; for tune also corpus/)."""
    ids = {p.stem for p in gallery_documents(s.gallery)} if s.gallery else set()
    if s.name == "tune":
        ids |= {p.stem for p in gallery_documents(ROOT / "corpus")}
    return ids


def load_gold(s: Split) -> dict[str, list[dict]]:
    """The split's gold catalogues merged (sessions, people, initiatives)."""
    merged: dict[str, list[dict]] = {"sessions": [], "people": [], "initiatives": []}
    for path in s.golds:
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            for kind in merged:
                merged[kind] += data.get(kind, [])
    return merged


def _manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _toml_value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string or number is valid TOML


def build_eval_corpus(corpus_dir: Path, target: Path) -> Path:
    """`corpus_dir` and both gallery halves as one flat folder with one merged manifest.

    Files are copied only when their content changed, so an unchanged corpus keeps the same
    folder and the incremental ingest over it has nothing to do.
    """
    sources = [Path(corpus_dir), *(GALLERY / name for name in SPLITS)]
    target.mkdir(parents=True, exist_ok=True)
    wanted: dict[str, Path] = {}
    manifest: dict[str, dict] = {}
    for folder in sources:
        for path in gallery_documents(folder):
            if path.name in wanted:
                raise ValueError(f"two evaluation documents are named {path.name}")
            wanted[path.name] = path
        manifest.update(_manifest(folder))
    for name, path in wanted.items():
        dest = target / name
        if not dest.is_file() or dest.read_bytes() != path.read_bytes():
            shutil.copyfile(path, dest)
    for stale in target.iterdir():
        if stale.name not in wanted and stale.name != MANIFEST:
            stale.unlink()
    lines = []
    for name in sorted(manifest):
        if name in wanted:
            lines.append(f"[{_toml_value(name)}]")
            lines += [f"{key} = {_toml_value(value)}" for key, value in manifest[name].items()]
            lines.append("")
    text = "\n".join(lines)
    man = target / MANIFEST
    if not man.is_file() or man.read_text(encoding="utf-8") != text:
        man.write_text(text, encoding="utf-8")
    return target


def default_index_dir(embed_model: str) -> Path:
    """A reusable folder per embedding model under the system's temporary directory."""
    key = hashlib.sha256(embed_model.encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / "cohesion-eval" / key
