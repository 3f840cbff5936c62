"""Session labels on one line: "Séance 2 “Title” 19 octobre 2011 [Host]", "Sujet n°1 : Title",
"Atelier A – Salle Vauban", "Atelier 3 : Title (Salle 12)", "Table ronde : Title".

Offsets returned are relative to the line text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.language.pending import pending

from . import dates, rooms, times
from .lines import fold_keep, strip_span

Pos = tuple[int, int]

_LABEL_RE = re.compile(
    # A list's mark may lead the label ("▸ Atelier 1 – Title (salle X)" in an e-mail's programme).
    r"^(?:[▸▪►•◆■*]\s+)?(?P<kw>ateliers?|sujets?|sous-groupes?|groupes?|tables?[- ]rondes?|seances?|sessions?"
    r"|labos?|laboratoires?|modules?|conferences?|forums?|parcours|themes?|plenieres?"
    # English pages of French events: "Workshop 2 – « … » (Salle Stendhal)", "Round table: …"
    r"|workshops?|round[- ]tables?|keynotes?|plenary(?: sessions?)?|labs?)"
    r"(?:\s*(?:n°|no\.?|n o|#)?\s*(?P<num>\d+|[a-z](?=\W|$)|[ivx]+(?=\W|$)))?"
    r"(?P<qual>\s+(?:d'ouverture|de cloture|conclusive|introductive|inaugurale|finale|d'introduction))?"
    # A note in brackets on the label itself: "Labo n°5 (séance de clôture) · date à confirmer".
    r"(?:\s*\((?:seance|session|rencontre|labo|atelier)[^()]*\))?"
    r"\s*(?P<sep>[:.–—·|-]\s*|(?=[«“\"])|$)"
)
# After a full stop, this many words are a sentence, not a title.
_SENTENCE_WORDS = 10
_CLOSERS = {"«": "»", "“": "”", '"': '"'}
_HOST = re.compile(r"\[(?P<h>[^\]]+)\]")


@dataclass
class LabelParts:
    kw: str
    # The label as written, qualifier and bracketed note included: "Labo n°5 (séance de
    # clôture)" is the cycle's closing meeting, not one more labo.
    said: str = ""
    title: Pos | None = None
    room: Pos | None = None
    pending: bool = False  # "Séance 5 — date à confirmer": no date yet, said so
    date: dates.DateMatch | None = None
    host: Pos | None = None
    time: times.TimeRange | None = None


@dataclass(frozen=True)
class Quoted:
    start: int  # the opening mark
    title: Pos  # inside the marks, trimmed
    end: int  # after the closing mark


def quoted_title(t: str, pos: int) -> Quoted | None:
    """The first quoted title from `pos`, its closing mark found by kind and nesting: inside
    “…” a straight "dialogue civil" belongs to the title, and « … « … » … » closes at the outer »."""
    for i in range(pos, len(t)):
        closer = _CLOSERS.get(t[i])
        if closer is None:
            continue
        depth = 0
        for j in range(i + 1, len(t)):
            if t[j] == closer and depth == 0:
                a, b = strip_span(t, i + 1, j)
                return Quoted(i, (a, b), j + 1) if b > a else None
            if t[j] == closer:
                depth -= 1
            elif t[j] == t[i] and closer != t[i]:
                depth += 1
        return None
    return None


def label_match(text: str) -> re.Match[str] | None:
    """A numbered or singular session label; "Ateliers - Suite (au choix)" is a slot caption."""
    m = _LABEL_RE.match(fold_keep(text))
    if m is None:
        return None
    if m["kw"].endswith("s") and m["kw"] != "parcours" and not m["num"]:
        return None
    if m["sep"].strip() == "." and len(text[m.end():].split()) >= _SENTENCE_WORDS:
        return None  # "Conférence introductive. Voisinage, associations… ?": a description's first sentences
    return m


def _shift(d: dates.DateMatch, by: int) -> dates.DateMatch:
    return dates.DateMatch(d.start + by, d.end + by, d.month, d.day, d.year, d.weekday)


_LEAD = re.compile(r"[\s–—\-:·|,]*(?:le\s+|du\s+|the\s+)?", re.IGNORECASE)


def _fields_only(tail: str) -> bool:
    """What follows a label is its date (or that the date is pending), not a title."""
    lead = _LEAD.match(tail)
    at = lead.end() if lead else 0
    ds = dates.find_dates(tail)
    return bool(ds and ds[0].start <= at) or bool(pending(tail) and len(tail.split()) <= 6)


def parse_label(t: str) -> LabelParts | None:
    m = label_match(t)
    if m is None:
        return None
    out = LabelParts(kw=m["kw"], said=t[:m.start("sep")])
    rest = m.end()
    q = quoted_title(t, rest)
    if q is not None and t[rest : q.start].strip(" :–—-") == "":
        out.title = q.title
        tail_at = q.end
    elif _fields_only(t[rest:]):
        # "Séance 1 — mardi 14/10/2025, de 9h à 12h": the label gives when, its title is below.
        out.pending = pending(t[rest:])
        tail_at = rest
    else:
        tail = t[rest:]
        r_only = rooms.room_line(tail, in_slot=False) if tail.strip() else None
        if r_only is not None:
            out.room = (rest + r_only[0], rest + r_only[1])
            return out
        end = len(tail)
        r_in = rooms.room_in(tail)
        if r_in is not None:
            out.room = (rest + r_in[0], rest + r_in[1])
            end = r_in[0]
        # A date or a [host] after an unquoted title ends it: "Séance 2 : Title, 19 octobre [X]".
        cuts = [d.start for d in dates.find_dates(tail[:end]) if d.start > 0]
        host = _HOST.search(tail[:end])
        cuts += [host.start()] if host else []
        end = min([end, *cuts])
        while end > 0 and tail[end - 1] in " –—-|/(,":
            end -= 1
        if tail[:end].strip():
            out.title = (rest, rest + end)
        tail_at = rest + end
    tail = t[tail_at:]
    if out.room is None and (r := rooms.room_in(tail)) is not None:
        out.room = (tail_at + r[0], tail_at + r[1])  # "Table ronde « … » – AUDITORIUM"
    ds = dates.find_dates(tail)
    if ds:
        out.date = _shift(ds[0], tail_at)
    h = _HOST.search(tail)
    if h:
        out.host = (tail_at + h.start("h"), tail_at + h.end("h"))
    out.time = times.find_range_at(tail, tail_at)
    return out
