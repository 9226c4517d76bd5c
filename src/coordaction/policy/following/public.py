"""The public face of the activity of a working group or a chantier: a page
(``@@activite``) and its feeds (Plone's ``rss.xml``, ``atom.xml`` and ``RSS``,
on by default for these two types). Both read ``activity`` with the reader's
rights: an anonymous reader of a public group sees what is public in it, never
its private space; a private group answers only to those who may see it."""

from coordaction.content.content.working_group import IWorkingGroup
from coordaction.content.content.workstream import IWorkstream
from coordaction.content.i18n import type_title
from coordaction.content.listing_urls import page_url
from coordaction.policy import _
from coordaction.policy.following.activity import activity
from plone import api
from plone.base.interfaces.syndication import IFeed
from plone.base.interfaces.syndication import IFeedSettings
from Products.CMFPlone.browser.syndication.adapters import FolderFeed
from Products.CMFPlone.browser.syndication.settings import FeedSettings
from Products.Five.browser import BrowserView
from zope.i18n import translate
from zope.interface import implementer


FEED_TYPES = ("RSS", "rss.xml", "atom.xml")
# The page shows the last changes; the feeds, as many as their settings say.
PAGE_SHOWN = 30


def has_activity_page(obj):
    return IWorkingGroup.providedBy(obj) or IWorkstream.providedBy(obj)


class IActivityFeed(IFeed):
    """The feed of what changed in a working group or on a chantier."""


@implementer(IActivityFeed)
class ActivityFeed(FolderFeed):
    # The portal publishes the feed: no creator's name or address in its head.
    author = None

    def _brains(self):
        return activity(self.context, limit=self.limit)


@implementer(IFeedSettings)
class ActivityFeedSettings(FeedSettings):
    """Feeds on, in the three formats, unless an editor turned them off."""

    def __getattr__(self, name):
        if name == "enabled" and name not in self._metadata:
            return True
        if name == "feed_types" and name not in self._metadata:
            return FEED_TYPES
        return super().__getattr__(name)


class ActivityView(BrowserView):
    @property
    def label(self):
        """The page's heading, and its name in the browser's tab."""
        return translate(
            _("Activity: ${title}", mapping={"title": self.context.Title()}),
            context=self.request,
        )

    def entries(self):
        return [
            {
                "title": brain.Title,
                "url": page_url(brain),
                "type": type_title(brain.portal_type, self.request),
                "date": api.portal.get_localized_time(brain.modified),
            }
            for brain in activity(self.context, limit=PAGE_SHOWN)
        ]

    def feeds(self):
        url = self.context.absolute_url()
        return [
            {"title": "RSS", "url": f"{url}/rss.xml"},
            {"title": "Atom", "url": f"{url}/atom.xml"},
        ]
