"""No third-party calls: the main public pages, loaded in Chromium, make the browser
request nothing from another host than the portal's, map tiles excepted on the
pages that show the map. And what a visitor sees of the identity, at a phone's and a
laptop's width (pictures in COORDACTION_SCREENSHOTS_DIR when it is set)."""

from plone import api
from tests import builders
from tests import samples
from tests.acceptance.browser import TIMEOUT
from tests.acceptance.browser import documentation_screenshot
from tests.acceptance.browser import requires_chromium
from tests.accessibility.layer import ACCESSIBILITY_TESTING
from tests.accessibility.layer import RESOURCE_TITLE
from tests.home.layer import PUBLISHED_PROJECTS
from tests.http import as_manager
from tests.http import commit
from urllib.parse import urlsplit
import re
import unittest


# A map tile, whatever the tile server: /{z}/{x}/{y}.png (or .jpg, .webp, @2x).
TILE = re.compile(r"^https?://[^/]+(/[^?]*)?/\d+/\d+/\d+(@2x)?\.(png|jpe?g|webp)\b")
WINDOWS = {"390": {"width": 390, "height": 844}, "1366": {"width": 1366, "height": 900}}
PHOTO_TITLE = "Chantier participatif"


@requires_chromium
class TestNoThirdPartyRequests(unittest.TestCase):
    layer = ACCESSIBILITY_TESTING

    def setUp(self):
        portal = self.layer["portal"]
        as_manager(portal)
        # A picture in the photo bank: the gallery shows it with its licence button.
        builders.publish(
            builders.image(
                portal["banque-d-images"],
                title=PHOTO_TITLE,
                image=samples.png_image(filename="chantier.png"),
            )
        )
        commit()
        self.portal_url = portal.absolute_url()
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.portal_url))
        (project,) = api.content.find(
            portal_type="ProjectSheet", Title=PUBLISHED_PROJECTS[0]
        )
        (resource,) = api.content.find(portal_type="Resource", Title=RESOURCE_TITLE)
        # path, whether it shows the map, what to wait for
        self.pages = (
            ("", True, "#coordaction-project-map[data-count]"),
            ("centre-de-ressources", False, "#faceted-results"),
            (
                resource.getURL()[len(self.portal_url) + 1 :],
                False,
                "a[rel=license] img",
            ),
            ("agenda", False, "#content"),
            ("projets", True, "#coordaction-project-map[data-count]"),
            (project.getURL()[len(self.portal_url) + 1 :], False, "#content"),
            ("banque-d-images", False, "a[rel=license] img"),
        )

    def visit(self, path, window, ready):
        """Load ``path``; every URL the browser asked for while it loaded."""
        context = self.layer["browser"].new_context(
            locale="fr-FR", viewport=WINDOWS[window]
        )
        self.addCleanup(context.close)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        # Nothing leaves the machine, whatever the page asks for.
        page.route(
            lambda url: not url.startswith(self.origin + "/"),
            lambda route: route.abort(),
        )
        response = page.goto(f"{self.portal_url}/{path}", wait_until="load")
        self.assertEqual(response.status, 200, path)
        page.wait_for_selector(ready, state="attached")
        page.wait_for_load_state("networkidle")
        return page, requested

    def outside(self, requested, shows_map):
        return [
            url
            for url in requested
            if not url.startswith(self.origin + "/")
            and not url.startswith("data:")
            and not (shows_map and TILE.match(url))
        ]

    def test_public_pages_load_nothing_from_another_host(self):
        for path, shows_map, ready in self.pages:
            for window in WINDOWS:
                with self.subTest(page=path or "accueil", window=window):
                    page, requested = self.visit(path, window, ready)
                    self.assertTrue(requested)
                    self.assertEqual(self.outside(requested, shows_map), [])

    def test_the_check_sees_a_request_to_another_host(self):
        """The recording catches what a page would load from elsewhere."""
        page, requested = self.visit("", "1366", "#portal-logo")
        badge = "https://licensebuttons.net/l/by-sa/4.0/88x31.png"
        with page.expect_request(badge):
            page.evaluate(
                "url => { const img = new Image(); img.src = url;"
                " document.body.append(img); }",
                badge,
            )
        self.assertEqual(
            self.outside(requested, shows_map=True),
            [badge],
        )
        self.assertTrue(TILE.match("https://tile.openstreetmap.fr/osmfr/6/32/22.png"))

    def test_what_a_visitor_sees_of_the_identity(self):
        """The header's logo and the footer at both widths (and their pictures)."""
        resource = self.pages[2][0]
        for window in WINDOWS:
            for name, path, ready in (
                ("accueil", "", "#portal-logo"),
                ("ressource", resource, "a[rel=license] img"),
            ):
                page, _requested = self.visit(path, window, ready)
                logo = page.locator("#portal-logo img")
                self.assertTrue(logo.get_attribute("alt").endswith("— accueil"))
                box = logo.bounding_box()
                self.assertGreater(box["width"], 100)
                self.assertLessEqual(box["x"] + box["width"], WINDOWS[window]["width"])
                # The logo is drawn (an SVG of ours, not a broken image).
                self.assertGreater(logo.evaluate("img => img.naturalWidth"), 0)
                footer = page.locator("#portal-footer-wrapper")
                self.assertNotIn("Plone", footer.inner_text())
                documentation_screenshot(page, f"identite/{name}-{window}.png")
                documentation_screenshot(
                    page, f"identite/{name}-{window}-pied.png", show=footer
                )
