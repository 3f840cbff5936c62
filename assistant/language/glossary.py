"""English -> French vocabulary of social policy and event programmes, for English questions.

The default embedder is English-only and the corpora are French, so an English question is
expanded with French equivalents before lexical search. This is a general bilingual glossary of
the domain (public action, solidarity, events), not a list of any programme's contents.
"""

from __future__ import annotations

import re

from assistant.language.text import fold

_PAIRS = ["workshop:atelier", "workshops:ateliers", "session:seance", "sessions:seances", "room:salle", "rooms:salles", "lab:labo", "labs:labos", "laboratory:laboratoire", "plenary:pleniere", "roundtable:table", "ronde", "speaker:intervenant", "speakers:intervenants", "moderator:animateur", "host:animateur", "facilitator:animateur", "contact:contact", "day:jour", "morning:matin", "afternoon:apres-midi", "evening:soir", "tuesday:mardi", "wednesday:mercredi", "monday:lundi", "thursday:jeudi", "friday:vendredi", "saturday:samedi", "sunday:dimanche", "march:mars", "november:novembre", "july:juillet", "september:septembre", "october:octobre", "december:decembre", "january:janvier", "april:avril", "may:mai", "june:juin", "february:fevrier", "august:aout", "training:formation", "seminar:seminaire", "seminars:seminaires", "conference:colloque", "symposium:colloque", "agenda:ordre", "du", "jour", "steering:pilotage", "committee:comite", "subgroup:sous-groupe", "subgroups:sous-groupes", "opening:ouverture", "closing:cloture", "concluding:conclusive", "mental:mentale", "health:sante", "healthcare:sante", "ageing:vieillissement", "aging:vieillissement", "elderly:personnes", "agees", "older:agees", "seniors:aines", "intergenerational:intergenerationnelles", "food:alimentation", "alimentaire", "nutrition:alimentation", "hunger:precarite", "alimentaire", "mobility:mobilite", "transport:transports", "transportation:transports", "carpooling:covoiturage", "housing:logement", "childhood:petite", "enfance", "children:enfants", "youth:jeunes", "young:jeunes", "education:education", "school:ecole", "schools:colleges", "culture:culture", "cultural:culturelle", "arts:arts", "art:arts", "sport:sport", "sports:sport", "employment:emploi", "jobs:emploi", "job:emploi", "work:travail", "teleworking:teletravail", "remote:teletravail", "disability:handicap", "disabled:handicap", "autonomy:autonomie", "home:domicile", "poverty:pauvrete", "exclusion:exclusion", "inclusion:inclusion", "insertion:insertion", "integration:insertion", "discrimination:discriminations", "discriminations:discriminations", "security:securite", "safety:securite", "police:police", "citizens:citoyens", "citizen:citoyen", "citizenship:citoyennete", "participation:participation", "participatory:participatifs", "budget:budgets", "budgets:budgets", "democracy:democratie", "democratic:democratique", "assemblies:assemblees", "assembly:assemblee", "trust:confiance", "disinformation:desinformation", "fake:fake", "news:news", "critical:critique", "thinking:esprit", "ecological:ecologique", "ecology:ecologique", "transition:transition", "climate:climat", "energy:energie", "energies:energies", "renewable:renouvelables", "solar:solaire", "cooperative:cooperative", "reuse:reemploi", "repair:reparation", "recycling:reemploi", "waste:dechets", "circular:circulaire", "risks:risques", "risk:risques", "crisis:crises", "crises:crises", "resilience:resilience", "emergency:crise", "public:public", "spaces:espaces", "space:espaces", "urban:urbain", "rural:rural", "territory:territoire", "territories:territoires", "territorial:territoriale", "local:local", "department:departement", "departments:departements", "county:departement", "city:ville", "cities:villes", "town:ville", "municipality:commune", "municipalities:communes", "mayor:maire", "elected:elus", "officials:elus", "official:elu", "councillors:elus", "agents:agents", "staff:agents", "civil:service", "servants:agents", "values:valeurs", "republican:republicaines", "secularism:laicite", "solidarity:solidarite", "solidarities:solidarites", "social:sociale", "cohesion:cohesion", "innovation:innovation", "innovative:innovants", "decentralisation:decentralisation", "decentralization:decentralisation", "companies:entreprises", "business:entreprises", "businesses:entreprises", "associations:associations", "association:association", "nonprofit:associatifs", "volunteers:benevoles", "volunteer:benevoles", "users:usagers", "beneficiaries:beneficiaires", "rights:droits", "benefits:droits", "non-take-up:non-recours", "takeup:recours", "access:acces", "farmers:agricoles", "farm:agricole", "agricultural:agricole", "canteens:cantines", "canteen:cantines", "suppliers:fournisseurs", "platform:plate-forme", "initiative:initiative", "initiatives:initiatives", "example:exemple", "examples:exemples", "project:projet", "projects:projets", "experiment:experimentation", "experimentation:experimentation", "scheme:dispositif", "schemes:dispositifs", "digital:numerique", "internet:numerique", "broadband:haut", "debit", "ai:ia", "artificial:intelligence", "intelligence:intelligence", "ethics:ethique", "ethical:ethique", "observation:observation", "shared:partagee", "inhabitants:habitants", "residents:habitants", "listening:ecoute", "behavioural:comportementales", "behavioral:comportementales", "stories:recits", "narratives:recits", "growth:croissance", "economy:economie", "economic:economique", "development:developpement", "prevention:prevention", "breakfast:petit-dejeuner", "pupils:collegiens", "students:collegiens", "families:famille", "family:famille", "reciprocity:reciprocite", "day:journee", "minors:mineurs", "unaccompanied:accompagnes", "home-automation:domotique", "automation:domotique", "smart:domotique", "migrants:mineurs", "governance:gouvernance", "coordination:coordination", "cooperation:cooperation", "one:une", "zero:zero", "knowledge:savoirs"]

_PAIRS += (
    "disaster:risques disasters:risques disaster:crises preparedness:prevention fear:craint "
    "fears:craint escape:echappent control:controle human:humains share:part french:francais "
    "people:personnes poverty:precarite poverty:pauvrete insecurity:precarite supply:approvisionner "
    "telework:teletravail block:creneau slot:creneau start:commence end:fin fighting:lutte "
    "fight:lutte comparisons:comparaisons comparison:comparaisons international:internationaux "
    "eleventh:onzieme site:site sites:sites joined:rejoint diversity:diversite company:entreprises "
    "organisation:organisme represent:represente planning:amenagement streets:rues street:rues "
    "environment:environnement media:medias information:information misinformation:desinformation "
    "press:presse registration:inscription hotel:hotel hotels:hotel parking:stationnement "
    "park:garer lunch:dejeuner menu:menu weather:meteo accommodation:hebergement fee:frais "
    "fees:frais price:prix cost:cout childcare:garde older:agees elderly:agees roundtable:ronde "
    "develop:developper develop:developpement new:nouvelles new:nouveau new:nouveaux "
    "youth:jeunesse school:colleges"
).split()

GLOSSARY: dict[str, list[str]] = {}
for pair in _PAIRS:
    en, _, fr = pair.partition(":")
    GLOSSARY.setdefault(en, []).append(fr)

# Multi-word English phrases worth translating as a unit.
PHRASES = {
    "mental health": "sante mentale", "food democracy": "democratie alimentaire",
    "participatory budgets": "budgets participatifs", "participatory budgeting": "budgets participatifs",
    "public spaces": "espaces publics", "fake news": "fake news", "round table": "table ronde",
    "steering committee": "comite de pilotage", "social cohesion": "cohesion sociale",
    "civil society": "societe civile", "public service": "service public",
    "elderly people": "personnes agees", "older people": "personnes agees",
    "one health": "une seule sante", "social housing": "logement social",
    "digital divide": "fracture numerique", "digital inclusion": "inclusion numerique",
    "food insecurity": "precarite alimentaire", "food aid": "aide alimentaire",
    "early childhood": "petite enfance", "local development": "developpement local",
}


def french_for(word: str) -> list[str]:
    """French equivalents of one folded English word, trying its base form when the inflected
    one is not listed ("developing" -> "develop", "solidarities" -> "solidarity")."""
    if word in GLOSSARY:
        return GLOSSARY[word]
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + repl
            if base in GLOSSARY:
                return GLOSSARY[base]
    return []


def translate_query(question: str) -> str:
    """French equivalents of the English words of `question` (empty when none are known)."""
    f = fold(question)
    out = [fr for en, fr in PHRASES.items() if en in f]
    for word in re.findall(r"[a-z][a-z'-]*", f):
        out.extend(french_for(word))
    return " ".join(out)


def expand(question: str, language: str) -> str:
    """The search query: English questions get their French equivalents appended; French ones
    only the French for the English terms of art they borrow ("l'approche One Health")."""
    if language != "en":
        f = fold(question)
        borrowed = [fr for en, fr in PHRASES.items() if en in f and en != fr]
        return " ".join([question, *borrowed])
    extra = translate_query(question)
    return f"{question} {extra}" if extra else question
