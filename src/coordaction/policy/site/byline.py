"""The line under a title ("par Claire Dumontel — Dernière modification …") is
about who wrote a piece of content: the sections of the portal have no author,
and Plone would name the account that installed the site, or the last one that
added something there (often a login such as "admin")."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from coordaction.content.sections import SECTIONS_BY_ID
from plone.app.layout.viewlets.content import DocumentBylineViewlet
from plone.base.interfaces import IPloneSiteRoot


def is_section(context):
    context = aq_inner(context)
    return context.getId() in SECTIONS_BY_ID and IPloneSiteRoot.providedBy(
        aq_parent(context)
    )


class SectionlessBylineViewlet(DocumentBylineViewlet):
    def render(self):
        if is_section(self.context):
            return ""
        return super().render()
