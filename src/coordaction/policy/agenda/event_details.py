"""On an event's page, under Plone's dates and place: the municipality, the link
to follow it online and the link to register (``coordaction.event_details``)."""

from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class EventDetailsViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/event_details.pt")

    def update(self):
        super().update()
        context = self.context
        self.commune = getattr(context, "commune", None) or ""
        self.online_url = getattr(context, "online_url", None) or ""
        self.registration_url = getattr(context, "registration_url", None) or ""

    def available(self):
        return bool(self.commune or self.online_url or self.registration_url)

    def render(self):
        return self.index() if self.available() else ""
