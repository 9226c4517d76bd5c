"""The roster page of a working-group space (coordinators), and the join request
button (network members)."""

from coordaction.workflows import _
from coordaction.workflows.spaces.roster import RosterError
from coordaction.workflows.spaces.roster import WorkingGroupRoster
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
            self.request.response.redirect(f"{self.context.absolute_url()}/@@roster")
            return ""
        return self.template()

    def handle(self, action, form):
        user = (form.get("user") or "").strip()
        try:
            if action == "add":
                user_id = self.roster.add(
                    user, coordinator=bool(form.get("coordinator"))
                )
                message = _(
                    "${who} is now a member of the group.", mapping={"who": user_id}
                )
            elif action == "remove":
                self.roster.remove(user)
                message = _(
                    "${who} is no longer a member of the group.", mapping={"who": user}
                )
            elif action == "promote":
                self.roster.set_coordinator(user, True)
                message = _("${who} now coordinates the group.", mapping={"who": user})
            elif action == "demote":
                self.roster.set_coordinator(user, False)
                message = _(
                    "${who} no longer coordinates the group.", mapping={"who": user}
                )
            elif action == "accept":
                self.roster.accept(user)
                message = _("The request of ${who} is accepted.", mapping={"who": user})
            elif action == "decline":
                self.roster.decline(user)
                message = _("The request of ${who} is refused.", mapping={"who": user})
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
        people = []
        for user_id in self.roster.requests():
            user = api.user.get(userid=user_id)
            people.append(
                {
                    "id": user_id,
                    "fullname": (user.getProperty("fullname") if user else "")
                    or user_id,
                    "email": user.getProperty("email") if user else "",
                }
            )
        return people


class JoinRequestView(BrowserView):
    """A network member asks to join a space whose join policy allows it."""

    def __call__(self):
        if self.request.method != "POST":
            self.request.response.redirect(self.context.absolute_url())
            return ""
        CheckAuthenticator(self.request)
        user_id = api.user.get_current().getId()
        try:
            WorkingGroupRoster(self.context).request_to_join(user_id)
        except RosterError as error:
            api.portal.show_message(str(error), request=self.request, type="error")
        else:
            api.portal.show_message(
                translate(
                    _("Your request is sent to the group's coordinators."),
                    context=self.request,
                ),
                request=self.request,
                type="info",
            )
        self.request.response.redirect(self.context.absolute_url())
        return ""
