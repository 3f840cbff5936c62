"""Corpus content stays out of code paths: no proper noun and no rare word of `corpus/` or of the
evaluation gallery may appear in a string or regex of `assistant/` or `ingest/` (nor in their
data files). Rules come from the genre; a programme's own names belong in tests and evals.

Rare word: at most two occurrences in the corpus and gallery together, and rare in French and
English at large (wordfreq Zipf frequency below 2.5: fewer than one in three million words), so
genre words a small corpus happens to use once ("covoiturage", "réemploi") are not flagged, nor
the few reviewed in COMMON_WORDS. Proper noun: never written in lower case (web and
e-mail addresses aside), and either capitalised inside a sentence (not only sentence-initial) or
only ever in capitals and rarer (room names, "SALLE CORNEILLE", not headings "COCKTAIL"), and
not a common word at large (Zipf below 4.5 inside prose, 3.6 in capitals; "Paris" in a
time-zone name is not programme content). A capital inside prose is one between lower-case
words: a title in Title Case ("Intergenerational Solidarity") names nobody.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODE_DIRS = (ROOT / "assistant", ROOT / "ingest")
DATA_SUFFIXES = {".toml", ".json", ".txt", ".csv", ".yaml", ".yml"}
WORD = re.compile(r"[^\W\d_]+")
# Genre words the corpus and gallery only write capitalised (headings "Pause", rooms
# "AUDITORIUM", organisations "Métropole de Lyon") or too seldom for word frequencies to vouch
# for them: a parser's or answerer's lexicon legitimately holds them. Reviewed like code: a
# programme's own name (a person, a town, an initiative, a room's proper name) never goes here.
COMMON_WORDS = frozenset({
    "observatoire", "webinaire", "visioconference", "connect", "workshop", "pause", "auditorium",
    "amphitheatre", "metropole", "ccas", "presentiel", "introductive", "inaugurale", "pedagogiques",
    "menages", "violences", "ehpad", "zoom", "teams", "agora", "prefecture", "intervenantes",
    "allocutions", "formatrices", "municipality", "assises", "colocations", "quinzaine",
    "scic",  # a legal form of cooperative (société coopérative d’intérêt collectif), like "ccas"
    "plateaux",  # "plateaux-repas", lunch trays (values.toml); a page may also name a region so
    "abrisme",  # of "sans-abrisme", homelessness (glossary.toml), a policy word a page now writes
    "asile",  # asylum (glossary.toml), a policy word a page writes only in a capitalised heading
    "mediatheques",  # libraries (glossary.toml), a kind of venue, rare in the gallery
    "cites",  # "Cités éducatives", a national programme a page capitalises; and English "cites"
    "distanciel",  # "en distanciel", remote attendance (modes.toml), like "présentiel"
    "roul",  # a regex's fragment of "se d[ée]roul…", not the association a page names with it
    "gouters",  # afternoon snacks (kinds.toml), an item of a seniors' or children's programme
    "pere",  # "père" (father; "grand-père", "fête des pères"), folded short of its accent
    "restos",  # clipped "restaurants" (clippings.toml); a page names the Restos du Cœur
    "ctrl",  # the Ctrl key of the runner's stop message; a page writes a keyboard shortcut
    "preau",  # a school's covered yard, a venue (rooms.py); a page capitalises one as a name
})


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("œ", "oe").replace("æ", "ae"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, "fr"), zipf_frequency(word, "en"))


# Addresses are not prose: "www.ville-rouen.fr" does not make "Rouen" a common word.
ADDRESS = re.compile(r"\S*(?:[/@]|www\.)\S*")
INCLUSIVE = re.compile(r"(?<=\w)[·.•](?:e|es|rice|rices|trice|euse|ice)s?(?!\w)")


def _source_texts() -> list[str]:
    paths = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "evals" / "gallery").glob("*/*.txt"))
    return [ADDRESS.sub(" ", p.read_text(encoding="utf-8")) for p in paths]


def _inside_sentence(text: str, start: int, end: int) -> bool:
    """A capital inside running lower-case prose ("la ville de Lille a…"), not at a sentence or
    line start and not one of several capitalised words in a row (a title in Title Case)."""
    before = text[:start].rstrip(" \t\u00a0'’")
    if not before or not (before[-1].isalpha() or before[-1] == ","):
        return False  # after a line start, a bullet, a time ("18h30 · Cocktail"), a colon…
    prev = WORD.findall(before[-40:])
    nxt = WORD.findall(text[end:end + 40])
    return bool(prev) and prev[-1][0].islower() and (not nxt or nxt[0][0].islower() or len(nxt[0]) < 4)


@lru_cache(maxsize=1)
def corpus_specific_words() -> dict[str, str]:
    """Folded word -> why it is corpus content ("rare" or "proper noun")."""
    count: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for text in _source_texts():
        # Inclusive endings are part of their word ("animateur·rices"), not words of their own.
        text = INCLUSIVE.sub("", text)
        for m in WORD.finditer(text):
            word = m.group()
            if len(word) < 4:
                continue
            key = fold(word)
            count[key] += 1
            spelling.setdefault(key, word.lower())
            if word[0].islower():
                lower[key] += 1
            elif word.isupper():
                upper[key] += 1
            elif _inside_sentence(text, m.start(), m.end()):
                inside[key] += 1
    out: dict[str, str] = {}
    for key, n in count.items():
        if key in COMMON_WORDS:
            continue
        zipf = _zipf(spelling[key])
        if n <= 2 and zipf < 2.5:
            out[key] = "rare"
        elif lower[key] == 0 and (inside[key] and zipf < 4.5 or upper[key] == n and zipf < 3.6):
            out[key] = "proper noun"
    return out


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def code_strings(folders=CODE_DIRS) -> list[tuple[str, int, str]]:
    """(file, line, text) of every string literal (docstrings aside) and data file line."""
    out = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            rel = str(path.relative_to(ROOT))
            if path.suffix == ".py":
                tree = ast.parse(path.read_text(encoding="utf-8"))
                docs = _docstrings(tree)
                out += [(rel, node.lineno, node.value) for node in ast.walk(tree)
                        if isinstance(node, ast.Constant) and isinstance(node.value, str)
                        and id(node) not in docs]
            elif path.suffix in DATA_SUFFIXES:
                lines = path.read_text(encoding="utf-8").splitlines()
                out += [(rel, i, line) for i, line in enumerate(lines, 1)]
    return out


# A regex's case class ("[Vv]ille") is the word "ville", not "ille".
_CASE_CLASS = re.compile(r"\[([A-ZÀ-Ý])([a-zà-ÿ])\]")


def offenders(strings: list[tuple[str, int, str]]) -> list[str]:
    specific = corpus_specific_words()
    found = []
    for rel, line, text in strings:
        text = _CASE_CLASS.sub(r"\2", text)
        for m in WORD.finditer(text):
            why = specific.get(fold(m.group()))
            if why:
                found.append(f"{rel}:{line}: {m.group()!r} ({why} of the corpus or gallery)")
    return found


def test_no_corpus_content_in_code() -> None:
    assert offenders(code_strings()) == []


@pytest.mark.parametrize("word", ["Creuse", "Corneille", "Agrilocal", "Deydier"])
def test_the_check_catches_names_of_the_corpus(word: str) -> None:
    assert offenders([("x.py", 1, rf"\b(salle|{word})\b")]), word


@pytest.mark.parametrize("word", ["salle", "Mme", "atelier", "intervenant", "Paris", "webinaire"])
def test_the_check_lets_genre_words_through(word: str) -> None:
    assert offenders([("x.py", 1, word)]) == [], word
