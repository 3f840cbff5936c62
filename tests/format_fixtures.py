"""Programmes in the two other formats people save: a two-column PDF leaflet, generated here with a
real PDF library (reportlab), and a saved web page (`fixtures/formats/`). Fictional content."""

from __future__ import annotations

from pathlib import Path

HTML_PAGE = Path(__file__).parent / "fixtures" / "formats" / "journee-habiter-ensemble.html"

# The leaflet's two columns: the first day on the left, the second day and the practical
# information on the right. A reader (and pypdf) reads the left column through, then the right.
LEFT = [
    ("h", "Forum « Quartiers solidaires »"),
    ("p", "Deux journées pour les centres sociaux, les bailleurs et les habitant·e·s."),
    ("h", "Mardi 19 mai 2026"),
    ("p", "08h45 – 09h15 · Accueil des participant·e·s"),
    ("p", "09h15 – 10h30 · Salle Jean Moulin"),
    ("b", "Ouverture : les quartiers, lieux de solidarités"),
    ("p", "Intervenant·e·s : Mme Nadia Belkacem, adjointe au maire ; M. Hugo Lemaire, délégué du préfet"),
    ("p", "10h45 – 12h15 · Salle 101"),
    ("b", "Atelier A – Jardins partagés et lien social"),
    ("p", "Animation : Camille Rioux, réseau des jardins de l'Ouest"),
]
RIGHT = [
    ("h", "Mercredi 20 mai 2026"),
    ("p", "09h30 – 11h00 · Salle 102"),
    ("b", "Atelier B – Médiation numérique pour les seniors"),
    ("p", "Avec : Dr Samuel Ortiz, Centre hospitalier de Brest"),
    ("p", "11h15 – 12h30 · en visioconférence"),
    ("b", "Webinaire – Mobilité et emploi des jeunes"),
    ("p", "Modération : Julie Caron"),
    ("h", "Informations pratiques"),
    ("p", "Lieu : Maison de quartier de Bellevue, Brest"),
    ("p", "Inscription gratuite avant le 5 mai 2026."),
]


def write_leaflet(path: Path) -> Path:
    """An A4 page in two frames (columns), as layout tools export a leaflet."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    styles = getSampleStyleSheet()
    style = {"h": styles["Heading3"], "b": styles["Heading5"], "p": styles["BodyText"]}
    width, height = A4
    margin, gap = 40, 20
    column = (width - 2 * margin - gap) / 2
    frames = [Frame(margin, margin, column, height - 2 * margin, id="left"),
              Frame(margin + column + gap, margin, column, height - 2 * margin, id="right")]
    doc = BaseDocTemplate(str(path), pagesize=A4, pageTemplates=[PageTemplate(id="two", frames=frames)],
                          title="Forum Quartiers solidaires")
    story: list = [Paragraph(text, style[kind]) for kind, text in LEFT]
    story.append(FrameBreak())
    story += [Paragraph(text, style[kind]) for kind, text in RIGHT]
    doc.build(story)
    return path
