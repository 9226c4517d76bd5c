"""What a visitor sees of each type, through the real server."""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from tests import builders
from tests.http import Client
from tests.http import SiteTestCase
from tests.http import as_manager
from tests.http import commit
import unittest


class TestPages(SiteTestCase):
    users = {"relectrice": {"roles": ("Member", "Reviewer")}, "membre": {}}

    def build(self):
        self.resource, self.template, self.sheet, self.ad = builders.published_samples(
            self.portal
        )

    def test_resource_page(self):
        page = self.anonymous.page(self.resource.absolute_url()).text
        self.assertIn("Guide du foncier partagé", page)
        self.assertIn("Guide", page)
        self.assertIn("Futurs habitants, Collectivités locales", page)
        self.assertIn("Foncier", page)
        self.assertIn("Bretagne", page)
        self.assertIn("2023", page)
        self.assertIn("Jeanne Martin", page)
        self.assertIn("Les Habiles", page)
        self.assertIn("Télécharger", page)
        self.assertIn(f"{self.resource.absolute_url()}/@@download/file/guide.pdf", page)

    def test_resource_download_works_for_anonymous(self):
        response = self.anonymous.page(
            f"{self.resource.absolute_url()}/@@download/file"
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))

    def test_legal_template_page(self):
        page = self.anonymous.page(self.template.absolute_url()).text
        self.assertIn("Statuts", page)
        self.assertIn("Coopérative d'habitants", page)
        self.assertIn("Loi ALUR du 24 mars 2014, article 47", page)
        self.assertIn("Télécharger", page)
        self.assertIn("ODT", page)
        self.assertIn("PDF", page)
        self.assertIn("pas un conseil juridique", page)
        self.assertNotIn("Cette trame est obsolète", page)

    def test_project_sheet_page_hides_the_contact_email_from_anonymous(self):
        page = self.anonymous.page(self.sheet.absolute_url()).text
        for text in (
            "Le Village Vertical",
            "Habité",
            "Villeurbanne",
            "69100",
            "69 – Rhône",
            "Auvergne-Rhône-Alpes",
            "Coopérative d'habitants",
            "Bailleur social",
            "Rhône Saône Habitat",
            "Salle commune, Buanderie",
            "Cherche de nouveaux membres",
            "2013",
        ):
            self.assertIn(text, page)
        self.assertNotIn("contact@village-vertical.example.org", page)

    def test_project_contact_email_is_hidden_from_members_but_shown_to_reviewers(self):
        url = self.sheet.absolute_url()
        member_page = Client(self.portal.absolute_url(), "membre").page(url).text
        self.assertNotIn("contact@village-vertical.example.org", member_page)
        reviewer_page = Client(self.portal.absolute_url(), "relectrice").page(url).text
        self.assertIn("contact@village-vertical.example.org", reviewer_page)

    def test_classified_ad_page_escapes_text_and_hides_the_author_email(self):
        self.ad.text = "Ligne une\n<script>alert(1)</script>"
        commit()
        page = self.anonymous.page(self.ad.absolute_url()).text
        self.assertIn("Groupe cherche des membres", page)
        self.assertIn("Rezé", page)
        self.assertIn("Pays de la Loire", page)
        self.assertIn("Ligne une<br />&lt;script&gt;", page)
        self.assertIn("Annonce valable jusqu'au", page)
        self.assertNotIn("annonce@example.org", page)

    def test_working_group_page_lists_its_contents(self):
        group = builders.working_group(
            self.portal["groupes-de-travail"], visibility="public"
        )
        builders.resource(group, title="Note de synthèse")
        commit()
        page = (
            Client(self.portal.absolute_url(), "relectrice")
            .page(group.absolute_url())
            .text
        )
        self.assertIn("Groupe juridique", page)
        self.assertIn("Contenus de l'espace", page)


class TestUnsafeUploads(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)

    def test_svg_and_html_are_never_served_inline(self):
        from tests.samples import named_file

        payloads = {
            "image.svg": (
                b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                "image/svg+xml",
            ),
            "page.html": (b"<html><script>alert(1)</script></html>", "text/html"),
        }
        for filename, (data, content_type) in payloads.items():
            item = builders.publish(
                builders.resource(
                    self.portal["centre-de-ressources"],
                    title=filename,
                    file=named_file(data, filename, content_type),
                )
            )
            commit()
            for view in ("@@download/file", "@@display-file/file"):
                response = Client(self.portal.absolute_url()).page(
                    f"{item.absolute_url()}/{view}"
                )
                self.assertEqual(response.status_code, 200, view)
                self.assertTrue(
                    response.headers.get("Content-Disposition", "").startswith(
                        "attachment"
                    ),
                    f"{filename} {view}: {response.headers.get('Content-Disposition')}",
                )
