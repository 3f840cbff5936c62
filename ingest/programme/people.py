"""People named in programmes: role lines, name lists, function and affiliation, contact lines.

"Animateur : M. M. Klein, président du Conseil général de X." / "Intervenants : Mme L. B (Org),
M. C. G (Org)." / "Avec : Jeanne Martin (Ville de Lille), Paul Durand, chargé de mission à la CAF"
/ "Contact : Name" / "Name, Function. Tél. : …, e-mail". Offsets are absolute (base + local).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.language import roles
from assistant.language.text import fold

from .kinds import kind_of
from .lines import strip_span

Pos = tuple[int, int]

_LABEL = re.compile(r"^\W*([^:]{2,40}?)\s*(?:\(\s*[se]+\s*\))?\s*:\s*")
CIVILITY = re.compile(r"\b(?P<civ>M\.|MM\.|Mme|Mmes|Mlle|Me|Dr|Pr|Mr|Mrs|Ms)\.?\s+(?=[A-ZÀ-Ý])")
_CAP = r"(?:[A-ZÀ-Ý][\w’'\-]*\.?|[A-ZÀ-Ý]\.)"
_PARTICLE = r"(?:de|du|des|d[’']|le|la|van|von|da|di|ben|el)"
NAME_RE = re.compile(rf"^(?:{_CAP})(?:\s+(?:{_PARTICLE}\s*)?{_CAP}){{1,3}}$")
ORG_WORDS = frozenset(
    [
        "ville",
        "villes",
        "conseil",
        "departement",
        "universite",
        "mairie",
        "association",
        "caf",
        "centre",
        "direction",
        "region",
        "communaute",
        "metropole",
        "service",
        "services",
        "ministere",
        "observatoire",
        "institut",
        "agence",
        "federation",
        "union",
        "fondation",
        "cabinet",
        "groupe",
        "reseau",
        "collectif",
        "maison",
        "ccas",
        "commune",
        "prefecture",
        "etat",
        "ecole",
        "laboratoire",
        "cnrs",
        "insee",
        "drees",
        "secretariat",
        "delegation",
    ]
)
FUNCTION_WORDS = frozenset(
    [
        "directeur",
        "directrice",
        "chef",
        "cheffe",
        "president",
        "presidente",
        "vice-president",
        "vice-presidente",
        "responsable",
        "charge",
        "chargee",
        "maire",
        "adjoint",
        "adjointe",
        "delegue",
        "deleguee",
        "conseiller",
        "conseillere",
        "secretaire",
        "coordinateur",
        "coordinatrice",
        "professeur",
        "professeure",
        "chercheur",
        "chercheuse",
        "sociologue",
        "consultant",
        "consultante",
        "elu",
        "elue",
        "depute",
        "deputee",
        "senateur",
        "senatrice",
        "directeur-adjoint",
        "directrice-adjointe",
        "administrateur",
        "administratrice",
        "fondateur",
        "fondatrice",
        "co-fondateur",
        "co-fondatrice",
        "animateur",
        "animatrice",
    ]
)
# Trades and callings a programme gives after a name as its function ("Jeanne Roux, journaliste",
# "son cofondateur, Paul Gay, maraîcher", "la conteuse Awa Diop"), in the masculine: the feminine
# and inclusive spellings are read back to it (`is_function_word`).
PROFESSION_WORDS = frozenset(
    """
    journaliste juriste avocat maraicher encadrant moniteur historien architecte urbaniste infirmier
    mediateur conteur bibliothecaire doctorant formateur educateur referent membre rapporteur
    cofondateur principal medecin psychologue psychiatre pedopsychiatre geographe economiste
    anthropologue politiste politologue philosophe assistant technicien gerant benevole
    enseignant enseignant-chercheur maitre prefet sous-prefet inspecteur ingenieur militant
    agriculteur eleveur artiste auteur realisateur photographe comedien coach pharmacien
    puericulteur intervenant tresorier magistrat juge directeur-general gestionnaire accompagnateur
    head officer manager director researcher coordinator professor mayor deputy founder
    co-founder journalist lecturer volunteer adviser advisor habitant resident temoin witness
    facteur artisan proprietaire locataire pair-aidant sage-femme veterinaire jardinier cuisinier
    chauffeur agent auxiliaire aide-soignant apprenti etudiant retraite salarie usager parent mere pere
    interprete ergotherapeute orthophoniste dieteticien nutritionniste
    """.split()
)
FUNCTION_WORDS = FUNCTION_WORDS | PROFESSION_WORDS
# Feminine endings back to the masculine: monitrice -> moniteur, conteuse -> conteur,
# encadrante -> encadrant, historienne -> historien, infirmiere -> infirmier, maitresse -> maitre.
_FEMININE = ((r"(?:trice|rice)$", "teur"), (r"euse$", "eur"), (r"ienne$", "ien"), (r"iere$", "ier"),
             (r"esse$", "e"), (r"e$", ""))


def is_function_word(word: str) -> bool:
    """A function or trade, in any gender or inclusive spelling ("coordinateur·rice")."""
    w = re.sub(r"[·.•].*$", "", fold(word).strip(".,;:")).lower()
    if w in FUNCTION_WORDS:
        return True
    for end, masc in _FEMININE:
        stem = re.sub(end, masc, w)
        if stem != w and stem in FUNCTION_WORDS:
            return True
    return False
_CONTACT_DATA = re.compile(
    r"\b(?:T[ée]l(?:[ée]phone)?|Port(?:able)?|Mob(?:ile)?|Fax|Courriel|Mail|E-?mail)\b\.?\s*:?"
    r"|\+?\d[\d .()]{8,}\d|[\w.+-]+@[\w-]+\.[\w.]+"
)
_TRAILING_PREP = re.compile(
    r"(?:\s*\b(?:de la|de l[’']|du|des|de|d[’']|à la|à l[’']|au|aux|à|chez|en|pour|l[’'])\s*)+$"
)


@dataclass(frozen=True)
class PersonMention:
    name: Pos
    function: Pos | None
    affiliation: Pos | None
    chunk: Pos


def role_line(s: str) -> tuple[str, int] | None:
    """(role, offset of the names) when `s` opens with a programme role label and a colon
    ("Animation :", "Intervenant·e·s :", "Grand témoin :"); the role is the genre lexicon's id
    (animateur, président, intervenant, grand témoin, rapporteur, formateur, contact)."""
    m = _LABEL.match(s)
    if m is None:
        return None
    role = roles.role_of_label(m.group(1)) or _role_after_kind(m.group(1))
    if role is None:
        return None
    return role.id, m.end()


def _role_after_kind(label: str) -> roles.Role | None:
    """"Table ronde avec :", "Atelier animé par :": a session kind, then the role label."""
    words = label.split()
    for k in range(1, min(len(words), 4)):
        role = roles.role_of_label(" ".join(words[k:]))
        if role is not None and kind_of(" ".join(words[:k])) is not None:
            return role
    return None


def looks_like_name(s: str) -> bool:
    s = s.strip()
    if not NAME_RE.match(s):
        return False
    words = {w.strip(".").lower() for w in fold(s).replace("-", " ").split()}
    return not (words & ORG_WORDS)


def _trim(s: str, a: int, b: int) -> Pos:
    return strip_span(s, a, b, ",;:.-–—")


def split_function(s: str, a: int, b: int) -> tuple[Pos | None, Pos | None]:
    """Split "président du Conseil général de X" into a function and an affiliation."""
    a, b = _trim(s, a, b)
    if a >= b:
        return None, None
    first = re.match(r"[\w-]+", s[a:b])
    if first and fold(first.group()).lower() in ORG_WORDS:
        if _a_unit(s[a:b]):
            return None, None  # "service communication": a team, no organisation named
        return None, _cut_remit(s, a, b)  # an organisation named by its kind: "université d'Angers", "ville de Lyon"
    leading, lead_end = True, a  # the function's own words first: "Deputy Mayor of …", "Directrice de …"
    for m in re.finditer(r"\S+", s[a:b]):
        word = m.group()
        cut = 2 if re.match(r"^[ldLD][’']", word) else 1 if word.startswith("(") else 0
        head = word[cut:]
        if leading and head and is_function_word(head):
            lead_end = a + m.end()
            continue
        leading = False
        if not head or not (head[0].isupper() or _org_kind_after_prep(s, a + m.start(), a + m.end(), b)):
            continue
        start = a + m.start() + cut
        if _quoted(s, a, start, b):
            continue  # "coordinateur des « Chemins de … »": a project's or a course's title
        if start == a:
            return None, _cut_remit(s, a, b)
        if _REMIT_BEFORE.search(s, a, start):
            return (a, b), None  # "Deputy Mayor for Older People": what the function is about
        if _a_place(s, a, start, b):
            # "maire de Riom", "adjointe au maire de X chargée de …": where the function is held;
            # "médecin à la maison de santé de X": the place closes the organisation's name.
            org = _named_before_place(s, lead_end, start)
            if org is None:
                return (a, b), None
            fn = _trim(s, a, lead_end)
            return (fn if fn[0] < fn[1] else None), _cut_remit(s, org, b)
        fn_end = a + m.start() + cut
        tail = _TRAILING_PREP.search(s[a:fn_end])
        if tail:
            fn_end = a + tail.start()
        fn = _trim(s, a, fn_end)
        return (fn if fn[0] < fn[1] else None), _cut_remit(s, start, b)
    return (a, b), None


# Guillemets and quotes hold a title (a project, a course, a scheme), not who someone works for.
_QUOTES = (("«", "»"), ("“", "”"))


def _quoted(s: str, a: int, at: int, b: int) -> bool:
    """The word at `at` is inside a quoted title: a quote opened before it, or one closed after it
    that the span did not open (a title wrapped onto the next line). A volunteer or a member
    "de « X »" belongs to X: that title names an organisation."""
    before, after = s[a:at], s[at:b]
    inside = (any(before.count(o) > before.count(c) or after.count(c) > after.count(o) for o, c in _QUOTES)
              or before.count('"') % 2 == 1)
    return inside and not _MEMBER_OF.search(before)


_MEMBER_OF = re.compile(r"\b(?:b[ée]n[ée]vole|membre|adh[ée]rent|volunteer|member)\w*\s+(?:de|du|des|d[’']|of)\s*«?\s*$",
                        re.IGNORECASE)


# The remit a function carries after its organisation ("vice-présidente du Département chargée
# de la culture", "in charge of European affairs") is no part of the organisation's name.
_REMIT = re.compile(r"[\s,]+(?:charg[ée]e?s?\s+(?:de|du|des|d[’'])|in\s+charge\s+of|d[ée]l[ée]gu[ée]e?s?\s+(?:à|au|aux))\b",
                    re.IGNORECASE)
# "Deputy Mayor for Older People": a capitalised remit after "for", not an organisation.
_REMIT_BEFORE = re.compile(r"\b(?:for|in charge of)\s*$", re.IGNORECASE)


def _cut_remit(s: str, a: int, b: int) -> Pos | None:
    opening = re.search(r"«\s*$", s[max(0, a - 3):a])
    if opening and s[a:b].count("»") > s[a:b].count("«"):
        a = max(0, a - 3) + opening.start()  # "bénévole de « X »": the name with its guillemets
    m = _REMIT.search(s, a, b)
    end = _trim(s, a, m.start() if m else b)
    return end if end[0] < end[1] else None


# A team inside an organisation, written in lower case with no name ("service communication",
# "secrétariat du colloque"): it says what a person does, not which organisation they are from.
_UNITS = frozenset(["service", "services", "secretariat", "direction", "cabinet", "delegation", "pole"])


def _a_unit(text: str) -> bool:
    words = text.split()
    return (fold(words[0]).lower() in _UNITS and words[0][0].islower()
            and not any(w[:1].isupper() or re.search(r"[A-ZÀ-Ý]{2}", w) for w in words[1:]))


# Lower-case kinds of organisation a function may name after "à la", "au", "de la": "juriste à la
# fédération régionale des …" (not "chef du service …", which is part of the function; not "membre
# du collectif" with no name after it).
_ORG_KINDS = frozenset(["federation", "association", "universite", "reseau", "collectif", "union", "fondation",
                        "mairie", "institut", "observatoire", "agence", "ministere", "prefecture", "laboratoire",
                        "club"])
_PREP_BEFORE = re.compile(r"(?:\b(?:à la|à l[’']|au|aux|de la|de l[’']|du|des|of the|at the)\s*)$", re.IGNORECASE)
# "de Riom", "d'Arras", "de la Marne", "of Toulon": a place a function is held in.
_OF_PLACE = re.compile(r"(?:\b(?:de|du|de la|des|d[’']|of|for)\s*|(?<!\w)à\s+)$", re.IGNORECASE)
# What may follow that place and still be the function: "chargée de …", "in charge of …", "depuis 1968".
_AFTER_PLACE = frozenset(["depuis", "since", "in", "for", "pour"])
# A noun a function is held at, after an article: "à la maison de santé de X", "à l'unité … de X".
_ARTICLE_NOUN = re.compile(r"\b(?:à la\s+|à l[’']|au\s+|aux\s+|de la\s+|de l[’']|du\s+|des\s+|at the\s+|of the\s+)(?=[a-zà-ÿ])",
                           re.IGNORECASE)


def _org_kind_after_prep(s: str, a: int, b: int, end: int) -> bool:
    line_end = s.find("\n", b, end)
    named = s[b:end if line_end < 0 else line_end].strip()
    return (fold(s[a:b]).strip(".,;:").lower() in _ORG_KINDS and _PREP_BEFORE.search(s[:a]) is not None
            and bool(named) and named[0] not in ",;.)")


def _a_place(s: str, a: int, start: int, b: int) -> bool:
    """The capitalised word at `start` is the place the function is held in, not an organisation:
    one proper word (no acronym, no kind of organisation) after "de"/"of", alone or followed by
    the rest of the function ("maire de Riom", "adjointe au maire de X chargée de la culture")."""
    words = s[start:b].split()
    w = words[0].strip(".,;:()")
    if not _OF_PLACE.search(s[a:start]) or not w[:1].isupper() or re.search(r"[A-ZÀ-Ý]{2}|\d", w):
        return False
    if fold(w).lower() in ORG_WORDS:
        return False
    if len(words) == 1:
        return not _cut_short(s, b)
    return is_function_word(words[1]) or fold(words[1]).lower() in _AFTER_PLACE


# Where someone lives or is registered, not who they work for: "habitante du quartier des X",
# "resident of the X district", "avocate au barreau de X".
PLACE_NOUNS = frozenset(["quartier", "quartiers", "district", "neighbourhood", "neighborhood", "barreau", "cite"])


# The span stopped short of the name it holds: a list's "et" ("directrice d'Habitat et …"), or a
# table cell wrapped onto the next row (" | | | solidaire du …").
_CUT_SHORT = re.compile(r"[ \t]*(?:et\s+[A-ZÀ-Ý]|\n[ \t|]*[a-zà-ÿ])")


def _cut_short(s: str, b: int) -> bool:
    return _CUT_SHORT.match(s, b) is not None


def _named_before_place(s: str, lead_end: int, start: int) -> int | None:
    """Where an organisation named by a common noun starts, when the place closes its name
    ("à la maison de santé de X"); None when only the function's words come before ("au maire
    de X")."""
    for m in _ARTICLE_NOUN.finditer(s, lead_end, start):
        noun = re.match(r"[\w’'-]+", s[m.end():start])
        if noun and not is_function_word(noun.group()) and fold(noun.group()).lower() not in PLACE_NOUNS:
            return m.end()
    return None


def _details(s: str, a: int, b: int) -> tuple[Pos | None, Pos | None]:
    """Function and affiliation from what follows a name: "(Org)", ", fn de l'Org", ", Org"."""
    function: Pos | None = None
    affiliation: Pos | None = None
    pos = a
    paren = re.match(r"\s*\((?P<in>[^)]+)\)", s[a:b])
    # "(jour 2)", "(matin)": when they speak; "(quartier des X)": where they live. A lone proper
    # word may be a town or an organisation ("(Emmaüs)"): it stays the affiliation.
    if paren and (_WHEN.match(paren.group("in")) or _DESCRIBES.match(paren.group("in"))
                  or _a_neighbourhood(paren.group("in"))):
        pos = a + paren.end()
        paren = None
    if paren:
        affiliation = _trim(s, a + paren.start("in"), a + paren.end("in"))
        pos = a + paren.end()
    details = Details(function, affiliation)
    for m in re.finditer(r"[^,]+", s[pos:b]):
        pa, pb = _trim(s, pos + m.start(), pos + m.end())
        if pa >= pb:
            continue
        details = details.add(s, *piece(s, pa, pb))
    return details.function, details.org()


@dataclass(frozen=True)
class Details:
    """What the details after a name say so far. A capital that only qualifies the function
    ("responsable RH, Boulangeries X", "chef de projet ANRU, …") gives way to a later detail that
    names the organisation on its own."""
    function: Pos | None = None
    affiliation: Pos | None = None
    qualifier: Pos | None = None

    def add(self, s: str, fn: Pos | None, aff: Pos | None) -> Details:
        if aff and fn and _qualifies(s, fn, aff):
            return Details(self.function or fn, self.affiliation, self.qualifier or aff)
        return Details(self.function or fn, self.affiliation or aff, self.qualifier)

    def org(self) -> Pos | None:
        return self.affiliation or self.qualifier


# Brackets that count or describe ("(plus de 900 inscrits)", "(environ 40 places)"): no organisation.
_DESCRIBES = re.compile(r"^\s*(?:plus de|moins de|environ|pr[eè]s de|over|more than|about|around)\b", re.IGNORECASE)


def _qualifies(s: str, fn: Pos, aff: Pos) -> bool:
    """The organisation found inside a function follows it with no "de", "à", "at", "of", and the
    function names no noun of its own: "formatrice PSSM", "cheffe de projet ANRU"."""
    between = s[fn[1]:aff[0]]
    return (fn[1] <= aff[0] and not re.search(r"\w", between)
            and not _ARTICLE.search(s[fn[0]:fn[1]]))  # "présidente de l'association X": X is named


_ARTICLE = re.compile(r"\b(?:l[’']|la|le|les|du|des|au|aux|the)\b", re.IGNORECASE)


def piece(s: str, a: int, b: int) -> tuple[Pos | None, Pos | None]:
    """One comma-separated detail: "fn de l'Org", "Org", or "fn (Org)"."""
    paren = re.search(r"\((?P<in>[^()]+)\)\s*[.;]?\s*$", s[a:b])
    if paren and paren.start() > 0:
        fn, aff = split_function(s, a, a + paren.start())
        inside = paren.group("in")
        if _WHEN.match(inside) or _DESCRIBES.match(inside):
            return fn, aff  # "CHU de X (jour 2)": when they speak; "(plus de 900 inscrits)": how big
        if aff and (_a_place_name(inside) or inside.strip()[:1].islower()):
            # "association Le Lavoir (Villebourg)", "CROUS de X (antenne de Y)": the
            # organisation is the one the function names; the brackets say where or which part.
            return fn, aff
        return fn or aff, _trim(s, a + paren.start("in"), a + paren.end("in"))
    return split_function(s, a, b)


def _a_neighbourhood(text: str) -> bool:
    """"quartier des Tilleuls", "Villeneuve district": where someone lives."""
    words = text.split()
    return bool(words) and (fold(words[0]).lower() in PLACE_NOUNS or fold(words[-1]).lower() in PLACE_NOUNS)


def _a_place_name(text: str) -> bool:
    """Brackets after a named organisation that only say where it is: one proper word
    ("association Le Lavoir (Villebourg)"), or a neighbourhood."""
    words = text.split()
    if not words:
        return False
    if _a_neighbourhood(text):
        return True
    w = words[0]
    return (len(words) == 1 and w[:1].isupper() and not re.search(r"[A-ZÀ-Ý]{2}|\d|[’']", w)
            and fold(w).lower() not in ORG_WORDS and not is_function_word(w))


def _cut_contact_data(s: str, a: int, b: int) -> int:
    m = _CONTACT_DATA.search(s, a, b)
    return m.start() if m else b


def parse_names(s: str, *, base: int = 0, a: int = 0, b: int | None = None,
                one: bool = False) -> list[PersonMention]:
    """People listed in s[a:b]: civility-led chunks, or comma/"et" separated names. `one`: the
    span holds one person at most (an entry of a semicolon list), its commas set off details."""
    b = len(s) if b is None else b
    if ";" in s[a:b]:
        # Semicolons separate people even when some have a civility and others do not; then
        # the commas inside one entry set off its details ("Olivier X, chargé de mission,
        # France Active Grand Est" is one person, not two).
        out_all: list[PersonMention] = []
        prev = a
        for m in re.finditer(";", s[a:b]):
            out_all += parse_names(s, base=base, a=prev, b=a + m.start(), one=True)
            prev = a + m.end()
        return out_all + parse_names(s, base=base, a=prev, b=b, one=True)
    starts = []
    for m in CIVILITY.finditer(s, a, b):
        before = s[a : m.start()].rstrip()
        if not before or before.endswith((",", ";", ":")) or re.search(r"\bet$", before):
            starts.append(m)
    out: list[PersonMention] = []
    if starts:
        for i, m in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else b
            chunk_end = end
            tail = re.search(r"(?:\s*(?:,|;|\bet\b))+\s*$", s[m.end() : end])
            if tail:
                chunk_end = m.end() + tail.start()
            chunk_end = _cut_contact_data(s, m.end(), chunk_end)
            nm = re.match(r"[^,(;]+", s[m.end() : chunk_end])
            if not nm:
                continue
            na, nb = _trim(s, m.end(), m.end() + nm.end())
            fn, aff = _details(s, nb, chunk_end)
            # The name is kept without its civility ("M. M. Klein" -> "M. Klein").
            out.append(_mention(base, (na, nb), fn, aff, _trim(s, m.start(), chunk_end)))
        return out
    # No civilities: names are the segments that look like names, details follow them.
    segs, prev = [], 0
    joined = [False]  # segment i follows an "et"
    for m in re.finditer(r"\s*(?:[,;]|\bet\s+(?=[A-ZÀ-Ý]))\s*", s[a:b]):
        segs.append((prev, m.start()))
        joined.append("et" in m.group())
        prev = m.end()
    segs.append((prev, b - a))
    current: tuple[Pos, Details, int] | None = None
    # A list that writes surnames in capitals ("Karima BENSAÏD, France Travail Arras") names
    # people that way only: a segment without a word in capitals is a detail, not a person.
    caps_style = any(_caps_name(s[a + sa:a + sb]) for sa, sb in segs)
    for i, (sa, sb) in enumerate(segs):
        pa, pb = _trim(s, a + sa, a + sb)
        if pa >= pb:
            continue
        # "Contact : Jeanne MARTIN – jeanne@… – 01 …": the name ends where its e-mail or phone
        # begins, and the dash before them is no part of it.
        pa, pb = _trim(s, pa, min(pb, _cut_contact_data(s, pa, pb)))
        if pa >= pb:
            continue
        text = s[pa:pb]
        paren = text.find("(")
        head_end = pa + paren if paren > 0 else pb
        if (looks_like_name(s[pa:head_end].strip()) and (not caps_style or _caps_name(s[pa:head_end]))
                and not (one and current) and not _closes_details(current, i, segs, joined)):
            if current:
                out.append(_mention(base, current[0], current[1].function, current[1].org(),
                                    (current[0][0], current[2])))
            name = _trim(s, pa, head_end)
            fn, aff = _details(s, name[1], pb) if paren > 0 else (None, None)
            current = (name, Details(fn, aff), pb)
        elif current:
            current = (current[0], current[1].add(s, *piece(s, pa, pb)), pb)
    if current:
        out.append(_mention(base, current[0], current[1].function, current[1].org(), (current[0][0], current[2])))
    return out


def _closes_details(current: tuple | None, i: int, segs: list, joined: list[bool]) -> bool:
    """"Name, function, Organisation": the last segment, after the current person's function and
    not joined by "et", is where they work, however much it looks like a name."""
    return current is not None and current[1].function is not None and i == len(segs) - 1 and not joined[i]


# Brackets that say when someone speaks or how they take part, not where they work: "(jour 2)",
# "(matin)", "(représentée)", "(excusé)", "(observer)", "(sous réserve)".
_WHEN = re.compile(r"^\s*(?:jours?|journ[ée]es?|day|days|matin|apr[eè]s-midi|soir|morning|afternoon|\d"
                   r"|repr[ée]sent[ée]|excus[ée]|observ|sous r[ée]serve|[àa] confirmer|tbc|en visio|online|en ligne)",
                   re.IGNORECASE)


def _caps_name(s: str) -> bool:
    """ "Prénom NOM": a capitalised word then a word in capitals (two letters or more)."""
    return bool(re.match(r"^\s*[A-ZÀ-Ý][a-zà-ÿ’'\-]+(?:[\s\-][A-ZÀ-Ý][a-zà-ÿ’'\-]+)*\s+[A-ZÀ-Ý]{2,}", s))


def _mention(base: int, name: Pos, fn: Pos | None, aff: Pos | None, chunk: Pos) -> PersonMention:
    def shift(p: Pos) -> Pos:
        return (p[0] + base, p[1] + base)

    return PersonMention(
        name=shift(name),
        function=shift(fn) if fn else None,
        affiliation=shift(aff) if aff else None,
        chunk=shift(chunk),
    )


def strip_civility(name: str) -> str:
    m = CIVILITY.match(name)
    return name[m.end() :] if m else name
