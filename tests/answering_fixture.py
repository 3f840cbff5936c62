"""A small hand-written programme with its hand-labelled catalogue, loaded as an index without
any model or vector store (BM25 only): the answering stages' unit tests run on it in
milliseconds, whatever the parser makes of it."""

from __future__ import annotations

from functools import lru_cache

from assistant.domain.models import Catalogue, Citation, Event, Person, Session, SessionPerson, Span
from assistant.domain.snapshot import Snapshot
from assistant.search.retrieval import LoadedIndex

PROGRAMME = """Rencontres régionales de la cohésion sociale
Lieu : Hôtel de Région, Lyon

Mardi 14 octobre 2025

9h00 – 9h30 : Accueil café

9h30 – 11h00 : Ateliers au choix

Salle Descartes
Atelier 1 : Vieillir chez soi, quelles solidarités de voisinage ?
Animation : Mme Claire Dubreuil, directrice du CCAS de Villeurbanne
Intervenant·e·s : Dr Karim Benali (ARS Auvergne-Rhône-Alpes), Julie Martin, chargée de mission, Métropole de Lyon

Salle Pascal
Atelier 2 : Mobilité solidaire en zone rurale
Animation : Paul Girard, délégué territorial, Département de l'Ain

Atelier 3 : Numérique et accès aux droits
Avec : Sophie Leroy, médiatrice numérique, association Connexions

14h00 – 16h00 : Table ronde « Jeunesse et engagement »
Salle Descartes
Modération : Marc Petit, journaliste

16h30 : Visite du jardin partagé des Pentes

Mercredi 15 octobre 2025

9h30 – 11h00 : Webinaire « Précarité énergétique » (en ligne)
Intervenante : Anne Morel, conseillère énergie, Agence locale de l'énergie

Contact : Lucie Bernard, chargée de communication, 04 72 00 00 00, lucie.bernard@example.org
Participation gratuite, inscription obligatoire avant le 7 octobre.

En clôture, Hélène Vasseur, grand témoin des Rencontres, a rappelé que la participation des habitants se construit dans la durée.
"""


DOC_ID = "rencontres-lyon"
TITLE = "Rencontres régionales de la cohésion sociale"


def span(quote: str, *, after: str = "") -> Span:
    """The exact span of `quote` in the programme (the first one after `after`)."""
    start = PROGRAMME.index(quote, PROGRAMME.index(after) if after else 0)
    return Span(doc_id=DOC_ID, start=start, end=start + len(quote), quote=quote)


def _cite(s: Span) -> Citation:
    return Citation(doc_id=DOC_ID, title=TITLE, quote=s.quote, start=s.start, end=s.end)


def _session(sid: str, title: str, *, date: str, day: str, start: str, end: str | None, time: str,
             room: str | None, kind: str, people: list[tuple[str, str, str]], mode: str | None = None,
             block_end: str | None = None) -> Session:
    title_span = span(title)
    fields = {"title": title_span, "date": span(day), "start": span(time, after=day)}
    if room:
        fields["room"] = span(room, after=time)
    block = span(PROGRAMME[title_span.start:PROGRAMME.index(block_end, title_span.start) + len(block_end)]
                 if block_end else title)
    return Session(id=sid, title=title, kind=kind, event=TITLE, doc_id=DOC_ID, date=date, start=start,
                   end=end, room=room, people=[SessionPerson(person_id=pid, name=name, role=role)
                                               for pid, name, role in people],
                   citation=_cite(block), fields=fields)


def _person(pid: str, name: str, line: str, role: str | None, affiliation: str | None, sid: str) -> Person:
    return Person(id=pid, name=name, role=role, affiliation=affiliation, doc_id=DOC_ID, sessions=[sid],
                  citation=_cite(span(line)))


def catalogue() -> Catalogue:
    day1, day2 = "Mardi 14 octobre 2025", "Mercredi 15 octobre 2025"
    sessions = [
        _session("s-accueil", "Accueil café", date="2025-10-14", day=day1, start="09:00", end="09:30",
                 time="9h00 – 9h30", room=None, kind="pause", people=[]),
        _session("s-vieillir", "Vieillir chez soi, quelles solidarités de voisinage ?", date="2025-10-14",
                 day=day1, start="09:30", end="11:00", time="9h30 – 11h00", room="Salle Descartes",
                 kind="atelier", people=[("p-dubreuil", "Claire Dubreuil", "animateur"),
                                         ("p-benali", "Karim Benali", "intervenant")],
                 block_end="Métropole de Lyon"),
        _session("s-mobilite", "Mobilité solidaire en zone rurale", date="2025-10-14", day=day1,
                 start="09:30", end="11:00", time="9h30 – 11h00", room="Salle Pascal", kind="atelier",
                 people=[("p-girard", "Paul Girard", "animateur")], block_end="Département de l'Ain"),
        _session("s-numerique", "Numérique et accès aux droits", date="2025-10-14", day=day1,
                 start="09:30", end="11:00", time="9h30 – 11h00", room=None, kind="atelier",
                 people=[("p-leroy", "Sophie Leroy", "intervenant")], block_end="association Connexions"),
        _session("s-jeunesse", "Jeunesse et engagement", date="2025-10-14", day=day1, start="14:00",
                 end="16:00", time="14h00 – 16h00", room="Salle Descartes", kind="table ronde",
                 people=[("p-petit", "Marc Petit", "animateur")], block_end="journaliste"),
        # A start and no end: the programme does not say when the visit is over.
        _session("s-visite", "Visite du jardin partagé des Pentes", date="2025-10-14", day=day1, start="16:30",
                 end=None, time="16h30", room=None, kind="visite", people=[]),
        _session("s-energie", "Précarité énergétique", date="2025-10-15", day=day2, start="09:30",
                 end="11:00", time="9h30 – 11h00", room=None, kind="webinaire",
                 people=[("p-morel", "Anne Morel", "intervenant")], block_end="Agence locale de l'énergie"),
    ]
    people = [
        _person("p-dubreuil", "Claire Dubreuil", "Mme Claire Dubreuil, directrice du CCAS de Villeurbanne",
                "directrice", "CCAS de Villeurbanne", "s-vieillir"),
        _person("p-benali", "Karim Benali", "Dr Karim Benali (ARS Auvergne-Rhône-Alpes)", None,
                "ARS Auvergne-Rhône-Alpes", "s-vieillir"),
        _person("p-girard", "Paul Girard", "Paul Girard, délégué territorial, Département de l'Ain",
                "délégué territorial", "Département de l'Ain", "s-mobilite"),
        _person("p-leroy", "Sophie Leroy", "Sophie Leroy, médiatrice numérique, association Connexions",
                "médiatrice numérique", "association Connexions", "s-numerique"),
        _person("p-petit", "Marc Petit", "Marc Petit, journaliste", "journaliste", None, "s-jeunesse"),
        _person("p-morel", "Anne Morel", "Anne Morel, conseillère énergie, Agence locale de l'énergie",
                "conseillère énergie", "Agence locale de l'énergie", "s-energie"),
    ]
    title = span(TITLE)
    event = Event(id="e-lyon", title=TITLE, doc_id=DOC_ID, place="Hôtel de Région, Lyon", date="2025-10-14",
                  date_end="2025-10-15", citation=_cite(title),
                  fields={"title": title, "place": span("Hôtel de Région, Lyon"),
                          "date": span("Mardi 14 octobre 2025"), "date_end": span("Mercredi 15 octobre 2025")})
    return Catalogue(events=[event], sessions=sessions, people=people)


def _document():
    from ingest.load import make_document

    return make_document(doc_id=DOC_ID, source=f"{DOC_ID}.txt", text=PROGRAMME, meta={"title": TITLE})


@lru_cache(maxsize=1)
def loaded_index() -> LoadedIndex:
    """The hand-labelled catalogue and the programme's passages, indexed for BM25 only."""
    from ingest.pipeline import document_items

    doc = _document()
    cat = catalogue()
    passages, entries = document_items(doc, cat)
    return LoadedIndex(Snapshot(embed_model="none", documents=[doc], passages=passages,
                                catalogue=cat, entries=entries))


def resources():
    from assistant.answering.retrieve import Resources

    return Resources(index=loaded_index(), embedder=None, store=None, lexical_weight=1.0)


def index_of(texts: dict[str, str]) -> LoadedIndex:
    """Several invented programmes, parsed by the real parser and indexed for BM25 only."""
    from ingest.load import make_document
    from ingest.pipeline import document_items
    from ingest.programme import parse_programme

    docs = [make_document(doc_id=d, source=f"{d}.txt", text=t, meta={"title": t.split("\n")[0]})
            for d, t in texts.items()]
    cats = [parse_programme(doc) for doc in docs]
    cat = Catalogue(**{k: [r for c in cats for r in getattr(c, k)]
                       for k in ("events", "sessions", "people", "initiatives", "sections")})
    passages, entries = [], []
    for doc, own in zip(docs, cats, strict=True):  # each document with its own records, as ingest does
        p, e = document_items(doc, own)
        passages += p
        entries += e
    return LoadedIndex(Snapshot(embed_model="none", documents=docs, passages=passages, catalogue=cat,
                                entries=entries))
