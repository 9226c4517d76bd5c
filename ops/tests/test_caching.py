"""HTTP caching (profile coordaction.policy:caching) behind a real Varnish: anonymous
pages, files, resources and public REST reads come from the cache, edits and
publication purge it, and nothing of a logged-in visitor or private is ever kept."""

from ops.tests import services
from ops.tests.test_cluster import ADMIN
from ops.tests.test_cluster import CLUSTER_LAYER
from ops.tests.test_cluster import JSON
from Products.statusmessages.message import Message
import base64
import lxml.html
import requests
import time
import unittest
import uuid


def get(url, **kwargs):
    return requests.get(url, timeout=60, **kwargs)


@services.skip_unless_available("postgresql", "haproxy", "varnish")
class TestCachingProxy(unittest.TestCase):
    layer = CLUSTER_LAYER

    def setUp(self):
        self.cache = self.layer.state()["url"]

    def document(self, title, publish=True):
        """A Document in « Contribuer », made through the cache (a POST passes)."""
        name = f"page-{uuid.uuid4().hex[:8]}"
        created = requests.post(
            f"{self.cache}/contribuer",
            json={"@type": "Document", "id": name, "title": title},
            headers=JSON,
            auth=ADMIN,
            timeout=60,
        )
        self.assertEqual(created.status_code, 201, created.text[:500])
        url = f"{self.cache}/contribuer/{name}"
        if publish:
            self.transition(url, "publish")
        return url

    def transition(self, url, name):
        response = requests.post(
            f"{url}/@workflow/{name}", headers=JSON, auth=ADMIN, timeout=60
        )
        self.assertEqual(response.status_code, 200, response.text[:500])

    def twice(self, url, **kwargs):
        return get(url, **kwargs), get(url, **kwargs)

    def eventually(self, check, seconds=15):
        """Purges leave Zope right after the commit, from a queue: a short wait."""
        deadline = time.monotonic() + seconds
        while True:
            response = check()
            if response is not None:
                return response
            self.assertLess(time.monotonic(), deadline, "the cache was not purged")
            time.sleep(0.5)

    def test_anonymous_pages_come_from_the_cache(self):
        url = self.document("Page publique en cache")
        first, second = self.twice(url)
        self.assertEqual(second.status_code, 200)
        self.assertIn("Page publique en cache", second.text)
        self.assertIn("s-maxage", first.headers["Cache-Control"])
        self.assertEqual(
            (first.headers["X-Cache"], second.headers["X-Cache"]), ("MISS", "HIT")
        )

    def test_public_rest_reads_come_from_the_cache_apart_from_pages(self):
        url = self.document("Lecture REST en cache")
        self.assertEqual(self.twice(url)[1].headers["X-Cache"], "HIT")
        first, second = self.twice(url, headers=JSON)
        self.assertEqual(
            (first.headers["X-Cache"], second.headers["X-Cache"]), ("MISS", "HIT")
        )
        self.assertEqual(second.json()["title"], "Lecture REST en cache")
        page = get(url)
        self.assertEqual(page.headers["X-Cache"], "HIT")
        self.assertTrue(page.headers["Content-Type"].startswith("text/html"))
        for search in (
            "@search?portal_type=Document",
            "@facets?collection=ressources&themes=foncier",
        ):
            first, second = self.twice(f"{self.cache}/{search}", headers=JSON)
            self.assertEqual(second.status_code, 200, search)
            self.assertEqual(second.headers["X-Cache"], "HIT", search)

    def test_full_text_searches_are_not_cached(self):
        # plone.app.caching's cache-stop variables: SearchableText, statusmessages.
        search = f"{self.cache}/@search?SearchableText=guide"
        second = self.twice(search, headers=JSON)[1]
        self.assertEqual(second.headers["X-Cache"], "MISS")

    def test_a_visitor_with_a_message_to_read_gets_it(self):
        # After a form, Plone says what happened on the next page, from a cookie.
        url = self.document("Page après un formulaire")
        self.assertEqual(self.twice(url)[1].headers["X-Cache"], "HIT")
        said = "Votre message a été envoyé."
        cookie = base64.b64encode(Message(said, type="info").encode()).decode()
        page = get(url, cookies={"statusmessages": cookie})
        self.assertEqual(page.headers["X-Cache"], "MISS")
        self.assertIn(said, page.text)
        # Nor is the page with the message kept for the next visitor.
        self.assertNotIn(said, get(url).text)

    def test_resources_come_from_the_cache(self):
        page = lxml.html.fromstring(get(self.cache).text, base_url=self.cache)
        page.make_links_absolute()
        styles = page.xpath('//link[@rel="stylesheet"]/@href')
        self.assertTrue(styles)
        first, second = self.twice(styles[0])
        self.assertEqual(second.status_code, 200)
        self.assertEqual(second.headers["X-Cache"], "HIT")

    def test_an_edit_purges_the_page_and_its_rest_read(self):
        url = self.document("Titre avant modification")
        for headers in ({}, JSON):
            self.assertEqual(
                self.twice(url, headers=headers)[1].headers["X-Cache"], "HIT"
            )
        edited = requests.patch(
            url,
            json={"title": "Titre après modification"},
            headers=JSON,
            auth=ADMIN,
            timeout=60,
        )
        self.assertEqual(edited.status_code, 204)

        def fresh_page():
            response = get(url)
            return response if "Titre après modification" in response.text else None

        def fresh_json():
            response = get(url, headers=JSON)
            title = response.json()["title"]
            return response if title == "Titre après modification" else None

        self.assertEqual(self.eventually(fresh_page).status_code, 200)
        self.assertEqual(self.eventually(fresh_json).status_code, 200)

    def test_publishing_purges_what_anonymous_visitors_were_refused(self):
        url = self.document("Bientôt publiée", publish=False)
        refused = get(url)
        self.assertNotIn("Bientôt publiée", refused.text)
        self.transition(url, "publish")

        def published():
            response = get(url)
            return response if response.status_code == 200 else None

        self.assertIn("Bientôt publiée", self.eventually(published).text)

    def test_logged_in_pages_are_never_cached_nor_shown_to_anonymous(self):
        url = self.document("Page vue connectée")
        first, second = self.twice(url, auth=ADMIN)
        self.assertEqual(
            (first.headers["X-Cache"], second.headers["X-Cache"]), ("MISS", "MISS")
        )
        self.assertNotIn("s-maxage", second.headers.get("Cache-Control", ""))
        self.assertIn("personaltools-logout", second.text)
        anonymous = self.twice(url)[1]
        self.assertNotIn("personaltools-logout", anonymous.text)
        self.assertIn("Page vue connectée", anonymous.text)

    def test_private_items_are_never_cached(self):
        url = self.document("Brouillon privé", publish=False)
        for headers in ({}, JSON):
            first, second = self.twice(url, auth=ADMIN, headers=headers)
            self.assertEqual(second.status_code, 200)
            self.assertEqual(second.headers["X-Cache"], "MISS")
            self.assertNotIn("s-maxage", second.headers.get("Cache-Control", ""))
        for headers in ({}, JSON):
            anonymous = get(url, headers=headers)
            self.assertNotIn("Brouillon privé", anonymous.text)
