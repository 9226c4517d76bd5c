"""The address rule seen from outside: an editor's form, a REST client, a
visitor's deposit form get a French error for a ``javascript:`` address and
nothing is saved; an address stored before the rule never becomes a link."""

from plone import api
from tests import builders
from tests.http import Client
from tests.http import SiteTestCase
from tests.http import admin
from tests.http import commit
import ast
import lxml.html
import re
import transaction


HOSTILE = "javascript:alert(document.domain)"
WEB_ONLY = "Adresse invalide : seules les adresses http ou https sont acceptées"
WEB_OR_MAIL = (
    "Adresse invalide : seules les adresses http, https ou mailto sont acceptées"
)


def field_errors(response):
    """plone.restapi's 400: the list of field errors, as a Python literal."""
    body = response.json()
    return {p.get("field"): p["message"] for p in ast.literal_eval(body["message"])}


def errors_of(response):
    """The error messages of a form page, and what its event_url input holds."""
    return re.findall(r'invalid-feedback">\s*([^<]*)<', response.text) + re.findall(
        r"<input[^>]*event_url[^>]*>", response.text
    )


class AddressTestCase(SiteTestCase):
    users = {"contributrice": {"roles": ("Member", "Contributor")}}

    def build(self):
        self.space = builders.working_group(self.portal["groupes-de-travail"])

    def setUp(self):
        super().setUp()
        self.contributor = self.signed_in("contributrice")
        self.admin = admin(self.url)

    def post(self, client, path, body):
        return client.api("POST", path, json=body)

    def fresh(self, path):
        transaction.begin()  # see what the server committed
        return self.portal.unrestrictedTraverse(path, None)


class TestRest(AddressTestCase):
    def test_resource_with_a_javascript_link_is_refused_and_not_created(self):
        response = self.post(
            self.contributor,
            "centre-de-ressources",
            {
                "@type": "Resource",
                "id": "video-piegee",
                "title": "Vidéo piégée",
                "resource_kind": "video",
                "external_url": HOSTILE,
            },
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn(WEB_ONLY, field_errors(response)["external_url"])
        self.assertIsNone(self.fresh("centre-de-ressources/video-piegee"))

    def test_patching_a_website_or_a_source_with_javascript_changes_nothing(self):
        sheet = builders.project_sheet(
            self.portal["projets"], website="https://village.example.org"
        )
        commit()
        for field in ("website", "source_url"):
            with self.subTest(field=field):
                response = self.admin.api(
                    "PATCH", sheet.absolute_url(), json={field: HOSTILE}
                )
                self.assertEqual(response.status_code, 400, response.text)
                self.assertIn(WEB_ONLY, field_errors(response)[field])
        sheet = self.fresh("projets/le-village-vertical")
        self.assertEqual(sheet.website, "https://village.example.org")
        self.assertIsNone(getattr(sheet, "source_url", None))

    def test_plone_link_accepts_web_mail_and_portal_addresses_only(self):
        space = self.space.absolute_url()
        for number, target in enumerate(
            (
                "https://exemple.org",
                "mailto:contact@exemple.org",
                "${portal_url}/agenda",
            )
        ):
            response = self.post(
                self.admin,
                space,
                {"@type": "Link", "title": f"Lien {number}", "remoteUrl": target},
            )
            self.assertEqual(response.status_code, 201, response.text)
        response = self.post(
            self.admin,
            space,
            {
                "@type": "Link",
                "id": "lien-piege",
                "title": "Piège",
                "remoteUrl": HOSTILE,
            },
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn(WEB_OR_MAIL, field_errors(response)["remoteUrl"])
        self.assertNotIn(
            "lien-piege", self.fresh(self.space.getPhysicalPath()).objectIds()
        )
        response = self.post(
            self.admin,
            space,
            {
                "@type": "Link",
                "id": "lien-fleuve",
                "title": "Lien fleuve",
                "remoteUrl": "https://exemple.org/" + "x" * 1_000_000,
            },
        )
        self.assertEqual(response.status_code, 400, response.text[:300])
        self.assertIn("Texte trop long", response.text)

    def test_plone_event_url_must_be_a_web_address(self):
        response = self.post(
            self.admin,
            self.space.absolute_url(),
            {
                "@type": "Event",
                "id": "reunion-piegee",
                "title": "Réunion",
                "start": "2026-03-14T18:00:00+01:00",
                "end": "2026-03-14T20:00:00+01:00",
                "event_url": HOSTILE,
            },
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn(WEB_ONLY, field_errors(response)["event_url"])


class TestForms(AddressTestCase):
    def submit(self, client, container_path, portal_type, fields):
        path = f"{container_path}/++add++{portal_type}"
        page = client.page(path)
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text)[1]
        data = {"_authenticator": token, "form.buttons.save": "Enregistrer", **fields}
        return client.session.post(client.url(path), data=data, timeout=60)

    def test_resource_form_shows_the_french_error_and_creates_nothing(self):
        response = self.submit(
            self.contributor,
            "centre-de-ressources",
            "Resource",
            {
                "form.widgets.IDublinCore.title": "Vidéo piégée",
                "form.widgets.resource_kind:list": "video",
                "form.widgets.external_url": HOSTILE,
                "form.widgets.ICreativeCommonsLicense.license_spdx:list": "CC-BY-SA-4.0",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(WEB_ONLY, response.text)
        self.assertNotIn("video-piegee", self.fresh("centre-de-ressources").objectIds())
        # Once, in a text box: the browser adds no message of its own to ours,
        # nor greys the button out (a type="url" box did both).
        self.assertEqual(response.text.count(WEB_ONLY), 1)
        (box,) = lxml.html.fromstring(response.text).cssselect(
            "input[name='form.widgets.external_url']"
        )
        self.assertEqual(box.get("type"), "text")

    def test_plone_link_form_refuses_a_javascript_target(self):
        response = self.submit(
            self.admin,
            "groupes-de-travail/groupe-juridique",
            "Link",
            {
                "form.widgets.IDublinCore.title": "Lien piégé",
                "form.widgets.remoteUrl.external": HOSTILE,
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(WEB_OR_MAIL, response.text)
        self.assertNotIn(
            "lien-piege", self.fresh("groupes-de-travail/groupe-juridique").objectIds()
        )

    def test_plone_event_form_takes_a_web_address_only(self):
        def add_event(title, address):
            return self.submit(
                self.admin,
                "groupes-de-travail/groupe-juridique",
                "Event",
                {
                    "form.widgets.IDublinCore.title": title,
                    "form.widgets.IEventBasic.start": "2026-03-14T18:00",
                    "form.widgets.IEventBasic.end": "2026-03-14T20:00",
                    "form.widgets.IEventContact.event_url": address,
                },
            )

        response = add_event("Réunion piégée", HOSTILE)
        self.assertEqual(response.status_code, 200)
        self.assertIn(WEB_ONLY, response.text, errors_of(response))
        response = add_event("Réunion ouverte", "https://exemple.org/reunion")
        self.assertEqual(response.status_code, 200)
        events = self.fresh("groupes-de-travail/groupe-juridique").objectIds()
        self.assertNotIn("reunion-piegee", events)
        self.assertIn("reunion-ouverte", events, errors_of(response))


class TestStoredAddresses(AddressTestCase):
    """Addresses saved before the rule existed: written past the schema."""

    def hrefs(self, path):
        page = Client(self.url).page(path)
        self.assertEqual(page.status_code, 200)
        return lxml.html.fromstring(page.text).xpath("//a/@href")

    def test_an_old_javascript_address_is_not_a_link_anywhere(self):
        resource = builders.resource(
            self.portal["centre-de-ressources"], title="Vidéo ancienne", file=None
        )
        resource.external_url = HOSTILE
        resource.source_url = "JaVaScRiPt:alert(2)"
        sheet = builders.project_sheet(self.portal["projets"])
        sheet.website = "data:text/html,<script>alert(3)</script>"
        builders.publish(resource, sheet)
        resource.reindexObject()
        commit()
        for path in (
            resource.absolute_url(),
            sheet.absolute_url(),
            "centre-de-ressources/@@faceted_query",
        ):
            with self.subTest(path=path):
                hrefs = self.hrefs(path)
                self.assertTrue(hrefs)
                unsafe = [
                    h for h in hrefs if re.match(r"\s*(javascript|data):", h, re.I)
                ]
                self.assertEqual(unsafe, [])
        self.assertIsNone(
            api.content.find(UID=resource.UID())[0].download_url,
            "the catalog keeps no unsafe download address",
        )
        # An API client (another site, which may render it as a link) is not
        # given it either.
        visitor = Client(self.portal.absolute_url())
        served = visitor.get_json(resource.absolute_url()).json()
        self.assertEqual((served["external_url"], served["source_url"]), (None, None))
        self.assertIsNone(visitor.get_json(sheet.absolute_url()).json()["website"])
