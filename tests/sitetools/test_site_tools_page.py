"""*Outils pour vos sites*: the page the associations' webmasters read, its form and
what it writes for them (the widget's code, the REST and iCalendar addresses), read
as a visitor's browser receives it; found by the portal's search."""

from tests.http import Client
from tests.http import admin
from tests.resourcecentre.layer import SAMPLE_CONTENT_FUNCTIONAL_TESTING
import lxml.html
import unittest


PAGE = "outils-pour-vos-sites"


def code(document, element_id):
    return document.get_element_by_id(element_id).text_content()


class TestSiteToolsPage(unittest.TestCase):
    layer = SAMPLE_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()
        self.visitor = Client(self.url)

    def open(self, client=None, **choice):
        response = (client or self.visitor).page(PAGE, params=choice)
        self.assertEqual(response.status_code, 200)
        return lxml.html.fromstring(response.text)

    def test_the_page_is_public_and_linked_from_every_footer(self):
        document = self.open()
        self.assertEqual(
            document.xpath("string(//h1)").strip(), "Outils pour vos sites"
        )
        self.assertIn("widget à coller dans une page", document.text_content())
        footer = lxml.html.fromstring(self.visitor.page("").text)
        self.assertIn(
            f"{self.url}/{PAGE}",
            footer.xpath(
                "//footer//a[normalize-space()='Outils pour vos sites']/@href"
            ),
        )

    def test_searching_widget_finds_the_page(self):
        for words in ("widget", "API REST", "iCalendar"):
            with self.subTest(words=words):
                found = self.visitor.get_json(
                    f"@search?SearchableText={words}&portal_type=Document"
                ).json()
                self.assertIn(
                    f"{self.url}/{PAGE}", [item["@id"] for item in found["items"]]
                )
        results = self.visitor.page("@@search?SearchableText=widget").text
        self.assertIn("Outils pour vos sites", results)

    def test_the_default_choice_writes_a_widget_of_five_resources(self):
        document = self.open()
        self.assertEqual(
            code(document, "site-tools-widget-code"),
            '<div data-coordaction-widget data-collection="ressources" '
            'data-limit="5" data-title="Centre de ressources"></div>\n'
            f'<script async src="{self.url}/++resource++coordaction/widget.js">'
            "</script>",
        )
        preview = document.get_element_by_id("site-tools-preview")
        self.assertEqual(preview.get("data-collection"), "ressources")
        self.assertIsNone(preview.get("data-regions"))

    def test_the_choice_is_kept_in_the_address_and_written_everywhere(self):
        document = self.open(
            collection="agenda", region="53", theme="foncier", limit="10"
        )
        self.assertEqual(
            code(document, "site-tools-widget-code").split("\n")[0],
            '<div data-coordaction-widget data-collection="agenda" data-regions="53" '
            'data-themes="foncier" data-limit="10" data-title="Agenda — Bretagne">'
            "</div>",
        )
        self.assertEqual(
            code(document, "site-tools-rest-code"),
            "curl -H 'Accept: application/json' "
            f"'{self.url}/@facets?collection=agenda&regions=53&themes=foncier"
            "&b_size=10'",
        )
        self.assertEqual(
            code(document, "site-tools-ical-code"),
            f"{self.url}/agenda.ics?regions=53&themes=foncier",
        )
        self.assertEqual(
            code(document, "site-tools-letter-code").split("\n")[0],
            '<div data-coordaction-letter data-region="53"></div>',
        )
        selected = document.xpath("//form[@id='site-tools-form']//option[@selected]")
        self.assertEqual(
            [option.get("value") for option in selected],
            ["agenda", "53", "foncier", "10"],
        )

    def test_what_the_page_writes_answers(self):
        # The REST address and the iCalendar feed it gives work as written.
        document = self.open(collection="ressources", region="53", limit="3")
        rest = code(document, "site-tools-rest-code").split("'")[3]
        answer = self.visitor.get_json(rest).json()
        self.assertEqual(
            [item["title"] for item in answer["items"]],
            ["Guide du financement", "Guide du foncier"],
        )
        ical = self.visitor.page(code(document, "site-tools-ical-code"))
        self.assertEqual(ical.status_code, 200)
        self.assertIn("BEGIN:VCALENDAR", ical.text)
        for feed in document.xpath("//section[@aria-labelledby='site-tools-feeds']//a"):
            with self.subTest(feed=feed.get("href")):
                response = self.visitor.page(feed.get("href"))
                self.assertEqual(response.status_code, 200)
                self.assertIn("xml", response.headers["Content-Type"])

    def test_a_section_without_themes_says_the_theme_does_not_apply(self):
        document = self.open(collection="annonces", theme="foncier")
        self.assertNotIn("data-themes", code(document, "site-tools-widget-code"))
        self.assertIn(
            "ne se filtre pas par thème",
            document.get_element_by_id("site-tools-output").text_content(),
        )
        # The agenda has themes: its feed keeps the theme asked for.
        self.assertTrue(
            code(document, "site-tools-ical-code").endswith("themes=foncier")
        )

    def test_the_projects_give_their_geojson(self):
        document = self.open(collection="projets", region="84")
        self.assertIn(
            f"{self.url}/@projects-geojson?regions=84",
            document.get_element_by_id("site-tools-output").text_content(),
        )
        self.assertNotIn("GeoJSON", self.open().text_content())

    def test_hostile_and_wrong_values_fall_back_or_are_written_as_text(self):
        hostile = '"><script>alert(1)</script><a href="javascript:alert(2)">x</a>'
        response = self.visitor.page(
            PAGE,
            params={
                "collection": "javascript:alert(1)",
                "region": "99",
                "theme": ["foncier", "financement"],
                "limit": "1000000",
                "title": hostile + "x" * 500,
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("<script>alert(1)", response.text)
        self.assertNotIn('href="javascript:', response.text)
        document = lxml.html.fromstring(response.text)
        widget = code(document, "site-tools-widget-code")
        self.assertIn('data-collection="ressources"', widget)
        self.assertIn('data-limit="5"', widget)
        self.assertNotIn("data-regions", widget)
        # The title, cut to 80 characters, is an attribute value in the code.
        self.assertIn(
            'data-title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;', widget
        )
        preview = document.get_element_by_id("site-tools-preview")
        self.assertEqual(len(preview.get("data-title")), 80)

    def test_only_administrators_see_the_allowed_sites(self):
        visitor = self.open()
        self.assertNotIn("Sites autorisés aujourd'hui", visitor.text_content())
        self.assertIn("Envoyez-nous l'adresse de votre site", visitor.text_content())
        manager = self.open(admin(self.url))
        allowed = manager.xpath(
            "//section[@aria-labelledby='site-tools-allow']//code/text()"
        )
        self.assertEqual(
            allowed,
            [
                "https://www.habitatparticipatif-france.fr",
                "https://www.habitatparticipatif.eu",
            ],
        )
        self.assertTrue(
            manager.xpath("//a[normalize-space()='Gérer les sites autorisés']")
        )
