"""Named initiatives: "Par exemple :" bullet lists and proper names introduced in prose.

Prose signals: "X est une plate-forme / un dispositif …", "l'expérimentation X (…)", "l'approche X",
"Name Of Thing (NOT)" whose initials give the acronym, "le Pacte / Plan / Programme …" in the middle
of a sentence. Who runs it: "Créée par …, X", "(avec l'association …)", "porté par …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.language.text import fold, tokens

from .lines import Line, strip_span
from .showcase import NOT_TOWNS, showcased
from .stands import stands
from .titled import TitledSession, titled

Pos = tuple[int, int]
_CAPW = r"[A-ZÀ-Ý][\w'’\-]*"
_PREP = r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])"
TERRITORY = re.compile(
    rf"\b(?P<head>(?:[Ll]a\s+|[Ll]e\s+|[Ll]es\s+)?(?:[Vv]ille|[Cc]ommune|[Cc]ommunauté(?:\s+de\s+communes"
    rf"|\s+d['’]agglomération|\s+urbaine)?|[Mm]étropole|[Dd]épartement|[Cc]onseils?\s+(?:général|généraux"
    rf"|départementa(?:l|ux)|régiona(?:l|ux))|[Rr]égion|[Cc]anton|[Aa]gglomération))\s+{_PREP}?"
    rf"(?P<p>{_CAPW}(?:[\s\-]{_CAPW})*(?:\s+et\s+(?:(?:celui|celle|ceux|celles)\s+)?{_PREP}?{_CAPW})?)"
)
_EXAMPLES = re.compile(
    r"^(?:par exemple|exemples?|quelques exemples|parmi les exemples|illustrations?)\b.*:?$"
)
_QUOTED = re.compile(r"[«“]\s*(?P<t>[^»”]+?)\s*[»”]")
_ORGANISER = re.compile(
    r"\(avec\s+(?:l['’]|la\s+|le\s+)?(?P<a>[^)]+)\)"
    r"|\b(?:[Cc]réée?s?|[Mm]ise?s? en place|[Pp]ortée?s?|[Ll]ancée?s?|[Ii]nitiée?s?|[Dd]éveloppée?s?"
    r"|[Pp]ilotée?s?|[Cc]onçue?s?)\s+par\s+(?P<b>[^,;.()]+)"
)
_IS_A = re.compile(
    rf"(?P<name>{_CAPW}(?:\s+{_CAPW}){{0,3}})\s+est\s+(?:ainsi\s+|pour sa part\s+|aussi\s+|également\s+"
    r"|donc\s+|notamment\s+|d['’]abord\s+)?(?:une?|le|la)\s+(?:plate-?forme|dispositif|initiative"
    r"|programme|projet|expérimentation|réseau|démarche|outil|opération|action)\b"
)
_KW_NAME = re.compile(
    r"\b(?:[Ll]['’]|[Ll]e\s+|[Ll]a\s+|[Uu]ne?\s+|[Dd]u\s+)(?:expérimentation|dispositif|programme|projet"
    r"|plate-?forme|initiative|démarche|approche|opération|label)\s+(?=[A-ZÀ-Ý])"
)
_ACRONYM = re.compile(r"\(\s*(?:[ld]['’])?(?P<acr>[A-Z]{2,7})\s*\)")
_CAP_KW = re.compile(
    r"(?<=[a-zà-ÿ]\s)(?:Pacte|Plan|Programme|Contrat|Projet|Dispositif|Fonds|Stratégie|Charte|Label)\s+"
)
_NOT_NAMES = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "il",
        "elle",
        "ils",
        "elles",
        "ce",
        "cette",
        "cet",
        "ces",
        "un",
        "une",
        "on",
        "c",
        "qui",
        "dont",
        "son",
        "sa",
        "ses",
        "leur",
        "notre",
        "votre",
        "il",
        "y",
        "en",
        "au",
        "aux",
        "de",
        "du",
        "des",
        "et",
    ]
)
_PARTICLES = {"de", "des", "du", "a", "la", "le", "d", "l", "et"}  # folded
_STOP = {"qui", "que", "dont", "est", "sont", "a", "ont", "et", "pour", "avec", "dans", "sur", "en"}


@dataclass(frozen=True)
class Mention:
    name: Pos
    block: Pos
    place: Pos | None = None
    organiser: Pos | None = None
    description: Pos | None = None
    figure: Pos | None = None


def _sentence(text: str, ln: Line, at: int) -> Pos:
    """The sentence of line `ln` that contains offset `at`."""
    rel = at - ln.start
    a = 0
    for m in re.finditer(r"[.!?](?=\s+[A-ZÀ-Ý«“])", ln.text):
        if m.end() <= rel:
            a = m.end()
        else:
            return strip_span(text, ln.start + a, ln.start + m.end())
    return strip_span(text, ln.start + a, ln.end)


def _territory(text: str, a: int, b: int) -> Pos | None:
    m = TERRITORY.search(text, a, b)
    if not m:
        return None
    # A council is an institution: its territory is the proper name ("du Cantal" -> "Cantal").
    if fold(m["head"]).lstrip("les ").startswith("conseil"):
        return m.start("p"), m.end("p")
    return m.start(), m.end()


def _organiser(text: str, a: int, b: int) -> Pos | None:
    m = _ORGANISER.search(text, a, b)
    if not m:
        return None
    g = "a" if m["a"] else "b"
    return strip_span(text, m.start(g), m.end(g))


def from_examples(text: str, lines: list[Line]) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        f = fold(ln.text)
        if ln.blank or not _EXAMPLES.match(f) or len(f) > 80:
            i += 1
            continue
        run = []
        j = i + 1
        while j < len(lines) and (lines[j].blank or lines[j].bullet):
            if lines[j].bullet:
                run.append(lines[j])
            j += 1
        if run:
            top = min(x.indent for x in run)
            items: list[list[Line]] = []
            for x in run:
                if x.indent == top or not items:
                    items.append([x])
                else:
                    items[-1].append(x)
            out += [m for m in (_item(text, it) for it in items) if m is not None]
        i = j
    return out


# A list item naming an initiative, its town and département in brackets: "L'Épicerie du Pont
# (Vernelles, Loir-et-Cher) – camion-épicerie de l'association X : 14 communes desservies".
_NAMED_ITEM = re.compile(r"^(?P<n>[A-ZÀ-Ý«“][^()«»:]{2,60}?)\s*\((?P<p>[A-ZÀ-Ý][^,()]{1,40}?)\s*,\s*[A-ZÀ-Ý][^()]{1,40}\)")
# Who runs it, in the item's words: "de l'association X", "gérée par X", "du centre social X".
_RUN_BY = re.compile(r"\b(?:g[ée]r[ée]e?s?|port[ée]e?s?|anim[ée]e?s?|men[ée]e?s?|organis[ée]e?s?)\s+par\s+(?:l['’]association\s+)?"
                     r"(?P<a>[^,;:.()–—]+)"
                     r"|\b(?:de|d['’])\s*l['’]association\s+(?P<b>[^,;:.()–—]+?)(?=\s*(?:[,;:.()–—]|\bqui\b|\bdans\b|\binstall|$))"
                     r"|\b(?:du|de la)\s+(?P<c>(?:centre (?:social|socioculturel)|CCAS|mission locale|r[ée]gie de quartier|maison de quartier)"
                     r"\b[^,;:.()–—]*?)(?=\s*(?:[,;:.()–—]|\bqui\b|\bdont\b|$))", re.IGNORECASE)
MIN_NAMED_ITEMS = 2


def from_named_list(text: str, lines: list[Line]) -> list[Mention]:
    """A list whose items each name an initiative with its town and département in brackets (at
    least two of them): the way a page presents the initiatives it showcases, whatever heading
    it puts over them ("Forum des initiatives", "Ils agissent", none)."""
    out: list[Mention] = []
    run: list[tuple[Line, re.Match[str]]] = []

    def flush() -> None:
        if len(run) >= MIN_NAMED_ITEMS:
            for ln, m in run:
                by = _RUN_BY.search(ln.text, m.end())
                g = next((k for k in ("a", "b", "c") if by is not None and by.group(k)), None)
                out.append(Mention(
                    name=strip_span(text, ln.start + m.start("n"), ln.start + m.end("n")),
                    block=(ln.line_start, ln.end), place=(ln.start + m.start("p"), ln.start + m.end("p")),
                    organiser=strip_span(text, ln.start + by.start(g), ln.start + by.end(g)) if by and g else None))
        run.clear()

    for ln in lines:
        if ln.blank:
            continue
        m = _NAMED_ITEM.match(ln.text) if ln.bullet else None
        if m is None:
            if not (run and not ln.bullet and ln.indent > 0):  # a wrapped item goes on
                flush()
            continue
        run.append((ln, m))
    flush()
    return out


def _item(text: str, item: list[Line]) -> Mention | None:
    head, subs = item[0], item[1:]
    sub_a = subs[0].start if subs else head.end
    sub_b = subs[-1].end if subs else head.end
    q = _QUOTED.search(head.text)
    caps = re.search(r"\b[A-ZÀ-Ý]{3,}\b", head.text)
    terr = _territory(text, head.start, head.end)
    if not (q or caps or terr or subs):
        return None  # a bare topic ("Point sur …") is not a named initiative
    place = terr or (_territory(text, sub_a, sub_b) if subs else None)
    name: Pos | None = None
    if q:
        name = (head.start + q.start("t"), head.start + q.end("t"))
    else:
        sq = _QUOTED.search(text, sub_a, sub_b) if subs else None
        if sq:
            name = (sq.start("t"), sq.end("t"))
    if name is None:
        m = re.match(
            rf"^(?P<n>.+?)\s+(?:en|à|au|dans\s+l[ea']?)\s*(?P<p>{_CAPW}(?:\s+{_CAPW})*)$", head.text
        )
        if m and not terr:
            name = (head.start + m.start("n"), head.start + m.end("n"))
            place = (head.start + m.start("p"), head.start + m.end("p"))
        else:
            name = strip_span(text, head.start, head.end)
    desc = (subs[0].start, subs[0].end) if subs else None
    return Mention(
        name=name, block=(head.line_start, sub_b), place=place,
        organiser=_organiser(text, head.start, sub_b), description=desc,
    )  # fmt: skip


def _name_after(text: str, pos: int, end: int) -> Pos | None:
    """Capitalised words (particles allowed between them) starting at `pos`, up to punctuation."""
    last: int | None = None
    prev = pos
    for m in re.finditer(r"[\w'’\-]+", text[pos:end]):
        if text[prev : pos + m.start()].strip():
            break  # punctuation ends the name
        w = m.group()
        if w[0].isupper():
            last = pos + m.end()
        elif last is None or fold(w) not in _PARTICLES:
            break
        prev = pos + m.end()
    return (pos, last) if last else None


def from_prose(text: str, lines: list[Line]) -> list[Mention]:
    out: list[Mention] = []
    for ln in lines:
        if ln.blank or len(ln.text) < 60:
            continue
        s = ln.text
        for m in _IS_A.finditer(s):
            name = m.group("name")
            first = fold(name.split()[0]).strip("'")
            if first in _NOT_NAMES:
                continue
            at = ln.start + m.start("name")
            sent = _sentence(text, ln, at)
            org = _organiser(text, sent[0], at)
            place = _territory(text, org[0], org[1]) if org else None
            out.append(Mention((at, at + len(name)), sent, place, org, sent))
        for m in _KW_NAME.finditer(s):
            nm = _name_after(text, ln.start + m.end(), ln.end)
            if nm:
                sent = _sentence(text, ln, nm[0])
                out.append(Mention(nm, sent, None, _organiser(text, sent[0], sent[1]), sent))
        for m in _ACRONYM.finditer(s):
            nm = _name_before(text, ln.start, ln.start + m.start())
            if nm and _initials(text[nm[0] : nm[1]]) == m["acr"]:
                sent = _sentence(text, ln, nm[0])
                out.append(Mention(nm, sent, None, None, sent))
        for m in _CAP_KW.finditer(s):
            a = ln.start + m.start()
            b = ln.start + m.end()
            words = list(re.finditer(r"[\w'’\-]+", text[b : ln.end]))
            stop = b
            for w in words[:4]:
                if fold(w.group()) in _STOP or text[b + w.start() - 1] in ",;.:(":
                    break
                stop = b + w.end()
            if stop > b and fold(text[b:stop]).split()[-1] not in _PARTICLES:
                sent = _sentence(text, ln, a)
                out.append(Mention((a, stop), sent, None, None, sent))
    return out


def _name_before(text: str, a: int, b: int) -> Pos | None:
    words = list(re.finditer(r"[\w'’\-]+", text[a:b]))
    start = None
    for w in reversed(words):
        tok = w.group()
        core = re.sub(r"^[ldLD]['’]", "", tok)
        if core and core[0].isupper():
            start = a + w.start() + (len(tok) - len(core))
            if core != tok:
                break  # an elided article ("l'Aide") opens the name
        elif fold(tok) not in _PARTICLES:
            break
    if start is None:
        return None
    end = b
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w\-]+", name) if w[0].isupper())


_TOWN_WORD = r"[A-ZÀ-Ý][\w’'\-]+"
_TOWN_AFTER = rf"{_TOWN_WORD}(?:[\s\-](?:{_TOWN_WORD}|sur|sous|en|lès|les))*"
# Right after an initiative's name, its town: "« Le Grenier solidaire » (Épernay)", "… (Vierzon,
# Cher)", "… (Thionville, 85 apprenant·es)", "la « Maison des saisonniers » de Bourg-Saint-Maurice".
_PLACE_AFTER = re.compile(
    rf"\s*[»”\"]?\s*(?:\((?P<b>{_TOWN_AFTER}(?:,\s*{_TOWN_AFTER})?)\s*[,)]|(?:de|d['’])\s*(?P<d>{_TOWN_AFTER}))")

def place_after(text: str, name_end: int) -> Pos | None:
    """The town written right after an initiative's name, if any."""
    m = _PLACE_AFTER.match(text, name_end)
    if m is None:
        return None
    g = "b" if m.group("b") else "d"
    value = m.group(g)
    first = fold(re.split(r"[\s\-’']", value)[0])
    if first in NOT_TOWNS or (value.isupper() and len(value) <= 6):
        return None  # an organisation, a person, an acronym in brackets ("(CCAS)")
    return strip_span(text, m.start(g), m.end(g), ",.;")


def _event_own(name: str, event_titles: list[str]) -> bool:
    """The event's own name ("Semaine « X »", a newsletter's masthead, a festival's motto) is
    written again in its prose and headings: it names the event, not an initiative."""
    words = {t for t in tokens(name) if len(t) > 1}
    return bool(words) and any(words <= {t for t in tokens(title) if len(t) > 1} for title in event_titles)


def find_initiatives(text: str, lines: list[Line], *, titles: list[Pos] | None = None,
                     event_titles: list[str] | None = None,
                     sessions: list[TitledSession] | None = None) -> list[Mention]:
    """Bullet examples first (they carry place and description), then prose mentions, then
    initiatives a report showcases in running text; one per name. A programme may name an
    initiative in one place (a table cell, a list) and tell who runs it or where in another (a
    note, a paragraph): what the first mention lacks comes from the later ones."""
    found: dict[str, int] = {}
    out: list[Mention] = []
    told = [Mention(name=s.name, block=s.block, place=s.place, organiser=s.organiser, figure=s.figure)
            for s in showcased(text, lines, titles or [])]
    shown = [Mention(name=f.name, block=f.block, place=f.place, organiser=f.organiser)
             for f in titled(text, sessions or [])]
    # A stand's sheet says its own place, structure and figure: it comes first.
    sheets = [Mention(name=s.name, block=s.block, place=s.place, organiser=s.organiser, figure=s.figure,
                      description=s.description) for s in stands(text, lines)]
    for m in sheets + from_examples(text, lines) + from_named_list(text, lines) + from_prose(text, lines) + told + shown:
        # "Les Cafés du lundi" and "Cafés du lundi" are one initiative: the article is the sentence's.
        key = re.sub(r"[^a-z0-9]+", "", re.sub(r"^(?:les|le|la|l|the)\b", "", fold(text[m.name[0] : m.name[1]])))
        if not key or _event_own(text[m.name[0] : m.name[1]], event_titles or []):
            continue
        # The town in brackets right after the name is its own; one found elsewhere in the
        # paragraph may be a speaker's organisation or the next item's ("(Vierzon, Cher)" over
        # "conseiller à la Mission locale …").
        if (own := place_after(text, m.name[1])) is not None:
            m = replace(m, place=own)
        if key not in found:
            found[key] = len(out)
            out.append(m)
            continue
        first = out[found[key]]
        out[found[key]] = replace(first, place=first.place or m.place, organiser=first.organiser or m.organiser,
                                  figure=first.figure or m.figure)
    return out
