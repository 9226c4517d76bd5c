"""The home page's sample content (published resources, projects, events, ads, a
member in a working group), plus a resource with its file to download, licence and
text, and a letter sent (the archive and the letter's page): the pages the
accessibility tests visit show what a visitor would meet."""

from plone import api
from plone.app.textfield.value import RichTextValue
from tests import builders
from tests.home.layer import HOME_FIXTURE
from tests.layers import content_layers


RESOURCE_TITLE = "Guide pratique du foncier solidaire"
# The only resource of its kind: ticking this facet leaves it alone in the results.
RESOURCE_KIND = "fiche-pratique"
LETTER_ID = "la-lettre-de-decembre"


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
    letter = api.content.create(
        container=portal["lettre"],
        type="Newsletter",
        id=LETTER_ID,
        title="La lettre de décembre",
        editorial=RichTextValue(
            "<p>Bonjour à toutes et à tous.</p>", "text/html", "text/x-html-safe"
        ),
    )
    api.content.transition(letter, transition="make_ready")
    api.content.transition(letter, transition="send")


ACCESSIBILITY = content_layers(
    "Accessibility", build_resource_to_read, base=HOME_FIXTURE
)
ACCESSIBILITY_TESTING = ACCESSIBILITY.browser
