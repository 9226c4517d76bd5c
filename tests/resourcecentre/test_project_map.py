"""The map of the Projets page follows the facets, opens on mainland France,
groups close projects, finds those "Autour de…" a commune, in a real browser that
reaches nothing beyond this machine."""

from playwright.sync_api import expect
from plone import api
from tests import builders
from tests.acceptance.browser import FacetedPage
from tests.acceptance.browser import documentation_screenshot
from tests.acceptance.browser import new_page
from tests.acceptance.browser import requires_chromium
from tests.acceptance.browser import screenshot_on_failure
from tests.resourcecentre.layer import SAMPLE_CONTENT_BROWSER_TESTING
from tests.resourcecentre.map_layer import AROUND_LYON
from tests.resourcecentre.map_layer import PROJECTS_AROUND
from urllib.parse import urlsplit
import transaction
import unittest


@requires_chromium
class TestProjectMap(unittest.TestCase):
    layer = SAMPLE_CONTENT_BROWSER_TESTING

    def test_markers_follow_a_facet(self):
        portal_url = self.layer["portal"].absolute_url()
        # No map tiles in tests: nothing leaves this machine.
        page = new_page(self.layer["browser"])
        self.addCleanup(page.context.close)
        with screenshot_on_failure(page, "project-map"):
            page.goto(f"{portal_url}/projets")
            page.wait_for_selector('#coordaction-project-map[data-count="2"]')
            self.assertEqual(page.locator(".coordaction-project-marker").count(), 2)
            page.wait_for_selector(".faceted-lock-overlay", state="hidden")
            page.locator("#region_53").check()
            page.wait_for_selector('#coordaction-project-map[data-count="1"]')
            self.assertEqual(page.locator(".coordaction-project-marker").count(), 1)
            self.assertEqual(
                page.locator("#coordaction-project-list li a").all_text_contents(),
                ["Projet rennais"],
            )
            self.assertEqual(page.errors, [])


def block_outside_requests(page):
    """Every request that would leave this machine (the map tiles) fails at
    once; the addresses asked are kept in ``page.blocked``."""
    page.blocked = []
    page.geojson_requests = []
    page.on(
        "request",
        lambda request: (
            page.geojson_requests.append(request.url)
            if "@projects-geojson" in request.url
            else None
        ),
    )

    def route(route):
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            page.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", route)


def map_state(page):
    return page.locator("#coordaction-project-map").evaluate(
        "element => ({zoom: Number(element.dataset.zoom),"
        " bounds: element.dataset.bounds.split(',').map(Number),"
        " view: element.dataset.view})"
    )


@requires_chromium
class TestMapOfFrance(unittest.TestCase):
    layer = PROJECTS_AROUND.browser

    def open(self, width=1366, height=900, fragment=""):
        page = new_page(self.layer["browser"])
        self.addCleanup(page.context.close)
        page.set_viewport_size({"width": width, "height": height})
        block_outside_requests(page)
        portal_url = self.layer["portal"].absolute_url()
        page.goto(f"{portal_url}/projets{fragment}")
        page.wait_for_selector("#coordaction-project-map[data-count]")
        return page

    def test_opens_on_mainland_france_with_clusters(self):
        page = self.open()
        with screenshot_on_failure(page, "project-map-france"):
            page.wait_for_selector('#coordaction-project-map[data-count="6"]')
            state = map_state(page)
            self.assertEqual(state["view"], "metropole")
            west, south, east, north = state["bounds"]
            # All of mainland France and Corsica, not the world nor the Antilles.
            self.assertLessEqual(west, -4.8)
            self.assertGreaterEqual(east, 9.5)
            self.assertLessEqual(south, 41.4)
            self.assertGreaterEqual(north, 51.0)
            self.assertTrue(south > 30 and north < 60, state["bounds"])
            self.assertIn(state["zoom"], (5, 6))
            # The projects around Lyon (and Saint-Étienne, 50 km away) are one
            # cluster at this scale; Rennes is a marker of its own.
            cluster = page.locator(".marker-cluster")
            expect(cluster).to_have_count(1)
            self.assertEqual(cluster.inner_text().strip(), "4")
            expect(page.get_by_title("Projet rennais")).to_be_visible()
            documentation_screenshot(
                page,
                "carte-des-projets-1366.png",
                page.locator(".coordaction-map-frame"),
            )
            self.assertEqual(page.errors, [])
            # The page's search is asked once, not again with eea's first results.
            page.wait_for_load_state("networkidle")
            self.assertEqual(len(page.geojson_requests), 1, page.geojson_requests)

    def test_overseas_departements_one_click_away(self):
        page = self.open()
        page.wait_for_selector('#coordaction-project-map[data-count="6"]')
        # Out of sight from mainland France: not drawn.
        expect(page.get_by_title("Ti Kaz an nou")).to_have_count(0)
        page.get_by_role("button", name="Martinique").click()
        page.wait_for_function(
            "() => document.querySelector('#coordaction-project-map').dataset.zoom >= 9"
        )
        west, south, east, north = map_state(page)["bounds"]
        self.assertTrue(west < -61.06 < east and south < 14.62 < north)
        expect(page.get_by_title("Ti Kaz an nou")).to_be_visible()
        for name in ("Guadeloupe", "Guyane", "La Réunion", "Mayotte", "Métropole"):
            expect(page.get_by_role("button", name=name)).to_be_visible()

    def test_around_lyon_filters_the_map_and_the_list(self):
        page = self.open()
        results = FacetedPage(page, self)
        with screenshot_on_failure(page, "project-map-around"):
            results.wait_for_results(7)
            page.wait_for_selector(".faceted-lock-overlay", state="hidden")
            page.get_by_label("Autour de…").fill("Lyon")
            page.get_by_label("Rayon").select_option("10")
            page.get_by_role("button", name="Afficher", exact=True).click()
            page.wait_for_selector('#coordaction-project-map[data-count="3"]')
            results.wait_for_results(3)
            self.assertEqual(
                sorted(results.result_titles()), sorted(p[0] for p in AROUND_LYON)
            )
            # Villeurbanne and Vaulx-en-Velin are one cluster at this scale: a
            # click on it zooms in, each project is then a marker of its own.
            page.wait_for_selector(".marker-cluster")
            page.locator(".marker-cluster").first.click()
            expect(page.locator(".coordaction-project-marker")).to_have_count(3)
            expect(page.locator("#coordaction-around-status")).to_have_text(
                "Projets à moins de 10 km de Lyon (69) : 3."
            )
            self.assertIn("near=69123", page.url)
            self.assertIn("radius_km=10", page.url)
            # Its popup: the photo, the stage, a link to the sheet.
            page.get_by_title("Le Village Vertical").click()
            popup = page.locator(".leaflet-popup-content")
            expect(popup).to_contain_text("Étape : Habité")
            photo = popup.locator("img")
            self.assertTrue(
                photo.get_attribute("src").endswith("/@@images/image/thumb")
            )
            page.wait_for_function(
                "() => document.querySelector('.leaflet-popup-content img')"
                ".naturalWidth > 0"
            )
            documentation_screenshot(
                page, "carte-autour-de-1366.png", page.locator(".coordaction-map-frame")
            )
            # Back to all of France.
            page.get_by_role("button", name="Toute la France").click()
            results.wait_for_results(7)
            page.wait_for_selector('#coordaction-project-map[data-count="6"]')
            self.assertNotIn("near=", page.url)
            self.assertEqual(page.errors, [])

    def test_a_shared_link_keeps_the_circle(self):
        page = self.open(fragment="#near=69123&radius_km=10")
        FacetedPage(page, self).wait_for_results(3)
        page.wait_for_selector('#coordaction-project-map[data-count="3"]')
        expect(page.get_by_label("Autour de…")).to_have_value("Lyon (69)")
        expect(page.get_by_label("Rayon")).to_have_value("10")

    def test_tiles_that_do_not_load_leave_a_french_notice(self):
        page = self.open()
        notice = page.locator("#coordaction-map-tiles-failed")
        expect(notice).to_be_visible()
        expect(notice).to_have_text(
            "Le fond de carte n'a pas pu être chargé. Les projets restent affichés, "
            "et listés sous la carte."
        )
        # Asked of the configured server (OpenStreetMap France), and blocked here.
        self.assertTrue(page.blocked)
        self.assertTrue(
            all(".tile.openstreetmap.fr/osmfr/" in url for url in page.blocked),
            page.blocked[:3],
        )
        # The markers are still there to click.
        page.wait_for_selector('#coordaction-project-map[data-count="6"]')
        page.get_by_title("Projet rennais").click()
        expect(page.locator(".leaflet-popup-content")).to_contain_text("Rennes")

    def test_on_a_phone(self):
        page = self.open(width=390, height=844)
        with screenshot_on_failure(page, "project-map-phone"):
            page.wait_for_selector('#coordaction-project-map[data-count="6"]')
            width = page.evaluate("document.documentElement.scrollWidth")
            self.assertLessEqual(width, 390)
            state = map_state(page)
            west, south, east, north = state["bounds"]
            self.assertLessEqual(west, -4.8)
            self.assertGreaterEqual(east, 9.5)
            documentation_screenshot(
                page,
                "carte-des-projets-390.png",
                page.locator(".coordaction-map-frame"),
            )
            page.get_by_label("Autour de…").fill("69100")
            page.get_by_role("button", name="Afficher", exact=True).click()
            page.wait_for_selector('#coordaction-project-map[data-count="3"]')
            expect(page.get_by_label("Autour de…")).to_have_value("Villeurbanne (69)")
            documentation_screenshot(
                page, "carte-autour-de-390.png", page.locator(".coordaction-map-frame")
            )

    def test_the_ads_about_land_are_a_layer_of_their_own(self):
        portal = self.layer["portal"]
        with api.env.adopt_roles(["Manager"]):
            builders.publish(
                builders.classified_ad(
                    portal["petites-annonces"],
                    title="Terrain <b>disponible</b> à Villeurbanne",
                    ad_kind="foncier-bati",
                    region="84",
                    departement="69",
                    commune="Villeurbanne",
                )
            )
        transaction.commit()
        page = self.open(width=390, height=844)
        with screenshot_on_failure(page, "project-map-land"):
            page.wait_for_selector('#coordaction-project-map[data-count="6"]')
            self.assertEqual(page.locator(".coordaction-land-marker").count(), 0)
            page.get_by_label("Afficher les annonces foncières").check()
            page.wait_for_selector('#coordaction-project-map[data-land-count="1"]')
            page.locator(".coordaction-land-marker").click()
            popup = page.locator(".coordaction-land-popup")
            expect(popup).to_contain_text("Terrain <b>disponible</b> à Villeurbanne")
            expect(popup).to_contain_text("Foncier ou bâti disponible")
            expect(popup).to_contain_text(
                "Vers Villeurbanne (la commune, pas l'adresse)"
            )
            page.get_by_label("Afficher les annonces foncières").uncheck()
            self.assertEqual(page.locator(".coordaction-land-marker").count(), 0)
            self.assertLessEqual(
                page.evaluate("document.documentElement.scrollWidth"), 390
            )
            self.assertEqual(page.errors, [])
