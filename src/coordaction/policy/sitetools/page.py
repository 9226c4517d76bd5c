"""The *Outils pour vos sites* page: a Document the portal sets up (its text is the
federation's to edit), shown with the snippet generator (``view.SiteToolsView``).
A Document rather than a view alone, so that searching "widget" finds it."""

from coordaction.content.i18n import in_site_language
from coordaction.content.site_items import SITE_TOOLS_PAGE
from coordaction.content.site_items import ensure_item
from coordaction.content.site_items import forget_page
from coordaction.content.site_items import show_with
from coordaction.policy import _
from coordaction.policy.sitetools.interfaces import ISiteToolsPage
from plone.app.textfield.value import RichTextValue


LAYOUT = "site-tools"

INTRODUCTION = _(
    "<p>The resources, ads, events and projects published on the portal can appear "
    "on your association's website, kept up to date by themselves: a widget to "
    "paste into a page, RSS and Atom feeds, the agenda as an iCalendar calendar, "
    "and the REST API for developers. Each item keeps its licence and links back to "
    "the portal.</p>"
    "<p>Choose below what to show: the preview and the code to copy follow your "
    "choice.</p>"
)


def ensure_site_tools_page(portal):
    """Create and publish the page if it is missing, shown with its generator."""
    page, _created = ensure_item(
        portal,
        SITE_TOOLS_PAGE,
        "Document",
        title=_("Tools for your sites"),
        description=_(
            "Show the portal's resources, ads, events and projects on your "
            "association's website: widget, RSS feeds, iCalendar agenda, REST API."
        ),
        text=RichTextValue(
            in_site_language(INTRODUCTION), "text/html", "text/x-html-safe"
        ),
        exclude_from_nav=True,
    )
    return show_with(page, ISiteToolsPage, LAYOUT)


def forget_site_tools_page(portal):
    """Back to Plone's page view: without our layer the generator is gone."""
    forget_page(portal.get(SITE_TOOLS_PAGE), ISiteToolsPage, LAYOUT, "document_view")
