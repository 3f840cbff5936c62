"""French-aware text normalisation: folding, elisions, tokens and stems for lexical matching.

Nothing here changes served text: these functions produce keys for matching only, so offsets
into documents stay exact.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import load

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
# Typographic apostrophes and quotes are folded to ASCII so "l’élu" and "l'élu" match.
_PUNCT = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "«": '"', "»": '"', "“": '"', "”": '"',
                        "–": "-", "—": "-", "\u00a0": " ", "\u202f": " "})
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9]+")
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")

FRENCH_STOPWORDS = frozenset(
    ["au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il", "ils", "je", "la", "le", "les", "leur", "lui", "ma", "mais", "me", "meme", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "c", "d", "j", "l", "a", "m", "n", "s", "t", "y", "ete", "etee", "etees", "etes", "etant", "suis", "es", "est", "sommes", "sont", "serai", "sera", "seront", "serait", "ai", "as", "avons", "avez", "ont", "aurai", "aura", "avait", "eu", "cette", "cet", "ceux", "celle", "celles", "comme", "donc", "or", "ni", "car", "si", "plus", "tres", "tout", "tous", "toute", "toutes", "fait", "faire", "peut", "peuvent", "etre", "avoir", "quel", "quelle", "quels", "quelles", "lequel", "laquelle", "dont", "quoi", "ou", "alors", "aussi", "bien", "ainsi", "sans", "sous", "entre", "vers", "chez", "selon", "afin", "lors", "apres", "avant", "depuis", "pendant", "pres", "cote", "loin", "autour",
     # The other tenses and moods of être and avoir: "qui était rapporteure", "qui aurait".
     "etais", "etait", "etions", "etiez", "etaient", "fus", "fut", "furent", "sois", "soit", "soyons",
     "soyez", "soient", "serais", "serions", "seriez", "seraient", "seras", "serons", "serez",
     "avais", "avions", "aviez", "avaient", "eus", "eut", "eurent", "aie", "aies", "ait", "ayons",
     "ayez", "aient", "aurais", "aurait", "aurions", "auriez", "auraient", "auras", "aurons",
     "aurez", "auront", "ayant", "eue", "eues",
     # How people ask, spoken: "ça commence à quelle heure", "se font en présentiel", "il faut".
     "ca", "cela", "ceci", "font", "fais", "faut", "va", "vont",
     # Scheduling, not a topic: "les ateliers en parallèle", "en même temps".
     "parallele", "paralleles", "simultane", "simultanes", "simultanement"]
)
ENGLISH_STOPWORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "is", "are", "was", "were", "be", "been", "by", "with", "from", "as", "it", "its", "this", "that", "these", "those", "which", "who", "whom", "what", "when", "where", "why", "how", "do", "does", "did", "there", "their", "they", "them", "he", "she", "his", "her", "i", "me", "my", "we", "our", "you", "your", "can", "could", "should", "would", "will", "shall", "may", "might", "any", "some", "about", "into", "than", "then", "so", "not", "no", "yes", "please", "tell", "give", "show", "list",
     "parallel", "simultaneous", "simultaneously", "concurrent",
     # Spoken verbs of asking: "what can I go to", "what did he use to do", "get to".
     "go", "goes", "going", "get", "use", "used", "pm", "am", "have", "has", "had", "having"]
)


def fold(text: str) -> str:
    """Lower-case, fold ligatures, accents and typographic punctuation."""
    text = text.translate(_LIGATURES).translate(_PUNCT)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower()


@lru_cache(maxsize=8192)
def fold_kept(text: str) -> str:
    """`fold`, kept for texts folded again at every question (an index's item texts, read by the
    search's lifts 30 items deep): a string hashes once, the fold is done once."""
    return fold(text)


def strip_elisions(folded: str) -> str:
    return _ELISION.sub("", folded)


def tokens(text: str) -> list[str]:
    """Folded word tokens with French elisions removed (l'atelier -> atelier)."""
    return _TOKEN.findall(strip_elisions(fold(text)))


@lru_cache(maxsize=2)
def _stemmer(language: str = "french"):
    import Stemmer  # PyStemmer; imported lazily so the module stays light

    return Stemmer.Stemmer(language)


def english_stem(word: str) -> str:
    """An English word's stem ("developing" -> "develop", "solidarities" -> "solidar")."""
    return _stemmer("english").stemWord(word)


@lru_cache(maxsize=1)
def _clippings() -> dict[str, str]:
    return dict(load("clippings")["fr"])


def stem(word: str) -> str:
    # "assos", "ados", "infos": the short form people type stands for its whole word.
    word = _clippings().get(word, word)
    # Snowball keeps the plural of words in -u ("élus" -> "elus" but "élu" -> "elu"): drop it
    # first so singular and plural meet. Invariable -us words change on both sides alike.
    if len(word) > 3 and word.endswith("us"):
        word = word[:-1]
    return _stemmer().stemWord(word)


_STOPWORDS = FRENCH_STOPWORDS | ENGLISH_STOPWORDS


@lru_cache(maxsize=4096)
def _content_terms(text: str) -> tuple[str, ...]:
    return tuple(stem(t) for t in tokens(text) if t not in _STOPWORDS and len(t) > 1)


def content_terms(text: str) -> list[str]:
    """Stemmed tokens without French or English stopwords: the lexical key of a text.

    Cached: answering re-reads the same passages for every question (support, sentence choice),
    and folding and stemming them again was the largest cost of /ask after the encoder."""
    return list(_content_terms(text))


# English clitics: "what's", "Martin's", "don't", "we're". A French elision puts its apostrophe
# after one letter or "qu" and before a word ("s'il", "qu'est"), never before these endings.
_ENGLISH_CLITIC = re.compile(r"\b([a-z]{2,})'(?:s|re|ve|ll|d|m|t)\b(?!')")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _is_name(text: str, word: re.Match[str]) -> bool:
    """A capitalised word inside a sentence; the first word of a sentence ("Où est…") is not."""
    before = text[:word.start()].rstrip(" \t\"'«“(")
    return word.group(0)[0].isupper() and bool(before) and before[-1] not in ".!?:"


CORPUS_LANGUAGE = "fr"  # the programmes' language; a question in it needs no translation


def detect_language(text: str) -> str:
    """'fr' or 'en' from stopword evidence, clitics and accents; French wins ties (the corpus
    language).

    Names are not the asker's language: quoted titles are left out ("Where is “L'atelier de
    …”?" is English), and so are accents in capitalised words ("Cinéma Le Lumière", "Hélène"),
    since English questions name French people, venues and places. An English clitic ("'s") is
    not read as a French elided "s"."""
    unquoted = _QUOTED.sub(" ", text)
    if tokens(unquoted):
        text = unquoted
    plain = text.translate(_PUNCT)
    lowered = plain.lower()
    clitics = len(_ENGLISH_CLITIC.findall(lowered))
    words = tokens(_ENGLISH_CLITIC.sub(r"\1", lowered))
    accented = sum(1 for m in _WORD.finditer(plain) if any(ch in "éèêàùçôîœ" for ch in m.group(0).lower())
                   and not _is_name(plain, m))
    fr = sum(w in FRENCH_STOPWORDS for w in words) + accented
    en = sum(w in ENGLISH_STOPWORDS for w in words) + clitics
    en += sum(w in {"workshop", "workshops", "room", "who", "what", "where", "when", "which"} for w in words)
    return "en" if en > fr else "fr"
