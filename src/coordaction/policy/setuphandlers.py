from coordaction.content import sections
from coordaction.policy.home.site_root import forget_home_page
from coordaction.policy.home.site_root import use_home_page
from coordaction.policy.identity.statement import ensure_accessibility_statement
from coordaction.policy.mailqueue.mailhost import use_plone_mailhost
from coordaction.policy.mailqueue.mailhost import use_queued_mailhost
from coordaction.policy.mailqueue.settings import configure_mail_from_environment
from coordaction.policy.newsletter.archive import ensure_letter_archive
from coordaction.policy.newsletter.archive import forget_letter_archive
from coordaction.policy.participation.forms import ensure_participation
from coordaction.policy.participation.scheduled import ensure_scheduled_token
from coordaction.policy.resourcecentre.faceted.pages import apply_faceted_configurations
from coordaction.policy.resourcecentre.feeds import ensure_feeds
from coordaction.policy.security.login_throttle import install_login_throttle
from coordaction.policy.security.login_throttle import uninstall_login_throttle
from coordaction.policy.site.skeleton import ensure_navigation_skeleton
from coordaction.policy.site.skeleton import forget_section_page
from coordaction.policy.sitetools.page import ensure_site_tools_page
from coordaction.policy.sitetools.page import forget_site_tools_page
from coordaction.workflows.groups import grant_editorial_roles
from coordaction.workflows.groups import grant_section_teams
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Profiles a site administrator should not install by hand: they are pulled
    in by ``coordaction.policy:default`` or only used to uninstall."""

    def getNonInstallableProfiles(self):
        return [
            "coordaction.policy:uninstall",
            "coordaction.content:default",
            "coordaction.workflows:default",
            "coordaction.workflows:uninstall",
        ]

    def getNonInstallableProducts(self):
        return ["coordaction.content", "coordaction.workflows"]


def post_install(context):
    """What GenericSetup XML cannot say: content and settings from the environment."""
    portal = api.portal.get()
    portal.title = api.portal.get_registry_record("plone.site_title")
    ensure_navigation_skeleton(portal)
    apply_faceted_configurations(portal)
    grant_editorial_roles(portal)
    ensure_feeds(portal)
    ensure_letter_archive(portal)
    grant_section_teams(portal)
    use_queued_mailhost(portal)
    configure_mail_from_environment()
    ensure_scheduled_token()
    ensure_participation(portal)
    ensure_accessibility_statement(portal)
    ensure_site_tools_page(portal)
    use_home_page(portal)
    install_login_throttle(portal)


def uninstall(context):
    """The site root and the sections showing a page of ours go back to Plone's:
    without our browser layer that page no longer exists, and would not render."""
    portal = api.portal.get()
    forget_home_page(portal)
    use_plone_mailhost(portal)
    uninstall_login_throttle(portal)
    forget_site_tools_page(portal)
    forget_letter_archive(portal)
    for section in sections.SECTIONS:
        if section.page and section.id in portal:
            forget_section_page(portal[section.id])
