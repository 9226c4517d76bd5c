"""The project types as the REST tests build them: one line of TYPES per type,
with the section it lives in, how to build a valid item and who may edit it
(see tests/workflows/permission_matrix.py). A new type is covered by the REST
contract and the bad-input corpus by adding its line."""

from collections import namedtuple
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from datetime import datetime
from plone import api
from tests import builders
from tests import samples
from tests.http import make_user
import pytz


def event(section):
    paris = pytz.timezone("Europe/Paris")
    return api.content.create(
        container=section,
        type="Event",
        title="Rencontre régionale",
        start=paris.localize(datetime(2027, 1, 14, 18, 0)),
        end=paris.localize(datetime(2027, 1, 14, 20, 0)),
        location="Lyon",
        event_url="https://rencontres.example.org",
        themes=["gouvernance"],
        regions=["84"],
    )


def image(section):
    return builders.image(section, image=samples.png_image())


# ``key`` names the line; ``container`` is a path from the portal; ``author``
# creates the item (None: the test's manager); ``publish``: published after it.
Row = namedtuple("Row", "key portal_type container build author editors publish")

# The logins are those of the demo personas (policy/demo/content/accounts.json) where
# they exist. Editors, as in tests/workflows/permission_matrix.py: of a published
# item of the public sections, the editorial team (EditorialTeam there), reviewers and
# site administrators; of a working-group space, its coordinators and site
# administrators; of an item in a space, its author (a member of the group), the
# coordinators and site administrators.
PUBLIC_EDITORS = ("contributeur", "relectrice", "admin-demo")
SPACE = "groupes-de-travail/groupe-juridique"
SPACE_EDITORS = ("membre-groupe", "coordinatrice", "admin-demo")
TYPES = (
    Row(
        "Resource",
        "Resource",
        "centre-de-ressources",
        builders.resource,
        None,
        PUBLIC_EDITORS,
        True,
    ),
    Row(
        "LegalTemplate",
        "LegalTemplate",
        "trames-types",
        builders.legal_template,
        None,
        PUBLIC_EDITORS,
        True,
    ),
    Row(
        "ProjectSheet",
        "ProjectSheet",
        "projets",
        builders.project_sheet,
        None,
        PUBLIC_EDITORS,
        True,
    ),
    Row(
        "ClassifiedAd",
        "ClassifiedAd",
        "petites-annonces",
        builders.classified_ad,
        None,
        PUBLIC_EDITORS,
        True,
    ),
    Row(
        "ObservatoryCase",
        "ObservatoryCase",
        "observatoire",
        builders.observatory_case,
        None,
        PUBLIC_EDITORS,
        True,
    ),
    Row("Event", "Event", "agenda", event, None, PUBLIC_EDITORS, True),
    Row(
        "Workstream",
        "Workstream",
        "chantiers",
        builders.workstream,
        None,
        PUBLIC_EDITORS,
        True,
    ),
    Row("Image", "Image", "banque-d-images", image, None, PUBLIC_EDITORS, True),
    Row(
        "WorkingGroup",
        "WorkingGroup",
        "groupes-de-travail",
        builders.working_group,
        None,
        ("coordinatrice", "admin-demo"),
        False,
    ),
    # Drafts and documents of a private working-group space (after the space).
    Row(
        "Resource in a space",
        "Resource",
        SPACE,
        builders.resource,
        "membre-groupe",
        SPACE_EDITORS,
        False,
    ),
    Row(
        "Event in a space", "Event", SPACE, event, "membre-groupe", SPACE_EDITORS, False
    ),
    Row(
        "Image in a space", "Image", SPACE, image, "membre-groupe", SPACE_EDITORS, False
    ),
)
# The portal groups of the editors above.
PERSONA_GROUPS = {
    "contributeur": ("equipe-editoriale",),
    "relectrice": ("Reviewers",),
    "admin-demo": ("Site Administrators",),
    "coordinatrice": ("membres-du-reseau",),
    "membre-groupe": ("membres-du-reseau",),
}


def build_items(portal):
    """The editors, and one item of each line (published where it is public);
    returns {key: item}."""
    for login, groups in PERSONA_GROUPS.items():
        make_user(login, groups=groups)
    items = {}
    for row in TYPES:
        container = portal.unrestrictedTraverse(row.container)
        if row.author:
            with api.env.adopt_user(username=row.author):
                item = row.build(container)
        else:
            item = row.build(container)
        if row.publish:
            builders.publish(item)
        items[row.key] = item
        if row.portal_type == "WorkingGroup":
            roster = WorkingGroupRoster(item)
            roster.add("coordinatrice", coordinator=True)
            roster.add("membre-groupe")
    return items
