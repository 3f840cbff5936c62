"""Question routing and constraint extraction from the genre's vocabulary (French and English).

Only interrogative and programme-genre words live here (salle, atelier, qui, room, workshop…),
never a programme's own names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.language.text import fold, tokens

INTENTS = ("session", "people", "initiative", "recommend", "general", "out_of_scope")

_RECOMMEND = re.compile(
    r"\b(conseill\w*|recommand\w*|sugg[eè]r\w*|recommend\w*|suggest\w*|m'interesse\w*|interesse par|"
    r"interested in|interests? (?:are|is)|my interests|mon programme|my programme|my schedule|"
    r"quels? ateliers? (?:choisir|suivre)|which (?:workshops?|sessions?) should|que choisir|"
    r"je (?:voudrais|souhaite|veux) (?:suivre|assister)|i (?:would like|want) to attend|agenda pour moi|"
    r"(?:voudrais|aimerais|cherche) quelque chose (?:sur|autour)|une idee \?|qu'y a-t-il pour moi|"
    r"what (?:is there|do you have) for me|anything for me)\b")
_PEOPLE = re.compile(
    r"\b(qui|intervenant\w*|interv(?:enu|enue|enus|enues|ient|iennent|enir)|animat\w*|anime\w*|orateur\w*|conferenci\w*|contact\w*|speaker\w*|"
    r"who|whom|moderat\w*|presenter\w*|presented|runs?|hosts?|chair\w*|joindre|telephone|e-?mail|"
    r"courriel|phone)\b")
_INITIATIVE = re.compile(
    r"\b(initiatives?|exemples?|examples?|dispositifs?|projets?|projects?|experimentations?|"
    r"experiments?|plate-?formes?|platforms?|actions? (?:locales?|menees?)|bonnes? pratiques?|"
    r"good practices?|schemes?|programmes? locaux)\b")
_SESSION = re.compile(
    r"\b(salles?|rooms?|ou|where|quand|when|heures?|horaires?|what time|quel jour|which day|jour|"
    r"date|ateliers?|workshops?|seances?|sessions?|labos?|labs?|laboratoires?|plenieres?|plenary|"
    r"tables? rondes?|round ?tables?|sous-groupes?|sub-?groups?|creneau\w*|slot|matin|morning|"
    r"apres-midi|afternoon|soir|evening|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lieu|programme|schedule|agenda|dates?|"
    r"durees?|formations?|trainings?|seminaires?|seminars?|comites?)\b")

_ASKS_PLACE = re.compile(r"^\W*(?:(?:in |at )?(?:which|what) (?:room|venue|hall)|(?:dans |en )?quelle salle)\b")

_FOLLOW_UP = re.compile(
    r"^(et|and|puis|then|also|aussi)\b|\b(lendemain|next day|day after|veille|day before|"
    # French inverts pronouns in plain questions ("fera-t-il"): only standalone ones count here.
    r"(?<!-)il|(?<!-)elle|(?<!-)ils|(?<!-)elles|it|they|them|this one|that one|celui-ci|celle-ci|cet atelier|"
    r"ce labo|cette seance|this workshop|that workshop|this session|la meme|the same)\b")

WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
            "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
MONTHS = {"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
          "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
          "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}
_MONTH_ALT = "|".join(MONTHS)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_MONTH_ALT})\b|\b({_MONTH_ALT})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class Constraints:
    weekday: int | None = None
    month_day: tuple[int, int] | None = None  # (month, day)
    iso_date: str | None = None
    part_of_day: str | None = None  # "morning" | "afternoon" | "evening"
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def has_time(self) -> bool:
        return bool(self.weekday is not None or self.month_day or self.iso_date or self.part_of_day)


def constraints(question: str) -> Constraints:
    f = fold(question)
    words = set(tokens(question))
    weekday = next((d for w, d in WEEKDAYS.items() if w in words), None)
    md = None
    if m := _DAY_MONTH.search(f):
        if m.group(1):
            md = (MONTHS[m.group(2)], int(m.group(1)))
        else:
            md = (MONTHS[m.group(3)], int(m.group(4)))
    iso = None
    if m := _ISO.search(f):
        iso = m.group(0)
    part = None
    if re.search(r"\b(matin|matinee|morning)\b", f):
        part = "morning"
    elif re.search(r"\b(apres-midi|apres midi|afternoon)\b", f):
        part = "afternoon"
    elif re.search(r"\b(soir|soiree|evening|fin de journee|end of the day|late afternoon)\b", f):
        part = "evening"
    roles = set()
    if re.search(r"\b(anim\w*|moderat\w*|runs?|chair\w*|hosts?)\b", f):
        roles.add("animateur")
    if re.search(r"\b(intervenant\w*|intervien\w*|speakers?|speaks?|speaking|panel\w*|orateur\w*)\b", f):
        roles.add("intervenant")
    if re.search(r"\b(contact\w*|joindre|reach|telephone|phone|e-?mail|courriel)\b", f):
        roles.add("contact")
    return Constraints(weekday=weekday, month_day=md, iso_date=iso, part_of_day=part, roles=frozenset(roles))


def route(question: str) -> str:
    """The question's intent from its wording; 'general' when nothing specific shows."""
    f = fold(question)
    if _RECOMMEND.search(f):
        return "recommend"
    if _INITIATIVE.search(f):
        return "initiative"
    if _ASKS_PLACE.search(f):
        # "Which room hosts the round table…": "hosts" names no person here.
        return "session"
    if _PEOPLE.search(f):
        return "people"
    if _SESSION.search(f):
        return "session"
    return "general"


_LOGISTICS = re.compile(
    r"\b(salles?|rooms?|ou|where|quand|when|heures?|horaires?|time|quel jour|which day|jours?|days?|"
    r"dates?|creneau\w*|slot|lieu|venue|place|commence\w*|start\w*|finit|ends?|termine\w*|"
    r"long|matin|morning|apres-midi|afternoon|soir|evening|lendemain|veille)\b")

KIND_WORDS = {"atelier": ("atelier", "workshop", "table ronde", "round table", "roundtable"),
              "table ronde": ("table ronde", "round table", "roundtable", "atelier", "workshop"),
              "labo": ("labo", "laboratoire", "lab"), "séance": ("seance", "seminaire", "seminar"),
              "formation": ("formation", "training"), "plénière": ("pleniere", "plenary"),
              "sous-groupe": ("sous-groupe", "subgroup", "sub-group")}


_CONTENT = re.compile(r"\b(depuis quand|since when|combien de (?!temps)|how many|how much|pourquoi|why|"
                      r"comment|how does|how do|durees?|duration|public|audience|de quoi|about what)\b")


def asks_logistics(question: str) -> bool:
    """Where/when questions, answered from the catalogue's date, time and room fields."""
    f = fold(question)
    return bool(_LOGISTICS.search(f)) and not _CONTENT.search(f)


def kinds_named(question: str) -> set[str]:
    f = fold(question)
    return {kind for kind, words in KIND_WORDS.items()
            if any(re.search(rf"\b{re.escape(w)}s?\b", f) for w in words)}


def is_follow_up(question: str) -> bool:
    f = fold(question).strip()
    return len(tokens(question)) <= 6 or bool(_FOLLOW_UP.search(f))


def asks_next_day(question: str) -> int:
    """+1 for 'the next day', -1 for 'the day before', 0 otherwise."""
    f = fold(question)
    if re.search(r"\b(lendemain|next day|day after|jour suivant|following day)\b", f):
        return 1
    if re.search(r"\b(veille|day before|jour precedent|previous day)\b", f):
        return -1
    return 0


def is_listing(question: str) -> bool:
    """Questions that want every matching session rather than the best one."""
    f = fold(question)
    return bool(re.search(r"\b(quels|quelles|lesquels|which|what (?:is|are|'s) on|what happens|"
                          r"programme|schedule|liste|list|tous|toutes|all)\b", f))


def weekday_name(weekday: int) -> str:
    """The folded French name of a weekday number (Monday = 0), as programmes write it."""
    return next(name for name, d in WEEKDAYS.items() if d == weekday)


_EVENT = re.compile(r"\b(colloques?|conferences?|congres|evenements?|events?|cycles?|rencontres?|journees? d'etude)\b")
_SESSION_WORDS = re.compile(r"\b(ateliers?|workshops?|seances?|sessions?|labos?|labs?|tables? rondes?|sous-groupes?)\b")


def asks_event(question: str) -> bool:
    """'Où et quand a lieu le colloque ?': about the event as a whole, not one of its sessions."""
    f = fold(question)
    return bool(_EVENT.search(f) and not _SESSION_WORDS.search(f) and _LOGISTICS.search(f))
