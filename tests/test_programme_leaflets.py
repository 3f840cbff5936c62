"""Programmes copied out of PDF leaflets (invented places and people): running page footers, a
plenary heading over its items, a closing round table's heading over its hours and title, the
practical box, a grid of workshops read cell by cell."""

from __future__ import annotations

from tests.programme_text import parse_text

_DAY = (
    "Journée « Bien vieillir au village » – 12 mars 2027                               page 1/2\n\n"
    "JOURNÉE D'ÉTUDE\nBIEN VIEILLIR AU VILLAGE\n\n"
    "MARDI 12 MARS 2027 · 9h – 17h\n\n"
    "PROGRAMME\n\n"
    "9h        Accueil café – hall Sud\n\n"
    "PLÉNIÈRE D'OUVERTURE – Amphithéâtre Lavoisier\n"
    "(retransmise en direct sur exemple.org/live)\n\n"
    "9h30 – 10h   Ouverture officielle\n"
    "Mots d'accueil : Mme Irène Castagnol, maire de Valbrune\n\n"
    "10h – 10h45   Conférence introductive\n"
    "« Vieillir loin des services »\n\n"
    "10h45 – 11h   Pause\n\n"
    "12h – 13h30   Déjeuner-buffet, hall Sud, offert par la commune\n\n"
    "Fédération des foyers ruraux · www.exemple.org                                    1/2\n"
    "Journée « Bien vieillir au village » – 12 mars 2027                               page 2/2\n\n"
    "15h – 15h15   Pause\n\n"
    "TABLE RONDE DE CLÔTURE – Amphithéâtre Lavoisier\n\n"
    "15h15 – 16h30\n"
    "« Qui viendra demain ? »\n"
    "Modération : Paul Ferrandon, journaliste\n\n"
    "16h30   Conclusions\n\n"
    "INFOS PRATIQUES\n\n"
    "ACCÈS\n"
    "Bus 4, arrêt Mairie.\n\n"
    "Fédération des foyers ruraux · www.exemple.org                                    2/2\n"
)


def test_a_plenary_heading_gives_its_room_and_stream_to_the_items_under_it() -> None:
    got = {s.title: s for s in parse_text(_DAY).sessions}
    for title in ("Ouverture officielle", "Vieillir loin des services"):
        assert (got[title].room, got[title].mode) == ("Amphithéâtre Lavoisier", "hybrid")
    # A break ends the plenary; its heading is no session.
    assert got["Pause"].room is None
    assert not any("PLÉNIÈRE" in t for t in got)


def test_a_closing_round_table_heading_heads_its_one_session() -> None:
    got = {s.title.strip("«» "): s for s in parse_text(_DAY).sessions}
    rt = got["Qui viendra demain ?"]
    assert (rt.kind, rt.room, rt.start, rt.end, rt.mode) == ("table ronde", "Amphithéâtre Lavoisier", "15:15", "16:30", "in_person")
    assert got["Conclusions"].room is None
    assert not any("TABLE RONDE" in t for t in got)


def test_a_welcome_coffee_is_no_container_and_a_lunch_names_its_room_between_commas() -> None:
    got = {s.title: s for s in parse_text(_DAY).sessions}
    assert (got["Accueil café"].room, got["Accueil café"].kind) == ("hall Sud", "pause")
    assert (got["Déjeuner-buffet"].room, got["Déjeuner-buffet"].kind) == ("hall Sud", "pause")


def test_page_footers_and_the_practical_box_are_no_sessions() -> None:
    titles = [s.title for s in parse_text(_DAY).sessions]
    assert not any("foyers ruraux" in t or "PRATIQUES" in t or "ACCÈS" in t or "Bus" in t for t in titles)
    assert sum(t == "Pause" for t in titles) == 2
