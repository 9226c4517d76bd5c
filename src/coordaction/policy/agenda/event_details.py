"""On an event's page, under Plone's dates and place: the municipality, the link
to follow it online and the link to register (``coordaction.event_details``)."""

from coordaction.content.addresses import safe_href
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class EventDetailsViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/event_details.pt")

    def update(self):
        super().update()
        context = self.context
        self.commune = getattr(context, "commune", None) or ""
        # Only what may be followed, whatever was stored (an import, old data).
        self.online_url = safe_href(getattr(context, "online_url", None)) or ""
        self.registration_url = (
            safe_href(getattr(context, "registration_url", None)) or ""
        )

    def available(self):
        return bool(self.commune or self.online_url or self.registration_url)

    def render(self):
        return self.index() if self.available() else ""
