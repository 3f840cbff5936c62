"""Words that say a value is not known yet ("date à confirmer", "salle à préciser", "TBC"): the
value stays null and the answer says so; such a line is never the value itself."""

from __future__ import annotations

import re

from assistant.language.text import fold

# On folded text (no accents, lower case).
PENDING = (r"a\s+(?:confirmer|preciser|definir|venir)|(?:precise|communique|indique|annonce)e?s?\s+ulterieurement"
           r"|tbc|to\s+be\s+(?:confirmed|announced)|tba")
_PENDING = re.compile(rf"\b(?:{PENDING})\b")


def only_pending(what: str) -> re.Pattern[str]:
    """A whole line that only says `what` (a folded alternation: "dates?|jour") is pending:
    "(salle à confirmer)", "Date à préciser", "Room TBC". Match it against folded text."""
    return re.compile(rf"^\W*(?:(?:{what})\s+)?(?:{PENDING})\W*$")


def pending(text: str) -> bool:
    """The text says something is still to be confirmed."""
    return bool(_PENDING.search(fold(text)))
