"""The REST contract of every project type: a client that GETs an item and
PATCHes back what it read gets 204, and the item is unchanged. One line of TYPES
per type; every role that may edit that type (see
tests/workflows/permission_matrix.py) does the round trip."""

from tests.http import Client
from tests.http import SiteTestCase
from tests.rest.types import TYPES
from tests.rest.types import build_items


CONTACT_FORM = "contribuer/nous-contacter"

# Keys of a GET that are not sent back, and why: none. plone.restapi ignores on
# PATCH what is not a field (@id, UID, review_state, items...), keeps a file sent
# back as it was served, and resolves relations from their summaries.
NOT_SENT = set()
# Keys that change with every write (the modification date), not compared.
VOLATILE = {"modified"}


class TestRoundTrip(SiteTestCase):
    def build(self):
        self.items = build_items(self.portal)

    def test_every_editor_writes_back_what_it_read(self):
        for row in TYPES:
            item_url = self.items[row.key].absolute_url()
            for login in row.editors:
                with self.subTest(row.key, editor=login):
                    client = Client(self.url, login)
                    before = client.get_json(item_url)
                    self.assertEqual(before.status_code, 200, before.text)
                    read = before.json()
                    body = {k: v for k, v in read.items() if k not in NOT_SENT}
                    response = client.api("PATCH", item_url, json=body)
                    self.assertEqual(response.status_code, 204, response.text[:2000])
                    after = client.get_json(item_url).json()
                    self.assertEqual(
                        {k: v for k, v in after.items() if k not in VOLATILE},
                        {k: v for k, v in read.items() if k not in VOLATILE},
                    )


class TestForms(SiteTestCase):
    """The forms of *Contribuer* through REST (collective.easyform #431)."""

    users = {"admin-demo": {"groups": ("Site Administrators",)}, "membre": {}}

    def setUp(self):
        super().setUp()
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
                    # How it works inside (its actions, its scripts) is the
                    # editors' business.
                    self.assertNotIn("actions_model", response.json())
                    self.assertNotIn("Adhésion de notre association", response.text)

    def test_saved_messages_are_served_to_site_administrators_only(self):
        data = Client(self.url, "admin-demo").get_json(CONTACT_FORM).json()
        [rows] = data["savedDataStorage"]["saved"].values()
        self.assertEqual(rows["subject"], "Adhésion de notre association")
