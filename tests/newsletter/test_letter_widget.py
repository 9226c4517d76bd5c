"""The letter's sign-up form a partner association pastes into its own page: the
portal's widget script builds it there (another origin), and the portal answers."""

from coordaction.policy.newsletter import subscribers
from plone import api
from tests.acceptance.browser import new_page
from tests.acceptance.browser import requires_chromium
from tests.acceptance.browser import screenshot_on_failure
from tests.acceptance.browser import serve_page
from tests.http import commit
from tests.mailbox import mails
from tests.resourcecentre.layer import SAMPLE_CONTENT_BROWSER_TESTING
import transaction
import unittest


PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Association</title></head>
<body>
  <div id="lettre" data-coordaction-letter data-topics="agenda,projets"
       data-region="53"></div>
  <script async src="{portal}/++resource++coordaction/widget.js"></script>
</body></html>
"""


class TestLetterWidget(unittest.TestCase):
    layer = SAMPLE_CONTENT_BROWSER_TESTING

    @requires_chromium
    def test_a_partner_page_signs_a_visitor_up(self):
        portal_url = self.layer["portal"].absolute_url()
        address = serve_page(self, PAGE.format(portal=portal_url))
        origin = address.rsplit("/", 1)[0]
        api.portal.set_registry_record("coordaction.cors_allowed_origins", [origin])
        commit()
        page = new_page(self.layer["browser"])
        self.addCleanup(page.context.close)
        with screenshot_on_failure(page, "letter-widget"):
            page.goto(address)
            page.get_by_label("Votre adresse électronique").fill("voisine@example.org")
            page.get_by_label("J'accepte que mon adresse").check()
            page.get_by_role("button", name="S'abonner").click()
            page.wait_for_selector(".coordaction-letter-answer:not(:empty)")
            self.assertIn(
                "Vérifiez votre boîte aux lettres",
                page.locator(".coordaction-letter-answer").inner_text(),
            )
            self.assertEqual(page.errors, [])
        transaction.begin()
        _token, record = subscribers.of_address("voisine@example.org")
        # What they asked for, applied once their mailbox confirms it.
        asked = subscribers.wanted(record)
        self.assertEqual(asked["topics"], ["agenda", "projets"])
        self.assertEqual(asked["region"], "53")
        self.assertIsNone(record["confirmed"])
        self.assertTrue(
            any(
                mail.to == "voisine@example.org" for mail in mails(self.layer["portal"])
            )
        )
