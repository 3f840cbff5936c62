"""Seeded, deterministic generator of French event programmes of the corpus's genre.

Documents carry day headers ("Mardi 04 mars 2025"), time slots ("14H00 - 15H30 :"), upper-case
room labels, workshop titles with descriptive prose, "Animateur : …", "Intervenants : …" and
"Par exemple :" bullets of initiatives. Sized by a target passage count, calibrated by chunking
the first documents with the real pipeline. Never writes into the project's corpus/ folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DAYS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
CITIES = [
    "Rouen",
    "Lille",
    "Nantes",
    "Lyon",
    "Bordeaux",
    "Rennes",
    "Dijon",
    "Metz",
    "Tours",
    "Nîmes",
    "Amiens",
    "Brest",
    "Limoges",
    "Poitiers",
    "Besançon",
    "Angers",
    "Caen",
    "Pau",
    "Grenoble",
    "Clermont-Ferrand",
    "Toulouse",
    "Orléans",
    "Reims",
    "Valence",
    "Annecy",
    "Troyes",
]
ROOMS = [
    "SALLE 1",
    "SALLE 2",
    "SALLE 3",
    "SALLE 4",
    "SALLE FLAUBERT",
    "SALLE CORNEILLE 1",
    "SALLE CORNEILLE 2",
    "SALLE PLENIERE",
    "PLATEAU RADIO",
    "AMPHITHEATRE A",
    "SALLE VAUBAN",
    "SALLE MOLIERE",
    "AUDITORIUM",
    "SALLE DES FETES",
    "SALLE HUGO",
]
THEMES = [
    ("la santé mentale", "santé mentale"),
    ("l'alimentation durable", "alimentation"),
    ("le vieillissement de la population", "vieillissement"),
    ("la mobilité solidaire", "mobilité"),
    ("le logement des jeunes", "logement"),
    ("l'accès aux droits", "accès aux droits"),
    ("la participation citoyenne", "participation"),
    ("la transition écologique", "transition"),
    ("l'inclusion numérique", "numérique"),
    ("la petite enfance", "petite enfance"),
    ("l'insertion professionnelle", "insertion"),
    ("la lutte contre l'isolement", "isolement"),
    ("la culture dans les quartiers", "culture"),
    ("le sport comme levier d'inclusion", "sport"),
    ("la précarité énergétique", "énergie"),
    ("l'égalité entre les femmes et les hommes", "égalité"),
    ("la prévention de la délinquance", "prévention"),
    ("l'habitat inclusif", "habitat inclusif"),
    ("les aidants familiaux", "aidants"),
    ("l'économie sociale et solidaire", "ESS"),
    ("la lutte contre les discriminations", "discriminations"),
    ("l'éducation populaire", "éducation"),
    ("les budgets participatifs", "budgets participatifs"),
    ("la santé des personnes précaires", "santé"),
]
FORMATS = [
    "Atelier",
    "Table ronde",
    "Conférence",
    "Forum",
    "Débat",
    "Rencontre",
    "Retour d'expérience",
]
TITLE_TEMPLATES = [
    "{T} : quelles réponses pour les territoires ?",
    "Agir ensemble pour {t}",
    "{T}, un enjeu de cohésion sociale",
    "Comment les collectivités s'engagent pour {t}",
    "{T} : expériences locales et perspectives",
    "Innover pour {t} en milieu rural",
    "{T} dans les quartiers prioritaires",
    "Coopérer autour de {t} : méthodes et outils",
]
PROSE = [
    "Cet atelier propose de croiser les regards des élus, des professionnels et des habitants sur {t}.",
    "Les collectivités territoriales disposent de leviers concrets pour agir sur {t}, à condition de coordonner leurs interventions.",
    "Les participants échangeront sur les conditions de réussite des projets consacrés à {t} et sur leurs limites.",
    "De nombreuses initiatives voient le jour à l'échelle locale, portées par des associations, des centres sociaux et des services départementaux.",
    "La crise récente a mis en évidence les fragilités de nos dispositifs et la nécessité de repenser {t}.",
    "Comment associer les personnes concernées à l'élaboration et à l'évaluation des politiques publiques ?",
    "Des témoignages de terrain permettront d'identifier des pistes d'action transposables dans d'autres territoires.",
    "L'enjeu est de passer d'une logique de guichet à une logique d'accompagnement global des personnes.",
    "Les échanges porteront aussi sur le financement, la gouvernance partagée et l'évaluation de l'impact social.",
    "Cette séance mettra en lumière le rôle des partenariats entre l'État, les départements, les communes et le monde associatif.",
    "À partir d'exemples précis, les intervenants montreront comment {t} peut renforcer le lien social.",
    "Les inégalités territoriales restent fortes et appellent des réponses adaptées aux réalités de chaque bassin de vie.",
]
FIRST = [
    "Claire",
    "Paul",
    "Sophie",
    "Ahmed",
    "Jeanne",
    "Marc",
    "Nadia",
    "Louis",
    "Hélène",
    "Karim",
    "Isabelle",
    "Thomas",
    "Fatima",
    "Julien",
    "Camille",
    "Olivier",
    "Léa",
    "Bruno",
    "Amina",
    "Yves",
]
LAST = [
    "Martin",
    "Durand",
    "Dubois",
    "Benali",
    "Leroy",
    "Moreau",
    "Lefèvre",
    "Garnier",
    "Roux",
    "Fournier",
    "Girard",
    "Bonnet",
    "Lambert",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Perrin",
]
ROLES = [
    "maire de {c}",
    "vice-présidente du Conseil départemental",
    "directeur du CCAS de {c}",
    "chargée de mission à la CAF",
    "présidente de l'association Solidarités {c}",
    "chercheur à l'Université de {c}",
    "directrice générale des services de {c}",
    "journaliste",
]
ORGS = [
    "Ville de {c}",
    "CAF",
    "Métropole de {c}",
    "Conseil départemental",
    "Banque des Territoires",
    "Secours populaire",
    "France Travail",
    "ARS",
    "Centre social de {c}",
    "Agence nationale de la cohésion des territoires",
]
INITIATIVES = [
    "Maison des {k}",
    "Réseau {k} {c}",
    "Plateforme {k} solidaire",
    "Café {k}",
    "Fabrique {k} de {c}",
    "Point relais {k}",
    "Collectif {k} en action",
    "Bus {k} itinérant",
]
INIT_PROSE = [
    "un lieu ouvert qui accompagne les habitants dans leurs démarches",
    "une coopération entre associations et services publics du territoire",
    "un dispositif itinérant qui va à la rencontre des publics éloignés",
    "une expérimentation soutenue par le département depuis trois ans",
    "un projet porté par des habitants avec l'appui du centre social",
]


def _name(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _session(r: random.Random, room: str, city: str) -> list[str]:
    theme, key = r.choice(THEMES)
    title = r.choice(TITLE_TEMPLATES).format(t=theme, T=_cap(theme))
    lines = [room, "", f"{r.choice(FORMATS)} : {title}", ""]
    prose = [p.format(t=theme) for p in r.sample(PROSE, r.randint(2, 4))]
    lines += [" ".join(prose), ""]
    lines.append(f"Animateur : {_name(r)}, {r.choice(ROLES).format(c=city)}")
    speakers = [
        f"{_name(r)} ({r.choice(ORGS).format(c=r.choice(CITIES))})" for _ in range(r.randint(1, 3))
    ]
    lines += [f"Intervenants : {', '.join(speakers)}", ""]
    if r.random() < 0.6:
        lines.append("Par exemple :")
        for _ in range(r.randint(2, 3)):
            c = r.choice(CITIES)
            name = r.choice(INITIATIVES).format(k=key, c=c)
            lines.append(f"- {name} à {c} : {r.choice(INIT_PROSE)}.")
        lines.append("")
    return lines


def programme(seed: int, index: int) -> tuple[str, str]:
    """One programme document: (file stem, text). Deterministic in (seed, index)."""
    r = random.Random(f"{seed}:{index}")
    city = r.choice(CITIES)
    theme, _ = r.choice(THEMES)
    start = dt.date(2015, 1, 5) + dt.timedelta(days=r.randrange(0, 3650))
    title = f"Rencontres {r.choice(['nationales', 'régionales', 'départementales'])} de la cohésion sociale — {city} {start.year}"
    lines = [
        title,
        "",
        f"{_cap(theme)} : agir ensemble dans les territoires",
        "",
        f"Programme — édition n°{index + 1}",
        "",
    ]
    for d in range(r.randint(1, 3)):
        day = start + dt.timedelta(days=d)
        lines += [f"{DAYS[day.weekday()]} {day.day:02d} {MONTHS[day.month - 1]} {day.year}", ""]
        hour = 9
        for _ in range(r.randint(2, 3)):
            end_h, end_m = hour + 1, 30
            lines += [
                f"{hour}H00 - {end_h}H{end_m:02d} :",
                "",
                "Ateliers (au choix) : pour consolider la cohésion sociale",
                "",
            ]
            for room in r.sample(ROOMS, r.randint(3, 6)):
                lines += _session(r, room, city)
            hour += 2 if hour != 11 else 3
    return f"programme-{seed}-{index:05d}", "\n".join(lines) + "\n"


def passages_per_word(seed: int, sample: int = 4) -> float:
    """Calibrate with the real parser and chunker on the first documents (documents vary in
    length, words do not: per word is a steadier rate than per document)."""
    from ingest.load import make_document
    from ingest.pipeline import build_items

    texts = [programme(seed, i) for i in range(sample)]
    docs = [make_document(doc_id=stem, source=f"{stem}.txt", text=text) for stem, text in texts]
    passages, _, _ = build_items(docs)
    return len(passages) / sum(len(text.split()) for _, text in texts)


def generate(out_dir: Path, *, passages: int, seed: int = 7) -> list[Path]:
    """Write enough programme documents for about `passages` passages; returns the files."""
    out_dir = Path(out_dir).resolve()
    if out_dir == (ROOT / "corpus").resolve() or (ROOT / "corpus").resolve() in out_dir.parents:
        raise ValueError("the synthetic generator never writes into corpus/")
    out_dir.mkdir(parents=True, exist_ok=True)
    rate = passages_per_word(seed)
    files: list[Path] = []
    expected = 0.0
    while expected < passages or not files:
        stem, text = programme(seed, len(files))
        expected += rate * len(text.split())
        path = out_dir / f"{stem}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def questions(n: int, *, seed: int = 11) -> list[str]:
    """`n` distinct French questions of the users' kinds (so no query cache is ever hit)."""
    r = random.Random(seed)
    templates = [
        "Quels ateliers parlent de {t} {when} ?",
        "Où a lieu l'atelier sur {t} à {c} ?",
        "Qui anime la table ronde consacrée à {t} ?",
        "Donnez des exemples d'initiatives sur {t} à {c}.",
        "Quelles collectivités agissent pour {t} {when} ?",
        "Qui intervient sur {t} lors des rencontres de {c} ?",
        "Que se passe-t-il {when} sur {t} ?",
        "Quel atelier me conseillez-vous sur {t} et {u} ?",
        "Comment {c} s'engage-t-elle pour {t} ?",
        "Y a-t-il une conférence sur {t} en salle {s} ?",
    ]
    whens = [
        "mardi matin",
        "mercredi après-midi",
        "le premier jour",
        "jeudi",
        "en fin de journée",
        "le 4 mars",
        "lundi 14h",
        "vendredi matin",
        "",
    ]
    out: list[str] = []
    seen: set[str] = set()
    guard = 0
    while len(out) < n and guard < n * 50:
        guard += 1
        q = (
            r.choice(templates)
            .format(
                t=r.choice(THEMES)[0],
                u=r.choice(THEMES)[1],
                c=r.choice(CITIES),
                when=r.choice(whens),
                s=r.randint(1, 40),
            )
            .replace("  ", " ")
        )
        if len(seen) >= len(templates) * 100:
            q = f"{q} (variante {len(out)})"
        if q not in seen:
            seen.add(q)
            out.append(q)
    while len(out) < n:  # combinatorics exhausted: keep distinct with a suffix
        out.append(f"{r.choice(out)} #{len(out)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--passages", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    files = generate(args.out, passages=args.passages, seed=args.seed)
    print(f"{len(files)} documents written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
