"""Source sentences that answer a content question, and source lines that hold an asked value.

Sentences are chosen by the rare topic words they share with the question (IDF-weighted, one
per topic group), from the best hits or from one record's block; a line ending with ":" brings
the list it introduces, a bare label ("Durée") the value line under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.answering import asking
from assistant.answering.figures import number_word, quantity_spans, states_a_quantity
from assistant.answering.plan import Record, Sentence
from assistant.answering.query import Query
from assistant.answering.retrieve import Evidence, Resources
from assistant.answering.support import coverage, group_in
from assistant.language import kinds, roles
from assistant.language.pending import pending
from assistant.language.sentences import (
    CELL_SEPARATOR,
    cut_short,
    line_span,
    sentence_around,
    sentence_spans,
)
from assistant.language.text import content_terms, fold

DEPTH = 5  # hits whose sentences compete
LIST_LINES = 6  # lines a sentence ending with ":" may bring along


HEADING_WORDS = 8  # a question standing as a heading is short ("Combien ça coûte ?", "Comment venir ?")


def _question_heading(line: str) -> bool:
    """A short question alone on its line heads the practical value below it; a paragraph that
    ends with a question (a session's blurb) is no heading."""
    line = line.strip()
    return line.endswith("?") and len(line.split()) <= HEADING_WORDS


def _extend(text: str, a: int, b: int) -> int:
    """A sentence ending with ':' introduces the lines below it, and so does a question standing
    alone on its line (practical information's heading: "Combien ça coûte ?" over the price); a
    bare label its value line; a sentence cut short ("… aura lieu le") the paragraph below, past
    the blank line an e-mail sets its date and place apart with."""
    line = text[a:b].rstrip()
    if line.endswith(":") or _question_heading(text[slice(*line_span(text, a, b))]):
        lines = LIST_LINES
    elif cut_short(line):
        lines = LIST_LINES
        while b < len(text) and not text[b:_line_end(text, b + 1)].strip():
            b = _line_end(text, b + 1)  # the blank lines before the paragraph that goes on
    elif len(line.split()) <= 2 and not line.endswith((".", "!", "?")):
        lines = 1
    else:
        return b
    pos = b
    for _ in range(lines):
        end = _line_end(text, pos + 1)
        if not text[pos:end].strip():
            break
        pos = end
    return pos


def _line_end(text: str, pos: int) -> int:
    """Where the line holding `pos` ends."""
    return line_span(text, pos, pos)[1]


def _score(query: Query, text: str, idf) -> float:
    terms = set(content_terms(text))
    return sum(max(idf(s) for s in g) for g in query.topic if group_in(g, terms))


def best_sentences(query: Query, ev: Evidence, res: Resources, *, limit: int,
                   near: Record | None = None, slots: Sequence[str] = (), extra: int = 0) -> list[Sentence]:
    """The `limit` sentences sharing the most (rare) topic words with the question, in document
    order; from `near`'s own block when given; only those giving a value of one of `slots`; and
    up to `extra` more from the document of the best one."""
    index = res.index
    regions = ([(near.doc_id, near.citation.start, near.citation.end, 1.0)] if near is not None else
               [(h.item.doc_id, h.item.start, h.item.end, h.score) for h in ev.hits[:DEPTH]])
    best: dict[tuple[str, int, int], float] = {}
    for rank, (doc_id, start, end, score) in enumerate(regions):
        text = index.documents[doc_id].text
        for a, b in sentence_spans(text, start, end):
            if slots and not gives_slot(slots, text[a:b]):
                continue
            overlap = _score(query, text[a:b], index.lexical.idf) if query.topic else 1.0
            if overlap > 0:
                key = (doc_id, a, b)
                best[key] = max(best.get(key, 0.0), overlap + score - 0.1 * rank)
    ordered = sorted(best.items(), key=lambda kv: -kv[1])
    ranked = ordered[:limit]
    if extra and ranked:
        # The best sentence's document may say more on it: its next best sentences join in, not
        # another programme's.
        lead = ranked[0][0][0]
        ranked += [kv for kv in ordered[limit:] if kv[0][0] == lead][:extra]
    out: list[Sentence] = []
    for (doc_id, a, b), _ in sorted(ranked, key=lambda kv: kv[0]):
        text = index.documents[doc_id].text
        # A sentence of a paragraph wrapped by the page width goes on past its line's end.
        a, b = sentence_around(text, a, b)
        s = Sentence(doc_id, a, _extend(text, a, b))
        if s not in out:
            out.append(s)
    return out


_NUMBER = re.compile(r"\d[\d  .,]*")


def _counts_topic_at(query: Query, text: str, end: int) -> bool:
    """The words right after a number (ending at `end`) are a topic word: it counts what is asked."""
    after = set(content_terms(" ".join(text[end:].split()[:3])))
    return any(group_in(g, after) for g in query.topic)


def _counts_the_topic(query: Query, sentence: str) -> bool:
    """"140 bénévoles" for "combien de bénévoles": a number right before a topic word, rather
    than a year or a price in the same paragraph."""
    return any(_counts_topic_at(query, sentence, m.end()) for m in _NUMBER.finditer(sentence))


def _value_at(query: Query, line: str, start: int, end: int) -> tuple[int, int]:
    """Where in the line its value is (the sentence around it is quoted), else the whole line.

    A figure is the number that counts what is asked ("87 élèves" for "combien d'élèves ?"),
    else the line's first counting number: a line that tells an initiative in several sentences
    states its figure after the name and number of its organisation ("Pas à Pas 41")."""
    if "figure" in query.values:
        spans = quantity_spans(line)
        fitting = [sp for sp in spans if _counts_topic_at(query, line, sp[1])]
        if chosen := (fitting or spans):
            return start + chosen[0][0], start + chosen[0][1]
    folded = fold(line)
    if len(folded) == len(line):  # folding kept the offsets
        for v in asking.values():
            if v.name in query.values and (m := v.evidence.search(folded)):
                return start + m.start(), start + m.end()
    return start + len(line) - len(line.lstrip()), end


def value_lines(query: Query, ev: Evidence, res: Resources, *, limit: int = 2) -> list[Sentence]:
    """Source lines holding a value of the asked kind (an amount, a phone number…) and about what
    is asked: a line of the asked person, or sharing a topic word, or naming the value asked."""
    index = res.index
    named = [fold(n) for rid in query.named if (n := getattr(index.records.get(rid), "name", None))]
    # The event the question names: all its lines may hold the value ("Inscriptions : … avant
    # le vendredi 14 novembre"); otherwise the lines of the best hits.
    scoped = sorted(query.filters.docs) if len(query.filters.docs) == 1 else []
    regions = ([(doc, 0, len(index.documents[doc].text), 0.5) for doc in scoped]
               or [(h.item.doc_id, h.item.start, h.item.end, h.score) for h in ev.hits[:2 * DEPTH]])
    found = _value_lines_in(query, regions, named, scoped=bool(scoped), res=res)
    lead = _lead_document(ev)
    if not found and not scoped and lead is not None and coverage(query.topic, index.documents[lead].text) == 1.0:
        # A price or a deadline stands in the event's practical information, far from the
        # passages on its topic: the whole document the best hits come from is read, when it
        # speaks of all the question's topic (not "le parking" of an event that has none).
        found = _value_lines_in(query, [(lead, 0, len(index.documents[lead].text), 0.5)], named,
                                scoped=True, res=res)
    return [s for _, _, s in found[:limit]]


PARAGRAPH_TAIL = 2  # lines past a hit's end that may finish its paragraph


def paragraph_end(text: str, end: int, *, lines: int = PARAGRAPH_TAIL) -> int:
    """Where the paragraph a span ends in ends (a blank line), at most `lines` lines further: a
    passage cut mid-paragraph leaves the figure of its subject on the next line ("… depuis 2023. /
    87 témoignages ont été enregistrés")."""
    for _ in range(lines):
        if end >= len(text):
            break
        stop = _line_end(text, end + 1)
        if not text[end + 1:stop].strip():
            break  # a blank line (or nothing) follows: the paragraph is over
        end = stop
    return end


def _gives(value: str, probe: str, line: str) -> bool:
    """The line holds a value of that kind; a figure must be a count ("600 participants"), not
    the number of a name, a year or a date (`figures.quantities`)."""
    if value == "figure":
        return asking.value_given(value, probe) and states_a_quantity(line)
    return asking.value_given(value, probe)


def _lead_document(ev: Evidence) -> str | None:
    """The document most of the three best hits come from, if one does."""
    docs = [h.item.doc_id for h in ev.hits[:3]]
    return docs[0] if docs and docs.count(docs[0]) >= 2 else None


def _value_lines_in(query: Query, regions: list[tuple[str, int, int, float]], named: list[str], *,
                    scoped: bool, res: Resources) -> list[tuple[float, float, Sentence]]:
    index = res.index
    found: list[tuple[float, float, Sentence]] = []
    seen: set[tuple[str, int]] = set()
    for doc_id, r_start, r_end, score in regions:
        text = index.documents[doc_id].text
        a, b = line_span(text, r_start, r_end)
        b = paragraph_end(text, b)
        pos = a
        carried = None  # the fit of a line about the subject, for the rest of its paragraph
        for line in text[a:b].split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            folded = fold(line)
            if not line.strip():
                carried = None  # a blank line ends the paragraph
                continue
            fit = coverage(query.topic, line) if query.topic else 1.0
            about = (any(n in folded for n in named) if named else bool(scoped) or
                     fit >= 0.5 or any(v.asked.search(folded) for v in asking.values() if v.name in query.values))
            if about and not scoped:
                carried = max(fit, carried or 0.0)
            elif carried is not None:
                # "… a remis en / état 412 voitures": a wrapped sentence's value is on a later line.
                about, fit = True, carried
            # A number in a name ("Allô Voisins 35") is not the value asked.
            probe = folded
            for n in named:
                probe = probe.replace(n, " ")
            if (doc_id, start) in seen or _question_heading(line) or \
                    not all(_gives(v, probe, line) for v in query.values):
                continue  # a question ("Combien ça coûte ?") heads its value; it gives none
            if about:
                seen.add((doc_id, start))
                a_, b_ = sentence_around(text, *_value_at(query, line, start, end))
                b_ = _extend(text, a_, b_)  # "Durée" over "13 heures": the label's value line
                if all(s.start != a_ or s.doc_id != doc_id for _, _, s in found):
                    counted = "figure" in query.values and _counts_the_topic(query, text[a_:b_])
                    found.append((fit + counted, score, Sentence(doc_id, a_, b_)))
    found.sort(key=lambda x: (-x[0], -x[1]))
    return found


# A civility before a name ("Mme Dubreuil", "Dr Benali"): someone is named there.
_CIVILITY = r"\b(?:M\.|Mme|Dr|Pr|Me)\s+[A-ZÀ-Ý]"
# The shape a value of each catalogue attribute has in a programme line: a room word, a role
# label or a civility before a name, a clock time, a day and month. Used when a record lacks the
# attribute: its own lines may still give it (the parser is not the last word on what is there).
_ROOM_WORD = r"(?i:salles?|amphi\w*|auditorium|room|hall|espace|b[âa]timent)"
_LINE_VALUES = {
    # A room word that names one: written as a name ("Salle Garonne", "Auditorium", "Espace
    # Mayenne") or before one ("salle 104", "salle des Fêtes"); not "l'espace public", "la salle
    # communiquée aux inscrits".
    "room": re.compile(rf"\b(?=[A-ZÀ-Ý]){_ROOM_WORD}\b|\b{_ROOM_WORD}\b(?=\s+(?:(?:de|du|des|de la|d['’])\s*)?[A-ZÀ-Ý0-9«\"])"),
    "people": re.compile(rf"^\W*[A-Za-zÀ-ÿ·' -]{{3,30}}\s*:\s*\S|{_CIVILITY}"),
    "time": re.compile(r"\b\d{1,2}\s?[hH:]\s?\d{0,2}\b"),
}
# A slot a sentence must fill to answer "dans quelle salle ?", "à quelle heure ?", "en quelle
# année ?": a sentence on the topic that holds no such value is a neighbour's fact, not an answer.
_SLOT_VALUES = {"room": _LINE_VALUES["room"], "time": _LINE_VALUES["time"],
                "year": re.compile(r"\b(?:19|20)\d{2}\b")}
SLOTS = tuple(_SLOT_VALUES)


def gives_slot(slots: Sequence[str], text: str) -> bool:
    """The text holds a value of one of the slots, and does not say it is still to come."""
    return any(_SLOT_VALUES[s].search(text) for s in slots) and not pending(text)


# Lines before and after a record's block where its missing value may stand: a room or a time
# heads the block ("Salle Pascal" over the title); people follow it.
_MARGIN = {"room": (1, 0), "time": (1, 0), "people": (0, 1)}


# A capitalised first name and name: someone is named there.
_NAMED = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ'’\-]+\s+(?:(?:de|du|le|la|d['’])\s*)?[A-ZÀ-Ý][\w'’\-]+")
_CIVILITY_RE = re.compile(_CIVILITY)


def named_in_role(text: str, said: Sequence[re.Pattern[str]]) -> bool:
    """A role's words (one of `said`, read folded) and a first name and name in one text, in
    either order ("animée par Claire X", "Isabelle X, rapporteure de la journée")."""
    folded = roles.uninclusive(fold(text))
    return any(rx.search(folded) for rx in said) and bool(_NAMED.search(text))


def in_roles(line: str, wanted: frozenset[str]) -> bool:
    """The line names someone in one of the `wanted` roles: by its label ("Rapporteur : …") or in
    running text ("Isabelle X, rapporteure de la journée")."""
    label = roles.role_label_in(line)
    if label is not None:
        return label.id in wanted
    return named_in_role(line, [r.said for r in roles.roles() if r.id in wanted])


def holds_value(attribute: str, line: str) -> bool:
    """Whether a programme line holds a value of the kind of `attribute`. People: a role label
    before names ("Animation : …"), a civility before a name, or, in running text, a role's
    words beside a first name and name ("Conférence animée par Claire Dubreuil", "avec Karim
    Benali") — programmes write people all three ways."""
    rx = _LINE_VALUES.get(attribute)
    if rx is None or _header_row(line):
        return False
    if attribute != "people":
        return bool(rx.search(line))
    if _CIVILITY_RE.search(line) or (rx.search(line) and roles.role_label_in(line)):
        return True
    return named_in_role(line, [r.said for r in roles.roles() if r.id != "contact"])


def _header_row(line: str) -> bool:
    """A table's header ("Horaire | Salle | Atelier | Intervenant·e·s"): three cells or more, each
    a word or two, no figure. It names the columns; it holds no room, time or name."""
    cells = [c for c in CELL_SEPARATOR.split(line) if c.strip()]
    return len(cells) >= 3 and not re.search(r"\d", line) and all(len(c.split()) <= 2 for c in cells)


def lines_near(record: Record, attribute: str, res: Resources) -> list[Sentence]:
    """Lines of a record's block (and the lines right around it) holding a value of the kind
    of `attribute` (`holds_value`)."""
    if attribute not in _LINE_VALUES:
        return []
    before, after = _MARGIN[attribute]
    others: list[tuple[int, int]] | None = None  # the other items' blocks, read when first needed
    out = []
    for a, b, line in _lines_around(record, res, before=before, after=after):
        if not line.strip() or not holds_value(attribute, line) or pending(line):
            continue  # "(salle à confirmer)" is no room: the value is missing, and said so
        if not record.citation.start <= a < record.citation.end:
            others = _other_blocks(record, res) if others is None else others
            if any(x <= a < y for x, y in others):
                continue  # the next row's room, the item above's hours: another item's line
        out.append(Sentence(record.doc_id, a + len(line) - len(line.lstrip()), b))
    return out


def _other_blocks(record: Record, res: Resources) -> list[tuple[int, int]]:
    """The blocks of the other sessions of the record's document."""
    return [(s.citation.start, s.citation.end) for s in res.index.snapshot.catalogue.sessions
            if s.doc_id == record.doc_id and s.id != record.id]


def _lines_around(record: Record, res: Resources, *, before: int, after: int) -> Iterator[tuple[int, int, str]]:
    """The lines of a record's block with `before` lines above it and `after` below it: each
    line's start and end offsets in its document, and its text."""
    text = res.index.documents[record.doc_id].text
    c = record.citation
    start = text.rfind("\n", 0, c.start) + 1
    for _ in range(before):
        start = text.rfind("\n", 0, max(0, start - 1)) + 1
    end = c.end
    for _ in range(after):
        nxt = text.find("\n", end + 1)
        end = len(text) if nxt < 0 else nxt
    pos = start
    for line in text[start:end].split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


# The words a line uses for the value it says is still to come: "Date à confirmer (semaine du 7
# décembre)", "Horaire à préciser", "Salle communiquée ultérieurement", "Room TBC".
_PENDING_OF = {
    "date": re.compile(r"\b(?:dates?|jours?|days?)\b"),
    "time": re.compile(r"\b(?:horaires?|heures?|times?)\b"),
    "room": re.compile(r"\b(?:salles?|lieux?|rooms?|venues?)\b"),
}
_PENDING_OF["place"] = _PENDING_OF["room"]
# How many lines above a record's block a pending note may stand: a meeting's "Date à confirmer"
# heads its title.
_PENDING_ABOVE = 2


def pending_near(record: Record, attribute: str, res: Resources) -> list[Sentence]:
    """The line of a record's block, or just above it, that says its `attribute` is still to be
    confirmed ("Date à confirmer (semaine du 7 décembre)"): the programme's own answer when the
    record has no value."""
    words = _PENDING_OF.get(attribute)
    if words is None:
        return []
    for a, b, line in _lines_around(record, res, before=_PENDING_ABOVE, after=0):
        if pending(line) and words.search(fold(line)):
            return [Sentence(record.doc_id, a + len(line) - len(line.lstrip()), b - (len(line) - len(line.rstrip())))]
    return []


def lines_with(attribute: str, query: Query, ev: Evidence, res: Resources, *, limit: int = 3) -> list[Sentence]:
    """Lines of the best hits holding a value of the kind of `attribute` (a room, people with
    their role label, a time) and most of the question's topic: what the source says when the
    catalogue record lacks it (a layout the parser did not read)."""
    if attribute not in _LINE_VALUES:
        return []
    found: list[tuple[float, Sentence]] = []
    seen: set[tuple[str, int]] = set()
    for h in ev.hits[:DEPTH]:
        text = res.index.documents[h.item.doc_id].text
        a, b = line_span(text, h.item.start, h.item.end)
        # The hit's lines and the two around them: a title's people stand on the lines below.
        b = min(len(text), max(b, text.find("\n", text.find("\n", b + 1) + 1)) if text.find("\n", b + 1) >= 0 else len(text))
        pos = a
        for line in text[a:b].split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            if (h.item.doc_id, start) in seen or not line.strip() or not holds_value(attribute, line):
                continue
            seen.add((h.item.doc_id, start))
            context = text[max(0, h.item.start):h.item.end] + " " + line
            fit = coverage(query.topic, context) if query.topic else 1.0
            if fit >= 0.5:
                found.append((fit + h.score, Sentence(h.item.doc_id, start + len(line) - len(line.lstrip()), end)))
    found.sort(key=lambda x: -x[0])
    return [s for _, s in found[:limit]]


def role_sentences(query: Query, docs: frozenset[str], res: Resources, *, limit: int = 3) -> list[Sentence]:
    """Sentences of the event(s) in scope that name someone with an asked role in running text
    ("Grand témoin de la journée, Bernard X, ancien directeur…", "la table ronde, animée par
    Y"): the catalogue reads roles from their labels only."""
    said = [r.said for r in roles.roles() if r.id in query.filters.roles]
    out: list[Sentence] = []
    for doc_id in sorted(docs):
        text = res.index.documents[doc_id].text
        for a, b in sentence_spans(text, 0, len(text)):
            if named_in_role(text[a:b], said):
                out.append(Sentence(doc_id, a, b))
                if len(out) >= limit:
                    return out
    return out


# A number, then the kind it counts, perhaps after one word: "trois ateliers", "deux tables
# rondes", "4 ateliers thématiques", "six grands labos".
_COUNT_WORD = re.compile(r"(?<![\w-])(?:\d{1,2}|[a-z]+)(?![\w-])")
_GAP = re.compile(r"\s+")
_ONE_WORD = re.compile(r"\s+[a-z'-]+\s+")


def stated_counts(query: Query, ev: Evidence, res: Resources, *, limit: int = 1) -> list[Sentence]:
    """Sentences that say how many items of the kind asked a programme holds ("le forum s'est
    articulé autour de deux tables rondes et de trois ateliers"): the count of a page that tells
    its items rather than listing them. In the event named, else in the best hits' documents."""
    wanted = [k for k in kinds.session_kinds() if k.id in query.filters.kinds and not k.generic]
    docs = sorted(query.filters.docs) or ev.documents(DEPTH)[:2]
    out: list[Sentence] = []
    for doc in docs:
        text = res.index.documents[doc].text
        for a, b in sentence_spans(text, 0, len(text)):
            folded = fold(text[a:b])
            if _counts_kind(folded, wanted):
                out.append(Sentence(doc, a, b))
                if len(out) >= limit:
                    return out
    return out


def _counts_kind(folded: str, wanted: Sequence[kinds.Kind]) -> bool:
    for m in _COUNT_WORD.finditer(folded):
        if not m.group().isdigit() and number_word(m.group()) is None:
            continue
        # The kind right after the number, or after one word ("trois grands ateliers").
        gap, one = _GAP.match(folded, m.end()), _ONE_WORD.match(folded, m.end())
        if any(k.pattern.match(folded, g.end()) for k in wanted for g in (gap, one) if g is not None):
            return True
    return False
