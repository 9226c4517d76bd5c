"""The home page's sample content (published resources, projects, events, ads, a
member in a working group), plus a resource with its file to download, licence and
text: the pages the accessibility tests visit show what a visitor would meet."""

from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import FunctionalTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.textfield.value import RichTextValue
from plone.testing.zope import WSGI_SERVER_FIXTURE
from tests import builders
from tests.accessibility.browser import CHROMIUM_FIXTURE
from tests.home.layer import HOME_FIXTURE


RESOURCE_TITLE = "Guide pratique du foncier solidaire"
# The only resource of its kind: ticking this facet leaves it alone in the results.
RESOURCE_KIND = "fiche-pratique"


class AccessibilityLayer(PloneSandboxLayer):
    defaultBases = (HOME_FIXTURE,)

    def setUpPloneSite(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        login(portal, TEST_USER_NAME)
        builders.publish(
            builders.resource(
                portal["centre-de-ressources"],
                title=RESOURCE_TITLE,
                resource_kind=RESOURCE_KIND,
                description="Acheter un terrain à plusieurs, pas à pas.",
                text=RichTextValue(
                    "<p>Ce guide suit un groupe de la promesse de vente à l'acte.</p>",
                    "text/html",
                    "text/x-html-safe",
                ),
            )
        )
        setRoles(portal, TEST_USER_ID, ["Member"])


ACCESSIBILITY_FIXTURE = AccessibilityLayer()

ACCESSIBILITY_TESTING = FunctionalTesting(
    bases=(ACCESSIBILITY_FIXTURE, WSGI_SERVER_FIXTURE, CHROMIUM_FIXTURE),
    name="Accessibility:FunctionalTesting",
)
