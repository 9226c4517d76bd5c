"""1007: the Agenda section shows its own page (events to come or a month, filters,
iCalendar subscription) instead of Plone's listing of its content."""

from coordaction.policy.site.skeleton import SECTION_PAGES
from coordaction.policy.site.skeleton import use_section_page
from plone import api


def use_section_pages(context):
    portal = api.portal.get()
    for section_id in SECTION_PAGES:
        if section_id in portal:
            use_section_page(portal[section_id])
