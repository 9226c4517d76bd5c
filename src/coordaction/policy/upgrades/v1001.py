"""1001: each section offers only the types it is for."""

from coordaction.policy.skeleton import SECTIONS
from coordaction.policy.skeleton import restrict_section_types
from plone import api


def restrict_sections(context):
    portal = api.portal.get()
    for section_id, *_rest in SECTIONS:
        if section_id in portal:
            restrict_section_types(portal[section_id])
