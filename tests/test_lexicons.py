"""The genre's lexicons are consistent data: complete translations, no duplicate or shadowed
entries, patterns that compile, and the lookups built on them behave."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from assistant.language import calendar, kinds, modes, roles
from assistant.language.lexicon import load
from assistant.language.pending import only_pending, pending
from assistant.language.places import ADDRESS
from assistant.language.text import fold


def test_calendar_tables_are_complete() -> None:
    data = load("calendar")
    for key in ("fr", "en", "fr_short", "en_short"):
        assert len(data["weekdays"][key]) == 7 and all(data["weekdays"][key])
        assert len(data["months"][key]) == 12
    for key in ("fr", "en"):
        assert all(data["months"][key])
    # Parts of the day tile the 24 hours without overlap.
    spans = sorted(tuple(p["hours"]) for p in data["parts_of_day"].values())
    assert spans[0][0] == 0 and spans[-1][1] == 24
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_month_words_cover_full_and_abbreviated_forms() -> None:
    words = calendar.month_words()
    assert words["fevr"] == words["fev"] == words["february"] == 2
    assert words["sept"] == words["sep"] == 9 and words["decembre"] == 12
    assert calendar.weekday_words()["mercredi"] == calendar.weekday_words()["wed"] == 2


@pytest.mark.parametrize("table", ["session", "event", "programme"])
def test_kinds_have_labels_and_unshared_words(table: str) -> None:
    entries = load("kinds")[table]
    assert len({e["id"] for e in entries}) == len(entries)
    for e in entries:
        assert e["fr"].strip() and e["en"].strip() and e["words_fr"] and e["words_en"], e["id"]
        for w in e["words_fr"] + e["words_en"]:
            re.compile(w)
    shared = Counter(w for e in entries for w in set(e["words_fr"] + e["words_en"]))
    assert [w for w, n in shared.items() if n > 1] == []


def test_roles_have_labels_and_unshared_label_words() -> None:
    entries = load("roles")["role"]
    assert len({e["id"] for e in entries}) == len(entries)
    for e in entries:
        assert e["fr"].strip() and e["en"].strip() and e["labels"] and e["asked_fr"] and e["asked_en"]
    shared = Counter(w for e in entries for w in set(e["labels"]))
    assert [w for w, n in shared.items() if n > 1] == []


@pytest.mark.parametrize(
    ("label", "role"),
    [("Animation", "animateur"), ("Animateur·rice", "animateur"), ("Modératrice :", "animateur"),
     ("Présidence", "président"), ("Avec", "intervenant"), ("Intervenant·e·s", "intervenant"),
     ("INTERVENANTS", "intervenant"), ("Grand témoin", "grand témoin"), ("Rapporteure", "rapporteur"),
     ("Contact presse", "contact"), ("Formatrice", "formateur"), ("With", "intervenant")],
)
def test_programme_labels_name_their_role(label: str, role: str) -> None:
    found = roles.role_of_label(label)
    assert found is not None and found.id == role


@pytest.mark.parametrize("label", ["Public", "Durée", "Lieu", "Salle", "Objectifs"])
def test_other_labels_name_no_role(label: str) -> None:
    assert roles.role_of_label(label) is None


@pytest.mark.parametrize(
    ("question", "wanted"),
    [("Qui anime la table ronde ?", {"animateur"}), ("who moderates the panel?", {"animateur"}),
     ("Qui intervient dans cet atelier ?", {"intervenant"}), ("Who is the trainer?", {"formateur"}),
     # "présentiel" is how one attends, not who presents.
     ("Combien de séances se font en présentiel ?", set()), ("Qui présente le projet ?", {"intervenant"}),
     # A verb asks for the role in a question asking who, not otherwise.
     ("Who runs the food bank?", {"animateur"}), ("Which town hosts the forum?", set()),
     ("How long does the training run?", set()), ("What does the project lead to?", set()),
     ("Who talks about housing?", {"intervenant"}), ("What are the talks about?", set()),
     # "Les animations" are activities; "l'animation" is the role's label.
     ("Combien d'animations faut-il réserver ?", set()), ("L'animation est assurée par qui ?", {"animateur"})],
)
def test_questions_name_the_role_they_ask_for(question: str, wanted: set[str]) -> None:
    assert roles.roles_asked(question) == wanted


def test_inclusive_writing_folds_for_matching() -> None:
    assert roles.uninclusive("intervenant·e·s") == "intervenants"
    assert roles.uninclusive("animateur·rice") == "animateur"
    assert roles.uninclusive("élu.es") == "élus"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Table ronde : les jeunes", "table ronde"), ("Atelier 3 – Salle 2", "atelier"),
     ("Déjeuner libre", "pause"), ("Pause-café", "pause"), ("Accueil café", "pause"),
     ("Séance plénière d'ouverture", "plénière"), ("Webinaire n°2", "webinaire"),
     ("et la conf sur le sommeil ?", "conférence")],  # how people type it
)
def test_session_kinds(text: str, kind: str) -> None:
    found = kinds.session_kind_of(text)
    assert found is not None and found.id == kind


@pytest.mark.parametrize(
    ("question", "named"),
    [("Quels sont les horaires d'ouverture de la médiathèque ?", set()),
     ("What are the opening hours of the pool?", set()),
     ("Quand a lieu l'ouverture du forum ?", {"ouverture"}), ("Who speaks at the opening?", {"ouverture"})],
)
def test_a_place_s_opening_hours_name_no_opening_session(question: str, named: set[str]) -> None:
    assert kinds.kinds_named(question) == named


@pytest.mark.parametrize(
    ("text", "mode"),
    [("en visioconférence", "online"), ("Webinaire (lien envoyé)", "online"), ("en ligne", "online"),
     ("sur place et en ligne", "hybrid"), ("en présentiel", "in_person"), ("Salle Descartes", None)],
)
def test_modes(text: str, mode: str | None) -> None:
    assert modes.mode_named(text) == mode


def test_calendar_words_and_formatting() -> None:
    assert calendar.part_of_day_named("mardi en fin de journée").name == "evening"
    assert calendar.part_of_day_named("Wednesday morning").name == "morning"
    assert calendar.part_of_day_named("l'après-midi").name == "afternoon"
    assert calendar.relative_day("et le lendemain matin ?") == 1
    assert calendar.relative_day("the day before?") == -1
    assert calendar.day_label("2025-03-04", "fr") == "mardi 4 mars 2025"
    assert calendar.day_label("2016-07-01", "fr") == "vendredi 1er juillet 2016"
    assert calendar.day_label("--11-06", "en") == "6 November"
    assert calendar.time_label("09:15", "10:00", "fr") == "9h15–10h00"
    assert calendar.time_label("14:00", None, "en") == "from 14:00"


def test_asking_patterns_do_not_match_inside_a_word() -> None:
    """An asking word found inside a longer word asks nothing: "location" in "colocations",
    "phone" in "smartphone" (elisions such as "l'heure" are whole words)."""
    import re

    from assistant.language.lexicon import load

    words = ["colocations", "smartphone", "smartphones", "telephonie", "relocalisation"]
    for name, entry in load("asking").items():
        if name in ("filler", "frame", "pronoun"):
            continue
        for pattern in entry.get("fr", []) + entry.get("en", []):
            for w in words:
                m = re.search(pattern, w)
                assert not (m and m.start() > 0), (name, pattern, w)


@pytest.mark.parametrize(("text", "expected"), [
    ("(salle à confirmer)", True), ("Date à préciser", True), ("Room TBC", True), ("lieu à définir", True),
    ("Blois – lieu précisé ultérieurement", True),
    ("Salle Vauban", False), ("Confirmation avant le 3 mars", False), ("à partir de 14h", False)])
def test_pending_words_say_a_value_is_not_known_yet(text: str, expected: bool) -> None:
    assert pending(text) is expected


def test_a_line_that_only_says_a_room_is_pending() -> None:
    rx = only_pending(r"salles?|lieux?|room|venue")
    assert rx.match(fold("(Salle à confirmer)")) and rx.match(fold("Room TBC"))
    assert not rx.match(fold("Salle Vauban (à confirmer le matin même, voir l'accueil)"))


def test_a_generic_session_word_filters_no_kind_and_auxiliaries_are_no_topic() -> None:
    assert kinds.is_generic("séance") and not kinds.is_generic("atelier") and not kinds.is_generic("webinaire")
    from assistant.language.text import content_terms

    assert content_terms("How many sessions does it have? Qui était là ?") == content_terms("How many sessions? là")


def test_bm25_reads_an_english_question_in_the_glossarys_french() -> None:
    from assistant.language.glossary import french_search_text

    text = french_search_text("Which room is the workshop on mental health in Quimper?", "en")
    words = text.split()
    # Translated words give way to their French; a phrase goes whole; a name stays as written.
    assert "atelier" in words and "salle" in words and "sante mentale" in text and "quimper" in words
    assert "workshop" not in words and "room" not in words and "mental" not in words
    # French questions are read as they are asked (with any borrowed English phrase's French).
    assert french_search_text("Quelle salle pour l'atelier ?", "fr") == "Quelle salle pour l'atelier ?"


@pytest.mark.parametrize(
    ("place", "left"),
    [("Hôtel du Département – 43 rue de la République, Amiens", "Hôtel du Département – , Amiens"),
     ("Maison de la Culture – 2, place Léon-Gontier – 80000 Amiens", "Maison de la Culture – – Amiens"),
     ("Grenoble, Hôtel de Ville – 11 boulevard Jean-Pain", "Grenoble, Hôtel de Ville –")],
)  # fmt: skip
def test_an_address_is_told_apart_from_the_names_of_a_place(place: str, left: str) -> None:
    assert " ".join(ADDRESS.sub(" ", place).split()) == left


def test_a_discussant_is_read_as_a_session_role() -> None:
    from ingest.programme.people import role_line

    found = role_line("Discutante : Hélène Marty, inspectrice du travail")
    assert found is not None and found[0] == "grand témoin"


def test_compound_place_names_are_one_word_and_parts_of_the_day_no_event() -> None:
    from assistant.language.calendar import without_parts_of_day
    from assistant.language.places import compound_places, compound_runs, join_compound_places

    assert compound_places("Bobigny (Seine-Saint-Denis), Boulogne-sur-Mer, les tiers-lieux") == \
        ["SeineSaintDenis", "BoulognesurMer"]  # "tiers-lieux" has no particle: no place
    assert join_compound_places("à Saint-Firmin, peut-être") == "à SaintFirmin, peut-être"
    assert join_compound_places("à Villeneuve-sur-Lot") == "à VilleneuvesurLot Villeneuve"
    assert "saintfirmin" in compound_runs(["forum", "saint", "firmin"])
    assert "journee" not in without_parts_of_day("Quels ateliers mardi en fin de journée ?")
    assert "journee" in without_parts_of_day("La journée régionale commence à 9h")


@pytest.mark.parametrize(("lower_word", "name", "demonym"), [
    ("vernellaise", "vernelles", True),  # the name's "es" drops before the ending
    ("brescourtois", "brescourt", True),
    ("lunellois", "lunel", True),  # a consonant doubles
    ("sarlatiennes", "sarlat", True),
    ("formations", "formation", False),  # a plural is another form of the word
    ("missionnaire", "mission", False),
    ("vernelles", "vernelles", False),
])
def test_a_towns_demonym_is_its_name_with_an_ending(lower_word: str, name: str, demonym: bool) -> None:
    from assistant.language.places import is_demonym_of

    assert is_demonym_of(lower_word, name) is demonym


@pytest.mark.parametrize(("question", "rank", "label", "kind"), [
    ("Qui est le discutant de la première séance ?", 1, None, "séance"),
    ("Who chairs the final session?", -1, None, "séance"),
    ("le dernier labo, c'est quand ?", -1, None, "labo"),
    ("Qui intervient à l'atelier B ?", None, "b", "atelier"),
    ("Dans quelle salle est le labo n°4 ?", None, "4", "labo"),
    ("La séance 3, c'est où ?", None, "3", "séance"),
])  # fmt: skip
def test_an_item_is_pointed_at_by_its_rank_or_its_label(question, rank, label, kind) -> None:
    from assistant.language.ordinals import item_reference

    ref = item_reference(question)
    assert ref is not None and (ref.rank, ref.label) == (rank, label) and kind in ref.kinds


@pytest.mark.parametrize("question", ["On va à l'atelier à 14h ?", "l'atelier 12 h, c'est où ?",
                                      "Quel atelier a lieu l'après-midi ?"])
def test_a_time_or_a_lower_case_word_is_no_item_label(question: str) -> None:
    from assistant.language.ordinals import item_reference

    assert item_reference(question) is None


def test_a_session_block_carries_its_label() -> None:
    from assistant.language.ordinals import carries_label, item_reference

    ref = item_reference("le labo n°4")
    assert carries_label("Labo n°4 · mardi 10 mars", ref) and carries_label("LABO N° 4 – Salle X", ref)
    assert not carries_label("Labo n°14 · mardi", ref) and not carries_label("Salle 4", ref)


@pytest.mark.parametrize(
    ("kind", "lang", "plural"),
    [("table ronde", "fr", "tables rondes"), ("table ronde", "en", "round tables"),
     ("rendez-vous", "fr", "rendez-vous"), ("comité", "fr", "comités de pilotage"), ("pause", "en", "breaks"),
     ("comité", "en", "steering committees"), ("appel", "en", "calls for contributions"),
     ("plénière", "en", "plenaries"), ("compte rendu", "fr", "comptes rendus"), (None, "fr", "séances"),
     ("atelier", "fr", "ateliers")],
)  # fmt: skip
def test_a_kind_in_the_plural(kind: str | None, lang: str, plural: str) -> None:
    assert kinds.kind_plural(kind, lang) == plural  # type: ignore[arg-type]


def test_a_clipped_word_people_type_meets_its_whole_word() -> None:
    from assistant.language.lexicon import load
    from assistant.language.text import content_terms, fold

    assert content_terms("le forum des assos") == content_terms("le forum des associations")
    assert content_terms("un atelier pour les ados") == content_terms("un atelier pour les adolescents")
    assert content_terms("les infos pratiques") == content_terms("Informations pratiques")
    # Each short form is folded, one word, and stands for a longer word.
    for short, whole in load("clippings")["fr"].items():
        assert short == fold(short) and " " not in short and len(whole) > len(short)


def test_a_day_named_from_today_is_no_topic() -> None:
    # "le match d'hier soir" asks about no programme's "Jeux d'hier".
    from assistant.answering.understand import topic_terms

    assert topic_terms("le psg a gagné hier soir ?", "fr", removed=[]) == (("psg",), ("gagn",))
    assert topic_terms("Any concert tonight or tomorrow?", "en", removed=[]) == \
        topic_terms("Any concert?", "en", removed=[])


def test_words_for_any_programme_item_are_read_in_questions_only() -> None:
    """"Y a combien de trucs / d'activités / de rendez-vous ?", "how many events?": any item of the
    programme (the generic kind, no filter), never a figure of the text nor a duration ("temps
    forts"); a title written with those words takes no kind from them."""
    from assistant.answering import asking
    from ingest.programme.kinds import kind_of

    for q in ("Y a combien de trucs le vendredi ?", "combien d'activités mercredi ?", "How many events on Saturday?",
              "combien de rendez-vous la deuxième semaine ?", "Combien de temps forts samedi ?"):
        assert kinds.kinds_named(q) == {"séance"}, q
        assert asking.values_asked(q) == (), q
        assert "count" in asking.attributes_asked(q), q
    assert asking.values_asked("Combien de temps dure la visite ?") == ("duration",)
    assert asking.values_asked("Combien de bénévoles compte l'association ?") == ("figure",)
    assert kind_of("Animations et activités pour les enfants") != "séance"


def test_an_opening_talk_is_a_talk_and_fine_weather_is_the_weather() -> None:
    """"The opening talk" / "opening keynote" is the introductory conférence, not the opening
    session; "il va faire beau ?" asks the weather, which no programme gives."""
    from assistant.answering import asking

    assert kinds.kinds_named("who gives the opening talk?") == {"conférence"}
    assert kinds.kinds_named("what time is the opening?") == {"ouverture"}
    assert asking.values_asked("rencontres de Morvelle : il va faire beau jeudi ?") == ("weather",)
    assert asking.values_asked("Is it going to be sunny on Saturday?") == ("weather",)


@pytest.mark.parametrize(("question", "values"), [
    ("Donne-moi la recette du couscous pour huit.", ("recipe",)),
    ("What's a good recipe for apple pie?", ("recipe",)),
    ("C'était quoi le score du match hier soir ?", ("score",)),
    ("On part de Bar-le-Duc, c'est loin ?", ()),  # a town, not a bar
])
def test_what_an_attendee_asks_beyond_the_programme(question: str, values: tuple[str, ...]) -> None:
    """A dish's recipe, a match's score: values a programme does not give, so the answer says so
    instead of quoting the cooking workshop."""
    from assistant.answering import asking

    assert asking.values_asked(question) == values


def test_a_town_hall_is_no_hotel() -> None:
    from assistant.answering import asking

    assert not asking.value_given("lodging", "Soirée à l'Hôtel du Département, salle de l'Assemblée")
    assert not asking.value_given("lodging", "Accueil à l'Hôtel de Ville")
    assert asking.value_given("lodging", "Hôtels conseillés : hôtel du Parc, 12 rue Haute")


@pytest.mark.parametrize(("question", "asked"), [
    ("Combien de personnes interviennent à la table ronde, sans compter l'animatrice ?", {"intervenant"}),
    ("Who else speaks, apart from the moderator?", {"intervenant"}),
    ("Qui anime la table ronde ?", {"animateur"}),
])
def test_a_role_set_aside_is_not_asked_for(question: str, asked: set[str]) -> None:
    assert roles.roles_asked(question) == asked


def test_how_many_people_speak_counts_people_not_a_figure() -> None:
    from assistant.answering import asking

    for q in ("Combien de personnes interviennent à la table ronde ?", "How many people speak at the closing?"):
        assert asking.values_asked(q) == () and {"people", "count"} <= asking.attributes_asked(q), q
    # People helped by a project are a figure of the text.
    assert asking.values_asked("Combien de personnes accompagnées en 2025 ?") == ("figure",)


@pytest.mark.parametrize(("text", "only"), [
    ("MARDI", True), ("LUNDI & JEUDI", True), ("mardi et vendredi", True), ("FÉVRIER", True),
    ("Wednesday", True), ("Salle Mardi", False), ("Hall B", False), ("Espace Mai 68", False),
])  # fmt: skip
def test_a_heading_of_day_or_month_names_only_is_a_calendar_heading(text: str, only: bool) -> None:
    from assistant.language.calendar import only_calendar_words

    assert only_calendar_words(text) is only
