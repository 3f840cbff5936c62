"""French (default) and English interface labels and date formatting."""

from __future__ import annotations

import datetime as dt
from typing import Literal

Lang = Literal["fr", "en"]
DEFAULT_LANG: Lang = "fr"

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Assistant des programmes — cohésion sociale",
        "subtitle": "Chaque réponse cite ses sources : cliquez sur une source pour lire le passage.",
        "lang_toggle": "Langue de l'interface",
        "tab_chat": "Chat",
        "tab_programme": "Programme",
        "tab_sessions": "Sessions",
        "tab_initiatives": "Initiatives",
        "chat_label": "Conversation",
        "question": "Votre question",
        "question_ph": "Ex. : Où a lieu l'atelier sur la santé mentale ?",
        "send": "Envoyer",
        "clear": "Nouvelle conversation",
        "examples": "Exemples de questions",
        "persona_attendee": "Participant·e",
        "persona_official": "Élu·e, direction",
        "persona_staff": "Équipe",
        "feedback_hint": "Votre avis : notez une réponse avec les pouces sous celle-ci, puis ajoutez un commentaire si vous le souhaitez.",
        "comment": "Commentaire (facultatif)",
        "send_comment": "Envoyer le commentaire",
        "feedback_thanks": "Merci pour votre avis.",
        "feedback_need_rating": "Notez d'abord une réponse avec les pouces sous celle-ci.",
        "sources": "Sources",
        "not_found": "Pas trouvé dans les documents.",
        "not_found_more": "Les documents ne répondent pas à cette question. Voici les passages les plus proches :",
        "no_suggestions": "Aucun passage proche.",
        "thinking": "Recherche dans les documents…",
        "unavailable": "Le service ne répond pas pour le moment. Réessayez dans un instant.",
        "not_ready": "Le service démarre. Réessayez dans un instant.",
        "error": "La demande n'a pas pu aboutir",
        "server_error": "Le service a rencontré une erreur. Réessayez plus tard.",
        "status_ok": "Service disponible : {documents} documents, {sessions} sessions.",
        "status_down": "Le service ne répond pas pour le moment. Nouvelle tentative automatique…",
        "interests": "Vos centres d'intérêt",
        "interests_ph": "Ex. : santé mentale, jeunesse, alimentation",
        "day": "Jour (facultatif)",
        "any_day": "Tous les jours",
        "build_programme": "Composer mon programme",
        "download_ics": "Télécharger l'agenda (.ics)",
        "programme_empty": "Aucune session ne correspond à ces centres d'intérêt.",
        "programme_need_interests": "Indiquez au moins un centre d'intérêt.",
        "search": "Rechercher",
        "search_ph": "Mots-clés",
        "date": "Date",
        "time": "Horaire",
        "room": "Salle",
        "event": "Événement",
        "any": "Tous",
        "session": "Session",
        "reason": "Pourquoi",
        "source": "Source",
        "people": "Intervenant·es",
        "place": "Territoire",
        "initiative": "Initiative",
        "organiser": "Porteur",
        "description": "Description",
        "results": "{n} résultat(s)",
        "no_results": "Aucun résultat.",
        "show_source": "Voir la source",
        "unknown": "—",
        "chat_placeholder": "Posez une question sur les programmes ci-dessous, ou choisissez un exemple. "
        "Chaque réponse cite ses sources.",
        "whole_document": "Lire dans le document entier",
        "copy_sources": "Sources",
        "nearest": "Passages les plus proches",
        "scope_date": "Programme du {date} : {event}.",
        "scope_named": "Programme de l'événement que vous citez : {event}.",
        "scope_upcoming": "Programme du prochain événement : {event}.",
        "scope_recent": "Programme de l'événement le plus récent : {event}.",
        "agenda_nothing": "Rien dans ce programme ne correspond à « {interests} ».",
        "agenda_no_event": "Aucun événement des documents n'a lieu le {date}.",
        "same_time": "Au même moment, aussi :",
        "undated": "Sans date complète dans le programme (jour ou année manquant) : à vérifier, "
        "ces sessions ne sont pas dans le fichier .ics.",
        "other_events": "Correspond aussi dans d'autres événements : {events}.",
        "n_sessions": "{n} session(s)",
        "year_unknown": "année non précisée",
        "why": "Pourquoi",
    },
    "en": {
        "title": "Programme assistant — social cohesion",
        "subtitle": "Every answer cites its sources: click a source to read the passage.",
        "lang_toggle": "Interface language",
        "tab_chat": "Chat",
        "tab_programme": "Programme",
        "tab_sessions": "Sessions",
        "tab_initiatives": "Initiatives",
        "chat_label": "Conversation",
        "question": "Your question",
        "question_ph": "E.g. Where is the workshop on mental health?",
        "send": "Send",
        "clear": "New conversation",
        "examples": "Example questions",
        "persona_attendee": "Attendee",
        "persona_official": "Official",
        "persona_staff": "Staff",
        "feedback_hint": "Your opinion: rate an answer with the thumbs under it, then add a comment if you wish.",
        "comment": "Comment (optional)",
        "send_comment": "Send comment",
        "feedback_thanks": "Thank you for your feedback.",
        "feedback_need_rating": "First rate an answer with the thumbs under it.",
        "sources": "Sources",
        "not_found": "Not found in the documents.",
        "not_found_more": "The documents do not answer this question. Here are the nearest passages:",
        "no_suggestions": "No nearby passage.",
        "thinking": "Searching the documents…",
        "unavailable": "The service is not responding right now. Please try again in a moment.",
        "not_ready": "The service is starting. Please try again in a moment.",
        "error": "The request could not be completed",
        "server_error": "The service ran into an error. Please try again later.",
        "status_ok": "Service available: {documents} documents, {sessions} sessions.",
        "status_down": "The service is not responding right now. Retrying automatically…",
        "interests": "Your interests",
        "interests_ph": "E.g. mental health, youth, food",
        "day": "Day (optional)",
        "any_day": "Any day",
        "build_programme": "Build my programme",
        "download_ics": "Download the agenda (.ics)",
        "programme_empty": "No session matches these interests.",
        "programme_need_interests": "Enter at least one interest.",
        "search": "Search",
        "search_ph": "Keywords",
        "date": "Date",
        "time": "Time",
        "room": "Room",
        "event": "Event",
        "any": "All",
        "session": "Session",
        "reason": "Why",
        "source": "Source",
        "people": "Speakers",
        "place": "Territory",
        "initiative": "Initiative",
        "organiser": "Run by",
        "description": "Description",
        "results": "{n} result(s)",
        "no_results": "No results.",
        "show_source": "Show source",
        "unknown": "—",
        "chat_placeholder": "Ask a question about the programmes below, or pick an example. "
        "Every answer cites its sources.",
        "whole_document": "Read in the whole document",
        "copy_sources": "Sources",
        "nearest": "Nearest passages",
        "scope_date": "Programme of {date}: {event}.",
        "scope_named": "Programme of the event you name: {event}.",
        "scope_upcoming": "Programme of the next event: {event}.",
        "scope_recent": "Programme of the most recent event: {event}.",
        "agenda_nothing": "Nothing in this programme matches “{interests}”.",
        "agenda_no_event": "No event of the documents takes place on {date}.",
        "same_time": "At the same time, also:",
        "undated": "No complete date in the programme (day or year missing): check them, "
        "these sessions are not in the .ics file.",
        "other_events": "Also matching in other events: {events}.",
        "n_sessions": "{n} session(s)",
        "year_unknown": "year not given",
        "why": "Why",
    },
}

# Example questions per persona come from the served catalogue: ui/examples.py.
PERSONAS = ("attendee", "official", "staff")

_MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
}


_WEEKDAYS = {
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
}


def t(lang: str, key: str, **kwargs: object) -> str:
    """Label `key` in `lang` (French when unknown), formatted with `kwargs`."""
    table = LABELS.get(lang, LABELS[DEFAULT_LANG])
    text = table.get(key, LABELS[DEFAULT_LANG].get(key, key))
    return text.format(**kwargs) if kwargs else text


def format_date(iso: str | None, lang: str) -> str:
    """'2025-03-04' -> '4 mars 2025'; '--11-06' (year unknown) -> '6 novembre'; else as given."""
    if not iso:
        return ""
    months = _MONTHS.get(lang, _MONTHS[DEFAULT_LANG]).split()
    year, _, rest = iso.partition("-")
    if iso.startswith("--"):
        year, rest = "", iso[2:]
    parts = rest.split("-")
    try:
        month = months[int(parts[0]) - 1]
        day = int(parts[1]) if len(parts) > 1 else None
    except (ValueError, IndexError):
        return iso
    if lang == "en":
        text = f"{day} {month}" if day else month
    else:
        text = f"{'1er' if day == 1 else day} {month}" if day else month
    return f"{text} {year}".strip()


def format_day(iso: str | None, lang: str) -> str:
    """'2025-03-04' -> 'mardi 4 mars 2025' (the weekday when the date is complete)."""
    text = format_date(iso, lang)
    try:
        day = dt.date.fromisoformat(iso or "")
    except ValueError:
        return text
    return f"{_WEEKDAYS.get(lang, _WEEKDAYS[DEFAULT_LANG]).split()[day.weekday()]} {text}"


def date_range(first: str | None, last: str | None, lang: str) -> str:
    """'4 mars 2025' or '4 – 5 mars 2025' style span of an event ('' when undated)."""
    if not first:
        return ""
    if not last or last == first:
        return format_date(first, lang)
    return f"{format_date(first, lang)} – {format_date(last, lang)}"
