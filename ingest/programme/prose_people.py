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

from assistant.language.text import fold

from .lines import Line
from .people import CIVILITY, FUNCTION_WORDS, NAME_RE, PersonMention, _details, looks_like_name

Pos = tuple[int, int]
_WORD = r"[A-ZÀ-Ý][\w’'\-]*"
_PARTICLE = r"(?:de|du|des|d[’']|le|la|van|von|da|di|ben|el)"
# A name: two to four capitalised words, particles allowed inside ("Hanna de Vries").
_NAME = re.compile(rf"{_WORD}(?:\s+(?:{_PARTICLE}\s*)?{_WORD}){{1,3}}")
# Where the clause that describes a person ends: a full stop, a semicolon, a verb that starts the
# sentence's predicate ("a présenté", "a résumé", "presented"), a parenthesis that closes.
_CLAUSE_END = re.compile(r"[.;:!?]\s|[.;!?]$|\)|\s(?:a|ont|avait|qui|et|a\s+pr[ée]sent[ée]|"
                         r"has|have|who|presented|said|and)\s")
_FUNCTION_AFTER = re.compile(r",\s+(?P<w>[a-zà-ÿ][\w\-’']*)")
# "sa présidente, Gwenaëlle LE BIHAN", "son cofondateur, Yann KERHERVÉ": the function first.
_FUNCTION_BEFORE = re.compile(r"\b(?:son|sa|leur|ses|le|la|its|their)\s+(?P<w>[a-zà-ÿ][\w\-’']*)(?:\s+[a-zà-ÿ][\w\-’']*){0,3}"
                              r",\s+(?=[A-ZÀ-Ý])")


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
        for name, before in _names(ln.text):
            end = _clause_end(ln.text, name[1])
            if end == len(ln.text) and nxt is not None:
                end = _clause_end(whole, name[1])
            function, affiliation = _details(whole, name[1], end)
            function = function or before
            out.append(PersonMention(
                name=(ln.start + name[0], ln.start + name[1]),
                function=(ln.start + function[0], ln.start + function[1]) if function else None,
                affiliation=(ln.start + affiliation[0], ln.start + affiliation[1]) if affiliation else None,
                chunk=(ln.start + name[0], ln.start + end),
            ))
    return out


def _names(s: str) -> list[tuple[Pos, Pos | None]]:
    """Names in a line, each with the function written before it when that is how it comes."""
    found: list[Pos] = []
    before: dict[Pos, Pos] = {}
    for civ in CIVILITY.finditer(s):
        m = _NAME.match(s, civ.end())
        if m and looks_like_name(m.group()):
            found.append((m.start(), m.end()))
    for m in _NAME.finditer(s):
        if _then_function(s, m) and not any(a < m.end() and m.start() < b for a, b in found):
            found.append((m.start(), m.end()))
    for f in _FUNCTION_BEFORE.finditer(s):
        m = _NAME.match(s, f.end())
        if (m and fold(f.group("w")).lower() in FUNCTION_WORDS and looks_like_name(m.group())
                and not any(a < m.end() and m.start() < b for a, b in found)):
            found.append((m.start(), m.end()))
            before[(m.start(), m.end())] = (f.start("w"), f.end("w"))
    return [(name, before.get(name)) for name in found]


def _then_function(s: str, m: re.Match[str]) -> bool:
    """The name `m` is followed by a comma and a function word ("Anne Martin, directrice …")."""
    after = _FUNCTION_AFTER.match(s, m.end())
    return (after is not None and fold(after.group("w")).lower() in FUNCTION_WORDS
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
    m = _CLAUSE_END.search(s, start)
    return m.start() if m else len(s)
