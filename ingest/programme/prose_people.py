"""People a programme or a report names in running text, not in a role line: "Ouvert par M. Denis
Lemarchand, vice-président de la Région", "autour du Dr Anne Caradec, médecin nutritionniste",
"Thierry Osmont, directeur de l'UDAF 50, a présenté…", "Presented by Pieter Van Damme, financial
officer, City of Ghent".

Two signals of the genre, nothing else: a civility before a capitalised name, or a "Prénom Nom"
followed by a comma and a function word (directeur, chargée, présidente…). What follows the name
up to the end of its clause gives the function and the organisation, as in role lines. Offsets are
the document's.
"""

from __future__ import annotations

import re

from .lines import Line
from .people import (
    CIVILITY,
    NAME_RE,
    PersonMention,
    _cut_contact_data,
    _details,
    is_function_word,
    looks_like_name,
)

Pos = tuple[int, int]
_WORD = r"[A-ZÀ-Ý][\w’'\-]*"
_PARTICLE = r"(?:de|du|des|d[’']|le|la|van|von|da|di|ben|el)"
# A name: two to four capitalised words, particles allowed inside ("Hanna de Vries").
_NAME = re.compile(rf"{_WORD}(?:\s+(?:{_PARTICLE}\s*)?{_WORD}){{1,3}}")
# Where the clause that describes a person ends: a full stop, a semicolon, a verb that starts the
# sentence's predicate ("a présenté", "a résumé", "presented"), a parenthesis that closes.
_CLAUSE_END = re.compile(r"[.;:!?]\s|[.;!?]$|\)|\s(?:a|ont|avait|est|sont|[ée]tait|qui|et|a\s+pr[ée]sent[ée]|"
                         r"has|have|is|was|who|presented|said|and)\s")
# "Anne Roux (Ville de X), …": the name's own brackets do not end its clause.
_OWN_BRACKETS = re.compile(r"\s*\([^()]*\)")
# "Anne Martin, directrice …", "Paul Roux, ancien maire …": a comma, then the function.
_FUNCTION_AFTER = re.compile(r",\s+(?:(?:ancien|ancienne|ex|former)[\s\-]+)?(?P<w>[a-zà-ÿ][\w\-’']*)")
# "Sa présidente, Jeanne ROUX", "son cofondateur, Paul GAY": the function first, then a comma;
# "la journaliste Jeanne Roux", "l’architecte Paul Gay": an article, the function, the name.
_FUNCTION_BEFORE = re.compile(r"\b(?i:son|sa|leur|ses|le|la|its|their)\s+(?P<w>[a-zà-ÿ][\w\-’']*)(?:\s+[a-zà-ÿ][\w\-’']*){0,3}"
                              r",\s+(?=[A-ZÀ-Ý])"
                              r"|\b(?i:le|la|l[’'])\s*(?P<t>[a-zà-ÿ][\w\-’']*)\s+(?=[A-ZÀ-Ý])")
# A participle of the genre that hands a session to someone: "animée par", "modéré par",
# "présenté par", "presented by"; the name follows, perhaps after its function ("par la
# journaliste …"). Further people of the same clause follow after "et".
_LED_BY = re.compile(r"\b(?i:anim[ée]e?s?|mod[ée]r[ée]e?s?|pr[ée]sent[ée]e?s?|conduite?s?|introduite?s?|"
                     r"ouverte?s?|cl[ôo]tur[ée]e?s?|guid[ée]e?s?|restitution\s+des\s+\w+|"
                     r"presented|moderated|guided|chaired|led|hosted|facilitated|speech|talk|address)"
                     r"\s+(?i:par|by)\s+")
_AND_NEXT = re.compile(r",?\s+et\s+|,?\s+and\s+")


def prose_people(text: str, lines: list[Line]) -> list[PersonMention]:
    """People named in running text, every time they are named: the same official may open one
    event of a programme ("Ouverture par Mme …") and close another ("Clôture par Mme …"); the
    caller keeps one mention per person and session."""
    out: list[PersonMention] = []
    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        # A clause wrapped onto the next line reads on: "Anne MARTIN, directrice du" /
        # "CCAS de Villeneuve, …". The names are the ones this line starts.
        nxt = lines[i + 1] if i + 1 < len(lines) and not lines[i + 1].blank else None
        whole = text[ln.start:nxt.end] if nxt is not None else ln.text
        # A name may wrap too ("… ; Erwan" / "GUILLOU, encadrant …"): it is read in both lines
        # and belongs to the line it starts on.
        for name, before, titled in _names(whole):
            if name[0] >= len(ln.text):
                continue
            if name[1] > len(ln.text) and len(ln.text[name[0]:].split()) > 1:
                # "… Pr Jeanne ROUX" over "Rapporteur : …": a whole name, then the next line.
                name = (name[0], len(ln.text.rstrip()))
            end = _clause_end(ln.text, name[1])
            if end >= len(ln.text) and nxt is not None:
                end = _clause_end(whole, name[1])
            end = _cut_contact_data(whole, name[1], end)  # "…, assistante – 02 … – x@y.fr"
            function, affiliation = _details(whole, name[1], end)
            # "la journaliste Anne Roux (…), réunissait …": the title before the name is her
            # function; what follows her clause may be the sentence's verb.
            function = before if titled else function or before
            out.append(PersonMention(
                name=(ln.start + name[0], ln.start + name[1]),
                function=(ln.start + function[0], ln.start + function[1]) if function else None,
                affiliation=(ln.start + affiliation[0], ln.start + affiliation[1]) if affiliation else None,
                chunk=(ln.start + name[0], ln.start + end),
            ))
    return out


def _names(s: str) -> list[tuple[Pos, Pos | None, bool]]:
    """Names in a line, each with the function written before it when that is how it comes, and
    whether that function is a title the name follows without a comma ("la journaliste X")."""
    found: list[Pos] = []
    before: dict[Pos, Pos] = {}
    titled: set[Pos] = set()
    for civ in CIVILITY.finditer(s):
        m = _NAME.match(s, civ.end())
        if m and looks_like_name(m.group()):
            found.append((m.start(), m.end()))
    for m in _NAME.finditer(s):
        if _then_function(s, m) and not any(a < m.end() and m.start() < b for a, b in found):
            # "Avec Claire X, sociologue…": the role word run into the name, without its colon,
            # is no part of it.
            lead = _LEAD_WORD.match(m.group())
            found.append((m.start() + (lead.end() if lead else 0), m.end()))
    for f in _FUNCTION_BEFORE.finditer(s):
        w = "w" if f.group("w") else "t"
        m = _NAME.match(s, f.end())
        if (m and is_function_word(f.group(w)) and looks_like_name(m.group())
                and not any(a < m.end() and m.start() < b for a, b in found)):
            found.append((m.start(), m.end()))
            before[(m.start(), m.end())] = (f.start(w), f.end(w))
            if w == "t":
                titled.add((m.start(), m.end()))
    for name, fn in _led_by(s):
        if not any(a < name[1] and name[0] < b for a, b in found):
            found.append(name)
            if fn is not None:
                before[name] = fn
                titled.add(name)
    return [(name, before.get(name), name in titled) for name in sorted(found)]


_LEAD_WORD = re.compile(r"(?:Avec|With|Par)\s+(?=\S+\s+\S)")


def _led_by(s: str) -> list[tuple[Pos, Pos | None]]:
    """Names after "animé par", "presented by" (a civility, or an article and a function, allowed
    before them: "par la journaliste …"), each with that function, and the ones joined to them
    by "et" in the same clause."""
    out: list[tuple[Pos, Pos | None]] = []
    for led in _LED_BY.finditer(s):
        at = led.end()
        while True:
            fn = None
            civ = CIVILITY.match(s, at)
            f = _FUNCTION_BEFORE.match(s, at)
            if civ:
                at = civ.end()
            elif f and f.group("t") and is_function_word(f.group("t")):
                at, fn = f.end(), (f.start("t"), f.end("t"))
            m = _NAME.match(s, at)
            if m is None or not looks_like_name(m.group()):
                break
            out.append(((m.start(), m.end()), fn))
            # "…, et Yann BOUDET, preneur de son": the next one, past this one's details. A name
            # after "and" that closes the clause ("… for Participation and Local Democracy.") is
            # the end of a function, not a person.
            end = _clause_end(s, m.end())
            nxt = _AND_NEXT.search(s, m.end(), min(len(s), end + 6))
            if nxt is None or not re.match(rf"(?:{CIVILITY.pattern})?{_NAME.pattern}\s*[,(]", s[nxt.end():]):
                break
            at = nxt.end()
    return out


def _then_function(s: str, m: re.Match[str]) -> bool:
    """The name `m` is followed by a comma and a function word ("Anne Martin, directrice …")."""
    after = _FUNCTION_AFTER.match(s, m.end())
    return (after is not None and is_function_word(after.group("w"))
            and NAME_RE.match(m.group()) is not None and not CIVILITY.match(m.group())
            and looks_like_name(m.group()))


def names_a_person(text: str, at: int) -> bool:
    """What starts at `at` names a person the way running text does: a civility, or a name then a
    comma and a function ("animé par Karim Oulmi, formateur…")."""
    if CIVILITY.match(text, at):
        return True
    m = _NAME.match(text, at)
    return m is not None and _then_function(text, m)


def _clause_end(s: str, start: int) -> int:
    own = _OWN_BRACKETS.match(s, start)
    m = _CLAUSE_END.search(s, own.end() if own else start)
    return m.start() if m else len(s)
