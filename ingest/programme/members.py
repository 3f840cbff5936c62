"""Who sits for whom: the composition lists of a COPIL, a steering committee or a partnership,
where each line opens with an organisation and a colon and lists the people it sends.

"– Ville de X : Mme Anne ROUX, adjointe au maire ; M. Paul GAY" / "CAF du Y : Jeanne MARTIN" /
"- City of X (lead partner): Jane Doe, John Smith (project officer)". Every person listed takes
the organisation of the line, even with no function of their own; a bracket after a name there is
what they do ("(communication officer)", "(secrétariat du comité)"), not another organisation.

And the attendance lists of a meeting's minutes or agenda: a label that says how people attend
("Présent·e·s :", "Excusé·e·s :", "PARTICIPANT·E·S (inscrit·e·s au …)"), then one person a line,
name first: "- Anne ROUX – CAF du Val, chargée de mission", "- M. Paul GAY (Ville de X)",
"- Jeanne Martin, directrice, CCAS de Y"; or the people on the label's own line, comma or
semicolon separated. They attend; the list says for whom, not in which session they speak.
Offsets are the document's.
"""

from __future__ import annotations

import re

from assistant.language import roles
from assistant.language.text import fold

from .kinds import kind_of
from .lines import Line, fold_keep
from .people import (
    CIVILITY,
    ORG_WORDS,
    PersonMention,
    _cut_contact_data,
    _details,
    _trim,
    is_function_word,
    looks_like_name,
    parse_names,
)

Pos = tuple[int, int]

# "Organisation (its part in the project) : names". The colon is the label's, not a time's.
_HEAD = re.compile(r"^(?P<org>[^:()]{2,80}?)\s*(?:\((?P<note>[^()]{1,60})\))?\s*:\s+(?=\S)")
# Labels that say how someone attends, not for whom: "Excusé·e·s :", "Présents :", "Invités :".
_ATTENDANCE = re.compile(r"^(?:excuse|present|absent|invite|membre|participant|destinataire|copie|"
                         r"apologies|attendee|member|guest)", re.IGNORECASE)


def member_lines(text: str, lines: list[Line]) -> list[PersonMention]:
    """People of the lines that open with an organisation and list whom it sends, then those of
    the attendance lists."""
    out: list[PersonMention] = []
    for i, ln in enumerate(lines):
        head = _HEAD.match(ln.text)
        if head is None or not _an_organisation(head.group("org")) or not re.search(r"[a-zà-ÿ]", ln.text):
            continue  # a line all in capitals is a heading ("THÈME : TITRE"), not a list
        end = ln.end
        j = i
        # "… ; Julien ROUX ;" / "Paul GAY" or "…, directeur général adjoint des" / "solidarités":
        # the list goes on while a line ends mid-list or the next one starts in lower case.
        while j + 1 < len(lines) and not lines[j + 1].blank and not lines[j + 1].bullet and (
                lines[j].text.rstrip().endswith((",", ";")) or lines[j + 1].text[:1].islower()):
            if _HEAD.match(lines[j + 1].text) and not lines[j].text.rstrip().endswith((",", ";")):
                break
            j += 1
            end = lines[j].end
        rest = ln.start + head.end()
        found = parse_names(text, a=rest, b=end)
        if not found or found[0].chunk[0] != rest:
            continue  # "Lieu : Maison des …", "Point 2 : Bilan …": no one listed
        org = _trim(text, ln.start + head.start("org"), ln.start + head.end("org"))
        for m in found:
            out.append(PersonMention(name=m.name, function=m.function or m.affiliation, affiliation=org,
                                     chunk=m.chunk))
    return out + attendance(text, lines) + contact_block(text, lines)


def _an_organisation(label: str) -> bool:
    """A label that names an organisation: a kind of organisation ("Préfecture de …", "Union
    départementale …"), an acronym ("CAF", "DDETS de …"), or two capitalised words ("France
    Services", "City of X"); not a role, a session kind, a function or an attendance word."""
    label = label.strip()
    words = label.split()
    if not words or not label[:1].isupper() or re.search(r"\d", label):
        return False
    if roles.role_of_label(label) is not None or kind_of(label) is not None:
        return False
    if _ATTENDANCE.match(fold(label)) or is_function_word(words[0]):
        return False
    folded = {fold(w).strip(".,’'").lower() for w in re.split(r"[\s’'-]+", label)}
    capitals = [w for w in words if w[:1].isupper()]
    return bool(folded & ORG_WORDS) or any(re.fullmatch(r"[A-ZÀ-Ý]{2,}\w*", w) for w in words) or len(capitals) >= 2


# The label of an attendance list, folded: "présent·e·s", "excusés", "absents excusés", "étaient
# présents", "liste des participants", "participant·e·s (inscrit·e·s au 26/02)", "apologies".
_ATTENDANCE_LABEL = re.compile(
    r"^(?:(?:liste des|etaient|sont|absents?)\s+)?(?:excuse|present|participant|attendee|apologies|attending)"
    r"[\w·.•\-]*\s*(?:\([^()]*\))?\s*(?::\s*|$)")
# Between a name and what it does in a list entry: "Anne ROUX – CAF du Val".
_DASH = re.compile(r"\s+[–—-]\s+")


def attendance(text: str, lines: list[Line]) -> list[PersonMention]:
    """People of the attendance lists: the label's own line, then the entries below it (after
    blank lines right under a heading), one a line, until a blank line closes the list."""
    out: list[PersonMention] = []
    for i, ln in enumerate(lines):
        label = _ATTENDANCE_LABEL.match(fold_keep(ln.text)) if not ln.blank and not ln.bullet else None
        if label is None:
            continue
        if label.end() < len(ln.text):
            out += parse_names(text, a=ln.start + label.end(), b=ln.end)
            continue
        j = i + 1
        while j < len(lines) and lines[j].blank:
            j += 1
        for a, b in _entries(lines, j):
            found = _entry(text, a, b)
            if found is not None:
                out.append(found)
    return out


def _entries(lines: list[Line], j: int) -> list[tuple[int, int]]:
    """The entries of a list that starts at line `j`: a bullet or a line at the list's margin
    opens one; a line further in, or one in lower case, goes on with it ("- Anne ROUX – service
    départemental à la jeunesse," / "  à l'engagement et aux sports)")."""
    out: list[tuple[int, int]] = []
    margin = lines[j].indent if j < len(lines) else 0
    while j < len(lines) and not lines[j].blank:
        ln = lines[j]
        if _ATTENDANCE_LABEL.match(fold_keep(ln.text)) or ln.text.rstrip().endswith(":"):
            break  # the next list ("Excusé·e·s :") or another heading
        opens = ln.bullet or (ln.indent <= margin and not ln.text[:1].islower())
        if out and not opens:
            out[-1] = (out[-1][0], ln.end)
        else:
            out.append((ln.start, ln.end))
        j += 1
    return out


def _entry(text: str, a: int, b: int) -> PersonMention | None:
    """One person of an attendance list, name first: after a dash what follows is where they
    work, then what they do ("Anne ROUX – CAF du Val, chargée de mission"); otherwise as in any
    list of names ("M. Paul GAY (Ville de X)", "Jeanne Martin, directrice, CCAS de Y")."""
    head = _HEAD.match(text[a:b])
    if head and _an_organisation(head.group("org")):
        return None  # "- City of X: Jane Doe": a composition line, read above
    civ = CIVILITY.match(text, a)
    start = civ.end() if civ else a
    dash = _DASH.search(text, start, b)
    if dash is not None and looks_like_name(text[start:dash.start()]):
        fn, aff = _details(text, dash.end(), b)
        return PersonMention(name=_trim(text, start, dash.start()), function=fn, affiliation=aff, chunk=(a, b))
    found = parse_names(text, a=a, b=b, one=True)
    if not found or found[0].name[0] > start:
        return None  # not a person's line ("Les Points Jeunes de X n'ont pas répondu")
    return found[0]


# A contact block's heading, folded: "Contacts", "CONTACT", "Vos contacts", "Contacts utiles".
_CONTACTS = re.compile(r"^(?:vos\s+|nos\s+)?contacts?(?:\s+utiles)?\s*:?$")
# "What they are the contact for : " at the head of a contact line.
_FOR = re.compile(r"^(?P<label>[^:\d]{2,40}?)\s*:\s+(?=\S)")


def contact_block(text: str, lines: list[Line]) -> list[PersonMention]:
    """People of a contact block: each line under the heading that opens with a label and a
    colon, then a name; a line that ends on a comma goes on below ("…: Anne Roux," / "Collectif
    X"). The phone and e-mail lines are no one's name."""
    out: list[PersonMention] = []
    for i, ln in enumerate(lines):
        if ln.blank or not _CONTACTS.match(fold_keep(ln.text)):
            continue
        j = i + 1
        while j < len(lines) and lines[j].blank:
            j += 1
        while j < len(lines) and not lines[j].blank:
            ln2 = lines[j]
            head = _FOR.match(ln2.text)
            end = ln2.end
            while head and text[ln2.start:end].rstrip().endswith(",") and j + 1 < len(lines) and not lines[j + 1].blank:
                j += 1
                end = lines[j].end
            j += 1
            if head is None:
                continue
            a = ln2.start + head.end()
            found = parse_names(text, a=a, b=_cut_contact_data(text, a, end), one=True)
            if found and found[0].name[0] == a:
                out.append(found[0])
    return out
