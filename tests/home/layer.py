"""A layer with known content for the home page and Mon espace, built once: published
and unpublished items of every public kind, three working groups and their people,
an author's drafts and a submission waiting for review."""

from coordaction.workflows.spaces.roster import WorkingGroupRoster
from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from tests import builders
from tests.http import make_user
from tests.layers import content_layers
import pytz


PARIS = pytz.timezone("Europe/Paris")

PUBLISHED_RESOURCES = (
    "Guide du foncier solidaire",
    "Monter un groupe d'habitants",
    "Étude sur les coopératives",
)
PUBLISHED_PROJECTS = ("Le Village Vertical", "La Ferme du Buisson")
UNPUBLISHED = (
    "Brouillon de l'autrice",
    "Guide soumis à la relecture",
    "Projet en brouillon",
    "Annonce expirée",
    "Annonce en attente",
    "Réunion privée",
    "Visite passée",
    "Brouillon du groupe juridique",
    "Compte rendu du groupe juridique",
    "Note du groupe foncier",
)


def at(days, hour=14):
    now = datetime.now(PARIS).replace(hour=hour, minute=0, second=0, microsecond=0)
    return now + timedelta(days=days)


def event(container, title, days, **fields):
    return api.content.create(
        container=container,
        type="Event",
        title=title,
        start=at(days),
        end=at(days, hour=17),
        **fields,
    )


def create_home_content(portal):
    centre = portal["centre-de-ressources"]
    for title in PUBLISHED_RESOURCES:
        builders.publish(builders.resource(centre, title=title, file=None))
    projects = portal["projets"]
    builders.publish(builders.project_sheet(projects, title=PUBLISHED_PROJECTS[0]))
    builders.publish(
        builders.project_sheet(
            projects,
            title=PUBLISHED_PROJECTS[1],
            commune="Rennes",
            postal_code="35000",
            departement="35",
            region="53",
            latitude=48.1173,
            longitude=-1.6778,
        )
    )
    builders.project_sheet(projects, title="Projet en brouillon")
    ads = portal["petites-annonces"]
    builders.publish(builders.classified_ad(ads, title="Groupe rezéen cherche foyers"))
    expired = builders.classified_ad(ads, title="Annonce expirée")
    expired.expiration_date = DateTime() - 1
    builders.publish(expired)
    expired.reindexObject()
    agenda = portal["agenda"]
    builders.publish(
        event(agenda, "Rencontres nationales", 20, location="Villeurbanne"),
        event(agenda, "Atelier foncier à Rennes", 40, location="Rennes"),
        event(agenda, "Visite passée", -30),
    )
    event(agenda, "Réunion privée", 5)

    # People: an author of the editorial team, a reviewer, members of the network.
    make_user("autrice", groups=("equipe-editoriale",))
    make_user("relectrice", groups=("Reviewers",))
    make_user("membre-a", groups=("membres-du-reseau",))
    make_user("membre-b", groups=("membres-du-reseau",))
    make_user("sans-groupe", groups=("membres-du-reseau",))
    make_user("compte-simple")
    api.user.get(username="membre-a").setMemberProperties({"fullname": "Alice Martin"})

    # Three spaces: two private ones (A and B) and an internal one open to requests.
    spaces = portal["groupes-de-travail"]
    group_a = builders.working_group(spaces, title="Groupe juridique")
    group_b = builders.working_group(spaces, title="Groupe foncier")
    builders.working_group(
        spaces,
        title="Groupe communication",
        visibility="internal",
        join_policy="request",
    )
    WorkingGroupRoster(group_a).add("membre-a", coordinator=True)
    WorkingGroupRoster(group_b).add("membre-b")
    api.content.create(
        container=group_a, type="Document", title="Compte rendu du groupe juridique"
    )
    event(group_a, "Réunion du groupe juridique", 10)
    api.content.create(
        container=group_b, type="Document", title="Note du groupe foncier"
    )
    event(group_b, "Réunion du groupe foncier", 12)

    # The author's draft and submission; the group's draft resource.
    login(portal, "autrice")
    builders.resource(centre, title="Brouillon de l'autrice", file=None)
    submitted = builders.resource(
        centre, title="Guide soumis à la relecture", file=None
    )
    api.content.transition(submitted, transition="submit")
    login(portal, "membre-a")
    builders.resource(group_a, title="Brouillon du groupe juridique", file=None)
    login(portal, TEST_USER_NAME)
    pending_ad = builders.classified_ad(ads, title="Annonce en attente")
    api.content.transition(pending_ad, transition="submit")


HOME = content_layers("Home", create_home_content)
HOME_FIXTURE = HOME.fixture
HOME_FUNCTIONAL_TESTING = HOME.functional
HOME_BROWSER_TESTING = HOME.browser
