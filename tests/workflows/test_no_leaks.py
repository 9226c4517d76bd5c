"""Nothing of a private space reaches those outside it: not its documents, not
their counts, not even the space's name, through any page or endpoint."""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from coordaction.workflows.roster import WorkingGroupRoster
from plone import api
from tests import builders
from tests.http import Client
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
import gzip
import json
import unittest


SPACE = "Cercle confidentiel xylophone"
DOCUMENT = "Procès-verbal xylophone"
SHARED = "Synthèse partagée xylophone"


class TestNoLeaks(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        portal = self.layer["portal"]
        as_manager(portal)
        space = builders.working_group(portal["groupes-de-travail"], title=SPACE)
        make_user("membre")
        make_user("autre")
        make_user("reseau", groups=("membres-du-reseau",))
        WorkingGroupRoster(space).add("membre", coordinator=True)
        api.content.create(container=space, type="Document", title=DOCUMENT)
        shared = api.content.create(container=space, type="Document", title=SHARED)
        api.content.transition(shared, transition="share")
        self.shared_url = shared.absolute_url()
        commit()
        self.portal_url = portal.absolute_url()
        self.outsiders = {
            "anonyme": Client(self.portal_url),
            "autre": Client(self.portal_url, "autre"),
            "reseau": Client(self.portal_url, "reseau"),
        }

    def assertNoTrace(
        self, who, text, words=(SPACE, DOCUMENT, "xylophone confidentiel")
    ):
        for word in words:
            self.assertNotIn(word, text, who)

    def test_rest_endpoints(self):
        for who, client in self.outsiders.items():
            search = client.get_json("@search?SearchableText=xylophone").json()
            expected = 1 if who == "reseau" else 0  # the shared document only
            self.assertEqual(search["items_total"], expected, who)
            self.assertNoTrace(who, json.dumps(search, ensure_ascii=False))
            query = client.api(
                "POST",
                "@querystring-search",
                json={
                    "query": [
                        {
                            "i": "SearchableText",
                            "o": "plone.app.querystring.operation.string.contains",
                            "v": "xylophone",
                        }
                    ]
                },
            ).json()
            self.assertEqual(query.get("items_total", 0), expected, who)
            self.assertNoTrace(who, json.dumps(query, ensure_ascii=False))
            navigation = client.get_json(
                "groupes-de-travail/@navigation?expand.navigation.depth=3"
            ).text
            self.assertNoTrace(who, navigation)
            vocabulary = client.get_json(
                "@vocabularies/plone.app.vocabularies.Catalog?title=xylophone"
            ).text
            self.assertNoTrace(who, vocabulary)

    def test_pages_sitemap_and_feeds(self):
        for who, client in self.outsiders.items():
            for path in (
                "groupes-de-travail",
                "search?SearchableText=xylophone",
                "sitemap",
                "nouvelles-ressources/rss.xml",
            ):
                self.assertNoTrace(who, client.page(path).text)
            sitemap = client.page("sitemap.xml.gz")
            if sitemap.status_code == 200:
                self.assertNoTrace(who, gzip.decompress(sitemap.content).decode())

    def test_a_shared_document_does_not_name_its_private_space(self):
        reader = self.outsiders["reseau"]
        page = reader.page(self.shared_url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(SHARED, page.text)
        self.assertNotIn(SPACE, page.text)
        self.assertIn("Espace de groupe", page.text)
        data = reader.get_json(self.shared_url).json()
        self.assertEqual(data["title"], SHARED)
        self.assertEqual(data["parent"]["title"], "Espace de groupe")
        self.assertNotIn(SPACE, json.dumps(data, ensure_ascii=False))
        crumbs = reader.get_json(f"{self.shared_url}/@breadcrumbs").text
        self.assertNotIn(SPACE, crumbs)
        # The group itself still reads its name.
        member = Client(self.portal_url, "membre")
        self.assertEqual(
            member.get_json(self.shared_url).json()["parent"]["title"], SPACE
        )
