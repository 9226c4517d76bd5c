"""The footer of every page: the federation, how to reach it, its personal data and
accessibility pages, and the licence of its content.

It replaces Plone's ``@@footer`` (the "Plone Foundation" notice that the footer
portlet of the site root shows) for our layer; the "Powered by Plone" colophon
portlet is removed by the profile (portlets.xml)."""

from coordaction.content.behaviors.license import default_license
from coordaction.content.licenses import badge_url
from coordaction.content.licenses import get_license
from coordaction.content.sections import CONTRIBUTE
from coordaction.content.site_items import ACCESSIBILITY_STATEMENT
from coordaction.content.site_items import CONTACT_FORM
from coordaction.content.site_items import PRIVACY_NOTICE
from coordaction.content.site_items import SITE_TOOLS_PAGE
from coordaction.policy import _
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate


class FooterView(BrowserView):
    def federation(self):
        return api.portal.get_registry_record("plone.site_title", default="")

    def links(self):
        """[{title, url}] of the portal's own pages, those that exist."""
        portal = api.portal.get()
        pages = (
            ((CONTRIBUTE, CONTACT_FORM), _("Contact us")),
            ((PRIVACY_NOTICE,), _("Personal data")),
            ((ACCESSIBILITY_STATEMENT,), _("Accessibility: partially compliant")),
            ((SITE_TOOLS_PAGE,), _("Tools for your sites")),
        )
        links = []
        for path, title in pages:
            item = portal.unrestrictedTraverse(path, None)
            if item is not None:
                links.append(
                    {
                        "title": translate(title, context=self.request),
                        "url": item.absolute_url(),
                    }
                )
        return links

    def license(self):
        """{short, title, url, badge} of the site's default licence, or None."""
        license = get_license(default_license(None))
        if license is None or not license.url:
            return None
        return {
            "short": license.short,
            "title": translate(license.title, context=self.request),
            "url": license.url,
            "badge": badge_url(license),
            "badge_alt": translate(
                _("Licence ${name}", mapping={"name": license.short}),
                context=self.request,
            ),
        }
