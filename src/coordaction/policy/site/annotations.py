"""What a feature keeps for the whole portal, outside of content: an OOBTree in an
annotation of the portal, under the feature's own key."""

from BTrees.OOBTree import OOBTree
from plone import api
from zope.annotation.interfaces import IAnnotations


def portal_tree(key, create=False):
    """The OOBTree kept under ``key``; None when there is none yet and ``create``
    is false (a read never writes to the portal)."""
    annotations = IAnnotations(api.portal.get())
    tree = annotations.get(key)
    if tree is None and create:
        tree = annotations[key] = OOBTree()
    return tree
