"""The *Proposer…* buttons: in a section, a group space or a folder in them, one
button per type of ``layout.LAYOUTS`` the visitor may add there, opening its
short add form. Nobody sees a button for what they may not add (Plone's
``allowedContentTypes`` checks the add permission of each type)."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from coordaction.content.sections import SECTIONS_BY_ID
from coordaction.policy.contributing.layout import LAYOUTS
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.base.interfaces import IPloneSiteRoot
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


def proposals(container):
    """[{"title", "url", "type"}] of what the current user may propose in
    ``container``, in the table's order. In a section of the portal, only what
    the section is for (``Section.allowed_types``: a section that names none,
    like *Contribuer*, holds the editors' own pages)."""
    if api.user.is_anonymous() or IPloneSiteRoot.providedBy(container):
        return []
    addable = {fti.getId() for fti in container.allowedContentTypes()}
    if IPloneSiteRoot.providedBy(aq_parent(aq_inner(container))):
        section = SECTIONS_BY_ID.get(container.getId())
        if section is not None:
            addable &= set(section.allowed_types)
    url = container.absolute_url()
    return [
        {
            "title": layout.propose,
            "url": f"{url}/++add++{portal_type}",
            "type": portal_type,
        }
        for portal_type, layout in LAYOUTS.items()
        if portal_type in addable
    ]


class ProposalsViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/proposals.pt")

    def update(self):
        super().update()
        self.proposals = proposals(self.context)

    def available(self):
        return bool(self.proposals)
