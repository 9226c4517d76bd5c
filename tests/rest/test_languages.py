"""The interface speaks the language of the request: French by default, English for
a browser or a REST client that asks for it (``Accept-Language: en``). Mail written
for other people stays in the site's language (French), whatever the language of
the request that sent it."""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import setRoles
from tests import builders
from tests import mailbox
from tests.http import Client
from tests.http import make_user
import lxml.html
import transaction
import unittest


ENGLISH = {"Accept-Language": "en"}
FRENCH = {"Accept-Language": "fr"}


class LanguageTestCase(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.client = Client(self.portal.absolute_url())


class TestRestAnswers(LanguageTestCase):
    def error_of(self, headers):
        response = self.client.api("GET", "@facets", headers=headers)
        self.assertEqual(response.status_code, 400, response.text)
        return response.json()["error"]["message"]

    def test_the_same_error_in_french_and_in_english(self):
        self.assertTrue(self.error_of(FRENCH).startswith("Indiquez « collection » :"))
        self.assertTrue(self.error_of(ENGLISH).startswith("Give “collection”:"))

    def test_an_answer_without_the_header_is_in_french(self):
        self.assertTrue(self.error_of({}).startswith("Indiquez « collection » :"))

    def test_a_language_the_site_does_not_offer_gets_french(self):
        self.assertTrue(
            self.error_of({"Accept-Language": "de"}).startswith(
                "Indiquez « collection »"
            )
        )

    def test_a_french_browser_that_also_reads_english_gets_french(self):
        headers = {"Accept-Language": "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7"}
        self.assertTrue(self.error_of(headers).startswith("Indiquez « collection »"))

    def test_facet_titles_follow_accept_language(self):
        def facet_titles(headers):
            response = self.client.api(
                "GET", "@facets?collection=ressources", headers=headers
            )
            self.assertEqual(response.status_code, 200, response.text)
            return {
                index: facet["title"]
                for index, facet in response.json()["facets"].items()
            }

        french, english = facet_titles(FRENCH), facet_titles(ENGLISH)
        self.assertEqual(french.keys(), english.keys())
        self.assertEqual(french["themes"], "Thèmes")
        self.assertEqual(english["themes"], "Themes")

    def test_answers_tell_caches_they_vary_by_language(self):
        response = self.client.api("GET", "@facets?collection=ressources")
        self.assertIn("Accept-Language", response.headers.get("Vary", ""))
        response = self.client.page("agenda")
        self.assertIn("Accept-Language", response.headers.get("Vary", ""))


class TestPages(LanguageTestCase):
    def page(self, headers):
        response = self.client.page("agenda", headers=headers)
        self.assertEqual(response.status_code, 200)
        return response, lxml.html.fromstring(response.text)

    def test_a_page_in_french_without_the_header(self):
        response, document = self.page({})
        self.assertEqual(document.get("lang"), "fr")
        self.assertIn("Liste des événements à venir", response.text)
        self.assertNotIn("List of upcoming events", response.text)

    def test_the_same_page_in_english(self):
        response, document = self.page(ENGLISH)
        self.assertEqual(document.get("lang"), "en")
        self.assertIn("List of upcoming events", response.text)
        self.assertNotIn("Liste des événements à venir", response.text)


class TestMailInTheSiteLanguage(LanguageTestCase):
    def test_reviewers_read_french_when_an_english_client_submits(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        make_user("contributrice", groups=("equipe-editoriale",))
        make_user("relectrice", groups=("Reviewers",))
        login(self.portal, "contributrice")
        resource = builders.resource(self.portal["centre-de-ressources"])
        transaction.commit()
        mailbox.reset()

        contributor = Client(self.portal.absolute_url(), "contributrice")
        response = contributor.api(
            "POST", f"{resource.absolute_url()}/@workflow/submit", headers=ENGLISH
        )
        self.assertEqual(response.status_code, 200, response.text)

        [mail] = mailbox.mails(self.portal, to="relectrice@example.org")
        self.assertEqual(
            mail.subject, "[Coordin'action] À relire : Guide du foncier partagé"
        )
        self.assertIn("attend votre relecture", mail.body)
