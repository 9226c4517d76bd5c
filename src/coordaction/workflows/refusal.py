"""On a refused item's page, for whoever may edit it: that it is to rework and
the reviewer's reason (which otherwise lived only in the author's mail)."""

from coordaction.workflows.review_history import refusal_reason
from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class RefusalViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/refusal.pt")

    def update(self):
        super().update()
        in_draft = api.content.get_state(self.context, default=None) == "private"
        self.reason = refusal_reason(self.context) if in_draft else ""
