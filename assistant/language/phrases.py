"""Answer wording in French and English (the corpus stays quoted in French)."""

from __future__ import annotations

import datetime as dt
from typing import Any

_FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre"]
_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]

TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "refusal": "Je n'ai pas trouvé cette information dans les documents du programme.",
        "refusal_attr": {
            "price": "Les documents du programme n'indiquent pas de tarif ni de frais.",
            "phone": "Les documents du programme ne donnent pas ce numéro de téléphone.",
            "email": "Les documents du programme ne donnent pas cette adresse électronique.",
            "weather": "Les documents du programme ne donnent pas de prévisions météo.",
            "parking": "Les documents du programme n'indiquent pas de stationnement.",
            "lodging": "Les documents du programme n'indiquent pas d'hébergement.",
            "transport": "Les documents du programme n'indiquent pas comment venir.",
            "meal": "Les documents du programme ne disent rien des repas.",
            "wifi": "Les documents du programme ne donnent pas d'accès wifi.",
            "childcare": "Les documents du programme n'indiquent pas de garde d'enfants.",
            "count": "Les documents du programme ne donnent pas ce chiffre.",
            "role": "Les documents du programme ne disent pas qui occupe cette fonction.",
        },
        "nearest": "Voici les passages les plus proches.",
        "no_room": "salle non précisée",
        "place": "lieu",
        "kind_default": "séance",
        "in": "dans",
        "role": {"animateur": "animateur", "intervenant": "intervenant", "contact": "contact"},
        "fallback_llm": "Le modèle de langue n'a pas répondu ; réponse extractive.",
    },
    "en": {
        "refusal": "I could not find this information in the programme documents.",
        "refusal_attr": {
            "price": "The programme documents do not give any price or fee.",
            "phone": "The programme documents do not give this phone number.",
            "email": "The programme documents do not give this e-mail address.",
            "weather": "The programme documents give no weather forecast.",
            "parking": "The programme documents say nothing about parking.",
            "lodging": "The programme documents say nothing about accommodation.",
            "transport": "The programme documents do not say how to get there.",
            "meal": "The programme documents say nothing about meals.",
            "wifi": "The programme documents give no wifi access.",
            "childcare": "The programme documents say nothing about childcare.",
            "count": "The programme documents do not give this figure.",
            "role": "The programme documents do not say who holds this role.",
        },
        "nearest": "Here are the closest passages.",
        "no_room": "room not specified",
        "place": "venue",
        "kind_default": "session",
        "in": "in",
        "role": {"animateur": "moderator", "intervenant": "speaker", "contact": "contact"},
        "fallback_llm": "The language model did not answer; extractive answer given.",
    },
}

KIND_EN = {"atelier": "workshop", "séance": "session", "seance": "session", "labo": "lab",
           "plénière": "plenary", "pleniere": "plenary", "table ronde": "round table",
           "formation": "training", "sous-groupe": "sub-group"}


def day_label(iso: str | None, lang: str) -> str | None:
    """'mercredi 5 mars 2025' / 'Wednesday 5 March 2025'; '6 novembre' for a partial '--11-06'."""
    if not iso:
        return None
    try:
        if iso.startswith("--"):
            month, day = int(iso[2:4]), int(iso[5:7])
            return f"{day} {_FR_MONTHS[month - 1]}" if lang == "fr" else f"{day} {_EN_MONTHS[month - 1]}"
        d = dt.date.fromisoformat(iso)
    except (ValueError, IndexError):
        return iso
    if lang == "fr":
        return f"{_FR_DAYS[d.weekday()]} {d.day} {_FR_MONTHS[d.month - 1]} {d.year}"
    return f"{_EN_DAYS[d.weekday()]} {d.day} {_EN_MONTHS[d.month - 1]} {d.year}"


def time_label(start: str | None, end: str | None, lang: str) -> str | None:
    def fmt(t: str) -> str:
        h, m = t.split(":")
        return f"{int(h)}h{m}" if lang == "fr" else f"{int(h)}:{m}"

    if start and end:
        return f"{fmt(start)}–{fmt(end)}"
    if start:
        return (f"à partir de {fmt(start)}" if lang == "fr" else f"from {fmt(start)}")
    return None


def kind_label(kind: str | None, lang: str) -> str:
    if not kind:
        return TEXT[lang]["kind_default"]
    return KIND_EN.get(kind, kind) if lang == "en" else kind


def quoted(title: str, lang: str) -> str:
    return f"« {title} »" if lang == "fr" else f"“{title}”"
