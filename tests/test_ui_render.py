"""UI building blocks without servers: escaping, quote context, SSE parsing, labels."""

from __future__ import annotations

from ui import render
from ui.client import parse_sse
from ui.i18n import LABELS, format_date, t

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


def test_tables_escape_catalogue_fields() -> None:
    citation = {"title": XSS, "quote": XSS}
    session = {"title": XSS, "date": "2025-03-04", "start": "14:00", "end": "15:30", "room": None,
               "event": XSS, "people": [{"name": XSS}], "citation": citation}  # fmt: skip
    html = render.sessions_table([session], lang="fr")
    assert "<img" not in html and "4 mars 2025" in html and "14:00–15:30" in html
    html = render.initiatives_table([{"name": XSS, "place": XSS, "citation": citation}], lang="en")
    assert "<img" not in html and "Show source" in html
    agenda = {"items": [{"session": session, "reason": XSS, "citation": citation}]}
    assert "<img" not in render.agenda_table(agenda, lang="fr")
    assert "Aucun résultat" in render.sessions_table([], lang="fr")


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
