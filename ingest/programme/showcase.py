"""What a report or newsletter tells in prose: the sessions it recounts ("la table ronde
« Circuits courts : qui peut vraiment y accéder ? »") and the initiatives they showcased — a
name in guillemets or capitals, its town and département ("À Lannion (Côtes-d'Armor)"), the
organisation that runs it ("l'association Trégor Entraide"), a figure ("1 800 paniers").

Works on paragraphs (lines joined until a blank line), so wrapped sentences read whole; every
span is an exact offset of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.language.kinds import session_kind_of
from assistant.language.text import fold

from .lines import Line, strip_span
from .people import is_function_word
from .prose_people import names_a_person

Pos = tuple[int, int]
_QUOTE = re.compile(r"«\s*(?P<q>[^«»]{2,120}?)\s*»|“(?P<q2>[^“”]{2,120}?)”")
_SESSION_WORDS = r"(?:tables?[- ]rondes?|ateliers?|s[ée]ances?|conf[ée]rences?|pl[ée]ni[èe]res?|webinaires?|labos?|d[ée]bats?)"
# "la première table ronde de la matinée, « Title »", "l'atelier « Title »".
_SESSION_MENTION = re.compile(
    rf"\b(?:la|le|l['’]|une?|cette|ce)\s+(?:[\wéèû]+\s+){{0,2}}?{_SESSION_WORDS}(?:\s+[\wéèàû'’-]+){{0,4}}?\s*,?\s*"
    r"(?=«|“)", re.IGNORECASE)
# Words before a quoted title that make it a session's or an event's, not an initiative's.
_NOT_AN_INITIATIVE = (r"(?:" + _SESSION_WORDS[3:-1] + r"|forums?|semaines?|cycles?|journ[ée]es?|rencontres?|"
                      r"colloques?|lettres?|feuilles? de route|th[èe]mes?|intitul[ée]e?s?|appels?"
                      # An event's edition, a show, a document, a stop on a line:
                      # what a programme names in guillemets besides initiatives.
                      r"|[ée]ditions?|festivals?|s[ée]minaires?|spectacles?|concerts?|projections?"
                      r"|films?|documentaires?|veill[ée]es?|guides?|brochures?|arr[êe]ts?|stations?|pages?"
                      r"|concours)")  # "le concours photo « X »": a contest of the event
# ... unless a word that names an initiative comes between ("lors de l'édition 2025, le projet « X »").
_INITIATIVE_WORD = re.compile(
    r"\b(?:projets?|dispositifs?|programmes?|r[ée]seaux?|plate-?formes?|op[ée]rations?|actions?|initiatives?"
    r"|d[ée]marches?|exp[ée]rimentations?|services?)\s*$", re.IGNORECASE)
# Titles listed one after the other ("les ateliers « A », « B » et « C »") are all titles.
_ENUMERATION = re.compile(r"\s*(?:,|et|and|ou|or)?\s*")
_ROOM_LEAD = re.compile(r"^(?:SALLES?|HALL|ESPACE|AMPHI\w*|AUDITORIUM|GRAND(?:E)?|PLATEAU|STUDIO)\b")
_CAPS_WORD = r"(?:[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+|L['’][A-ZÀ-Ý]+|D['’][A-ZÀ-Ý]+)"
_CAPS = re.compile(rf"(?<![\w’'])(?:{_CAPS_WORD})(?:[ \t]+(?:{_CAPS_WORD}|DE|DU|DES|LA|LE|LES|ET|À|AU)){{1,7}}(?![\w’'])")
_TOWN = r"[A-ZÀ-Ý][\w’'\-]+(?:[\s\-](?:[A-ZÀ-Ý][\w’'\-]+|sur|sous|en|de|du|la|le|lès|les|d['’][A-ZÀ-Ý][\w’'\-]+))*"
# "Quimperlé (Finistère)", "Dieppe (Seine-Maritime)": a town and its département in brackets.
_TOWN_DEPT = re.compile(rf"(?P<town>{_TOWN})\s*\((?P<dept>[A-ZÀ-Ý][^()\d]*[a-zà-ÿ][^()\d]*)\)")
# "à Lannion", "À la Croix-Rousse" (a neighbourhood keeps its article), "installée à Bellac",
# "In Villeneuve", "in the Old Port district of Villeneuve".
_AT_TOWN = re.compile(rf"(?:^|(?<=[\s,;(]))(?:[àÀ](?:\s+la|\s+l['’](?=[A-ZÀ-Ý]))?|installée?s?\s+à|basée?s?\s+à|implantée?s?\s+à"
                      rf"|[Ii]n(?=\s)(?:\s+the\s+[\w’'\-]+(?:\s+[\w’'\-]+)?\s+(?:district|neighbourhood|area)\s+of)?)\s*(?P<town>{_TOWN})")
# An area rather than a town: a département or a region after "en" ("320 binômes en Sarthe"), a
# neighbourhood, a valley ("dans les quartiers Hautes-Vignes et Pré-Vert", "dans le quartier de
# la Gare", "dans les vallées du X et de l'Y"). The area's word is part of the place.
_AREA_WORD = r"(?:quartiers?|vallées?|cités?|faubourgs?)"
_OF = r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])"
_AREA = re.compile(
    rf"(?<![\w’'])(?:dans\s+(?:le|les|la)\s+|en\s+)(?P<town>{_AREA_WORD}\s+{_OF}?{_TOWN}"
    rf"(?:\s+et\s+{_OF}?{_TOWN})?)"
    # A département is a name, not an acronym ("en EHPAD", "en FALC").
    rf"|(?<![\w’'])en\s+(?P<dept>[A-ZÀ-Ý][a-zà-ÿ][\w’'\-]*)(?![\w’'\-]|\s+[A-ZÀ-Ý\d])")
# Words that open an organisation or a person, not a town ("de l'association …", "de Mme …").
NOT_TOWNS = frozenset({"association", "ville", "mairie", "mme", "m", "mr", "ms", "dr", "pr", "madame", "monsieur",
                        "centre", "mission", "maison", "caisse", "conseil", "departement", "region", "federation",
                        "reseau", "collectif", "union", "universite", "institut", "agence", "service", "direction",
                       "france"})  # "à France Travail": an agency, never the country (that is "en France")
_ORG = re.compile(
    # Who runs it, as the genre says it: "porté par", "Lancé par" (a sentence may open with it),
    # "Imaginée par", "run by"; the participle agrees, so its endings vary; where and when may
    # come between ("créé à Figeac par …", "ouverte en 2023 dans le quartier X par …").
    r"\b(?:(?:[Pp]ort|[Gg][ée]r|[Aa]nim|[Mm]en|[Ll]anc|[Ii]magin|[Ff]orm|[Cc]r[ée]|[Cc]oordonn|[Pp]ilot|[Ii]niti|[Dd][ée]velopp|[Tt]enu"
    r"|[Cc]on[çc]u|[Oo]uverte?s?)(?:[ée]e?s?|ue?s?)?"
    r"(?:\s+(?:à|en|dans)\s+[^;.()]{1,50}?)?\s+par|(?:[Rr]un|[Ll]ed|[Cc]oordinated|[Ll]aunched|[Ss]et up|[Cc]reated|[Mm]anaged)\s+by)\s+"
    r"(?P<by>(?:l['’]|la\s+|le\s+|les\s+)?[\w’'&\-]+(?:\s+(?:[A-ZÀ-Ý&][\w’'&\-]*|de|du|des|d['’][\w’'\-]+|la|le|l['’][A-ZÀ-Ý][\w’'\-]*)(?![\w’'])){0,6})"
    # The organisation as the subject that presents it ("L'association X y présentera « … »",
    # "la SCIC X y fera découvrir « … »"): the article may open the sentence.
    r"|\b(?P<kind>[Ll]['’]association|[Ll]a coopérative|[Ll]a SCIC|[Ll]e collectif|[Ll]['’]entreprise|[Ll]e CCAS"
    r"|[Ll]a Ville|[Ll]e [Cc]entre social|[Ll]e bailleur(?: social)?|[Ll]a Mission locale|[Ll]a MJC|[Ll]e Département|[Ll]a Métropole|[Ll]a Région"
    r"|[Ll]a communauté de communes|[Ll]a fédération"
    r"|[Tt]he association|[Tt]he (?:social|community) centre|[Tt]he [Cc]entre social|[Tt]he cooperative"
    # ... or its complement ("les « Cafés du jeudi » du centre social X"); "du", "de la" are left out.
    r"|(?<=\bdu )(?:centre social|collectif|CCAS|Département)|(?<=\bde l['’])(?:association|entreprise)"
    r"|(?<=\bde la )(?:coopérative|SCIC|Ville|Mission locale|MJC|Métropole|Région|communauté de communes|fédération)"
    r")(?![\w’'\-])"
    # The name after the kind: capitalised words and numbers, with the small words that join
    # them ("Vivre en Haut-Salat", "Poings d’Encre", "Passeurs de culture 80" stops at "de").
    r"(?P<rest>(?:\s+(?:de\s+|d['’]|du\s+)?[A-ZÀ-Ý&][\w’'&\-]*"
    r"(?:\s+(?:(?:de\s+la|de|du|des|la|le|en)\s+|(?:de\s+)?[ld]['’])?(?:[A-ZÀ-Ý&][\w’'&\-]*|\d+\b))*)?)")
# A stand's or a project sheet's own labels, one per line: "Porté par : association X", "Où :
# Town (24)", "Structure porteuse : …", "Commune : …" (French typography puts a no-break space
# before the colon). The value runs to the line's end.
_RUN_BY_LABEL = re.compile(r"^[ \t]*(?:[Pp]ort[ée]e?s?\s+par|[Pp]orteur(?:\s+du\s+projet)?|[Pp]orteuse|[Ss]tructure(?:\s+porteuse)?"
                           r"|[Oo]rganisme|[Oo]p[ée]rateur|[Rr]un\s+by|[Oo]rgani[sz]ation)[ \t\u00a0\u202f]*:[ \t]*(?P<v>\S.*)$", re.M)
_PLACE_LABEL = re.compile(r"^[ \t]*(?:[Oo][ùu]|[Ll]ieu|[Cc]ommune|[Vv]ille|[Tt]erritoire|[Ww]here|[Tt]own|[Ll]ocation)"
                          r"[ \t\u00a0\u202f]*:[ \t]*(?P<v>\S.*)$", re.M)
# "Laval (53)", "Ajaccio (2A)": a town and its département's number.
_TOWN_NUMBER = re.compile(rf"(?P<town>{_TOWN})\s*\((?:\d{{2,3}}|2[AB])\)")
_FIGURE = re.compile(
    r"(?<![\w/])(?:plus de\s+|près de\s+|environ\s+)?\d{1,3}(?:[\s  ]\d{3})*(?:[.,]\d+)?\s*(?:%\s*)?"
    r"(?:(?:de|d['’])\s+)?(?!(?:19|20)\d\d\b)[a-zà-ÿœ·’'\-]{3,}(?:\s+(?:de|d['’]|par|en)\s*[a-zà-ÿœ·\-]+)?")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
MAX_NAME_WORDS = 8
_TITLE_EXTRA_WORDS = 6


@dataclass(frozen=True)
class Told:
    """A session recounted in prose: its quoted title and the paragraphs that tell it."""

    title: Pos
    block: Pos
    kind: str | None


@dataclass(frozen=True)
class Showcased:
    name: Pos
    block: Pos  # the paragraph that tells it
    place: Pos | None
    organiser: Pos | None
    figure: Pos | None
    description: Pos | None = None  # what it does, when its block sets it apart from its labels


def paragraphs(lines: list[Line]) -> list[Pos]:
    out: list[Pos] = []
    start = end = None
    for ln in lines:
        if ln.blank:
            if start is not None:
                out.append((start, end))  # type: ignore[arg-type]
            start = None
            continue
        if start is None:
            start = ln.line_start
        end = ln.end
    if start is not None:
        out.append((start, end))  # type: ignore[arg-type]
    return out


def _running(text: str, a: int, b: int) -> bool:
    """Running prose: several lower-case words (not a heading, a list of names, a title)."""
    words = re.findall(r"[^\W\d_]+", text[a:b])
    return len(words) >= 12 and sum(w[:1].islower() for w in words) >= 0.5 * len(words)


def told_sessions(text: str, lines: list[Line]) -> list[Told]:
    """Sessions a report recounts: a session word right before a quoted title, in prose."""
    out: list[Told] = []
    paras = [p for p in paragraphs(lines) if _running(text, *p)]
    for pa, pb in paras:
        for m in _SESSION_MENTION.finditer(text, pa, pb):
            q = _QUOTE.match(text, m.end())
            if q is None:
                continue
            g = "q" if q.group("q") else "q2"
            kind = session_kind_of(m.group(0))
            out.append(Told(title=(q.start(g), q.end(g)), block=(m.start(), pb), kind=kind.id if kind else None))
    # A session's block runs until the next told session.
    out.sort(key=lambda t: t.block[0])
    return [Told(t.title, (t.block[0], nxt.block[0] if nxt else max(t.block[1], t.block[1])), t.kind)
            for t, nxt in zip(out, [*out[1:], None], strict=False)]


def _event_word_before(before: str) -> bool:
    """A session or event word shortly before a quote, in the same clause ("l'atelier « X »", "la
    table ronde de la matinée, « X »"): the quote is its title. A colon or a semicolon between
    them closes the clause ("… pendant les ateliers : la crèche « X »")."""
    if _INITIATIVE_WORD.search(before):
        return False
    return re.search(_NOT_AN_INITIATIVE + r"[^.:;]{0,25}$", before, re.I) is not None


def _title_is_quote(text: str, title: Pos, quote: Pos) -> bool:
    """A session title that is (mostly) the quote: "Soirée « X »", "« X » : regards croisés". A
    line of prose read as a title ("« X » – À Ville, l'association Y réunit chaque mois…") is no
    session's title: its quote still names an initiative."""
    rest = text[title[0]:max(title[0], quote[0])] + " " + text[min(quote[1], title[1]):title[1]]
    return len(re.findall(r"[^\W\d_]+", rest)) <= _TITLE_EXTRA_WORDS


def _names(text: str, a: int, b: int, titles: list[Pos]) -> list[Pos]:
    """Names of initiatives in a paragraph: short quoted names (not a session's title, not a
    quoted remark) and phrases in capitals inside running text (not a person's surname)."""
    found: list[Pos] = []
    ruled_out = -1  # where the last quote ruled out as a title ends
    for q in _QUOTE.finditer(text, a, b):
        g = "q" if q.group("q") else "q2"
        qa, qb = q.start(g), q.end(g)
        words = text[qa:qb].split()
        before = text[max(a, q.start() - 40):q.start()]
        if not words or len(words) > MAX_NAME_WORDS or not (text[qa].isupper() or text[qa].isdigit()):
            continue
        if (any(ta <= qa < tb and _title_is_quote(text, (ta, tb), q.span()) for ta, tb in titles)
                or _event_word_before(before)
                or (ruled_out >= 0 and _ENUMERATION.fullmatch(text, ruled_out, q.start()))):
            ruled_out = q.end()
            continue  # a session's or an event's own title, or the next of a list of titles
        if text[qb - 1] in ".!?" or before.rstrip().endswith(":"):
            continue  # a quoted remark
        found.append((qa, qb))
    for m in _CAPS.finditer(text, a, b):
        before = text[max(a, m.start() - 30):m.start()].rstrip()
        prev = before.split()[-1] if before.split() else ""
        if prev[:1].isupper() and not prev.isupper():
            continue  # "Gwenaëlle LE BIHAN": a surname
        line_a, line_b = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        line = text[line_a:line_b if line_b >= 0 else len(text)]
        if sum(w[:1].islower() for w in line.split()) < 6:
            continue  # a heading, a room label, a title in capitals: not running text
        if session_kind_of(m.group()) is not None or _ROOM_LEAD.match(m.group()):
            continue
        found.append((m.start(), m.end()))
    return sorted(found)


def _first(rx: re.Pattern[str], text: str, a: int, b: int, group: str | None = None) -> Pos | None:
    m = rx.search(text, a, b)
    if m is None:
        return None
    if group and m.group(group):
        return strip_span(text, m.start(group), m.end(group), ",.;")
    return strip_span(text, m.start(), m.end(), ",.;")


# An organisation's name may go on in lower case after its capitalised words: an adjective of
# its place closing the clause ("Le Lien valbrunois,", "la CUMA du Causse lotois :"), or a few
# small words that lead to another capitalised word or a département's number ("Vivre ensemble
# en Cotentin", "Passeurs de culture 80").
_DEMONYM = r"[a-zà-ÿ]+(?:[ao]ise?|aine?|ienn?e?|ine?|arde?)s?"
_NAME_TAIL = re.compile(
    rf"[ \t]+{_DEMONYM}(?=[ \t]*(?:[,;.:)]|$))"
    r"|[ \t]+(?:[a-zà-ÿ]+[ \t]+(?:de|du|des|en)|(?:de|du|des)[ \t]+[a-zà-ÿ]+)[ \t]+"
    r"(?:[A-ZÀ-Ý][\w’'\-]*|\d\d(?!\d))", re.M)


def _with_tail(text: str, end: int) -> int:
    while (p := re.search(r"[ \t]+(?:de|du|des|la|le)$", text[max(0, end - 6):end])) is not None:
        end -= len(p.group())  # "Amis de" (the name goes on: "Amis de lecture 58")
    m = _NAME_TAIL.match(text, end)
    return m.end() if m else end


# Who is not named: an indefinite article or a possessive opens a common noun.
_SOMEONE = frozenset({"un", "une", "des", "deux", "trois", "plusieurs", "ses", "sa", "son", "leurs", "leur", "nos",
                      "vos", "chaque", "quelques", "a", "an", "its", "their", "volunteers", "benevoles"})


def _organiser(text: str, a: int, b: int) -> Pos | None:
    for m in _ORG.finditer(text, a, b):
        if m.group("by"):
            if names_a_person(text, m.start("by")):
                continue  # "animé par Jeanne Martin, …": the session's moderator, not the runner
            if fold(m.group("by").split()[0]) in _SOMEONE:
                continue  # "animé par une coordinatrice", "porté par des bénévoles": nobody named
            return strip_span(text, m.start("by"), _with_tail(text, m.end("by")), ",.;")
        named = bool(m.group("rest") and m.group("rest").strip())
        if not named and not re.match(r"(?i)l['’]|la |le |the ", m.group("kind")):
            continue  # "l'accueil du centre social": which one is not said
        end = _with_tail(text, m.end("rest")) if named else m.end("kind")
        return strip_span(text, m.start("kind"), end, ",.;")
    return None


def _labelled(text: str, label: re.Pattern[str], a: int, b: int) -> Pos | None:
    """The value of the first `label` line after the name (between `a` and `b`)."""
    m = label.search(text, a, b)
    return strip_span(text, m.start("v"), m.end("v"), ",.;") if m is not None else None


def _place(text: str, a: int, b: int) -> Pos | None:
    """Where the clause says the initiative runs: a town with its département (named or
    numbered), else "à Town", else an area."""
    m = _TOWN_DEPT.search(text, a, b) or _TOWN_NUMBER.search(text, a, b)
    if m is not None:
        return strip_span(text, m.start("town"), m.end(), ",.;")
    return _at_town(text, a, b) or _area(text, a, b)


def _at_town(text: str, a: int, b: int) -> Pos | None:
    """The first "à Ville" that is a town: not a speaker's workplace ("journaliste à Radio X",
    "conseillère à la Mission locale"), not an organisation ("à France Travail"), not a heading in
    capitals ("RELAYAGE À DOMICILE"); a town ends at the line's end."""
    for m in _AT_TOWN.finditer(text, a, b):
        ta, tb = m.start("town"), m.end("town")
        if "\n" in text[ta:tb]:
            tb = text.index("\n", ta)
        town = text[ta:tb]
        before = text[max(a, m.start() - 40):m.start()].split()
        if before and is_function_word(before[-1]):
            continue
        if fold(re.split(r"[\s’']", town)[0]) in NOT_TOWNS or town.isupper():  # "Ville-Gozet" is a town
            continue
        return strip_span(text, ta, tb, ",.;")
    return None


def _area(text: str, a: int, b: int) -> Pos | None:
    """The first area the clause names (a neighbourhood, a valley, a département after "en")."""
    for m in _AREA.finditer(text, a, b):
        g = "town" if m.group("town") else "dept"
        if fold(re.split(r"[\s’'\-]", m.group(g))[0]) in NOT_TOWNS:
            continue
        return strip_span(text, m.start(g), m.end(g), ",.;")
    return None


def _figure(text: str, a: int, b: int) -> Pos | None:
    for m in _FIGURE.finditer(text, a, b):
        head = re.match(r"[\d\s  .,]+", m.group())
        if head and _YEAR.match(head.group().strip()):
            continue
        return strip_span(text, m.start(), m.end(), ",.;")
    return None


def showcased(text: str, lines: list[Line], titles: list[Pos]) -> list[Showcased]:
    """Initiatives told in running prose, with what the paragraph says of place, organiser and
    figure (the sentence before the name counts too: "À Vannes (Morbihan), LA TOURNÉE VERTE…")."""
    out: list[Showcased] = []
    for pa, pb in paragraphs(lines):
        if not _running(text, pa, pb):
            continue
        names = _names(text, pa, pb, titles)
        for i, (na, nb) in enumerate(names):
            # What belongs to this name: from the sentence or clause that names it (not before
            # the name ahead of it: "… la crèche « A », ouverte à X ; les « B » de Y, où …") to
            # the next name.
            sent = max(pa, *(text.rfind(c, pa, na) + 1 for c in ".?!;"), names[i - 1][1] if i else pa)
            stop = names[i + 1][0] if i + 1 < len(names) else pb
            place = _labelled(text, _PLACE_LABEL, nb, stop) or _place(text, sent, stop)
            organiser = _labelled(text, _RUN_BY_LABEL, nb, stop) or _organiser(text, sent, stop)
            out.append(Showcased(name=(na, nb), block=(pa, pb), place=place,
                                 organiser=organiser, figure=_figure(text, nb, stop)))
    return out
