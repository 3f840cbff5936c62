"""Answer wording in French and English (sources stay quoted as written). One table per
language; `tests/test_lexicons.py` checks that both hold the same keys."""

from __future__ import annotations

from typing import Any, Literal

Lang = Literal["fr", "en"]

TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "refusal": "Je n'ai pas trouvé cette information dans les documents du programme.",
        "nearest": "Voici les passages les plus proches.",
        "agenda_in": "Au programme de {event} {marks} :",
        # A value the programme says is still to come ("Date à confirmer"): its line is quoted.
        "pending": {
            "room": "la salle reste à confirmer",
            "place": "le lieu reste à confirmer",
            "date": "la date reste à confirmer",
            "time": "l'horaire reste à confirmer",
        },
        "missing": {
            "room": "la salle n'est pas indiquée",
            "place": "le lieu n'est pas indiqué",
            "date": "la date n'est pas indiquée",
            "time": "l'horaire n'est pas indiqué",
            "end": "l'heure de fin n'est pas indiquée",
            "people": "les intervenants ne sont pas indiqués",
            "président": "la présidence n'est pas indiquée",
            "grand témoin": "le grand témoin n'est pas indiqué",
            "rapporteur": "le rapporteur n'est pas indiqué",
            "contact": "le contact n'est pas indiqué",
            "organiser": "l'organisateur n'est pas indiqué",
            "year": "l'année n'est pas indiquée",
            "price": "aucun tarif ni frais n'est indiqué",
            "phone": "ce numéro de téléphone n'est pas donné",
            "email": "cette adresse électronique n'est pas donnée",
            "weather": "aucune prévision météo n'est donnée",
            "parking": "rien n'est dit du stationnement",
            "lodging": "rien n'est dit de l'hébergement",
            "recipe": "aucune recette n'est donnée",
            "score": "aucun résultat sportif n'est donné",
            "transport": "rien n'est dit de l'accès ni des transports",
            "meal": "rien n'est dit des repas",
            "menu": "le menu n'est pas donné",
            "deadline": "aucune date limite n'est indiquée",
            "registration": "rien n'est dit de l'inscription",
            "bring": "rien n'est dit de ce qu'il faut apporter",
            "wifi": "aucun accès wifi n'est indiqué",
            "childcare": "aucune garde d'enfants n'est indiquée",
            "accessibility": "rien n'est dit de l'accessibilité",
            "attendance": "le nombre de participants n'est pas indiqué",
            "capacity": "le nombre de places n'est pas indiqué",
            "figure": "ce chiffre n'est pas indiqué",
            "duration": "la durée n'est pas indiquée",
        },
        "not_given_in": "Le programme ne le dit pas : {what}.",
        "help": ("Je réponds aux questions sur les programmes chargés ({count}) : où et quand "
                 "a lieu une séance, qui intervient, quelles initiatives sont présentées, et je propose "
                 "un programme selon vos centres d'intérêt. Par exemple :"),
        "count": "{n} {kind}",
        "scope": "Au programme de « {title} »",
        "listing": "{scope}, {count} :",
        "listing_plain": "{count} :",
        "agenda_points": "L'ordre du jour compte {n} points",
        "in": "dans",
        "presented_in": "{name} est présenté dans {session}",
        "no_room": "salle non indiquée",
        "venue": "lieu : {place}",
        "online": "en ligne",
        "hybrid": "en présentiel et en ligne",
        "says": "{quote}",
        "event": "{title} : {when}",
        "from_to": "du {a} au {b}",
        "with": "avec",
        "organised_by": "organisé par",
    },
    "en": {
        "refusal": "I could not find this information in the programme documents.",
        "nearest": "Here are the closest passages.",
        "agenda_in": "From the programme of {event} {marks}:",
        "pending": {
            "room": "the room is still to be confirmed",
            "place": "the venue is still to be confirmed",
            "date": "the date is still to be confirmed",
            "time": "the time is still to be confirmed",
        },
        "missing": {
            "room": "the room is not given",
            "place": "the venue is not given",
            "date": "the date is not given",
            "time": "the time is not given",
            "end": "the end time is not given",
            "people": "the speakers are not given",
            "président": "the chair is not given",
            "grand témoin": "the keynote witness is not given",
            "rapporteur": "the rapporteur is not given",
            "contact": "the contact is not given",
            "organiser": "the organiser is not given",
            "year": "the year is not given",
            "price": "no price or fee is given",
            "phone": "this phone number is not given",
            "email": "this e-mail address is not given",
            "weather": "no weather forecast is given",
            "parking": "nothing is said about parking",
            "lodging": "nothing is said about accommodation",
            "recipe": "no recipe is given",
            "score": "no sports result is given",
            "transport": "nothing is said about access or transport",
            "meal": "nothing is said about meals",
            "menu": "the menu is not given",
            "deadline": "no deadline is given",
            "registration": "nothing is said about registration",
            "bring": "nothing is said about what to bring",
            "wifi": "no wifi access is given",
            "childcare": "no childcare is given",
            "accessibility": "nothing is said about accessibility",
            "attendance": "the number of participants is not given",
            "capacity": "the number of places is not given",
            "figure": "that figure is not given",
            "duration": "the duration is not given",
        },
        "not_given_in": "The programme does not say: {what}.",
        "help": ("I answer questions about the loaded programmes ({count}): where and when a "
                 "session takes place, who speaks, which initiatives are presented, and I suggest an "
                 "agenda for your interests. For example:"),
        "count": "{n} {kind}",
        "scope": "In the programme of “{title}”",
        "listing": "{scope}, {count}:",
        "listing_plain": "{count}:",
        "agenda_points": "The agenda has {n} items",
        "in": "in",
        "presented_in": "{name} was presented in {session}",
        "no_room": "room not given",
        "venue": "venue: {place}",
        "online": "online",
        "hybrid": "on site and online",
        "says": "The document “{title}” says: “{quote}”",
        "event": "{title}: {when}",
        "from_to": "from {a} to {b}",
        "with": "with",
        "organised_by": "organised by",
    },
}


def text(lang: Lang, key: str, **values: Any) -> str:
    return str(TEXT[lang][key]).format(**values)


def pending(lang: Lang, what: str) -> str:
    return str(TEXT[lang]["pending"][what])


def missing(lang: Lang, what: str) -> str:
    return TEXT[lang]["missing"].get(what, TEXT[lang]["refusal"])


def quoted(title: str, lang: Lang) -> str:
    return f"« {title} »" if lang == "fr" else f"“{title}”"


def readable_room(room: str) -> str:
    """Upper-case labels ("SALLE CORNEILLE 2") in a readable case ("Salle Corneille 2"); the
    quote keeps the source's spelling."""
    if not room.isupper():
        return room
    words = room.split()
    return " ".join(w if any(c.isdigit() for c in w) or len(w) <= 2 and w.isalpha() is False
                    else w.capitalize() for w in words)
