"""CSRF: what another site's page can make a logged-in person's browser send.

A browser sends the session cookie (``__ac``) with every request, including a
"simple" cross-site request (``Accept: application/json``, a ``text/plain`` body)
that needs no CORS preflight. REST writes carried by the cookie alone must prove
they come from the portal; clients that authenticate with an ``Authorization``
header are not exposed and keep working."""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from plone import api
from tests import builders
from tests.http import PASSWORD
from tests.http import Client
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
import json
import lxml.html
import unittest


FOREIGN = "https://site-malveillant.example"
REFUSED = "Requête refusée : une modification envoyée avec votre session"


def logged_in_browser(portal_url, login):
    """A session logged in through Plone's login form: it holds the ``__ac``
    cookie, and no ``Authorization`` header."""
    browser = Client(portal_url)
    response = browser.submit(
        "login", {"__ac_name": login, "__ac_password": PASSWORD}, "buttons.login"
    )
    response.raise_for_status()
    assert "__ac" in browser.session.cookies, "not logged in"
    return browser


def page_token(browser, path):
    """The CSRF token (plone.protect's ``_authenticator``) a portal page carries."""
    page = browser.page(path)
    (token,) = lxml.html.fromstring(page.text).xpath(
        '//input[@name="_authenticator"]/@value'
    )[:1]
    return token


class TestRestWritesOfABrowserSession(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        make_user("rosalie", roles=("Manager",))
        self.resource = builders.resource(
            self.portal["centre-de-ressources"], title="Brouillon de Rosalie"
        )
        commit()
        self.portal_url = self.portal.absolute_url()
        self.browser = logged_in_browser(self.portal_url, "rosalie")

    def state(self):
        self.resource._p_jar.sync()
        return api.content.get_state(self.resource)

    def submit(self, client, **headers):
        return client.api(
            "POST",
            f"{self.resource.absolute_url()}/@workflow/submit",
            headers=headers,
            data="{}",
        )

    def assertRefused(self, response):
        self.assertEqual(response.status_code, 403, response.text)
        self.assertIn(REFUSED, response.json()["message"])

    def test_a_transition_from_another_site_is_refused(self):
        response = self.submit(
            self.browser, **{"Content-Type": "text/plain", "Origin": FOREIGN}
        )
        self.assertRefused(response)
        self.assertEqual(self.state(), "private")

    def test_json_from_another_site_is_refused(self):
        response = self.submit(
            self.browser, **{"Content-Type": "application/json", "Origin": FOREIGN}
        )
        self.assertRefused(response)
        self.assertEqual(self.state(), "private")

    def test_a_text_body_from_the_portal_itself_is_refused(self):
        response = self.submit(
            self.browser, **{"Content-Type": "text/plain", "Origin": self.portal_url}
        )
        self.assertRefused(response)
        self.assertEqual(self.state(), "private")

    def test_a_creation_without_origin_nor_token_is_refused(self):
        centre = self.portal["centre-de-ressources"]
        before = len(centre.objectIds())
        response = self.browser.api(
            "POST",
            centre.absolute_url(),
            headers={"Content-Type": "text/plain"},
            data=json.dumps({"@type": "Document", "title": "Créé par un autre site"}),
        )
        self.assertRefused(response)
        centre._p_jar.sync()
        self.assertEqual(len(centre.objectIds()), before)

    def test_json_from_the_portal_pages_passes(self):
        response = self.submit(
            self.browser,
            **{"Content-Type": "application/json", "Origin": self.portal_url},
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(self.state(), "pending")

    def test_json_with_the_portal_as_referer_passes(self):
        response = self.submit(
            self.browser,
            **{
                "Content-Type": "application/json",
                "Referer": f"{self.resource.absolute_url()}/view",
            },
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(self.state(), "pending")

    def test_the_token_of_a_portal_page_passes(self):
        token = page_token(self.browser, f"{self.resource.absolute_url()}/edit")
        response = self.submit(
            self.browser,
            **{"Content-Type": "text/plain", "Origin": FOREIGN, "X-CSRF-TOKEN": token},
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(self.state(), "pending")

    def test_a_wrong_token_is_refused(self):
        response = self.submit(
            self.browser,
            **{"Content-Type": "application/json", "X-CSRF-TOKEN": "0" * 40},
        )
        self.assertRefused(response)
        self.assertEqual(self.state(), "private")

    def test_clients_with_an_authorization_header_are_not_concerned(self):
        client = Client(self.portal_url, "rosalie")
        response = self.submit(
            client, **{"Content-Type": "text/plain", "Origin": FOREIGN}
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(self.state(), "pending")

    def test_a_jwt_from_login_works_without_token(self):
        visitor = Client(self.portal_url)
        login = visitor.api(
            "POST", "@login", json={"login": "rosalie", "password": PASSWORD}
        )
        self.assertEqual(login.status_code, 200, login.text)
        response = self.submit(
            visitor,
            Authorization=f"Bearer {login.json()['token']}",
            Origin=FOREIGN,
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(self.state(), "pending")

    def test_reading_with_the_session_is_not_concerned(self):
        response = self.browser.api(
            "GET", self.resource.absolute_url(), headers={"Origin": FOREIGN}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["title"], "Brouillon de Rosalie")
