"""The pages a person reaches, and who reaches them, on the demo content.

``DEMO`` is the portal with its demo content and accounts (``coordaction.policy.demo``:
every section filled with realistic French text, one account per role), built once
for the layer. ``PAGES`` lists (persona, path) for each page a person reaches on it,
as that person: the phone test (test_phone.py) walks them at 390 px; a test of the
visible text can walk the same list.

    for persona, path in PAGES:
        login, password = PERSONAS[persona]   # (None, None): anonymous
"""

from coordaction.policy.demo.build import create_demo_content
from coordaction.policy.demo.build import demo_accounts
from datetime import date
from datetime import timedelta
from tests.layers import content_layers


def build_demo(portal):
    create_demo_content(portal)


DEMO = content_layers("Demo", build_demo)

_PASSWORDS = {account["login"]: account["password"] for account in demo_accounts()}


def _account(login):
    return (login, _PASSWORDS[login])


# persona: (login, password) of a demo account (README: "Comptes de démonstration").
ANONYMOUS = "visiteur"
NETWORK_MEMBER = "membre du réseau"
CONTRIBUTOR = "contributeur"
REVIEWER = "relectrice"
COORDINATOR = "coordinatrice"
ADMINISTRATOR = "administratrice"
PERSONAS = {
    ANONYMOUS: (None, None),
    NETWORK_MEMBER: _account("membre-reseau"),
    CONTRIBUTOR: _account("contributeur"),
    REVIEWER: _account("relectrice"),
    COORDINATOR: _account("coordinatrice"),
    ADMINISTRATOR: _account("admin-demo"),
}

# The faceted pages (eea.facetednavigation): results, counts, "Filtrer (n)".
FACETED_PAGES = (
    "centre-de-ressources",
    "trames-types",
    "projets",
    "banque-d-images",
    "petites-annonces",
    "chantiers",
)

# The month calendar of this month and of the next (the demo's events start a few
# days after the day it is built: one of the two has some).
_next_month = (date.today().replace(day=1) + timedelta(days=31)).strftime("%Y-%m")
GROUP = "groupes-de-travail/juridique-et-financier"  # private: its roster only
PUBLIC_GROUP = "groupes-de-travail/communication"

PUBLIC_PAGES = (
    "",
    *FACETED_PAGES,
    "centre-de-ressources/guide-du-foncier-solidaire-pour-les-groupes-dhabitants",
    "trames-types/statuts-types-de-cooperative-d-habitants-2024",
    "trames-types/statuts-de-cooperative-d-habitants-2015",  # obsolete
    "projets/la-ruche-de-villeurbanne-villeurbanne",
    "petites-annonces/groupe-nantais-cherche-deux-foyers",
    "banque-d-images/salle-commune-d-un-habitat-participatif/view",
    "agenda",
    "agenda?mode=mois",
    f"agenda?mode=mois&mois={_next_month}",
    "agenda/rencontres-nationales-de-lhabitat-participatif",
    "agenda/journees-portes-ouvertes",
    "banque-d-images/exposition-rnhp",
    "projets/les-choux-lents-montreuil",
    "observatoire/les-choux-lents-un-bail-reel-solidaire-a-quatre-foyers",
    "observatoire",
    "observatoire/pret-bancaire-refuse-a-une-cooperative-d-habitants",
    "groupes-de-travail",
    PUBLIC_GROUP,
    "@@search?SearchableText=habitat",
    "rencontres/rnhp-2027",
    "rencontres/rnhp-2027/@@programme",
    "rencontres/rnhp-2027/financer-le-foncier-avec-un-ofs",
    "chantiers/relire-les-statuts-types-de-cooperative",
    "contribuer",
    "contribuer/deposer-une-annonce",
    "contribuer/deposer-une-fiche-projet",
    "contribuer/proposer-une-contribution-rnhp",
    "contribuer/proposer-un-evenement",
    "lettre",
    "contribuer/nous-contacter",
    "outils-pour-vos-sites?collection=agenda&region=84&limit=20",
    "login",
)

PAGES = (
    *((ANONYMOUS, path) for path in PUBLIC_PAGES),
    (NETWORK_MEMBER, ""),
    (NETWORK_MEMBER, "@@mon-espace"),
    (NETWORK_MEMBER, "centre-de-ressources"),
    (NETWORK_MEMBER, "groupes-de-travail/foncier-et-collectivites"),
    (NETWORK_MEMBER, PUBLIC_GROUP),
    (NETWORK_MEMBER, "chantiers/refondre-la-lettre-dinformation"),
    (NETWORK_MEMBER, "chantiers/refondre-la-lettre-dinformation/@@je-peux-contribuer"),
    (NETWORK_MEMBER, "@@mes-competences"),
    (CONTRIBUTOR, "@@mon-espace"),
    (CONTRIBUTOR, "centre-de-ressources"),
    (CONTRIBUTOR, "centre-de-ressources/++add++Resource"),
    (
        CONTRIBUTOR,
        "centre-de-ressources/guide-du-foncier-solidaire-pour-les-groupes-dhabitants",
    ),
    (CONTRIBUTOR, "projets/++add++ProjectSheet"),
    (CONTRIBUTOR, PUBLIC_GROUP),
    (REVIEWER, "@@mon-espace"),
    (REVIEWER, "full_review_list"),
    (REVIEWER, "trames-types/statuts-types-de-cooperative-d-habitants-2024"),
    (COORDINATOR, "@@mon-espace"),
    (COORDINATOR, GROUP),
    (COORDINATOR, f"{GROUP}/@@roster"),
    (COORDINATOR, f"{GROUP}/compte-rendu-reunion-de-septembre"),
    # The demo's coordinator also organises the national meetings.
    (COORDINATOR, "rencontres/rnhp-2027/@@tableau"),
    (COORDINATOR, "rencontres/rnhp-2027/montage-juridique-en-cooperative"),
    (COORDINATOR, "rencontres/rnhp-2027/atelier-gouvernance-partagee/@@programmer"),
    (COORDINATOR, "rencontres/rnhp-2027/concert-de-cloture"),
    # … and carries the chantiers of her groups: she answers their offers.
    (COORDINATOR, "chantiers/relire-les-statuts-types-de-cooperative"),
    (ADMINISTRATOR, ""),
    (ADMINISTRATOR, "@@mon-espace"),
    (ADMINISTRATOR, "full_review_list"),
    (ADMINISTRATOR, f"{GROUP}/@@roster"),
    (ADMINISTRATOR, "centre-de-ressources"),
    (ADMINISTRATOR, "agenda?mode=mois"),
    (ADMINISTRATOR, "outils-pour-vos-sites"),
    (ADMINISTRATOR, "@@coordaction-sites-associations"),
    (REVIEWER, "lettre"),
)
