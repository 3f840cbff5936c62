"""How programmes write an address: a numbered street ("43 rue de la Liberté", "2, place
du Marché", "11 boulevard Victor-Hugo") and a postcode ("99000 Villeneuve"). A square named without
a number ("place des Arcades") may be how people name where an event is, so it is not one.

The parser reads a line holding one as a venue line; the question reader leaves it out of an
event's place names (a street named after freedom names no event)."""

from __future__ import annotations

import re

ADDRESS = re.compile(
    r"\b\d+(?:\s*(?:bis|ter))?,?\s+(?:rue|bd|boulevard|avenue|av\.|place|quai|all[ée]e|chemin|cours"
    r"|route|impasse|square)\s+[^,–—()\n]+|\b\d{5}\b(?=\s+[A-ZÀ-Ý])",
    re.I,
)

# A web or e-mail address ("www.ville-exemple.fr", "contact@ville-exemple.fr") writes a town's
# name in lower case without making it a common word.
WEB_ADDRESS = re.compile(r"\S*(?:[/@]|www\.)\S*")


# French writes the people and the adjective of a town in lower case, with an ending added to
# its name ("l'agglomération vernellaise", "les brescourtois", "la métropole lyonnaise"): such a word
# shares the town's stem without making the town's name a common word.
# The name's final consonant may double before it ("lyonnaise", "vaurellois" of Vaurel), and its final
# "e" or "s" drops ("Vernelles": "vernellais", "Sarlanes": "sarlanois").
_DEMONYM_ENDING = re.compile(r"(?:ais|ois|ien)(?:e|ne)?s?")


def is_demonym_of(lower_word: str, name: str) -> bool:
    """`lower_word` (folded) is `name` (folded) with a demonym's ending: "vernellaise" of "vernelles"."""
    for base in {name, name.rstrip("s").rstrip("e")}:
        if len(base) < 3 or not lower_word.startswith(base):
            continue
        rest = lower_word[len(base):]
        if rest[:1] == base[-1] and base[-1] not in "aeiouy":
            rest = rest[1:]
        if _DEMONYM_ENDING.fullmatch(rest):
            return True
    return False


# -- compound place names ---------------------------------------------------------------------
# The small words French compound place names are built with ("Saint-Girons", "Boulogne-sur-Mer",
# "Aix-les-Bains", "Châlons-en-Champagne"): a hyphenated run holding one is one name, and its
# parts alone ("saint", "mer") name no place.
PLACE_PARTICLES = frozenset({"saint", "sainte", "st", "ste", "sur", "sous", "les", "lès", "lez", "en", "le",
                             "la", "de", "du", "des", "aux"})
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def _is_place_compound(parts: list[str]) -> bool:
    # Particles link names: at least one, never at the end ("Saint-Denis", not "tiers-lieux").
    folded = [p.lower() for p in parts]
    return len(parts) >= 2 and any(p in PLACE_PARTICLES for p in folded[:-1]) and folded[-1] not in PLACE_PARTICLES


def compound_places(text: str) -> list[str]:
    """The compound place names a text writes with hyphens, each joined into one word."""
    return ["".join(m.group().split("-")) for m in _HYPHENATED.finditer(text)
            if _is_place_compound(m.group().split("-"))]


def join_compound_places(text: str) -> str:
    """The text with each hyphenated compound place name written as one word, followed by its
    head when that is a name ("Villeneuve-sur-Lot": also "Villeneuve", which a file name may
    write alone; never "Lot", another place, nor the "Saint" of "Saint-Martin")."""
    def joined(m: re.Match[str]) -> str:
        parts = m.group().split("-")
        if not _is_place_compound(parts):
            return m.group()
        head = parts[0] if parts[0].lower() not in PLACE_PARTICLES else ""
        return f"{''.join(parts)} {head}".rstrip()
    return _HYPHENATED.sub(joined, text)


def compound_runs(words: list[str]) -> list[str]:
    """Compound place names in a sequence of words whose hyphens were lost (a file name's
    "colloque-saint-etienne-2025"): every run of two to four words that reads as one, joined."""
    out = []
    for i in range(len(words)):
        for n in (2, 3, 4):
            run = words[i:i + n]
            if len(run) == n and _is_place_compound(run):
                out.append("".join(run))
    return out
