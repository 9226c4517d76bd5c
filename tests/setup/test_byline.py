"""The line under a title names who wrote the content, never the account that
installed the site: the sections have none."""

from plone import api
from tests import builders
from tests.http import SiteTestCase
import lxml.html


class TestByline(SiteTestCase):
    users = {"lectrice-b": {"groups": ("membres-du-reseau",)}}

    def build(self):
        self.resource = builders.publish(
            builders.resource(
                self.portal["centre-de-ressources"], title="Guide signé", file=None
            )
        )
        api.user.get(username="lectrice-b").setMemberProperties(
            {"fullname": "Léa Lectrice"}
        )

    def bylines(self, path):
        page = self.signed_in("lectrice-b").page(path)
        page.raise_for_status()
        return [
            " ".join(element.text_content().split())
            for element in lxml.html.fromstring(page.text).cssselect("#section-byline")
        ]

    def test_sections_name_no_author(self):
        for section in ("groupes-de-travail", "agenda", "contribuer"):
            with self.subTest(section=section):
                self.assertEqual(self.bylines(section), [])

    def test_content_keeps_its_byline(self):
        (byline,) = self.bylines(self.resource.absolute_url())
        self.assertTrue(byline.startswith("par "), byline)
