"""What the upgrade steps do that XML cannot say (``*.zcml`` of this package)."""

from coordaction.policy.participation.forms import replace_form_models
from coordaction.policy.site.skeleton import ensure_navigation_skeleton
from coordaction.workflows.groups import ensure_portal_groups
from coordaction.workflows.groups import grant_section_teams
from plone import api


def ensure_groups(context):
    ensure_portal_groups(api.portal.get())


def add_meetings_section(context):
    portal = api.portal.get()
    ensure_navigation_skeleton(portal)
    grant_section_teams(portal)


def rnhp_form_creates_proposals(context):
    """The RNHP form only mailed the team (in the demo, an address nobody reads):
    it now creates a proposal to follow. Its fields and actions are replaced."""
    replace_form_models(api.portal.get(), "proposer-une-contribution-rnhp")
