from coordaction.workflows.groups import ensure_portal_groups
from plone import api
from Products.CMFPlacefulWorkflow.interfaces import IPlacefulMarker
from zope.interface import alsoProvides


def enable_placeful_workflow():
    """CMFPlacefulWorkflow's own post handler does not run when its profile is
    applied as a dependency: without this marker, the workflow tool ignores the
    policies of the working-group spaces."""
    alsoProvides(api.portal.get_tool("portal_workflow"), IPlacefulMarker)


def post_install(context):
    enable_placeful_workflow()
    ensure_portal_groups(api.portal.get())
