"""1005: the big sections keep no manual order (faster additions and REST reads)."""

from coordaction.policy.site.skeleton import UNORDERED
from coordaction.policy.site.skeleton import make_unordered
from plone import api


def unorder_sections(context):
    portal = api.portal.get()
    for section_id in UNORDERED:
        if section_id in portal:
            make_unordered(portal[section_id])
