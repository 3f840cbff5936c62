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
