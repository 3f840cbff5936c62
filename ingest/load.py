"""Load corpus files into `Document`s: decode, normalise line ends, apply the manifest, report skips.

The served text is the decoded file with a UTF-8 BOM removed and CRLF/CR turned into LF; every
offset in the index points into that text. A file that cannot be read as a document is reported
with a reason and skipped; the others still load.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.domain.models import Document
from ingest.programme.dates import stamp_line
from ingest.programme.lines import split_lines
from ingest.programme.web import furniture

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
MANIFEST_NAME = "manifest.toml"
MAX_BYTES_DEFAULT = 20 * 1024 * 1024


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # Files that loaded but needed a repair worth telling the user about (encoding, BOM, CRLF).
    notes: list[Skipped] = field(default_factory=list)


class UnreadableDocument(ValueError):
    """The file exists but holds no usable text; the message is the user-facing reason."""


def slugify(name: str) -> str:
    from assistant.language.text import fold

    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return slug[:80] or "document"


def load_manifest(corpus_dir: Path) -> dict[str, dict]:
    path = corpus_dir / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise ValueError(f"{path}: invalid manifest: {exc}") from exc
    return {str(k): v for k, v in data.items() if isinstance(v, dict)}


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def _legacy_encoding(raw: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        return "cp1252"
    best = matches[0]
    # On French text cp1250 often ties with cp1252 (it reads "è" as "č" with no more "chaos"),
    # and the library may rank it first. Windows-1252 is the usual legacy encoding of French
    # text, so it wins a tie; a clearly better guess (Cyrillic, Central European) still wins.
    if any(m.encoding == "cp1252" and m.chaos <= best.chaos for m in matches):
        return "cp1252"
    return best.encoding


def decode_text(raw: bytes) -> tuple[str, list[str]]:
    """Decode bytes to served text; returns the text and the repairs applied."""
    repairs: list[str] = []
    if _looks_binary(raw):
        raise UnreadableDocument("binary content (not text)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        repairs.append("UTF-8 BOM removed")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        encoding = _legacy_encoding(raw)
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text = raw.decode("latin-1")
            encoding = "latin-1"
        repairs.append(f"decoded as {encoding}")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        repairs.append("CRLF line ends normalised")
    return text, repairs


# Elements that start a line of their own when a browser renders them; everything else (strong,
# em, span, a…) stays inside its line, so "<strong>14h30</strong> – Atelier" reads as one line.
_HTML_LINES = {"div", "li", "dt", "dd", "tr", "caption", "figcaption", "address", "label", "summary",
               "option", "legend"}
# …and elements that also end a paragraph (a blank line after them).
_HTML_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
                    "footer", "main", "aside", "blockquote", "pre", "ul", "ol", "dl", "table",
                    "figure", "form", "fieldset", "details", "hr"}
# Never text: code, styles, and the site navigation around the programme.
_HTML_DROP = ["script", "style", "noscript", "template", "nav", "svg", "iframe", "button", "select"]


def _html_to_text(raw: bytes) -> str:
    """The text of a saved web page as a reader sees it: one line per block element, table rows
    as cells joined by ' | ' (the genre's flattened tables), spaces collapsed within a line."""
    from bs4 import BeautifulSoup
    from bs4.element import NavigableString, PreformattedString, Tag

    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup(_HTML_DROP):
        tag.decompose()
    # Text pieces and breaks (1: new line, 2: new paragraph); runs of breaks count as the largest.
    out: list[str | int] = []

    def cell(node: Tag) -> str:
        # Lines inside one cell are items of one field (two speakers, a room and its floor).
        for br in node.find_all("br"):
            br.replace_with("\x00")
        parts = (" ".join(part.split()) for part in node.get_text(" ").split("\x00"))
        return "; ".join(part for part in parts if part)

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, PreformattedString):  # comments, doctype, CDATA
                continue
            if isinstance(child, NavigableString):
                out.append(str(child))
            elif isinstance(child, Tag):
                name = child.name.lower()
                if name == "br":
                    out.append(1)
                elif name == "tr":
                    cells = [cell(c) for c in child.find_all(["td", "th"], recursive=False)]
                    out.extend([1, " | ".join(cells), 1])
                else:
                    brk = 2 if name in _HTML_PARAGRAPHS else 1 if name in _HTML_LINES else 0
                    if brk:
                        out.append(brk)
                    walk(child)
                    if brk:
                        out.append(brk)

    walk(soup)
    text, pending = "", 0
    for piece in out:
        if isinstance(piece, int):
            pending = max(pending, piece)
        elif piece.strip():
            if text and pending:
                text = text.rstrip(" ") + "\n" * pending
                piece = piece.lstrip()
            elif not text or text.endswith("\n"):
                piece = piece.lstrip()
            elif piece[0].isspace() and not text.endswith(" "):
                text += " "
            text += " ".join(piece.split()) + (" " if piece[-1:].isspace() else "")
            pending = 0
        elif text and not text.endswith((" ", "\n")):
            text += " "  # whitespace between two inline elements
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def _pdf_to_text(path: Path) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many types on corrupt files
        raise UnreadableDocument(f"unreadable PDF ({type(exc).__name__})") from exc
    return "\n\n".join(p.strip() for p in pages).strip()


def read_document_text(path: Path, *, max_bytes: int = MAX_BYTES_DEFAULT) -> tuple[str, list[str]]:
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableDocument(f"too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB limit)")
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return _pdf_to_text(path), ["text extracted from PDF"]
    raw = path.read_bytes()
    if suffix in HTML_SUFFIXES:
        return _html_to_text(raw), ["text extracted from HTML"]
    return decode_text(raw)


def first_line_title(text: str) -> str:
    """The first line that is no saved web page's furniture (its banner "Ville de X – site
    officiel", its menu, its "Aller au contenu" links, its breadcrumb)."""
    lines = split_lines(text)
    skip = furniture(lines)
    for ln in lines:
        if not ln.blank and ln.index not in skip and not stamp_line(ln.text):  # "Publié le …"
            return ln.text[:200]
    return "Sans titre"


def make_document(*, doc_id: str, source: str, text: str, meta: dict | None = None) -> Document:
    meta = meta or {}
    return Document(
        doc_id=doc_id,
        title=str(meta.get("title") or first_line_title(text)),
        kind=meta.get("kind"),
        date=_opt_str(meta.get("date")),
        date_end=_opt_str(meta.get("date_end")),
        place=meta.get("place"),
        organiser=meta.get("organiser"),
        source=source,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        chars=len(text),
        text=text,
    )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _candidate_files(corpus_dir: Path) -> list[Path]:
    return sorted(
        p for p in corpus_dir.rglob("*")
        if not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
        and p.name != MANIFEST_NAME
        and (p.is_file() or p.is_symlink())
    )


def load_corpus(corpus_dir: Path, *, max_bytes: int = MAX_BYTES_DEFAULT) -> LoadResult:
    """Load every supported file below `corpus_dir`; unreadable ones go to `skipped`."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus_dir}")
    manifest = load_manifest(corpus_dir)
    root = corpus_dir.resolve()
    result = LoadResult()
    seen_hashes: dict[str, str] = {}
    seen_ids: set[str] = set()
    # Files named in the manifest come first, so a stray copy is the one reported as duplicate.
    files = sorted(_candidate_files(corpus_dir),
                   key=lambda p: (p.relative_to(corpus_dir).as_posix() not in manifest, p))
    for path in files:
        rel = path.relative_to(corpus_dir).as_posix()
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            result.skipped.append(Skipped(rel, f"unsupported file type '{path.suffix or path.name}'"))
            continue
        resolved = path.resolve()
        if path.is_symlink() and not resolved.is_relative_to(root):
            # A link out of the corpus could expose any file of the machine through /documents.
            result.skipped.append(Skipped(rel, "symlink pointing outside the corpus folder"))
            continue
        try:
            text, repairs = read_document_text(path, max_bytes=max_bytes)
        except UnreadableDocument as exc:
            result.skipped.append(Skipped(rel, str(exc)))
            continue
        except OSError as exc:
            result.skipped.append(Skipped(rel, f"cannot read file ({exc.strerror or exc})"))
            continue
        if not text.strip():
            result.skipped.append(Skipped(rel, "empty or whitespace only"))
            continue
        doc = make_document(doc_id=_unique_id(slugify(Path(rel).with_suffix("").as_posix()), seen_ids),
                            source=rel, text=text, meta=manifest.get(rel))
        if doc.sha256 in seen_hashes:
            result.skipped.append(Skipped(rel, f"duplicate of {seen_hashes[doc.sha256]}"))
            seen_ids.discard(doc.doc_id)
            continue
        seen_hashes[doc.sha256] = rel
        result.documents.append(doc)
        if repairs:
            result.notes.append(Skipped(rel, ", ".join(repairs)))
    return result


def _unique_id(base: str, seen: set[str]) -> str:
    candidate, n = base, 2
    while candidate in seen:
        candidate, n = f"{base}-{n}", n + 1
    seen.add(candidate)
    return candidate
