"""The address rule: what an address field accepts, and what a page may link to."""

from coordaction.content.addresses import WEB_AND_MAIL_SCHEMES
from coordaction.content.addresses import UnsafeAddress
from coordaction.content.addresses import check_address
from coordaction.content.addresses import safe_href
from coordaction.content.behaviors.license import ICreativeCommonsLicense
from coordaction.content.content.project_sheet import IProjectSheet
from coordaction.content.content.resource import IResource
from coordaction.policy.testing import TRANSLATIONS
from zope.schema import ValidationError
import unittest


HOSTILE = (
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://exemple.org/guide.pdf",
    "http:alert(1)",
    "https://",
)

ADDRESS_FIELDS = (
    IResource["external_url"],
    IProjectSheet["website"],
    ICreativeCommonsLicense["source_url"],
)


class TestAddressFields(unittest.TestCase):
    layer = TRANSLATIONS

    def test_every_address_field_accepts_web_addresses(self):
        for field in ADDRESS_FIELDS:
            for address in ("https://exemple.org/guide", "http://exemple.org"):
                with self.subTest(field=field.__name__, address=address):
                    field.validate(address)

    def test_every_address_field_refuses_other_schemes_in_french(self):
        for field in ADDRESS_FIELDS:
            for address in HOSTILE + ("mailto:contact@exemple.org",):
                with self.subTest(field=field.__name__, address=address):
                    with self.assertRaises(ValidationError) as caught:
                        field.validate(address)
                    if isinstance(caught.exception, UnsafeAddress):
                        self.assertEqual(
                            caught.exception.doc(),
                            "Adresse invalide : seules les adresses http ou https "
                            "sont acceptées (par exemple https://exemple.org).",
                        )

    def test_an_address_without_scheme_is_explained_in_french(self):
        with self.assertRaises(UnsafeAddress) as caught:
            IProjectSheet["website"].validate("village.example.org")
        self.assertIn("par exemple https://exemple.org", caught.exception.doc())

    def test_javascript_is_refused_with_the_french_message(self):
        with self.assertRaises(UnsafeAddress) as caught:
            IResource["external_url"].validate("javascript:alert(1)")
        self.assertIn("seules les adresses http ou https", caught.exception.doc())


class TestAddressRule(unittest.TestCase):
    layer = TRANSLATIONS

    def test_mailto_where_a_mail_address_makes_sense(self):
        self.assertTrue(
            check_address("mailto:contact@exemple.org", WEB_AND_MAIL_SCHEMES)
        )
        with self.assertRaises(UnsafeAddress) as caught:
            check_address("mailto:", WEB_AND_MAIL_SCHEMES)
        self.assertIn("http, https ou mailto", caught.exception.doc())

    def test_relative_addresses_only_when_allowed(self):
        self.assertTrue(check_address("/agenda", relative=True))
        self.assertTrue(check_address("${portal_url}/agenda", relative=True))
        with self.assertRaises(UnsafeAddress):
            check_address("/agenda")
        for address in HOSTILE:
            with self.subTest(address=address), self.assertRaises(UnsafeAddress):
                check_address(address, WEB_AND_MAIL_SCHEMES, relative=True)


class TestSafeHref(unittest.TestCase):
    def test_followable_addresses_are_kept(self):
        for address in (
            "https://exemple.org/a?b=c#d",
            "http://exemple.org",
            "mailto:contact@exemple.org",
            "/coordaction/agenda",
            "//exemple.org/page",
        ):
            with self.subTest(address=address):
                self.assertEqual(safe_href(address), address)

    def test_a_stored_hostile_address_never_reaches_an_href(self):
        for address in HOSTILE:
            with self.subTest(address=address):
                self.assertIsNone(safe_href(address))

    def test_nothing_stored_gives_no_link(self):
        for value in (None, "", "   ", 42):
            with self.subTest(value=value):
                self.assertIsNone(safe_href(value))
