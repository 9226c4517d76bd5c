"""The feeds in French. The feed links of a page's head (``<link rel="alternate">``), as Plone writes
them, but with a French title: Plone's viewlet (plone.app.layout 6.0.2,
``links/viewlets.py``, ``RSSViewlet.getRssLinks``) writes the format's name through
``safe_bytes`` into an f-string, which gives "Nouvelles ressources - b'RSS 2.0'"."""

from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from plone import api
from plone.app.layout.links.viewlets import RSSViewlet
from plone.base.interfaces.syndication import IFeedSettings
from Products.CMFPlone.browser.syndication.adapters import DexterityItem
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


class FeedLinksViewlet(RSSViewlet):
    def getRssLinks(self, obj):
        settings = IFeedSettings(obj, None)
        if settings is None:
            return []
        vocabulary = getUtility(
            IVocabularyFactory, "plone.app.vocabularies.SyndicationFeedTypes"
        )(self.context)
        links = []
        for feed_type in settings.feed_types:
            try:
                term = vocabulary.getTerm(feed_type)
            except LookupError:
                continue
            title = _(
                "${title}: ${format} feed",
                mapping={"title": obj.Title(), "format": term.title},
            )
            links.append(
                {
                    "title": in_request_language(title, self.request),
                    "url": f"{obj.absolute_url()}/{term.value}",
                }
            )
        return links


class FeedItem(DexterityItem):
    """An item of the portal's feeds, published by the portal: Plone's
    (plone.dexterity 4.0.0, ``DexterityContent.Publisher``) says "No publisher" in
    each item of the RSS 1.0 feed (``dc:publisher``)."""

    @property
    def publisher(self):
        return api.portal.get_registry_record("plone.site_title", default="")
