"""1003: RSS and Atom feeds of the new resources and the new ads."""

from coordaction.policy.resourcecentre.feeds import ensure_feeds
from plone import api


def create_feeds(context):
    ensure_feeds(api.portal.get())
