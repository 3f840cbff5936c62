"""Who sits for whom: the composition lists of a COPIL, a steering committee or a partnership,
where each line opens with an organisation and a colon and lists the people it sends.

"– Ville de X : Mme Anne ROUX, adjointe au maire ; M. Paul GAY" / "CAF du Y : Jeanne MARTIN" /
"- City of X (lead partner): Jane Doe, John Smith (project officer)". Every person listed takes
the organisation of the line, even with no function of their own; a bracket after a name there is
what they do ("(communication officer)", "(secrétariat du comité)"), not another organisation.
Offsets are the document's.
"""

from __future__ import annotations

import re

from assistant.language import roles
from assistant.language.text import fold

from .kinds import kind_of
from .lines import Line
from .people import ORG_WORDS, PersonMention, _trim, is_function_word, parse_names

Pos = tuple[int, int]

# "Organisation (its part in the project) : names". The colon is the label's, not a time's.
_HEAD = re.compile(r"^(?P<org>[^:()]{2,80}?)\s*(?:\((?P<note>[^()]{1,60})\))?\s*:\s+(?=\S)")
# Labels that say how someone attends, not for whom: "Excusé·e·s :", "Présents :", "Invités :".
_ATTENDANCE = re.compile(r"^(?:excuse|present|absent|invite|membre|participant|destinataire|copie|"
                         r"apologies|attendee|member|guest)", re.IGNORECASE)


def member_lines(text: str, lines: list[Line]) -> list[PersonMention]:
    """People of the lines that open with an organisation and list whom it sends."""
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
    return out


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
