"""What kind of value a question asks for, and whether the evidence has a value of that kind.

Some questions name a subject the corpus knows ("le colloque de Rouen") while asking for a value
it never gives (the weather there, where to park, how many people are expected). Salient-term
coverage cannot see that: the subject is covered. Each check below pairs a recognisable way of
asking with the shape or vocabulary an answer must have; when the best evidence lacks it, the
question is refused. The vocabularies are those of event logistics in general, not of one corpus.

All patterns run on folded text (lower case, no accents; see `assistant.language.text.fold`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.language.glossary import french_for
from assistant.language.text import fold, stem, tokens


@dataclass(frozen=True)
class AskedValue:
    name: str  # key of the refusal message in assistant.language.phrases ("refusal_attr")
    question: re.Pattern[str]
    evidence: re.Pattern[str]


def _rx(words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + words + r")\b")


_AMOUNT = r"\d[\d\s.,]*\s*(?:€|euros?\b|eur\b|k€|m€)|\d[\d\s.,]*\s*(?:millions?|milliards?|billions?)\s+(?:d'|de\s+)?euros?"

ASKED_VALUES: tuple[AskedValue, ...] = (
    AskedValue("price",
               _rx(r"prix|tarifs?|couts?|coute|coutent|payant\w*|gratuit\w*|frais|fees?|costs?|price\w*|"
                   r"euros?|montants?|combien .*pay\w*|how much|budget (?:total|global|annuel)|total budget|"
                   r"(?:quel|what) (?:est|etait|is|was) (?:le |the )?budget|salaires?|salary|salaries|wages?|remunere\w*|"
                   r"remuneration"),
               re.compile(_AMOUNT + r"|\bgratuit|\bfree of charge|\bentree libre")),
    # "numéro" alone usually means a phone number, but not in "numéro de salle" / "room number".
    AskedValue("phone",
               re.compile(r"\b(?:telephone|phone|portable|appeler|call)\b"
                          r"|\bnumero\b(?! (?:de |d')?(?:la )?(?:salle|atelier|session|seance))"
                          r"|(?<!room )\bnumber\b"),
               re.compile(r"(\+\d{2}|\b0\d)[\s.()\d]{8,}")),
    AskedValue("email", _rx(r"e-?mail|courriel|mail|adresse electronique"), re.compile(r"@")),
    AskedValue("weather",
               re.compile(r"\b(?:meteo\w*|weather|pleuvoir|pleuvra|pluie|rain\w*|forecast)\b"
                          r"|\bquel temps\b|\btemps (?:fera|fait|va|prevu)"),
               _rx(r"meteo\w*|pluie|pluvieu\w*|ensoleill\w*|temperatures?|weather|forecast|\d+\s*°")),
    AskedValue("parking",
               _rx(r"garer|se gare|parking|parkings|stationn\w*|park|car park"),
               _rx(r"parking|parkings|stationn\w*|garer|car park")),
    AskedValue("lodging",
               # Not "logement": housing is a subject of social policy, not a request for a room.
               _rx(r"hotels?|hebergements?|heberger|dormir|nuitees?|accommodation|lodging|stay overnight"),
               _rx(r"hotels?|hebergements?|heberge\w*|nuitees?|accommodation")),
    AskedValue("transport",
               _rx(r"navettes?|shuttles?|trains?|gare|tram\w*|metro|bus|taxis?|se rendre|venir en|acceder au lieu|"
                   r"how (?:do i|to) get to"),
               _rx(r"navettes?|shuttles?|trains?|gare|tram\w*|metro|bus|taxis?|lignes? \d+")),
    AskedValue("meal",
               _rx(r"menus?|buffets?|traiteur|repas|dejeuners?|diners?|lunch\w*|dinners?|meals?|breakfast|petit-dejeuner"),
               _rx(r"menus?|buffets?|traiteur|repas|dejeuners?|diners?|lunch\w*|dinners?|meals?|cocktail|pause")),
    AskedValue("deadline",
               _rx(r"date limite|deadline|jusqu'a quand|avant quelle date|by when|last day to|cloture des inscriptions"),
               re.compile(r"\b(?:date limite|deadline|avant le \d|jusqu'au \d|au plus tard|cloture des inscriptions|"
                          r"inscriptions? (?:avant|jusqu'au))")),
    AskedValue("wifi", _rx(r"wi-?fi|mot de passe|password|internet access"), _rx(r"wi-?fi")),
    AskedValue("childcare",
               _rx(r"garde d'enfants|garderie|babysitting|baby-sitting|childcare|child care|creche"),
               _rx(r"garde d'enfants|garderie|babysitting|childcare|creche\w*")),
)

# "Combien d'ateliers mardi ?" is answered by counting catalogue records, not by a figure in a text.
_CATALOGUE_NOUNS = frozenset(stem(w) for w in (
    "atelier ateliers session sessions seance seances labo labos laboratoire laboratoires table tables "
    "pleniere plenieres intervenant intervenants animateur animateurs initiative initiatives exemple "
    "exemples jour jours creneau creneaux salle salles temps fois heure heures minutes workshop workshops "
    "speaker speakers day days slot slots room rooms time hours"
).split())
# A count of people may be phrased with any of these nouns ("15 millions de Français").
_PEOPLE = frozenset(stem(w) for w in (
    "personne personnes gens habitant habitants participant participants francais francaise citoyen "
    "citoyens individu individus beneficiaire beneficiaires usager usagers inscrit inscrits jeunes familles "
    "menages salaries people persons residents participants attendees citizens"
).split())
_COUNT = re.compile(r"\b(?:combien (?:de |d')|how many |(?:le |the )?(?:nombre|number) (?:de |d'|of )(?:la |the )?)(\w+)"
                    r"|\b(?:population)\b()")
# A quantity and the word it counts: "250 personnes", "plus de 200 collectivités", "15 millions de
# Français". A percentage ("78 % des Français") is a share, not a count, and "SALLE 2" is a name.
_QUANTITY = re.compile(
    r"(?<!salle )(?<!room )(?<![\d.,])(?:\d{1,3}(?:[ .,]\d{3})*(?:,\d+)?|\d+|cent|mille|des dizaines|des centaines|"
    r"des milliers|hundreds|thousands)"
    r"\s+(?:(?:millions?|milliards?|mille|billions?|millions? of|thousands? of)\s+)?(?:de\s+|d'|of\s+)?([a-z][\w-]*)"
)


def _count_satisfied(noun: str, folded_evidence: str) -> bool:
    """A quantity of the counted noun (or, for people, of any word for people) in the evidence."""
    wanted = {stem(noun)} | {stem(t) for fr in french_for(noun) for t in tokens(fr)}
    people = bool(wanted & _PEOPLE)
    for m in _QUANTITY.finditer(folded_evidence):
        s = stem(m.group(1))
        if s in wanted or (people and s in _PEOPLE):
            return True
    return False


# "Qui est le maire de X ?" asks for whoever holds a role: the role must stand in the evidence.
_ROLE = re.compile(r"^\W*(?:qui (?:est|etait|sont) (?:le |la |les |l')|who (?:is|was|are) the )(\w[\w-]*)")


def asked_role(question: str) -> str | None:
    m = _ROLE.search(fold(question))
    return m.group(1) if m else None


def missing_value(question: str, evidence: str) -> str | None:
    """The kind of value the question asks for that the evidence does not give, if any."""
    f = fold(question)
    folded = fold(evidence)
    for asked in ASKED_VALUES:
        if asked.question.search(f) and not asked.evidence.search(folded):
            return asked.name
    m = _COUNT.search(f)
    # "population" counts people ("habitants"): the evidence needs a number of them.
    noun = (m.group(1) or "habitants") if m else None
    if noun and stem(noun) not in _CATALOGUE_NOUNS and not _count_satisfied(noun, folded):
        return "count"
    return None
