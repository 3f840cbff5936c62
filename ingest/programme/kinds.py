"""Session kinds from the words a programme uses about a session or its time slot."""

from __future__ import annotations

import re

from assistant.language.kinds import (
    event_kind_named,
    programme_kinds,
    session_kind_of,
    session_kinds,
)
from assistant.language.text import fold

# The lexicon's last programme kind: an item that is none of the named kinds ("Fête de quartier",
# "Restitution des ateliers"), as a catalogue files what it cannot name.
OTHER_KIND = programme_kinds()[-1].id

# What a session is about, not what it is: "Restitution des ateliers", "Ouverture de la séance",
# "Synthèse des tables rondes". A kind word after "de/des/du/aux" is the complement of another
# noun; the session's kind is the head noun's (or none). "Séance de clôture" is the other way
# round: the qualifier names the kind (below).
_COMPLEMENT = re.compile(
    r"\b(?:des|du|aux|au|de la|de l'|d'un|d'une|d')\s*(?:ateliers?|tables?[- ]rondes?|labos?|laboratoires?"
    r"|seances?|sessions?|conferences?|sous[- ]groupes?|webinaires?|plenieres?|formations?|seminaires?|visites?"
    r"|colloques?|rencontres?|journees?|forums?)\b"
)
# A generic session named by its place in the day: "Séance d'ouverture", "SÉANCE DE CLÔTURE",
# "Closing session", or a meeting of a cycle whose bracketed note says so: "Séance 6 (clôture)",
# "Rencontre 1 (séance d'ouverture)". A plenary stays a plenary ("Séance plénière de clôture").
_OPENING = re.compile(r"\b(?:seances?|sessions?)\s+(?:d'ouverture|inaugurale|introductive)\b|\bopening\s+session\b"
                      r"|\((?:[^()]*\s)?(?:d')?ouverture\s*\)")
_CLOSING = re.compile(r"\b(?:seances?|sessions?)\s+(?:de cloture|conclusive|finale)\b|\bclosing\s+session\b"
                      r"|\((?:[^()]*\s)?cloture\s*\)")


def kind_of(text: str) -> str | None:
    """The kind a title, label or slot caption gives, leaving out kind words that are another
    noun's complement: the kind word it opens with, its head noun ("Clôture et lecture des
    récits" closes the day, "Walking tour (meeting point …)" is a visit), a generic "séance" only
    when no other kind is said; on one spot, the genre lexicon's order ("séance plénière" is a
    plenary, "Accueil café" a break). A head noun of no session kind ("Concert", "Soirée") makes
    the item another kind only when no session kind is said: "Soirée d'ouverture" opens."""
    folded = fold(text).replace("’", "'")
    if _OPENING.search(folded):
        return "ouverture"
    if _CLOSING.search(folded):
        return "clôture"
    plain = without_complements(folded)
    said = [(k.generic, m.start(), rank, k.id)
            for rank, k in enumerate(session_kinds()) if (m := k.pattern.search(plain)) is not None]
    if said:
        return min(said)[3]
    return _programme_kind_at_head(folded)


def _programme_kind_at_head(folded: str) -> str | None:
    """"Ciné-débat « … »", "Village des associations", "Veillée contée": a kind word the session
    kinds lack, as the item's head noun (its first word or two). Further on it is the topic's:
    "Cafés associatifs et épiceries de village", "Aller vers les villages sans tiers-lieu"."""
    for k in programme_kinds():
        m = k.pattern.search(folded)
        if m is not None and len(_WORD.findall(folded[: m.start()])) <= 1:
            return k.id
    return None


_WORD = re.compile(r"[\w'-]+")


_OPENING_QUALIFIER = re.compile(r"(?<=\w)\s+(?:d'ouverture|inaugurale|introductive)\b")


def label_kind(said: str) -> str | None:
    """The kind a session label gives, its qualifier and note included: "SÉANCE DE CLÔTURE :
    Title", "Séance 6 (clôture)", "Labo n°5 (séance de clôture)" close a cycle (its restitution,
    its round table with the elected), whatever the label's noun. A cycle's "Séance d'ouverture
    « Title »" is one of its séances all the same: the first, on a topic of its own."""
    said = fold(said).replace("’", "'")
    if _CLOSING.search(said):
        return "clôture"
    return kind_of(_OPENING_QUALIFIER.sub(" ", said))


def without_complements(folded: str) -> str:
    """Folded text without the kind words that are another noun's complement."""
    return _COMPLEMENT.sub(" ", folded.replace("’", "'"))


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
    """A manifest kind ("formation", "cycle de séminaires", "comité de pilotage") or a page's
    title mapped to a session kind: the items of a committee's agenda are its séances, the
    meetings of a cycle ("Cycle « … »", "cycle de rencontres") too."""
    if not kind:
        return None
    found = session_kind_of(without_complements(fold(kind)))  # a forum's items are not all "autres"
    k = found.id if found else None
    if k is None:
        event = event_kind_named(kind)
        return "séance" if event is not None and event.id in ("comité", "cycle") else None
    return "séance" if k == "séminaire" else k
