"""The home page's sample content (published resources, projects, events, ads, a
member in a working group), plus a resource with its file to download, licence and
text: the pages the accessibility tests visit show what a visitor would meet."""

from plone.app.textfield.value import RichTextValue
from tests import builders
from tests.home.layer import HOME_FIXTURE
from tests.layers import content_layers


RESOURCE_TITLE = "Guide pratique du foncier solidaire"
# The only resource of its kind: ticking this facet leaves it alone in the results.
RESOURCE_KIND = "fiche-pratique"


def build_resource_to_read(portal):
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


ACCESSIBILITY = content_layers(
    "Accessibility", build_resource_to_read, base=HOME_FIXTURE
)
ACCESSIBILITY_TESTING = ACCESSIBILITY.browser
