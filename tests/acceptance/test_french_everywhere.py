"""Every page a person reaches speaks French: its visible text, its hidden text
(what a screen reader says), and its ``title``, ``aria-label``, ``alt`` and
``placeholder`` attributes, its ``<title>`` and its feed titles.

Each persona (anonymous, member, contributor, reviewer, administrator) walks the
pages they use in headless Chromium; the text of each page is scanned for English
words (ENGLISH). A word that is legitimately French or a proper noun goes in ALLOWED,
with the reason.
"""

from plone import api
from tests import builders
from tests.acceptance.browser import log_in
from tests.acceptance.browser import new_page
from tests.acceptance.browser import requires_chromium
from tests.acceptance.browser import screenshot_on_failure
from tests.accessibility.layer import ACCESSIBILITY
from tests.accessibility.layer import RESOURCE_TITLE
from tests.http import PASSWORD
from tests.http import make_user
from tests.layers import content_layers
import re
import unittest


# English a person must not meet: {pattern: what it catches}. Case-sensitive, whole
# words: "Edit" is English, "édition" is not.
ENGLISH = {
    r"\bPowered\b": "Plone's colophon",
    r"\bRequired\b": "the mark of a required field",
    r"\bClose\b": "a button that closes a menu or a dialog",
    r"\bremove\b": "the button that removes a filter",
    r"\bRead more\b": "eea's link under a result",
    r"\bRelated Items\b": "the related items field",
    r"\bRelated\b": "related content",
    r"\b\d+(\.\d+)? ?[KMG]B\b": "a file size in English (KB instead of Ko)",
    r"\bAllowed types\b": "the image field's hint",
    r"\bEnable\b": "an action that turns a feature on",
    r"\bDisable\b": "an action that turns a feature off",
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b": "an English month",
    r"\b(January|February|March|April|June|July|August|October|November|December)\b": (
        "an English month"
    ),
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b": "a weekday",
    r"\b(AM|PM)\b": "an English hour",
    r"\(Europe/Paris\)": "a time zone name after a date",
    r"\btext/(html|plain|x-[a-z-]+)\b": "a MIME type offered as a text format",
    r"b'": "Python's bytes shown as text",
    r"\b(Search|Submit|Cancel|Save|Edit|Delete|Remove|Upload|Browse|Select)\b": (
        "a button"
    ),
    r"\b(Log in|Log out|Login|Logout|Sign in|Username|Password)\b": "logging in",
    r"\b(Home|Next|Previous|Back|Show|Hide|More|Less|Loading)\b": "navigation",
    r"\b(Download|Contents|View|Share|Add|Actions|Display|State)\b": "Plone's menus",
    r"\b(Upcoming|Events|News|Results|Filter|Filters|Sort|Today)\b": "a listing",
    r"\b(Title|Summary|Description|Text|Categorization|Settings|Ownership)\b": (
        "a field or a tab of a form"
    ),
    r"\b(Welcome|Yes|No|None|Error|Warning|Info|Sorry)\b": "a message",
    r"\b(the|and|of|with|your|for|this|from|you)\b": "an English sentence",
}
ENGLISH_PATTERN = re.compile("|".join(f"(?:{pattern})" for pattern in ENGLISH))

# Words that match ENGLISH but are French too: {word: why}.
ALLOWED = {
    "Description": "French: the description of a content item",
    "Actions": "French: the menu of actions on the current item",
}
# Whole texts that match ENGLISH but are French: {text: why}.
ALLOWED_TEXTS = {
    "Mar.": "French: mardi, in the date picker's week (not March)",
}

# Where the text is collected: every text node but scripts and styles, hidden ones
# included (a screen reader reads visually hidden text; a menu folded away opens),
# and the attributes a person sees or hears.
COLLECT = """() => {
  const found = [];
  const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);
  // Left out until their branches are merged (LEAD: delete them from `elsewhere`
  // at the merge): the colophon "Powered by Plone", removed by the identity branch
  // (issue 15, item 1, fix/identity); the map's attribution ("A JavaScript library
  // for interactive maps"), whose texts belong to the map branch (item 4, fix/map).
  const elsewhere = [...document.querySelectorAll(
    "#portal-colophon, .colophon, .leaflet-control-attribution"
  )];
  const excluded = (element) => elsewhere.some((root) => root.contains(element));
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || skip.has(parent.tagName)) continue;
    if (excluded(parent)) continue;
    const text = node.textContent.trim();
    if (text) found.push([parent.tagName.toLowerCase(), text]);
  }
  const attributes = ["title", "aria-label", "alt", "placeholder", "aria-description"];
  for (const element of document.querySelectorAll("*")) {
    if (excluded(element)) continue;
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


def english_in(text):
    """The English words of ``text`` that ALLOWED does not excuse."""
    if text in ALLOWED_TEXTS:
        return []
    return [
        match.group(0)
        for match in ENGLISH_PATTERN.finditer(text)
        if match.group(0) not in ALLOWED
    ]


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
