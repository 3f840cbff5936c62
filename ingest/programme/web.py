"""A web page's furniture saved with its programme: the site's menu, the breadcrumb ("Accueil >
Agenda > …"), the share buttons ("Partager sur Facebook"), the cookie banner and the footer
("Mentions légales | Plan du site", "↑ Haut de page", "Retour à l'agenda").

A programme copied from an agenda page reaches the parser with the page around it. None of those
lines is a session, a room or a date of the programme; left in, a breadcrumb reads as a title, a
footer of three links as a table row.
"""

from __future__ import annotations

import re

from assistant.language.text import fold

from .lines import Line

# "Accueil > Agenda > Title", "Vous êtes ici : Accueil › Événements", "Home / Events / …".
_BREADCRUMB = re.compile(r"^(?:vous etes ici\s*:?\s*)?(?:accueil|home|page d'accueil)\s*[>›»/→]")
# Share and print buttons: "Partager sur Facebook", "Partager : Facebook | LinkedIn", "Imprimer",
# "Envoyer par e-mail", "Share on X".
_SHARE = re.compile(r"^(?:partager|share)(?:\s+(?:sur|on)\s+(?:facebook|twitter|x|linkedin|whatsapp|mastodon)\b"
                    r"|\s*(?:cet(?:te)? (?:page|article|evenement)|l'(?:article|evenement))?\s*:|\s*$)"
                    r"|^(?:imprimer|print)(?: (?:la|cette) page)?\W*$|^envoyer (?:par|a un) (?:e-?mail|courriel|ami)")
# The cookie banner: a line about cookies and the visitor's consent.
_COOKIES = re.compile(r"\bcookies?\b.*\b(?:accept|refus|param|navigation|utilis|consent|gerer|personnalis)"
                      r"|\b(?:accept|refus|param|gerer|personnalis)\w*\b.*\bcookies?\b"
                      r"|\b(?:nous utilisons|ce site utilise|we use|this (?:site|website) uses) (?:des )?cookies\b")
# The footer's links and the page's own links: "Mentions légales", "Plan du site", "© 2026 …",
# "↑ Haut de page", "Retour à l'agenda", "Aller au contenu principal".
_FOOTER = re.compile(r"^(?:mentions legales|plan du site|politique de confidentialite|donnees personnelles"
                     r"|conditions generales d'utilisation)\b|^\W*(?:©|\(c\)\s*\d{4})"
                     r"|^\W*(?:haut de (?:la )?page|retour en haut|retour (?:a|aux) (?:l'agenda|la liste|l'accueil|evenements|actualites))\W*$"
                     r"|^(?:aller|acceder) (?:au|a la) (?:contenu|menu|recherche|navigation)\b"
                     r"|^\W*(?:menu|rechercher|fermer|ouvrir le menu|mon compte|connexion|se connecter)\b")
# The site's menu at the top of the page: a run of one- to four-word lines that names the
# home page among its entries ("Accueil / Le Département / Agenda / Contact").
_MENU_ENTRY = re.compile(r"^[^\d.:;!?]{1,40}$")
_HOME = re.compile(r"^(?:accueil|home)$")
_TOP = 12  # non-blank lines: where a page's menu sits


def _folded(ln: Line) -> str:
    return fold(ln.text).strip()


def _menu(lines: list[Line]) -> set[int]:
    """The lines of a menu run (three entries at least, the home page among them) at the top of
    the page: further down, a list of short lines is the programme's ("Accueil / Ouverture / …")."""
    out: set[int] = set()
    run: list[int] = []
    top = [i for i, ln in enumerate(lines) if not ln.blank][:_TOP]
    head = lines[: top[-1] + 1] if top else []
    for i, ln in enumerate([*head, None]):
        if ln is not None and not ln.blank and len(ln.text.split()) <= 4 and _MENU_ENTRY.match(ln.text):
            run.append(i)
            continue
        if len(run) >= 3 and any(_HOME.match(_folded(lines[j])) for j in run):
            out.update(run)
        run = []
    return out


# The site's banner over the page: "Ville de Vernelles – site officiel", "Official website of …";
# and a menu set on one line, its entries spaced apart, the home page first ("Accueil   Ma ville
# Démarches   Contact").
_BANNER = re.compile(r"^.{0,60}\b(?:site officiel|site internet|official (?:web)?site)\b\W*$"
                     r"|^(?:official (?:web)?site|site officiel)\b.{0,60}$")
_MENU_SEP = re.compile(r"\s{2,}|\s*[|•·]\s*")


def _menu_line(folded: str) -> bool:
    """Three entries or more of a few words each, set apart by bars, dots or wide spaces, no
    number among them: a menu on one line ("Le Département | Vos démarches | Agenda")."""
    entries = [e for e in _MENU_SEP.split(folded) if e.strip()]
    return len(entries) >= 3 and all(len(e.split()) <= 4 and re.fullmatch(r"[^\W\d_][\w' &'-]*", e.strip())
                                     for e in entries)


def banner(text: str) -> bool:
    """A site's banner or its one-line menu: never the page's title."""
    f = fold(text).strip()
    return bool(_BANNER.match(f) or _menu_line(f))


def _table_head(lines: list[Line], i: int) -> bool:
    """"Horaire | Salle | Atelier" over rows cut the same way: a table's head, not a menu."""
    nxt = next((ln for ln in lines[i + 1:] if not ln.blank), None)
    return nxt is not None and nxt.text.count("|") >= 2 and lines[i].text.count("|") >= 2


def furniture(lines: list[Line]) -> set[int]:
    """The indices of the page's furniture lines (none in a page without such lines)."""
    out = _menu(lines)
    for i, ln in enumerate(lines):
        f = _folded(ln)
        if not ln.blank and len(f) <= 300 and (
                _BREADCRUMB.match(f) or _SHARE.match(f) or _COOKIES.search(f) or _FOOTER.match(f)
                or (i < 3 * _TOP and banner(ln.text) and not _table_head(lines, i))):
            out.add(i)
    return out
