"""Example questions built from the catalogue the service is serving.

Examples that name one programme's workshops would be wrong for the next one, so they are made
from whatever the API lists (a session with a room, a session with speakers, an initiative, a
person), phrased as people ask: names in their usual order ("Didier Lesueur", not the
programme's "LESUEUR Didier"), short titles in quotes. When the service cannot be reached the
genre's generic questions stand in; nothing here names a programme.
"""

from __future__ import annotations

import logging
from typing import Any

from ui.client import ApiClient, ApiError, ApiUnavailable

log = logging.getLogger(__name__)

Examples = dict[str, dict[str, list[str]]]  # language -> persona -> two questions

# Titles longer than this make a button too long to read on a phone; shorter ones are preferred.
SHORT_TITLE = 60

GENERIC: Examples = {
    "fr": {
        "attendee": ["Quels ateliers ont lieu le matin ?", "Dans quelle salle a lieu la séance plénière ?"],
        "official": ["Donnez-moi des exemples d'initiatives locales.", "Quelles initiatives concernent l'emploi ?"],
        "staff": ["Qui sont les intervenants ?", "Qui anime les ateliers ?"],
    },
    "en": {
        "attendee": ["Which workshops take place in the morning?", "In which room is the plenary session?"],
        "official": ["Give me examples of local initiatives.", "Which initiatives are about employment?"],
        "staff": ["Who are the speakers?", "Who runs the workshops?"],
    },
}


def natural_name(name: str) -> str:
    """'LESUEUR Didier' -> 'Didier Lesueur'; names already in that order are kept."""
    words = name.split()
    family = [w for w in words if w.isupper() and len(w.strip(".-'")) > 1]
    if not family or len(family) == len(words):
        return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in words)
    given = [w for w in words if w not in family]
    return " ".join([*given, *(w.title() for w in family)])


def _title(value: str) -> str:
    return " ".join(value.split()).rstrip(" .")


def _pick(items: list[dict[str, Any]], *keys: str, label: str = "title") -> dict[str, Any] | None:
    """The first item with all `keys`, preferring short labels that are not questions."""
    usable = [i for i in items if all(i.get(k) for k in keys)]
    fitting = [i for i in usable if len(_title(i[label])) <= SHORT_TITLE and not _title(i[label]).endswith("?")]
    found = fitting or usable
    return found[0] if found else None


def _from_catalogue(out: Examples, sessions: list[dict[str, Any]], initiatives: list[dict[str, Any]],
                    people: list[dict[str, Any]]) -> None:
    with_room = _pick(sessions, "title", "room")
    if with_room:
        title = _title(with_room["title"])
        out["fr"]["attendee"][1] = f"Où a lieu « {title} » ?"
        out["en"]["attendee"][1] = f"Where is “{title}” held?"
    with_people = _pick([s for s in sessions if s is not with_room], "title", "people")
    if with_people:
        title = _title(with_people["title"])
        out["fr"]["staff"][1] = f"Qui intervient dans « {title} » ?"
        out["en"]["staff"][1] = f"Who speaks in “{title}”?"
    initiative = _pick(initiatives, "name", label="name")
    if initiative:
        name = _title(initiative["name"])
        out["fr"]["official"][1] = f"Que fait l'initiative « {name} » ?"
        out["en"]["official"][1] = f"What does the “{name}” initiative do?"
    person = _pick(people, "name", "affiliation", label="name")
    if person:
        name = natural_name(person["name"])
        out["fr"]["staff"][0] = f"Qui est {name} ?"
        out["en"]["staff"][0] = f"Who is {name}?"


def build_examples(client: ApiClient) -> Examples:
    """Two questions per persona and language from the served catalogue, generic ones where it
    has nothing of the kind (or cannot be reached)."""
    out: Examples = {lang: {p: list(qs) for p, qs in personas.items()} for lang, personas in GENERIC.items()}
    try:
        sessions = client.sessions()
        initiatives = client.initiatives()
        people = client.people()
    except (ApiError, ApiUnavailable, ValueError) as exc:  # the API is down or starting: keep the generic ones
        log.info("example questions: generic ones (%s)", exc)
        return out
    _from_catalogue(out, sessions, initiatives, people)
    return out
