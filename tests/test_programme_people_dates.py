"""People and dates of programmes, one spelling at a time, on small invented texts (fictional
people, places and organisations): how a programme writes a person's function and organisation,
in role lines and in running text, and how it dates and times its sessions."""

from __future__ import annotations

import hashlib

import pytest

from assistant.domain.models import Document
from ingest.programme import parse_programme
from ingest.programme.people import is_function_word


def _parse(text: str):
    doc = Document(doc_id="pd", title=text.splitlines()[0], text=text, source="pd.txt",
                   sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text))
    cat = parse_programme(doc)
    for r in [*cat.sessions, *cat.people]:
        for name, span in r.fields.items():
            assert doc.text[span.start : span.end] == span.quote, (r.id, name)
    return cat


def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.role, p.affiliation) for p in _parse(text).people}


@pytest.mark.parametrize(
    "word", ["monitrice", "conteuse", "encadrante", "historienne", "infirmière", "maîtresse", "coordinateur·rice",
             "réalisatrice", "Journaliste", "membre", "factrice", "propriétaire", "artisane", "locataire",
             "pair-aidante", "sage-femme", "vétérinaire", "jardinière"],
)  # fmt: skip
def test_a_function_word_in_any_gender_or_inclusive_spelling(word: str) -> None:
    assert is_function_word(word)


@pytest.mark.parametrize("word", ["table", "ancienne", "atelier", "visite"])
def test_common_words_are_no_function(word: str) -> None:
    assert not is_function_word(word)


def test_a_whole_name_ends_its_role_line_and_the_description_follows() -> None:
    # "Modération : Jeanne Vallin" is a complete name: the capitalised line under it describes
    # the session, it is no surname of hers.
    text = ("Cycle « Vivre au village »\n\nSÉANCE 1\nMardi 14/10/2025 – 14h à 16h30\n« Rompre l’isolement »\n"
            "Modération : Jeanne Vallin\n"
            "Élus, facteurs, voisins : qui repère les personnes seules ?\n")
    assert _people(text)["Jeanne Vallin"][0] == "animateur"


def test_a_lone_first_name_after_a_civility_still_waits_for_its_surname() -> None:
    text = ("Cycle « Vivre au village »\n\nSÉANCE 1\nMardi 14/10/2025 – 14h à 16h30\n« Rompre l’isolement »\n"
            "Intervenant·e·s : Odile Brac, directrice du foyer rural ; Dr Paul\n"
            "Sennac, médecin généraliste, maison de santé du Val\n")
    got = _people(text)
    assert got["Paul Sennac"][0] == "médecin généraliste"


def test_a_possessive_function_before_the_name_opens_a_sentence() -> None:
    text = ("Lettre du forum\nForum – mardi 18 novembre 2025\n\n"
            "L’épicerie ouvre trois jours par semaine. Son coordinateur, Bruno Tessel, a présenté le bilan.\n"
            "Sa trésorière, Agathe Mourier, a rappelé les tarifs.\n")
    got = _people(text)
    assert got["Bruno Tessel"][0] == "coordinateur"
    assert got["Agathe Mourier"][0] == "trésorière"


def test_a_trade_after_the_name_in_prose() -> None:
    text = ("Lettre du forum\nForum – mardi 18 novembre 2025\n\n"
            "Rose Delmotte, monitrice et responsable pédagogique, a annoncé un taux de réussite de 80 %.\n"
            "Grand témoin de la journée, Marcel Aubrac, ancien directeur de l’agence, a conclu.\n")
    got = _people(text)
    assert got["Rose Delmotte"][0].startswith("monitrice")
    assert got["Marcel Aubrac"][0].startswith("ancien directeur")


def test_the_trades_of_people_who_testify_in_a_speaker_list() -> None:
    # In a leaflet's cell the list follows the moderator on her line: no role label opens it.
    text = ("Journée « Habiter l’hiver »\n\n14h00 – 15h30 Atelier : rénover ensemble\n"
            "Anim. : Léa Vignal, Agence du Val · Avec : Gilles Moutard,\nfacteur, La Poste du Haut-Pré ; "
            "Noëlie Brassac,\npropriétaire occupante à Vernol ; Anatole Rieux, artisan menuisier, Chambre des métiers du Val\n")
    got = _people(text)
    assert got["Gilles Moutard"] == ("facteur", "La Poste du Haut-Pré")
    assert got["Noëlie Brassac"][0].startswith("propriétaire occupante")
    assert got["Anatole Rieux"] == ("artisan menuisier", "Chambre des métiers du Val")


def test_a_title_without_comma_before_the_name() -> None:
    text = ("Lettre du forum\nForum – mardi 18 novembre 2025\n\n"
            "La seconde table ronde, modérée par la journaliste Iris Lamarck (Radio Vallée), réunissait la CAF.\n"
            "L’architecte Hugo Verlaine a détaillé les plans.\n")
    got = _people(text)
    assert got["Iris Lamarck"] == ("journaliste", "Radio Vallée")
    assert got["Hugo Verlaine"][0] == "architecte"


def test_people_a_participle_hands_the_session_to() -> None:
    text = ("Semaine des mémoires\n\nJeudi 12 mars 2026\n\n14h30 – Atelier « Raconte ta rue »\n"
            "Animé par Léonie GRANVAL, bibliothécaire de la médiathèque du Parc, et Tristan MORVIC,\n"
            "preneur de son.\n")
    got = _people(text)
    assert got["Léonie GRANVAL"][0].startswith("bibliothécaire")
    assert "Tristan MORVIC" in got


def test_and_inside_a_function_names_nobody() -> None:
    text = ("Meetings\n\nThursday 12 March 2026\n\n9:15 am – 9:45 am – Opening\n"
            "Opening speech by Ana Ruiz Solé, Deputy Mayor for Culture and Local Life.\n")
    got = _people(text)
    assert "Ana Ruiz Solé" in got
    assert "Local Life" not in got


def test_a_name_wrapped_after_its_first_name_and_a_name_that_ends_its_line() -> None:
    text = ("Lettre du forum\nForum – mardi 18 novembre 2025\n\n"
            "Douze salariés y travaillent ; Yvon\n"
            "KERDAL, encadrant technique, a souligné leurs progrès.\n\n"
            "Grand témoin : Pr Claire ABELIN\n"
            "Rapporteur : Noël VARENNE\n")
    got = _people(text)
    assert got["Yvon KERDAL"][0] == "encadrant technique"
    assert "Claire ABELIN" in got
    assert not any("Rapporteur" in name for name in got)


def test_a_contact_line_in_prose_stops_before_the_phone() -> None:
    text = ("Formation\n\nLieu : centre de formation\n\n"
            "Louise PRADEL, assistante de formation – 02 31 00 00 00 – formation@exemple.fr\n")
    got = _people(text)
    assert got["Louise PRADEL"][0] == "assistante de formation"


@pytest.mark.parametrize(
    ("text", "function", "affiliation"),
    [("maire de Valbrune", "maire de Valbrune", None),
     ("adjointe au maire de Valbrune chargée de la culture", "adjointe au maire de Valbrune chargée de la culture", None),
     ("Deputy Mayor of Valbrune for Culture", "Deputy Mayor of Valbrune for Culture", None),
     ("médecin à la maison de santé de Valbrune", "médecin", "maison de santé de Valbrune"),
     ("juriste à la fédération régionale des foyers ruraux", "juriste", "fédération régionale des foyers ruraux"),
     ("membre du collectif", "membre du collectif", None),
     ("directrice du CCAS de Valbrune", "directrice", "CCAS de Valbrune"),
     ("consultant Ordalis", "consultant", "Ordalis")],
)  # fmt: skip
def test_a_place_is_where_a_function_is_held_and_an_organisation_is_named(text, function, affiliation) -> None:
    from ingest.programme.people import split_function

    fn, aff = split_function(text, 0, len(text))
    assert (text[fn[0]:fn[1]] if fn else None, text[aff[0]:aff[1]] if aff else None) == (function, affiliation)


def test_a_lone_word_cut_short_by_a_list_or_a_wrapped_cell_stays_an_organisation() -> None:
    from ingest.programme.people import split_function

    text = "directrice d’Horizon et Partage Solidaire"
    fn, aff = split_function(text, 0, text.index(" et "))
    assert text[aff[0]:aff[1]] == "Horizon"
    text = "fondateur du Garage\n | | | solidaire du Val"
    fn, aff = split_function(text, 0, text.index("\n"))
    assert text[aff[0]:aff[1]] == "Garage"
