"""The archive of the letter (``/lettre``): the folder where the letter's team
composes each issue, shown to the public as the list of the letters sent, newest
first, with their feed (Plone's syndication of the folder: each reader's feed
lists what they may see, so only the sent letters for the public). Left out of
the main menu; linked from the sign-up block and each letter."""

from coordaction.content.site_items import LETTER_ARCHIVE
from coordaction.content.site_items import ensure_item
from coordaction.content.site_items import forget_page
from coordaction.content.site_items import show_with
from coordaction.policy import _
from coordaction.policy.newsletter.interfaces import ILetterArchive
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.base.interfaces.syndication import IFeedSettings
from Products.Five.browser import BrowserView


LAYOUT = "lettres"
ADD_PERMISSION = "coordaction: Add Newsletter"
FEED_TYPES = ("RSS", "rss.xml", "atom.xml")


def ensure_letter_archive(portal):
    folder, _created = ensure_item(
        portal,
        LETTER_ARCHIVE,
        "Folder",
        title=_("The letter"),
        description=_(
            "The letter of the network: what its associations published, the "
            "events to come, news. Every letter sent, to read online."
        ),
        exclude_from_nav=True,
    )
    # Its team composes letters here, and only here.
    folder.manage_permission(
        ADD_PERMISSION, ["Manager", "Site Administrator", "Editor"], acquire=True
    )
    constraints = ISelectableConstrainTypes(folder)
    constraints.setConstrainTypesMode(ENABLED)
    constraints.setLocallyAllowedTypes(["Newsletter"])
    constraints.setImmediatelyAddableTypes(["Newsletter"])
    settings = IFeedSettings(folder)
    settings.enabled = True
    settings.feed_types = FEED_TYPES
    settings.max_items = 30
    return show_with(folder, ILetterArchive, LAYOUT)


def forget_letter_archive(portal):
    forget_page(portal.get(LETTER_ARCHIVE), ILetterArchive, LAYOUT, "listing_view")


class ArchiveView(BrowserView):
    """The letters sent, newest first; for the team, the letters in preparation."""

    def letters(self, states):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type="Newsletter",
            path="/".join(self.context.getPhysicalPath()),
            review_state=states,
            sort_on="effective" if states == ["sent"] else "modified",
            sort_order="descending",
        )
        return [
            {
                "title": brain.Title,
                "description": brain.Description,
                "url": brain.getURL(),
                "date": api.portal.get_localized_time(
                    brain.effective if states == ["sent"] else brain.modified
                ),
            }
            for brain in brains
        ]

    def sent(self):
        return self.letters(["sent"])

    def in_preparation(self):
        return self.letters(["draft", "ready"])

    def can_add(self):
        return api.user.has_permission("coordaction: Add Newsletter", obj=self.context)

    def feeds(self):
        url = self.context.absolute_url()
        return [
            {"title": "RSS", "url": f"{url}/rss.xml"},
            {"title": "Atom", "url": f"{url}/atom.xml"},
        ]

    def signup_url(self):
        return f"{api.portal.get().absolute_url()}/@@lettre-inscription"
