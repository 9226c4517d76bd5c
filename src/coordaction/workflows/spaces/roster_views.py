"""The roster page of a working-group space (coordinators), and what a member does
from the group's page: ask to join (with a message), leave."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from coordaction.workflows import _
from coordaction.workflows.spaces.roster import RosterError
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from coordaction.workflows.spaces.roster import fullname_of
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


class RosterView(BrowserView):
    """List, add, remove and promote members; answer join requests."""

    template = ViewPageTemplateFile("templates/roster.pt")

    def __call__(self):
        self.roster = WorkingGroupRoster(self.context)
        form = self.request.form
        action = form.get("action")
        if action and self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.handle(action, form)
            # Answered from Mon espace: back there (no other address is taken).
            if form.get("next") == "mon-espace":
                next_url = f"{api.portal.get().absolute_url()}/@@mon-espace"
            else:
                next_url = f"{self.context.absolute_url()}/@@roster"
            self.request.response.redirect(next_url)
            return ""
        return self.template()

    def handle(self, action, form):
        user = (form.get("user") or "").strip()
        who = fullname_of(user) if user else ""
        try:
            if action == "add":
                user_id = self.roster.add(
                    user, coordinator=bool(form.get("coordinator"))
                )
                message = _(
                    "${who} is now a member of the group.",
                    mapping={"who": fullname_of(user_id)},
                )
            elif action == "remove":
                self.roster.remove(user)
                message = _(
                    "${who} is no longer a member of the group.", mapping={"who": who}
                )
            elif action == "promote":
                self.roster.set_coordinator(user, True)
                message = _("${who} now coordinates the group.", mapping={"who": who})
            elif action == "demote":
                self.roster.set_coordinator(user, False)
                message = _(
                    "${who} no longer coordinates the group.", mapping={"who": who}
                )
            elif action == "accept":
                self.roster.accept(user)
                message = _("The request of ${who} is accepted.", mapping={"who": who})
            elif action == "decline":
                self.roster.decline(user)
                message = _("The request of ${who} is refused.", mapping={"who": who})
            else:
                raise RosterError(_("Unknown action."))
        except RosterError as error:
            api.portal.show_message(str(error), request=self.request, type="error")
            return
        api.portal.show_message(
            translate(message, context=self.request), request=self.request, type="info"
        )

    def people(self):
        return self.roster.people()

    def requests(self):
        return self.roster.request_details()


class MemberActionView(BrowserView):
    """A member's own action from the group's page (a POST with the page's
    authenticator): ``act`` does it and returns the message and where to go
    next; a RosterError is said on the group's page."""

    def __call__(self):
        if self.request.method != "POST":
            self.request.response.redirect(self.context.absolute_url())
            return ""
        CheckAuthenticator(self.request)
        user_id = api.user.get_current().getId()
        roster = WorkingGroupRoster(self.context)
        try:
            message, next_url = self.act(roster, user_id)
        except RosterError as error:
            api.portal.show_message(str(error), request=self.request, type="error")
            next_url = self.context.absolute_url()
        else:
            api.portal.show_message(
                translate(message, context=self.request),
                request=self.request,
                type="info",
            )
        self.request.response.redirect(next_url)
        return ""

    def act(self, roster, user_id):
        raise NotImplementedError


class JoinRequestView(MemberActionView):
    """A network member asks to join a space whose join policy allows it."""

    def act(self, roster, user_id):
        message = self.request.form.get("message", "")
        roster.request_to_join(user_id, message if isinstance(message, str) else "")
        if roster.joins_at_once():
            return (
                _(
                    "Welcome: you are a member of “${group}”.",
                    mapping={"group": self.context.Title()},
                ),
                self.context.absolute_url(),
            )
        return (
            _("Your request is sent to the group's coordinators."),
            self.context.absolute_url(),
        )


class LeaveGroupView(MemberActionView):
    """A member leaves the group, after saying so on a page of its own (one click
    on the group's page only asks); then back to the group's page if it is still
    theirs to see, else to the list of the groups."""

    confirm = ViewPageTemplateFile("templates/leave.pt")

    def __call__(self):
        if self.request.method != "POST":
            if api.user.is_anonymous():
                return self.request.response.redirect(self.context.absolute_url())
            return self.confirm()
        return super().__call__()

    def act(self, roster, user_id):
        roster.leave(user_id)
        space = self.context
        still_seen = api.user.has_permission("View", obj=space)
        return (
            _(
                "You have left the group “${group}”.",
                mapping={"group": space.Title()},
            ),
            space.absolute_url()
            if still_seen
            else aq_parent(aq_inner(space)).absolute_url(),
        )
