"""1009: the Observatoire juridique et financier and the Banque d'images, two new
faceted sections of the menu (the photo bank with its gallery and its moderated
images); the editorial team edits them like the other public sections."""

from coordaction.policy.resourcecentre.faceted.pages import apply_faceted_configurations
from coordaction.policy.site.skeleton import ensure_navigation_skeleton
from coordaction.policy.site.skeleton import use_section_workflow
from coordaction.workflows.groups import grant_editorial_roles
from plone import api


NEW_SECTIONS = ("observatoire", "banque-d-images")


def add_observatory_and_photo_bank(context):
    portal = api.portal.get()
    ensure_navigation_skeleton(portal)
    for section_id in NEW_SECTIONS:
        if section_id in portal:
            use_section_workflow(portal[section_id])
    grant_editorial_roles(portal)
    apply_faceted_configurations(portal)
