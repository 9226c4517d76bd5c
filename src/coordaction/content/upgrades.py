"""Upgrade steps of the coordaction.content profile."""

from plone import api
from Products.CMFCore.indexing import processQueue


PROFILE = "profile-coordaction.content:default"

# Indexes 1002 adds: only observatory situations fill them, and none exist yet.
NEW_INDEXES_1002 = ("case_status", "case_domains")


def to_1002(context):
    """The observatory's situations (type, add permission, indexes) and the photo
    bank's catalog columns (credit and download address of each image).

    Idempotent: importing the catalog keeps existing indexes and their data."""
    setup = api.portal.get_tool("portal_setup")
    for step in ("typeinfo", "rolemap", "catalog"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    catalog = api.portal.get_tool("portal_catalog")
    # The new indexes and columns concern situations and images only.
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["ObservatoryCase", "Image"]
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=["getId", *NEW_INDEXES_1002])
    processQueue()


def to_1004(context):
    """The catalog keeps no unsafe address: the Links' target (which Plone's
    navigation puts in an ``href``) and the resources' download address were
    indexed before the address rule; they are indexed again through it."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=["Link", "Resource"]):
        brain._unrestrictedGetObject().reindexObject(idxs=["getRemoteUrl"])
    processQueue()
