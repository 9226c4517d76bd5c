"""La matrice des permissions du portail : qui voit, trouve, lit par l'API, modifie
quoi, et quelles transitions lui sont proposées, pour chaque type d'élément et
chaque état de workflow.

C'est la seule source de vérité : ``test_permission_matrix`` la vérifie par HTTP
sur un vrai serveur, et ``docs/permissions.md`` en contient le rendu Markdown
(entre les marqueurs ``<!-- matrice:début -->`` et ``<!-- matrice:fin -->``).
Après un changement de la table, régénérez la documentation ::

    .venv/bin/python -m tests.workflows.permission_matrix

Les attentes sont déduites des définitions de workflow
(``src/coordaction/workflows/profiles/default/workflows/*/definition.xml``), du
``rolemap.xml`` de Plone (« Request review » : Owner, Editor ; « Review portal
content » : Reviewer) et des rôles locaux des espaces (``spaces.py``) et des
sections publiques (``groups.py``).
"""

from collections import namedtuple
from pathlib import Path


DOC = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"
BEGIN = "<!-- matrice:début -->"
END = "<!-- matrice:fin -->"

# Un mot présent dans le titre de tous les éléments de la matrice (et d'eux seuls).
COMMON_WORD = "kzmatrice"

Persona = namedtuple("Persona", "label login")
Item = namedtuple("Item", "kind state_title state word")
Expect = namedtuple("Expect", "view search rest edit transitions")

# Les personnes, dans l'ordre du rendu. ``login`` est le compte créé par le test.
PERSONAS = {
    "anonyme": Persona("Anonyme", None),
    "authentifie": Persona("Authentifié seulement", "authentifiee"),
    "reseau": Persona("Membre du réseau", "membre-reseau"),
    "membre": Persona("Membre du groupe", "membre-groupe"),
    "coordination": Persona("Coordinateur du groupe", "coordinatrice"),
    "autre_groupe": Persona("Membre d'un autre groupe", "membre-autre-groupe"),
    "contribution": Persona("Contributeur (équipe éditoriale)", "contributrice"),
    "relecture": Persona("Relecteur", "relectrice"),
    "admin": Persona("Administrateur du site", "administratrice"),
}

# Les éléments, dans l'ordre du rendu. ``word`` : un mot unique de leur titre, que
# l'on cherche avec @search?SearchableText=…&show_inactive=1.
ITEMS = {
    "ressource_brouillon": Item(
        "Ressource du centre", "Brouillon", "private", "kzressbrouillon"
    ),
    "ressource_en_attente": Item(
        "Ressource du centre", "En attente de relecture", "pending", "kzressattente"
    ),
    "ressource_publiee": Item(
        "Ressource du centre", "Publié", "published", "kzresspubliee"
    ),
    "trame_brouillon": Item("Trame-type", "Brouillon", "private", "kztramebrouillon"),
    "trame_obsolete": Item("Trame-type", "Obsolète", "obsolete", "kztrameobsolete"),
    "annonce_expiree": Item(
        "Petite annonce", "Publiée, expirée", "published", "kzannonceexpiree"
    ),
    "espace_prive": Item("Espace de groupe", "Privé", "private", "kzespaceprive"),
    "espace_interne": Item(
        "Espace de groupe", "Interne au réseau", "internal", "kzespaceinterne"
    ),
    "espace_public": Item("Espace de groupe", "Public", "public", "kzespacepublic"),
    "document_espace": Item(
        "Document d'un espace privé", "Dans l'espace", "space", "kzdocespace"
    ),
    "document_partage": Item(
        "Document d'un espace privé",
        "Partagé avec le réseau",
        "shared",
        "kzdocpartage",
    ),
    "ressource_espace": Item(
        "Ressource rédigée dans un espace privé",
        "Brouillon",
        "private",
        "kzressespace",
    ),
    "proposition_deposee": Item(
        "Proposition aux RNHP", "Déposée", "submitted", "kzpropdeposee"
    ),
    "proposition_non_retenue": Item(
        "Proposition aux RNHP", "Non retenue", "declined", "kzpropnonretenue"
    ),
    "proposition_programmee": Item(
        "Proposition aux RNHP", "Programmée", "scheduled", "kzpropprogrammee"
    ),
    "chantier_brouillon": Item(
        "Chantier porté par un espace privé", "Brouillon", "private", "kzchantbrouillon"
    ),
    "chantier_publie": Item(
        "Chantier porté par un espace privé", "Publié", "published", "kzchantpublie"
    ),
    "lettre_brouillon": Item(
        "Lettre d'information", "Brouillon", "draft", "kzlettrebrouillon"
    ),
    "lettre_envoyee": Item(
        "Lettre d'information", "Envoyée", "sent", "kzlettreenvoyee"
    ),
}

OUI, NON = True, False
AUCUNE = ()  # lit le workflow (@workflow répond), aucune transition proposée
X = None  # ne lit même pas le workflow (@workflow refusé)

# Raccourcis pour les lignes les plus fréquentes.
RIEN = Expect(NON, NON, NON, NON, X)  # aucune trace de l'élément
LIT = Expect(OUI, OUI, OUI, NON, AUCUNE)  # voit, trouve, lit ; ne modifie pas

# Le « groupe » est celui de l'espace concerné : les membres et les coordinateurs
# du test sont inscrits dans les trois espaces de la matrice ; le membre d'un autre
# groupe est inscrit dans un quatrième espace, privé. Les éléments du centre de
# ressources et la trame appartiennent à la contributrice ; les documents et la
# ressource d'un espace au membre du groupe.
# fmt: off
MATRIX = {
    # Publication avec relecture : brouillon = Owner, Editor, Reader ; l'équipe
    # éditoriale est EditorialTeam sur les sections publiques.
    "ressource_brouillon": {
        #                voir chercher rest modifier transitions
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       RIEN,
        "membre":       RIEN,
        "coordination": RIEN,
        "autre_groupe": RIEN,
        "contribution": Expect(OUI, OUI, OUI, OUI, ("submit",)),
        "relecture":    RIEN,
        "admin":        Expect(OUI, OUI, OUI, OUI, ("submit", "publish")),
    },
    # En attente : + Reviewer en lecture ; seuls relecteurs et administrateurs
    # modifient ; l'auteur (Owner) peut retirer sa demande.
    "ressource_en_attente": {
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       RIEN,
        "membre":       RIEN,
        "coordination": RIEN,
        "autre_groupe": RIEN,
        "contribution": Expect(OUI, OUI, OUI, NON, ("retract",)),
        "relecture":    Expect(OUI, OUI, OUI, OUI, ("publish", "reject")),
        "admin":        Expect(OUI, OUI, OUI, OUI, ("publish", "reject", "retract")),
    },
    # Publié : tout le monde lit ; Editor, EditorialTeam et Reviewer modifient.
    "ressource_publiee": {
        "anonyme":      LIT,
        "authentifie":  LIT,
        "reseau":       LIT,
        "membre":       LIT,
        "coordination": LIT,
        "autre_groupe": LIT,
        "contribution": Expect(OUI, OUI, OUI, OUI, AUCUNE),
        "relecture":    Expect(OUI, OUI, OUI, OUI, ("unpublish",)),
        "admin":        Expect(OUI, OUI, OUI, OUI, ("unpublish",)),
    },
    # Obsolète : tout le monde lit ; seuls relecteurs et administrateurs modifient.
    "trame_obsolete": {
        "anonyme":      LIT,
        "authentifie":  LIT,
        "reseau":       LIT,
        "membre":       LIT,
        "coordination": LIT,
        "autre_groupe": LIT,
        "contribution": LIT,
        "relecture":    Expect(OUI, OUI, OUI, OUI, ("restore",)),
        "admin":        Expect(OUI, OUI, OUI, OUI, ("restore",)),
    },
    # Annonce publiée puis expirée : « Access inactive portal content », c'est-à-dire
    # son autrice (Owner), les relecteurs et les administrateurs, à son adresse et
    # par l'API ; la recherche (même avec ``show_inactive``) ne la trouve que pour
    # ceux qui ont cette permission sur tout le site, pas pour son autrice.
    "annonce_expiree": {
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       RIEN,
        "membre":       RIEN,
        "coordination": RIEN,
        "autre_groupe": RIEN,
        "contribution": Expect(OUI, NON, OUI, OUI, AUCUNE),
        "relecture":    Expect(OUI, OUI, OUI, OUI, ("unpublish",)),
        "admin":        Expect(OUI, OUI, OUI, OUI, ("unpublish",)),
    },
    # Espace privé : Reader (membres), Editor (coordination), administrateurs.
    "espace_prive": {
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       RIEN,
        "membre":       LIT,
        "coordination": Expect(OUI, OUI, OUI, OUI, ("make_internal", "make_public")),
        "autre_groupe": RIEN,
        "contribution": RIEN,
        "relecture":    RIEN,
        "admin":        Expect(OUI, OUI, OUI, OUI, ("make_internal", "make_public")),
    },
    # Espace interne : + NetworkMember.
    "espace_interne": {
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       LIT,
        "membre":       LIT,
        "coordination": Expect(OUI, OUI, OUI, OUI, ("make_private", "make_public")),
        "autre_groupe": RIEN,
        "contribution": RIEN,
        "relecture":    RIEN,
        "admin":        Expect(OUI, OUI, OUI, OUI, ("make_private", "make_public")),
    },
    # Espace public : tout le monde lit.
    "espace_public": {
        "anonyme":      LIT,
        "authentifie":  LIT,
        "reseau":       LIT,
        "membre":       LIT,
        "coordination": Expect(OUI, OUI, OUI, OUI, ("make_private", "make_internal")),
        "autre_groupe": LIT,
        "contribution": LIT,
        "relecture":    LIT,
        "admin":        Expect(OUI, OUI, OUI, OUI, ("make_private", "make_internal")),
    },
    # Document « dans l'espace » : vu comme l'espace (privé ici) ; modifié par son
    # auteur (Owner), la coordination (Editor) et les administrateurs.
    "document_espace": {
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       RIEN,
        "membre":       Expect(OUI, OUI, OUI, OUI, ("share",)),
        "coordination": Expect(OUI, OUI, OUI, OUI, ("share",)),
        "autre_groupe": RIEN,
        "contribution": RIEN,
        "relecture":    RIEN,
        "admin":        Expect(OUI, OUI, OUI, OUI, ("share",)),
    },
    # Document partagé : + NetworkMember, même dans un espace privé.
    "document_partage": {
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       LIT,
        "membre":       Expect(OUI, OUI, OUI, OUI, ("unshare",)),
        "coordination": Expect(OUI, OUI, OUI, OUI, ("unshare",)),
        "autre_groupe": RIEN,
        "contribution": RIEN,
        "relecture":    RIEN,
        "admin":        Expect(OUI, OUI, OUI, OUI, ("unshare",)),
    },
    # Brouillon de ressource dans un espace privé : le groupe le lit (Reader), son
    # auteur et la coordination le modifient et le soumettent ; ni l'équipe
    # éditoriale ni les relecteurs ne le voient avant sa soumission.
    "ressource_espace": {
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       RIEN,
        "membre":       Expect(OUI, OUI, OUI, OUI, ("submit",)),
        "coordination": Expect(OUI, OUI, OUI, OUI, ("submit",)),
        "autre_groupe": RIEN,
        "contribution": RIEN,
        "relecture":    RIEN,
        "admin":        Expect(OUI, OUI, OUI, OUI, ("submit", "publish")),
    },
    # Proposition aux Rencontres nationales, déposée par le formulaire public : la
    # personne qui propose la suit par son lien secret ; l'équipe d'organisation
    # (Editor et Reviewer sur la rubrique) et les relecteurs la voient et la font
    # avancer.
    "proposition_deposee": {
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       RIEN,
        "membre":       RIEN,
        "coordination": RIEN,
        "autre_groupe": RIEN,
        "contribution": RIEN,
        "relecture":    Expect(OUI, OUI, OUI, OUI, ("decline", "retain", "study")),
        "admin":        Expect(OUI, OUI, OUI, OUI, ("decline", "retain", "study")),
    },
    # Non retenue : toujours privée ; on peut l'étudier à nouveau.
    "proposition_non_retenue": {
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       RIEN,
        "membre":       RIEN,
        "coordination": RIEN,
        "autre_groupe": RIEN,
        "contribution": RIEN,
        "relecture":    Expect(OUI, OUI, OUI, OUI, ("reconsider",)),
        "admin":        Expect(OUI, OUI, OUI, OUI, ("reconsider",)),
    },
    # Programmée : au programme public.
    "proposition_programmee": {
        "anonyme":      LIT,
        "authentifie":  LIT,
        "reseau":       LIT,
        "membre":       LIT,
        "coordination": LIT,
        "autre_groupe": LIT,
        "contribution": LIT,
        "relecture":    Expect(OUI, OUI, OUI, OUI, ("unschedule",)),
        "admin":        Expect(OUI, OUI, OUI, OUI, ("unschedule",)),
    },
    # Chantier écrit par un membre du réseau (Contributor sur la rubrique), porté
    # par l'espace privé : ses coordinateurs ont Editor sur le chantier (et non
    # sur l'espace pour les autres) ; l'équipe éditoriale est EditorialTeam sur la
    # rubrique. Un membre du groupe n'en voit pas le brouillon ; seul son auteur le
    # soumet.
    "chantier_brouillon": {
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       Expect(OUI, OUI, OUI, OUI, ("submit",)),
        "membre":       RIEN,
        "coordination": Expect(OUI, OUI, OUI, OUI, ("submit",)),
        "autre_groupe": RIEN,
        "contribution": Expect(OUI, OUI, OUI, OUI, AUCUNE),
        "relecture":    RIEN,
        "admin":        Expect(OUI, OUI, OUI, OUI, ("submit", "publish")),
    },
    # Publié : public, même porté par un espace privé (l'espace reste caché) ;
    # ses porteurs le modifient, son auteur ne le modifie plus (comme une annonce) ;
    # relecteurs et administrateurs le dépublient.
    "chantier_publie": {
        "anonyme":      LIT,
        "authentifie":  LIT,
        "reseau":       LIT,
        "membre":       LIT,
        "coordination": Expect(OUI, OUI, OUI, OUI, AUCUNE),
        "autre_groupe": LIT,
        "contribution": Expect(OUI, OUI, OUI, OUI, AUCUNE),
        "relecture":    Expect(OUI, OUI, OUI, OUI, ("unpublish",)),
        "admin":        Expect(OUI, OUI, OUI, OUI, ("unpublish",)),
    },
    # La lettre : composée par son équipe (Contributor et Editor sur /lettre, aucun
    # des rôles de la matrice) et les administrateurs ; une lettre envoyée est
    # publique et ne se modifie plus (Manager seul).
    "lettre_brouillon": {
        "anonyme":      RIEN,
        "authentifie":  RIEN,
        "reseau":       RIEN,
        "membre":       RIEN,
        "coordination": RIEN,
        "autre_groupe": RIEN,
        "contribution": RIEN,
        "relecture":    RIEN,
        "admin":        Expect(OUI, OUI, OUI, OUI, ("make_ready",)),
    },
    "lettre_envoyee": {
        "anonyme":      LIT,
        "authentifie":  LIT,
        "reseau":       LIT,
        "membre":       LIT,
        "coordination": LIT,
        "autre_groupe": LIT,
        "contribution": LIT,
        "relecture":    LIT,
        "admin":        LIT,
    },
}
# fmt: on
# Une trame en brouillon : comme une ressource en brouillon. La trame obsolète la
# désigne comme celle qui la remplace (``superseded_by``).
MATRIX["trame_brouillon"] = MATRIX["ressource_brouillon"]


def expectations(persona):
    """(item key, Expect) for one persona, in the order of ITEMS."""
    return [(item, MATRIX[item][persona]) for item in ITEMS]


def _yes_no(value):
    return "oui" if value else "non"


def _transitions(value):
    if value is None:
        return "—"
    if not value:
        return "aucune"
    return ", ".join(f"`{transition}`" for transition in value)


def _state(item):
    return f"{item.kind} : {item.state_title} (`{item.state}`)"


def render_markdown():
    """The matrix as a Markdown table, one row per persona and item."""
    lines = [
        "| Rôle | État | Voir | Chercher | REST | Modifier | Transitions |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for persona_key, persona in PERSONAS.items():
        for item_key, expect in expectations(persona_key):
            cells = (
                persona.label,
                _state(ITEMS[item_key]),
                _yes_no(expect.view),
                _yes_no(expect.search),
                _yes_no(expect.rest),
                _yes_no(expect.edit),
                _transitions(expect.transitions),
            )
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def documented_block(text):
    """What the documentation holds between the markers, or None."""
    if BEGIN not in text or END not in text:
        return None
    return text.split(BEGIN, 1)[1].split(END, 1)[0]


def rewrite_documentation(path=DOC):
    text = path.read_text(encoding="utf-8")
    if documented_block(text) is None:
        raise SystemExit(f"{path}: les marqueurs {BEGIN} et {END} sont introuvables.")
    before = text.split(BEGIN, 1)[0]
    after = text.split(END, 1)[1]
    path.write_text(
        f"{before}{BEGIN}\n{render_markdown()}{END}{after}", encoding="utf-8"
    )
    return path


if __name__ == "__main__":
    print(f"{rewrite_documentation()} : matrice régénérée.")
