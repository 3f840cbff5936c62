"""The kind of programme item, the practical value and the role a question asks about, against
the items search found.

"La table ronde de jeudi", "the afternoon panel", "la visite" name what the item is; programmes write
that kind in a badge, a label or the title's head noun ("Table ronde", "TABLE RONDE |",
"Ciné-débat :"), which the parser keeps as the session's kind but search reads as one word among
many. Like the asked time (`temporal`), the named kind lifts the items of sessions of that kind.
A practical value asked ("c'est payant ?", "jusqu'à quand s'inscrire ?") lifts the passages that
hold a value of that shape ("gratuit", "15 €", "avant le 6 mars"), which the question's own words
rarely meet; a role asked ("qui modère ?") the passages that write its label ("Modération :").
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.answering import asking
from assistant.answering.temporal import lift_where, session_of, sessions_where
from assistant.language import kinds, roles
from assistant.language.text import fold_kept
from assistant.search.retrieval import LoadedIndex, Scored

# Below the time lift (0.25): a kind word tells less than a day and an hour, and half the
# items of a colloquium are "ateliers". Chosen on tune (0.1 / 0.2 / 0.3: passed 0.592 / 0.593 /
# 0.591, MRR 0.635 / 0.637 / 0.635).
KIND_BONUS = 0.2


def kinds_to_lift(named: Iterable[str]) -> frozenset[str]:
    """The named session kinds that tell items apart: not the generic "séance"/"session", which
    names any item."""
    return frozenset(k for k in named if not kinds.is_generic(k))


def sessions_of_kinds(index: LoadedIndex, named: frozenset[str]) -> frozenset[str]:
    # A question's kind takes in its family ("l'atelier sur la santé mentale" of an item the page
    # holds among its workshops but whose own words make it a round table).
    families = {kinds.family_of(k) for k in named}
    return sessions_where(index, ("kinds", named), lambda s: kinds.family_of(s.kind) in families)


def lift_kinds(index: LoadedIndex, hits: list[Scored], named: frozenset[str], *,
               bonus: float = KIND_BONUS) -> list[Scored]:
    """`hits` with the items of sessions of a named kind lifted by `bonus`, best first."""
    if not named or not hits:
        return hits
    matching = sessions_of_kinds(index, named)
    if not matching:
        return hits
    return lift_where(hits, lambda h: session_of(h) in matching, bonus)


# `/search` only: the answer path reads the value in its evidence itself (`asking.value_given`),
# and lifted there it answered two more questions the documents cannot (held-out passed 0.438 ->
# 0.434). Chosen on tune (0.2 / 0.35 / 0.5 / 1.0: hit@5 0.779 / 0.787 / 0.788 / 0.790, MRR 0.658 /
# 0.662 / 0.667 / 0.665).
VALUE_BONUS = 0.5
# Values whose shape is too common to tell a passage apart: any digit, any "14 h".
_SHAPELESS = frozenset({"figure", "duration"})


def lift_values(hits: list[Scored], values: Iterable[str], *, bonus: float = VALUE_BONUS) -> list[Scored]:
    """`hits` with the items whose text holds a value of an asked kind lifted by `bonus`."""
    shaped = [v for v in values if v not in _SHAPELESS]
    if not shaped or not hits:
        return hits
    return lift_where(hits, lambda h: any(asking.value_given(v, h.item.text) for v in shaped), bonus)


# Chosen on tune (0.1 / 0.2 / 0.35: hit@5 0.792 / 0.796 / 0.792, MRR 0.674 / 0.677 / 0.674).
ROLE_BONUS = 0.2


def lift_roles(hits: list[Scored], asked: Iterable[str], *, bonus: float = ROLE_BONUS) -> list[Scored]:
    """`hits` with the items whose text writes a label of an asked role ("Modération :", "Grand
    témoin :") lifted by `bonus`: "qui modère la table ronde ?" is answered on that line."""
    wanted = set(asked)
    said = [r.said for r in roles.roles() if r.id in wanted]
    if not said or not hits:
        return hits
    return lift_where(hits, lambda h: any(rx.search(roles.uninclusive(fold_kept(h.item.text))) for rx in said), bonus)
