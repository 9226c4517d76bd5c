"""The submissions that easyform's "Save data" actions keep, read without writing.

easyform creates a form's storage on first access (``SaveData._storage``): reading
it from a GET would be a write, refused by plone.protect. This reads what exists."""

from collective.easyform.api import get_actions
from collective.easyform.interfaces import ISaveData
from plone import api
from zope.schema import getFieldsInOrder


def saved_data_storages():
    """(form, storage) of every Save data action that has kept something; each
    storage maps the arrival time in milliseconds to the submitted values."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="EasyForm"):
        form = brain._unrestrictedGetObject()
        kept = getattr(form, "_inputStorage", None) or {}
        for name, action in getFieldsInOrder(get_actions(form)):
            if ISaveData.providedBy(action) and name in kept:
                yield form, kept[name]
