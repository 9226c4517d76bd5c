"""The project types as the REST tests build them: one line of TYPES per type,
with the section it lives in, how to build a valid item and who may edit it
(see tests/workflows/permission_matrix.py). A new type is covered by the REST
contract and the bad-input corpus by adding its line."""

from collections import namedtuple
from coordaction.workflows.roster import WorkingGroupRoster
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


Row = namedtuple("Row", "portal_type section build editors publish")

# The editors of a published item of the public sections: the editorial team
# (Editor there), reviewers and site administrators; of a working-group space: its
# coordinators and site administrators.
PUBLIC_EDITORS = ("contributrice", "relectrice", "administratrice")
TYPES = (
    Row("Resource", "centre-de-ressources", builders.resource, PUBLIC_EDITORS, True),
    Row("LegalTemplate", "trames-types", builders.legal_template, PUBLIC_EDITORS, True),
    Row("ProjectSheet", "projets", builders.project_sheet, PUBLIC_EDITORS, True),
    Row(
        "ClassifiedAd", "petites-annonces", builders.classified_ad, PUBLIC_EDITORS, True
    ),
    Row(
        "ObservatoryCase",
        "observatoire",
        builders.observatory_case,
        PUBLIC_EDITORS,
        True,
    ),
    Row("Event", "agenda", event, PUBLIC_EDITORS, True),
    Row("Image", "banque-d-images", image, PUBLIC_EDITORS, True),
    Row(
        "WorkingGroup",
        "groupes-de-travail",
        builders.working_group,
        ("coordinatrice", "administratrice"),
        False,
    ),
)
# The portal groups of the editors above.
PERSONA_GROUPS = {
    "contributrice": "equipe-editoriale",
    "relectrice": "Reviewers",
    "administratrice": "Site Administrators",
}


def build_items(portal):
    """The editors, and one item of each type (published where it is public);
    returns {portal_type: item}."""
    for login, group in PERSONA_GROUPS.items():
        make_user(login, groups=(group,))
    make_user("coordinatrice")
    items = {}
    for row in TYPES:
        item = row.build(portal[row.section])
        if row.publish:
            builders.publish(item)
        items[row.portal_type] = item
    WorkingGroupRoster(items["WorkingGroup"]).add("coordinatrice", coordinator=True)
    return items
