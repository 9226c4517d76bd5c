"""Every message of the coordaction domain has its French translation."""

from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from pathlib import Path
import coordaction.policy
import re
import unittest


LOCALES = Path(coordaction.policy.__file__).parent / "locales"
ENTRY = re.compile(r'^msgid "(?P<id>.*)"\nmsgstr "(?P<str>.*)"$', re.MULTILINE)


def messages(path):
    return {
        match["id"]: match["str"]
        for match in ENTRY.finditer(path.read_text(encoding="utf-8"))
        if match["id"]
    }


class TestFrenchCatalogue(unittest.TestCase):
    def test_every_message_of_the_template_is_translated(self):
        template = messages(LOCALES / "coordaction.pot")
        french = messages(LOCALES / "fr" / "LC_MESSAGES" / "coordaction.po")
        self.assertTrue(template)
        missing = sorted(msgid for msgid in template if not french.get(msgid))
        self.assertEqual(missing, [], "run `make i18n` and translate these")

    def test_french_catalogue_declares_french(self):
        header = (LOCALES / "fr" / "LC_MESSAGES" / "coordaction.po").read_text(
            encoding="utf-8"
        )
        self.assertIn('"Language-Code: fr\\n"', header)
        self.assertIn('"Domain: coordaction\\n"', header)


class TestPloneDomain(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def test_our_roles_have_french_names(self):
        from zope.i18n import translate

        for role, title in (
            ("NetworkMember", "Membre du réseau"),
            ("Coordinator", "Coordinateur de groupe"),
        ):
            self.assertEqual(
                translate(role, domain="plone", target_language="fr"), title
            )
