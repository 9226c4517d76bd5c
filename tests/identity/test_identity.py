"""The federation's identity as a visitor meets it: its logo in the header (until an
administrator uploads another), its icons, its footer, its accessibility statement."""

from coordaction.policy.identity import favicon
from lxml import html
from pathlib import Path
from plone import api
from plone.formwidget.namedfile.converter import b64encode_file
from tests import builders
from tests import samples
from tests.http import SiteTestCase
from tests.http import commit


STATIC = Path(favicon.__file__).parent / "static"
SITE_TITLE = "Coordin'action des associations de l'habitat participatif"


class IdentityTestCase(SiteTestCase):
    def home(self):
        page = self.anonymous.page()
        self.assertEqual(page.status_code, 200)
        return html.fromstring(page.content)

    def fetch(self, url):
        answer = self.anonymous.page(url)
        self.assertEqual(answer.status_code, 200, url)
        return answer.content


class TestLogo(IdentityTestCase):
    def test_header_shows_our_logo_with_a_french_text(self):
        (logo,) = self.home().cssselect("#portal-logo img")
        self.assertEqual(logo.get("alt"), f"{SITE_TITLE} — accueil")
        self.assertEqual(
            self.fetch(logo.get("src")), (STATIC / "logo.svg").read_bytes()
        )
        self.assertIn("Coordin’action", (STATIC / "logo.svg").read_text())

    def test_a_site_logo_uploaded_by_an_administrator_replaces_ours(self):
        uploaded = samples.png_bytes(width=240, height=60, color=(200, 30, 30))
        api.portal.set_registry_record(
            "plone.site_logo", b64encode_file("logo-federation.png", uploaded)
        )
        commit()
        (logo,) = self.home().cssselect("#portal-logo img")
        self.assertTrue(logo.get("src").endswith("/@@site-logo/logo-federation.png"))
        self.assertEqual(self.fetch(logo.get("src")), uploaded)
        self.assertEqual(logo.get("alt"), f"{SITE_TITLE} — accueil")


class TestSharedLinks(IdentityTestCase):
    """What a link preview (a social network, a messaging app) reads."""

    def build(self):
        self.page = builders.publish(
            builders.resource(
                self.portal["centre-de-ressources"],
                title="L'habitat participatif à Nantes",
            )
        )
        self.photo = builders.publish(
            builders.image(self.portal["banque-d-images"], title="Chantier")
        )

    def meta(self, url):
        tree = html.fromstring(self.anonymous.page(url).content)
        return {
            tag.get("property"): tag.get("content")
            for tag in tree.cssselect("meta[property]")
        }

    def test_the_title_is_written_once_escaped(self):
        self.assertEqual(
            self.meta(self.page.absolute_url())["og:title"],
            "L'habitat participatif à Nantes",
        )

    def test_a_page_without_image_shows_the_portals_card_not_an_svg(self):
        meta = self.meta(self.page.absolute_url())
        self.assertTrue(meta["og:image"].endswith("/social-card.png"), meta)
        self.assertEqual(meta["og:image:type"], "image/png")
        tree = html.fromstring(self.anonymous.page(self.page.absolute_url()).content)
        (card,) = tree.cssselect("meta[name='twitter:card']")
        self.assertEqual(card.get("content"), "summary_large_image")
        self.assertEqual(
            (meta["og:image:width"], meta["og:image:height"]), ("1200", "630")
        )
        self.assertEqual(
            self.fetch(meta["og:image"]), (STATIC / "social-card.png").read_bytes()
        )

    def test_an_image_shows_itself(self):
        meta = self.meta(self.photo.absolute_url() + "/view")
        self.assertIn(self.photo.absolute_url(), meta["og:image"])
        self.assertNotIn("social-card", meta["og:image"])

    def test_a_logo_uploaded_by_an_administrator_stays(self):
        uploaded = samples.png_bytes(width=240, height=60, color=(200, 30, 30))
        api.portal.set_registry_record(
            "plone.site_logo", b64encode_file("logo-federation.png", uploaded)
        )
        commit()
        meta = self.meta(self.page.absolute_url())
        self.assertTrue(meta["og:image"].endswith("/@@site-logo/logo-federation.png"))


class TestIcons(IdentityTestCase):
    def test_the_favicon_is_ours_until_an_administrator_uploads_one(self):
        (icon,) = self.home().cssselect("link[rel=icon]")
        self.assertEqual(
            self.fetch(icon.get("href")), (STATIC / "favicon.ico").read_bytes()
        )
        uploaded = samples.png_bytes(width=32, height=32, color=(0, 0, 200))
        api.portal.set_registry_record(
            "plone.site_favicon", b64encode_file("icone.png", uploaded)
        )
        commit()
        (icon,) = self.home().cssselect("link[rel=icon]")
        self.assertEqual(self.fetch(icon.get("href")), uploaded)

    def test_phones_get_our_touch_icon_and_not_barcelonetas(self):
        home = self.home()
        links = home.cssselect("link[rel^=apple-touch-icon]")
        self.assertEqual(len(links), 1, [link.get("href") for link in links])
        self.assertEqual(
            self.fetch(links[0].get("href")),
            (STATIC / "apple-touch-icon.png").read_bytes(),
        )
        self.assertEqual(links[0].get("sizes"), "180x180")


class TestColours(IdentityTestCase):
    def test_our_colours_are_loaded_after_the_theme(self):
        styles = [
            link.get("href") for link in self.home().cssselect("link[rel=stylesheet]")
        ]
        ours = [href for href in styles if "identity.css" in href]
        self.assertEqual(len(ours), 1, styles)
        theme = [href for href in styles if "barceloneta" in href]
        self.assertLess(styles.index(theme[0]), styles.index(ours[0]))
        self.assertIn(b"--bs-primary: #1b6b63", self.fetch(ours[0]))


class TestFooter(IdentityTestCase):
    def footer(self):
        (footer,) = self.home().cssselect("#portal-footer-wrapper")
        return footer

    def test_footer_names_the_federation_its_pages_and_the_licence(self):
        footer = self.footer()
        text = " ".join(footer.text_content().split())
        self.assertIn(SITE_TITLE, text)
        links = {
            " ".join(link.text_content().split()): link.get("href")
            for link in footer.cssselect("a")
        }
        self.assertEqual(
            links["Nous contacter"], f"{self.url}/contribuer/nous-contacter"
        )
        self.assertEqual(
            links["Données personnelles"], f"{self.url}/donnees-personnelles"
        )
        self.assertEqual(
            links["Accessibilité : partiellement conforme"], f"{self.url}/accessibilite"
        )
        self.assertIn(
            "Sauf mention contraire, les contenus de ce site sont sous licence "
            "Attribution - Partage dans les mêmes conditions 4.0 International "
            "(CC BY-SA 4.0).",
            text,
        )
        (badge,) = footer.cssselect(".coordaction-footer-license img")
        # The site's default, not the licence of the page: no rel="license".
        self.assertFalse(footer.cssselect("a[rel=license]"))
        self.assertEqual(
            badge.get("src"), f"{self.url}/++resource++coordaction-licenses/by-sa.svg"
        )
        for href in links.values():
            if href.startswith(self.url):
                self.assertEqual(self.anonymous.page(href).status_code, 200, href)

    def test_the_licence_is_the_site_default_one(self):
        api.portal.set_registry_record("coordaction.default_license", "CC-BY-4.0")
        commit()
        text = " ".join(self.footer().text_content().split())
        self.assertIn("(CC BY 4.0)", text)

    def test_no_plone_in_the_footer(self):
        footer = self.footer()
        self.assertNotIn("plone", footer.text_content().lower())
        for link in footer.cssselect("a"):
            # (the test site's address has "plone" in it)
            href = link.get("href").removeprefix(self.url)
            self.assertNotIn("plone", href.lower())


class TestPortalPages(IdentityTestCase):
    def test_the_accessibility_statement_is_published_in_french(self):
        page = self.anonymous.page("accessibilite")
        self.assertEqual(page.status_code, 200)
        document = html.fromstring(page.content)
        text = " ".join(document.cssselect("#content")[0].text_content().split())
        self.assertIn("partiellement conforme", text)
        self.assertIn("Signaler un problème", text)
        (contact,) = document.cssselect("#content a[href*=nous-contacter]")
        self.assertEqual(contact.get("href"), f"{self.url}/contribuer/nous-contacter")

    def test_the_privacy_notice_says_only_map_tiles_leave_the_portal(self):
        page = self.anonymous.page("donnees-personnelles")
        text = " ".join(html.fromstring(page.content).text_content().split())
        self.assertIn("serveur de tuiles", text)
        self.assertIn("aucun autre serveur", text)


class TestSiteRootName(IdentityTestCase):
    def test_the_site_root_is_a_portal_not_a_plone_site(self):
        """Where Plone names the type of the site root (folder contents, the
        related items browser, REST's type_title), it says "Portail"."""
        from tests.http import admin

        answer = admin(self.url).get_json("@types/Plone Site").json()
        self.assertEqual(answer["title"], "Portail")
        contents = admin(self.url).get_json("").json()
        self.assertNotIn("Site Plone", str(contents))
