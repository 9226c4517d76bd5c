"""The header logo. Plone's logo viewlet shows the site logo an administrator
uploaded (``plone.site_logo``, Site control panel) or, without one,
``++resource++plone-logo.svg``: our layer registers our logo under that name
(configure.zcml), so Plone's own choice stays, with our default. This viewlet only
gives the image a French text that says where the link leads."""

from coordaction.policy import _
from plone.app.layout.viewlets.common import LogoViewlet as PloneLogoViewlet
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


class LogoViewlet(PloneLogoViewlet):
    index = ViewPageTemplateFile("templates/logo.pt")

    def update(self):
        super().update()
        self.logo_alt = translate(
            _("${site} — home page", mapping={"site": self.logo_title}),
            context=self.request,
        )
