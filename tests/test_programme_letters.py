"""Invitation letters to a journée départementale or a rencontre: a letterhead, "Madame,
Monsieur,", the context, the programme as a block, a reply form with its deadline and an elected
official's signature. Invented letters only. No model, no index."""

from __future__ import annotations

from tests.programme_text import parse_text

TRIANGLES = (
    "Département du Haut-Vernois\n\n"
    "Madame, Monsieur,\n\n"
    "J'ai le plaisir de vous inviter à la journée départementale de l'accès aux droits, le mardi\n"
    "9 mars 2027 à l'espace Lucien-Fargues de Sorbiers-le-Haut.\n\n"
    "Au programme :\n\n"
    "9h00 – 9h30    Accueil des participants\n"
    "11h00 – 12h30  Tables rondes en parallèle :\n"
    "               ▸ Numérique et accès aux droits (salle A)\n"
    "               ▸ Aller vers les publics isolés (salle B)\n"
)


def test_triangle_markers_list_the_parallel_sessions():
    """"▸" marks the items of a slot that announced parallel sessions, as "•" does; the room in
    brackets is no part of the title."""
    cat = parse_text(TRIANGLES)
    rows = [(s.title, s.room, s.start, s.end) for s in cat.sessions]
    assert ("Numérique et accès aux droits", "salle A", "11:00", "12:30") in rows
    assert ("Aller vers les publics isolés", "salle B", "11:00", "12:30") in rows


PLENARY = (
    "Madame, Monsieur,\n\n"
    "Nous avons le plaisir de vous inviter à la rencontre départementale « Bien vieillir chez soi »,\n"
    "le jeudi 18 mars 2027 à l'hôtel du Département de Vaubrun.\n\n"
    "PROGRAMME\n\n"
    "• 9h15 : Accueil café (hall d'honneur)\n\n"
    "• 9h45 – 10h30 : Plénière d'ouverture (amphithéâtre Léonie-Aubrac)\n"
    "  Mot d'accueil de M. Paul Ferrand, vice-président chargé de l'autonomie\n"
    "  « Vieillir à domicile : ce que disent les chiffres »\n"
    "  par Mme Rose Alaric, démographe\n\n"
    "• 12h15 – 13h45 : Déjeuner sur place (salons du premier étage)\n\n"
    "• 14h-15h30 : Table ronde « Adapter son logement » (amphithéâtre Léonie-Aubrac)\n"
    "  (également en visioconférence, lien envoyé la veille aux inscrits)\n"
    "  Modération : M. Karim Vidal, journaliste\n"
)


def test_a_plenary_holds_its_welcome_and_its_talk():
    """A timed kind with its room ("Plénière d'ouverture (amphithéâtre X)") names that item: the
    speaker's line under it is no title, nor the talk quoted further down; a note in brackets is
    no session; a room word with accents, or a place of the venue ("salons du premier étage"),
    in brackets at the end of the line is the item's room."""
    cat = parse_text(PLENARY)
    rows = [(s.title, s.room, s.start) for s in cat.sessions]
    assert rows == [
        ("Accueil café", "hall d'honneur", "09:15"),
        ("Plénière d'ouverture", "amphithéâtre Léonie-Aubrac", "09:45"),
        ("Déjeuner sur place", "salons du premier étage", "12:15"),
        ("Adapter son logement", "amphithéâtre Léonie-Aubrac", "14:00"),
    ]


LETTERHEAD = (
    "CONSEIL DÉPARTEMENTAL DU VAL-D'ORMES\n"
    "Direction de l'Autonomie\n\n"
    "Brévannes, le 2 février 2027\n\n"
    "Objet : invitation à la rencontre départementale des aidants\n\n"
    "Madame, Monsieur,\n\n"
    "Le Département vous invite à la rencontre départementale « Aider sans s'oublier », qui se\n"
    "tiendra le jeudi 18 mars 2027 à l'espace Colbert de Lussan.\n\n"
    "Programme de la journée\n\n"
    "9h30 – 10h00   Accueil des participants\n"
    "10h00 – 12h00  Table ronde « Être aidant à la campagne »\n"
    "12h00 – 13h30  Repas sur place\n"
    "13h30 – 15h30  Échanges avec les aidants\n\n"
    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n"
    "La Présidente du Conseil départemental,\n"
    "Hortense Vallier\n\n"
    "COUPON-RÉPONSE\n"
    "à retourner avant le vendredi 5 mars 2027\n"
    "par courriel : aidants@val-dormes.example\n"
    "Nom : ..................... Prénom : .....................\n"
    "Participera au repas : oui / non\n"
)


def test_a_letter_dated_where_it_is_written():
    """The letter's dateline ("Town, le 2 février 2027") is when it was written: the sessions take
    the day the letter invites to. A meal "sur place" is a session, not a mode; the reply form
    and its deadline, the courtesy formula and the signature are none."""
    cat = parse_text(LETTERHEAD)
    assert [s.title for s in cat.sessions] == ["Accueil des participants", "Être aidant à la campagne",
                                               "Repas sur place", "Échanges avec les aidants"]
    assert {s.date for s in cat.sessions} == {"2027-03-18"}
    assert [(s.start, s.end) for s in cat.sessions][2] == ("12:00", "13:30")


def test_dateline_and_reply_form_words():
    from ingest.programme import dates, letters

    assert dates.stamp_line("À Brévannes, le 2 février 2027")
    assert dates.stamp_line("Fait à Saint-Aulde, le 3 mars 2027.")
    assert not dates.stamp_line("Rendez-vous à Lussan, le 3 mars 2027 à 9h")
    assert not dates.stamp_line("Jeudi, le 18 mars 2027")
    assert letters.ends_programme("Coupon-réponse à retourner avant le 5 mars")
    assert letters.ends_programme("Merci de confirmer votre présence avant le 5 mars 2027.")
    assert not letters.ends_programme("Bilan des coupons distribués en 2026")


DURATIONS = (
    "Madame, Monsieur,\n\n"
    "J'ai le plaisir de vous convier à la journée départementale de l'insertion, le vendredi\n"
    "4 juin 2027, au centre culturel de Kerbastic.\n\n"
    "PROGRAMME\n\n"
    "- 09h00 > 09h30 Accueil\n"
    "- 09h30 > 10h00 Discours d'ouverture (30 min)\n"
    "- Présentation du baromètre des parcours (45 min)\n"
    "- 12h15 Déjeuner\n"
)


def test_an_item_with_its_length_only():
    """In a list of timed items, the next item that gives its length ("(45 min)") and no hours is
    a session of its own, with no hours (not the hours of the item above)."""
    cat = parse_text(DURATIONS)
    rows = [(s.title, s.start, s.end) for s in cat.sessions]
    assert ("Présentation du baromètre des parcours (45 min)", None, None) in rows
    assert ("Discours d'ouverture (30 min)", "09:30", "10:00") in rows
    assert len(rows) == 4


# A letter whose address block pushes its announcing sentence below the page's head.
_INVITATION = (
    "Direction de la cohésion sociale\nService des solidarités\n\n"
    + "".join(f"Destinataire {n}\n" for n in range(1, 25))
    + "\nMadame, Monsieur,\n\nJ'ai le plaisir de vous convier à la journée départementale des aidants,\n"
    "qui se tiendra le jeudi 12 mars 2026 à l’Espace des Tanneurs,\n21 rue des Lices, 99000 Vernelles.\n\n"
    "Programme\n\n9h30 – Accueil\n10h – Table ronde : aider sans s'épuiser\n"
)
# A mail that sets its meeting's date and place apart under the sentence that announces it.
_MAIL = (
    "Objet : réunion du réseau – mardi 17 mars\nDate : jeu. 26 févr. 2026 à 16:42\n\nBonjour à toutes et à tous,\n\n"
    "La prochaine réunion du réseau aura lieu le\n\n    mardi 17 mars 2026, de 9h15 à 16h30\n"
    "    à l'Espace Jeunes de Brescourt, 4 rue des Écoles, 99100 Brescourt\n"
    "    salle du Lavoir (1er étage)\n\nOrdre du jour\n\n9h15 – Accueil\n10h – Actualités du réseau\n"
)


def test_the_sentence_that_announces_a_meeting_says_where_it_is_held() -> None:
    # Far below the head, in the sentence's own words: the place after "à" that a capital
    # follows, to the sentence's end.
    event = parse_text(_INVITATION).events[0]
    assert event.place == "Espace des Tanneurs,\n21 rue des Lices, 99000 Vernelles"
    # Under the date set apart from its sentence: the venue line, without its "à l'".
    event = parse_text(_MAIL).events[0]
    assert event.place == "Espace Jeunes de Brescourt, 4 rue des Écoles, 99100 Brescourt"


def test_who_attends_and_the_hour_are_no_part_of_the_announced_place() -> None:
    from ingest.programme.build import _announced_place

    text = ("Le lancement aura lieu le lundi 5 octobre à 10 h à l’Hôtel de ville, à Vernelles, en présence "
            "de M. le Maire.\n\n9h – Accueil\n")
    a, b = _announced_place(text, len(text))  # type: ignore[misc]
    assert text[a:b] == "Hôtel de ville, à Vernelles"
    assert _announced_place("La réunion aura lieu le lundi 5 octobre à 10 h.\n", 60) is None
