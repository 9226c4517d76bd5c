"""Feeds of what is new: RSS and Atom through Plone's own syndication of two
Collections (the newest published resources, the newest ads), which sort by
publication date and respect each reader's permissions."""

from coordaction.content.site_items import ensure_item
from coordaction.content.site_items import publish
from coordaction.policy import _
from plone.base.interfaces.syndication import IFeedSettings


SELECTION_ANY = "plone.app.querystring.operation.selection.any"

# id: (title, description, portal type)
FEEDS = {
    "nouvelles-ressources": (
        _("New resources"),
        _("The latest resources published in the resource centre."),
        "Resource",
    ),
    "nouvelles-annonces": (
        _("New ads"),
        _("The latest classified ads published."),
        "ClassifiedAd",
    ),
}


def ensure_feeds(portal):
    """Create the feed collections that are missing, and enable RSS and Atom."""
    for feed_id, (title, description, portal_type) in FEEDS.items():
        collection, created = ensure_item(
            portal,
            feed_id,
            "Collection",
            title=title,
            description=description,
            query=[
                {"i": "portal_type", "o": SELECTION_ANY, "v": [portal_type]},
                {"i": "review_state", "o": SELECTION_ANY, "v": ["published"]},
            ],
            sort_on="effective",
            sort_reversed=True,
            limit=50,
            exclude_from_nav=True,
        )
        if created:
            publish(collection)
        settings = IFeedSettings(collection)
        settings.enabled = True
        settings.feed_types = ("RSS", "rss.xml", "atom.xml")
        settings.max_items = 30
