"""The public home page, as visitors see it over HTTP: the welcome and the entry
points by kind of visitor, live figures counted as an anonymous visitor, the latest
published items and the small map of the projects. Nothing unpublished shows."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.home.layer import HOME_FUNCTIONAL_TESTING
from tests.home.layer import PUBLISHED_PROJECTS
from tests.home.layer import PUBLISHED_RESOURCES
from tests.home.layer import UNPUBLISHED
from tests.http import Client
from tests.http import commit
import lxml.html
import unittest


def texts(html, css_class):
    """The text of each element of a class, whitespace folded."""
    document = lxml.html.fromstring(html)
    return [
        " ".join(element.text_content().split())
        for element in document.find_class(css_class)
    ]


def page_content(html):
    """The text of the page itself, without Plone's navigation around it (which
    lists the published items of the sections, past events included)."""
    return " ".join(texts(html, "coordaction-home"))


def figures(html):
    document = lxml.html.fromstring(html)
    return {
        " ".join(
            item.find_class("coordaction-home-figure-label")[0].text_content().split()
        ): item.find_class("coordaction-home-figure-number")[0].text_content().strip()
        for item in document.find_class("coordaction-home-figure")
    }


class HomePageTestCase(unittest.TestCase):
    layer = HOME_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.url = self.portal.absolute_url()
        self.anonymous = Client(self.url)

    def home(self, client=None):
        response = (client or self.anonymous).page()
        self.assertEqual(response.status_code, 200)
        return response.text


class TestHomePageForAnonymous(HomePageTestCase):
    def test_site_root_shows_the_home_page(self):
        html = self.home()
        self.assertIn("coordaction-home", html)
        self.assertEqual(
            texts(html, "documentFirstHeading"), ["L'habitat participatif, ensemble"]
        )
        self.assertIn("La Coordin'action réunit les associations", html)

    def test_entry_points_lead_each_visitor_to_what_they_need(self):
        document = lxml.html.fromstring(self.home())
        entries = {
            " ".join(card.find_class("card-title")[0].text_content().split()): {
                link.text_content().strip(): link.get("href")
                for link in card.find_class("coordaction-home-entry-link")
            }
            for card in document.find_class("coordaction-home-entry")
        }
        self.assertEqual(
            list(entries),
            [
                "Vous voulez vivre en habitat participatif",
                "Vous portez un projet avec un groupe",
                "Vous êtes une collectivité locale",
                "Vous êtes un bailleur social",
                "Vous êtes un professionnel",
            ],
        )
        local_authority = entries["Vous êtes une collectivité locale"]
        # The resource centre already filtered for them (eea's criterion "public").
        self.assertEqual(
            local_authority["Les ressources pour les collectivités"],
            f"{self.url}/centre-de-ressources#public=collectivites",
        )
        self.assertEqual(local_authority["La carte des projets"], f"{self.url}/projets")
        self.assertEqual(
            entries["Vous portez un projet avec un groupe"]["Déposer une fiche projet"],
            f"{self.url}/contribuer/deposer-une-fiche-projet",
        )
        self.assertEqual(
            entries["Vous voulez vivre en habitat participatif"][
                "Les petites annonces"
            ],
            f"{self.url}/petites-annonces",
        )
        # Every address of the portal an entry point gives answers.
        for links in entries.values():
            for href in links.values():
                page = self.anonymous.page(href.split("#")[0])
                self.assertEqual(page.status_code, 200, href)

    def test_figures_count_what_anonymous_visitors_find(self):
        self.assertEqual(
            figures(self.home()),
            {
                "projets recensés": str(len(PUBLISHED_PROJECTS)),
                "ressources": str(len(PUBLISHED_RESOURCES)),
            },
        )

    def test_latest_items_are_the_published_ones(self):
        html = self.home()
        resources = " ".join(texts(html, "coordaction-home-resources"))
        for title in PUBLISHED_RESOURCES:
            self.assertIn(title, resources)
        self.assertIn("Guide ·", resources)  # the kind of resource
        events = " ".join(texts(html, "coordaction-home-events"))
        self.assertIn("Rencontres nationales", events)
        self.assertIn("Atelier foncier à Rennes", events)
        self.assertLess(
            events.index("Rencontres nationales"),
            events.index("Atelier foncier à Rennes"),
        )
        ads = " ".join(texts(html, "coordaction-home-ads"))
        self.assertIn("Groupe rezéen cherche foyers", ads)
        self.assertIn("Rezé", ads)

    def test_nothing_unpublished_or_past_shows(self):
        html = self.home()
        content = page_content(html)
        self.assertIn("Rencontres nationales", content)
        for title in UNPUBLISHED:
            self.assertNotIn(title, content)
        # Nor anything of the working groups, anywhere on the page.
        for title in ("Réunion du groupe juridique", "Groupe juridique"):
            self.assertNotIn(title, html)

    def test_small_map_reuses_the_project_map(self):
        document = lxml.html.fromstring(self.home())
        element = document.get_element_by_id("coordaction-project-map")
        self.assertEqual(element.get("data-geojson"), f"{self.url}/@projects-geojson")
        self.assertEqual(element.get("data-criteria"), "{}")
        scripts = [script.get("src") for script in document.iter("script")]
        self.assertIn(f"{self.url}/++resource++coordaction/project-map.js", scripts)
        self.assertIn(f"{self.url}/++resource++coordaction/leaflet/map.js", scripts)
        self.assertEqual(
            self.anonymous.page("++resource++coordaction/project-map.js").status_code,
            200,
        )
        # The map shows the published projects only.
        features = self.anonymous.get_json("@projects-geojson").json()["features"]
        self.assertEqual(
            sorted(feature["properties"]["title"] for feature in features),
            sorted(PUBLISHED_PROJECTS),
        )

    def test_page_is_responsive(self):
        html = self.home()
        self.assertIn('name="viewport"', html)
        self.assertIn("row-cols-md-2", html)
        self.assertIn("col-12 col-lg-4", html)


class TestHomePageFollowsPublication(HomePageTestCase):
    def setUp(self):
        super().setUp()
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_figures_and_lists_follow_publishing_and_unpublishing(self):
        draft = self.portal["projets"]["projet-en-brouillon"]
        api.content.transition(draft, to_state="published")
        commit()
        html = self.home()
        self.assertEqual(
            figures(html)["projets recensés"], str(len(PUBLISHED_PROJECTS) + 1)
        )
        resource = self.portal["centre-de-ressources"]["guide-du-foncier-solidaire"]
        api.content.transition(resource, transition="unpublish")
        commit()
        html = self.home()
        self.assertEqual(figures(html)["ressources"], str(len(PUBLISHED_RESOURCES) - 1))
        self.assertNotIn("Guide du foncier solidaire", html)

    def test_the_page_is_the_same_public_page_for_an_author(self):
        author = Client(self.url, "autrice")
        html = self.home(author)
        self.assertNotIn("Brouillon de l'autrice", html)
        self.assertNotIn("Guide soumis à la relecture", html)
        self.assertEqual(figures(html)["ressources"], str(len(PUBLISHED_RESOURCES)))
