"""One programme item pointed at by its place or its number, as questions do: "la première
séance", "the final session", "le dernier labo" (a rank among the event's items of that kind), or
"l'atelier B", "labo n°4", "séance 3", "item 2" (the label the programme gives it).
Data: `lexicons/ordinals.toml`; the kinds' words from `lexicons/kinds.toml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.language import kinds
from assistant.language.lexicon import alternation, load
from assistant.language.text import fold


@dataclass(frozen=True)
class ItemRef:
    kinds: frozenset[str]  # session kinds the reference names (empty: a generic noun)
    rank: int | None = None  # 1, 2… or -1 for the last
    label: str | None = None  # "b", "4": the number or letter the programme writes
    said: str = ""  # the words that said it (no topic)


@cache
def _nouns() -> str:
    words = [w for e in load("kinds")["session"] for w in (*e["words_fr"], *e["words_en"])]
    return alternation([*words, *load("ordinals")["numbered"]["words"]])


@cache
def _ranks() -> dict[str, int]:
    return {w: r["n"] for r in load("ordinals")["rank"] for w in r["words"]}


# What may stand between a numbered noun and its number ("labo n°4", "item no. 2", "séance #3").
_NUMBER_MARK = r"\s*(?:n\s?°|no\.?|numero|number|#)?\s*"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    noun = _nouns()
    ranked = re.compile(rf"(?<![\w-])({alternation(_ranks())})\s+(?:[a-z]+\s+)?({noun})(?![\w-])")
    # A letter label is upper case in the question ("l'atelier B"): a lower-case "a" is a word.
    labelled = re.compile(rf"(?<![\w-])({noun}){_NUMBER_MARK}(\d{{1,2}}|[a-h])(?![\w-]|\s?h\b|\s?:\d)")
    return ranked, labelled


@cache
def _label_pattern(label: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_nouns()}){_NUMBER_MARK}{re.escape(label)}(?![\w-])")


def item_reference(question: str) -> ItemRef | None:
    """The item a question points at by rank or label, if it does."""
    folded = fold(question)
    same_offsets = len(folded) == len(question)  # then the words are quoted as the question wrote them
    ranked, labelled = _patterns()
    if (m := ranked.search(folded)) is not None:
        return ItemRef(kinds=frozenset(kinds.kinds_named(m.group(2))), rank=_ranks()[m.group(1)],
                       said=question[m.start():m.end()] if same_offsets else m.group())
    for m in labelled.finditer(folded):
        label = m.group(2)
        # A letter counts only as written in capitals ("l'atelier B"), read in the question itself.
        if label.isalpha() and not (same_offsets and question[m.start(2)].isupper()):
            continue
        return ItemRef(kinds=frozenset(kinds.kinds_named(m.group(1))), label=label.lower(),
                       said=question[m.start():m.end()] if same_offsets else m.group())
    return None


def carries_label(head: str, ref: ItemRef) -> bool:
    """A session's first lines write the label with a numbered noun: "ATELIER B –", "Labo n°4 ·",
    "SÉANCE 3 – JEUDI…", "Point 2 :"."""
    return ref.label is not None and bool(_label_pattern(ref.label).search(fold(head)))
