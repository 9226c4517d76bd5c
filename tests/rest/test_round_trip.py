"""The REST contract of every project type: a client that GETs an item and
PATCHes back what it read gets 204, and the item is unchanged. One line of TYPES
per type; every role that may edit that type (see
tests/workflows/permission_matrix.py) does the round trip."""

from collections import namedtuple
from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from coordaction.workflows.roster import WorkingGroupRoster
from datetime import datetime
from plone import api
from tests import builders
from tests import samples
from tests.http import Client
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
import pytz
import unittest


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
CONTACT_FORM = "contribuer/nous-contacter"

# Keys of a GET that are not sent back, and why:
NOT_SENT = {
    # Computed by the server, not fields: PATCH ignores them anyway; a client has
    # no reason to send them.
    "@id",
    "@type",
    "@components",
    "UID",
    "id",
    "parent",
    "review_state",
    "created",
    "modified",
    "is_folderish",
    "layout",
    "lock",
    "previous_item",
    "next_item",
    "items",
    "items_total",
    "batching",
    "type_title",
    "version",
    "allow_discussion",
    "@static_behaviors",
    "targetUrl",
    "working_copy",
    "working_copy_of",
}
# Keys that change with every write (the modification date), not compared.
VOLATILE = {"modified", "@components"}
PERSONA_GROUPS = {
    "contributrice": "equipe-editoriale",
    "relectrice": "Reviewers",
    "administratrice": "Site Administrators",
}


class TestRoundTrip(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        for login, group in PERSONA_GROUPS.items():
            make_user(login, groups=(group,))
        make_user("coordinatrice")
        self.items = {}
        for row in TYPES:
            item = row.build(self.portal[row.section])
            if row.publish:
                builders.publish(item)
            self.items[row.portal_type] = item
        WorkingGroupRoster(self.items["WorkingGroup"]).add(
            "coordinatrice", coordinator=True
        )
        commit()
        self.url = self.portal.absolute_url()

    def test_every_editor_writes_back_what_it_read(self):
        for row in TYPES:
            item_url = self.items[row.portal_type].absolute_url()
            for login in row.editors:
                with self.subTest(portal_type=row.portal_type, editor=login):
                    client = Client(self.url, login)
                    before = client.get_json(item_url)
                    self.assertEqual(before.status_code, 200, before.text)
                    read = before.json()
                    body = {k: v for k, v in read.items() if k not in NOT_SENT}
                    response = client.api("PATCH", item_url, json=body)
                    self.assertEqual(response.status_code, 204, response.text[:2000])
                    after = client.get_json(item_url).json()
                    for key in set(read) | set(after):
                        if key not in VOLATILE:
                            self.assertEqual(after.get(key), read.get(key), key)


class TestForms(unittest.TestCase):
    """The forms of *Contribuer* through REST (collective.easyform #431)."""

    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        make_user("administratrice", groups=("Site Administrators",))
        make_user("membre")
        commit()
        self.url = self.portal.absolute_url()
        # One message kept by the contact form's "saved data" action.
        response = Client(self.url).submit(
            CONTACT_FORM,
            {
                "form.widgets.name": "Paul Durand",
                "form.widgets.email": "paul@example.net",
                "form.widgets.subject": "Adhésion de notre association",
                "form.widgets.message": "Comment notre association peut-elle adhérer ?",
                "form.widgets.consent:list": "selected",
            },
            "form.buttons.submit",
        )
        self.assertIn("Merci, votre message est envoyé", response.text)

    def forms(self):
        section = self.portal["contribuer"]
        return [
            f"contribuer/{form_id}"
            for form_id in section.objectIds()
            if section[form_id].portal_type == "EasyForm"
        ]

    def test_anonymous_and_members_read_every_form_of_contribuer(self):
        forms = self.forms()
        self.assertIn(CONTACT_FORM, forms)
        self.assertGreaterEqual(len(forms), 4)
        for login in (None, "membre"):
            client = Client(self.url, login)
            for path in forms:
                with self.subTest(form=path, login=login):
                    response = client.get_json(path)
                    self.assertEqual(response.status_code, 200, response.text[:300])
                    self.assertEqual(response.json()["@type"], "EasyForm")
                    self.assertNotIn("savedDataStorage", response.json())
                    self.assertNotIn("Adhésion de notre association", response.text)

    def test_saved_messages_are_served_to_site_administrators_only(self):
        data = Client(self.url, "administratrice").get_json(CONTACT_FORM).json()
        [rows] = data["savedDataStorage"]["saved"].values()
        self.assertEqual(rows["subject"], "Adhésion de notre association")
