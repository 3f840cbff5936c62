"""Is the question supported by the corpus? Salient-term coverage and checkable attributes.

Frame words (how people ask: "dans quelle salle", "who runs") are not evidence either way; the
remaining salient terms must appear in the top retrieved items. Questions asking for a value of a
recognisable kind (a price, a phone number, the weather, a head count, where to park: see
`assistant.answering.asked`) also need such a value in the evidence, so "what does registration cost?" is
refused when no amount is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from assistant.answering.asked import ASKED_VALUES, asked_role, missing_value
from assistant.language.glossary import PHRASES, french_for
from assistant.language.text import content_terms, fold, stem, tokens

_FRAME_WORDS = ["salle", "salles", "lieu", "lieux", "ou", "quand", "heure", "heures", "horaire", "horaires", "jour", "jours", "date", "dates", "quel", "quelle", "quels", "quelles", "qui", "quoi", "comment", "combien", "pourquoi", "atelier", "ateliers", "seance", "seances", "session", "sessions", "labo", "labos", "laboratoire", "laboratoires", "table", "ronde", "tables", "rondes", "pleniere", "plenieres", "sous-groupe", "sous-groupes", "creneau", "intervient", "interviennent", "intervenant", "intervenants", "animateur", "animateurs", "anime", "animent", "animee", "presente", "presentent", "presentee", "presentes", "parle", "parlent", "traite", "traitent", "porte", "portent", "aborde", "abordent", "sujet", "sujets", "theme", "themes", "programme", "programmes", "exemple", "exemples", "initiative", "initiatives", "dispositif", "dispositifs", "projet", "projets", "experimentation", "donne", "donner", "citer", "cite", "dire", "dites", "savoir", "trouver", "avoir", "passe", "passer", "passera", "lieu", "tient", "tiendra", "tenu", "deroule", "deroulera", "organise", "organisee", "organisees", "evoque", "evoquee", "evoquees", "matin", "apres-midi", "soir", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "room", "rooms", "where", "when", "time", "times", "day", "days", "which", "who", "whom", "what", "how", "why", "workshop", "workshops", "session", "lab", "labs", "plenary", "round", "speaker", "speakers", "moderator", "moderators", "run", "runs", "held", "hold", "take", "takes", "place", "about", "talk", "talks", "discuss", "discussed", "discusses", "present", "presented", "presents", "example", "examples", "initiative", "initiatives", "scheme", "schemes", "project", "projects", "topic", "topics", "theme", "themes", "morning", "afternoon", "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "happen", "happens", "happening", "give", "list", "name", "named", "tell", "interested", "interest", "interests", "recommend", "suggest", "attend", "conseiller", "conseillez", "conseille", "recommander", "recommandez", "interesse", "interessee", "interesses", "programme", "contact", "contacts", "personne", "personnes", "organisateur", "organisateurs"]

# Conversational fillers: how people phrase a request, not what they ask about.
_FRAME_WORDS += (
    "voudrais voudrait aimerais souhaite souhaiterais quelque chose idee idees suivre assister "
    "participer concerne concernent tant veux peux puis-je puis cherche travaille occupe suis tenus "
    "tenue selon fit fits suit suits would like want looking work working according many much "
    "mentioned cited quoted figure figures talked talk draws draw joined join represent represents "
    "representait representent organises organizes organised organized which lequel laquelle "
    "something anything temps premier premiere dernier derniere first last ville city town villes "
    "dure duree combien numero number telephone phone mail e-mail email courriel adresse address "
    "start starts begin begins end ends finish finishes commence commencent termine terminent fin "
    "fera feront ferait feraient font faut falloir doit doivent devrait lendemain veille meme "
    "suivant suivante precedent precedente next same previous following"
).split()

@lru_cache(maxsize=1)
def frame_stems() -> frozenset[str]:
    return frozenset(stem(t) for w in _FRAME_WORDS for t in tokens(w))


def salient_terms(question: str, language: str) -> list[set[str]]:
    """Each salient word of the question as a set of acceptable stems (its translations included)."""
    frame = frame_stems()
    groups: list[set[str]] = []
    f = fold(question)
    for en, fr in PHRASES.items():
        if language == "en" and en in f:
            groups.append({stem(t) for t in tokens(fr)})
            f = f.replace(en, " ")
    for word in tokens(f):
        s = content_terms(word)
        if not s or s[0] in frame:
            continue
        alts = set(s)
        # English words also occur inside French questions ("l'approche One Health").
        for fr in french_for(word):
            alts.update(content_terms(fr))
        if alts & frame:
            continue
        groups.append(alts)
    return groups


@dataclass(frozen=True)
class Support:
    coverage: float
    missing_attribute: str | None
    salient: int
    unknown: float = 0.0  # share of salient terms the whole corpus never uses (half or more: refuse)

    def supported(self, threshold: float) -> bool:
        return self.missing_attribute is None and self.coverage >= threshold and self.unknown < 0.5


def asks_contact(question: str) -> bool:
    f = fold(question)
    return any(a.question.search(f) for a in ASKED_VALUES if a.name in ("phone", "email"))


def assess(question: str, *, language: str, evidence_texts: list[str],
           vocabulary: frozenset[str] | None = None) -> Support:
    """Coverage is that of the best single item: the answer must stand in one place."""
    groups = salient_terms(question, language)
    unknown = 0.0
    # An English word outside the glossary is unknown to a French corpus whatever is asked: only
    # words the glossary can translate are judged for English questions.
    if groups and vocabulary is not None:
        judged = groups if language == "fr" else [g for g in groups if len(g) > 1]
        unknown = sum(1 for g in judged if not g & vocabulary) / len(groups)
    coverage = 1.0
    best = list(evidence_texts)
    if groups:
        scores = [sum(1 for g in groups if g & set(content_terms(text))) / len(groups) for text in evidence_texts]
        coverage = max(scores, default=0.0)
        # A phone number or a price must stand where the question's subject does, not anywhere.
        best = [text for text, sc in zip(evidence_texts, scores, strict=True) if sc == coverage]
    evidence = " ".join(best)
    missing = missing_value(question, evidence)
    role = asked_role(question)
    if missing is None and role and stem(role) not in frame_stems():
        # "Qui est le directeur de X ?": the role and X must stand in one item, or the director of
        # another body would be named.
        alts = {stem(role)} | {t for fr in french_for(role) for t in content_terms(fr)}
        if not any(alts & set(content_terms(t)) for t in best) or coverage < 1.0:
            missing = "role"
    return Support(coverage=coverage, missing_attribute=missing, salient=len(groups), unknown=unknown)
