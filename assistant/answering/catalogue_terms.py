"""What a question names in the loaded catalogue: an event (by its place or distinctive title
words), a room, an initiative, a person, a session quoted by its title; and which records a
previous answer was about. Built once per loaded index and kept with it (weakly)."""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter
from dataclasses import dataclass

from assistant.domain.models import Event, Person, Session
from assistant.language import calendar, kinds
from assistant.language.glossary import expand
from assistant.language.places import (
    ADDRESS,
    WEB_ADDRESS,
    compound_places,
    compound_runs,
    is_demonym_of,
    join_compound_places,
)
from assistant.language.text import FRENCH_STOPWORDS, content_terms, detect_language, fold, tokens
from assistant.search.retrieval import LoadedIndex

# Words a room label shares with every other room: not what tells "salle Descartes" apart.
_ROOM_GENERIC = frozenset(tokens("salle salles room amphitheatre amphi auditorium espace hall niveau etage"))
_MIN_NAME = 4  # shorter names ("IA", "ESS") are too likely to occur by chance in a question
_PLACE_GENERIC = frozenset(content_terms("ville salle centre maison hotel espace rue place avenue boulevard"))
# A title word used by at most about a third of the events tells one event apart.
_DISTINCTIVE = math.log(2)
_NAME_DOCS = 3  # a name written in more documents than this (a region, a national body) picks none


def _file_name_words(source: str) -> list[str]:
    """The words of a file's name ("colloque-saint-etienne-2025.txt"), without its extension."""
    return [w for w in re.split(r"[\W_\d]+", source.rsplit(".", 1)[0]) if w]


@dataclass(frozen=True)
class _Name:
    record_id: str
    text: str  # as written
    key: str  # folded, whitespace collapsed


def _key(text: str) -> str:
    return " ".join(tokens(text))


def names_room(room: str, said: list[str]) -> bool:
    """The question's words (`said`, folded tokens) name the room: all its distinctive words."""
    q = set(said)
    whole = tokens(room)
    # "SALLE PLENIERE" is not named by "en plénière", nor a page's "TABLE RONDE" read as a room by
    # "la table ronde sur…": a kind's words tell no room apart.
    if calendar.only_calendar_words(room):
        return False  # "MERCREDI", a weekly activity's day read as its room: "mercredi" asks a day
    folded = fold(room)
    if any(k.pattern.match(folded.lstrip(" ·•")) for k in kinds.session_kinds()) and not any(
            t in _ROOM_GENERIC for t in whole):
        return False  # "VISITE DE TERRAIN", "SÉANCE 6": a kind heading read as a room
    without_kinds = folded
    for kind in kinds.session_kinds():
        without_kinds = kind.pattern.sub(" ", without_kinds)
    distinctive = [t for t in tokens(without_kinds) if t not in _ROOM_GENERIC and kinds.session_kind_of(t) is None
                   and not (len(t) > 1 and t in FRENCH_STOPWORDS)]
    n = len(whole)
    if not distinctive:
        # "Salle des Séances": nothing but room and kind words; named only whole, in order.
        return n > 1 and any(said[i:i + n] == whole for i in range(len(said) - n + 1))
    if not all(t in q for t in distinctive):
        return False
    if all(_common_word(t, room) for t in distinctive):
        # "Espace jeux", "Salle polyvalente": a room described by everyday words, not named
        # after someone or something; "jeux" alone is the question's topic, the room is
        # named only whole, in order.
        return any(said[i:i + n] == whole for i in range(len(said) - n + 1))
    if all(len(t) == 1 and not t.isdigit() for t in distinctive):
        # A room told apart by a letter ("Hall B", "salle A"): the letter alone is any "a" or
        # "à" of a question; only the room's whole name, in order, names it.
        return any(said[i:i + n] == whole for i in range(len(said) - n + 1))
    # A number alone ("4") is a room's only with a room word said ("salle 4", "room 4").
    return any(not t.isdigit() for t in distinctive) or "salle" in q or "room" in q


def _common_word(token: str, room: str) -> bool:
    """The room's name writes this word of it in lower case ("jeux" of "Espace jeux"):
    an everyday word, not a proper name. A name in capitals tells nothing, nor does a number."""
    if room.upper() == room:
        return False
    written = [w for w in re.findall(r"[^\W_]+", room) if fold(w) == token]
    return bool(written) and not token.isdigit() and all(w[:1].islower() for w in written)


class CatalogueTerms:
    def __init__(self, index: LoadedIndex):
        cat = index.snapshot.catalogue
        self._records = index.records
        self._sessions = list(cat.sessions)
        self._events: list[Event] = list(cat.events)
        self._names: list[_Name] = []
        for i in cat.initiatives:
            self._add(i.id, i.name)
        for p in cat.people:
            self._add(p.id, p.name)
        for s in cat.sessions:
            self._add(s.id, s.title)
        self._rooms = sorted({s.room for s in cat.sessions if s.room}, key=len, reverse=True)
        self._lower = self._lowercase_words(index)
        self._lower_by_stem: dict[str, set[str]] = {}
        for w in self._lower:
            for t in content_terms(w):
                self._lower_by_stem.setdefault(t, set()).add(w)
        # How many events use a term: a town or a distinctive word names one event, not all.
        self._event_terms = {e.doc_id: set(content_terms(f"{e.title} {self._doc_title(index, e)}"))
                             for e in self._events}
        # Where the event is: its place, and the words of its file name ("…-arras-2025.txt"),
        # which those who fill the corpus folder name after the event and its town.
        self._event_places = {e.doc_id: (set(content_terms(f"{self._names_in(e.place or '')} {self._file_words(index, e)}"))
                                         - _PLACE_GENERIC) | self._compounds_of(index, e) for e in self._events}
        self._event_names = self._head_names(index)
        self._event_kind = {e.doc_id: self._kind_of(index, e) for e in self._events}
        df = Counter(t for terms in self._event_terms.values() for t in terms)
        n = max(1, len(self._event_terms))
        self._event_idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
        place_df = Counter(t for terms in self._event_places.values() for t in terms)
        # A word also met in several titles is no place ("solidaire", "forum").
        self._place_idf = {t: math.log((n + 1) / (c + df.get(t, 0) + 0.5)) for t, c in place_df.items()}

    @staticmethod
    def _lowercase_words(index: LoadedIndex) -> frozenset[str]:
        """Folded words some document writes in lower case: common words, never place names
        (web and e-mail addresses left out: "contact@ville-exemple.fr" writes no common word)."""
        return frozenset(fold(w) for d in index.documents.values()
                         for w in re.findall(r"[^\W\d_]+", WEB_ADDRESS.sub(" ", d.text)) if w[0].islower())

    def _common(self, word: str) -> bool:
        """A word some document writes in lower case, in this form or another of its stem
        ("FORMATIONS" where the text says "formation"); a town's demonym ("vernellaise") is no
        other form of the town's name."""
        folded = fold(word)
        return folded in self._lower or any(not is_demonym_of(w, folded)
                                            for t in content_terms(folded) for w in self._lower_by_stem.get(t, ()))

    def _head_names(self, index: LoadedIndex) -> dict[str, set[str]]:
        """Per document, the names its head writes (the text above its first session: title,
        dateline, the letter that says where the meeting is held), when few documents' heads
        write them. The town of a meeting named there ("se tiendra … à Vernelles") is the
        event's, though neither its parsed place nor its file name may say it; a town named in
        the programme below (a speaker's) is not."""
        starts: dict[str, int] = {}
        for s in index.snapshot.catalogue.sessions:
            starts[s.doc_id] = min(starts.get(s.doc_id, s.citation.start), s.citation.start)
        heads = {d: self._names_written(doc.text[:starts.get(d, len(doc.text))] or doc.text)
                 for d, doc in index.documents.items()}
        df = Counter(t for names in heads.values() for t in names)
        return {d: {t for t in names if df[t] <= _NAME_DOCS} for d, names in heads.items()}

    def _names_written(self, text: str) -> set[str]:
        """The stems of the names a text writes: capitalised words (hyphenated places whole) that
        no document writes in lower case, e-mail and web addresses left out."""
        words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", WEB_ADDRESS.sub(" ", text))
        return {t for w in set(words) if w[0].isupper() and len(w) > 2 and not self._common(w)
                for t in content_terms(join_compound_places(w))}

    def _names_in(self, place: str) -> str:
        """The names of a place ("Maison de la Culture, place Léon Gontier, Amiens"): words it
        capitalises that no document writes in lower case, not "culture" nor "place"."""
        # A street address names a street, not the event: "43 rue de la Liberté" would make
        # every question on freedom about that event.
        place = ADDRESS.sub(" ", place)
        return " ".join(w for w in re.findall(r"[^\W\d_]+", place) if w[0].isupper() and not self._common(w))

    def _file_words(self, index: LoadedIndex, e: Event) -> str:
        """The file-name words the documents write as names only (capitalised in this one, never
        in lower case in any: "Arras", "Mulhouse"), not topic words ("santé", "formation"), nor
        a title's capitals ("Colloque national", "Appel à Participation")."""
        doc = index.documents.get(e.doc_id)
        if doc is None:
            return ""
        words = [w for w in _file_name_words(doc.source) if len(w) > 2]
        capitalised = {fold(w) for w in re.findall(r"[^\W\d_]+", doc.text) if w[0].isupper()}
        # A file name says the event's kind too ("copil-…", "forum-…"), often in capitals in the
        # text ("COPIL"): a kind names every event of that kind, no place.
        return " ".join(w for w in words if fold(w) in capitalised and not self._common(w)
                        and kinds.event_kind_said(w) is None)

    @staticmethod
    def _compounds_of(index: LoadedIndex, e: Event) -> set[str]:
        """The event's compound place names as one term each ("Bourg-Saint-Maurice"), from its
        place and from its file name, whose hyphens also separate words: a question that writes
        one names it whole, not by its "saint"."""
        doc = index.documents.get(e.doc_id)
        file_words = _file_name_words(doc.source) if doc else []
        found = set(compound_places(e.place or "")) | set(compound_runs([fold(w) for w in file_words]))
        return {t for c in found for t in content_terms(c)}

    @staticmethod
    def _kind_of(index: LoadedIndex, e: Event) -> frozenset[str]:
        """Every kind the event's title and document say: "Compte rendu des labos" is a report
        and a seminar; a question may name either."""
        doc = index.documents.get(e.doc_id)
        said = fold(f"{doc.kind or '' if doc else ''} {e.title} {doc.title if doc else ''}")
        return frozenset(k.id for k in kinds.event_kinds() if k.pattern.search(said))

    @staticmethod
    def _doc_title(index: LoadedIndex, e: Event) -> str:
        doc = index.documents.get(e.doc_id)
        return doc.title if doc else ""

    def _add(self, record_id: str, text: str) -> None:
        key = _key(text)
        if len(key) >= _MIN_NAME:
            self._names.append(_Name(record_id, text, key))

    def name_of(self, record_id: str) -> str:
        r = self._records.get(record_id)
        if isinstance(r, Session):
            return r.title
        return getattr(r, "name", "") or ""

    def named_records(self, folded_question: str, docs: frozenset[str] = frozenset()) -> list[str]:
        """Initiatives and people whose full name the question writes, and sessions whose whole
        title it quotes; longest first, none inside another; only in `docs` when the question
        names its event."""
        q = f" {_key(folded_question)} "
        found: list[_Name] = []
        for name in sorted(self._names, key=lambda n: -len(n.key)):
            if f" {name.key} " in q and not any(name.key in f.key for f in found):
                record = self._records.get(name.record_id)
                if isinstance(record, Session) and len(name.key.split()) < 3:
                    continue  # a two-word "title" ("Table ronde") is a kind, not a name
                found.append(name)
        # "Martin Lefort": a full name found makes its words no one else's surname ("Paul Martin").
        found += [n for n in self._surnames(q) if n not in found
                  and not any(f" {n.key.split()[-1]} " in f" {f.key} " for f in found)]
        if docs:
            found = [n for n in found if (r := self._records.get(n.record_id)) is not None and r.doc_id in docs]
        return list(dict.fromkeys(n.record_id for n in found))

    def _surnames(self, q: str) -> list[_Name]:
        """People the question names by surname alone ("Qui est Dubreuil ?"), when the surname is
        not an everyday word of the catalogue."""
        out = []
        for name in self._names:
            record = self._records.get(name.record_id)
            if not isinstance(record, Person):
                continue
            parts = [w for w in name.key.split() if len(w) > 2 and w not in FRENCH_STOPWORDS]
            places = set().union(*self._event_places.values()) if self._event_places else set()
            # A surname is a proper name: never a word the documents write in lower case ("est"
            # of "Grand Est", "petit"), nor a place.
            if (len(parts) >= 2 and f" {parts[-1]} " in q and parts[-1][0].isalpha()
                    and parts[-1] not in self._lower and not set(content_terms(parts[-1])) & places):
                out.append(name)
        return out

    def room_named(self, folded_question: str) -> str | None:
        said = tokens(folded_question)
        return next((room for room in self._rooms if names_room(room, said)), None)

    def events_named(self, question: str) -> frozenset[str]:
        """The document(s) of the event the question names: by its place ("au colloque de
        Rouen"), or by its kind with its distinctive title words ("le forum des solidarités",
        "the training on territorial innovation"); empty when no event stands out."""
        # A compound place name counts whole: "Bourg-Saint-Maurice" names no event of "Saint-Denis".
        q = set(content_terms(join_compound_places(question)))
        said = kinds.event_kind_said(calendar.without_parts_of_day(question))
        # A place word names an event when few events share it (not "sociale" of a file name).
        places = {t for d, terms in self._event_places.items() for t in terms & q
                  if self._place_idf.get(t, 0.0) >= _DISTINCTIVE}
        by_place = {d for d, terms in self._event_places.items() if terms & places}
        # The place names an event whose document writes it too, though its parsed place does not.
        by_place |= {d for d in self._event_places if self._event_names.get(d, set()) & places}
        english = detect_language(question) == "en"
        # "the farming seminar" names a French title by its words' French ("agricole").
        said_terms = q | set(content_terms(expand(question, "en"))) if english else q
        if len(by_place) > 1:
            # Several events at that place ("le colloque de Vernelles" when two are held
            # there): the ones whose distinctive title words the question says too, if any do.
            titled = {d: self._title_words_said(said_terms, d) for d in by_place}
            best = max(titled.values())
            if best >= 1:
                by_place = {d for d, n in titled.items() if n == best}
        if len(by_place) > 1:
            # Still several: the ones of the kind the question says ("le forum de Vernelles"), if any.
            of_kind = {d for d in by_place if said is not None and said[0].id in self._event_kind[d]}
            if of_kind:
                by_place = of_kind
        if by_place:
            return frozenset(by_place)
        if said is None:
            return frozenset()
        kind, words = said
        q = said_terms
        # The words that said the kind ("steering committee", "comité de pilotage", and in an
        # English question their French too) name every event of that kind: they pick none of
        # them, even where one title spells them out.
        q -= set(content_terms(expand(words, "en") if english else words))
        candidates = [d for d, k in self._event_kind.items() if kind.id in k]
        scores = {d: self._title_words_said(q, d) for d in candidates}
        best = max(scores.values(), default=0)
        chosen = [d for d, s in scores.items() if s == best]
        if len(chosen) == 1 and (best >= 1 or len(candidates) == 1):
            return frozenset(chosen)
        return frozenset()

    def _title_words_said(self, q: set[str], doc_id: str) -> int:
        """How many distinctive words of the event's title the question's terms `q` hold."""
        return sum(1 for t in q & self._event_terms[doc_id] if self._event_idf[t] >= _DISTINCTIVE)

    def event_words(self, docs: frozenset[str], question: str) -> list[str]:
        """The question's words that named the event: they scope, they are not its topic. Once
        the event is known, every word of its title or place is scope ("aux Rencontres
        régionales de Lyon"), even one other events' titles share."""
        if not docs:
            return []
        terms = set().union(*(self._event_terms[d] | self._event_places[d] for d in docs))
        words = [w for w in re.findall(r"[\w'-]+", fold(question))
                 if w not in FRENCH_STOPWORDS and (stems := content_terms(w)) and stems[0] in terms]
        said = kinds.event_kind_said(calendar.without_parts_of_day(question))
        if said is not None and any(said[0].id in self._event_kind[d] for d in docs):
            # "le compte rendu", "au colloque": the kind that named the event is no topic either.
            words += [w for w in re.findall(r"[\w'-]+", said[1]) if w not in FRENCH_STOPWORDS]
        return list(dict.fromkeys(words))

    def records_in(self, answer: str) -> list[str]:
        """Records a previous answer is about, in the order it names them."""
        text = f" {_key(answer)} "
        hits = []
        for name in self._names:
            pos = text.find(f" {name.key} ")
            if pos >= 0:
                hits.append((pos, -len(name.key), name.record_id))
        return list(dict.fromkeys(rid for _, _, rid in sorted(hits)))

    def records(self, ids: tuple[str, ...]) -> list:
        return [self._records[i] for i in ids if i in self._records]

    def sessions_at(self, when) -> list[Session]:
        """Sessions held at a time filter (the anchor of "et le lendemain ?")."""
        from assistant.answering.temporal import matches_time

        if not when.active:
            return []
        return [s for s in self._sessions if matches_time(s, when)]


_CACHE: weakref.WeakKeyDictionary[LoadedIndex, CatalogueTerms] = weakref.WeakKeyDictionary()


def terms_of(index: LoadedIndex) -> CatalogueTerms:
    """The catalogue terms of a loaded index, built on first use (a reload builds new ones)."""
    found = _CACHE.get(index)
    if found is None:
        found = _CACHE[index] = CatalogueTerms(index)
    return found
