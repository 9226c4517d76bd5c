"""1001: each section offers only the types it is for."""

from coordaction.content.sections import SECTIONS
from coordaction.policy.site.skeleton import restrict_section_types
from plone import api


def restrict_sections(context):
    portal = api.portal.get()
    for section in SECTIONS:
        if section.id in portal:
            restrict_section_types(portal[section.id])
