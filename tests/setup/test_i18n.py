"""Messages: English msgids, a complete French catalogue (the site's language) and
a complete English one; the French msgids of the past are all gone, and the script
that converts them can be run again."""

from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from coordaction.policy.testing import TRANSLATIONS
from pathlib import Path
from zope.i18n import translate
from zope.i18nmessageid import MessageFactory
import ast
import coordaction.policy
import importlib.util
import re
import tempfile
import unittest


ROOT = Path(__file__).resolve().parents[2]
LOCALES = Path(coordaction.policy.__file__).parent / "locales"
ENTRY = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"(?:\n|$))+)', re.MULTILINE)


def load_script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


english_msgids = load_script("english_msgids")


def text_of(lines):
    return "".join(ast.literal_eval(line) for line in lines.splitlines() if line)


def messages(path):
    """{msgid: msgstr} of a .pot or .po file (msgids over several lines included)."""
    return {
        text_of(match[1]): text_of(match[2])
        for match in ENTRY.finditer(path.read_text(encoding="utf-8"))
        if text_of(match[1])
    }


def catalogue(language, domain="coordaction"):
    return LOCALES / language / "LC_MESSAGES" / f"{domain}.po"


class TestCatalogues(unittest.TestCase):
    def setUp(self):
        self.template = messages(LOCALES / "coordaction.pot")
        self.assertGreater(len(self.template), 500)

    def missing(self, language):
        translated = messages(catalogue(language))
        return sorted(msgid for msgid in self.template if not translated.get(msgid))

    def test_every_message_has_its_french_translation(self):
        self.assertEqual(self.missing("fr"), [], "run `make i18n` and translate these")

    def test_every_message_has_its_english_entry(self):
        self.assertEqual(self.missing("en"), [], "run `make i18n`")

    def test_the_catalogues_declare_their_language(self):
        for language in ("fr", "en"):
            header = catalogue(language).read_text(encoding="utf-8")
            with self.subTest(language=language):
                self.assertIn(f'"Language-Code: {language}\\n"', header)
                self.assertIn('"Domain: coordaction\\n"', header)

    def test_the_plone_domain_has_both_languages(self):
        french = messages(catalogue("fr", "plone"))
        english = messages(catalogue("en", "plone"))
        self.assertEqual(french.keys(), english.keys())
        self.assertTrue(all(french.values()) and all(english.values()))


class TestEnglishMsgids(unittest.TestCase):
    def setUp(self):
        self.table = english_msgids.load_table()

    def test_no_source_keeps_a_french_msgid_of_the_table(self):
        changes = {}
        to_change = english_msgids.to_change(self.table)
        for path in english_msgids.source_files():
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".py":
                _new, count = english_msgids.rewrite_python(text, to_change)
            else:
                _new, count = english_msgids.rewrite_markup(
                    text,
                    to_change,
                    is_html=path.suffix == ".pt",
                    is_zcml=path.suffix == ".zcml",
                )
            if count:
                changes[str(path.relative_to(ROOT))] = count
        self.assertEqual(changes, {}, "run scripts/english_msgids.py")

    def test_the_french_catalogue_translates_the_table(self):
        french = messages(catalogue("fr"))
        template = messages(LOCALES / "coordaction.pot")
        for french_text, english in self.table.items():
            if english in template:
                with self.subTest(english=english):
                    self.assertEqual(french[english], french_text)

    def test_a_french_msgid_added_later_is_made_english_once(self):
        table = {"Envoyer": "Send", "Aucun ${what} : ${who}": "No ${what}: ${who}"}
        python = 'x = _("Envoyer")\ny = _(\n    "Aucun ${what} : "\n    "${who}",\n    mapping=m,\n)\n'
        template = (
            '<div i18n:domain="coordaction">\n'
            '  <button title="Envoyer" i18n:attributes="title" i18n:translate="">'
            "Envoyer</button>\n"
            '  <p i18n:translate="">Aucun <b i18n:name="what">x</b> :\n'
            '     <i i18n:name="who">y</i></p>\n'
            '  <p i18n:domain="plone" i18n:translate="">Envoyer</p>\n'
            "</div>\n"
        )
        once, count = english_msgids.rewrite_python(python, table)
        self.assertEqual(count, 2)
        self.assertIn('_("Send")', once)
        self.assertIn('"No ${what}: ${who}"', once)
        self.assertEqual(english_msgids.rewrite_python(once, table), (once, 0))

        once, count = english_msgids.rewrite_markup(template, table, is_html=True)
        self.assertEqual(count, 3)
        self.assertIn(
            '<button title="Send" i18n:attributes="title" i18n:translate="">Send</button>',
            once,
        )
        self.assertIn(
            '<p i18n:translate="">No <b i18n:name="what">x</b>: <i i18n:name="who">y</i></p>',
            once,
        )
        # Another domain's message is not ours to change.
        self.assertIn('<p i18n:domain="plone" i18n:translate="">Envoyer</p>', once)
        self.assertEqual(
            english_msgids.rewrite_markup(once, table, is_html=True), (once, 0)
        )

    def test_a_table_that_would_change_its_own_english_is_refused(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        path = Path(folder.name) / "table.tsv"
        path.write_text("Envoyer\tSend\nSend\tExpédier\n", encoding="utf-8")
        with self.assertRaises(SystemExit):
            english_msgids.load_table(path)


class TestTranslations(unittest.TestCase):
    layer = TRANSLATIONS

    def test_a_message_in_french_and_in_english(self):
        message = MessageFactory("coordaction")("Resource")
        self.assertEqual(translate(message, target_language="fr"), "Ressource")
        self.assertEqual(translate(message, target_language="en"), "Resource")

    def test_a_message_with_its_mapping(self):
        message = MessageFactory("coordaction")(
            "Licence ${name}", mapping={"name": "CC BY 4.0"}
        )
        self.assertEqual(translate(message, target_language="fr"), "Licence CC BY 4.0")


class TestPloneDomain(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def test_our_roles_have_french_and_english_names(self):
        for role, french, english in (
            ("NetworkMember", "Membre du réseau", "Network member"),
            ("Coordinator", "Coordinateur de groupe", "Group coordinator"),
        ):
            self.assertEqual(
                translate(role, domain="plone", target_language="fr"), french
            )
            self.assertEqual(
                translate(role, domain="plone", target_language="en"), english
            )

    def test_our_workflows_read_in_french_and_in_english(self):
        """Every title and description our workflow definitions mark for
        translation reads as our catalogues say, in French and in English: Plone's
        own catalogue, read in the same domain, does not take over."""
        import coordaction.workflows
        import xml.etree.ElementTree as ET

        i18n = "{http://xml.zope.org/namespaces/i18n}"
        french = messages(catalogue("fr", "plone"))
        definitions = Path(coordaction.workflows.__file__).parent.glob(
            "profiles/default/workflows/*/definition.xml"
        )
        msgids = set()
        for definition in definitions:
            for element in ET.parse(definition).iter():
                for name in element.get(f"{i18n}attributes", "").split(";"):
                    if name.strip():
                        msgids.add(element.get(name.strip()))
                if element.get(f"{i18n}translate") is not None:
                    msgids.add(element.text.strip())
        self.assertGreater(len(msgids), 40)
        for msgid in sorted(msgids):
            with self.subTest(msgid):
                self.assertIn(msgid, french, "add it to both plone.po")
                self.assertEqual(
                    translate(msgid, domain="plone", target_language="fr"),
                    french[msgid],
                )
                self.assertEqual(
                    translate(msgid, domain="plone", target_language="en"), msgid
                )
