"""Roles people hold in a programme (animation, présidence, intervention, grand témoin,
rapporteur, formation, contact): the label words before names and how questions ask for them.
Data: `lexicons/roles.toml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from assistant.language.lexicon import alternation, load, word_pattern
from assistant.language.text import fold

# Inclusive writing folds to the masculine plural or singular for matching:
# "intervenant·e·s" -> "intervenants", "animateur·rice" -> "animateur", "élu·es" -> "élus".
_INCLUSIVE = re.compile(r"(?<=\w)[·.•‧∙-](?:e|es|rice|rices|trice|ice|euse)(?:[·.•‧∙-]?(s))?(?!\w)")


def uninclusive(text: str) -> str:
    """Inclusive endings removed (same purpose as folding: matching, never for display)."""
    return _INCLUSIVE.sub(lambda m: m.group(1) or "", text)


@dataclass(frozen=True)
class Role:
    id: str
    fr: str
    en: str
    label: re.Pattern[str]  # a programme label, the whole label text (folded, uninclusive)
    asked: re.Pattern[str]  # a question asking for this role (folded)
    asked_who: re.Pattern[str] | None  # ... only in a question asking who ("who runs it?")
    said: re.Pattern[str]  # the label words anywhere in running text ("grand témoin de la journée, X")

    def name(self, lang: Literal["fr", "en"]) -> str:
        return self.fr if lang == "fr" else self.en


@cache
def roles() -> tuple[Role, ...]:
    return tuple(
        Role(id=e["id"], fr=e["fr"], en=e["en"],
             label=re.compile(r"^" + alternation(e["labels"]) + r"$"),
             asked=word_pattern(e["asked_fr"] + e["asked_en"]),
             asked_who=word_pattern(e["asked_who_en"]) if e.get("asked_who_en") else None,
             said=word_pattern(e["labels"]))
        for e in load("roles")["role"])


def role_of_label(label: str) -> Role | None:
    """The role a programme label announces ("Modératrice", "Intervenant·e·s", "Avec")."""
    key = " ".join(uninclusive(fold(label)).strip(" :.-–").split())
    return next((r for r in roles() if r.label.match(key)), None)


_WHO = re.compile(r"\b(?:qui|who|whom)\b")


@cache
def set_aside() -> re.Pattern[str]:
    # The words setting a role aside, then an article and the role's word (already blanked out
    # where the question's asking words were: "sans compter ?").
    return re.compile(r"(?<![\w-])" + alternation(load("roles")["excluding"]["words"])
                      + r"(?![\w-])(?:\s*(?:l'|le |la |les |the |their |his |her |son |sa |ses )?[\w·.-]+)?")


def roles_asked(question: str) -> set[str]:
    """The roles a question asks for, not those it sets aside ("sans compter l'animateur")."""
    folded = set_aside().sub(" ", fold(question))
    who = bool(_WHO.search(folded))
    return {r.id for r in roles()
            if r.asked.search(folded) or (who and r.asked_who is not None and r.asked_who.search(folded))}


_LABEL_LINE = re.compile(r"^\W*([^:]{2,40}?)\s*:")


def role_label_in(line: str) -> Role | None:
    """The role a programme line opens with ("Animation : …", "Intervenant·e·s : …")."""
    m = _LABEL_LINE.match(line)
    return role_of_label(m.group(1)) if m else None
