"""How programmes write an address: a numbered street ("43 rue de la République", "2, place
Léon-Gontier", "11 boulevard Jean-Pain") and a postcode ("80000 Amiens"). A square named without
a number ("place Bellecour") may be how people name where an event is, so it is not one.

The parser reads a line holding one as a venue line; the question reader leaves it out of an
event's place names (a street named after the Republic names no event)."""

from __future__ import annotations

import re

ADDRESS = re.compile(
    r"\b\d+(?:\s*(?:bis|ter))?,?\s+(?:rue|bd|boulevard|avenue|av\.|place|quai|all[ée]e|chemin|cours"
    r"|route|impasse|square)\s+[^,–—()\n]+|\b\d{5}\b(?=\s+[A-ZÀ-Ý])",
    re.I,
)
