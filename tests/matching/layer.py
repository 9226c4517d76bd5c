"""Projects and ads of Pays de la Loire and elsewhere, published or not, built once
for the tests of the Mise en lien page (they only read them)."""

from DateTime import DateTime
from tests import builders
from tests.http import make_user
from tests.layers import content_layers


def nantes_project(container, title, **fields):
    """A project sheet of Rezé (Loire-Atlantique, Pays de la Loire) that looks for
    members, conception stage, 12 households, cooperative tenure."""
    values = {
        "stage": "conception",
        "commune": "Rezé",
        "postal_code": "44400",
        "departement": "44",
        "region": "52",
        "latitude": None,
        "longitude": None,
        "households_planned": 12,
        "households_current": None,
        "tenure": "cooperative",
        "start_year": 2022,
        "move_in_year": 2027,
        "looking_for_members": True,
    }
    values.update(fields)
    return builders.project_sheet(container, title=title, **values)


def build_pays_de_la_loire(portal):
    projects, ads = portal["projets"], portal["petites-annonces"]
    builders.publish(
        nantes_project(projects, "Les Écoquartiers de Rezé"),
        nantes_project(
            projects,
            "Hameau de Saint-Nazaire",
            commune="Saint-Nazaire",
            postal_code="44600",
            stage="chantier",
            households_planned=30,
            tenure="propriete",
        ),
        nantes_project(
            projects,
            "Coopérative angevine",
            commune="Angers",
            postal_code="49000",
            departement="49",
            stage="reflexion",
            households_planned=None,
            tenure=None,
        ),
        nantes_project(
            projects, "Projet nantais au complet", looking_for_members=False
        ),
        builders.project_sheet(projects, title="Projet lyonnais"),
        builders.classified_ad(ads, title="Groupe nantais cherche deux foyers"),
        builders.classified_ad(
            ads,
            title="Terrain à bâtir en Pays de la Loire",
            ad_kind="foncier-bati",
            departement=None,
            commune=None,
        ),
        builders.classified_ad(
            ads,
            title="Logement dans une coopérative d'Angers",
            ad_kind="logement",
            departement="49",
            commune="Angers",
        ),
        builders.classified_ad(
            ads, title="Je cherche un groupe à Nantes", ad_kind="cherche-groupe"
        ),
        builders.classified_ad(
            ads,
            title="Groupe lyonnais cherche des membres",
            region="84",
            departement="69",
            commune="Lyon",
        ),
    )
    expired = builders.classified_ad(ads, title="Annonce expirée de Rezé")
    expired.expiration_date = DateTime() - 1
    builders.publish(expired)
    expired.reindexObject()
    nantes_project(projects, "Projet nantais en brouillon")
    builders.classified_ad(ads, title="Annonce pas encore relue")


def build_pays_de_la_loire_and_member(portal):
    build_pays_de_la_loire(portal)
    make_user("membre")


PAYS_DE_LA_LOIRE = content_layers("PaysDeLaLoire", build_pays_de_la_loire_and_member)
PAYS_DE_LA_LOIRE_FUNCTIONAL_TESTING = PAYS_DE_LA_LOIRE.functional
