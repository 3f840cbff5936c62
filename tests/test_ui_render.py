"""UI building blocks without servers: escaping, quote context, SSE parsing, labels."""

from __future__ import annotations

from ui import cards, render
from ui.client import parse_sse
from ui.examples import natural_name
from ui.i18n import LABELS, format_date, format_day, t

XSS = "<img src=x onerror=window.__xss=1>"


def test_escape_neutralises_markup_and_markdown() -> None:
    out = render.esc(f'{XSS} "q" *bold* _it_ `code` $$x$$')
    assert "<" not in out and ">" not in out and '"' not in out
    # Markdown and LaTeX markers are entities too, so the chat's markdown pass leaves them alone.
    assert not any(c in out for c in "*_`$")


def test_quote_is_marked_inside_its_paragraph() -> None:
    text = "Titre\n\nAvant la phrase. La phrase citée ici. Après.\n\nAutre paragraphe."
    quote = "La phrase citée ici."
    start = text.index(quote)
    out = render.quote_in_context_html(text, start, start + len(quote), quote)
    assert out == f"Avant la phrase. <mark>{quote}</mark> Après."


def test_quote_context_is_clipped_and_stale_offsets_fall_back() -> None:
    text = "x" * 2000 + "CIBLE" + "y" * 2000
    out = render.quote_in_context_html(text, 2000, 2005, "CIBLE")
    assert out.startswith("…") and out.endswith("…") and "<mark>CIBLE</mark>" in out
    assert len(out) < 2 * render.CONTEXT_CHARS + 40
    assert render.quote_in_context_html(text, 0, 5, "CIBLE") == "<mark>CIBLE</mark>"
    assert render.quote_in_context_html(None, 0, 5, XSS) == f"<mark>{render.esc(XSS)}</mark>"


def test_answer_html_escapes_answer_titles_and_quotes() -> None:
    doc = f"Intro.\n\nCet atelier {XSS} parle de santé.\n\nFin."
    start = doc.index(XSS)
    answer = {
        "answer": f"Il parle de {XSS} [1].",
        "answered": True,
        "citations": [
            {
                "n": 1,
                "doc_id": "d",
                "title": XSS,
                "quote": XSS,
                "start": start,
                "end": start + len(XSS),
            }
        ],
    }
    out = render.answer_html(answer, lambda _doc_id: doc, lang="fr")
    assert "<img" not in out
    assert '<sup class="cite">[1]</sup>' in out
    assert f"<mark>{render.esc(XSS)}</mark>" in out and '<details class="source"' in out


def test_not_found_shows_nearest_passages() -> None:
    doc = "Un passage proche du sujet."
    answer = {
        "answer": "",
        "answered": False,
        "suggestions": [
            {
                "doc_id": "d",
                "title": "Doc",
                "section": "Jour 1",
                "text": doc,
                "start": 0,
                "end": len(doc),
            }
        ],
    }
    out = render.answer_html(answer, lambda _doc_id: doc, lang="fr")
    assert "Pas trouvé dans les documents" in out and "suggestion" in out
    assert f"<mark>{doc}</mark>" in out
    assert "Not found in the documents" in render.answer_html(answer, lambda _d: None, lang="en")


def test_cards_escape_catalogue_fields() -> None:
    citation = {"title": XSS, "quote": XSS, "doc_id": "d", "start": 0, "end": 5}
    session = {"title": XSS, "date": "2025-03-04", "start": "14:00", "end": "15:30", "room": None,
               "event": XSS, "people": [{"name": XSS}], "citation": citation}  # fmt: skip
    html = cards.sessions_cards([session], lang="fr")
    assert "<img" not in html and "mardi 4 mars 2025" in html and "14:00–15:30" in html
    assert "<table" not in html and 'class="card session"' in html
    html = cards.initiatives_cards([{"name": XSS, "place": XSS, "citation": citation}], lang="en")
    assert "<img" not in html and "Show source" in html
    agenda = {"interests": XSS, "items": [{"session": session, "reason": XSS, "citation": citation}],
              "event": {"doc_id": "d", "title": XSS}, "scope": "recent"}
    assert "<img" not in cards.agenda_cards(agenda, lang="fr")
    assert "Aucun résultat" in cards.sessions_cards([], lang="fr")
    assert "(année non précisée)" in cards.sessions_cards([{**session, "date": "--11-06"}], lang="fr")


def test_agenda_says_its_event_clashes_undated_and_nothing() -> None:
    cite = {"title": "Doc", "quote": "q", "doc_id": "d", "start": 0, "end": 1}
    event = {"doc_id": "d", "title": "Colloque", "place": "Rouen", "date": "2025-03-04", "date_end": "2025-03-05"}

    def choice(title: str, date: str, start: str | None = "09:00") -> dict:
        return {"session": {"title": title, "date": date, "start": start, "end": None, "room": "SALLE 1",
                            "citation": cite}, "reason": f"{title} !", "citation": cite}

    agenda = {"interests": "x", "event": event, "scope": "upcoming",
              "items": [{**choice("A", "2025-03-04"), "alternatives": [choice("B", "2025-03-04")]},
                        {**choice("C", "2025-03-05"), "alternatives": []}],
              "undated": [choice("D", "--11-06", None)],
              "other_events": [{"event": {"doc_id": "e", "title": "Autre"}, "matches": 2}]}
    html = cards.agenda_cards(agenda, lang="fr")
    assert "Programme du prochain événement : Colloque (Rouen, 4 mars 2025 – 5 mars 2025)." in html
    assert html.index("mardi 4 mars 2025") < html.index(">A<") < html.index("Au même moment") < html.index(">B<")
    assert html.index(">B<") < html.index("mercredi 5 mars 2025") < html.index(">C<")
    assert "pas dans le fichier .ics" in html and ">D<" in html and "Autre — 2 session(s)" in html
    nothing = cards.agenda_cards({**agenda, "items": [], "undated": [], "interests": "zzzz"}, lang="en")
    assert "Nothing in this programme matches “zzzz”." in nothing
    assert "No event of the documents takes place on" in cards.agenda_cards(
        {"interests": "x", "date": "2030-01-01", "event": None, "scope": "date", "items": []}, lang="en")


def test_sources_grouped_by_document_and_copy_is_plain_text() -> None:
    doc = "Titre\n\nSALLE 3\n\nAtelier <b>santé</b>.\n\nAnimé par Jeanne Martin."
    def cite(n: int, quote: str, doc_id: str = "d", title: str = "Le colloque") -> dict:
        start = doc.index(quote)
        return {"n": n, "doc_id": doc_id, "title": title, "quote": quote, "start": start, "end": start + len(quote)}

    answer = {"answer": "Atelier santé, SALLE 3 [1][2], animé par Jeanne Martin [3].", "answered": True,
              "citations": [cite(1, "SALLE 3"), cite(2, "Atelier <b>santé</b>."), cite(3, "Animé par Jeanne Martin.", "e", "Autre")]}
    out = render.answer_html(answer, lambda _d: doc, lang="fr")
    shown = out.split('<span class="copy-text">')[0]  # the rest is the hidden text Copy uses
    assert shown.count('class="doc-title"') == 2 and shown.count("Le colloque") == 1
    assert 'href="document/d?start=' in out and "#quote" in out and "<b>santé</b>" not in out
    copied = render.copy_text(answer, lang="fr")
    assert copied.startswith(answer["answer"]) and "\nSources :\nLe colloque\n  [1] « SALLE 3 »" in copied
    assert "  [3] « Animé par Jeanne Martin. »" in copied and "Autre" in copied


def test_refusal_is_one_message_in_the_interface_language() -> None:
    passage = {"doc_id": "d", "title": "Colloque « Pacte »", "section": "Pacte > Mardi 04 mars > SALLE 3",
               "text": "Un passage.", "start": 0, "end": 11}
    answer = {"answer": "Les documents ne précisent pas la météo.", "answered": False, "suggestions": [passage]}
    out = render.answer_html(answer, lambda _d: "Un passage.", lang="en")
    assert out.count('class="not-found"') == 1 and "Not found in the documents" in out
    assert "météo" not in out  # the API's French sentence is not stacked under the notice
    assert "Mardi 04 mars › SALLE 3" in out and "Pacte &gt;" not in out


def test_document_page_highlights_the_span_and_escapes() -> None:
    doc = {"doc_id": "d", "title": XSS, "text": f"Avant {XSS} après."}
    start = doc["text"].index(XSS)
    page = render.document_page(doc, start, start + len(XSS), lang="fr")
    assert "<img" not in page and f'<mark id="quote">{render.esc(XSS)}</mark>' in page
    assert 'id="quote"' not in render.document_page(doc, 5, 10_000, lang="fr")


def test_example_names_read_naturally() -> None:
    assert natural_name("LESUEUR Didier") == "Didier Lesueur"
    assert natural_name("Jean-Pierre LE GOFF") == "Jean-Pierre Le Goff"
    assert natural_name("Marie Dupont") == "Marie Dupont"


def test_parse_sse_tokens_then_answer() -> None:
    stream = [
        ": keep-alive",
        "event: token",
        'data: {"text": "Bon"}',
        "",
        "event: token",
        'data: {"text": "jour [1]"}',
        "",
        "event: answer",
        'data: {"answer": "Bonjour [1]", "answered": true}',
        "",
    ]
    events = list(parse_sse(iter(stream)))
    assert [e.event for e in events] == ["token", "token", "answer"]
    assert "".join(e.data["text"] for e in events[:2]) == "Bonjour [1]"
    assert events[-1].data["answered"] is True


def test_labels_exist_in_both_languages_and_dates_format() -> None:
    assert LABELS["fr"].keys() == LABELS["en"].keys()
    assert t("fr", "not_found") == "Pas trouvé dans les documents."
    assert format_date("2025-03-04", "fr") == "4 mars 2025"
    assert format_date("2016-07-01", "fr") == "1er juillet 2016"
    assert format_date("2025-03-05", "en") == "5 March 2025"
    assert format_date("--11-06", "fr") == "6 novembre"
    assert format_date("2011-09", "fr") == "septembre 2011"
    assert format_day("2025-03-04", "fr") == "mardi 4 mars 2025"
    assert format_day("2025-03-05", "en") == "Wednesday 5 March 2025"


def test_day_lists_are_grouped_by_event_most_recent_first() -> None:
    from ui.callbacks import _days_by_event

    sessions = [{"doc_id": "old", "date": "2011-10-19"}, {"doc_id": "new", "date": "2025-03-05"},
                {"doc_id": "noyear", "date": "--11-06"}, {"doc_id": "new", "date": "2025-03-04"},
                {"doc_id": "old", "date": "2011-09-26"}]
    grouped = _days_by_event(sessions, {"noyear": {"doc_id": "noyear", "date": None}})
    assert grouped == [("new", ["2025-03-04", "2025-03-05"]), ("old", ["2011-09-26", "2011-10-19"]),
                       ("noyear", ["--11-06"])]
