"""On a working group's page, what the visitor can do about belonging to it: a
coordinator manages the members (and sees how many requests wait); a member sees
it and may leave; a network member of a group that takes requests asks to join,
with a message, and then sees that the request waits; a visitor is invited to
log in first."""

from coordaction.content.content.working_group import JOINABLE
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode


MANAGE_ROSTER = "coordaction: Manage roster"
ASK_TO_JOIN = "coordaction: Ask to join a working group"


class MembershipViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/membership.pt")

    def update(self):
        super().update()
        space = self.context
        roster = WorkingGroupRoster(space)
        self.takes_requests = getattr(space, "join_policy", "closed") in JOINABLE
        self.open = roster.joins_at_once()
        self.anonymous = api.user.is_anonymous()
        user_id = None if self.anonymous else api.user.get_current().getId()
        self.coordinates = bool(
            user_id and api.user.has_permission(MANAGE_ROSTER, obj=space)
        )
        self.member = bool(user_id) and roster.is_member(user_id)
        self.asked = bool(user_id) and user_id in roster.requests()
        declined = roster.declined_at(user_id) if user_id and not self.member else None
        self.declined_on = (
            api.portal.get_localized_time(declined) if declined is not None else ""
        )
        self.may_ask = (
            self.takes_requests
            and not self.member
            and not self.asked
            and bool(user_id)
            and api.user.has_permission(ASK_TO_JOIN, obj=space)
        )
        self.pending = len(roster.requests()) if self.coordinates else 0
        self.url = space.absolute_url()
        self.login_url = f"{self.site_url}/login?" + urlencode({"came_from": self.url})

    def available(self):
        return (
            self.coordinates
            or self.member
            or self.asked
            or self.may_ask
            or (self.anonymous and self.takes_requests)
        )
