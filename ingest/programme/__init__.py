"""Parser of the French event-programme genre: `parse_programme(doc) -> Catalogue`.

Works from the genre's signals (day headers, time ranges, room labels, numbered sessions, role
lines, contact blocks, formation leaflets, example bullets), never from a particular corpus's
strings. Every record and field carries an exact span of `doc.text`.
"""

from __future__ import annotations

from assistant.domain.models import Catalogue, Document, Session, SessionPerson
from assistant.language.text import FRENCH_STOPWORDS, fold, tokens

from .build import Builder
from .dates import find_dates
from .initiatives import find_initiatives
from .lines import Line, in_capitals, split_lines
from .markdown import blank_markdown, is_markdown
from .members import member_lines
from .people import PersonMention
from .prose_people import prose_people
from .structure import walk
from .titled import TitledSession

__all__ = ["parse_programme"]


def _event_title(doc: Document, lines: list[Line]) -> tuple[int, int] | None:
    """The heading line of the front matter that best matches the document's title."""
    want = {t for t in tokens(doc.title) if t not in FRENCH_STOPWORDS}
    best: tuple[float, int, int] | None = None
    for ln in lines[:60]:
        if ln.blank or len(ln.text) > 200 or ln.text.endswith("."):
            continue
        have = {t for t in tokens(ln.text) if t not in FRENCH_STOPWORDS}
        overlap = len(want & have)
        score = overlap - 0.1 * len(have - want)
        if overlap >= 2 and (best is None or score > best[0]):
            best = (score, ln.start, ln.end)
    if best:
        return best[1], best[2]
    for ln in lines[:60]:
        if len(ln.text.split()) >= 4 and len(ln.text) <= 200:
            return ln.start, ln.end
    return None


_CLOSED = (".", ":", ";", "!", "?", "»", ")", "…", ",")


def _wrapped(lines: list[Line], top: tuple[int, int] | None) -> tuple[int, int] | None:
    """The event title with the lines its heading wraps onto: a title in capitals goes on in
    capitals on the very next line ("ACCUEILLIR LES FAMILLES DANS LES LIEUX" / "D'ÉCOUTE"), any
    title in lower case ("… dans les lieux" / "d'écoute"); a
    subtitle starts a new sentence in its own case, and a date line is no title's."""
    if top is None:
        return None
    i = next((ln.index for ln in lines if ln.start == top[0] and ln.end == top[1]), None)
    if i is None:
        return top
    end = top[1]
    for nxt in lines[i + 1 : i + 3]:
        prev = lines[nxt.index - 1]
        if nxt.blank or prev.text.rstrip().endswith(_CLOSED) or find_dates(nxt.text) \
                or end - top[0] + len(nxt.text) > 200:
            break
        if not ((in_capitals(prev.text, least=3) and in_capitals(nxt.text, least=3)) or nxt.text[:1].islower()):
            break
        end = nxt.end
    return top[0], end


def _new_appearances(text: str, prose: list[PersonMention], known: list[tuple[PersonMention, str | None]],
                     session_at) -> list[tuple[PersonMention, None, str | None]]:
    """The prose mentions that say something new: a person not yet found (her first mention),
    or one found already who is named inside another session's block (she takes part in it
    too). A known person named again outside any session, or in a session she is in, adds
    nothing (her role lines say more than a sentence)."""
    def key(m: PersonMention) -> str:
        return fold(text[m.name[0]:m.name[1]])

    seen = {(key(m), sid) for m, sid in known}
    named = {k for k, _ in seen}
    out: list[tuple[PersonMention, None, str | None]] = []
    for m in prose:
        k, sid = key(m), session_at(m.name[0])
        if (k, sid) in seen or (k in named and sid is None):
            continue
        seen.add((k, sid))
        named.add(k)
        out.append((m, None, sid))
    return out


def _with_appearances(sessions: list[Session], appearing: list[tuple[PersonMention, None, str | None]],
                      b: Builder) -> list[Session]:
    """A person the running text names inside a session's block ("Avec X, sociologue ; Y, …"
    in a sentence too long for a role line) is one of that session's people too, role unsaid."""
    extra: dict[str, list[SessionPerson]] = {}
    for m, _, sid in appearing:
        if sid is not None:
            extra.setdefault(sid, []).append(b.session_person(m, None))
    out = []
    for s in sessions:
        have = {r.person_id for r in s.people}
        new = [r for r in dict((r.person_id, r) for r in extra.get(s.id, [])).values() if r.person_id not in have]
        out.append(s.model_copy(update={"people": [*s.people, *new]}) if new else s)
    return out


def parse_programme(doc: Document) -> Catalogue:
    if is_markdown(doc.text):
        # Read through its syntax; the offsets, hence every span, are the page's own.
        doc = doc.model_copy(update={"text": blank_markdown(doc.text)})
    lines = split_lines(doc.text)
    top = _wrapped(lines, _event_title(doc, lines))
    top_text = " ".join(doc.text[top[0] : top[1]].split()) if top else doc.title
    parsed, walker = walk(doc.text, lines, meta_date=doc.date, top=top_text)
    b = Builder(doc, lines, parsed, top)
    sessions, mentions = b.sessions()
    everyone: list[tuple[PersonMention, str | None, str | None]] = list(mentions)
    # A composition list says for whom someone sits, not in which session they speak: it adds
    # no appearance, and is read before the running text, which would take the next line's
    # organisation for theirs.
    listed = [(m, None, None) for m in member_lines(doc.text, lines)]
    everyone += listed
    known = [*((m, sid) for m, _, sid in everyone), *((m, None) for m, _ in parsed.contacts)]
    appearing = _new_appearances(doc.text, prose_people(doc.text, lines), known, b.session_at)
    everyone += appearing
    persons = b.persons(everyone)
    sessions = _with_appearances(sessions, appearing, b)
    # A session's title may name the project it shows; its speakers say who runs it.
    shown = [TitledSession(title=(t.start, t.end), block=block,
                           speakers=[(m, role) for m, role, sid in everyone if sid == s.id])
             for s, block in zip(sessions, b.blocks(), strict=True) if (t := s.fields.get("title")) is not None]
    initiatives = b.initiatives(find_initiatives(
        doc.text, lines, titles=[ts.title for ts in shown], sessions=shown,
        event_titles=[doc.title or "", top_text or ""]))
    event = b.event(sessions)
    sections = b.sections(walker.days, sessions)
    return Catalogue(
        events=[event],
        sessions=sessions,
        people=persons,
        initiatives=initiatives,
        sections=sections,
    )
