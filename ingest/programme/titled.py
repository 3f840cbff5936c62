"""Initiatives a session's title names, as ordres du jour and programmes present local projects:

- the quoted name opens the title and the rest reports on it or says what it is ("« X » : bilan
  de la première année", "« X », épicerie solidaire itinérante");
- a lead-in shows it ("Visite du tiers-lieu « X »", "Présentation : « X », …", "Retour
  d'expérience : X", "Zoom sur X", "Partner spotlight: « X »", "Study visit: « X », Town");
- an unquoted proper name reported on ("Le Bus-Atelier : bilan de la première année");
- a sub-point of an item that announces initiatives ("3. Deux initiatives locales …" over
  "3.1 …", "3.2 …").

Who runs it is what the session's block says ("Gérée par l'association X") or else the
organisation of the person who presents it (the line under the title); where it runs is the
town after the name or the title's "à Town", the block's "à Town", or else the town closing the
presenter's line ("…, centre social X, Town").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.language.kinds import session_kind_of
from assistant.language.text import fold

from .lines import strip_span
from .people import PersonMention
from .showcase import NOT_TOWNS, _at_town, _organiser

Pos = tuple[int, int]

# Things a programme showcases (what the quote or the name is), in the singular or plural.
KIND_NOUNS = (
    r"(?:tiers[- ]lieux?|[ée]piceries?(?:\s+solidaires?)?|jardins?(?:\s+partag[ée]s?)?|dispositifs?|projets?"
    r"|programmes?|habitats?\s+inclusifs?|pensions?\s+de\s+famille|maisons?[- ]relais|r[ée]sidences?"
    r"|plate-?formes?|garages?(?:\s+solidaires?)?|bus|camions?|chantiers?(?:\s+d['’]insertion)?|fermes?"
    r"|caf[ée]s?(?:\s+associatifs?|\s+solidaires?)?|recycleries?|ressourceries?|cr[èe]ches?|haltes?"
    r"|accueils?\s+de\s+jour|lieux?|services?|r[ée]seaux?|actions?|exp[ée]rimentations?|d[ée]marches?"
    r"|initiatives?|op[ée]rations?|permanences?|auto-[ée]coles?(?:\s+sociales?)?|colocations?"
    r"|entreprises?(?:\s+adapt[ée]es?|\s+d['’]insertion)?|coop[ée]ratives?|associations?|guichets?)"
)
# What a title says of a project under review, after its name.
_REPORT = (r"(?:(?:premier|premiers|un)\s+)?(?:bilans?|retours?\s+d['’]exp[ée]rience|points?\s+d['’][ée]tape"
           r"|pr[ée]sentation|r[ée]sultats|[ée]valuation|lancement|[ée]tat\s+des\s+lieux|\d+\s+ans|un\s+an)\b")
# Words that show a local project in a title, before its name.
_LEAD = (r"(?:visite|pr[ée]sentation|retours?\s+d['’]exp[ée]rience|retour\s+sur|zoom\s+sur|focus(?:\s+sur)?"
         r"|t[ée]moignages?|d[ée]couverte|[àa]\s+la\s+d[ée]couverte|[àa]\s+d[ée]couvrir|partner\s+spotlight"
         r"|spotlight|study\s+visit|site\s+visit|field\s+visit)")
_OF = r"(?:\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’]|of(?:\s+the)?))?"
_ART = r"(?:(?:le|la|les|l['’]|the)\s*)?"
_QUOTE = re.compile(r"[«“]\s*(?P<q>[^«»“”]{2,80}?)\s*[»”]")
_SEP = re.compile(r"\s*(?:[:,]|[–—]|\s-\s)\s*")
# "à Town" or ", Town" closing the title: where the showcased project runs.
_TOWN = r"[A-ZÀ-Ý][\w’'\-]+(?:[\s\-](?:[A-ZÀ-Ý][\w’'\-]+|sur|sous|en|de|du|la|le|lès|les|d['’][A-ZÀ-Ý][\w’'\-]+))*"
_END_TOWN = re.compile(rf",\s*(?P<t>{_TOWN})\s*$")
# An item that announces initiatives ("3. Deux initiatives locales pour …", "Retours d'expérience").
_ANNOUNCES = re.compile(r"\b(?:initiatives|exp[ée]riences|projets|actions\s+locales|dispositifs|r[ée]alisations)\b",
                        re.I)
_NUMBER = re.compile(r"^\s*(?P<n>\d{1,2})(?:\.(?P<sub>\d{1,2}))?[.)]?\s+")
# A presenter is not the session's chair nor its witness.
_NOT_PRESENTING = {"animateur", "moderateur", "president", "grand temoin", "rapporteur", "contact"}
MAX_NAME_WORDS = 7


@dataclass(frozen=True)
class TitledSession:
    title: Pos
    block: Pos
    speakers: list[tuple[PersonMention, str | None]] = field(default_factory=list)


@dataclass(frozen=True)
class Found:
    name: Pos
    block: Pos
    place: Pos | None
    organiser: Pos | None


def _name_words(s: str) -> int:
    return len(re.findall(r"[\w’'\-]+", s))


def _proper(s: str) -> bool:
    """A proper name: after an article, a capitalised word ("Le Bus-Atelier"), or a capital inside
    a word ("Répar'Num"), not a session kind ("Atelier 2")."""
    if session_kind_of(s) is not None:
        return False
    words = s.split()
    if not words:
        return False
    if fold(words[0]).rstrip("'’") in {"le", "la", "les", "l"} and len(words) > 1:
        return words[1][:1].isupper()
    if re.match(r"^[lL]['’][A-ZÀ-Ý]", words[0]):
        return True
    return any(re.search(r"\w[A-ZÀ-Ý]", w) for w in words)


def _in_title(text: str, ta: int, tb: int) -> Pos | None:
    """The initiative's name inside a session's title, if the title shows one."""
    title = text[ta:tb]
    q = _QUOTE.search(title)
    if q is not None:
        qa, qb = ta + q.start("q"), ta + q.end("q")
        if _name_words(q.group("q")) > MAX_NAME_WORDS:
            return None
        before, after = title[: q.start()], title[q.end():]
        if not before.strip():
            sep = _SEP.match(after)
            rest = after[sep.end():] if sep and after.strip() else ""
            if re.match(rf"(?i){_ART}(?:une?\s+)?(?:{_REPORT}|{KIND_NOUNS}\b)", rest):
                return qa, qb
            return None
        if re.search(rf"(?i)(?:^|\b){_LEAD}\s*:?{_OF}\s*(?:{_ART}{KIND_NOUNS})?\s*:?\s*$", before):
            return qa, qb
        return None
    # Unquoted: "Retour d'expérience : Le Panier du Mardi", "Le Bus-Atelier : bilan …".
    m = re.match(rf"(?i)\s*{_LEAD}\s*:?{_OF}\s*(?:{_ART}{KIND_NOUNS}\s+)?", title)
    if m is not None and m.end() < len(title):
        rest = title[m.end():]
        cut = re.search(r"\s*(?:[:,(]|[–—]|\s-\s)", rest)
        name = rest[: cut.start()] if cut else rest.rstrip()
        if name[:1].isupper() and _name_words(name) <= MAX_NAME_WORDS and _proper(name):
            return strip_span(text, ta + m.end(), ta + m.end() + len(name))
        return None
    m = re.match(rf"\s*(?P<n>[^:]{{2,60}}?)\s*:\s*{_REPORT}", title, re.I)
    if m is not None and _name_words(m["n"]) <= 4 and _proper(m["n"]):
        return ta + m.start("n"), ta + m.end("n")
    return None


def _announced(text: str, ta: int) -> bool:
    """A sub-point ("3.2 …") of an item that announces initiatives ("3. Deux initiatives …")."""
    line_a = text.rfind("\n", 0, ta) + 1
    m = _NUMBER.match(text[line_a:ta + 1])
    if m is None or m["sub"] is None:
        return False
    head = re.compile(rf"^\s*{m['n']}[.)]?\s+(?P<t>.+)$", re.M)
    parent = None
    for p in head.finditer(text, 0, line_a):
        parent = p
    return parent is not None and _ANNOUNCES.search(parent["t"]) is not None


def _sub_point_name(text: str, ta: int, tb: int) -> Pos | None:
    title = text[ta:tb]
    q = _QUOTE.search(title)
    if q is not None:
        return ta + q.start("q"), ta + q.end("q")
    cut = re.search(r"\s*(?:[:,(]|[–—]|\s-\s)", title)
    name = title[: cut.start()] if cut else title
    if not name[:1].isupper() or _name_words(name) > MAX_NAME_WORDS:
        return None
    return strip_span(text, ta, ta + len(name))


def _place_in_title(text: str, name: Pos, tb: int) -> Pos | None:
    after = text[name[1]:tb]
    if (m := _END_TOWN.search(after)) is not None and fold(m["t"].split()[0]) not in NOT_TOWNS:
        return strip_span(text, name[1] + m.start("t"), name[1] + m.end("t"))
    return _at_town(text, name[1], tb)


def _presenter(text: str, speakers: list[tuple[PersonMention, str | None]]) -> PersonMention | None:
    for m, role in speakers:
        if m.affiliation is not None and fold(role or "") not in _NOT_PRESENTING:
            return m
    return None


def _town_after(text: str, aff: Pos) -> Pos | None:
    """The town closing a presenter's line after the organisation ("…, centre social X, Town")."""
    line_b = text.find("\n", aff[1])
    rest = text[aff[1]:line_b if line_b >= 0 else len(text)]
    m = re.match(rf"\s*,\s*(?P<t>{_TOWN})\s*$", rest)
    if m is None or fold(m["t"].split()[0]) in NOT_TOWNS:
        return None
    return strip_span(text, aff[1] + m.start("t"), aff[1] + m.end("t"))


def titled(text: str, sessions: list[TitledSession]) -> list[Found]:
    out: list[Found] = []
    for s in sessions:
        ta, tb = s.title
        name = _in_title(text, ta, tb)
        if name is None and _announced(text, ta):
            name = _sub_point_name(text, ta, tb)
        if name is None:
            continue
        # What the item says of it: its lines up to the first blank line (the last item's block
        # may run on to the page's practical notes and next meetings).
        end = max(tb, s.block[1])
        if (gap := re.search(r"\n[ \t]*\n", text[tb:end])) is not None:
            end = tb + gap.start()
        body = (max(tb, s.block[0]), end)
        presenter = _presenter(text, s.speakers)
        organiser = _organiser(text, *body) or (presenter.affiliation if presenter else None)
        # The item's own "à Town" says where the project runs; the presenter's town where her
        # organisation sits, which is only the next best.
        place = _place_in_title(text, name, tb) or _at_town(text, *body)
        if place is None and presenter is not None and presenter.affiliation is not None:
            place = _town_after(text, presenter.affiliation)
        out.append(Found(name=name, block=(ta, max(tb, s.block[1])), place=place, organiser=organiser))
    return out
