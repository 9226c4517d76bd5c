"""Every page a person reaches speaks French: its visible text, its hidden text
(what a screen reader says), and its ``title``, ``aria-label``, ``alt`` and
``placeholder`` attributes, its ``<title>`` and its feed titles.

Each persona (anonymous, member, contributor, reviewer, administrator) walks the
pages they use in headless Chromium; the text of each page is scanned for the
English words of tests/english.py (where French words and names are allowed, with
the reason).
"""

from lxml import etree
from plone import api
from plone.app.event.portlets.portlet_events import Assignment as EventsAssignment
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from tests import builders
from tests import mailbox
from tests.acceptance.browser import log_in
from tests.acceptance.browser import new_page
from tests.acceptance.browser import requires_chromium
from tests.acceptance.browser import screenshot_on_failure
from tests.accessibility.layer import ACCESSIBILITY
from tests.accessibility.layer import RESOURCE_TITLE
from tests.english import english_in
from tests.http import PASSWORD
from tests.http import Client
from tests.http import make_user
from tests.layers import content_layers
from zope.component import getMultiAdapter
from zope.component import getUtility
import lxml.html
import re
import transaction
import unittest


# Where the text is collected: every text node but scripts and styles, hidden ones
# included (a screen reader reads visually hidden text; a menu folded away opens),
# and the attributes a person sees or hears.
COLLECT = """() => {
  const found = [];
  const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || skip.has(parent.tagName)) continue;
    const text = node.textContent.trim();
    if (text) found.push([parent.tagName.toLowerCase(), text]);
  }
  const attributes = ["title", "aria-label", "alt", "placeholder", "aria-description"];
  for (const element of document.querySelectorAll("*")) {
    for (const name of attributes) {
      const value = element.getAttribute(name);
      if (value && value.trim()) found.push([`@${name}`, value.trim()]);
    }
    const type = (element.getAttribute("type") || "").toLowerCase();
    if (element.tagName === "INPUT" && ["submit", "button", "reset"].includes(type)) {
      if (element.value) found.push(["@value", element.value]);
    }
  }
  return found;
}"""


ADMIN = "administratrice"
TEMPLATE_TITLE = "Statuts types de coopérative d'habitants"


def build_pages(portal):
    """The accessibility layer's content (home page, events, ads, projects, groups
    and their people), plus a legal template and an administrator."""
    builders.publish(
        builders.legal_template(portal["trames-types"], title=TEMPLATE_TITLE)
    )
    make_user(ADMIN, roles=("Member", "Site Administrator"))


PAGES = content_layers("FrenchPages", build_pages, base=ACCESSIBILITY.fixture)


def path_of(**query):
    (brain,) = [
        b for b in api.content.find(**query) if b.Title == query.get("Title", b.Title)
    ]
    return brain.getPath().split("/", 2)[2]


@requires_chromium
class TestFrenchEverywhere(unittest.TestCase):
    layer = PAGES.browser

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()

    def walk(self, login_name, paths):
        """Visit ``paths`` as ``login_name`` (anonymous if None): the English found,
        as lines of a report."""
        page = new_page(self.layer["browser"])
        found = []
        try:
            name = f"{self.id().rsplit('.', 1)[-1]}-{login_name or 'anonyme'}"
            with screenshot_on_failure(page, name):
                if login_name:
                    log_in(page, self.portal_url, login_name, PASSWORD)
                for path in paths:
                    response = page.goto(f"{self.portal_url}/{path}")
                    self.assertEqual(response.status, 200, path)
                    # eea's results and counts, the map: what the scripts add.
                    page.wait_for_load_state("networkidle")
                    for where, text in page.evaluate(COLLECT):
                        words = english_in(text)
                        if words:
                            found.append(
                                f"{login_name or 'anonyme'} /{path} <{where}> "
                                f"{words}: {text[:120]!r}"
                            )
                self.assertEqual(page.errors, [], "JavaScript errors")
        finally:
            page.context.close()
        return found

    def paths(self):
        return {
            "resource": path_of(Title=RESOURCE_TITLE),
            "template": path_of(Title=TEMPLATE_TITLE),
            "project": path_of(Title="Le Village Vertical"),
            "ad": path_of(Title="Groupe rezéen cherche foyers"),
            "group": path_of(portal_type="WorkingGroup", Title="Groupe juridique"),
            "event": path_of(portal_type="Event", Title="Rencontres nationales"),
        }

    def test_every_page_of_every_persona_is_in_french(self):
        items = self.paths()
        forms = [
            "contribuer/deposer-une-annonce",
            "contribuer/deposer-une-fiche-projet",
            "contribuer/proposer-une-contribution-rnhp",
            "contribuer/nous-contacter",
        ]
        walks = {
            None: [
                "",
                "centre-de-ressources",
                "trames-types",
                "projets",
                "petites-annonces",
                "banque-d-images",
                "observatoire",
                "agenda",
                "agenda?mode=mois",
                "@@search?SearchableText=foncier",
                items["resource"],
                items["template"],
                items["project"],
                items["ad"],
                items["event"],
                "nouvelles-ressources",
                "login",
                *forms,
            ],
            "membre-a": [
                "",
                "mon-espace",
                items["group"],
                f"{items['group']}/@@roster",
                "@@search?SearchableText=groupe",
            ],
            "autrice": [
                "mon-espace",
                "centre-de-ressources/++add++Resource",
                "agenda/++add++Event",
                "agenda/++add++OpenDaysCampaign",
            ],
            "relectrice": ["full_review_list", items["resource"], items["ad"]],
            ADMIN: [
                "",
                "agenda",
                items["resource"],
                f"{items['resource']}/edit",
                f"{items['project']}/edit",
                items["group"],
            ],
        }
        found = []
        for login_name, paths in walks.items():
            found += self.walk(login_name, paths)
        if found:
            self.fail(f"{len(found)} English texts on the pages:\n" + "\n".join(found))


# "12 décembre 2026 à 19 h", "1er janvier 2027 à 9 h 30"
DATE_IN_WORDS = re.compile(r"^(1er|[1-9]\d?) [a-zéû]+ \d{4} à \d{1,2} h( \d{2})?$")


# "Vendredi 25 décembre 2026, de 14 h à 17 h"
WHEN_IN_WORDS = re.compile(
    r"^[A-Z][a-z]+ (1er|[1-9]\d?) [a-zéû]+ \d{4}, de \d{1,2} h à \d{1,2} h$"
)

# Dates for feed readers, not for people: RSS 2.0 writes them as RFC 822 says, in
# English ("Sat, 05 Dec 2026 10:14:56 +0000").
MACHINE_DATES = {"pubDate", "lastBuildDate", "date", "updated", "published"}


class TestFeedsAndDates(unittest.TestCase):
    layer = PAGES.functional

    def setUp(self):
        self.client = Client(self.layer["portal"].absolute_url())

    def test_the_feeds_speak_french(self):
        for feed in ("RSS", "rss.xml", "atom.xml"):
            with self.subTest(feed=feed):
                response = self.client.page(f"nouvelles-ressources/{feed}")
                self.assertEqual(response.status_code, 200)
                document = etree.fromstring(response.content)
                titles = [
                    element.text
                    for element in document.iter()
                    if isinstance(element.tag, str)
                    and etree.QName(element).localname == "title"
                ]
                self.assertEqual(titles[0], "Nouvelles ressources")
                self.assertGreater(len(titles), 1, "the feed has items")
                english = [
                    (element.text, english_in(element.text))
                    for element in document.iter()
                    if isinstance(element.tag, str)
                    and etree.QName(element).localname not in MACHINE_DATES
                    and element.text
                    and english_in(element.text)
                ]
                self.assertEqual(english, [])

    def test_no_portlet_squeezes_the_pages(self):
        # The site root assigns none: Plone's navigation and plone.app.event's
        # events to come are gone from every page (the agenda, the login form).
        for path in ("agenda", "login", "centre-de-ressources"):
            with self.subTest(path=path):
                document = lxml.html.fromstring(self.client.page(path).text)
                self.assertEqual(document.cssselect(".portlet"), [])
                self.assertEqual(document.cssselect("#portal-column-one"), [])
                self.assertEqual(document.cssselect("#portal-column-two"), [])

    def test_the_agenda_menu_does_not_list_every_event(self):
        document = lxml.html.fromstring(self.client.page().text)
        (agenda,) = [
            item
            for item in document.cssselect("#portal-globalnav > li")
            if item.cssselect("a")[0].text_content().strip() == "Agenda"
        ]
        self.assertEqual(agenda.cssselect("ul a"), [])

    def test_the_upcoming_events_portlet_writes_dates_in_words(self):
        # An administrator may add the portlet back where a page wants it.
        agenda = self.layer["portal"]["agenda"]
        mapping = getMultiAdapter(
            (agenda, getUtility(IPortletManager, name="plone.rightcolumn")),
            IPortletAssignmentMapping,
        )
        mapping["events"] = EventsAssignment(count=5)
        transaction.commit()
        document = lxml.html.fromstring(self.client.page("agenda").text)
        dates = [
            element.text_content().strip()
            for element in document.cssselect(".portletEvents .portletItemDetails time")
        ]
        self.assertTrue(dates, "the portlet lists the events to come")
        for date in dates:
            self.assertRegex(date, DATE_IN_WORDS)
        portlet = document.cssselect(".portletEvents")[0].text_content()
        self.assertNotIn("Europe/Paris", portlet)

    def test_an_event_page_says_when_in_a_sentence(self):
        path = path_of(portal_type="Event", Title="Rencontres nationales")
        document = lxml.html.fromstring(self.client.page(path).text)
        when = " ".join(document.cssselect(".event-when p")[0].text_content().split())
        self.assertRegex(when, WHEN_IN_WORDS)

    def test_the_home_page_shows_its_events_once(self):
        document = lxml.html.fromstring(self.client.page().text)
        self.assertEqual(document.cssselect(".portletEvents"), [])
        # Beside the menu (its Agenda lists the events): once in the page.
        found = document.xpath(
            '//*[not(ancestor::nav)][contains(text(), "Rencontres nationales")]'
        )
        self.assertEqual(len(found), 1, [lxml.html.tostring(e)[:300] for e in found])

    def test_the_password_reset_mail_is_french(self):
        mailbox.reset()
        page = self.client.page("mail_password_form")
        document = lxml.html.fromstring(page.text, base_url=page.url)
        form = document.xpath('//form[@name="mail_password"]')[0]
        data = [(field.name, field.value or "") for field in form.inputs if field.name]
        data.append(("userid", "membre-a"))
        response = self.client.session.post(form.action, data=data, timeout=60)
        self.assertEqual(response.status_code, 200)
        # mailbox.mails() checks the subject and the body for English words.
        [mail] = mailbox.mails(to="membre-a@example.org")
        self.assertIn("mot de passe", mail.subject.lower())
