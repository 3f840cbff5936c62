"""Session kinds from the words a programme uses about a session or its time slot."""

from __future__ import annotations

import re

from assistant.language.kinds import session_kind_of
from assistant.language.text import fold


def kind_of(text: str) -> str | None:
    """The strongest kind word in a title, label or slot caption (the genre lexicon's order:
    "séance plénière" is a plenary, "atelier en sous-groupes" a workshop, "Accueil café" a break)."""
    found = session_kind_of(text)
    return found.id if found else None


# Only as the subject of a sentence: "lors de cet atelier" looks back at something else.
_SELF = re.compile(
    r"(?:^|[.!?]\s+)(?:cet|cette|ce)\s+(atelier|table[- ]ronde|seance|conference|labo|laboratoire|formation"
    r"|seminaire|visite|pleniere)\b"
)


def self_kind(description: str) -> str | None:
    """A description that names its own session: "Cette table ronde permettra…"."""
    m = _SELF.search(fold(description))
    return kind_of(m.group(1)) if m else None


def kind_from_meta(kind: str | None) -> str | None:
    """A manifest kind ("formation", "cycle de séminaires") mapped to a session kind."""
    if not kind:
        return None
    k = kind_of(kind)
    return "séance" if k == "séminaire" else k
