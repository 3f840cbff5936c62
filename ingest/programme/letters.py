"""An invitation letter's parts around its programme: the reply form ("Coupon-réponse à retourner
avant le …", "Bulletin d'inscription") and the courtesy formula before the signature ("Je vous
prie d'agréer, Madame, Monsieur, …").

A journée départementale or a rencontre is announced by a letter: the letterhead, "Madame,
Monsieur,", the context, the programme as a block, then how to answer and the elected
official's signature. Once the reply form or the courtesy formula begins, the programme is over:
the form's deadline is no session, the signatory no speaker. A mail ends on its sign-off
("Bien cordialement", "Un grand merci à toutes et tous…") the same way.
"""

from __future__ import annotations

import re

from assistant.language.text import fold

# The reply form's heading: "COUPON-RÉPONSE", "Coupon réponse à retourner avant le 6 mars",
# "Bulletin d'inscription", "Bulletin-réponse", "Talon à retourner", "Réponse souhaitée avant …",
# "Merci de confirmer votre présence avant le …".
_REPLY_FORM = re.compile(
    r"^\W*(?:(?:coupon|bulletin|talon)[- ](?:reponse|d'inscription|de participation)|talon a (?:retourner|renvoyer)"
    r"|reponse (?:souhaitee|attendue|demandee) (?:avant|pour|au plus tard)"
    r"|(?:merci de|priere de) (?:bien vouloir )?(?:confirmer|retourner|renvoyer|nous faire part|nous indiquer|repondre)"
    r"\b.*\b(?:avant|au plus tard|d'ici)\b)")  # the answer and its deadline
# The courtesy formula that closes the letter: "Je vous prie d'agréer, Madame, Monsieur,
# l'expression de…", "Veuillez agréer…", "Nous vous prions de croire…".
_COURTESY = re.compile(r"\b(?:je vous prie|nous vous prions|veuillez)\s+(?:de\s+)?(?:bien vouloir\s+)?"
                       r"(?:d'agreer|agreer|de croire|croire|recevoir|d'accepter)\b")

# A mail's sign-off: "Bien cordialement", "Belle semaine à toutes et tous", "Un grand merci à
# toutes et tous pour votre mobilisation", "Kind regards". Thanks addressed to a person ("Merci à
# Mme X pour son accueil") are not one.
_SIGN_OFF = re.compile(
    r"^\W*(?:(?:bien |tres |tres bien )?cordialement|bien a (?:vous|toi|tous)|(?:tres )?(?:belle|bonne) (?:fin de )?"
    r"(?:journee|semaine|soiree|rentree)(?: a (?:toutes et tous|tous|toutes|vous))?"
    r"|(?:un grand |un immense |encore )?merci (?:a (?:toutes et tous|tous|toutes|vous tous|chacun)|pour votre)\b.*"
    r"|(?:best|kind|warm) regards|many thanks\b.*|thanks (?:to all|again)\b.*)\W*$")


def ends_programme(text: str) -> bool:
    """A letter's line after which nothing is the programme: its reply form or its courtesy
    formula."""
    f = fold(text).replace("’", "'")
    return bool(_REPLY_FORM.match(f) or (_COURTESY.search(f) and len(f) <= 300)
                or (_SIGN_OFF.match(f) and len(f) <= 160))
