"""Markdown pages: their syntax is blanked (same offsets), so the parser reads headings, bold
labels and links as it reads a plain programme, and every span still quotes the page."""

from __future__ import annotations

from ingest.load import make_document
from ingest.programme import parse_programme
from ingest.programme.markdown import blank_markdown, is_markdown

PAGE = """# Journée « Habiter ensemble » – Valmorin

Une journée pour les habitants, les associations et les bailleurs, à la Maison des associations.

## Jeudi 12 mars 2026

**9h30 – 10h00** · Accueil café

**10h00 – 11h30** · Atelier : Le jardin partagé du quartier – *Salle Ravel*

**Animation :** Mme Lise Carré, chargée de mission ([Ville de Valmorin](https://example.org/valmorin))
"""


def test_markdown_syntax_is_blanked_without_moving_any_offset() -> None:
    blanked = blank_markdown(PAGE)
    assert len(blanked) == len(PAGE) and blanked.count("\n") == PAGE.count("\n")
    assert "#" not in blanked and "**" not in blanked and "](" not in blanked
    assert "   Jeudi 12 mars 2026" in blanked and "Animation :   Mme" in blanked  # stars and hashes are spaces
    assert "Ville de Valmorin" in blanked and "https://" not in blanked
    # A lone star or hash of plain text is no syntax: "4 * 3", "n°3 #solidarité".
    assert blank_markdown("Atelier 4 * 3 groupes, #solidarité") == "Atelier 4 * 3 groupes, #solidarité"


def test_only_a_page_written_in_markdown_is_read_so() -> None:
    assert is_markdown(PAGE)
    assert not is_markdown("Programme\n\n10h00 Atelier : Le jardin **partagé**\n# une note\n")


def test_a_markdown_programme_parses_like_a_plain_one_and_its_spans_quote_the_page() -> None:
    doc = make_document(doc_id="valmorin", source="valmorin.md", text=PAGE, meta={"title": "Habiter ensemble"})
    cat = parse_programme(doc)
    workshop = next(s for s in cat.sessions if "jardin" in s.title)
    assert (workshop.date, workshop.start, workshop.end) == ("2026-03-12", "10:00", "11:30")
    assert workshop.room == "Salle Ravel"
    for field in ("title", "room", "start", "date"):
        quote = PAGE[workshop.fields[field].start:workshop.fields[field].end]
        assert "*" not in quote and "#" not in quote, (field, quote)
    assert PAGE[workshop.fields["room"].start:workshop.fields["room"].end] == "Salle Ravel"
    assert any(p.name == "Lise Carré" for p in cat.people)
