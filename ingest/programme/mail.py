"""An e-mail's furniture around a programme sent by mail: its header blocks (De / À / Objet /
Date…, the forwarded message's own), the forward separator, and the message it replies to.

A network meeting's agenda or a convocation forwarded to a colleague reaches the page as the mail
itself. Its header's date is when the mail was sent, its subject repeats the meeting's name and
its quoted reply is an older exchange: none of these lines is a session or dates one.
"""

from __future__ import annotations

import re

from assistant.language.text import fold

from .lines import Line

# A header field: "De :", "À :", "Cc :", "Objet :", "Date :", "Envoyé :", "Pièces jointes :", and
# the English client's "From:", "To:", "Subject:", "Sent:".
_FIELD = re.compile(r"^(?:de|a|cc|cci|objet|date|envoye|pieces? jointes?|pj|repondre a|from|to|subject|sent|"
                    r"bcc|attachments?|reply-to)\s*:", re.I)
# Fields only a mail header has (a leaflet says "Date :" too, never "De :" over "À :").
_MAIL_ONLY = re.compile(r"^(?:de|a|cc|cci|envoye|from|to|sent|bcc)\s*:")
# "---------- Message transféré ----------", "-----Original Message-----", "Début du message réexpédié :".
_FORWARD = re.compile(r"^-*\s*(?:message transfere|forwarded message|original message|message d'origine|"
                      r"debut du message reexpedie)\s*:?\s*-*$")
# "Le mar. 24 févr. 2026 à 11:20, Name <address> a écrit :" over the quoted message ("> …").
_WROTE = re.compile(r"\b(?:a ecrit|wrote)\s*:\s*$")
_QUOTED = re.compile(r"^>")
_SUBJECT = re.compile(r"^(?:objet|subject)\s*:")


def _folded(ln: Line) -> str:
    return fold(ln.text).strip()


def header_lines(lines: list[Line]) -> set[int]:
    """The indices of every header block's lines: a run of field lines, two at least, one of
    them a field only mail has."""
    out: set[int] = set()
    run: list[int] = []
    for i, ln in enumerate([*lines, None]):
        if ln is not None and not ln.blank and _FIELD.match(_folded(ln)):
            run.append(i)
            continue
        if len(run) >= 2 and any(_MAIL_ONLY.match(_folded(lines[j])) for j in run):
            out.update(run)
        run = []
    return out


def subject_lines(lines: list[Line], headers: set[int]) -> set[int]:
    return {i for i in headers if _SUBJECT.match(_folded(lines[i]))}


def furniture(lines: list[Line]) -> set[int]:
    """The lines of a mail that are no part of its message: header blocks, forward separators,
    the reply line and the quoted message under it."""
    out = header_lines(lines)
    for i, ln in enumerate(lines):
        f = _folded(ln)
        if not ln.blank and (_FORWARD.match(f) or (_WROTE.search(f) and len(f) <= 200) or _QUOTED.match(ln.text)):
            out.add(i)
    return out
