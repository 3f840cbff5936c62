"""Room labels: "SALLE 1", "SALLE CORNEILLE 2", "PLATEAU RADIO", "Salle Vauban", "Amphi B",
"Salle : Amphithéâtre B", "Atelier A – Salle Vauban", "Room 3".

Upper-case lines are only rooms inside a time slot (a cover page is full of upper-case lines that
are not rooms); a line led by a room word is a room anywhere.
"""

from __future__ import annotations

import re

from assistant.language.places import ADDRESS, PLACE_PARTICLES
from assistant.language.text import fold

from .lines import in_capitals

# Words that name a room and rarely start a title ("Espace", "Scène" too often do).
ROOM_WORDS = (
    "salle", "salles", "amphi", "amphitheatre", "auditorium", "room", "plateau", "studio",
    "hall", "gymnase", "batiment", "chapiteau", "agora", "rotonde",
)  # fmt: skip
_ROOM_ALTERNATIVES = "|".join(ROOM_WORDS)
# Words that name a place of a venue, indoors or out, but start titles as often ("Salon de
# l'emploi", "Jardins partagés", "Place des jeunes dans la ville"): a place only with its own name
# ("Salons de l'Hôtel de Ville", "Terrasse du Palais X", "Esplanade du Canal") where the layout
# says where, never a line's lead on their own.
PLACE_WORDS = (
    "salon", "salons", "terrasse", "esplanade", "parvis", "halle", "foyer", "jardin", "jardins",
    "cour", "place", "square", "preau", "patio", "cloitre",
)  # fmt: skip
# The place's own name after its word: "du Palais X", "de l'Hôtel de Ville", "Y" (a capital); or
# the town hall's reception room every programme names alike, "salon d'honneur".
_OWN_NAME = re.compile(r"^(?:(?:de la|de l['’]|du|des|de|d['’])\s*)?[A-ZÀ-Ý]|^d['’]honneur\b")
_ROOM_LEAD = re.compile(rf"^(?:{_ROOM_ALTERNATIVES})\b", re.IGNORECASE)
_ROOM_WORD = re.compile(rf"\b(?:{_ROOM_ALTERNATIVES})\b")
# "Salle : Amphi B", "Lieu : Salle Vauban", "Où : salle 3"
LABELLED = re.compile(r"^(?:salle|lieu|room|ou|emplacement)\s*:\s*(?P<room>.+)$", re.IGNORECASE)
# A dash between a session label and its room: "Atelier A – Salle Vauban".
DASHED = re.compile(r"\s+[–—-]\s+|\s*[|/]\s+")


def _is_upper_label(s: str) -> bool:
    return in_capitals(s) and len(s.split()) <= 5 and len(s) <= 40


# A workshop's code before its room: "A1 · SALLE 104", "B2 – Salle Dollfus", "Atelier 3 · Salle 2".
_CODE = re.compile(r"^(?:(?:atelier|workshop|groupe)\s+)?[A-Z]?\d{0,2}[A-Z]?\s*[·•|–—-]\s+", re.IGNORECASE)


# "Le Quartz, salle Méridienne", "Rennes – Maison des Associations, salle 3 (6, cours des Alliés)":
# a venue and its room; the town before a dash and an address in brackets are not the room.
_VENUE_ROOM = re.compile(
    rf"^(?:[^,–—()]{{2,40}}\s[-–—]\s)?(?P<room>[^,–—()]{{2,50}},\s*(?:(?:grande|petite)\s+)?(?:{_ROOM_ALTERNATIVES}|salon)\b"
    r"[^,()]{0,40}?)(?:\s[-–—]\s(?P<town>[^,–—()\d]{2,30}?))?\s*(?:\([^)]*\))?\s*$")


def venue_and_room(s: str) -> tuple[int, int] | None:
    """A line that is a venue and its room, perhaps after its town ("Villeneuve – Espace des Arts,
    salle Lilas" -> "Espace des Arts, salle Lilas") or before it, as agenda cards write it ("Espace
    des Arts, grande salle – Villeneuve"); None for anything else."""
    folded = fold(s)
    # Offsets in the folded line are the line's own only when folding kept its length ("œ" -> "oe"
    # does not).
    m = _VENUE_ROOM.match(folded) if len(folded) == len(s) else None
    if m is None:
        return None
    if m["town"] is not None and not s[m.start("town")].isupper():
        return m.start("room"), m.end("town")  # "salle 2 – rez-de-chaussée": the room's own words
    return m.start("room"), m.end("room")


def place_room(s: str) -> tuple[int, int] | None:
    """The room a place line gives: a venue with its room ("Orléans – Maison des associations,
    salle Loire" -> "Maison des associations, salle Loire"), a room line, or a room after a dash
    or a comma; None when the line names no room."""
    venue = venue_and_room(s)
    if venue is not None:
        return venue
    # "Villeneuve, centre social Les Tilleuls, salle Lilas": the town first, then the venue
    # and its room.
    pieces = list(re.finditer(r"[^,]+", s))
    # The address in brackets after the room ("salle X (4 rue Haute)") is a note, not its name.
    last = re.sub(r"\s*\([^()]*\)\s*$", "", pieces[-1].group()) if pieces else ""
    if len(pieces) >= 3 and _ROOM_LEAD.match(fold(last.strip())) and len(last.split()) <= 5:
        a = pieces[1].start() + len(pieces[1].group()) - len(pieces[1].group().lstrip())
        return a, len(s.rstrip(" .;"))
    return room_line(s, in_slot=True) or room_in(s) or venue_before_address(s)


# "Maison de quartier des Glacis, 12 rue Kléber – Vernelles": a venue named before its street
# address; the venue is where the item is held.
_BEFORE_ADDRESS = re.compile(
    r"^(?P<v>[A-ZÀ-Ý][^,–—()\d]{2,60}?)\s*(?:,|[–—]|\()\s*\d{1,4}\s*(?:bis|ter)?,?\s+"
    r"(?:rue|avenue|av\.|boulevard|bd|place|allée|chemin|impasse|quai|route|cours|square|voie|esplanade)\b", re.I)


def venue_before_address(s: str) -> tuple[int, int] | None:
    m = _BEFORE_ADDRESS.match(s)
    return (0, len(m.group("v").rstrip())) if m else None


# The hours that close a place line: ", 18h-20h", ", de 10h à 17h", ", 20h30".
_CLOSING_HOURS = re.compile(r",\s*(?:de\s+)?\d{1,2}\s*[hH:]\s*\d{0,2}(?:\s*(?:-|–|à)\s*\d{1,2}\s*[hH:]\s*\d{0,2})?\s*$")
# "Valence – …": a town before a dash.
_TOWN_DASH = re.compile(r"^[A-ZÀ-Ý][^–—,()]{1,40}?\s[–—-]\s")


def place_line(s: str) -> tuple[tuple[int, int], int | None] | None:
    """A line under a session's title that says where, as agendas write it: the town, a dash,
    the venue or room, perhaps the hours ("Corvanne – Salle des fêtes, 18h-20h", "Corvanne –
    Médiathèque, salle Brel"). The room's span and where the hours start (None without them);
    None when the line names no room ("Corvanne – Collège du Lac, 14h", a title)."""
    hours = _CLOSING_HOURS.search(s)
    head = s[: hours.start()] if hours else s
    town = _TOWN_DASH.match(head)
    if town is None:
        return None
    rest = head[town.end():]
    r = venue_and_room(rest) or place_named(rest)
    if r is None and _ROOM_LEAD.match(fold(rest)) and len(rest.split()) <= 8:
        r = (0, len(rest.rstrip(" .;")))
    if r is None:
        return None
    return (town.end() + r[0], town.end() + r[1]), (hours.start() if hours else None)


def says_where(s: str) -> tuple[tuple[int, int], int | None] | None:
    """A line that only says where and when, as agendas write it under an event's title: the
    town, a dash, the venue (and its room), perhaps the hours ("Corvanne – Collège du Lac, CDI,
    14h-15h30", "Corvanne – Parvis de l'église, de 10h à 17h"). The place after the town and
    where the hours start; None for any other line."""
    found = place_line(s)
    if found is not None:
        return found
    hours = _CLOSING_HOURS.search(s)
    town = _TOWN_DASH.match(s[:hours.start()]) if hours is not None else None
    if hours is None or town is None or len(s[:hours.start()].split()) > 12:
        return None
    return (town.end(), len(s[:hours.start()].rstrip(" ,;"))), hours.start()


def room_line(s: str, *, in_slot: bool) -> tuple[int, int] | None:
    """If the whole line names a room, the (start, end) of the room text inside `s`."""
    code = _CODE.match(s)
    if code and code.end() < len(s) and code.group().strip(" ·•|–—-"):
        inner = room_line(s[code.end():], in_slot=in_slot)
        if inner is not None:
            return code.end() + inner[0], code.end() + inner[1]
    s_strip = s.rstrip(" :")
    if not s_strip or len(s_strip) > 60:
        return None
    if s_strip.startswith("(") and s_strip.endswith(")"):
        # "(Salle du Conseil municipal)" on the line under its title, as English pages write it.
        inner = room_line(s_strip[1:-1], in_slot=False)
        return (inner[0] + 1, inner[1] + 1) if inner is not None else None
    folded = fold(s_strip)
    m = LABELLED.match(folded)
    if m and len(m["room"].split()) <= 6:
        return m.start("room"), len(s_strip)
    if _ROOM_LEAD.match(folded) and len(s_strip.split()) <= 5 and not s_strip.endswith((".", "?")):
        return 0, len(s_strip)
    if in_slot and _is_upper_label(s_strip) and any(ch.isalpha() for ch in s_strip) and not _upper_title(folded):
        return 0, len(s_strip)
    return None


# Function words a title strings together ("LES AIDANTS FACE À L'ÉPUISEMENT", "VIEILLIR EN
# MIGRATION"); a room in capitals is a name ("GRANDE HALLE", "LE QUATTRO", "SALLE DES FÊTES").
_TITLE_GLUE = frozenset("a au aux en face pour sur contre dans avec entre sans par quand comment quel quelle quels quelles ou et".split())


def _upper_title(folded: str) -> bool:
    """A line in capitals that reads as a title, not a room's name: three words or more, no room
    or place word, and a preposition or conjunction among them."""
    words = re.findall(r"[a-z]+", folded)
    return (len(words) >= 3 and not _ROOM_WORD.search(folded) and not any(w in PLACE_WORDS for w in words)
            and any(w in _TITLE_GLUE for w in words))


def place_named(s: str) -> tuple[int, int] | None:
    """"Terrasse du Palais Neptune", "Place de la Mairie (en cas de pluie : …)": a place word and
    the place's own name (a capital after it), the whole text but a note in brackets; None for
    "Jardins partagés", a topic."""
    cut = s.find(" (")
    head = (s[:cut] if cut > 0 and s.rstrip().endswith(")") else s).rstrip(" .;:")
    word, _, rest = head.partition(" ")
    if not word[:1].isupper() or fold(word) not in PLACE_WORDS or len(head.split()) > 6:
        return None
    return (0, len(head)) if _OWN_NAME.match(rest) else None


def led_by_venue_word(s: str) -> bool:
    """The text starts with a kind of building or a room ("Maison des associations", "Salle 3")."""
    folded = fold(s.strip())
    return bool(VENUE_LEAD.match(folded) or _ROOM_LEAD.match(folded))


def led_by_room_word(s: str) -> bool:
    """The line says it is a room ("Salle Vauban", "AUDITORIUM", "Lieu : Amphi B"), not only by
    its capitals."""
    folded = fold(s.strip())
    return bool(_ROOM_LEAD.match(folded) or LABELLED.match(folded))


# A room in brackets, alone or as the last piece of a list: "(Salle Stendhal)", "(buffet, Hall
# d'honneur)"; not an address or a note ("(meeting point in front of …)").
_BRACKETED = re.compile(rf"\((?:[^()]*?,\s*)?(?P<r>(?:{_ROOM_ALTERNATIVES})\b[^(),]{{0,40}}?)\s*\)", re.IGNORECASE)


# A place of the venue in brackets, its word alone or with its complement: "(salons du
# rez-de-chaussée)", "(terrasse)", "(foyer de la salle des fêtes)". Not a square or a yard, which
# need their own name ("(place des Halles)"), nor a topic ("(jardins partagés)").
_BRACKETED_PLACE = re.compile(
    rf"\((?:[^()]*?,\s*)?(?P<r>(?:{'|'.join(w for w in PLACE_WORDS if w not in ('place', 'square', 'cour'))})"
    r"(?:\s+(?:du|de la|de l'|des|d')\s*[^(),]{1,40}?)?)\s*\)")


def bracketed_room(s: str) -> tuple[int, int] | None:
    from .lines import fold_keep  # offsets kept: "(amphithéâtre X)" is read folded

    folded = fold_keep(s).replace("’", "'")
    m = _BRACKETED.search(folded) or _BRACKETED_PLACE.search(folded)
    if m is None and (p := re.search(r"\(([^()]+)\)", s)) is not None and place_named(p.group(1)) == (0, len(p.group(1))):
        return p.start(1), p.end(1)  # "(Terrasse du Palais X)"
    return (m.start("r"), m.end("r")) if m else None


def venue_room(s: str) -> tuple[int, int] | None:
    """A line that is only a venue and its room ("Les Champs Libres, salle de conférences",
    "Hôtel de Ville, Salon d'honneur"): the whole line is the room as written."""
    folded = fold(s)
    m = _VENUE_ROOM.match(folded) if len(folded) == len(s) else None
    return (m.start("room"), m.end("room")) if m and m.start("room") == 0 else None


# The kinds of building a venue's name starts with: "Maison de quartier X", "Médiathèque Y",
# "Cinéma Le Rex", "Résidence autonomie Les Tilleuls", "Hôtel de Ville".
VENUE_WORDS = (
    "centre", "maison", "palais", "hotel", "espace", "halle", "cite", "theatre", "mediatheque",
    "bibliotheque", "campus", "auditorium", "amphitheatre", "cinema", "residence", "mairie", "gymnase",
    "college", "lycee", "ecole", "musee", "scene", "town hall", "city hall", "community centre", "library",
)  # fmt: skip
VENUE_LEAD = re.compile(rf"^(?:(?:grande|petite|nouvelle|ancienne)\s+)?(?:{'|'.join(VENUE_WORDS)})\b")  # "Grande Halle"
# An organisation's acronym before a dash names its premises as often: "CCAS – Salle X", "MJC – hall".
_ACRONYM_DASH = re.compile(r"^[A-Z]{2,6}\s[–—-]\s")
# Words of a sentence about the item, not of a place's name: who leads it, for whom.
_NOT_A_PLACE = re.compile(r"\b(?:avec|par|pour|with|by|for)\b|[:«»“”?!]")


def names_someone(s: str) -> bool:
    """Words a place's name never holds, in any case ("Avec Samia Haddad", "Animé par …", a
    title's guillemets, a question): the line says who or what, not where."""
    return bool(_NOT_A_PLACE.search(fold(s)))


def venue_line(s: str) -> tuple[int, int] | None:
    """A short line that only says where, as pages write it right under an item's title: a venue
    and its room ("Town Hall, Salle des Fêtes", "Maison des associations – salle 2", "CCAS – Salle
    X (1er étage)") or a venue its kind of building names ("Cinéma Le Rex", "Résidence autonomie
    Les Tilleuls"). The whole line as written, its closing stop aside; None for anything else."""
    head = s.rstrip(" .;")
    if not head[:1].isupper() or len(head.split()) > 8 or _NOT_A_PLACE.search(head):
        return None
    if (v := venue_room(head)) is not None:
        return v
    if VENUE_LEAD.match(fold(head)) or _ACRONYM_DASH.match(head):
        # Its room after a dash stays ("CCAS – Salle X"); its town or a note does not
        # ("Auditorium – interprétation en LSF").
        return place_field(head) or (0, len(head))
    return None


_LAST_DASH = re.compile(r".*\s([–—-])\s", re.S)


def place_field(s: str) -> tuple[int, int] | None:
    """The venue a place field gives (a "Lieu :" or "Où ?" value, a map pin's line) when it names
    no room: as written, but the town after a dash ("Cinéma Le Rex – Sablé-sur-Sarthe") or a note
    after one ("Salle polyvalente – également retransmise en ligne") left out; the venue after a
    town ("Villeneuve – Hôtel du Département"). None for a line that is no place's name."""
    head = re.sub(r"\s*\([^()]*\)$", "", s.rstrip(" .;,")).rstrip(" .;,")  # "(4 rue du Port)": how to get there
    m = _LAST_DASH.match(head)
    if m is not None:
        before, after = head[:m.start(1)].rstrip(), head[m.end():]
        if VENUE_LEAD.match(fold(after)) and not VENUE_LEAD.match(fold(before)) and len(before.split()) <= 3:
            return m.end(), len(head)  # the town, then its venue
        if not _ROOM_LEAD.match(fold(after)) and (after[:1].islower() or len(after.split()) <= 4):
            head = before  # the venue, then its town or a note on it
    first, comma, rest = head.partition(",")
    if comma and (ADDRESS.match(rest.strip()) or _a_town(rest.strip())):
        head = first  # "Salle des fêtes, 4 rue du Port", "Médiathèque X, Villeneuve": the venue
    elif comma and _a_town(first) and rest.strip()[:1].isupper() and led_by_venue_word(rest):
        lead = len(first) + 1 + len(rest) - len(rest.lstrip())
        return lead, len(head)  # "Villeneuve, Maison des associations": the venue after its town
    if not head[:1].isupper() or len(head.split()) > 10 or _NOT_A_PLACE.search(head):
        return None
    if re.fullmatch(r"[A-Z]{2,8}", head) or _a_town(head):
        # "IFET, Paris": the organisation whose premises these are; "Saint-Girons": the town
        # alone. Neither names a room.
        return None
    return 0, len(head)


def _a_town(s: str) -> bool:
    """A town's name alone, perhaps with its postcode or département ("Villeneuve", "Saint-Paul
    (99)", "99000 Villeneuve"): capitalised, three words at most, no room or venue word."""
    s = re.sub(r"^\d{5}\s+|\s*\(\d{2,3}\)$", "", s)
    folded = fold(s)
    # Every word of a town's name is capitalised but its particles ("Saint-Paul-lès-Dax", "La
    # Roche-sur-Yon"); "Café associatif Le Relais" is a venue's.
    words = re.split(r"[\s-]+", s)
    return (0 < len(s.split()) <= 3 and "," not in s and not _ROOM_WORD.search(folded)
            and not VENUE_LEAD.match(folded)
            and all(w[:1].isupper() or fold(w) in PLACE_PARTICLES for w in words) and s[:1].isupper())


def room_in(s: str) -> tuple[int, int] | None:
    """A room named after a dash or a pipe inside a label line ("Atelier A – Salle Vauban")."""
    for m in DASHED.finditer(s):
        tail = s[m.end() :].rstrip(" :.")
        if len(tail.split()) <= 5 and (_ROOM_LEAD.match(fold(tail)) or (
                _is_upper_label(tail) and _ROOM_WORD.search(fold(tail)))):
            return m.end(), m.end() + len(tail)  # "– Salle Vauban", "– GRANDE SALLE"
        if (p := place_named(tail)) is not None:
            return m.end() + p[0], m.end() + p[1]  # "Déjeuner – Terrasse du Palais X"
    paren = bracketed_room(s)
    if paren:
        return paren
    # The last comma-separated piece of a place: "LE MANS, Maison de l'Habitat, salle Bercé".
    for m in re.finditer(r",\s*", s):
        tail = s[m.end():].rstrip(" :.")
        if _ROOM_LEAD.match(fold(tail)) and len(tail.split()) <= 5 and "," not in tail:
            return m.end(), m.end() + len(tail)
        if "," not in tail and (p := place_named(tail)) is not None:
            return m.end() + p[0], m.end() + p[1]  # "Déjeuner, Salon d'honneur (buffet …)"
        # Or the middle piece, a note in lower case after it: "Déjeuner, hall Nord, offert par …".
        piece = _MIDDLE_ROOM.match(s, m.end())
        if piece is not None and _ROOM_LEAD.match(fold(piece["r"])):
            return piece.start("r"), piece.end("r")
    return None


_MIDDLE_ROOM = re.compile(r"(?P<r>[^,()]{2,40}?)\s*,\s*(?=[a-zà-ÿ])")
