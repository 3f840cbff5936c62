"""Example questions built from the catalogue the service is serving.

Examples that name one programme's workshops would be wrong for the next one, so they are made
from whatever the API lists (a session with a room, a session with speakers, an initiative, an
event, a person), phrased by persona. When the service cannot be reached the genre's generic
questions stand in; nothing here names a programme.
"""

from __future__ import annotations

import logging
from typing import Any

from ui.client import ApiClient, ApiError, ApiUnavailable

log = logging.getLogger(__name__)

Examples = dict[str, dict[str, list[str]]]  # language -> persona -> two questions

GENERIC: Examples = {
    "fr": {
        "attendee": ["Quels ateliers ont lieu le matin ?", "Dans quelle salle a lieu la séance plénière ?"],
        "official": ["Donnez-moi des exemples d'initiatives locales.", "Quelles initiatives concernent l'emploi ?"],
        "staff": ["Qui sont les intervenants ?", "Qui contacter pour ce programme ?"],
    },
    "en": {
        "attendee": ["Which workshops take place in the morning?", "In which room is the plenary session?"],
        "official": ["Give me examples of local initiatives.", "Which initiatives are about employment?"],
        "staff": ["Who are the speakers?", "Who should I contact about this programme?"],
    },
}


def _first(items: list[dict[str, Any]], *keys: str) -> dict[str, Any] | None:
    return next((i for i in items if all(i.get(k) for k in keys)), None)


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
    with_room = _first(sessions, "title", "room")
    if with_room:
        out["fr"]["attendee"][1] = f"Où a lieu « {with_room['title']} » ?"
        out["en"]["attendee"][1] = f"Where is “{with_room['title']}” held?"
    with_people = _first([s for s in sessions if s is not with_room], "title", "people")
    if with_people:
        out["fr"]["attendee"][0] = f"Qui intervient dans « {with_people['title']} » ?"
        out["en"]["attendee"][0] = f"Who speaks in “{with_people['title']}”?"
    initiative = _first(initiatives, "name")
    if initiative:
        out["fr"]["official"][1] = f"Qu'est-ce que {initiative['name']} ?"
        out["en"]["official"][1] = f"What is {initiative['name']}?"
    person = _first(people, "name", "affiliation")
    if person:
        out["fr"]["staff"][0] = f"Qui est {person['name']} ?"
        out["en"]["staff"][0] = f"Who is {person['name']}?"
    return out
